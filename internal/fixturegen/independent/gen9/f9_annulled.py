"""Family amended-annulled-ranges: a copy of the authorization kept after a
LATER AMENDMENT, in which one or two of the printed ranges were ANNULLED and
the others stand. Page 1: title band 'Autorización numeración de
facturación' with the model number 1876, a red/grey banner 'DOCUMENTO CON
ANOTACIONES DE MODIFICACIÓN' explaining that rows marked ANULADO are not in
force, and the taxpayer boxes (4, 1, 5, 6, 7-10 or 11, 12) as a two-column
ruled label | value grid. Page 2: 'Rangos de numeración' table (optional item
column, modality + code, prefix, desde, hasta, months, optional explicit
start/end dates, request + code) in which every ANNULLED row is STRUCK
THROUGH (CSS line-through / a drawn rule across the row) and marked ANULADO
in one of two ways: an 'Estado' column reading VIGENTE or ANULADO ('status'),
or no status column and a tag 'ANULADO' (or '<- ANULADO') printed just right of
the table on the row's baseline ('tag'). In about a third of the documents the
annulled row was REPLACED: it carries the same modality and prefix as the
valid row printed right after it, with a different end number / validity.
Under the table a 'Nota de modificación' names the amending form number (a
second 1876 number) and its later date, and restates the annulled prefix and
numbers; a legend explains the states; the DIAN reception stamp (frame with
'Fecha Acuse de Recibo', date-time, 'Firmado') and a second, later
'ANULACIÓN PARCIAL' annotation stamp. The TRUTH holds only the valid ranges,
in printed order. Producers: Chromium (HTML/CSS), Ghostscript (PostScript)."""
import datetime as dt

from common9 import (E, Canvas3, chromium_pdf, tweak_doc, unique_nonempty_prefixes, extra_range,
                     kind_name, kind_code, req_name, req_code, fmt_num, fmt_day, time_str, other_number,
                     name_fields, text_width, DIAN_NIT, DIAN_DV)
from common4 import wrap_cell, fit_widths  # noqa: E402

FAMILY = "amended-annulled-ranges"


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 2, 2, 3, 3, 4, 5])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.2, empty_prefix_prob=0.0)
    unique_nonempty_prefixes(d, rng)
    k = 2 if len(d.ranges) >= 3 and rng.random() < 0.35 else 1
    printed = [(r, False) for r in d.ranges]
    annulled = []
    for j in range(k):
        if j == 0 and rng.random() < 0.35:
            i = rng.randrange(len(d.ranges))
            like = d.ranges[i]
            a = extra_range(d, rng, like)
            pos = next(p for p, (r, _) in enumerate(printed) if r is like)
        else:
            a = extra_range(d, rng)
            pos = rng.randrange(len(printed) + 1)
        printed.insert(pos, (a, True))
        annulled.append(a)
    d.printed = printed
    d.annulled = annulled
    d.amend_number = other_number(d, rng)
    d.amend_at = d.stamp + dt.timedelta(days=rng.randrange(4, 70), minutes=rng.randrange(0, 1400))


def variant(d, rng, producer):
    return {
        "mark": rng.choice(["status", "tag"]),
        "item_col": rng.random() < 0.5,
        "date_cols": rng.random() < 0.5,
        "date": rng.choice(["iso", "slash", "mon"]),
        "sep": rng.choice(["", ",", "."]),
        "time": rng.choice(["ampm", "24h"]),
        "annulled": len(d.annulled),
        "replaced": any(a.prefix == r.prefix for a in d.annulled for r in d.ranges),
        "paper": rng.choice(["letter", "a4"]),
    }


def note_text(d, v):
    parts = []
    for a in d.annulled:
        rep = next((r for r in d.ranges if r.prefix == a.prefix), None)
        s = (f"el rango con prefijo {a.prefix} del {fmt_num(a.frm, v['sep'])} al {fmt_num(a.to, v['sep'])} "
             f"({kind_name(a.kind).lower()}) fue ANULADO")
        if rep is not None:
            s += f" y reemplazado por el rango {rep.prefix} del {fmt_num(rep.frm, v['sep'])} al {fmt_num(rep.to, v['sep'])}"
        parts.append(s)
    return (f"Nota de modificación: mediante formulario No. {d.amend_number} del "
            f"{fmt_day(d.amend_at.date(), v['date'])}, " + "; ".join(parts) +
            ". Los rangos marcados ANULADO no hacen parte de la numeración autorizada vigente; "
            "solo los rangos en estado VIGENTE pueden usarse para facturar.")


