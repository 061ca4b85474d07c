"""Family side-cards-noisy-copy: a taxpayer's scanned-looking 'consultation
copy' of the form, with the ranges as VERTICAL CARDS and a lot of real-world
page noise. Page 1: a header with the title, model number 1876 and a QR CODE
(raster image) with a verification URL; the form number, year, NIT, DV, name
boxes and seccional as a plain two-column label | value list (labels with
their box numbers). The ranges follow ('Detalle de la solicitud') as one CARD
PER RANGE, TWO CARDS SIDE BY SIDE per row (so a text line of the page holds
the same field of two different ranges): each card has a title bar 'Rango i
de n' and a two-column body, FIELD NAMES IN THE LEFT COLUMN (30. Modalidad,
Cód., 31. Prefijo, 32. Desde el número, 33. Hasta el número, 38. Vigencia
(meses), Tipo de solicitud, Cód., and in most documents Fecha inicial / Fecha
final) and VALUES IN THE RIGHT COLUMN. The cards start on page 1 or on a new
page. Noise on every page: a huge light DIAGONAL WATERMARK ('DOCUMENTO NO
VÁLIDO COMO FACTURA', 'COPIA NO CONTROLADA', 'SOLO PARA CONSULTA') drawn under
or over the content; the DIAN reception stamp (frame, 'DIAN', 'Fecha Acuse de Recibo', 'Firmado')
drawn ROTATED by 4-9 degrees, its date-time line kept level; a second, coloured office stamp
('RECIBIDO - Contabilidad', a later date and a radicado number) rotated the
other way; a HANDWRITTEN-LIKE SIGNATURE (URW Chancery / Z003 script font) of
the legal representative or the person over a signature line. The name is in
mixed case in some documents (the truth follows the print).
Producer: Chromium (HTML/CSS)."""
from common8 import (html_escape as E, chromium_pdf, kind_name, kind_code, req_name, req_code,
                     fmt_num, name_fields, tweak_doc, qr_matrix, png_data_uri, later_datetime,
                     d_slash, d_mon, SIGNERS, title_name, strip_accents, apply_mixed_case)

FAMILY = "side-cards-noisy-copy"

WATERMARKS = ["DOCUMENTO NO VÁLIDO COMO FACTURA", "COPIA NO CONTROLADA", "SOLO PARA CONSULTA"]


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 2, 3, 3, 4, 4, 5, 6, 7, 8])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.25)


