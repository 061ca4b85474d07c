"""Family mixed-dates-and-scales: a full formato 1876 (title and model number,
taxpayer boxes, ranges, reception stamp, legal text) on an UNUSUAL PAGE:
A3, HALF-LETTER ('media carta', 5.5 x 8.5 in) or a LONG RECEIPT-LIKE PAGE
80 mm wide, with type from 5 pt (legal text, footers) to 20 pt (model number,
title), values larger than their labels (the form number up to 14 pt).

EVERY DATE OF ONE DOCUMENT IS WRITTEN IN A DIFFERENT FORMAT: five distinct
styles drawn from 'lunes, 3 de marzo de 2025' (always one of them),
'3 de marzo de 2025', '03-MAR-2025', '2025/03/03', '03/03/2025',
'03.03.2025', '3 mar. 2025' and ISO '2025-03-03', given to the validity start,
the validity end, the request date, the filing date and the date of the copy;
the reception stamp is a TIME-STAMP WITH A TIME ZONE ('2025-03-03T11:38:26-05:00',
'2025-03-03 11:38:26 -0500', '... COT', '03/03/2025 11:38:26 a. m. (UTC-05:00)
Bogotá, Lima, Quito', '03-MAR-2025 11:38:26 hora de Bogotá (GMT-5)', 'lunes,
3 de marzo de 2025, 11:38:26 a. m. (UTC-5)'), in some documents followed by a
'Sello de tiempo' with the same instant in UTC (the next calendar day when the
stamp is after 19:00), and the print date is a UTC time-stamp ('...Z' or '... UTC').
DATES THAT ARE NOT VALIDITY DATES SIT NEXT TO THE VALIDITY DATES: 'Fecha de la
solicitud' and 'Fecha de radicación' (with a 'No. de radicado') in a block
just above the ranges (after the header on receipts) and again beside every range (a 'Fecha solicitud'
column before 'Fecha inicial' / 'Fecha final' on A3; a spanning line 'Solicitud
... · Vigencia: desde ... hasta ...' under each row on half-letter; a
'Solicitada' line before 'Vigente desde' in every receipt block), the date of
the copy ('Fecha de expedición de esta copia') in the header and the print
time-stamp in the footer.

Layouts: A3 (label-over-value grid of taxpayer boxes, one wide ranges table),
half-letter (taxpayer label / value table, compact ranges table with a date
line under each row), receipt (everything stacked, centred header, 'label'
line then value line or 'label: value', a block per range between dashed
rules, one long page or a few). Numbers grouped with '.', ',', a space or
nothing. Producers: Chromium (HTML/CSS), groff (tbl)."""
import os

from common12 import (html_escape as E, chromium_pdf, groff_pdf, groff_esc, kind_name, kind_code, req_name,
                      req_code, fmt_num, legal_paragraphs, tweak_doc,
                      tidy_prefixes, pick_labels, fmt_day12, fmt_ts12,
                      fmt_utc, distractor_days, radicado, DATE_STYLES, TS_STYLES, NBSP)

FAMILY = "mixed-dates-and-scales"
PAGES = ["A3", "HalfLetter", "Receipt80"]


def doc_params(rng, idx):
    return {"nranges": [1, 2, 3, 4, 5, 6][idx % 6]}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.2, other_req_prob=0.15)
    tidy_prefixes(d, rng)


