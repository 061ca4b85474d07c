"""Fifteenth batch: shared helpers on top of ../gen14/common14.py (which chains
gen12, gen10, gen8, gen6, gen4, gen3, gen2 and gen: document model, truth
format, NIT check digit, dates, producers, Canvas12 for Ghostscript / mutool,
SvgCanvas for Chromium, groff / tbl helpers). Standard library only.

Adds: output paths (out15, sources in build15); Canvas15 and SvgCanvas15 (the
Canvas API with rotation about a point for all three back-ends, and rotated
text 'vtext'); OCR-style label noise (substituted / dropped / confused letters,
broken and glued words, box-number punctuation) that never touches a value;
a scan helper (PostScript -> Ghostscript gray raster -> paper tone and
speckles -> PNG); the groff raw-PostScript escapes this batch uses (rotation
about the current point, page background); monospace helpers."""
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
IND = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(IND, "gen14"))

from common14 import *  # noqa: F401,F403,E402
from common14 import (Canvas12, SvgCanvas, E, ps_str, text_width, run, make_doc2, tweak_doc,  # noqa: E402,F401
                      truth, write_truth, nit_dv, add_months, strip_accents, kind_name, kind_code,
                      req_name, req_code, chromium_pdf, groff_pdf, groff_esc, legal_paragraphs,
                      tidy_prefixes, pick_labels, wrap_by, num, day, stamp_str, PAPERS14, CSS_SIZE,
                      GROFF_PAPER, HTML_FONTS, SEPS, DATES14, TITLE, SUB, bold, date_forms, NBSP,
                      DIAN_NIT, DIAN_DV, fit_cols, tp_rows, tp_items, fmt_num)
from common12 import pick_theads, TVOCAB, VOCAB  # noqa: E402,F401
from common6 import read_pgm, gray_png  # noqa: E402,F401

OUT15 = os.environ.get("INDEP_OUT15", os.path.join(IND, "out15"))
BUILD15 = os.environ.get("INDEP_BUILD15", os.path.join(IND, "build15"))

PAPERS15 = dict(PAPERS14)


def nranges_for(rng, idx):
    """1-6 ranges: every count once in the second half of a family, random before"""
    return [1, 2, 3, 4, 5, 6][idx % 6] if idx >= 6 else rng.choice([1, 2, 2, 3, 4, 5, 6])


# ------------------------------------------------------------------ canvases with rotation
class Canvas15(Canvas12):
    """Canvas12 (Ghostscript 'ps' / mutool 'mu') plus vtext(): text rotated by
    deg (counter-clockwise as seen) about its own start point."""

    def vtext(self, x, y, s, deg, align="l"):
        if not s:
            return
        keep = (self.fontname, self.size)
        self.rot_begin(x, y, deg)
        self.text(x, y, s, align)
        self.rot_end(keep)

    def dot(self, x, y, r, g):
        self.rect(x, y, r, r, lw=0, fill=g)


TTF_FONT = {"Helvetica": ("'DejaVu Sans', sans-serif", "normal"),
            "Helvetica-Bold": ("'DejaVu Sans', sans-serif", "bold"),
            "Times-Roman": ("'DejaVu Serif', serif", "normal"), "Times-Bold": ("'DejaVu Serif', serif", "bold"),
            "Courier": ("'DejaVu Sans Mono', monospace", "normal"),
            "Courier-Bold": ("'DejaVu Sans Mono', monospace", "bold")}


