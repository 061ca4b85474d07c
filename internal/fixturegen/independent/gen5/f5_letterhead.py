"""Family letterhead-landscape-columns: a software provider's printable copy
of the authorization on ONE LANDSCAPE page split into TWO COLUMNS, wrapped in
the provider's own furniture, so the real values sit among many look-alike
numbers and dates: a letterhead with the provider's name, ITS OWN NIT-DV
(dotted), PBX / mobile / toll-free phone numbers and a street address full
of numbers; 'Página 1 de 1' and the date-time the copy was printed (later
than the authorization); a legal note citing 'Resolución 000042 de 2020' and,
in most documents, 'Esta autorización reemplaza la numeración del formulario
No. 1876...' with an OLDER form number and date; DIAN's NIT; a totals line
under the ranges ('Total rangos: 3 - Total números autorizados: 1.012.000');
and a GS1-like barcode with its long human-readable number. Left column: form
number, year, applicant (NIT plain or dotted, DV in its own field or joined
'900.123.456-7'), seccional and the acknowledgement date; right column: the
ranges table (optionally with start/end date columns, ISO or dd/mm/aaaa).
Chromium documents either pin the two columns (CSS grid) or let everything
FLOW through CSS multi-columns (the table may start in the left column and
continue in the right one, header repeated). Producers: Chromium, Ghostscript."""
from common5 import *

FAMILY = "letterhead-landscape-columns"


def doc_params(rng, idx):
    return {"nranges": [2, 3, 1, 4, 2, 5, 3, 2, 6, 1, 3, 4][idx % 12], "natural_prob": 0.35}


def variant(d, rng, producer):
    return {"labels": rng.choice(["std", "std", "abbrev", "upper", "dvlong"]),
            "nit": rng.choice(["plain", "dotted", "dotted-dv", "plain-dv"]),
            "modality_case": rng.choice(["upper", "upper", "title", "noacc"]),
            "sep": rng.choice([".", ".", ",", ""]),
            "dates": rng.choice(["none", "iso", "slash"]),
            "stamp": rng.choice(["iso-ampm", "slash-es", "iso-24h"]),
            "replaces": rng.random() < 0.75,
            "layout": (rng.choice(["grid", "flow"]) if producer == "chromium" else "grid"),  # flow: no date columns
            "paper": rng.choice(["Letter", "A4"])}


def fix_variant(v):
    if v["layout"] == "flow":  # half-page columns leave no room for date columns
        v["dates"] = "none"


def stamp_str(d, v):
    s = d.stamp
    if v["stamp"] == "iso-ampm":
        return f"{s.date().isoformat()} / {s.strftime('%I:%M:%S %p')}"
    if v["stamp"] == "slash-es":
        return f"{d_slash(s.date())} {time_ampm_es(s)}"
    return f"{s.date().isoformat()} {s.strftime('%H:%M:%S')}"


def applicant(d, L, v):
    rows = [(L["number"], d.number), (L["year"], d.year)]
    if v["nit"].endswith("-dv"):
        rows.append(("NIT - DV", nit_show(d.nit, d.dv, v["nit"])))
    else:
        rows += [(L["nit"], nit_show(d.nit, d.dv, v["nit"])), (L["dv"], str(d.dv))]
    if d.natural:
        rows += [(L["ap1"], d.ap1), (L["ap2"], d.ap2), (L["n1"], d.n1), (L["n2"], d.n2)]
    else:
        rows.append((L["rs"], d.rs))
    rows.append((L["secc"], d.secc))
    return rows


def table(d, L, v):
    ms = v["modality_case"]
    head = [L["mod"], L["prefix"], L["from"], L["to"], L["months"], L["req"]]
    if v["dates"] != "none":
        head += [L["vfrom"], L["vto"]]
    rows = []
    for r in d.ranges:
        row = [f"{kind_name(r.kind, ms)} - {kind_code(r.kind)}", r.prefix, fmt_sep(r.frm, v["sep"]),
               fmt_sep(r.to, v["sep"]), str(r.months), f"{req_name(r.request, ms)} - {req_code(r.request)}"]
        if v["dates"] != "none":
            row += [date_fmt(r.valid_from, v["dates"]), date_fmt(r.valid_to, v["dates"])]
        rows.append(row)
    return head, rows


