"""Family split-header-reordered-words: the official two-page content, but
page 2 is a LANDSCAPE page whose ranges table has its COLUMNS IN A DIFFERENT
ORDER (one of four permutations: prefix and numbers first and modality late,
request type first, validity dates first, or months first and the numbers
last) and whose header labels are BROKEN OVER TWO LINES at odd places
('32. Desde' / 'el número', '38. Vigencia' / '(meses)', '30. Modali-' / 'dad',
'Tipo de soli-' / 'citud'); modality and request codes sit in their own 'Cód.'
columns. Every range carries explicit start/end dates written IN WORDS
('15 de marzo de 2024', 'marzo 15 de 2024', '15 de Marzo de 2024') or
dd/mm/aaaa, and the acknowledgement date is written the same way with a
Spanish 'a. m./p. m.' time. Numbers carry '.' thousands separators or are
ZERO-PADDED to 8 or 10 digits ('0000005000'). Page 1 (portrait): the form
number in a box at the top right, the applicant as a ruled 4-column grid in
which the NIT (plain or dotted '900.123.456') and the DV sit in separate,
adjacent cells ('5. NIT | 900.123.456 | 6. DV | 7'). Furniture: 'Hoja 1'/
'Hoja 2', 'Página n de 2'. Producers: mutool create, Chromium (named
landscape @page for page 2)."""
from common5 import *

FAMILY = "split-header-reordered-words"

PERMS = [
    ["prefix", "from", "to", "vfrom", "vto", "months", "kind", "kcode", "req", "rcode"],
    ["req", "rcode", "kind", "kcode", "vfrom", "vto", "months", "prefix", "from", "to"],
    ["vfrom", "vto", "prefix", "from", "to", "kind", "kcode", "months", "req", "rcode"],
    ["months", "vfrom", "vto", "kind", "kcode", "req", "rcode", "prefix", "from", "to"],
]


def doc_params(rng, idx):
    return {"nranges": [3, 2, 4, 1, 5, 2, 3, 6, 2, 4, 1, 3][idx % 12], "natural_prob": 0.35}


def header(key, v):
    hy = v["hyphen"]
    H = {
        "kind": ("30. Modali-", "dad") if hy else ("30.", "Modalidad"),
        "kcode": ("Cód.", "mod."),
        "prefix": ("31.", "Prefijo"),
        "from": ("32. Desde", "el número"),
        "to": ("33. Hasta", "el número"),
        "months": ("38. Vigencia", "(meses)"),
        "req": ("Tipo de soli-", "citud") if hy else ("Tipo de", "solicitud"),
        "rcode": ("Cód.", "sol."),
        "vfrom": ("Fecha", "inicial"),
        "vto": ("Fecha", "final"),
    }[key]
    if v["upper"]:
        H = tuple(h.upper() for h in H)
    return H


def num(n, v):
    if v["nums"] == "dot":
        return fmt_sep(n, ".")
    if v["nums"] == "pad8":
        return f"{n:08d}"
    if v["nums"] == "pad10":
        return f"{n:010d}"
    return str(n)


def cell(key, r, v):
    ms = v["modality_case"]
    return {"kind": kind_name(r.kind, ms), "kcode": str(kind_code(r.kind)), "prefix": r.prefix,
            "from": num(r.frm, v), "to": num(r.to, v), "months": str(r.months),
            "req": req_name(r.request, ms), "rcode": str(req_code(r.request)),
            "vfrom": date_fmt(r.valid_from, v["dates"]), "vto": date_fmt(r.valid_to, v["dates"])}[key]


WEIGHT = {"kind": 2.0, "kcode": 0.45, "prefix": 0.6, "from": 1.0, "to": 1.0, "months": 0.8,
          "req": 1.3, "rcode": 0.45, "vfrom": 1.5, "vto": 1.5}
ALIGN = {"kind": "l", "kcode": "c", "prefix": "c", "from": "r", "to": "r", "months": "c",
         "req": "l", "rcode": "c", "vfrom": "l", "vto": "l"}


