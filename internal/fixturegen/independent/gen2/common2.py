"""Second batch: shared helpers on top of ../gen/common.py and ../gen/draw.py
(truth format, NIT check digit, dates, producers are reused unchanged)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "gen"))

from common import *  # noqa: F401,F403,E402
from common import make_doc, ps_str, text_width, run  # noqa: E402
from draw import Canvas, BASE14, PS_PROLOGUE  # noqa: E402,F401

ROOT2 = os.path.dirname(HERE)
OUT2 = os.path.join(ROOT2, "out2")
BUILD2 = os.path.join(ROOT2, "build2")

# compound and particle surnames (natural persons)
COMPOUND_SURNAMES = ["DE LA TORRE", "DE LOS RÍOS", "SAN MARTÍN", "DEL VALLE", "DE LA CRUZ",
                     "PONCE DE LEÓN", "MONTES DE OCA", "GARCÍA-HERREROS", "DE BEDOUT",
                     "DÍAZ GRANADOS", "LÓPEZ DE MESA", "DE LA ESPRIELLA", "VAN STRAHLEN",
                     "DEL PORTILLO", "SANTAMARÍA", "DE FRANCISCO"]
GIVEN2 = ["MARÍA JOSÉ", "JUAN PABLO", "ANA", "LUIS", "CARLOS", "PAOLA", "SOFÍA", "TOMÁS", "ÉDGAR"]

ABBR_KIND = {
    "electronic-invoice": "FACT. ELECTRÓNICA DE VENTA",
    "paper": "TALONARIO/PAPEL",
    "computer": "FACT. POR COMPUTADOR",
    "pos": "MÁQ. REGISTRADORA POS",
    "equivalent-document": "DOC. EQUIV. ELECTRÓNICO",
    "support-document": "DOC. SOPORTE",
}
ABBR_REQ = {"authorization": "AUTORIZ.", "enablement": "HABILIT.", "disablement": "INHABILIT."}

MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre"]


def long_date(d):
    return f"{d.day} de {MONTHS_ES[d.month - 1]} de {d.year}"


def make_doc2(rng, nranges=None, natural_prob=0.45, compound_prob=0.6, empty_prefix_prob=0.15):
    natural = rng.random() < natural_prob
    d = make_doc(rng, nranges=nranges, natural=natural)
    if d.natural:
        if rng.random() < compound_prob:
            d.ap1 = rng.choice(COMPOUND_SURNAMES)
            if d.ap2 and rng.random() < 0.4:
                d.ap2 = rng.choice([s for s in COMPOUND_SURNAMES if s != d.ap1])
        if rng.random() < 0.3:
            d.n1 = rng.choice(GIVEN2)
            if d.n2 and d.n2 in d.n1.split():
                d.n2 = ""
    for r in d.ranges:
        if rng.random() < empty_prefix_prob:
            r.prefix = ""
    return d


def applicant_items(d, L):
    return [("year", L["year"], d.year), ("number", L["number"], d.number),
            ("nit", L["nit"], d.nit), ("dv", L["dv"], str(d.dv)),
            ("ap1", L["ap1"], d.ap1), ("ap2", L["ap2"], d.ap2),
            ("n1", L["n1"], d.n1), ("n2", L["n2"], d.n2),
            ("rs", L["rs"], d.rs), ("secc", L["secc"], d.secc)]


def split_num(label):
    """'4. Número de formulario' -> ('4', 'Número de formulario')"""
    head, _, rest = label.partition(" ")
    num = head.rstrip(".")
    if num.isdigit():
        return num, rest
    return "", label


class Canvas2(Canvas):
    """Canvas with per-page /Rotate (content drawn in the displayed, rotated
    coordinate system) and small caps."""

    def page(self, w, h, rotate=0, sideways=False):
        """w, h: size of the page AS DISPLAYED. rotate in {0, 90, 270}: the
        MediaBox is portrait (h x w) and /Rotate makes it display as w x h.
        sideways: no /Rotate, content drawn rotated in a (h x w) MediaBox."""
        super().page(w, h)
        self.pages[-1] = (w, h, self.cur, rotate, sideways)

    def smallcaps(self, x, y, s, size, font=None, ratio=0.8):
        font = font or self.fontname
        runs = []
        for ch in s:
            small = ch.islower()
            c = ch.upper() if small else ch
            if runs and runs[-1][0] == small:
                runs[-1][1] += c
            else:
                runs.append([small, c])
        for small, t in runs:
            sz = size * ratio if small else size
            self.font(font, round(sz, 2))
            self.text(x, y, t)
            x += self.width(t)
        return x

    def smallcaps_width(self, s, size, font=None, ratio=0.8):
        font = font or self.fontname
        return sum(text_width(ch.upper(), font, size * ratio if ch.islower() else size) for ch in s)

    def save(self, src_stem, pdf_path):
        if self.kind == "ps":
            parts = [PS_PROLOGUE]
            for i, (w, h, cmds, rot, side) in enumerate(self.pages, 1):
                if rot or side:
                    mw, mh = h, w
                else:
                    mw, mh = w, h
                parts.append(f"%%Page: {i} {i}\n<< /PageSize [{mw:g} {mh:g}] >> setpagedevice\n")
                pre = ""
                if rot == 90 or side:
                    pre = f"{mw:g} 0 translate 90 rotate\n"
                elif rot == 270:
                    pre = f"0 {mh:g} translate -90 rotate\n"
                if rot:
                    pre = f"[ {{ThisPage}} << /Rotate {rot} >> /PUT pdfmark\n" + pre
                parts.append(pre + "0 setgray\n" + "\n".join(cmds) + "\nshowpage\n")
            parts.append("%%EOF\n")
            ps = src_stem + ".ps"
            with open(ps, "wb") as f:
                f.write("".join(parts).encode("latin-1"))
            run(["ps2pdf", "-dAutoRotatePages=/None", ps, pdf_path])
        else:
            files = []
            for i, (w, h, cmds, rot, side) in enumerate(self.pages, 1):
                p = f"{src_stem}-p{i}.txt"
                if rot or side:
                    mw, mh = h, w
                else:
                    mw, mh = w, h
                hdr = [f"%%MediaBox 0 0 {mw:g} {mh:g}"]
                if rot:
                    hdr.append(f"%%Rotate {rot}")
                for name, tag in BASE14.items():
                    hdr.append(f"%%Font {tag} {name}")
                body = list(cmds)
                if rot == 90 or side:
                    body = [f"q 0 1 -1 0 {mw:g} 0 cm"] + body + ["Q"]
                elif rot == 270:
                    body = [f"q 0 -1 1 0 0 {mh:g} cm"] + body + ["Q"]
                with open(p, "wb") as f:
                    f.write(("\n".join(hdr + body) + "\n").encode("latin-1"))
                files.append(p)
            run(["mutool", "create", "-O", "compress", "-o", pdf_path] + files)


def groff_esc(s):
    s = s.replace("\\", "\\e").replace("'", "\\(aq").replace("`", "\\(ga")
    if s[:1] in ".'":
        s = "\\&" + s
    return s
