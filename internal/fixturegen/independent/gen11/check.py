#!/usr/bin/env python3
"""Self-check of out11/ (not of the parser), on `pdftotext -layout`: every
truth value findable in the text once all whitespace (spaces, no-break and
thin spaces, line breaks) is removed: form number, NIT (plain or
dot-grouped), name parts (accents ignored), prefixes, from / to (plain, or
grouped with ',' or '.'), the authorization date (ISO, dd/mm/aaaa,
15-ENE-2025 or in words); DV check digit; form number format; months in
{6, 12, 18, 24} and valid_to = valid_from + months; 12 documents per family.
Per family:
  current-plus-history: every history form number is printed, none equals the
    truth's, the history heading and at least one status (VENCIDA,
    REEMPLAZADA, AGOTADA, INHABILITADA) are printed;
  watermark-overlay-copy: the page furniture (URL / 'Impreso por' and the page
    counter) is printed, the PDF holds a constant-alpha ExtGState below 1, the
    watermark text is in the source, and for 'between' the source emits it
    after the label of box 4 and before the form number;
  totals-and-footnotes: the summary lines with the number of ranges and the
    total quantity, every footnote (marker and text), and the signature's
    'Firma' and cédula are printed."""
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common11 import (OUT11, BUILD11, nit_dv, add_months, strip_accents, d_mon, d_slash, long_date,  # noqa: E402
                      ps_str)

KEYS = {"_family", "_producer", "_variant", "dv", "name", "nit", "number", "ranges"}


def squash(s):
    return re.sub(r"[\s\u00a0\u2009\u202f\u2003\u00ad]+", "", s)


def text(pdf):
    return subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True).stdout.decode()


def forms(n):
    return {str(n), f"{n:,}", f"{n:,}".replace(",", ".")}


def alphas(pdf):
    """constant alpha values (/ca) of the PDF's ExtGStates (streams decompressed by mutool clean)"""
    with tempfile.TemporaryDirectory() as td:
        out = os.path.join(td, "d.pdf")
        subprocess.run(["mutool", "clean", "-d", pdf, out], capture_output=True)
        data = open(out, "rb").read()
    return [float(x) for x in re.findall(rb"/ca\s*([0-9]*\.?[0-9]+)", data)]


def source_of(t, pdf):
    fam = t["_family"]
    nn = os.path.basename(pdf)[-6:-4]
    base = os.path.join(BUILD11, fam, f"{fam}-{nn}")
    for ext in (".ps", "-p1.txt", ".html", ".tr"):
        if os.path.exists(base + ext):
            enc = "utf-8" if ext in (".html", ".tr") else "latin-1"
            return base + ext, open(base + ext, "rb").read().decode(enc)
    return None, None


def check_history(t, txt, sq, probs):
    v = t["_variant"]
    for h in v["history"]:
        if h["number"] == t["number"]:
            probs.append("history number equals truth")
        if h["number"] not in sq:
            probs.append(f"history number {h['number']} missing")
    if squash(v["heading"]) not in sq:
        probs.append("history heading missing")
    if not any(s in txt for s in ("VENCIDA", "REEMPLAZADA", "AGOTADA", "INHABILITADA")):
        probs.append("no history status")


def check_watermark(t, pdf, txt, sq, probs):
    v = t["_variant"]
    if v["furniture"] == "browser":
        need = ["muisca.dian.gov.co", f"idSolicitud={v['reqid']}"]
    else:
        need = [f"Impresopor{v['user']}", squash(f"Radicado No. {v['radicado']}")]
    for s in need:
        if s not in sq:
            probs.append(f"furniture {s} missing")
    if not re.search(r"(Página1de\d|1/\d)", sq):
        probs.append("page counter missing")
    a = alphas(pdf)
    if not any(0 < x < 1 for x in a):
        probs.append(f"no alpha < 1 ({a})")
    path, src = source_of(t, pdf)
    if src is None:
        probs.append("no source")
        return
    first = v["wm_lines"][0]
    enc = ps_str(first) if not path.endswith(".html") else first.replace("&", "&amp;")
    if enc not in src:
        probs.append("watermark text not in source")
    if v["order"] == "between" and not path.endswith(".html"):
        lab = src.find("rmulario)") if "rmulario)" in src else src.find("RMULARIO)")
        wm = src.find(enc)
        num = src.find(f"({t['number']})")
        if not (0 <= lab < wm < num):
            probs.append(f"watermark not between label and value ({lab}, {wm}, {num})")


