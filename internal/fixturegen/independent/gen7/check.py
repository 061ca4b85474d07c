#!/usr/bin/env python3
"""Self-check of out7 (not of the parser), on `pdftotext -layout`:
every truth value findable in the text with whitespace removed (so comb cells
and numbers grouped by no-break / thin spaces count; numbers also with ',' or
'.' separators; dates as ISO, '15-ENE-2025' or '15/01/2025'), name parts
(accents and case folded), DV, the months rule, and for
many-ranges-continued-pages that every table page holds the intended rows."""
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common7 import OUT7, nit_dv, add_months, strip_accents, d_mon, d_slash  # noqa: E402


def squash(s):
    return re.sub(r"[\s\u00ad]+", "", s)


def text(pdf, first=None, last=None):
    cmd = ["pdftotext", "-layout"]
    if first:
        cmd += ["-f", str(first), "-l", str(last)]
    return subprocess.run(cmd + [pdf, "-"], capture_output=True).stdout.decode()


def main():
    bad = 0
    files = sorted(glob.glob(os.path.join(OUT7, "*", "*.json")))
    for jf in files:
        t = json.load(open(jf, encoding="utf-8"))
        pdf = jf[:-5] + ".pdf"
        sq = squash(text(pdf))
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
        prefixes = [r["prefix"] for r in t["ranges"] if r["prefix"]]
        if len(set(prefixes)) != len(prefixes):
            probs.append("duplicate prefix")
        for r in t["ranges"]:
            vf = dt.date.fromisoformat(r["valid_from"])
            if add_months(vf, r["months"]).isoformat() != r["valid_to"]:
                probs.append("valid_to rule")
            if r["months"] not in (6, 12, 18, 24) or r["from"] > r["to"]:
                probs.append("months/from-to")
            for k in ("from", "to"):
                n = r[k]
                if not any(f in sq for f in (str(n), f"{n:,}", f"{n:,}".replace(",", "."))):
                    probs.append(f"{k} {n} missing")
            if r["prefix"] and r["prefix"] not in sq:
                probs.append(f"prefix {r['prefix']} missing")
            if len(r["prefix"]) > 4:
                probs.append("prefix too long")
            if not any(f in sq for f in (r["valid_from"], d_mon(vf), d_slash(vf))):
                probs.append("stamp date missing")
        if t["_family"] == "many-ranges-continued-pages":
            rp = t["_variant"]["rows_per_page"]
            if sum(rp) != len(t["ranges"]):
                probs.append("rows_per_page sum")
            for i, k in enumerate(rp):
                p = strip_accents(text(pdf, i + 2, i + 2)).upper()
                got = len(re.findall(r"\b(?:(?:IN)?HABILITACION|AUTORIZACION)\s+[123]\s*$", p, re.M))
                if got != k:
                    probs.append(f"page {i + 2} holds {got} rows, not {k}")
        if probs:
            bad += 1
            print(os.path.basename(pdf), sorted(set(probs)))
    print(f"{len(files)} documents, {bad} with problems")


if __name__ == "__main__":
    main()
