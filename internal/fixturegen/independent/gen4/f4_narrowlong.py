"""Family long-table-narrow-wrap: 7-10 ranges in a table with MANY NARROW
columns (empty boxes 34-37 and 'Fecha inicial' / 'Fecha final' columns in
most documents), so long numbers WRAP AT THEIR THOUSANDS SEPARATORS inside
their cells ('990.000.' / '000.000' or '990,' / '000,' / '000'), dates wrap
after a hyphen ('15-ENE-' / '2025') and modality names wrap word by word.
The table does not fit on page 2: either (orphan-header) page 2 ends with the
column header ALONE and every row is on page 3, or the rows are split
between pages 2 and 3 with the header repeated (split-repeat) or not
(split-norepeat) on page 3. Page 1: year and number on one line, applicant in
a 4-column label | value | label | value table. Reception date written
'15-ENE-2025 11:38:26 AM' (or ISO). Producers: Chromium (HTML/CSS), groff (tbl)."""
from common4 import *

FAMILY = "long-table-narrow-wrap"

INSTRUCCIONES = [
    "Instrucciones. Diligencie una fila por cada rango solicitado. En la casilla 30 indique la modalidad de "
    "facturación y su código; en la casilla 31 el prefijo, que no podrá superar cuatro (4) caracteres "
    "alfanuméricos; en las casillas 32 y 33 el primer y el último número del rango.",
    "Las casillas 34 a 37 son de uso exclusivo de la DIAN. En la casilla 38 indique la vigencia en meses, "
    "que no podrá exceder de veinticuatro (24) meses contados desde la fecha de autorización.",
    "Para la habilitación de rangos cuya vigencia expiró, indique el número desde el cual se habilita la "
    "numeración no utilizada; para la inhabilitación, indique el rango completo que no será utilizado.",
    "Que de conformidad con el artículo 1.6.1.4.1 del Decreto 1625 de 2016, los sujetos obligados a expedir "
    "factura deberán solicitar la autorización de la numeración consecutiva antes de su uso, a través de "
    "los servicios informáticos electrónicos de la DIAN.",
    "Que los rangos autorizados deberán utilizarse en orden consecutivo y dentro del término de vigencia; "
    "vencido éste sin agotar la numeración, podrá solicitarse su habilitación en los términos previstos.",
    "Que el solicitante deberá informar la inhabilitación de los rangos que no utilizará, conforme con el "
    "procedimiento previsto en los servicios informáticos electrónicos, y conservar la presente autorización.",
]


def doc_params(rng, idx):
    return {"nranges": [7, 8, 9, 10, 8, 7, 10, 9, 8, 7, 9, 10][idx % 12], "natural_prob": 0.35,
            "empty_prefix_prob": 0.08}


def render(d, rng, idx, stem, bstem):
    producer = "chromium" if idx % 2 == 0 else "groff"
    lstyle = rng.choice(["std", "std", "abbrev", "upper", "noacc"])
    L = labels(lstyle)
    v = {"labels": lstyle, "modality_case": rng.choice(["upper", "upper", "title", "noacc"]),
         "paging": ["orphan-header", "split-repeat", "split-norepeat"][idx % 3],
         "sep": rng.choice([".", ","]), "num_em": rng.choice([2.9, 3.4, 4.0]),
         "boxes_34_37": rng.random() < 0.6, "date_cols": rng.random() < 0.7,
         "date": rng.choice(["mon", "mon", "iso"]), "time": rng.choice(["ampm", "24h"]),
         "font_pt": rng.choice([8.5, 9])}
    n = len(d.ranges)
    v["rows_p2"] = 0 if v["paging"] == "orphan-header" else rng.randint(2, min(5, n - 2))
    if producer == "chromium":
        v["font"] = rng.choice(["Nimbus Sans", "Nimbus Roman", "Nimbus Sans Narrow"])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["font"] = rng.choice(["H", "T"])
        with open(bstem + ".tr", "w", encoding="utf-8") as f:
            f.write(groff_src(d, L, v))
        groff_pdf(bstem + ".tr", stem + ".pdf", extra=["-P-pletter"])
    return producer, v


AFMF = {"Nimbus Sans": "Helvetica", "Nimbus Sans Narrow": "Helvetica", "Nimbus Roman": "Times-Roman",
        "H": "Helvetica", "T": "Times-Roman"}


