"""Family digit-boxes-qr: a 'pre-printed form' look where identifiers are
written ONE DIGIT PER BOX: the year (4 boxes), the form number (one box per
digit), the NIT (one box per digit) with the DV in a SEPARATE small box after a
gap, and the seccional code (2 boxes); in some documents the names are
written one letter per box too (an empty box between words). Next to the
form number sit a QR code (a raster image) and a long CUFE-like hexadecimal
'Código de verificación' (96 hex digits, wrapped over two lines), plus a
validation URL. Page 2 opens with a shaded header band that repeats the
taxpayer's NIT-DV and name (and sometimes the form number); the reception
stamp writes the date as '15-ENE-2025' or in Año/Mes/Día digit boxes.
Producers: Ghostscript (PostScript image operator), mutool create (PNG image),
Chromium (HTML/CSS, data-URI PNG)."""
from common4 import *

FAMILY = "digit-boxes-qr"


def doc_params(rng, idx):
    return {"nranges": 1 + (idx * 7 + 2) % 6, "natural_prob": 0.5}


def render(d, rng, idx, stem, bstem):
    producer = ["gs", "mutool", "chromium"][idx % 3]
    lstyle = rng.choice(["std", "std", "abbrev", "upper", "noacc", "dvlong"])
    L = labels(lstyle)
    v = {"labels": lstyle, "modality_case": rng.choice(["upper", "upper", "title", "noacc"]),
         "name_boxes": rng.random() < 0.4, "stamp_date": rng.choice(["mon", "mon", "boxes"]),
         "time": rng.choice(["ampm", "24h"]), "band_number": rng.random() < 0.5,
         "sep": rng.choice([",", ".", ""]), "paper": rng.choice(["Letter", "A4"]),
         "hex_pos": rng.choice(["below-number", "under-qr"])}
    legal = legal_paragraphs(rng, d)
    hexs = verification_hex(d)
    qr = qr_matrix(d.number + d.nit)
    if producer == "chromium":
        v["font"] = rng.choice(["DejaVu Sans", "Nimbus Sans", "Nimbus Roman", "DejaVu Sans Condensed"])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v, legal, hexs, qr))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["font"] = rng.choice(["Helvetica", "Times-Roman"])
        c = Canvas4("ps" if producer == "gs" else "mu")
        draw(c, d, L, v, legal, hexs, qr, bstem)
        c.save(bstem, stem + ".pdf")
    return producer, v


def url(hexs):
    return "https://muisca.dian.gov.co/validar?c=" + hexs[:16]


def band_text(d, v):
    s = f"NIT {d.nit} - {d.dv}   |   {d.name}"
    if v["band_number"]:
        s += f"   |   Formulario No. {d.number}"
    return s


def rows_vals(d, v):
    ms = v["modality_case"]
    return [[kind_name(r.kind, ms), str(kind_code(r.kind)), r.prefix, fmt_sep(r.frm, v["sep"]),
             fmt_sep(r.to, v["sep"]), str(r.months), req_name(r.request, ms), str(req_code(r.request))]
            for r in d.ranges]


