"""Family rowspan-merged-cells: the ranges table uses MERGED CELLS the way a
spreadsheet export or a hand-made Word table does: consecutive rows of the
same modality share ONE modality cell and ONE modality-code cell (rowspan),
consecutive rows with the same request type share one request cell and one
request-code cell (these runs are independent of the modality runs, so the
spans overlap in staggered ways), and optionally equal validity months are
merged too. Merged text is vertically centred (between rows) or top-aligned.
Ranges are listed grouped by modality (the truth follows the printed order).
Page 1: title band, year/number row, applicant as 'label: value' inside ruled
cells two per row. Page 2: the table and a double-circle stamp with curved
'DIRECCIÓN DE IMPUESTOS Y ADUANAS NACIONALES' and a horizontal date.
Producers: Chromium (HTML rowspan), mutool create, Ghostscript (PostScript)."""
from common4 import *

FAMILY = "rowspan-merged-cells"


def doc_params(rng, idx):
    return {"nranges": [4, 3, 5, 6, 4, 5, 3, 6, 2, 5, 4, 6][idx % 12], "natural_prob": 0.4}


def set_kind(d, i, kind, rng):
    r = d.ranges[i]
    r.kind = kind
    used = {x.prefix for x in d.ranges}
    pool = [p for p in PREFIX_POOL[kind] if p not in used]
    if r.prefix and pool:
        r.prefix = rng.choice(pool)


def shape(d, rng):
    n = len(d.ranges)
    # make runs of equal modality and of equal request type likely
    for i in range(1, n):
        if rng.random() < 0.55:
            set_kind(d, i, d.ranges[i - 1].kind, rng)
    group_by_kind(d)
    req = "authorization"
    for r in d.ranges:
        if rng.random() < 0.35:
            req = rng.choice(["authorization", "enablement", "disablement"])
        r.request = req


def render(d, rng, idx, stem, bstem):
    producer = ["chromium", "mutool", "gs"][idx % 3]
    shape(d, rng)
    lstyle = rng.choice(["std", "std", "abbrev", "upper", "noacc", "nodot"])
    L = labels(lstyle)
    v = {"labels": lstyle, "modality_case": rng.choice(["upper", "upper", "title", "noacc"]),
         "valign": rng.choice(["middle", "middle", "top"]), "merge_months": rng.random() < 0.5,
         "sep": rng.choice([",", ".", ","]), "stamp": rng.choice(["slash-ampm", "space-24h", "two-lines"]),
         "paper": rng.choice(["Letter", "A4"])}
    legal = legal_paragraphs(rng, d)
    if producer == "chromium":
        v["font"] = rng.choice(["DejaVu Sans", "Nimbus Sans", "Nimbus Roman", "C059", "Nimbus Sans Narrow"])
        v["font_pt"] = rng.choice([8.5, 9, 10])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v, legal))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["font"] = rng.choice(["Helvetica", "Times-Roman"])
        v["font_pt"] = rng.choice([8, 8.5, 9])
        c = Canvas4("ps" if producer == "gs" else "mu")
        draw(c, d, L, v, legal)
        c.save(bstem, stem + ".pdf")
    return producer, v


def spec(L, v):
    """(header, weight, align, value-fn, merge-group or None)"""
    ms = v["modality_case"]
    return [(L["mod"], 2.6, "l", lambda r: kind_name(r.kind, ms), "kind"),
            (L["modcode"], 0.5, "c", lambda r: str(kind_code(r.kind)), "kind"),
            (L["prefix"], 0.8, "l", lambda r: r.prefix, None),
            (L["from"], 1.3, "r", lambda r: fmt_sep(r.frm, v["sep"]), None),
            (L["to"], 1.3, "r", lambda r: fmt_sep(r.to, v["sep"]), None),
            (L["months"], 0.9, "c", lambda r: str(r.months), "months" if v["merge_months"] else None),
            (L["req"], 1.6, "l", lambda r: req_name(r.request, ms), "req"),
            (L["reqcode"], 0.5, "c", lambda r: str(req_code(r.request)), "req")]


