"""Family range-cards: the form number, year, NIT/DV and seccional are
printed inline in a header band ("label: value | label: value"); the names
sit in a row of cells with the label above; each range is a CARD whose title
bar carries the modality and whose body is a grid of label-above-value
cells (prefix, from, to, months, request, validity period). Cards flow two
per row; the stamp is a circle (date horizontal). Producers: Ghostscript
(landscape, cards continue on following pages) and Chromium (CSS grid)."""
from common import *
from draw import Canvas

FAMILY = "range-cards"


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 2, 2, 3, 4, 5, 6])}


def card_cells(r, L, v):
    sep, ms = v["sep"], v["modality_case"]
    cells = [(L["prefix"], r.prefix), (L["from"], fmt_int(r.frm, sep)), (L["to"], fmt_int(r.to, sep)),
             (L["months"], str(r.months)),
             (L["req"], f"{req_name(r.request, ms)} - {req_code(r.request)}" if v["codes_inline"]
              else req_name(r.request, ms))]
    if not v["codes_inline"]:
        cells.append(("Cód. solicitud", str(req_code(r.request))))
    if v["period_cell"]:
        cells.append(("Período de vigencia", f"{r.valid_from.isoformat()} al {r.valid_to.isoformat()}"))
    return cells


def card_title(r, L, v):
    ms = v["modality_case"]
    return f"{L['mod']}: {kind_name(r.kind, ms)} (Cód. {kind_code(r.kind)})"


def header_inline(d, L):
    return [(L["number"], d.number), (L["year"], d.year), (L["nit"], d.nit), (L["dv"], str(d.dv)),
            (L["secc"], d.secc)]


def name_cells(d, L):
    if d.natural:
        return [(L["ap1"], d.ap1), (L["ap2"], d.ap2), (L["n1"], d.n1), (L["n2"], d.n2)]
    return [(L["rs"], d.rs)]


def render(d, rng, idx, stem, bstem):
    producer = "gs" if idx % 2 == 0 else "chromium"
    lstyle = rng.choice(["std", "abbrev", "upper", "noacc", "nodot"])
    L = labels(lstyle)
    v = {"labels": lstyle, "sep": rng.choice([",", ",", ".", ""]),
         "modality_case": rng.choice(["upper", "title", "noacc"]),
         "stamp": rng.choice(STAMP_STYLES), "codes_inline": rng.random() < 0.5,
         "period_cell": rng.random() < 0.6}
    if producer == "gs":
        v["font"] = rng.choice(["Helvetica", "Times-Roman"])
        canvas(d, L, v, rng).save(bstem, stem + ".pdf")
    else:
        v["font"] = rng.choice(["DejaVu Sans", "Nimbus Sans", "DejaVu Serif", "P052"])
        v["font_pt"] = rng.choice([9, 10, 11, 12])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v, rng))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    return producer, v


