#!/usr/bin/env python3
"""Self-check of out12/ (not of the parser), on `pdftotext -layout`.

Values must be in the -layout text; a date or label wrapped inside a table
cell may instead be found in the -raw text (content-stream order).
Every document: form number format; DV check digit; 1-6 ranges, at most one
without a prefix, no prefix repeated; months in {6, 12, 18, 24} and
valid_to = valid_from + months; from <= to; form number, NIT, name parts
(accents ignored), prefixes, from / to (plain, ',' '.' or space grouped)
findable in the text once all whitespace is removed; the acknowledgement date
(= valid_from) printed in one of the formats the generator uses.
inverted-header-cells: every taxpayer label the document printed is in the
text (case and accents ignored: small caps and all caps), at least one table
header is split over two lines.
label-below-value: the form number's caption is printed UNDER its value (or
above it, for documents that print that field the usual way), within 4 lines.
mixed-dates-and-scales: page size A3, half-letter or 80 mm wide; every valid_to
printed; the request, filing and copy dates printed and different from every
validity date; a weekday name and a time zone ('-05:00', '-0500', 'COT',
'UTC-5', 'GMT-5') in the text; at least 4 distinct date formats in use.
Exit status 1 unless all 36 documents pass."""
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common12 import OUT12, nit_dv, add_months, strip_accents, date_forms, DIAS  # noqa: E402


def squash(s):
    return re.sub(r"[\s\u00a0\u2009\u202f\u2003\u00ad]+", "", s)


def norm(s):
    return strip_accents(squash(s)).upper()


def text(pdf, mode="-layout"):
    return subprocess.run(["pdftotext", mode, pdf, "-"], capture_output=True).stdout.decode()


def page_size(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True).stdout.decode()
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", out)
    return float(m.group(1)), float(m.group(2))


def has_date(sq, day):
    return any(squash(f) in sq or strip_accents(squash(f)) in strip_accents(sq) for f in date_forms(day))


def main():
    bad = 0
    files = sorted(glob.glob(os.path.join(OUT12, "*", "*.json")))
    fams = {}
    for jf in files:
        t = json.load(open(jf, encoding="utf-8"))
        fam, v = t["_family"], t["_variant"]
        fams[fam] = fams.get(fam, 0) + 1
        pdf = jf[:-5] + ".pdf"
        raw = text(pdf)
        sq = squash(raw)
        sqn = norm(raw)
        # a value wrapped inside a table cell is contiguous in content-stream order (-raw)
        sq2 = sq + "\x00" + squash(text(pdf, "-raw"))
        sqn2 = norm(sq2)
        probs = []
        if not re.fullmatch(r"1876\d{7,16}", t["number"]):
            probs.append("number format")
        if str(nit_dv(t["nit"])) != t["dv"]:
            probs.append("dv")
        for key in ("number", "nit"):
            if t[key] not in sq:
                probs.append(f"{key} missing")
        for part in t["name"].split():
            if strip_accents(part).upper() not in sqn:
                probs.append(f"name part {part} missing")
        if not 1 <= len(t["ranges"]) <= 6:
            probs.append("range count")
        pre = [r["prefix"] for r in t["ranges"]]
        if pre.count("") > 1 or len(set(p for p in pre if p)) != len([p for p in pre if p]):
            probs.append("prefixes: more than one empty, or repeated")
        for r in t["ranges"]:
            vf = dt.date.fromisoformat(r["valid_from"])
            vt = dt.date.fromisoformat(r["valid_to"])
            if add_months(vf, r["months"]) != vt:
                probs.append("valid_to rule")
            if r["months"] not in (6, 12, 18, 24):
                probs.append("months value")
            if r["request"] not in ("authorization", "enablement", "disablement"):
                probs.append("request value")
            if not 1 <= r["from"] <= r["to"]:
                probs.append("from > to")
            for k in ("from", "to"):
                n = r[k]
                forms = {str(n), f"{n:,}", f"{n:,}".replace(",", ".")}
                if not any(f in sq for f in forms):
                    probs.append(f"{k} {n} missing")
            if r["prefix"] and r["prefix"] not in sq:
                probs.append(f"prefix {r['prefix']} missing")
            if not re.fullmatch(r"[A-Z0-9]{0,4}", r["prefix"]):
                probs.append("prefix format")
            if not has_date(sq2, vf):
                probs.append("stamp / start date missing")
            if fam == "mixed-dates-and-scales" and not has_date(sq2, vt):
                probs.append(f"end date {vt} missing")

        if fam == "inverted-header-cells":
            for k, lab in v["labels"].items():
                if norm(lab) not in sqn2:
                    probs.append(f"label {lab!r} missing")
            if not any("\n" in h for h in v["theads"].values()):
                probs.append("no two-line header")

        if fam == "label-below-value":
            lines = raw.splitlines()
            lab = v["labels"]["number"]
            vi = [i for i, ln in enumerate(lines) if t["number"] in squash(ln)]
            li = [i for i, ln in enumerate(lines) if squash(lab) in squash(ln)]
            above = "number" in v["above"]
            ok = any(0 < (i - j if above else j - i) <= 4 for i in vi for j in li)
            if not ok:
                probs.append(f"number caption not {'above' if above else 'below'} its value")

        if fam == "mixed-dates-and-scales":
            w, h = page_size(pdf)
            if not (abs(w - 842) < 2 and abs(h - 1191) < 2 or abs(w - 396) < 2 and abs(h - 612) < 2
                    or abs(w - 226.8) < 2):
                probs.append(f"page size {w}x{h}")
            valid = {dt.date.fromisoformat(r["valid_from"]) for r in t["ranges"]} | \
                    {dt.date.fromisoformat(r["valid_to"]) for r in t["ranges"]}
            for k in ("solicitud", "radicacion", "expedicion"):
                day = dt.date.fromisoformat(v["distractors"][k])
                if day in valid:
                    probs.append(f"{k} equals a validity date")
                if not has_date(sq2, day):
                    probs.append(f"{k} date missing")
            low = strip_accents(raw.lower())
            if not any(strip_accents(dn) in low for dn in DIAS):
                probs.append("no weekday name")
            if not re.search(r"-05:00|-0500|COT|UTC-5|GMT-5|UTC-05:00", raw):
                probs.append("no time zone")
            if len(set(v["dates"].values())) < 4:
                probs.append("fewer than 4 date formats")
        if probs:
            bad += 1
            print(os.path.basename(pdf), sorted(set(probs)))
    print(f"{len(files)} documents ({', '.join(f'{k}: {n}' for k, n in sorted(fams.items()))}), {bad} with problems")
    return 1 if bad or len(files) != 36 else 0


if __name__ == "__main__":
    sys.exit(main())