def runs(d, group):
    """list of (start, end_exclusive) row spans for a merge group"""
    n = len(d.ranges)
    if group is None:
        return [(i, i + 1) for i in range(n)]
    key = {"kind": lambda r: r.kind, "req": lambda r: r.request, "months": lambda r: r.months}[group]
    out, s = [], 0
    for i in range(1, n + 1):
        if i == n or key(d.ranges[i]) != key(d.ranges[s]):
            out.append((s, i))
            s = i
    return out


# ------------------------------------------------------------------ canvas
def draw(c, d, L, v, legal):
    PW, PH = PAPERS[v["paper"]]
    M = 44
    TW = PW - 2 * M
    F = v["font"]
    FB = "Helvetica-Bold" if F == "Helvetica" else "Times-Bold"
    fs = v["font_pt"]
    P = 3
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}
    # -------- page 1
    c.page(PW, PH)
    y = M
    c.rect(M, y, TW, 30, lw=0, fill=0.2)
    c.gray(1)
    c.font(FB, fs + 8)
    c.text(M + 8, y + 21, "DIAN")
    c.font(FB, fs + 3)
    c.text(M + TW / 2 + 20, y + 19, L["title"], "c")
    c.font(FB, fs + 6)
    c.text(M + TW - 8, y + 21, "1876", "r")
    c.gray(0)
    y += 44
    c.font(F, fs - 0.5)
    c.text(M, y, L["subtitle"])
    y += 10

    def inline_cells(y, pairs):
        """ruled cells holding 'label: value' (value bold)"""
        h = fs + 2 * P + 6
        x = M
        for k, fr in pairs:
            w = TW * fr
            c.rect(x, y, w, h, lw=0.6)
            lab, val = it[k]
            c.font(F, fs - 0.5)
            c.text(x + P + 1, y + h / 2 + fs / 2 - 1, lab + ":")
            lw_ = c.width(lab + ":  ")
            c.font(FB, fs + 1)
            c.text(x + P + 1 + lw_, y + h / 2 + fs / 2 - 1, val)
            x += w
        return y + h

    y = inline_cells(y, [("year", 0.3), ("number", 0.7)]) + 12
    c.font(FB, fs + 1)
    c.text(M, y, L["applicant"])
    y += 5
    wide = max(c.width(it[k][0] + ":  ", F, fs - 0.5) + c.width(it[k][1], FB, fs + 1) for k in it) > TW / 2 - 10
    rows = ([[("nit", 0.5), ("dv", 0.5)], [("ap1", 0.5), ("ap2", 0.5)], [("n1", 0.5), ("n2", 0.5)],
             [("rs", 1.0)], [("secc", 0.5)]])
    if wide:
        rows = [[(k, 1.0)] for row in rows for k, _ in row]
    for row in rows:
        y = inline_cells(y, row)
    y += 24
    c.font(F, fs - 1)
    for p in legal:
        for ln in wrap_text(p, F, fs - 1, TW):
            c.text(M, y, ln)
            y += fs + 1
        y += 4
    c.text(PW - M, PH - 30, "Página 1 de 2", "r")
    # -------- page 2
    c.page(PW, PH)
    y = M
    c.rect(M, y, TW, 22, lw=0, fill=0.2)
    c.gray(1)
    c.font(FB, fs + 2)
    c.text(M + 8, y + 15, L["detail"])
    c.text(M + TW - 8, y + 15, "1876", "r")
    c.gray(0)
    y += 32
    sp = spec(L, v)
    head = [s[0] for s in sp]
    vals = [[s[3](r) for s in sp] for r in d.ranges]
    widths = None
    bfs = fs
    while widths is None:
        widths = fit_widths([s[1] for s in sp], head, vals, F, fs - 1, F, bfs, TW, P)
        if widths is None:
            bfs -= 0.5
    xs = [M + sum(widths[:j]) for j in range(len(sp))]
    # header
    hfs = fs - 1
    hl = [wrap_cell(h, F, hfs, w - 2 * P) for h, w in zip(head, widths)]
    hh = max(len(q) for q in hl) * (hfs + 2) + 2 * P
    for q, x, w in zip(hl, xs, widths):
        c.rect(x, y, w, hh, lw=0.6, fill=0.88)
        c.font(F, hfs)
        for j, ln in enumerate(q):
            c.text(x + w / 2, y + P + hfs + j * (hfs + 2), ln, "c")
    y += hh
    # row heights from the unmerged cells, then enlarge for merged ones
    lh = bfs + 2.5
    n = len(d.ranges)
    wrapped = [[wrap_cell(vals[i][j], F, bfs, widths[j] - 2 * P) for j in range(len(sp))] for i in range(n)]
    rh = [0.0] * n
    for i in range(n):
        for j, s in enumerate(sp):
            if s[4] is None:
                rh[i] = max(rh[i], len(wrapped[i][j]) * lh + 2 * P)
        rh[i] = max(rh[i], lh + 2 * P)
    colruns = [runs(d, s[4]) for s in sp]
    for j, rr in enumerate(colruns):
        for a, b in rr:
            need = len(wrapped[a][j]) * lh + 2 * P
            have = sum(rh[a:b])
            if need > have:
                rh[b - 1] += need - have
    ys = [y]
    for h in rh:
        ys.append(ys[-1] + h)
    for j, rr in enumerate(colruns):
        x, w, al = xs[j], widths[j], sp[j][2]
        for a, b in rr:
            top, bot = ys[a], ys[b]
            c.rect(x, top, w, bot - top, lw=0.6)
            q = wrapped[a][j]
            th = len(q) * lh
            t0 = top + P if v["valign"] == "top" or b - a == 1 else top + (bot - top - th) / 2
            c.font(F, bfs)
            for k, ln in enumerate(q):
                yy = t0 + bfs * 0.85 + k * lh + 1
                tx = {"l": x + P, "r": x + w - P, "c": x + w / 2}[al]
                c.text(tx, yy, ln, al)
    y = ys[-1]
    # stamp
    sl = stamp_lines(d, v["stamp"])
    R = 70
    cx, cy = PW - M - R - 10, y + 40 + R
    c.circle(cx, cy, R, lw=1.3)
    c.circle(cx, cy, R - 16, lw=0.6)
    c.font(F, 6.5)
    c.arc_text(cx, cy, R - 9, "DIRECCIÓN DE IMPUESTOS Y ADUANAS NACIONALES", 165, 150)
    c.font(FB, fs + 1)
    c.text(cx, cy - 22, "DIAN", "c")
    c.font(F, fs - 1)
    c.text(cx, cy - 10, L["stamp"], "c")
    c.font(FB, fs)
    yy = cy + 5
    for ln in sl:
        c.text(cx, yy, ln, "c")
        yy += fs + 3
    c.font(F, fs - 1)
    c.text(cx, cy + 40, L["signed"], "c")
    c.line(M, cy + R - 10, M + 190, cy + R - 10, lw=0.5)
    c.text(M, cy + R, L["sign"])
    c.text(PW - M, PH - 30, "Página 2 de 2", "r")


