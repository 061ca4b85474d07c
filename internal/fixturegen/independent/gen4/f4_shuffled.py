"""Family shuffled-glyph-stream: a plain, well-ordered looking two-page form
whose CONTENT STREAM is scrambled: every glyph (or, in some documents, every
word) is drawn by its own text object at an absolute position, and the text
objects of each page are written in RANDOM ORDER after the page's rules and
shading, so stream order says nothing about reading order (a typesetter that
emits glyph runs out of order, or a PDF rewritten glyph by glyph). Page 1:
header, a label column with right-aligned labels and a value column after a
vertical rule; page 2: ruled ranges table and a circular stamp with a
horizontal date-time. Producers: mutool create, Ghostscript (PostScript)."""
from common4 import *

FAMILY = "shuffled-glyph-stream"


def doc_params(rng, idx):
    return {"nranges": 1 + (idx * 5 + 3) % 6, "natural_prob": 0.4}


def render(d, rng, idx, stem, bstem):
    producer = "mutool" if idx % 2 == 0 else "gs"
    lstyle = rng.choice(["std", "std", "abbrev", "upper", "noacc", "nodot", "dvlong"])
    L = labels(lstyle)
    v = {"labels": lstyle, "modality_case": rng.choice(["upper", "upper", "title", "noacc"]),
         "granularity": "word" if idx % 3 == 2 else "glyph", "sep": rng.choice([",", ".", ""]),
         "stamp": rng.choice(["slash-ampm", "space-24h", "two-lines"]), "paper": rng.choice(["Letter", "A4"]),
         "font": rng.choice(["Helvetica", "Times-Roman", "Courier"]), "font_pt": rng.choice([8, 8.5, 9])}
    legal = legal_paragraphs(rng, d)
    c = Canvas4("mu" if producer == "mutool" else "ps", glyph_rng=random.Random(rng.random()),
                granularity=v["granularity"])
    draw(c, d, L, v, legal)
    c.save(bstem, stem + ".pdf")
    return producer, v


def draw(c, d, L, v, legal):
    PW, PH = PAPERS[v["paper"]]
    M = 48
    TW = PW - 2 * M
    F = v["font"]
    FB = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}[F]
    fs = v["font_pt"] if F != "Courier" else 7.5
    ms = v["modality_case"]
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}

    def header(y, sub):
        c.font(FB, fs + 10)
        c.text(M, y + 16, "DIAN")
        c.font(FB, fs + 3)
        c.text(M + TW / 2, y + 8, L["title"], "c")
        c.font(F, fs - 1)
        c.text(M + TW / 2, y + 19, sub, "c")
        c.font(FB, fs + 7)
        c.text(M + TW, y + 16, "1876", "r")
        c.line(M, y + 26, M + TW, y + 26, lw=1.2)
        return y + 40

    # -------- page 1
    c.page(PW, PH)
    y = header(M, L["subtitle"])
    colx = M + 200
    c.rect(M, y, TW, 16, lw=0, fill=0.88)
    c.font(FB, fs + 1)
    c.text(M + 4, y + 11.5, L["applicant"])
    y += 16
    top = y
    rowh = fs + 11
    for k in ["year", "number", "nit", "dv", "ap1", "ap2", "n1", "n2", "rs", "secc"]:
        lab, val = it[k]
        c.font(F, fs)
        c.text(colx - 8, y + rowh / 2 + fs * 0.35, lab, "r")
        c.font(FB, fs + 1 if k != "number" else fs + 3)
        vl = wrap_text(val, FB, fs + 1, M + TW - colx - 12) if val else [""]
        for j, ln in enumerate(vl):
            c.text(colx + 8, y + rowh / 2 + fs * 0.35 + j * (fs + 3), ln)
        y += rowh + (len(vl) - 1) * (fs + 3)
        c.line(M, y, M + TW, y, lw=0.3)
    c.rect(M, top, TW, y - top, lw=0.8)
    c.line(colx, top, colx, y, lw=0.8)
    y += 16
    c.rect(M, y, TW, 50, lw=0.6)
    c.font(F, fs - 1)
    c.text(M + 4, y + fs + 2, L["reserved"])
    y += 68
    for p in legal:
        for ln in wrap_text(p, F, fs - 1, TW):
            c.text(M, y, ln)
            y += fs + 1
        y += 4
    c.text(M + TW, PH - 28, "Página 1 de 2", "r")
    # -------- page 2
    c.page(PW, PH)
    y = header(M, "Hoja 2")
    c.rect(M, y, TW, 16, lw=0, fill=0.88)
    c.font(FB, fs + 1)
    c.text(M + 4, y + 11.5, L["detail"])
    y += 22
    head = [L["mod"], L["modcode"], L["prefix"], L["from"], L["to"], L["months"], L["req"], L["reqcode"]]
    rows = [[kind_name(r.kind, ms), str(kind_code(r.kind)), r.prefix, fmt_sep(r.frm, v["sep"]),
             fmt_sep(r.to, v["sep"]), str(r.months), req_name(r.request, ms), str(req_code(r.request))]
            for r in d.ranges]
    bfs = fs
    widths = None
    while widths is None:
        widths = fit_widths([2.6, 0.5, 0.8, 1.3, 1.3, 0.9, 1.6, 0.5], head, rows, F, fs - 1, F, bfs, TW, 3)
        if widths is None:
            bfs -= 0.5
    y = canvas_table(c, M, y, widths, head, rows, list("lclrrclc"), F, FB, bfs, fs - 1, 3, head_fill=0.9)
    sl = stamp_lines(d, v["stamp"])
    R = 66
    cx, cy = M + TW - R - 8, y + 36 + R
    c.circle(cx, cy, R, lw=1.4)
    c.circle(cx, cy, R - 4, lw=0.5)
    c.font(FB, fs + 3)
    c.text(cx, cy - 30, "DIAN", "c")
    c.font(F, fs - 1)
    c.text(cx, cy - 16, L["stamp"], "c")
    c.font(FB, fs + 1)
    yy = cy + 2
    for ln in sl:
        c.text(cx, yy, ln, "c")
        yy += fs + 4
    c.font(F, fs - 1)
    c.text(cx, cy + R - 18, L["signed"], "c")
    c.line(M, cy + R - 8, M + 180, cy + R - 8, lw=0.5)
    c.text(M, cy + R + 2, L["sign"])
    c.text(M + TW, PH - 28, "Página 2 de 2", "r")
