"""Thirteenth batch: shared helpers on top of ../gen12/common12.py (which chains
gen10, gen8, gen6, gen4, gen3, gen2 and gen: document model, truth format, NIT
check digit, dates, producers, Canvas12 for Ghostscript / mutool) and the canvas
building blocks of ../gen11/common11.py (cv_header, cv_band, cv_cells,
canvas tables). Standard library only.

Adds: output paths (out13, sources in build13); landscape papers; a form
variant (label wording, modality case, number grouping, date style of the
date columns, stamp date / time style, font and size); the content of ONE
authorization as it is printed (taxpayer items, range columns and cells,
stamp strings) and three renderers of the whole two-page form that a family
can call more than once in one document: on a canvas (Ghostscript / mutool;
a table that does not fit continues on a further page under a repeated
header), in HTML (Chromium; named @page sizes so one document can mix paper
sizes) and in troff + tbl (groff); a compact one-column version of the form
for half a landscape page; Z003 (Zapf Chancery, 'script-like') metrics for
text_width; and merge_fill(), a small `mutool run` script that lays the pages
of one PDF over the pages of another as a FORM XOBJECT or as an EXTRA
CONTENT STREAM appended to each page's /Contents (a 'fill and sign' tool)."""
import datetime as dt
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
IND = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(IND, "gen12"))

from common12 import *  # noqa: F401,F403,E402
from common12 import (Canvas12, ps_str, text_width, run, fmt_sep, make_doc2, tweak_doc,  # noqa: E402,F401
                      truth, write_truth, nit_dv, add_months, d_slash, d_mon, html_escape,
                      chromium_pdf, kind_name, kind_code, req_name, req_code, strip_accents,
                      PAPERS12, wrap_text, legal_paragraphs, groff_pdf, groff_esc,
                      NBSP, DIAN_NIT, DIAN_DV, wrap_by, fmt_num, fmt_day12, date_forms,
                      tidy_prefixes, long_date, MONTHS_ES, DIAS, SIGNERS, title_name, mixed_case)
sys.path.insert(0, os.path.join(IND, "gen11"))
from common11 import (cv_header, cv_band, cv_cells, default_rows, nowrap_numbers,  # noqa: E402,F401
                      cv_para, applicant_items)
from common4 import canvas_table, fit_widths, wrap_cell  # noqa: E402,F401
from common import labels, AFM_FILES, PREFIX_POOL  # noqa: E402,F401
import common  # noqa: E402,F401
import common2  # noqa: E402
import draw  # noqa: E402

OUT13 = os.environ.get("INDEP_OUT13", os.path.join(IND, "out13"))
BUILD13 = os.environ.get("INDEP_BUILD13", os.path.join(IND, "build13"))
E = html_escape

# Z003 (URW's Zapf Chancery) for the 'script-like' fill of Ghostscript documents
AFM_FILES.setdefault("ZapfChancery-MediumItalic", "Z003-MediumItalic")
AFM_FILES.setdefault("Courier-Oblique", "NimbusMonoPS-Italic")
if "ZapfChancery-MediumItalic-L" not in draw.PS_PROLOGUE:
    draw.PS_PROLOGUE = draw.PS_PROLOGUE.replace(
        "/SF {", "/ZapfChancery-MediumItalic-L /ZapfChancery-MediumItalic reencode\n"
                 "/Courier-Oblique-L /Courier-Oblique reencode\n/SF {", 1)
    common2.PS_PROLOGUE = draw.PS_PROLOGUE  # Canvas2.save (Canvas12's) reads its own binding

PAPERS13 = dict(PAPERS12)
for _k, (_w, _h) in list(PAPERS12.items()):
    PAPERS13[_k + "-L"] = (_h, _w)

SEPS13 = [".", ".", ",", " ", ""]
DATES13 = ["iso", "slash", "ymd", "mon", "words", "dot", "abbr"]


def num13(n, sep, html=False):
    if sep == " " and html:
        sep = NBSP
    return fmt_sep(n, sep) if sep else str(n)


def time13(t, style):
    if style == "ampm":
        return t.strftime("%I:%M:%S %p")
    if style == "ampm-es":
        h = t.hour % 12 or 12
        return f"{h:02d}:{t.minute:02d}:{t.second:02d} {'a. m.' if t.hour < 12 else 'p. m.'}"
    return t.strftime("%H:%M:%S")