# ------------------------------------------------------------------ Chromium
def html(d, L, v, legal):
    e = html_escape
    PW, PH = PAPERS[v["paper"]]
    fs = v["font_pt"]
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}
    sp = spec(L, v)
    colruns = [runs(d, s[4]) for s in sp]
    starts = [{a: b - a for a, b in rr} for rr in colruns]
    tot = sum(s[1] for s in sp)
    cg = "".join(f"<col style='width:{s[1] / tot * 100:.1f}%'>" for s in sp)
    ths = "".join(f"<th>{e(s[0])}</th>" for s in sp)
    trs = []
    for i, r in enumerate(d.ranges):
        tds = []
        for j, s in enumerate(sp):
            if i in starts[j]:
                span = starts[j][i]
                rs = f" rowspan='{span}'" if span > 1 else ""
                tds.append(f"<td class='{s[2]}'{rs}>{e(s[3](r)) or '&nbsp;'}</td>")
        trs.append("<tr>" + "".join(tds) + "</tr>")

    def ic(k, w):
        lab, val = it[k]
        return f"<td style='width:{w}%'>{e(lab)}: &nbsp;<b>{e(val)}</b></td>"

    app = "".join(f"<table class='ic'><tr>{''.join(ic(k, w) for k, w in row)}</tr></table>"
                  for row in [[("nit", 50), ("dv", 50)], [("ap1", 50), ("ap2", 50)], [("n1", 50), ("n2", 50)],
                              [("rs", 100)], [("secc", 50)]])
    sl = "<br>".join(e(x) for x in stamp_lines(d, v["stamp"]))
    leg = "".join(f"<p>{e(p)}</p>" for p in legal)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size:{PW}pt {PH}pt; margin:0; }}
