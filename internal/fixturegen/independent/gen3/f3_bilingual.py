"""Family bilingual-label-pairs: a provider's bilingual printable copy. Every
label is a Spanish/English pair: on one line ("31. Prefijo / Prefix"), in
parentheses ("31. Prefijo (Prefix)") or stacked (Spanish, English in small
italics on the line below). Page 1: applicant boxes as a ruled 4-column
label|value|label|value grid (groff tbl) or cells with the pair above the
value (Chromium). Page 2: ranges table with bilingual two-language headers;
optionally modality and request values followed by a small English gloss
under them; the reception stamp (rectangle or circle) with a bilingual
caption and the date horizontal. Thousands separators ',', '.', none or a
thin space (groff \\| ; Chromium U+2009/U+202F). Producers: groff (tbl), Chromium."""
from common3 import *

FAMILY = "bilingual-label-pairs"

EN = {"year": "Year", "number": "Form number", "nit": "Tax ID number", "dv": "Check digit",
      "ap1": "First surname", "ap2": "Second surname", "n1": "First name", "n2": "Middle names",
      "rs": "Company name", "secc": "Tax office code", "applicant": "Applicant", "detail": "Request details",
      "mod": "Type of document", "modcode": "Code", "prefix": "Prefix", "from": "From no.", "to": "To no.",
      "months": "Validity (months)", "req": "Request type", "reqcode": "Code",
      "stamp": "Date of receipt", "signed": "Signed", "reserved": "For DIAN use only",
      "sign": "Applicant's signature", "title": "Invoice numbering authorization",
      "vfrom": "Start date", "vto": "End date"}


def doc_params(rng, idx):
    return {"nranges": 1 + (idx * 5 + 3) % 6, "natural_prob": 0.45}


def render(d, rng, idx, stem, bstem):
    producer = "groff" if idx % 2 == 0 else "chromium"
    lstyle = rng.choice(["std", "std", "abbrev", "nodot"])
    L = labels(lstyle)
    v = {"labels": lstyle, "pair": rng.choice(["slash", "paren", "stacked"]),
         "gloss_values": rng.random() < 0.4, "modality_case": rng.choice(["upper", "title"]),
         "stamp": rng.choice(["slash-ampm", "space-24h", "two-lines", "date-only"]),
         "stamp_shape": rng.choice(["rect", "circle"]), "mixed_case": rng.random() < 0.3}
    if v["mixed_case"]:
        apply_mixed_case(d)
    legal = legal_paragraphs(rng, d)
    if producer == "groff":
        v["sep"] = rng.choice([",", ".", "", "thin"])
        v["font"] = rng.choice(["T", "H", "P", "N"])
        v["font_pt"] = rng.choice([9, 10, 11])
        with open(bstem + ".tr", "w", encoding="utf-8") as f:
            f.write(groff_src(d, L, v, legal))
        groff_pdf(bstem + ".tr", stem + ".pdf", extra=["-P-pletter"])
    else:
        v["sep"] = rng.choice([",", ".", "", "thin", "nnbsp"])
        v["font"] = rng.choice(["DejaVu Sans", "Nimbus Sans", "Nimbus Roman", "P052", "URW Bookman"])
        v["font_pt"] = rng.choice([8, 9, 10])
        v["paper"] = rng.choice(["Letter", "A4"])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v, legal))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    return producer, v


def pair(L, key, v):
    """(spanish, english) as to be printed"""
    return L[key], EN[key]


def items(d):
    return [("year", d.year), ("number", d.number), ("nit", d.nit), ("dv", str(d.dv)),
            ("ap1", d.ap1), ("ap2", d.ap2), ("n1", d.n1), ("n2", d.n2), ("rs", d.rs), ("secc", d.secc)]


def cols(L):
    return ["mod", "modcode", "prefix", "from", "to", "months", "req", "reqcode"]


def cellvals(r, v, sepc):
    ms = v["modality_case"]
    kg = KIND_EN[r.kind] if v["gloss_values"] else ""
    rg = REQ_EN[r.request] if v["gloss_values"] else ""
    return [(kind_name(r.kind, ms), kg), (str(kind_code(r.kind)), ""), (r.prefix, ""),
            (fmt_sep(r.frm, sepc), ""), (fmt_sep(r.to, sepc), ""), (str(r.months), ""),
            (req_name(r.request, ms), rg), (str(req_code(r.request)), "")]