def stamp13(d, v):
    """(date, time) of the reception stamp"""
    return fmt_day12(d.stamp.date(), v["sdate"]), time13(d.stamp, v["time"])


def form_variant(rng, **over):
    v = {
        "labels": rng.choice(["std", "std", "abbrev", "upper", "noacc", "nodot", "dvlong"]),
        "mcase": rng.choice(["upper", "upper", "title", "noacc"]),
        "sep": rng.choice(SEPS13),
        "date": rng.choice(DATES13),
        "sdate": rng.choice(["iso", "iso", "iso", "slash", "mon", "dot", "ymd"]),
        "time": rng.choice(["ampm", "ampm", "24h", "ampm-es"]),
        "date_cols": rng.random() < 0.5,
        "font": rng.choice(["Helvetica", "Helvetica", "Times-Roman"]),
        "fs": rng.choice([8, 8.5, 9]),
        "stamp": rng.choice(["circle", "box"]),
    }
    v.update(over)
    return v


def bold13(f):
    return {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}.get(f, f)


def range_cols(L, v):
    """[(key, header, weight, align)]"""
    cols = [("mod", L["mod"], 2.5, "l"), ("modcode", L["modcode"], 0.45, "c"),
            ("prefix", L["prefix"], 0.8, "c"), ("from", L["from"], 1.2, "r"),
            ("to", L["to"], 1.2, "r"), ("months", L["months"], 0.85, "c")]
    if v.get("date_cols"):
        cols += [("vf", L["vfrom"], 1.15, "c"), ("vt", L["vto"], 1.15, "c")]
    cols += [("req", L["req"], 1.45, "l"), ("reqcode", L["reqcode"], 0.45, "c")]
    return cols


def range_cell(r, key, v, html=False):
    if key == "mod":
        return kind_name(r.kind, v["mcase"])
    if key == "modcode":
        return str(kind_code(r.kind))
    if key == "prefix":
        return r.prefix
    if key == "from":
        return num13(r.frm, v["sep"], html)
    if key == "to":
        return num13(r.to, v["sep"], html)
    if key == "months":
        return str(r.months)
    if key == "vf":
        return fmt_day12(r.valid_from, v["date"])
    if key == "vt":
        return fmt_day12(r.valid_to, v["date"])
    if key == "req":
        return req_name(r.request, v["mcase"])
    if key == "reqcode":
        return str(req_code(r.request))
    raise KeyError(key)


def range_rows(d, cols, v, html=False):
    return [[range_cell(r, k, v, html) for k, _, _, _ in cols] for r in d.ranges]


def later_moment(d, rng, lo=1, hi=400, avoid=()):
    """a print / letter moment after the authorization, whose date is no validity date"""
    taken = {d.stamp.date()} | {r.valid_to for r in d.ranges} | set(avoid)
    while True:
        t = d.stamp + dt.timedelta(days=rng.randrange(lo, hi), hours=rng.randrange(0, 10),
                                   minutes=rng.randrange(60), seconds=rng.randrange(60))
        if t.date() not in taken:
            return t


# ------------------------------------------------------------------ canvas form
def cv_mark(c, x, y, s, F, size=11, boxed=True):
    """'ORIGINAL' / 'COPIA' tag, top-left at (x, y); returns its width"""
    c.font(bold13(F), size)
    w = c.width(s) + 12
    if boxed:
        c.rect(x, y, w, size + 8, lw=1.2)
    c.text(x + 6, y + size + 2.5, s)
    return w


