"""Family continued-groups-split: the ranges are GROUPED BY MODALITY: a
full-width group row ('30. Modalidad: FACTURA ELECTRÓNICA DE VENTA - Cód. 1')
followed by one row per range that no longer repeats the modality (prefix,
from, to, months, request type and code). Page 2 opens with a long legal text,
so the table BREAKS ACROSS PAGES, preferably inside a group: page 2 ends
with a 'Continúa en la página siguiente' note, page 3 repeats the column
header and the open group's row marked '(continuación)'; the reception
stamp follows the end of the table. Thousands separators are no-break,
thin or narrow no-break spaces (or '.' / ','). Running header 'Formulario
No. 1876... - Página n de N'. Producers: Chromium (HTML/CSS), groff (tbl)."""
from common3 import *

FAMILY = "continued-groups-split"

MORE_LEGAL = [
    "Que de conformidad con el artículo 1.6.1.4.1 del Decreto 1625 de 2016, los sujetos obligados a expedir "
    "factura deberán solicitar la autorización de la numeración consecutiva antes de su uso.",
    "Que la solicitud fue radicada a través de los servicios informáticos electrónicos de la DIAN, con firma "
    "electrónica del solicitante, y cumple con los requisitos establecidos en la Resolución 000042 de 2020.",
    "Que los rangos autorizados deberán utilizarse en orden consecutivo y dentro del término de vigencia; "
    "vencido éste sin agotar la numeración, podrá solicitarse su habilitación.",
    "Que el solicitante deberá informar la inhabilitación de los rangos que no utilizará, conforme con el "
    "procedimiento previsto en los servicios informáticos electrónicos.",
]


def doc_params(rng, idx):
    return {"nranges": [2, 3, 4, 5, 6, 3, 2, 4, 1, 5, 6, 3][idx % 12], "natural_prob": 0.4}


def split_point(d):
    """number of rows on the first table page"""
    n = len(d.ranges)
    if n < 2:
        return n
    mids = [k for k in range(1, n) if d.ranges[k - 1].kind == d.ranges[k].kind]
    if mids:
        return mids[len(mids) // 2]
    return (n + 1) // 2


def render(d, rng, idx, stem, bstem):
    producer = "chromium" if idx % 2 == 0 else "groff"
    # make same-modality neighbours likely, then group
    if len(d.ranges) >= 3 and rng.random() < 0.7:
        d.ranges[1].kind = d.ranges[0].kind
    group_by_kind(d)
    lstyle = rng.choice(["std", "std", "abbrev", "noacc", "dvlong"])
    L = labels(lstyle)
    v = {"labels": lstyle, "modality_case": rng.choice(["upper", "title", "noacc"]),
         "stamp": rng.choice(["slash-ampm", "space-24h", "two-lines"]), "split_after": split_point(d)}
    legal = legal_paragraphs(rng, d) + MORE_LEGAL
    if producer == "chromium":
        v["sep"] = rng.choice(["nbsp", "thin", "nnbsp", "nbsp", "."])
        v["font"] = rng.choice(["DejaVu Sans", "Nimbus Sans", "DejaVu Serif", "C059", "Nimbus Sans Narrow"])
        v["font_pt"] = rng.choice([9, 10, 11])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v, legal))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["sep"] = rng.choice(["thin", "nbsp", ",", "thin"])
        v["font"] = rng.choice(["T", "H", "N"])
        v["font_pt"] = rng.choice([9, 10, 11])
        with open(bstem + ".tr", "w", encoding="utf-8") as f:
            f.write(groff_src(d, L, v, legal))
        groff_pdf(bstem + ".tr", stem + ".pdf", extra=["-P-pletter"])
    return producer, v


def npages(d, v):
    return 3 if v["split_after"] < len(d.ranges) else 2


def chunks(d, v):
    k = v["split_after"]
    return [d.ranges[:k], d.ranges[k:]] if k < len(d.ranges) else [d.ranges]


def group_title(L, r, v, cont=False):
    t = f"{L['mod']}: {kind_name(r.kind, v['modality_case'])} - {L['modcode']} {kind_code(r.kind)}"
    return t + (" (continuación)" if cont else "")


COLS = ["prefix", "from", "to", "months", "req", "reqcode"]


def rowvals(r, v, sepc):
    return [r.prefix, fmt_sep(r.frm, sepc), fmt_sep(r.to, sepc), str(r.months),
            req_name(r.request, v["modality_case"]), str(req_code(r.request))]


