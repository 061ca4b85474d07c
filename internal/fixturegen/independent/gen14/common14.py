"""Fourteenth batch: shared helpers on top of ../gen12/common12.py (which chains
gen10, gen8, gen6, gen4, gen3, gen2 and gen: document model, truth format, NIT
check digit, dates, producers, Canvas12 for Ghostscript / mutool).
Standard library only.

Adds: output paths (out14, sources in build14), landscape pages, number and
date formatting shared by the three families, the taxpayer part of the form
for the three back-ends (Canvas12, HTML for Chromium, groff/tbl), a ranges
table with an optional GROUP HEADER ROW (a caption spanning several columns,
the other header cells spanning both rows) for the three back-ends, the DIAN
stamp, SvgCanvas (the Canvas API drawn as absolutely positioned SVG that
Chromium prints, so every coordinate is known), and add_widgets(): `mutool run`
with a generated JavaScript file that adds AcroForm text fields (/Widget
annotations with /V and an /AP /N appearance stream) to an existing PDF."""
import datetime as dt
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
IND = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(IND, "gen12"))

from common12 import *  # noqa: F401,F403,E402
from common12 import (Canvas12, ps_str, text_width, run, fmt_sep, make_doc2, tweak_doc,  # noqa: E402,F401
                      truth, write_truth, nit_dv, add_months, d_slash, d_mon, html_escape,
                      chromium_pdf, kind_name, kind_code, req_name, req_code, strip_accents,
                      PAPERS12, wrap_text, legal_paragraphs, groff_pdf, groff_esc, NBSP, DIAN_NIT,
                      DIAN_DV, wrap_by, fmt_num, fmt_day12, tidy_prefixes, pick_labels, long_date,
                      date_forms, DATE_STYLES, MES)

OUT14 = os.environ.get("INDEP_OUT14", os.path.join(IND, "out14"))
BUILD14 = os.environ.get("INDEP_BUILD14", os.path.join(IND, "build14"))

E = html_escape

PAPERS14 = dict(PAPERS12)
PAPERS14.update({"LetterL": (792, 612), "A4L": (842, 595)})
CSS_SIZE = {"Letter": "letter", "A4": "A4", "Legal": "legal", "A5": "A5", "HalfLetter": "5.5in 8.5in",
            "LetterL": "letter landscape", "A4L": "A4 landscape", "A3": "A3"}
# groff: (-P paper option, page length, page width)
GROFF_PAPER = {"Letter": ("-P-pletter", "11i", 8.5 * 72), "A4": ("-P-pa4", "29.7c", 595),
               "Legal": ("-P-plegal", "14i", 8.5 * 72), "A5": ("-P-pa5", "21c", 420)}
HTML_FONTS = {
    "sans": "'Nimbus Sans', 'DejaVu Sans', sans-serif",
    "dejavu": "'DejaVu Sans', sans-serif",
    "serif": "'Nimbus Roman', 'DejaVu Serif', serif",
    "narrow": "'Nimbus Sans Narrow', 'Nimbus Sans', sans-serif",
    "gothic": "'URW Gothic', 'DejaVu Sans', sans-serif",
    "bookman": "'URW Bookman', 'DejaVu Serif', serif",
    "mono": "'Nimbus Mono PS', 'DejaVu Sans Mono', monospace",
}
CANVAS_FONTS = ["Helvetica", "Helvetica", "Times-Roman", "Courier"]
SEPS = [".", ".", ",", " ", ""]
DATES14 = ["iso", "slash", "ymd", "mon", "dot", "abbr", "words"]


def bold(f):
    return {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}.get(f, f)


def num(n, sep, kind="text"):
    """thousands-grouped integer; sep ' ' becomes a no-break space in HTML and an
    unbreakable space in groff"""
    if sep == " ":
        sep = {"html": NBSP, "groff": "\\~"}.get(kind, " ")
    return fmt_num(n, sep)


def day(d, style):
    return fmt_day12(d, style)


def stamp_str(d, dstyle, tstyle):
    """'2024-10-19 / 11:38:26 AM' and variants: the acknowledgement date with its time"""
    s = d.stamp
    tm = s.strftime("%I:%M:%S %p") if tstyle == "ampm" else s.strftime("%H:%M:%S")
    ds = day(s.date(), dstyle if dstyle not in ("words", "abbr") else "iso")
    return f"{ds} / {tm}" if tstyle == "ampm" else f"{ds} {tm}"