* {{ box-sizing:border-box; }}
body {{ margin:0; font-family:'{v['font']}'; font-size:{fs}pt; }}
.page {{ position:relative; width:{PW}pt; height:{PH}pt; padding:44pt; overflow:hidden; break-after:page; }}
.band {{ background:#333; color:#fff; display:flex; justify-content:space-between; align-items:center; padding:5pt 8pt; font-weight:bold; }}
.band .big {{ font-size:{fs + 8}pt; }}
table {{ border-collapse:collapse; width:100%; }}
.ic td {{ border:0.6pt solid #000; padding:4pt; }} .ic b {{ font-size:{fs + 1}pt; }}
.ic {{ margin-top:-0.6pt; }}
h3 {{ font-size:{fs + 1}pt; margin:12pt 0 4pt 0; }}
.legal {{ font-size:{fs - 1}pt; margin-top:20pt; }}
.rng {{ table-layout:fixed; margin-top:10pt; }}
.rng th {{ border:0.6pt solid #000; background:#e0e0e0; font-weight:normal; font-size:{fs - 1}pt; padding:3pt; }}
.rng td {{ border:0.6pt solid #000; padding:3pt; vertical-align:{v['valign']}; }}
td.r {{ text-align:right; }} td.c {{ text-align:center; }}
.stamp {{ width:140pt; height:140pt; border:1.3pt solid #000; border-radius:50%; margin:40pt 10pt 0 auto; padding:14pt;
         display:flex; flex-direction:column; justify-content:center; align-items:center; text-align:center; outline:0.6pt solid #000; outline-offset:-16pt; }}
.stamp .t {{ font-size:5.5pt; }}
.sig {{ width:190pt; border-top:0.5pt solid #000; margin-top:-10pt; }}
.pg {{ position:absolute; right:44pt; bottom:24pt; font-size:{fs - 1}pt; }}
</style></head><body>
<div class="page">
<div class="band"><span class="big">DIAN</span><span style="font-size:{fs + 3}pt">{e(L['title'])}</span><span class="big">1876</span></div>
<div style="margin:8pt 0; font-size:{fs - 0.5}pt">{e(L['subtitle'])}</div>
<table class="ic"><tr>{ic('year', 30)}{ic('number', 70)}</tr></table>
<h3>{e(L['applicant'])}</h3>
{app}
<div class="legal">{leg}</div>
<div class="pg">Página 1 de 2</div>
</div>
<div class="page">
<div class="band"><span>{e(L['detail'])}</span><span>1876</span></div>
<table class="rng"><colgroup>{cg}</colgroup><tr>{ths}</tr>{''.join(trs)}</table>
<div class="stamp"><span class="t">DIRECCIÓN DE IMPUESTOS Y ADUANAS NACIONALES</span><b>DIAN</b><span style="font-size:{fs - 1}pt">{e(L['stamp'])}</span><b>{sl}</b><span style="font-size:{fs - 1}pt">{e(L['signed'])}</span></div>
<div class="sig">{e(L['sign'])}</div>
<div class="pg">Página 2 de 2</div>
</div></body></html>"""