def stamp_str(d, v):
    return f"{date_fmt(d.stamp.date(), v['dates'])} {time_ampm_es(d.stamp)}"


def grid_rows(d, L, v):
    nit = nit_show(d.nit, d.dv, "dotted" if v["nit_dotted"] else "plain")
    rows = [(L["year"], d.year, L["secc"], d.secc), (L["nit"], nit, L["dv"], str(d.dv))]
    if d.natural:
        rows += [(L["ap1"], d.ap1, L["ap2"], d.ap2), (L["n1"], d.n1, L["n2"], d.n2)]
    else:
        rows.append((L["rs"], d.rs, "", ""))
    return rows


def render(d, rng, idx, stem, bstem):
    producer = "mutool" if idx % 2 == 0 else "chromium"
    v = {"labels": rng.choice(["std", "std", "abbrev", "noacc", "nodot"]),
         "perm": rng.randrange(len(PERMS)), "hyphen": rng.random() < 0.5, "upper": rng.random() < 0.35,
         "modality_case": rng.choice(["upper", "upper", "title", "noacc"]),
         "dates": rng.choice(["words", "words-us", "words-cap", "slash", "words"]),
         "nums": rng.choice(["dot", "dot", "pad8", "pad10", "plain"]),
         "nit_dotted": rng.random() < 0.5}
    L = labels(v["labels"])
    legal = legal_paragraphs(rng, d)
    if producer == "chromium":
        v["font"] = rng.choice(["DejaVu Sans", "Nimbus Sans", "Nimbus Roman", "P052"])
        v["font_pt"] = rng.choice([8.5, 9, 9.5])
        with open(bstem + ".html", "w", encoding="utf-8") as f:
            f.write(html(d, L, v, legal))
        chromium_pdf(bstem + ".html", stem + ".pdf")
    else:
        v["font"] = rng.choice(["Helvetica", "Times-Roman", "Helvetica"])
        v["font_pt"] = rng.choice([8, 8.5, 9])
        c = Canvas4("mu")
        draw(c, d, L, v, legal)
        c.save(bstem, stem + ".pdf")
    return producer, v


def esc(s):
    return html_escape(s)


