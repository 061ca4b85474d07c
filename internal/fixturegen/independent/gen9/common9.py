"""Ninth batch: shared helpers on top of ../gen8/common8.py (which chains
gen6, gen4, gen3, gen2 and gen: document model, truth format, NIT check
digit, dates, producers, Canvas3 for Ghostscript / mutool). Standard library
only.

Adds: output paths (out9, sources in build9), dates in words, dotted NITs,
extra (annulled) ranges that are printed but are not part of the truth, and a
small line-flow helper for drawn narrow pages."""
import datetime as dt
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
IND = os.path.dirname(HERE)
for sub in ("gen8", "gen6", "gen4", "gen3", "gen2", "gen"):
    sys.path.insert(0, os.path.join(IND, sub))

from common8 import *  # noqa: F401,F403,E402
from common8 import (Canvas3, ps_str, text_width, run, fmt_sep, make_doc2, tweak_doc,  # noqa: E402,F401
                     truth, write_truth, nit_dv, add_months, d_slash, d_mon, html_escape, chromium_pdf,
                     kind_name, kind_code, req_name, req_code, KINDS, PREFIX_POOL, strip_accents,
                     mixed_case, other_number, earlier_date, later_datetime, fmt_num, name_fields,
                     SIGNERS, title_name)
from common import Range, wrap_text, groff_pdf, DIAN_NIT, DIAN_DV  # noqa: E402,F401
from common2 import groff_esc, long_date, MONTHS_ES  # noqa: E402,F401

OUT9 = os.environ.get("INDEP_OUT9", os.path.join(IND, "out9"))
BUILD9 = os.environ.get("INDEP_BUILD9", os.path.join(IND, "build9"))

E = html_escape


def nit_dotted(nit):
    return f"{int(nit):,}".replace(",", ".")


def fmt_day(day, style):
    """iso | slash | mon | words ('19 de octubre de 2024')"""
    if style == "iso":
        return day.isoformat()
    if style == "slash":
        return d_slash(day)
    if style == "mon":
        return d_mon(day)
    if style == "words":
        return long_date(day)
    raise ValueError(style)


def time_str(s, style):
    return s.strftime("%I:%M:%S %p") if style == "ampm" else s.strftime("%H:%M:%S")


def sentence(s):
    low = s.lower()
    low = low.replace(" pos", " POS")
    return low[:1].upper() + low[1:]


def extra_range(d, rng, like=None):
    """a range that is printed but not valid (annulled). like: a valid range it
    was replaced by (same modality and prefix, different end), or None"""
    vf = d.stamp.date()
    if like is not None:
        size = like.to - like.frm + 1
        to = like.frm - 1 + rng.choice([s for s in (500, 1000, 2000, 5000, 10000, 20000, 50000) if s != size])
        months = rng.choice([m for m in (6, 12, 18, 24) if m != like.months] + [like.months])
        return Range(like.kind, like.prefix, like.frm, to, months, vf, add_months(vf, months), like.request)
    used = {r.prefix for r in d.ranges}
    kind = rng.choice(["electronic-invoice", "electronic-invoice", "support-document", "pos", "paper",
                       "equivalent-document", "computer"])
    pool = [p for p in PREFIX_POOL[kind] if p not in used] or ["AN" + rng.choice("XYZKQ")]
    prefix = rng.choice(pool)
    frm = rng.choice([1, 1, 1001, 5001])
    to = frm - 1 + rng.choice([1000, 2000, 5000, 10000, 30000])
    months = rng.choice([24, 24, 12, 6, 18])
    return Range(kind, prefix, frm, to, months, vf, add_months(vf, months), "authorization")


def unique_nonempty_prefixes(d, rng):
    """every valid range has its own, non-empty prefix (so an annulled row can
    always be told apart from the ones that stand)"""
    used = set()
    for r in d.ranges:
        if not r.prefix or r.prefix in used:
            pool = [p for p in PREFIX_POOL[r.kind] if p not in used] or [f"{PREFIX_POOL[r.kind][0][:3]}{len(used)}X"[:4]]
            r.prefix = rng.choice(pool)
        used.add(r.prefix)


class Flow:
    """stacks wrapped lines down narrow pages of a Canvas (for the phone family);
    y is the baseline from the top. new_page(c) draws the page furniture and
    returns the first baseline."""

    def __init__(self, c, W, H, margin, bottom, new_page):
        self.c, self.W, self.H, self.m, self.bottom, self.np = c, W, H, margin, bottom, new_page
        self.y = None
        self.pages = 0
        self.page()

    def page(self):
        self.c.page(self.W, self.H)
        self.pages += 1
        self.y = self.np(self.c, self.pages)

    def need(self, h):
        if self.y + h > self.H - self.bottom:
            self.page()

    def lines(self, s, font, size, indent=0, align="l", lead=1.3, gray=0, width=None):
        width = width or (self.W - 2 * self.m - indent)
        ls = wrap_text(s, font, size, width) or [""]
        for ln in ls:
            self.need(size * lead)
            self.y += size * lead
            self.c.font(font, size)
            if gray:
                self.c.gray(gray)
            x = {"l": self.m + indent, "r": self.W - self.m, "c": self.W / 2}[align]
            self.c.text(x, self.y, ln, align)
            if gray:
                self.c.gray(0)
        return ls

    def gap(self, h):
        self.y += h
