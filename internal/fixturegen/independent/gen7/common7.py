"""Seventh batch: shared helpers on top of ../gen6/common6.py (which reuses
gen4, gen3, gen2 and gen: truth format, NIT check digit, dates, producers).
Standard library only.

Adds: output paths (out7, sources in build7), many-range
documents with unique prefixes, mixed thousands-separator formatting, and a
'sheet' model (rows of cells) used by the spreadsheet family."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
IND = os.path.dirname(HERE)
for sub in ("gen6", "gen4", "gen3", "gen2", "gen"):
    sys.path.insert(0, os.path.join(IND, sub))

from common6 import *  # noqa: F401,F403,E402
from common6 import Canvas3, ps_str, text_width, run, fmt_sep, BASE14, tweak_doc, add_months  # noqa: E402,F401
from common import Range  # noqa: E402

OUT7 = os.environ.get("INDEP_OUT7", os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "out7"))
BUILD7 = os.environ.get("INDEP_BUILD7", os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "build7"))

BASE_PREFIX = {"electronic-invoice": ["FE", "FV", "FEV"], "support-document": ["DS", "DSE"],
               "pos": ["POS", "PV"], "paper": ["TP", "TAL"], "computer": ["FC", "PC"],
               "equivalent-document": ["DE", "DEE"]}
LETTERS = "ABCDGHJKLMNRSTUVWXZ"


def unique_prefixes(d, rng, empty_prob=0.04):
    """make every range's prefix distinct (letters only, <= 4 chars); a few
    stay empty (docs §4: a prefix may be empty; at most one per document)"""
    used, had_empty = set(), False
    for r in d.ranges:
        if r.prefix == "" and not had_empty and rng.random() < 0.5:
            had_empty = True
            continue
        if r.prefix and r.prefix not in used:
            used.add(r.prefix)
            continue
        while True:
            p = (rng.choice(BASE_PREFIX[r.kind]) + rng.choice(LETTERS))[:4]
            if rng.random() < 0.3:
                p = (p + rng.choice(LETTERS))[:4]
            if p not in used:
                break
        r.prefix = p
        used.add(p)
    if not had_empty and rng.random() < empty_prob:
        d.ranges[rng.randrange(len(d.ranges))].prefix = ""


def extend_ranges(d, rng, n):
    """grow a document to n ranges (consecutive blocks of the same modality
    sometimes continue each other: 1-5000, 5001-10000)"""
    while len(d.ranges) < n:
        base = rng.choice(d.ranges)
        kind = rng.choice([base.kind, base.kind, "electronic-invoice", "support-document", "pos",
                           "equivalent-document", "paper", "computer"])
        req = rng.choice(["authorization"] * 5 + ["enablement", "disablement"])
        size = rng.choice([100, 500, 1000, 2000, 3000, 5000, 10000, 20000, 100000, 250000])
        if req == "enablement":
            frm = rng.randrange(2, size)
            to = size
        elif rng.random() < 0.4:
            frm = base.to + 1
            to = frm + size - 1
        else:
            frm = rng.choice([1, 1, 101, 1001, 20001])
            to = frm + size - 1
        months = rng.choice([24, 24, 24, 12, 12, 6, 18])
        vf = d.stamp.date()
        d.ranges.append(Range(kind, "", frm, to, months, vf, add_months(vf, months), req))


NBSP, THIN, NNBSP = "\u00a0", "\u2009", "\u202f"
SEP_NAMES = {".": "dot", ",": "comma", NBSP: "nbsp", THIN: "thin", NNBSP: "nnbsp", " ": "space", "": "none"}


def sep_num(n, sep):
    return f"{n:,}".replace(",", sep)


def d_slash(d):
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def fmt_d(d, style):
    if style == "iso":
        return d.isoformat()
    if style == "slash":
        return d_slash(d)
    if style == "mon":
        return d_mon(d)
    raise ValueError(style)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
