"""Family erp-config-dialog: the authorization as an ACCOUNTING / ERP system
prints its 'Resoluciones de facturación DIAN' configuration screen (a screen
print, not a DIAN form). The page shows a desktop WINDOW: a title bar with the
program name and window buttons, a menu bar, a row of TABS (one active), a
toolbar, then:
  * 'Resoluciones registradas': a GRID listing several resolutions of the
    company, each row with its form number, date, prefixes, expiry and status.
    Only ONE row is the document's authorization: it is highlighted and marked
    '►' and 'Seleccionada'; the other rows (older or replaced resolutions,
    with their own 1876 numbers, dates and prefixes) are distractors.
  * 'Resolución seleccionada': a dialog-like PANEL of INPUT BOXES (rounded
    rectangles) with their labels either LEFT of the box or ABOVE it: form
    number, authorization date-time, NIT and DV in separate boxes, the name
    boxes (razón social, or apellidos / nombres, sometimes given names first
    on screen), seccional, plus checkboxes and select boxes with a '▾' arrow.
  * 'Rangos de numeración': an editable grid, every cell an input box;
    modality as a select box (name, code in its own column), prefix, desde,
    hasta (plain or '.' separators), months, request type, and in most
    documents explicit 'Vigente desde' / 'Vigente hasta' dates (ISO or
    dd/mm/aaaa).
  * Buttons (Guardar, Cancelar, Nuevo rango, Imprimir) and a STATUS BAR with
    the user, 'Registro n de m' and the print date-time (later than the
    authorization).
The truth is the selected resolution only. Producer: Chromium (HTML/CSS),
Letter landscape or A4 portrait, one or two pages."""
import datetime as dt

from common8 import (html_escape as E, chromium_pdf, kind_name, kind_code, req_name, req_code,
                     other_number, earlier_date, later_datetime, fmt_num, fmt_date8, name_fields,
                     tweak_doc, PREFIX_POOL, add_months)

FAMILY = "erp-config-dialog"

PROGRAMS = ["ContaPyme 9", "SIIGO Nube", "World Office 2024", "Helisa NIIF", "Alegra ERP",
            "CG1 Contabilidad", "TNS Sistemas", "Apolo ERP 7.3"]


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 2, 2, 3, 3, 4, 5])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.2)


CSS = """
body { margin: 0; font-family: %(font)s; font-size: %(fs)spt; color: #111; }
.win { border: 1px solid #6a7b90; margin: 0; }
.tb { background: %(bar)s; color: #fff; padding: 4px 8px; font-weight: bold; display: flex; justify-content: space-between; }
.tb span.btns { letter-spacing: 6px; }
.menu { background: #eceff3; padding: 3px 8px; border-bottom: 1px solid #c5ccd6; word-spacing: 14px; font-size: 0.95em; }
.tabs { display: flex; gap: 2px; padding: 6px 8px 0 8px; background: #f4f6f9; border-bottom: 1px solid #9aa7b8; }
.tab { border: 1px solid #9aa7b8; border-bottom: none; border-radius: 5px 5px 0 0; padding: 3px 10px; background: #dde3ea; font-size: 0.95em; }
.tab.on { background: #fff; font-weight: bold; position: relative; top: 1px; }
.tool { padding: 4px 8px; border-bottom: 1px solid #dde3ea; font-size: 0.9em; color: #333; }
.tool span { border: 1px solid #b8c2cf; border-radius: 3px; padding: 1px 6px; margin-right: 4px; background: #f7f9fb; }
.body { padding: 6px 10px; }
h3 { font-size: 1.05em; margin: 8px 0 4px 0; color: %(bar)s; border-bottom: 1px solid #c5ccd6; padding-bottom: 2px; }
table.grid { border-collapse: collapse; width: 100%%; font-size: 0.95em; }
table.grid th { background: #e4e9ef; border: 1px solid #b8c2cf; padding: 3px 5px; text-align: left; font-weight: 600; }
table.grid td { border: 1px solid #d3d9e1; padding: 3px 5px; }
table.grid tr.sel td { background: %(sel)s; font-weight: bold; }
.panel { border: 1px solid #b8c2cf; border-radius: 6px; padding: 6px 10px; background: #fbfcfd; }
.row { display: flex; gap: 14px; margin: 5px 0; align-items: %(align)s; flex-wrap: wrap; }
.fld { display: flex; %(flddir)s gap: 5px; }
.fld label { color: #333; %(lblw)s }
.box { border: 1px solid #8e9bad; border-radius: 5px; padding: 2px 7px; background: #fff; min-width: 40px; font-family: %(vfont)s; }
.box.sel::after { content: " \\25BE"; color: #555; }
.chk { border: 1px solid #8e9bad; border-radius: 2px; padding: 0 3px; font-size: 0.85em; }
table.rg { border-collapse: separate; border-spacing: 3px; width: 100%%; font-size: 0.95em; }
table.rg th { text-align: left; font-weight: 600; color: #333; padding: 1px 3px; border-bottom: 1px solid #b8c2cf; }
table.rg td { border: 1px solid #8e9bad; border-radius: 4px; padding: 2px 5px; background: #fff; font-family: %(vfont)s; }
table.rg td.num { text-align: right; }
.btnrow { margin: 10px 0 4px 0; text-align: right; }
.btn { display: inline-block; border: 1px solid #7d8ca0; border-radius: 6px; padding: 3px 14px; margin-left: 6px; background: linear-gradient(#fdfdfe, #e2e7ee); }
.btn.pri { background: %(bar)s; color: #fff; border-color: %(bar)s; }
.status { background: #e9edf2; border-top: 1px solid #b8c2cf; padding: 3px 8px; font-size: 0.85em; display: flex; justify-content: space-between; }
"""