def notes(d, v, x):
    out = [f"La presente copia se expide conforme a la Resolución 000042 de 2020 y a la Resolución 000165 "
           f"de 2023 de la DIAN (NIT de la DIAN {DIAN_NIT}-{DIAN_DV})."]
    if v["replaces"]:
        out.append(f"Esta autorización reemplaza la numeración del formulario No. {x['prev']} "
                   f"del {date_fmt(x['prev_date'], 'slash' if v['stamp'] == 'slash-es' else 'iso')}, "
                   f"cuyos rangos quedan sin efecto.")
    out.append("Recuerde asociar el prefijo al software de facturación antes de expedir documentos "
               "(aprox. 2 horas después de la firma).")
    return out


def totals(d, v):
    tot = sum(r.to - r.frm + 1 for r in d.ranges)
    return f"Total rangos: {len(d.ranges)} — Total números autorizados: {fmt_sep(tot, '.' if v['sep'] != '.' else '.')}"


def render(d, rng, idx, stem, bstem):
    producer = "chromium" if idx % 3 != 2 else "gs"
    v = variant(d, rng, producer)
    fix_variant(v)
    L = labels(v["labels"])
    x = {"prov": provider(rng), "printed": print_stamp(d, rng), "prev": prev_number(d, rng),
         "prev_date": prev_date(d, rng), "barcode": barcode_number(d, rng), "bars": bars(rng)}
    if producer == "chromium":
        v["font"] = rng.choice(["DejaVu Sans", "Nimbus Sans", "Nimbus Roman", "DejaVu Serif"])
        v["font_pt"] = rng.choice([7.5, 8, 8.5])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v, x))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["font"] = rng.choice(["Helvetica", "Times-Roman"])
        v["font_pt"] = rng.choice([7.5, 8])
        c = Canvas4("ps")
        draw(c, d, L, v, x)
        c.save(bstem, stem + ".pdf")
    return producer, v


def esc(s):
    return html_escape(s)


