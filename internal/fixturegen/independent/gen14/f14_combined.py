"""Family combined-range-cells: a re-drawn formato 1876 (title and '1876' model
box, taxpayer boxes as label-over-value cells, DIAN stamp, legal text) whose
table of ranges puts SEVERAL VALUES IN ONE CELL, the way invoicing providers
and accountants retype 'la resolución':

- ONE 'Rango' / 'Numeración' / 'Numeración autorizada' / 'Rango autorizado' /
  'Rango (desde - hasta)' cell per row holding BOTH BOUNDS: '1 - 5.000',
  'Del 1 al 5.000', '1 a 5000', 'Desde 1 hasta 5.000', '1 al 5.000', or with
  the prefix glued to each bound, 'FE1 – FE5000' (en dash from Chromium and
  groff, '-' from Ghostscript / mutool; bounds never grouped in this style).
  When the prefix is glued, the 'Prefijo' column is dropped in about half of
  the documents, so the prefix lives only in the range cell.
- the validity as ONE 'Vigencia' cell: both dates ('15/08/2023 al
  15/08/2024', '2023-08-15 - 2024-08-15', 'Desde 15-AGO-2023 hasta
  15-AGO-2024', '15 de agosto de 2023 al 15 de agosto de 2024'), or the months
  with their unit ('12 meses'), or both ('12 meses (15/08/2023 al
  15/08/2024)', 'Del 15/08/2023 al 15/08/2024 - 12 meses'), or a 'Vigencia'
  months cell next to a 'Período' dates cell. With dates only, the months
  are not printed; with months only, the end date is not printed.
- the modality as 'Factura electrónica de venta (1)', '1 - FACTURA
  ELECTRÓNICA DE VENTA', the name alone, or name and 'Cód.' in two columns;
  the request as 'Autorización (1)', '1 - Autorización', '(1) Autorización',
  the name alone, or name and 'Cód.' in two columns.
- in some documents a leading row-number column ('No.' / '#': 1, 2, 3 ...).

Column order: [No.] | Modalidad | [Prefijo] | Rango | Vigencia [| Período] |
Solicitud (the prefix column sometimes after the range). Numbers grouped with
'.', ',', a space or nothing. Paper: Letter, A4, Legal, A5, Letter or A4
landscape; one page or two. Producers: Chromium (HTML), groff (tbl),
Ghostscript (PostScript), mutool create."""
import os

from common14 import (Canvas12, E, chromium_pdf, groff_pdf, groff_esc, kind_name, kind_code, req_name,
                      req_code, num, day, stamp_str, legal_paragraphs, tweak_doc, tidy_prefixes, pick_labels,
                      tp_rows, PAPERS14, HTML_FONTS, CANVAS_FONTS, SEPS, bold, cv_title, cv_band,
                      cv_taxpayer, cv_table2, fit_cols, cv_stamp, cv_para, html_css, html_title,
                      html_taxpayer, html_table2, html_stamp, groff_head, groff_taxpayer, groff_table2,
                      groff_stamp, groff_legal, groff_fit)

FAMILY = "combined-range-cells"

RANGE_STYLES = ["dash", "del", "a", "desde", "al", "pref"]
VIG_STYLES = ["dates", "months", "both", "both2", "split"]
MOD_STYLES = ["paren", "dash", "name", "sep"]
REQ_STYLES = ["paren", "dash", "codeparen", "name", "sep"]
RANGE_HEADS = ["Rango", "Numeración", "Numeración autorizada", "Rango autorizado", "Rango (desde - hasta)"]
VIG_HEADS = ["Vigencia", "Vigencia (desde - hasta)", "Período de vigencia", "Plazo", "38. Vigencia"]
MOD_HEADS = ["Modalidad", "30. Modalidad", "Tipo de documento"]
REQ_HEADS = ["Solicitud", "Tipo de solicitud", "Trámite"]
CONNECT = {"slash": [" al ", " - ", " hasta "], "iso": [" al ", " - ", " a "], "mon": [" al ", " hasta ", " - "],
           "dot": [" al ", " - "], "words": [" al ", " hasta el "], "ymd": [" al ", " - "]}


def doc_params(rng, idx):
    return {"nranges": [1, 2, 3, 4, 5, 6][idx % 6] if idx >= 6 else rng.choice([1, 2, 2, 3, 4, 5, 6])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.2, other_req_prob=0.2)
    tidy_prefixes(d, rng)


