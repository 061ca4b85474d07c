#!/usr/bin/env python3
"""Self-check of out13/ (not of the parser), on `pdftotext -layout` (and -raw for
values wrapped inside a cell).

Every document: form number format; DV check digit; 1-6 ranges, at most one
without a prefix, no prefix repeated; months in {6, 12, 18, 24} and
valid_to = valid_from + months; from <= to; form number, NIT, name parts
(accents ignored), prefixes, from / to (plain, ',' '.' or space grouped)
findable in the text once all whitespace is removed; the acknowledgement date
(= valid_from) printed in one of the formats the generator uses.
duplicate-copies: the form number printed at least twice and every range's
'to' at least twice (two copies); 'side' is one landscape page, the others
have at least four pages; the copy marks are printed; a reprint carries
'REIMPRESIÓN' and its print date, which is no validity date, and (when the
papers differ) pages of two sizes; 'uncollated' has the form number on pages 1
and 2 and the first range's 'to' on pages 3 and 4.
cover-letter-then-form: page 1 holds the provider's NIT (with a correct DV,
different from the taxpayer's), the reference, the letter's date and the
prefix-association date; the form pages (from the first later page with the
form's title and the taxpayer section) hold every truth value again.
typewriter-fill-on-template: the fill is separate from the template (a Form
XObject per page for Ghostscript; for mutool / Chromium an extra content
stream or a 'FillSign' Form XObject laid over the page by mutool run); a fill
font (Courier / Nimbus Mono / DejaVu Sans Mono / Noto Mono / Z003, or a
Type 3 font from Chromium) is used; the template prints the box-4 label and the
stamp caption; the table has more rows than ranges (the variant says so); the
instruction note with DIAN's test number, when present, never equals the truth.
Exit status 1 unless all 36 documents pass."""
import datetime as dt
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common13 import OUT13, nit_dv, add_months, strip_accents, date_forms, labels, fmt_day12  # noqa: E402
from common2 import split_num  # noqa: E402


def squash(s):
    return re.sub(r"[\s\u00a0\u2009\u202f\u2003\u00ad]+", "", s)


def norm(s):
    return strip_accents(squash(s)).upper()


def text(pdf, mode="-layout", first=None, last=None):
    cmd = ["pdftotext", mode]
    if first:
        cmd += ["-f", str(first)]
    if last:
        cmd += ["-l", str(last)]
    return subprocess.run(cmd + [pdf, "-"], capture_output=True).stdout.decode()


def pages_info(pdf):
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", pdf], capture_output=True).stdout.decode()
    sizes = [(float(a), float(b)) for a, b in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]
    return sizes


def has_date(sq, day):
    return any(squash(f) in sq or strip_accents(squash(f)) in strip_accents(sq) for f in date_forms(day))


def num_forms(n):
    return {str(n), f"{n:,}", f"{n:,}".replace(",", "."), f"{n:,}".replace(",", " ")}


def count_num(raw, n):
    """occurrences of n as a whole number (plain, ',' '.' or space grouped) in the -layout text"""
    t = raw.replace("\u00a0", " ")
    return sum(len(re.findall(r"(?<![\d.,])" + re.escape(f) + r"(?![\d]|[., ]\d)", t)) for f in num_forms(n))


INSPECT_JS = r"""var doc = new PDFDocument(scriptArgs[0]);
for (var i = 0; i < doc.countPages(); i++) {
  var p = doc.findPage(i);
  var c = p.get("Contents");
  var n = (c && c.isArray()) ? c.length : 1;
  var forms = [];
  var x = p.get("Resources").get("XObject");
  if (x && !x.isNull()) x.forEach(function (k, v) { if (v.get("Subtype") == "Form") forms.push(k); });
  print(i + 1, n, forms.join(","));
}
"""


def inspect(pdf):
    with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False) as f:
        f.write(INSPECT_JS)
        js = f.name
    try:
        out = subprocess.run(["mutool", "run", js, pdf], capture_output=True).stdout.decode()
    finally:
        os.unlink(js)
    res = []
    for ln in out.splitlines():
        parts = ln.split(" ")
        res.append((int(parts[1]), [p for p in (parts[2] if len(parts) > 2 else "").split(",") if p]))
    return res


def common_checks(t, sq, sqn, sq2, probs, label="", raw=None):
    if raw is not None:
        # every word of the name is a whole word of the text (not split by the extractor)
        toks = set(strip_accents(raw).upper().split())
        for part in t["name"].split():
            if strip_accents(part).upper() not in toks:
                probs.append(f"name word {part} not a whole word{label}")
    if t["number"] not in sq:
        probs.append(f"number missing{label}")
    if t["nit"] not in sq:
        probs.append(f"nit missing{label}")
    for part in t["name"].split():
        if strip_accents(part).upper() not in sqn:
            probs.append(f"name part {part} missing{label}")
    for r in t["ranges"]:
        for k in ("from", "to"):
            if not any(squash(f) in sq for f in num_forms(r[k])):
                probs.append(f"{k} {r[k]} missing{label}")
        if r["prefix"] and r["prefix"] not in sq:
            probs.append(f"prefix {r['prefix']} missing{label}")
        if not has_date(sq2, dt.date.fromisoformat(r["valid_from"])):
            probs.append(f"stamp / start date missing{label}")


