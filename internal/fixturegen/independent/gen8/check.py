#!/usr/bin/env python3
"""Self-check of out8/ (not of the parser), on `pdftotext -layout`: every truth
value findable in the text with whitespace removed (numbers plain or with ','
/ '.' separators; dates ISO, dd/mm/aaaa or 15-ENE-2025), name parts, DV,
months rule, form number format, and that the document's number is marked as
the selected one in erp-config-dialog."""
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common8 import OUT8, nit_dv, add_months, strip_accents, d_mon, d_slash  # noqa: E402


def squash(s):
    return re.sub(r"\s+", "", s)


def text(pdf):
    return subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True).stdout.decode()


def main():
    bad = 0
    files = sorted(glob.glob(os.path.join(OUT8, "*", "*.json")))
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
        if not t["ranges"]:
            probs.append("no ranges")
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
        if t["_family"] == "erp-config-dialog":
            lines = [ln for ln in txt.splitlines() if t["number"] in ln]
            if not any("►" in ln or "Seleccionada" in ln or "seleccionada" in ln.lower() for ln in lines):
                probs.append("selected row not marked")
            if "Resolución seleccionada" not in txt and "RESOLUCIÓN SELECCIONADA" not in txt:
                probs.append("no selected heading")
        if probs:
            bad += 1
            print(os.path.basename(pdf), sorted(set(probs)))
    print(f"{len(files)} documents, {bad} with problems")


if __name__ == "__main__":
    main()
