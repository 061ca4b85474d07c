"""Family prose-ranges-legal: a resolution-style document. Page 1: header
with the form number, the boxes as wrapping 'chips' (Chromium: inline boxes,
label small above value, as many per line as fit) or as run-in bold labels
inside flowing paragraphs (groff); then a LONG legal preamble ("CONSIDERANDO")
full of other resolution numbers, dates, amounts and month counts; then
"RESUELVE" and the ranges as NUMBERED PROSE PARAGRAPHS ("1. Autorización de
numeración para factura electrónica de venta (modalidad 1), prefijo FE, del
1 al 5.000, con vigencia de 12 meses, del 2024-10-19 al 2025-10-19 ..."),
dates in ISO or Spanish long form, "sin prefijo" for empty prefixes; more
articles, then the reception stamp. 2-4 pages. Producers: Chromium, groff."""
from common2 import *

FAMILY = "prose-ranges-legal"


def doc_params(rng, idx):
    return {"nranges": 1 + (idx * 5 + 4) % 6, "empty_prefix_prob": 0.2}


CONSIDERANDO = [
    "Que el artículo 616-1 del Estatuto Tributario establece que la factura de venta o documento equivalente "
    "se expedirá en las operaciones que se realicen con comerciantes, importadores o prestadores de servicios.",
    "Que mediante la Resolución 000042 del 5 de mayo de 2020 la Dirección de Impuestos y Aduanas Nacionales "
    "desarrolló los sistemas de facturación, los proveedores tecnológicos y el registro de la factura electrónica.",
    "Que la Resolución 000165 del 1 de noviembre de 2023 reglamentó el documento soporte en adquisiciones "
    "efectuadas a sujetos no obligados a expedir factura de venta, con un plazo de implementación de 6 meses.",
    "Que el artículo 1.6.1.4.3 del Decreto 1625 de 2016 dispone que la numeración de las facturas será consecutiva "
    "y que la autorización tendrá una vigencia máxima de 24 meses.",
    "Que según el parágrafo 2 del artículo 55 de la Resolución 000042 de 2020 los rangos solicitados antes del "
    "31 de diciembre de 2019 conservarán su vigencia hasta su agotamiento o vencimiento.",
    "Que la Ley 2155 de 2021 y la Ley 2277 de 2022 modificaron el régimen sancionatorio, con sanciones de hasta "
    "el 1% del valor de las operaciones facturadas y un máximo de 950 UVT.",
    "Que el solicitante presentó su solicitud por el servicio informático electrónico MUISCA y esta cumple los "
    "requisitos del artículo 1.6.1.4.2 del Decreto 1625 de 2016.",
    "Que la Dirección Seccional verificó que el solicitante se encuentra inscrito en el Registro Único Tributario "
    "y que su responsabilidad 52 (facturador electrónico) está activa desde el 1 de enero de 2019.",
]
ARTICULOS = [
    "ARTÍCULO SEGUNDO. El solicitante deberá asociar los prefijos autorizados a su software de facturación "
    "dentro de las 2 horas siguientes, en el servicio de habilitación de facturación electrónica.",
    "ARTÍCULO TERCERO. La numeración que no se utilice dentro de la vigencia podrá habilitarse nuevamente mediante "
    "solicitud de habilitación, sin que la nueva vigencia supere 24 meses.",
    "ARTÍCULO CUARTO. Contra la presente decisión no procede recurso alguno (artículo 75 de la Ley 1437 de 2011).",
]


def range_sentences(d, v):
    sep = v["sep"]
    out = []
    for r in d.ranges:
        req = req_name(r.request, "title").capitalize()
        mod = kind_name(r.kind, "title").lower().replace(" pos", " POS")
        pre = f"prefijo {r.prefix}" if r.prefix else "sin prefijo"
        if v["dates"] == "long":
            per = f"del {long_date(r.valid_from)} al {long_date(r.valid_to)}"
        else:
            per = f"del {r.valid_from.isoformat()} al {r.valid_to.isoformat()}"
        noun = {"authorization": "de numeración", "enablement": "de la numeración", "disablement": "de la numeración"}[r.request]
        out.append(f"{req} {noun} para {mod} (modalidad {kind_code(r.kind)}, tipo de solicitud "
                   f"{req_code(r.request)}), {pre}, del número {fmt_int(r.frm, sep)} al número "
                   f"{fmt_int(r.to, sep)}, con vigencia de {r.months} meses, {per}.")
    return out