def html(d, L, v, legal):
    fs = v["font_pt"]
    cols = PERMS[v["perm"]]
    grid = "".join(f"<tr><th>{esc(a)}</th><td>{esc(b) or '&nbsp;'}</td><th>{esc(c)}</th><td>{esc(e) or '&nbsp;'}</td></tr>"
                   if c else f"<tr><th>{esc(a)}</th><td colspan=3>{esc(b)}</td></tr>" for a, b, c, e in grid_rows(d, L, v))
    thead = "".join(f"<th>{esc(header(k, v)[0])}<br>{esc(header(k, v)[1])}</th>" for k in cols)
    tbody = "".join("<tr>" + "".join(f'<td class="{ALIGN[k]}{" nw" if k in ("vfrom", "vto") else ""}">{esc(cell(k, r, v)) or "&nbsp;"}</td>' for k in cols)
                    + "</tr>" for r in d.ranges)
    tw = sum(WEIGHT[k] for k in cols)
    colg = "".join(f'<col style="width:{100 * WEIGHT[k] / tw:.1f}%">' for k in cols)
    lp = "".join(f"<p>{esc(p)}</p>" for p in legal)
    return f"""<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><style>
@page {{ size: letter portrait; margin: 0.6in; }}
@page land {{ size: letter landscape; margin: 0.5in; }}
body {{ font-family: '{v['font']}'; font-size: {fs}pt; margin: 0; }}
.p2 {{ page: land; }}
.top {{ display: flex; justify-content: space-between; align-items: flex-start; }}
.top h1 {{ font-size: {fs + 5}pt; margin: 0; }}
.nbox {{ border: 1.5px solid #000; padding: 4px 8px; min-width: 2.2in; }}
.nbox .l {{ font-size: {fs - 1}pt; }} .nbox .v {{ font-size: {fs + 4}pt; font-weight: bold; }}
h2 {{ font-size: {fs + 1}pt; background: #ddd; padding: 2px 4px; margin: 14px 0 4px; }}
table {{ border-collapse: collapse; width: 100%; }}
.g th {{ text-align: left; font-weight: normal; font-size: {fs - 0.5}pt; border: 1px solid #555; padding: 3px; width: 22%; background: #f3f3f3; }}
.g td {{ border: 1px solid #555; padding: 3px; font-weight: bold; width: 28%; }}
.r {{ table-layout: auto; }}
td.nw {{ white-space: nowrap; }}
.r th {{ border: 1px solid #444; border-bottom: 2px solid #000; padding: 3px; font-size: {fs - 0.5}pt; vertical-align: bottom; text-align: center; white-space: nowrap; }}
.r td {{ border: 1px solid #444; padding: 3px; }}
td.r {{ text-align: right; }} td.c {{ text-align: center; }} td.l {{ text-align: left; }}
.legal p {{ font-size: {fs - 1}pt; text-align: justify; margin: 4px 0; }}
.stamp {{ border: 2px solid #000; width: 3.2in; margin: 18px 0 0 auto; padding: 6px; text-align: center; }}
.hoja {{ text-align: right; font-size: {fs - 1}pt; color: #444; }}
.foot {{ margin-top: 16px; font-size: {fs - 1}pt; text-align: center; color: #444; }}
</style></head><body>
<div class="hoja">Hoja 1</div>
<div class="top"><div><h1>{esc(L['title'])}</h1><div>{esc(L['subtitle'])}</div></div>
<div class="nbox"><div class="l">{esc(L['number'])}</div><div class="v">{esc(d.number)}</div></div></div>
<h2>{esc(L['applicant'])}</h2>
<table class="g">{grid}</table>
<div class="legal">{lp}</div>
<div class="foot">Página 1 de 2</div>
<div class="p2" style="break-before: page">
<div class="hoja">Hoja 2</div>
<h2>{esc(L['detail'])}</h2>
<table class="r"><colgroup>{colg}</colgroup><thead><tr>{thead}</tr></thead><tbody>{tbody}</tbody></table>
<div class="stamp"><b>DIAN</b><br>{esc(L['stamp'])}<br><b>{esc(stamp_str(d, v))}</b><br>{esc(L['signed'])}</div>
<div class="foot">Página 2 de 2</div>
</div></body></html>"""


