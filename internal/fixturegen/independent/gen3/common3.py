"""Third batch: shared helpers on top of ../gen2/common2.py (which itself
reuses ../gen/common.py and ../gen/draw.py: truth format, NIT check digit,
dates, producers). Standard library only."""
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "gen2"))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "gen"))

from common2 import *  # noqa: F401,F403,E402
from common2 import make_doc2, Canvas2, ps_str, text_width, run  # noqa: E402
from draw import BASE14  # noqa: E402

ROOT3 = os.path.dirname(HERE)
OUT3 = os.path.join(ROOT3, "out3")
BUILD3 = os.path.join(ROOT3, "build3")

NBSP, THIN, NNBSP = "\u00a0", "\u2009", "\u202f"

# abbreviations a vendor's printable copy uses in the rows (with a legend)
KIND_ABBR = {"electronic-invoice": "FE", "paper": "TAL", "computer": "FPC", "pos": "POS",
             "equivalent-document": "DEE", "support-document": "DS"}
REQ_ABBR = {"authorization": "AUT", "enablement": "HAB", "disablement": "INH"}

KIND_EN = {"electronic-invoice": "Electronic sales invoice", "paper": "Paper / booklet invoice",
           "computer": "Computer-generated invoice", "pos": "POS cash register",
           "equivalent-document": "Electronic equivalent document", "support-document": "Support document"}
REQ_EN = {"authorization": "Authorization", "enablement": "Re-enablement", "disablement": "Disablement"}

_KEEP_UPPER = {"S.A.S.", "S.A.", "IPS", "BIC", "E.U.", "3D", "SAS", "POS"}
_LOWER_MID = {"DE", "DEL", "LA", "LAS", "LOS", "Y", "EN"}


def mixed_case(s: str) -> str:
    """'FERRETERÍA EL TORNILLO FELIZ S.A.S.' -> 'Ferretería El Tornillo Feliz S.A.S.';
    'DE LA HOZ PÉREZ JUAN' -> 'De la Hoz Pérez Juan'"""
    out = []
    for i, w in enumerate(s.split(" ")):
        if w in _KEEP_UPPER:
            out.append(w)
        elif i > 0 and w in _LOWER_MID:
            out.append(w.lower())
        else:
            out.append(w[:1] + w[1:].lower() if "'" not in w else w.title())
    return " ".join(out)


def apply_mixed_case(d):
    """turn the applicant's name parts into mixed case (the truth follows,
    since Doc.name is derived from the parts)"""
    for k in ("ap1", "ap2", "n1", "n2", "rs"):
        setattr(d, k, mixed_case(getattr(d, k)))
    # a surname particle at the start of a surname ('De la Hoz') stays capitalised


def fmt_sep(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def group_by_kind(d):
    """reorder the ranges so equal modalities are adjacent (first-appearance order);
    the truth is written after rendering, so it follows the printed order"""
    order = []
    for r in d.ranges:
        if r.kind not in order:
            order.append(r.kind)
    d.ranges = [r for k in order for r in d.ranges if r.kind == k]


def html_page_css(w_in, h_in):
    return f"@page {{ size: {w_in}in {h_in}in; margin: 0; }}"


class Canvas3(Canvas2):
    """Canvas2 plus rotated groups (about a point) and a light-gray watermark."""

    def rot_begin(self, cx, cy, deg):
        """subsequent drawing is rotated by deg (counter-clockwise as seen) about (cx, cy) (top-left coords)"""
        CY = self.H - cy
        if self.kind == "ps":
            self.cur.append(f"gsave {cx:.2f} {CY:.2f} translate {deg:.3f} rotate {-cx:.2f} {-CY:.2f} translate")
        else:
            a = math.radians(deg)
            c, s = math.cos(a), math.sin(a)
            e = cx - cx * c + CY * s
            f = CY - cx * s - CY * c
            self.cur.append(f"q {c:.5f} {s:.5f} {-s:.5f} {c:.5f} {e:.3f} {f:.3f} cm")

    def rot_end(self, font=None):
        self.cur.append("grestore" if self.kind == "ps" else "Q")
        if font:  # PS restores the font with the graphics state: resynchronise
            self.font(*font)

    def width(self, s, font=None, size=None):
        return text_width(s.replace(NBSP, " "), font or self.fontname, size or self.size)

    def num(self, x, y, n, sep, align="l"):
        """an integer with thousands separators; sep 'thin' = groups drawn with a
        narrow gap and no character between them; 'nbsp' = U+00A0"""
        if sep != "thin":
            s = fmt_sep(n, NBSP if sep == "nbsp" else sep)
            self.text(x, y, s, align)
            return
        groups = f"{n:,}".split(",")
        gap = self.size * 0.2
        w = sum(self.width(g) for g in groups) + gap * (len(groups) - 1)
        if align == "r":
            x -= w
        elif align == "c":
            x -= w / 2
        for g in groups:
            self.text(x, y, g)
            x += self.width(g) + gap

    def watermark(self, text, font, size, gray, deg, outline=False):
        """outline=True: hollow letters (stroked glyph outlines), for a watermark
        drawn OVER the content without hiding it"""
        self.gray(gray)
        prev = (self.fontname, self.size)
        self.rot_begin(self.W / 2, self.H / 2, deg)
        self.font(font, size)
        x = self.W / 2 - self.width(text) / 2
        Y = self.H - (self.H / 2 + size * 0.35)
        if not outline:
            self.text(self.W / 2, self.H / 2 + size * 0.35, text, "c")
        elif self.kind == "ps":
            self.cur.append(f"newpath {x:.2f} {Y:.2f} moveto {ps_str(text)} true charpath 1.5 setlinewidth stroke")
        else:
            f = BASE14[self.fontname]
            self.cur.append(f"BT 1 Tr 1.5 w /{f} {size:g} Tf {x:.2f} {Y:.2f} Td {ps_str(text)} Tj 0 Tr ET")
        self.rot_end(prev if prev[0] else None)
        self.gray(0)
