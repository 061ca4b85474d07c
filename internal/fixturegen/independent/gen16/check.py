#!/usr/bin/env python3
"""Self-check of out16/ (not of the parser), on `pdftotext -layout`.

Every document: form number format; DV check digit; 1-6 ranges, at most one
without a prefix, no prefix repeated, prefixes of at most four upper-case
letters or digits; months in {6, 12, 18, 24} and valid_to = valid_from +
months; from <= to; no word off the page; form number, NIT (dots ignored),
DV, name parts (accents and case ignored), every prefix (in the case the
document prints it), from / to (plain or grouped with ',', '.' or a space),
the start date (= acknowledgement date) and, where the document prints it,
the end date, the months, the modality and the request type (in the family's
wording) findable in the text once whitespace is removed.
webservice-response-printout: the payload kept in build16/ parses (XML /
JSON) and holds exactly the truth (resolution number, NIT, DV, name parts,
and per range prefix, bounds, dates, months, modality and request codes);
every line of it is printed whole (whitespace ignored) and in order; the 64-hex
technical keys and the status code 100 are printed; the provider's NIT differs
from the taxpayer's; the fonts are monospaced; the console header names the
taxpayer and the NIT with its DV.
english-translation-copy: the English labels are printed; the Spanish labels
in parentheses are printed exactly when the document is bilingual; the
translator's ID and the translation date are printed, the ID is not the NIT
and the date is neither the stamp date nor a validity date; with checkbox
lines, '[X] <request>' is printed for every range and only there.
lowercase-compact-summary: one page; in lower-case documents no upper-case
letter outside the prefixes printed in upper case; in sentence-case ones the
name and the modality / request names are printed in lower case only; every
range line is on one line of the -layout text; the label / value separator
is printed.
Exit status 1 unless all 36 documents pass."""
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common16 import (OUT16, BUILD16, nit_dv, add_months, strip_accents, date_forms16, KINDS, REQUESTS,  # noqa: E402
                      latin1)
from f16_translation import KIND_EN, REQ_EN  # noqa: E402


def squash(s):
    return re.sub(r"[\s\u00a0\u2009\u202f\u2003\u00ad]+", "", s)


def norm(s):
    return strip_accents(squash(s)).upper().replace("\u2013", "-")


def text(pdf, mode="-layout"):
    return subprocess.run(["pdftotext", mode, pdf, "-"], capture_output=True).stdout.decode()


def num_forms(n):
    return {str(n), f"{n:,}", f"{n:,}".replace(",", "."), f"{n:,}".replace(",", " ")}


def has_num(raw, n):
    """n printed as a whole number (not part of a longer digit run)"""
    for f in num_forms(n):
        pat = r"(?<![\d.,])" + re.escape(f).replace("\\ ", "[ \u00a0]") + r"(?![\d]|[.,]\d|[ \u00a0]\d{3})"
        if re.search(pat, raw):
            return True
    return False


def has_date(sq, day):
    return any(squash(f) in sq or strip_accents(squash(f)).lower() in strip_accents(sq).lower()
               for f in date_forms16(day))


def off_page(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True).stdout.decode()
    bad, w = [], None
    for ln in out.splitlines():
        m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', ln)
        if m:
            w, h = float(m.group(1)), float(m.group(2))
            continue
        m = re.search(r'xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*)</word>', ln)
        if m and w:
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            if x0 < 0 or y0 < 0 or x1 > w + 0.5 or y1 > h + 0.5:
                bad.append(m.group(5))
    return bad


def pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True).stdout.decode()
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def fonts(pdf):
    return subprocess.run(["pdffonts", pdf], capture_output=True).stdout.decode()


# ------------------------------------------------------------------ webservice
def local(tag):
    return tag.rsplit("}", 1)[-1]


def find_all(root, name):
    return [e for e in root.iter() if local(e.tag) == name]


def first(root, name):
    es = find_all(root, name)
    return es[0] if es else None


def day_of(s):
    """a payload date (ISO, ISO with time, dd/mm/yyyy, yyyy/mm/dd) as a date"""
    s = s.strip()
    m = re.match(r"(\d{4})[-/](\d{2})[-/](\d{2})", s)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.match(r"(\d{2})/(\d{2})/(\d{4})$", s)
    if m:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    raise ValueError(s)


