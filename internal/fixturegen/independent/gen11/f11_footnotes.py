"""Family totals-and-footnotes: the authorization as retyped by the taxpayer's
office into a 'clean' one- or two-page document (header with DIAN, title and
model box 1876; 'Datos del solicitante' as ruled cells or a label | value
grid, or in groff a boxed two-column table; the ranges table with 30 + code,
31, 32, 33, 38, optional start / end dates, request + code; the reception
stamp 'Fecha Acuse de Recibo' with date and time) WITH THREE KINDS OF EXTRA
MATERIAL:

  * SUMMARY LINES under the ranges table: 'Total rangos: 3' (or 'Total de
    rangos autorizados', 'Número de rangos'), 'Total numeración autorizada:
    15.000' (sum of hasta - desde + 1 over the rows) and 'Cantidad de
    facturas: 15.000' (or 'Cantidad de documentos'); in some documents the
    table also has a 'Cantidad' column right after 'Hasta' and a bold TOTAL
    row at its foot.
  * FOOTNOTE MARKERS glued to values, with no space: a prefix ('FE¹'), an end
    number ('5.000*'), the months ('24(2)'), the request type, the form number
    itself, or the total. Marker styles: Latin-1 superscript characters (¹ ² ³),
    stars (*, **, ***), parenthesised numbers ((1), (2)) or REAL superscripts
    (smaller raised digits: HTML <sup>, troff \\v / \\s motions, a raised smaller
    glyph in PostScript). FOOTNOTES at the bottom of the page where their marker is,
    each starting with its marker and carrying its own numbers and dates: the
    date-time the prefix was associated with the software (hours after the
    authorization), an older 1876 form number and date the range continues,
    the end of validity in words, DIAN's resolution 000165 of 2023, the rule
    for the quantity.
  * A SIGNATURE block: rule, 'Firma', the signer's name, 'C.C. 79.845.123 de
    Bogotá D.C.' (dot-grouped or plain cédula; a natural person signs with his
    own cédula = his NIT), role (Representante legal, Contador público with
    'T.P. 123456-T', ...) and a 'Fecha:' date (the authorization day or a few
    days later).
Numbers grouped with '.', ',', a space, a no-break space or none; dates ISO,
dd/mm/aaaa or '3 de marzo de 2025'. Paper Letter, A4, Legal or A5.
Producers: groff (plain troff + tbl; the footnotes moved to the foot of the
page with an absolute vertical motion), Chromium (HTML/CSS, one fixed-size box per page, footnotes pinned to
its bottom), Ghostscript (PostScript)."""
import datetime as dt

from common11 import (E, Canvas11, chromium_pdf, groff_pdf, groff_esc, tweak_doc, fill_prefixes, labels,
                      base_variant, applicant_items, range_columns, range_cell, fmt_num, fmt_day, time_str, stamp_strings,
                      signer, other_number, PAPERS, BASE_CSS, html_header, html_cells, html_kvrows,
                      cv_header, cv_band, cv_cells, cv_kvrows, cv_para, bold, fit_widths, wrap_cell,
                      text_width, NBSP, legal_paragraphs, nowrap_numbers)

FAMILY = "totals-and-footnotes"

MARKS = {"unicode": ["¹", "²", "³"], "star": ["*", "**", "***", "****"],
         "paren": ["(1)", "(2)", "(3)", "(4)"], "sup": ["1", "2", "3", "4"]}


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 2, 2, 3, 3, 4, 5, 6])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.15, other_req_prob=0.2, empty_prefix_prob=0.04)
    fill_prefixes(d, rng)


