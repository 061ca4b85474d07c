"""Family watermark-overlay-copy: a COPY of the authorization that went
through a browser or a document-management system, so every page carries
(a) a LARGE SEMI-TRANSPARENT WATERMARK drawn across the fields and (b) header
and footer lines printed by the browser / the system.

The form underneath: official-style content in ruled cells (label on top,
value below) or a label | value grid: header with DIAN, title and model box
1876; 'Datos del solicitante' (4, 1, 5, 6, 7-10 or 11, 12); the ranges table
(30 + code, 31, 32, 33, 38, optional start / end date columns, request type +
code) and the reception stamp ('Fecha Acuse de Recibo', date / time,
'Firmado'). Either two pages (taxpayer boxes on page 1, table and stamp on
page 2) or everything on one page.

Watermark (per document): 'diagonal' (one big word or phrase at 30-55
degrees: 'COPIA', 'COPIA NO CONTROLADA', 'DOCUMENTO NO VÁLIDO PARA
TRÁMITES'); 'stack' (three diagonal lines: the phrase, 'Radicado No.
<number>' and a date with a time); 'band' (one HORIZONTAL line of large type
across the middle of the page, through the field rows: phrase, date and
radicado); 'tiled' (a grid of small rotated 'COPIA <date>' marks). Grey, red
or blue at 12-35 % opacity (PDF constant alpha: CSS opacity in Chromium;
.setfillconstantalpha in Ghostscript; an ExtGState added after `mutool
create`), or hollow outlined letters. ORDER IN THE CONTENT STREAM: 'first'
(under the form), 'last' (over it) or - Ghostscript / mutool only - 'between':
emitted right after the label '4. Número de formulario' and before its value
on page 1, and between the stamp caption 'Fecha Acuse de Recibo' and the
stamp's date on the stamp page (a one-page copy gets only the first).

Page furniture (per document): 'browser' (top: print date + time left, page
title centre; bottom: a MUISCA URL left, 'n/N' right) or 'system' (top:
system name, 'Radicado No.' and 'Copia controlada'; bottom: 'Impreso por
<user> el <date time>' and 'Página n de N'). The print / watermark moment is
LATER than the authorization and printed with a time (so a careless reader
may take it for the stamp's date-time); the radicado is a long digit string
that does not start with 1876. Numbers grouped with '.', ',', a space, a
no-break space or none; dates ISO, dd/mm/aaaa or in words. Paper Letter, A4,
Legal or A5. Producers: Chromium (HTML/CSS, one fixed-size box per page),
Ghostscript (PostScript), mutool create."""
import math

from common11 import (E, Canvas11, chromium_pdf, tweak_doc, fill_prefixes, labels, base_variant,
                      applicant_items, range_columns, range_cell, fmt_day, later, radicado, legal_paragraphs,
                      PAPERS, BASE_CSS, html_header, html_cells, html_kvrows, html_table, stamp_strings,
                      cv_header, cv_band, cv_cells, cv_kvrows, cv_table, cv_para, bold)

FAMILY = "watermark-overlay-copy"

PHRASES = ["COPIA", "COPIA", "COPIA NO CONTROLADA", "DOCUMENTO NO VÁLIDO PARA TRÁMITES",
           "SOLO CONSULTA", "COPIA - SIN VALIDEZ"]
SYSTEMS = ["DocuWare", "Orfeo GD", "SharePoint Expedientes", "Laserfiche", "SIGEP Documental",
           "Gestor Documental Zeus"]
USERS = ["jperez", "mlopez", "contabilidad01", "aux.facturacion", "dgomez", "tesoreria"]
COLORS = {"grey": (0.45, 0.45, 0.45), "red": (0.8, 0.1, 0.1), "blue": (0.1, 0.25, 0.7)}


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.2, other_req_prob=0.2, empty_prefix_prob=0.05)
    fill_prefixes(d, rng)


