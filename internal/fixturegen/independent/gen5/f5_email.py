"""Family printed-email-notice: the authorization as it reaches the taxpayer
in a PROVIDER'S NOTIFICATION E-MAIL, printed from the mail client. Chromium
documents imitate a webmail 'print' view (print date-time and 'Gmail - <subject>'
on top, the account line, subject, '1 mensaje', sender with its own date-time,
'Para:', and a footer with a long message URL full of digits and '1/1');
groff documents imitate a desktop client's printout (a boxed Asunto / De /
Fecha / Para header block). The subject names the form number. The body greets
the taxpayer by name with the NIT as '900.123.456-7', lists the general data
('Número de formulario', 'Fecha Acuse de Recibo', NIT, DV, name), then ONE
BLOCK PER RANGE ('Rango 2 de 3') written either as lines holding SEVERAL
'label: value' PAIRS separated by ' | ' or as a small two-column key/value
table; modality and request carry their codes in parentheses ('(cód. 1)');
validity dates are written in words ('19 de octubre de 2024', 'octubre 19 de
2024') or dd/mm/aaaa; numbers with '.' separators or none. After the body: the
provider's signature (its own NIT-DV, PBX, mobile, address), a data-protection
disclaimer ('Ley 1581 de 2012') and, in most documents, the QUOTED EARLIER
MESSAGE from the taxpayer ('El 3 de septiembre de 2024, ... escribió:') that
mentions the PREVIOUS form number, its prefix, range and expiry date.
Producers: Chromium, groff."""
from common5 import *

FAMILY = "printed-email-notice"


def doc_params(rng, idx):
    return {"nranges": [1, 2, 3, 2, 4, 1, 3, 2, 5, 2, 3, 1][idx % 12], "natural_prob": 0.4}


def mail_domain(d):
    w = strip_accents((d.rs or d.ap1).split()[0]).lower()
    return "".join(ch for ch in w if ch.isalnum()) + ".com.co"


def pairs_of(r, v, i, n):
    ms = v["modality_case"]
    sep = "." if v["sep"] else ""
    return [
        [("Modalidad", f"{kind_name(r.kind, ms)} (cód. {kind_code(r.kind)})"),
         ("Tipo de solicitud", f"{req_name(r.request, ms)} (cód. {req_code(r.request)})")],
        [("Prefijo", r.prefix or "Sin prefijo"), ("Desde el número", fmt_sep(r.frm, sep)),
         ("Hasta el número", fmt_sep(r.to, sep))],
        [("Vigencia", f"{r.months} meses"), ("Fecha inicial", date_fmt(r.valid_from, v["dates"])),
         ("Fecha final", date_fmt(r.valid_to, v["dates"]))],
    ]


def general(d, v):
    s = d.stamp
    if v["stamp"] == "iso":
        st = f"{s.date().isoformat()} / {s.strftime('%I:%M:%S %p')}"
    else:
        st = f"{date_fmt(s.date(), v['dates'])}, {time_ampm_es(s)}"
    rows = [("Número de formulario (resolución)", d.number), ("Fecha Acuse de Recibo", st),
            ("NIT", d.nit), ("DV", str(d.dv))]
    rows.append(("Nombre o razón social", d.name))
    return rows


def texts(d, v, x):
    p = x["prov"]
    sent = d.stamp + dt.timedelta(minutes=x["delay"])
    subj = f"Autorización de numeración de facturación No. {d.number} - {d.name}"
    greet = [f"Señores", d.name, f"NIT {nit_show(d.nit, d.dv, 'dotted-dv')}"]
    intro = (f"Reciba un cordial saludo. Le informamos que la DIAN firmó el formato 1876 "
             f"con la siguiente numeración, que ya puede asociar en {p['name']}:")
    outro = ("Recuerde que la asociación del prefijo al software solo es posible unas dos horas después "
             "de la firma. Si tiene dudas, comuníquese con nuestra mesa de ayuda.")
    sig = ["Cordialmente,", "Equipo de Soporte", p["name"], f"NIT {nit_dotted(p['nit'])}-{p['dv']}",
           f"PBX {p['pbx']} · Cel. {p['cel']}", p["addr"], p["web"]]
    disc = ("AVISO DE CONFIDENCIALIDAD: este mensaje y sus anexos son para uso exclusivo del destinatario. "
            "Sus datos personales son tratados conforme a la Ley 1581 de 2012 y al Decreto 1377 de 2013.")
    quote = None
    if v["quote"]:
        qd = x["qdate"]
        quote = (f"El {d_words(qd)} a las {x['qtime']}, {d.name} <contabilidad@{mail_domain(d)}> escribió:",
                 [f"Buenos días, la resolución anterior No. {x['prev']} con prefijo {x['qprefix']}, "
                  f"del {fmt_sep(x['qfrom'], '.')} al {fmt_sep(x['qto'], '.')}, vence el {d_slash(x['qexp'])}. "
                  f"Les solicitamos apoyo con la nueva numeración.", "Quedamos atentos, gracias."])
    return subj, sent, greet, intro, outro, sig, disc, quote


