"""Family corner-number-cells: page 1 is a grid of ruled cells; each cell has
its box number in a corner (white on a black tab, or plain bold, top-left or
top-right) and its label in SMALL CAPS (drawn as upper case at two sizes),
the value below in larger type; section bands are white-on-black. Page 2:
ranges table with a black header band (white small caps, box number tucked
in the header cell's corner, labels wrapped on two lines), zebra rows drawn
as filled rectangles, no vertical rules, modality names wrapped inside their
column; a double-ruled reception stamp and, below a dashed cut line, a tear-
off slip repeating form number, NIT/DV and the acknowledgement date (a
second copy of the stamp). Producers: Ghostscript (PostScript), mutool create."""
from common2 import *

FAMILY = "corner-number-cells"


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 2, 2, 3, 4, 5, 6])}


def render(d, rng, idx, stem, bstem):
    producer = "gs" if idx % 2 == 0 else "mutool"
    lstyle = rng.choice(["std", "abbrev", "noacc", "dvlong", "std"])
    v = {"labels": lstyle, "sep": rng.choice([",", ".", ""]),
         "modality_case": rng.choice(["upper", "title", "noacc"]),
         "corner": rng.choice(["tab-left", "plain-left", "plain-right"]),
         "value_align": rng.choice(["left", "left", "center"]),
         "stamp": rng.choice(STAMP_STYLES), "font": rng.choice(["Helvetica", "Times"]),
         "paper": rng.choice(["Letter", "A4"]), "slip": rng.random() < 0.75}
    c = Canvas2("ps" if producer == "gs" else "mu")
    draw(c, d, labels(lstyle), v, rng)
    c.save(bstem, stem + ".pdf")
    return producer, v


def dashed(c, x1, x2, y):
    x = x1
    while x < x2:
        c.line(x, y, min(x + 4, x2), y, lw=0.6)
        x += 7


def wrap_sc(c, s, size, width, font):
    words, lines, cur = s.split(), [], ""
    for w in words:
        t = (cur + " " + w) if cur else w
        if c.smallcaps_width(t, size, font) <= width or not cur:
            cur = t
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def cell(c, x, y, w, h, label, value, v, F, FB, vsize=11):
    c.rect(x, y, w, h, lw=0.7)
    num, rest = split_num(label)
    lx = x + 4
    if num:
        if v["corner"] == "tab-left":
            tw = c.width(num, FB, 6.5) + 5
            c.rect(x, y, tw, 10, lw=0, fill=0)
            c.gray(1)
            c.font(FB, 6.5)
            c.text(x + 2.5, y + 7.5, num)
            c.gray(0)
            lx = x + tw + 3
        elif v["corner"] == "plain-left":
            c.font(FB, 7)
            c.text(x + 3, y + 8, num)
            lx = x + 5 + c.width(num, FB, 7) + 3
        else:
            c.font(FB, 7)
            c.text(x + w - 3, y + 8, num, "r")
    avail = (x + w - 16) - lx
    ly = y + 8
    for ln in wrap_sc(c, rest if num else label, 7, avail, F):
        c.smallcaps(lx, ly, ln, 7, F)
        ly += 8
    if value:
        c.font(FB, vsize)
        vy = y + h - 7
        if v["value_align"] == "center":
            c.text(x + w / 2, vy, value, "c")
        else:
            c.text(x + 6, vy, value)


def band(c, x, y, w, text, F, FB, h=13):
    c.rect(x, y, w, h, lw=0, fill=0)
    c.gray(1)
    c.smallcaps(x + 6, y + h - 3.5, text, 8.5, FB)
    c.gray(0)