def payload_ranges(fmt, path):
    """(resolution number, nit, dv, name parts, ranges as dicts) read back from the payload"""
    src = open(path, encoding="utf-8").read()
    if fmt in ("soap", "xml-es"):
        root = ET.fromstring(src)
        out = []
        if fmt == "soap":
            entries = find_all(root, "NumberRangeResponse")
            numbers = {first(e, "ResolutionNumber").text for e in entries}
            for e in entries:
                out.append({"prefix": first(e, "Prefix").text or "", "from": int(first(e, "FromNumber").text),
                            "to": int(first(e, "ToNumber").text),
                            "valid_from": day_of(first(e, "ValidDateFrom").text).isoformat(),
                            "valid_to": day_of(first(e, "ValidDateTo").text).isoformat(),
                            "months": int(first(e, "VigenciaMeses").text),
                            "kcode": int(first(e, "Modalidad").get("codigo")),
                            "rcode": int(first(e, "TipoSolicitud").get("codigo"))})
            nit = first(root, "accountCode").text if first(root, "accountCode") is not None else None
            return numbers, nit, None, None, out
        numbers = {first(root, "NumeroResolucion").text}
        for e in find_all(root, "Rango"):
            out.append({"prefix": first(e, "Prefijo").text or "", "from": int(first(e, "RangoDesde").text),
                        "to": int(first(e, "RangoHasta").text),
                        "valid_from": day_of(first(e, "FechaVigenciaDesde").text).isoformat(),
                        "valid_to": day_of(first(e, "FechaVigenciaHasta").text).isoformat(),
                        "months": int(first(e, "VigenciaMeses").text),
                        "kcode": int(first(e, "Modalidad").get("codigo")),
                        "rcode": int(first(e, "TipoSolicitud").get("codigo"))})
        em = first(root, "Emisor")
        if first(em, "Nit") is not None:
            nit, dv = first(em, "Nit").text, first(em, "Nit").get("dv")
        else:
            nit, dv = first(em, "NumeroIdentificacion").text, first(em, "DigitoVerificacion").text
        if first(em, "RazonSocial") is not None:
            name = [first(em, "RazonSocial").text]
        else:
            name = [(first(em, k).text or "") for k in ("PrimerApellido", "SegundoApellido", "PrimerNombre", "OtrosNombres")]
        return numbers, nit, dv, name, out
    obj = json.loads(src)
    out = []
    if fmt == "json-en":
        for r in obj["resolution"]["ranges"]:
            out.append({"prefix": r["prefix"], "from": r["from"], "to": r["to"],
                        "valid_from": day_of(r["validDateFrom"]).isoformat(), "valid_to": day_of(r["validDateTo"]).isoformat(),
                        "months": r["validityMonths"], "kcode": r["documentType"]["code"], "rcode": r["requestType"]["code"]})
        iss = obj["issuer"]
        name = [iss["name"]] if "name" in iss else [iss["firstSurname"], iss["secondSurname"], iss["firstName"], iss["otherNames"]]
        return {str(obj["resolution"]["number"])}, iss["nit"], iss["dv"], name, out
    for r in obj["resolucion"]["rangos"]:
        out.append({"prefix": r["prefijo"], "from": r["desde"], "to": r["hasta"],
                    "valid_from": day_of(r["vigenciaDesde"]).isoformat(), "valid_to": day_of(r["vigenciaHasta"]).isoformat(),
                    "months": r["meses"], "kcode": r["codigoModalidad"], "rcode": r["codigoSolicitud"]})
    ct = obj["contribuyente"]
    name = [ct["razonSocial"]] if "razonSocial" in ct else [ct["primerApellido"], ct["segundoApellido"],
                                                           ct["primerNombre"], ct["otrosNombres"]]
    return {obj["resolucion"]["numero"]}, ct["nit"].split("-")[0], str(ct["dv"]), name, out


