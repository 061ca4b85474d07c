"""Family dot-leader-blocks: every box printed as "label ........ value"
(dot leaders); the ranges are not a table but one labelled block per range
("Rango 1 de 3" followed by leader lines). Producers: groff (tab leaders,
single column) and Ghostscript (hand-written PostScript, two-column blocks)."""
from common import *
from draw import Canvas

FAMILY = "dot-leader-blocks"


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 2, 2, 3, 3, 4, 5, 6])}


def header_items(d, L, omit_empty):
    items = [(L["year"], d.year), (L["number"], d.number), (L["nit"], d.nit), (L["dv"], str(d.dv))]
    names = [(L["ap1"], d.ap1), (L["ap2"], d.ap2), (L["n1"], d.n1), (L["n2"], d.n2), (L["rs"], d.rs)]
    if omit_empty:
        names = [(k, v) for k, v in names if v]
    return items + names + [(L["secc"], d.secc)]


def range_items(r, L, sep, mstyle, code_style):
    items = [(L["mod"], kind_name(r.kind, mstyle))]
    if code_style == "separate":
        items.append(("Código modalidad", str(kind_code(r.kind))))
    else:
        items[0] = (L["mod"], f"{kind_name(r.kind, mstyle)} ({kind_code(r.kind)})")
    items += [(L["prefix"], r.prefix), (L["from"], fmt_int(r.frm, sep)), (L["to"], fmt_int(r.to, sep)),
              (L["months"], str(r.months))]
    if code_style == "separate":
        items += [(L["req"], req_name(r.request, mstyle)), ("Código solicitud", str(req_code(r.request)))]
    else:
        items += [(L["req"], f"{req_name(r.request, mstyle)} ({req_code(r.request)})")]
    return items


def render(d, rng, idx, stem, bstem):
    producer = "groff" if idx % 2 == 0 else "gs"
    lstyle = rng.choice(LABEL_STYLES)
    L = labels(lstyle)
    v = {"labels": lstyle, "sep": rng.choice([",", ",", ""]),
         "modality_case": rng.choice(["upper", "title", "noacc"]),
         "stamp": rng.choice(["slash-ampm", "space-24h", "two-lines", "date-only"]),
         "omit_empty_name_boxes": rng.random() < 0.5,
         "code_style": rng.choice(["separate", "parenthesis"]),
         "range_title": rng.choice(["Rango {i} de {n}", "RANGO No. {i}", "Rango autorizado {i}"])}
    if producer == "groff":
        v["value_align"] = rng.choice(["right", "left"])
        tr = groff_src(d, L, v, rng)
        with open(bstem + ".tr", "w", encoding="utf-8") as f:
            f.write(tr)
        groff_pdf(bstem + ".tr", stem + ".pdf", extra=["-P-pa4"])
    else:
        v["font"] = rng.choice(["Helvetica", "Times-Roman", "Courier"])
        v["columns"] = 2
        c = gs_canvas(d, L, v, rng)
        c.save(bstem, stem + ".pdf")
    return producer, v


def groff_src(d, L, v, rng):
    def t(s):
        return ("\\&" + s) if s[:1] in ".'" else s
    ps = rng.choice([10, 11, 12])
    v["font_pt"] = ps
    tab = ".ta 6.3iR" if v["value_align"] == "right" else ".ta 3.4i"
    out = [".nh", ".na", ".pl 29.7c", ".ll 16.5c", ".po 2.3c", f".ps {ps}", f".vs {ps + 4}", ".fam H",
           ".de HD", "'sp 1c", ".tl 'DIAN''Formulario 1876'", "'sp 1c", "..", ".wh 0 HD",
           ".de FO", "'sp 0.6c", ".tl 'Hoja %''www.dian.gov.co'", "'bp", "..", ".wh -2c FO",
           ".tc .",
           ".ft B", f".ps {ps + 4}", t(L["title"]), ".br", f".ps {ps}", ".ft R", t(L["subtitle"]), ".sp 1.5",
           ".ft B", t(L["applicant"]), ".ft R", ".sp 0.5", tab]
    def kvline(k, val):
        avail = (6.3 - 3.4) * 72 if v["value_align"] == "left" else 6.3 * 72 - text_width(k, "Helvetica", ps) - 30
        parts = wrap_text(val, "Helvetica", ps, avail) or [""]
        res = [f"{t(k)}\t{t(parts[0])}", ".br"]
        for p in parts[1:]:
            res += [".tc", f"\t{t(p)}", ".br", ".tc ."]
        return res
    for k, val in header_items(d, L, v["omit_empty_name_boxes"]):
        out += kvline(k, val)
    out += [".tc", ".sp 2", ".ft I", t(L["reserved"]), ".ft R", ".sp 2"]
    for p in legal_paragraphs(rng, d)[:2]:
        out += [f".ps {ps - 2}", t(p), ".br", ".sp 0.5"]
    out += [f".ps {ps}", ".bp", ".ft B", t(L["detail"]), ".ft R", ".sp 1", ".tc .", tab]
    n = len(d.ranges)
    for i, r in enumerate(d.ranges, 1):
        out += [".ne 10v", ".ft B", t(v["range_title"].format(i=i, n=n)), ".ft R", ".br"]
        for k, val in range_items(r, L, v["sep"], v["modality_case"], v["code_style"]):
            out += kvline(k, val)
        out += [".sp 1"]
    out += [".sp 1", ".ne 6v", ".ft B", "DIAN", ".ft R", ".br"]
    lines = stamp_lines(d, v["stamp"])
    out += [f"{t(L['stamp'])}\t{t(lines[0])}", ".br"]
    for x in lines[1:]:
        out += [".tc", f"\t{t(x)}", ".br"]
    out += [".tc", t(L["signed"]), ".br", ".sp 3", "______________________________", ".br", t(L["sign"])]
    return "\n".join(out) + "\n"


