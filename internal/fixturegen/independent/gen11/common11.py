"""Eleventh batch: shared helpers on top of ../gen10/common10.py (which chains
gen8, gen6, gen4, gen3, gen2 and gen: document model, truth format, NIT check
digit, dates, producers, Canvas3 / Canvas10 for Ghostscript and mutool).
Standard library only.

Adds: output paths (out11, sources in build11); number and date formats of
this batch (grouping with '.', ',', a plain space, a no-break space or none;
ISO, dd/mm/aaaa, '3 de marzo de 2025'); the shared content of the
authorization (taxpayer items with box numbers, ranges-table columns and
cells, reception-stamp strings) for HTML and canvas renderers; older
authorizations of the same taxpayer (history entries, never part of the
truth); a signer with a cedula; a later print moment; and Canvas11, a Canvas10
with RGB colour and CONSTANT ALPHA (Ghostscript: .setfillconstantalpha under
-dALLOWPSTRANSPARENCY; mutool: an ExtGState '/GSnn gs' added to every page
after `mutool create` by a small `mutool run` script), plus rotated,
semi-transparent watermark text drawn at the current point of the content
stream."""
import datetime as dt
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
IND = os.path.dirname(HERE)
for sub in ("gen10", "gen8", "gen6", "gen4", "gen3", "gen2", "gen"):
    sys.path.insert(0, os.path.join(IND, sub))

from common10 import *  # noqa: F401,F403,E402
from common10 import (Canvas10, ps_str, text_width, run, fmt_sep, make_doc2, tweak_doc,  # noqa: E402,F401
                      truth, write_truth, nit_dv, add_months, d_slash, d_mon, html_escape,
                      chromium_pdf, kind_name, kind_code, req_name, req_code, strip_accents,
                      name_fields, PAPERS, wrap_text, legal_paragraphs, groff_pdf, groff_esc,
                      NBSP, THIN, NNBSP, DIAN_NIT, DIAN_DV, wrap_by)
from common import Range, labels, PREFIX_POOL  # noqa: E402,F401
from common2 import long_date, MONTHS_ES  # noqa: E402,F401
from common4 import canvas_table, fit_widths, wrap_cell  # noqa: E402,F401
from common8 import other_number, SIGNERS, title_name  # noqa: E402,F401
from draw import BASE14, PS_PROLOGUE  # noqa: E402

OUT11 = os.environ.get("INDEP_OUT11", os.path.join(IND, "out11"))
BUILD11 = os.environ.get("INDEP_BUILD11", os.path.join(IND, "build11"))

E = html_escape

# grouping separators of this batch: '.', ',', plain space, no-break space, none
SEPS = [".", ".", ",", " ", NBSP, ""]
DATE_STYLES = ["iso", "slash", "words"]


def fmt_num(n, sep):
    return fmt_sep(n, sep) if sep else str(n)


def fmt_day(day, style):
    """iso | slash (dd/mm/aaaa) | words ('3 de marzo de 2025') | mon (03-MAR-2025)"""
    if style == "iso":
        return day.isoformat()
    if style == "slash":
        return d_slash(day)
    if style == "words":
        return long_date(day)
    if style == "mon":
        return d_mon(day)
    raise ValueError(style)


def time_str(t, style):
    return t.strftime("%I:%M:%S %p") if style == "ampm" else t.strftime("%H:%M:%S")


def sep_name(sep):
    return {".": "dot", ",": "comma", " ": "space", NBSP: "nbsp", "": "none"}[sep]


# ---------------------------------------------------------------------------
# the authorization's own content
def base_variant(rng):
    return {
        "labels": rng.choice(["std", "std", "abbrev", "upper", "noacc", "nodot", "dvlong"]),
        "mcase": rng.choice(["upper", "upper", "title", "noacc"]),
        "sep": rng.choice(SEPS),
        "date": rng.choice(DATE_STYLES),
        "time": rng.choice(["ampm", "24h"]),
        "date_cols": rng.random() < 0.5,
        "stamp_date": rng.choice(["iso", "iso", "same"]),  # 'same': the document's date style
    }


