"""Family request-split-tables: the ranges are printed in SEPARATE TABLES, one
per request type, each under its own heading ('A. Rangos solicitados para
AUTORIZACIÓN - Tipo de solicitud, Cód. 1', then 'B. ... HABILITACIÓN - Cód. 2',
'C. ... INHABILITACIÓN - Cód. 3'); the rows carry no request column (the heading
gives it). Besides the plain prefix / desde / hasta columns every table has a
joined column 'Rango autorizado' with the prefix glued to the numbers
('FE1 – FE5000' or 'FE1 a FE5000', no thousands separator). Empty request
types are either omitted or shown with 'Sin rangos para este tipo de
solicitud.'. Page 1: year and form number in a two-cell header table, then
the applicant as a ruled label | value table. Producers: groff (tbl), Chromium."""
from common4 import *

FAMILY = "request-split-tables"
ORDER = ["authorization", "enablement", "disablement"]
HEAD = {"authorization": "A", "enablement": "B", "disablement": "C"}


def doc_params(rng, idx):
    return {"nranges": [3, 2, 4, 5, 2, 6, 3, 4, 1, 5, 3, 6][idx % 12], "natural_prob": 0.4}


def assign_requests(d, rng):
    n = len(d.ranges)
    if n == 1:
        return
    others = rng.sample(range(n), k=rng.randint(1, max(1, n // 2)))
    for i in others:
        r = d.ranges[i]
        r.request = rng.choice(["enablement", "enablement", "disablement"])
        if r.request == "enablement" and r.frm == 1:
            r.frm = 1 + (r.to - r.frm) // rng.choice([3, 4, 5])
    d.ranges.sort(key=lambda r: ORDER.index(r.request))  # stable: printed order


def render(d, rng, idx, stem, bstem):
    producer = "groff" if idx % 2 == 0 else "chromium"
    assign_requests(d, rng)
    lstyle = rng.choice(["std", "std", "abbrev", "upper", "noacc", "nodot"])
    L = labels(lstyle)
    v = {"labels": lstyle, "modality_case": rng.choice(["upper", "upper", "title", "noacc"]),
         "joined": rng.choice(["dash", "a"]), "show_empty": rng.random() < 0.5,
         "sep": rng.choice([",", ".", ",", ""]), "stamp": rng.choice(["slash-ampm", "space-24h", "two-lines"]),
         "range_pos": rng.choice(["after-to", "last"])}
    legal = legal_paragraphs(rng, d)
    if producer == "chromium":
        v["font"] = rng.choice(["DejaVu Sans", "Nimbus Sans", "Nimbus Roman", "P052"])
        v["font_pt"] = rng.choice([8.5, 9, 10])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v, legal))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["font"] = rng.choice(["T", "H", "N"])
        v["font_pt"] = rng.choice([9, 10])
        with open(bstem + ".tr", "w", encoding="utf-8") as f:
            f.write(groff_src(d, L, v, legal))
        groff_pdf(bstem + ".tr", stem + ".pdf", extra=["-P-pletter"])
    return producer, v


def joined(r, v):
    mid = " – " if v["joined"] == "dash" else " a "
    return f"{r.prefix}{r.frm}{mid}{r.prefix}{r.to}"


def columns(L, v):
    cols = [("mod", L["mod"], "l"), ("modcode", L["modcode"], "c"), ("prefix", L["prefix"], "l"),
            ("from", L["from"], "r"), ("to", L["to"], "r")]
    rng_col = ("range", "Rango autorizado (prefijo + número)", "c")
    if v["range_pos"] == "after-to":
        cols.append(rng_col)
    cols.append(("months", L["months"], "c"))
    if v["range_pos"] == "last":
        cols.append(rng_col)
    return cols


def cell(key, r, v):
    ms = v["modality_case"]
    return {"mod": kind_name(r.kind, ms), "modcode": str(kind_code(r.kind)), "prefix": r.prefix,
            "from": fmt_sep(r.frm, v["sep"]), "to": fmt_sep(r.to, v["sep"]), "range": joined(r, v),
            "months": str(r.months)}[key]


def sections(d, v):
    out = []
    letter = iter("ABC")
    for req in ORDER:
        rows = [r for r in d.ranges if r.request == req]
        if rows or v["show_empty"]:
            out.append((next(letter), req, rows))
    return out


def sec_title(letter, req, L, v):
    ms = v["modality_case"]
    return f"{letter}. Rangos solicitados para {req_name(req, ms)} - {L['req']}, {L['reqcode']} {req_code(req)}"


# ------------------------------------------------------------------ Chromium
def html(d, L, v, legal):
    e = html_escape
    fs = v["font_pt"]
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}
    cols = columns(L, v)
    kv = "".join(f"<tr><th>{e(it[k][0])}</th><td>{e(it[k][1]) or '&nbsp;'}</td></tr>"
                 for k in ["nit", "dv", "ap1", "ap2", "n1", "n2", "rs", "secc"])
    secs = []
    for letter, req, rows in sections(d, v):
        h = f"<h3>{e(sec_title(letter, req, L, v))}</h3>"
        if not rows:
            secs.append(h + "<p class='none'>Sin rangos para este tipo de solicitud.</p>")
            continue
        ths = "".join(f"<th>{e(lab)}</th>" for _, lab, _ in cols)
        trs = "".join("<tr>" + "".join(f"<td class='{a}'>{e(cell(k, r, v)) or '&nbsp;'}</td>" for k, _, a in cols)
                      + "</tr>" for r in rows)
        secs.append(h + f"<table class='rng'><tr>{ths}</tr>{trs}</table>")
    sl = "<br>".join(e(x) for x in stamp_lines(d, v["stamp"]))
    leg = "".join(f"<p>{e(p)}</p>" for p in legal)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size:8.5in 11in; margin:0.7in 0.75in; }}
