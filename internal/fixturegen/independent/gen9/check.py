#!/usr/bin/env python3
"""Self-check of out9/ (not of the parser), on `pdftotext -layout`: every truth
value findable in the text with whitespace removed (numbers plain or with ','
/ '.' separators; the authorization date ISO, dd/mm/aaaa, 15-ENE-2025 or in
words), name parts, form number format, DV, months rule (end = start + months),
and for amended-annulled-ranges: every valid range sits on a table line with its
prefix and end number and WITHOUT the word ANULADO, while at least one printed
row is marked ANULADO."""
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common9 import OUT9, nit_dv, add_months, strip_accents, d_mon, d_slash, long_date  # noqa: E402


def squash(s):
    return re.sub(r"\s+", "", s)


def text(pdf):
    return subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True).stdout.decode()


def forms(n):
    return {str(n), f"{n:,}", f"{n:,}".replace(",", ".")}


def main():
    bad = 0
    files = sorted(glob.glob(os.path.join(OUT9, "*", "*.json")))
    fams = {}
    for jf in files:
        t = json.load(open(jf, encoding="utf-8"))
        fams.setdefault(t["_family"], set()).add(t["_producer"])
        pdf = jf[:-5] + ".pdf"
        txt = text(pdf)
        sq = squash(txt)
        sqn = strip_accents(sq).upper()
        probs = []
        if set(t) != {"_family", "_producer", "_variant", "dv", "name", "nit", "number", "ranges"}:
            probs.append("keys")
        if not re.fullmatch(r"1876\d{7,16}", t["number"]):
            probs.append("number format")
        if str(nit_dv(t["nit"])) != t["dv"]:
            probs.append("dv")
        for key in ("number", "nit"):
            if t[key] not in sq and not (key == "nit" and f"{int(t['nit']):,}".replace(",", ".") in sq):
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
                if not any(f in sq for f in forms(r[k])):
                    probs.append(f"{k} {r[k]} missing")
            if r["prefix"] and r["prefix"] not in sq:
                probs.append(f"prefix {r['prefix']} missing")
            if not any(squash(f) in sq for f in (r["valid_from"], d_mon(vf), d_slash(vf), long_date(vf))):
                probs.append("start date missing")
        if t["_family"] == "amended-annulled-ranges":
            lines = txt.splitlines()
            for r in t["ranges"]:
                ok = any(re.search(rf"(^|\s){re.escape(r['prefix'])}(\s|$)", ln) and "ANULADO" not in ln
                         and any(re.search(rf"(^|\s){re.escape(f)}(\s|$)", ln) for f in forms(r["to"])) for ln in lines)
                if not ok:
                    probs.append(f"valid row {r['prefix']} not on an unmarked line")
            marked = [ln for ln in lines if "ANULADO" in ln and "Nota" not in ln and "Estado:" not in ln
                      and "DOCUMENTO CON" not in ln]
            if t["_variant"]["annulled"] < 1 or not marked:
                probs.append("no annulled row")
        if probs:
            bad += 1
            print(os.path.basename(pdf), sorted(set(probs)))
    for f, p in sorted(fams.items()):
        print(f, sorted(p))
    print(f"{len(files)} documents, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