def applicant_items(d, L):
    """[(key, label, value)] in the official order (4, 1, 5, 6, 7-10 or 11, 12)"""
    items = [("number", L["number"], d.number), ("year", L["year"], d.year),
             ("nit", L["nit"], d.nit), ("dv", L["dv"], str(d.dv))]
    if d.natural:
        for k in ("ap1", "ap2", "n1", "n2"):
            items.append((k, L[k], getattr(d, k)))
    else:
        items.append(("rs", L["rs"], d.rs))
    items.append(("secc", L["secc"], d.secc))
    return items


def range_columns(L, v, extra=None):
    """[(key, header, weight, align)]; extra: {after_key: [(key, header, weight, align)]}"""
    cols = [("mod", L["mod"], 2.5, "l"), ("modcode", L["modcode"], 0.45, "c"),
            ("prefix", L["prefix"], 0.8, "c"), ("from", L["from"], 1.2, "r"),
            ("to", L["to"], 1.2, "r"), ("months", L["months"], 0.85, "c")]
    if v.get("date_cols"):
        cols += [("vf", L["vfrom"], 1.15, "c"), ("vt", L["vto"], 1.15, "c")]
    cols += [("req", L["req"], 1.45, "l"), ("reqcode", L["reqcode"], 0.45, "c")]
    if extra:
        out = []
        for c in cols:
            out.append(c)
            out += extra.get(c[0], [])
        cols = out
    return cols


def range_cell(r, key, v):
    if key == "mod":
        return kind_name(r.kind, v["mcase"])
    if key == "modcode":
        return str(kind_code(r.kind))
    if key == "prefix":
        return r.prefix
    if key == "from":
        return fmt_num(r.frm, v["sep"])
    if key == "to":
        return fmt_num(r.to, v["sep"])
    if key == "months":
        return str(r.months)
    if key == "vf":
        return fmt_day(r.valid_from, v["date"])
    if key == "vt":
        return fmt_day(r.valid_to, v["date"])
    if key == "req":
        return req_name(r.request, v["mcase"])
    if key == "reqcode":
        return str(req_code(r.request))
    if key == "qty":
        return fmt_num(r.to - r.frm + 1, v["sep"])
    raise KeyError(key)


def stamp_strings(d, v):
    """(date, time) printed inside the reception stamp"""
    st = "iso" if v.get("stamp_date", "iso") == "iso" else v["date"]
    return fmt_day(d.stamp.date(), st), time_str(d.stamp, v["time"])


def fill_prefixes(d, rng, keep_empty=0.3):
    """at most one range without prefix per document (kept with probability
    keep_empty); the others get an unused prefix of their modality"""
    used = {r.prefix for r in d.ranges if r.prefix}
    kept = False
    for r in d.ranges:
        if r.prefix:
            continue
        if not kept and rng.random() < keep_empty:
            kept = True
            continue
        pool = [p for p in PREFIX_POOL[r.kind] if p not in used] or [f"{PREFIX_POOL[r.kind][0][:2]}{len(used)}X"]
        r.prefix = rng.choice(pool)
        used.add(r.prefix)


# ---------------------------------------------------------------------------
# older authorizations of the same taxpayer (printed, never in the truth)
class HistEntry:
    def __init__(self, number, when, ranges, status, note=""):
        self.number, self.when, self.ranges, self.status, self.note = number, when, ranges, status, note


def make_history(d, rng, n):
    """n older authorizations, most recent first. Each has its own 1876 number
    (mostly of the same length), an earlier date-time, 1-2 ranges (often the
    same prefix as a current range with lower numbers) and a status:
    VENCIDA (validity over before the current one), REEMPLAZADA (still valid
    when the current one was granted), AGOTADA or INHABILITADA."""
    cur = d.stamp
    used_numbers = {d.number}
    out = []
    when = cur
    cur_prefixes = [r for r in d.ranges if r.prefix]
    for i in range(n):
        when = when - dt.timedelta(days=rng.randrange(150, 720), minutes=rng.randrange(0, 1440))
        while True:
            num = other_number(d, rng) if rng.random() < 0.8 else "1876" + "".join(
                rng.choice("0123456789") for _ in range(rng.choice([10, 11, 12])))
            if num not in used_numbers:
                break
        used_numbers.add(num)
        rs = []
        taken = set()
        for j in range(rng.choice([1, 1, 1, 2])):
            likes = [r for r in cur_prefixes if r.prefix not in taken]
            if likes and rng.random() < 0.6:
                like = rng.choice(likes)
                kind, prefix = like.kind, like.prefix
                top = max(like.frm - 1, 0)
                size = rng.choice([500, 1000, 2000, 5000, 10000])
                if size <= top <= 100000:
                    frm, to = top - size + 1, top   # the current range continues this one
                else:
                    frm, to = 1, size
            else:
                kind = rng.choice(["electronic-invoice", "electronic-invoice", "support-document", "pos",
                                   "paper", "computer", "equivalent-document"])
                prefix = rng.choice([p for p in PREFIX_POOL[kind] if p not in taken])
                frm = rng.choice([1, 1, 1001, 5001])
                to = frm - 1 + rng.choice([500, 1000, 2000, 5000, 10000, 50000])
            months = rng.choice([24, 24, 12, 12, 6, 18])
            vf = when.date()
            req = rng.choice(["authorization"] * 5 + ["enablement"])
            taken.add(prefix)
            rs.append(Range(kind, prefix, frm, to, months, vf, add_months(vf, months), req))
        vt = max(r.valid_to for r in rs)
        if vt < cur.date():
            status = rng.choice(["VENCIDA", "VENCIDA", "VENCIDA", "AGOTADA"])
        else:
            status = rng.choice(["REEMPLAZADA", "REEMPLAZADA", "INHABILITADA"])
        out.append(HistEntry(num, when, rs, status))
    return out


