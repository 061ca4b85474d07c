"""Family spreadsheet-grid-export: the authorization retyped into a
SPREADSHEET (an .xlsx kept by the provider) and printed to PDF. Everything is
one grid of thin-ruled cells in tiny type (6-7.5 pt, narrow or condensed
face): in most documents the spreadsheet's own headings are printed too (a
grey row of column letters A, B, C ... and a grey column of row numbers
1, 2, 3 ... whose digits sit right next to the data), plus a print header
with the file name and sheet name and a footer 'Página 1 de 1'. The taxpayer
data are the FIRST ROWS of the same grid, in one of three arrangements: 'kv'
(label cell, value cell: 'No. formulario | 18764...', 'NIT | 900123456 | DV |
7', name parts each in its own row), 'wide' (a row of field headers over a
row of values, like a record), or 'flat' (a denormalised CSV export: no
taxpayer block at all, every range row repeats form number, NIT, DV and name
in its first columns). Then a blank row and the ranges: one header row with
ABBREVIATED ('Mod.', 'Cód.', 'Pref.', 'Desde', 'Hasta', 'Vig.', 'F. inicial',
'F. final', 'Solicitud'), FIELD-NAME ('modalidad', 'prefijo', 'desde',
'hasta', 'vigencia_meses', 'fecha_inicio', 'tipo_solicitud') or box-number
('30 Mod.', '31 Pref.', '32 Desde', '33 Hasta', '38 Vig.') captions and one
range per row; numbers right-aligned as spreadsheet numbers ('#,##0' with ','
or '.', or plain), dates as 'yyyy-mm-dd' or 'dd/mm/yyyy' cells, modality and
request in upper or sentence case. The acknowledgement date is a row of the
taxpayer block ('Fecha acuse | 2024-10-19 11:38:26'), or a column of the
flat export. Producers: Chromium (HTML table), mutool create (drawn grid)."""
from common7 import *

FAMILY = "spreadsheet-grid-export"

HEADS = {
    "abbr": {"mod": "Mod.", "modc": "Cód.", "pref": "Pref.", "from": "Desde", "to": "Hasta", "months": "Vig.",
             "vf": "F. inicial", "vt": "F. final", "req": "Solicitud", "reqc": "Cód.",
             "number": "No. formulario", "year": "Año", "nit": "NIT", "dv": "DV", "rs": "Razón social",
             "ap1": "Primer apellido", "ap2": "Segundo apellido", "n1": "Primer nombre", "n2": "Otros nombres",
             "secc": "Seccional", "stamp": "Fecha acuse"},
    "fields": {"mod": "modalidad", "modc": "cod_modalidad", "pref": "prefijo", "from": "desde", "to": "hasta",
               "months": "vigencia_meses", "vf": "fecha_inicio", "vt": "fecha_fin", "req": "tipo_solicitud",
               "reqc": "cod_solicitud", "number": "numero_formulario", "year": "anio", "nit": "nit", "dv": "dv",
               "rs": "razon_social", "ap1": "primer_apellido", "ap2": "segundo_apellido", "n1": "primer_nombre",
               "n2": "otros_nombres", "secc": "cod_seccional", "stamp": "fecha_acuse_recibo"},
    "boxes": {"mod": "30 Mod.", "modc": "Cód.", "pref": "31 Pref.", "from": "32 Desde", "to": "33 Hasta",
              "months": "38 Vig.", "vf": "Vig. desde", "vt": "Vig. hasta", "req": "Tipo sol.", "reqc": "Cód.",
              "number": "4 Formulario", "year": "1 Año", "nit": "5 NIT", "dv": "6 DV", "rs": "11 Razón social",
              "ap1": "7 Apellido 1", "ap2": "8 Apellido 2", "n1": "9 Nombre 1", "n2": "10 Otros nombres",
              "secc": "12 Secc.", "stamp": "Acuse de recibo"},
}


def doc_params(rng, idx):
    return {"nranges": [3, 5, 2, 8, 4, 1, 6, 10, 3, 7, 2, 12][idx % 12], "natural_prob": 0.4}


def sentence(s):
    low = s.lower().replace(" pos", " POS")
    return low[:1].upper() + low[1:]