def cv_stamp13(c, x, y, d, v, L, F, fs):
    """reception stamp with top-left at (x, y); returns bottom y"""
    sd, st = stamp13(d, v)
    FB = bold13(F)
    if v["stamp"] == "circle":
        R = 58
        cx, cy = x + R, y + R
        c.circle(cx, cy, R, lw=1.2)
        c.circle(cx, cy, R - 4, lw=0.4)
        c.font(FB, fs + 3)
        c.text(cx, cy - 24, "DIAN", "c")
        c.font(F, fs - 1.5)
        c.text(cx, cy - 11, L["stamp"], "c")
        c.font(FB, fs)
        c.text(cx, cy + 4, sd, "c")
        c.text(cx, cy + 6 + fs + 2, st, "c")
        c.font(F, fs - 1.5)
        c.text(cx, cy + R - 14, L["signed"], "c")
        return y + 2 * R
    bw = max(170, c.width(f"{sd} / {st}", FB, fs) + 20)
    bh = 70
    c.rect(x, y, bw, bh, lw=1.1)
    c.font(FB, fs + 2)
    c.text(x + bw / 2, y + fs + 6, "DIAN", "c")
    c.font(F, fs - 1.5)
    c.text(x + bw / 2, y + 2 * fs + 8, L["stamp"], "c")
    c.font(FB, fs)
    c.text(x + bw / 2, y + 3 * fs + 12, f"{sd} / {st}", "c")
    c.font(F, fs - 1.5)
    c.text(x + bw / 2, y + 4 * fs + 15, L["signed"], "c")
    return y + bh


def table_widths(cols, rows, F, fs, w):
    head = [h for _, h, _, _ in cols]
    fit_rows = nowrap_numbers(cols, rows)
    bfs = fs
    while bfs > 4:
        widths = fit_widths([wt for _, _, wt, _ in cols], head, fit_rows, bold13(F), bfs - 1.2, F, bfs, w, 3)
        if widths:
            return widths, bfs
        bfs -= 0.4
    raise ValueError(f"table does not fit in {w:.0f} pt: {head}")


def cv_form(c, d, v, L, paper, legal=(), mark=None, top_note=None, foot_note=None, margin=None):
    """the whole form on canvas pages of `paper`: page 1 taxpayer boxes, reserved
    box and legal text; page 2 ('Hoja 2') the ranges table (continued on further
    pages, under a repeated header, when it does not fit), the reception stamp and
    the signature line. mark: 'ORIGINAL' / 'COPIA' tag over the header;
    top_note / foot_note: a line over the header / at the foot of every page.
    Returns the number of pages drawn."""
    PW, PH = PAPERS13[paper]
    small = PW < 430
    M = margin or (28 if small else 42)
    TW = PW - 2 * M
    F, fs = v["font"], v["fs"] - (0.5 if small else 0)
    FB = bold13(F)
    npages = [0]

    def new_page(sub):
        c.page(PW, PH)
        npages[0] += 1
        y = M - 14
        if top_note:
            c.font(F, fs - 1)
            c.text(M, y, top_note)
            y += 6
        if mark:
            cv_mark(c, M + TW - c.width(mark, FB, 10) - 12, y, mark, F, 10)
            y += 24
        y = cv_header(c, M, max(y + 4, M), TW, L, F, fs, sub)
        if foot_note:
            c.font(F, fs - 1.5)
            c.text(M, PH - 22, foot_note)
        c.font(F, fs - 1.5)
        c.text(M + TW, PH - 12, f"Hoja {npages[0]}", "r")
        return y

    # page 1
    y = new_page(None)
    y = cv_band(c, M, y, TW, L["applicant"], F, fs)
    items = applicant_items(d, L)
    y = cv_cells(c, M, y, TW, items, F, fs)
    y += 12
    c.rect(M, y, TW, 40, lw=0.6)
    c.font(F, fs - 1)
    c.text(M + 4, y + fs + 2, L["reserved"])
    y += 56
    for p in legal:
        y = cv_para(c, M, y, TW, p, F, fs - 1.5, gray=0.25) + 5
    # page 2+
    y = new_page("Hoja 2")
    y = cv_band(c, M, y, TW, L["detail"], F, fs)
    cols = range_cols(L, v)
    rows = range_rows(d, cols, v)
    widths, bfs = table_widths(cols, rows, F, fs, TW)
    head = [h for _, h, _, _ in cols]
    aligns = [a for _, _, _, a in cols]
    bottom = PH - 40
    y = canvas_table(c, M, y, widths, head, [], aligns, F, FB, bfs, bfs - 1.2, 3, head_fill=0.9, head_font=FB)
    for row in rows:
        rh = max(len(wrap_cell(s, F, bfs, w - 6)) for s, w in zip(row, widths)) * bfs * 1.25 + 6
        if y + rh > bottom:
            y = new_page("Hoja 2 (continuación)")
            c.font(F, fs - 1)
            c.text(M, y, "Detalle de la solicitud (continuación)")
            y += 6
            y = canvas_table(c, M, y, widths, head, [], aligns, F, FB, bfs, bfs - 1.2, 3, head_fill=0.9,
                             head_font=FB)
        y = canvas_table(c, M, y, widths, None, [row], aligns, F, FB, bfs, bfs - 1.2, 3)
    if y + 150 > PH - 30:
        y = new_page("Hoja 2 (continuación)")
    y += 16
    sx = M + TW - (2 * 58 if v["stamp"] == "circle" else 190)
    yb = cv_stamp13(c, sx, y, d, v, L, F, fs)
    c.font(F, fs - 1)
    c.line(M, yb - 10, M + min(200, TW * 0.45), yb - 10, lw=0.5)
    c.text(M, yb, L["sign"])
    return npages[0]


