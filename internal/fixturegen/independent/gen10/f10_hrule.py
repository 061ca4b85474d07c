"""Family hrule-centered-condensed: a re-typeset copy set entirely in a
CONDENSED or NARROW face (DejaVu Sans Condensed, Nimbus Sans Narrow, DejaVu
Serif Condensed) on US LEGAL or A5 paper, in which EVERY TABLE IS DRAWN WITH
HORIZONTAL RULES ONLY (a heavy rule on top and bottom, a thin rule under the
header row and, in some documents, hairlines between rows; no vertical rules
anywhere) and EVERY CELL IS CENTRED. The taxpayer data are either small
'caption row over value row' tables (box number and label centred in small
type above the centred value: 'record') or a two-column list of centred
label / value rows separated by hairlines ('rows'). VALUES MIX FONT SIZES
inside one word: the form number with its '1876' model part larger and bold
and the rest smaller, name words with a larger initial letter, the prefix
larger and bold inside the table row, the date with a smaller time. Numbers
are grouped with NO-BREAK SPACES (U+00A0), THIN SPACES (U+2009), NARROW NO-BREAK
SPACES (U+202F) or '.', the NIT is grouped the same way in some documents, and
the label / value separator of the 'rows' arrangement is a TAB character
(white-space: pre). Modality codes in their own 'Cód.' column or as a small
'(1)' after the name; optional start / end date columns. The reception stamp
is a centred block between two rules. One page (Legal) or two (ranges on a
page of their own). Producer: Chromium (HTML/CSS)."""
import os

from common10 import (html_escape as E, chromium_pdf, kind_name, kind_code, req_name, req_code,
                      fmt_num, fmt_day, stamp_time, legal_paragraphs, tweak_doc, NBSP, THIN, NNBSP)

FAMILY = "hrule-centered-condensed"

FONTS = {"dejavu-cond": "font-family: 'DejaVu Sans'; font-stretch: condensed;",
         "nimbus-narrow": "font-family: 'Nimbus Sans Narrow';",
         "dejavu-serif-cond": "font-family: 'DejaVu Serif'; font-stretch: condensed;"}


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 2, 2, 3, 3, 4, 5, 6])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.2)


def mixed_number(n, style):
    if style == "model-big":
        return f"<b class=big>{n[:4]}</b><span class=small>{n[4:]}</span>"
    # tail-small: last 6 digits smaller
    return f"<span>{n[:-6]}</span><span class=small>{n[-6:]}</span>"


def init_big(s):
    return " ".join(f"<span class=ini>{E(w[0])}</span>{E(w[1:])}" if w else "" for w in s.split(" "))


def grouped(nit, sep):
    if not sep:
        return nit
    g = []
    s = nit
    while len(s) > 3:
        g.insert(0, s[-3:])
        s = s[:-3]
    g.insert(0, s)
    return sep.join(g)


