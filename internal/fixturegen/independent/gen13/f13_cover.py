"""Family cover-letter-then-form: PAGE 1 IS A COVER LETTER on the letterhead of
the invoicing provider (or of the taxpayer's accounting firm); THE FORM ITSELF
FOLLOWS on the next pages. The truth is the form's values.

The letter: letterhead with the provider's OWN NIT ('NIT 901.234.567-8',
'NIT: 901234567-8', 'Nit. 901234567 DV 8'), its name and tagline, address,
phone numbers, e-mail and web site; city and DATE OF THE LETTER (a few days
after the authorization, in words or dd/mm/aaaa); a REFERENCE number ('Ref.:
FE-2024-0381', 'Radicado interno No. 45120', 'Consecutivo CT-118/2024',
'Ticket #204311'); the addressee (the taxpayer, its NIT written with dots and
DV); a subject naming the form number (plain or in groups of four) or not
naming it; a paragraph giving the signature date in words and time; then a
SUMMARY OF THE AUTHORIZATION written the way people write it: in prose ('del 1
al 5 mil', 'FE-1 a FE-5000', 'FE1 - FE5000', 'del 1.001 al 6 mil'; 'con vigencia
de dos (2) años', '... hasta el 19 de octubre de 2026'; 'se habilitó
nuevamente ...', 'se inhabilitó ...') or in a short table ('Documento |
Prefijo | Rango autorizado | Cantidad | Vigente hasta') whose numbers use the
same informal forms; a note that the prefix was ASSOCIATED with the provider's
software on a later date AT A TIME ('El 21/10/2024 a las 09:15 asociamos el
prefijo FE ...'); the provider's software name and an identifier; signature
(name, role, professional card for an accountant), and a footer with the
provider's address again. Then the complete two-page form (taxpayer boxes,
ranges table, reception stamp), on the same paper or another one.

Vary: paper of the letter and of the form (Letter, A4, Legal, A5), fonts, label
wording, number grouping in the form ('.', ',', space, none), date styles,
1-6 ranges, request types; the letter's summary style is drawn per document.
Producers: Chromium (HTML, named @page sizes), groff (troff + tbl),
Ghostscript (PostScript), mutool create."""
import os

from common13 import (Canvas12, form_variant, labels, legal_paragraphs, tweak_doc, tidy_prefixes, nit_dv,
                      cv_form, html_form, html_doc, css_size, troff_form, groff_pdf, groff_esc, chromium_pdf,
                      PAPERS13, GROFF_PAPER, fmt_day12, long_date, later_moment, canvas_table,
                      fit_widths, wrap_text, fmt_sep, E, bold13)

FAMILY = "cover-letter-then-form"
PRODUCERS = ["chromium", "groff", "gs", "mutool"]

PROVIDERS = [
    ("FACTURAYA SOLUCIONES DIGITALES S.A.S.", "Proveedor tecnológico de facturación electrónica", "FacturaYa Nube"),
    ("EMISIÓN ELECTRÓNICA ANDINA S.A.S.", "Facturación electrónica y nómina electrónica", "EmiteAndes"),
    ("DOCUMENTOS ELECTRÓNICOS DEL PACÍFICO S.A.S.", "Soluciones de facturación electrónica", "DocuPac FE"),
    ("R&M CONTADORES ASOCIADOS S.A.S.", "Contabilidad, revisoría fiscal y asesoría tributaria", "ContaLocal"),
    ("GESTIÓN TRIBUTARIA INTEGRAL LTDA.", "Asesores contables y tributarios", "GTI Contable"),
    ("CONTABLES DEL SUR ASESORES S.A.S.", "Servicios contables para pymes", "SurFactura"),
    ("INTEGRA SOFTWARE EMPRESARIAL S.A.S.", "Software ERP y proveedor tecnológico autorizado", "Integra ERP"),
]
ADDRESSES = [("Calle 93 No. 11A-28 Oficina 402", "Bogotá D.C.", "(601) 743 2211"),
             ("Carrera 43A No. 1 Sur-100 Torre 2", "Medellín", "(604) 444 5566 ext. 210"),
             ("Avenida 6N No. 23-45 Piso 3", "Cali", "(602) 485 9032"),
             ("Calle 77 No. 65-37 Local 3", "Barranquilla", "(605) 385 1190"),
             ("Carrera 27 No. 36-14 Of. 801", "Bucaramanga", "(607) 634 7781"),
             ("Calle 19 No. 5-51 Edificio Marco Polo", "Pereira", "(606) 335 2040")]