def variant(d, rng, idx, producer):
    v = base_variant(rng)
    when = later(d, rng, 2, 500)
    v.update({
        "paper": rng.choice(["Letter", "A4", "Legal", "A5"]),
        "pages": 2 if idx % 2 == 0 else 1,
        "kv": rng.choice(["cells", "cells", "rows"]),
        "font": rng.choice(["Helvetica", "Times-Roman"]) if producer != "chromium"
        else rng.choice(["'Nimbus Sans', sans-serif", "'DejaVu Sans', sans-serif", "'Nimbus Roman', serif",
                         "'DejaVu Serif', serif"]),
        "wm": ["diagonal", "stack", "band", "tiled"][(idx // 3) % 4],
        "phrase": rng.choice(PHRASES),
        "color": rng.choice(["grey", "grey", "red", "blue"]),
        "alpha": round(rng.uniform(0.12, 0.35), 2),
        "outline": producer != "chromium" and rng.random() < 0.2,
        "angle": rng.choice([30, 35, 45, 45, 55]),
        "order": rng.choice(["first", "last", "between", "between"]) if producer != "chromium"
        else rng.choice(["first", "last"]),
        "furniture": rng.choice(["browser", "system"]),
        "print_at": when.isoformat(sep=" "),
        "print_date": rng.choice(["slash", "iso"]),
        "radicado": radicado(rng, when),
        "user": rng.choice(USERS),
        "system": rng.choice(SYSTEMS),
        "reqid": str(rng.randrange(10 ** 6, 10 ** 8)),
    })
    if v["paper"] == "A5":
        v["date_cols"] = False
        v["pages"] = 2
    v["_when"] = when
    return v


def print_stamp(v):
    w = v["_when"]
    day = fmt_day(w.date(), v["print_date"])
    return day, w.strftime("%H:%M:%S") if v["time"] == "24h" else w.strftime("%I:%M %p")


def wm_lines(v):
    """the watermark's text lines"""
    day, tm = print_stamp(v)
    if v["wm"] == "diagonal":
        return [v["phrase"]]
    if v["wm"] == "stack":
        return [v["phrase"], f"Radicado No. {v['radicado']}", f"{day} {tm}"]
    if v["wm"] == "band":
        return [f"{v['phrase']} · {day} · Rad. {v['radicado']}"]
    return [f"COPIA {day}"]


def furniture(v, page, npages, d):
    """(top-left, top-centre, top-right, bottom-left, bottom-right) strings"""
    day, tm = print_stamp(v)
    if v["furniture"] == "browser":
        w = v["_when"]
        short = f"{w.day}/{w.month}/{w.year % 100:02d}, {w.strftime('%I:%M %p').lstrip('0')}"
        url = (f"https://muisca.dian.gov.co/WebNumeracion/DefConsultarFormulario.faces?"
               f"idSolicitud={v['reqid']}&formato=1876")
        return short, "MUISCA - Autorización numeración de facturación", "", url, f"{page}/{npages}"
    return (f"{v['system']} - Copia controlada", "", f"Radicado No. {v['radicado']}",
            f"Impreso por {v['user']} el {day} {tm}", f"Página {page} de {npages}")


def render(d, rng, idx, tmp, btmp):
    producer = ["chromium", "gs", "mutool"][idx % 3]
    v = variant(d, rng, idx, producer)
    legal = legal_paragraphs(rng, d)[:2]
    if producer == "chromium":
        html(d, v, legal, tmp, btmp)
    else:
        c = Canvas11("ps" if producer == "gs" else "mu")
        canvas(c, d, v, legal)
        c.save(btmp, tmp + ".pdf")
    out = {k: val for k, val in v.items() if not k.startswith("_")}
    out["wm_lines"] = wm_lines(v)
    return producer, out


# ---------------------------------------------------------------- HTML
def html(d, v, legal, tmp, btmp):
    L = labels(v["labels"])
    W, H = PAPERS[v["paper"]]
    small = v["paper"] == "A5"
    fs = 7.5 if small else 9
    r, g, b = (int(255 * x) for x in COLORS[v["color"]])
    z = "-1" if v["order"] == "first" else "5"
    css = BASE_CSS % {"font": v["font"], "fs": fs} + f"""
@page {{ size: {W}pt {H}pt; margin: 0; }}
.page {{ width: {W}pt; height: {H}pt; position: relative; overflow: hidden; break-after: page; }}
.page:last-child {{ break-after: auto; }}
.inner {{ position: absolute; left: {26 if small else 40}pt; right: {26 if small else 40}pt; top: 34pt; }}
.furn {{ position: absolute; left: 18pt; right: 18pt; font-size: 7pt; color: #333; display: flex;
        justify-content: space-between; font-family: 'DejaVu Sans', sans-serif; }}
.furn.top {{ top: 10pt; }} .furn.bot {{ bottom: 10pt; }}
.wm {{ position: absolute; z-index: {z}; color: rgb({r},{g},{b}); opacity: {v['alpha']}; font-weight: bold;
      white-space: nowrap; font-family: 'DejaVu Sans', sans-serif; text-align: center; line-height: 1.15; }}
.reserved {{ border: 1px solid #555; height: 40pt; margin-top: 10pt; font-size: 0.8em; padding: 3pt; }}
.sign {{ margin-top: 26pt; border-top: 1px solid #333; width: 180pt; font-size: 0.85em; }}
"""
    items = applicant_items(d, L)
    cols = range_columns(L, v)
    rows = [[range_cell(rr, k, v) for k, _, _, _ in cols] for rr in d.ranges]
    sd, st = stamp_strings(d, v)
    stamp = (f'<div class="stamp"><b>DIAN</b><br><span class="sl">{E(L["stamp"])}</span><br>'
             f'<b>{E(sd)} / {E(st)}</b><br><span class="sl">{E(L["signed"])}</span></div>')
    p1 = (html_header(L) + f"<h2>{E(L['applicant'])}</h2>" +
          (html_cells(items) if v["kv"] == "cells" else html_kvrows(items)))
    p2 = (f"<h2>{E(L['detail'])}</h2>" + html_table(cols, rows) + stamp +
          f'<div class="sign">{E(L["sign"])}</div>')
    if v["pages"] == 1:
        contents = [p1 + p2 + "".join(f'<div class="legal">{E(p)}</div>' for p in legal)]
    else:
        contents = [p1 + f'<div class="reserved">{E(L["reserved"])}</div>' +
                    "".join(f'<div class="legal">{E(p)}</div>' for p in legal),
                    html_header(L, "Hoja 2") + p2]
    pages = []
    n = len(contents)
    for i, body in enumerate(contents, 1):
        tl, tc, tr, bl, br = furniture(v, i, n, d)
        pages.append(f'<div class="page"><div class="furn top"><span>{E(tl)}</span><span>{E(tc)}</span>'
                     f'<span>{E(tr)}</span></div><div class="inner">{body}</div>{wm_html(v, W, H)}'
                     f'<div class="furn bot"><span>{E(bl)}</span><span>{E(br)}</span></div></div>')
    doc = f"""<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><style>{css}</style></head>
<body>{''.join(pages)}{WM_JS}</body></html>"""
    hp = btmp + ".html"
    with open(hp, "w", encoding="utf-8") as f:
        f.write(doc)
    chromium_pdf(hp, tmp + ".pdf")


def wm_html(v, W, H):
    """watermark divs; WM_JS moves them onto the page's content area once laid out"""
    lines = wm_lines(v)
    if v["wm"] == "tiled":
        out = []
        for gy in range(8):
            for gx in range(0, 3):
                x = 30 + gx * W / 3 + (gy % 2) * 40
                out.append(f'<div class="wm" data-mode="tile" data-gy="{gy}" style="left:{x:.0f}pt; top:0; '
                           f'font-size:13pt; transform: rotate(-{v["angle"]}deg);">{E(lines[0])}</div>')
        return "".join(out)
    if v["wm"] == "band":
        size = min(40, W * 1.2 / max(len(lines[0]), 1))
        return (f'<div class="wm" data-mode="band" style="left:0; width:{W}pt; top:0; font-size:{size:.1f}pt;">'
                f'{E(lines[0])}</div>')
    longest = max(len(s) for s in lines)
    size = min(110, W * 1.25 / max(longest * 0.62, 1))
    inner = "<br>".join(E(s) if i == 0 else f'<span style="font-size:0.45em">{E(s)}</span>'
                        for i, s in enumerate(lines))
    return (f'<div class="wm" data-mode="diag" style="left:0; width:{W}pt; top:0; font-size:{size:.1f}pt; '
            f'transform: rotate(-{v["angle"]}deg);">{inner}</div>')


WM_JS = """<script>
document.querySelectorAll('.page').forEach(function (p) {
  var pr = p.getBoundingClientRect();
  var inner = p.querySelector('.inner').getBoundingClientRect();
  var top = inner.top - pr.top, h = inner.height;
  p.querySelectorAll('.wm').forEach(function (w) {
    var m = w.dataset.mode;
    if (m === 'diag') {
      w.style.top = (top + h / 2 - w.offsetHeight / 2) + 'px';
    } else if (m === 'band') {
      var ref = p.querySelector('.val') || p.querySelector('table.rg tbody');
      var r = ref.getBoundingClientRect();
      w.style.top = (r.top - pr.top + r.height / 2 - w.offsetHeight / 2) + 'px';
    } else {
      var gy = parseInt(w.dataset.gy, 10);
      var y = top - 10 + gy * 70;
      if (y > top + h + 40) { w.style.display = 'none'; } else { w.style.top = y + 'px'; }
    }
  });
});
</script>"""


# ---------------------------------------------------------------- canvas
def canvas(c, d, v, legal):
    """each page is drawn completely, then its watermark is generated for the
    page's content area and SPLICED into the page's content stream: at its
    start ('first'), at its end ('last') or at the recorded point between a
    label and its value ('between')"""
    L = labels(v["labels"])
    PW, PH = PAPERS[v["paper"]]
    small = v["paper"] == "A5"
    M = 26 if small else 40
    TW = PW - 2 * M
    F = v["font"]
    fs = 7 if small else 8.5
    color = COLORS[v["color"]]
    npages = v["pages"]
    pg = {}

    def watermark(y0, y1, band_y):
        lines = wm_lines(v)
        cy0 = (y0 + y1) / 2
        if v["wm"] == "tiled":
            rows = max(3, int((y1 - y0 + 80) / 70))
            for gy in range(rows):
                for gx in range(3):
                    x = 70 + gx * PW / 3 + (gy % 2) * 30
                    c.wm(x, y0 + 10 + gy * 70, lines[0], "Helvetica-Bold", 12, v["angle"], v["alpha"], color,
                         v["outline"])
            return
        if v["wm"] == "band":
            s = lines[0]
            size = 40
            while c.width(s, "Helvetica-Bold", size) > PW - 20 and size > 12:
                size -= 1
            c.wm(PW / 2, band_y + size * 0.3, s, "Helvetica-Bold", size, 0, v["alpha"], color, v["outline"])
            return
        big = lines[0]
        span = min(((y1 - y0 + 120) ** 2 + PW ** 2) ** 0.5, (PW ** 2 + PH ** 2) ** 0.5)
        size = 110
        while c.width(big, "Helvetica-Bold", size) > span * 0.8 and size > 16:
            size -= 2
        c.wm(PW / 2, cy0 + size * 0.3, big, "Helvetica-Bold", size, v["angle"], v["alpha"], color, v["outline"])
        a = math.radians(v["angle"])
        for k, s in enumerate(lines[1:], 1):
            # further lines under the first one, along the same diagonal
            off = k * size * 0.55
            cx, cy = PW / 2 + off * math.sin(a), cy0 + size * 0.3 + off * math.cos(a)
            c.wm(cx, cy, s, "Helvetica-Bold", size * 0.36, v["angle"], v["alpha"], color, v["outline"])

    def page(n, sub):
        c.page(PW, PH)
        tl, tc, tr, bl, br = furniture(v, n, npages, d)
        c.font("Helvetica", 6.5)
        c.text(14, 13, tl)
        c.text(PW / 2, 13, tc, "c")
        c.text(PW - 14, 13, tr, "r")
        c.text(14, PH - 10, bl)
        c.text(PW - 14, PH - 10, br, "r")
        pg.clear()
        pg["first"] = len(c.cur)
        y = cv_header(c, M, 34, TW, L, F, fs, sub)
        pg["y0"] = y
        return y

    def hook(key, bx, by, bw, bh):
        if key == "number":
            pg["between"] = len(c.cur)
            pg["band_y"] = by + bh - 6

    def finish(y1):
        band_y = pg.get("band_y", (pg["y0"] + y1) / 2)
        cmds = c.capture(lambda: watermark(pg["y0"], y1, band_y))
        at = {"first": pg["first"], "last": len(c.cur), "between": pg.get("between", len(c.cur))}[v["order"]]
        c.cur.insert(at, cmds)

    y = page(1, None)
    y = cv_band(c, M, y, TW, L["applicant"], F, fs)
    items = applicant_items(d, L)
    y = (cv_cells(c, M, y, TW, items, F, fs, hook=hook) if v["kv"] == "cells"
         else cv_kvrows(c, M, y, TW, items, F, fs, hook=hook))
    if npages == 2:
        y += 10
        c.rect(M, y, TW, 40, lw=0.6)
        c.font(F, fs - 1.5)
        c.text(M + 4, y + fs + 1, L["reserved"])
        y += 50
        for p in legal:
            y = cv_para(c, M, y, TW, p, F, fs - 1.5, gray=0.2) + 3
        finish(y)
        y = page(2, "Hoja 2")
    else:
        y += 10
    y = cv_band(c, M, y, TW, L["detail"], F, fs) + 3
    cols = range_columns(L, v)
    rows = [[range_cell(rr, k, v) for k, _, _, _ in cols] for rr in d.ranges]
    ty = y
    y = cv_table(c, M, y, TW, cols, rows, F, fs) + 14
    if npages == 2:
        pg["band_y"] = (ty + y) / 2
    # stamp: caption, ('between' watermark on a two-page copy), date
    sd, st = stamp_strings(d, v)
    bw, bh = 175, 70
    x = M + TW - bw
    c.rect(x, y, bw, bh, lw=1.1)
    c.font(bold(F), fs + 2)
    c.text(x + bw / 2, y + fs + 6, "DIAN", "c")
    c.font(F, fs - 1.5)
    c.text(x + bw / 2, y + 2 * fs + 8, L["stamp"], "c")
    if npages == 2:
        pg["between"] = len(c.cur)
    c.font(bold(F), fs)
    c.text(x + bw / 2, y + 3 * fs + 12, f"{sd} / {st}", "c")
    c.font(F, fs - 1.5)
    c.text(x + bw / 2, y + 4 * fs + 15, L["signed"], "c")
    c.line(M, y + bh - 8, M + 170, y + bh - 8, lw=0.5)
    c.text(M, y + bh + 2, L["sign"])
    y += bh + 16
    if npages == 1:
        for p in legal:
            y = cv_para(c, M, y, TW, p, F, fs - 1.5, gray=0.2) + 3
    finish(y)