def draw(c, d, L, v, legal):
    F = v["font"]
    FB = "Helvetica-Bold" if F == "Helvetica" else "Times-Bold"
    fs = v["font_pt"]
    # page 1, portrait
    W, H = 612, 792
    c.page(W, H)
    m = 44
    c.font(F, fs - 1)
    c.text(W - m, 30, "Hoja 1", "r")
    c.font(FB, fs + 5)
    c.text(m, 62, L["title"])
    c.font(F, fs)
    c.text(m, 76, L["subtitle"])
    bw = 170
    c.rect(W - m - bw, 44, bw, 38, lw=1.4)
    c.font(F, fs - 1)
    c.text(W - m - bw + 6, 55, L["number"])
    c.font(FB, fs + 4)
    c.text(W - m - bw + 6, 74, d.number)
    y = 104
    c.rect(m, y, W - 2 * m, fs + 6, lw=0, fill=0.85)
    c.font(FB, fs + 1)
    c.text(m + 4, y + fs + 2, L["applicant"])
    y += fs + 8
    tw = W - 2 * m
    ws = [tw * 0.22, tw * 0.28, tw * 0.22, tw * 0.28]
    for a, b, cc, e in grid_rows(d, L, v):
        la = wrap_cell(a, F, fs - 0.5, ws[0] - 6)
        lc = wrap_cell(cc, F, fs - 0.5, ws[2] - 6) if cc else [""]
        if cc:
            lb = wrap_cell(b, FB, fs, ws[1] - 6)
            le = wrap_cell(e, FB, fs, ws[3] - 6)
        else:
            lb = wrap_cell(b, FB, fs, ws[1] + ws[2] + ws[3] - 6)
            le = [""]
        nl = max(len(la), len(lb), len(lc), len(le))
        rh = nl * fs * 1.3 + 6
        xs = [m, m + ws[0], m + ws[0] + ws[1], m + ws[0] + ws[1] + ws[2]]
        c.rect(m, y, ws[0], rh, lw=0.6, fill=0.95)
        if cc:
            c.rect(xs[1], y, ws[1], rh, lw=0.6)
            c.rect(xs[2], y, ws[2], rh, lw=0.6, fill=0.95)
            c.rect(xs[3], y, ws[3], rh, lw=0.6)
        else:
            c.rect(xs[1], y, ws[1] + ws[2] + ws[3], rh, lw=0.6)
        for lines, xx, font, sz in ((la, xs[0], F, fs - 0.5), (lb, xs[1], FB, fs), (lc, xs[2], F, fs - 0.5), (le, xs[3], FB, fs)):
            c.font(font, sz)
            for j, ln in enumerate(lines):
                c.text(xx + 3, y + 3 + fs * 0.9 + j * fs * 1.3, ln)
        y += rh
    y += 16
    c.font(F, fs - 1)
    for p in legal:
        for ln in wrap_text(p, F, fs - 1, tw):
            c.text(m, y, ln)
            y += (fs - 1) * 1.35
        y += 4
    c.text(W / 2, H - 30, "Página 1 de 2", "c")
    # page 2, landscape
    W, H = 792, 612
    c.page(W, H)
    m = 36
    c.font(F, fs - 1)
    c.text(W - m, 28, "Hoja 2", "r")
    y = 44
    c.rect(m, y, W - 2 * m, fs + 6, lw=0, fill=0.85)
    c.font(FB, fs + 1)
    c.text(m + 4, y + fs + 2, L["detail"])
    y += fs + 14
    cols = PERMS[v["perm"]]
    rows = [[cell(k, r, v) for k in cols] for r in d.ranges]
    hdr = [" ".join(header(k, v)) for k in cols]
    ws = fit_widths([WEIGHT[k] for k in cols], hdr, rows, FB, fs - 0.5, F, fs, W - 2 * m, 3)
    # two-line header drawn by hand
    hh = 2 * fs * 1.25 + 6
    x = m
    c.font(FB, fs - 0.5)
    for k, w in zip(cols, ws):
        c.rect(x, y, w, hh, lw=0.6)
        l1, l2 = header(k, v)
        c.text(x + w / 2, y + 3 + fs * 0.85, l1, "c")
        c.text(x + w / 2, y + 3 + fs * 0.85 + fs * 1.25, l2, "c")
        x += w
    c.line(m, y + hh, W - m, y + hh, lw=1.6)
    y += hh
    y = canvas_table(c, m, y, ws, None, rows, [ALIGN[k] for k in cols], F, FB, fs, fs, 3)
    y += 24
    sw = 230
    c.rect(W - m - sw, y, sw, 4 * fs * 1.4 + 10, lw=1.8)
    cx = W - m - sw / 2
    c.font(FB, fs)
    c.text(cx, y + fs + 4, "DIAN", "c")
    c.font(F, fs)
    c.text(cx, y + fs * 2.4 + 4, L["stamp"], "c")
    c.font(FB, fs)
    c.text(cx, y + fs * 3.8 + 4, stamp_str(d, v), "c")
    c.font(F, fs)
    c.text(cx, y + fs * 5.2 + 4, L["signed"], "c")
    c.font(F, fs - 1)
    c.text(W / 2, H - 26, "Página 2 de 2", "c")
