"""Family caption-below-boxes: every page-1 box prints its VALUE in the upper
part and its numbered caption BELOW the value (bottom of the box); numeric
boxes may be drawn as comb cells with one digit per cell. Page 2: the ranges
table with its columns in a permuted order, or (few ranges) one row of
captioned boxes per range; stamp is a circle with text around it and the date
(optionally in comb cells) ABOVE its caption. Producer: Ghostscript."""
from common import *
from draw import Canvas

FAMILY = "caption-below-boxes"

ORDERS = {
    "prefix-first": ["prefix", "from", "to", "months", "mod", "modcode", "req", "reqcode"],
    "request-early": ["mod", "modcode", "req", "reqcode", "prefix", "from", "to", "months"],
    "codes-first": ["modcode", "mod", "prefix", "months", "from", "to", "reqcode", "req"],
    "range-last": ["req", "reqcode", "mod", "modcode", "months", "prefix", "from", "to"],
}
WIDTH = {"prefix": 45, "from": 72, "to": 72, "months": 48, "mod": 130, "modcode": 26, "req": 80, "reqcode": 26}


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 1, 2, 2, 3, 4, 5])}


def cell_values(r, v):
    ms, sep = v["modality_case"], v["sep"]
    return {"prefix": r.prefix, "from": fmt_int(r.frm, sep), "to": fmt_int(r.to, sep), "months": str(r.months),
            "mod": kind_name(r.kind, ms), "modcode": str(kind_code(r.kind)), "req": req_name(r.request, ms),
            "reqcode": str(req_code(r.request))}


def render(d, rng, idx, stem, bstem):
    lstyle = rng.choice(LABEL_STYLES)
    L = labels(lstyle)
    v = {"labels": lstyle, "sep": rng.choice([",", ",", ".", ""]),
         "modality_case": rng.choice(["upper", "upper", "noacc", "title"]),
         "comb_digits": rng.random() < 0.6, "order": rng.choice(list(ORDERS)),
         "paper": rng.choice(["a4", "letter"]), "font": rng.choice(["Helvetica", "Times-Roman"]),
         "stamp": rng.choice(["spaced-comb", "slash-ampm", "two-lines"])}
    v["range_rows_as_boxes"] = len(d.ranges) <= 2 and rng.random() < 0.6
    canvas(d, L, v, rng).save(bstem, stem + ".pdf")
    return "gs", v