def cv_form_compact(c, d, v, L, x, y, w, mark=None, foot_note=None):
    """the form in one column of width w (for half a landscape page): header,
    taxpayer boxes, ranges table, stamp; returns bottom y"""
    F, fs = v["font"], v["fs"] - 1
    FB = bold13(F)
    if mark:
        cv_mark(c, x, y - 22, mark, F, 9)
    y = cv_header(c, x, y, w, L, F, fs)
    y = cv_band(c, x, y, w, L["applicant"], F, fs)
    y = cv_cells(c, x, y, w, applicant_items(d, L), F, fs)
    y += 6
    y = cv_band(c, x, y, w, L["detail"], F, fs)
    cols = range_cols(L, v)
    rows = range_rows(d, cols, v)
    widths, bfs = table_widths(cols, rows, F, fs, w)
    y = canvas_table(c, x, y, widths, [h for _, h, _, _ in cols], rows, [a for _, _, _, a in cols],
                     F, FB, bfs, bfs - 1.2, 3, head_fill=0.9, head_font=FB)
    y += 10
    vv = dict(v, stamp="box")
    yb = cv_stamp13(c, x + w - 190, y, d, vv, L, F, fs)
    c.font(F, fs - 1)
    c.line(x, yb - 10, x + w * 0.4, yb - 10, lw=0.5)
    c.text(x, yb, L["sign"])
    if foot_note:
        c.text(x, yb + 14, foot_note)
    return yb + 14


# ------------------------------------------------------------------ HTML form
HTML_CSS = """
* { box-sizing: border-box; }
body { margin: 0; color: #111; }
.copy { font-family: %(font)s; font-size: %(fs)spt; }
.pg { break-after: page; position: relative; }
.pg.last { break-after: auto; }
.hdr { display: flex; align-items: center; border-bottom: 1.5px solid #222; padding-bottom: 4px; margin-bottom: 8px; }
.hdr .dian { font-weight: bold; font-size: 1.9em; width: 18%%; }
.hdr .ttl { flex: 1; text-align: center; } .hdr .t1 { font-weight: bold; font-size: 1.2em; } .hdr .t2 { font-size: 0.8em; }
.hdr .model { border: 1.5px solid #222; font-weight: bold; font-size: 1.5em; padding: 1px 8px; }
.mark { display: inline-block; border: 1.5px solid #000; font-weight: bold; font-size: 1.2em; padding: 1px 8px; margin-bottom: 4px; letter-spacing: 1px; }
.note { font-size: 0.8em; color: #333; margin-bottom: 3px; }
h2 { font-size: 1em; background: #ddd; padding: 2px 5px; margin: 8px 0 4px 0; }
table { border-collapse: collapse; }
table.cells { width: 100%%; } table.cells td { border: 1px solid #555; padding: 2px 4px; vertical-align: top; }
table.cells .lab { font-size: 0.8em; color: #333; } .val { font-weight: bold; min-height: 1.2em; }
table.rg { width: 100%%; } table.rg th { border: 1px solid #333; background: #e6e6e6; font-size: 0.8em; padding: 2px 3px; }
table.rg td { border: 1px solid #555; padding: 2px 3px; }
td.al { text-align: left; } td.ar { text-align: right; white-space: nowrap; } td.ac { text-align: center; }
.reserved { border: 1px solid #555; height: 40px; font-size: 0.85em; padding: 2px 4px; margin-top: 10px; }
.stamp { border: 2px solid #1d3f8a; color: #1d3f8a; width: 220px; text-align: center; padding: 5px; margin: 12px 0 0 auto; }
.stamp.round { border-radius: 50%%; width: 150px; height: 150px; padding-top: 28px; }
.stamp .sl { font-size: 0.85em; }
.sign { border-top: 1px solid #333; width: 40%%; margin-top: 14px; font-size: 0.85em; }
.legal { font-size: 0.78em; color: #333; margin-top: 8px; }
.foot { font-size: 0.8em; color: #333; margin-top: 10px; border-top: 0.5px solid #999; }
"""

