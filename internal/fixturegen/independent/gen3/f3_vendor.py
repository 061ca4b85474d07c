"""Family vendor-abbrev-copy: an invoicing-software vendor's "printable copy"
of the authorization. Vendor letterhead; running header 'Formulario No.
1876... - Página n de N'; applicant as short lines ('Contribuyente', 'NIT
900.123.456-7' with the DV joined by a hyphen, or NIT and DV apart; the name
in mixed case, surnames first); 'Fecha de autorización' / acknowledgement
printed as plain text; the ranges table with ABBREVIATED modalities and
request types in the rows (FE, DS, POS, TAL, FPC, DEE; AUT, HAB, INH), an
explicit validity period (ISO dates or dd/mm/aaaa, stated in the header) and a
'Convenciones' legend under the table; a footer 'Generado por ... el <date>'
with a later, unrelated date. One or two pages (the second holds the vendor's
notes and the signature box). Producers: Chromium, groff, Ghostscript (PostScript)."""
import datetime as dt

from common3 import *

FAMILY = "vendor-abbrev-copy"

VENDORS = ["FacturaFácil Cloud", "Nimbo ERP", "TuFactura.co", "Contable Andino", "Kobra POS", "SiFactura Pyme"]
KIND_LEGEND = {"FE": "Factura electrónica de venta", "DS": "Documento soporte", "POS": "Máquina registradora POS",
               "TAL": "Talonario o de papel", "FPC": "Factura por computador", "DEE": "Documento equivalente electrónico"}
REQ_LEGEND = {"AUT": "Autorización", "HAB": "Habilitación", "INH": "Inhabilitación"}
NOTES = [
    "Esta copia se genera a partir del formulario 1876 descargado de los servicios informáticos de la DIAN; "
    "no reemplaza el documento original.",
    "Asocie los prefijos autorizados a su software de facturación antes de emitir documentos; la asociación "
    "puede tardar hasta 2 horas en reflejarse.",
    "Soporte técnico: lunes a viernes de 7:00 a 19:00, línea 601 555 0199, opción 2.",
    "Recuerde solicitar una nueva numeración cuando haya consumido el 80% del rango o 30 días antes de su vencimiento.",
]


def doc_params(rng, idx):
    return {"nranges": 1 + (idx * 5 + 5) % 6, "natural_prob": 0.45, "empty_prefix_prob": 0.15}


def render(d, rng, idx, stem, bstem):
    producer = ["chromium", "groff", "gs"][idx % 3]
    v = {"vendor": rng.choice(VENDORS), "mixed_case": rng.random() < 0.75,
         "nit_style": rng.choice(["dotted-hyphen", "hyphen", "separate"]),
         "date_style": rng.choice(["iso", "dmy"]), "sep": rng.choice([".", ".", ",", "nbsp", ""]),
         "two_pages": rng.random() < 0.5, "code_col": rng.random() < 0.5,
         "gen_days": rng.randrange(20, 700), "time": rng.choice(["ampm", "24h"])}
    if v["mixed_case"]:
        apply_mixed_case(d)
    v["pages"] = 2 if v["two_pages"] else 1
    if producer == "chromium":
        v["font"] = rng.choice(["DejaVu Sans", "Nimbus Sans", "URW Gothic", "Nimbus Sans Narrow", "DejaVu Serif"])
        v["font_pt"] = rng.choice([8.5, 9, 10])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, v))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    elif producer == "groff":
        if v["sep"] == "nbsp":
            v["sep"] = "."
        v["font"] = rng.choice(["H", "T", "N"])
        v["font_pt"] = rng.choice([9, 10])
        with open(bstem + ".tr", "w", encoding="utf-8") as f:
            f.write(groff_src(d, v))
        groff_pdf(bstem + ".tr", stem + ".pdf", extra=["-P-pletter"])
    else:
        v["font"] = rng.choice(["Helvetica", "Times-Roman"])
        v["font_pt"] = rng.choice([8, 8.5, 9])
        c = Canvas3("ps")
        draw(c, d, v)
        c.save(bstem, stem + ".pdf")
    return producer, v