# ---------------------------------------------------------------------------
CC_CITIES = ["Bogotá D.C.", "Medellín", "Cali", "Barranquilla", "Bucaramanga", "Pereira", "Cúcuta",
             "Manizales", "Ibagué", "Pasto", "Neiva", "Villavicencio"]
ROLES_CO = ["Representante legal", "Representante legal suplente", "Contador público", "Revisor fiscal",
            "Apoderado"]


def signer(d, rng):
    """(name, cedula digits, role, city). A natural person signs himself (his
    cedula is his NIT); a company's representative has his own cedula."""
    if d.natural and rng.random() < 0.7:
        name = " ".join(x for x in [d.n1, d.n2, d.ap1, d.ap2] if x)
        return title_name(name), d.nit, "Contribuyente", rng.choice(CC_CITIES)
    name = rng.choice(SIGNERS)
    cc = rng.choice(["79", "80", "52", "1010", "1020", "43", "71", "16"])
    cc += "".join(rng.choice("0123456789") for _ in range(10 - len(cc) - rng.choice([0, 0, 2])))
    return name, cc, rng.choice(ROLES_CO), rng.choice(CC_CITIES)


def later(d, rng, lo=1, hi=400):
    return d.stamp + dt.timedelta(days=rng.randrange(lo, hi), minutes=rng.randrange(0, 1440),
                                  seconds=rng.randrange(60))


def radicado(rng, when):
    """a DIAN-style filing number: year + office + sequence, never starting with 1876"""
    return f"{when.year}{rng.choice(['ER', 'EE', ''])}{rng.randrange(10 ** 9, 10 ** 10)}"


# ---------------------------------------------------------------------------
ADD_GS_JS = r"""
var doc = new PDFDocument(scriptArgs[0]);
var n = doc.countPages();
for (var i = 0; i < n; i++) {
  var page = doc.findPage(i);
  var res = page.get("Resources");
  var eg = doc.newDictionary();
  for (var k = 2; k < scriptArgs.length; k++) {
    var a = doc.newDictionary();
    a.put("Type", doc.newName("ExtGState"));
    a.put("ca", parseFloat(scriptArgs[k]) / 100);
    a.put("CA", parseFloat(scriptArgs[k]) / 100);
    eg.put("GS" + scriptArgs[k], doc.addObject(a));
  }
  res.put("ExtGState", eg);
}
doc.save(scriptArgs[1], "compress");
"""


