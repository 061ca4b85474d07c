"""Family ficha-single-range-paragraph: a ONE-RANGE authorization written as
a 'ficha' (a summary record) in which EVERYTHING IS ONE FLOWING PARAGRAPH of
run-in 'key: value' pairs, SEVERAL PAIRS PER LINE, wrapping freely, so a key
can end one line and its value start the next, and a business name can break
across lines. Keys in bold (or italics), with or without their box numbers
('4. Número de formulario:' or 'Formulario No.:'); key / value separated by a
colon plus a NO-BREAK SPACE, a THIN SPACE or a plain space; pairs separated by
' · ', ' | ', '; ', an em-space gap with no character at all (groff \\h
motion) or a TAB character (Chromium white-space: pre-wrap). Natural persons
appear as the four labelled name parts or as one 'Apellidos y nombres' pair
(surnames first). The range appears as 'Desde' / 'Hasta' pairs or as one pair
'Numeración: del 1 al 5.000'; the validity as 'Vigencia: 24 meses' plus
'Fecha inicial' / 'Fecha final' pairs, or 'Vigencia: 24 meses, del
2024-10-19 al 2026-10-19'; modality and request carry their code in
parentheses. Numbers with '.', no-break / narrow no-break spaces, or none.
Around the ficha: the title and model number, an intro line, legal
paragraphs with other numbers (DIAN's NIT, resolutions, phone numbers) and a
signature line. A5 or Letter, one page. Producers: groff, Chromium."""
import os

from common10 import (html_escape as E, chromium_pdf, groff_pdf, groff_esc, kind_name, kind_code,
                      req_name, req_code, fmt_num, fmt_day, stamp_time, legal_paragraphs, tweak_doc,
                      NBSP, THIN, NNBSP)

FAMILY = "ficha-single-range-paragraph"


def doc_params(rng, idx):
    return {"nranges": 1}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.3, other_req_prob=0.25, empty_prefix_prob=0.0)


def pairs(d, v):
    """[(key, value)] in printed order; values are plain strings"""
    r = d.ranges[0]
    nb = v["boxnums"]
    k = (lambda n, long, short: f"{n}.\x01{long}" if nb else short)  # \x01: no-break space
    out = [(k(4, "Número de formulario", "Formulario No."), d.number), (k(1, "Año", "Año"), d.year),
           (k(5, "NIT", "NIT"), d.nit), (k(6, "DV", "DV"), str(d.dv))]
    if d.natural:
        if v["names"] == "parts":
            for n, lab, val in [(7, "Primer apellido", d.ap1), (8, "Segundo apellido", d.ap2),
                                (9, "Primer nombre", d.n1), (10, "Otros nombres", d.n2)]:
                if val:
                    out.append((k(n, lab, lab), val))
        else:
            out.append(("Apellidos y nombres", d.name))
    else:
        out.append((k(11, "Razón social", "Razón social"), d.rs))
    out.append((k(12, "Seccional", "Seccional"), d.secc))
    ms = v["mcase"]
    out.append((k(30, "Modalidad", "Modalidad"), f"{kind_name(r.kind, ms)} (cód. {kind_code(r.kind)})"))
    out.append((k(31, "Prefijo", "Prefijo"), r.prefix or "sin prefijo"))
    f, t = fmt_num(r.frm, v["sep"]), fmt_num(r.to, v["sep"])
    if v["range"] == "pair":
        out += [(k(32, "Desde el número", "Desde"), f), (k(33, "Hasta el número", "Hasta"), t)]
    else:
        out.append(("Numeración", f"del {f} al {t}"))
    vf, vt = fmt_day(r.valid_from, v["date"]), fmt_day(r.valid_to, v["date"])
    if v["validity"] == "pairs":
        out += [(k(38, "Vigencia", "Vigencia"), f"{r.months} meses"), ("Fecha inicial", vf), ("Fecha final", vt)]
    else:
        out.append((k(38, "Vigencia", "Vigencia"), f"{r.months} meses, del {vf} al {vt}"))
    out.append(("Tipo de solicitud", f"{req_name(r.request, ms)} (cód. {req_code(r.request)})"))
    out.append(("Fecha acuse de recibo", f"{fmt_day(d.stamp.date(), 'iso')} {stamp_time(d, v['time'])}"))
    return out


def render(d, rng, idx, tmp, btmp):
    producer = "groff" if idx % 2 == 0 else "chromium"
    v = {
        "paper": rng.choice(["A5", "A5", "Letter"]),
        "boxnums": rng.random() < 0.5,
        "names": rng.choice(["parts", "joined"]),
        "range": rng.choice(["pair", "pair", "del-al"]),
        "validity": rng.choice(["pairs", "inline"]),
        "date": rng.choice(["iso", "slash"]),
        "time": rng.choice(["ampm", "24h"]),
        "mcase": rng.choice(["upper", "title"]),
        "key_style": rng.choice(["bold", "bold", "italic"]),
        "kv": rng.choice(["nbsp", "thin", "space"]),
        "pair_sep": rng.choice(["dot", "pipe", "semi", "gap"] + (["tab"] if producer == "chromium" else [])),
        "sep": rng.choice([".", NBSP, NNBSP, ""]),
    }
    if producer == "groff" and v["sep"] in (NBSP, NNBSP):
        v["sep"] = "nbsp-esc"  # groff \~ (an unbreakable space)
    legal = legal_paragraphs(rng, d)
    if producer == "groff":
        src = groff_src(d, v, legal)
        with open(btmp + ".tr", "w", encoding="utf-8") as f:
            f.write(src)
        groff_pdf(btmp + ".tr", tmp + ".pdf", extra=["-P-pa5" if v["paper"] == "A5" else "-P-pletter"])
    else:
        html = html_src(d, v, legal)
        with open(btmp + ".html", "w", encoding="utf-8") as f:
            f.write(html)
        chromium_pdf(os.path.abspath(btmp + ".html"), tmp + ".pdf")
    return producer, v


