#!/usr/bin/env python3
"""Self-check of out15/ (not of the parser), on `pdftotext -layout` (and -raw,
-bbox, pdffonts, pdfimages where said).

Every document: form number format; DV check digit; 1-6 ranges, at most one
without a prefix, no prefix repeated; months in {6, 12, 18, 24} and
valid_to = valid_from + months; request and prefix formats; from <= to; form
number, NIT, DV, name parts (accents ignored), prefixes, from / to (plain, ','
'.' or space grouped) findable in the text once all whitespace is removed; the
acknowledgement date (= valid_from) printed in one of the formats the
generator uses; every word of every modality and request name in the text;
no word off the page.
ocr-noisy-labels: every label drawn carries OCR noise (at least 60 % of them
differ from the clean label even with accents and case ignored); every noisy
label is in the text as drawn (whitespace ignored; a label broken over two
lines by the skew or by a narrow groff cell: each of its words), at least 80 %
in one piece; a clean label of two or more words and 10+ characters whose
noisy form differs is NOT in the text (so the errors really
are in the text layer), while the values above are exact; scan modes have
one image per page.
ascii-box-table: only monospace fonts; at least three ASCII rule lines
('+----+----+' / '|----|----|' / '=' variants); the first text line of every
table row is in the -layout text as printed (runs of spaces collapsed), so
the cells, their order and the right-aligned numbers followed by ' |' are
there; the header fields in their style ('LABEL....: value', 'LABEL   :
value', '| value |'); the TOTAL row with the sum of the quantities when the
table has a quantity column; a '(continuación)' header on a second page
when the document's page length cuts the table.
vertical-label-margins: values only for the rotated labels: every rotated
label with a word of 4+ letters has such a word in `pdftotext -bbox` whose
box is taller than wide (i.e. really rotated; not checked in the Chromium
document whose fonts are Type 3, where Poppler reads rotated words
reversed); the horizontal labels are in the text.
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
from common15 import (OUT15, nit_dv, add_months, strip_accents, date_forms, kind_name,  # noqa: E402
                      req_name)


def squash(s):
    return re.sub(r"[\s\u00a0\u2009\u202f\u2003\u00ad]+", "", s)


def norm(s):
    return strip_accents(squash(s)).upper().replace("\u2013", "-")


def text(pdf, mode="-layout"):
    return subprocess.run(["pdftotext", mode, pdf, "-"], capture_output=True).stdout.decode()


def has_date(sq, day):
    return any(squash(f) in sq or strip_accents(squash(f)) in strip_accents(sq) for f in date_forms(day))


def num_forms(n):
    return {str(n), f"{n:,}", f"{n:,}".replace(",", ".")}


def bbox_words(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True).stdout.decode()
    words, w = [], None
    for ln in out.splitlines():
        m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', ln)
        if m:
            w, h = float(m.group(1)), float(m.group(2))
            continue
        m = re.search(r'xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*)</word>', ln)
        if m and w:
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            words.append((x0, y0, x1, y1, m.group(5).replace("&amp;", "&"), w, h))
    return words


def off_page(words):
    return [s for x0, y0, x1, y1, s, w, h in words if x0 < 0 or y0 < 0 or x1 > w + 0.5 or y1 > h + 0.5]


def check_ocr(t, v, raw, sq, pdf, probs):
    pairs = v["noisy"]
    if not pairs:
        probs.append("no labels recorded")
        return
    changed = sum(1 for c, n in pairs if norm(c) != norm(n))
    if changed < 0.6 * len(pairs):
        probs.append(f"only {changed} of {len(pairs)} labels differ from the clean label (accents/case ignored)")
    whole = 0
    for c, n in pairs:
        if squash(n) in sq:
            whole += 1
        elif not all(squash(w) in sq for w in n.split()):
            probs.append(f"noisy label {n!r} not in the text")
    if whole < 0.8 * len(pairs):
        probs.append(f"only {whole} of {len(pairs)} noisy labels in the text in one piece")
    noisy_sq = {squash(n) for _, n in pairs}
    for c, n in pairs:
        cs = squash(c)
        if " " in c and len(cs) >= 10 and cs != squash(n) and cs in sq and not any(cs in x for x in noisy_sq):
            probs.append(f"clean label {c!r} in the text")
    if v["mode"] in ("invisible", "under"):
        out = subprocess.run(["pdfimages", "-list", pdf], capture_output=True).stdout.decode()
        nimg = len([ln for ln in out.splitlines()[2:] if ln.strip()])
        npages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True)
                               .stdout.decode()).group(1))
        if nimg != npages:
            probs.append(f"{nimg} images for {npages} pages")


RULE = re.compile(r"^\s*[+|][-=]{3,}(?:[+|][-=]{3,})+[+|]\s*$")


def one_space(s):
    return re.sub(r" +", " ", s.strip())


def check_ascii(t, v, raw, pdf, probs):
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True).stdout.decode().splitlines()[2:]
    for ln in fonts:
        name = ln.split()[0] if ln.split() else ""
        if "Type 3" in ln and t["_producer"] == "chromium":
            continue  # Chromium sets Nimbus Mono (OpenType CFF; also its bold fallback) as Type 3: no name
        if not re.search(r"Courier|Mono|Cour", name, re.I):
            probs.append(f"non-monospace font {name}")
    lines = raw.splitlines()
    rules = [ln for ln in lines if RULE.match(ln)]
    if len(rules) < 3:
        probs.append(f"only {len(rules)} ASCII rule lines")
    flat = [one_space(ln) for ln in lines]
    for rl in v["row_lines"]:
        if one_space(rl) not in flat:
            probs.append(f"row line not printed as such: {rl!r}")
    sep = v["sep"]

    def fmt(n):
        return f"{n:,}".replace(",", sep) if sep else str(n)
    for r in t["ranges"]:
        for k in ("from", "to"):
            s = fmt(r[k])
            if not any(re.search(re.escape(s) + r" +\|", ln) for ln in lines):
                probs.append(f"{k} {s} not right-aligned against '|'")
    num = t["number"]
    st = v["fields"]
    pat = {"dots": r"\.{2,} ?: " + num, "colon": r"\s: " + num}.get(st, r"\|\s*" + num + r"\s*\|")
    if not re.search(pat, raw):
        probs.append(f"header field style {st} not found for the form number")
    if v.get("lpp"):
        if "CONTINUACI" not in norm(raw) or v["pages"] < 2:
            probs.append("table cut by the page length but no continuation page")
    if "qty" in v["keys"]:
        tot = sum(r["to"] - r["from"] + 1 for r in t["ranges"])
        if not any(re.search(r"\|\s*(TOTAL|Total)\s*\|", ln) and fmt(tot) in ln for ln in lines):
            probs.append(f"TOTAL row with {fmt(tot)} missing")


def check_vertical(t, v, raw, sqn2, words, probs):
    if not v["rotated_labels"]:
        probs.append("no rotated labels")
    for lab in ([] if v.get("type3") else v["rotated_labels"]):
        cands = [re.sub(r"[^\wÁÉÍÓÚÑáéíóúñ]", "", w) for w in lab.split()]
        cands = [c for c in cands if len(c) >= 4]
        if not cands:
            continue
        ok = False
        for x0, y0, x1, y1, s, w, h in words:
            ss = re.sub(r"[^\wÁÉÍÓÚÑáéíóúñ]", "", s)
            if ss in cands and (y1 - y0) > 1.2 * (x1 - x0):
                ok = True
                break
        if not ok:
            probs.append(f"rotated label {lab!r}: no tall word box")
    for lab in v["horizontal_labels"]:
        if norm(lab) not in sqn2:
            probs.append(f"horizontal label {lab!r} missing")
    if not v["horizontal_labels"]:
        probs.append("no horizontal labels")


def main():
    bad = 0
    files = sorted(glob.glob(os.path.join(OUT15, "*", "*.json")))
    fams = {}
    for jf in files:
        t = json.load(open(jf, encoding="utf-8"))
        fam, v = t["_family"], t["_variant"]
        fams[fam] = fams.get(fam, 0) + 1
        pdf = jf[:-5] + ".pdf"
        raw = text(pdf)
        sq = squash(raw)
        sqn = norm(raw)
        sq2 = sq + "\x00" + squash(text(pdf, "-raw"))
        sqn2 = norm(sq2)
        probs = []
        words = bbox_words(pdf)
        off = off_page(words)
        if off:
            probs.append(f"text off the page: {off[:4]}")
        if not re.fullmatch(r"1876\d{7,16}", t["number"]):
            probs.append("number format")
        if str(nit_dv(t["nit"])) != t["dv"]:
            probs.append("dv")
        for key in ("number", "nit", "dv"):
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
                if not any(f in sq for f in num_forms(r[k])):
                    probs.append(f"{k} {r[k]} missing")
            if r["prefix"] and r["prefix"] not in sq:
                probs.append(f"prefix {r['prefix']} missing")
            if not re.fullmatch(r"[A-Z0-9]{0,4}", r["prefix"]):
                probs.append("prefix format")
            if not has_date(sq2, vf):
                probs.append("stamp / start date missing")
            for name in (kind_name(r["kind"]), req_name(r["request"])):
                for wd in name.split():
                    if norm(wd) not in sqn:
                        probs.append(f"word {wd} of {name} missing")
        if fam == "ocr-noisy-labels":
            check_ocr(t, v, raw, sq, pdf, probs)
        elif fam == "ascii-box-table":
            check_ascii(t, v, raw, pdf, probs)
        elif fam == "vertical-label-margins":
            check_vertical(t, v, raw, sqn2, words, probs)
        else:
            probs.append("unknown family")
        if probs:
            bad += 1
            print(os.path.basename(pdf), sorted(set(probs)))
    print(f"{len(files)} documents ({', '.join(f'{k}: {n}' for k, n in sorted(fams.items()))}), {bad} with problems")
    return 1 if bad or len(files) != 36 else 0


if __name__ == "__main__":
    sys.exit(main())