def check_webservice(t, v, pdf, raw, sq, probs):
    path = os.path.join(BUILD16, t["_family"], v["payload"])
    try:
        numbers, nit, dv, name, rr = payload_ranges(v["fmt"], path)
    except Exception as e:  # noqa: BLE001
        probs.append(f"payload does not parse: {e}")
        return
    if numbers != {t["number"]}:
        probs.append(f"payload resolution numbers {numbers}")
    if v["fmt"] == "soap":
        soapreq = open(path, encoding="utf-8").read()
        if "accountCode" in soapreq:
            probs.append("request inside the response payload")
    else:
        if nit != t["nit"] or str(dv) != t["dv"]:
            probs.append("payload NIT / DV")
        if " ".join(x for x in name if x) != t["name"]:
            probs.append("payload name parts")
    want = [{"prefix": r["prefix"], "from": r["from"], "to": r["to"], "valid_from": r["valid_from"],
             "valid_to": r["valid_to"], "months": r["months"], "kcode": KINDS[r["kind"]][1],
             "rcode": REQUESTS[r["request"]][1]} for r in t["ranges"]]
    if rr != want:
        probs.append("payload ranges differ from the truth")
    lines = [squash(latin1(x) if v.get("canvas") else x) for x in open(path, encoding="utf-8").read().splitlines()]
    pos = 0
    sql = squash(raw)
    for ln in lines:
        if not ln:
            continue
        k = sql.find(ln, pos)
        if k < 0:
            probs.append(f"payload line not printed whole / in order: {ln[:60]}")
            break
        pos = k + len(ln)
    for key in v["keys"]:
        if key not in sq:
            probs.append("technical key missing")
    if not re.search(r"(OperationCode>100<|\"statusCode\": 100|\"codigo\": \"100\"|codigo=\"100\")", raw):
        probs.append("status code 100 missing")
    if v["prov_nit"] == t["nit"]:
        probs.append("provider NIT equals the taxpayer's")
    if v["frame"] == "console" and (f"{t['nit']}-{t['dv']}" not in sq or norm(t["name"]) not in norm(raw)):
        probs.append("console header lacks the taxpayer")
    f = fonts(pdf)
    if not re.search(r"Courier|Mono", f):
        probs.append("no monospaced font")
    for r in t["ranges"]:
        if not has_date(sq, dt.date.fromisoformat(r["valid_to"])):
            probs.append("end date missing")


# ------------------------------------------------------------------ translation
EN_LABELS = ["Form number", "Check digit", "Prefix", "From number", "To number", "Validity", "Type of document",
             "Tax office code", "Year"]
ES_PAREN = ["(Número de formulario)", "(DV)", "(Prefijo)", "(Desde el número)", "(Hasta el número)", "(Año)"]


def check_translation(t, v, pdf, raw, sq, probs):
    layout = raw
    raw = raw + "\n" + text(pdf, "-raw")  # a label or value wrapped inside a table cell
    sq = squash(raw)
    n = norm(raw)
    for lab in EN_LABELS:
        if norm(lab) not in n:
            probs.append(f"English label {lab!r} missing")
    for lab in ES_PAREN:
        if (norm(lab) in n) != v["bilingual"]:
            probs.append(f"Spanish label {lab} {'missing' if v['bilingual'] else 'printed'}")
    if v["translator_cc"] not in raw:
        probs.append("translator's ID missing")
    if v["translator_cc"].replace(".", "") == t["nit"]:
        probs.append("translator's ID equals the NIT")
    td = dt.date.fromisoformat(v["translation_date"])
    if not has_date(sq, td):
        probs.append("translation date missing")
    if td.isoformat() in {r["valid_from"] for r in t["ranges"]} | {r["valid_to"] for r in t["ranges"]}:
        probs.append("translation date is a validity date")
    if squash(v["stamp_text"]) not in sq:
        probs.append("stamp text missing")
    for r in t["ranges"]:
        if norm(KIND_EN[r["kind"]]) not in n:
            probs.append(f"modality {KIND_EN[r['kind']]} missing")
        if norm(REQ_EN[r["request"]]) not in n:
            probs.append(f"request {REQ_EN[r['request']]} missing")
        if v["enddates"] and not has_date(sq, dt.date.fromisoformat(r["valid_to"])):
            probs.append("end date missing")
        if v["ranges_as"] == "blocks" and norm(f"{r['months']} months") not in n:
            probs.append("'N months' missing")
    if v["ranges_as"] == "blocks" and v["checkbox"]:
        marks = re.findall(r"\[X\]\s*(\w+)", layout)
        if marks != [REQ_EN[r["request"]] for r in t["ranges"]]:
            probs.append(f"checkbox marks {marks}")
    if v["page_break"] and pages(pdf) < 2:
        probs.append("no page break")