def variant(d, rng, idx, producer):
    v = base_variant(rng)
    v.update({
        "paper": rng.choice(["Letter", "A4", "Legal", "A5"]),
        "kv": rng.choice(["cells", "rows"]),
        "font": (rng.choice(["Helvetica", "Times-Roman"]) if producer == "gs" else
                 rng.choice(["H", "T", "N"]) if producer == "groff" else
                 rng.choice(["'Nimbus Sans', sans-serif", "'DejaVu Sans', sans-serif", "'Nimbus Roman', serif",
                             "'DejaVu Serif', serif", "'Nimbus Sans Narrow', sans-serif"])),
        "markstyle": ["unicode", "star", "paren", "sup"][idx % 4],
        "qty_col": rng.random() < 0.5,
        "summary": rng.choice(["a", "b", "c"]),
        "cc_sep": rng.choice([".", ""]),
    })
    v["total_row"] = v["qty_col"] and rng.random() < 0.6
    if v["paper"] == "A5":
        v["date_cols"] = False
    v["pages"] = 2 if (v["paper"] == "A5" or len(d.ranges) >= 4 or rng.random() < 0.3) else 1
    name, cc, role, city = signer(d, rng)
    v["signer"] = {"name": name, "cc": cc, "role": role, "city": city,
                   "tp": f"{rng.randrange(20000, 260000)}-T" if role == "Contador público" else "",
                   "date": (d.stamp.date() + dt.timedelta(days=rng.choice([0, 0, 1, 2, 5]))).isoformat()}
    v["notes"] = plan_notes(d, rng, v)
    return v


def plan_notes(d, rng, v):
    """[{anchor, mark, text}] in marker order. anchor: ['cell', row, key] | ['number'] | ['total']"""
    cands = []
    withp = [i for i, r in enumerate(d.ranges) if r.prefix]
    if withp:
        i = rng.choice(withp)
        at = d.stamp + dt.timedelta(hours=rng.randrange(2, 40), minutes=rng.randrange(60))
        cands.append((["cell", i, "prefix"], f"Prefijo asociado al software de facturación electrónica el "
                      f"{fmt_day(at.date(), v['date'])} a las {time_str(at, v['time'])}."))
    i = rng.randrange(len(d.ranges))
    old = d.stamp.date() - dt.timedelta(days=rng.randrange(300, 900))
    cands.append((["cell", i, "to"], f"Numeración que continúa la autorizada mediante formulario No. "
                  f"{other_number(d, rng)} del {fmt_day(old, v['date'])}."))
    i = rng.randrange(len(d.ranges))
    r = d.ranges[i]
    cands.append((["cell", i, "months"], f"Vigencia contada desde la fecha de autorización; el rango "
                  f"vence el {fmt_day(r.valid_to, 'words')}."))
    i = rng.randrange(len(d.ranges))
    cands.append((["cell", i, "req"], "Conforme a la Resolución DIAN 000165 del 1 de noviembre de 2023 y al "
                  "artículo 616-1 del Estatuto Tributario."))
    cands.append((["number"], "Número de la resolución de autorización que debe citarse en cada factura "
                  "(campo InvoiceAuthorization del XML)."))
    cands.append((["total"], f"Cantidad calculada por rango como hasta - desde + 1; suma de "
                  f"{len(d.ranges)} rango(s)."))
    rng.shuffle(cands)
    k = rng.choice([2, 3, 3, 4])
    if v["markstyle"] == "unicode":
        k = min(k, 3)
    chosen = cands[:k]
    # markers numbered in reading order: number (page 1), table cells, total
    def order(a):
        if a[0] == ["number"]:
            return (0, 0, 0)
        if a[0][0] == "cell":
            keys = ["prefix", "to", "months", "req"]
            return (1, a[0][1], keys.index(a[0][2]))
        return (2, 0, 0)
    chosen.sort(key=order)
    return [{"anchor": a, "mark": MARKS[v["markstyle"]][j], "text": t} for j, (a, t) in enumerate(chosen)]


def mark_for(v, anchor):
    for n in v["notes"]:
        if n["anchor"] == anchor:
            return n["mark"]
    return ""


def note_page(v, n):
    return 1 if (n["anchor"] == ["number"] and v["pages"] == 2) else v["pages"]


def totals(d):
    return sum(r.to - r.frm + 1 for r in d.ranges)


def summary_lines(d, v):
    """[(label, value, mark)]"""
    n, tot = len(d.ranges), fmt_num(totals(d), v["sep"])
    m = mark_for(v, ["total"])
    if v["summary"] == "a":
        return [("Total rangos:", str(n), ""), ("Total numeración autorizada:", tot, m),
                ("Cantidad de facturas:", tot, "")]
    if v["summary"] == "b":
        return [("Total de rangos autorizados:", str(n), ""), ("Cantidad de documentos:", tot, m)]
    return [("Número de rangos:", str(n), ""), ("Total números autorizados:", tot, m),
            ("Cantidad de facturas:", tot, "")]