def nit_text(d, v):
    if v["nit_style"] == "dotted-hyphen":
        return [("NIT", f"{fmt_sep(int(d.nit), '.')}-{d.dv}")]
    if v["nit_style"] == "hyphen":
        return [("NIT", f"{d.nit}-{d.dv}")]
    return [("NIT", d.nit), ("DV", str(d.dv))]


def date_s(x, v):
    return x.isoformat() if v["date_style"] == "iso" else x.strftime("%d/%m/%Y")


def info_lines(d, v):
    s = d.stamp
    tm = s.strftime("%I:%M:%S %p") if v["time"] == "ampm" else s.strftime("%H:%M:%S")
    lines = [("Formulario (resolución) No.", d.number)]
    lines.append(("Apellidos y nombres" if d.natural else "Razón social", d.name))
    lines += nit_text(d, v)
    lines.append(("Dirección seccional", d.secc))
    lines.append(("Fecha acuse de recibo DIAN", f"{s.strftime('%Y-%m-%d')} {tm}"))
    return lines


def heads(v):
    dl = "" if v["date_style"] == "iso" else " (dd/mm/aaaa)"
    h = ["#", "Mod."] + (["Cód."] if v["code_col"] else []) + \
        ["Prefijo", "Desde", "Hasta", "Meses", "Vigente desde" + dl, "Vigente hasta" + dl, "Sol."]
    al = ["c", "c"] + (["c"] if v["code_col"] else []) + ["l", "r", "r", "c", "c", "c", "c"]
    return h, al


def rowvals(i, r, v):
    sepc = NBSP if v["sep"] == "nbsp" else v["sep"]
    return [str(i), KIND_ABBR[r.kind]] + ([str(kind_code(r.kind))] if v["code_col"] else []) + \
        [r.prefix, fmt_sep(r.frm, sepc), fmt_sep(r.to, sepc), str(r.months),
         date_s(r.valid_from, v), date_s(r.valid_to, v), REQ_ABBR[r.request]]


def legend(d):
    ks = []
    for r in d.ranges:
        a = KIND_ABBR[r.kind]
        if a not in ks:
            ks.append(a)
    kinds = "; ".join(f"{a} = {KIND_LEGEND[a]}" for a in ks)
    return f"Convenciones - Modalidad: {kinds}. Solicitud: AUT = Autorización; HAB = Habilitación; INH = Inhabilitación."


def gen_date(d, v):
    g = d.stamp + dt.timedelta(days=v["gen_days"], hours=3)
    return g.strftime("%Y-%m-%d %H:%M")


# ------------------------------------------------------------------ Chromium
def html(d, v):
    e = html_escape
    fs = v["font_pt"]
    N = v["pages"]
    h, al = heads(v)
    trs = "".join("<tr>" + "".join(f"<td class='{a}'>{e(x) or '&nbsp;'}</td>" for x, a in zip(rowvals(i, r, v), al)) + "</tr>"
                  for i, r in enumerate(d.ranges, 1))
    info = "".join(f"<tr><th>{e(k)}</th><td>{e(x)}</td></tr>" for k, x in info_lines(d, v))
    notes = "".join(f"<li>{e(n)}</li>" for n in NOTES)
    sign = f"<div class='sig'>Firma del solicitante</div>"

    def furn(n):
        return (f"<div class='hdr'><span class='v'>{e(v['vendor'])}</span><span>Formulario No. {d.number} - Página {n} de {N}</span></div>"
                f"<div class='ftr'><span>Generado por {e(v['vendor'])} el {gen_date(d, v)}</span><span>Página {n} de {N}</span></div>")

    p1 = (f"<h1>Copia de la resolución de numeración DIAN</h1><div class='sub'>Autorización numeración de facturación - Formulario 1876</div>"
          f"<table class='info'>{info}</table>"
          f"<h2>Rangos autorizados</h2><table class='rng'><tr>{''.join(f'<th>{e(x)}</th>' for x in h)}</tr>{trs}</table>"
          f"<div class='leg'>{e(legend(d))}</div>")
    p2 = f"<h2>Notas</h2><ul>{notes}</ul>{sign}"
    pages = [p1 + p2] if N == 1 else [p1, p2]
    body = "".join(f"<div class='page'>{furn(i)}{p}</div>" for i, p in enumerate(pages, 1))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size:8.5in 11in; margin:0; }}
