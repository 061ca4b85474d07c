"""Family multipage-legal: large type and 3-6 ranges so the ranges table runs
over several pages with a repeated header; running heads/feet with page
numbers, URL and DIAN's own NIT; legal paragraphs full of other numbers and
dates between the sections. Applicant data as label-row/value-row grid
(groff -ms + tbl) or as a definition list, value indented under its label
(Chromium)."""
from common import *

FAMILY = "multipage-legal"


def doc_params(rng, idx):
    return {"nranges": rng.choice([3, 4, 5, 6, 6])}


EXTRA_LEGAL = [
    "Contra el presente acto no procede recurso alguno (artículo 75 de la Ley 1437 de 2011).",
    "Expedido en Bogotá D.C. Radicación interna 2024-000318. Para PQRSD comuníquese al 601 742 8973 "
    "o a la línea gratuita 018000 910071.",
    "Los rangos autorizados en vigencias anteriores a 2019 deberán migrar a facturación electrónica "
    "según el calendario de la Resolución 000020 de 2019.",
    "Para efectos del artículo 1.6.1.4.3 del Decreto 1625 de 2016, el solicitante declara conocer las "
    "obligaciones de numeración consecutiva.",
]


def render(d, rng, idx, stem, bstem):
    producer = "chromium" if idx % 3 == 1 else "groff"
    lstyle = rng.choice(LABEL_STYLES)
    L = labels(lstyle)
    v = {"labels": lstyle, "sep": rng.choice([",", ",", ""]),
         "modality_case": rng.choice(["upper", "title", "noacc"]),
         "stamp": rng.choice(["slash-ampm", "space-24h", "date-only", "spaced"])}
    legal = legal_paragraphs(rng, d) + rng.sample(EXTRA_LEGAL, 2)
    if producer == "groff":
        v["font_pt"] = rng.choice([12, 13, 14])
        v["font"] = rng.choice(["T", "H", "P"])
        with open(bstem + ".tr", "w", encoding="utf-8") as f:
            f.write(groff_src(d, L, v, legal))
        groff_pdf(bstem + ".tr", stem + ".pdf", extra=["-P-pletter"])
    else:
        v["font_pt"] = rng.choice([14, 15, 16])
        v["font"] = rng.choice(["DejaVu Sans", "Nimbus Roman", "DejaVu Serif", "C059"])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v, legal))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    return producer, v


def groff_src(d, L, v, legal):
    def t(s):
        return ("\\&" + s) if s[:1] in ".'" else s
    ps = v["font_pt"]
    per_page = {12: 4, 13: 3, 14: 3}[ps]
    v["ranges_per_page"] = per_page
    out = [".pl 11i", ".po 0.8i", ".ll 6.9i", ".lt 6.9i", f".ps {ps}", f".vs {ps + 3}", f".fam {v['font']}",
           ".nh", ".na",
           ".de HD", "'sp 0.5i", f".ps 9", f".tl 'DIAN - NIT {DIAN_NIT}-{DIAN_DV}''Formulario 1876'",
           f".ps {ps}", "'sp 0.4i", "..",
           ".de FO", "'sp 0.3i", ".ps 9", ".tl 'www.dian.gov.co''Hoja %'", f".ps {ps}", "'bp", "..",
           ".wh 0 HD", ".wh -0.9i FO",
           ".de PP", ".sp 0.6", ".ti 0", "..",
           ".de SH", ".sp 1", ".ft B", "\\\\$1", ".ft R", ".br", ".sp 0.4", "..",
           f".ps {ps + 4}", ".ft B", t(L["title"]), ".ft R", f".ps {ps}", ".br", t(L["subtitle"]),
           ".PP", f".ps {ps - 3}", t(legal[0]), f".ps {ps}", ".br",
           f'.SH "{t(L["applicant"])}"',
           ".TS", "allbox tab(|);"]
    grid = [[(L["year"], d.year), (L["number"], d.number), (L["secc"], d.secc)],
            [(L["nit"], d.nit), (L["dv"], str(d.dv))],
            [(L["ap1"], d.ap1), (L["ap2"], d.ap2)],
            [(L["n1"], d.n1), (L["n2"], d.n2)],
            [(L["rs"], d.rs)]]
    fmt = []
    data = []
    for row in grid:
        n = len(row)
        span = {1: "l s s", 2: "l l s", 3: "l l l"}[n]
        fmt.append(span.replace("l", "lp-3"))
        fmt.append(span.replace("l", "lB"))
        data.append("|".join("T{\n" + t(k) + "\nT}" for k, _ in row))
        data.append("|".join("T{\n" + (t(val) or "\\&") + "\nT}" for _, val in row))
    out += fmt[:-1] + [fmt[-1] + "."]
    out += data + [".TE"]
    for p in legal[1:3]:
        out += [".PP", f".ps {ps - 3}", t(p), f".ps {ps}", ".br"]
    sep, ms = v["sep"], v["modality_case"]
    heads = [L["mod"], L["modcode"], L["prefix"], L["from"], L["to"], L["months"], L["req"], L["reqcode"]]
    chunks = [d.ranges[i:i + per_page] for i in range(0, len(d.ranges), per_page)]
    for ci, chunk in enumerate(chunks):
        out += [".bp"]
        title = L["detail"] + (" (continuación)" if ci else "")
        out += [f'.SH "{t(title)}"', f".ps {ps - 2}", f".vs {ps + 1}", ".TS", "box tab(|);",
                "cb1 | cb1 | cb1 | cb1 | cb1 | cb1 | cb1 | cb",
                "lw(1.25i)1 | nw(0.35i)1 | lw(0.6i)1 | nw(0.85i)1 | nw(0.85i)1 | nw(0.6i)1 | lw(1.3i)1 | nw(0.35i)."]
        out.append("|".join("T{\n" + t(h) + "\nT}" for h in heads))
        out.append("_")
        for i, r in enumerate(chunk):
            if i:
                out.append("_")
            cells = ["T{\n" + t(kind_name(r.kind, ms)) + "\nT}", str(kind_code(r.kind)), t(r.prefix) or "\\&",
                     fmt_int(r.frm, sep), fmt_int(r.to, sep), str(r.months),
                     "T{\n" + t(req_name(r.request, ms)) + "\nT}", str(req_code(r.request))]
            out.append("|".join(cells))
        out += [".TE", f".ps {ps}", f".vs {ps + 3}"]
        if ci < len(chunks) - 1:
            out += [".sp", f".ps {ps - 3}", "Continúa en la hoja siguiente.", f".ps {ps}", ".br"]
    lines = stamp_lines(d, v["stamp"])
    out += [".sp 1.5", ".ne 7v", ".ce 100", "\\fBDIAN\\fP", f"{t(L['stamp'])}:", f"\\fB{t(lines[0])}\\fP"]
    out += [t(x) for x in lines[1:]] + [t(L["signed"]), ".ce 0"]
    for p in legal[3:]:
        out += [".PP", f".ps {ps - 3}", t(p), f".ps {ps}", ".br"]
    out += [".sp 2", "\\l'2.5i'", ".br", t(L["sign"])]
    return "\n".join(out) + "\n"