def range_cell(r, v, dash):
    sep = v["sep"]
    a, b = num(r.frm, sep, v["kind"]), num(r.to, sep, v["kind"])
    st = v["range"]
    if st == "dash":
        return f"{a} - {b}"
    if st == "del":
        return f"Del {a} al {b}"
    if st == "a":
        return f"{r.frm} a {r.to}"
    if st == "desde":
        return f"Desde {a} hasta {b}"
    if st == "al":
        return f"{a} al {b}"
    return f"{r.prefix}{r.frm} {dash} {r.prefix}{r.to}"


def dates_cell(r, v):
    a, b = day(r.valid_from, v["date"]), day(r.valid_to, v["date"])
    con = v["connector"]
    if con == " hasta ":
        return f"Desde {a} hasta {b}"
    if con == " hasta el ":
        return f"Desde el {a} hasta el {b}"
    if con == " al " and v["del"]:
        return f"Del {a} al {b}"
    return f"{a}{con}{b}"


def months_cell(r):
    return f"{r.months} meses"


def vig_cells(r, v):
    st = v["vig"]
    if st == "dates":
        return [dates_cell(r, v)]
    if st == "months":
        return [months_cell(r)]
    if st == "both":
        return [f"{months_cell(r)} ({dates_cell(r, v)})"]
    if st == "both2":
        return [f"{dates_cell(r, v)} - {months_cell(r)}"]
    return [months_cell(r), dates_cell(r, v)]


def mod_cells(r, v):
    n, c = kind_name(r.kind, v["mcase"]), kind_code(r.kind)
    st = v["mod"]
    if st == "paren":
        return [f"{n} ({c})"]
    if st == "dash":
        return [f"{c} - {n}"]
    if st == "name":
        return [n]
    return [n, str(c)]


def req_cells(r, v):
    n, c = req_name(r.request, v["mcase"]), req_code(r.request)
    st = v["req"]
    if st == "paren":
        return [f"{n} ({c})"]
    if st == "dash":
        return [f"{c} - {n}"]
    if st == "codeparen":
        return [f"({c}) {n}"]
    if st == "name":
        return [n]
    return [n, str(c)]


def table(d, v, dash):
    """heads, aligns, rows, wrap columns (indices), range column index"""
    heads, aligns, wrap = [], [], set()
    if v["rowno"]:
        heads.append(v["rowno"])
        aligns.append("c")
    heads.append(v["mod_head"])
    aligns.append("l")
    wrap.add(len(heads) - 1)
    if v["mod"] == "sep":
        heads.append("Cód.")
        aligns.append("c")
    pre_after = v["prefix_col"] == "after"
    if v["prefix_col"] == "before":
        heads.append("Prefijo")
        aligns.append("c")
    heads.append(v["range_head"])
    aligns.append("c" if v["range"] in ("pref", "del", "desde") else "r")
    rcol = len(heads) - 1
    if pre_after:
        heads.append("Prefijo")
        aligns.append("c")
    if v["vig"] == "split":
        heads += ["Vigencia", "Período"]
        aligns += ["c", "c"]
        wrap.add(len(heads) - 1)
    else:
        heads.append(v["vig_head"])
        aligns.append("c")
        wrap.add(len(heads) - 1)
    heads.append(v["req_head"])
    aligns.append("l")
    wrap.add(len(heads) - 1)
    if v["req"] == "sep":
        heads.append("Cód.")
        aligns.append("c")
    rows = []
    for i, r in enumerate(d.ranges, 1):
        row = []
        if v["rowno"]:
            row.append(str(i))
        row += mod_cells(r, v)
        if v["prefix_col"] == "before":
            row.append(r.prefix)
        row.append(range_cell(r, v, dash))
        if pre_after:
            row.append(r.prefix)
        row += vig_cells(r, v)
        row += req_cells(r, v)
        rows.append(row)
    return heads, aligns, rows, wrap, rcol