# ------------------------------------------------------------------ groff
def groff_src(d, L, v, legal):
    t = groff_esc
    ps = v["font_pt"]
    sepc = "\\|" if v["sep"] == "thin" else v["sep"]

    def lab(key, small=True):
        es, en = pair(L, key, v)
        if v["pair"] == "slash":
            return f"{t(es)} / \\fI{t(en)}\\fP"
        if v["pair"] == "paren":
            return f"{t(es)} (\\fI{t(en)}\\fP)"
        return f"{t(es)}\n.br\n\\s-2\\fI{t(en)}\\fP\\s+2"

    out = [".nh", ".na", ".pl 11i", ".ll 7i", ".po 0.75i", f".ps {ps}", f".vs {ps + 3}", f".fam {v['font']}",
           ".sp 0.4i", ".tl '\\s-2Formato 1876\\s+2''\\s-2Copia bilingüe / Bilingual copy\\s+2'", ".sp 0.3i",
           f".ps {ps + 5}", f"\\fB{t(L['title'])}\\fP", ".br", f".ps {ps + 1}", f"\\fI{t(EN['title'])}\\fP", f".ps {ps}",
           ".sp 1", f"\\fB{t(L['applicant'])} / {t(EN['applicant'])}\\fP", ".sp 0.5"]
    it = items(d)
    out += [".TS", "allbox tab(@);", "lw(1.65i) lw(1.75i) lw(1.65i) lw(1.75i)."]
    for i in range(0, len(it), 2):
        row = []
        for key, val in it[i:i + 2]:
            row += ["T{\n" + lab(key) + "\nT}", "T{\n\\fB" + (t(val) or "\\&") + "\\fP\nT}"]
        out.append("@".join(row))
    out += [".TE", ".sp 1", ".TS", "box tab(@);", "l.", f"\\s-1{t(L['reserved'])} / \\fI{t(EN['reserved'])}\\fP\\s+1",
            "\\&", "\\&", ".TE", ".sp 1"]
    for p in legal:
        out += [f".ps {ps - 2}", t(p), ".br", ".sp 0.4"]
    out += [f".ps {ps}", ".sp |10.3i", ".tl '''\\s-2Hoja 1 / Page 1\\s+2'", ".bp", ".sp 0.4i",
            ".tl '\\s-2Formato 1876\\s+2''\\s-2Copia bilingüe / Bilingual copy\\s+2'", ".sp 0.3i",
            f".ps {ps + 3}", f"\\fB{t(L['detail'])} / {t(EN['detail'])}\\fP", f".ps {ps}", ".sp 1",
            f".ps {ps - 1}", f".vs {ps + 2}"]
    aligns = ["l", "c", "l", "r", "r", "c", "l", "c"]
    widths = [1.55, 0.4, 0.55, 0.85, 0.85, 0.65, 0.95, 0.4]
    out += [".TS", "allbox tab(@);", " ".join(f"cw({w}i)" for w in widths),
            " ".join(f"{a}w({w}i)" for a, w in zip(aligns, widths)) + "."]
    hdr = []
    for key in cols(L):
        es, en = pair(L, key, v)
        if v["pair"] == "stacked":
            hdr.append("T{\n" + f"\\fB{t(es)}\\fP\n.br\n\\s-1\\fI{t(en)}\\fP\\s+1" + "\nT}")
        elif v["pair"] == "paren":
            hdr.append("T{\n" + f"\\fB{t(es)}\\fP (\\fI{t(en)}\\fP)" + "\nT}")
        else:
            hdr.append("T{\n" + f"\\fB{t(es)}\\fP / \\fI{t(en)}\\fP" + "\nT}")
    out.append("@".join(hdr))
    for r in d.ranges:
        row = []
        for j, (val, gl) in enumerate(cellvals(r, v, "\x00")):
            val = t(val).replace("\x00", sepc)
            if j in (0, 6) and not gl:
                row.append("T{\n" + val + "\nT}")
            elif gl:
                row.append("T{\n" + val + "\n.br\n\\s-2\\fI" + t(gl) + "\\fP\\s+2\nT}")
            else:
                row.append(val or "\\&")
        out.append("@".join(row))
    out += [".TE", f".ps {ps}", f".vs {ps + 3}", ".sp 2"]
    sl = stamp_lines(d, v["stamp"])
    box = ["\\fBDIAN\\fP", f"\\s-1{t(L['stamp'])}\\s+1", f"\\s-2\\fI{t(EN['stamp'])}\\fP\\s+2"] + \
          [f"\\fB{t(x)}\\fP" for x in sl] + [f"\\s-1{t(L['signed'])} / \\fI{t(EN['signed'])}\\fP\\s+1"]
    if v["stamp_shape"] == "rect":
        out += [".in 4.3i", ".TS", "box tab(@);", "cw(2.2i)."] + box + [".TE", ".in 0"]
    else:
        # a drawn circle (groff \D'c': left edge at the current point, centre on the baseline),
        # then the lines centred inside it
        n = len(box)
        out += [".in 0", ".sp 1.25i", "\\h'4.3i'\\D'c 2.5i'", f".sp -{(n + 1) / 2:.2f}v", ".in 4.3i", ".ll 6.8i",
                ".ce 100"] + box + [".ce 0", ".ll 7i", ".in 0", f".sp 1.3i-{(n - 1) / 2:.2f}v"]
    out += [".sp 2", "\\l'2.5i'", ".br", f"{t(L['sign'])} / \\fI{t(EN['sign'])}\\fP",
            ".sp |10.3i", ".tl '''\\s-2Hoja 2 / Page 2\\s+2'"]
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ Chromium
def html(d, L, v, legal):
    e = html_escape
    fs = v["font_pt"]
    sepc = {"thin": THIN, "nnbsp": NNBSP}.get(v["sep"], v["sep"])

    def lab(key):
        es, en = pair(L, key, v)
        if v["pair"] == "slash":
            return f"{e(es)} / <i>{e(en)}</i>"
        if v["pair"] == "paren":
            return f"{e(es)} (<i>{e(en)}</i>)"
        return f"{e(es)}<br><i class='en'>{e(en)}</i>"

    it = dict(items(d))

    def cell(k, w):
        return f"<td style='width:{w}%'><div class='lab'>{lab(k)}</div><div class='val'>{e(it[k]) or '&nbsp;'}</div></td>"

    trs = []
    for r in d.ranges:
        tds = []
        for (val, gl), a in zip(cellvals(r, v, sepc), ["l", "c", "l", "r", "r", "c", "l", "c"]):
            g = f"<br><i class='en'>{e(gl)}</i>" if gl else ""
            tds.append(f"<td class='{a}'>{e(val) or '&nbsp;'}{g}</td>")
        trs.append("<tr>" + "".join(tds) + "</tr>")
    ths = "".join(f"<th>{lab(k)}</th>" for k in cols(L))
    sl = "<br>".join(e(x) for x in stamp_lines(d, v["stamp"]))
    shape = ("border:2pt solid #000; padding:10pt 14pt; width:190pt;" if v["stamp_shape"] == "rect" else
             "border:2pt solid #000; border-radius:50%; width:170pt; height:170pt; display:flex; flex-direction:column; justify-content:center;")
    leg = "".join(f"<p>{e(p)}</p>" for p in legal)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size:{v['paper']}; margin:16mm 15mm 18mm 15mm;
  @top-left {{ content:"Formato 1876"; font-size:7pt; }} @top-right {{ content:"Copia bilingüe / Bilingual copy"; font-size:7pt; }}
  @bottom-right {{ content:"Hoja " counter(page) " / Page " counter(page); font-size:7pt; }} }}
