"""Sixteenth batch: shared helpers on top of ../gen14/common14.py (which chains
gen12, gen10, gen8, gen6, gen4, gen3, gen2 and gen: document model, truth
format, NIT check digit, dates, producers, Canvas12 for Ghostscript / mutool).
Standard library only.

Adds: output paths (out16, sources in build16); date formats in Spanish,
English and machine form (ISO with a time and an offset) and the set of every
form a day may be printed in (for check.py); technical identifiers that must
not be read as values (64-hex technical keys, software UUIDs, providers with
their own NIT and DV); render_mono(): pages of monospaced lines (runs of
regular / bold / grey text) printed by Chromium (<pre>), groff (no-fill
Courier) or Canvas12 (Courier, for Ghostscript and mutool), with a header and
a 'n / N' footer on every page; and Flow: a small block model (headings,
wrapped paragraphs, label / value grids, tables, single unwrapped lines,
seals, page breaks) with the same three back-ends (HTML with @page margin
boxes, troff + tbl with a header / footer trap, Canvas12 with its own
pagination)."""
import datetime as dt
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
IND = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(IND, "gen14"))

from common14 import *  # noqa: F401,F403,E402
from common14 import (Canvas12, E, ps_str, text_width, run, make_doc2, tweak_doc, truth, write_truth,  # noqa: E402,F401
                      nit_dv, add_months, d_slash, d_mon, chromium_pdf, kind_name, kind_code, req_name,
                      req_code, strip_accents, wrap_by, fmt_num, fmt_day12, tidy_prefixes, long_date,
                      date_forms, MES, DIAN_NIT, DIAN_DV, NBSP, groff_esc, PAPERS14, CSS_SIZE, bold,
                      legal_paragraphs, distractor_days)

OUT16 = os.environ.get("INDEP_OUT16", os.path.join(IND, "out16"))
BUILD16 = os.environ.get("INDEP_BUILD16", os.path.join(IND, "build16"))

PAPERS16 = dict(PAPERS14)
PAPERS16.update({"LegalL": (1008, 612), "HalfLetter": (396, 612)})
CSS16 = dict(CSS_SIZE)
CSS16.update({"LegalL": "legal landscape", "HalfLetter": "5.5in 8.5in"})
# groff: page length, page width (points), -P paper option
GROFF16 = {"Letter": ("11i", 612, "-P-pletter"), "A4": ("29.7c", 595, "-P-pa4"),
           "Legal": ("14i", 612, "-P-plegal"), "A5": ("21c", 420, "-P-pa5"),
           "LetterL": ("8.5i", 792, "-P-pletter -P-l"), "A4L": ("21c", 842, "-P-pa4 -P-l"),
           "HalfLetter": ("8.5i", 396, "-P-p8.5i,5.5i")}

PRODUCERS = ["chromium", "groff", "gs", "mutool"]

# ------------------------------------------------------------------ dates
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre"]

DATE16 = ["iso", "slash", "ymd", "dot", "mon", "words", "abbr", "abbr-nodot", "en-long", "en-dmy", "en-abbr",
          "iso-t", "iso-tz", "iso-z0"]


def fmt_date16(day, style):
    """iso 2025-03-03 | slash 03/03/2025 | ymd 2025/03/03 | dot 03.03.2025 |
    mon 03-MAR-2025 | words 3 de marzo de 2025 | abbr 3 mar. 2025 |
    abbr-nodot 3 mar 2025 | en-long March 3, 2025 | en-dmy 3 March 2025 |
    en-abbr Mar 3, 2025 | iso-t 2025-03-03T00:00:00 | iso-tz 2025-03-03T00:00:00-05:00 |
    iso-z0 2025-03-03T00:00:00.000"""
    if style in ("iso", "slash", "ymd", "dot", "mon", "words", "abbr"):
        return fmt_day12(day, style)
    if style == "abbr-nodot":
        return f"{day.day} {MES[day.month - 1].lower()} {day.year}"
    if style == "en-long":
        return f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}"
    if style == "en-dmy":
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    if style == "en-abbr":
        return f"{MONTHS_EN[day.month - 1][:3]} {day.day}, {day.year}"
    if style == "iso-t":
        return f"{day.isoformat()}T00:00:00"
    if style == "iso-tz":
        return f"{day.isoformat()}T00:00:00-05:00"
    if style == "iso-z0":
        return f"{day.isoformat()}T00:00:00.000"
    raise ValueError(style)