def cols(L, v):
    """(key, header, align)"""
    c = [("mod", L["mod"], "l"), ("modcode", L["modcode"], "c"), ("prefix", L["prefix"], "l"),
         ("from", L["from"], "r"), ("to", L["to"], "r")]
    if v["boxes_34_37"]:
        c += [(f"b{n}", str(n), "c") for n in (34, 35, 36, 37)]
    c.append(("months", L["months"], "c"))
    if v["date_cols"]:
        c += [("vfrom", L["vfrom"], "c"), ("vto", L["vto"], "c")]
    c += [("req", L["req"], "l"), ("reqcode", L["reqcode"], "c")]
    return c


def val(key, r, v):
    ms = v["modality_case"]
    if key in ("from", "to"):
        return fmt_sep(r.frm if key == "from" else r.to, v["sep"])
    return {"mod": kind_name(r.kind, ms), "modcode": str(kind_code(r.kind)), "prefix": r.prefix,
            "months": str(r.months), "vfrom": fmt_date(r.valid_from, v["date"]),
            "vto": fmt_date(r.valid_to, v["date"]), "req": req_name(r.request, ms),
            "reqcode": str(req_code(r.request))}.get(key, "")


def widths_em(d, L, v):
    """content width of every column in em: the widest unbreakable piece
    (a word, a thousands group, a date part) and never the whole number"""
    font = AFMF[v["font"]]
    out = {}
    for key, head, _ in cols(L, v):
        pieces = [w for w in head.split()]
        hw = max(text_width(p, font, 0.85) for p in pieces)  # header is 85 %
        if key in ("from", "to"):
            out[key] = max(v["num_em"], hw, text_width("000" + v["sep"], font, 1))
            continue
        if key in ("vfrom", "vto"):
            pw = max(text_width(p, font, 1) for r in d.ranges for p in val(key, r, v).replace("-", "- ").split())
            out[key] = max(pw, hw)
            continue
        words = [w for r in d.ranges for w in val(key, r, v).split()] + ["0"]
        out[key] = max(max(text_width(w, font, 1) for w in words), hw, 1.2)
    return out


def breakable(s, v, kind):
    """where a line may break: after thousands separators in numbers"""
    if kind == "html":
        return html_escape(s).replace(v["sep"], v["sep"] + "<wbr>")
    return groff_esc(s).replace(v["sep"], v["sep"] + "\\:")


def stamp_str(d, v):
    dt_, tm = stamp_text(d.stamp, v["date"], v["time"])
    return dt_, tm


def parts(d, v):
    k = v["rows_p2"]
    return d.ranges[:k], d.ranges[k:]


# ------------------------------------------------------------------ Chromium
def html(d, L, v):
    e = html_escape
    fs = v["font_pt"]
    it = {k: (lab, val_) for k, lab, val_ in applicant_items(d, L)}
    cl = cols(L, v)
    W = widths_em(d, L, v)
    cg = "".join(f"<col style='width:{W[k] + 0.7:.2f}em'>" for k, _, _ in cl)
    head = "<tr class='h'>" + "".join(f"<th>{e(h)}</th>" for _, h, _ in cl) + "</tr>"

    def row(r):
        cells = []
        for k, _, a in cl:
            x = val(k, r, v)
            x = breakable(x, v, "html") if k in ("from", "to") else e(x)
            cells.append(f"<td class='{a}'>{x or '&nbsp;'}</td>")
        return "<tr>" + "".join(cells) + "</tr>"

    def table(rows, with_head):
        return (f"<table class='rng'><colgroup>{cg}</colgroup>{head if with_head else ''}"
                f"{''.join(row(r) for r in rows)}</table>")

    p2rows, p3rows = parts(d, v)
    kv = []
    for a, b in [("nit", "dv"), ("ap1", "ap2"), ("n1", "n2"), ("rs", None), ("secc", None)]:
        cells = f"<th>{e(it[a][0])}</th><td{' colspan=3' if b is None else ''}>{e(it[a][1]) or '&nbsp;'}</td>"
        if b:
            cells += f"<th>{e(it[b][0])}</th><td>{e(it[b][1]) or '&nbsp;'}</td>"
        kv.append(f"<tr>{cells}</tr>")
    dt_, tm = stamp_str(d, v)
    stamp = (f"<div class='stamp'><b>DIAN</b><br>{e(L['stamp'])}<br><b class='sd'>{e(dt_)} &nbsp;{e(tm)}</b>"
             f"<br>{e(L['signed'])}</div><div class='sig'>{e(L['sign'])}</div>")
    ins = "".join(f"<p>{e(p)}</p>" for p in (INSTRUCCIONES[:3] if v["paging"] != "orphan-header" else INSTRUCCIONES))

    def page(n, body, flex=False):
        return (f"<div class='page'><div class='hdr'><span>DIAN · {e(L['title'])}</span><span>Formato 1876</span></div>"
                f"<div class='body{' flex' if flex else ''}'>{body}</div><div class='ftr'>Página {n} de 3</div></div>")

    p1 = (f"<h1>{e(L['title'])}</h1><div>{e(L['subtitle'])}</div>"
          f"<div class='idl'>{e(L['year'])}: <b>{d.year}</b> &nbsp;&nbsp;&nbsp; {e(L['number'])}: <b>{d.number}</b></div>"
          f"<h2>{e(L['applicant'])}</h2><table class='kv'>{''.join(kv)}</table>"
          f"<div class='res'>{e(L['reserved'])}</div>")
    if v["paging"] == "orphan-header":
        p2 = (f"<h2>{e(L['detail'])}</h2><div class='ins'>{ins}</div>"
              f"<div class='bottom'>{table([], True)}</div>")
        p3 = table(p3rows, False) + stamp
    else:
        p2 = f"<h2>{e(L['detail'])}</h2><div class='ins'>{ins}</div>" + table(p2rows, True) + \
            "<div class='cont'>Continúa…</div>"
        p3 = table(p3rows, v["paging"] == "split-repeat") + stamp
    body = page(1, p1) + page(2, p2, flex=v["paging"] == "orphan-header") + page(3, p3)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size:8.5in 11in; margin:0; }}