body {{ font-family:'{v['font']}'; font-size:{fs}pt; }}
h1 {{ font-size:{fs + 5}pt; margin:0; }} .h1en {{ font-style:italic; font-size:{fs + 1}pt; margin-bottom:10pt; }}
h2 {{ font-size:{fs + 2}pt; margin:10pt 0 4pt 0; }}
table {{ border-collapse:collapse; width:100%; }}
td, th {{ border:1px solid #000; padding:3pt 4pt; vertical-align:top; }}
.lab {{ font-size:{fs - 1.5}pt; }} .val {{ font-weight:bold; font-size:{fs + 1}pt; margin-top:2pt; }}
.en {{ font-size:{fs - 2}pt; color:#333; }}
th {{ background:#f0f0f0; font-size:{fs - 1}pt; }}
td.r {{ text-align:right; white-space:nowrap; }} td.c {{ text-align:center; }}
.res {{ border:1px solid #000; height:40pt; padding:3pt; font-size:{fs - 1.5}pt; margin-top:8pt; }}
.legal {{ font-size:{fs - 2}pt; }}
.p2 {{ break-before:page; }}
.stamp {{ margin:28pt 20pt 0 auto; text-align:center; {shape} }}
.sig {{ margin-top:28pt; border-top:1px solid #000; width:200pt; font-size:{fs - 1}pt; }}
</style></head><body>
<h1>{e(L['title'])}</h1><div class="h1en">{e(EN['title'])}</div>
<h2>{e(L['applicant'])} / <i>{e(EN['applicant'])}</i></h2>
<table><tr>{cell('year', 25)}{cell('number', 75)}</tr></table>
<table><tr>{cell('nit', 45)}{cell('dv', 20)}{cell('secc', 35)}</tr></table>
<table><tr>{cell('ap1', 25)}{cell('ap2', 25)}{cell('n1', 25)}{cell('n2', 25)}</tr></table>
<table><tr>{cell('rs', 100)}</tr></table>
<div class="res">{e(L['reserved'])} / <i>{e(EN['reserved'])}</i></div>
<div class="legal">{leg}</div>
<div class="p2"><h2>{e(L['detail'])} / <i>{e(EN['detail'])}</i></h2>
<table><tr>{ths}</tr>{''.join(trs)}</table>
<div class="stamp"><b>DIAN</b><br>{e(L['stamp'])}<br><i class="en">{e(EN['stamp'])}</i><br><b>{sl}</b><br>{e(L['signed'])} / <i>{e(EN['signed'])}</i></div>
<div class="sig">{e(L['sign'])} / <i>{e(EN['sign'])}</i></div></div>
</body></html>"""
