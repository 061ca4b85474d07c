"""Family accountant-memo-letter: the authorization TRANSCRIBED by the
taxpayer's accountant / accounting firm into a WORD-PROCESSOR LETTER, printed
to PDF. No form layout at all: a letterhead with the firm's name, its own
NIT-DV (dotted), address and phone numbers; place and date of the letter
(later than the authorization); 'Señores' / the taxpayer's name (surnames
first for a person) / 'Ciudad'; a subject line naming the form number
('Asunto: ... formulario 1876 No. ...' or 'Ref.: ...'); a salutation and
PARAGRAPHS that state the authorization date (in words or dd/mm/aaaa) and
time, the taxpayer's name and NIT (dotted with '-DV', or 'NIT ... DV ...'),
and the form number; in some documents also a small 'Datos de la
autorización' key/value block. The ranges are a SMALL WORD TABLE without box
numbers in one of three column sets: 'full' (Tipo de documento, Prefijo, Del,
Al, Vigencia '24 meses', Desde, Hasta, Trámite), 'grouped' (No., Documento,
Prefijo, a 'Numeración autorizada' header over Desde / Hasta, Meses, 'Vence'
only: the start is the authorization date given in the text, Solicitud) or
'compact' (Documento, Prefijo, 'Rango' as 'FE 1 al FE 5.000' PLUS separate
Desde / Hasta, Vigencia with both dates in one cell 'dd/mm/aaaa a
dd/mm/aaaa', Solicitud). Modalities and requests in sentence case; numbers with
'.' thousands separators or none. After the table: bullet points with
reminders, in most documents the PREVIOUS authorization (another 1876
number, its date, prefix and end number, 'queda sin efecto'), the firm's fee
('$ 350.000 más IVA'), DIAN's NIT, a 'Cordialmente' signature block with the
accountant's name and 'T.P. 123456-T'; 'Página n de N' footer. Producers:
groff (tbl, Times or Helvetica) and Chromium (HTML/CSS, Word-like)."""
import datetime as dt
import re

from common9 import (E, chromium_pdf, groff_pdf, groff_esc, tweak_doc, kind_name, req_name, fmt_num, fmt_day,
                     time_str, nit_dotted, nit_dv, sentence, long_date, other_number, earlier_date,
                     SIGNERS, DIAN_NIT, DIAN_DV, PREFIX_POOL)

FAMILY = "accountant-memo-letter"
NW = ' style="white-space: nowrap"'

FIRMS = [("CONTADORES & ASOCIADOS DEL NORTE S.A.S.", "Barranquilla", "Cra. 54 # 68-196 Of. 305", "605 360 1122"),
         ("ASESORÍAS CONTABLES Y TRIBUTARIAS RM S.A.S.", "Medellín", "Cl. 10 Sur # 43A-30 Of. 802", "604 444 1278"),
         ("GESTIÓN FISCAL INTEGRAL LTDA.", "Bogotá D.C.", "Av. Cra. 15 # 93-47 Of. 401", "601 622 3390"),
         ("ORTIZ & VELÁSQUEZ CONTADORES PÚBLICOS", "Cali", "Av. 6 Norte # 23N-50 Piso 4", "602 668 9041"),
         ("SOLUCIONES CONTABLES DEL CAFÉ S.A.S.", "Pereira", "Cl. 19 # 8-34 Of. 1102", "606 335 7788")]


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 1, 2, 2, 3, 3, 4])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.2)