def tp_items(d, L, all_boxes=False):
    """(key, label, value) of the taxpayer boxes in DIAN's box order; all_boxes
    keeps the name boxes of the other kind of taxpayer, empty"""
    out = [("year", L["year"], d.year), ("number", L["number"], d.number),
           ("nit", L["nit"], d.nit), ("dv", L["dv"], str(d.dv))]
    if d.natural or all_boxes:
        out += [("ap1", L["ap1"], d.ap1), ("ap2", L["ap2"], d.ap2), ("n1", L["n1"], d.n1), ("n2", L["n2"], d.n2)]
    if not d.natural or all_boxes:
        out.append(("rs", L["rs"], d.rs))
    out.append(("secc", L["secc"], d.secc))
    return out


def tp_rows(d, L, wide=True):
    """taxpayer boxes grouped into rows (key, label, value, weight)"""
    it = {k: (k, lab, v) for k, lab, v in tp_items(d, L)}
    rows = [[it["year"] + (0.8,), it["number"] + (2.6,), it["secc"] + (1.6,)] if wide else
            [it["year"] + (1,), it["secc"] + (1.4,)],
            ]
    if not wide:
        rows.append([it["number"] + (1,)])
    rows.append([it["nit"] + (3,), it["dv"] + (1,)])
    if d.natural:
        if wide:
            rows.append([it["ap1"] + (1,), it["ap2"] + (1,), it["n1"] + (1,), it["n2"] + (1,)])
        else:
            rows += [[it["ap1"] + (1,), it["ap2"] + (1,)], [it["n1"] + (1,), it["n2"] + (1,)]]
    else:
        rows.append([it["rs"] + (1,)])
    return rows


TITLE = "AUTORIZACIÓN NUMERACIÓN DE FACTURACIÓN"
SUB = "Formulario para la solicitud y autorización de rangos de numeración"


# ------------------------------------------------------------------ Canvas back-end
def cv_title(c, x, y, w, F, fs, sub=SUB):
    FB = bold(F)
    c.font(FB, fs + 8)
    c.text(x, y + 18, "DIAN")
    c.font(FB, fs + 2.5)
    c.text(x + w / 2, y + 10, TITLE, "c")
    c.font(F, fs - 1.5)
    c.text(x + w / 2, y + 21, sub, "c")
    c.rect(x + w - 50, y, 50, 26, lw=0.9)
    c.font(FB, fs + 6)
    c.text(x + w - 25, y + 19, "1876", "c")
    c.line(x, y + 31, x + w, y + 31, lw=1.2)
    return y + 40


def cv_band(c, x, y, w, s, F, fs, fill=0.86):
    c.rect(x, y, w, fs + 7, lw=0, fill=fill)
    c.font(bold(F), fs)
    c.text(x + 4, y + fs + 2.5, s)
    return y + fs + 7


def cv_taxpayer(c, x, y, w, rows, F, fs):
    """label-over-value ruled cells; long values wrap inside their cell"""
    FB = bold(F)
    for row in rows:
        tot = sum(r[3] for r in row)
        cells, xx = [], x
        for key, lab, val, wt in row:
            cw = w * wt / tot
            vl = wrap_by(val, cw - 8, lambda s: text_width(s, FB, fs + 0.5)) if val else [""]
            cells.append((xx, cw, lab, vl))
            xx += cw
        h = fs + 6 + max(len(vl) for *_, vl in cells) * (fs + 3) + 4
        for cx, cw, lab, vl in cells:
            c.rect(cx, y, cw, h, lw=0.6)
            c.font(F, fs - 2)
            c.text(cx + 3, y + fs - 1.5, lab)
            c.font(FB, fs + 0.5)
            yy = y + fs + 4 + fs
            for ln in vl:
                c.text(cx + 5, yy, ln)
                yy += fs + 3
        y += h
    return y


