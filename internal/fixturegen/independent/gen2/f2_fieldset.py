"""Family fieldset-two-line-records: page 1 groups the boxes in FIELDSETS
whose legend sits in the top border (Chromium: nested <fieldset>/<legend>,
each box a small fieldset with its label as legend; groff: boxed tbl groups
with a spanned title row and label+value stacked INSIDE one cell). Page 2:
the ranges table uses TWO LINES PER RANGE (line 1: item number spanning
both lines, modality with code, request type with code; line 2: prefix,
from, to, box 34 'Cantidad' = to-from+1 as a distractor number, months,
start and end date) under a matching two-line header; stamp as an oval seal
with the date horizontal. Producers: Chromium, groff (tbl)."""
from common2 import *

FAMILY = "fieldset-two-line-records"


def doc_params(rng, idx):
    return {"nranges": 1 + (idx * 5 + 2) % 6, "natural_prob": 0.5}


def rec(r, v):
    sep, ms = v["sep"], v["modality_case"]
    l1 = [f"{kind_name(r.kind, ms)} ({kind_code(r.kind)})", f"{req_name(r.request, ms)} ({req_code(r.request)})"]
    l2 = [r.prefix, fmt_int(r.frm, sep), fmt_int(r.to, sep), fmt_int(r.to - r.frm + 1, sep), str(r.months),
          r.valid_from.isoformat(), r.valid_to.isoformat()]
    return l1, l2


def heads(L):
    h1 = [L["mod"] + " (cód.)", L["req"] + " (cód.)"]
    h2 = [L["prefix"], L["from"], L["to"], "34. Cantidad", L["months"], L["vfrom"], L["vto"]]
    return h1, h2


def render(d, rng, idx, stem, bstem):
    producer = "chromium" if idx % 2 == 0 else "groff"
    lstyle = rng.choice(["std", "abbrev", "upper", "noacc", "dvlong"])
    L = labels(lstyle)
    v = {"labels": lstyle, "sep": rng.choice([",", ".", "", "."]),
         "modality_case": rng.choice(["upper", "title", "noacc"]), "stamp": rng.choice(STAMP_STYLES)}
    legal = legal_paragraphs(rng, d)
    if producer == "chromium":
        v["font"] = rng.choice(["DejaVu Sans", "Nimbus Sans", "DejaVu Serif", "URW Bookman", "Nimbus Sans Narrow"])
        v["font_pt"] = rng.choice([9, 10, 11])
        v["size"] = rng.choice(["Letter", "A4", "Legal"])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v, legal))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["font"] = rng.choice(["T", "H", "B", "N"])
        v["font_pt"] = rng.choice([9, 10])
        with open(bstem + ".tr", "w", encoding="utf-8") as f:
            f.write(groff_src(d, L, v, legal))
        groff_pdf(bstem + ".tr", stem + ".pdf", extra=["-P-pletter"])
    return producer, v


def groups(d, L):
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}
    return [("Formulario", [it["year"], it["number"]]),
            ("Identificación", [it["nit"], it["dv"], it["secc"]]),
            ("Persona natural", [it["ap1"], it["ap2"], it["n1"], it["n2"]]),
            ("Persona jurídica", [it["rs"]])]


def html(d, L, v, legal):
    e = html_escape
    fs = v["font_pt"]
    fsets = []
    for title, items in groups(d, L):
        inner = "".join(f"<fieldset class='b'><legend>{e(lab)}</legend><div>{e(val) or '&nbsp;'}</div></fieldset>"
                        for lab, val in items)
        fsets.append(f"<fieldset class='g'><legend>{e(title)}</legend><div class='row'>{inner}</div></fieldset>")
    h1, h2 = heads(L)
    thead = (f"<tr><th rowspan='2'>N.º</th><th colspan='4'>{e(h1[0])}</th><th colspan='3'>{e(h1[1])}</th></tr>"
             "<tr>" + "".join(f"<th>{e(h)}</th>" for h in h2) + "</tr>")
    rows = []
    for i, r in enumerate(d.ranges, 1):
        l1, l2 = rec(r, v)
        rows.append(f"<tbody><tr class='a'><td rowspan='2' class='i'>{i}</td><td colspan='4'>{e(l1[0])}</td>"
                    f"<td colspan='3'>{e(l1[1])}</td></tr><tr class='b'>"
                    + "".join(f"<td class='{c}'>{e(x)}</td>" for c, x in zip("tnnnncc", l2)) + "</tr></tbody>")
    sl = "<br>".join(e(x) for x in stamp_lines(d, v["stamp"]))
    leg = "".join(f"<p>{e(p)}</p>" for p in legal)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size:{v['size']}; margin:15mm; @bottom-right {{ content:"Hoja " counter(page); font-size:8pt; }} }}
