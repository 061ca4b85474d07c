"""Family english-translation-copy: an OFFICIAL ENGLISH TRANSLATION of the
formato 1876, made by a Colombian official translator for the taxpayer's
foreign parent company. Everything the form says is rendered in English;
translator's bracketed notes stand for what cannot be translated ('[DIAN
logo]', '[Barcode]', '[Round seal: ...]', '[Illegible signature]', '[End of
page 1 of the original]').

Arrangement, in reading order:
1. The translator's letterhead: name, 'Official Translator and Interpreter,
   Spanish - English', the accreditation ('Resolution No. 0512 of 2011'),
   address and phone numbers; a rule.
2. 'OFFICIAL TRANSLATION No. 2025-0187', 'Translated from Spanish into
   English', a bracketed description of the original; in some documents
   'Prepared for: <foreign parent company>, <address>' and, in some of those,
   the parent's own 'Tax ID (EIN): 84-2917365'.
3. Title 'NUMBERING AUTHORIZATION FOR INVOICING', subtitle, 'Form 1876'.
4. 'Applicant's information': a label / value grid (ruled, or bare
   'label  value' rows): '1. Year', '4. Form number', '5. Tax ID (NIT)' /
   'Tax Identification Number (NIT)', '6. Check digit', '7. First surname' ...
   '10. Other names' (natural persons) or '11. Company name', '12. Tax office
   code'. BILINGUAL documents (half) keep the Spanish label in parentheses
   after the English one ('4. Form number (Número de formulario)') and the
   Spanish modality / request names after the English ones; the others do
   not print the Spanish labels at all. Box numbers printed or left out.
5. '[End of page 1 of the original]', usually a page break, '[Page 2 of
   the original]'.
6. 'Request details' as a TABLE ('30. Type of document' | 'Code' |
   '31. Prefix' | '32. From number' | '33. To number' | '38. Validity
   (months)' | 'Request type' | 'Code', optionally 'Valid from' | 'Valid
   until') or as ONE BLOCK PER RANGE ('Range 2 of 3' then label / value rows;
   the request type either as a value, 'Authorization (code 1)', or as a
   CHECKBOX LINE '[ ] Authorization  [X] Enablement  [ ] Disablement' in
   DIAN's order, only the marked one being the value).
7. The reception stamp as a bracketed note ('[Round seal: DIAN - Date of
   acknowledgment of receipt: 2024-10-19 / 11:38:26 AM - Signed]') or as a
   drawn seal (box or circle) with the translated words; '[Illegible
   signature] Applicant's signature'; the translated legal text (DIAN's own
   NIT 800197268-4); '[End of the translated document]'.
8. A translator's note on dates ('Dates are written day/month/year, as in
   the original') when dates are dd/mm/yyyy, then the CERTIFICATION paragraph:
   'I, <translator>, holder of Citizenship Card No. 52.345.678 issued in
   Bogotá, official translator accredited by Resolution No. 0512 of 2011,
   hereby certify ... consisting of N pages ...', place and date of the
   translation (after the stamp date, never a validity date), the
   translator's SEAL ('OFFICIAL TRANSLATOR - C.C. 52.345.678 - RES. 0512/2011
   - REPÚBLICA DE COLOMBIA') as a box or a circle; sometimes on a page of its
   own.

Numbers grouped with ',' (English), '.', a space or nothing; dates ISO,
'October 19, 2024', '19 October 2024', 'Oct 19, 2024' or dd/mm/yyyy (then
with the note); the stamp kept as in the original or in English ('October
19, 2024, 11:38:26 a.m.'). Header line 'Official translation No. ... - <translator>'
and 'Page n of N' footer on every page. Paper Letter, A4 or Legal; fonts
Helvetica / Times / Courier (Nimbus, DejaVu for Chromium).
Producers: Chromium, groff (troff + tbl), Ghostscript, mutool create."""
from common16 import (Flow, render_flow, grp, fmt_date16, en_time, kind_code, req_code, kind_name, req_name,
                      tweak_doc, tidy_prefixes, later_moment, DIAN_NIT, DIAN_DV, PRODUCERS)

FAMILY = "english-translation-copy"

KIND_EN = {"electronic-invoice": "Electronic sales invoice", "support-document": "Support document",
           "paper": "Paper (booklet) invoice", "computer": "Computer-generated invoice",
           "pos": "Cash register (POS) receipt", "equivalent-document": "Electronic equivalent document"}