def render(d, rng, idx, stem, bstem):
    producer = "chromium" if idx % 2 == 1 else "groff"
    lstyle = rng.choice(["std", "abbrev", "noacc", "nodot", "dvlong"])
    L = labels(lstyle)
    v = {"labels": lstyle, "sep": rng.choice([".", ".", ",", ""]), "dates": rng.choice(["iso", "long"]),
         "stamp": rng.choice(STAMP_STYLES), "considerando": rng.randint(5, 8)}
    cons = rng.sample(CONSIDERANDO, v["considerando"])
    legal = legal_paragraphs(rng, d)
    if producer == "chromium":
        v["font"] = rng.choice(["Nimbus Roman", "DejaVu Serif", "C059", "P052", "DejaVu Sans"])
        v["font_pt"] = rng.choice([10, 11, 12])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v, cons, legal))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["font"] = rng.choice(["T", "P", "N", "H"])
        v["font_pt"] = rng.choice([10, 11, 12])
        with open(bstem + ".tr", "w", encoding="utf-8") as f:
            f.write(groff_src(d, L, v, cons, legal))
        groff_pdf(bstem + ".tr", stem + ".pdf", extra=["-P-pletter"])
    return producer, v


def html(d, L, v, cons, legal):
    e = html_escape
    fs = v["font_pt"]
    chips = "".join(f"<div class='chip'><div class='k'>{e(lab)}</div><div class='v'>{e(val) or '&nbsp;'}</div></div>"
                    for k, lab, val in applicant_items(d, L) if k != "number")
    cons_html = "".join(f"<p>{e(p)}</p>" for p in cons)
    rs = "".join(f"<li>{e(s)}</li>" for s in range_sentences(d, v))
    arts = "".join(f"<p>{e(p)}</p>" for p in ARTICULOS)
    sl = "<br>".join(e(x) for x in stamp_lines(d, v["stamp"]))
    leg = "".join(f"<p class='sm'>{e(p)}</p>" for p in legal)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size:Letter; margin:20mm 22mm 20mm 22mm; @bottom-center {{ content:"Hoja " counter(page) " de " counter(pages); font-size:8pt; }} }}