def cv_table2(c, x, y, widths, heads, rows, aligns, F, hs, bs, groups=(), head_fill=0.9, wrapcols=()):
    """ranges table. heads: list of header strings ('\n' = forced break);
    groups: [(caption, j0, j1)] -> a first header row whose caption spans columns
    j0..j1, the other header cells spanning both header rows. Returns the new y."""
    FB = bold(F)
    xs = [x]
    for wd in widths[:-1]:
        xs.append(xs[-1] + wd)
    TW = sum(widths)
    hl = []
    for h, wd in zip(heads, widths):
        lines = []
        for part in h.split("\n"):
            lines += wrap_by(part, wd - 5, lambda s: text_width(s, FB, hs))
        hl.append(lines)
    lh = hs * 1.2
    gh = hs + 7 if groups else 0
    hh = max(len(q) for q in hl) * lh + 6
    c.rect(x, y, TW, gh + hh, lw=0, fill=head_fill)
    grouped = set()
    for cap, j0, j1 in groups:
        gx0, gx1 = xs[j0], xs[j1] + widths[j1]
        c.rect(gx0, y, gx1 - gx0, gh, lw=0.5)
        c.font(FB, hs)
        c.text((gx0 + gx1) / 2, y + gh - 4, cap, "c")
        grouped.update(range(j0, j1 + 1))
    c.font(FB, hs)
    for j, (q, xx, wd) in enumerate(zip(hl, xs, widths)):
        top, height = (y + gh, hh) if j in grouped else (y, gh + hh)
        c.rect(xx, top, wd, height, lw=0.5)
        ty = top + (height - len(q) * lh) / 2 + hs * 0.95
        for ln in q:
            c.text(xx + wd / 2, ty, ln, "c")
            ty += lh
    y += gh + hh
    c.font(F, bs)
    for row in rows:
        wl = [wrap_by(s, wd - 6, lambda t: text_width(t, F, bs)) if j in wrapcols else [s]
              for j, (s, wd) in enumerate(zip(row, widths))]
        rh = max(len(q) for q in wl) * (bs + 2.5) + 6
        for q, xx, wd, al in zip(wl, xs, widths, aligns):
            c.rect(xx, y, wd, rh, lw=0.5)
            ty = y + 3 + bs * 0.95
            for ln in q:
                tx = {"l": xx + 3, "r": xx + wd - 3, "c": xx + wd / 2}[al]
                c.text(tx, ty, ln, al)
                ty += bs + 2.5
        y += rh
    return y


def fit_cols(weights, heads, rows, F, hs, bs, TW, wrapcols=()):
    """column widths: proportional to weights, never narrower than the widest
    unbreakable content; shrinks the type until it fits. Returns (widths, hs, bs)."""
    FB = bold(F)
    while True:
        mins = []
        for j in range(len(weights)):
            hw = max(text_width(wd, FB, hs) for part in heads[j].split("\n") for wd in part.split() or [""])
            if j in wrapcols:
                bw = max([text_width(wd, F, bs) for r in rows for wd in r[j].split()] + [0])
            else:
                bw = max([text_width(r[j], F, bs) for r in rows] + [0])
            mins.append(max(hw, bw) + 8)
        if sum(mins) <= TW or bs < 4:
            break
        hs *= 0.94
        bs *= 0.94
    tot = sum(weights)
    ws = [max(TW * wt / tot, mn) for wt, mn in zip(weights, mins)]
    ex = sum(ws) - TW
    if ex > 0:
        slack = [wd - mn for wd, mn in zip(ws, mins)]
        s = sum(slack) or 1
        ws = [wd - ex * sl / s for wd, sl in zip(ws, slack)]
    return ws, hs, bs


def cv_stamp(c, cx, cy, R, d, F, fs, lines):
    FB = bold(F)
    c.circle(cx, cy, R, lw=1.3)
    c.circle(cx, cy, R - 4, lw=0.5)
    c.font(FB, fs + 3)
    c.text(cx, cy - R * 0.42, "DIAN", "c")
    c.font(F, fs - 1)
    c.text(cx, cy - R * 0.2, "Fecha Acuse de Recibo", "c")
    c.font(FB, fs)
    yy = cy + 3
    for ln in lines:
        c.text(cx, yy, ln, "c")
        yy += fs + 3
    c.font(F, fs - 1)
    c.text(cx, cy + R * 0.62, "Firmado", "c")


def cv_para(c, x, y, w, paras, F, fs, ymax):
    c.font(F, fs)
    for p in paras:
        for ln in wrap_by(p, w, lambda s: text_width(s, F, fs)):
            if y > ymax:
                return y
            c.text(x, y, ln)
            y += fs * 1.3
        y += 3
    return y


