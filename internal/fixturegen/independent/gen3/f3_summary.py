"""Family summary-grid-rotstamp: the whole form on ONE page as a summary: the
boxes in a 3- or 4-column grid of cards (label above value; cards bordered,
ruled underneath, or with a shaded label strip; the form number card may span
two columns; empty boxes shown or omitted), the ranges table full-width below
(optionally with explicit start/end date columns), and the reception stamp
drawn as a RECTANGLE ROTATED by 4-12 degrees with its text (DIAN, caption,
date, Firmado) rotated inside it. The applicant's name is in mixed case in
about half of the documents. Producers: Chromium (CSS grid), Ghostscript (PostScript)."""
from common3 import *

FAMILY = "summary-grid-rotstamp"


def doc_params(rng, idx):
    return {"nranges": 1 + (idx * 5 + 1) % 6, "natural_prob": 0.45}


def render(d, rng, idx, stem, bstem):
    producer = "chromium" if idx % 2 == 0 else "gs"
    lstyle = rng.choice(["std", "abbrev", "nodot", "dvlong", "std"])
    L = labels(lstyle)
    v = {"labels": lstyle, "modality_case": rng.choice(["upper", "title", "noacc"]),
         "stamp": rng.choice(["slash-ampm", "space-24h", "two-lines", "date-only"]),
         "cols": rng.choice([3, 4]), "card": rng.choice(["bordered", "ruled", "strip"]),
         "show_empty": rng.random() < 0.5, "dates_cols": rng.random() < 0.4,
         "angle": rng.choice([-12, -9, -7, -5, -4, 4, 6, 8, 11]),
         "mixed_case": rng.random() < 0.5, "paper": rng.choice(["Letter", "A4"]),
         "sep": rng.choice([",", ".", "", "nbsp"])}
    if v["mixed_case"]:
        apply_mixed_case(d)
    if producer == "chromium":
        v["font"] = rng.choice(["DejaVu Sans", "Nimbus Sans", "Nimbus Roman", "URW Gothic", "DejaVu Serif"])
        v["font_pt"] = rng.choice([8, 9, 10])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["font"] = rng.choice(["Helvetica", "Times-Roman"])
        v["font_pt"] = rng.choice([7.5, 8, 9])
        c = Canvas3("ps")
        draw(c, d, L, v)
        c.save(bstem, stem + ".pdf")
    return producer, v


PAPER = {"Letter": (612, 792), "A4": (595, 842)}


def cards(d, L, v):
    """list of (label, value, span)"""
    it = {k: (lab, val) for k, lab, val in applicant_items(d, L)}
    n = v["cols"]
    order = ["number", "year", "nit", "dv", "secc"]
    if d.natural or v["show_empty"]:
        order += ["ap1", "ap2", "n1", "n2"]
    if not d.natural or v["show_empty"]:
        order += ["rs"]
    out = []
    for k in order:
        span = 1
        if k == "number" and n == 4:
            span = 2
        if k == "rs":
            span = n
        out.append((it[k][0], it[k][1], span))
    return out


def heads(L, v):
    h = [L["mod"], L["modcode"], L["prefix"], L["from"], L["to"], L["months"]]
    al = ["l", "c", "l", "r", "r", "c"]
    if v["dates_cols"]:
        h += [L["vfrom"], L["vto"]]
        al += ["c", "c"]
    h += [L["req"], L["reqcode"]]
    al += ["l", "c"]
    return h, al


def rowvals(r, v):
    ms = v["modality_case"]
    sepc = NBSP if v["sep"] == "nbsp" else v["sep"]
    vals = [kind_name(r.kind, ms), str(kind_code(r.kind)), r.prefix, fmt_sep(r.frm, sepc),
            fmt_sep(r.to, sepc), str(r.months)]
    if v["dates_cols"]:
        vals += [r.valid_from.isoformat(), r.valid_to.isoformat()]
    vals += [req_name(r.request, ms), str(req_code(r.request))]
    return vals