body {{ margin:0; font-family:'{v['font']}'; font-size:{fs}pt; }}
h1 {{ font-size:{fs + 5}pt; margin:0; }} h2 {{ font-size:{fs + 2}pt; margin:14pt 0 6pt 0; border-bottom:1.2pt solid #000; }}
h3 {{ font-size:{fs + 0.5}pt; margin:14pt 0 4pt 0; }}
.sub {{ margin-bottom:10pt; }}
table {{ border-collapse:collapse; width:100%; }}
.hd th, .hd td {{ border:1pt solid #000; padding:3pt 6pt; text-align:left; }}
.hd th {{ font-weight:normal; font-size:{fs - 1}pt; background:#eee; }} .hd td {{ font-weight:bold; font-size:{fs + 2}pt; }}
.kv th {{ text-align:left; font-weight:normal; width:48%; border:0.6pt solid #444; padding:3pt 6pt; }}
.kv td {{ border:0.6pt solid #444; padding:3pt 6pt; font-weight:bold; }}
.rng th {{ border:0.8pt solid #000; background:#e4e4e4; font-size:{fs - 1}pt; padding:3pt; }}
.rng td {{ border:0.8pt solid #000; padding:3pt 5pt; }}
td.r {{ text-align:right; white-space:nowrap; }} td.c {{ text-align:center; }}
.none {{ font-style:italic; margin:2pt 0 0 12pt; }}
.legal {{ font-size:{fs - 1.5}pt; margin-top:14pt; }}
.stamp {{ margin:28pt 0 0 auto; width:210pt; border:2pt solid #000; border-radius:10pt; padding:8pt; text-align:center; break-inside:avoid; }}
.sig {{ width:200pt; border-top:0.6pt solid #000; margin-top:20pt; }}
.pb {{ break-before:page; }}
</style></head><body>
<h1>DIAN &nbsp; {e(L['title'])}</h1>
<div class="sub">{e(L['subtitle'])} &nbsp;·&nbsp; Formato 1876</div>
<table class="hd"><tr><th style="width:25%">{e(L['year'])}</th><th>{e(L['number'])}</th></tr>
<tr><td>{e(d.year)}</td><td>{e(d.number)}</td></tr></table>
<h2>{e(L['applicant'])}</h2>
<table class="kv">{kv}</table>
<div class="legal">{leg}</div>
<div class="pb"></div>
<h2>{e(L['detail'])}</h2>
{''.join(secs)}
<div class="stamp"><b>DIAN</b><br>{e(L['stamp'])}<br><b>{sl}</b><br>{e(L['signed'])}</div>
<div class="sig">{e(L['sign'])}</div>
</body></html>"""


# ------------------------------------------------------------------ groff
def groff_src(d, L, v, legal):
    t = groff_esc
    ps = v["font_pt"]
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}
    cols = columns(L, v)
    W = {"mod": 1.4, "modcode": 0.35, "prefix": 0.5, "from": 0.85, "to": 0.85, "range": 1.35, "months": 0.65}
    out = [".nh", ".na", ".pl 11i", ".ll 7i", ".po 0.75i", f".ps {ps}", f".vs {ps + 3}", f".fam {v['font']}",
           ".sp |0.7i", f".ps {ps + 5}", f"\\fBDIAN   {t(L['title'])}\\fP", f".ps {ps}", ".br",
           f"{t(L['subtitle'])}  \\(bu  Formato 1876", ".sp",
           ".TS", "allbox tab(@);", "lw(1.6i) lw(5.1i)", "lB lB.", f"\\s-1{t(L['year'])}\\s+1@\\s-1{t(L['number'])}\\s+1",
           f"\\s+2{d.year}\\s-2@\\s+2{d.number}\\s-2", ".TE", ".sp",
           f".ps {ps + 2}", f"\\fB{t(L['applicant'])}\\fP", f".ps {ps}", "\\l'7i\\(ru'", ".sp 0.5",
           ".TS", "allbox tab(@);", "lw(3.3i) lBw(3.4i)."]
    for k in ["nit", "dv", "ap1", "ap2", "n1", "n2", "rs", "secc"]:
        lab, val = it[k]
        out.append(f"{t(lab)}@{t(val) or chr(92) + '&'}")
    out += [".TE", ".sp 2", f".ps {ps - 1.5}", f".vs {ps + 1}"]
    for p in legal:
        out += [t(p), ".sp 0.5"]
    out += [f".ps {ps}", f".vs {ps + 3}", ".bp", ".sp |0.7i",
            f".ps {ps + 2}", f"\\fB{t(L['detail'])}\\fP", f".ps {ps}", "\\l'7i\\(ru'"]
    for letter, req, rows in sections(d, v):
        out += [".sp 1", f"\\fB{t(sec_title(letter, req, L, v))}\\fP", ".sp 0.4"]
        if not rows:
            out += [".in 0.2i", f"\\fI{t('Sin rangos para este tipo de solicitud.')}\\fP", ".in 0"]
            continue
        fmt_h = " ".join(f"cBw({W[k]}i)" for k, _, _ in cols)
        fmt_b = " ".join(a for _, _, a in cols) + "."
        out += [".TS", "allbox tab(@);", fmt_h, fmt_b]
        out.append("@".join("T{\n\\s-1" + t(lab) + "\\s+1\nT}" for _, lab, _ in cols))
        for r in rows:
            cells = []
            for k, _, _ in cols:
                x = t(cell(k, r, v))
                cells.append(("T{\n" + x + "\nT}") if k in ("mod", "range") else (x or "\\&"))
            out.append("@".join(cells))
        out.append(".TE")
    out += [".sp 2", ".in 4.6i", ".TS", "box tab(@);", "cw(2.1i)."]
    out += ["\\fBDIAN\\fP", t(L["stamp"])] + [f"\\fB{t(x)}\\fP" for x in stamp_lines(d, v["stamp"])] + [t(L["signed"])]
    out += [".TE", ".in 0", ".sp 2", "\\l'2.6i'", ".br", t(L["sign"])]
    return "\n".join(out) + "\n"