# ------------------------------------------------------------------ HTML back-end
def html_css(paper, font, fs, margin="12mm"):
    return f"""@page {{ size: {CSS_SIZE[paper]}; margin: {margin}; }}
* {{ box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ font-family: {HTML_FONTS[font]}; font-size: {fs}pt; margin: 0; }}
.hd {{ display: flex; align-items: center; border-bottom: 1.2pt solid #000; padding-bottom: 1.5mm; margin-bottom: 3mm; }}
.hd .dian {{ font-weight: bold; font-size: {fs + 8}pt; width: 22mm; }}
.hd .t {{ flex: 1; text-align: center; }} .hd .t b {{ display: block; font-size: {fs + 2.5}pt; }}
.hd .t span {{ font-size: {fs - 1.5}pt; }}
.hd .m {{ border: 0.9pt solid #000; font-weight: bold; font-size: {fs + 6}pt; padding: 0.5mm 2.5mm; }}
.band {{ background: #dcdcdc; font-weight: bold; padding: 0.8mm 1.5mm; margin-top: 2.5mm; }}
table {{ border-collapse: collapse; width: 100%; }}
.tp td {{ border: 0.6pt solid #000; padding: 0.8mm 1.4mm; vertical-align: top; }}
.tp .lb {{ font-size: {fs - 2}pt; display: block; }} .tp .v {{ font-weight: bold; font-size: {fs + 0.5}pt; }}
.rg th {{ border: 0.5pt solid #000; background: #e6e6e6; font-size: {fs - 1.2}pt; padding: 0.8mm 1mm;
          text-align: center; vertical-align: middle; }}
.rg td {{ border: 0.5pt solid #000; padding: 0.9mm 1.2mm; font-size: {fs - 0.4}pt; }}
.rg td.r {{ text-align: right; white-space: nowrap; }} .rg td.c {{ text-align: center; white-space: nowrap; }}
.rg td.l {{ text-align: left; }}
.end {{ display: flex; justify-content: space-between; align-items: flex-end; margin-top: 5mm; }}
.sign {{ border-top: 0.5pt solid #000; width: 55mm; font-size: {fs - 1}pt; }}
.stamp {{ width: 44mm; height: 44mm; border: 1.3pt solid #000; border-radius: 50%; text-align: center;
          display: flex; flex-direction: column; justify-content: center; font-size: {fs - 1}pt; }}
.stamp b {{ font-size: {fs + 3}pt; }} .stamp .d {{ font-weight: bold; font-size: {fs}pt; margin: 1mm 2mm; }}
.legal {{ font-size: {fs - 2}pt; text-align: justify; margin: 1mm 0; }}
.brk {{ break-before: page; }}
.pg {{ text-align: right; font-size: {fs - 2}pt; margin-top: 2mm; }}
"""


def html_title(sub=SUB):
    return (f"<div class=hd><div class=dian>DIAN</div><div class=t><b>{E(TITLE)}</b><span>{E(sub)}</span>"
            f"</div><div class=m>1876</div></div>")


def html_taxpayer(rows):
    out = []
    for row in rows:
        tot = sum(r[3] for r in row)
        tds = "".join(f"<td style='width:{100 * wt / tot:.1f}%'><span class=lb>{E(lab)}</span>"
                      f"<span class=v>{E(val) or '&nbsp;'}</span></td>" for key, lab, val, wt in row)
        out.append(f"<table class=tp><tr>{tds}</tr></table>")
    return "".join(out)


def html_table2(heads, rows, aligns, groups=(), cls="rg", raw_cells=False):
    """heads with '\n' -> <br>; groups: [(caption, j0, j1)]"""
    n = len(heads)
    gstart = {j0: (cap, j1) for cap, j0, j1 in groups}
    grouped = {j for _, j0, j1 in groups for j in range(j0, j1 + 1)}
    h1, h2 = [], []
    j = 0
    while j < n:
        if j in gstart:
            cap, j1 = gstart[j]
            h1.append(f"<th colspan={j1 - j + 1}>{E(cap)}</th>")
            for k in range(j, j1 + 1):
                h2.append(f"<th>{E(heads[k]).replace(chr(10), '<br>')}</th>")
            j = j1 + 1
            continue
        rs = " rowspan=2" if groups else ""
        h1.append(f"<th{rs}>{E(heads[j]).replace(chr(10), '<br>')}</th>")
        j += 1
    head = f"<tr>{''.join(h1)}</tr>" + (f"<tr>{''.join(h2)}</tr>" if groups else "")
    body = []
    for r in rows:
        tds = "".join(f"<td class={al}>{s if raw_cells else E(s)}</td>" for s, al in zip(r, aligns))
        body.append(f"<tr>{tds}</tr>")
    return f"<table class={cls}>{head}{''.join(body)}</table>"


