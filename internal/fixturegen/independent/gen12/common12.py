"""Twelfth batch: shared helpers on top of ../gen10/common10.py (which chains
gen8, gen6, gen4, gen3, gen2 and gen: document model, truth format, NIT check
digit, dates, producers, Canvas3 / Canvas10 for Ghostscript and mutool).
Standard library only.

Adds: output paths (out12, sources in build12), more page sizes (half-letter,
A3, 80 mm receipt), Spanish date formats (weekday names, 'AAAA/MM/DD',
'DD.MM.AAAA', abbreviated months) and time-stamps with a time zone, every
printed form of a date (for the self-check), distractor dates, designer
abbreviations of the DIAN labels, and Canvas12: a Canvas10 with RGB fills and
text colours and small caps."""
import datetime as dt
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
IND = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(IND, "gen10"))

from common10 import *  # noqa: F401,F403,E402
from common10 import (Canvas10, ps_str, text_width, run, fmt_sep, make_doc2, tweak_doc,  # noqa: E402,F401
                      truth, write_truth, nit_dv, add_months, d_slash, d_mon, html_escape,
                      chromium_pdf, kind_name, kind_code, req_name, req_code, strip_accents,
                      name_fields, PAPERS, wrap_text, legal_paragraphs, groff_pdf, groff_esc,
                      NBSP, THIN, NNBSP, DIAN_NIT, DIAN_DV, wrap_by, fmt_num)
from common2 import long_date, MONTHS_ES  # noqa: E402,F401
from common4 import MES  # noqa: E402,F401
from draw import BASE14  # noqa: E402

OUT12 = os.environ.get("INDEP_OUT12", os.path.join(IND, "out12"))
BUILD12 = os.environ.get("INDEP_BUILD12", os.path.join(IND, "build12"))

MM = 72 / 25.4
PAPERS12 = dict(PAPERS)
PAPERS12.update({"HalfLetter": (396, 612), "A3": (842, 1191)})

DIAS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]

DATE_STYLES = ["iso", "slash", "ymd", "mon", "words", "weekday", "dot", "abbr"]


def fmt_day12(day, style):
    """iso 2025-03-03 | slash 03/03/2025 | ymd 2025/03/03 | mon 03-MAR-2025 |
    words 3 de marzo de 2025 | weekday lunes, 3 de marzo de 2025 |
    dot 03.03.2025 | abbr 3 mar. 2025"""
    if style == "iso":
        return day.isoformat()
    if style == "slash":
        return d_slash(day)
    if style == "ymd":
        return f"{day.year}/{day.month:02d}/{day.day:02d}"
    if style == "mon":
        return d_mon(day)
    if style == "words":
        return long_date(day)
    if style == "weekday":
        return f"{DIAS[day.weekday()]}, {long_date(day)}"
    if style == "dot":
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    if style == "abbr":
        return f"{day.day} {MES[day.month - 1].lower()}. {day.year}"
    raise ValueError(style)


def date_forms(day):
    """every string fmt_day12 / fmt_ts12 may print for this calendar day"""
    out = {fmt_day12(day, s) for s in DATE_STYLES}
    out.add(f"{DIAS[day.weekday()].capitalize()} {long_date(day)}")
    return out


TS_STYLES = ["iso-offset", "space-offset", "cot", "utc-label", "bogota", "words-tz"]


def ampm_es(t):
    h = t.hour % 12 or 12
    return f"{h:02d}:{t.minute:02d}:{t.second:02d} {'a. m.' if t.hour < 12 else 'p. m.'}"