def date_forms16(day):
    """every string fmt_date16 (and fmt_day12) may print for this day"""
    return {fmt_date16(day, s) for s in DATE16} | set(date_forms(day))


def en_time(t):
    h = t.hour % 12 or 12
    return f"{h}:{t.minute:02d}:{t.second:02d} {'a.m.' if t.hour < 12 else 'p.m.'}"


def grp(n, sep):
    """thousands grouping with '.', ',', ' ' (a plain space) or '' (none)"""
    return fmt_num(n, sep) if sep else str(n)


# ------------------------------------------------------------------ identifiers that are not values
def hexkey(rng, n=64, upper=False):
    s = "".join(rng.choice("0123456789abcdef") for _ in range(n))
    return s.upper() if upper else s


def uuid(rng):
    h = hexkey(rng, 32)
    h = h[:12] + "4" + h[13:16] + rng.choice("89ab") + h[17:]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


PROVIDERS16 = [
    # (legal name, platform, API host, urn word)
    ("NUBE FISCAL COLOMBIA S.A.S.", "NubeFiscal API", "api.nubefiscal.co", "nubefiscal"),
    ("FACTURACIÓN INTEGRADA DEL CARIBE S.A.S.", "FIC Conecta", "conecta.fic.com.co", "fic"),
    ("DOCUMENTA ELECTRÓNICA S.A.S.", "Documenta FE", "ws.documenta.com.co", "documenta"),
    ("EMISORES DIGITALES ANDINOS S.A.S.", "EmiDigital", "api.emidigital.co", "emidigital"),
    ("SOFTWARE CONTABLE SUMATORIA LTDA.", "Sumatoria ERP", "fe.sumatoria.com.co", "sumatoria"),
    ("PASARELA TRIBUTARIA S.A.S.", "PasaFE", "api.pasafe.co", "pasafe"),
]


def other_nit(rng, avoid):
    while True:
        n = rng.choice(["900", "901", "830", "860"]) + "".join(rng.choice("0123456789") for _ in range(6))
        if n not in avoid and n != DIAN_NIT:
            return n, nit_dv(n)


def other_number(d, rng):
    while True:
        n = "1876" + "".join(rng.choice("0123456789") for _ in range(len(d.number) - 4))
        if n != d.number:
            return n


def later_moment(d, rng, lo=2, hi=420):
    """a date-time after the stamp that is no validity date of any range"""
    taken = {r.valid_from for r in d.ranges} | {r.valid_to for r in d.ranges}
    while True:
        m = d.stamp + dt.timedelta(days=rng.randrange(lo, hi), hours=rng.randrange(0, 12),
                                   minutes=rng.randrange(60), seconds=rng.randrange(60))
        if m.date() not in taken and (m + dt.timedelta(hours=5)).date() not in taken:
            return m


def latin1(s):
    """Canvas text must be Latin-1: typographic dashes and arrows become ASCII"""
    return (s.replace("\u2013", "-").replace("\u2014", "-").replace("\u2192", "->").replace("\u2026", "...")
            .replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
            .replace("\u2610", "[ ]").replace("\u2612", "[X]"))


# ------------------------------------------------------------------ monospaced pages
MONO_HTML = {"nimbus": "'Nimbus Mono PS', monospace", "dejavu": "'DejaVu Sans Mono', monospace",
             "noto": "'Noto Sans Mono', monospace"}
MONO_ADV = {"nimbus": 0.6, "dejavu": 0.602, "noto": 0.6, "courier": 0.6}


def mono_size(maxlen, width, face="courier", cap=9.0, floor=5.2):
    """the largest size (0.1 pt steps) at which maxlen characters fit width"""
    s = width / (max(maxlen, 1) * MONO_ADV[face] * 1.02)
    return max(floor, min(cap, int(s * 10) / 10))


def paginate(lines, per_page):
    return [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]