body {{ font-family:'{v['font']}'; font-size:{fs}pt; }}
h1 {{ font-size:{fs + 5}pt; margin:0; }} .sub {{ margin-bottom:8pt; }}
fieldset.g {{ border:1.5px solid #000; margin:0 0 8pt 0; padding:2pt 6pt 6pt 6pt; }}
fieldset.g > legend {{ font-weight:bold; padding:0 4pt; font-size:{fs + 1}pt; }}
.row {{ display:flex; gap:6pt; flex-wrap:wrap; }}
fieldset.b {{ border:1px solid #777; border-radius:4pt; flex:1 1 auto; min-width:60pt; margin:0; padding:0 6pt 3pt 6pt; }}
fieldset.b > legend {{ font-size:{fs - 2}pt; color:#333; padding:0 2pt; }}
fieldset.b div {{ font-weight:bold; font-size:{fs + 1}pt; }}
.p2 {{ page-break-before:always; }}
table {{ border-collapse:collapse; width:100%; font-size:{fs - 1}pt; }}
th {{ border:1px solid #000; background:#eee; padding:3pt; font-size:{fs - 2}pt; }}
td {{ border-left:1px solid #000; border-right:1px solid #000; padding:2pt 4pt; }}
tr.a td {{ border-top:1.5px solid #000; font-weight:bold; }} tr.b td {{ border-bottom:1px solid #000; }}
td.i {{ text-align:center; border:1px solid #000; font-weight:bold; }}
td.n {{ text-align:right; white-space:nowrap; }} td.c {{ text-align:center; white-space:nowrap; }}
tbody {{ break-inside:avoid; }}
.seal {{ width:210pt; margin:26pt 0 0 auto; border:3px solid #000; border-radius:50%; padding:20pt 10pt; text-align:center; }}
.seal b {{ font-size:{fs + 1}pt; }}
.legal {{ font-size:{fs - 2}pt; margin-top:10pt; }}
</style></head><body>
<h1>{e(L['title'])}</h1><div class="sub">Formato 1876 &middot; {e(L['subtitle'])}</div>
{''.join(fsets)}
<fieldset class="g"><legend>{e(L['reserved'])}</legend><div style="height:46pt"></div></fieldset>
<div class="legal">{leg}</div>
<div class="p2">
<h1>{e(L['detail'])}</h1><div class="sub">Formato 1876 &middot; Hoja 2</div>
<table><thead>{thead}</thead>{''.join(rows)}</table>
<div class="seal">DIAN<br>{e(L['stamp'])}<br><b>{sl}</b><br>{e(L['signed'])}</div>
<p style="margin-top:20pt">____________________________<br>{e(L['sign'])}</p>
</div></body></html>"""


def groff_src(d, L, v, legal):
    t = groff_esc
    ps = v["font_pt"]
    out = [".nh", ".na", ".pl 11i", ".ll 7i", ".po 0.75i", f".ps {ps}", f".vs {ps + 3}", f".fam {v['font']}",
           ".sp 0.5i", f".ps {ps + 5}", f"\\fB{t(L['title'])}\\fP", f".ps {ps}", ".br",
           f"Formato 1876 \\(bu {t(L['subtitle'])}", ".sp"]
    for title, items in groups(d, L):
        n = len(items)
        widths = {1: [6.8], 2: [1.2, 5.6], 3: [3.6, 1.2, 2.0], 4: [1.7, 1.7, 1.7, 1.7]}[n]
        fmt1 = "lB" + " s" * (n - 1)
        fmt2 = " | ".join(f"lw({w}i)" for w in widths) + "."
        out += [".TS", "box tab(@);", fmt1, fmt2, t(title), "_"]
        cells = []
        for lab, val in items:
            cells.append("T{\n" + f".ps {ps - 2}\n\\fI{t(lab)}\\fP\n.ps {ps}\n.br\n\\fB{t(val) or chr(92) + '&'}\\fP" + "\nT}")
        out.append("@".join(cells))
        out += [".TE", ".sp 0.6"]
    out += [".TS", "box tab(@);", "lI", "lw(6.8i).", t(L["reserved"]), "\\&", "\\&", "\\&", ".TE", ".sp"]
    for p in legal:
        out += [f".ps {ps - 2}", t(p), ".br", ".sp 0.4"]
    out += [f".ps {ps}", ".bp", ".sp 0.5i", f".ps {ps + 5}", f"\\fB{t(L['detail'])}\\fP", f".ps {ps}", ".br",
            "Formato 1876 \\(bu Hoja 2", ".sp", f".ps {ps - 1}", f".vs {ps + 2}"]
    h1, h2 = heads(L)
    fmts = ["cb | cb s s s | cb s s", "^ | cb | cb | cb | cb | cb | cb | cb"]
    for _ in d.ranges:
        fmts += ["c | lB s s s | lB s s", "^ | l | r | r | r | r | c | c"]
    out += [".TS", "box tab(@);"] + fmts[:-1] + [fmts[-1] + "."]
    out.append("N.º@" + t(h1[0]) + "@" + t(h1[1]))
    out.append("\\^@" + "@".join("T{\n" + t(h) + "\nT}" for h in h2))
    for i, r in enumerate(d.ranges, 1):
        l1, l2 = rec(r, v)
        out.append("=")
        out.append(f"{i}@{t(l1[0])}@{t(l1[1])}")
        out.append("\\^@" + "@".join(t(x) or "\\&" for x in l2))
    out += [".TE", f".ps {ps}", f".vs {ps + 3}", ".sp 2", ".in 4.5i", "\\fBDIAN\\fP", ".br", t(L["stamp"]), ".br"]
    for x in stamp_lines(d, v["stamp"]):
        out += [f"\\fB{t(x)}\\fP", ".br"]
    out += [t(L["signed"]), ".in 0", ".sp 3", "\\l'2.5i'", ".br", t(L["sign"])]
    return "\n".join(out) + "\n"