SIGNERS = [("Carolina Ríos Mejía", "Coordinadora de Implementación"), ("Julián Andrés Pardo", "Gerente de Cuenta"),
           ("Luz Marina Cárdenas", "Contadora Pública - T.P. 145321-T"), ("Fernando Gil Ortega", "Analista de Soporte"),
           ("Natalia Suárez B.", "Contadora Pública - T.P. 98764-T"), ("Mauricio Lenis", "Director de Operaciones")]
YEARS = {6: "seis (6) meses", 12: "un (1) año", 18: "dieciocho (18) meses", 24: "dos (2) años"}
KIND_SHORT = {"electronic-invoice": "Factura electrónica de venta", "paper": "Talonario / papel",
              "computer": "Factura por computador", "pos": "POS / máquina registradora",
              "equivalent-document": "Documento equivalente electrónico", "support-document": "Documento soporte"}


def doc_params(rng, idx):
    return {"nranges": [1, 2, 3, 4, 5, 6][idx % 6] if idx < 6 else rng.choice([1, 1, 2, 2, 3, 4, 5, 6])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.2, other_req_prob=0.15)
    tidy_prefixes(d, rng)


# ------------------------------------------------------------------ the letter's content
def informal_range(r, style):
    """how a person writes the range: 'del 1 al 5 mil', 'FE-1 a FE-5000', 'FE1 - FE5000', 'del 1 al 5.000'"""
    P = r.prefix

    def mil(n):
        if n >= 1000000 and n % 1000000 == 0:
            k = n // 1000000
            return f"{k} millón" if k == 1 else f"{k} millones"
        if n >= 1000 and n % 1000 == 0:
            return f"{n // 1000} mil"
        return fmt_sep(n, ".")

    if style == "mil":
        return f"del {mil(r.frm)} al {mil(r.to)}" + (f" (prefijo {P})" if P else " (sin prefijo)")
    if style == "dash" and P:
        return f"{P}-{r.frm} a {P}-{r.to}"
    if style == "glued" and P:
        return f"{P}{r.frm} - {P}{r.to}"
    return f"del {fmt_sep(r.frm, '.')} al {fmt_sep(r.to, '.')}" + (f" (prefijo {P})" if P else " (sin prefijo)")


def validity_text(r, vstyle):
    if vstyle == "years":
        return f"con vigencia de {YEARS[r.months]}"
    return f"vigente hasta el {long_date(r.valid_to)}"


def range_sentence(r, style, vstyle):
    kind = KIND_SHORT[r.kind].lower()
    rng_ = informal_range(r, style)
    if r.request == "enablement":
        return f"se habilitó nuevamente la numeración de {kind} {rng_}, {validity_text(r, vstyle)}"
    if r.request == "disablement":
        return f"se inhabilitó la numeración de {kind} {rng_}"
    return f"se autorizó la numeración de {kind} {rng_}, {validity_text(r, vstyle)}"