def render_mono(producer, pages, paper, size, face, tmp_pdf, btmp, header=None, footer=None, lead=1.22,
                margin=36):
    """pages: list of pages, a page a list of lines, a line a list of runs
    (text, style) with style '' | 'b' (bold) | 'g' (grey). header(p, n) /
    footer(p, n) return a string (or None) printed above / below the lines
    at a smaller size. The lines are never wrapped: the caller picks `size`
    so that the longest one fits."""
    n = len(pages)
    W, H = PAPERS16[paper]
    vs = size * lead
    if producer in ("gs", "mutool"):
        c = Canvas12("ps" if producer == "gs" else "mu")
        cw = size * 0.6
        for p, lines in enumerate(pages, 1):
            c.page(W, H)
            y = margin + 4
            if header:
                hs = header(p, n)
                if hs:
                    c.font("Courier", max(5, size - 1))
                    c.gray(0.35)
                    c.text(margin, y, latin1(hs))
                    c.gray(0)
                    c.line(margin, y + 3, W - margin, y + 3, lw=0.4)
                    y += size + 8
            y += size
            for ln in lines:
                x = margin
                for t, st in ln:
                    if not t:
                        continue
                    c.font("Courier-Bold" if st == "b" else "Courier", size)
                    if st == "g":
                        c.gray(0.45)
                    c.text(x, y, latin1(t))
                    if st == "g":
                        c.gray(0)
                    x += cw * len(t)
                y += vs
            if footer:
                fs_ = footer(p, n)
                if fs_:
                    c.font("Courier", max(5, size - 1))
                    c.gray(0.35)
                    c.text(W - margin, H - margin + 10, latin1(fs_), "r")
                    c.gray(0)
        c.save(btmp, tmp_pdf)
        return
    if producer == "chromium":
        css = (f"@page {{ size: {W:g}pt {H:g}pt; margin: 0; }} body {{ margin: 0; }} "
               f".pg {{ width: {W:g}pt; height: {H - 1:g}pt; position: relative; break-after: page; overflow: hidden; }} "
               f".pg:last-child {{ break-after: auto; }} "
               f"pre {{ position: absolute; left: {margin:g}pt; top: {margin + size + 10:g}pt; margin: 0; "
               f"font-family: {MONO_HTML[face]}; font-size: {size:g}pt; line-height: {vs:.2f}pt; white-space: pre; }} "
               f".hd, .ft {{ position: absolute; font-family: {MONO_HTML[face]}; font-size: {max(5, size - 1):g}pt; "
               f"color: #595959; white-space: pre; }} "
               f".hd {{ left: {margin:g}pt; right: {margin:g}pt; top: {margin - 4:g}pt; border-bottom: 0.4pt solid #000; }} "
               f".ft {{ right: {margin:g}pt; top: {H - margin:g}pt; }} b {{ font-weight: bold; }} .g {{ color: #737373; }}")
        out = [f"<!doctype html><html lang=es><head><meta charset=utf-8><style>{css}</style></head><body>"]
        for p, lines in enumerate(pages, 1):
            out.append("<div class=pg>")
            if header and header(p, n):
                out.append(f"<div class=hd>{E(header(p, n))}</div>")
            body = []
            for ln in lines:
                parts = []
                for t, st in ln:
                    if st == "b":
                        parts.append(f"<b>{E(t)}</b>")
                    elif st == "g":
                        parts.append(f"<span class=g>{E(t)}</span>")
                    else:
                        parts.append(E(t))
                body.append("".join(parts))
            out.append("<pre>" + "\n".join(body) + "</pre>")
            if footer and footer(p, n):
                out.append(f"<div class=ft>{E(footer(p, n))}</div>")
            out.append("</div>")
        out.append("</body></html>")
        with open(btmp + ".html", "w", encoding="utf-8") as f:
            f.write("".join(out))
        chromium_pdf(os.path.abspath(btmp + ".html"), tmp_pdf)
        return
    # groff: explicit pages, no fill, Courier (CR / CB); grey through \m
    pl, pw, popt = GROFF16[paper]
    src = [".nh", ".kern 0", ".ad l", f".pl {pl}", f".ll {pw - 2 * margin:.0f}p", f".po {margin}p", ".nf",
           ".defcolor grey rgb 0.45 0.45 0.45", ".ft CR"]
    for p, lines in enumerate(pages, 1):
        if p > 1:
            src.append(".bp")
        src.append(f".sp |{margin - 4}p")
        if header and header(p, n):
            src += [f".ps {max(5, size - 1):g}", f".vs {max(5, size - 1) + 2:g}p",
                    f"\\m[grey]{groff_esc(header(p, n))}\\m[]", f"\\D'l {pw - 2 * margin:.0f}p 0'", ".sp 6p"]
        src += [f".ps {size:g}", f".vs {vs:.2f}p"]
        for ln in lines:
            parts = []
            for t, st in ln:
                t = groff_esc(t)
                if st == "b":
                    parts.append(f"\\f[CB]{t}\\f[CR]")
                elif st == "g":
                    parts.append(f"\\m[grey]{t}\\m[]")
                else:
                    parts.append(t)
            s = "".join(parts)
            src.append(s if s else "\\&")
        if footer and footer(p, n):
            src += [f".sp |{H - margin:.0f}p", f".ps {max(5, size - 1):g}", ".ad r", ".fi",
                    f"\\m[grey]{groff_esc(footer(p, n))}\\m[]", ".br", ".nf", ".ad l"]
    with open(btmp + ".tr", "w", encoding="utf-8") as f:
        f.write("\n".join(src) + "\n")
    groff_to_pdf(btmp + ".tr", tmp_pdf, popt)