def render(d, rng, idx, stem, bstem):
    producer = "chromium" if idx % 3 != 1 else "groff"
    v = {"layout": rng.choice(["pipes", "table"]), "modality_case": rng.choice(["upper", "upper", "title"]),
         "dates": rng.choice(["words", "words-us", "slash", "words"]), "sep": rng.random() < 0.7,
         "stamp": rng.choice(["iso", "words"]), "quote": rng.random() < 0.7}
    r0 = d.ranges[0]
    qexp = d.stamp.date() + dt.timedelta(days=rng.randint(5, 40))
    x = {"prov": provider(rng), "delay": rng.randint(3, 90), "prev": prev_number(d, rng),
         "qdate": d.stamp.date() - dt.timedelta(days=rng.randint(2, 20)), "qtime": f"{rng.randint(7, 17)}:{rng.randint(0, 59):02d}",
         "qprefix": r0.prefix or "FE", "qfrom": 1, "qto": rng.choice([1000, 5000, 2000]), "qexp": qexp,
         "printed_after": dt.timedelta(days=rng.randint(0, 3), hours=rng.randint(2, 8)),
         "msgid": "".join(rng.choice("0123456789") for _ in range(19)),
         "ik": "".join(rng.choice("0123456789abcdef") for _ in range(10))}
    x["printed"] = d.stamp + dt.timedelta(minutes=x["delay"]) + x.pop("printed_after")
    if producer == "chromium":
        v["font"] = rng.choice(["DejaVu Sans", "Nimbus Sans", "Liberation Sans", "DejaVu Sans"])
        v["font_pt"] = rng.choice([9, 9.5, 10])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, v, x))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["font"] = rng.choice(["T", "H", "N"])
        v["font_pt"] = rng.choice([9.5, 10])
        v["layout"] = "pipes"
        with open(bstem + ".tr", "w", encoding="utf-8") as f:
            f.write(groff_src(d, v, x))
        groff_pdf(bstem + ".tr", stem + ".pdf", extra=["-P-pletter"])
    return producer, v


def esc(s):
    return html_escape(s)


