"""Family cellnum-range-table: page 1 applicant boxes as ruled cells with the
box number and a short label on the top edge and the value below; page 2 the
ranges table in which EVERY BODY CELL carries its box number in small type
above its value, inside the cell (30 over the modality, 31 over the prefix,
32/33 over the numbers, 38 over the months; unnumbered columns carry a small
caption such as 'Cód.' or 'Tipo'; optional empty cells 34-37 show only their
number). The column header row is either present (number + name) or replaced
by a one-line legend above the table. Reception stamp: a rectangle with a
DIAN band and the acknowledgement split into 'Fecha' and 'Hora' fields.
Producers: mutool create, Ghostscript (PostScript)."""
from common3 import *

FAMILY = "cellnum-range-table"


def doc_params(rng, idx):
    return {"nranges": 1 + (idx * 7 + 5) % 6, "natural_prob": 0.4, "empty_prefix_prob": 0.2}


PAPER = {"Letter": (612, 792), "A4": (595, 842)}


def render(d, rng, idx, stem, bstem):
    producer = "mutool" if idx % 2 == 0 else "gs"
    lstyle = rng.choice(["std", "abbrev", "upper", "noacc"])
    L = labels(lstyle)
    v = {"labels": lstyle, "modality_case": rng.choice(["upper", "title", "noacc"]),
         "sep": rng.choice([",", ".", "", "nbsp", "thin"]), "header": rng.choice(["row", "row", "legend"]),
         "boxes_34_37": rng.random() < 0.5, "num_pos": rng.choice(["left", "center"]),
         "pad": rng.choice([2, 3, 4, 6]), "font": rng.choice(["Helvetica", "Times-Roman"]),
         "font_pt": rng.choice([7, 7.5, 8, 9]), "paper": rng.choice(["Letter", "A4"]),
         "time": rng.choice(["ampm", "24h"])}
    legal = legal_paragraphs(rng, d)
    c = Canvas3("mu" if producer == "mutool" else "ps")
    draw(c, d, L, v, legal)
    c.save(bstem, stem + ".pdf")
    return producer, v


