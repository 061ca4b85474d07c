"""Family official-restyled-copia: the official two-page arrangement (page 1:
header with the 1876 box, applicant boxes as ruled cells with the numbered
label on top and the value below; page 2: ranges table under a section band,
circular reception stamp with the date horizontal, signature line), re-typeset
with a different font, type size, page size, margins and cell padding per
document; optional empty columns for boxes 34-37. Every page carries a running
header and footer repeating the form number ("Formulario No. 1876... - Página
1 de 2") and a big light-gray diagonal "COPIA" watermark drawn under or over
the content; thousands separators are ',', '.', none, a no-break space, or a
thin space. Producers: Chromium (HTML/CSS), Ghostscript (PostScript), mutool create."""
from common3 import *

FAMILY = "official-restyled-copia"


def doc_params(rng, idx):
    return {"nranges": 1 + (idx * 7 + 3) % 6, "natural_prob": 0.4}


def render(d, rng, idx, stem, bstem):
    producer = ["chromium", "gs", "mutool"][idx % 3]
    lstyle = rng.choice(["std", "std", "abbrev", "upper", "noacc", "dvlong"])
    L = labels(lstyle)
    v = {"labels": lstyle, "modality_case": rng.choice(["upper", "upper", "title", "noacc"]),
         "stamp": rng.choice(["slash-ampm", "slash-ampm", "space-24h", "two-lines", "date-only"]),
         "paper": rng.choice(["Letter", "A4", "Legal"]), "margin_pt": rng.choice([24, 32, 40, 54, 64]),
         "pad_pt": rng.choice([2, 3, 5, 8]), "boxes_34_37": rng.random() < 0.3,
         "watermark": rng.choice(["under", "over"]), "wm_gray": rng.choice([0.82, 0.86, 0.9]),
         "wm_angle": rng.choice([30, 40, 45, 55]),
         "header": rng.choice(["right", "center", "left"]),
         "footer": rng.choice(["form-and-page", "page-only"])}
    legal = legal_paragraphs(rng, d)
    if producer == "chromium":
        v["sep"] = rng.choice([",", ".", "", "nbsp", "thin", "nnbsp"])
        v["font"] = rng.choice(["DejaVu Sans", "Nimbus Sans", "Nimbus Roman", "URW Gothic", "C059",
                                "P052", "DejaVu Serif", "Nimbus Sans Narrow"])
        v["font_pt"] = rng.choice([7.5, 8, 9, 10])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v, legal))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["sep"] = rng.choice([",", ".", "", "nbsp", "thin"])
        v["font"] = rng.choice(["Helvetica", "Times-Roman", "Courier"] if producer == "gs" else ["Helvetica", "Times-Roman"])
        v["font_pt"] = rng.choice([7, 8, 9]) if v["font"] != "Courier" else 7
        c = Canvas3("ps" if producer == "gs" else "mu")
        draw(c, d, L, v, legal)
        c.save(bstem, stem + ".pdf")
    return producer, v


PAPER = {"Letter": (612, 792), "A4": (595, 842), "Legal": (612, 1008)}


def header_text(d, n, tot):
    return f"Formulario No. {d.number} - Página {n} de {tot}"


def table_cols(L, v):
    cols = [(L["mod"], 3.2, "l"), (L["modcode"], 0.6, "c"), (L["prefix"], 1.0, "l"), (L["from"], 1.5, "r"),
            (L["to"], 1.5, "r")]
    if v["boxes_34_37"]:
        cols += [(str(n), 0.45, "c") for n in (34, 35, 36, 37)]
    cols += [(L["months"], 1.0, "c"), (L["req"], 1.7, "l"), (L["reqcode"], 0.6, "c")]
    return cols


def row_cells(r, v, sepchar):
    ms = v["modality_case"]
    cells = [kind_name(r.kind, ms), str(kind_code(r.kind)), r.prefix, ("NUM", r.frm), ("NUM", r.to)]
    if v["boxes_34_37"]:
        cells += ["", "", "", ""]
    cells += [str(r.months), req_name(r.request, ms), str(req_code(r.request))]
    return cells