# ------------------------------------------------------------------ canvas
def draw(c, d, L, v, legal, hexs, qr, bstem):
    PW, PH = PAPERS[v["paper"]]
    M = 40
    TW = PW - 2 * M
    F = v["font"]
    FB = "Helvetica-Bold" if F == "Helvetica" else "Times-Bold"
    fs = 8
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}

    def boxes(x, y, s, bw=12, bh=15, size=10, font=None):
        c.font(font or FB, size)
        for i, ch in enumerate(s):
            c.rect(x + i * bw, y, bw, bh, lw=0.6)
            if ch != " ":
                c.text(x + i * bw + bw / 2, y + bh / 2 + size * 0.35, ch, "c")
        return x + len(s) * bw

    def lab(x, y, s, size=None):
        c.font(F, size or fs - 1)
        c.text(x, y, s)

    # -------- page 1
    c.page(PW, PH)
    y = M
    c.rect(M, y, TW, 34, lw=1)
    c.font(FB, 18)
    c.text(M + 8, y + 24, "DIAN")
    c.font(FB, 11)
    c.text(M + TW / 2, y + 15, L["title"], "c")
    c.font(F, 7)
    c.text(M + TW / 2, y + 26, L["subtitle"], "c")
    c.rect(M + TW - 60, y + 5, 52, 24, lw=1)
    c.font(FB, 15)
    c.text(M + TW - 34, y + 23, "1876", "c")
    y += 48
    qs = 78
    qx = M + TW - qs
    c.image(qx, y, qs, qs, qr, bstem + "-qr.png")
    lab(M, y + 7, L["year"])
    boxes(M, y + 11, d.year)
    lab(M + 70, y + 7, L["number"])
    nb = 13 if len(d.number) <= 15 else 12
    boxes(M + 70, y + 11, d.number, bw=nb)
    c.font(F, 6)
    c.text(qx + qs / 2, y + qs + 8, "Escanee para validar", "c")
    hx = M if v["hex_pos"] == "below-number" else qx - 150
    hy = y + 42 if v["hex_pos"] == "below-number" else y + qs + 20
    if v["hex_pos"] == "under-qr":
        hx = M + TW - c.width(hexs[:48], "Courier", 6.5)
    lab(hx, hy, "Código de verificación (CUFE):", 6.5)
    c.font("Courier", 6.5)
    c.text(hx, hy + 9, hexs[:48])
    c.text(hx, hy + 17, hexs[48:])
    c.font(F, 6)
    c.text(hx, hy + 26, url(hexs))
    y = max(y + qs + 50, hy + 38)
    c.rect(M, y, TW, 14, lw=0, fill=0.85)
    c.font(FB, fs + 1)
    c.text(M + 4, y + 10, L["applicant"])
    y += 26
    lab(M, y, L["nit"])
    xe = boxes(M, y + 4, d.nit)
    dx = max(xe + 14, M + c.width(L["nit"], F, fs - 1) + 14)
    lab(dx, y, L["dv"])
    c.rect(dx, y + 4, 11, 15, lw=1.2)
    c.font(FB, 10)
    c.text(dx + 5.5, y + 15.5, str(d.dv), "c")
    sx = M + TW - 130
    lab(sx, y, L["secc"])
    boxes(sx, y + 4, d.secc)
    y += 32
    nbw = 10.5
    maxchars = int(TW / nbw)
    for k in (["ap1", "ap2", "n1", "n2", "rs"] if not d.natural else ["ap1", "ap2", "n1", "n2", "rs"]):
        lab(M, y, it[k][0])
        val = it[k][1]
        if v["name_boxes"]:
            s = val[:maxchars].ljust(min(maxchars, max(len(val), 24)))
            boxes(M, y + 4, s, bw=nbw, bh=14, size=9)
            if len(val) > maxchars:  # second row of boxes
                y += 16
                boxes(M, y + 4, val[maxchars:].ljust(24), bw=nbw, bh=14, size=9)
        else:
            c.rect(M, y + 4, TW, 15, lw=0.6)
            c.font(FB, 9.5)
            c.text(M + 4, y + 15, val)
        y += 30
    y += 6
    c.rect(M, y, TW, 44, lw=0.6)
    lab(M + 4, y + 10, L["reserved"])
    y += 62
    c.font(F, 6.5)
    for p in legal:
        for ln in wrap_text(p, F, 6.5, TW):
            c.text(M, y, ln)
            y += 8
        y += 3
    c.text(PW - M, PH - 24, "Hoja 1 de 2", "r")
    # -------- page 2
    c.page(PW, PH)
    y = M
    bt = band_text(d, v)
    bsz = 9
    while c.width(bt, FB, bsz) > TW - 16:
        bsz -= 0.5
    c.rect(M, y, TW, 22, lw=0.8, fill=0.82)
    c.font(FB, bsz)
    c.text(M + 8, y + 14.5, bt)
    y += 34
    c.font(FB, 11)
    c.text(M, y, L["title"] + " - Hoja 2")
    y += 10
    c.rect(M, y, TW, 14, lw=0, fill=0.85)
    c.font(FB, fs + 1)
    c.text(M + 4, y + 10, L["detail"])
    y += 18
    head = [L["mod"], L["modcode"], L["prefix"], L["from"], L["to"], L["months"], L["req"], L["reqcode"]]
    rows = rows_vals(d, v)
    widths = fit_widths([2.6, 0.5, 0.8, 1.3, 1.3, 0.9, 1.6, 0.5], head, rows, F, fs - 1, F, fs + 0.5, TW, 3)
    y = canvas_table(c, M, y, widths, head, rows, list("lclrrclc"), F, FB, fs + 0.5, fs - 1, 3,
                     head_fill=0.92)
    # stamp
    y += 30
    sw, sh = 220, 92
    sx = M + TW - sw
    c.rect(sx, y, sw, sh, lw=1.5)
    c.rect(sx + 3, y + 3, sw - 6, sh - 6, lw=0.4)
    c.font(FB, 10)
    c.text(sx + sw / 2, y + 16, "DIAN", "c")
    c.font(F, 7.5)
    c.text(sx + sw / 2, y + 27, L["stamp"], "c")
    s = d.stamp
    tm = s.strftime("%I:%M:%S %p") if v["time"] == "ampm" else s.strftime("%H:%M:%S")
    if v["stamp_date"] == "mon":
        c.font(FB, 11)
        c.text(sx + sw / 2, y + 50, f"{d_mon(s.date())}  {tm}", "c")
    else:
        x0 = sx + 22
        c.font(F, 6)
        for lbl, s_, off in [("Año", f"{s.year}", 0), ("Mes", f"{s.month:02d}", 58), ("Día", f"{s.day:02d}", 92)]:
            c.font(F, 6)
            c.text(x0 + off, y + 37, lbl)
            boxes(x0 + off, y + 39, s_, bw=11, bh=14, size=9)
        c.font(F, 6)
        c.text(x0 + 128, y + 37, "Hora")
        c.font(FB, 9)
        c.text(x0 + 128, y + 49.5, tm)
    c.font(F, 7.5)
    c.text(sx + sw / 2, y + sh - 10, L["signed"], "c")
    c.line(M, y + sh - 8, M + 180, y + sh - 8, lw=0.5)
    c.font(F, 7)
    c.text(M, y + sh + 2, L["sign"])
    c.text(PW - M, PH - 24, "Hoja 2 de 2", "r")


