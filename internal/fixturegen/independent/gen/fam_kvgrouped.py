"""Family kv-table-grouped-header: page 1 is a bordered label|value table
(one or two pairs per row); page 2 the ranges table with a two-row grouped
header ("Rango autorizado" over Desde/Hasta, "Vigencia" over months and
explicit start/end dates, "Solicitud" over type/code).
Producers: Chromium (HTML tables) and groff (tbl, through grops + ps2pdf)."""
from common import *

FAMILY = "kv-table-grouped-header"
FONTS = ["DejaVu Sans", "Nimbus Sans", "Nimbus Roman", "DejaVu Serif", "URW Gothic", "P052"]


def kv_rows(d, L):
    rows = [(L["year"], d.year), (L["number"], d.number), (L["nit"], d.nit), (L["dv"], str(d.dv)),
            (L["ap1"], d.ap1), (L["ap2"], d.ap2), (L["n1"], d.n1), (L["n2"], d.n2),
            (L["rs"], d.rs), (L["secc"], d.secc)]
    return rows


def render(d, rng, idx, stem, bstem):
    producer = "chromium" if idx % 2 == 0 else "groff"
    lstyle = rng.choice(["std", "abbrev", "upper", "noacc", "dvlong"])
    L = labels(lstyle)
    sep = rng.choice([",", ",", ".", ""])
    mstyle = rng.choice(["upper", "upper", "title", "noacc"])
    sstyle = rng.choice(["slash-ampm", "space-24h", "two-lines", "date-only"])
    pairs = rng.choice([1, 2])
    v = {"labels": lstyle, "sep": sep, "modality_case": mstyle, "stamp": sstyle,
         "kv_pairs_per_row": pairs, "explicit_end_date": True}
    if producer == "chromium":
        v["font"] = rng.choice(FONTS)
        v["size"] = rng.choice(["Letter", "A4"])
        html = chromium_html(d, L, sep, mstyle, sstyle, pairs, v, rng)
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html)
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["font"] = rng.choice(["H", "T"])
        tr = groff_src(d, L, sep, mstyle, sstyle, pairs, v, rng)
        with open(bstem + ".tr", "w", encoding="utf-8") as f:
            f.write(tr)
        groff_pdf(bstem + ".tr", stem + ".pdf", extra=["-P-pletter"])
    return producer, v