def canvas(d, L, v, rng):
    c = Canvas("ps")
    W, H = 792, 612
    M = 36
    font = v["font"]
    bold = "Helvetica-Bold" if font == "Helvetica" else "Times-Bold"
    page_no = [0]

    def new_page():
        page_no[0] += 1
        c.page(W, H)
        c.font(font, 7)
        c.text(M, H - 20, f"Formulario 1876 - {L['title']}")
        c.text(W - M, H - 20, f"Hoja {page_no[0]}", "r")
        c.text(W / 2, H - 20, "Servicio informático electrónico - MUISCA", "c")

    new_page()
    c.rect(M, 24, W - 2 * M, 46, 0, fill=0.85)
    c.font(bold, 15)
    c.text(M + 8, 44, L["title"])
    c.font(font, 8)
    c.text(M + 8, 58, L["subtitle"])
    c.font(bold, 24)
    c.text(W - M - 10, 56, "1876", "r")
    # inline header: label: value | label: value
    y = 88
    x = M
    for i, (k, val) in enumerate(header_inline(d, L)):
        c.font(font, 8.5)
        seg_k = k + ": "
        c.font(bold, 9)
        wv = c.width(val)
        c.font(font, 8.5)
        wk = c.width(seg_k)
        if x + wk + wv > W - M:
            x = M
            y += 14
        c.text(x, y, seg_k)
        c.font(bold, 9)
        c.text(x + wk, y, val)
        x += wk + wv + 10
        if i < 4:
            c.font(font, 8.5)
            c.text(x, y, "|")
            x += 10
    y += 14
    c.font(bold, 9)
    c.text(M, y + 6, L["applicant"])
    y += 12
    cells = name_cells(d, L)
    cw = (W - 2 * M) / len(cells)
    for i, (k, val) in enumerate(cells):
        c.rect(M + i * cw, y, cw, 30, 0.5)
        c.font(font, 7)
        c.text(M + i * cw + 3, y + 9, k)
        c.font(bold, 10)
        c.text(M + i * cw + 3, y + 23, val)
    y += 48
    c.font(bold, 10)
    c.text(M, y, L["detail"])
    y += 8
    gap = 14
    cardw = (W - 2 * M - gap) / 2
    for row in range(0, len(d.ranges), 2):
        pair = d.ranges[row:row + 2]
        ncell = max(len(card_cells(r, L, v)) for r in pair)
        rows_c = (ncell + 2) // 3
        cardh = 20 + rows_c * 30 + 4
        if y + cardh > H - 40:
            new_page()
            y = 40
            c.font(bold, 10)
            c.text(M, y, L["detail"] + " (cont.)")
            y += 8
        for col, r in enumerate(pair):
            x = M + col * (cardw + gap)
            c.rect(x, y, cardw, cardh, 0.8)
            c.rect(x, y, cardw, 18, 0, fill=0.88)
            c.font(bold, 8.5)
            c.text(x + 5, y + 12.5, card_title(r, L, v))
            c.font(font, 7)
            c.text(x + cardw - 5, y + 12.5, f"Rango {row + col + 1}/{len(d.ranges)}", "r")
            cellw = (cardw - 8) / 3
            for j, (k, val) in enumerate(card_cells(r, L, v)):
                cx, cy = x + 4 + (j % 3) * cellw, y + 22 + (j // 3) * 30
                c.rect(cx, cy, cellw - 3, 27, 0.3)
                c.font(font, 6.5)
                c.text(cx + 3, cy + 8, k)
                c.font(bold, 9 if c.width(val, bold, 9) < cellw - 8 else 7)
                c.text(cx + 3, cy + 21, val)
        y += cardh + 10
    # stamp
    rad = 62
    if y + 2 * rad + 10 > H - 30:
        new_page()
        y = 40
    cx, cy = W - M - rad - 10, y + rad + 6
    c.circle(cx, cy, rad, 1.5)
    c.circle(cx, cy, rad - 15, 0.4)
    c.font(font, 6.5)
    c.arc_text(cx, cy, rad - 9, "U.A.E. DIRECCIÓN DE IMPUESTOS Y ADUANAS NACIONALES", 170, 160)
    c.font(font, 7)
    c.text(cx, cy - 14, L["stamp"], "c")
    c.font(bold, 8.5)
    lines = stamp_lines(d, v["stamp"])
    for j, ln in enumerate(lines):
        c.text(cx, cy + j * 10, ln, "c")
    c.font(font, 7)
    c.text(cx, cy + 26, L["signed"], "c")
    c.font(font, 7)
    ly = y + 14
    for p in legal_paragraphs(rng, d):
        for ln in wrap_text(p, font, 7, W - 2 * M - 2 * rad - 40):
            c.text(M, ly, ln)
            ly += 9
        ly += 3
    c.line(M, ly + 30, M + 180, ly + 30, 0.5)
    c.text(M, ly + 40, L["sign"])
    return c


def html(d, L, v, rng):
    e = html_escape
    fs = v["font_pt"]
    band = " <span class='sep'>|</span> ".join(f"{e(k)}: <b>{e(val)}</b>" for k, val in header_inline(d, L))
    names = "".join(f"<div class='c'><div class='k'>{e(k)}</div><div class='v'>{e(val) or '&nbsp;'}</div></div>"
                    for k, val in name_cells(d, L))
    cards = []
    for i, r in enumerate(d.ranges):
        cells = "".join(f"<div class='c{' p' if k == 'Período de vigencia' else ''}'><div class='k'>{e(k)}</div>"
                        f"<div class='v'>{e(val) or '&nbsp;'}</div></div>" for k, val in card_cells(r, L, v))
        cards.append(f"<div class='card'><div class='t'>{e(card_title(r, L, v))}"
                     f"<span>Rango {i + 1}/{len(d.ranges)}</span></div><div class='g'>{cells}</div></div>")
    stamp = "<br>".join(e(x) for x in stamp_lines(d, v["stamp"]))
    legal = "".join(f"<p>{e(p)}</p>" for p in legal_paragraphs(rng, d))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size: Letter; margin: 12mm; }}
