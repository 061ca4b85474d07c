#!/usr/bin/env python3
"""Self-check of out5/ (not of the parser), on `pdftotext -layout` text with
whitespace removed and case folded: the form number, the NIT (plain or dotted),
every part of the name, and per range the prefix, from/to (plain, ',' or '.'
separators, zero-padded to 8/10 digits) and BOTH validity dates (ISO, dd/mm/aaaa,
'15 de marzo de 2024', 'marzo 15 de 2024'; the acknowledgement date counts for
valid_from) are in the text; DV is right; valid_to = valid_from + months."""
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common5 import OUT5, nit_dv, add_months, strip_accents, date_fmt, nit_dotted  # noqa: E402

DATE_STYLES = ["iso", "slash", "words", "words-us", "words-cap"]


def squash(s):
    return strip_accents(re.sub(r"\s+", "", s)).upper()


def text(pdf):
    return subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True).stdout.decode()


def main():
    bad = 0
    files = sorted(glob.glob(os.path.join(OUT5, "*", "*.json")))
    for jf in files:
        t = json.load(open(jf, encoding="utf-8"))
        pdf = jf[:-5] + ".pdf"
        sq = squash(text(pdf))
        probs = []
        if not re.fullmatch(r"1876\d{7,13}", t["number"]):
            probs.append("number format")
        if str(nit_dv(t["nit"])) != t["dv"]:
            probs.append("dv")
        if t["number"] not in sq:
            probs.append("number missing")
        if t["nit"] not in sq and nit_dotted(t["nit"]) not in sq:
            probs.append("nit missing")
        for part in t["name"].split():
            if squash(part) not in sq:
                probs.append(f"name part {part} missing")
        for r in t["ranges"]:
            vf = dt.date.fromisoformat(r["valid_from"])
            vt = dt.date.fromisoformat(r["valid_to"])
            if add_months(vf, r["months"]) != vt:
                probs.append("valid_to rule")
            for k in ("from", "to"):
                n = r[k]
                forms = {str(n), f"{n:,}", f"{n:,}".replace(",", "."), f"{n:08d}", f"{n:010d}"}
                if not any(f in sq for f in forms):
                    probs.append(f"{k} {n} missing")
            if r["prefix"] and squash(r["prefix"]) not in sq:
                probs.append(f"prefix {r['prefix']} missing")
            if not any(squash(date_fmt(vf, s)) in sq for s in DATE_STYLES):
                probs.append("valid_from missing")
            fam = t["_family"]
            explicit_end = (fam == "split-header-reordered-words" or fam == "printed-email-notice" or
                            (fam == "letterhead-landscape-columns" and t["_variant"]["dates"] != "none"))
            if explicit_end and not any(squash(date_fmt(vt, s)) in sq for s in DATE_STYLES):
                probs.append("valid_to missing")
        if probs:
            bad += 1
            print(os.path.basename(pdf), sorted(set(probs)))
    print(f"{len(files)} documents, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
