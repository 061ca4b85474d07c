#!/usr/bin/env python3
"""Self-check of out10/ (not of the parser), on `pdftotext -layout`: every
truth value findable in the text once all whitespace (spaces, tabs, no-break,
thin and narrow no-break spaces, letter-spacing gaps) is removed: form number,
NIT, name parts (accents ignored), prefixes, from / to (plain, ',' or '.'
grouped), the acknowledgement date (ISO); DV check digit; months in {6, 12, 18,
24} and valid_to = valid_from + months; form number format; exactly one range
in ficha-single-range-paragraph."""
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common10 import OUT10, nit_dv, add_months, strip_accents, d_mon, d_slash  # noqa: E402


def squash(s):
    return re.sub(r"[\s\u00a0\u2009\u202f\u2003\u00ad]+", "", s)


def text(pdf):
    return subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True).stdout.decode()


def main():
    bad = 0
    files = sorted(glob.glob(os.path.join(OUT10, "*", "*.json")))
    for jf in files:
        t = json.load(open(jf, encoding="utf-8"))
        pdf = jf[:-5] + ".pdf"
        sq = squash(text(pdf))
        sqn = strip_accents(sq).upper()
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
        if not t["ranges"]:
            probs.append("no ranges")
        if t["_family"] == "ficha-single-range-paragraph" and len(t["ranges"]) != 1:
            probs.append("ficha must hold one range")
        for r in t["ranges"]:
            vf = dt.date.fromisoformat(r["valid_from"])
            if add_months(vf, r["months"]).isoformat() != r["valid_to"]:
                probs.append("valid_to rule")
            if r["months"] not in (6, 12, 18, 24):
                probs.append("months value")
            for k in ("from", "to"):
                n = r[k]
                forms = {str(n), f"{n:,}", f"{n:,}".replace(",", ".")}
                if not any(f in sq for f in forms):
                    probs.append(f"{k} {n} missing")
            if r["prefix"] and r["prefix"] not in sq:
                probs.append(f"prefix {r['prefix']} missing")
            if not any(f in sq for f in (r["valid_from"], d_mon(vf), d_slash(vf))):
                probs.append("stamp date missing")
        if probs:
            bad += 1
            print(os.path.basename(pdf), sorted(set(probs)))
    print(f"{len(files)} documents, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