def html(d, L, v):
    e = html_escape
    fs = v["font_pt"]
    n = v["cols"]
    cs = []
    for lab, val, span in cards(d, L, v):
        cs.append(f"<div class='card' style='grid-column:span {span}'><div class='l'>{e(lab)}</div>"
                  f"<div class='v'>{e(val) or '&nbsp;'}</div></div>")
    card_css = {
        "bordered": ".card { border:1px solid #444; border-radius:3pt; padding:3pt 5pt; }",
        "ruled": ".card { border-bottom:1px solid #000; padding:2pt 2pt 3pt 2pt; }",
        "strip": ".card { border:1px solid #999; } .card .l { background:#e4e4e4; padding:2pt 4pt; } .card .v { padding:3pt 4pt; }",
    }[v["card"]]
    h, al = heads(L, v)
    ths = "".join(f"<th>{e(x)}</th>" for x in h)
    trs = "".join("<tr>" + "".join(f"<td class='{a}'>{e(x) or '&nbsp;'}</td>" for x, a in zip(rowvals(r, v), al)) + "</tr>"
                  for r in d.ranges)
    sl = "<br>".join(e(x) for x in stamp_lines(d, v["stamp"]))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
@page {{ size:{v['paper']}; margin:14mm 14mm 12mm 14mm; }}
body {{ font-family:'{v['font']}'; font-size:{fs}pt; margin:0; }}
.top {{ display:flex; justify-content:space-between; align-items:flex-end; border-bottom:2px solid #000; padding-bottom:4pt; margin-bottom:8pt; }}
.top h1 {{ font-size:{fs + 5}pt; margin:0; }} .top .f {{ font-size:{fs + 6}pt; font-weight:bold; border:2px solid #000; padding:2pt 8pt; }}
h2 {{ font-size:{fs + 1}pt; margin:10pt 0 4pt 0; text-transform:uppercase; letter-spacing:0.5pt; }}
.grid {{ display:grid; grid-template-columns:repeat({n}, 1fr); gap:6pt 8pt; }}
{card_css}
.card .l {{ font-size:{fs - 1.5}pt; color:#333; }} .card .v {{ font-weight:bold; font-size:{fs + 1}pt; }}
table {{ border-collapse:collapse; width:100%; }}
th {{ background:#333; color:#fff; font-weight:bold; font-size:{fs - 1.5}pt; padding:3pt; border:1px solid #333; }}
td {{ border:1px solid #888; padding:3pt 4pt; }}
td.r {{ text-align:right; white-space:nowrap; }} td.c {{ text-align:center; white-space:nowrap; }}
.below {{ display:flex; justify-content:space-between; align-items:flex-start; margin-top:28pt; }}
.stamp {{ transform:rotate({-v['angle']}deg); border:2.5pt solid #000; outline:1pt solid #000; outline-offset:2pt;
          padding:8pt 16pt; text-align:center; margin-right:24pt; }}
.stamp .t {{ font-size:{fs - 1}pt; }} .stamp b {{ font-size:{fs + 2}pt; }}
.sig {{ margin-top:50pt; border-top:1px solid #000; width:190pt; font-size:{fs - 1}pt; }}
.note {{ font-size:{fs - 2}pt; color:#333; margin-top:18pt; }}
</style></head><body>
<div class="top"><div><h1>{e(L['title'])}</h1><div>{e(L['subtitle'])}</div></div><div class="f">1876</div></div>
<h2>{e(L['applicant'])}</h2>
<div class="grid">{''.join(cs)}</div>
<h2>{e(L['detail'])}</h2>
<table><tr>{ths}</tr>{trs}</table>
<div class="below"><div class="sig">{e(L['sign'])}</div>
<div class="stamp"><b>DIAN</b><div class="t">{e(L['stamp'])}</div><b>{sl}</b><div class="t">{e(L['signed'])}</div></div></div>
<div class="note">Resumen de una página del formulario 1876 · DIAN NIT {DIAN_NIT}-{DIAN_DV} · www.dian.gov.co</div>
</body></html>"""


def draw(c, d, L, v):
    PW, PH = PAPER[v["paper"]]
    M = 40
    TW = PW - 2 * M
    F = v["font"]
    FB = "Helvetica-Bold" if F == "Helvetica" else "Times-Bold"
    fs = v["font_pt"]
    c.page(PW, PH)
    c.font(FB, fs + 5)
    c.text(M, M + 14, L["title"])
    c.font(F, fs)
    c.text(M, M + 26, L["subtitle"])
    c.font(FB, fs + 6)
    bw = c.width("1876") + 16
    c.rect(PW - M - bw, M, bw, 22, lw=2)
    c.text(PW - M - bw / 2, M + 16, "1876", "c")
    c.line(M, M + 32, PW - M, M + 32, lw=2)
    y = M + 52
    c.font(FB, fs + 1)
    c.text(M, y, L["applicant"].upper())
    y += 8
    n = v["cols"]
    gap = 8
    cw = (TW - gap * (n - 1)) / n
    ch = 2 * fs + 16
    col = 0
    for lab, val, span in cards(d, L, v):
        if col + span > n:
            col = 0
            y += ch + 6
        x = M + col * (cw + gap)
        w = cw * span + gap * (span - 1)
        if v["card"] == "bordered":
            c.rect(x, y, w, ch, lw=0.8)
            lx, ly, vy = x + 5, y + fs + 2, y + ch - 5
        elif v["card"] == "ruled":
            c.line(x, y + ch, x + w, y + ch, lw=0.8)
            lx, ly, vy = x + 2, y + fs + 1, y + ch - 4
        else:
            c.rect(x, y, w, fs + 5, lw=0, fill=0.88)
            c.rect(x, y, w, ch, lw=0.6)
            lx, ly, vy = x + 4, y + fs + 1, y + ch - 4
        c.font(F, fs - 1.5)
        c.text(lx, ly, lab)
        if val:
            c.font(FB, fs + 1)
            c.text(lx, vy, val)
        col += span
        if col >= n:
            col = 0
            y += ch + 6
    if col:
        y += ch + 6
    y += 14
    c.font(FB, fs + 1)
    c.text(M, y, L["detail"].upper())
    y += 6
    h, al = heads(L, v)
    weights = [3.0, 0.6, 0.9, 1.4, 1.4, 1.0] + ([1.3, 1.3] if v["dates_cols"] else []) + [1.6, 0.6]
    tot = sum(weights)
    xs, x = [], M
    for wgt in weights:
        xs.append((x, TW * wgt / tot))
        x += TW * wgt / tot
    hfs = fs - 1.5
    hl = [wrap_text(t, FB, hfs, w - 6) for t, (x, w) in zip(h, xs)]
    hh = max(len(q) for q in hl) * (hfs + 1.5) + 6
    c.rect(M, y, TW, hh, lw=0, fill=0.2)
    c.gray(1)
    c.font(FB, hfs)
    for q, (x, w) in zip(hl, xs):
        for j, ln in enumerate(q):
            c.text(x + w / 2, y + 3 + hfs + j * (hfs + 1.5), ln, "c")
    c.gray(0)
    y += hh
    for r in d.ranges:
        vals = rowvals(r, v)
        wl = [wrap_text(t, F, fs, w - 8) or [""] for t, (x, w) in zip(vals, xs)]
        nl = max(len(q) for q in wl)
        rh = nl * (fs + 2) + 6
        c.font(F, fs)
        for q, (x, w), a in zip(wl, xs, al):
            c.rect(x, y, w, rh, lw=0.5)
            for j, ln in enumerate(q):
                tx = {"l": x + 4, "r": x + w - 4, "c": x + w / 2}[a]
                c.text(tx, y + 3 + fs + j * (fs + 2), ln, a)
        y += rh
    # rotated rectangle stamp
    sl = stamp_lines(d, v["stamp"])
    lines = [("DIAN", FB, fs + 2), (L["stamp"], F, fs - 1)] + [(s, FB, fs + 2) for s in sl] + [(L["signed"], F, fs - 1)]
    sw = max(c.width(t, f_, s_) for t, f_, s_ in lines) + 36
    sh = sum(s_ + 4 for _, _, s_ in lines) + 16
    sx, sy = PW - M - sw - 20, y + 36
    prev = (F, fs)
    c.rot_begin(sx + sw / 2, sy + sh / 2, v["angle"])
    c.rect(sx, sy, sw, sh, lw=2.5)
    c.rect(sx - 3.5, sy - 3.5, sw + 7, sh + 7, lw=1)
    yy = sy + 8
    for t, f_, s_ in lines:
        yy += s_ + 4
        c.font(f_, s_)
        c.text(sx + sw / 2, yy - 3, t, "c")
    c.rot_end(prev)
    c.line(M, sy + 60, M + 190, sy + 60, lw=0.8)
    c.font(F, fs - 1)
    c.text(M, sy + 70, L["sign"])
    c.font(F, fs - 2)
    c.text(M, PH - 30, f"Resumen de una página del formulario 1876 · DIAN NIT {DIAN_NIT}-{DIAN_DV} · www.dian.gov.co")