body {{ font-family:'{v['font']}'; font-size:{fs}pt; }}
.top {{ background:#222; color:#fff; padding:6pt 10pt; display:flex; justify-content:space-between; align-items:center; }}
.top h1 {{ font-size:{fs + 5}pt; margin:0; }} .top .n {{ font-size:{fs + 14}pt; font-weight:bold; }}
.band {{ border:1px solid #222; border-top:none; padding:5pt 8pt; line-height:1.6; }}
.sep {{ color:#999; }}
h2 {{ font-size:{fs + 1}pt; margin:10pt 0 4pt; }}
.names {{ display:grid; grid-template-columns: repeat({len(name_cells(d, L))}, 1fr); gap:0; border:1px solid #444; }}
.c {{ border:1px solid #bbb; padding:2pt 4pt; }} .k {{ font-size:{fs - 2.5}pt; color:#444; }} .v {{ font-weight:bold; }}
.c.p {{ grid-column: 1 / -1; }} .card .v {{ white-space:nowrap; }}
.cards {{ display:grid; grid-template-columns: 1fr 1fr; gap:10pt; }}
.card {{ border:1.5px solid #333; border-radius:6pt; overflow:hidden; break-inside:avoid; }}
.card .t {{ background:#e2e2e2; padding:3pt 6pt; font-weight:bold; display:flex; justify-content:space-between; gap:6pt; }}
.card .t span {{ font-weight:normal; font-size:{fs - 2}pt; white-space:nowrap; }}
.card .g {{ display:grid; grid-template-columns: repeat(3, 1fr); padding:4pt; gap:3pt; }}
.bottom {{ display:flex; gap:16pt; align-items:center; margin-top:14pt; break-inside:avoid; }}
.stamp {{ flex:none; width:140pt; height:140pt; border-radius:50%; border:3px solid #333; position:relative;
  display:flex; flex-direction:column; justify-content:center; align-items:center; text-align:center; font-size:{fs - 1}pt; }}
.stamp .rot {{ position:absolute; top:14pt; transform:rotate(-12deg); font-size:{fs - 3}pt; letter-spacing:1pt; }}
.stamp .d {{ font-weight:bold; white-space:nowrap; }}
.legal {{ font-size:{fs - 3}pt; color:#333; }}
</style></head><body>
<div class="top"><div><h1>{e(L['title'])}</h1><div>{e(L['subtitle'])}</div></div><div class="n">1876</div></div>
<div class="band">{band}</div>
<h2>{e(L['applicant'])}</h2>
<div class="names">{names}</div>
<h2>{e(L['detail'])}</h2>
<div class="cards">{''.join(cards)}</div>
<div class="bottom"><div class="legal">{legal}<p>______________________<br>{e(L['sign'])}</p></div>
<div class="stamp"><div class="rot">DIAN - RECIBIDO</div><div>{e(L['stamp'])}</div><div class="d">{stamp}</div><div>{e(L['signed'])}</div></div></div>
</body></html>"""