# ------------------------------------------------------------------ summary
def check_summary(t, v, pdf, raw, sq, probs):
    if pages(pdf) != 1:
        probs.append("more than one page")
    if v["sep"].strip() not in raw:
        probs.append("separator missing")
    body = raw
    if v["prefix_case"] == "upper":
        for r in t["ranges"]:
            if r["prefix"]:
                body = re.sub(r"(?<![A-Za-z])" + re.escape(r["prefix"]) + r"(?![A-Za-z])", "", body)
    if v["case"] == "lower":
        up = re.findall(r"[A-ZÁÉÍÓÚÑÜ]", body)
        if up:
            probs.append(f"upper-case letters in a lower-case summary: {''.join(up[:10])}")
    else:
        for part in t["name"].split():
            if re.search(r"[A-Z]{2}", strip_accents(part)) and part in raw:
                probs.append(f"name word {part} printed in upper case")
    for r in t["ranges"]:
        if v["prefix_case"] == "lower" and r["prefix"] and re.search(
                r"(?<![A-Za-z])" + re.escape(r["prefix"]) + r"(?![A-Za-z])", raw) and not r["prefix"].isdigit():
            probs.append(f"prefix {r['prefix']} printed in upper case")
        if KINDS[r["kind"]][0].lower() not in raw:
            probs.append("modality (lower case) missing")
        if REQUESTS[r["request"]][0].lower() not in raw:
            probs.append("request (lower case) missing")
        if squash(v["months"].format(m=r["months"])) not in sq:
            probs.append("months missing")
        if not has_date(sq, dt.date.fromisoformat(r["valid_to"])):
            probs.append("end date missing")
    lines = {squash(ln) for ln in raw.splitlines()}
    for s in v["range_lines"]:
        s2 = squash(s if pdf.split("-")[-2] not in ("gs", "mutool") else latin1(s))
        if not any(s2 in ln for ln in lines):
            probs.append(f"range line split: {s[:50]}")


def main():
    bad = 0
    files = sorted(glob.glob(os.path.join(OUT16, "*", "*.json")))
    fams = {}
    for jf in files:
        t = json.load(open(jf, encoding="utf-8"))
        fam, v = t["_family"], t["_variant"]
        v["canvas"] = t["_producer"] in ("gs", "mutool")
        fams[fam] = fams.get(fam, 0) + 1
        pdf = jf[:-5] + ".pdf"
        raw = text(pdf)
        sq = squash(raw)
        sqd = sq.replace(".", "")
        probs = []
        off = off_page(pdf)
        if off:
            probs.append(f"text off the page: {off[:4]}")
        if not re.fullmatch(r"1876\d{7,16}", t["number"]):
            probs.append("number format")
        if str(nit_dv(t["nit"])) != t["dv"]:
            probs.append("dv")
        if t["number"] not in sq:
            probs.append("number missing")
        if t["nit"] not in sqd:
            probs.append("nit missing")
        if t["dv"] not in sq:
            probs.append("dv missing")
        for part in t["name"].split():
            if strip_accents(part).upper() not in norm(raw):
                probs.append(f"name part {part} missing")
        if not 1 <= len(t["ranges"]) <= 6:
            probs.append("range count")
        pre = [r["prefix"] for r in t["ranges"]]
        if pre.count("") > 1 or len(set(p for p in pre if p)) != len([p for p in pre if p]):
            probs.append("prefixes: more than one empty, or repeated")
        for r in t["ranges"]:
            vf = dt.date.fromisoformat(r["valid_from"])
            if add_months(vf, r["months"]).isoformat() != r["valid_to"]:
                probs.append("valid_to rule")
            if vf != dt.date.fromisoformat(t["ranges"][0]["valid_from"]):
                probs.append("ranges with different start dates")
            if r["months"] not in (6, 12, 18, 24):
                probs.append("months value")
            if not 1 <= r["from"] <= r["to"]:
                probs.append("from > to")
            for k in ("from", "to"):
                if not has_num(raw, r[k]):
                    probs.append(f"{k} {r[k]} missing")
            if not re.fullmatch(r"[A-Z0-9]{0,4}", r["prefix"]):
                probs.append("prefix format")
            if r["prefix"]:
                shown = r["prefix"].lower() if v.get("prefix_case") == "lower" else r["prefix"]
                if not re.search(r"(?<![A-Za-z])" + re.escape(shown) + r"(?![A-Za-z])", raw):
                    probs.append(f"prefix {shown} missing")
            if not has_date(sq, vf):
                probs.append("start date missing")
            if fam == "webservice-response-printout":
                if norm(KINDS[r["kind"]][0]) not in norm(raw):
                    probs.append("modality name missing")
                if norm(REQUESTS[r["request"]][0]) not in norm(raw):
                    probs.append("request name missing")
        if fam == "webservice-response-printout":
            check_webservice(t, v, pdf, raw, sq, probs)
        elif fam == "english-translation-copy":
            check_translation(t, v, pdf, raw, sq, probs)
        elif fam == "lowercase-compact-summary":
            check_summary(t, v, pdf, raw, sq, probs)
        else:
            probs.append("unknown family")
        if probs:
            bad += 1
            print(os.path.basename(pdf), sorted(set(probs)))
    print(f"{len(files)} documents ({', '.join(f'{k}: {n}' for k, n in sorted(fams.items()))}), {bad} with problems")
    return 1 if bad or len(files) != 36 else 0


if __name__ == "__main__":
    sys.exit(main())