# ---------------------------------------------------------------- canvas (gs, mutool)
def draw(c, d, L, v, legal):
    PW, PH = PAPER[v["paper"]]
    M, P, fs = v["margin_pt"], v["pad_pt"], v["font_pt"]
    F = v["font"]
    FB = F.split("-")[0] + "-Bold" if F != "Times-Roman" else "Times-Bold"
    TW = PW - 2 * M
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}

    def furniture(n):
        c.font(F, fs - 1)
        ht = header_text(d, n, 2)
        hx = {"right": (PW - M, "r"), "center": (PW / 2, "c"), "left": (M, "l")}[v["header"]]
        c.text(hx[0], M * 0.6 + 4, ht, hx[1])
        if v["footer"] == "form-and-page":
            c.text(M, PH - M * 0.45, "Formato 1876 - DIAN")
            c.text(PW - M, PH - M * 0.45, ht, "r")
        else:
            c.text(PW - M, PH - M * 0.45, f"Página {n} de 2", "r")

    def wm():
        c.watermark("COPIA", "Helvetica-Bold", min(PW, PH) * 0.28, v["wm_gray"], v["wm_angle"],
                    outline=v["watermark"] == "over")

    def cellbox(x, y, w, h, label, value, vsz):
        c.rect(x, y, w, h, lw=0.6)
        c.font(F, fs - 1.5)
        c.text(x + P, y + P + fs - 2, label)
        if value:
            c.font(FB, vsz)
            c.text(x + P, y + h - P - 2, value)

    def band(y, text):
        h = fs + 2 * P + 2
        c.rect(M, y, TW, h, lw=0.6, fill=0.85)
        c.font(FB, fs)
        c.text(M + P, y + h - P - 2, text)
        return y + h

    # ---------------- page 1
    c.page(PW, PH)
    if v["watermark"] == "under":
        wm()
    furniture(1)
    y = M + 14
    hh = 3 * fs + 4 * P + 6
    c.rect(M, y, TW, hh, lw=1)
    c.font(FB, fs + 8)
    c.text(M + 2 * P + 4, y + hh / 2 + fs / 2, "DIAN")
    c.font(FB, fs + 3)
    c.text(M + TW / 2, y + hh / 2 - 1, L["title"], "c")
    c.font(F, fs - 1)
    c.text(M + TW / 2, y + hh / 2 + fs + 1, L["subtitle"], "c")
    bw = c.width("1876", FB, fs + 7) + 4 * P + 8
    c.rect(M + TW - bw - 4, y + 4, bw, hh - 8, lw=1)
    c.font(FB, fs + 7)
    c.text(M + TW - bw / 2 - 4, y + hh / 2 + fs / 2, "1876", "c")
    y += hh + 6
    H = 2 * fs + 3 * P + 8
    rows = [[("year", 0.2), ("number", 0.8)]]
    x = M
    for k, fr in rows[0]:
        cellbox(x, y, TW * fr, H, it[k][0], it[k][1], fs + (3 if k == "number" else 1))
        x += TW * fr
    y += H + 6
    y = band(y, L["applicant"])
    for row in [[("nit", 0.5), ("dv", 0.15), ("secc", 0.35)],
                [("ap1", 0.25), ("ap2", 0.25), ("n1", 0.25), ("n2", 0.25)],
                [("rs", 1.0)]]:
        x = M
        for k, fr in row:
            cellbox(x, y, TW * fr, H, it[k][0], it[k][1], fs + 1)
            x += TW * fr
        y += H
    y += 8
    c.rect(M, y, TW, 5 * fs, lw=0.6)
    c.font(F, fs - 1.5)
    c.text(M + P, y + P + fs - 2, L["reserved"])
    y += 5 * fs + 14
    c.font(F, fs - 1.5)
    for p in legal:
        for ln in wrap_text(p, F, fs - 1.5, TW):
            c.text(M, y, ln)
            y += fs + 0.5
        y += 4
    if v["watermark"] == "over":
        wm()
    # ---------------- page 2
    c.page(PW, PH)
    if v["watermark"] == "under":
        wm()
    furniture(2)
    y = M + 14
    c.font(FB, fs + 3)
    c.text(M, y + fs, L["title"])
    y += fs + 10
    y = band(y, L["detail"])
    cols = table_cols(L, v)
    tot = sum(cw for _, cw, _ in cols)
    xs, x = [], M
    for lab, cw, al in cols:
        w = TW * cw / tot
        xs.append((x, w, al))
        x += w
    hfs = fs - 1.5
    hl = [wrap_text(lab, F, hfs, w - 2 * P) for (lab, _, _), (x, w, al) in zip(cols, xs)]
    nh = max(len(h) for h in hl)
    hh = nh * (hfs + 1.5) + 2 * P + 2
    for (x, w, al), lines in zip(xs, hl):
        c.rect(x, y, w, hh, lw=0.6, fill=0.93)
        c.font(F, hfs)
        for j, ln in enumerate(lines):
            c.text(x + w / 2, y + P + hfs + j * (hfs + 1.5), ln, "c")
    y += hh
    rfs = fs
    for r in d.ranges:
        cells = row_cells(r, v, v["sep"])
        wrapped = []
        for cell, (x, w, al) in zip(cells, xs):
            wrapped.append([cell] if isinstance(cell, tuple) else (wrap_text(cell, F, rfs, w - 2 * P) or [""]))
        nl = max(len(wl) for wl in wrapped)
        rh = nl * (rfs + 2) + 2 * P + 2
        for wl, (x, w, al) in zip(wrapped, xs):
            c.rect(x, y, w, rh, lw=0.6)
            c.font(F, rfs)
            for j, cell in enumerate(wl):
                yy = y + P + rfs + j * (rfs + 2)
                tx = {"l": x + P, "r": x + w - P, "c": x + w / 2}[al]
                if isinstance(cell, tuple):
                    c.num(tx, yy, cell[1], v["sep"], al)
                else:
                    c.text(tx, yy, cell, al)
        y += rh
    # stamp: circle, date horizontal
    sl = stamp_lines(d, v["stamp"])
    R = max(62, c.width(max(sl, key=len), FB, fs + 1) / 2 + 14)
    cx, cy = PW - M - R - 10, y + 30 + R
    c.circle(cx, cy, R, lw=1.4)
    c.circle(cx, cy, R - 4, lw=0.5)
    c.font(FB, fs + 2)
    c.text(cx, cy - R + 20, "DIAN", "c")
    c.font(F, fs - 1)
    c.text(cx, cy - R + 32, L["stamp"], "c")
    c.font(FB, fs + 1)
    yy = cy - (len(sl) - 1) * (fs + 3) / 2 + 4
    for ln in sl:
        c.text(cx, yy, ln, "c")
        yy += fs + 3
    c.font(F, fs - 1)
    c.text(cx, cy + R - 16, L["signed"], "c")
    c.line(M, cy + R - 10, M + 180, cy + R - 10, lw=0.5)
    c.font(F, fs - 1)
    c.text(M, cy + R, L["sign"])
    if v["watermark"] == "over":
        wm()