def groff_src(d, v, legal):
    a5 = v["paper"] == "A5"
    sepv = v["sep"]
    if sepv == "nbsp-esc":
        v = dict(v, sep="\x00")  # placeholder, replaced by \~ after escaping
    ps = 8.5 if a5 else 10
    out = [".nh", f".pl {'21c' if a5 else '11i'}", f".po {'1.4c' if a5 else '1i'}",
           f".ll {'12c' if a5 else '6.5i'}", f".ps {ps}", f".vs {ps + 3.5}", ".fam H", ".ft R",
           ".sp 0.6c", ".ce 3", f"\\s+6\\fB1876\\fP\\s0", "\\fBAUTORIZACIÓN NUMERACIÓN DE FACTURACIÓN\\fP",
           "Ficha de la numeración autorizada", ".sp 1", ".ad l",
           groff_esc("La Dirección de Impuestos y Aduanas Nacionales registró la siguiente autorización:"),
           ".sp 0.6", ".ad b"]
    kf = "\\fB" if v["key_style"] == "bold" else "\\fI"
    kvsep = {"nbsp": ":\\~", "thin": ":\\|", "space": ": "}[v["kv"]]
    psep = {"dot": " \\(bu ", "pipe": " | ", "semi": "; ", "gap": "\\h'1.3m'"}[v["pair_sep"]]
    items = []
    for key, val in pairs(d, v):
        val = groff_esc(val).replace("\x00", "\\~")
        items.append(f"{kf}{groff_esc(key).replace(chr(1), chr(92) + '~')}\\fP{kvsep}{val}")
    para = psep.join(items)
    if v["pair_sep"] == "gap":
        para = para  # the motion joins the pairs; line breaks fall at spaces inside values
    out.append(para)
    out += [".sp 1", f".ps {ps - 1.5}", f".vs {ps + 1.5}"]
    for p in legal:
        out += [groff_esc(p), ".sp 0.5"]
    out += [".sp 2", ".ad l", "\\l'5c'", ".br", "Firma del solicitante", ".sp 1", ".ad r", "Página 1 de 1"]
    return "\n".join(out) + "\n"


def html_src(d, v, legal):
    a5 = v["paper"] == "A5"
    bp = 8.5 if a5 else 10
    kvsep = {"nbsp": ":" + NBSP, "thin": ":" + THIN, "space": ": "}[v["kv"]]
    psep = {"dot": " · ", "pipe": " | ", "semi": "; ", "gap": "\u2003\u2003", "tab": "\t"}[v["pair_sep"]]
    tag = "b" if v["key_style"] == "bold" else "i"
    items = [f"<{tag}>{E(k).replace(chr(1), NBSP)}</{tag}>{kvsep}{E(val)}" for k, val in pairs(d, v)]
    body = psep.join(items)
    leg = "".join(f"<p class=legal>{E(p)}</p>" for p in legal)
    css = f"""@page {{ size: {'A5' if a5 else 'letter'}; margin: {14 if a5 else 22}mm; }}
body {{ font-family: 'DejaVu Sans', sans-serif; font-size: {bp}pt; margin: 0; }}
.model {{ text-align: center; font-weight: bold; font-size: {bp + 6}pt; }}
h1 {{ text-align: center; font-size: {bp + 2}pt; margin: 0; }}
.sub {{ text-align: center; margin-bottom: 4mm; }}
.ficha {{ border: 0.8pt solid #333; border-radius: 3pt; padding: 3mm 3.5mm; }}
.ficha .t {{ font-size: {bp - 1}pt; letter-spacing: 0.08em; text-transform: uppercase; color: #444;
             border-bottom: 0.5pt solid #999; margin-bottom: 2mm; }}
.ficha p {{ margin: 0; line-height: 1.45; text-align: justify; white-space: pre-wrap; tab-size: 3; }}
.legal {{ font-size: {bp - 1.5}pt; margin: 2mm 0; text-align: justify; }}
.sign {{ margin-top: 14mm; border-top: 0.5pt solid #000; width: 45mm; font-size: {bp - 1}pt; }}
"""
    return f"""<!doctype html><html lang=es><head><meta charset=utf-8><style>{css}</style></head><body>
<div class=model>1876</div><h1>Autorización numeración de facturación</h1>
<div class=sub>Ficha de la numeración autorizada</div>
<div class=ficha><div class=t>Ficha de autorización</div><p>{body}</p></div>
{leg}<div class=sign>Firma del solicitante</div></body></html>"""