def render(d, rng, idx, tmp, btmp):
    producer = ["chromium", "groff", "gs", "mutool"][idx % 4]
    if producer == "groff":
        paper = rng.choice(["Letter", "A4", "Legal", "A5"])
    else:
        paper = ["A4L", "", "LetterL", "Letter", "A5", "", "A4", "Legal", "LetterL", "", "A5", "A4"][idx % 12] or "Letter"
    rs = RANGE_STYLES[idx % 6] if idx < 6 else rng.choice(RANGE_STYLES)
    vs = VIG_STYLES[idx % 5] if idx < 10 else rng.choice(VIG_STYLES)
    date = rng.choice(["slash", "slash", "iso", "mon", "dot", "words", "ymd"])
    v = {
        "range": rs,
        "vig": vs,
        "mod": rng.choice(MOD_STYLES),
        "req": REQ_STYLES[idx % 5] if idx < 10 else rng.choice(REQ_STYLES),
        "date": date,
        "connector": rng.choice(CONNECT[date]),
        "del": rng.random() < 0.4,
        "prefix_col": (rng.choice(["before", "after", "none", "none"]) if rs == "pref"
                       else rng.choice(["before", "before", "after"])),
        "rowno": rng.choice(["", "", "No.", "#"]),
        "range_head": rng.choice(RANGE_HEADS),
        "vig_head": rng.choice(VIG_HEADS),
        "mod_head": rng.choice(MOD_HEADS),
        "req_head": rng.choice(REQ_HEADS),
        "sep": rng.choice(SEPS),
        "stamp_date": rng.choice(["iso", "slash", "mon", "dot"]),
        "time": rng.choice(["ampm", "24h"]),
        "mcase": rng.choice(["upper", "title", "title", "noacc"]),
        "paper": paper,
        "pages": 2 if paper == "A5" or rng.random() < 0.3 else 1,
        "font": (rng.choice(list(HTML_FONTS)) if producer == "chromium" else
                 rng.choice(["H", "T", "C", "N", "BM"]) if producer == "groff" else rng.choice(CANVAS_FONTS)),
        "kind": {"chromium": "html", "groff": "groff"}.get(producer, "text"),
    }
    if v["vig"] in ("months", "split", "both") and v["vig_head"] == "Vigencia (desde - hasta)":
        v["vig_head"] = "Vigencia"
    dash = "–" if producer in ("chromium", "groff") else "-"
    if producer == "groff":
        dash = "\\(en"
    L = pick_labels(rng, rng.choice([True, False, None]))
    legal = legal_paragraphs(rng, d)
    heads, aligns, rows, wrap, rcol = table(d, v, dash)
    if producer == "chromium":
        with open(btmp + ".html", "w", encoding="utf-8") as f:
            f.write(html_src(d, v, L, legal, heads, aligns, rows))
        chromium_pdf(os.path.abspath(btmp + ".html"), tmp + ".pdf")
    elif producer == "groff":
        src, popt = groff_src(d, v, L, legal, heads, aligns, rows, wrap, rcol)
        with open(btmp + ".tr", "w", encoding="utf-8") as f:
            f.write(src)
        groff_pdf(btmp + ".tr", tmp + ".pdf", extra=[popt])
    else:
        c = Canvas12("ps" if producer == "gs" else "mu")
        draw(c, d, v, L, legal, heads, aligns, rows, wrap)
        c.save(btmp, tmp + ".pdf")
    # the cells as a reader sees them (plain spaces, '–' for the en dash)
    vplain = dict(v, kind="text")
    _, _, prow, _, _ = table(d, vplain, "–" if producer in ("chromium", "groff") else "-")
    v["heads"] = heads
    v["cells"] = prow
    del v["kind"]
    return producer, v


# ------------------------------------------------------------------ Ghostscript / mutool
def draw(c, d, v, L, legal, heads, aligns, rows, wrap):
    PW, PH = PAPERS14[v["paper"]]
    small = v["paper"] == "A5"
    M = 26 if small else 38
    TW = PW - 2 * M
    F = v["font"]
    fs = 7.5 if small else 9
    c.page(PW, PH)
    y = cv_title(c, M, M, TW, F, fs)
    y = cv_band(c, M, y, TW, "Datos del solicitante", F, fs)
    y = cv_taxpayer(c, M, y, TW, tp_rows(d, L, wide=not small), F, fs)
    if v["pages"] == 2:
        y = cv_para(c, M, y + 16, TW, legal, F, fs - 2, PH - 40)
        c.font(F, fs - 2)
        c.text(M + TW, PH - 20, "Hoja 1 de 2", "r")
        c.page(PW, PH)
        y = cv_title(c, M, M, TW, F, fs, "Hoja 2")
    else:
        y += 12
    y = cv_band(c, M, y, TW, "Detalle de la solicitud", F, fs)
    y += 3
    weights = []
    for h in heads:
        weights.append(0.4 if h in ("No.", "#") else 0.5 if h == "Cód." else 0.8 if h == "Prefijo" else 1.8)
    ws, hs, bs = fit_cols(weights, heads, rows, F, fs - 1.3, fs - 0.6, TW, wrap)
    y = cv_table2(c, M, y, ws, heads, rows, aligns, F, hs, bs, wrapcols=wrap)
    R = 48 if small else 58
    if y + 2 * R + 40 > PH - 20:
        c.page(PW, PH)
        y = M
    st = stamp_str(d, v["stamp_date"], v["time"])
    cv_stamp(c, M + TW - R - 6, y + 18 + R, R, d, F, fs, st.split(" / ") if " / " in st else [st])
    c.line(M, y + 12 + 2 * R, M + 150, y + 12 + 2 * R, lw=0.5)
    c.font(F, fs - 1)
    c.text(M, y + 22 + 2 * R, "Firma del solicitante")
    y += 2 * R + 40
    if v["pages"] == 1:
        cv_para(c, M, y, TW, legal, F, fs - 2, PH - 30)
    n = len(c.pages)
    c.font(F, fs - 2)
    c.text(M + TW, PH - 20, f"Hoja {n} de {n}", "r")