def build(d, v):
    """rows of cells: (text, align, bold); None = empty row"""
    Hh = HEADS[v["heads"]]
    cas = (lambda s: s) if v["case"] == "upper" else sentence
    num = lambda n: sep_num(n, v["sep"])
    dd = lambda x: fmt_d(x, v["date"])
    stamp = dd(d.stamp.date()) + " " + d.stamp.strftime("%H:%M:%S")
    rcols = ["mod", "modc", "pref", "from", "to", "months"] + (["vf", "vt"] if v["dates"] else []) + ["req", "reqc"]
    al = {"from": "r", "to": "r", "months": "r", "modc": "r", "reqc": "r", "vf": "r", "vt": "r"}

    def rvals(r):
        return {"mod": cas(kind_name(r.kind)), "modc": str(kind_code(r.kind)), "pref": r.prefix,
                "from": num(r.frm), "to": num(r.to), "months": str(r.months), "vf": dd(r.valid_from),
                "vt": dd(r.valid_to), "req": cas(req_name(r.request)), "reqc": str(req_code(r.request))}
    name_keys = ["ap1", "ap2", "n1", "n2"] if d.natural else ["rs"]
    rows = []
    if v["title"]:
        rows.append([("AUTORIZACIÓN NUMERACIÓN DE FACTURACIÓN - FORMATO 1876", "l", True)])
    if v["layout"] == "kv":
        rows.append([(Hh["number"], "l", True), (d.number, "l", False)])
        rows.append([(Hh["year"], "l", True), (d.year, "r", False)])
        rows.append([(Hh["nit"], "l", True), (d.nit, "l", False), (Hh["dv"], "l", True), (str(d.dv), "r", False)])
        for k in name_keys:
            rows.append([(Hh[k], "l", True), (getattr(d, k), "l", False)])
        rows.append([(Hh["secc"], "l", True), (d.secc, "l", False)])
        rows.append([(Hh["stamp"], "l", True), (stamp, "l", False)])
        rows.append(None)
    elif v["layout"] == "wide":
        keys = ["number", "year", "nit", "dv"] + name_keys + ["secc", "stamp"]
        vals = {"number": d.number, "year": d.year, "nit": d.nit, "dv": str(d.dv), "secc": d.secc, "stamp": stamp}
        rows.append([(Hh[k], "l", True) for k in keys])
        rows.append([(vals.get(k) or getattr(d, k), "l", False) for k in keys])
        rows.append(None)
    head = [(Hh[k], "l" if al.get(k) != "r" else "r", True) for k in rcols]
    if v["layout"] == "flat":
        pre = ["number", "nit", "dv"] + (["name"] if True else [])
        name_head = Hh["rs"] if not d.natural else {"abbr": "Nombre", "fields": "nombre", "boxes": "7-10 Nombre"}[v["heads"]]
        head = [(Hh["number"], "l", True), (Hh["nit"], "l", True), (Hh["dv"], "r", True), (name_head, "l", True)] + head \
            + [(Hh["stamp"], "l", True)]
    rows.append(head)
    for r in d.ranges:
        rv = rvals(r)
        cells = [(rv[k], al.get(k, "l"), False) for k in rcols]
        if v["layout"] == "flat":
            cells = [(d.number, "l", False), (d.nit, "l", False), (str(d.dv), "r", False), (d.name, "l", False)] \
                + cells + [(stamp, "l", False)]
        rows.append(cells)
    return rows


def colname(i):
    s = ""
    i += 1
    while i:
        i, m = divmod(i - 1, 26)
        s = chr(65 + m) + s
    return s


def render(d, rng, idx, stem, bstem):
    producer = "chromium" if idx % 2 == 0 else "mutool"
    tweak_doc(d, rng, long_prob=0.15, other_req_prob=0.15, empty_prefix_prob=0.0)
    unique_prefixes(d, rng)
    v = {"layout": ["kv", "wide", "flat"][(idx // 2) % 3],
         "heads": rng.choice(["abbr", "fields", "boxes"]), "case": rng.choice(["upper", "sentence"]),
         "sep": rng.choice([",", ".", "", ","]), "date": rng.choice(["iso", "slash"]),
         "dates": rng.random() < 0.6, "headings": rng.random() < 0.75, "title": rng.random() < 0.6,
         "fs": rng.choice([6, 6.5, 7, 7.5]), "landscape": None,
         "file": rng.choice(["autorizacion_1876.xlsx", "Resoluciones DIAN.xlsx", "numeracion_facturacion.xlsx",
                             "RANGOS_FE_2024.xlsx"]),
         "sheet": rng.choice(["Hoja1", "Resolución", "Rangos", "Sheet1"])}
    rows = build(d, v)
    ncols = max(len(r) for r in rows if r)
    v["landscape"] = v["layout"] == "flat" or ncols >= 10
    if producer == "chromium":
        v["font"] = rng.choice(["DejaVu Sans Condensed", "Nimbus Sans Narrow", "DejaVu Sans"])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(rows, ncols, v))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["font"] = "Helvetica"
        c = Canvas3("mu")
        draw(c, rows, ncols, v)
        c.save(bstem, stem + ".pdf")
    return producer, v


def html(rows, ncols, v):
    size = "11in 8.5in" if v["landscape"] else "8.5in 11in"
    hd = v["headings"]
    out = [f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size: {size}; margin: 0.45in 0.35in 0.5in 0.35in; }}