def content(d, v, rng):
    """the letter as blocks: ('p', text) ('kv', rows) ('table', (cols, groups), rows) ('ul', items)"""
    firm, city, addr, tel = v["firm"]
    fnit = v["firm_nit"]
    s = d.stamp
    nd = (lambda day: long_date(day) if v["date"] == "words" else fmt_day(day, "slash"))
    nitt = (f"{nit_dotted(d.nit)}-{d.dv}" if v["nit"] == "dotted" else f"{d.nit} DV {d.dv}")
    who = d.name
    person = "el señor(a)" if d.natural else "la sociedad"
    B = []
    B.append(("p", f"{city}, {long_date(v['letter_date'])}"))
    B.append(("addr", ["Señores" if not d.natural else "Señor(a)", who, "Ciudad"]))
    subj = (f"Asunto: Autorización de numeración de facturación electrónica - formulario 1876 No. {d.number}"
            if v["subject"] == "asunto" else f"Ref.: Resolución de facturación DIAN No. {d.number}")
    B.append(("b", subj))
    B.append(("p", "Respetados señores:" if not d.natural else "Apreciado(a) cliente:"))
    B.append(("p", f"De manera atenta les informamos que el {nd(s.date())}, a las {time_str(s, v['time'])}, la Dirección de "
                   f"Impuestos y Aduanas Nacionales aprobó y firmó la solicitud de numeración de facturación presentada por "
                   f"{person} {who}, identificado(a) con NIT {nitt}, mediante el formulario 1876 No. {d.number}. "
                   f"La fecha de autorización, {nd(s.date())}, es la fecha desde la cual rige la vigencia de los rangos."))
    if v["kv"]:
        rows = [("Formulario No.", d.number), ("Fecha de autorización", f"{nd(s.date())} {time_str(s, v['time'])}"),
                ("NIT", d.nit), ("DV", str(d.dv))]
        if d.natural:
            rows.append(("Apellidos y nombres", who))
        else:
            rows.append(("Razón social", who))
        rows.append(("Dirección seccional", d.secc))
        B.append(("kv", rows))
    B.append(("p", "Los rangos de numeración autorizados son los siguientes:" if len(d.ranges) > 1
              else "El rango de numeración autorizado es el siguiente:"))
    sep = v["sep"]
    kn = (lambda r: sentence(kind_name(r.kind)))
    rq = (lambda r: sentence(req_name(r.request)))
    if v["cols"] == "full":
        cols = ["Tipo de documento", "Prefijo", "Del", "Al", "Vigencia", "Desde", "Hasta", "Trámite"]
        groups = None
        rows = [[kn(r), r.prefix, fmt_num(r.frm, sep), fmt_num(r.to, sep), f"{r.months} meses",
                 fmt_day(r.valid_from, v["tdate"]), fmt_day(r.valid_to, v["tdate"]), rq(r)] for r in d.ranges]
    elif v["cols"] == "grouped":
        cols = ["No.", "Documento", "Prefijo", "Desde", "Hasta", "Meses", "Vence", "Solicitud"]
        groups = [(3, ""), (2, "Numeración autorizada"), (3, "")]
        rows = [[str(i), kn(r), r.prefix, fmt_num(r.frm, sep), fmt_num(r.to, sep), str(r.months),
                 fmt_day(r.valid_to, v["tdate"]), rq(r)] for i, r in enumerate(d.ranges, 1)]
    else:
        cols = ["Documento", "Prefijo", "Rango", "Desde", "Hasta", "Vigencia", "Solicitud"]
        groups = None
        rows = [[kn(r), r.prefix, f"{r.prefix} {fmt_num(r.frm, sep)} al {r.prefix} {fmt_num(r.to, sep)}".strip(),
                 fmt_num(r.frm, sep), fmt_num(r.to, sep),
                 f"{fmt_day(r.valid_from, v['tdate'])} a {fmt_day(r.valid_to, v['tdate'])} ({r.months} meses)", rq(r)]
                for r in d.ranges]
    B.append(("table", (cols, groups), rows))
    items = ["Antes de expedir documentos con esta numeración se debe asociar cada prefijo al software de facturación "
             "en el servicio informático de la DIAN (aproximadamente dos horas después de la firma).",
             "La numeración debe usarse en orden consecutivo y dentro de la vigencia indicada; al agotarse el rango o "
             "vencerse la vigencia se debe solicitar una nueva autorización con la debida antelación."]
    if v["prev"]:
        pn, pday, pp, pto = v["prev"]
        items.append(f"La numeración anterior, autorizada mediante formulario No. {pn} del {fmt_day(pday, 'slash')} "
                     f"con prefijo {pp} del 1 al {fmt_num(pto, sep)}, queda sin efecto para las nuevas facturas.")
    B.append(("p", "Es importante tener en cuenta:"))
    B.append(("ul", items))
    B.append(("p", f"Nuestros honorarios por este trámite ascienden a $ {fmt_num(v['fee'], '.')} más IVA, que serán incluidos "
                   f"en la cuenta de cobro del mes. Cualquier inquietud con gusto será atendida al teléfono {tel}. "
                   f"Para verificaciones ante la entidad: NIT de la DIAN {DIAN_NIT}-{DIAN_DV}."))
    B.append(("p", "Cordialmente,"))
    B.append(("sig", [v["signer"], "Contador Público", f"T.P. {v['tp']}-T", firm]))
    return B