def check_footnotes(t, txt, sq, probs):
    v = t["_variant"]
    n = len(t["ranges"])
    tot = sum(r["to"] - r["from"] + 1 for r in t["ranges"])
    if not any(squash(x) in sq for x in (f"Total rangos: {n}", f"Total de rangos autorizados: {n}",
                                          f"Número de rangos: {n}")):
        probs.append("range count line missing")
    if not any(f"{lab}{f}" in sq for f in forms(tot) for lab in
               ("numeraciónautorizada:", "documentos:", "númerosautorizados:")):
        probs.append("total line missing")
    for note in v["notes"]:
        if squash(note["text"]) not in sq:
            probs.append(f"footnote text missing: {note['text'][:30]}")
        if note["mark"] not in sq:
            probs.append(f"marker {note['mark']} missing")
    s = v["signer"]
    if "Firma" not in sq:
        probs.append("Firma missing")
    if not any(f in sq for f in forms(int(s["cc"]))):
        probs.append("cedula missing")


def main():
    bad = 0
    files = sorted(glob.glob(os.path.join(OUT11, "*", "*.json")))
    per_family = Counter()
    producers = {}
    for jf in files:
        t = json.load(open(jf, encoding="utf-8"))
        per_family[t["_family"]] += 1
        producers.setdefault(t["_family"], set()).add(t["_producer"])
        pdf = jf[:-5] + ".pdf"
        txt = text(pdf)
        sq = squash(txt)
        sqn = strip_accents(sq).upper()
        probs = []
        if set(t) != KEYS:
            probs.append("keys")
        if not re.fullmatch(r"1876\d{7,16}", t["number"]):
            probs.append("number format")
        if str(nit_dv(t["nit"])) != t["dv"]:
            probs.append("dv")
        if t["number"] not in sq:
            probs.append("number missing")
        if not any(f in sq for f in forms(int(t["nit"]))):
            probs.append("nit missing")
        for part in t["name"].split():
            if strip_accents(part).upper() not in sqn:
                probs.append(f"name part {part} missing")
        if not t["ranges"] or len(t["ranges"]) > 6:
            probs.append("range count")
        for r in t["ranges"]:
            vf = dt.date.fromisoformat(r["valid_from"])
            if add_months(vf, r["months"]).isoformat() != r["valid_to"]:
                probs.append("valid_to rule")
            if r["months"] not in (6, 12, 18, 24):
                probs.append("months value")
            if r["from"] > r["to"] or r["from"] < 1:
                probs.append("from/to order")
            for k in ("from", "to"):
                if not any(f in sq for f in forms(r[k])):
                    probs.append(f"{k} {r[k]} missing")
            if r["prefix"] and r["prefix"] not in sq:
                probs.append(f"prefix {r['prefix']} missing")
            if len(r["prefix"]) > 4:
                probs.append("prefix too long")
            if not any(squash(f) in sq for f in (r["valid_from"], d_mon(vf), d_slash(vf), long_date(vf))):
                probs.append("start date missing")
        fam = t["_family"]
        if fam == "current-plus-history":
            check_history(t, txt, sq, probs)
        elif fam == "watermark-overlay-copy":
            check_watermark(t, pdf, txt, sq, probs)
        elif fam == "totals-and-footnotes":
            check_footnotes(t, txt, sq, probs)
        else:
            probs.append("unknown family")
        if probs:
            bad += 1
            print(os.path.basename(pdf), sorted(set(probs)))
    for f, p in sorted(producers.items()):
        print(f, per_family[f], "documents", sorted(p))
        if per_family[f] != 12:
            bad += 1
            print(f"  {f}: expected 12 documents")
    if len(per_family) != 3:
        bad += 1
        print("expected 3 families")
    print(f"{len(files)} documents, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