class SvgCanvas15(SvgCanvas):
    """SvgCanvas plus rotation groups and rotated text (SVG rotate() turns
    clockwise as seen, so the angle is negated). ttf=True: the text is set in
    DejaVu (TrueType, which Chromium embeds as a CID font; the Nimbus OpenType
    / Type 1 fonts come out as Type 3) squeezed with textLength to the width
    of the Base14 metrics, so the layout is the same."""

    def __init__(self, ttf=False):
        super().__init__()
        self.ttf = ttf

    def text(self, x, y, s, align="l"):
        if not s or not self.ttf:
            return super().text(x, y, s, align)
        fam, wt = TTF_FONT[self.fontname]
        anchor = {"l": "start", "r": "end", "c": "middle"}[align]
        tl = text_width(s, self.fontname, self.size)
        self.cur.append(f"<text x='{x:.2f}' y='{y:.2f}' font-family=\"{fam}\" font-weight='{wt}' "
                        f"font-size='{self.size:g}' text-anchor='{anchor}' fill='{self.fill}' "
                        f"textLength='{tl:.2f}' lengthAdjust='spacingAndGlyphs' "
                        f"xml:space='preserve'>{E(s)}</text>")

    def rot_begin(self, cx, cy, deg):
        self.cur.append(f"<g transform='rotate({-deg:.4f} {cx:.2f} {cy:.2f})'>")

    def rot_end(self, font=None):
        self.cur.append("</g>")

    def vtext(self, x, y, s, deg, align="l"):
        if not s:
            return
        self.rot_begin(x, y, deg)
        self.text(x, y, s, align)
        self.rot_end()

    def dot(self, x, y, r, g):
        self.fillrgb(x, y, r, r, g)


# ------------------------------------------------------------------ OCR noise
# single-character (or digraph) confusions of OCR engines; values are never passed here
CONFUSIONS = [
    ("m", "rn"), ("rn", "m"), ("l", "1"), ("l", "I"), ("I", "l"), ("I", "1"), ("i", "l"), ("i", "í"),
    ("j", "i"), ("O", "0"), ("o", "0"), ("e", "c"), ("c", "e"), ("cl", "d"), ("d", "cl"), ("h", "b"),
    ("n", "ri"), ("ri", "n"), ("t", "f"), ("f", "t"), ("S", "5"), ("B", "8"), ("g", "q"), ("a", "o"),
    ("u", "ii"), ("v", "y"), ("N", "H"), ("D", "0"), ("E", "F"), ("C", "G"), ("A", "4"), ("ó", "6"),
]
ACCENT_SWAP = {"ú": ["u", "ü", "ù"], "ó": ["o", "ö", "ò"], "í": ["i", "ï", "1"], "é": ["e", "è", "ë"],
               "á": ["a", "à", "ä"], "Ú": ["U", "Ü"], "Ó": ["O", "Ö", "0"], "Í": ["I", "1", "l"],
               "É": ["E", "È"], "Á": ["A", "À"], "ñ": ["n", "ñ"], "Ñ": ["N", "Ñ"], "u": ["ü"]}


def _tokenish(w):
    """a noisy word must not become a number (or empty)"""
    core = w.strip(".,:;()-/·")
    return bool(core) and not core.replace(".", "").replace(",", "").isdigit()


def ocr_word(w, rng, p):
    """one word with OCR errors (probability p per word; none for 1-letter words,
    digits and punctuation are left alone). May return two words ('Identifi
    cación')."""
    if len(w) < 2 or rng.random() > p:
        return w
    for _ in range(12):
        out = w
        nops = 1 if rng.random() < 0.7 else 2
        for _k in range(nops):
            op = rng.random()
            acc = [i for i, ch in enumerate(out) if ch in "úóíéáÚÓÍÉÁñÑ"]
            if acc and op < 0.35:
                i = rng.choice(acc)
                out = out[:i] + rng.choice(ACCENT_SWAP[out[i]]) + out[i + 1:]
                continue
            if len(out) >= 7 and op < 0.47:
                i = rng.randrange(3, len(out) - 2)
                if out[i - 1].isalpha() and out[i].isalpha():
                    out = out[:i] + " " + out[i:]
                    continue
            cands = [(a, b) for a, b in CONFUSIONS if a in out]
            if cands:
                a, b = rng.choice(cands)
                idxs = [i for i in range(len(out)) if out.startswith(a, i)]
                i = rng.choice(idxs)
                out = out[:i] + b + out[i + len(a):]
        if out != w and all(_tokenish(x) for x in out.split(" ")):
            return out
    return w