def draw(c, d, L, v, rng):
    F = "Helvetica" if v["font"] == "Helvetica" else "Times-Roman"
    FB = F.split("-")[0] + "-Bold"
    PW, PH = (612, 792) if v["paper"] == "Letter" else (595, 842)
    M = 40
    TW = PW - 2 * M
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}
    # ---- page 1
    c.page(PW, PH)
    c.font(FB, 22)
    c.text(M, 62, "DIAN")
    c.smallcaps(M + 80, 52, L["title"], 12, FB)
    c.smallcaps(M + 80, 66, L["subtitle"], 7.5, F)
    c.rect(PW - M - 60, 38, 60, 30, lw=1.2)
    c.font(FB, 16)
    c.text(PW - M - 30, 60, "1876", "c")
    y = 84
    band(c, M, y, TW, "Datos del formulario", F, FB)
    y += 13
    rows = [[("year", 0.15), ("number", 0.55), ("secc", 0.30)]]
    rows2 = [[("nit", 0.55), ("dv", 0.15), (None, 0.30)],
             [("ap1", 0.25), ("ap2", 0.25), ("n1", 0.25), ("n2", 0.25)],
             [("rs", 1.0)]]
    H = 40
    for row in rows:
        x = M
        for k, fr in row:
            w = TW * fr
            cell(c, x, y, w, H, it[k][0], it[k][1], v, F, FB, 13 if k == "number" else 11)
            x += w
        y += H
    y += 6
    band(c, M, y, TW, L["applicant"], F, FB)
    y += 13
    for row in rows2:
        x = M
        for k, fr in row:
            w = TW * fr
            if k is None:
                c.rect(x, y, w, H, lw=0.7, fill=0.93)
                c.font(F, 6.5)
                c.text(x + 4, y + 8, L["reserved"])
            else:
                cell(c, x, y, w, H, it[k][0], it[k][1], v, F, FB, 10 if k in ("ap1", "ap2", "n1", "n2", "rs") else 11)
            x += w
        y += H
    y += 20
    c.font(F, 7)
    for p in legal_paragraphs(rng, d):
        for ln in wrap_text(p, F, 7, TW):
            c.text(M, y, ln)
            y += 9
        y += 4
    c.font(F, 7)
    c.text(PW - M, PH - 30, "Hoja 1 de 2", "r")
    c.text(M, PH - 30, "Formulario 1876")
    # ---- page 2
    c.page(PW, PH)
    c.font(FB, 14)
    c.text(M, 56, "DIAN")
    c.smallcaps(M + 50, 56, L["title"], 10, FB)
    c.font(F, 8)
    c.text(PW - M, 56, "Hoja 2", "r")
    y = 72
    band(c, M, y, TW, L["detail"], F, FB)
    y += 17
    sep, ms = v["sep"], v["modality_case"]
    cols = [("Cód.", 0.06, "r"), (L["mod"], 0.28, "l"), (L["prefix"], 0.09, "l"), (L["from"], 0.13, "r"),
            (L["to"], 0.13, "r"), (L["months"], 0.10, "r"), (L["req"], 0.15, "l"), (L["reqcode"], 0.06, "r")]
    hh = 26
    c.rect(M, y, TW, hh, lw=0, fill=0.12)
    c.gray(1)
    x = M
    xs = []
    for lab, fr, al in cols:
        w = TW * fr
        xs.append((x, w, al))
        num, rest = split_num(lab)
        if num:
            c.font(FB, 5.5)
            c.text(x + 2, y + 6, num)
        lines = wrap_sc(c, rest if num else lab, 6.5, w - 8, FB)
        ly = y + (15 if len(lines) > 1 else 18)
        for ln in lines[:2]:
            c.smallcaps(x + 4, ly, ln, 6.5, FB)
            ly += 8
        x += w
    c.gray(0)
    y += hh
    fs = 8
    for i, r in enumerate(d.ranges):
        cells = [str(kind_code(r.kind)), kind_name(r.kind, ms), r.prefix, fmt_int(r.frm, sep),
                 fmt_int(r.to, sep), str(r.months), req_name(r.request, ms), str(req_code(r.request))]
        wrapped = [wrap_text(s, F, fs, xw - 8) if j in (1, 6) else [s] for j, (s, (xx, xw, al)) in enumerate(zip(cells, xs))]
        nl = max(len(wl) for wl in wrapped)
        rh = 8 + nl * (fs + 2)
        if i % 2 == 1:
            c.rect(M, y, TW, rh, lw=0, fill=0.86)
        c.font(F, fs)
        for wl, (xx, xw, al) in zip(wrapped, xs):
            for k, ln in enumerate(wl):
                yy = y + 4 + fs + k * (fs + 2)
                if al == "r":
                    c.text(xx + xw - 4, yy, ln, "r")
                else:
                    c.text(xx + 4, yy, ln)
        y += rh
    c.line(M, y, M + TW, y, lw=1)
    # stamp
    y += 30
    sl = stamp_lines(d, v["stamp"])
    sw, sh = 200, 30 + 13 * len(sl) + 20
    sx = PW - M - sw
    c.rect(sx, y, sw, sh, lw=1.5)
    c.rect(sx + 3, y + 3, sw - 6, sh - 6, lw=0.5)
    c.font(FB, 10)
    c.text(sx + sw / 2, y + 16, "DIAN", "c")
    tw_ = c.smallcaps_width(L["stamp"], 8, F)
    c.smallcaps(sx + (sw - tw_) / 2, y + 28, L["stamp"], 8, F)
    c.font(FB, 10)
    yy = y + 42
    for ln in sl:
        c.text(sx + sw / 2, yy, ln, "c")
        yy += 13
    c.font(F, 8)
    c.text(sx + sw / 2, yy, L["signed"], "c")
    c.line(M, y + sh - 8, M + 170, y + sh - 8, lw=0.5)
    c.font(F, 7)
    c.text(M, y + sh + 2, L["sign"])
    y += sh + 40
    if v["slip"]:
        dashed(c, M, M + TW, y)
        c.font(F, 6)
        c.text(M + TW, y - 3, "corte aquí", "r")
        y += 12
        c.smallcaps(M, y + 4, "Desprendible para el solicitante", 8, FB)
        y += 10
        sv = stamp_lines(d, "space-24h")[0]
        x = M
        for lab, val, fr in [(it["number"][0], d.number, 0.34), (it["nit"][0] if v["labels"] == "abbrev" else "5. NIT", d.nit, 0.24),
                             (it["dv"][0], str(d.dv), 0.12), (L["stamp"], sv, 0.30)]:
            cell(c, x, y, TW * fr, 34, lab, val, v, F, FB, 9)
            x += TW * fr
    c.font(F, 7)
    c.text(PW - M, PH - 30, "Hoja 2 de 2", "r")
    c.text(M, PH - 30, "Formulario 1876")