def sign_lines(v):
    s = v["signer"]
    cc = fmt_num(int(s["cc"]), ".") if v["cc_sep"] == "." else s["cc"]
    role = s["role"] + (f" - T.P. {s['tp']}" if s["tp"] else "")
    day = fmt_day(dt.date.fromisoformat(s["date"]), v["date"])
    return ["Firma", s["name"], f"C.C. {cc} de {s['city']}", role, f"Fecha: {day}"]


def table_cols(L, v):
    extra = {"to": [("qty", "Cantidad", 0.95, "r")]} if v["qty_col"] else None
    return range_columns(L, v, extra)


def table_rows(d, v, cols):
    """[[(text, mark)]]"""
    rows = []
    for i, r in enumerate(d.ranges):
        rows.append([(range_cell(r, k, v), mark_for(v, ["cell", i, k])) for k, _, _, _ in cols])
    return rows


def total_row(d, v, cols):
    out = []
    for k, _, _, _ in cols:
        if k == "mod":
            out.append(("TOTAL", ""))
        elif k == "qty":
            out.append((fmt_num(totals(d), v["sep"]), ""))
        else:
            out.append(("", ""))
    return out


def render(d, rng, idx, tmp, btmp):
    producer = ["groff", "chromium", "gs"][idx % 3]
    v = variant(d, rng, idx, producer)
    legal = legal_paragraphs(rng, d)[:1]
    if producer == "groff":
        src = groff_src(d, v, legal)
        with open(btmp + ".tr", "w", encoding="utf-8") as f:
            f.write(src)
        paper = {"Letter": "-P-pletter", "A4": "-P-pa4", "Legal": "-P-plegal", "A5": "-P-pa5"}[v["paper"]]
        groff_pdf(btmp + ".tr", tmp + ".pdf", extra=[paper])
    elif producer == "chromium":
        html(d, v, legal, tmp, btmp)
    else:
        c = Canvas11("ps")
        canvas(c, d, v, legal)
        c.save(btmp, tmp + ".pdf")
    return producer, v


# ---------------------------------------------------------------- groff (plain troff + tbl)
def g(s):
    """escape for groff text; no-break space -> \\~"""
    return groff_esc(s).replace(NBSP, "\\~")


def gmark(v, m):
    if not m:
        return ""
    if v["markstyle"] == "sup":
        return f"\\v'-0.4m'\\s-3{g(m)}\\s+3\\v'0.4m'"
    return g(m)


