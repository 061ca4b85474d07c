#!/usr/bin/env python3
"""Self-check of out6 (not of the parser), on `pdftotext -layout`
text with whitespace removed: form number, NIT, every name part, every
range's from/to (plain, ',' or '.' grouped) and non-empty prefix, and the
acknowledgement date are in the text; the DV is the DIAN check digit; each
valid_to follows the months rule; 1 to 8 ranges; the form number is 1876 +
7..13 digits."""
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common6 import OUT6, nit_dv, add_months, strip_accents  # noqa: E402


def squash(s):
    return re.sub(r"\s+", "", s)


def main():
    bad = 0
    files = sorted(glob.glob(os.path.join(OUT6, "*", "*.json")))
    for jf in files:
        t = json.load(open(jf, encoding="utf-8"))
        pdf = jf[:-5] + ".pdf"
        txt = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True).stdout.decode()
        sq = squash(txt)
        sqn = strip_accents(sq).upper()
        probs = []
        if not re.fullmatch(r"1876\d{7,13}", t["number"]):
            probs.append("number format")
        if str(nit_dv(t["nit"])) != t["dv"]:
            probs.append("dv")
        if not 1 <= len(t["ranges"]) <= 8:
            probs.append("range count")
        for key in ("number", "nit"):
            if t[key] not in sq:
                probs.append(f"{key} missing")
        for part in t["name"].split():
            if strip_accents(part).upper() not in sqn:
                probs.append(f"name part {part} missing")
        for r in t["ranges"]:
            vf = dt.date.fromisoformat(r["valid_from"])
            if add_months(vf, r["months"]).isoformat() != r["valid_to"]:
                probs.append("valid_to rule")
            for k in ("from", "to"):
                n = r[k]
                forms = {str(n), f"{n:,}", f"{n:,}".replace(",", ".")}
                if not any(f in sq for f in forms):
                    probs.append(f"{k} {n} missing")
            if r["prefix"] and r["prefix"] not in sq:
                probs.append(f"prefix {r['prefix']} missing")
            if r["valid_from"] not in sq:
                probs.append("stamp date missing")
        if probs:
            bad += 1
            print(os.path.basename(pdf), sorted(set(probs)))
    print(f"{len(files)} documents, {bad} with problems")


if __name__ == "__main__":
    main()