def html(d, L, v, legal):
    e = html_escape
    fs = v["font_pt"]
    items = [(L["year"], d.year), (L["number"], d.number), (L["nit"], d.nit), (L["dv"], str(d.dv)),
             (L["ap1"], d.ap1), (L["ap2"], d.ap2), (L["n1"], d.n1), (L["n2"], d.n2), (L["rs"], d.rs),
             (L["secc"], d.secc)]
    dl = "".join(f"<dt>{e(k)}</dt><dd>{e(val) or '&nbsp;'}</dd>" for k, val in items)
    heads = [L["mod"], L["modcode"], L["prefix"], L["from"], L["to"], L["months"], L["req"], L["reqcode"]]
    sep, ms = v["sep"], v["modality_case"]
    trs = "".join(
        "<tr>" + "".join(f"<td class='{c}'>{e(x)}</td>" for c, x in [
            ("t", kind_name(r.kind, ms)), ("n", str(kind_code(r.kind))), ("t", r.prefix),
            ("n", fmt_int(r.frm, sep)), ("n", fmt_int(r.to, sep)), ("n", str(r.months)),
            ("t", req_name(r.request, ms)), ("n", str(req_code(r.request)))]) + "</tr>" for r in d.ranges)
    lines = stamp_lines(d, v["stamp"])
    P = [f"<p class='legal'>{e(p)}</p>" for p in legal]
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size: Letter; margin: 25mm 18mm 22mm 18mm;
  @top-left {{ content: "DIAN - NIT {DIAN_NIT}-{DIAN_DV}"; font-size:9pt; }}
  @top-right {{ content: "Formulario 1876"; font-size:9pt; }}
  @bottom-left {{ content: "www.dian.gov.co"; font-size:9pt; }}
  @bottom-right {{ content: "Hoja " counter(page); font-size:9pt; }} }}
body {{ font-family:'{v['font']}'; font-size:{fs}pt; line-height:1.3; }}
h1 {{ font-size:{fs + 5}pt; margin:0; }} h2 {{ font-size:{fs + 2}pt; margin:16pt 0 6pt 0; }}
dl {{ margin:0; }} dt {{ font-size:{fs - 3}pt; color:#333; margin-top:5pt; }}
dd {{ margin:0 0 0 28pt; font-weight:bold; }}
.legal {{ font-size:{fs - 4}pt; text-align:justify; }}
table {{ border-collapse:collapse; width:100%; }} thead {{ display:table-header-group; }}
th, td {{ border:1px solid #000; padding:3pt; }} th {{ font-size:{fs - 4}pt; background:#e4e4e4; }}
td.n {{ text-align:right; white-space:nowrap; }} tr {{ break-inside:avoid; }}
.stamp {{ margin:18pt auto; width:60%; text-align:center; border:3px double #000; padding:8pt; break-inside:avoid; }}
</style></head><body>
<h1>{e(L['title'])}</h1><div>{e(L['subtitle'])}</div>
{P[0]}
<h2>{e(L['applicant'])}</h2>
<dl>{dl}</dl>
{''.join(P[1:3])}
<h2>{e(L['detail'])}</h2>
<table><thead><tr>{''.join(f'<th>{e(h)}</th>' for h in heads)}</tr></thead><tbody>{trs}</tbody></table>
<div class="stamp"><b>DIAN</b><br>{e(L['stamp'])}:<br><b>{e(lines[0])}</b>{''.join('<br>' + e(x) for x in lines[1:])}<br>{e(L['signed'])}</div>
{''.join(P[3:])}
<p style="margin-top:30pt">________________________<br>{e(L['sign'])}</p>
</body></html>"""