def letter_content(d, rng, lt):
    """lt: the letter's variant (provider, dates, styles); returns a list of blocks"""
    st = d.stamp
    B = []
    sub_num = d.number if lt["subject"] == "plain" else " ".join(d.number[i:i + 4] for i in range(0, len(d.number), 4))
    name = d.name
    B.append(("place", f"{lt['city']}, {lt['date_text']}"))
    B.append(("ref", lt["ref"]))
    B.append(("to", ["Señores" if not d.natural else "Señor(a)", name,
                     f"NIT {fmt_sep(int(d.nit), '.')}-{d.dv}", lt["client_city"]]))
    if lt["subject"] == "none":
        B.append(("subject", "Asunto: Autorización de numeración de facturación - DIAN"))
    else:
        B.append(("subject", f"Asunto: Formulario 1876 No. {sub_num} - Numeración autorizada"))
    hhmm = st.strftime("%H:%M")
    B.append(("p", "Respetados señores:" if not d.natural else "Apreciado(a) cliente:"))
    B.append(("p", f"Reciban un cordial saludo. Nos permitimos informarles que la DIAN aprobó la solicitud de "
                   f"numeración presentada a través de los servicios informáticos (MUISCA). El formulario fue "
                   f"firmado el {long_date(st.date())} a las {hhmm}, y en él:"))
    sty, vsty = lt["range_style"], lt["validity_style"]
    if lt["summary"] == "prose":
        sent = [range_sentence(r, sty, vsty) for r in d.ranges]
        if len(sent) == 1:
            B.append(("p", sent[0][0].upper() + sent[0][1:] + "."))
        else:
            B.append(("list", [s[0].upper() + s[1:] + "." for s in sent]))
    else:
        rows = []
        for r in d.ranges:
            q = r.to - r.frm + 1
            rows.append([KIND_SHORT[r.kind], r.prefix or "-", informal_range(r, sty).replace(" (sin prefijo)", "")
                         .replace(f" (prefijo {r.prefix})", ""),
                         f"{q // 1000} mil" if q % 1000 == 0 and q >= 1000 else fmt_sep(q, "."),
                         "no aplica (inhabilitación)" if r.request == "disablement" else
                         (fmt_day12(r.valid_to, "slash") if vsty != "years" else YEARS[r.months])])
        B.append(("table", ["Documento", "Prefijo", "Rango autorizado", "Cantidad",
                            "Vigente hasta" if vsty != "years" else "Vigencia"], rows))
    pre = [r.prefix for r in d.ranges if r.prefix and r.request != "disablement"]
    if pre:
        a = lt["assoc"]
        B.append(("p", f"El {fmt_day12(a.date(), 'slash')} a las {a.strftime('%H:%M')} asociamos "
                       f"{'el prefijo ' + pre[0] if len(pre) == 1 else 'los prefijos ' + ', '.join(pre)} "
                       f"a nuestro software {lt['software']} (identificador {lt['soft_id']}), por lo que ya puede "
                       f"expedir documentos con esta numeración."))
    B.append(("p", "Adjuntamos el formulario 1876 expedido por la DIAN para su archivo. Recuerde que la "
                   "numeración debe usarse en orden consecutivo y que deberá solicitar una nueva numeración "
                   "antes de agotar el rango o de que venza su vigencia."))
    B.append(("p", "Cordialmente,"))
    B.append(("sign", [lt["signer"][0], lt["signer"][1], lt["provider"][0], lt["email"]]))
    return B