def html(d, L, v, x):
    p = x["prov"]
    W, H = {"Letter": ("11in", "8.5in"), "A4": ("297mm", "210mm")}[v["paper"]]
    head, rows = table(d, L, v)
    fs = v["font_pt"]
    bar_html = "".join(f'<span style="display:inline-block;width:{w}px;height:26px;'
                       f'background:{"#000" if i % 2 == 0 else "#fff"}"></span>' for i, w in enumerate(x["bars"]))
    app = "".join(f"<tr><th>{esc(a)}</th><td>{esc(b) or '&nbsp;'}</td></tr>" for a, b in applicant(d, L, v))
    thead = "".join(f"<th>{esc(h)}</th>" for h in head)
    tbody = "".join("<tr>" + "".join(f"<td{' class=nw' if j >= 6 else ''}>{esc(c) or '&nbsp;'}</td>" for j, c in enumerate(r))
                    + "</tr>" for r in rows)
    nts = "".join(f"<p>{esc(n)}</p>" for n in notes(d, v, x))
    left = f"""
<h2>{esc(L['applicant'])}</h2>
<table class="kv">{app}</table>
<div class="stamp"><b>DIAN</b> · {esc(L['stamp'])}: <b>{esc(stamp_str(d, v))}</b> · {esc(L['signed'])}</div>
<div class="notes">{nts}</div>"""
    right = f"""
<h2>{esc(L['detail'])}</h2>
<table class="rg"><thead><tr>{thead}</tr></thead><tbody>{tbody}</tbody></table>
<p class="tot">{esc(totals(d, v))}</p>
<div class="bc">{bar_html}<div>{esc(x['barcode'])}</div></div>"""
    if v["layout"] == "grid":
        body = f'<div class="grid"><div>{left}</div><div class="rcol">{right}</div></div>'
    else:
        body = f'<div class="flow">{left}{right}</div>'
    printed = x["printed"]
    return f"""<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><style>
@page {{ size: {W} {H}; margin: 0.45in 0.5in; }}
body {{ font-family: '{v['font']}'; font-size: {fs}pt; margin: 0; }}
.lh {{ display: flex; justify-content: space-between; border-bottom: 2px solid #234; padding-bottom: 4px; }}
.lh .pn {{ font-size: {fs + 5}pt; font-weight: bold; color: #234; }}
.lh .meta {{ text-align: right; font-size: {fs - 0.5}pt; }}
h1 {{ font-size: {fs + 3}pt; margin: 6px 0 2px; }}
.sub {{ margin: 0 0 6px; color: #444; }}
h2 {{ font-size: {fs + 1}pt; margin: 6px 0 3px; border-bottom: 1px solid #888; }}
.grid {{ display: grid; grid-template-columns: {'31fr 69fr' if v['dates'] != 'none' else '38fr 62fr'}; column-gap: 18px; }}
.rcol {{ border-left: 1px solid #999; padding-left: 12px; }}
.flow {{ column-count: 2; column-gap: 28px; column-rule: 1px solid #999; }}
table {{ border-collapse: collapse; width: 100%; }}
.kv th {{ text-align: left; font-weight: normal; color: #333; padding: 2px 4px; width: 45%; border-bottom: 1px dotted #aaa; }}
.kv td {{ font-weight: bold; padding: 2px 4px; border-bottom: 1px dotted #aaa; }}
.rg th {{ background: #dde3ea; font-weight: bold; border: 1px solid #777; padding: 2px 2px; font-size: {fs - 1.5}pt; }}
.rg td {{ border: 1px solid #777; padding: 2px 2px; font-size: {fs - 1}pt; }}
.rg tr {{ break-inside: avoid; }}
.rg td.nw {{ white-space: nowrap; }}
.stamp {{ border: 1.5px solid #000; border-radius: 6px; margin: 8px 0; padding: 5px; text-align: center; }}
.notes p {{ font-size: {fs - 1}pt; margin: 3px 0; text-align: justify; }}
.tot {{ font-weight: bold; margin: 4px 0; }}
.bc {{ margin-top: 8px; font-family: monospace; font-size: {fs - 1}pt; line-height: 0; }}
.bc div {{ line-height: normal; margin-top: 2px; }}
.foot {{ margin-top: 10px; border-top: 1px solid #234; font-size: {fs - 1}pt; display: flex; justify-content: space-between; }}
</style></head><body>
<div class="lh"><div><div class="pn">{esc(p['name'])}</div>
<div>NIT {esc(nit_dotted(p['nit']))}-{p['dv']} · Proveedor tecnológico autorizado</div>
<div>{esc(p['addr'])} · PBX {esc(p['pbx'])} · Cel. {esc(p['cel'])}</div></div>
<div class="meta">Página 1 de 1<br>Impreso: {printed.strftime('%d/%m/%Y %H:%M')}<br>Línea gratuita {esc(p['free'])}<br>{esc(p['web'])}</div></div>
<h1>{esc(L['title'])} — Formato 1876</h1>
<p class="sub">{esc(L['subtitle'])} · copia informativa del proveedor</p>
{body}
<div class="foot"><span>{esc(p['name'])} · {esc(p['mail'])}</span><span>Página 1 de 1</span></div>
</body></html>"""