def html_stamp(lines):
    return ("<div class=stamp><b>DIAN</b><div>Fecha Acuse de Recibo</div>"
            + "".join(f"<div class=d>{E(x)}</div>" for x in lines) + "<div>Firmado</div></div>")


# ------------------------------------------------------------------ groff back-end
def groff_head(paper, fs, fam="H"):
    popt, pl, pw = GROFF_PAPER[paper]
    ll = pw - 2 * 50
    return [".nh", ".ad l", f".pl {pl}", f".ll {ll:.0f}p", ".po 50p", f".ps {fs}", f".vs {fs + 3}p",
            f".fam {fam}", ".sp 0.6c", f".lt {ll:.0f}p",
            f".tl '\\s[{fs + 8}]\\fBDIAN\\fP\\s0''\\s[{fs + 6}]\\fB1876\\fP\\s0'",
            ".ce 2", f"\\s[{fs + 2}]\\fB{TITLE}\\fP\\s0", f"\\s[{max(5, fs - 1.5)}]{SUB}\\s0",
            f"\\D'l {ll:.0f}p 0'", ".sp 0.5"], popt, ll


def groff_taxpayer(rows, fs, ll):
    """one tbl table per row of boxes (label over value)"""
    out = []
    for row in rows:
        tot = sum(r[3] for r in row)
        fmt = " ".join(f"lw({max(20, ll * wt / tot - 14):.0f}p)" for *_, wt in row) + "."
        cells = [f"T{{\n\\s[{max(5, fs - 2)}]{groff_esc(lab)}\\s0\n.br\n\\fB{groff_esc(val) or chr(92) + '&'}\\fP\nT}}"
                 for key, lab, val, wt in row]
        out += [".TS", "allbox tab(|);", fmt, "|".join(cells), ".TE"]
    return out


def groff_table2(heads, rows, aligns, groups=(), hs=7, bs=8, wrapcols=(), widths=None):
    """tbl source; '\n' in a header is a line break; groups as in cv_table2.
    Cells are already groff-escaped by the caller."""
    n = len(heads)
    gstart = {j0: (cap, j1) for cap, j0, j1 in groups}
    grouped = {j for _, j0, j1 in groups for j in range(j0, j1 + 1)}

    def wspec(j):
        return f"w({widths[j]:.1f}p)" if widths else ""

    out = [".TS", "allbox tab(|);"]
    fmts, data = [], []
    if groups:
        f1, d1, f2, d2 = [], [], [], []
        j = 0
        while j < n:
            if j in gstart:
                cap, j1 = gstart[j]
                f1 += ["cb"] + ["s"] * (j1 - j)
                d1 += [f"\\s[{hs}]{groff_esc(cap)}\\s0"] + [""] * (j1 - j)
                j = j1 + 1
            else:
                f1.append("cb")
                d1.append(None)
                j += 1
        for j in range(n):
            f2.append("cb")
            d2.append(None if j in grouped else "\\^")
        fmts += [" ".join(f1), " ".join(f2)]
        hd1 = []
        for j in range(n):
            if d1[j] is None:
                hd1.append(f"T{{\n\\s[{hs}]{groff_esc(heads[j]).replace(chr(10), chr(10) + '.br' + chr(10))}\\s0\nT}}")
            else:
                hd1.append(d1[j])
        # tbl takes no data entry for a column spanned with 's'
        hd1 = [x for j, x in enumerate(hd1) if f1[j] != "s"]
        hd2 = []
        for j in range(n):
            if d2[j] == "\\^":
                hd2.append("\\^")
            else:
                hd2.append(f"T{{\n\\s[{hs}]{groff_esc(heads[j]).replace(chr(10), chr(10) + '.br' + chr(10))}\\s0\nT}}")
        data += ["|".join(hd1), "|".join(hd2)]
    else:
        fmts.append(" ".join(["cb"] * n))
        data.append("|".join(f"T{{\n\\s[{hs}]{groff_esc(h).replace(chr(10), chr(10) + '.br' + chr(10))}\\s0\nT}}"
                             for h in heads))
    fmts.append(" ".join(f"{al}{wspec(j)}" for j, al in enumerate(aligns)) + ".")
    out += fmts
    out += data
    for r in rows:
        cells = []
        for j, s in enumerate(r):
            if j in wrapcols:
                cells.append(f"T{{\n\\s[{bs}]{s}\\s0\nT}}")
            else:
                cells.append(f"\\s[{bs}]{s}\\s0" if s else "\\&")
        out.append("|".join(cells))
    out.append(".TE")
    return out