def fmt_ts12(s, style):
    """a Colombian (UTC-5) date-time with its zone:
    iso-offset 2025-03-03T11:38:26-05:00 | space-offset 2025-03-03 11:38:26 -0500 |
    cot 2025-03-03 11:38:26 COT | utc-label 03/03/2025 11:38:26 a. m. (UTC-05:00) Bogotá, Lima, Quito |
    bogota 03-MAR-2025 11:38:26 hora de Bogotá (GMT-5) | words-tz lunes, 3 de marzo de 2025, 11:38:26 a. m. (UTC-5)"""
    day = s.date()
    hms = s.strftime("%H:%M:%S")
    if style == "iso-offset":
        return f"{day.isoformat()}T{hms}-05:00"
    if style == "space-offset":
        return f"{day.isoformat()} {hms} -0500"
    if style == "cot":
        return f"{day.isoformat()} {hms} COT"
    if style == "utc-label":
        return f"{d_slash(day)} {ampm_es(s)} (UTC-05:00) Bogotá, Lima, Quito"
    if style == "bogota":
        return f"{d_mon(day)} {hms} hora de Bogotá (GMT-5)"
    if style == "words-tz":
        return f"{fmt_day12(day, 'weekday')}, {ampm_es(s)} (UTC-5)"
    raise ValueError(style)


def fmt_utc(s, style="z"):
    """the same instant in UTC (Colombia is UTC-5 all year): may fall on the next day"""
    u = s + dt.timedelta(hours=5)
    if style == "z":
        return u.strftime("%Y-%m-%dT%H:%M:%SZ")
    return u.strftime("%Y-%m-%d %H:%M:%S UTC")


def distractor_days(d, rng):
    """dates that are NOT validity dates: request, filing (radicación) before the
    stamp; copy / print after it; none equal to any validity date"""
    stamp = d.stamp.date()
    taken = {stamp} | {r.valid_to for r in d.ranges} | {r.valid_from for r in d.ranges}
    req = stamp - dt.timedelta(days=rng.randrange(2, 25))
    rad = req + dt.timedelta(days=rng.randrange(0, (stamp - req).days))
    while True:
        prn = d.stamp + dt.timedelta(days=rng.randrange(1, 500), hours=rng.randrange(0, 24),
                                     minutes=rng.randrange(60), seconds=rng.randrange(60))
        utcday = (prn + dt.timedelta(hours=5)).date()
        if prn.date() not in taken and utcday not in taken:
            break
    return {"solicitud": req, "radicacion": rad, "impresion": prn}


def radicado(rng, day):
    return f"{day.year}DP{rng.randrange(10**7, 10**8)}"


# ------------------------------------------------------------------ labels
# designer abbreviations of DIAN's labels (docs/form-1876.md §2); '\n' marks
# where a header may break onto a second line
VOCAB = {
    "year": ["1. Año", "Año", "1 Año"],
    "number": ["4. Número de formulario", "No. formulario", "Nº formulario", "4. No. de formulario",
               "Formulario No.", "N.° de formulario"],
    "nit": ["5. Número de Identificación Tributaria (NIT)", "NIT", "5. NIT", "Núm. identificación tributaria"],
    "dv": ["6. DV", "DV", "Díg. verif.", "D.V."],
    "ap1": ["7. Primer apellido", "1er apellido", "Primer apell.", "Apellido 1"],
    "ap2": ["8. Segundo apellido", "2do apellido", "Segundo apell.", "Apellido 2"],
    "n1": ["9. Primer nombre", "1er nombre", "Primer nom.", "Nombre 1"],
    "n2": ["10. Otros nombres", "Otros nom.", "Otros nombres", "Nombres (otros)"],
    "rs": ["11. Razón social", "Razón soc.", "Razón social", "R. social"],
    "secc": ["12. Cód. Dirección Seccional", "Cód. Dir. Secc.", "Seccional", "Dir. Seccional"],
}
# table headers come in matched sets (same index for a document)
TVOCAB = {
    "mod": ["30. Modalidad", "Modalidad", "Modalidad de\nnumeración", "30. Modali-\ndad", "Tipo de\ndocumento"],
    "modcode": ["Cód.", "Cód.\nmod.", "Cód.", "Cód.", "Cód."],
    "prefix": ["31. Prefijo", "Prefijo", "Pref.", "31.\nPrefijo", "Prefijo"],
    "from": ["32. Desde el\nnúmero", "Num.\ninicial", "Núm.\ninicial", "32. Desde\nNo.", "Número\ndesde"],
    "to": ["33. Hasta el\nnúmero", "Num.\nfinal", "Núm.\nfinal", "33. Hasta\nNo.", "Número\nhasta"],
    "months": ["38. Vigencia\n(meses)", "Vigencia\n(meses)", "Vig.\nmeses", "38. Vig.\nmeses", "Vigencia\n(meses)"],
    "vfrom": ["Fecha\ninicial", "Vigente\ndesde", "Fecha\ninicio", "Fecha\ninicial", "Desde\n(fecha)"],
    "vto": ["Fecha\nfinal", "Vigente\nhasta", "Fecha\nfin", "Fecha\nfinal", "Hasta\n(fecha)"],
    "req": ["Tipo de\nsolicitud", "Tipo\nsolicitud", "Solicitud", "Tipo de\nsolicitud", "Trámite"],
    "reqcode": ["Cód.", "Cód.\nsol.", "Cód.", "Cód.", "Cód."],
}