def html(d, v, x):
    fs = v["font_pt"]
    p = x["prov"]
    subj, sent, greet, intro, outro, sig, disc, quote = texts(d, v, x)
    pr = x["printed"]
    blocks = []
    n = len(d.ranges)
    for i, r in enumerate(d.ranges, 1):
        pairs = pairs_of(r, v, i, n)
        if v["layout"] == "pipes":
            inner = "".join("<div>" + " | ".join(f"{esc(a)}: <b>{esc(b)}</b>" for a, b in line) + "</div>" for line in pairs)
        else:
            inner = '<table class="kv">' + "".join(f"<tr><td>{esc(a)}</td><td><b>{esc(b)}</b></td></tr>"
                                                   for line in pairs for a, b in line) + "</table>"
        blocks.append(f'<div class="rb"><div class="rt">Rango {i} de {n}</div>{inner}</div>')
    gen = "".join(f"<tr><td>{esc(a)}</td><td><b>{esc(b)}</b></td></tr>" for a, b in general(d, v))
    q = ""
    if quote:
        q = f'<div class="qh">{esc(quote[0])}</div><blockquote>' + "".join(f"<p>{esc(t)}</p>" for t in quote[1]) + "</blockquote>"
    return f"""<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><style>
@page {{ size: letter; margin: 0.35in 0.45in; }}
body {{ font-family: '{v['font']}'; font-size: {fs}pt; margin: 0; color: #222; }}
.ph {{ display: flex; justify-content: space-between; font-size: 7.5pt; margin-bottom: 10px; }}
.acct {{ display: flex; justify-content: space-between; align-items: center; border-bottom: 1px solid #888; padding-bottom: 6px; }}
.logo {{ font-size: 16pt; color: #c5221f; font-weight: bold; }}
.subj {{ font-size: {fs + 4}pt; font-weight: bold; margin: 12px 0 2px; }}
.cnt {{ font-size: {fs - 1}pt; border-bottom: 1px solid #888; padding-bottom: 6px; }}
.from {{ display: flex; justify-content: space-between; margin-top: 8px; }}
.to {{ font-size: {fs - 1}pt; color: #555; margin-bottom: 10px; }}
table.kv {{ border-collapse: collapse; margin: 4px 0 8px 10px; }}
table.kv td {{ padding: 1px 10px 1px 0; }}
.rb {{ margin: 8px 0 8px 10px; }}
.rt {{ font-weight: bold; color: #1a4d8f; border-bottom: 1px solid #1a4d8f; margin-bottom: 3px; width: 60%; }}
.sig {{ margin-top: 14px; color: #444; font-size: {fs - 0.5}pt; }}
.disc {{ font-size: {fs - 2}pt; color: #777; margin-top: 10px; text-align: justify; }}
blockquote {{ margin: 4px 0 0 6px; padding-left: 8px; border-left: 2px solid #bbb; color: #555; }}
.qh {{ margin-top: 12px; color: #555; }}
.pf {{ display: flex; justify-content: space-between; font-size: 7pt; margin-top: 18px; word-break: break-all; }}
</style></head><body>
<div class="ph"><span>{pr.day}/{pr.month}/{pr.strftime('%y')}, {pr.hour}:{pr.minute:02d}</span><span>Gmail - {esc(subj)}</span><span></span></div>
<div class="acct"><span class="logo">Gmail</span><span>Contabilidad &lt;contabilidad@{mail_domain(d)}&gt;</span></div>
<div class="subj">{esc(subj)}</div>
<div class="cnt">1 mensaje</div>
<div class="from"><span><b>{esc(p['name'].title())} Notificaciones</b> &lt;notificaciones@{esc(p['web'][4:])}&gt;</span>
<span>{esc(d_words(sent.date()))}, {sent.hour}:{sent.minute:02d}</span></div>
<div class="to">Para: contabilidad@{mail_domain(d)}</div>
<div>{'<br>'.join(esc(g) for g in greet)}</div>
<p>{esc(intro)}</p>
<table class="kv">{gen}</table>
{''.join(blocks)}
<p>{esc(outro)}</p>
<div class="sig">{'<br>'.join(esc(s) for s in sig)}</div>
<div class="disc">{esc(disc)}</div>
{q}
<div class="pf"><span>https://mail.google.com/mail/u/0/?ik={x['ik']}&amp;view=pt&amp;search=all&amp;permthid=thread-f:{x['msgid']}&amp;simpl=msg-f:{x['msgid']}</span><span>1/1</span></div>
</body></html>"""


def groff_src(d, v, x):
    t = groff_esc
    ps = v["font_pt"]
    p = x["prov"]
    subj, sent, greet, intro, outro, sig, disc, quote = texts(d, v, x)
    out = [".nh", ".na", ".pl 11i", ".ll 7i", ".po 0.75i", f".ps {ps}", f".vs {ps + 3}", f".fam {v['font']}",
           ".sp |0.6i", ".TS", "box tab(^);", "rB lw(5.6i).",
           f"Asunto:^T{{\n{t(subj)}\nT}}",
           f"De:^{t(p['name'].title())} Notificaciones <notificaciones@{t(p['web'][4:])}>",
           f"Fecha:^{t(d_words(sent.date()))} {sent.hour:02d}:{sent.minute:02d}",
           f"Para:^contabilidad@{t(mail_domain(d))}", ".TE", ".sp"]
    for g in greet:
        out += [t(g), ".br"]
    out += [".sp", t(intro), ".sp 0.5", ".in 0.3i"]
    for a, b in general(d, v):
        out += [f"{t(a)}: \\fB{t(b)}\\fP", ".br"]
    out += [".in 0"]
    n = len(d.ranges)
    for i, r in enumerate(d.ranges, 1):
        out += [".sp 0.6", ".in 0.3i", f"\\fBRango {i} de {n}\\fP", ".br"]
        for line in pairs_of(r, v, i, n):
            out += [" | ".join(f"{t(a)}: \\fB{t(b)}\\fP" for a, b in line), ".br"]
        out += [".in 0"]
    out += [".sp", t(outro), ".sp"]
    for s in sig:
        out += [t(s), ".br"]
    out += [".sp", f".ps {ps - 2}", f".vs {ps}", t(disc), f".ps {ps}", f".vs {ps + 3}"]
    if quote:
        out += [".sp", t(quote[0]), ".br", ".in 0.3i"]
        for q in quote[1]:
            out += ["> " + t(q), ".br"]
        out += [".in 0"]
    pr = x["printed"]
    out += [".sp 2", f".ps {ps - 2}", f"Impreso desde el cliente de correo el {pr.strftime('%d/%m/%Y %H:%M')} \\(em Página 1 de 1"]
    return "\n".join(out) + "\n"