* {{ box-sizing:border-box; }}
body {{ margin:0; font-family:'{v['font']}'; font-size:{fs}pt; }}
.page {{ position:relative; width:8.5in; height:11in; padding:0.8in 0.6in 0.7in 0.6in; break-after:page; }}
.body {{ height:100%; }} .body.flex {{ display:flex; flex-direction:column; }} .bottom {{ margin-top:auto; }}
.hdr {{ position:absolute; top:0.4in; left:0.6in; right:0.6in; display:flex; justify-content:space-between; font-size:{fs - 1.5}pt; border-bottom:0.5pt solid #000; }}
.ftr {{ position:absolute; bottom:0.35in; right:0.6in; font-size:{fs - 1.5}pt; }}
h1 {{ font-size:{fs + 5}pt; margin:0; }} h2 {{ font-size:{fs + 1.5}pt; margin:14pt 0 6pt 0; }}
.idl {{ margin-top:12pt; font-size:{fs + 1}pt; }} .idl b {{ font-size:{fs + 2}pt; }}
table {{ border-collapse:collapse; }}
.kv {{ width:100%; }} .kv th {{ font-weight:normal; text-align:left; border:0.6pt solid #000; padding:3pt 5pt; background:#f0f0f0; width:27%; font-size:{fs - 0.5}pt; }}
.kv td {{ border:0.6pt solid #000; padding:3pt 5pt; font-weight:bold; }}
.res {{ border:0.6pt dashed #000; height:60pt; margin-top:14pt; padding:3pt; font-size:{fs - 1.5}pt; }}
.ins {{ text-align:justify; }}
.rng {{ table-layout:fixed; width:auto; }}
.rng th {{ border:0.6pt solid #000; background:#e2e2e2; font-weight:normal; font-size:0.85em; padding:2pt 0.35em; vertical-align:bottom; }}
.rng td {{ border:0.6pt solid #000; padding:2pt 0.35em; vertical-align:top; overflow-wrap:normal; hyphens:manual; }}
.rng tr {{ break-inside:avoid; }}
td.r {{ text-align:right; }} td.c {{ text-align:center; }}
.cont {{ font-style:italic; font-size:{fs - 1}pt; margin-top:3pt; }}
.stamp {{ width:230pt; margin:26pt 0 0 auto; border:1.6pt solid #000; border-radius:8pt; padding:8pt; text-align:center; }}
.stamp .sd {{ font-size:{fs + 2}pt; }}
.sig {{ width:190pt; border-top:0.5pt solid #000; margin-top:14pt; font-size:{fs - 1}pt; }}
</style></head><body>{body}</body></html>"""


# ------------------------------------------------------------------ groff
def groff_src(d, L, v):
    t = groff_esc
    ps = v["font_pt"]
    it = {k: (lab, val_) for k, lab, val_ in applicant_items(d, L)}
    cl = cols(L, v)
    W = widths_em(d, L, v)
    out = [".nh", ".na", ".pl 11i", ".ll 7.3i", ".lt 7.3i", ".po 0.6i", f".ps {ps}", f".vs {ps + 2.5}",
           f".fam {v['font']}"]

    def furn(n):
        return [".sp |0.4i", f".tl '\\s-1DIAN \\(bu {t(L['title'])}\\s+1''\\s-1Formato 1876\\s+1'", "\\l'7.3i'",
                ".sp |0.8i"]

    def foot(n):
        return [".sp |10.4i", f".tl '''\\s-1Página {n} de 3\\s+1'"]

    def table(rows, with_head):
        o = [".TS", "allbox tab(@);"]
        lines = []
        if with_head:
            o.append(" ".join(f"cw({W[k] + 0.2:.2f}m)1" for k, _, _ in cl) + ("." if not rows else ""))
            lines.append("@".join("T{\n\\s-1" + t(h) + "\\s+1\nT}" for _, h, _ in cl))
        if rows:
            o.append(" ".join(f"{a}w({W[k] + 0.2:.2f}m)1" for k, _, a in cl) + ".")
            for r in rows:
                cells = []
                for k, _, a in cl:
                    x = val(k, r, v)
                    x = breakable(x, v, "groff") if k in ("from", "to") else t(x)
                    if k in ("vfrom", "vto"):
                        x = x.replace("-", "-\\:")
                    cells.append("T{\n" + (x or "\\&") + "\nT}")
                lines.append("@".join(cells))
        return o + lines + [".TE"]

    p2rows, p3rows = parts(d, v)
    out += furn(1) + [f".ps {ps + 5}", f"\\fB{t(L['title'])}\\fP", f".ps {ps}", ".br", t(L["subtitle"]), ".sp",
                      f".ps {ps + 1}", f"{t(L['year'])}: \\fB{d.year}\\fP      {t(L['number'])}: \\fB{d.number}\\fP",
                      f".ps {ps}", ".sp", f"\\fB{t(L['applicant'])}\\fP", ".sp 0.4",
                      ".TS", "allbox tab(@);", "lw(1.9i) lBw(1.65i) lw(1.9i) lBw(1.65i)", "l lB l lB", "l lB l lB",
                      "l lB s s."]
    for a, b in [("nit", "dv"), ("ap1", "ap2"), ("n1", "n2")]:
        out.append(f"{t(it[a][0])}@{t(it[a][1]) or chr(92) + '&'}@{t(it[b][0])}@{t(it[b][1]) or chr(92) + '&'}")
    for a in ("rs", "secc"):
        out.append(f"{t(it[a][0])}@{t(it[a][1]) or chr(92) + '&'}")
    out.append(".TE")
    out += [".sp 2", ".TS", "box tab(@);", "lw(7.2i).", f"\\s-2{t(L['reserved'])}\\s+2", "\\&", "\\&", "\\&", ".TE"]
    out += foot(1) + [".bp"] + furn(2) + [f".ps {ps + 1.5}", f"\\fB{t(L['detail'])}\\fP", f".ps {ps}", ".sp 0.5", ".ad b"]
    ins = INSTRUCCIONES[:3] if v["paging"] != "orphan-header" else INSTRUCCIONES
    for p in ins:
        out += [t(p), ".sp 0.5"]
    out += [".na"]
    if v["paging"] == "orphan-header":
        out += [".if \\n(nl<9.3i .sp |9.3i"] + table([], True)
    else:
        out += [".sp 0.5"] + table(p2rows, True) + [".sp 0.3", "\\fIContinúa\\&...\\fP"]
    out += foot(2) + [".bp"] + furn(3)
    out += table(p3rows, v["paging"] == "split-repeat")
    dt_, tm = stamp_str(d, v)
    out += [".sp 2", ".in 4.6i", ".TS", "box tab(@);", "cw(2.3i).", "\\fBDIAN\\fP", t(L["stamp"]),
            f"\\s+2\\fB{t(dt_)}  {t(tm)}\\fP\\s-2", t(L["signed"]), ".TE", ".in 0", ".sp 2", "\\l'2.6i'", ".br",
            t(L["sign"])] + foot(3)
    return "\n".join(out) + "\n"
