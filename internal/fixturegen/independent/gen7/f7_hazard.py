"""Family comb-digits-ligature-labels: a two-page official-style form whose
TEXT LAYER is full of extraction hazards, and whose range numbers are written
in COMB CELLS. Labels: 'fi'/'fl' written as the LIGATURE characters U+FB01 /
U+FB02 ('Identiﬁcación', '31. Preﬁjo', 'Fecha ﬁnal', 'Clasiﬁcación'), SOFT
HYPHENS (U+00AD) inside long label words, in narrow cells so that some labels
break with a hyphen ('Moda-' / 'lidad', 'Identi-' / 'ﬁcación'); labels in
SMALL CAPS (CSS font-variant, synthesised as smaller capitals) in most
documents; page-1 boxes either as ruled cells (label above value) or as
'label ........ value' lines with DOT LEADERS. Values: the form number, and in
some documents the NIT (DV in its own box after a gap), one digit per comb
cell; in others the NIT grouped with NO-BREAK SPACES ('900 123 456'). Page 2:
the ranges table in which 32/33 (from/to) are either RIGHT-ALIGNED IN COMB
CELLS (a fixed row of 10-12 boxes, one digit each, leading boxes empty:
'comb'), or written with thousands separators that CHANGE FROM CELL TO CELL
within one document ('1.000', '5,000', '10 000' with U+00A0, U+2009 or
U+202F: 'mixed'); below the table a 'Resumen' list restates every range in
prose with mixed separators again ('Rango 2: prefijo FE, del 1.001 al 5 000').
Explicit 'Fecha inicial' / 'Fecha ﬁnal' columns; reception box with the date and
a time joined by a no-break space. Producer: Chromium (HTML/CSS, DejaVu fonts)."""
from common7 import *

FAMILY = "comb-digits-ligature-labels"
SEPS = [".", ",", NBSP, THIN, NNBSP]


def doc_params(rng, idx):
    return {"nranges": [2, 3, 4, 1, 5, 3, 6, 2, 4, 7, 3, 5][idx % 12], "natural_prob": 0.4}


def lig(s, on):
    if not on:
        return s
    return s.replace("fi", "\ufb01").replace("fl", "\ufb02")


SHY = "\u00ad"
HYPH = {"Modalidad": "Moda" + SHY + "li" + SHY + "dad", "Identificación": "Identi" + SHY + "fi" + SHY + "ca" + SHY + "ción",
        "Vigencia": "Vi" + SHY + "gen" + SHY + "cia", "Tributaria": "Tri" + SHY + "bu" + SHY + "ta" + SHY + "ria",
        "solicitud": "soli" + SHY + "ci" + SHY + "tud", "Seccional": "Sec" + SHY + "cio" + SHY + "nal",
        "formulario": "for" + SHY + "mu" + SHY + "la" + SHY + "rio", "número": "nú" + SHY + "me" + SHY + "ro",
        "Dirección": "Di" + SHY + "rec" + SHY + "ción"}


def lab(s, v):
    if v["shy"]:
        s = " ".join(HYPH.get(w, w) for w in s.split(" "))
    return esc(lig(s, v["lig"]))


def comb(s, n=None, cls="cb"):
    cells = list(s)
    if n:
        cells = [""] * (n - len(cells)) + cells
    return "<span class='comb'>" + "".join(f"<span class='{cls}'>{esc(ch) or '&nbsp;'}</span>" for ch in cells) + "</span>"


def render(d, rng, idx, stem, bstem):
    tweak_doc(d, rng, long_prob=0.2, other_req_prob=0.15, empty_prefix_prob=0.0)
    unique_prefixes(d, rng)
    v = {"lig": idx % 4 != 3, "shy": rng.random() < 0.8, "smallcaps": rng.random() < 0.7,
         "p1": rng.choice(["cells", "leaders"]), "nit": rng.choice(["comb", "nbsp", "plain"]),
         "ranges": "comb" if idx % 2 == 0 else "mixed", "font": rng.choice(["DejaVu Sans", "DejaVu Serif"]),
         "date": rng.choice(["iso", "slash"]), "fs": rng.choice([8, 8.5, 9])}
    nmax = max(len(str(r.to)) for r in d.ranges)
    v["comb_n"] = max(10, nmax) + rng.choice([0, 1, 2])
    seprng = random.Random(rng.random())
    with open(bstem + ".html", "w", encoding="utf-8") as f:
        f.write(html(d, v, seprng, rng))
    chromium_pdf(bstem + ".html", stem + ".pdf")
    return "chromium", v