# ------------------------------------------------------------------ HTML
def html_src(d, v, L, legal, heads, aligns, rows):
    small = v["paper"] == "A5"
    fs = 7.5 if small else 9
    css = html_css(v["paper"], v["font"], fs, "9mm" if small else "13mm")
    css += ".rg td.cw { text-align: center; }\n"
    wrapc = {j for j, h in enumerate(heads) if h not in ("No.", "#", "Cód.", "Prefijo", v["range_head"])}
    table = html_table2(heads, rows, ["cw" if a == "c" and j in wrapc else a for j, a in enumerate(aligns)])
    st = stamp_str(d, v["stamp_date"], v["time"])
    leg = "".join(f"<p class=legal>{E(p)}</p>" for p in legal)
    two = v["pages"] == 2
    return f"""<!doctype html><html lang=es><head><meta charset=utf-8><style>{css}</style></head><body>
{html_title()}
<div class=band>Datos del solicitante</div>
{html_taxpayer(tp_rows(d, L, wide=not small))}
{leg + '<div class=pg>Hoja 1 de 2</div><div class=brk></div>' + html_title('Hoja 2') if two else ''}
<div class=band>Detalle de la solicitud</div>
{table}
<div class=end><div class=sign>Firma del solicitante</div>{html_stamp(st.split(' / ') if ' / ' in st else [st])}</div>
{'' if two else leg}
<div class=pg>{'Hoja 2 de 2' if two else 'Hoja 1 de 1'}</div>
</body></html>"""


# ------------------------------------------------------------------ groff
def groff_src(d, v, L, legal, heads, aligns, rows, wrap, rcol):
    small = v["paper"] == "A5"
    fs = 7 if small else 9
    out, popt, ll = groff_head(v["paper"], fs, v["font"])
    out += ["\\fBDATOS DEL SOLICITANTE\\fP", ".sp 0.2"]
    out += groff_taxpayer(tp_rows(d, L, wide=not small), fs, ll)
    if v["pages"] == 2:
        out += [".sp 0.5"] + groff_legal(legal, 6) + [f".ps {fs}", f".vs {fs + 3}p", ".bp",
                                                      ".ce 1", "\\fBHoja 2\\fP", ".sp 0.3"]
    else:
        out += [".sp 0.5"]
    out += ["\\fBDETALLE DE LA SOLICITUD\\fP", ".sp 0.2"]

    def esc(s):
        # numbers may carry '\~'; the en dash is already '\(en'
        if "\\~" in s or "\\(en" in s:
            return s
        return groff_esc(s)
    grows = [[esc(s) for s in r] for r in rows]
    plain = [[s.replace("\\~", " ").replace("\\(en", "-") for s in r] for r in rows]
    weights = [0.4 if h in ("No.", "#") else 0.5 if h == "Cód." else 0.8 if h == "Prefijo" else 1.8 for h in heads]
    widths, hs, bs = groff_fit(heads, plain, weights, wrap, ll, fs, v["font"])
    out += groff_table2(heads, grows, aligns, hs=hs, bs=bs, wrapcols=wrap, widths=widths)
    st = stamp_str(d, v["stamp_date"], v["time"])
    out += [f".ps {fs}", f".vs {fs + 3}p"] + groff_stamp([st], ll * 0.62)
    out += ["\\D'l 150p 0'", ".br", "Firma del solicitante", ".sp 0.6"]
    if v["pages"] == 1:
        out += groff_legal(legal, 6)
    return "\n".join(out) + "\n", popt