HTML_FONTS = {"Helvetica": "'Nimbus Sans', 'Liberation Sans', Arial, sans-serif",
              "Times-Roman": "'Nimbus Roman', 'Liberation Serif', serif"}


def html_header(L, sub=None):
    return (f'<div class="hdr"><div class="dian">DIAN</div><div class="ttl"><div class="t1">{E(L["title"])}</div>'
            f'<div class="t2">{E(sub or L["subtitle"])}</div></div><div class="model">1876</div></div>')


def html_cells(d, L):
    items = applicant_items(d, L)
    rows = default_rows(items)
    bykey = {k: (lab, val) for k, lab, val in items}
    out = []
    for keys in rows:
        tot = sum(wt for _, wt in keys)
        tds = "".join(f'<td style="width:{100 * wt / tot:.1f}%"><div class="lab">{E(bykey[k][0])}</div>'
                      f'<div class="val">{E(bykey[k][1]) or "&nbsp;"}</div></td>' for k, wt in keys)
        out.append(f'<table class="cells"><tr>{tds}</tr></table>')
    return "".join(out)


def html_ranges(d, L, v):
    cols = range_cols(L, v)
    rows = range_rows(d, cols, v, html=True)
    head = "".join(f"<th>{E(h)}</th>" for _, h, _, _ in cols)
    body = "".join("<tr>" + "".join(f'<td class="{ {"l": "al", "r": "ar", "c": "ac"}[al]}">{E(s)}</td>'
                                    for (_, _, _, al), s in zip(cols, r)) + "</tr>" for r in rows)
    return f'<table class="rg"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def html_stamp(d, v, L, round_ok=True):
    sd, st = stamp13(d, v)
    rnd = " round" if v["stamp"] == "circle" and round_ok else ""
    return (f'<div class="stamp{rnd}"><b>DIAN</b><br><span class="sl">{E(L["stamp"])}</span><br>'
            f'<b>{E(sd)} / {E(st)}</b><br><span class="sl">{E(L["signed"])}</span></div>')


def html_form(d, v, L, legal=(), mark=None, top_note=None, foot_note=None, page_name=None,
              compact=False, last=True, pages=None):
    """one copy of the form: two page blocks (or one compact block). page_name: CSS named page.
    pages: None (both), 1 or 2 (only that page block; for uncollated copies)"""
    pn = f' style="page: {page_name}"' if page_name else ""
    font = HTML_FONTS[v["font"]]
    st = f'style="font-family: {font}; font-size: {v["fs"] - (1 if compact else 0)}pt;{" page: " + page_name + ";" if page_name else ""}"'
    tn = f'<div class="note">{E(top_note)}</div>' if top_note else ""
    mk = f'<div class="mark">{E(mark)}</div>' if mark else ""
    fn = f'<div class="foot">{E(foot_note)}</div>' if foot_note else ""
    if compact:
        return (f'<div class="copy" {st}>{tn}{mk}{html_header(L)}<h2>{E(L["applicant"])}</h2>{html_cells(d, L)}'
                f'<h2>{E(L["detail"])}</h2>{html_ranges(d, L, v)}{html_stamp(d, v, L, False)}'
                f'<div class="sign">{E(L["sign"])}</div>{fn}</div>')
    p1 = (f'{tn}{mk}{html_header(L)}<h2>{E(L["applicant"])}</h2>{html_cells(d, L)}'
          f'<div class="reserved">{E(L["reserved"])}</div>'
          + "".join(f'<p class="legal">{E(p)}</p>' for p in legal) + fn)
    p2 = (f'{tn}{mk}{html_header(L, "Hoja 2")}<h2>{E(L["detail"])}</h2>{html_ranges(d, L, v)}'
          f'{html_stamp(d, v, L)}<div class="sign">{E(L["sign"])}</div>{fn}')
    del pn
    blocks = [p1, p2] if pages is None else [[p1, p2][pages - 1]]
    out = []
    for i, b in enumerate(blocks):
        cls = "pg last" if (last and i == len(blocks) - 1) else "pg"
        out.append(f'<div class="copy {cls}" {st}>{b}</div>')
    return "".join(out)