GROFF_METRIC = {"C": ("Courier", "Courier-Bold", 1.0), "T": ("Times-Roman", "Times-Bold", 1.0),
                "N": ("Times-Roman", "Times-Bold", 1.12), "BM": ("Times-Roman", "Times-Bold", 1.3),
                "HN": ("Helvetica", "Helvetica-Bold", 0.9), "H": ("Helvetica", "Helvetica-Bold", 1.0)}


def groff_fit(heads, rows, weights, wrapcols, ll, fs, fam):
    """tbl column widths (points) that fit the line length: every column at least
    as wide as its longest header word and its widest cell (longest word, for
    wrapped columns); the slack goes to the wrapped columns. tbl puts 3 ens
    between columns. Shrinks the type until the table fits. Returns
    (widths, header size, body size)."""
    reg, bld, k = GROFF_METRIC.get(fam, GROFF_METRIC["H"])
    n = len(heads)
    hs, bs = max(5, fs - 2), fs - 1
    gap = 3 * fs / 2 + 1.5
    avail = ll - gap * (n - 1) - 12
    while True:
        mins = []
        for j in range(n):
            hw = max(text_width(wd, bld, hs) for part in heads[j].split("\n") for wd in part.split() or [""])
            if j in wrapcols:
                bw = max([text_width(wd, reg, bs) for r in rows for wd in r[j].split()] + [0])
            else:
                bw = max([text_width(r[j], reg, bs) for r in rows] + [0])
            mins.append(max(hw, bw) * k + 2)
        if sum(mins) <= avail or bs <= 4.5:
            break
        hs, bs = max(4.5, hs - 0.5), bs - 0.5
    extra = max(0.0, avail - sum(mins))
    tgt = [j for j in range(n) if j in wrapcols] or list(range(n))
    tot = sum(weights[j] for j in tgt)
    widths = [m + (extra * weights[j] / tot if j in tgt else 0) for j, m in enumerate(mins)]
    return widths, hs, bs


def groff_stamp(lines, indent):
    out = [".sp 0.8", f".in +{indent:.0f}p", "\\s[13]\\fBDIAN\\fP\\s0", ".br", "Fecha Acuse de Recibo", ".br"]
    for ln in lines:
        out += [f"\\fB{groff_esc(ln)}\\fP", ".br"]
    out += ["Firmado", ".in", ".sp 0.6"]
    return out


def groff_legal(paras, fs=6):
    out = [f".ps {fs}", f".vs {fs + 1.8}p", ".ad b"]
    for p in paras:
        out += [groff_esc(p), ".sp 0.3"]
    return out + [".ad l"]


# ------------------------------------------------------------------ SVG canvas (Chromium)
SVG_FONT = {"Helvetica": ("'Nimbus Sans', 'DejaVu Sans', sans-serif", "normal"),
            "Helvetica-Bold": ("'Nimbus Sans', 'DejaVu Sans', sans-serif", "bold"),
            "Times-Roman": ("'Nimbus Roman', serif", "normal"), "Times-Bold": ("'Nimbus Roman', serif", "bold"),
            "Courier": ("'Nimbus Mono PS', monospace", "normal"),
            "Courier-Bold": ("'Nimbus Mono PS', monospace", "bold")}


