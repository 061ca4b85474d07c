"""Family gutter-two-column: page 1 is a single two-column list split by a
centre gutter rule: every label is RIGHT-aligned against the gutter and its
value LEFT-aligned after it (optionally the box number sits alone on the
gutter, between label and value); section titles centred across the gutter.
Page 2: ranges table in an abbreviated header register ("Mod.", "Pref.",
"Desde No.", "Hasta No.", "Vig. (meses)", "Tipo sol.") with codes, optionally
abbreviated modality names; white-on-dark header and zebra rows (Chromium) or
boxed tbl with a double rule (groff); the reception stamp is again a
gutter pair. Natural persons favour compound surnames.
Producers: Chromium (CSS grid) and groff (tbl r|l)."""
from common2 import *

FAMILY = "gutter-two-column"


def doc_params(rng, idx):
    return {"nranges": 1 + (idx * 5) % 6, "natural_prob": 0.5}


def heads(v):
    n = v["box_numbers_in_table"]
    return [("30 " if n else "") + "Mod.", "Cód.", ("31 " if n else "") + "Pref.",
            ("32 " if n else "") + "Desde No.", ("33 " if n else "") + "Hasta No.",
            ("38 " if n else "") + "Vig. (meses)", "Tipo sol.", "Cód."]


def range_cells(r, v):
    sep, ms = v["sep"], v["modality_case"]
    if v["abbr_values"]:
        kn, rq = ABBR_KIND[r.kind], ABBR_REQ[r.request]
        if ms == "noacc":
            kn = strip_accents(kn)
    else:
        kn, rq = kind_name(r.kind, ms), req_name(r.request, ms)
    return [kn, str(kind_code(r.kind)), r.prefix, fmt_int(r.frm, sep), fmt_int(r.to, sep),
            str(r.months), rq, str(req_code(r.request))]


def render(d, rng, idx, stem, bstem):
    producer = "chromium" if idx % 2 == 0 else "groff"
    lstyle = rng.choice(["std", "abbrev", "upper", "noacc", "dvlong", "std"])
    L = labels(lstyle)
    v = {"labels": lstyle, "sep": rng.choice([",", ".", "", ","]),
         "modality_case": rng.choice(["upper", "noacc", "title"]),
         "abbr_values": rng.random() < 0.5, "box_numbers_in_table": rng.random() < 0.5,
         "box_number_on_gutter": rng.random() < 0.35,
         "stamp": rng.choice(STAMP_STYLES)}
    if v["abbr_values"] and v["modality_case"] == "title":
        v["modality_case"] = "upper"
    if producer == "chromium":
        v["font"] = rng.choice(["DejaVu Sans", "Nimbus Sans", "URW Gothic", "DejaVu Serif", "P052"])
        v["font_pt"] = rng.choice([9, 10, 11])
        v["size"] = rng.choice(["Letter", "A4"])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v, rng))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["font"] = rng.choice(["T", "H", "P", "N"])
        v["font_pt"] = rng.choice([9, 10, 11])
        with open(bstem + ".tr", "w", encoding="utf-8") as f:
            f.write(groff_src(d, L, v, rng))
        groff_pdf(bstem + ".tr", stem + ".pdf", extra=["-P-pletter"])
    return producer, v


def sections(d, L):
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}
    return [("Datos del formulario", [it["year"], it["number"]]),
            (L["applicant"], [it["nit"], it["dv"], it["secc"]]),
            ("Apellidos y nombres", [it["ap1"], it["ap2"], it["n1"], it["n2"]]),
            ("Persona jurídica", [it["rs"]])]