# ----------------------------------------------------------------- Chromium
def html(d, L, v, legal):
    e = html_escape
    fs = v["font_pt"]
    sepc = {"nbsp": NBSP, "thin": THIN, "nnbsp": NNBSP}.get(v["sep"], v["sep"])
    N = npages(d, v)
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}

    def furn(n):
        return (f"<div class='hdr'><span>DIAN · Formato 1876</span><span>Formulario No. {d.number} - Página {n} de {N}</span></div>"
                f"<div class='ftr'>Formulario No. {d.number} - Página {n} de {N}</div>")

    def kv(k):
        lab, val = it[k]
        return f"<tr><th>{e(lab)}</th><td>{e(val) or '&nbsp;'}</td></tr>"

    head = "<tr>" + "".join(f"<th>{e(L[c])}</th>" for c in COLS) + "</tr>"

    def table(rows, cont_group):
        out, prev = [], None
        for i, r in enumerate(rows):
            if r.kind != prev:
                cont = cont_group and i == 0
                out.append(f"<tr class='g'><td colspan='6'>{e(group_title(L, r, v, cont))}</td></tr>")
                prev = r.kind
            out.append("<tr>" + "".join(f"<td class='{a}'>{e(x) or '&nbsp;'}</td>"
                                        for x, a in zip(rowvals(r, v, sepc), "lrrclc")) + "</tr>")
        return f"<table class='rng'>{head}{''.join(out)}</table>"

    parts = chunks(d, v)
    sl = "<br>".join(e(x) for x in stamp_lines(d, v["stamp"]))
    stamp = (f"<div class='stamp'><b>DIAN</b><br>{e(L['stamp'])}<br><b>{sl}</b><br>{e(L['signed'])}</div>"
             f"<div class='sig'>{e(L['sign'])}</div>")
    pages = []
    p1 = (f"<h1>{e(L['title'])}</h1><div>{e(L['subtitle'])}</div><h2>{e(L['applicant'])}</h2>"
          f"<table class='kv'>{''.join(kv(k) for k in ['year', 'number', 'nit', 'dv', 'ap1', 'ap2', 'n1', 'n2', 'rs', 'secc'])}</table>"
          f"<div class='res'>{e(L['reserved'])}</div>")
    pages.append(p1)
    leg = "".join(f"<p>{e(p)}</p>" for p in legal)
    p2 = f"<h2>{e(L['detail'])}</h2><div class='legal'>{leg}</div>"
    if len(parts) > 1:
        # the first part sits at the foot of page 2, as if the table had run out of room
        p2 += ("<div class='foot'>" + table(parts[0], False) +
               "<div class='cont'>Continúa en la página siguiente…</div></div>")
        cont_group = parts[1][0].kind == parts[0][-1].kind
        p3 = f"<h2>{e(L['detail'])} (continuación)</h2>" + table(parts[1], cont_group) + stamp
        pages += [p2, p3]
    else:
        pages.append(p2 + table(parts[0], False) + stamp)
    body = "".join(f"<div class='page'>{furn(i)}<div class='content'>{p}</div></div>" for i, p in enumerate(pages, 1))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size:8.5in 11in; margin:0; }}
