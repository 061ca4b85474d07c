#!/usr/bin/env python3
"""Self-check of out4/ (not of the parser), like gen/check.py but on
`pdftotext -layout` (the shuffled-glyph family has no usable stream order):
every truth value findable in the text with whitespace removed (dates also as
'15-ENE-2025' or '15/01/2025'; numbers that wrap at their separators in
long-table-narrow-wrap are checked piece by piece), DV, months rule, and for
long-table-narrow-wrap the intended split of rows between pages 2 and 3."""
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common4 import OUT4, nit_dv, add_months, strip_accents, d_mon, d_slash  # noqa: E402


def squash(s):
    return re.sub(r"\s+", "", s)


def text(pdf, first=None, last=None):
    cmd = ["pdftotext", "-layout"]
    if first:
        cmd += ["-f", str(first), "-l", str(last)]
    return subprocess.run(cmd + [pdf, "-"], capture_output=True).stdout.decode()


def main():
    bad = 0
    files = sorted(glob.glob(os.path.join(OUT4, "*", "*.json")))
    for jf in files:
        t = json.load(open(jf, encoding="utf-8"))
        pdf = jf[:-5] + ".pdf"
        txt = text(pdf)
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
        wrapped = t["_family"] == "long-table-narrow-wrap"
        for r in t["ranges"]:
            vf = dt.date.fromisoformat(r["valid_from"])
            if add_months(vf, r["months"]).isoformat() != r["valid_to"]:
                probs.append("valid_to rule")
            for k in ("from", "to"):
                n = r[k]
                forms = {str(n), f"{n:,}", f"{n:,}".replace(",", ".")}
                if any(f in sq for f in forms):
                    continue
                if wrapped:
                    sep = t["_variant"]["sep"]
                    groups = f"{n:,}".split(",")
                    if groups[0] + sep in sq and all(g in sq for g in groups[1:]):
                        continue
                probs.append(f"{k} {n} missing")
            if r["prefix"] and r["prefix"] not in sq:
                probs.append(f"prefix {r['prefix']} missing")
            if not any(f in sq for f in (r["valid_from"], d_mon(vf), d_slash(vf))):
                if not (t["_family"] == "digit-boxes-qr" and
                        f"AñoMesDíaHora{vf.year}{vf.month:02d}{vf.day:02d}" in sq):
                    probs.append("stamp date missing")
        if wrapped:
            p3 = strip_accents(text(pdf, 3, 3)).upper()
            rows_p3 = len(re.findall(r"\b(?:IN)?HABILITACION\b|\bAUTORIZACION\b", p3)) - \
                len(re.findall(r"AUTORIZACION NUMERACION", p3))
            if rows_p3 != len(t["ranges"]) - t["_variant"]["rows_p2"]:
                probs.append(f"page 3 holds {rows_p3} rows")
        if probs:
            bad += 1
            print(os.path.basename(pdf), sorted(set(probs)))
    print(f"{len(files)} documents, {bad} with problems")


if __name__ == "__main__":
    main()