def render(d, rng, idx, tmp, btmp):
    producer = "chromium" if idx % 2 == 0 else "groff"
    page = PAGES[(idx // 2) % 3]
    styles = rng.sample(DATE_STYLES, 5)
    if "weekday" not in styles:
        styles[rng.randrange(5)] = "weekday"
    roles = dict(zip(["vfrom", "vto", "solicitud", "radicacion", "expedicion"], styles))
    dd = distractor_days(d, rng)
    v = {
        "page": page,
        "dates": roles,
        "stamp_ts": rng.choice(TS_STYLES),
        "print_ts": rng.choice(["z", "utc"]),
        "utc_seal": rng.random() < 0.45,
        "sep": rng.choice([".", ".", ",", "space", ""]),
        "mcase": rng.choice(["upper", "title"]),
        "boxnums": rng.choice([True, False, None]),
        "receipt_kv": rng.choice(["stacked", "inline"]),
        "base_pt": {"A3": rng.choice([9, 10, 11]), "HalfLetter": rng.choice([6.5, 7, 7.5]),
                    "Receipt80": rng.choice([7, 7.5, 8])}[page],
        "title_pt": rng.choice([16, 18, 20]),
        "number_pt": rng.choice([11, 12, 14]),
        "legal_pt": 5,
        "radicado": radicado(rng, dd["radicacion"]),
        "distractors": {"solicitud": dd["solicitud"].isoformat(), "radicacion": dd["radicacion"].isoformat(),
                        "impresion": dd["impresion"].isoformat(), "expedicion": dd["impresion"].date().isoformat()},
    }
    L = pick_labels(rng, v["boxnums"])
    v["labels"] = L
    T = texts(d, v, dd)
    legal = legal_paragraphs(rng, d)
    if producer == "chromium":
        with open(btmp + ".html", "w", encoding="utf-8") as f:
            f.write(html_src(d, v, L, T, legal))
        chromium_pdf(os.path.abspath(btmp + ".html"), tmp + ".pdf")
    else:
        src, popt = groff_src(d, v, L, T, legal)
        with open(btmp + ".tr", "w", encoding="utf-8") as f:
            f.write(src)
        groff_pdf(btmp + ".tr", tmp + ".pdf", extra=[popt])
    return producer, v


def texts(d, v, dd):
    """every printed date string of the document"""
    R = v["dates"]
    T = {
        "solicitud": fmt_day12(dd["solicitud"], R["solicitud"]),
        "radicacion": fmt_day12(dd["radicacion"], R["radicacion"]),
        "expedicion": fmt_day12(dd["impresion"].date(), R["expedicion"]),
        "impresion": fmt_utc(dd["impresion"], v["print_ts"]),
        "stamp": fmt_ts12(d.stamp, v["stamp_ts"]),
        "utc": fmt_utc(d.stamp, "z"),
    }
    T["rows"] = [(fmt_day12(r.valid_from, R["vfrom"]), fmt_day12(r.valid_to, R["vto"])) for r in d.ranges]
    return T


def num(n, v, html=False):
    sep = v["sep"]
    if sep == "space":
        sep = NBSP if html else " "
    return fmt_num(n, sep)


def taxpayer(d, L):
    out = [(L["year"], d.year), (L["number"], d.number), (L["nit"], d.nit), (L["dv"], str(d.dv))]
    if d.natural:
        out += [(L["ap1"], d.ap1), (L["ap2"], d.ap2), (L["n1"], d.n1), (L["n2"], d.n2)]
    else:
        out.append((L["rs"], d.rs))
    out.append((L["secc"], d.secc))
    return out


def receipt_len_mm(d):
    return 300 + 62 * len(d.ranges) + (30 if d.natural else 0)


# ------------------------------------------------------------------ HTML
def html_src(d, v, L, T, legal):
    page = v["page"]
    bp, tp, np_, lp = v["base_pt"], v["title_pt"], v["number_pt"], v["legal_pt"]
    if page == "A3":
        size, margin, fam = "A3", "16mm 18mm", "'DejaVu Sans', sans-serif"
    elif page == "HalfLetter":
        size, margin, fam = "5.5in 8.5in", "8mm 8mm", "'Nimbus Sans Narrow', 'DejaVu Sans', sans-serif"
    else:
        size, margin, fam = f"80mm {receipt_len_mm(d)}mm", "5mm 4mm", "'DejaVu Sans Mono', monospace"
    css = f"""@page {{ size: {size}; margin: {margin}; }}
body {{ font-family: {fam}; font-size: {bp}pt; margin: 0; }}
.model {{ font-size: 20pt; font-weight: bold; float: right; }}
.rc .model {{ float: none; text-align: center; }}
h1 {{ font-size: {tp if page != 'Receipt80' else 11}pt; margin: 0; }}
.rc h1 {{ text-align: center; }}
.sub {{ font-size: 5.5pt; margin: 0.5mm 0 1mm 0; }}
.exp {{ font-size: 6pt; margin-bottom: 2mm; }}
.rad {{ font-size: {bp - 0.5}pt; border: 0.5pt solid #777; padding: 1mm 1.5mm; margin: 2mm 0; }}
.rad b {{ font-weight: normal; font-size: {max(5, bp - 2.5)}pt; color: #444; }}
table {{ border-collapse: collapse; width: 100%; }}
.tp td {{ border: 0.6pt solid #000; padding: 1mm 1.4mm; vertical-align: top; }}
.lb {{ font-size: {max(5, bp - 3)}pt; color: #333; display: block; }}
.vl {{ font-size: {bp + 2}pt; font-weight: bold; }}
.num {{ font-size: {np_}pt; font-weight: bold; }}
h2 {{ font-size: {bp + 1}pt; margin: 3mm 0 1.5mm 0; }}
.rg th {{ font-size: {max(5, bp - 2)}pt; border: 0.6pt solid #000; background: #e8e8e8; padding: 0.8mm; }}
.rg td {{ border: 0.6pt solid #000; padding: 0.8mm 1mm; font-size: {bp}pt; }}
.rg td.n {{ white-space: nowrap; text-align: right; }}
.rg td.c {{ text-align: center; }}
.rg td.dl {{ font-size: {max(5, bp - 1.5)}pt; border-top: none; }}
.stamp {{ border: 1.2pt double #000; width: {'70mm' if page == 'A3' else '60mm' if page == 'HalfLetter' else 'auto'};
          margin: 4mm 0 0 auto; text-align: center; padding: 1.5mm; }}
.stamp .dn {{ font-size: 14pt; font-weight: bold; }}
.stamp .ts {{ font-size: {bp + 1 if page != 'Receipt80' else bp}pt; font-weight: bold; margin: 1mm 0; }}
.stamp .utc {{ font-size: 6pt; }}
.legal {{ font-size: {lp}pt; text-align: justify; margin: 1mm 0; }}
.foot {{ font-size: {lp}pt; margin-top: 2mm; border-top: 0.4pt solid #999; }}
.blk {{ border-top: 1pt dashed #000; padding-top: 1.5mm; margin-top: 1.5mm; }}
.kv {{ margin: 0.6mm 0; }} .kv .lb {{ display: block; }} .kv.in .lb {{ display: inline; font-size: {bp - 1}pt; }}
.kv .v2 {{ font-weight: bold; }}
"""
    head = (f"<div class=model>1876</div><h1>AUTORIZACIÓN NUMERACIÓN DE FACTURACIÓN</h1>"
            f"<div class=sub>Formulario para la solicitud y autorización de rangos de numeración · DIAN</div>"
            f"<div class=exp>Fecha de expedición de esta copia: {E(T['expedicion'])}</div>")
    rad = (f"<div class=rad><b>No. de radicado</b> {E(v['radicado'])} &nbsp; <b>Fecha de la solicitud</b> "
           f"{E(T['solicitud'])} &nbsp; <b>Fecha de radicación</b> {E(T['radicacion'])}</div>")
    seal = f"<div class=utc>Sello de tiempo: {E(T['utc'])}</div>" if v["utc_seal"] else ""
    stamp = (f"<div class=stamp><div class=dn>DIAN</div><div>Fecha Acuse de Recibo</div>"
             f"<div class=ts>{E(T['stamp'])}</div>{seal}<div>Firmado</div></div>")
    legal_h = "".join(f"<p class=legal>{E(p)}</p>" for p in legal)
    foot = f"<div class=foot>Impreso: {E(T['impresion'])} · Página 1</div>"
    tp_items = taxpayer(d, L)
    ms = v["mcase"]
    if page == "Receipt80":
        def kv(lab, val, big=False):
            cls = "kv in" if v["receipt_kv"] == "inline" else "kv"
            vcls = "num" if big else "v2"
            sep = ": " if v["receipt_kv"] == "inline" else ""
            return f"<div class='{cls}'><span class=lb>{E(lab)}{sep}</span><span class={vcls}>{E(val) or '-'}</span></div>"
        tpx = "".join(kv(lab, val, i == 1) for i, (lab, val) in enumerate(tp_items))
        blocks = []
        N = len(d.ranges)
        for i, (r, (vf, vt)) in enumerate(zip(d.ranges, T["rows"]), 1):
            blocks.append(
                f"<div class=blk><b>RANGO {i}/{N}</b>"
                + kv("Modalidad", f"{kind_name(r.kind, ms)} ({kind_code(r.kind)})")
                + kv("Prefijo", r.prefix or "(sin prefijo)")
                + kv("Desde el número", num(r.frm, v, True)) + kv("Hasta el número", num(r.to, v, True))
                + kv("Solicitada", T["solicitud"])
                + kv("Vigente desde", vf) + kv("Vigente hasta", vt)
                + kv("Vigencia (meses)", str(r.months))
                + kv("Tipo de solicitud", f"{req_name(r.request, ms)} ({req_code(r.request)})") + "</div>")
        body = (f"<div class=rc>{head}{rad}<div class=blk>{tpx}</div><h2>DETALLE DE LA SOLICITUD</h2>"
                f"{''.join(blocks)}<div class=blk></div>{stamp}{legal_h}{foot}</div>")
    else:
        if page == "A3":
            per = 5 if d.natural else 4
            rows = [tp_items[i:i + per] for i in range(0, len(tp_items), per)]
            trs = []
            for row in rows:
                tds = []
                for lab, val in row:
                    cls = "num" if val == d.number else "vl"
                    tds.append(f"<td><span class=lb>{E(lab)}</span><span class={cls}>{E(val) or '&nbsp;'}</span></td>")
                trs.append(f"<tr>{''.join(tds)}</tr>")
            tpx = f"<table class=tp>{''.join(trs)}</table>"
            heads = ["30. Modalidad", "Cód.", "31. Prefijo", "32. Desde el número", "33. Hasta el número",
                     "38. Vigencia (meses)", "Fecha solicitud", "Fecha inicial", "Fecha final",
                     "Tipo de solicitud", "Cód."]
            trs = []
            for r, (vf, vt) in zip(d.ranges, T["rows"]):
                cells = [(kind_name(r.kind, ms), ""), (str(kind_code(r.kind)), "c"), (r.prefix, "c"),
                         (num(r.frm, v, True), "n"), (num(r.to, v, True), "n"), (str(r.months), "c"),
                         (T["solicitud"], "c"), (vf, "c"), (vt, "c"), (req_name(r.request, ms), ""),
                         (str(req_code(r.request)), "c")]
                trs.append("<tr>" + "".join(f"<td class={c}>{E(x)}</td>" for x, c in cells) + "</tr>")
            rtab = ("<table class=rg><tr>" + "".join(f"<th>{E(h)}</th>" for h in heads) + "</tr>"
                    + "".join(trs) + "</table>")
        else:
            trs = "".join(f"<tr><td><span class=lb>{E(lab)}</span></td><td><span class={'num' if val == d.number else 'vl'}>"
                          f"{E(val) or '&nbsp;'}</span></td></tr>" for lab, val in tp_items)
            tpx = f"<table class=tp>{trs}</table>"
            heads = ["Modalidad (cód.)", "Prefijo", "Desde", "Hasta", "Meses", "Solicitud (cód.)"]
            trs = []
            for r, (vf, vt) in zip(d.ranges, T["rows"]):
                cells = [(f"{kind_name(r.kind, ms)} ({kind_code(r.kind)})", ""), (r.prefix, "c"),
                         (num(r.frm, v, True), "n"), (num(r.to, v, True), "n"), (str(r.months), "c"),
                         (f"{req_name(r.request, ms)} ({req_code(r.request)})", "")]
                trs.append("<tr>" + "".join(f"<td class={c}>{E(x)}</td>" for x, c in cells) + "</tr>")
                trs.append(f"<tr><td colspan=6 class=dl>Solicitud: {E(T['solicitud'])} · Vigencia: desde "
                           f"{E(vf)} hasta {E(vt)}</td></tr>")
            rtab = ("<table class=rg><tr>" + "".join(f"<th>{E(h)}</th>" for h in heads) + "</tr>"
                    + "".join(trs) + "</table>")
        body = f"{head}<h2>DATOS DEL SOLICITANTE</h2>{tpx}{rad}<h2>DETALLE DE LA SOLICITUD</h2>{rtab}{stamp}{legal_h}{foot}"
    return f"""<!doctype html><html lang=es><head><meta charset=utf-8><style>{css}</style></head><body>
{body}
</body></html>"""


# ------------------------------------------------------------------ groff
def groff_src(d, v, L, T, legal):
    page = v["page"]
    bp, tp, np_ = v["base_pt"], v["title_pt"], v["number_pt"]
    ge = groff_esc
    ms = v["mcase"]
    if page == "A3":
        geo = [".pl 42c", ".ll 26.4c", ".po 1.5c"]
        popt = "-P-pa3"
    elif page == "HalfLetter":
        geo = [".pl 8.5i", ".ll 4.9i", ".po 0.3i"]
        popt = "-P-p8.5i,5.5i"
    else:
        ln = receipt_len_mm(d) / 10
        geo = [f".pl {ln:.1f}c", ".ll 7.2c", ".po 0.4c"]
        popt = f"-P-p{ln:.1f}c,8c"
    out = [".nh", ".ad l"] + geo + [f".ps {bp}", f".vs {bp + 2.5}p", ".fam H" if page != "Receipt80" else ".fam C",
                                    ".sp 0.5c"]
    if page == "Receipt80":
        out += [".ce 4", f"\\x'-{20 - bp}p'\\s[20]\\fB1876\\fP\\s0", f"\\x'-{11 - bp}p'\\s[11]\\fBAUTORIZACIÓN NUMERACIÓN\\fP\\s0",
                f"\\x'-{11 - bp}p'\\s[11]\\fBDE FACTURACIÓN\\fP\\s0", "\\s[5]Formulario para la solicitud y autorización de rangos de numeración\\s0"]
    else:
        out += [".lt \\n(.lu", ".sp 0.3", ".tl '''\\s[20]\\fB1876\\fP\\s0'", ".sp 0.2"]
        if page == "A3":
            out += [f"\\x'-{tp - bp}p'\\s[{tp}]\\fBAUTORIZACIÓN NUMERACIÓN DE FACTURACIÓN\\fP\\s0", ".br"]
        else:
            out += [f"\\x'-{tp - bp}p'\\s[{tp}]\\fBAUTORIZACIÓN NUMERACIÓN\\fP\\s0", ".br",
                    f"\\x'-{tp - bp}p'\\s[{tp}]\\fBDE FACTURACIÓN\\fP\\s0", ".br"]
        out += ["\\s[5.5]Formulario para la solicitud y autorización de rangos de numeración \\(em DIAN\\s0", ".br"]
    out += [f"\\s[6]Fecha de expedición de esta copia: {ge(T['expedicion'])}\\s0", ".sp 0.4"]
    rad = [f"\\s[{max(5, bp - 2)}]No. de radicado\\s0 {ge(v['radicado'])}", ".br",
           f"\\s[{max(5, bp - 2)}]Fecha de la solicitud\\s0 {ge(T['solicitud'])}", ".br",
           f"\\s[{max(5, bp - 2)}]Fecha de radicación\\s0 {ge(T['radicacion'])}", ".br"]
    tp_items = taxpayer(d, L)
    lbs = max(5, bp - 3)

    def val(lab, x):
        size = np_ if x == d.number else bp + 2
        return f"\\x'-{size - bp}p'\\s[{size}]\\fB{ge(x)}\\fP\\s0" if x else ""

    def rule():
        return ["\\D'l 7.2c 0'", ".br"]

    if page == "Receipt80":
        out += rule() + rad + rule()
        for lab, x in tp_items:
            if v["receipt_kv"] == "inline":
                out += [f"\\s[{bp - 1}]{ge(lab)}:\\s0 {val(lab, x) or '-'}", ".br"]
            else:
                out += [f"\\s[{lbs}]{ge(lab)}\\s0", ".br", val(lab, x) or "-", ".br"]
        out += rule() + [".sp 0.3", f"\\s[{bp + 1}]\\fBDETALLE DE LA SOLICITUD\\fP\\s0", ".br"]
        N = len(d.ranges)
        for i, (r, (vf, vt)) in enumerate(zip(d.ranges, T["rows"]), 1):
            items = [("Modalidad", f"{kind_name(r.kind, ms)} ({kind_code(r.kind)})"),
                     ("Prefijo", r.prefix or "(sin prefijo)"), ("Desde el número", num(r.frm, v)),
                     ("Hasta el número", num(r.to, v)), ("Solicitada", T["solicitud"]), ("Vigente desde", vf),
                     ("Vigente hasta", vt), ("Vigencia (meses)", str(r.months)),
                     ("Tipo de solicitud", f"{req_name(r.request, ms)} ({req_code(r.request)})")]
            out += [f"\\fBRANGO {i}/{N}\\fP", ".br"]
            for lab, x in items:
                if v["receipt_kv"] == "inline":
                    out += [f"\\s[{bp - 1}]{ge(lab)}:\\s0 \\fB{ge(x)}\\fP", ".br"]
                else:
                    out += [f"\\s[{lbs}]{ge(lab)}\\s0", ".br", f"\\fB{ge(x)}\\fP", ".br"]
            out += ["\\D'l 7.2c 0'", ".br"]
        out += [".sp 0.5", ".ce 1", f"\\x'-{14 - bp}p'\\s[14]\\fBDIAN\\fP\\s0", ".ce 1", "Fecha Acuse de Recibo", ".br",
                f"\\fB{ge(T['stamp'])}\\fP", ".br"]
        if v["utc_seal"]:
            out += [f"\\s[6]Sello de tiempo: {ge(T['utc'])}\\s0", ".br"]
        out += [".ce 1", "Firmado", ".sp 0.5"]
    else:
        out += [".sp 0.4", f"\\s[{bp + 1}]\\fBDATOS DEL SOLICITANTE\\fP\\s0", ".sp 0.2"]
        if page == "A3":
            per = 5 if d.natural else 4
            rows = [tp_items[i:i + per] for i in range(0, len(tp_items), per)]
            out += [".TS", "allbox tab(|);"]
            spec = " ".join(["lw(4.5c)"] * per) + "."
            out.append(spec)
            for row in rows:
                cells = []
                for lab, x in row:
                    cells.append(f"T{{\n\\s[{lbs}]{ge(lab)}\\s0\n.br\n{val(lab, x) or ' '}\nT}}")
                cells += ["\\&"] * (per - len(row))
                out.append("|".join(cells))
            out.append(".TE")
            out += [".sp 0.5"] + rad
            out += [".sp 0.5", f"\\s[{bp + 1}]\\fBDETALLE DE LA SOLICITUD\\fP\\s0", ".sp 0.2"]
            heads = ["30. Modalidad", "Cód.", "31. Prefijo", "32. Desde el número", "33. Hasta el número",
                     "38. Vigencia (meses)", "Fecha solicitud", "Fecha inicial", "Fecha final",
                     "Tipo de solicitud", "Cód."]
            hs = max(5, bp - 2)
            out += [".TS", "box tab(|);",
                    "cb cb cb cb cb cb cb cb cb cb cb",
                    "lw(3.2c) c c r r c cw(2.3c) cw(2.3c) cw(2.3c) lw(2.1c) c."]
            out.append("|".join(f"T{{\n\\s[{hs}]{ge(h)}\\s0\nT}}" for h in heads))
            out.append("_")
            for r, (vf, vt) in zip(d.ranges, T["rows"]):
                cells = [kind_name(r.kind, ms), str(kind_code(r.kind)), r.prefix or "\\&", num(r.frm, v),
                         num(r.to, v), str(r.months), T["solicitud"], vf, vt, req_name(r.request, ms),
                         str(req_code(r.request))]
                out.append("|".join(f"T{{\n{ge(c)}\nT}}" if j in (0, 6, 7, 8, 9) else
                                    (c if c == "\\&" else ge(c)) for j, c in enumerate(cells)))
            out.append(".TE")
        else:
            out += [".TS", "allbox tab(|);", "lw(1.6i) lw(3.1i)."]
            for lab, x in tp_items:
                out.append(f"T{{\n\\s[{lbs}]{ge(lab)}\\s0\nT}}|T{{\n{val(lab, x) or ' '}\nT}}")
            out.append(".TE")
            out += [".sp 0.4"] + rad
            out += [".sp 0.4", f"\\s[{bp + 1}]\\fBDETALLE DE LA SOLICITUD\\fP\\s0", ".sp 0.2"]
            fmts = ["cb cb cb cb cb cb"] + ["lw(1.3i) c r r c lw(0.9i)", "l s s s s s"] * len(d.ranges)
            out += [".TS", "allbox tab(|);"] + fmts[:-1] + [fmts[-1] + "."]
            out.append("|".join(["Modalidad (cód.)", "Prefijo", "Desde", "Hasta", "Meses", "Solicitud (cód.)"]))
            for r, (vf, vt) in zip(d.ranges, T["rows"]):
                out.append("|".join([f"T{{\n{ge(kind_name(r.kind, ms))} ({kind_code(r.kind)})\nT}}",
                                     ge(r.prefix) if r.prefix else "\\&", ge(num(r.frm, v)), ge(num(r.to, v)),
                                     str(r.months),
                                     f"T{{\n{ge(req_name(r.request, ms))} ({req_code(r.request)})\nT}}"]))
                out.append(f"\\s[{max(5, bp - 1.5)}]Solicitud: {ge(T['solicitud'])} \\(bu Vigencia: desde "
                           f"{ge(vf)} hasta {ge(vt)}\\s0")
            out.append(".TE")
        out += [".sp 0.8", ".in +{}".format("17c" if page == "A3" else "2.3i"),
                f"\\x'-{14 - bp}p'\\s[14]\\fBDIAN\\fP\\s0", ".br", "Fecha Acuse de Recibo", ".br", f"\\fB{ge(T['stamp'])}\\fP", ".br"]
        if v["utc_seal"]:
            out += [f"\\s[6]Sello de tiempo: {ge(T['utc'])}\\s0", ".br"]
        out += ["Firmado", ".in", ".sp 0.8"]
    out += [".ps 5", ".vs 6.5p", ".ad b"]
    for p in legal:
        out += [ge(p), ".sp 0.3"]
    out += [".ad l", f"Impreso: {ge(T['impresion'])} \\(bu Página 1"]
    return "\n".join(out) + "\n", popt