class SvgCanvas:
    """The Canvas API (top-left coordinates in points, y = baseline) drawn as one
    inline <svg> per page inside an HTML file that Chromium prints with a zero
    page margin: every element lands exactly where the Ghostscript / mutool
    back-ends put it. Nimbus fonts are metric clones of the Base14 fonts."""

    def __init__(self):
        self.pages = []
        self.cur = None
        self.fontname, self.size = "Helvetica", 10
        self.fill = "#000"

    def page(self, w, h):
        self.W, self.H = w, h
        self.cur = []
        self.pages.append((w, h, self.cur))

    def font(self, name, size):
        self.fontname, self.size = name, size

    def gray(self, g):
        v = int(round(g * 255))
        self.fill = f"#{v:02x}{v:02x}{v:02x}"

    def colour(self, rgb):
        if isinstance(rgb, (int, float)):
            return self.gray(rgb)
        self.fill = "#" + "".join(f"{int(round(x * 255)):02x}" for x in rgb)

    def width(self, s, font=None, size=None):
        return text_width(s, font or self.fontname, size or self.size)

    def text(self, x, y, s, align="l"):
        if not s:
            return
        fam, wt = SVG_FONT[self.fontname]
        anchor = {"l": "start", "r": "end", "c": "middle"}[align]
        self.cur.append(f"<text x='{x:.2f}' y='{y:.2f}' font-family=\"{fam}\" font-weight='{wt}' "
                        f"font-size='{self.size:g}' text-anchor='{anchor}' fill='{self.fill}' "
                        f"xml:space='preserve'>{E(s)}</text>")

    def line(self, x1, y1, x2, y2, lw=0.5):
        self.cur.append(f"<line x1='{x1:.2f}' y1='{y1:.2f}' x2='{x2:.2f}' y2='{y2:.2f}' stroke='{self.fill}' "
                        f"stroke-width='{lw:g}'/>")

    def rect(self, x, y, w, h, lw=0.5, fill=None):
        if fill is not None:
            v = int(round(fill * 255))
            self.cur.append(f"<rect x='{x:.2f}' y='{y:.2f}' width='{w:.2f}' height='{h:.2f}' "
                            f"fill='#{v:02x}{v:02x}{v:02x}'/>")
        if lw:
            self.cur.append(f"<rect x='{x:.2f}' y='{y:.2f}' width='{w:.2f}' height='{h:.2f}' fill='none' "
                            f"stroke='{self.fill}' stroke-width='{lw:g}'/>")

    def fillrgb(self, x, y, w, h, rgb, radius=0):
        if isinstance(rgb, (int, float)):
            rgb = (rgb, rgb, rgb)
        col = "#" + "".join(f"{int(round(v * 255)):02x}" for v in rgb)
        self.cur.append(f"<rect x='{x:.2f}' y='{y:.2f}' width='{w:.2f}' height='{h:.2f}' fill='{col}'/>")

    def circle(self, cx, cy, r, lw=0.8):
        self.cur.append(f"<circle cx='{cx:.2f}' cy='{cy:.2f}' r='{r:.2f}' fill='none' stroke='{self.fill}' "
                        f"stroke-width='{lw:g}'/>")

    def save(self, src_stem, pdf_path):
        W, H = self.pages[0][0], self.pages[0][1]
        parts = [f"<!doctype html><html lang=es><head><meta charset=utf-8><style>"
                 f"@page {{ size: {W:g}pt {H:g}pt; margin: 0; }} body {{ margin: 0; }} "
                 f"svg {{ display: block; overflow: hidden; }} .p {{ break-after: page; }} "
                 f".p:last-child {{ break-after: auto; }}</style></head><body>"]
        for w, h, cmds in self.pages:
            parts.append(f"<div class=p><svg xmlns='http://www.w3.org/2000/svg' width='{w:g}pt' height='{h - 0.5:g}pt' "
                         f"viewBox='0 0 {w:g} {h - 0.5:g}'>" + "\n".join(cmds) + "</svg></div>")
        parts.append("</body></html>")
        with open(src_stem + ".html", "w", encoding="utf-8") as f:
            f.write("".join(parts))
        chromium_pdf(os.path.abspath(src_stem + ".html"), pdf_path)


# ------------------------------------------------------------------ AcroForm widgets via `mutool run`
FONT_TAGS = {"Helv": "Helvetica", "HeBo": "Helvetica-Bold", "Cour": "Courier", "TiRo": "Times-Roman",
             "CoBo": "Courier-Bold", "TiBo": "Times-Bold"}
TAG_OF = {v: k for k, v in FONT_TAGS.items()}

FF_MULTILINE = 1 << 12
FF_COMB = 1 << 24
F_HIDDEN, F_PRINT = 2, 4