# ------------------------------------------------------------------ Chromium
def html(d, L, v, legal, hexs, qr):
    e = html_escape
    PW, PH = PAPERS[v["paper"]]
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}

    def boxes(s, cls="bx"):
        return "<span class='bxs'>" + "".join(f"<span class='{cls}'>{e(ch) if ch != ' ' else '&nbsp;'}</span>" for ch in s) + "</span>"

    names = []
    for k in ["ap1", "ap2", "n1", "n2", "rs"]:
        lab, val = it[k]
        if v["name_boxes"]:
            cont = boxes(val.ljust(24), "bx nb")
        else:
            cont = f"<div class='line'>{e(val) or '&nbsp;'}</div>"
        names.append(f"<div class='fld'><div class='lab'>{e(lab)}</div>{cont}</div>")
    head = [L["mod"], L["modcode"], L["prefix"], L["from"], L["to"], L["months"], L["req"], L["reqcode"]]
    al = "lclrrclc"
    ths = "".join(f"<th>{e(h)}</th>" for h in head)
    trs = "".join("<tr>" + "".join(f"<td class='{a}'>{e(x) or '&nbsp;'}</td>" for x, a in zip(row, al)) + "</tr>"
                  for row in rows_vals(d, v))
    s = d.stamp
    tm = s.strftime("%I:%M:%S %p") if v["time"] == "ampm" else s.strftime("%H:%M:%S")
    if v["stamp_date"] == "mon":
        sdate = f"<div class='sd'>{d_mon(s.date())}&nbsp; {tm}</div>"
    else:
        sdate = ("<div class='sdb'>" + "".join(f"<div><div class='lab'>{l_}</div>{boxes(x)}</div>" for l_, x in
                                              [("Año", str(s.year)), ("Mes", f"{s.month:02d}"), ("Día", f"{s.day:02d}")])
                 + f"<div><div class='lab'>Hora</div><b>{tm}</b></div></div>")
    hexblock = (f"<div class='hex'><div class='lab'>Código de verificación (CUFE):</div><code>{hexs[:48]}<br>{hexs[48:]}</code>"
                f"<div class='url'>{e(url(hexs))}</div></div>")
    leg = "".join(f"<p>{e(p)}</p>" for p in legal)
    qimg = f"<img class='qr' src='{png_data_uri(qr)}'>"
    below = hexblock if v["hex_pos"] == "below-number" else ""
    under = hexblock if v["hex_pos"] == "under-qr" else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size:{PW}pt {PH}pt; margin:0; }}