def groff_to_pdf(tr, pdf, popt, macros=()):
    ps = tr[:-3] + ".ps"
    r = run(["groff", "-k", "-Tps", "-t", *macros, *popt.split(), tr])
    with open(ps, "wb") as f:
        f.write(r.stdout)
    run(["ps2pdf", ps, pdf])
    return r.stdout


# ------------------------------------------------------------------ Flow: a block model with three back-ends
CANVAS_FACE = {"sans": "Helvetica", "serif": "Times-Roman", "mono": "Courier"}
GROFF_FAM = {"sans": "H", "serif": "T", "mono": "C"}
HTML_FACE = {"sans": "'Nimbus Sans', 'DejaVu Sans', sans-serif", "serif": "'Nimbus Roman', 'DejaVu Serif', serif",
             "mono": "'Nimbus Mono PS', monospace"}


def metric_font(face, b=False):
    f = CANVAS_FACE[face]
    return bold(f) if b else f


class Flow:
    """blocks: ('h', text, rel, align) | ('p', text, rel, align, style) |
    ('kv', pairs, lw, ruled) | ('table', heads, rows, aligns, weights) |
    ('line', runs, rel, align) | ('seal', lines, shape, align) |
    ('space', pts) | ('rule',) | ('break',).
    rel: size relative to the base size; style '' | 'i' | 'b'; a run is (text, bold)."""

    def __init__(self):
        self.blocks = []

    def h(self, text, rel=2.5, align="l"):
        self.blocks.append(("h", text, rel, align))

    def p(self, text, rel=0, align="l", style=""):
        self.blocks.append(("p", text, rel, align, style))

    def kv(self, pairs, lw=0.42, ruled=True):
        self.blocks.append(("kv", pairs, lw, ruled))

    def table(self, heads, rows, aligns, weights):
        self.blocks.append(("table", heads, rows, aligns, weights))

    def line(self, runs, rel=0, align="l"):
        self.blocks.append(("line", runs, rel, align))

    def seal(self, lines, shape="box", align="r"):
        self.blocks.append(("seal", lines, shape, align))

    def space(self, pts):
        self.blocks.append(("space", pts))

    def rule(self):
        self.blocks.append(("rule",))

    def brk(self):
        self.blocks.append(("break",))


def line_width(runs, face, size):
    return sum(text_width(latin1(t), metric_font(face, b), size) for t, b in runs)


# --------------------------------------------- Canvas back-end
def _cv_wrap(s, face, b, size, width):
    return wrap_by(latin1(s), width, lambda t: text_width(t, metric_font(face, b), size))