def render(d, rng, idx, tmp, btmp):
    v = {
        "paper": rng.choice(["Legal", "Legal", "A5"]),
        "font": rng.choice(list(FONTS)),
        "applicant": rng.choice(["record", "rows"]),
        "number_style": rng.choice(["model-big", "model-big", "tail-small"]),
        "initials": rng.random() < 0.6,
        "sep": rng.choice([NBSP, THIN, NNBSP, ".", ""]),
        "nit_sep": rng.choice(["", "", THIN, NBSP]),
        "hairlines": rng.random() < 0.5,
        "code": rng.choice(["column", "inline"]),
        "date_cols": rng.random() < 0.5,
        "date": rng.choice(["iso", "slash", "mon"]),
        "time": rng.choice(["ampm", "24h"]),
        "mcase": rng.choice(["upper", "title"]),
        "pagebreak": rng.random() < 0.5,
        "base_pt": 0,
    }
    small = v["paper"] == "A5"
    v["base_pt"] = rng.choice([7, 7.5]) if small else rng.choice([8.5, 9, 9.5])
    v["pagebreak"] = v["pagebreak"] or small
    size = "A5" if small else "legal"
    bp = v["base_pt"]
    hair = "border-bottom: 0.4pt solid #888;" if v["hairlines"] else ""
    css = f"""
@page {{ size: {size}; margin: {12 if small else 18}mm {10 if small else 16}mm; }}
body {{ {FONTS[v['font']]} font-size: {bp}pt; color: #111; margin: 0; }}
h1 {{ text-align: center; font-size: {bp + 4}pt; margin: 0 0 1mm 0; letter-spacing: 0.02em; }}
.sub {{ text-align: center; font-size: {bp - 1}pt; margin-bottom: 3mm; }}
.model {{ text-align: center; font-size: {bp + 8}pt; font-weight: bold; }}
h2 {{ text-align: center; font-size: {bp + 1}pt; text-transform: uppercase; margin: 5mm 0 1.5mm 0; }}
table {{ border-collapse: collapse; width: 100%; margin: 0 0 3mm 0;
         border-top: 1.4pt solid #000; border-bottom: 1.4pt solid #000; }}
th, td {{ text-align: center; padding: 1.4mm 1.5mm; vertical-align: middle; }}
th {{ font-weight: normal; font-size: {bp - 1.5}pt; border-bottom: 0.6pt solid #000; }}
td {{ font-size: {bp + 1}pt; }}
tr.r td {{ {hair} }}
.num {{ display: block; font-size: {bp - 2.5}pt; color: #333; }}
.big {{ font-size: {bp + 4}pt; }}
.small {{ font-size: {bp - 0.5}pt; }}
.ini {{ font-size: {bp + 3.5}pt; }}
.code {{ font-size: {bp - 2}pt; }}
.pre {{ font-weight: bold; font-size: {bp + 3}pt; }}
.kv td.l {{ white-space: pre; }}
td.nw {{ white-space: nowrap; }}
.kv td.l {{ font-size: {bp - 0.5}pt; }}
.legal {{ font-size: {bp - 1.5}pt; text-align: justify; margin: 1.5mm 0; }}
.stamp {{ margin: 6mm auto 0 auto; width: 60%; text-align: center; border-top: 1.2pt solid #000;
          border-bottom: 1.2pt solid #000; padding: 2mm 0; }}
.stamp .d {{ font-size: {bp + 3}pt; font-weight: bold; }}
.stamp .t {{ font-size: {bp - 0.5}pt; }}
.brk {{ break-before: page; }}
"""
    name_vals = {}
    for key, lab, val in [("ap1", "Primer apellido", d.ap1), ("ap2", "Segundo apellido", d.ap2),
                          ("n1", "Primer nombre", d.n1), ("n2", "Otros nombres", d.n2), ("rs", "Razón social", d.rs)]:
        name_vals[key] = (lab, init_big(val) if (val and v["initials"]) else E(val))
    num_html = mixed_number(d.number, v["number_style"])
    nit_html = E(grouped(d.nit, v["nit_sep"]))
    stamp_day = fmt_day(d.stamp.date(), v["date"])
    tm = stamp_time(d, v["time"])
    ap = []
    if v["applicant"] == "record":
        def rec(cells):
            h = "".join(f"<th><span class=num>{n}</span>{E(lab)}</th>" for n, lab, _ in cells)
            b = "".join(f"<td>{val}</td>" for _, _, val in cells)
            return f"<table><tr>{h}</tr><tr>{b}</tr></table>"
        ap.append(rec([("1", "Año", d.year), ("4", "Número de formulario", num_html),
                       ("12", "Cód. Dirección Seccional", d.secc)]))
        ap.append(rec([("5", "Número de Identificación Tributaria (NIT)", nit_html), ("6", "DV", str(d.dv))]))
        if d.natural:
            ap.append(rec([(n, name_vals[k][0], name_vals[k][1]) for n, k in
                           (("7", "ap1"), ("8", "ap2"), ("9", "n1"), ("10", "n2"))]))
        else:
            ap.append(rec([("11", "Razón social", name_vals["rs"][1])]))
    else:
        rows = [("1.", "Año", d.year), ("4.", "Número de formulario", num_html),
                ("5.", "Número de Identificación Tributaria (NIT)", nit_html), ("6.", "DV", str(d.dv))]
        if d.natural:
            rows += [(n, name_vals[k][0], name_vals[k][1]) for n, k in
                     (("7.", "ap1"), ("8.", "ap2"), ("9.", "n1"), ("10.", "n2"))]
        else:
            rows += [("11.", "Razón social", name_vals["rs"][1])]
        rows += [("12.", "Cód. Dirección Seccional", d.secc)]
        body = "".join(f"<tr class=r><td class=l>{n}\t{E(lab)}</td><td>{val}</td></tr>" for n, lab, val in rows)
        ap.append(f"<table class=kv>{body}</table>")
    # ranges
    heads = [("30", "Modalidad")]
    if v["code"] == "column":
        heads.append(("", "Cód."))
    heads += [("31", "Prefijo"), ("32", "Desde el número"), ("33", "Hasta el número"), ("38", "Vigencia (meses)")]
    if v["date_cols"]:
        heads += [("", "Fecha inicial"), ("", "Fecha final")]
    heads += [("", "Tipo de solicitud"), ("", "Cód.")]
    th = "".join(f"<th><span class=num>{n or '&nbsp;'}</span>{E(h)}</th>" for n, h in heads)
    trs = []
    for r in d.ranges:
        mod = E(kind_name(r.kind, v["mcase"]))
        cells = []
        if v["code"] == "column":
            cells += [mod, str(kind_code(r.kind))]
        else:
            cells.append(f"{mod} <span class=code>({kind_code(r.kind)})</span>")
        cells += [f"<span class=pre>{E(r.prefix)}</span>", E(fmt_num(r.frm, v["sep"])),
                  E(fmt_num(r.to, v["sep"])), str(r.months)]
        if v["date_cols"]:
            cells += [fmt_day(r.valid_from, v["date"]), fmt_day(r.valid_to, v["date"])]
        cells += [E(req_name(r.request, v["mcase"])), str(req_code(r.request))]
        trs.append("<tr class=r>" + "".join(f"<td{'' if j == 0 else ' class=nw'}>{x}</td>"
                                            for j, x in enumerate(cells)) + "</tr>")
    legal = "".join(f"<p class=legal>{E(p)}</p>" for p in legal_paragraphs(rng, d))
    html = f"""<!doctype html><html lang=es><head><meta charset=utf-8><style>{css}</style></head><body>
<div class=model>1876</div>
<h1>Autorización numeración de facturación</h1>
<div class=sub>Formulario para la solicitud y autorización de rangos de numeración</div>
<h2>Datos del solicitante</h2>
{''.join(ap)}
{legal}
<div class="{'brk' if v['pagebreak'] else ''}"></div>
<h2>Detalle de la solicitud</h2>
<table><tr>{th}</tr>{''.join(trs)}</table>
<div class=stamp><div>DIAN</div><div>Fecha Acuse de Recibo</div>
<div><span class=d>{stamp_day}</span> <span class=t>{tm}</span></div><div>Firmado</div></div>
</body></html>"""
    hp = btmp + ".html"
    with open(hp, "w", encoding="utf-8") as f:
        f.write(html)
    chromium_pdf(os.path.abspath(hp), tmp + ".pdf")
    return "chromium", v