def html(d, v, sr, rng):
    L = labels("std")
    L["class"] = "Clasificación del documento"
    sc = "font-variant: small-caps;" if v["smallcaps"] else ""
    dd = lambda x: fmt_d(x, v["date"])
    mixed = lambda n: sep_num(n, sr.choice(SEPS))
    css = f"""<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><style>
@page {{ size: letter; margin: 0.55in 0.5in; }}
body {{ font-family: '{v['font']}'; font-size: {v['fs']}pt; margin: 0; hyphens: manual; }}
h1 {{ font-size: 13pt; margin: 0; }} .sub {{ font-size: 7.5pt; }}
.lab {{ font-size: 6.8pt; color: #222; {sc} }}
.band {{ background: #ddd; font-weight: bold; padding: 2px 5px; margin: 10px 0 0 0; {sc} }}
table.f {{ border-collapse: collapse; width: 100%; }}
table.f td {{ border: 0.6pt solid #000; padding: 2px 4px; vertical-align: top; }}
.val {{ font-weight: bold; font-size: {v['fs'] + 0.5}pt; }}
.comb {{ display: inline-flex; }}
.cb {{ display: inline-block; width: 1.05em; border: 0.5pt solid #000; margin-left: -0.5pt; text-align: center; }}
.cs {{ display: inline-block; width: 0.95em; border: 0.4pt solid #555; margin-left: -0.4pt; text-align: center; font-size: 7.5pt; }}
.lead {{ display: flex; align-items: baseline; margin: 3px 0; }}
.lead .l {{ white-space: nowrap; }}
.lead .dots {{ flex: 1; overflow: hidden; white-space: nowrap; margin: 0 3px; }}
.lead .v {{ white-space: nowrap; font-weight: bold; }}
table.r {{ border-collapse: collapse; width: 100%; margin-top: 8px; font-size: 7.3pt; }}
table.r th {{ border: 0.6pt solid #000; background: #eee; font-weight: normal; font-size: 6.6pt; {sc} padding: 2px; }}
table.r td {{ border: 0.6pt solid #000; padding: 2px 3px; }}
td.n {{ text-align: right; white-space: nowrap; }}
.hdr {{ display: flex; justify-content: space-between; align-items: center; border-bottom: 1.2pt solid #000; padding-bottom: 4px; }}
.model {{ border: 1.2pt solid #000; font-size: 18pt; font-weight: bold; padding: 2px 10px; }}
.stamp {{ border: 1.2pt double #000; width: 2.6in; margin: 16px 0 0 auto; text-align: center; padding: 6px; }}
.pb {{ break-before: page; }}
.foot {{ font-size: 6.5pt; margin-top: 14px; border-top: 0.5pt solid #000; padding-top: 2px; }}
</style></head><body>"""
    out = [css]
    out.append(f"<div class='hdr'><div><b>DIAN</b></div><div style='text-align:center'><h1>{lab(L['title'], v)}</h1>"
               f"<div class='sub'>{lab(L['subtitle'], v)}</div></div><div class='model'>1876</div></div>")
    num_html = comb(d.number)
    if v["nit"] == "comb":
        nit_html = comb(d.nit) + "&nbsp;&nbsp;&nbsp;"
        dv_html = comb(str(d.dv))
    elif v["nit"] == "nbsp":
        nit_html = esc(sep_num(int(d.nit), NBSP))
        dv_html = str(d.dv)
    else:
        nit_html, dv_html = d.nit, str(d.dv)
    items = [("year", comb(d.year)), ("number", num_html), ("nit", nit_html), ("dv", dv_html),
             ("ap1", esc(d.ap1)), ("ap2", esc(d.ap2)), ("n1", esc(d.n1)), ("n2", esc(d.n2)),
             ("rs", esc(d.rs)), ("secc", comb(d.secc))]
    L["nit"] = "5. Número de Identificación Tributaria (NIT)"
    out.append(f"<div class='band'>{lab(L['applicant'], v)}</div>")
    if v["p1"] == "cells":
        def td(k, val, span=1, w=None):
            ws = f" style='width:{w}'" if w else ""
            return f"<td colspan='{span}'{ws}><div class='lab'>{lab(L[k], v)}</div><div class='val'>{val or '&nbsp;'}</div></td>"
        it = dict(items)
        out.append("<table class='f'>")
        out.append("<tr>" + td("year", it["year"], 1, "12%") + td("number", it["number"], 2) + td("secc", it["secc"], 1, "13%") + "</tr>")
        out.append("<tr>" + td("nit", it["nit"], 2, "48%") + td("dv", it["dv"], 1, "9%") + "<td></td></tr>")
        out.append("<tr>" + td("ap1", it["ap1"]) + td("ap2", it["ap2"]) + td("n1", it["n1"]) + td("n2", it["n2"]) + "</tr>")
        out.append("<tr>" + td("rs", it["rs"], 4) + "</tr></table>")
    else:
        dots = "." * 220
        for k, val in items:
            out.append(f"<div class='lead'><span class='l lab'>{lab(L[k], v)}</span><span class='dots'>{dots}</span>"
                       f"<span class='v'>{val or '&nbsp;'}</span></div>")
    out.append(f"<div class='band'>{lab(L['class'], v)}</div><p style='font-size:7.5pt'>"
               + lig(esc(" ".join(legal_paragraphs(rng, d))), v["lig"]) + "</p>")
    out.append(f"<div class='foot'>{lab('Formulario 1876 - Hoja 1 de 2 - Firma y certificación del solicitante', v)}</div>")
    # ---- page 2
    out.append(f"<div class='pb'></div><div class='band'>{lab(L['detail'], v)}</div>")
    heads = [L["mod"], L["modcode"], L["prefix"], L["from"], L["to"], L["months"], L["vfrom"], L["vto"], L["req"], L["reqcode"]]
    out.append("<table class='r'><tr>" + "".join(f"<th>{lab(h, v)}</th>" for h in heads) + "</tr>")
    for r in d.ranges:
        if v["ranges"] == "comb":
            fr, to = comb(str(r.frm), v["comb_n"], "cs"), comb(str(r.to), v["comb_n"], "cs")
        else:
            fr, to = esc(mixed(r.frm)), esc(mixed(r.to))
        out.append(f"<tr><td>{esc(kind_name(r.kind))}</td><td class='n'>{kind_code(r.kind)}</td><td>{esc(r.prefix)}</td>"
                   f"<td class='n'>{fr}</td><td class='n'>{to}</td><td class='n'>{r.months}</td>"
                   f"<td class='n'>{dd(r.valid_from)}</td><td class='n'>{dd(r.valid_to)}</td>"
                   f"<td>{esc(req_name(r.request))}</td><td class='n'>{req_code(r.request)}</td></tr>")
    out.append("</table>")
    out.append(f"<div class='band'>{lab('Resumen de los rangos', v)}</div><ol style='font-size:7.5pt;margin:4px 0'>")
    for r in d.ranges:
        pf = f"prefijo {esc(r.prefix)}" if r.prefix else "sin prefijo"
        out.append(f"<li>{esc(kind_name(r.kind).capitalize())}, {pf}, del {esc(mixed(r.frm))} al {esc(mixed(r.to))}, "
                   f"{lig('vigencia', v['lig'])} de {r.months} meses.</li>")
    out.append("</ol>")
    tm = d.stamp.strftime("%H:%M:%S") if rng.random() < 0.5 else d.stamp.strftime("%I:%M:%S") + NBSP + d.stamp.strftime("%p")
    out.append(f"<div class='stamp'><div class='lab'>{lab(L['stamp'], v)}</div><div class='val'>{dd(d.stamp.date())}{NBSP}{esc(tm)}</div>"
               f"<div class='lab'>{lab(L['signed'], v)}</div></div>")
    out.append(f"<div class='foot'>{lab('Formulario 1876 - Hoja 2 de 2 - Espacio reservado para la DIAN', v)}</div>")
    out.append("</body></html>")
    return "\n".join(out)