# ---------------------------------------------------------------- Chromium
def html(d, L, v, legal):
    e = html_escape
    PW, PH = PAPER[v["paper"]]
    M, P, fs = v["margin_pt"], v["pad_pt"], v["font_pt"]
    sepc = {"nbsp": NBSP, "thin": THIN, "nnbsp": NNBSP}.get(v["sep"], v["sep"])
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}

    def cell(k, wpct, big=False):
        lab, val = it[k]
        return (f"<td style='width:{wpct}%'><div class='lab'>{e(lab)}</div>"
                f"<div class='val{' big' if big else ''}'>{e(val) or '&nbsp;'}</div></td>")

    def furniture(n):
        ht = e(header_text(d, n, 2))
        foot = (f"<span>Formato 1876 - DIAN</span><span>{ht}</span>" if v["footer"] == "form-and-page"
                else f"<span></span><span>Página {n} de 2</span>")
        return (f"<div class='hdr' style='text-align:{v['header']}'>{ht}</div>"
                f"<div class='ftr'>{foot}</div>")

    wm = "<div class='wm'>COPIA</div>"
    cols = table_cols(L, v)
    ths = "".join(f"<th>{e(lab)}</th>" for lab, _, _ in cols)
    cg = "".join(f"<col style='width:{cw / sum(c[1] for c in cols) * 100:.1f}%'>" for _, cw, _ in cols)
    trs = []
    for r in d.ranges:
        tds = []
        for cellv, (_, _, al) in zip(row_cells(r, v, sepc), cols):
            txt = fmt_sep(cellv[1], sepc) if isinstance(cellv, tuple) else cellv
            tds.append(f"<td class='{al}'>{e(txt) or '&nbsp;'}</td>")
        trs.append("<tr>" + "".join(tds) + "</tr>")
    sl = "<br>".join(e(x) for x in stamp_lines(d, v["stamp"]))
    leg = "".join(f"<p>{e(p)}</p>" for p in legal)
    wmz = -1 if v["watermark"] == "under" else 5
    g = int(v["wm_gray"] * 255)
    wmcol = f"rgb({g},{g},{g})" if v["watermark"] == "under" else "rgba(0,0,0,0.12)"
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size:{PW}pt {PH}pt; margin:0; }}
* {{ box-sizing:border-box; }}
body {{ margin:0; font-family:'{v['font']}'; font-size:{fs}pt; }}
.page {{ position:relative; width:{PW}pt; height:{PH}pt; padding:{M + 14}pt {M}pt {M}pt {M}pt; overflow:hidden; page-break-after:always; }}
.hdr {{ position:absolute; top:{M * 0.6 - 4}pt; left:{M}pt; right:{M}pt; font-size:{fs - 1}pt; }}
.ftr {{ position:absolute; bottom:{M * 0.45 - 4}pt; left:{M}pt; right:{M}pt; font-size:{fs - 1}pt; display:flex; justify-content:space-between; }}
.wm {{ position:absolute; left:0; right:0; top:{PH / 2 - PW * 0.16}pt; text-align:center; font:bold {min(PW, PH) * 0.28:.0f}pt 'Nimbus Sans';
      color:{wmcol}; transform:rotate(-{v['wm_angle']}deg); z-index:{wmz}; }}