def flow_canvas(flow, producer, paper, face, fs, tmp_pdf, btmp, margin=50, header=None, footer=None):
    W, H = PAPERS16[paper]
    c = Canvas12("ps" if producer == "gs" else "mu")
    TW = W - 2 * margin
    bottom = H - margin - 6
    st = {"y": 0}

    def new_page():
        c.page(W, H)
        st["y"] = margin
        if header:
            c.font(metric_font(face), fs - 2)
            c.gray(0.3)
            c.text(margin, margin - 14, latin1(header))
            c.gray(0)

    def need(h):
        if st["y"] + h > bottom:
            new_page()

    def text_at(y, s, size, b, align):
        c.font(metric_font(face, b), size)
        x = {"l": margin, "c": margin + TW / 2, "r": margin + TW}[align]
        c.text(x, y, s, align)

    new_page()
    for blk in flow.blocks:
        kind = blk[0]
        if kind == "break":
            new_page()
        elif kind == "space":
            st["y"] += blk[1]
        elif kind == "rule":
            need(6)
            c.line(margin, st["y"] + 2, margin + TW, st["y"] + 2, lw=0.6)
            st["y"] += 8
        elif kind in ("h", "p"):
            text, rel, align = blk[1], blk[2], blk[3]
            b = kind == "h" or (kind == "p" and blk[4] == "b")
            size = fs + rel
            for ln in _cv_wrap(text, face, b, size, TW):
                need(size * 1.3)
                st["y"] += size
                text_at(st["y"], ln, size, b, "l" if align == "j" else align)
                st["y"] += size * 0.3
            st["y"] += size * 0.5
        elif kind == "line":
            runs, rel, align = blk[1], blk[2], blk[3]
            size = fs + rel
            need(size * 1.35)
            st["y"] += size
            w = line_width(runs, face, size)
            x = {"l": margin, "c": margin + (TW - w) / 2, "r": margin + TW - w}[align]
            for t, b in runs:
                c.font(metric_font(face, b), size)
                c.text(x, st["y"], latin1(t))
                x += text_width(latin1(t), metric_font(face, b), size)
            st["y"] += size * 0.4
        elif kind == "kv":
            pairs, lw, ruled = blk[1], blk[2], blk[3]
            LW = TW * lw
            for lab, val in pairs:
                ll = _cv_wrap(lab, face, False, fs - 0.5, LW - 8)
                vl = _cv_wrap(val, face, True, fs, TW - LW - 8) if val else [""]
                h = max(len(ll) * (fs + 1.5), len(vl) * (fs + 2.5)) + 6
                need(h)
                y0 = st["y"]
                if ruled:
                    c.rect(margin, y0, LW, h, lw=0.5, fill=0.93)
                    c.rect(margin + LW, y0, TW - LW, h, lw=0.5)
                c.font(metric_font(face), fs - 0.5)
                yy = y0 + 3 + fs - 1
                for ln in ll:
                    c.text(margin + 4, yy, ln)
                    yy += fs + 1.5
                c.font(metric_font(face, True), fs)
                yy = y0 + 3 + fs - 1
                for ln in vl:
                    c.text(margin + LW + 4, yy, ln)
                    yy += fs + 2.5
                st["y"] = y0 + h
            st["y"] += 6
        elif kind == "table":
            heads, rows, aligns, weights = blk[1:]
            widths, hs, bs = fit_table(heads, rows, weights, face, fs - 1, fs - 0.5, TW)
            xs = [margin]
            for wd in widths[:-1]:
                xs.append(xs[-1] + wd)

            def head_row():
                hl = [_cv_wrap(h, face, True, hs, wd - 5) for h, wd in zip(heads, widths)]
                hh = max(len(q) for q in hl) * (hs + 1.5) + 6
                need(hh + bs * 2 + 8)
                y0 = st["y"]
                c.rect(margin, y0, TW, hh, lw=0, fill=0.88)
                for q, x, wd in zip(hl, xs, widths):
                    c.rect(x, y0, wd, hh, lw=0.5)
                    yy = y0 + 3 + hs
                    c.font(metric_font(face, True), hs)
                    for ln in q:
                        c.text(x + wd / 2, yy, ln, "c")
                        yy += hs + 1.5
                st["y"] = y0 + hh

            head_row()
            for r in rows:
                cl = [_cv_wrap(s, face, False, bs, wd - 6) if s else [""] for s, wd in zip(r, widths)]
                rh = max(len(q) for q in cl) * (bs + 2) + 6
                if st["y"] + rh > bottom:
                    new_page()
                    head_row()
                y0 = st["y"]
                c.font(metric_font(face), bs)
                for q, x, wd, al in zip(cl, xs, widths, aligns):
                    c.rect(x, y0, wd, rh, lw=0.5)
                    yy = y0 + 3 + bs
                    for ln in q:
                        tx = {"l": x + 3, "r": x + wd - 3, "c": x + wd / 2}[al]
                        c.text(tx, yy, ln, al)
                        yy += bs + 2
                st["y"] = y0 + rh
            st["y"] += 8
        elif kind == "seal":
            lines, shape, align = blk[1], blk[2], blk[3]
            size = fs - 1
            wl = max(text_width(latin1(s), metric_font(face, True), size) for s in lines)
            if shape == "circle":
                R = max(wl / 2 + 10, len(lines) * (size + 2) / 2 + 12)
                need(2 * R + 8)
                cx = {"l": margin + R, "c": margin + TW / 2, "r": margin + TW - R}[align]
                cy = st["y"] + R + 2
                c.circle(cx, cy, R, lw=1.2)
                c.circle(cx, cy, R - 3.5, lw=0.4)
                yy = cy - len(lines) * (size + 2) / 2 + size
                for i, s in enumerate(lines):
                    c.font(metric_font(face, i == 0), size)
                    c.text(cx, yy, latin1(s), "c")
                    yy += size + 2
                st["y"] = cy + R + 8
            else:
                bw, bh = wl + 16, len(lines) * (size + 2) + 10
                need(bh + 8)
                x0 = {"l": margin, "c": margin + (TW - bw) / 2, "r": margin + TW - bw}[align]
                c.rect(x0, st["y"], bw, bh, lw=1.1)
                c.rect(x0 + 2.5, st["y"] + 2.5, bw - 5, bh - 5, lw=0.4)
                yy = st["y"] + 5 + size
                for i, s in enumerate(lines):
                    c.font(metric_font(face, i == 0), size)
                    c.text(x0 + bw / 2, yy, latin1(s), "c")
                    yy += size + 2
                st["y"] += bh + 8
    n = len(c.pages)
    if footer:
        for i, (w_, h_, cmds, *_rest) in enumerate(c.pages, 1):
            c.cur = cmds
            c.W, c.H = w_, h_
            c.font(metric_font(face), fs - 2)
            c.text(margin + TW / 2, H - margin + 16, latin1(footer.format(p=i, n=n)), "c")
    c.save(btmp, tmp_pdf)
    return n