def draw(c, d, L, v, x):
    F, FB = v["font"], ("Helvetica-Bold" if v["font"] == "Helvetica" else "Times-Bold")
    fs = v["font_pt"]
    W, H = {"Letter": (792, 612), "A4": (842, 595)}[v["paper"]]
    c.page(W, H)
    _text = c.text
    c.text = lambda xx, yy, s, al="l": _text(xx, yy, s.replace("—", "-"), al)  # Latin-1 only in PostScript
    p = x["prov"]
    m = 36
    c.font(FB, fs + 5)
    c.text(m, 46, p["name"])
    c.font(F, fs)
    c.text(m, 58, f"NIT {nit_dotted(p['nit'])}-{p['dv']} · Proveedor tecnológico autorizado")
    c.text(m, 68, f"{p['addr']} · PBX {p['pbx']} · Cel. {p['cel']}")
    c.text(W - m, 46, "Página 1 de 1", "r")
    c.text(W - m, 56, f"Impreso: {x['printed'].strftime('%d/%m/%Y %H:%M')}", "r")
    c.text(W - m, 66, f"Línea gratuita {p['free']}", "r")
    c.line(m, 74, W - m, 74, lw=1.5)
    c.font(FB, fs + 3)
    c.text(m, 92, f"{L['title']} — Formato 1876")
    c.font(F, fs)
    c.text(m, 103, f"{L['subtitle']} · copia informativa del proveedor")
    split = m + (W - 2 * m) * 0.38
    lx, lw = m, split - m - 10
    rx, rw = split + 10, W - m - split - 10
    c.line(split, 112, split, H - 50, lw=0.6)
    # left column
    y = 122
    c.font(FB, fs + 1)
    c.text(lx, y, L["applicant"])
    c.line(lx, y + 3, lx + lw, y + 3, lw=0.5)
    y += 15
    for a, b in applicant(d, L, v):
        c.font(F, fs)
        c.text(lx, y, a)
        c.font(FB, fs)
        c.text(lx + lw * 0.46, y, b)
        c.gray(0.6)
        c.line(lx, y + 3, lx + lw, y + 3, lw=0.3)
        c.gray(0)
        y += fs * 1.7
    y += 6
    c.rect(lx, y, lw, 3 * fs * 1.4 + 8, lw=1.2)
    c.font(FB, fs)
    c.text(lx + lw / 2, y + fs + 4, "DIAN", "c")
    c.font(F, fs)
    c.text(lx + lw / 2, y + 2 * fs * 1.4 + 4, f"{L['stamp']}: {stamp_str(d, v)}", "c")
    c.text(lx + lw / 2, y + 3 * fs * 1.4 + 4, L["signed"], "c")
    y += 3 * fs * 1.4 + 22
    c.font(F, fs - 1)
    for n in notes(d, v, x):
        for ln in wrap_text(n, F, fs - 1, lw):
            c.text(lx, y, ln)
            y += (fs - 1) * 1.3
        y += 3
    # right column
    y = 122
    c.font(FB, fs + 1)
    c.text(rx, y, L["detail"])
    c.line(rx, y + 3, rx + rw, y + 3, lw=0.5)
    y += 10
    head, rows = table(d, L, v)
    wts = [2.2, 0.7, 1, 1, 0.8, 1.4] + ([1.1, 1.1] if len(head) > 6 else [])
    ws = fit_widths(wts, head, rows, FB, fs - 0.5, F, fs, rw, 3)
    y = canvas_table(c, rx, y, ws, head, rows, ["l", "c", "r", "r", "c", "l", "c", "c"][:len(head)],
                     F, FB, fs, fs - 0.5, 3, head_fill=0.87, head_font=FB)
    y += 14
    c.font(FB, fs)
    c.text(rx, y, totals(d, v))
    y += 14
    xx = rx
    for i, w in enumerate(x["bars"]):
        if i % 2 == 0:
            c.rect(xx, y, w * 0.9, 24, lw=0, fill=0)
        xx += w * 0.9
    c.font("Courier", fs - 1)
    c.text(rx, y + 34, x["barcode"])
    c.font(F, fs - 1)
    c.line(m, H - 40, W - m, H - 40, lw=0.8)
    c.text(m, H - 30, f"{p['name']} · {p['mail']} · {p['web']}")
    c.text(W - m, H - 30, "Página 1 de 1", "r")