REQ_EN = {"authorization": "Authorization", "enablement": "Enablement", "disablement": "Disablement"}
TRANSLATORS = [("Laura Méndez Ortiz", "52.345.678", "Bogotá"), ("Andrew J. Cárdenas Wills", "79.812.044", "Bogotá"),
               ("María Fernanda Uribe Toro", "43.118.902", "Medellín"), ("Ricardo Salcedo Pinzón", "16.754.331", "Cali"),
               ("Claudia Patricia Herrera", "32.790.415", "Barranquilla"), ("Jonathan Ospina Grey", "1.020.734.118", "Bogotá")]
PARENTS = [("Andes Holdings Inc.", "1200 Brickell Avenue, Suite 1800, Miami, FL 33131, United States"),
           ("Northbridge Retail Group LLC", "55 Water Street, New York, NY 10041, United States"),
           ("Pacific Rim Foods Corp.", "300 Howard Street, San Francisco, CA 94105, United States"),
           ("Hanseatic Trading GmbH", "Großer Burstah 31, 20457 Hamburg, Germany"),
           ("Maple Leaf Industrial Ltd.", "100 King Street West, Toronto, ON M5X 1A9, Canada"),
           ("Thames Valley Logistics plc", "1 Canada Square, London E14 5AB, United Kingdom")]
OFFICES = [("Calle 93 No. 13-24, Of. 502", "601 623 1234"), ("Carrera 7 No. 71-21, Torre B, Of. 1203", "601 317 6655"),
           ("Calle 10 No. 43E-31, Of. 408", "604 266 8190"), ("Avenida 4 Norte No. 6N-67, Of. 702", "602 661 3022")]


def doc_params(rng, idx):
    return {"nranges": [1, 2, 3, 4, 5, 6][(idx + 3) % 6] if idx < 6 else rng.choice([1, 2, 2, 3, 3, 4, 5, 6]),
            "natural_prob": 0.45}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.15, other_req_prob=0.25)
    tidy_prefixes(d, rng)


def lab(en, es, num, v):
    s = f"{num}. {en}" if (num and v["boxnums"]) else en
    return f"{s} ({es})" if v["bilingual"] else s


def kind_en(r, v):
    s = KIND_EN[r.kind]
    return f"{s} ({kind_name(r.kind, 'upper')})" if v["bilingual"] else s


def req_en(r, v):
    s = REQ_EN[r.request]
    return f"{s} ({req_name(r.request, 'title')})" if v["bilingual"] else s


