"""Family bold-values-grey-labels: an 'ink-saving' re-typeset of the official
two-page form on SMALL (A5) or LONG (US Legal) paper. Every printed label,
section title and column header is light grey (55-72 % grey, regular or
extra-light weight) and every value is black bold and larger, so the page reads
as bold values floating over faint captions: applicant fields are label-above-
value pairs with a faint underline (no boxes); the ranges table has only faint
horizontal rules, grey headers and bold cells, and may carry explicit
'Fecha inicial' / 'Fecha final' columns; the reception stamp is a plain frame.
Dates are written day-first ('15/01/2025', header says dd/mm/aaaa), as
'15-ENE-2025' or ISO. Producers: Chromium (HTML/CSS), Ghostscript, mutool."""
from common4 import *

FAMILY = "bold-values-grey-labels"


def doc_params(rng, idx):
    return {"nranges": 1 + (idx * 5 + 2) % 6, "natural_prob": 0.4}


def render(d, rng, idx, stem, bstem):
    producer = ["chromium", "gs", "mutool"][idx % 3]
    lstyle = rng.choice(["std", "std", "abbrev", "upper", "noacc", "dvlong"])
    L = labels(lstyle)
    v = {"labels": lstyle, "modality_case": rng.choice(["upper", "upper", "title", "noacc"]),
         "paper": ["A5", "Legal"][(idx // 3) % 2], "label_gray": rng.choice([0.55, 0.62, 0.7, 0.72]),
         "date": rng.choice(["slash", "slash", "mon", "iso"]), "time": rng.choice(["ampm", "24h"]),
         "date_cols": rng.random() < 0.6, "sep": rng.choice([",", ".", ".", ""])}
    legal = legal_paragraphs(rng, d)
    if producer == "chromium":
        v["font"] = rng.choice(["DejaVu Sans", "URW Bookman", "Nimbus Sans", "URW Gothic"])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v, legal))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["font"] = rng.choice(["Helvetica", "Times-Roman"])
        c = Canvas4("ps" if producer == "gs" else "mu")
        draw(c, d, L, v, legal)
        c.save(bstem, stem + ".pdf")
    return producer, v


def date_label(base, v):
    return base + (" (dd/mm/aaaa)" if v["date"] == "slash" else "")


def table_spec(L, v):
    cols = [(L["mod"], 2.6, "l"), (L["modcode"], 0.5, "c"), (L["prefix"], 0.8, "l"),
            (L["from"], 1.3, "r"), (L["to"], 1.3, "r"), (L["months"], 0.9, "c")]
    if v["date_cols"]:
        cols += [(date_label(L["vfrom"], v), 1.25, "c"), (date_label(L["vto"], v), 1.25, "c")]
    cols += [(L["req"], 1.5, "l"), (L["reqcode"], 0.5, "c")]
    return cols


def row_vals(r, v):
    ms = v["modality_case"]
    vals = [kind_name(r.kind, ms), str(kind_code(r.kind)), r.prefix, fmt_sep(r.frm, v["sep"]),
            fmt_sep(r.to, v["sep"]), str(r.months)]
    if v["date_cols"]:
        vals += [fmt_date(r.valid_from, v["date"]), fmt_date(r.valid_to, v["date"])]
    vals += [req_name(r.request, ms), str(req_code(r.request))]
    return vals