def canvas(d, L, v, rng):
    c = Canvas("ps")
    W, H = (595, 842) if v["paper"] == "a4" else (612, 792)
    font = v["font"]
    bold = font.replace("-Roman", "") + "-Bold" if font != "Helvetica" else "Helvetica-Bold"
    M = 36
    cap = 6.5
    valsz = 10

    def box(x, y, w, h, label, value, comb=False):
        c.rect(x, y, w, h, 0.6)
        if comb and value:
            pitch = min(12, (w - 8) / max(len(value), 1))
            for i in range(len(value) + 1):
                c.line(x + 4 + i * pitch, y + 3, x + 4 + i * pitch, y + h - cap - 6, 0.3)
            c.font(bold, valsz)
            c.spaced(x + 4, y + 15, value, pitch)
        elif value:
            c.font(bold, valsz)
            lines = wrap_text(value, bold, valsz, w - 8)
            if len(lines) > 1:
                c.font(bold, valsz - 2)
                lines = wrap_text(value, bold, valsz - 2, w - 8)
            for j, ln in enumerate(lines[:2]):
                c.text(x + 4, y + 13 + j * (valsz - 1), ln)
        csz = min(cap, cap * (w - 6) / max(c.width(label, font, cap), 1))
        c.font(font, csz)
        c.line(x, y + h - cap - 4, x + w, y + h - cap - 4, 0.25)
        c.text(x + 3, y + h - 3, label)

    def furniture(page):
        c.font(bold, 16)
        c.text(M, 40, "DIAN")
        c.font(bold, 12)
        c.text(W / 2, 36, L["title"], "c")
        c.font(font, 7.5)
        c.text(W / 2, 47, L["subtitle"], "c")
        c.rect(W - M - 60, 22, 60, 28, 1.2)
        c.font(bold, 16)
        c.text(W - M - 30, 42, "1876", "c")
        c.font(font, 7)
        c.text(W - M, H - 24, f"Hoja {page}", "r")
        c.text(M, H - 24, "Privilegio de la U.A.E. DIAN - www.dian.gov.co")

    # ---- page 1
    c.page(W, H)
    furniture(1)
    y = 66
    bw = W - 2 * M
    h = 34
    box(M, y, 60, h, L["year"], d.year, v["comb_digits"])
    box(M + 64, y, 220, h, L["number"], d.number, v["comb_digits"])
    c.rect(M + 288, y, bw - 288, h + 40, 0.6)
    c.font(font, 7)
    c.text(M + 292, y + 10, L["reserved"])
    y += h + 50
    c.font(bold, 9)
    c.text(M, y - 4, L["applicant"])
    dvw = max(40, c.width(L["dv"], font, cap) + 8)
    box(M, y, 180, h, L["nit"], d.nit, v["comb_digits"])
    box(M + 184, y, dvw, h, L["dv"], str(d.dv), v["comb_digits"])
    rest = bw - 188 - dvw
    for i, (k, val) in enumerate([(L["ap1"], d.ap1), (L["ap2"], d.ap2)]):
        box(M + 188 + dvw + i * rest / 2, y, rest / 2 - 4 * (i == 0), h, k, val)
    y += h + 4
    box(M, y, bw / 2 - 2, h, L["n1"], d.n1)
    box(M + bw / 2 + 2, y, bw / 2 - 2, h, L["n2"], d.n2)
    y += h + 4
    box(M, y, bw - 110, h, L["rs"], d.rs)
    box(M + bw - 106, y, 106, h, L["secc"], d.secc, v["comb_digits"])
    y += h + 30
    c.font(font, 7)
    for p in legal_paragraphs(rng, d):
        for ln in wrap_text(p, font, 7, bw):
            c.text(M, y, ln)
            y += 9
        y += 4

    # ---- page 2
    c.page(W, H)
    furniture(2)
    y = 76
    c.font(bold, 9)
    c.text(M, y, L["detail"])
    y += 8
    order = ORDERS[v["order"]]
    heads = {"prefix": L["prefix"], "from": L["from"], "to": L["to"], "months": L["months"], "mod": L["mod"],
             "modcode": L["modcode"], "req": L["req"], "reqcode": L["reqcode"]}
    total = sum(WIDTH[k] for k in order)
    scale = bw / total
    if v["range_rows_as_boxes"]:
        for r in d.ranges:
            x = M
            vals = cell_values(r, v)
            for k in order:
                w = WIDTH[k] * scale
                box(x, y, w - 2, 36, heads[k], vals[k])
                x += w
            y += 42
    else:
        hh = 26
        x = M
        for k in order:
            w = WIDTH[k] * scale
            c.rect(x, y, w, hh, 0.6, fill=0.9)
            c.font(font, 7)
            for j, ln in enumerate(wrap_text(heads[k], font, 7, w - 4)[:3]):
                c.text(x + w / 2, y + 8 + j * 8, ln, "c")
            x += w
        y += hh
        for r in d.ranges:
            vals = cell_values(r, v)
            c.font(bold, 8.5)
            nl = max(len(wrap_text(vals[k], bold, 8.5, WIDTH[k] * scale - 6) or [""]) for k in order)
            rh = 8 + nl * 10
            x = M
            for k in order:
                w = WIDTH[k] * scale
                c.rect(x, y, w, rh, 0.4)
                num = k in ("from", "to", "months", "modcode", "reqcode")
                for j, ln in enumerate(wrap_text(vals[k], bold, 8.5, w - 6)):
                    if num:
                        c.text(x + w - 4, y + 12 + j * 10, ln, "r")
                    else:
                        c.text(x + 3, y + 12 + j * 10, ln)
                x += w
            y += rh
    # stamp: circle with text around, date above its caption
    cx, cy, rad = W - M - 95, y + 120, 85
    c.circle(cx, cy, rad, 1.2)
    c.circle(cx, cy, rad - 18, 0.4)
    c.font(font, 7.5)
    c.arc_text(cx, cy, rad - 10, "DIRECCIÓN DE IMPUESTOS Y ADUANAS NACIONALES", 160, 140)
    c.font(bold, 9)
    c.text(cx, cy - 30, "DIAN", "c")
    s = d.stamp
    if v["stamp"] == "spaced-comb":
        iso = s.strftime("%Y-%m-%d")
        pitch = 9
        c.font(bold, 9)
        x0 = cx - pitch * len(iso) / 2
        c.rect(x0 - 2, cy - 14, pitch * len(iso) + 4, 18, 0.4)
        c.spaced(x0, cy, iso, pitch)
        c.font(font, 8)
        c.text(cx, cy + 14, s.strftime("%I:%M:%S %p"), "c")
        c.font(font, 6.5)
        c.text(cx, cy + 26, L["stamp"], "c")
    else:
        c.font(bold, 8.5)
        lines = stamp_lines(d, v["stamp"])
        for j, ln in enumerate(lines):
            c.text(cx, cy + j * 11, ln, "c")
        c.font(font, 6.5)
        c.text(cx, cy + 11 * len(lines) + 3, L["stamp"], "c")
    c.font(font, 8)
    c.text(cx, cy + 44, L["signed"], "c")
    c.line(M, cy + 40, M + 200, cy + 40, 0.5)
    c.font(font, 7)
    c.text(M, cy + 50, L["sign"])
    return c