def chromium_html(d, L, sep, mstyle, sstyle, pairs, v, rng):
    e = html_escape
    rows = kv_rows(d, L)
    trs = []
    if pairs == 1:
        for k, val in rows:
            trs.append(f"<tr><th>{e(k)}</th><td>{e(val)}</td></tr>")
    else:
        for i in range(0, len(rows), 2):
            cells = "".join(f"<th>{e(k)}</th><td>{e(val)}</td>" for k, val in rows[i:i + 2])
            trs.append(f"<tr>{cells}</tr>")
    rng_rows = []
    for r in d.ranges:
        rng_rows.append(
            "<tr>" + "".join(f"<td class='{c}'>{e(x)}</td>" for c, x in [
                ("t", kind_name(r.kind, mstyle)), ("n", str(kind_code(r.kind))), ("t", r.prefix),
                ("n", fmt_int(r.frm, sep)), ("n", fmt_int(r.to, sep)), ("n", str(r.months)),
                ("c", r.valid_from.isoformat()), ("c", r.valid_to.isoformat()),
                ("t", req_name(r.request, mstyle)), ("n", str(req_code(r.request)))]) + "</tr>")
    stamp = "<br>".join(e(x) for x in stamp_lines(d, sstyle))
    legal = "".join(f"<p>{e(p)}</p>" for p in legal_paragraphs(rng, d))
    fs = rng.choice([9, 10, 11])
    v["font_pt"] = fs
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size: {v['size']}; margin: 14mm 14mm 18mm 14mm; }}
body {{ font-family: '{v['font']}'; font-size: {fs}pt; color:#111; }}
.head {{ display:flex; justify-content:space-between; align-items:center; border-bottom:2px solid #333; padding-bottom:4pt; }}
.head h1 {{ font-size:{fs + 5}pt; margin:0; }} .formno {{ font-size:{fs + 12}pt; font-weight:bold; border:1.5px solid #000; padding:2pt 8pt; }}
h2 {{ font-size:{fs + 1}pt; background:#ddd; padding:2pt 4pt; margin:10pt 0 4pt 0; }}
table {{ border-collapse: collapse; width:100%; }}
th, td {{ border: 0.8px solid #444; padding: 3pt 5pt; vertical-align: top; }}
table.kv th {{ text-align:left; font-weight:normal; background:#f2f2f2; width:{'38%' if pairs == 1 else '22%'}; }}
table.kv td {{ font-weight:bold; }}
table.rg th {{ background:#e8e8e8; font-weight:bold; font-size:{fs - 2}pt; text-align:center; }}
table.rg td.n {{ text-align:right; white-space:nowrap; }} table.rg td.c {{ text-align:center; white-space:nowrap; }}
table.rg td {{ font-size:{fs - 2}pt; padding:2pt 2pt; }} table.rg th {{ padding:2pt 2pt; }}
.page {{ page-break-after: always; position:relative; }}
.reserved {{ border:1px dashed #777; height:60pt; margin-top:12pt; color:#777; padding:4pt; }}
.stamp {{ margin:20pt 0 0 auto; width:230pt; white-space:nowrap; border:2px solid #333; border-radius:10pt; text-align:center; padding:8pt; }}
.stamp .dt {{ font-weight:bold; font-size:{fs + 1}pt; }}
.legal {{ font-size:{fs - 2}pt; color:#333; margin-top:16pt; }}
.foot {{ font-size:{fs - 2}pt; border-top:1px solid #999; margin-top:14pt; display:flex; justify-content:space-between; }}
</style></head><body>
<div class="page">
<div class="head"><div><h1>{e(L['title'])}</h1><div>{e(L['subtitle'])}</div></div><div class="formno">1876</div></div>
<h2>{e(L['applicant'])}</h2>
<table class="kv">{''.join(trs)}</table>
<div class="reserved">{e(L['reserved'])}</div>
<div class="legal">{legal}</div>
<div class="foot"><span>www.dian.gov.co</span><span>Página 1 de 2</span></div>
</div>
<div>
<div class="head"><div><h1>{e(L['title'])}</h1></div><div>Hoja 2</div></div>
<h2>{e(L['detail'])}</h2>
<table class="rg">
<tr><th rowspan="2">{e(L['mod'])}</th><th rowspan="2">{e(L['modcode'])}</th><th rowspan="2">{e(L['prefix'])}</th>
<th colspan="2">Rango autorizado</th><th colspan="3">Vigencia</th><th colspan="2">Solicitud</th></tr>
<tr><th>{e(L['from'])}</th><th>{e(L['to'])}</th><th>{e(L['months'])}</th><th>{e(L['vfrom'])}</th><th>{e(L['vto'])}</th>
<th>{e(L['req'])}</th><th>{e(L['reqcode'])}</th></tr>
{''.join(rng_rows)}
</table>
<div class="stamp">DIAN<br>{e(L['stamp'])}<br><span class="dt">{stamp}</span><br>{e(L['signed'])}</div>
<p style="margin-top:30pt">______________________________<br>{e(L['sign'])}</p>
<div class="foot"><span>Formulario 1876 - {e(L['title'])}</span><span>Página 2 de 2</span></div>
</div></body></html>"""


def groff_src(d, L, sep, mstyle, sstyle, pairs, v, rng):
    fam = v["font"]
    ps = rng.choice([9, 10])
    v["font_pt"] = ps
    def t(s):  # protect cell text for tbl / troff
        s = s.replace("\\", "\\e")
        if s.startswith(".") or s.startswith("'"):
            s = "\\&" + s
        return s
    out = [".nh", ".na", ".pl 11i", ".ll 7.2i", ".po 0.65i", f".ps {ps}", f".vs {ps + 3}", f".fam {fam}", ".ft R",
           ".de FO", "'sp |10.35i", ".tl 'www.dian.gov.co''Página %'", "'bp", "..", ".wh -0.8i FO",
           ".sp 0.4i",
           f".ps {ps + 5}", ".ft B", f"{t(L['title'])}\\h'|6.2i'1876", ".ft R", f".ps {ps}", ".br",
           t(L["subtitle"]), ".sp", ".ft B", t(L["applicant"]), ".ft R", ".sp 0.3"]
    rows = kv_rows(d, L)
    out.append(".TS")
    if pairs == 1:
        out += ["allbox tab(|);", "lw(2.6i) lBw(3.6i)."]
        for k, val in rows:
            out.append(f"T{{\n{t(k)}\nT}}|T{{\n{t(val)}\nT}}")
    else:
        out += ["allbox tab(|);", "lw(1.7i) lBw(1.6i) lw(1.6i) lBw(1.5i)."]
        for i in range(0, len(rows), 2):
            out.append("|".join(f"T{{\n{t(k)}\nT}}|T{{\n{t(val)}\nT}}" for k, val in rows[i:i + 2]))
    out.append(".TE")
    out += [".sp", ".ft I", t(L["reserved"]), ".ft R", ".sp 2"]
    for p in legal_paragraphs(rng, d):
        out += [f".ps {ps - 2}", t(p), ".br", ".sp 0.5"]
    out += [f".ps {ps}", ".bp", ".sp 0.4i", ".ft B", f"{t(L['title'])}\\h'|6.4i'Hoja 2", ".br",
            ".sp", t(L["detail"]), ".ft R", ".sp 0.3", ".ps 8", ".vs 10", ".TS",
            "allbox center tab(|);",
            "cb cb cb cb s cb s s cb s",
            "^ ^ ^ cb cb cb cb cb cb cb",
            "lw(1.15i)1 n1 lw(0.4i)1 nw(0.75i)1 nw(0.75i)1 nw(0.45i)1 cw(0.7i)1 cw(0.7i)1 lw(0.95i)1 n."]
    hdr1 = [L["mod"], L["modcode"], L["prefix"], "Rango autorizado", "Vigencia", "Solicitud"]
    hdr2 = ["", "", "", L["from"], L["to"], L["months"], L["vfrom"], L["vto"], L["req"], L["reqcode"]]
    out.append("|".join("T{\n" + t(x) + "\nT}" if len(x) > 12 else t(x) for x in hdr1))
    out.append("|".join(("T{\n" + t(x) + "\nT}") if len(x) > 9 else t(x) for x in hdr2))
    for r in d.ranges:
        cells = ["T{\n" + t(kind_name(r.kind, mstyle)) + "\nT}", str(kind_code(r.kind)), t(r.prefix),
                 fmt_int(r.frm, sep), fmt_int(r.to, sep), str(r.months), r.valid_from.isoformat(),
                 r.valid_to.isoformat(), t(req_name(r.request, mstyle)), str(req_code(r.request))]
        out.append("|".join(cells))
    out.append(".TE")
    out += [f".ps {ps}", f".vs {ps + 3}", ".sp 2", ".in 4.2i", ".ft B", "DIAN", ".br", t(L["stamp"]), ".br"]
    for x in stamp_lines(d, sstyle):
        out += [t(x), ".br"]
    out += [t(L["signed"]), ".ft R", ".in 0", ".sp 3", "______________________________", ".br", t(L["sign"])]
    return "\n".join(out) + "\n"