WIDGET_JS = r"""
var S = %s;
var doc = new PDFDocument(S.input);
function N(n) { return doc.newName(n); }
function T(s) { return doc.newString(s); }
var fonts = {};
for (var k in S.fonts)
  fonts[k] = doc.addObject({Type: N("Font"), Subtype: N("Type1"), BaseFont: N(S.fonts[k]), Encoding: N("WinAnsiEncoding")});
var fields = doc.newArray();
var parents = {};
for (var i = 0; i < S.widgets.length; i++) {
  var w = S.widgets[i];
  var page = doc.findPage(w.page);
  var wd = w.rect[2] - w.rect[0], ht = w.rect[3] - w.rect[1];
  var fres = {};
  fres[w.font] = fonts[w.font];
  var ap = doc.addStream(w.ap, {Type: N("XObject"), Subtype: N("Form"), BBox: [0, 0, wd, ht], Resources: {Font: fres}});
  var d = {Type: N("Annot"), Subtype: N("Widget"), FT: N("Tx"), T: T(w.name), V: T(w.value),
           DA: T(w.da), Q: w.q, F: w.flags, Rect: w.rect, P: page, AP: {N: ap}};
  if (w.ff) d.Ff = w.ff;
  if (w.maxlen) d.MaxLen = w.maxlen;
  if (w.tu) d.TU = T(w.tu);
  if (w.mk) d.MK = {BG: w.mk};
  var ref = doc.addObject(d);
  if (!page.get("Annots")) page.put("Annots", doc.newArray());
  page.get("Annots").push(ref);
  if (w.parent) {
    if (!parents[w.parent]) {
      parents[w.parent] = doc.addObject({T: T(w.parent), Kids: doc.newArray()});
      fields.push(parents[w.parent]);
    }
    ref.put("Parent", parents[w.parent]);
    parents[w.parent].get("Kids").push(ref);
  } else {
    fields.push(ref);
  }
}
var dr = {};
for (var k in fonts) dr[k] = fonts[k];
doc.getTrailer().get("Root").put("AcroForm", {Fields: fields, DA: T("/Helv 0 Tf 0 g"), DR: {Font: dr}});
doc.save(S.output, "compress");
"""


def ap_text(s):
    """a PDF string literal for an appearance stream (WinAnsi = Latin-1 for our text)"""
    return ps_str(s)


def widget_ap(value, w, h, font, size, q=0, comb=0, bg=None, multiline=False, pad=2.0):
    """the /AP /N content of a text field: optional background, then the value
    as Tx marked content, aligned by q (0 left, 1 centre, 2 right), one glyph
    per cell for comb fields, wrapped for multi-line ones"""
    tag = TAG_OF[font]
    out = []
    if bg is not None:
        out.append(f"{bg[0]:g} {bg[1]:g} {bg[2]:g} rg 0 0 {w:.2f} {h:.2f} re f")
    out.append("/Tx BMC q")
    out.append(f"1 1 {w - 2:.2f} {h - 2:.2f} re W n")
    if value:
        out.append(f"BT /{tag} {size:g} Tf 0 g")
        if comb:
            cw = w / comb
            start = {0: 0, 1: (comb - len(value)) // 2, 2: comb - len(value)}[q]
            y = (h - size * 0.7) / 2
            for i, ch in enumerate(value):
                x = (start + i) * cw + (cw - text_width(ch, font, size)) / 2
                out.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm {ap_text(ch)} Tj")
        else:
            if multiline:
                lines = wrap_by(value, w - 2 * pad, lambda s: text_width(s, font, size))
            else:
                lines = [value]
            lead = size * 1.15
            if multiline:
                y0 = h - pad - size * 0.9
            else:
                y0 = (h - size * 0.7) / 2
            for j, ln in enumerate(lines):
                tw = text_width(ln, font, size)
                x = {0: pad, 1: (w - tw) / 2, 2: w - pad - tw}[q]
                out.append(f"1 0 0 1 {x:.2f} {y0 - j * lead:.2f} Tm {ap_text(ln)} Tj")
        out.append("ET")
    out.append("Q EMC")
    return "\n".join(out)


def add_widgets(pdf_in, pdf_out, widgets, js_path):
    """widgets: dicts with page (0-based), rect [x1 y1 x2 y2] in PDF units, name,
    value, font (base font name), size, q, flags, ff, maxlen, tu, parent, ap
    (appearance content), mk (background colour list or None)"""
    fonts = sorted({w["font"] for w in widgets})
    spec = {"input": os.path.abspath(pdf_in), "output": os.path.abspath(pdf_out),
            "fonts": {TAG_OF[f]: f for f in fonts}, "widgets": []}
    for w in widgets:
        tag = TAG_OF[w["font"]]
        spec["widgets"].append({
            "page": w["page"], "rect": [round(v, 2) for v in w["rect"]], "name": w["name"],
            "value": w["value"], "font": tag, "da": f"/{tag} {w['size']:g} Tf 0 g", "q": w.get("q", 0),
            "flags": w.get("flags", F_PRINT), "ff": w.get("ff", 0), "maxlen": w.get("maxlen", 0),
            "tu": w.get("tu", ""), "parent": w.get("parent", ""), "ap": w["ap"], "mk": w.get("mk")})
    with open(js_path, "w", encoding="utf-8") as f:
        f.write(WIDGET_JS % json.dumps(spec, ensure_ascii=True, indent=0))
    run(["mutool", "run", js_path])