* {{ box-sizing:border-box; }}
body {{ margin:0; font-family:'{v['font']}'; font-size:{fs}pt; color:#111; }}
.page {{ position:relative; width:8.5in; height:11in; padding:1in 0.7in 0.8in 0.7in; overflow:hidden; break-after:page; }}
.hdr {{ position:absolute; top:0.35in; left:0.7in; right:0.7in; display:flex; justify-content:space-between; align-items:flex-end;
        border-bottom:2pt solid #1b4f8a; padding-bottom:4pt; font-size:{fs - 1}pt; }}
.hdr .v {{ font-size:{fs + 7}pt; font-weight:bold; color:#1b4f8a; }}
.ftr {{ position:absolute; bottom:0.35in; left:0.7in; right:0.7in; display:flex; justify-content:space-between; font-size:{fs - 2}pt; color:#444; }}
h1 {{ font-size:{fs + 5}pt; margin:0; }} .sub {{ color:#444; margin-bottom:10pt; }}
h2 {{ font-size:{fs + 2}pt; color:#1b4f8a; margin:14pt 0 4pt 0; }}
table {{ border-collapse:collapse; }}
table.info th {{ text-align:left; font-weight:normal; color:#444; padding:2pt 14pt 2pt 0; }}
table.info td {{ font-weight:bold; padding:2pt 0; }}
table.rng {{ width:100%; }}
table.rng th {{ background:#1b4f8a; color:#fff; padding:4pt; font-size:{fs - 1}pt; }}
table.rng td {{ border-bottom:1px solid #bbb; padding:4pt; }}
table.rng tr:nth-child(odd) td {{ background:#f2f6fb; }}
td.r {{ text-align:right; white-space:nowrap; }} td.c {{ text-align:center; white-space:nowrap; }}
.leg {{ font-size:{fs - 1.5}pt; color:#333; margin-top:5pt; }}
ul {{ font-size:{fs - 1}pt; padding-left:14pt; }}
.sig {{ margin-top:50pt; border-top:1px solid #000; width:200pt; font-size:{fs - 1}pt; }}
</style></head><body>{body}</body></html>"""


# ------------------------------------------------------------------ groff
def groff_src(d, v):
    t = groff_esc
    ps = v["font_pt"]
    N = v["pages"]
    out = [".nh", ".na", ".pl 11i", ".ll 7.1i", ".lt 7.1i", ".po 0.7i", f".ps {ps}", f".vs {ps + 3}", f".fam {v['font']}"]

    def furn(n):
        return [".sp |0.4i", f".tl '\\s+6\\fB{t(v['vendor'])}\\fP\\s-6''\\s-1Formulario No. {d.number} - Página {n} de {N}\\s+1'",
                "\\l'7.1i'", ".sp |1i"]

    def foot(n):
        return [".sp |10.35i", f".tl '\\s-2Generado por {t(v['vendor'])} el {gen_date(d, v)}\\s+2''\\s-2Página {n} de {N}\\s+2'"]

    out += furn(1) + [f".ps {ps + 5}", "\\fBCopia de la resolución de numeración DIAN\\fP", f".ps {ps}", ".br",
                      "Autorización numeración de facturación - Formulario 1876", ".sp", ".TS", "tab(@);", "l lB."]
    for k, x in info_lines(d, v):
        out.append(f"{t(k)}@{t(x)}")
    out += [".TE", ".sp", f"\\fB\\s+2Rangos autorizados\\s-2\\fP", ".sp 0.4"]
    h, al = heads(v)
    out += [".TS", "tab(@);", " ".join("cB" for _ in h), " ".join(al) + ".",
            "@".join("T{\n" + t(x) + "\nT}" if "(" in x else t(x) for x in h), "="]
    for i, r in enumerate(d.ranges, 1):
        out.append("@".join(t(x) or "\\&" for x in rowvals(i, r, v)))
        out.append("_")
    out += [".TE", ".sp 0.3", f".ps {ps - 1.5}", t(legend(d)), f".ps {ps}", ".br"]
    notes = [".sp", "\\fB\\s+2Notas\\s-2\\fP", ".sp 0.4", f".ps {ps - 1}"]
    for n in NOTES:
        notes += [".in 0.2i", ".ti -0.15i", "\\(bu " + t(n), ".br"]
    notes += [".in 0", f".ps {ps}", ".sp 4", "\\l'2.6i'", ".br", "Firma del solicitante"]
    if N == 1:
        out += notes + foot(1)
    else:
        out += foot(1) + [".bp"] + furn(2) + notes + foot(2)
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ PostScript
def draw(c, d, v):
    PW, PH = 612, 792
    M = 50
    TW = PW - 2 * M
    F = v["font"]
    FB = "Helvetica-Bold" if F == "Helvetica" else "Times-Bold"
    fs = v["font_pt"]
    N = v["pages"]

    def furn(n):
        c.font(FB, fs + 7)
        c.text(M, 40, v["vendor"])
        c.font(F, fs - 1)
        c.text(PW - M, 40, f"Formulario No. {d.number} - Página {n} de {N}", "r")
        c.rect(M, 46, TW, 2, lw=0, fill=0.3)
        c.font(F, fs - 2)
        c.text(M, PH - 28, f"Generado por {v['vendor']} el {gen_date(d, v)}")
        c.text(PW - M, PH - 28, f"Página {n} de {N}", "r")

    c.page(PW, PH)
    furn(1)
    y = 78
    c.font(FB, fs + 5)
    c.text(M, y, "Copia de la resolución de numeración DIAN")
    y += fs + 6
    c.font(F, fs)
    c.text(M, y, "Autorización numeración de facturación - Formulario 1876")
    y += 20
    for k, x in info_lines(d, v):
        c.font(F, fs)
        c.text(M, y, k)
        c.font(FB, fs)
        c.text(M + 150, y, x)
        y += fs + 5
    y += 12
    c.font(FB, fs + 2)
    c.text(M, y, "Rangos autorizados")
    y += 8
    h, al = heads(v)
    weights = [0.35, 0.55] + ([0.45] if v["code_col"] else []) + [0.75, 1.15, 1.15, 0.6, 1.2, 1.2, 0.5]
    tot = sum(weights)
    xs, x = [], M
    for w in weights:
        xs.append((x, TW * w / tot))
        x += TW * w / tot
    hfs = fs - 1
    hl = [wrap_text(s, FB, hfs, w - 4) for s, (x, w) in zip(h, xs)]
    hh = max(len(q) for q in hl) * (hfs + 1.5) + 6
    c.rect(M, y, TW, hh, lw=0, fill=0.25)
    c.gray(1)
    c.font(FB, hfs)
    for q, (x, w) in zip(hl, xs):
        for j, ln in enumerate(q):
            c.text(x + w / 2, y + 3 + hfs + j * (hfs + 1.5), ln, "c")
    c.gray(0)
    y += hh
    c.font(F, fs)
    for i, r in enumerate(d.ranges, 1):
        rh = fs + 8
        if i % 2 == 0:
            c.rect(M, y, TW, rh, lw=0, fill=0.93)
        for val, (x, w), a in zip(rowvals(i, r, v), xs, al):
            tx = {"l": x + 4, "r": x + w - 4, "c": x + w / 2}[a]
            c.text(tx, y + fs + 3, val, a)
        y += rh
        c.line(M, y, M + TW, y, lw=0.4)
    y += 10
    c.font(F, fs - 1.5)
    for ln in wrap_text(legend(d), F, fs - 1.5, TW):
        c.text(M, y, ln)
        y += fs
    if N == 2:
        c.page(PW, PH)
        furn(2)
        y = 78
    else:
        y += 12
    c.font(FB, fs + 2)
    c.text(M, y, "Notas")
    y += fs + 6
    c.font(F, fs - 1)
    for n in NOTES:
        for j, ln in enumerate(wrap_text(n, F, fs - 1, TW - 14)):
            if j == 0:
                c.text(M, y, "-")
            c.text(M + 12, y, ln)
            y += fs + 1
        y += 3
    y += 50
    c.line(M, y, M + 200, y, lw=0.6)
    c.font(F, fs - 1)
    c.text(M, y + fs + 2, "Firma del solicitante")