BANNER = ("DOCUMENTO CON ANOTACIONES DE MODIFICACIÓN. Uno o más rangos de esta autorización fueron "
          "anulados con posterioridad. Los rangos marcados ANULADO (tachados) no están vigentes.")


def applicant(d):
    items = [("4. Número de formulario", d.number), ("1. Año", d.year),
             ("5. Número de Identificación Tributaria (NIT)", d.nit), ("6. DV", str(d.dv))]
    nums = {"ap1": 7, "ap2": 8, "n1": 9, "n2": 10, "rs": 11}
    for k, lbl, val in name_fields(d):
        items.append((f"{nums[k]}. {lbl}", val))
    items.append(("12. Cód. Dirección Seccional", d.secc))
    return items


def columns(v):
    cols = []
    if v["item_col"]:
        cols.append("Ítem")
    cols += ["30. Modalidad", "Cód.", "31. Prefijo", "32. Desde el número", "33. Hasta el número", "38. Vigencia (meses)"]
    if v["date_cols"]:
        cols += ["Fecha inicial", "Fecha final"]
    cols += ["Tipo de solicitud", "Cód."]
    if v["mark"] == "status":
        cols.append("Estado")
    return cols


def row_cells(i, r, annulled, v):
    c = []
    if v["item_col"]:
        c.append(str(i))
    c += [kind_name(r.kind), str(kind_code(r.kind)), r.prefix, fmt_num(r.frm, v["sep"]), fmt_num(r.to, v["sep"]), str(r.months)]
    if v["date_cols"]:
        c += [fmt_day(r.valid_from, v["date"]), fmt_day(r.valid_to, v["date"])]
    c += [req_name(r.request), str(req_code(r.request))]
    if v["mark"] == "status":
        c.append("ANULADO" if annulled else "VIGENTE")
    return c


def render(d, rng, idx, tmp, btmp):
    producer = "chromium" if idx % 2 == 0 else "gs"
    v = variant(d, rng, producer)
    if producer == "chromium":
        html(d, v, rng, tmp, btmp)
    else:
        ps(d, v, rng, tmp, btmp)
    return producer, v


def html(d, v, rng, tmp, btmp):
    s = d.stamp
    page = "@page { size: 8.5in 11in; margin: 0.6in; }" if v["paper"] == "letter" else "@page { size: 210mm 297mm; margin: 15mm; }"
    fs = rng.choice([8.5, 9, 9.5])
    css = f"""{page}
body {{ font-family: '{rng.choice(['Nimbus Sans', 'DejaVu Sans', 'Nimbus Roman'])}', sans-serif; font-size: {fs}pt; margin: 0; }}
.top {{ display: flex; justify-content: space-between; align-items: center; border: 1.5px solid #222; padding: 6px 10px; }}
.top h1 {{ font-size: 1.4em; margin: 0; }} .model {{ font-size: 2em; font-weight: bold; border-left: 1.5px solid #222; padding-left: 12px; }}
.banner {{ margin: 10px 0; padding: 6px 10px; border: 2px solid #a00; color: #a00; font-weight: bold; background: #fff3f3; }}
h2 {{ font-size: 1.05em; background: #ddd; padding: 3px 6px; margin: 14px 0 6px 0; }}
table {{ border-collapse: collapse; }}
table.kv td {{ border: 1px solid #555; padding: 4px 6px; }} table.kv td.l {{ width: 45%; color: #333; }} table.kv td.v {{ font-weight: bold; }}
table.rg th {{ border: 1px solid #333; background: #eee; padding: 3px 4px; font-size: 0.85em; }}
table.rg td {{ border: 1px solid #555; padding: 4px 4px; text-align: center; }}
table.rg tr.an td.d {{ text-decoration: line-through; text-decoration-thickness: 1.5px; text-decoration-color: #b00; color: #555; }}
table.rg td.st {{ font-weight: bold; }} table.rg tr.an td.st {{ color: #b00; }}
table.rg td.tag {{ border: none; color: #b00; font-weight: bold; text-align: left; padding-left: 6px; }}
.note {{ margin-top: 10px; font-size: 0.92em; border-left: 3px solid #a00; padding-left: 8px; }}
.legend {{ margin-top: 6px; font-size: 0.85em; color: #333; }}
.foot {{ display: flex; justify-content: space-between; margin-top: 24px; align-items: flex-start; }}
.stamp {{ border: 2px solid #1d3f8a; color: #1d3f8a; padding: 8px 16px; text-align: center; width: 200px; }}
.stamp2 {{ border: 2px dashed #a00; color: #a00; padding: 6px 12px; text-align: center; font-weight: bold; }}
.legal {{ font-size: 0.78em; color: #444; margin-top: 18px; }}
"""
    kv = "".join(f'<tr><td class="l">{E(a)}</td><td class="v">{E(b)}</td></tr>' for a, b in applicant(d))
    cols = columns(v)
    head = "".join(f"<th>{E(c)}</th>" for c in cols) + ("<th style='border:none;background:none'></th>" if v["mark"] == "tag" else "")
    rows = []
    for i, (r, an) in enumerate(d.printed, 1):
        cells = row_cells(i, r, an, v)
        tds = []
        for j, cval in enumerate(cells):
            cls = "st" if (v["mark"] == "status" and j == len(cells) - 1) else "d"
            tds.append(f'<td class="{cls}">{E(cval)}</td>')
        if v["mark"] == "tag":
            tds.append(f'<td class="tag">{"&larr; ANULADO" if an and rng.random() < 0.5 else ("ANULADO" if an else "")}</td>')
        rows.append(f'<tr class="{"an" if an else "ok"}">{"".join(tds)}</tr>')
    a = d.amend_at
    doc = f"""<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><style>{css}</style></head><body>
<div class="top"><div><h1>Autorización numeración de facturación</h1>
<div>Formulario para la solicitud y autorización de rangos de numeración</div></div><div class="model">1876</div></div>
<div class="banner">{E(BANNER)}</div>
<h2>Datos del solicitante</h2>
<table class="kv" style="width:85%">{kv}</table>
<div class="legal">Espacio reservado para la DIAN. NIT de la DIAN {DIAN_NIT}-{DIAN_DV}.</div>
<h2 style="break-before: page">Rangos de numeración</h2>
<table class="rg"><tr>{head}</tr>{''.join(rows)}</table>
<div class="legend">Estado: VIGENTE = rango autorizado en vigor; ANULADO = rango tachado, sin efecto.</div>
<div class="note">{E(note_text(d, v))}</div>
<div class="foot">
<div class="stamp"><b>DIAN</b><br>Fecha Acuse de Recibo<br><b>{s.strftime('%Y-%m-%d')} {time_str(s, v['time'])}</b><br>Firmado</div>
<div class="stamp2">ANULACIÓN PARCIAL<br>{fmt_day(a.date(), v['date'])}<br>Form. {d.amend_number}</div>
</div>
</body></html>"""
    hp = btmp + ".html"
    with open(hp, "w", encoding="utf-8") as f:
        f.write(doc)
    chromium_pdf(hp, tmp + ".pdf")