# ------------------------------------------------------------------ canvas
def draw(c, d, L, v, legal):
    PW, PH = PAPERS[v["paper"]]
    small = v["paper"] == "A5"
    M = 26 if small else 50
    fs = 6.5 if small else 8.5
    F = v["font"]
    FB = "Helvetica-Bold" if F == "Helvetica" else "Times-Bold"
    G = v["label_gray"]
    TW = PW - 2 * M
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}

    def glabel(x, y, s, size=None, align="l"):
        c.gray(G)
        c.font(F, size or fs - 0.5)
        c.text(x, y, s, align)
        c.gray(0)

    def grule(x1, y1, x2, lw=0.4):
        c.gray(G + 0.1)
        c.line(x1, y1, x2, y1, lw=lw)
        c.gray(0)

    def nlab(w, k):
        return len(wrap_text(it[k][0], F, fs - 0.5, w - 8))

    def field(x, y, w, k, vsize, nl=1):
        lab, val = it[k]
        for j, ln in enumerate(wrap_text(lab, F, fs - 0.5, w - 8)):
            glabel(x, y + j * fs, ln)
        y += (nl - 1) * fs
        c.font(FB, vsize)
        lines = wrap_text(val, FB, vsize, w - 6) if val else [""]
        yy = y + vsize + 3
        for ln in lines:
            c.text(x + 1, yy, ln)
            yy += vsize + 2
        grule(x, yy - vsize + 2, x + w - 6)
        return yy - vsize + 8

    def section(y, s):
        glabel(M, y, s.upper(), fs + 1)
        grule(M, y + 3, M + TW, 0.8)
        return y + fs + 8

    # -------- page 1
    c.page(PW, PH)
    y = M + fs + 8
    c.font(FB, fs + 9)
    c.text(M, y, "DIAN")
    glabel(M + TW / 2, y - fs - 1, L["title"], fs + 2.5, "c")
    glabel(M + TW / 2, y, L["subtitle"], fs - 0.5, "c")
    glabel(M + TW, y - fs - 7, "Formulario", fs, "r")
    c.font(FB, fs + 6)
    c.text(M + TW, y + 3, "1876", "r")
    y += 16
    vs = fs + 2
    y2 = field(M, y, TW * 0.22, "year", vs)
    field(M + TW * 0.22, y, TW * 0.78, "number", vs + 2)
    y = y2 + 8
    y = section(y, L["applicant"])
    for row in [[("nit", 0.5), ("dv", 0.15), ("secc", 0.35)], [("ap1", 0.5), ("ap2", 0.5)],
                [("n1", 0.5), ("n2", 0.5)], [("rs", 1.0)]]:
        x, ny = M, y
        nl = max(nlab(TW * fr, k) for k, fr in row)
        for k, fr in row:
            ny = max(ny, field(x, y, TW * fr, k, vs, nl))
            x += TW * fr
        y = ny + 4
    y += 6
    c.gray(G + 0.1)
    c.rect(M, y, TW, 4 * fs, lw=0.5)
    c.gray(0)
    glabel(M + 4, y + fs + 2, L["reserved"])
    y += 4 * fs + 14
    for p in legal:
        for ln in wrap_text(p, F, fs - 1, TW):
            glabel(M, y, ln, fs - 1)
            y += fs + 0.5
        y += 3
    glabel(M + TW, PH - M / 2, "Página 1 de 2", fs - 1, "r")
    # -------- page 2
    c.page(PW, PH)
    y = M + fs + 8
    c.font(FB, fs + 9)
    c.text(M, y, "DIAN")
    glabel(M + TW / 2, y - 2, L["title"], fs + 2.5, "c")
    glabel(M + TW, y - 2, "Hoja 2", fs, "r")
    y += 14
    y = section(y, L["detail"])
    spec = table_spec(L, v)
    tot = sum(s[1] for s in spec)
    head, rows = [s[0] for s in spec], [row_vals(r, v) for r in d.ranges]
    bfs = fs + 0.5
    while True:
        widths = fit_widths([s[1] for s in spec], head, rows, F, fs - 1, FB, bfs, TW, 3)
        if widths:
            break
        bfs -= 0.5
    y = canvas_table(c, M, y, widths, head, rows,
                     [s[2] for s in spec], F, FB, bfs, fs - 1, 3, rules="h", head_gray=G,
                     body_font=FB, rule_gray=G + 0.1)
    # stamp frame
    y += 26
    dtxt, ttxt = stamp_text(d.stamp, v["date"], v["time"])
    sw = max(150, c.width(dtxt + "  " + ttxt, FB, fs + 2) + 30)
    sh = 4 * fs + 40
    sx = M + TW - sw
    c.gray(G)
    c.rect(sx, y, sw, sh, lw=1.2)
    c.gray(0)
    glabel(sx + sw / 2, y + fs + 6, "DIAN", fs + 2, "c")
    glabel(sx + sw / 2, y + 2 * fs + 10, L["stamp"] + (" (dd/mm/aaaa)" if v["date"] == "slash" else ""), fs - 0.5, "c")
    c.font(FB, fs + 2)
    c.text(sx + sw / 2, y + 3 * fs + 18, dtxt + "  " + ttxt, "c")
    glabel(sx + sw / 2, y + sh - 6, L["signed"], fs - 0.5, "c")
    grule(M, y + sh - 4, M + 150, 0.5)
    glabel(M, y + sh + fs, L["sign"])
    glabel(M + TW, PH - M / 2, "Página 2 de 2", fs - 1, "r")