def render(d, rng, idx, tmp, btmp):
    producer = "groff" if idx % 2 == 0 else "chromium"
    firm = rng.choice(FIRMS)
    fn = rng.choice(["900", "901", "830"]) + "".join(rng.choice("0123456789") for _ in range(6))
    prev = None
    if rng.random() < 0.65:
        pp = rng.choice(PREFIX_POOL["electronic-invoice"] + ["SETP"])
        prev = (other_number(d, rng), earlier_date(d, rng), pp, rng.choice([1000, 5000, 10000, 50000]))
    v = {
        "firm": firm, "firm_nit": fn,
        "letter_date": d.stamp.date() + dt.timedelta(days=rng.randrange(1, 25)),
        "subject": rng.choice(["asunto", "ref"]),
        "date": rng.choice(["words", "words", "slash"]),
        "tdate": rng.choice(["slash", "iso", "words"]),
        "time": rng.choice(["ampm", "24h"]),
        "nit": rng.choice(["dotted", "plain"]),
        "kv": rng.random() < 0.5,
        "cols": rng.choice(["full", "grouped", "compact"]),
        "sep": rng.choice([".", ".", ""]),
        "prev": prev,
        "fee": rng.choice([180000, 250000, 350000, 420000]),
        "signer": rng.choice(SIGNERS),
        "tp": rng.randrange(40000, 260000),
    }
    B = content(d, v, rng)
    meta = {k: v[k] for k in ("subject", "date", "tdate", "time", "nit", "kv", "cols", "sep")}
    meta["prev"] = bool(prev)
    if producer == "groff":
        meta["font"] = rng.choice(["T", "H"])
        groff(d, v, B, meta, tmp, btmp)
    else:
        meta["font"] = rng.choice(["DejaVu Serif", "Nimbus Roman", "Nimbus Sans", "C059"])
        html(d, v, B, meta, tmp, btmp)
    return producer, meta


def letterhead(v):
    firm, city, addr, tel = v["firm"]
    fn = v["firm_nit"]
    return firm, f"Contadores Públicos - Asesoría tributaria - NIT {nit_dotted(fn)}-{nit_dv(fn)}", f"{addr}, {city} - Tel. {tel}"


def html(d, v, B, meta, tmp, btmp):
    l1, l2, l3 = letterhead(v)
    css = f"""@page {{ size: 8.5in 11in; margin: 0.9in 1in 0.9in 1in;
  @bottom-right {{ content: "Página " counter(page) " de " counter(pages); font-size: 8pt; font-family: '{meta['font']}'; }} }}
body {{ font-family: '{meta['font']}', serif; font-size: 11pt; line-height: 1.35; margin: 0; }}
.lh {{ border-bottom: 2px solid #234; padding-bottom: 4px; margin-bottom: 18px; text-align: center; }}
.lh .n {{ font-size: 14pt; font-weight: bold; color: #234; }} .lh .s {{ font-size: 8.5pt; color: #444; }}
p {{ margin: 0 0 10px 0; text-align: justify; }}
.addr {{ margin: 14px 0; }}
table.kv {{ border-collapse: collapse; margin: 6px 0 12px 30px; }} table.kv td {{ padding: 1px 12px 1px 0; }}
table.kv td.l {{ font-weight: bold; }}
table.rg {{ border-collapse: collapse; width: 100%; margin: 6px 0 14px 0; font-size: 9.5pt; }}
table.rg th {{ background: #4472c4; color: #fff; border: 1px solid #4472c4; padding: 3px 4px; }}
table.rg td {{ border: 1px solid #8eaadb; padding: 3px 4px; text-align: center; }}
table.rg tr:nth-child(even) td {{ background: #d9e2f3; }}
ul {{ margin: 0 0 10px 0; }} li {{ text-align: justify; }}
.sig {{ margin-top: 40px; line-height: 1.2; }} .sig div:first-child {{ font-weight: bold; }}
"""
    out = [f'<div class="lh"><div class="n">{E(l1)}</div><div class="s">{E(l2)}</div><div class="s">{E(l3)}</div></div>']
    for blk in B:
        k = blk[0]
        if k == "p":
            out.append(f"<p>{E(blk[1])}</p>")
        elif k == "b":
            out.append(f"<p><b>{E(blk[1])}</b></p>")
        elif k == "addr":
            out.append('<div class="addr">' + "<br>".join(E(x) for x in blk[1]) + "</div>")
        elif k == "kv":
            out.append('<table class="kv">' + "".join(f'<tr><td class="l">{E(a)}:</td><td>{E(b)}</td></tr>' for a, b in blk[1]) + "</table>")
        elif k == "table":
            (cols, groups), rows = blk[1], blk[2]
            head = ""
            if groups:
                g1, i = [], 0
                for span, title in groups:
                    if title:
                        g1.append(f'<th colspan="{span}">{E(title)}</th>')
                    else:
                        for c in cols[i:i + span]:
                            g1.append(f'<th rowspan="2">{E(c)}</th>')
                    i += span
                i, g2 = 0, []
                for span, title in groups:
                    if title:
                        g2 += [f"<th>{E(c)}</th>" for c in cols[i:i + span]]
                    i += span
                head = f"<tr>{''.join(g1)}</tr><tr>{''.join(g2)}</tr>"
            else:
                head = "<tr>" + "".join(f"<th>{E(c)}</th>" for c in cols) + "</tr>"
            body = "".join("<tr>" + "".join(f'<td{NW if re.fullmatch(r"[0-9./ -]+", x) else ""}>{E(x)}</td>' for x in r)
                           + "</tr>" for r in rows)
            out.append(f'<table class="rg">{head}{body}</table>')
        elif k == "ul":
            out.append("<ul>" + "".join(f"<li>{E(x)}</li>" for x in blk[1]) + "</ul>")
        elif k == "sig":
            out.append('<div class="sig">' + "".join(f"<div>{E(x)}</div>" for x in blk[1]) + "</div>")
    doc = f"""<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><style>{css}</style></head><body>{''.join(out)}</body></html>"""
    hp = btmp + ".html"
    with open(hp, "w", encoding="utf-8") as f:
        f.write(doc)
    chromium_pdf(hp, tmp + ".pdf")


