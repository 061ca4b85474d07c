"""Eighth batch: shared helpers on top of ../gen6/common6.py (which chains
gen4, gen3, gen2 and gen: document model, truth format, NIT check digit, dates,
producers, Canvas3 for Ghostscript / mutool). Standard library only.

Adds: output paths (out8, build sources in build8),
distractor resolution numbers / dates, a few name helpers, and a CSS snippet
for Chromium pages."""
import datetime as dt
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "gen6"))

from common6 import *  # noqa: F401,F403,E402
from common6 import (Canvas3, ps_str, text_width, run, fmt_sep, make_doc2, tweak_doc,  # noqa: E402,F401
                     truth, write_truth, nit_dv, add_months, d_slash, d_mon, qr_matrix,
                     png_data_uri, png_bytes, html_escape, chromium_pdf, kind_name, kind_code,
                     req_name, req_code, KINDS, PREFIX_POOL, strip_accents, mixed_case)

OUT8 = os.environ.get("INDEP_OUT8", os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "out8"))
BUILD8 = os.environ.get("INDEP_BUILD8", os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "build8"))


def other_number(d, rng):
    """a distractor 1876 form number of the same length, different from d.number"""
    while True:
        n = "1876" + "".join(rng.choice("0123456789") for _ in range(len(d.number) - 4))
        if n != d.number:
            return n


def earlier_date(d, rng, lo=200, hi=900):
    return d.stamp.date() - dt.timedelta(days=rng.randrange(lo, hi))


def later_datetime(d, rng, lo=3, hi=120):
    return d.stamp + dt.timedelta(days=rng.randrange(lo, hi), minutes=rng.randrange(0, 1440))


def fmt_num(n, sep):
    return fmt_sep(n, sep) if sep else str(n)


def fmt_date8(day, style):
    return day.isoformat() if style == "iso" else d_slash(day)


def name_fields(d):
    """(key, label, value) for the name boxes, in DIAN's box order"""
    if d.natural:
        return [("ap1", "Primer apellido", d.ap1), ("ap2", "Segundo apellido", d.ap2),
                ("n1", "Primer nombre", d.n1), ("n2", "Otros nombres", d.n2)]
    return [("rs", "Razón social", d.rs)]


SIGNERS = ["Carlos A. Restrepo", "Diana M. Ortiz", "Jorge E. Salazar", "Paola Cárdenas V.",
           "Luis F. Bermúdez", "Marta L. Quintero", "Andrés Felipe Rojas", "Sandra Milena Torres"]


def title_name(s):
    return " ".join(w[:1] + w[1:].lower() for w in s.split())
