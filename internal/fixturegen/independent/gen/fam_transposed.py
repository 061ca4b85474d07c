"""Family transposed-ranges: landscape pages; the ranges table is transposed
(field names as rows, one column per range). Page 1 data in a strip of
boxes with the label above the value. Producers: Chromium (HTML, 1 or 2
pages) and mutool create (raw content stream, single page, circular stamp
with text drawn around the circle)."""
from common import *
from draw import Canvas

FAMILY = "transposed-ranges"


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 2, 3, 3, 4, 5, 6])}


def field_rows(d, L, v):
    sep, ms = v["sep"], v["modality_case"]
    rows = [(L["mod"], [kind_name(r.kind, ms) for r in d.ranges]),
            ("Cód. modalidad", [str(kind_code(r.kind)) for r in d.ranges]),
            (L["prefix"], [r.prefix for r in d.ranges]),
            (L["from"], [fmt_int(r.frm, sep) for r in d.ranges]),
            (L["to"], [fmt_int(r.to, sep) for r in d.ranges]),
            (L["months"], [str(r.months) for r in d.ranges])]
    if v["dates_rows"]:
        rows += [("Vigencia desde", [r.valid_from.isoformat() for r in d.ranges]),
                 ("Vigencia hasta", [r.valid_to.isoformat() for r in d.ranges])]
    rows += [(L["req"], [req_name(r.request, ms) for r in d.ranges]),
             ("Cód. solicitud", [str(req_code(r.request)) for r in d.ranges])]
    return rows


def head_cells(d, L):
    return [(L["year"], d.year), (L["number"], d.number), (L["nit"], d.nit), (L["dv"], str(d.dv)),
            (L["ap1"], d.ap1), (L["ap2"], d.ap2), (L["n1"], d.n1), (L["n2"], d.n2),
            (L["rs"], d.rs), (L["secc"], d.secc)]


def render(d, rng, idx, stem, bstem):
    producer = "mutool" if idx % 3 == 2 else "chromium"
    lstyle = rng.choice(["std", "abbrev", "upper", "noacc", "nodot"])
    L = labels(lstyle)
    v = {"labels": lstyle, "sep": rng.choice([",", ",", ".", ""]),
         "modality_case": rng.choice(["upper", "title", "noacc"]),
         "stamp": rng.choice(STAMP_STYLES), "dates_rows": rng.random() < 0.6,
         "orientation": "landscape"}
    if producer == "chromium":
        v["pages"] = rng.choice([1, 2])
        v["font"] = rng.choice(["DejaVu Sans", "Nimbus Sans", "Nimbus Roman", "DejaVu Serif", "C059"])
        v["font_pt"] = rng.choice([8, 9, 10, 11])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v, rng))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["pages"] = 1
        v["font_pt"] = rng.choice([7, 7.5, 8])
        mutool_canvas(d, L, v, rng).save(bstem, stem + ".pdf")
    return producer, v


def html(d, L, v, rng):
    e = html_escape
    fs = v["font_pt"]
    heads = "".join(f"<div class='cell'><div class='lab'>{e(k)}</div><div class='val'>{e(val) or '&nbsp;'}</div></div>"
                    for k, val in head_cells(d, L))
    rows = field_rows(d, L, v)
    n = len(d.ranges)
    thead = "<tr><th class='f'>Campo</th>" + "".join(f"<th>Rango {i + 1}</th>" for i in range(n)) + "</tr>"
    body = "".join("<tr><th class='f'>" + e(k) + "</th>" + "".join(f"<td>{e(x)}</td>" for x in vals) + "</tr>"
                   for k, vals in rows)
    stamp = "<br>".join(e(x) for x in stamp_lines(d, v["stamp"]))
    legal = " ".join(e(p) for p in legal_paragraphs(rng, d))
    brk = "<div style='page-break-before:always; padding-top:6pt'><div class='top'><b>" + e(L["title"]) + \
        "</b><span>Hoja 2</span></div></div>" if v["pages"] == 2 else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size: Letter landscape; margin: 12mm; }}