def pick_labels(rng, boxnums=None):
    """one label per applicant box; boxnums True/False forces numbered / bare labels"""
    out = {}
    for k, opts in VOCAB.items():
        cand = opts
        if boxnums is True:
            cand = [o for o in opts if o[:1].isdigit()] or opts
        elif boxnums is False:
            cand = [o for o in opts if not o[:1].isdigit()] or opts
        out[k] = rng.choice(cand)
    if out["year"] == "Año" and boxnums is not False:
        out["year"] = "1. Año"
    return out


def pick_theads(rng, single_line_prob=0.35):
    """a matched set of table headers; some headers kept on one line"""
    i = rng.randrange(len(TVOCAB["mod"]))
    out = {}
    for k, opts in TVOCAB.items():
        h = opts[i]
        if "\n" in h and rng.random() < single_line_prob:
            h = h.replace("-\n", "").replace("\n", " ")
        out[k] = h
    return out


def smallcaps_html(s):
    return f'<span style="font-variant: small-caps">{html_escape(s)}</span>'


def grouped_nit(nit, sep):
    if not sep:
        return nit
    return fmt_sep(int(nit), sep)


# ------------------------------------------------------------------ canvas
class Canvas12(Canvas10):
    """Canvas10 plus RGB: fillrgb() rectangles and colour() for text / strokes."""

    def colour(self, rgb):
        if isinstance(rgb, (int, float)):
            return self.gray(rgb)
        r, g, b = rgb
        self.cur.append(f"{r:g} {g:g} {b:g} setrgbcolor" if self.kind == "ps"
                        else f"{r:g} {g:g} {b:g} rg {r:g} {g:g} {b:g} RG")

    def fillrgb(self, x, y, w, h, rgb, radius=0):
        Y = self.H - y - h
        if isinstance(rgb, (int, float)):
            rgb = (rgb, rgb, rgb)
        r, g, b = rgb
        if self.kind == "ps":
            self.cur.append(f"gsave {r:g} {g:g} {b:g} setrgbcolor {x:.2f} {Y:.2f} {w:.2f} {h:.2f} rectfill grestore")
        else:
            self.cur.append(f"q {r:g} {g:g} {b:g} rg {x:.2f} {Y:.2f} {w:.2f} {h:.2f} re f Q")

    def sc(self, x, y, s, size, font=None, ratio=0.78, align="l"):
        """small caps (lower-case letters as smaller capitals); returns the width"""
        w = self.smallcaps_width(s, size, font, ratio)
        if align == "r":
            x -= w
        elif align == "c":
            x -= w / 2
        self.smallcaps(x, y, s, size, font, ratio)
        return w


def tidy_prefixes(d, rng):
    """at most one range without a prefix per document, and no prefix used twice
    (docs/form-1876.md §4: a prefix may be empty, and each document type should get
    its own prefix)"""
    from common import PREFIX_POOL
    used, empty_seen = set(), False
    for r in d.ranges:
        if r.prefix == "":
            if not empty_seen:
                empty_seen = True
                continue
        elif r.prefix not in used:
            used.add(r.prefix)
            continue
        pool = [p for p in PREFIX_POOL[r.kind] if p not in used] or \
               [p for k in PREFIX_POOL for p in PREFIX_POOL[k] if p not in used]
        r.prefix = rng.choice(pool)
        used.add(r.prefix)