table {{ border-collapse:collapse; width:100%; table-layout:fixed; position:relative; }}
td, th {{ border:0.6pt solid #000; padding:{P}pt; vertical-align:top; }}
.lab {{ font-size:{fs - 1.5}pt; }} .val {{ font-weight:bold; font-size:{fs + 1}pt; margin-top:{P}pt; }} .big {{ font-size:{fs + 3}pt; }}
.head td {{ vertical-align:middle; }} .logo {{ font-weight:bold; font-size:{fs + 8}pt; width:18%; }}
.title {{ text-align:center; }} .title b {{ font-size:{fs + 3}pt; }} .n1876 {{ width:16%; text-align:center; font-weight:bold; font-size:{fs + 7}pt; }}
.band {{ background:#d9d9d9; font-weight:bold; border:0.6pt solid #000; padding:{P}pt; margin-top:6pt; position:relative; }}
.res {{ border:0.6pt solid #000; height:{5 * fs}pt; padding:{P}pt; font-size:{fs - 1.5}pt; margin-top:8pt; position:relative; }}
.legal {{ font-size:{fs - 1.5}pt; margin-top:10pt; position:relative; }}
table.rng th {{ background:#eee; font-weight:normal; font-size:{fs - 1.5}pt; }}
td.r {{ text-align:right; white-space:nowrap; }} td.c {{ text-align:center; }}
.stamp {{ width:{max(130, 12 * fs + 40)}pt; height:{max(130, 12 * fs + 40)}pt; border:1.4pt solid #000; border-radius:50%; margin:30pt 10pt 0 auto;
         display:flex; flex-direction:column; justify-content:center; align-items:center; text-align:center; position:relative; outline:0.5pt solid #000; outline-offset:-5pt; }}
.stamp b {{ font-size:{fs + 1}pt; }}
.sign {{ margin-top:-20pt; width:180pt; border-top:0.5pt solid #000; font-size:{fs - 1}pt; position:relative; }}
</style></head><body>
<div class="page">{wm}{furniture(1)}
<table class="head"><tr><td class="logo">DIAN</td><td class="title"><b>{e(L['title'])}</b><br>{e(L['subtitle'])}</td><td class="n1876">1876</td></tr></table>
<table style="margin-top:6pt"><tr>{cell('year', 20)}{cell('number', 80, True)}</tr></table>
<div class="band">{e(L['applicant'])}</div>
<table><tr>{cell('nit', 50)}{cell('dv', 15)}{cell('secc', 35)}</tr></table>
<table><tr>{cell('ap1', 25)}{cell('ap2', 25)}{cell('n1', 25)}{cell('n2', 25)}</tr></table>
<table><tr>{cell('rs', 100)}</tr></table>
<div class="res">{e(L['reserved'])}</div>
<div class="legal">{leg}</div>
</div>
<div class="page">{wm}{furniture(2)}
<div style="font-weight:bold; font-size:{fs + 3}pt; position:relative">{e(L['title'])}</div>
<div class="band">{e(L['detail'])}</div>
<table class="rng"><colgroup>{cg}</colgroup><tr>{ths}</tr>{''.join(trs)}</table>
<div class="stamp"><b style="font-size:{fs + 2}pt">DIAN</b><span style="font-size:{fs - 1}pt">{e(L['stamp'])}</span><b>{sl}</b><span style="font-size:{fs - 1}pt">{e(L['signed'])}</span></div>
<div class="sign">{e(L['sign'])}</div>
</div></body></html>"""