def render(d, rng, idx, tmp, btmp):
    producer = PRODUCERS[idx % 4]
    tr_name, tr_cc, tr_city = rng.choice(TRANSLATORS)
    parent, paddr = rng.choice(PARENTS)
    office, phone = rng.choice(OFFICES)
    tdate = later_moment(d, rng, 3, 300).date()
    date = rng.choice(["iso", "en-long", "en-dmy", "en-abbr", "slash"])
    v = {
        "bilingual": idx % 2 == 0 if idx < 8 else rng.random() < 0.5,
        "boxnums": rng.random() < 0.6,
        "ranges_as": ["table", "blocks", "table", "blocks"][(idx // 4 + idx) % 4] if idx < 8 else rng.choice(["table", "blocks"]),
        "checkbox": rng.random() < 0.6,
        "enddates": rng.random() < 0.5,
        "sep": rng.choice([",", ",", ".", " ", ""]),
        "date": date,
        "stamp_en": rng.random() < 0.5,
        "stamp_as": rng.choice(["note", "box", "circle"]) if producer != "groff" else rng.choice(["note", "box"]),
        "seal_shape": rng.choice(["box", "circle"]) if producer != "groff" else "box",
        "kv_ruled": rng.random() < 0.6,
        "prepared_for": rng.random() < 0.75,
        "ein": rng.random() < 0.5,
        "page_break": rng.random() < 0.8,
        "cert_page": rng.random() < 0.35,
        "paper": rng.choice(["Letter", "Letter", "A4", "Legal"]),
        "face": rng.choice(["sans", "serif", "sans", "mono"] if producer != "chromium" else ["sans", "serif"]),
        "fs": rng.choice([9, 9.5, 10]),
        "translator": tr_name, "translator_cc": tr_cc,
        "translation_no": f"{tdate.year}-{rng.randrange(20, 990):04d}",
        "resolution_tr": f"{rng.randrange(100, 2400):04d} of {rng.randrange(1998, 2019)}",
        "translation_date": tdate.isoformat(),
        "parent": parent,
        "ein_value": f"{rng.randrange(10, 99)}-{rng.randrange(1000000, 9999999)}",
    }
    if v["face"] == "mono":
        v["fs"] = 8.5
    if v["ranges_as"] == "table" and producer == "chromium":
        v["html_face"] = rng.choice([None, "'DejaVu Sans', sans-serif", "'DejaVu Serif', serif"])
    F = Flow()
    # 1. letterhead
    F.line([(tr_name.upper(), True)], rel=3)
    F.p("Official Translator and Interpreter, Spanish - English. Accredited by Resolution No. "
        f"{v['resolution_tr']}, Universidad Nacional de Colombia.", rel=-1)
    F.p(f"{office}, {tr_city}, Colombia. Phone (+57) {phone}.", rel=-1)
    F.rule()
    # 2. translation header
    F.line([(f"OFFICIAL TRANSLATION No. {v['translation_no']}", True)], rel=1)
    F.p("Translated from Spanish into English", style="i")
    F.p("[Translation of a document issued through the electronic services (MUISCA) of the Colombian National "
        "Tax and Customs Directorate, DIAN, consisting of two (2) pages, presented to the undersigned translator.]",
        style="i", rel=-0.5)
    if v["prepared_for"]:
        F.p(f"Prepared for: {parent}, {paddr}.")
        if v["ein"]:
            F.p(f"Tax ID (EIN) of the requesting company: {v['ein_value']}.", rel=-0.5)
    F.space(4)
    # 3. title
    F.p("[DIAN logo]   [Barcode]", style="i", rel=-1)
    F.h("NUMBERING AUTHORIZATION FOR INVOICING" + (" (AUTORIZACIÓN NUMERACIÓN DE FACTURACIÓN)" if v["bilingual"] else ""),
        rel=2)
    F.p("Form for the request and authorization of numbering ranges" +
        (" (Formulario para la solicitud y autorización de rangos de numeración)" if v["bilingual"] else ""))
    F.p("Form 1876   [printed in a box in the upper right corner]", style="b")
    # 4. applicant
    F.h(lab("Applicant's information", "Datos del solicitante", None, v), rel=1)
    nitlab = rng.choice(["Tax ID (NIT)", "Tax Identification Number (NIT)"])
    pairs = [(lab("Year", "Año", 1, v), d.year), (lab("Form number", "Número de formulario", 4, v), d.number),
             (lab(nitlab, "Número de Identificación Tributaria", 5, v), d.nit),
             (lab("Check digit", "DV", 6, v), str(d.dv))]
    if d.natural:
        pairs += [(lab("First surname", "Primer apellido", 7, v), d.ap1),
                  (lab("Second surname", "Segundo apellido", 8, v), d.ap2),
                  (lab("First name", "Primer nombre", 9, v), d.n1),
                  (lab("Other names", "Otros nombres", 10, v), d.n2)]
    else:
        pairs.append((lab("Company name", "Razón social", 11, v), d.rs))
    pairs.append((lab("Tax office code", "Cód. Dirección Seccional", 12, v), d.secc))
    F.kv(pairs, lw=0.5 if v["bilingual"] else 0.36, ruled=v["kv_ruled"])
    F.p("[End of page 1 of the original]", style="i", rel=-1)
    if v["page_break"]:
        F.brk()
    F.p("[Page 2 of the original]", style="i", rel=-1)
    F.h(lab("Request details", "Detalle de la solicitud", None, v), rel=1)
    # 6. ranges
    num = lambda n: grp(n, v["sep"])  # noqa: E731
    day = lambda x: fmt_date16(x, v["date"])  # noqa: E731
    if v["ranges_as"] == "table":
        heads = [lab("Type of document", "Modalidad", 30, v), "Code", lab("Prefix", "Prefijo", 31, v),
                 lab("From number", "Desde el número", 32, v), lab("To number", "Hasta el número", 33, v),
                 lab("Validity (months)", "Vigencia", 38, v), lab("Request type", "Tipo de solicitud", None, v), "Code"]
        aligns = ["l", "c", "c", "r", "r", "c", "l", "c"]
        weights = [3, 0.7, 1, 1.5, 1.5, 1.2, 2, 0.7]
        rows = []
        for r in d.ranges:
            rows.append([kind_en(r, v), str(kind_code(r.kind)), r.prefix or "(none)", num(r.frm), num(r.to),
                         str(r.months), req_en(r, v), str(req_code(r.request))])
        if v["enddates"]:
            heads += ["Valid from", "Valid until"]
            aligns += ["c", "c"]
            weights += [1.6, 1.6]
            for row, r in zip(rows, d.ranges):
                row += [day(r.valid_from), day(r.valid_to)]
        F.table(heads, rows, aligns, weights)
    else:
        for i, r in enumerate(d.ranges, 1):
            F.line([(f"Range {i} of {len(d.ranges)}", True)])
            rp = [(lab("Type of document", "Modalidad", 30, v), f"{kind_en(r, v)} - code {kind_code(r.kind)}"),
                  (lab("Prefix", "Prefijo", 31, v), r.prefix or "(no prefix)"),
                  (lab("From number", "Desde el número", 32, v), num(r.frm)),
                  (lab("To number", "Hasta el número", 33, v), num(r.to)),
                  (lab("Validity (months)", "Vigencia (meses)", 38, v), f"{r.months} months")]
            if v["enddates"]:
                rp += [("Valid from", day(r.valid_from)), ("Valid until", day(r.valid_to))]
            if not v["checkbox"]:
                rp.append((lab("Request type", "Tipo de solicitud", None, v), f"{req_en(r, v)} (code {req_code(r.request)})"))
            F.kv(rp, lw=0.5 if v["bilingual"] else 0.36, ruled=v["kv_ruled"])
            if v["checkbox"]:
                runs = [("Request type: ", True)]
                for q in ("authorization", "enablement", "disablement"):
                    runs.append((("[X] " if q == r.request else "[ ] ") + REQ_EN[q] + "   ", q == r.request))
                F.line(runs)
            F.space(4)
    # 7. stamp
    s = d.stamp
    stamp_s = (f"{fmt_date16(s.date(), 'en-long')}, {en_time(s)}" if v["stamp_en"]
               else f"{s.date().isoformat()} / {s.strftime('%I:%M:%S %p')}")
    v["stamp_text"] = stamp_s
    ack = "Date of acknowledgment of receipt" + (" (Fecha Acuse de Recibo)" if v["bilingual"] else "")
    if v["stamp_as"] == "note":
        F.p(f"[Round seal: DIAN - {ack}: {stamp_s} - Signed" + (" (Firmado)" if v["bilingual"] else "") + "]",
            style="i")
    else:
        F.p("[Seal reproduced below:]", style="i", rel=-1)
        F.seal(["DIAN", ack, stamp_s, "Signed"], shape=v["stamp_as"], align="r")
    F.p("[Illegible signature]   Applicant's signature", rel=-0.5)
    F.p(f"This authorization is issued in accordance with Resolution 000165 of 2023, Decree 1625 of 2016 and "
        f"article 616-1 of the Tax Code. National Tax and Customs Directorate - DIAN, NIT {DIAN_NIT}-{DIAN_DV}. "
        "Remember to associate the prefix with your invoicing software before issuing documents. "
        "The validity of the authorized numbering may not exceed twenty-four (24) months from the date of "
        "the authorization.", rel=-1.5, align="j")
    F.p("[End of the translated document]", style="i", rel=-1)
    # 8. certification
    if v["cert_page"]:
        F.brk()
    else:
        F.space(8)
    if date == "slash":
        F.p("Translator's note: dates are written day/month/year, as in the original.", style="i", rel=-0.5)
    F.h("TRANSLATOR'S CERTIFICATION", rel=1)
    F.p(f"I, {tr_name.upper()}, of legal age, holder of Citizenship Card (C.C.) No. {tr_cc} issued in {tr_city}, "
        f"official translator and interpreter of the English language accredited by Resolution No. "
        f"{v['resolution_tr']}, hereby certify that the foregoing translation No. {v['translation_no']} is a true, "
        "complete and faithful rendering into English of the original document written in Spanish that was "
        "presented to me, to which I refer.", align="j")
    F.p(f"In witness whereof, I sign and seal this translation in {tr_city}, Colombia, on "
        f"{fmt_date16(tdate, 'en-long')}.", align="j")
    F.space(10)
    F.line([("______________________________", False)])
    F.line([(tr_name, True)])
    F.line([(f"C.C. {tr_cc} - Official Translator", False)], rel=-1)
    F.seal([tr_name.upper(), "OFFICIAL TRANSLATOR", "TRADUCTOR OFICIAL", f"C.C. {tr_cc}",
            f"RES. {v['resolution_tr'].replace(' of ', '/')}", "REPÚBLICA DE COLOMBIA"],
           shape=v["seal_shape"], align="l")
    header = f"Official translation No. {v['translation_no']} - {tr_name}"
    footer = rng.choice(["Page {p} of {n}", "Page {p}/{n}", "- {p} -"])
    render_flow(producer, F, v["paper"], v["face"], v["fs"], tmp + ".pdf", btmp, header=header, footer=footer,
                html_face=v.get("html_face"))
    return producer, v