def g_notes(v, pn, nfs, ll_in, pl_pt):
    """the page's footnotes, moved down to the foot of the page (when the text
    ends above that point): a short rule, then one paragraph per note"""
    ns = [n for n in v["notes"] if note_page(v, n) == pn]
    if not ns:
        return []
    cpl = ll_in * 72 / (0.5 * nfs)
    nlines = sum(-(-(len(n["text"]) + 6) // int(cpl)) for n in ns)
    h = nlines * (nfs + 2) + 14
    pos = pl_pt - 0.6 * 72 - h
    out = [f".nr FP {pos:.0f}p", ".if \\n(nl<\\n(FP .sp |\\n(FPu", ".if \\n(nl>=\\n(FP .sp 1",
           f".ps {nfs}", f".vs {nfs + 2}", "\\l'1.8i'", ".br", ".in 1.6m"]
    for n in ns:
        out += [".ti -1.6m", f"\\Z'{gmark(v, n['mark'])}'\\h'1.6m'{g(n['text'])}", ".br"]
    out += [".in 0"]
    return out


def groff_src(d, v, legal):
    L = labels(v["labels"])
    pl, po, ll = {"Letter": ("11i", "0.9i", "6.7i"), "A4": ("29.7c", "2.2c", "16.6c"),
                  "Legal": ("14i", "0.9i", "6.7i"), "A5": ("21c", "1.3c", "12.2c")}[v["paper"]]
    pl_pt = {"Letter": 792, "A4": 842, "Legal": 1008, "A5": 595}[v["paper"]]
    ll_in = {"Letter": 6.7, "A4": 6.53, "Legal": 6.7, "A5": 4.8}[v["paper"]]
    ps = 7 if v["paper"] == "A5" else 8.5
    vs = ps + 2.5
    out = [f".pl {pl}", f".po {po}", f".ll {ll}", f".lt {ll}", f".ps {ps}", f".vs {vs}",
           f".fam {v['font']}", ".ft R", ".nh", ".na",
           ".de HD", "'sp 0.5i", "..", ".de FO", "'sp 0.2i", f".ps {ps - 1}",
           ".tl 'Formato 1876''Página %'", f".ps {ps}", "'bp", "..", ".wh 0 HD", ".wh -0.5i FO",
           ".de SE", ".sp 0.8", ".ft B", "\\\\$1", ".ft R", ".br", ".sp 0.3", "..",
           ".sp 0.3i"]
    out += [".ce 3", f"\\s+6\\fBDIAN\\fP\\s0\\h'2m'\\s+3\\fB{g(L['title'])}\\fP\\s0\\h'2m'"
                     f"\\s+6\\fB1876\\fP\\s0", g(L["subtitle"]), "\\&"]
    out += [f'.SE "{g(L["applicant"])}"']
    items = applicant_items(d, L)
    nmark = gmark(v, mark_for(v, ["number"]))
    out += [".TS", "box tab(|);", f"l | lbw({ll_in * 0.55:.2f}i) ."]
    for i, (k, lab, val) in enumerate(items):
        if i:
            out.append("_")
        val_s = g(val) + (nmark if k == "number" else "")
        out.append(f"{g(lab)}|T{{\n{val_s or chr(92) + '&'}\nT}}")
    out += [".TE"]
    if v["pages"] == 2:
        out += [".sp 1", f".ps {ps - 1}", g(legal[0]), ".br", f".ps {ps}"]
        out += g_notes(v, 1, ps - 1.5, ll_in, pl_pt)
        out += [".bp", ".ce 2", f"\\s+3\\fB{g(L['title'])}\\fP\\s0", "Hoja 2"]
    out += [f'.SE "{g(L["detail"])}"']
    cols = table_cols(L, v)
    rows = table_rows(d, v, cols)
    tot = sum(w for _, _, w, _ in cols)
    avail = ll_in - 0.11 * len(cols) - 0.1
    ws = [avail * w / tot for _, _, w, _ in cols]
    hdr_fmt = " | ".join(f"cbw({w:.2f}i)" for w in ws)
    body_fmt = " | ".join({"l": "l", "r": "r", "c": "c"}[a] for _, _, _, a in cols)
    tps = ps - 1.5 if len(cols) >= 10 else ps - 1
    out += [f".ps {tps}", f".vs {tps + 2}", ".TS", "center box tab(|);", hdr_fmt, body_fmt + "."]
    out.append("|".join(f"T{{\n{g(h)}\nT}}" for _, h, _, _ in cols))
    out.append("=")
    for i, row in enumerate(rows):
        if i:
            out.append("_")
        cells = []
        for (k, _, _, _), (s, m) in zip(cols, row):
            t = g(s) + gmark(v, m)
            cells.append(f"T{{\n{t or chr(92) + '&'}\nT}}" if k in ("mod", "req") else (t or "\\&"))
        out.append("|".join(cells))
    if v["total_row"]:
        out.append("=")
        out.append("|".join((f"\\fB{g(s)}\\fP" if s else "\\&") for s, _ in total_row(d, v, cols)))
    out += [".TE", f".ps {ps}", f".vs {vs}", ".sp 0.5"]
    for lab, val, m in summary_lines(d, v):
        out += [f"{g(lab)} \\fB{g(val)}{gmark(v, m)}\\fP", ".br"]
    sd, st = stamp_strings(d, v)
    sl = sign_lines(v)
    out += [".sp 1", ".TS", "tab(|);", f"lw({ll_in * 0.5:.2f}i) c .", "\\&|\\fBDIAN\\fP",
            f"\\l'2.2i'|{g(L['stamp'])}", f"\\fB{g(sl[0])}\\fP|\\fB{g(sd)} / {g(st)}\\fP",
            f"{g(sl[1])}|{g(L['signed'])}", f"{g(sl[2])}|\\&", f"{g(sl[3])}|\\&", f"{g(sl[4])}|\\&", ".TE"]
    if v["pages"] == 1:
        out += [".sp 0.6", f".ps {ps - 1}", g(legal[0]), ".br", f".ps {ps}"]
    out += g_notes(v, v["pages"], ps - 1.5, ll_in, pl_pt)
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- HTML
def hmark(v, m):
    if not m:
        return ""
    if v["markstyle"] == "sup":
        return f'<sup class="fn">{E(m)}</sup>'
    return f'<span class="mk">{E(m)}</span>'


FIT_JS = """<script>
document.querySelectorAll('.page').forEach(function (p) {
  var c = p.querySelector('.content'), n = p.querySelector('.notes');
  var fs = parseFloat(getComputedStyle(c).fontSize);
  for (var k = 0; k < 30; k++) {
    var limit = n ? n.getBoundingClientRect().top : p.getBoundingClientRect().bottom - 20;
    if (c.getBoundingClientRect().bottom <= limit - 6) break;
    fs *= 0.95; c.style.fontSize = fs + 'px';
  }
});
</script>"""


def html(d, v, legal, tmp, btmp):
    L = labels(v["labels"])
    W, H = PAPERS[v["paper"]]
    small = v["paper"] == "A5"
    fs = 7.5 if small else 9
    M = 26 if small else 42
    css = BASE_CSS % {"font": v["font"], "fs": fs} + f"""
@page {{ size: {W}pt {H}pt; margin: 0; }}
.page {{ width: {W}pt; height: {H}pt; position: relative; overflow: hidden; break-after: page; }}
.page:last-child {{ break-after: auto; }}
.content {{ position: absolute; left: {M}pt; right: {M}pt; top: {M - 8}pt; }}
.notes {{ position: absolute; left: {M}pt; right: {M}pt; bottom: 30pt; font-size: {fs - 1.5}pt; }}
.notes .rule {{ width: 35%; border-top: 0.8px solid #000; margin-bottom: 3pt; }}
.notes p {{ margin: 1pt 0; }}
.pn {{ position: absolute; right: {M}pt; bottom: 14pt; font-size: {fs - 1.5}pt; }}
sup.fn {{ font-size: 0.62em; vertical-align: super; line-height: 0; }}
.sum {{ margin-top: 5pt; }} .sum div b {{ margin-left: 4pt; }}
tr.tot td {{ font-weight: bold; border-top: 2px solid #000; }}
.foot {{ display: flex; justify-content: space-between; align-items: flex-end; margin-top: 14pt; }}
.sig .line {{ width: 190pt; border-top: 1px solid #000; margin-top: 26pt; }}
.sig div {{ margin: 1pt 0; }}
"""
    items = applicant_items(d, L)
    nm = mark_for(v, ["number"])
    if v["kv"] == "cells":
        ap = html_cells(items)
    else:
        ap = html_kvrows(items)
    if nm:
        # the marker glued after the form number (first occurrence of the escaped number)
        ap = ap.replace(E(d.number), E(d.number) + hmark(v, nm), 1)
    cols = table_cols(L, v)
    rows = table_rows(d, v, cols)
    head = "".join(f"<th>{E(h)}</th>" for _, h, _, _ in cols)
    body = []
    for row in rows:
        body.append("<tr>" + "".join(
            f'<td class="{ {"l": "al", "r": "ar", "c": "ac"}[a]}">{E(s)}{hmark(v, m)}</td>'
            for (_, _, _, a), (s, m) in zip(cols, row)) + "</tr>")
    if v["total_row"]:
        body.append('<tr class="tot">' + "".join(
            f'<td class="{ {"l": "al", "r": "ar", "c": "ac"}[a]}">{E(s)}</td>'
            for (_, _, _, a), (s, _) in zip(cols, total_row(d, v, cols))) + "</tr>")
    table = f'<table class="rg"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    summ = '<div class="sum">' + "".join(f"<div>{E(lab)}<b>{E(val)}{hmark(v, m)}</b></div>"
                                         for lab, val, m in summary_lines(d, v)) + "</div>"
    sl = sign_lines(v)
    sd, st = stamp_strings(d, v)
    stamp = (f'<div class="stamp"><b>DIAN</b><br><span class="sl">{E(L["stamp"])}</span><br>'
             f'<b>{E(sd)} / {E(st)}</b><br><span class="sl">{E(L["signed"])}</span></div>')
    sig = (f'<div class="sig"><div class="line"></div><div><b>{E(sl[0])}</b></div>' +
           "".join(f"<div>{E(x)}</div>" for x in sl[1:]) + "</div>")
    foot = f'<div class="foot">{sig}{stamp}</div>'
    leg = f'<div class="legal">{E(legal[0])}</div>'
    p1 = html_header(L) + f"<h2>{E(L['applicant'])}</h2>" + ap
    p2 = f"<h2>{E(L['detail'])}</h2>" + table + summ + foot
    contents = [p1 + p2 + leg] if v["pages"] == 1 else [p1 + leg, html_header(L, "Hoja 2") + p2]
    pages = []
    for pn, body_html in enumerate(contents, 1):
        notes = [n for n in v["notes"] if note_page(v, n) == pn]
        nh = ""
        if notes:
            nh = ('<div class="notes"><div class="rule"></div>' +
                  "".join(f"<p>{hmark(v, n['mark'])} {E(n['text'])}</p>" for n in notes) + "</div>")
        pages.append(f'<div class="page"><div class="content">{body_html}</div>{nh}'
                     f'<div class="pn">Página {pn} de {len(contents)}</div></div>')
    doc = f"""<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><style>{css}</style></head>
<body>{''.join(pages)}{FIT_JS}</body></html>"""
    hp = btmp + ".html"
    with open(hp, "w", encoding="utf-8") as f:
        f.write(doc)
    chromium_pdf(hp, tmp + ".pdf")


# ---------------------------------------------------------------- PostScript
def canvas(c, d, v, legal):
    L = labels(v["labels"])
    PW, PH = PAPERS[v["paper"]]
    small = v["paper"] == "A5"
    M = 26 if small else 40
    TW = PW - 2 * M
    F = v["font"]
    FB = bold(F)
    fs = 7 if small else 8.5
    sup = v["markstyle"] == "sup"

    def marked(x, y, s, m, font, size, align="l"):
        """s then its marker glued: same font, or (sup) smaller and raised"""
        ms = size * 0.62 if sup else size
        w = text_width(s, font, size) + (text_width(m, font, ms) if m else 0)
        if align == "r":
            x -= w
        elif align == "c":
            x -= w / 2
        c.font(font, size)
        c.text(x, y, s)
        if m:
            c.font(font, ms)
            c.text(x + text_width(s, font, size), y - (size * 0.38 if sup else 0), m)
            c.font(font, size)

    def notes_block(pn):
        ns = [n for n in v["notes"] if note_page(v, n) == pn]
        if not ns:
            return
        nfs = fs - 1.5
        lines = []
        for n in ns:
            wl = wrap_cell(n["text"], F, nfs, TW - 22)
            lines.append((n["mark"], wl))
        h = sum(len(wl) for _, wl in lines) * (nfs + 2.5)
        y = PH - 34 - h
        c.line(M, y - 4, M + TW * 0.35, y - 4, lw=0.6)
        for m, wl in lines:
            for j, ln in enumerate(wl):
                y += nfs + 2.5
                if j == 0:
                    marked(M, y, "", m, F, nfs)
                c.font(F, nfs)
                c.text(M + 16, y, ln)

    def page_no(pn, tot):
        c.font(F, fs - 1.5)
        c.text(M + TW, PH - 16, f"Página {pn} de {tot}", "r")

    c.page(PW, PH)
    y = cv_header(c, M, M - 6, TW, L, F, fs)
    y = cv_band(c, M, y, TW, L["applicant"], F, fs)
    items = applicant_items(d, L)
    nm = mark_for(v, ["number"])
    if nm:
        # the form number is drawn with its marker; the grid gets an empty value there
        holder = {}

        def hook(key, bx, by, bw, bh):
            if key == "number":
                holder["box"] = (bx, by, bw, bh)
        items2 = [(k, lab, "" if k == "number" else val) for k, lab, val in items]
        y = (cv_cells(c, M, y, TW, items2, F, fs, hook=hook) if v["kv"] == "cells"
             else cv_kvrows(c, M, y, TW, items2, F, fs, hook=hook))
        bx, by, bw, bh = holder["box"]
        if v["kv"] == "cells":
            marked(bx + 5, by + 2 * fs + 4, d.number, nm, FB, fs + 0.5)
        else:
            marked(bx + bw * 0.45 + 5, by + fs + 2, d.number, nm, FB, fs)
    else:
        y = (cv_cells(c, M, y, TW, items, F, fs) if v["kv"] == "cells" else cv_kvrows(c, M, y, TW, items, F, fs))
    y += 8
    if v["pages"] == 2:
        y = cv_para(c, M, y, TW, legal[0], F, fs - 1.5, gray=0.2)
        notes_block(1)
        page_no(1, 2)
        c.page(PW, PH)
        y = cv_header(c, M, M - 6, TW, L, F, fs, "Hoja 2")
    y = cv_band(c, M, y, TW, L["detail"], F, fs) + 3
    # ranges table with glued markers
    cols = table_cols(L, v)
    rows = table_rows(d, v, cols)
    tr = total_row(d, v, cols) if v["total_row"] else None
    head = [h for _, h, _, _ in cols]
    bfs = fs
    while True:
        flat = nowrap_numbers(cols, [[s + (m if not sup else "") + ("00" if (m and sup) else "") for s, m in r]
                                     for r in rows])
        widths = fit_widths([w for _, _, w, _ in cols], head, flat, FB, bfs - 1.2, F, bfs, TW, 3)
        if widths or bfs < 4:
            break
        bfs -= 0.4
    xs = [M]
    for w in widths[:-1]:
        xs.append(xs[-1] + w)
    hfs = bfs - 1.2
    hl = [wrap_cell(h, FB, hfs, w - 6) for h, w in zip(head, widths)]
    hh = max(len(q) for q in hl) * (hfs + 2) + 6
    c.rect(M, y, TW, hh, lw=0, fill=0.9)
    c.font(FB, hfs)
    for q, x, w in zip(hl, xs, widths):
        c.rect(x, y, w, hh, lw=0.5)
        for j, ln in enumerate(q):
            c.text(x + w / 2, y + 3 + hfs + j * (hfs + 2), ln, "c")
    y += hh
    for ri, row in enumerate(rows + ([tr] if tr else [])):
        is_tot = tr is not None and ri == len(rows)
        font = FB if is_tot else F
        wl = [wrap_cell(s, font, bfs, w - 6) if k in ("mod", "req") else [s]
              for (k, _, _, _), (s, _), w in zip(cols, row, widths)]
        rh = max(len(q) for q in wl) * (bfs + 2.5) + 6
        for (k, _, _, al), (s, m), q, x, w in zip(cols, row, wl, xs, widths):
            c.rect(x, y, w, rh, lw=1.0 if is_tot else 0.5)
            for j, ln in enumerate(q):
                tx = {"l": x + 3, "r": x + w - 3, "c": x + w / 2}[al]
                marked(tx, y + 3 + bfs + j * (bfs + 2.5), ln, m if j == len(q) - 1 else "", font, bfs, al)
        y += rh
    y += 6
    for lab, val, m in summary_lines(d, v):
        y += fs + 4
        c.font(F, fs)
        c.text(M, y, lab)
        marked(M + text_width(lab, F, fs) + 4, y, val, m, FB, fs)
    # signature (left) and stamp (right)
    y += 14
    sd, st = stamp_strings(d, v)
    sl = sign_lines(v)
    c.line(M, y + 22, M + 190, y + 22, lw=0.6)
    yy = y + 22
    for j, ln in enumerate(sl):
        yy += fs + 3
        c.font(FB if j == 0 else F, fs)
        c.text(M, yy, ln)
    bw, bh = 170, 66
    x = M + TW - bw
    c.rect(x, y, bw, bh, lw=1.1)
    c.font(FB, fs + 2)
    c.text(x + bw / 2, y + fs + 6, "DIAN", "c")
    c.font(F, fs - 1.5)
    c.text(x + bw / 2, y + 2 * fs + 8, L["stamp"], "c")
    c.font(FB, fs)
    c.text(x + bw / 2, y + 3 * fs + 12, f"{sd} / {st}", "c")
    c.font(F, fs - 1.5)
    c.text(x + bw / 2, y + 4 * fs + 15, L["signed"], "c")
    y = max(yy, y + bh) + 8
    if v["pages"] == 1:
        cv_para(c, M, y, TW, legal[0], F, fs - 1.5, gray=0.2)
    notes_block(v["pages"])
    page_no(v["pages"], v["pages"])