def main():
    bad = 0
    files = sorted(glob.glob(os.path.join(OUT13, "*", "*.json")))
    fams = {}
    for jf in files:
        t = json.load(open(jf, encoding="utf-8"))
        fam, v, prod = t["_family"], t["_variant"], t["_producer"]
        fams[fam] = fams.get(fam, 0) + 1
        pdf = jf[:-5] + ".pdf"
        raw = text(pdf)
        sq = squash(raw)
        sqn = norm(raw)
        sq2 = sq + "\x00" + squash(text(pdf, "-raw"))
        probs = []
        if not re.fullmatch(r"1876\d{7,16}", t["number"]):
            probs.append("number format")
        if str(nit_dv(t["nit"])) != t["dv"]:
            probs.append("dv")
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
            if not re.fullmatch(r"[A-Z0-9]{0,4}", r["prefix"]):
                probs.append("prefix format")
        common_checks(t, sq, sqn, sq2, probs, raw=raw)
        sizes = pages_info(pdf)

        if fam == "duplicate-copies":
            arr = v["arrangement"]
            if sq.count(t["number"]) < 2:
                probs.append("form number printed fewer than twice")
            for r in t["ranges"]:
                if count_num(raw, r["to"]) < 2:
                    probs.append(f"to {r['to']} printed fewer than twice")
            if arr == "side":
                if len(sizes) != 1 or sizes[0][0] <= sizes[0][1]:
                    probs.append(f"side: not one landscape page {sizes}")
            elif len(sizes) < 4:
                probs.append(f"{arr}: fewer than 4 pages")
            if v["marks"]:
                for m in v["marks"]:
                    if norm(m) not in sqn:
                        probs.append(f"mark {m} missing")
            if arr == "reprint":
                if "REIMPRESI" not in strip_accents(raw).upper():
                    probs.append("no REIMPRESIÓN line")
                p2 = dt.datetime.fromisoformat(v["print2"])
                valid = {dt.date.fromisoformat(r["valid_from"]) for r in t["ranges"]} | \
                        {dt.date.fromisoformat(r["valid_to"]) for r in t["ranges"]}
                if p2.date() in valid:
                    probs.append("reprint date equals a validity date")
                if not has_date(sq, p2.date()):
                    probs.append("reprint date missing")
                if v["paper"] != v["paper2"] and len(set(sizes)) < 2:
                    probs.append("reprint: one page size only")
            if arr == "uncollated":
                for pg in (1, 2):
                    if t["number"] not in squash(text(pdf, first=pg, last=pg)):
                        probs.append(f"uncollated: number not on page {pg}")
                r0 = t["ranges"][0]["to"]
                for pg in (3, 4):
                    if count_num(text(pdf, first=pg, last=pg), r0) < 1:
                        probs.append(f"uncollated: first range not on page {pg}")

        if fam == "cover-letter-then-form":
            lt = v["letter"]
            p1 = text(pdf, first=1, last=1)
            p1d = squash(p1).replace(".", "")
            if lt["pnit"] not in p1d:
                probs.append("provider NIT not on page 1")
            if str(nit_dv(lt["pnit"])) != str(lt["pdv"]):
                probs.append("provider DV")
            if lt["pnit"] == t["nit"]:
                probs.append("provider NIT is the taxpayer's")
            if squash(lt["ref"]) not in squash(p1):
                probs.append("reference missing")
            if not has_date(squash(p1), dt.date.fromisoformat(lt["date"])):
                probs.append("letter date missing")
            assoc = dt.datetime.fromisoformat(lt["assoc"]).date()
            if [r for r in t["ranges"] if r["prefix"] and r["request"] != "disablement"] and \
                    fmt_day12(assoc, "slash") not in p1:
                probs.append("association date missing")
            start = None
            for pg in range(2, len(sizes) + 1):
                s = norm(text(pdf, first=pg, last=pg))
                if "NUMERACIONDEFACTURACION" in s and norm(labels(v["form"]["labels"])["applicant"]) in s:
                    start = pg
                    break
            if start is None:
                probs.append("form pages not found")
            else:
                fr = text(pdf, first=start)
                common_checks(t, squash(fr), norm(fr), squash(fr) + "\x00" + squash(text(pdf, "-raw", first=start)),
                              probs, " from the form pages", raw=fr)

        if fam == "typewriter-fill-on-template":
            info = inspect(pdf)
            merge = v["merge"]
            for i, (ncont, forms) in enumerate(info, 1):
                if merge == "ps-form" and not forms:
                    probs.append(f"page {i}: template is no Form XObject")
                if merge == "xobject" and not any(f.startswith("FillSign") for f in forms):
                    probs.append(f"page {i}: no FillSign Form XObject")
                if merge == "stream" and ncont < 3:
                    probs.append(f"page {i}: fill is no extra content stream")
            fonts = subprocess.run(["pdffonts", pdf], capture_output=True).stdout.decode()
            if not re.search(r"Courier|NimbusMono|DejaVuSansMono|NotoMono|Z003|Chancery|Type 3", fonts):
                probs.append("no fill font")
            L = labels(v["labels"])
            num, rest = split_num(L["number"])
            if norm(rest) not in sqn:
                probs.append("box 4 label missing")
            if norm(L["stamp"]) not in sqn:
                probs.append("stamp caption missing")
            if v["trows"] <= len(t["ranges"]):
                probs.append("no empty table row")
            if v["example"]:
                if "18760000001" not in sq:
                    probs.append("example note missing")
                if t["number"] == "18760000001":
                    probs.append("truth is the example")
            if len(sizes) != v["pages"]:
                probs.append(f"{len(sizes)} pages, variant says {v['pages']}")
        if probs:
            bad += 1
            print(os.path.basename(pdf), sorted(set(probs)))
    print(f"{len(files)} documents ({', '.join(f'{k}: {n}' for k, n in sorted(fams.items()))}), {bad} with problems")
    return 1 if bad or len(files) != 36 else 0


if __name__ == "__main__":
    sys.exit(main())