class Canvas11(Canvas10):
    """Canvas10 + rgb colour + constant alpha + watermark text at the current
    point of the content stream (so it can sit between a label and its value)."""

    def __init__(self, kind):
        super().__init__(kind)
        self.alphas = set()

    def rgb(self, r, g, b):
        self.cur.append(f"{r:g} {g:g} {b:g} setrgbcolor" if self.kind == "ps"
                        else f"{r:g} {g:g} {b:g} rg {r:g} {g:g} {b:g} RG")

    def alpha(self, a):
        """constant alpha for fill and stroke until the enclosing q/Q (gsave/grestore)"""
        pct = int(round(a * 100))
        if self.kind == "ps":
            self.cur.append(f"{pct / 100:g} .setfillconstantalpha {pct / 100:g} .setstrokeconstantalpha")
        else:
            self.alphas.add(pct)
            self.cur.append(f"/GS{pct} gs")

    def wm(self, cx, cy, s, font, size, deg, alpha, color=(0.5, 0.5, 0.5), outline=False, align="c"):
        """text s centred (align 'c') or left-aligned at (cx, cy) (top-left coords, baseline),
        rotated by deg about that point, in the given colour and alpha; state restored after"""
        prev = (self.fontname, self.size)
        self.rot_begin(cx, cy, deg)
        self.alpha(alpha)
        self.rgb(*color)
        self.font(font, size)
        w = self.width(s)
        x = cx - w / 2 if align == "c" else cx
        Y = self.H - cy
        if outline:
            if self.kind == "ps":
                self.cur.append(f"newpath {x:.2f} {Y:.2f} moveto {ps_str(s)} true charpath "
                                "1.2 setlinewidth stroke")
            else:
                f = BASE14[self.fontname]
                self.cur.append(f"BT 1 Tr 1.2 w /{f} {size:g} Tf {x:.2f} {Y:.2f} Td {ps_str(s)} Tj 0 Tr ET")
        else:
            self.text(x, cy, s, "l")
        self.rot_end(None)  # grestore / Q bring the font back in the output; resync our state only
        self.fontname, self.size = prev

    def capture(self, fn):
        """run fn() and return the commands it drew instead of appending them to the page,
        so a caller can splice them anywhere into the page's content stream"""
        saved, self.cur = self.cur, []
        state = (self.fontname, self.size)
        try:
            fn()
            return "\n".join(self.cur)
        finally:
            self.cur = saved
            self.fontname, self.size = state

    def save(self, src_stem, pdf_path):
        if self.kind == "ps":
            parts = [PS_PROLOGUE]
            for i, (w, h, cmds, rot, side) in enumerate(self.pages, 1):
                parts.append(f"%%Page: {i} {i}\n<< /PageSize [{w:g} {h:g}] >> setpagedevice\n")
                parts.append("0 setgray\n" + "\n".join(cmds) + "\nshowpage\n")
            parts.append("%%EOF\n")
            ps = src_stem + ".ps"
            with open(ps, "wb") as f:
                f.write("".join(parts).encode("latin-1"))
            run(["ps2pdf", "-dALLOWPSTRANSPARENCY", "-dAutoRotatePages=/None", ps, pdf_path])
            return
        if not self.alphas:
            return super().save(src_stem, pdf_path)
        raw = src_stem + "-raw.pdf"
        super().save(src_stem, raw)
        js = src_stem + "-gs.js"
        with open(js, "w") as f:
            f.write(ADD_GS_JS)
        run(["mutool", "run", js, raw, pdf_path] + [str(p) for p in sorted(self.alphas)])


# ---------------------------------------------------------------------------
# canvas building blocks (top-left coordinates, y grows downwards)
def bold(f):
    return {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}.get(f, f)


def cv_header(c, x, y, w, L, F, fs, sub=None):
    """DIAN mark, title, subtitle, '1876' model box and a rule; returns next y"""
    FB = bold(F)
    c.font(FB, fs + 8)
    c.text(x, y + 17, "DIAN")
    c.font(FB, fs + 2.5)
    c.text(x + w / 2, y + 8, L["title"], "c")
    c.font(F, fs - 1.5)
    c.text(x + w / 2, y + 19, sub or L["subtitle"], "c")
    c.rect(x + w - 50, y - 2, 50, 25, lw=0.8)
    c.font(FB, fs + 6)
    c.text(x + w - 25, y + 16, "1876", "c")
    c.line(x, y + 28, x + w, y + 28, lw=1.1)
    return y + 38


def cv_band(c, x, y, w, s, F, fs):
    c.rect(x, y, w, fs + 7, lw=0, fill=0.87)
    c.font(bold(F), fs)
    c.text(x + 4, y + fs + 2, s)
    return y + fs + 7