def fit_table(heads, rows, weights, face, hs, bs, TW):
    """column widths proportional to weights, none narrower than its longest
    word (header) or its widest cell; shrinks the type until the table fits"""
    while True:
        mins = []
        for j in range(len(heads)):
            hw = max([text_width(latin1(w), metric_font(face, True), hs) for w in heads[j].split()] + [0])
            bw = max([text_width(latin1(w), metric_font(face), bs) for r in rows for w in r[j].split()] + [0])
            mins.append(max(hw, bw) + 9)
        if sum(mins) <= TW or bs < 5:
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


# --------------------------------------------- HTML back-end
def flow_html(flow, paper, face, fs, tmp_pdf, btmp, margin_mm=16, header=None, footer=None, html_face=None):
    fam = html_face or HTML_FACE[face]
    foot = ""
    if footer:
        ft = footer.replace('"', '\\"').replace("{p}", '" counter(page) "').replace("{n}", '" counter(pages) "')
        foot = f'@bottom-center {{ content: "{ft}"; font-family: {fam}; font-size: {fs - 2}pt; }}'
    head = ""
    if header:
        head = (f'@top-left {{ content: "{header.replace(chr(34), chr(92) + chr(34))}"; font-family: {fam}; font-size: {fs - 2}pt; '
                f'color: #4d4d4d; }}')
    css = f"""@page {{ size: {CSS16[paper]}; margin: {margin_mm}mm; {foot} {head} }}
* {{ box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ font-family: {fam}; font-size: {fs}pt; margin: 0; line-height: 1.25; }}
h1, h2 {{ margin: 1.5mm 0 1.5mm; line-height: 1.2; }}
p {{ margin: 0 0 2mm; }} .j {{ text-align: justify; }} .c {{ text-align: center; }} .r {{ text-align: right; }}
.i {{ font-style: italic; }} .b {{ font-weight: bold; }}
table {{ border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; }}
.kv td {{ border: 0.5pt solid #000; padding: 0.8mm 1.5mm; vertical-align: top; }}
.kv td.l {{ background: #eeeeee; font-size: {fs - 0.5}pt; }} .kv td.v {{ font-weight: bold; }}
.kv.bare td {{ border: none; background: none; padding: 0.3mm 1.5mm 0.3mm 0; }}
.tb th {{ border: 0.5pt solid #000; background: #e0e0e0; font-size: {fs - 1}pt; padding: 0.8mm 1mm; }}
.tb td {{ border: 0.5pt solid #000; padding: 0.8mm 1.2mm; font-size: {fs - 0.5}pt; }}
.tb td.r {{ text-align: right; white-space: nowrap; }} .tb td.c {{ text-align: center; white-space: nowrap; }}
.ln {{ white-space: pre; margin: 0 0 0.6mm; }}
.seal {{ display: inline-block; border: 1.1pt double #000; padding: 1.5mm 3mm; text-align: center; font-size: {fs - 1}pt; }}
.seal.circle {{ border-radius: 50%; padding: 9mm 6mm; }}
.sealrow {{ margin: 2mm 0 3mm; }}
hr {{ border: none; border-top: 0.6pt solid #000; margin: 1.5mm 0 2mm; }}
.brk {{ break-before: page; }}
"""
    out = [f"<!doctype html><html lang=en><head><meta charset=utf-8><style>{css}</style></head><body>"]
    for blk in flow.blocks:
        kind = blk[0]
        if kind == "break":
            out.append("<div class=brk></div>")
        elif kind == "space":
            out.append(f"<div style='height:{blk[1]:g}pt'></div>")
        elif kind == "rule":
            out.append("<hr>")
        elif kind == "h":
            out.append(f"<h2 class={blk[3]} style='font-size:{fs + blk[2]:g}pt'>{E(blk[1])}</h2>")
        elif kind == "p":
            cls = " ".join(x for x in [blk[3], blk[4]] if x)
            st = f" style='font-size:{fs + blk[2]:g}pt'" if blk[2] else ""
            out.append(f"<p class='{cls}'{st}>{E(blk[1])}</p>")
        elif kind == "line":
            runs = "".join(f"<b>{E(t)}</b>" if b else E(t) for t, b in blk[1])
            st = f" style='font-size:{fs + blk[2]:g}pt'" if blk[2] else ""
            out.append(f"<div class='ln {blk[3]}'{st}>{runs}</div>")
        elif kind == "kv":
            pairs, lw, ruled = blk[1:]
            rows = "".join(f"<tr><td class=l style='width:{lw * 100:.0f}%'>{E(a)}</td><td class=v>{E(b) or '&nbsp;'}</td></tr>"
                           for a, b in pairs)
            out.append(f"<table class='kv{'' if ruled else ' bare'}'>{rows}</table>")
        elif kind == "table":
            heads, rows, aligns, weights = blk[1:]
            tot = sum(weights)
            th = "".join(f"<th style='width:{100 * w / tot:.1f}%'>{E(h)}</th>" for h, w in zip(heads, weights))
            body = "".join("<tr>" + "".join(f"<td class={a}>{E(s)}</td>" for s, a in zip(r, aligns)) + "</tr>"
                           for r in rows)
            out.append(f"<table class=tb><tr>{th}</tr>{body}</table>")
        elif kind == "seal":
            lines, shape, align = blk[1:]
            inner = "<br>".join(f"<b>{E(s)}</b>" if i == 0 else E(s) for i, s in enumerate(lines))
            out.append(f"<div class='sealrow {align}'><div class='seal {shape}'>{inner}</div></div>")
    out.append("</body></html>")
    with open(btmp + ".html", "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    chromium_pdf(os.path.abspath(btmp + ".html"), tmp_pdf)


# --------------------------------------------- troff back-end
GROFF_MET = {"H": ("Helvetica", 1.0), "T": ("Times-Roman", 1.0), "C": ("Courier", 1.0)}


def flow_groff(flow, paper, face, fs, tmp_pdf, btmp, margin=54, header=None, footer=None):
    pl, pw, popt = GROFF16[paper]
    fam = GROFF_FAM[face]
    ll = pw - 2 * margin
    hdr = groff_esc(header or "").replace("'", "\\(aq")
    ftr = groff_esc(footer or "")

    def build(total):
        f = ftr.replace("{p}", "%").replace("{n}", str(total))
        src = [".nh", ".kern 0", ".ad l", f".pl {pl}", f".ll {ll:.0f}p", f".lt {ll:.0f}p", f".po {margin}p", f".fam {fam}",
               f".ps {fs}", f".vs {fs * 1.25:.1f}p",
               ".de HD", f"'sp |{margin - 22}p", f".ps {fs - 2}", f".tl '{hdr}'''", f".ps {fs}", f"'sp |{margin}p", "..",
               ".de FO", f"'sp |{float(pl[:-1]) * (72 if pl.endswith('i') else 72 / 2.54) - margin + 16:.0f}p",
               f".ps {fs - 2}", f".tl ''{f}''", f".ps {fs}", "'bp", "..",
               ".wh 0 HD", f".wh -{margin + 4}p FO"]
        for blk in flow.blocks:
            kind = blk[0]
            if kind == "break":
                src.append(".bp")
            elif kind == "space":
                src.append(f".sp {blk[1]:g}p")
            elif kind == "rule":
                src += [f"\\D'l {ll:.0f}p 0'", ".sp 4p"]
            elif kind in ("h", "p"):
                text, rel, align = blk[1], blk[2], blk[3]
                style = "b" if kind == "h" else blk[4]
                size = fs + rel
                ad = {"l": ".ad l", "j": ".ad b", "c": ".ad c", "r": ".ad r"}[align]
                ftag = {"b": "\\fB", "i": "\\fI", "": ""}[style]
                src += [ad, f".ps {size:g}", f".vs {size * 1.25:.1f}p", ftag + groff_esc(text) + ("\\fP" if ftag else ""),
                        ".br", f".ps {fs}", f".vs {fs * 1.25:.1f}p", ".ad l", f".sp {size * 0.5:.1f}p"]
            elif kind == "line":
                runs, rel, align = blk[1], blk[2], blk[3]
                size = fs + rel
                s = "".join(("\\fB" + groff_esc(t) + "\\fP") if b else groff_esc(t) for t, b in runs)
                s = s.replace(" ", "\\ ")
                src += [".nf", {"l": "", "c": ".ce 1", "r": ".rj 1"}[align], f".ps {size:g}", s or "\\&",
                        f".ps {fs}", ".fi"]
                src = [x for x in src if x != ""]
            elif kind == "kv":
                pairs, lw, ruled = blk[1:]
                w1 = ll * lw - 14
                w2 = ll * (1 - lw) - 22
                src += [".TS", ("allbox" if ruled else "") + " tab(|);", f"lw({w1:.0f}p) lbw({w2:.0f}p)."]
                for a, b in pairs:
                    src.append(f"T{{\n{groff_esc(a)}\nT}}|T{{\n{groff_esc(b) or chr(92) + '&'}\nT}}")
                src += [".TE", ".sp 4p"]
            elif kind == "table":
                heads, rows, aligns, weights = blk[1:]
                met = GROFF_MET[fam][0]
                gap = 3 * fs / 2 + 2
                avail = ll - gap * (len(heads) - 1) - 14
                fface = {"Helvetica": "sans", "Times-Roman": "serif", "Courier": "mono"}[met]
                widths, hs, bs = fit_table(heads, rows, weights, fface, fs - 1, fs - 0.5, avail)
                src += [".TS", "allbox tab(|);",
                        " ".join(f"cbw({w:.0f}p)" for w in widths),
                        " ".join(f"{a}w({w:.0f}p)" for a, w in zip(aligns, widths)) + "."]
                src.append("|".join(f"T{{\n\\s[{hs:.1f}]{groff_esc(h)}\\s0\nT}}" for h in heads))
                for r in rows:
                    src.append("|".join(f"T{{\n\\s[{bs:.1f}]{groff_esc(s)}\\s0\nT}}" if s else "\\&" for s in r))
                src += [".TE", ".sp 6p"]
            elif kind == "seal":
                lines, shape, align = blk[1:]
                pos = {"l": "", "c": "center", "r": "center"}[align]
                src += [".TS", f"box {pos} tab(|);".replace("  ", " "), "cb", "c."]
                src += [groff_esc(s) for s in lines]
                src += [".TE", ".sp 6p"]
        return "\n".join(src) + "\n"

    src = build(1)
    with open(btmp + ".tr", "w", encoding="utf-8") as fh:
        fh.write(src)
    ps = groff_to_pdf(btmp + ".tr", tmp_pdf, popt)
    total = ps.count(b"%%Page:")
    if "{n}" in (footer or "") and total != 1:
        with open(btmp + ".tr", "w", encoding="utf-8") as fh:
            fh.write(build(total))
        groff_to_pdf(btmp + ".tr", tmp_pdf, popt)
    return total


def render_flow(producer, flow, paper, face, fs, tmp_pdf, btmp, header=None, footer=None, html_face=None,
                margin=None):
    """margin in points (the same on every side); None: each back-end's default"""
    if producer == "chromium":
        mm = {} if margin is None else {"margin_mm": round(margin * 25.4 / 72, 1)}
        return flow_html(flow, paper, face, fs, tmp_pdf, btmp, header=header, footer=footer, html_face=html_face, **mm)
    if producer == "groff":
        mm = {} if margin is None else {"margin": margin}
        return flow_groff(flow, paper, face, fs, tmp_pdf, btmp, header=header, footer=footer, **mm)
    mm = {} if margin is None else {"margin": margin}
    return flow_canvas(flow, producer, paper, face, fs, tmp_pdf, btmp, header=header, footer=footer, **mm)
