"""Tenth batch: shared helpers on top of ../gen8/common8.py (which chains
gen6, gen4, gen3, gen2 and gen: document model, truth format, NIT check digit,
dates, producers, Canvas3 for Ghostscript / mutool). Standard library only.

Adds: output paths (out10, sources in build10) and Canvas10, a Canvas3 whose
text can be LETTER-SPACED (PDF Tc / Tw text state or a TJ array of per-glyph
offsets for mutool; PostScript awidthshow for Ghostscript) and can carry a
SUPERSCRIPT box number in the same text object (PDF Ts text rise)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
IND = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(IND, "gen8"))

from common8 import *  # noqa: F401,F403,E402
from common8 import (Canvas3, ps_str, text_width, run, fmt_sep, make_doc2, tweak_doc,  # noqa: E402,F401
                     truth, write_truth, nit_dv, add_months, d_slash, d_mon, html_escape,
                     chromium_pdf, kind_name, kind_code, req_name, req_code, strip_accents,
                     name_fields, PAPERS, wrap_text, legal_paragraphs, groff_pdf, groff_esc,
                     NBSP, THIN, NNBSP, DIAN_NIT, DIAN_DV)
from draw import BASE14  # noqa: E402

OUT10 = os.environ.get("INDEP_OUT10", os.path.join(IND, "out10"))
BUILD10 = os.environ.get("INDEP_BUILD10", os.path.join(IND, "build10"))


def fmt_num(n, sep):
    """sep: '' | ',' | '.' | NBSP | THIN | NNBSP"""
    return fmt_sep(n, sep) if sep else str(n)


def fmt_day(day, style):
    return {"iso": day.isoformat(), "slash": d_slash(day), "mon": d_mon(day)}[style]


def stamp_time(d, style):
    return d.stamp.strftime("%I:%M:%S %p") if style == "ampm" else d.stamp.strftime("%H:%M:%S")


class Canvas10(Canvas3):
    """stext(): letter-spaced text. tc = extra advance after every glyph (pt),
    tw = extra advance on every space. mode 'tc' (Tc/Tw operators) or 'tj'
    (a TJ array with a negative offset after every glyph) for mutool; Ghostscript
    always gets awidthshow (its pdfwrite decides how to position the glyphs).
    sup(): superscript box number followed by its label in one text object."""

    def swidth(self, s, tc=0.0, tw=0.0, font=None, size=None):
        w = self.width(s, font, size)
        if tc and len(s) > 1:
            w += tc * (len(s) - 1)
        return w + tw * s.count(" ")

    def stext(self, x, y, s, tc=0.0, tw=0.0, align="l", mode="tc"):
        if s == "":
            return
        if not tc and not tw:
            return self.text(x, y, s, align)
        w = self.swidth(s, tc, tw)
        if align == "r":
            x -= w
        elif align == "c":
            x -= w / 2
        Y = self.H - y
        if self.kind == "ps":
            self.cur.append(f"{x:.2f} {Y:.2f} moveto {tw:.3f} 0 32 {tc:.3f} 0 {ps_str(s)} awidthshow")
            return
        f = BASE14[self.fontname]
        if mode == "tj":
            parts = []
            k = -tc * 1000.0 / self.size
            ks = -(tc + tw) * 1000.0 / self.size
            for i, ch in enumerate(s):
                parts.append(ps_str(ch))
                if i < len(s) - 1:
                    parts.append(f"{ks if ch == ' ' else k:.1f}")
            self.cur.append(f"BT /{f} {self.size:g} Tf {x:.2f} {Y:.2f} Td [{' '.join(parts)}] TJ ET")
        else:
            self.cur.append(f"q BT /{f} {self.size:g} Tf {tc:.3f} Tc {tw:.3f} Tw {x:.2f} {Y:.2f} Td "
                            f"{ps_str(s)} Tj ET Q")

    def sup(self, x, y, num, label, nfont, nsize, lfont, lsize, rise, gap, tc=0.0):
        """'⁴Número de formulario': num in nfont/nsize raised by `rise`, then
        `gap` points, then the label (letter-spaced by tc). Returns the width."""
        if not num:
            self.font(lfont, lsize)
            self.stext(x, y, label, tc)
            return self.swidth(label, tc)
        nw = text_width(num, nfont, nsize)
        Y = self.H - y
        if self.kind == "ps":
            self.font(nfont, nsize)
            self.cur.append(f"{ps_str(num)} {x:.2f} {Y + rise:.2f} LS")
            self.font(lfont, lsize)
            self.stext(x + nw + gap, y, label, tc)
        else:
            fn, fl = BASE14[nfont], BASE14[lfont]
            self.fontname, self.size = lfont, lsize
            self.cur.append(f"q BT /{fn} {nsize:g} Tf {x:.2f} {Y:.2f} Td {rise:.2f} Ts {ps_str(num)} Tj "
                            f"0 Ts {nw + gap:.2f} 0 Td /{fl} {lsize:g} Tf {tc:.3f} Tc {ps_str(label)} Tj ET Q")
        return nw + gap + self.swidth(label, tc, font=lfont, size=lsize)


def wrap_by(s, width, wfun):
    """greedy word wrap with an arbitrary width function; long words are cut"""
    words = s.split()
    lines, cur = [], ""
    for w in words:
        t = (cur + " " + w) if cur else w
        if wfun(t) <= width or not cur:
            cur = t
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    out = []
    for ln in lines or [""]:
        while wfun(ln) > width and len(ln) > 1:
            k = len(ln)
            while k > 1 and wfun(ln[:k]) > width:
                k -= 1
            out.append(ln[:k])
            ln = ln[k:]
        out.append(ln)
    return out
