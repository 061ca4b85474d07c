"""Family values-left-reversed: large type (13-16 pt); every applicant box is
a row whose VALUE comes first (left, bold, boxed) and whose label follows to
its right; the ranges table has its columns in reverse order (request code
... modality) and breaks across pages with a repeated header; page furniture
via CSS @page margin boxes ("Página N de M"). Producer: Chromium."""
from common import *

FAMILY = "values-left-reversed"


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 2, 3, 4, 5, 6])}


def render(d, rng, idx, stem, bstem):
    lstyle = rng.choice(LABEL_STYLES)
    L = labels(lstyle)
    v = {"labels": lstyle, "sep": rng.choice([",", ",", ""]),
         "modality_case": rng.choice(["upper", "title", "noacc"]),
         "stamp": rng.choice(["slash-ampm", "space-24h", "two-lines", "date-only"]),
         "font": rng.choice(["DejaVu Sans", "Nimbus Sans", "Nimbus Roman", "DejaVu Serif", "P052"]),
         "font_pt": rng.choice([13, 14, 15, 16]),
         "size": rng.choice(["Letter", "A4", "Letter landscape"]),
         "arrow": rng.choice(["", "rule"]),
         "reverse_columns": True, "table_flow": rng.random() < 0.5}
    with open(bstem + ".html", "w", encoding="utf-8") as f:
        f.write(html(d, L, v, rng))
    chromium_pdf(bstem + ".html", stem + ".pdf")
    return "chromium", v


def html(d, L, v, rng):
    e = html_escape
    fs = v["font_pt"]
    items = [(L["year"], d.year), (L["number"], d.number), (L["nit"], d.nit), (L["dv"], str(d.dv)),
             (L["ap1"], d.ap1), (L["ap2"], d.ap2), (L["n1"], d.n1), (L["n2"], d.n2), (L["rs"], d.rs),
             (L["secc"], d.secc)]
    rows = "".join(f"<div class='v'>{e(val) or '&nbsp;'}</div><div class='l'>{e(k)}</div>" for k, val in items)
    cols = [("t", L["mod"]), ("n", L["modcode"]), ("t", L["prefix"]), ("n", L["from"]), ("n", L["to"]),
            ("n", L["months"]), ("t", L["req"]), ("n", L["reqcode"])]
    cols = cols[::-1]
    ms, sep = v["modality_case"], v["sep"]
    trs = []
    for r in d.ranges:
        vals = [kind_name(r.kind, ms), str(kind_code(r.kind)), r.prefix, fmt_int(r.frm, sep), fmt_int(r.to, sep),
                str(r.months), req_name(r.request, ms), str(req_code(r.request))][::-1]
        trs.append("<tr>" + "".join(f"<td class='{k}'>{e(x)}</td>" for (k, _), x in zip(cols, vals)) + "</tr>")
    thead = "<tr>" + "".join(f"<th>{e(h)}</th>" for _, h in cols) + "</tr>"
    stamp = "<br>".join(e(x) for x in stamp_lines(d, v["stamp"]))
    legal = "".join(f"<p>{e(p)}</p>" for p in legal_paragraphs(rng, d)[:2])
    brk = "" if v["table_flow"] else ' style="break-before:page"'
    border = "border-right:3px solid #555;" if v["arrow"] == "rule" else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size: {v['size']}; margin: 22mm 15mm 20mm 15mm;
  @top-left {{ content: "DIAN - Formulario 1876"; font-family:'{v['font']}'; font-size:9pt; }}
  @top-right {{ content: "{e(L['title'])}"; font-family:'{v['font']}'; font-size:9pt; }}
  @bottom-right {{ content: "Página " counter(page) " de " counter(pages); font-family:'{v['font']}'; font-size:9pt; }}
  @bottom-left {{ content: "www.dian.gov.co"; font-family:'{v['font']}'; font-size:9pt; }} }}
body {{ font-family:'{v['font']}'; font-size:{fs}pt; }}
h1 {{ font-size:{fs + 6}pt; margin:0 0 4pt 0; }} h2 {{ font-size:{fs + 2}pt; margin:14pt 0 6pt 0; border-bottom:2px solid #000; }}
.kv {{ display:grid; grid-template-columns: fit-content(58%) minmax(30%, 1fr); column-gap:12pt; row-gap:4pt; }}
.kv .v {{ font-weight:bold; text-align:right; border:1px solid #888; padding:2pt 6pt; min-width:120pt; {border} }}
.kv .l {{ color:#444; padding:3pt 0; }}
table {{ border-collapse:collapse; width:100%; }}
th, td {{ border:1px solid #444; padding:3pt 4pt; }}
th {{ background:#ddd; font-size:{fs - 3}pt; }}
td.n {{ text-align:right; white-space:nowrap; }}
thead {{ display: table-header-group; }} tr {{ break-inside: avoid; }}
.stamp {{ display:flex; gap:12pt; align-items:center; margin-top:18pt; break-inside: avoid; }}
.stamp .v {{ font-weight:bold; border:2px solid #000; padding:6pt 10pt; white-space:nowrap; }}
.legal {{ font-size:{max(fs - 5, 8)}pt; color:#333; }}
</style></head><body>
<h1>{e(L['title'])} <span style="float:right">1876</span></h1>
<div>{e(L['subtitle'])}</div>
<h2>{e(L['applicant'])}</h2>
<div class="kv">{rows}</div>
<div class="legal">{legal}</div>
<h2{brk}>{e(L['detail'])}</h2>
<table><thead>{thead}</thead><tbody>{''.join(trs)}</tbody></table>
<div class="stamp"><div class="v">{stamp}</div><div>{e(L['stamp'])}<br>{e(L['signed'])} - DIAN</div></div>
<p style="margin-top:28pt">______________________<br>{e(L['sign'])}</p>
</body></html>"""