def groff(d, v, B, meta, tmp, btmp):
    t = groff_esc
    l1, l2, l3 = letterhead(v)
    o = [".nh", ".pl 11i", ".ll 6.5i", ".lt 6.5i", ".po 1i", ".ps 11", ".vs 14", f".fam {meta['font']}",
         ".de FO", "'sp |10.3i", ".tl ''''\\s-2Página %\\s+2'", "'bp", "..", ".de HD", "'sp |0.6i", "..",
         ".wh 0 HD", ".wh 10.2i FO", ".sp |0.7i", ".ce 3", f"\\s+3\\fB{t(l1)}\\fP\\s-3", f"\\s-2{t(l2)}\\s+2",
         f"\\s-2{t(l3)}\\s+2", "\\l'6.5i'", ".sp 1.5", ".ad b"]
    for blk in B:
        k = blk[0]
        if k == "p":
            o += [t(blk[1]), ".sp 0.7"]
        elif k == "b":
            o += [f"\\fB{t(blk[1])}\\fP", ".sp 0.7"]
        elif k == "addr":
            o += [".sp 0.5", ".na"] + [x for y in blk[1] for x in (t(y), ".br")] + [".ad b", ".sp 0.7"]
        elif k == "kv":
            o += [".TS", "tab(@);", "lB l."] + [f"{t(a)}:@{t(b)}" for a, b in blk[1]] + [".TE", ".sp 0.5"]
        elif k == "table":
            (cols, groups), rows = blk[1], blk[2]
            n = len(cols)
            o += [".ps 9", ".vs 11", ".TS", "box center tab(@);"]
            if groups:
                spec1, line1, i = [], [], 0
                for span, title in groups:
                    if title:
                        spec1 += ["cB"] + ["s"] * (span - 1)
                        line1 += [t(title)]
                    else:
                        spec1 += ["cB"] * span
                        line1 += [t(c) for c in cols[i:i + span]]
                    i += span
                spec2, line2, i = [], [], 0
                for span, title in groups:
                    if title:
                        spec2 += ["cB"] * span
                        line2 += [t(c) for c in cols[i:i + span]]
                    else:
                        spec2 += ["^"] * span
                        line2 += [""] * span
                    i += span
                o += [" ".join(spec1), " ".join(spec2), " ".join(["c"] * n) + "."]
                o += ["@".join(line1), "@".join(line2), "="]
            else:
                o += [" ".join(["cB"] * n), " ".join(["c"] * n) + "."]
                o += ["@".join(t(c) for c in cols), "="]
            for r in rows:
                cells = []
                for x in r:
                    cells.append("T{\n" + t(x) + "\nT}" if len(x) > 16 else (t(x) or "\\&"))
                o.append("@".join(cells))
                o.append("_")
            o.pop()
            o += [".TE", ".ps 11", ".vs 14", ".sp 0.7"]
        elif k == "ul":
            for x in blk[1]:
                o += [".in 0.3i", ".ti -0.2i", f"\\(bu\\h'0.1i'{t(x)}", ".in 0", ".sp 0.4"]
            o += [".sp 0.3"]
        elif k == "sig":
            o += [".sp 3", ".na"] + [x for y in blk[1] for x in (t(y), ".br")]
    tr = btmp + ".tr"
    with open(tr, "w", encoding="utf-8") as f:
        f.write("\n".join(o) + "\n")
    groff_pdf(tr, tmp + ".pdf")
