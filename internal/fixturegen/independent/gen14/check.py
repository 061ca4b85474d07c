#!/usr/bin/env python3
"""Self-check of out14/ (not of the parser), on `pdftotext -layout`.

Values must be in the -layout text; a value wrapped inside a table cell may
instead be found in the -raw text (content-stream order). Poppler's pdftotext
draws the appearance streams of widget annotations (and skips hidden ones), so
the widget family is checked on the same text.
Every document: form number format; DV check digit; 1-6 ranges, at most one
without a prefix, no prefix repeated; months in {6, 12, 18, 24} and
valid_to = valid_from + months; from <= to; form number, NIT, name parts
(accents ignored), prefixes, from / to (plain, ',' '.' or space grouped)
findable in the text once all whitespace is removed; the acknowledgement date
(= valid_from) printed in one of the formats the generator uses.
reordered-table-columns: every column header and group caption printed; on
the -layout line of every range, the cells holding from, to and months stand
in the order of the document's column order (rows where two of those values
print the same are skipped); the quantity column's values when it is there.
combined-range-cells: every cell of every row (range cell with both bounds,
validity cell, modality / request cells with their codes) is printed as one
piece (whitespace, accents, case and en / hyphen dashes ignored); the end date
is printed when the validity cell holds dates, 'N meses' when it holds months.
widget-field-values: the AcroForm, read with `mutool run`, has one /Widget
per field that is not flattened (and per empty slot when the document keeps
them), with the expected /V; flattened fields have no widget; comb fields carry
the comb flag and a /MaxLen not shorter than the value; the hidden draft
number is a hidden widget and is NOT in the pdftotext text; with the
annotations removed (a copy made by `mutool run`), the form number and the
NIT are in the page text exactly when they were flattened.
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
from common14 import OUT14, nit_dv, add_months, strip_accents, date_forms, FF_COMB, F_HIDDEN  # noqa: E402

DUMP_JS = r"""
var doc = new PDFDocument(scriptArgs[0]);
var out = [];
function num(o) { return (o === undefined || o === null || o.isNull()) ? 0 : o.asNumber(); }
for (var p = 0; p < doc.countPages(); p++) {
  var page = doc.findPage(p);
  var annots = page.get("Annots");
  if (!annots) continue;
  for (var i = 0; i < annots.length; i++) {
    var a = annots.get(i);
    if (a.get("Subtype").asName() != "Widget") continue;
    var name = a.get("T").asString();
    var par = a.get("Parent");
    while (par && !par.isNull()) { name = par.get("T").asString() + "." + name; par = par.get("Parent"); }
    out.push({page: p, name: name, v: a.get("V").asString(), f: num(a.get("F")), ff: num(a.get("Ff")),
              maxlen: num(a.get("MaxLen")), q: num(a.get("Q"))});
  }
}
print(JSON.stringify(out));
"""

STRIP_JS = r"""
var doc = new PDFDocument(scriptArgs[0]);
for (var p = 0; p < doc.countPages(); p++) doc.findPage(p).delete("Annots");
doc.getTrailer().get("Root").delete("AcroForm");
doc.save(scriptArgs[1]);
"""


def squash(s):
    return re.sub(r"[\s\u00a0\u2009\u202f\u2003\u00ad]+", "", s)


def norm(s):
    return strip_accents(squash(s)).upper().replace("\u2013", "-")


def text(pdf, mode="-layout"):
    return subprocess.run(["pdftotext", mode, pdf, "-"], capture_output=True).stdout.decode()


def has_date(sq, day):
    return any(squash(f) in sq or strip_accents(squash(f)) in strip_accents(sq) for f in date_forms(day))


def mutool_js(src, *args):
    with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False) as f:
        f.write(src)
        path = f.name
    try:
        r = subprocess.run(["mutool", "run", path, *args], capture_output=True)
        return r.stdout.decode()
    finally:
        os.unlink(path)


def num_forms(n):
    return {str(n), f"{n:,}", f"{n:,}".replace(",", ".")}


def check_reordered(t, v, raw, sqn2, probs):
    for h in v["heads"]:
        if norm(h) not in sqn2:
            probs.append(f"header {h!r} missing")
    for cap, _, _ in v["groups"]:
        if norm(cap) not in sqn2:
            probs.append(f"group caption {cap!r} missing")
    keys = v["keys"]
    sep = v["sep"]
    lines = raw.splitlines()

    def fmt(n):
        return f"{n:,}".replace(",", sep) if sep else str(n)

    def spots(ln, s, date_like=False):
        """offsets of s as a whole number in the line"""
        if sep == " ":
            pat = r"(?<!\d)(?<!\d[ \u00a0])" + re.escape(s).replace("\\ ", "[ \u00a0]") + r"(?![ \u00a0]?\d)"
        else:
            pat = r"(?<![\d.,])" + re.escape(s) + r"(?![\d]|[.,]\d)"
        if date_like:
            pat = r"(?<![\d./-])" + re.escape(s) + r"(?![\d./-]| (?:ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic|de))"
        return [m.start() for m in re.finditer(pat, ln)]
    want_m_before = keys.index("months") < keys.index("from")
    for r in t["ranges"]:
        fs, ts, ms = fmt(r["from"]), fmt(r["to"]), str(r["months"])
        if len({fs, ts, ms}) < 3:
            continue
        ok = False
        for ln in lines:
            pf, pt, pm = spots(ln, fs), spots(ln, ts), spots(ln, ms, True)
            if not (pf and pt and pm):
                continue
            left = [f for f in pf if f < pt[-1]]  # from is the column just left of to
            if left and any((m < max(left)) == want_m_before for m in pm if m != max(left)):
                ok = True
                break
        if not ok:
            probs.append(f"row {r['from']}-{r['to']}: from / to / months not found in column order")
        if v["qty"]:
            q = r["to"] - r["from"] + 1
            if not any(squash(f) in squash(raw) for f in num_forms(q)):
                probs.append(f"quantity {q} missing")


def check_combined(t, v, sqn2, sq2, probs):
    for h in v["heads"]:
        if norm(h) not in sqn2:
            probs.append(f"header {h!r} missing")
    for row in v["cells"]:
        for cell in row:
            if cell and norm(cell) not in sqn2:
                probs.append(f"cell {cell!r} not printed as one piece")
    for r in t["ranges"]:
        vt = dt.date.fromisoformat(r["valid_to"])
        if v["vig"] != "months" and not has_date(sq2, vt):
            probs.append(f"end date {vt} missing")
        if v["vig"] != "dates" and norm(f"{r['months']} meses") not in sqn2:
            probs.append(f"'{r['months']} meses' missing")
    if v["range"] == "pref":
        for r in t["ranges"]:
            if r["prefix"] and norm(f"{r['prefix']}{r['from']}") not in sqn2:
                probs.append(f"glued prefix {r['prefix']}{r['from']} missing")


def check_widgets(t, v, pdf, sq, probs):
    dump = json.loads(mutool_js(DUMP_JS, pdf) or "[]")
    by_name = {}
    for w in dump:
        by_name.setdefault(w["name"], []).append(w)
    for f in v["fields"]:
        got = by_name.get(f["name"], [])
        if f["key"] == "trap":
            if len(got) != 1 or not got[0]["f"] & F_HIDDEN or got[0]["v"] != f["value"]:
                probs.append("hidden draft-number widget missing or not hidden")
            if f["value"] in sq:
                probs.append("hidden draft number visible in the text")
            continue
        if f["flat"]:
            if any(w["v"] == f["value"] for w in got):
                probs.append(f"flattened field {f['name']} still has a widget")
            if f["value"] and squash(f["value"]) not in sq and norm(f["value"]) not in norm(sq):
                probs.append(f"flattened value {f['value']!r} not in the text")
            continue
        if f["key"].startswith("slot") and v["empty_slots"] == "none":
            continue
        match = [w for w in got if w["v"] == f["value"]]
        if not match:
            probs.append(f"widget {f['name']} with V={f['value']!r} missing")
            continue
        w = match[0]
        if f["comb"] and (not w["ff"] & FF_COMB or w["maxlen"] < len(f["value"])):
            probs.append(f"comb field {f['name']} lacks comb flag / MaxLen")
        if w["q"] != f["q"]:
            probs.append(f"widget {f['name']} Q={w['q']} expected {f['q']}")
        if f["value"] and norm(f["value"]) not in norm(sq):
            probs.append(f"widget value {f['value']!r} not in the pdftotext text")
    if not any(w["q"] in (1, 2) for w in dump):
        probs.append("no right-aligned or centred widget")
    with tempfile.TemporaryDirectory() as td:
        bare = os.path.join(td, "bare.pdf")
        mutool_js(STRIP_JS, pdf, bare)
        bsq = squash(text(bare))
    flat = {f["key"]: f["flat"] for f in v["fields"]}
    for key, val in (("number", t["number"]), ("nit", t["nit"])):
        if (val in bsq) != flat[key]:
            probs.append(f"{key} {'missing from' if flat[key] else 'present in'} the page content "
                         f"(flattened: {flat[key]})")


def off_page(pdf):
    """words whose box leaves the page (a table wider than the page)"""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True).stdout.decode()
    bad = []
    w = None
    for ln in out.splitlines():
        m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', ln)
        if m:
            w, h = float(m.group(1)), float(m.group(2))
            continue
        m = re.search(r'xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*)</word>', ln)
        if m and w:
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            if x0 < 0 or y0 < 0 or x1 > w + 0.5 or y1 > h + 0.5:
                bad.append(m.group(5))
    return bad


def main():
    bad = 0
    files = sorted(glob.glob(os.path.join(OUT14, "*", "*.json")))
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
        off = off_page(pdf)
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
        if fam == "reordered-table-columns":
            check_reordered(t, v, raw, sqn2, probs)
        elif fam == "combined-range-cells":
            check_combined(t, v, sqn2, sq2, probs)
        elif fam == "widget-field-values":
            check_widgets(t, v, pdf, sq, probs)
        else:
            probs.append("unknown family")
        if probs:
            bad += 1
            print(os.path.basename(pdf), sorted(set(probs)))
    print(f"{len(files)} documents ({', '.join(f'{k}: {n}' for k, n in sorted(fams.items()))}), {bad} with problems")
    return 1 if bad or len(files) != 36 else 0


if __name__ == "__main__":
    sys.exit(main())