# ------------------------------------------------------------------ Chromium
def html(d, L, v, legal):
    e = html_escape
    PW, PH = PAPERS[v["paper"]]
    small = v["paper"] == "A5"
    M = 26 if small else 50
    fs = 6.5 if small else 8.5
    g = int(v["label_gray"] * 255)
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}

    def field(k, w):
        lab, val = it[k]
        return f"<div class='f' style='width:{w}%'><div class='l'>{e(lab)}</div><div class='v'>{e(val) or '&nbsp;'}</div></div>"

    rows = "".join(f"<div class='row'>{''.join(field(k, w) for k, w in row)}</div>" for row in
                   [[("nit", 50), ("dv", 15), ("secc", 35)], [("ap1", 50), ("ap2", 50)],
                    [("n1", 50), ("n2", 50)], [("rs", 100)]])
    spec = table_spec(L, v)
    tot = sum(s[1] for s in spec)
    cg = "".join(f"<col style='width:{s[1] / tot * 100:.1f}%'>" for s in spec)
    ths = "".join(f"<th class='{s[2]}'>{e(s[0])}</th>" for s in spec)
    trs = "".join("<tr>" + "".join(f"<td class='{s[2]}'>{e(x) or '&nbsp;'}</td>" for x, s in zip(row_vals(r, v), spec))
                  + "</tr>" for r in d.ranges)
    dtxt, ttxt = stamp_text(d.stamp, v["date"], v["time"])
    leg = "".join(f"<p>{e(p)}</p>" for p in legal)
    slab = L["stamp"] + (" (dd/mm/aaaa)" if v["date"] == "slash" else "")
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size:{PW}pt {PH}pt; margin:0; }}
* {{ box-sizing:border-box; }}
body {{ margin:0; font-family:'{v['font']}'; font-size:{fs}pt; }}
.page {{ position:relative; width:{PW}pt; height:{PH}pt; padding:{M}pt; overflow:hidden; break-after:page; }}
.l, .g {{ color:rgb({g},{g},{g}); font-weight:200; }}
.l {{ font-size:{fs - 0.5}pt; }}
.v {{ font-weight:bold; font-size:{fs + 2}pt; border-bottom:0.4pt solid rgb({g + 20},{g + 20},{g + 20}); padding:1pt 0 2pt 1pt; margin-right:6pt; }}
.big .v {{ font-size:{fs + 4}pt; }}
.row {{ display:flex; margin-bottom:5pt; }}
.top {{ display:flex; justify-content:space-between; align-items:flex-end; margin-bottom:12pt; }}
.logo {{ font-weight:bold; font-size:{fs + 9}pt; }}
.ttl {{ text-align:center; }} .ttl .g:first-child {{ font-size:{fs + 2.5}pt; }}
.n1876 {{ text-align:right; }} .n1876 b {{ font-size:{fs + 6}pt; }}
.sec {{ color:rgb({g},{g},{g}); font-size:{fs + 1}pt; text-transform:uppercase; border-bottom:0.8pt solid rgb({g + 20},{g + 20},{g + 20}); margin:8pt 0 6pt 0; }}
.res {{ border:0.5pt solid rgb({g + 20},{g + 20},{g + 20}); height:{4 * fs}pt; padding:3pt; margin-top:8pt; }}
.legal {{ font-size:{fs - 1}pt; margin-top:8pt; }}
.foot {{ position:absolute; right:{M}pt; bottom:{M / 2 - 4}pt; font-size:{fs - 1}pt; }}
table {{ width:100%; border-collapse:collapse; table-layout:fixed; }}
th {{ color:rgb({g},{g},{g}); font-weight:200; font-size:{fs - 1}pt; padding:3pt; border-top:0.8pt solid rgb({g + 20},{g + 20},{g + 20}); border-bottom:0.4pt solid rgb({g + 20},{g + 20},{g + 20}); }}
td {{ font-weight:bold; font-size:{fs + 0.5}pt; padding:3pt; border-bottom:0.4pt solid rgb({g + 20},{g + 20},{g + 20}); vertical-align:top; }}
.l.c, th.c, td.c {{ text-align:center; }} th.r, td.r {{ text-align:right; }} th.l, td.l {{ text-align:left; }}
.stamp {{ margin:26pt 0 0 auto; width:{max(150, 14 * fs + 40)}pt; border:1.2pt solid rgb({g},{g},{g}); text-align:center; padding:6pt; }}
.stamp b {{ font-size:{fs + 2}pt; display:block; margin:5pt 0; }}
.sig {{ width:150pt; border-top:0.5pt solid rgb({g + 20},{g + 20},{g + 20}); margin-top:-4pt; }}
</style></head><body>
<div class="page">
<div class="top"><div class="logo">DIAN</div><div class="ttl"><div class="g">{e(L['title'])}</div><div class="g">{e(L['subtitle'])}</div></div>
<div class="n1876"><div class="g">Formulario</div><b>1876</b></div></div>
<div class="row">{field('year', 22)}<div class='big' style='width:78%'>{field('number', 100)}</div></div>
<div class="sec">{e(L['applicant'])}</div>
{rows}
<div class="res"><span class="g">{e(L['reserved'])}</span></div>
<div class="legal g">{leg}</div>
<div class="foot g">Página 1 de 2</div>
</div>
<div class="page">
<div class="top"><div class="logo">DIAN</div><div class="ttl"><div class="g">{e(L['title'])}</div></div><div class="g">Hoja 2</div></div>
<div class="sec">{e(L['detail'])}</div>
<table><colgroup>{cg}</colgroup><tr>{ths}</tr>{trs}</table>
<div class="stamp"><div class="g">DIAN</div><div class="g">{e(slab)}</div><b>{e(dtxt)}&nbsp; {e(ttxt)}</b><div class="g">{e(L['signed'])}</div></div>
<div class="sig g">{e(L['sign'])}</div>
<div class="foot g">Página 2 de 2</div>
</div></body></html>"""