body {{ font-family: '{v['font']}'; font-size: {v['fs']}pt; margin: 0; }}
.ph {{ display: flex; justify-content: space-between; font-size: 7pt; margin-bottom: 8px; }}
.pf {{ text-align: center; font-size: 7pt; margin-top: 10px; }}
table {{ border-collapse: collapse; }}
td {{ border: 0.4pt solid #b8b8b8; padding: 1px 3px; white-space: nowrap; height: {v['fs'] * 1.5:.1f}pt; }}
td.h {{ background: #e6e6e6; color: #444; text-align: center; }}
td.rn {{ background: #e6e6e6; color: #444; text-align: right; padding-right: 2px; }}
td.r {{ text-align: right; }}
td.b {{ font-weight: bold; }}
</style></head><body>
<div class="ph"><span>{esc(v['file'])}</span><span>{esc(v['sheet'])}</span></div>
<table>"""]
    if hd:
        out.append("<tr><td class='h'></td>" + "".join(f"<td class='h'>{colname(i)}</td>" for i in range(ncols)) + "</tr>")
    for i, r in enumerate(rows, 1):
        cells = r or []
        tds = []
        for t, a, b in cells:
            cls = " ".join(x for x in (("r" if a == "r" else ""), ("b" if b else "")) if x)
            tds.append(f"<td class='{cls}'>{esc(t)}</td>")
        tds += ["<td></td>"] * (ncols - len(cells))
        if len(cells) == 1:  # the title overflows into the empty cells to its right, as in a spreadsheet
            tds = [f"<td class='b' colspan='{ncols}'>{esc(cells[0][0])}</td>"]
        out.append("<tr>" + (f"<td class='rn'>{i}</td>" if hd else "") + "".join(tds) + "</tr>")
    out.append("</table><div class='pf'>Página 1 de 1</div></body></html>")
    return "\n".join(out)


def draw(c, rows, ncols, v):
    W, H = (792, 612) if v["landscape"] else (612, 792)
    F, FB, fs = "Helvetica", "Helvetica-Bold", v["fs"]
    pad = 2.5
    rn_w = 16 if v["headings"] else 0

    def measure(fs):
        widths = [0.0] * ncols
        for r in rows:
            if not r or len(r) == 1:
                continue
            for j, (t, a, b) in enumerate(r):
                widths[j] = max(widths[j], text_width(t, FB if b else F, fs) + 2 * pad)
        return [max(w, 18) for w in widths]
    widths = measure(fs)
    while sum(widths) + rn_w > W - 52 and fs > 3:  # 'fit all columns on one page'
        fs = round(fs - 0.25, 2)
        widths = measure(fs)
    v["fs_fit"] = fs
    x0 = 26
    rh = fs * 1.6
    c.page(W, H)
    c.font(F, 7)
    c.text(x0, 24, v["file"])
    c.text(W - 26, 24, v["sheet"], "r")
    y = 36
    xs = [x0 + rn_w + sum(widths[:j]) for j in range(ncols)]
    tw = sum(widths)
    c.gray(0.72)
    if v["headings"]:
        c.rect(x0, y, rn_w + tw, rh, lw=0, fill=0.9)
        c.gray(0.72)
        c.rect(x0, y, rn_w, rh, lw=0.3)
        for j in range(ncols):
            c.rect(xs[j], y, widths[j], rh, lw=0.3)
        c.gray(0.3)
        c.font(F, fs)
        for j in range(ncols):
            c.text(xs[j] + widths[j] / 2, y + rh - fs * 0.45, colname(j), "c")
        y += rh
    for i, r in enumerate(rows, 1):
        c.gray(0.72)
        if v["headings"]:
            c.rect(x0, y, rn_w, rh, lw=0, fill=0.9)
            c.gray(0.72)
            c.rect(x0, y, rn_w, rh, lw=0.3)
        for j in range(ncols):
            c.rect(xs[j], y, widths[j], rh, lw=0.3)
        if v["headings"]:
            c.gray(0.3)
            c.font(F, fs)
            c.text(x0 + rn_w - 2, y + rh - fs * 0.45, str(i), "r")
        c.gray(0)
        for j, (t, a, b) in enumerate(r or []):
            c.font(FB if b else F, fs)
            if a == "r":
                c.text(xs[j] + widths[j] - pad, y + rh - fs * 0.45, t, "r")
            else:
                c.text(xs[j] + pad, y + rh - fs * 0.45, t)
        y += rh
    c.gray(0)
    c.font(F, 7)
    c.text(W / 2, H - 24, "Página 1 de 1", "c")