def cv_cells(c, x, y, w, items, F, fs, hook=None, per_row=None):
    """taxpayer boxes: ruled cells, label on top, value below. items [(key, label, value)].
    hook(key, bx, by, bw, bh): called after the label and before the value is drawn."""
    FB = bold(F)
    rows = per_row or default_rows(items)
    h = fs * 2 + 11
    bykey = {k: (lab, val) for k, lab, val in items}
    for keys in rows:
        tot = sum(wt for _, wt in keys)
        xx = x
        # a long business name may wrap
        lines_by = {}
        for k, wt in keys:
            cw = w * wt / tot
            lines_by[k] = wrap_cell(bykey[k][1], FB, fs + 0.5, cw - 10) if bykey[k][1] else [""]
        nl = max(len(q) for q in lines_by.values())
        rh = h + (nl - 1) * (fs + 3)
        for k, wt in keys:
            cw = w * wt / tot
            lab, val = bykey[k]
            c.rect(xx, y, cw, rh, lw=0.6)
            c.font(F, fs - 1.5)
            c.text(xx + 3, y + fs - 0.5, lab)
            if hook:
                hook(k, xx, y, cw, rh)
            c.font(FB, fs + 0.5)
            for j, ln in enumerate(lines_by[k]):
                c.text(xx + 5, y + 2 * fs + 4 + j * (fs + 3), ln)
            xx += cw
        y += rh
    return y


def default_rows(items):
    keys = [k for k, _, _ in items]
    rows = [[("year", 1), ("number", 3), ("secc", 1.6)], [("nit", 3), ("dv", 0.7)]]
    if "rs" in keys:
        rows.append([("rs", 1)])
    else:
        rows.append([("ap1", 1), ("ap2", 1), ("n1", 1), ("n2", 1)])
    return rows


def cv_kvrows(c, x, y, w, items, F, fs, split=0.45, hook=None):
    """two-column ruled grid: label | value"""
    FB = bold(F)
    lw = w * split
    for k, lab, val in items:
        vl = wrap_cell(val, FB, fs, w - lw - 10) if val else [""]
        ll = wrap_cell(lab, F, fs - 0.5, lw - 8)
        rh = max(len(vl), len(ll)) * (fs + 3) + 6
        c.rect(x, y, lw, rh, lw=0.5)
        c.rect(x + lw, y, w - lw, rh, lw=0.5)
        c.font(F, fs - 0.5)
        for j, ln in enumerate(ll):
            c.text(x + 4, y + fs + 2 + j * (fs + 3), ln)
        if hook:
            hook(k, x, y, w, rh)
        c.font(FB, fs)
        for j, ln in enumerate(vl):
            c.text(x + lw + 5, y + fs + 2 + j * (fs + 3), ln)
        y += rh
    return y


def nowrap_numbers(cols, rows):
    """rows for width fitting only: in right-aligned (number) columns a grouping
    space counts as a digit, so the column is as wide as the whole number and
    '10 000' never wraps"""
    return [[s.replace(" ", "0").replace(NBSP, "0") if al == "r" else s for (_, _, _, al), s in zip(cols, r)]
            for r in rows]


def cv_table(c, x, y, w, cols, rows, F, fs, rules="grid", head_fill=0.9):
    """ranges (or other) table; cols [(key, header, weight, align)], rows: lists of strings.
    Shrinks the body font until the longest words fit. Returns next y."""
    head = [h for _, h, _, _ in cols]
    fit_rows = nowrap_numbers(cols, rows)
    bfs = fs
    widths = None
    while widths is None and bfs > 4:
        widths = fit_widths([wt for _, _, wt, _ in cols], head, fit_rows, F, bfs - 1.2, F, bfs, w, 3)
        if widths is None:
            bfs -= 0.4
    if widths is None:
        raise ValueError(f"table does not fit in {w:.0f} pt: {head}")
    return canvas_table(c, x, y, widths, head, rows, [a for _, _, _, a in cols], F, bold(F), bfs,
                        bfs - 1.2, 3, rules=rules, head_fill=head_fill, head_font=bold(F))


def cv_stamp(c, x, y, d, v, L, F, fs, shape="box"):
    """reception stamp at top-left (x, y); returns its bottom y"""
    sd, st = stamp_strings(d, v)
    FB = bold(F)
    if shape == "circle":
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
        c.text(cx, cy + 5 + fs + 2, st, "c")
        c.font(F, fs - 1.5)
        c.text(cx, cy + R - 14, L["signed"], "c")
        return y + 2 * R
    bw, bh = 170, 70
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