def field(label, value, cls="box", width=None):
    st = f' style="min-width:{width}px"' if width else ""
    return f'<div class="fld"><label>{E(label)}</label><span class="{cls}"{st}>{E(value)}</span></div>'


def render(d, rng, idx, tmp, btmp):
    v = {
        "paper": rng.choice(["letter-land", "a4-port"]),
        "labels": rng.choice(["left", "above"]),
        "font": rng.choice(["Nimbus Sans", "DejaVu Sans", "DejaVu Sans Condensed"]),
        "value_font": rng.choice(["same", "mono"]),
        "sep": rng.choice(["", ".", "."]),
        "date": rng.choice(["iso", "slash"]),
        "date_cols": rng.random() < 0.75,
        "given_first": d.natural and rng.random() < 0.4,
        "n_others": rng.randint(2, 4),
        "sel_pos": None,
    }
    prog = rng.choice(PROGRAMS)
    fs = {"letter-land": 8.5, "a4-port": 8}[v["paper"]]
    bar = rng.choice(["#2f5d8c", "#3b6e4f", "#5a4a8a", "#8a3b3b"])
    sel = rng.choice(["#cfe3ff", "#ffe9a8", "#d6f0d6"])
    css = CSS % {
        "font": f"'{v['font']}', sans-serif", "fs": fs, "bar": bar, "sel": sel,
        "align": "center" if v["labels"] == "left" else "flex-end",
        "flddir": "flex-direction: row; align-items: center;" if v["labels"] == "left" else "flex-direction: column;",
        "lblw": "", "vfont": "'DejaVu Sans Mono', monospace" if v["value_font"] == "mono" else "inherit",
    }
    page = ("@page { size: 11in 8.5in; margin: 0.35in; }" if v["paper"] == "letter-land"
            else "@page { size: 210mm 297mm; margin: 10mm; }")
    stamp = d.stamp
    ds = lambda day: fmt_date8(day, v["date"])  # noqa: E731
    tm = stamp.strftime("%I:%M:%S %p") if rng.random() < 0.5 else stamp.strftime("%H:%M:%S")

    # resolutions grid: distractor rows + the selected one
    rows = []
    day = earlier_date(d, rng, 60, 200)
    for k in range(v["n_others"]):
        n = other_number(d, rng)
        kinds = rng.sample(list(PREFIX_POOL), rng.randint(1, 2))
        pfx = ", ".join(rng.choice(PREFIX_POOL[kk]) for kk in kinds)
        exp = add_months(day, 24)
        status = "Vencida" if exp < stamp.date() else rng.choice(["Reemplazada", "Inactiva"])
        rows.append(("", n, day, pfx, exp, status))
        day = day - dt.timedelta(days=rng.randrange(150, 500))
    pfxs = ", ".join(r.prefix or "(sin prefijo)" for r in d.ranges)
    exp = max(r.valid_to for r in d.ranges)
    pos = rng.randrange(len(rows) + 1)
    v["sel_pos"] = pos
    rows.insert(pos, ("►", d.number, stamp.date(), pfxs, exp, "Seleccionada"))
    if rng.random() < 0.5:
        rows.sort(key=lambda r: r[2], reverse=True)
        v["sel_pos"] = [r[1] for r in rows].index(d.number)
    grid = ['<table class="grid"><tr><th></th><th>No. resolución (formulario)</th><th>Fecha</th>'
            '<th>Prefijos</th><th>Vence</th><th>Estado</th></tr>']
    for mark, n, day, pfx, exp, st in rows:
        cls = ' class="sel"' if mark else ""
        grid.append(f"<tr{cls}><td>{mark}</td><td>{n}</td><td>{ds(day)}</td><td>{E(pfx)}</td>"
                    f"<td>{ds(exp)}</td><td>{st}</td></tr>")
    grid.append("</table>")

    # selected resolution panel
    names = name_fields(d)
    if v["given_first"]:
        names = names[2:] + names[:2]
    names = [(k, lbl, val) for k, lbl, val in names]
    p = ['<div class="panel">']
    p.append('<div class="row">' + field("Número de formulario:", d.number, width=150) +
             field("Fecha de autorización:", f"{ds(stamp.date())} {tm}", width=140) +
             '<div class="fld"><span class="chk">✔</span><label>Activa</label></div></div>')
    p.append('<div class="row">' + field("NIT:", d.nit, width=100) + field("DV:", str(d.dv), width=18) +
             field("Tipo de persona:", "Natural" if d.natural else "Jurídica", "box sel") + "</div>")
    if d.natural:
        p.append('<div class="row">' + "".join(field(lbl + ":", val, width=90) for _, lbl, val in names[:2]) + "</div>")
        p.append('<div class="row">' + "".join(field(lbl + ":", val, width=90) for _, lbl, val in names[2:]) + "</div>")
    else:
        p.append('<div class="row">' + field("Razón social:", d.rs, width=380) + "</div>")
    p.append('<div class="row">' + field("Dirección seccional:", d.secc, "box sel", width=30) +
             field("Ambiente:", "Producción", "box sel") + field("Año:", d.year, width=36) + "</div>")
    p.append("</div>")

    # ranges grid
    hdr = ["#", "Modalidad", "Cód.", "Prefijo", "Desde", "Hasta", "Vigencia (meses)", "Tipo de solicitud"]
    if v["date_cols"]:
        hdr += ["Vigente desde", "Vigente hasta"]
    rg = ['<table class="rg"><tr>' + "".join(f"<th>{h}</th>" for h in hdr) + "</tr>"]
    for i, r in enumerate(d.ranges, 1):
        cells = [f"<td>{i}</td>", f'<td><span>{E(kind_name(r.kind))}</span> <span style="color:#555">▾</span></td>',
                 f"<td>{kind_code(r.kind)}</td>", f"<td>{E(r.prefix)}</td>",
                 f'<td class="num">{fmt_num(r.frm, v["sep"])}</td>', f'<td class="num">{fmt_num(r.to, v["sep"])}</td>',
                 f'<td class="num">{r.months}</td>', f"<td>{E(req_name(r.request))}</td>"]
        if v["date_cols"]:
            cells += [f"<td>{ds(r.valid_from)}</td>", f"<td>{ds(r.valid_to)}</td>"]
        rg.append("<tr>" + "".join(cells) + "</tr>")
    rg.append("</table>")

    v["note"] = rng.random() < 0.5
    note = ('<div style="font-size:0.85em;color:#555;margin-top:3px">Documento soporte adjunto: Formato 1876 - '
            'Autorización numeración de facturación (PDF firmado)</div>') if v["note"] else ""
    tabs = ["Resoluciones DIAN", "Datos del contribuyente", "Rangos", "Contabilización", "Auditoría"]
    on = rng.choice([0, 2])
    printed = later_datetime(d, rng)
    comp = (d.rs.split()[0] if not d.natural else d.ap1.split()[-1])
    html = f"""<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><style>{page}{css}</style></head><body>
<div class="win">
<div class="tb"><span>{E(prog)} — Configuración › Facturación › Resoluciones de facturación DIAN</span><span class="btns">_ □ ×</span></div>
<div class="menu">Archivo Edición Ver Herramientas Ventana Ayuda</div>
<div class="tabs">{''.join(f'<div class="tab{" on" if i == on else ""}">{t}</div>' for i, t in enumerate(tabs))}</div>
<div class="tool"><span>Nuevo</span><span>Editar</span><span>Eliminar</span><span>Buscar…</span><span>Exportar</span></div>
<div class="body">
<h3>Resoluciones registradas</h3>
{''.join(grid)}
<h3>Resolución seleccionada</h3>
{''.join(p)}
{note}
<h3>Rangos de numeración de la resolución seleccionada</h3>
{''.join(rg)}
<div class="btnrow"><span class="btn">Nuevo rango</span><span class="btn">Imprimir</span><span class="btn">Cancelar</span><span class="btn pri">Guardar</span></div>
</div>
<div class="status"><span>Usuario: {rng.choice(['admin', 'contador', 'auxcontable', 'soporte'])} | Empresa: {E(comp)} | Registro {v['sel_pos'] + 1} de {len(rows)}</span><span>Impreso: {ds(printed.date())} {printed.strftime('%H:%M')}</span></div>
</div></body></html>"""
    hp = btmp + ".html"
    with open(hp, "w", encoding="utf-8") as f:
        f.write(html)
    chromium_pdf(hp, tmp + ".pdf")
    return "chromium", v