def ps(d, v, rng, tmp, btmp):
    W, H = (612, 792) if v["paper"] == "letter" else (595, 842)
    F = rng.choice(["Helvetica", "Times-Roman"])
    FB = F.replace("Roman", "Bold") if F.startswith("Times") else "Helvetica-Bold"
    M = 42
    TW = W - 2 * M
    c = Canvas3("ps")
    # ---- page 1
    c.page(W, H)
    c.rect(M, 40, TW, 46, lw=1.2)
    c.font(FB, 14)
    c.text(M + 10, 60, "Autorización numeración de facturación")
    c.font(F, 8.5)
    c.text(M + 10, 76, "Formulario para la solicitud y autorización de rangos de numeración")
    c.line(W - M - 70, 40, W - M - 70, 86, lw=1.2)
    c.font(FB, 22)
    c.text(W - M - 35, 72, "1876", "c")
    y = 104
    c.cur.append("0.7 0 0 setrgbcolor")
    c.rect(M, y, TW, 34, lw=1.5)
    c.font(FB, 8.5)
    bl = wrap_cell(BANNER, FB, 8.5, TW - 14)
    for j, ln in enumerate(bl):
        c.text(M + 7, y + 13 + j * 10.5, ln)
    c.gray(0)
    y += 52
    c.rect(M, y, TW, 16, lw=0, fill=0.85)
    c.font(FB, 10)
    c.text(M + 5, y + 12, "Datos del solicitante")
    y += 22
    lw_ = TW * 0.45
    for lab, val in applicant(d):
        vl = wrap_cell(val, FB, 10, TW - lw_ - 12)
        h = 8 + 12 * len(vl)
        c.rect(M, y, lw_, h)
        c.rect(M + lw_, y, TW - lw_, h)
        c.font(F, 9)
        c.text(M + 5, y + 13, lab)
        c.font(FB, 10)
        for j, ln in enumerate(vl):
            c.text(M + lw_ + 6, y + 13 + 12 * j, ln)
        y += h
    c.font(F, 7.5)
    c.text(M, y + 24, f"Espacio reservado para la DIAN. NIT de la DIAN {DIAN_NIT}-{DIAN_DV}.")
    c.text(W - M, H - 30, "Hoja 1 de 2", "r")
    # ---- page 2
    c.page(W, H)
    y = 46
    c.rect(M, y, TW, 16, lw=0, fill=0.85)
    c.font(FB, 10)
    c.text(M + 5, y + 12, "Rangos de numeración")
    y += 24
    cols = columns(v)
    rows = [row_cells(i, r, an, v) for i, (r, an) in enumerate(d.printed, 1)]
    fs, hfs, pad = 7.5, 6.8, 3
    tagw = 52 if v["mark"] == "tag" else 0
    weights = [{"Ítem": 0.5, "30. Modalidad": 3, "Cód.": 0.6, "31. Prefijo": 1, "32. Desde el número": 1.6,
                "33. Hasta el número": 1.6, "38. Vigencia (meses)": 1, "Fecha inicial": 1.5, "Fecha final": 1.5,
                "Tipo de solicitud": 2, "Estado": 1.3}[h] for h in cols]
    widths = None
    while widths is None:
        widths = fit_widths(weights, cols, rows, FB, hfs, F, fs, TW - tagw, pad)
        if widths is None:
            fs -= 0.3
            hfs -= 0.3
    xs = [M]
    for w in widths[:-1]:
        xs.append(xs[-1] + w)

    def row(cells, font, size, top, fill=None):
        wl = [wrap_cell(s, font, size, w - 2 * pad) for s, w in zip(cells, widths)]
        rh = max(len(q) for q in wl) * size * 1.25 + 2 * pad
        if fill is not None:
            c.rect(M, top, sum(widths), rh, lw=0, fill=fill)
        for xx, w in zip(xs, widths):
            c.rect(xx, top, w, rh, lw=0.5)
        c.font(font, size)
        for q, xx, w in zip(wl, xs, widths):
            for j, ln in enumerate(q):
                c.text(xx + w / 2, top + pad + size * 0.85 + j * size * 1.25, ln, "c")
        return top + rh

    y = row(cols, FB, hfs, y, fill=0.92)
    for (r, an), cells in zip(d.printed, rows):
        top = y
        y = row(cells, F, fs, top)
        if an:
            sx = sum(widths[:-1]) if v["mark"] == "status" else sum(widths)
            c.cur.append("0.7 0 0 setrgbcolor")
            c.line(M + 2, top + pad + fs * 0.55, M + sx - 2, top + pad + fs * 0.55, lw=1.1)
            if v["mark"] == "tag":
                c.font(FB, fs)
                c.text(M + sum(widths) + 5, top + pad + fs * 0.85, rng.choice(["ANULADO", "<- ANULADO"]))
            c.gray(0)
    y += 14
    c.font(F, 7.5)
    c.text(M, y, "Estado: VIGENTE = rango autorizado en vigor; ANULADO = rango tachado, sin efecto.")
    y += 14
    c.font(F, 8.5)
    for ln in wrap_cell(note_text(d, v), F, 8.5, TW - 10):
        c.text(M + 8, y, ln)
        y += 11
    c.cur.append("0.7 0 0 setrgbcolor")
    c.line(M + 2, y - 11 * (len(wrap_cell(note_text(d, v), F, 8.5, TW - 10))) - 8, M + 2, y - 8, lw=2)
    c.gray(0)
    y += 20
    s = d.stamp
    c.cur.append("0.11 0.25 0.54 setrgbcolor")
    c.rect(M, y, 190, 66, lw=1.5)
    c.font(FB, 10)
    c.text(M + 95, y + 15, "DIAN", "c")
    c.font(F, 8.5)
    c.text(M + 95, y + 29, "Fecha Acuse de Recibo", "c")
    c.font(FB, 9)
    c.text(M + 95, y + 43, f"{s.strftime('%Y-%m-%d')} {time_str(s, v['time'])}", "c")
    c.font(F, 8.5)
    c.text(M + 95, y + 57, "Firmado", "c")
    c.cur.append("0.7 0 0 setrgbcolor")
    a = d.amend_at
    c.rect(W - M - 170, y + 6, 170, 50, lw=1.2)
    c.font(FB, 9)
    c.text(W - M - 85, y + 20, "ANULACIÓN PARCIAL", "c")
    c.text(W - M - 85, y + 33, fmt_day(a.date(), v["date"]), "c")
    c.text(W - M - 85, y + 46, f"Form. {d.amend_number}", "c")
    c.gray(0)
    c.font(F, 7.5)
    c.text(W - M, H - 30, "Hoja 2 de 2", "r")
    c.save(btmp, tmp + ".pdf")