def letter_variant(d, rng):
    prov = rng.choice(PROVIDERS)
    while True:
        pnit = rng.choice(["900", "901", "830", "860"]) + "".join(rng.choice("0123456789") for _ in range(6))
        if pnit != d.nit:
            break
    addr = rng.choice(ADDRESSES)
    day = later_moment(d, rng, 1, 25)
    assoc = later_moment(d, rng, 0, 4, avoid={day.date()})
    nit_style = rng.choice(["dots", "colon", "dv"])
    pdv = nit_dv(pnit)
    nit_txt = {"dots": f"NIT {fmt_sep(int(pnit), '.')}-{pdv}", "colon": f"NIT: {pnit}-{pdv}",
               "dv": f"Nit. {pnit} DV {pdv}"}[nit_style]
    year = day.year
    ref = rng.choice([f"Ref.: FE-{year}-{rng.randrange(100, 9999):04d}", f"Radicado interno No. {rng.randrange(10000, 99999)}",
                      f"Consecutivo CT-{rng.randrange(10, 999)}/{year}", f"Ticket #{rng.randrange(200000, 999999)}"])
    slug = prov[0].split()[0].lower().replace("&", "y").replace("í", "i").replace("ó", "o").replace(".", "")
    return {
        "provider": prov, "pnit": pnit, "pdv": pdv, "nit_text": nit_txt, "address": addr[0], "city": addr[1],
        "phone": addr[2], "mobile": f"Cel. 3{rng.randrange(0, 3)}{rng.randrange(0, 10)} {rng.randrange(100, 999)} "
                                     f"{rng.randrange(1000, 9999)}",
        "email": f"soporte@{slug}.com.co", "web": f"www.{slug}.com.co",
        "date": day.date().isoformat(), "date_text": long_date(day.date()) if rng.random() < 0.6 else fmt_day12(day.date(), "slash"),
        "ref": ref, "client_city": rng.choice(["Bogotá D.C.", "Medellín", "Cali", "Barranquilla", "Cúcuta", "Neiva"]),
        "subject": rng.choice(["plain", "groups", "none"]),
        "summary": rng.choice(["prose", "table"]) if len(d.ranges) <= 3 else rng.choice(["table", "table", "prose"]),
        "range_style": rng.choice(["mil", "dash", "glued", "dots"]),
        "validity_style": rng.choice(["years", "date"]),
        "assoc": assoc, "software": prov[2],
        "soft_id": "".join(rng.choice("abcdef0123456789") for _ in range(8)) + "-" +
                   "".join(rng.choice("abcdef0123456789") for _ in range(4)),
        "signer": rng.choice(SIGNERS),
        "accent": rng.choice([(0.05, 0.25, 0.55), (0.0, 0.45, 0.35), (0.55, 0.1, 0.15), (0.2, 0.2, 0.2)]),
    }


def render(d, rng, idx, tmp, btmp):
    producer = PRODUCERS[idx % 4]
    lt = letter_variant(d, rng)
    v1 = form_variant(rng)
    if producer == "groff":
        paper = rng.choice(["Letter", "A4", "Legal"])
        lpaper = paper
    else:
        paper = rng.choice(["Letter", "Letter", "A4", "Legal", "A5"])
        lpaper = paper if rng.random() < 0.45 else rng.choice([p for p in ("Letter", "A4") if p != paper])
    L = labels(v1["labels"])
    legal = legal_paragraphs(rng, d)
    blocks = letter_content(d, rng, lt)
    v = {"form": v1, "paper": paper, "letter_paper": lpaper,
         "letter": {k: (x.isoformat(sep=" ") if hasattr(x, "isoformat") else x) for k, x in lt.items()}}
    if producer in ("gs", "mutool"):
        c = Canvas12("ps" if producer == "gs" else "mu")
        draw_letter(c, lt, blocks, lpaper, rng)
        cv_form(c, d, v1, L, paper, legal)
        c.save(btmp, tmp + ".pdf")
    elif producer == "chromium":
        with open(btmp + ".html", "w", encoding="utf-8") as f:
            f.write(html_src(d, v1, L, lt, blocks, paper, lpaper, legal))
        chromium_pdf(os.path.abspath(btmp + ".html"), tmp + ".pdf")
    else:
        src, popt = groff_src(d, v1, L, lt, blocks, paper, legal)
        with open(btmp + ".tr", "w", encoding="utf-8") as f:
            f.write(src)
        groff_pdf(btmp + ".tr", tmp + ".pdf", extra=[popt])
    return producer, v