def gs_canvas(d, L, v, rng):
    c = Canvas("ps")
    W, H = 595, 842
    font = v["font"]
    bold = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}[font]
    fs = rng.choice([8.5, 9, 9.5])
    v["font_pt"] = fs
    lh = fs * 1.55
    c.page(W, H)

    def furniture(page_no):
        c.font(font, 7)
        c.text(40, 28, f"DIAN - NIT {DIAN_NIT}-{DIAN_DV}")
        c.text(W - 40, 28, "Formulario 1876", "r")
        c.line(40, 34, W - 40, 34, 0.4)
        c.line(40, H - 40, W - 40, H - 40, 0.4)
        c.text(40, H - 30, "www.dian.gov.co")
        c.text(W - 40, H - 30, f"Hoja {page_no}", "r")

    def leader_line(x, y, width, k, val):
        c.font(font, fs)
        c.text(x, y, k)
        kw = c.width(k)
        c.font(bold, fs)
        vw = c.width(val)
        c.text(x + width, y, val, "r")
        c.font(font, fs)
        c.leaders(x + kw + 3, x + width - vw - 3, y)

    furniture(1)
    c.font(bold, 14)
    c.text(40, 70, L["title"])
    c.font(font, 9)
    c.text(40, 85, L["subtitle"])
    c.font(bold, 22)
    c.text(W - 40, 78, "1876", "r")
    c.font(bold, fs + 1)
    c.text(40, 115, L["applicant"])
    items = header_items(d, L, v["omit_empty_name_boxes"])
    # two columns: identification left, names right
    left = items[:4] + [items[-1]]
    right = items[4:-1]
    colw = (W - 80 - 30) / 2
    y = 135
    for k, val in left:
        leader_line(40, y, colw, k, val)
        y += lh
    y2 = 135
    for k, val in right:
        c.font(bold, fs)
        if c.width(val) > colw * 0.55:
            # long value: put it on the next line, right-aligned, leaders after label
            c.font(font, fs)
            c.text(70 + colw, y2, k)
            y2 += lh
            c.font(bold, fs)
            c.text(W - 40, y2, val, "r")
        else:
            leader_line(70 + colw, y2, colw, k, val)
        y2 += lh
    y = max(y, y2) + 20
    c.rect(40, y, W - 80, 70, 0.5)
    c.font(font, 8)
    c.text(46, y + 12, L["reserved"])
    y += 100
    c.font(font, 7.5)
    for p in legal_paragraphs(rng, d):
        for ln in wrap_text(p, font, 7.5, W - 80):
            c.text(40, y, ln)
            y += 10
        y += 4

    # page 2: blocks in two columns
    c.page(W, H)
    furniture(2)
    c.font(bold, 12)
    c.text(40, 70, L["title"])
    c.font(bold, fs + 1)
    c.text(40, 95, L["detail"])
    n = len(d.ranges)
    y = 115

    def block_lines(r):
        out = []
        for k, val in range_items(r, L, v["sep"], v["modality_case"], v["code_style"]):
            split = c.width(val, bold, fs) > colw - c.width(k, font, fs) - 12
            out.append((k, val, split))
        return out

    blocks = [block_lines(r) for r in d.ranges]
    for row in range(0, n, 2):
        pair = blocks[row:row + 2]
        nl = max(len(b) + sum(1 for _, _, s in b if s) for b in pair)
        bh = lh * (nl + 1) + 6
        for col, b in enumerate(pair):
            x = 40 + col * (colw + 30)
            c.rect(x - 4, y - 4, colw + 8, bh, 0.4)
            c.font(bold, fs)
            c.text(x, y + fs, v["range_title"].format(i=row + col + 1, n=n))
            yy = y + fs + lh
            for k, val, split in b:
                if split:
                    c.font(font, fs)
                    c.text(x, yy, k)
                    yy += lh
                    c.font(bold, fs)
                    c.text(x + colw, yy, val, "r")
                else:
                    leader_line(x, yy, colw, k, val)
                yy += lh
        y += bh + 14
    y += 20
    lines = stamp_lines(d, v["stamp"])
    c.font(bold, fs)
    c.text(40, y, "DIAN")
    y += lh
    leader_line(40, y, colw, L["stamp"], lines[0])
    for x in lines[1:]:
        y += lh
        c.font(bold, fs)
        c.text(40 + colw, y, x, "r")
    y += lh
    c.font(font, fs)
    c.text(40, y, L["signed"])
    c.line(70 + colw, y + 40, W - 40, y + 40, 0.5)
    c.text(70 + colw, y + 52, L["sign"])
    return c