* {{ box-sizing:border-box; }}
body {{ margin:0; font-family:'{v['font']}'; font-size:8pt; }}
.page {{ position:relative; width:{PW}pt; height:{PH}pt; padding:40pt; overflow:hidden; break-after:page; }}
.hdr {{ border:1pt solid #000; display:flex; align-items:center; justify-content:space-between; padding:4pt 8pt; }}
.hdr .logo {{ font-weight:bold; font-size:18pt; }} .hdr .t {{ text-align:center; }} .hdr .t b {{ font-size:11pt; }}
.hdr .n {{ border:1pt solid #000; font-weight:bold; font-size:15pt; padding:2pt 6pt; }}
.lab {{ font-size:7pt; margin-bottom:2pt; }}
.bxs {{ display:inline-flex; flex-wrap:wrap; max-width:520pt; }}
.bx {{ display:inline-block; width:12pt; height:15pt; border:0.6pt solid #000; margin-right:-0.6pt; text-align:center; font-weight:bold; font-size:10pt; line-height:15pt; }}
.bx.nb {{ width:10.5pt; height:14pt; font-size:9pt; line-height:14pt; }}
.dv {{ display:inline-block; width:12pt; height:15pt; border:1.2pt solid #000; text-align:center; font-weight:bold; font-size:10pt; line-height:14pt; }}
.top {{ display:flex; justify-content:space-between; margin-top:12pt; }}
.qr {{ width:78pt; height:78pt; image-rendering:pixelated; display:block; }}
.qrc {{ text-align:center; font-size:6pt; }}
.hex {{ margin-top:8pt; font-size:6.5pt; }} .hex code {{ font-family:'Nimbus Mono PS'; font-size:6.5pt; }} .url {{ font-size:6pt; }}
.sec {{ background:#d9d9d9; font-weight:bold; font-size:9pt; padding:2pt 4pt; margin:14pt 0 8pt 0; }}
.idrow {{ display:flex; justify-content:space-between; align-items:flex-end; }}
.fld {{ margin-top:8pt; }} .line {{ border:0.6pt solid #000; padding:2pt 4pt; font-weight:bold; font-size:9.5pt; }}
.res {{ border:0.6pt solid #000; height:44pt; margin-top:12pt; padding:3pt; font-size:7pt; }}
.legal {{ font-size:6.5pt; margin-top:12pt; }}
.pg {{ position:absolute; right:40pt; bottom:18pt; font-size:7pt; }}
.band {{ background:#d1d1d1; border:0.8pt solid #000; font-weight:bold; font-size:9pt; padding:5pt 8pt; white-space:pre; overflow:hidden; }}
h2 {{ font-size:11pt; margin:12pt 0 0 0; }}
table {{ border-collapse:collapse; width:100%; }}
th {{ border:0.5pt solid #000; background:#ebebeb; font-weight:normal; font-size:7pt; padding:3pt; }}
td {{ border:0.5pt solid #000; padding:3pt; font-size:8.5pt; vertical-align:top; }}
td.r {{ text-align:right; }} td.c {{ text-align:center; }}
.stamp {{ width:220pt; margin:30pt 0 0 auto; border:1.5pt double #000; padding:6pt; text-align:center; outline:0.4pt solid #000; outline-offset:-4pt; }}
.sd {{ font-weight:bold; font-size:11pt; margin:8pt 0; }}
.sdb {{ display:flex; justify-content:space-around; margin:6pt 0; text-align:left; }} .sdb .bx {{ width:11pt; height:14pt; font-size:9pt; line-height:14pt; }}
.sig {{ width:180pt; border-top:0.5pt solid #000; font-size:7pt; margin-top:-8pt; }}
</style></head><body>
<div class="page">
<div class="hdr"><span class="logo">DIAN</span><span class="t"><b>{e(L['title'])}</b><br><span style="font-size:7pt">{e(L['subtitle'])}</span></span><span class="n">1876</span></div>
<div class="top"><div>
<div style="display:flex; gap:14pt"><div><div class="lab">{e(L['year'])}</div>{boxes(d.year)}</div>
<div><div class="lab">{e(L['number'])}</div>{boxes(d.number)}</div></div>{below}</div>
<div style="text-align:right">{qimg}<div class="qrc">Escanee para validar</div>{under}</div></div>
<div class="sec">{e(L['applicant'])}</div>
<div class="idrow"><div style="display:flex; gap:14pt; align-items:flex-end"><div><div class="lab">{e(L['nit'])}</div>{boxes(d.nit)}</div>
<div><div class="lab">{e(L['dv'])}</div><span class="dv">{d.dv}</span></div></div>
<div><div class="lab">{e(L['secc'])}</div>{boxes(d.secc)}</div></div>
{''.join(names)}
<div class="res">{e(L['reserved'])}</div>
<div class="legal">{leg}</div>
<div class="pg">Hoja 1 de 2</div>
</div>
<div class="page">
<div class="band">{e(band_text(d, v))}</div>
<h2>{e(L['title'])} - Hoja 2</h2>
<div class="sec" style="margin-top:4pt">{e(L['detail'])}</div>
<table><tr>{ths}</tr>{trs}</table>
<div class="stamp"><b style="font-size:10pt">DIAN</b><div style="font-size:7.5pt">{e(L['stamp'])}</div>{sdate}<div style="font-size:7.5pt">{e(L['signed'])}</div></div>
<div class="sig">{e(L['sign'])}</div>
<div class="pg">Hoja 2 de 2</div>
</div></body></html>"""