# ------------------------------------------------------------------ canvas letter
def draw_letter(c, lt, blocks, paper, rng):
    PW, PH = PAPERS13[paper]
    M = 54 if PW > 500 else 34
    TW = PW - 2 * M
    F = rng.choice(["Helvetica", "Times-Roman"])
    FB = bold13(F)
    fs = 10 if PW > 500 else 8.5
    c.page(PW, PH)
    acc = lt["accent"]
    # letterhead
    c.fillrgb(M, M - 6, 6, 40, acc)
    c.colour(acc)
    c.font(FB, fs + 5)
    name = lt["provider"][0]
    while c.width(name) > TW * 0.6 and c.size > 8:
        c.font(FB, c.size - 0.5)
    c.text(M + 12, M + 10, name)
    c.colour(0)
    c.font(F, fs - 1.5)
    c.text(M + 12, M + 22, lt["provider"][1])
    c.font(FB, fs - 0.5)
    c.text(M + 12, M + 33, lt["nit_text"])
    c.font(F, fs - 2)
    for j, s in enumerate([lt["address"], f"{lt['city']} - Colombia", f"PBX {lt['phone']}  {lt['mobile']}",
                           f"{lt['email']}  {lt['web']}"]):
        c.text(M + TW, M + 4 + j * (fs - 0.5), s, "r")
    c.colour(acc)
    c.line(M, M + 42, M + TW, M + 42, lw=1.5)
    c.colour(0)
    y = M + 70
    for kind, val in [(b[0], b[1:]) for b in blocks]:
        if y > PH - 110 and kind not in ("ref",):
            c.page(PW, PH)
            c.font(F, fs - 2)
            c.text(M + TW, M - 10, f"{lt['provider'][0]} - {lt['ref']} - página 2", "r")
            y = M + 10
        if kind == "place":
            c.font(F, fs)
            c.text(M, y, val[0])
            y += fs * 1.5
        elif kind == "ref":
            c.font(FB, fs)
            c.text(M + TW, y - fs * 1.5, val[0], "r")
        elif kind == "to":
            y += fs * 0.8
            for j, s in enumerate(val[0]):
                c.font(FB if j == 1 else F, fs)
                for ln in wrap_text(s, FB if j == 1 else F, fs, TW * 0.7):
                    c.text(M, y, ln)
                    y += fs * 1.3
            y += fs * 0.8
        elif kind == "subject":
            c.font(FB, fs)
            for ln in wrap_text(val[0], FB, fs, TW):
                c.text(M, y, ln)
                y += fs * 1.3
            y += fs * 0.8
        elif kind == "p":
            c.font(F, fs)
            for ln in wrap_text(val[0], F, fs, TW):
                c.text(M, y, ln)
                y += fs * 1.35
            y += fs * 0.6
        elif kind == "list":
            c.font(F, fs)
            for item in val[0]:
                for j, ln in enumerate(wrap_text(item, F, fs, TW - 16)):
                    if j == 0:
                        c.text(M + 4, y, "-")
                    c.text(M + 16, y, ln)
                    y += fs * 1.35
            y += fs * 0.6
        elif kind == "table":
            head, rows = val
            widths = fit_widths([2.2, 0.8, 2.2, 1, 1.6], head, rows, FB, fs - 1.5, F, fs - 1, TW, 3) or \
                fit_widths([2.2, 0.8, 2.2, 1, 1.6], head, rows, FB, fs - 2.5, F, fs - 2, TW, 2)
            y = canvas_table(c, M, y, widths, head, rows, ["l", "c", "l", "r", "l"], F, FB, fs - 1, fs - 1.5, 3,
                             head_fill=0.92, head_font=FB) + fs
        elif kind == "sign":
            y += fs * 2.5
            c.line(M, y - fs, M + 170, y - fs, lw=0.5)
            for j, s in enumerate(val[0]):
                c.font(FB if j == 0 else F, fs - (0 if j == 0 else 1))
                c.text(M, y + 2, s)
                y += fs * 1.25
    c.colour(acc)
    c.line(M, PH - 36, M + TW, PH - 36, lw=0.8)
    c.colour(0)
    c.font(F, fs - 2.5)
    c.text(M + TW / 2, PH - 26, f"{lt['provider'][0]} - {lt['nit_text']} - {lt['address']}, {lt['city']} - "
                                f"{lt['web']}", "c")