body {{ font-family:'{v['font']}'; font-size:{fs}pt; line-height:1.35; }}
.top {{ display:flex; justify-content:space-between; align-items:flex-end; border-bottom:1px solid #000; padding-bottom:4pt; }}
.top .t {{ font-size:{fs + 4}pt; font-weight:bold; }} .num {{ text-align:right; }} .num b {{ font-size:{fs + 3}pt; }}
.chips {{ display:flex; flex-wrap:wrap; gap:5pt; margin:10pt 0; }}
.chip {{ border:1px solid #555; padding:2pt 6pt; min-width:70pt; }}
.chip .k {{ font-size:{fs - 3}pt; color:#333; }} .chip .v {{ font-weight:bold; }}
p {{ text-align:justify; margin:0 0 6pt 0; }} h3 {{ text-align:center; letter-spacing:2pt; margin:12pt 0 6pt 0; font-size:{fs + 1}pt; }}
ol {{ padding-left:18pt; }} ol li {{ margin-bottom:6pt; text-align:justify; }}
.stamp {{ margin:18pt 0 0 auto; width:220pt; border:2px solid #000; border-radius:50%/30%; text-align:center; padding:14pt 6pt; break-inside:avoid; }}
.sm {{ font-size:{fs - 2}pt; }}
</style></head><body>
<div class="top"><div><div class="t">{e(L['title'])}</div><div>Formato 1876 &mdash; {e(L['subtitle'])}</div></div>
<div class="num">{e(L['number'])}<br><b>{e(d.number)}</b></div></div>
<div class="chips">{chips}</div>
<p>La Dirección Seccional de Impuestos, en uso de sus facultades legales y en especial las conferidas por el
Decreto 1742 de 2020 y la Resolución 000042 de 2020, y</p>
<h3>CONSIDERANDO</h3>
{cons_html}
<h3>RESUELVE</h3>
<p>ARTÍCULO PRIMERO. {e(L['detail'])}. Autorizar, habilitar o inhabilitar, según corresponda, los siguientes rangos:</p>
<ol>{rs}</ol>
{arts}
<div class="stamp"><b>DIAN</b><br>{e(L['stamp'])}<br><b>{sl}</b><br>{e(L['signed'])}</div>
<p style="margin-top:24pt">______________________________<br>{e(L['sign'])}</p>
{leg}
</body></html>"""


def groff_src(d, L, v, cons, legal):
    t = groff_esc
    ps = v["font_pt"]
    out = [".nh", ".pl 11i", ".ll 6.5i", ".lt 6.5i", ".po 1i", f".ps {ps}", f".vs {ps + 4}", f".fam {v['font']}",
           ".de FO", "'sp 0.35i", ".ps 8", ".tl ''Hoja %''", f".ps {ps}", "'bp", "..", ".wh -0.85i FO",
           ".de HD", "'sp 0.6i", "..", ".wh 0 HD",
           ".de PP", ".sp 0.5", "..",
           ".ad l", f".ps {ps + 4}", f"\\fB{t(L['title'])}\\fP", f".ps {ps}", ".br",
           f"Formato 1876 \\(em {t(L['subtitle'])}", ".br",
           f"{t(L['number'])}: \\fB{t(d.number)}\\fP", ".sp 0.3", "\\l'6.5i'", ".sp 0.5", ".ad b"]
    items = [(lab, val) for k, lab, val in applicant_items(d, L) if k != "number"]
    # run-in paragraphs: three groups
    groups = [items[0:3], items[3:8], items[8:]]
    out.append(".ad l")
    for g in groups:
        parts = []
        for lab, val in g:
            parts.append(f"\\fI{t(lab).replace(' ', chr(92) + '~')}:\\fP\\~\\fB{t(val).replace(' ', chr(92) + '~') if val else chr(92) + '(em'}\\fP")
        out += [".PP", "\\0\\0\\0 ".join(parts)]
    out += [".ad b", ".PP", "La Dirección Seccional de Impuestos, en uso de sus facultades legales y en especial las conferidas "
            "por el Decreto 1742 de 2020 y la Resolución 000042 de 2020, y", ".sp", ".ce", "\\fBC O N S I D E R A N D O\\fP"]
    for p in cons:
        out += [".PP", t(p)]
    out += [".sp", ".ce", "\\fBR E S U E L V E\\fP", ".PP",
            f"ARTÍCULO PRIMERO. {t(L['detail'])}. Autorizar, habilitar o inhabilitar, según corresponda, los siguientes rangos:"]
    for i, s in enumerate(range_sentences(d, v), 1):
        out += [".PP", ".in 0.35i", ".ti -0.3i", f"{i}.\\h'|0.3i'{t(s)}", ".in 0"]
    for p in ARTICULOS:
        out += [".PP", t(p)]
    sl = stamp_lines(d, v["stamp"])
    out += [".sp 1.5", ".ne 8v", ".in 3.6i", ".ad l", "\\fBDIAN\\fP", ".br", t(L["stamp"]), ".br"]
    for x in sl:
        out += [f"\\fB{t(x)}\\fP", ".br"]
    out += [t(L["signed"]), ".br", ".in 0", ".ad b", ".sp 2", "\\l'2.5i'", ".br", t(L["sign"])]
    for p in legal:
        out += [".PP", f".ps {ps - 2}", t(p), f".ps {ps}"]
    return "\n".join(out) + "\n"
