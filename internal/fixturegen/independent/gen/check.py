#!/usr/bin/env python3
"""Self-check of the generated corpus (not of the parser): every truth value
must be findable in the PDF's extracted text (pdftotext, spaces removed),
dv must be the DIAN check digit, dates must follow the months rule."""
import glob
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import OUT, nit_dv, add_months, strip_accents  # noqa: E402
import datetime as dt  # noqa: E402


def squash(s):
    return re.sub(r"\s+", "", s)


def main():
    bad = 0
    files = sorted(glob.glob(os.path.join(OUT, "*", "*.json")))
    for jf in files:
        t = json.load(open(jf, encoding="utf-8"))
        pdf = jf[:-5] + ".pdf"
        txt = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True).stdout.decode()
        sq = squash(txt)
        sqn = strip_accents(sq).upper()
        probs = []
        if not re.fullmatch(r"1876\d{7,13}", t["number"]):
            probs.append("number format")
        if str(nit_dv(t["nit"])) != t["dv"]:
            probs.append("dv")
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
