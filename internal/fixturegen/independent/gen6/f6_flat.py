"""Family flattened-form-fields: a fillable PDF form that was filled in and
FLATTENED. Each page's blank template (rules, labels, section bands, legal
text, and a fixed-row ranges table with empty rows left over) is ONE Form
XObject; a footer band ('Original: DIAN - Copia: contribuyente', the model
number) is another Form XObject reused on both pages; and EVERY VALUE is its
own small Form XObject, as a flattened field appearance: '/Tx BMC', a
clipping rectangle of the field's size, then the text. Variations per
document: comb fields (year, form number, NIT and DV written one digit per
comb cell, each digit positioned by its own Td, comb ticks drawn on the page),
fake-bold values (every value drawn twice, the second copy 0.25-0.4 pt to the
right), and hidden white text under the values: a white duplicate of each
value exactly under it or offset by up to a few points (text pdftotext prints
although nobody can see it), or white template hints ('Diligencie este campo')
at the top right of some cells. The form is a
plain official-style form (ruled cells, label on top and value below, long
business names over two lines; circular stamp, date horizontal). 1 to 8
ranges; habilitación / inhabilitación rows and empty prefixes appear.
Producers: a raw writer rewritten by `mutool clean`, and the same file
rewritten by Ghostscript's pdfwrite."""
from common6 import *

FAMILY = "flattened-form-fields"
COMB = {"year": 4, "number": 16, "nit": 10, "dv": 1}


def doc_params(rng, idx):
    return {"nranges": [3, 1, 8, 2, 5, 4, 1, 6, 3, 7, 2, 5][idx % 12], "natural_prob": 0.4, "empty_prefix_prob": 0.04}


class FlatCanvas(Canvas6):
    def __init__(self):
        super().__init__("mu")
        self.fields = []  # per page: (x, y, s, align, box, key, font, size)

    def page(self, w, h, rotate=0, sideways=False):
        super().page(w, h, rotate, sideways)
        self.fields.append([])

    def value(self, x, y, s, align="l", box=None, key=""):
        self.fields[-1].append((x, y, s, align, box, key, self.fontname, self.size))


def field_stream(fx, v, H):
    """content of one flattened field XObject (box-local coordinates) and its
    placement on the page"""
    x, y, s, align, (bx, by, bw, bh), key, font, size = fx
    tag = BASE14[font]
    w = text_width(s, font, size)
    lx = x - bx - {"l": 0, "r": w, "c": w / 2}[align]
    ly = by + bh - y
    shows = []
    if v["comb"] and key in COMB:
        n = max(COMB[key], len(s))
        pitch = bw / n
        for i, ch in enumerate(s):
            cx = pitch * (i + 0.5) - text_width(ch, font, size) / 2
            shows.append((cx, ly, ch))
    else:
        shows.append((lx, ly, s))
    ops = [f"/Tx BMC q 1 0 {bw - 2:.2f} {bh:.2f} re W n BT /{tag} {size:g} Tf 0 g"]
    passes = [0.0] + ([v["bold_dx"]] if v["bold_dx"] else [])
    for dx in passes:
        for sx, sy, t in shows:
            ops.append(f"1 0 0 1 {sx + dx:.2f} {sy:.2f} Tm {ps_str(t)} Tj")
    ops.append("ET Q EMC")
    return " ".join(ops), (bx, H - by - bh, bw, bh)


def render(d, rng, idx, stem, bstem):
    tweak_doc(d, rng)
    producer = "mutool" if idx % 2 == 0 else "gs"
    v = form_variant(rng)
    v["comb"] = rng.random() < 0.5
    v["bold_dx"] = rng.choice([0, 0, 0.25, 0.4])
    v["hidden"] = rng.choice(["none", "white-dup", "white-dup", "white-label"])
    v["dup_dx"], v["dup_dy"] = rng.choice([(0, 0), (0, 0), (0.6, 0.4), (3, 2)])
    v["blank_rows"] = max(0, rng.choice([8, 10]) - len(d.ranges))
    legal = legal_paragraphs(rng, d)
    c = FlatCanvas()
    L = draw_form(c, d, v, legal)
    pdf = RawPDF()
    PW, PH = PAPERS[v["paper"]]
    band = pdf.form((0, 0, PW - 84, 14),
                    f"0.85 g 0 0 {PW - 84:.2f} 14 re f 0 g BT /F1 6.5 Tf 4 4.5 Td "
                    f"{ps_str('Formulario 1876 - Original: DIAN - Copia: contribuyente')} Tj ET "
                    f"BT /F2 6.5 Tf {PW - 84 - 60:.2f} 4.5 Td (Mod. 1876 v.2) Tj ET")
    nf = 0
    ddx, ddy = v["dup_dx"], v["dup_dy"]
    for pi, ((w, h, cmds, _r, _s), fields) in enumerate(zip(c.pages, c.fields)):
        tpl = pdf.form((0, 0, w, h), "\n".join(cmds))
        xobjs = {"TPL": tpl, "BAND": band}
        page = ["q /TPL Do Q", "q 1 0 0 1 42 12 cm /BAND Do Q"]
        for fx in fields:
            x, y, s, align, (bx, by, bw, bh), key, font, size = fx
            if v["comb"] and key in COMB:
                n = max(COMB[key], len(s))
                Y0 = h - by - bh
                page.append("0.5 w " + " ".join(f"{bx + bw * i / n:.2f} {Y0:.2f} m {bx + bw * i / n:.2f} "
                                                 f"{Y0 + bh * 0.4:.2f} l" for i in range(1, n)) + " S")
            if v["hidden"] == "white-dup":
                ww = text_width(s, font, size)
                tx = x - {"l": 0, "r": ww, "c": ww / 2}[align]
                page.append(f"BT 1 g /{BASE14[font]} {size:g} Tf {tx + ddx:.2f} {h - y - ddy:.2f} Td {ps_str(s)} Tj ET 0 g")
            elif v["hidden"] == "white-label" and key in ("number", "nit", "rs", "ap1", "n1", "stamp"):
                page.append(f"BT 1 g /F1 5 Tf {bx + bw - 60:.2f} {h - by + 2:.2f} Td "
                            f"{ps_str('Diligencie este campo')} Tj ET 0 g")
            content, (X, Y, _bw, _bh) = field_stream(fx, v, h)
            nf += 1
            name = f"Fld{nf}"
            xobjs[name] = pdf.form((0, 0, bw, bh), content)
            page.append(f"q 1 0 0 1 {X:.2f} {Y:.2f} cm /{name} Do Q")
        pdf.page(w, h, "\n".join(page), xobjs)
    raw = bstem + "-raw.pdf"
    pdf.save(raw)
    if producer == "mutool":
        run(["mutool", "clean", "-gg", "-z", raw, stem + ".pdf"])
    else:
        run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", f"-sOutputFile={stem}.pdf", raw])
    return producer, v