def render(d, rng, idx, tmp, btmp):
    v = {
        "paper": rng.choice(["letter", "a4"]),
        "font": rng.choice(["Nimbus Sans", "DejaVu Sans", "Nimbus Roman", "DejaVu Serif"]),
        "watermark": rng.choice(WATERMARKS),
        "wm_over": rng.random() < 0.5,
        "wm_angle": rng.choice([-45, -35, -30, 30, 40]),
        "stamp_angle": rng.choice([-9, -7, -5, -4, 4, 6, 8, 9]),
        "cards_new_page": rng.random() < 0.5,
        "date_rows": rng.random() < 0.75,
        "date": rng.choice(["iso", "slash", "mon"]),
        "sep": rng.choice(["", ",", "."]),
        "label_nums": rng.random() < 0.7,
        "name_case": rng.choice(["upper", "upper", "title"]),
    }
    ds = lambda day: {"iso": day.isoformat(), "slash": d_slash(day), "mon": d_mon(day)}[v["date"]]  # noqa: E731
    n = (lambda num, s: f"{num}. {s}" if v["label_nums"] else s)
    fs = rng.choice([8.5, 9, 9.5])
    page = "@page { size: 8.5in 11in; margin: 0.55in; }" if v["paper"] == "letter" else \
        "@page { size: 210mm 297mm; margin: 14mm; }"
    wm_col = "rgba(120,120,120,0.18)" if v["wm_over"] else "#e4e4e4"
    css = f"""{page}
body {{ margin: 0; font-family: '{v['font']}', sans-serif; font-size: {fs}pt; color: #111; }}
.wm {{ position: fixed; left: -10%; top: 40%; width: 120%; text-align: center; font-size: 44pt; font-weight: bold;
       color: {wm_col}; transform: rotate({v['wm_angle']}deg); z-index: {10 if v['wm_over'] else -1};
       font-family: 'Nimbus Sans', sans-serif; white-space: nowrap; }}
.hdr {{ display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 2px solid #333; padding-bottom: 6px; }}
.hdr h1 {{ font-size: 1.45em; margin: 0 0 3px 0; }}
.hdr .sub {{ font-size: 0.9em; color: #444; }}
.model {{ border: 2px solid #222; font-size: 1.8em; font-weight: bold; padding: 2px 10px; margin-right: 10px; }}
.qr {{ text-align: center; font-size: 0.7em; color: #444; }}
.qr img {{ width: 78px; height: 78px; display: block; margin: 0 auto 2px auto; }}
h2 {{ font-size: 1.05em; margin: 12px 0 6px 0; border-bottom: 1px solid #888; }}
table.kv {{ border-collapse: collapse; width: 80%; }}
table.kv td {{ padding: 2px 6px; border-bottom: 1px dotted #aaa; }}
table.kv td.l {{ color: #333; width: 48%; }}
table.kv td.v {{ font-weight: bold; }}
.cards {{ display: grid; grid-template-columns: 1fr 1fr; gap: 12px 16px; }}
.card {{ border: 1px solid #555; border-radius: 4px; break-inside: avoid; }}
.card .t {{ background: #e8e8e8; font-weight: bold; padding: 3px 6px; border-bottom: 1px solid #555; }}
.card table {{ border-collapse: collapse; width: 100%; }}
.card td {{ padding: 2px 6px; border-top: 1px solid #ddd; vertical-align: top; }}
.card td.l {{ width: 44%; background: #f6f6f6; color: #333; border-right: 1px solid #ccc; }}
.card td.v {{ font-weight: bold; }}
.foot {{ display: flex; justify-content: space-between; align-items: flex-end; margin-top: 22px; break-inside: avoid; }}
.stamp {{ border: 3px double #1d3f8a; color: #1d3f8a; border-radius: 10px; padding: 6px 14px; text-align: center;
          transform: rotate({v['stamp_angle']}deg); width: 190px; }}
.stamp .big {{ font-weight: bold; font-size: 1.1em; }}
.stamp .level {{ transform: rotate({-v['stamp_angle']}deg); }}
.rec {{ border: 2px solid #b22; color: #b22; padding: 4px 10px; text-align: center; font-weight: bold;
        transform: rotate({-v['stamp_angle'] * 0.8:.1f}deg); width: 150px; font-size: 0.85em; }}
.sig {{ width: 220px; text-align: center; }}
.sig .s {{ font-family: 'Z003', 'URW Chancery L', cursive; font-size: 22pt; color: #1a2a6c; height: 34px; }}
.sig .ln {{ border-top: 1px solid #333; font-size: 0.8em; padding-top: 2px; }}
.legal {{ font-size: 0.75em; color: #444; margin-top: 14px; }}
"""
    qr = png_data_uri(qr_matrix(f"{d.number}/{d.nit}", 25), 3)
    if v["name_case"] == "title":
        apply_mixed_case(d)  # the truth follows the printed name
    app = [(n(4, "Número de formulario"), d.number), (n(1, "Año"), d.year),
           (n(5, "Número de Identificación Tributaria (NIT)"), d.nit), (n(6, "DV"), str(d.dv))]
    nums = {"ap1": 7, "ap2": 8, "n1": 9, "n2": 10, "rs": 11}
    for k, lbl, val in name_fields(d):
        app.append((n(nums[k], lbl), val))
    app.append((n(12, "Cód. Dirección Seccional"), d.secc))
    kv = "".join(f'<tr><td class="l">{E(a)}</td><td class="v">{E(b)}</td></tr>' for a, b in app)

    cards = []
    for i, r in enumerate(d.ranges, 1):
        rows = [(n(30, "Modalidad"), kind_name(r.kind)), ("Cód. modalidad", str(kind_code(r.kind))),
                (n(31, "Prefijo"), r.prefix), (n(32, "Desde el número"), fmt_num(r.frm, v["sep"])),
                (n(33, "Hasta el número"), fmt_num(r.to, v["sep"])), (n(38, "Vigencia (meses)"), str(r.months)),
                ("Tipo de solicitud", req_name(r.request)), ("Cód. solicitud", str(req_code(r.request)))]
        if v["date_rows"]:
            rows += [("Fecha inicial", ds(r.valid_from)), ("Fecha final", ds(r.valid_to))]
        body = "".join(f'<tr><td class="l">{E(a)}</td><td class="v">{E(b)}</td></tr>' for a, b in rows)
        cards.append(f'<div class="card"><div class="t">Rango {i} de {len(d.ranges)}</div><table>{body}</table></div>')

    s = d.stamp
    rec = later_datetime(d, rng, 2, 40)
    radicado = f"{rec.year}-{rng.randrange(100, 99999):05d}"
    if d.natural:
        signer = title_name(" ".join(x for x in [d.n1, d.ap1] if x))
        sig_cap = "Firma del solicitante"
    else:
        signer = rng.choice(SIGNERS)
        sig_cap = "Firma del representante legal"
    if rng.random() < 0.5:
        signer = strip_accents(signer)
    brk = ' style="break-before: page"' if v["cards_new_page"] else ""
    html = f"""<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><style>{css}</style></head><body>
<div class="wm">{E(v['watermark'])}</div>
<div class="hdr"><div><h1>Autorización numeración de facturación</h1>
<div class="sub">Formulario para la solicitud y autorización de rangos de numeración — Dirección de Impuestos y Aduanas Nacionales</div></div>
<div style="display:flex;align-items:flex-start"><div class="model">1876</div>
<div class="qr"><img src="{qr}" alt="QR"><div>Verifique en</div><div>muisca.dian.gov.co/verificar</div></div></div></div>
<h2>Datos del solicitante</h2>
<table class="kv">{kv}</table>
<h2{brk}>Detalle de la solicitud</h2>
<div class="cards">{''.join(cards)}</div>
<div class="foot">
<div class="stamp"><div class="big">DIAN</div><div>Fecha Acuse de Recibo</div><div class="big level">{s.strftime('%Y-%m-%d')} / {s.strftime('%I:%M:%S %p')}</div><div>Firmado</div></div>
<div class="rec">RECIBIDO<br>Contabilidad<br>{d_slash(rec.date())}<br>Radicado No. {radicado}</div>
<div class="sig"><div class="s">{E(signer)}</div><div class="ln">{sig_cap}</div></div>
</div>
<div class="legal">Copia para consulta. La validez de la autorización puede verificarse en los servicios informáticos de la DIAN.
NIT de la DIAN 800197268-4.</div>
</body></html>"""
    hp = btmp + ".html"
    with open(hp, "w", encoding="utf-8") as f:
        f.write(html)
    chromium_pdf(hp, tmp + ".pdf")
    return "chromium", v
