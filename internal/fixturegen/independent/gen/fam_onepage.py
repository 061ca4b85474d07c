"""Family single-page-compact: the whole form on ONE page in very small type
(5.5-7 pt); applicant data as "label: value" lines (or a value column) in
the left half, a rectangular reception stamp in the right half, a ruled
(no vertical lines) ranges table with an explicit end-date column, and a
block of legal text with distractor numbers. Producer: mutool create."""
from common import *
from draw import Canvas

FAMILY = "single-page-compact"


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 2, 3, 4, 5, 6, 6])}


def render(d, rng, idx, stem, bstem):
    lstyle = rng.choice(LABEL_STYLES)
    L = labels(lstyle)
    v = {"labels": lstyle, "sep": rng.choice([",", ",", ".", ""]),
         "modality_case": rng.choice(["upper", "title", "noacc"]),
         "stamp": rng.choice(STAMP_STYLES), "kv": rng.choice(["inline-colon", "value-column"]),
         "font": rng.choice(["Helvetica", "Times-Roman", "Courier"]),
         "font_pt": rng.choice([5.5, 6, 6.5, 7]),
         "paper": rng.choice(["letter", "legal", "a4"]),
         "end_column": rng.random() < 0.7}
    canvas(d, L, v, rng).save(bstem, stem + ".pdf")
    return "mutool", v


def canvas(d, L, v, rng):
    W, H = {"letter": (612, 792), "legal": (612, 1008), "a4": (595, 842)}[v["paper"]]
    c = Canvas("mu")
    c.page(W, H)
    font = v["font"]
    bold = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}[font]
    fs = v["font_pt"]
    lh = fs * 1.5
    M = 30
    c.font(bold, fs + 4)
    c.text(M, 34, L["title"] + " - Formulario 1876")
    c.font(font, fs)
    c.text(M, 34 + lh, L["subtitle"])
    c.text(W - M, 34, "Hoja 1 de 1", "r")
    c.line(M, 34 + lh + 4, W - M, 34 + lh + 4, 0.8)
    y = 34 + 2 * lh + 10
    c.font(bold, fs + 1)
    c.text(M, y, L["applicant"])
    y += lh + 2
    items = [(L["year"], d.year), (L["number"], d.number), (L["nit"], d.nit), (L["dv"], str(d.dv)),
             (L["ap1"], d.ap1), (L["ap2"], d.ap2), (L["n1"], d.n1), (L["n2"], d.n2), (L["rs"], d.rs),
             (L["secc"], d.secc)]
    half = (W - 2 * M) / 2
    vx = M + max(c.width(k, font, fs) for k, _ in items) + 3 * fs
    for k, val in items:
        c.font(font, fs)
        if v["kv"] == "inline-colon":
            c.text(M, y, k + ":")
            x0 = M + c.width(k + ":  ", font, fs)
        else:
            c.text(M, y, k)
            x0 = vx
        c.font(bold, fs)
        for j, ln in enumerate(wrap_text(val, bold, fs, M + half - x0) or [""]):
            c.text(x0, y, ln)
            y += lh
    # stamp rectangle right half
    sx, sy = M + half + 20, 34 + 2 * lh + 14
    sw, sh = half - 20, lh * 8
    c.rect(sx, sy, sw, sh, 1)
    c.rect(sx + 3, sy + 3, sw - 6, sh - 6, 0.3)
    c.font(bold, fs + 1)
    c.text(sx + sw / 2, sy + lh + 2, "U.A.E. DIRECCIÓN DE IMPUESTOS Y ADUANAS NACIONALES", "c")
    c.font(font, fs)
    c.text(sx + sw / 2, sy + 2 * lh + 4, L["stamp"], "c")
    c.font(bold, fs + 2)
    for j, ln in enumerate(stamp_lines(d, v["stamp"])):
        c.text(sx + sw / 2, sy + 3.5 * lh + 4 + j * (lh + 2), ln, "c")
    c.font(font, fs)
    c.text(sx + sw / 2, sy + sh - lh + 2, L["signed"] + " digitalmente", "c")
    c.font(font, fs - 0.5)
    c.text(sx, sy + sh + lh, L["reserved"])
    y = max(y, sy + sh + lh) + lh * 1.5
    # ranges table, horizontal rules only
    c.font(bold, fs + 1)
    c.text(M, y, L["detail"])
    y += lh
    cols = [("mod", L["mod"], 0.25, "l"), ("mc", L["modcode"], 0.04, "r"), ("pf", L["prefix"], 0.08, "l"),
            ("fr", L["from"], 0.12, "r"), ("to", L["to"], 0.12, "r"), ("mo", L["months"], 0.09, "r")]
    if v["end_column"]:
        cols.append(("vt", "Vigente hasta", 0.09, "r"))
    cols += [("rq", L["req"], 0.14, "l"), ("rc", L["reqcode"], 0.04, "r")]
    tot = sum(w for _, _, w, _ in cols)
    tw = W - 2 * M
    c.line(M, y - fs - 2, W - M, y - fs - 2 + 0, 0.6)
    xs = []
    x = M
    for key, lab, w, al in cols:
        cw = w / tot * tw
        xs.append((x, cw, al))
        c.font(bold, fs)
        for j, ln in enumerate(wrap_text(lab, bold, fs, cw - 4)[:2]):
            c.text(x + cw - 2 if al == "r" else x + 2, y + j * lh, ln, al)
        x += cw
    y += 2 * lh
    c.line(M, y - fs - 1, W - M, y - fs - 1, 0.4)
    sep, ms = v["sep"], v["modality_case"]
    for r in d.ranges:
        vals = {"mod": kind_name(r.kind, ms), "mc": str(kind_code(r.kind)), "pf": r.prefix,
                "fr": fmt_int(r.frm, sep), "to": fmt_int(r.to, sep), "mo": str(r.months),
                "vt": r.valid_to.isoformat(), "rq": req_name(r.request, ms), "rc": str(req_code(r.request))}
        c.font(font, fs)
        nl = 1
        for (key, _, _, _), (x, cw, al) in zip(cols, xs):
            ls = wrap_text(vals[key], font, fs, cw - 4) or [""]
            nl = max(nl, len(ls))
            for j, ln in enumerate(ls):
                c.text(x + cw - 2 if al == "r" else x + 2, y + j * lh, ln, al)
        y += nl * lh + 2
        c.line(M, y - fs - 1, W - M, y - fs - 1, 0.2)
    y += lh * 2
    c.font(font, fs - 0.5)
    for p in legal_paragraphs(rng, d):
        for ln in wrap_text(p, font, fs - 0.5, W - 2 * M):
            c.text(M, y, ln)
            y += lh * 0.95
        y += 3
    y += lh * 3
    c.line(M, y, M + 160, y, 0.4)
    c.font(font, fs)
    c.text(M, y + lh, L["sign"])
    return c