# ------------------------------------------------------------------ HTML
def html_letter(lt, blocks):
    acc = "#" + "".join(f"{int(x * 255):02x}" for x in lt["accent"])
    out = [f'<div class="lh" style="border-bottom: 2px solid {acc}"><div class="lhl" style="border-left: 6px solid {acc}">'
           f'<div class="pn" style="color:{acc}">{E(lt["provider"][0])}</div><div class="tg">{E(lt["provider"][1])}</div>'
           f'<div class="pnit">{E(lt["nit_text"])}</div></div><div class="lhr">{E(lt["address"])}<br>'
           f'{E(lt["city"])} - Colombia<br>PBX {E(lt["phone"])} &nbsp;{E(lt["mobile"])}<br>{E(lt["email"])} &nbsp;'
           f'{E(lt["web"])}</div></div>']
    for b in blocks:
        k = b[0]
        if k == "place":
            out.append(f'<div class="pl">{E(b[1])}</div>')
        elif k == "ref":
            out.append(f'<div class="ref">{E(b[1])}</div>')
        elif k == "to":
            out.append('<div class="to">' + "<br>".join(f"<b>{E(s)}</b>" if j == 1 else E(s)
                                                      for j, s in enumerate(b[1])) + "</div>")
        elif k == "subject":
            out.append(f'<div class="subj">{E(b[1])}</div>')
        elif k == "p":
            out.append(f"<p>{E(b[1])}</p>")
        elif k == "list":
            out.append("<ul>" + "".join(f"<li>{E(s)}</li>" for s in b[1]) + "</ul>")
        elif k == "table":
            out.append('<table class="lt"><tr>' + "".join(f"<th>{E(h)}</th>" for h in b[1]) + "</tr>" +
                       "".join("<tr>" + "".join(f"<td>{E(s)}</td>" for s in r) + "</tr>" for r in b[2]) + "</table>")
        elif k == "sign":
            out.append('<div class="sg">' + "<br>".join(f"<b>{E(s)}</b>" if j == 0 else E(s)
                                                      for j, s in enumerate(b[1])) + "</div>")
    out.append(f'<div class="lf" style="border-top: 1px solid {acc}">{E(lt["provider"][0])} - {E(lt["nit_text"])} - '
               f'{E(lt["address"])}, {E(lt["city"])} - {E(lt["web"])}</div>')
    return "".join(out)


def html_src(d, v1, L, lt, blocks, paper, lpaper, legal):
    css = (f"@page {{ size: {css_size(paper)}; margin: 12mm 13mm; }}"
           f"@page letter {{ size: {css_size(lpaper)}; margin: 16mm 20mm; }}")
    lfont = "'Nimbus Roman', serif" if lt["accent"][0] > 0.5 else "'Nimbus Sans', sans-serif"
    extra = f""".letter {{ page: letter; break-after: page; font-family: {lfont}; font-size: 10pt; position: relative; min-height: 230mm; }}
.lh {{ display: flex; justify-content: space-between; padding-bottom: 6px; margin-bottom: 18px; }}
.lhl {{ padding-left: 8px; }} .pn {{ font-weight: bold; font-size: 14pt; }} .tg {{ font-size: 8pt; }}
.pnit {{ font-weight: bold; font-size: 9pt; }} .lhr {{ text-align: right; font-size: 7.5pt; color: #333; }}
.pl {{ margin-top: 6px; }} .ref {{ text-align: right; font-weight: bold; margin-top: -14px; }}
.to {{ margin: 14px 0; }} .subj {{ font-weight: bold; margin-bottom: 10px; }}
table.lt {{ border-collapse: collapse; width: 100%; font-size: 9pt; margin: 6px 0 10px 0; }}
table.lt th, table.lt td {{ border: 1px solid #777; padding: 2px 4px; text-align: left; }} table.lt th {{ background: #eee; }}
.sg {{ margin-top: 36px; border-top: 1px solid #333; width: 220px; padding-top: 2px; }}
.lf {{ font-size: 7pt; color: #444; text-align: center; margin-top: 30px; padding-top: 3px; }}
"""
    if lpaper == "A5":
        extra = extra.replace("min-height: 230mm", "min-height: 0")
    body = f'<div class="letter">{html_letter(lt, blocks)}</div>' + html_form(d, v1, L, legal)
    return html_doc(body, css, extra, v1["font"], v1["fs"])