* {{ box-sizing:border-box; }}
body {{ margin:0; font-family:'{v['font']}'; font-size:{fs}pt; }}
.content {{ height:100%; display:flex; flex-direction:column; }} .foot {{ margin-top:auto; }}
.page {{ position:relative; width:8.5in; height:11in; padding:0.85in 0.75in 0.8in 0.75in; overflow:hidden; break-after:page; }}
.hdr {{ position:absolute; top:0.4in; left:0.75in; right:0.75in; display:flex; justify-content:space-between; font-size:{fs - 2}pt;
        border-bottom:0.5pt solid #000; padding-bottom:2pt; }}
.ftr {{ position:absolute; bottom:0.4in; right:0.75in; font-size:{fs - 2}pt; }}
h1 {{ font-size:{fs + 4}pt; margin:0 0 2pt 0; }} h2 {{ font-size:{fs + 1}pt; margin:12pt 0 5pt 0; }}
table {{ border-collapse:collapse; width:100%; }}
table.kv th {{ text-align:left; font-weight:normal; width:45%; border:1px solid #999; padding:3pt 5pt; background:#f4f4f4; }}
table.kv td {{ font-weight:bold; border:1px solid #999; padding:3pt 5pt; }}
.res {{ border:1px dashed #555; height:60pt; margin-top:10pt; padding:4pt; font-size:{fs - 2}pt; }}
.legal {{ font-size:{fs}pt; text-align:justify; line-height:1.35; }}
table.rng {{ margin-top:10pt; }}
table.rng th {{ border:1px solid #000; background:#ddd; padding:3pt; font-size:{fs - 1}pt; }}
table.rng td {{ border:1px solid #000; padding:3pt 5pt; }}
tr.g td {{ background:#efefef; font-weight:bold; }}
td.r {{ text-align:right; white-space:nowrap; }} td.c {{ text-align:center; }}
.cont {{ text-align:right; font-style:italic; margin-top:4pt; font-size:{fs - 1}pt; }}
.stamp {{ width:200pt; margin:30pt 0 0 auto; border:2pt solid #000; border-radius:14pt; padding:10pt; text-align:center; }}
.sig {{ width:190pt; border-top:1px solid #000; margin-top:10pt; font-size:{fs - 1}pt; }}
</style></head><body>{body}</body></html>"""


# ----------------------------------------------------------------- groff
def groff_src(d, L, v, legal):
    t = groff_esc
    ps = v["font_pt"]
    sepc = {"thin": "\\|", "nbsp": "\\~"}.get(v["sep"], v["sep"])
    N = npages(d, v)
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}
    out = [".nh", ".na", ".pl 11i", ".ll 7i", ".lt 7i", ".po 0.75i", f".ps {ps}", f".vs {ps + 3}", f".fam {v['font']}"]

    def furn(n):
        return [".sp |0.4i", f".tl '\\s-2DIAN \\(bu Formato 1876\\s+2''\\s-2Formulario No. {d.number} - Página {n} de {N}\\s+2'",
                "\\l'7i'", ".sp |0.85i"]

    def foot(n):
        return [".sp |10.35i", f".tl '''\\s-2Formulario No. {d.number} - Página {n} de {N}\\s+2'"]

    out += furn(1) + [f".ps {ps + 4}", f"\\fB{t(L['title'])}\\fP", f".ps {ps}", ".br", t(L["subtitle"]), ".sp",
                      f"\\fB{t(L['applicant'])}\\fP", ".sp 0.5", ".TS", "allbox tab(@);", "lw(3.1i) lBw(3.6i)."]
    for k in ["year", "number", "nit", "dv", "ap1", "ap2", "n1", "n2", "rs", "secc"]:
        lab, val = it[k]
        out.append(f"{t(lab)}@{t(val) or chr(92) + '&'}")
    out += [".TE", ".sp", ".TS", "box tab(@);", "lw(6.8i).", f"\\s-2{t(L['reserved'])}\\s+2", "\\&", "\\&", "\\&", ".TE"]
    out += foot(1) + [".bp"]

    def table(rows, cont_group):
        widths = [0.7, 1.2, 1.2, 0.9, 1.4, 0.5]
        o = [".TS H", "box tab(@);", " ".join(f"cBw({w}i)" for w in widths)]
        body = []
        prev = None
        for i, r in enumerate(rows):
            if r.kind != prev:
                o.append("lB s s s s s")
                body.append(["_", t(group_title(L, r, v, cont_group and i == 0))])
                prev = r.kind
            o.append("l r r c l c")
            body.append(["_", "@".join(t(x).replace(",", "\x00") if False else t(x) or "\\&" for x in rowvals(r, v, "\x01"))])
        o[-1] += "."
        o.append("@".join("T{\n" + t(L[c]) + "\nT}" for c in COLS))
        o.append("=")
        o.append(".TH")
        for sep_line, line in body:
            o.append(sep_line)
            o.append(line.replace("\x01", sepc))
        o.append(".TE")
        return o

    parts = chunks(d, v)
    out += furn(2) + [f".ps {ps + 1}", f"\\fB{t(L['detail'])}\\fP", f".ps {ps}", ".sp 0.6", ".ad b"]
    for p in legal:
        out += [t(p), ".sp 0.5"]
    out += [".na"]
    if len(parts) > 1:
        # push the first part of the table down to the foot of page 2
        nrows = len(parts[0]) + len({r.kind for r in parts[0]}) + 2
        out += [f".if \\n(nl<(10.05i-{nrows * 1.45:.2f}v) .sp |10.05i-{nrows * 1.45:.2f}v"]
    out += table(parts[0], False)

    def stamp():
        o = [".sp 2", ".in 4.4i", ".TS", "box tab(@);", "cw(2.2i)."]
        o += ["\\fBDIAN\\fP", t(L["stamp"])] + [f"\\fB{t(x)}\\fP" for x in stamp_lines(d, v["stamp"])] + [t(L["signed"])]
        o += [".TE", ".in 0", ".sp 2", "\\l'2.5i'", ".br", t(L["sign"])]
        return o

    if len(parts) > 1:
        out += [".sp 0.3", f".ad r", "\\fIContinúa en la página siguiente\\&...\\fP", ".br", ".na"] + foot(2) + [".bp"]
        cont_group = parts[1][0].kind == parts[0][-1].kind
        out += furn(3) + [f".ps {ps + 1}", f"\\fB{t(L['detail'])} (continuación)\\fP", f".ps {ps}", ".sp 0.6"]
        out += table(parts[1], cont_group) + stamp() + foot(3)
    else:
        out += stamp() + foot(2)
    return "\n".join(out) + "\n"