def html_doc(body, page_css, extra_css="", font="Helvetica", fs=9):
    return (f'<!doctype html><html lang="es"><head><meta charset="utf-8"><style>{page_css}'
            f'{HTML_CSS % {"font": HTML_FONTS[font], "fs": fs}}{extra_css}</style></head>'
            f'<body>{body}</body></html>')


def css_size(paper):
    w, h = PAPERS13[paper]
    return f"{w:g}pt {h:g}pt"


# ------------------------------------------------------------------ troff form
def troff_form(d, v, L, legal=(), mark=None, top_note=None, foot_note=None, pages=(1, 2), ll="6.5i"):
    """troff + tbl lines of the form (page 1 and / or page 2), each page ending in .bp
    handled by the caller. fam: v['font'] Helvetica -> H, Times-Roman -> T."""
    ge = groff_esc
    fam = "H" if v["font"] == "Helvetica" else "T"
    fs = v["fs"]
    out = [f".fam {fam}", f".ps {fs}", f".vs {fs + 3}p", ".ad l", ".nh"]

    def header(sub):
        h = []
        if top_note:
            h += [f"\\s[{fs - 1}]{ge(top_note)}\\s0", ".br"]
        if mark:
            h += [f"\\s[{fs + 3}]\\fB[ {ge(mark)} ]\\fP\\s0", ".br"]
        h += [".sp 0.3", f".tl '\\s[{fs + 8}]\\fBDIAN\\fP\\s0''\\s[{fs + 7}]\\fB1876\\fP\\s0'",
              ".ce 2", f"\\s[{fs + 3}]\\fB{ge(L['title'])}\\fP\\s0", f"\\s[{fs - 1}]{ge(sub or L['subtitle'])}\\s0",
              f"\\l'{ll}\\(ru'", ".sp 0.5"]
        return h

    def foot():
        return [".sp 1", f"\\s[{fs - 1.5}]{ge(foot_note)}\\s0", ".br"] if foot_note else []

    lbs = fs - 2
    if 1 in pages:
        out += header(None)
        out += [f"\\fB{ge(L['applicant'])}\\fP", ".sp 0.3"]
        items = {k: (lab, val) for k, lab, val in applicant_items(d, L)}
        for keys in default_rows(applicant_items(d, L)):
            n = len(keys)
            out += [".TS", "allbox tab(|);", " ".join(["l"] * n) + "."]
            cells = []
            for k, _ in keys:
                lab, val = items[k]
                cells.append(f"T{{\n\\s[{lbs}]{ge(lab)}\\s0\n.br\n\\fB{ge(val) if val else ' '}\\fP\nT}}")
            out.append("|".join(cells))
            out.append(".TE")
        out += [".sp 0.6", ".TS", "box tab(|);", "lw(6i).", f"T{{\n\\s[{lbs}]{ge(L['reserved'])}\\s0\n.sp 2\nT}}", ".TE",
                ".sp 0.6", f".ps {fs - 1.5}", f".vs {fs + 1}p"]
        for p in legal:
            out += [ge(p), ".sp 0.3"]
        out += [f".ps {fs}", f".vs {fs + 3}p"] + foot()
        if 2 in pages:
            out.append(".bp")
    if 2 in pages:
        out += header("Hoja 2")
        out += [f"\\fB{ge(L['detail'])}\\fP", ".sp 0.3"]
        cols = range_cols(L, v)
        rows = range_rows(d, cols, v)
        hs = fs - 1.5
        out += [".TS", "allbox tab(|);", " ".join("cb" for _ in cols),
                " ".join({"l": "l", "r": "r", "c": "c"}[a] for _, _, _, a in cols) + "."]
        out.append("|".join(f"T{{\n\\s[{hs}]{ge(h)}\\s0\nT}}" for _, h, _, _ in cols))
        for r in rows:
            cells = []
            for (k, _, _, _), s in zip(cols, r):
                if not s:
                    cells.append("\\&")
                elif k in ("mod", "req", "vf", "vt"):
                    cells.append(f"T{{\n{ge(s)}\nT}}")
                else:
                    cells.append(ge(s))
            out.append("|".join(cells))
        out.append(".TE")
        sd, st = stamp13(d, v)
        out += [".sp 1.2", ".in +3.8i", ".TS", "box tab(|);", "c.", f"\\s[{fs + 3}]\\fBDIAN\\fP\\s0",
                f"\\s[{fs - 1}]{ge(L['stamp'])}\\s0", f"\\fB{ge(sd)} / {ge(st)}\\fP", f"\\s[{fs - 1}]{ge(L['signed'])}\\s0",
                ".TE", ".in", ".sp 1", "\\l'2.5i'", ".br", f"\\s[{fs - 1}]{ge(L['sign'])}\\s0", ".br"] + foot()
    return out