body {{ font-family:'{v['font']}'; font-size:{fs}pt; }}
.top {{ display:flex; justify-content:space-between; border-bottom:1.5px solid #000; margin-bottom:6pt; }}
.top b {{ font-size:{fs + 4}pt; }}
.grid {{ display:grid; grid-template-columns: repeat(5, 1fr); border-top:1px solid #000; border-left:1px solid #000; }}
.cell {{ border-right:1px solid #000; border-bottom:1px solid #000; padding:2pt 4pt; min-height:{fs * 3}pt; }}
.lab {{ font-size:{fs - 1.5}pt; color:#333; }} .val {{ font-weight:bold; margin-top:2pt; }}
h3 {{ font-size:{fs + 1}pt; margin:8pt 0 3pt 0; }}
.wrap {{ display:flex; gap:14pt; align-items:flex-start; }}
table {{ border-collapse:collapse; flex:1; }}
th, td {{ border:1px solid #333; padding:2pt 5pt; text-align:center; }}
th.f {{ text-align:left; background:#eee; font-weight:normal; width:120pt; }}
td {{ font-weight:bold; }}
.stamp {{ width:150pt; height:150pt; border:2px solid #245; border-radius:50%; display:flex; flex-direction:column;
  justify-content:center; align-items:center; text-align:center; color:#124; font-size:{fs - 1}pt; flex:none; }}
.stamp .dt {{ font-weight:bold; font-size:{fs}pt; white-space:nowrap; }}
.legal {{ font-size:{fs - 2}pt; margin-top:10pt; color:#444; }}
.foot {{ font-size:{fs - 2}pt; margin-top:6pt; display:flex; justify-content:space-between; }}
</style></head><body>
<div class="top"><b>{e(L['title'])}</b><span>{e(L['subtitle'])}</span><b>1876</b></div>
<h3>{e(L['applicant'])}</h3>
<div class="grid">{heads}</div>
<div class="legal">{legal}</div>
{brk}
<h3>{e(L['detail'])}</h3>
<div class="wrap"><table>{thead}{body}</table>
<div class="stamp"><div>U.A.E. DIAN</div><div>{e(L['stamp'])}</div><div class="dt">{stamp}</div><div>{e(L['signed'])}</div></div></div>
<div class="foot"><span>{e(L['sign'])}: ______________________</span><span>www.dian.gov.co - Línea 601 307 8064</span></div>
</body></html>"""


def mutool_canvas(d, L, v, rng):
    c = Canvas("mu")
    W, H = 792, 612
    fs = v["font_pt"]
    c.page(W, H)
    c.font("Helvetica-Bold", 13)
    c.text(36, 40, L["title"])
    c.font("Helvetica", 8)
    c.text(36, 52, L["subtitle"])
    c.font("Helvetica-Bold", 20)
    c.text(W - 36, 46, "1876", "r")
    c.line(36, 58, W - 36, 58, 1)
    c.font("Helvetica-Bold", fs + 1)
    c.text(36, 74, L["applicant"])
    cells = head_cells(d, L)
    cw, ch = (W - 72) / 5, 30
    for i, (k, val) in enumerate(cells):
        x, y = 36 + (i % 5) * cw, 80 + (i // 5) * ch
        c.rect(x, y, cw, ch, 0.6)
        c.font("Helvetica", fs - 1)
        c.text(x + 3, y + fs, k)
        c.font("Helvetica-Bold", fs + 1)
        lines = wrap_text(val, "Helvetica-Bold", fs + 1, cw - 6) if val else []
        if len(lines) > 1:
            c.font("Helvetica-Bold", fs - 0.5)
            lines = wrap_text(val, "Helvetica-Bold", fs - 0.5, cw - 6)
        for j, ln in enumerate(lines[:2]):
            c.text(x + 3, y + fs + 10 + j * (fs), ln)
    y = 80 + 2 * ch + 22
    c.font("Helvetica-Bold", fs + 1)
    c.text(36, y, L["detail"])
    y += 6
    rows = field_rows(d, L, v)
    n = len(d.ranges)
    fw = 118
    tw = W - 72 - 170
    colw = (tw - fw) / n
    rh = fs + 7
    c.rect(36, y, fw, rh, 0.6, fill=0.88)
    c.font("Helvetica-Bold", fs)
    c.text(39, y + rh - 4, "Campo")
    for i in range(n):
        c.rect(36 + fw + i * colw, y, colw, rh, 0.6, fill=0.88)
        c.text(36 + fw + (i + 0.5) * colw, y + rh - 4, f"Rango {i + 1}", "c")
    y += rh
    for k, vals in rows:
        lines_per = [wrap_text(x, "Helvetica-Bold", fs, colw - 6) or [""] for x in vals]
        nl = max(len(x) for x in lines_per)
        h = rh + (nl - 1) * (fs + 1)
        c.rect(36, y, fw, h, 0.6)
        c.font("Helvetica", fs)
        c.text(39, y + rh - 4, k)
        c.font("Helvetica-Bold", fs)
        for i, ls in enumerate(lines_per):
            c.rect(36 + fw + i * colw, y, colw, h, 0.6)
            for j, ln in enumerate(ls):
                c.text(36 + fw + (i + 0.5) * colw, y + rh - 4 + j * (fs + 1), ln, "c")
        y += h
    # stamp
    cx, cy, r = W - 36 - 75, 80 + 2 * ch + 100, 70
    c.circle(cx, cy, r, 1.2)
    c.circle(cx, cy, r - 16, 0.5)
    c.font("Helvetica", 7)
    c.arc_text(cx, cy, r - 9, "DIRECCIÓN DE IMPUESTOS Y ADUANAS NACIONALES", 165, 150)
    c.font("Helvetica", fs - 1)
    c.text(cx, cy - 16, L["stamp"], "c")
    c.font("Helvetica-Bold", fs)
    for j, ln in enumerate(stamp_lines(d, v["stamp"])):
        c.text(cx, cy + j * (fs + 2), ln, "c")
    c.font("Helvetica", fs - 1)
    c.text(cx, cy + 30, L["signed"], "c")
    # legal + signature
    y = max(y + 30, cy + r + 30)
    c.font("Helvetica", 6.5)
    for p in legal_paragraphs(rng, d):
        for ln in wrap_text(p, "Helvetica", 6.5, W - 72):
            c.text(36, y, ln)
            y += 8
    c.line(36, H - 40, 250, H - 40, 0.5)
    c.text(36, H - 31, L["sign"])
    c.text(W - 36, H - 31, "Hoja 1 de 1", "r")
    return c