def html(d, L, v, rng):
    e = html_escape
    fs = v["font_pt"]
    g = v["box_number_on_gutter"]
    rows = []
    for title, items in sections(d, L):
        rows.append(f"<div class='sec'>{e(title)}</div>")
        for lab, val in items:
            if g:
                num, rest = split_num(lab)
                rows.append(f"<div class='l'>{e(rest)}</div><div class='n'><span>{e(num)}</span></div>"
                            f"<div class='v'>{e(val) or '&nbsp;'}</div>")
            else:
                rows.append(f"<div class='l'>{e(lab)}</div><div class='v'>{e(val) or '&nbsp;'}</div>")
    cols = "1fr 22pt 1fr" if g else "1fr 1fr"
    th = "".join(f"<th>{e(h)}</th>" for h in heads(v))
    trs = "".join("<tr>" + "".join(f"<td class='{c}'>{e(x)}</td>" for c, x in zip("tntnnntn", range_cells(r, v)))
                  + "</tr>" for r in d.ranges)
    stamp = "<br>".join(e(x) for x in stamp_lines(d, v["stamp"]))
    legal = "".join(f"<p>{e(p)}</p>" for p in legal_paragraphs(rng, d))
    span = "grid-column: 1 / span 3" if g else "grid-column: 1 / span 2"
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size:{v['size']}; margin:16mm 15mm 16mm 15mm; }}
body {{ font-family:'{v['font']}'; font-size:{fs}pt; color:#000; }}
.hd {{ text-align:center; border-bottom:1px solid #000; padding-bottom:5pt; margin-bottom:10pt; }}
.hd .t {{ font-size:{fs + 5}pt; font-weight:bold; }} .hd .f {{ font-size:{fs + 2}pt; letter-spacing:1pt; }}
.gut {{ display:grid; grid-template-columns:{cols}; width:88%; margin:0 auto; }}
.gut .sec {{ {span}; text-align:center; font-weight:bold; font-size:{fs + 1}pt; padding:9pt 0 3pt 0; }}
.gut .l {{ text-align:right; padding:3pt 9pt 3pt 0; {'' if g else 'border-right:1.3px solid #000;'} color:#222; }}
.gut .n {{ border-left:1.3px solid #000; border-right:1.3px solid #000; text-align:center; font-size:{fs - 2}pt; padding-top:3pt; }}
.gut .n span {{ display:inline-block; width:14pt; border-radius:7pt; background:#000; color:#fff; font-weight:bold; }}
.gut .v {{ text-align:left; padding:3pt 0 3pt 9pt; font-weight:bold; }}
.res {{ width:88%; margin:14pt auto 0 auto; border:1px solid #999; height:50pt; color:#666; font-size:{fs - 2}pt; padding:3pt; }}
.legal {{ font-size:{fs - 2}pt; width:88%; margin:10pt auto; text-align:justify; }}
.p2 {{ page-break-before:always; }}
table {{ border-collapse:collapse; width:100%; font-size:{fs - 1}pt; }}
th {{ background:#1f2a36; color:#fff; padding:4pt 3pt; font-weight:bold; text-align:center; }}
td {{ padding:4pt 3pt; }} tbody tr:nth-child(even) td {{ background:#d9dde2; }}
td.n {{ text-align:right; white-space:nowrap; }}
.st {{ display:grid; grid-template-columns:1fr 1fr; width:70%; margin:26pt auto 0 auto; }}
.st .l {{ text-align:right; padding:3pt 9pt; border-right:1.3px solid #000; }}
.st .v {{ padding:3pt 9pt; font-weight:bold; }}
.ft {{ margin-top:24pt; font-size:{fs - 2}pt; text-align:center; color:#333; }}
</style></head><body>
<div class="hd"><div class="t">{e(L['title'])}</div><div class="f">FORMATO 1876</div><div>{e(L['subtitle'])}</div></div>
<div class="gut">{''.join(rows)}</div>
<div class="res">{e(L['reserved'])}</div>
<div class="legal">{legal}</div>
<div class="ft">Hoja 1</div>
<div class="p2">
<div class="hd"><div class="t">{e(L['detail'])}</div><div>Formato 1876 &middot; Hoja 2</div></div>
<table><thead><tr>{th}</tr></thead><tbody>{trs}</tbody></table>
<div class="st"><div class="l">DIAN &mdash; {e(L['stamp'])}</div><div class="v">{stamp}</div>
<div class="l">Estado</div><div class="v">{e(L['signed'])}</div></div>
<div class="ft">______________________________<br>{e(L['sign'])}</div>
</div></body></html>"""


def groff_src(d, L, v, rng):
    t = groff_esc
    ps = v["font_pt"]
    g = v["box_number_on_gutter"]
    out = [".nh", ".na", ".pl 11i", ".ll 7i", ".po 0.75i", f".ps {ps}", f".vs {ps + 4}", f".fam {v['font']}",
           ".sp 0.5i", ".ce 3", f".ps {ps + 5}", f"\\fB{t(L['title'])}\\fP", f".ps {ps + 2}", "FORMATO 1876",
           f".ps {ps}", t(L["subtitle"]), ".sp 0.2", "\\l'7i'", ".sp 0.6"]
    fmts, data = [], []
    for title, items in sections(d, L):
        fmts.append("cB s s" if g else "cB s")
        data.append(t(title))
        for lab, val in items:
            if g:
                num, rest = split_num(lab)
                fmts.append("rw(3.1i) | cBw(0.25i) | lBw(3.1i)")
                data.append(f"{t(rest)}|{num}|{t(val) or chr(92) + '&'}")
            else:
                fmts.append("rw(3.2i) | lBw(3.2i)")
                data.append(f"{t(lab)}|{t(val) or chr(92) + '&'}")
    fmts[-1] += "."
    out += [".TS", "center tab(|);"] + fmts + data + [".TE"]
    out += [".sp", ".in 0.3i", ".ll 6.7i", f".ps {ps - 2}", f"\\fI{t(L['reserved'])}\\fP", ".sp 3"]
    for p in legal_paragraphs(rng, d):
        out += [t(p), ".sp 0.4"]
    out += [f".ps {ps}", ".in 0", ".ll 7i", ".sp |10.2i", ".ce", "Hoja 1", ".bp",
            ".sp 0.5i", ".ce 2", f".ps {ps + 4}", f"\\fB{t(L['detail'])}\\fP", f".ps {ps}",
            "Formato 1876 \\(em Hoja 2", ".sp", f".ps {ps - 1}", f".vs {ps + 3}",
            ".TS", "center box tab(|);",
            "cB | cB | cB | cB | cB | cB | cB | cB",
            "lw(1.5i) | r | l | r | r | r | l | r."]
    out.append("|".join(t(h) for h in heads(v)))
    out.append("=")
    for i, r in enumerate(d.ranges):
        if i:
            out.append("_")
        c = [t(x) for x in range_cells(r, v)]
        c[0] = "T{\n" + c[0] + "\nT}"
        c[2] = c[2] or "\\&"
        out.append("|".join(c))
    out += [".TE", f".ps {ps}", f".vs {ps + 4}", ".sp 2", ".TS", "center tab(|);",
            "rw(2.4i) | lBw(2.4i)."]
    lines = stamp_lines(d, v["stamp"])
    out.append(f"DIAN \\(em {t(L['stamp'])}|{t(lines[0])}")
    for x in lines[1:]:
        out.append(f"\\&|{t(x)}")
    out.append(f"Estado|{t(L['signed'])}")
    out += [".TE", ".sp 3", ".ce 2", "\\l'2.5i'", t(L["sign"])]
    return "\n".join(out) + "\n"