def cv_para(c, x, y, w, s, F, fs, lead=1.3, gray=0):
    if gray:
        c.gray(gray)
    c.font(F, fs)
    for ln in wrap_text(s, F, fs, w):
        y += fs * lead
        c.text(x, y, ln)
    if gray:
        c.gray(0)
    return y


# ---------------------------------------------------------------------------
# HTML building blocks
def html_page(paper, margin="14mm"):
    return {"Letter": "8.5in 11in", "A4": "210mm 297mm", "Legal": "8.5in 14in", "A5": "148mm 210mm"}[paper], margin


def html_header(L, sub=None):
    return (f'<div class="hdr"><div class="dian">DIAN</div><div class="ttl"><div class="t1">{E(L["title"])}</div>'
            f'<div class="t2">{E(sub or L["subtitle"])}</div></div><div class="model">1876</div></div>')


def html_cells(items):
    rows = default_rows(items)
    bykey = {k: (lab, val) for k, lab, val in items}
    out = []
    for keys in rows:
        tot = sum(wt for _, wt in keys)
        tds = "".join(f'<td style="width:{100 * wt / tot:.1f}%"><div class="lab">{E(bykey[k][0])}</div>'
                      f'<div class="val">{E(bykey[k][1]) or "&nbsp;"}</div></td>' for k, wt in keys)
        out.append(f'<table class="cells"><tr>{tds}</tr></table>')
    return "".join(out)


def html_kvrows(items):
    return '<table class="kv">' + "".join(
        f'<tr><td class="lab">{E(lab)}</td><td class="val">{E(val)}</td></tr>' for _, lab, val in items) + "</table>"


def html_table(cols, rows, cls="rg", cell_html=None):
    """cell_html(i, key, text) -> html (default: escaped text)"""
    head = "".join(f'<th>{E(h)}</th>' for _, h, _, _ in cols)
    body = []
    for i, r in enumerate(rows):
        tds = []
        for (k, _, _, al), s in zip(cols, r):
            inner = cell_html(i, k, s) if cell_html else E(s)
            tds.append(f'<td class="{ {"l": "al", "r": "ar", "c": "ac"}[al]}">{inner}</td>')
        body.append("<tr>" + "".join(tds) + "</tr>")
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def html_stamp(d, v, L):
    sd, st = stamp_strings(d, v)
    return (f'<div class="stamp"><b>DIAN</b><br><span class="sl">{E(L["stamp"])}</span><br>'
            f'<b>{E(sd)} / {E(st)}</b><br><span class="sl">{E(L["signed"])}</span></div>')


BASE_CSS = """
* { box-sizing: border-box; }
body { margin: 0; font-family: %(font)s; font-size: %(fs)spt; color: #111; }
.hdr { display: flex; align-items: center; border-bottom: 1.5px solid #222; padding-bottom: 4px; margin-bottom: 8px; }
.hdr .dian { font-weight: bold; font-size: 1.9em; width: 18%%; }
.hdr .ttl { flex: 1; text-align: center; } .hdr .t1 { font-weight: bold; font-size: 1.2em; } .hdr .t2 { font-size: 0.8em; }
.hdr .model { border: 1.5px solid #222; font-weight: bold; font-size: 1.5em; padding: 1px 8px; }
h2 { font-size: 1em; background: #ddd; padding: 2px 5px; margin: 8px 0 4px 0; }
table { border-collapse: collapse; }
table.cells { width: 100%%; } table.cells td { border: 1px solid #555; padding: 2px 4px; vertical-align: top; }
table.cells .lab, table.kv td.lab { font-size: 0.8em; color: #333; } .val { font-weight: bold; min-height: 1.2em; }
table.kv { width: 100%%; } table.kv td { border: 1px solid #666; padding: 2px 5px; } table.kv td.lab { width: 42%%; }
table.kv td.val { font-weight: bold; }
table.rg { width: 100%%; } table.rg th { border: 1px solid #333; background: #e6e6e6; font-size: 0.8em; padding: 2px 3px; }
table.rg td { border: 1px solid #555; padding: 2px 3px; }
td.al { text-align: left; } td.ar { text-align: right; white-space: nowrap; } td.ac { text-align: center; }
.stamp { border: 2px solid #1d3f8a; color: #1d3f8a; width: 210px; text-align: center; padding: 5px; margin-top: 10px; }
.stamp .sl { font-size: 0.85em; }
.legal { font-size: 0.78em; color: #333; margin-top: 8px; }
"""