def draw(c, d, L, v, legal):
    PW, PH = PAPER[v["paper"]]
    M = 36
    TW = PW - 2 * M
    F = v["font"]
    FB = "Helvetica-Bold" if F == "Helvetica" else "Times-Bold"
    fs, P = v["font_pt"], v["pad"]
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}

    def top(y, subtitle):
        c.font(FB, fs + 9)
        c.text(M, y + 18, "DIAN")
        c.font(FB, fs + 3)
        c.text(M + 70, y + 9, L["title"])
        c.font(F, fs - 0.5)
        c.text(M + 70, y + 20, subtitle)
        c.rect(PW - M - 70, y, 70, 24, lw=1.2)
        c.font(FB, fs + 6)
        c.text(PW - M - 35, y + 17, "1876", "c")
        c.line(M, y + 30, PW - M, y + 30, lw=1)
        return y + 40

    # ------------- page 1
    c.page(PW, PH)
    y = top(M, L["subtitle"])
    H = fs * 2 + 3 * P + 8

    def box(x, y, w, key, vs):
        lab, val = it[key]
        c.rect(x, y, w, H, lw=0.6)
        c.font(F, fs - 1.5)
        c.text(x + P, y + P + fs - 2, lab)
        if val:
            c.font(FB, vs)
            c.text(x + P + 2, y + H - P - 2, val)

    def band(y, text):
        c.rect(M, y, TW, fs + 2 * P + 3, lw=0, fill=0.8)
        c.font(FB, fs)
        c.text(M + P, y + P + fs, text)
        return y + fs + 2 * P + 3

    for row in [[("year", 0.18), ("number", 0.52), ("secc", 0.30)]]:
        x = M
        for k, fr in row:
            box(x, y, TW * fr, k, fs + (3 if k == "number" else 1))
            x += TW * fr
        y += H + 8
    y = band(y, L["applicant"])
    for row in [[("nit", 0.6), ("dv", 0.4)], [("ap1", 0.5), ("ap2", 0.5)], [("n1", 0.5), ("n2", 0.5)], [("rs", 1.0)]]:
        x = M
        for k, fr in row:
            box(x, y, TW * fr, k, fs + 1)
            x += TW * fr
        y += H
    y += 18
    c.font(F, fs - 1)
    for p in legal:
        for ln in wrap_text(p, F, fs - 1, TW):
            c.text(M, y, ln)
            y += fs + 1
        y += 4
    c.font(F, fs - 1.5)
    c.text(PW - M, PH - 24, "Página 1 de 2", "r")
    # ------------- page 2
    c.page(PW, PH)
    y = top(M, "Hoja 2")
    y = band(y, L["detail"])
    y += 6
    ms = v["modality_case"]
    # (caption-in-cell, header label, weight, align, value-fn)
    colspec = [("30", L["mod"], 3.0, "l", lambda r: kind_name(r.kind, ms)),
               ("Cód.", L["modcode"], 0.55, "c", lambda r: str(kind_code(r.kind))),
               ("31", L["prefix"], 0.8, "l", lambda r: r.prefix),
               ("32", L["from"], 1.35, "r", lambda r: ("NUM", r.frm)),
               ("33", L["to"], 1.35, "r", lambda r: ("NUM", r.to))]
    if v["boxes_34_37"]:
        colspec += [(str(n), str(n), 0.4, "c", lambda r: "") for n in (34, 35, 36, 37)]
    colspec += [("38", L["months"], 0.9, "c", lambda r: str(r.months)),
                ("Tipo", L["req"], 1.55, "l", lambda r: req_name(r.request, ms)),
                ("Cód.", L["reqcode"], 0.55, "c", lambda r: str(req_code(r.request)))]
    tot = sum(cs[2] for cs in colspec)
    xs, x = [], M
    for cs in colspec:
        w = TW * cs[2] / tot
        xs.append((x, w))
        x += w
    if v["header"] == "row":
        hfs = fs - 1.5
        hl = [wrap_text(cs[1], F, hfs, w - 2 * P) for cs, (x, w) in zip(colspec, xs)]
        hh = max(len(q) for q in hl) * (hfs + 1.5) + 2 * P + 2
        for q, (x, w) in zip(hl, xs):
            c.rect(x, y, w, hh, lw=0.6, fill=0.9)
            c.font(F, hfs)
            for j, ln in enumerate(q):
                c.text(x + w / 2, y + P + hfs + j * (hfs + 1.5), ln, "c")
        y += hh
    else:
        leg = [L["mod"], L["prefix"], L["from"], L["to"], L["months"]]
        c.font(F, fs - 1)
        lines = wrap_text("Casillas: " + "  ·  ".join(leg) + "  ·  " + L["req"] + " / " + L["reqcode"], F, fs - 1, TW)
        for ln in lines:
            c.text(M, y + fs, ln)
            y += fs + 2
        y += 4
    cfs = fs - 2.5
    for r in d.ranges:
        vals = [cs[4](r) for cs in colspec]
        wl = [[val] if isinstance(val, tuple) else (wrap_text(val, F, fs, w - 2 * P) or [""])
              for val, (x, w) in zip(vals, xs)]
        nl = max(len(q) for q in wl)
        rh = P + cfs + 3 + nl * (fs + 2) + P
        for cs, q, (x, w) in zip(colspec, wl, xs):
            c.rect(x, y, w, rh, lw=0.6)
            c.font(F, cfs)
            if v["num_pos"] == "left":
                c.text(x + 2, y + P + cfs - 1, cs[0])
            else:
                c.text(x + w / 2, y + P + cfs - 1, cs[0], "c")
            c.font(FB if cs[0] in ("31", "32", "33") else F, fs)
            al = cs[3]
            for j, val in enumerate(q):
                yy = y + P + cfs + 3 + fs + j * (fs + 2)
                tx = {"l": x + P + 1, "r": x + w - P - 1, "c": x + w / 2}[al]
                if isinstance(val, tuple):
                    c.num(tx, yy, val[1], v["sep"], al)
                else:
                    c.text(tx, yy, val, al)
        y += rh
    # stamp
    y += 34
    s = d.stamp
    tm = s.strftime("%I:%M:%S %p") if v["time"] == "ampm" else s.strftime("%H:%M:%S")
    sw, sh = 210, 4 * fs + 52
    sx = PW - M - sw
    c.rect(sx, y, sw, sh, lw=1.5)
    c.rect(sx, y, sw, fs + 8, lw=0, fill=0.15)
    c.gray(1)
    c.font(FB, fs + 1)
    c.text(sx + sw / 2, y + fs + 4, "DIAN  -  " + L["stamp"], "c")
    c.gray(0)
    yy = y + fs + 8 + 8
    for lab, val in [("Fecha", s.strftime("%Y-%m-%d")), ("Hora", tm)]:
        c.font(F, fs)
        c.text(sx + 10, yy + fs + 2, lab + ":")
        c.rect(sx + 50, yy, sw - 60, fs + 8, lw=0.6)
        c.font(FB, fs + 1)
        c.text(sx + 56, yy + fs + 3, val)
        yy += fs + 14
    c.font(F, fs)
    c.text(sx + sw / 2, y + sh - 6, L["signed"], "c")
    c.line(M, y + sh - 10, M + 180, y + sh - 10, lw=0.5)
    c.font(F, fs - 1)
    c.text(M, y + sh, L["sign"])
    c.font(F, fs - 1.5)
    c.text(PW - M, PH - 24, "Página 2 de 2", "r")