def ocr_noise(s, rng, p=0.5, force=True, glue=0.08, boxpunct=0.35):
    """OCR errors in a label or in running text: per-word confusions, broken
    words, occasionally two words glued together, box-number punctuation
    ('4.' -> '4,' / '4 .' / '4-'). force: at least one change."""
    for _ in range(20):
        words = s.split(" ")
        out = []
        for i, w in enumerate(words):
            if i == 0 and boxpunct and w[:-1].isdigit() and w.endswith(".") and rng.random() < boxpunct:
                out.append(w[:-1] + rng.choice([",", " .", "-", "·", ""]))
                continue
            if any(ch.isdigit() for ch in w):
                out.append(w)
                continue
            out.append(ocr_word(w, rng, p))
        res = out[0] if out else ""
        for w in out[1:]:
            if glue and rng.random() < glue and res and w and res[-1].isalpha() and w[0].isalpha():
                res += w
            else:
                res += " " + w
        if res != s or not force:
            return res
        p = min(1.0, p + 0.2)
    return s


# ------------------------------------------------------------------ scans
def scan_png(canvas, bstem, dpi, rng, tone=None, specks=1.0):
    """render a Canvas15('ps') to one gray PNG per page with a paper tone and
    speckles; returns [(png path, width px, height px)]"""
    import glob
    canvas.save(bstem + "-clean", bstem + "-clean.pdf")
    for p in glob.glob(bstem + "-scan-*.pgm"):
        os.remove(p)
    run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pgmraw", f"-r{dpi}", "-dTextAlphaBits=4",
         "-dGraphicsAlphaBits=4", f"-sOutputFile={bstem}-scan-%d.pgm", bstem + "-clean.pdf"])
    tone = tone or rng.randint(226, 244)
    table = bytes(min(255, int(p * tone / 255 + (255 - p) * 0.08)) for p in range(256))
    out = []
    for i in range(1, len(canvas.pages) + 1):
        w, h, pix = read_pgm(f"{bstem}-scan-{i}.pgm")
        pix = bytearray(bytes(pix).translate(table))
        for _ in range(int(w * h // 3000 * specks)):
            k = rng.randrange(w * h)
            pix[k] = rng.randint(70, 170)
        png = f"{bstem}-scan-{i}.png"
        with open(png, "wb") as f:
            f.write(gray_png(w, h, pix))
        os.remove(f"{bstem}-scan-{i}.pgm")
        out.append((png, w, h))
    return out


def rot_matrix(cx, cy, deg):
    """PDF cm operands rotating by deg (counter-clockwise as seen) about (cx, cy)
    in PDF (bottom-left) coordinates"""
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    return c, s, -s, c, cx - cx * c + cy * s, cy - cx * s - cy * c


# ------------------------------------------------------------------ groff raw PostScript
def groff_rot(s_escaped, deg, size, thick):
    """text rotated about the current point (grops exec; the grops coordinate
    system has y growing downwards, so +90 reads top-to-bottom). The rotated
    text takes no horizontal room; `thick` points are added so the glyphs (which
    stand to the left of the baseline for -90, to the right for +90) have room."""
    pre = f"\\h'{thick:.1f}p'" if deg < 0 else ""
    post = "" if deg < 0 else f"\\h'{thick:.1f}p'"
    return (f"{pre}\\Z^\\X'ps: exec gsave currentpoint 2 copy translate {deg:g} rotate neg exch neg exch translate'"
            f"\\s[{size:g}]{s_escaped}\\s0\\X'ps: exec grestore'^{post}")


def groff_background(tone, specks, W, H, skew=0.0):
    """one macro line: optional page skew (persists to the end of the page), a
    paper tone and speckles, drawn by grops before anything else of the page"""
    parts = []
    if skew:
        parts.append(f"\\X'ps: exec {W / 2:.1f} {H / 2:.1f} translate {skew:.3f} rotate "
                     f"{-W / 2:.1f} {-H / 2:.1f} translate'")
    parts.append(f"\\X'ps: exec gsave {tone:.3f} setgray clippath fill grestore'")
    if specks:
        dots = " ".join(f"{x:.1f} {y:.1f} {r:.2f} {r:.2f} rectfill" for x, y, r in specks)
        parts.append(f"\\X'ps: exec gsave 0.35 setgray {dots} grestore'")
    return "".join(parts)


# ------------------------------------------------------------------ misc
def mono_width(n, size):
    return 0.6 * size * n