GROFF_PAPER = {"Letter": ("11i", "8.5i", "-P-pletter"), "A4": ("29.7c", "21c", "-P-pa4"),
               "Legal": ("14i", "8.5i", "-P-plegal"), "A5": ("21c", "14.8c", "-P-pa5")}


# ------------------------------------------------------------------ fill merge
MERGE_JS = r"""// merge-fill.js TEMPLATE FILL OUT MODE DX DY: lay every page of FILL over the
// same page of TEMPLATE: MODE 'xobject' = the fill page becomes a Form XObject drawn
// by an extra content stream; MODE 'stream' = the fill page's content stream is
// appended to the page's /Contents and its fonts are added to the page's resources.
var doc = new PDFDocument(scriptArgs[0]);
var fill = new PDFDocument(scriptArgs[1]);
var mode = scriptArgs[3], dx = scriptArgs[4], dy = scriptArgs[5];
function contents(p) {
  // the original content between q and Q, so a CTM it leaves behind cannot move the fill
  var c = p.get("Contents");
  var arr = doc.newArray();
  arr.push(doc.addStream("q\n", {}));
  if (c && c.isArray()) { for (var k = 0; k < c.length; k++) arr.push(c.get(k)); }
  else if (c) arr.push(c);
  return arr;
}
for (var i = 0; i < doc.countPages() && i < fill.countPages(); i++) {
  var page = doc.findPage(i);
  var fp = fill.findPage(i);
  var fc = fp.get("Contents");
  var buf = new Buffer();
  if (fc.isArray()) { for (var k = 0; k < fc.length; k++) { buf.writeBuffer(fc.get(k).readStream()); buf.write("\n"); } }
  else buf.writeBuffer(fc.readStream());
  var res = page.get("Resources");
  var arr = contents(page);
  if (mode == "xobject") {
    var mb = fp.get("MediaBox");
    var xo = doc.addStream(buf, {Type: "XObject", Subtype: "Form",
      BBox: [mb.get(0), mb.get(1), mb.get(2), mb.get(3)], Resources: doc.graftObject(fp.get("Resources"))});
    var xd = res.get("XObject");
    if (!xd || xd.isNull()) { xd = doc.newDictionary(); res.put("XObject", xd); }
    xd.put("FillSign" + i, xo);
    arr.push(doc.addStream("Q\nq 1 0 0 1 " + dx + " " + dy + " cm /FillSign" + i + " Do Q\n", {}));
  } else {
    var fd = res.get("Font");
    if (!fd || fd.isNull()) { fd = doc.newDictionary(); res.put("Font", fd); }
    var ff = fp.get("Resources").get("Font");
    ff.forEach(function (key, val) { fd.put(key, doc.graftObject(val)); });
    var pre = new Buffer();
    pre.write("Q\nq 1 0 0 1 " + dx + " " + dy + " cm\n");
    pre.writeBuffer(buf);
    pre.write("\nQ\n");
    arr.push(doc.addStream(pre, {}));
  }
  page.put("Contents", arr);
}
doc.save(scriptArgs[2], "compress");
"""


def merge_fill(template_pdf, fill_pdf, out_pdf, mode, dx, dy, js_path):
    with open(js_path, "w") as f:
        f.write(MERGE_JS)
    run(["mutool", "run", js_path, template_pdf, fill_pdf, out_pdf, mode, f"{dx:.2f}", f"{dy:.2f}"])