# ------------------------------------------------------------------ groff
def groff_src(d, v1, L, lt, blocks, paper, legal):
    ge = groff_esc
    pl, pw, popt = GROFF_PAPER[paper]
    ll = {"Letter": "6.6i", "A4": "17.4c", "Legal": "6.6i"}[paper]
    po = {"Letter": "0.95i", "A4": "1.8c", "Legal": "0.95i"}[paper]
    fam = "T" if lt["accent"][0] > 0.5 else "H"
    r, g, b = lt["accent"]
    out = [f".pl {pl}", f".ll {ll}", f".lt {ll}", f".po {po}", f".fam {fam}", ".ps 10", ".vs 13p", ".nh", ".ad l",
           f".defcolor acc rgb {r:.3f} {g:.3f} {b:.3f}", ".sp 0.45i",
           f".tl '\\m[acc]\\s[14]\\fB{ge(lt['provider'][0])}\\fP\\s0\\m[]''\\s[7]{ge(lt['address'])}\\s0'",
           f".tl '\\s[8]{ge(lt['provider'][1])}\\s0''\\s[7]{ge(lt['city'])} - Colombia\\s0'",
           f".tl '\\s[9]\\fB{ge(lt['nit_text'])}\\fP\\s0''\\s[7]PBX {ge(lt['phone'])}  {ge(lt['mobile'])}\\s0'",
           f".tl '''\\s[7]{ge(lt['email'])}  {ge(lt['web'])}\\s0'",
           f"\\m[acc]\\l'{ll}\\(ru'\\m[]", ".sp 1.2"]
    for bl in blocks:
        k = bl[0]
        if k == "place":
            place = bl[1]
        elif k == "ref":
            out += [f".tl '{ge(place)}''\\fB{ge(bl[1])}\\fP'", ".sp 0.8"]
        elif k == "to":
            for j, s in enumerate(bl[1]):
                out += [f"\\fB{ge(s)}\\fP" if j == 1 else ge(s), ".br"]
            out.append(".sp 0.8")
        elif k == "subject":
            out += [f"\\fB{ge(bl[1])}\\fP", ".sp 0.8"]
        elif k == "p":
            out += [ge(bl[1]), ".sp 0.6"]
        elif k == "list":
            for s in bl[1]:
                out += [".in +0.25i", ".ti -0.2i", f"\\- {ge(s)}", ".in -0.25i", ".br"]
            out.append(".sp 0.6")
        elif k == "table":
            out += [".ps 9", ".vs 11p", ".TS", "allbox tab(|);", "lb cb lb lb lb", "l c l r l."]
            out.append("|".join(ge(h) for h in bl[1]))
            for row in bl[2]:
                out.append("|".join(f"T{{\n{ge(s)}\nT}}" if j in (0, 2, 4) else ge(s) for j, s in enumerate(row)))
            out += [".TE", ".ps 10", ".vs 13p", ".sp 0.6"]
        elif k == "sign":
            out += [".sp 2.5", "\\l'2.4i'", ".br"]
            for j, s in enumerate(bl[1]):
                out += [f"\\fB{ge(s)}\\fP" if j == 0 else ge(s), ".br"]
    out += [".sp 1.5", f"\\m[acc]\\l'{ll}\\(ru'\\m[]", ".br", ".ce 1",
            f"\\s[7]{ge(lt['provider'][0])} - {ge(lt['nit_text'])} - {ge(lt['address'])}, {ge(lt['city'])}\\s0",
            ".bp", ".sp 0.4i"]
    out += troff_form(d, v1, L, legal, ll=ll)
    return "\n".join(out) + "\n", popt
