"""Family inverted-header-cells: a re-drawn formato 1876 in a corporate
'inverted' style. Every LABEL sits in a DARK FILLED CELL (navy, bottle green,
wine, charcoal or black) printed in WHITE or a LIGHT tint (pale grey, cream,
pale blue), and every VALUE sits in a WHITE, ruled cell. Title band, section
bands ('DATOS DEL SOLICITANTE', 'DETALLE DE LA SOLICITUD'), the '1876' model
box (dark digits in a white box cut into the dark title band) and the caption
band of the reception stamp are inverted too.

Taxpayer boxes, per document, either 'side' (dark label cell LEFT of its
white value cell, one to three pairs per row; a label too long for its cell
wraps onto two lines inside the dark cell) or 'top' (a dark label strip ON TOP
of a white value cell). Labels are drawn from DIAN's wording and from a
designer's abbreviations ('No. formulario', 'Nº formulario', 'Razón soc.',
'R. social', 'Díg. verif.', 'Cód. Dir. Secc.', '1er apellido', 'Nombre 1'),
with or without box numbers, set in SMALL CAPS (lower-case letters as smaller
capitals), ALL CAPS or mixed case.

Ranges table: a dark header row whose cells hold header text on TWO LINES in
places ('Num.' / 'inicial', 'Vigencia' / '(meses)', 'Tipo de' / 'solicitud')
and on ONE line, vertically centred between them, elsewhere; in some
documents an extra GROUP row above ('NUMERACIÓN' spanning from / to,
'VIGENCIA' spanning months and the optional date columns), the other header
cells spanning both rows. Matched header vocabularies ('32. Desde el número',
'Num. inicial', 'Núm. inicial', 'Desde No.', 'Número desde'). In some documents
the prefix column comes BEFORE the modality. White body rows (optionally
zebra-shaded light grey), numbers grouped with '.', ',', a space or nothing.
Optional 'Fecha inicial' / 'Fecha final' columns; the stamp ('FECHA ACUSE DE
RECIBO' in a dark band over a white box with the date-time). Paper: Letter,
A4, Legal, A5 or half-letter; one page or two.
Producers: Chromium (HTML/CSS tables with print-color-adjust: exact),
Ghostscript (PostScript), mutool create."""
import os

from common12 import (Canvas12, html_escape as E, chromium_pdf, kind_name, kind_code, req_name, req_code,
                      fmt_num, PAPERS12, text_width, wrap_by, legal_paragraphs, tweak_doc,
                      tidy_prefixes, pick_labels,
                      pick_theads, d_slash, d_mon, NBSP)

FAMILY = "inverted-header-cells"

FILLS = {"navy": (0.06, 0.17, 0.36), "green": (0.05, 0.30, 0.20), "wine": (0.42, 0.06, 0.13),
         "charcoal": (0.22, 0.22, 0.24), "black": (0.0, 0.0, 0.0)}
INKS = {"white": (1, 1, 1), "pale-grey": (0.86, 0.86, 0.86), "cream": (1.0, 0.95, 0.78),
        "pale-blue": (0.80, 0.88, 1.0)}


def doc_params(rng, idx):
    return {"nranges": [1, 2, 3, 4, 5, 6][idx % 6] if idx < 6 else rng.choice([1, 2, 2, 3, 4, 5, 6])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.25, other_req_prob=0.18)
    tidy_prefixes(d, rng)


def hexrgb(c):
    return "#" + "".join(f"{int(round(x * 255)):02x}" for x in c)


def render(d, rng, idx, tmp, btmp):
    producer = ["chromium", "gs", "mutool"][idx % 3]
    paper = ["Letter", "A4", "Legal", "A5", "HalfLetter"][(idx + idx // 5) % 5]
    v = {
        "paper": paper,
        "fill": rng.choice(list(FILLS)),
        "ink": rng.choice(["white", "white", "pale-grey", "cream", "pale-blue"]),
        "label_case": rng.choice(["smallcaps", "smallcaps", "upper", "mixed"]),
        "boxnums": rng.choice([True, False, None]),
        "applicant": rng.choice(["side", "top"]),
        "group_header": rng.random() < 0.5,
        "prefix_first": rng.random() < 0.25,
        "zebra": rng.random() < 0.4,
        "sep": rng.choice([".", ".", ",", " ", ""]),
        "date_cols": rng.random() < 0.5,
        "date": rng.choice(["iso", "slash", "mon"]),
        "time": rng.choice(["ampm", "24h"]),
        "mcase": rng.choice(["upper", "upper", "title"]),
        "font": rng.choice(["Helvetica", "Helvetica", "Times-Roman"]),
        "pages": 2 if paper in ("A5", "HalfLetter") or rng.random() < 0.35 else 1,
    }
    L = pick_labels(rng, v["boxnums"])
    T = pick_theads(rng)
    legal = legal_paragraphs(rng, d)
    if producer == "chromium":
        html = html_src(d, v, L, T, legal)
        with open(btmp + ".html", "w", encoding="utf-8") as f:
            f.write(html)
        chromium_pdf(os.path.abspath(btmp + ".html"), tmp + ".pdf")
    else:
        c = Canvas12("ps" if producer == "gs" else "mu")
        draw(c, d, v, L, T, legal)
        c.save(btmp, tmp + ".pdf")
    shown = ["year", "number", "nit", "dv", "secc"] + (["ap1", "ap2", "n1", "n2"] if d.natural else ["rs"])
    v["labels"] = {k: L[k] for k in shown}  # the taxpayer labels this document prints
    v["theads"] = T
    return producer, v


def columns(v, T):
    keys = ["mod", "modcode", "prefix", "from", "to", "months"]
    if v["prefix_first"]:
        keys = ["prefix", "mod", "modcode", "from", "to", "months"]
    if v["date_cols"]:
        keys += ["vfrom", "vto"]
    keys += ["req", "reqcode"]
    return keys


def fmt_date(day, style):
    return {"iso": day.isoformat(), "slash": d_slash(day), "mon": d_mon(day)}[style]


def stamp_str(d, v):
    tm = d.stamp.strftime("%I:%M:%S %p") if v["time"] == "ampm" else d.stamp.strftime("%H:%M:%S")
    return fmt_date(d.stamp.date(), v["date"]), tm


def row_cells(r, v, keys):
    out = {"mod": kind_name(r.kind, v["mcase"]), "modcode": str(kind_code(r.kind)), "prefix": r.prefix,
           "from": fmt_num(r.frm, v["sep"]), "to": fmt_num(r.to, v["sep"]), "months": str(r.months),
           "vfrom": fmt_date(r.valid_from, v["date"]), "vto": fmt_date(r.valid_to, v["date"]),
           "req": req_name(r.request, v["mcase"]), "reqcode": str(req_code(r.request))}
    return [out[k] for k in keys]


ALIGN = {"mod": "l", "modcode": "c", "prefix": "c", "from": "r", "to": "r", "months": "c", "vfrom": "c",
         "vto": "c", "req": "l", "reqcode": "c"}
WEIGHT = {"mod": 2.6, "modcode": 0.5, "prefix": 0.8, "from": 1.3, "to": 1.3, "months": 0.9, "vfrom": 1.2,
          "vto": 1.2, "req": 1.5, "reqcode": 0.5}


def applicant_rows(d, small):
    if small:
        rows = [[("year", d.year, 1), ("secc", d.secc, 1.3)], [("number", d.number, 1)]]
    else:
        rows = [[("year", d.year, 0.9), ("number", d.number, 2.6), ("secc", d.secc, 1.4)]]
    rows.append([("nit", d.nit, 2.4), ("dv", str(d.dv), 1)])
    if d.natural:
        rows.append([("ap1", d.ap1, 1), ("ap2", d.ap2, 1)])
        rows.append([("n1", d.n1, 1), ("n2", d.n2, 1)])
    else:
        rows.append([("rs", d.rs, 1)])
    return rows


# ------------------------------------------------------------------ canvas (Ghostscript / mutool)
def draw(c, d, v, L, T, legal):
    PW, PH = PAPERS12[v["paper"]]
    small = v["paper"] in ("A5", "HalfLetter")
    M = 24 if small else 36
    TW = PW - 2 * M
    F = v["font"]
    FB = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold"}[F]
    DARK, INK = FILLS[v["fill"]], INKS[v["ink"]]
    ls = 6.2 if small else 7.2
    vs = 8.3 if small else 9.8
    case = v["label_case"]

    def lab_w(s, size, font=FB):
        if case == "smallcaps":
            return c.smallcaps_width(s, size, font)
        if case == "upper":
            return text_width(s.upper(), font, size)
        return text_width(s, font, size)

    def lab(x, y, s, size, align="l", font=FB):
        c.colour(INK)
        if case == "smallcaps":
            c.sc(x, y, s, size, font, align=align)
        else:
            c.font(font, size)
            c.text(x, y, s.upper() if case == "upper" else s, align)
        c.colour(0)

    def title_band(y, sub):
        h = 40 if not small else 34
        c.fillrgb(M, y, TW, h, DARK)
        c.colour(INK)
        c.font(FB, 15 if not small else 12)
        c.text(M + 8, y + h / 2 + 5, "DIAN")
        c.font(FB, 9.5 if not small else 7.6)
        c.text(M + TW / 2 - 12, y + h / 2 - 1, "AUTORIZACIÓN NUMERACIÓN DE FACTURACIÓN", "c")
        c.font(F, ls - 0.5)
        c.text(M + TW / 2 - 12, y + h / 2 + 9, sub, "c")
        c.colour(0)
        bw = 52 if not small else 42
        c.fillrgb(M + TW - bw - 6, y + 6, bw, h - 12, 1)
        c.colour(DARK)
        c.font(FB, 15 if not small else 12)
        c.text(M + TW - bw / 2 - 6, y + h / 2 + 5, "1876", "c")
        c.colour(0)
        return y + h + 8

    def band(y, s):
        h = ls + 9
        c.fillrgb(M, y, TW, h, DARK)
        lab(M + 6, y + h - 4.5, s, ls + 1.8)
        return y + h

    def pair_row(y, items):
        tot = sum(w for _, _, w in items)
        x = M
        if v["applicant"] == "side":
            cells = []
            for key, val, wgt in items:
                w = TW * wgt / tot
                lw = min(w * (0.48 if len(items) > 1 else 0.26), max(lab_w(L[key], ls) + 10, 34))
                ll = wrap_by(L[key], lw - 8, lambda s: lab_w(s, ls))
                vl = wrap_by(val, w - lw - 10, lambda s: text_width(s, FB, vs)) if val else [""]
                cells.append((x, w, lw, ll, vl))
                x += w
            h = max(max(len(ll) * (ls + 2.5), len(vl) * (vs + 3)) for _, _, _, ll, vl in cells) + 9
            for cx, w, lw, ll, vl in cells:
                c.fillrgb(cx, y, lw, h, DARK)
                c.rect(cx + lw, y, w - lw, h, lw=0.6)
                ty = y + (h - len(ll) * (ls + 2.5)) / 2 + ls
                for ln in ll:
                    lab(cx + 4, ty, ln, ls)
                    ty += ls + 2.5
                c.font(FB, vs)
                ty = y + (h - len(vl) * (vs + 3)) / 2 + vs
                for ln in vl:
                    c.text(cx + lw + 5, ty, ln)
                    ty += vs + 3
            c.rect(M, y, TW, h, lw=0.9)
            return y + h
        # top: dark strip above a white value cell
        cells = []
        for key, val, wgt in items:
            w = TW * wgt / tot
            ll = wrap_by(L[key], w - 8, lambda s: lab_w(s, ls))
            vl = wrap_by(val, w - 10, lambda s: text_width(s, FB, vs)) if val else [""]
            cells.append((x, w, ll, vl))
            x += w
        sh = max(len(ll) for _, _, ll, _ in cells) * (ls + 2.5) + 5
        vh = max(len(vl) for _, _, _, vl in cells) * (vs + 3) + 8
        for cx, w, ll, vl in cells:
            c.fillrgb(cx, y, w, sh, DARK)
            c.rect(cx, y, w, sh + vh, lw=0.6)
            ty = y + sh - 4 - (len(ll) - 1) * (ls + 2.5)
            for ln in ll:
                lab(cx + 4, ty, ln, ls)
                ty += ls + 2.5
            c.font(FB, vs)
            ty = y + sh + 4 + vs
            for ln in vl:
                c.text(cx + 5, ty, ln)
                ty += vs + 3
        return y + sh + vh

    def footer(n, tot):
        c.font(F, ls - 0.5)
        c.text(M + TW, PH - 14, f"Hoja {n} de {tot}", "r")

    # ---------------- page 1: applicant
    c.page(PW, PH)
    y = title_band(M, "Formulario para la solicitud y autorización de rangos de numeración")
    y = band(y, "Datos del solicitante")
    for items in applicant_rows(d, small):
        y = pair_row(y, items)
    y += 10
    c.rect(M, y, TW, 30, lw=0.6)
    c.fillrgb(M, y, 120 if not small else 96, ls + 6, DARK)
    lab(M + 4, y + ls + 2.5, "Espacio reservado DIAN", ls - 0.5)
    y += 42
    if v["pages"] == 2:
        c.font(F, ls - 0.6)
        for p in legal:
            for ln in wrap_by(p, TW, lambda s: text_width(s, F, ls - 0.6)):
                c.text(M, y, ln)
                y += ls + 1.6
            y += 3
        footer(1, 2)
        c.page(PW, PH)
        y = title_band(M, "Hoja 2")
    # ---------------- ranges table
    y = band(y, "Detalle de la solicitud")
    y += 4
    keys = columns(v, T)
    rows = [row_cells(r, v, keys) for r in d.ranges]
    hs, bs = ls, vs - 1.3
    # min widths
    while True:
        mins = []
        for j, k in enumerate(keys):
            hw = max(lab_w(w, hs) for w in T[k].replace("\n", " ").split())
            if k in ("mod", "req"):
                bw = max(text_width(w, F, bs) for rw in rows for w in rw[j].split())
            else:
                bw = max(text_width(rw[j], F, bs) for rw in rows)
            mins.append(max(hw, bw) + 8)
        if sum(mins) <= TW:
            break
        hs *= 0.94
        bs *= 0.94
    tot = sum(WEIGHT[k] for k in keys)
    ws = [max(TW * WEIGHT[k] / tot, mn) for k, mn in zip(keys, mins)]
    ex = sum(ws) - TW
    if ex > 0:
        slack = [w - mn for w, mn in zip(ws, mins)]
        s = sum(slack)
        ws = [w - ex * sl / s for w, sl in zip(ws, slack)]
    xs = [M]
    for w in ws[:-1]:
        xs.append(xs[-1] + w)
    heads = []
    for k, w in zip(keys, ws):
        lines = []
        for part in T[k].split("\n"):
            lines += wrap_by(part, w - 6, lambda s: lab_w(s, hs))
        heads.append(lines)
    lh = hs + 2.8
    hh = max(len(q) for q in heads) * lh + 8
    groups = {}
    gh = 0
    if v["group_header"]:
        gh = hs + 8
        g1 = [j for j, k in enumerate(keys) if k in ("from", "to")]
        g2 = [j for j, k in enumerate(keys) if k in ("months", "vfrom", "vto")]
        groups = {"NUMERACIÓN": g1, "VIGENCIA": g2}
    c.fillrgb(M, y, TW, gh + hh, DARK)
    grouped = set()
    for gname, js in groups.items():
        x0, x1 = xs[js[0]], xs[js[-1]] + ws[js[-1]]
        lab((x0 + x1) / 2, y + gh - 4.5, gname.capitalize() if case == "smallcaps" else gname, hs, "c")
        c.colour(INK)
        c.line(x0 + 3, y + gh, x1 - 3, y + gh, lw=0.5)
        c.colour(0)
        grouped.update(js)
    for j, (k, x, w, q) in enumerate(zip(keys, xs, ws, heads)):
        top, height = (y + gh, hh) if j in grouped else (y, gh + hh)
        ty = top + (height - len(q) * lh) / 2 + hs
        for ln in q:
            lab(x + w / 2, ty, ln, hs, "c")
            ty += lh
        if j:
            c.colour(INK)
            c.line(x, top + 2, x, top + height - 2, lw=0.4)
            c.colour(0)
    y += gh + hh
    for i, rw in enumerate(rows):
        wl = [wrap_by(cell, w - 6, lambda s: text_width(s, F, bs)) if keys[j] in ("mod", "req") else [cell]
              for j, (cell, w) in enumerate(zip(rw, ws))]
        rh = max(len(q) for q in wl) * (bs + 3) + 6
        if v["zebra"] and i % 2 == 1:
            c.fillrgb(M, y, TW, rh, 0.92)
        c.font(F, bs)
        for j, (q, x, w) in enumerate(zip(wl, xs, ws)):
            c.rect(x, y, w, rh, lw=0.5)
            al = ALIGN[keys[j]]
            ty = y + (rh - len(q) * (bs + 3)) / 2 + bs + 0.5
            for ln in q:
                tx = {"l": x + 3, "r": x + w - 3, "c": x + w / 2}[al]
                c.text(tx, ty, ln, al)
                ty += bs + 3
        y += rh
    # ---------------- stamp
    y += 18
    sw, sh = (170, 70) if small else (200, 78)
    if y + sh + 40 > PH - 20:
        footer(v["pages"], v["pages"] + 1)
        c.page(PW, PH)
        y = M
    sx = M + TW - sw
    c.fillrgb(sx, y, sw, ls + 9, DARK)
    lab(sx + sw / 2, y + ls + 4.5, "Fecha Acuse de Recibo", ls + 0.5, "c")
    c.rect(sx, y, sw, sh, lw=1.0)
    c.font(FB, 10)
    c.text(sx + sw / 2, y + ls + 24, "DIAN", "c")
    day, tm = stamp_str(d, v)
    c.font(FB, vs)
    c.text(sx + sw / 2, y + ls + 24 + vs + 6, f"{day} / {tm}", "c")
    c.font(F, ls)
    c.text(sx + sw / 2, y + sh - 6, "Firmado", "c")
    c.line(M, y + sh - 10, M + 150, y + sh - 10, lw=0.5)
    c.font(F, ls)
    c.text(M, y + sh, "Firma del solicitante")
    y += sh + 16
    if v["pages"] == 1:
        c.font(F, ls - 0.6)
        for p in legal:
            for ln in wrap_by(p, TW, lambda s: text_width(s, F, ls - 0.6)):
                if y > PH - 24:
                    break
                c.text(M, y, ln)
                y += ls + 1.6
            y += 3
    n = len(c.pages)
    footer(n, n)


# ------------------------------------------------------------------ HTML (Chromium)
def html_lab(s, case):
    s = E(s).replace("\n", "<br>")
    return s


def html_src(d, v, L, T, legal):
    small = v["paper"] in ("A5", "HalfLetter")
    size = {"Letter": "letter", "A4": "A4", "Legal": "legal", "A5": "A5", "HalfLetter": "5.5in 8.5in"}[v["paper"]]
    dark, ink = hexrgb(FILLS[v["fill"]]), hexrgb(INKS[v["ink"]])
    fam = {"Helvetica": "'Nimbus Sans', 'DejaVu Sans', sans-serif",
           "Times-Roman": "'Nimbus Roman', 'DejaVu Serif', serif"}[v["font"]]
    bp = 7.4 if small else 8.8
    lcase = {"smallcaps": "font-variant: small-caps;", "upper": "text-transform: uppercase;", "mixed": ""}[v["label_case"]]
    css = f"""@page {{ size: {size}; margin: {9 if small else 13}mm {8 if small else 12}mm; }}
* {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }}
body {{ font-family: {fam}; font-size: {bp}pt; margin: 0; color: #000; }}
.tb {{ background: {dark}; color: {ink}; display: flex; align-items: center; padding: 2mm 3mm; }}
.tb .dian {{ font-weight: bold; font-size: {bp + 7}pt; width: 20mm; }}
.tb .t {{ flex: 1; text-align: center; }}
.tb .t b {{ display: block; font-size: {bp + 1.5}pt; }}
.tb .t span {{ font-size: {bp - 1.5}pt; }}
.tb .m {{ background: #fff; color: {dark}; font-weight: bold; font-size: {bp + 7}pt; padding: 1mm 3mm; }}
.band {{ background: {dark}; color: {ink}; font-weight: bold; padding: 1mm 2mm; margin-top: 3mm; {lcase} }}
table {{ border-collapse: collapse; width: 100%; }}
th {{ background: {dark}; color: {ink}; font-weight: bold; font-size: {bp - 1}pt; padding: 1mm 1.5mm;
      border: 0.5pt solid {ink}; {lcase} }}
td {{ border: 0.6pt solid {dark}; padding: 1.2mm 1.5mm; background: #fff; }}
.ap th {{ text-align: left; width: auto; }}
.ap td {{ font-weight: bold; font-size: {bp + 1}pt; }}
.ap.top th {{ border-bottom: none; }}
.rg th {{ text-align: center; vertical-align: middle; }}
.rg td {{ font-size: {bp - 0.3}pt; }}
.rg td.r {{ text-align: right; white-space: nowrap; }} .rg td.c {{ text-align: center; white-space: nowrap; }}
.rg tr.z td {{ background: #ececec; }}
.res {{ border: 0.6pt solid {dark}; height: 11mm; margin-top: 3mm; }}
.res div {{ background: {dark}; color: {ink}; display: inline-block; font-size: {bp - 1.5}pt; padding: 0.5mm 2mm; {lcase} }}
.legal {{ font-size: {bp - 1.8}pt; margin: 1.2mm 0; text-align: justify; }}
.stamp {{ width: {58 if small else 70}mm; margin: 6mm 0 0 0; border: 1pt solid {dark}; text-align: center; }}
.stamp .h {{ background: {dark}; color: {ink}; font-size: {bp - 0.5}pt; padding: 0.8mm; {lcase} }}
.stamp .dn {{ font-weight: bold; font-size: {bp + 2}pt; margin-top: 2mm; }}
.stamp .d {{ font-weight: bold; margin: 1mm 0; }}
.stamp .f {{ font-size: {bp - 1}pt; margin-bottom: 1.5mm; }}
.end {{ display: flex; justify-content: space-between; align-items: flex-end; margin-bottom: 3mm; }}
.sign {{ border-top: 0.5pt solid #000; width: 50mm; font-size: {bp - 1}pt; }}
.brk {{ break-before: page; }}
.pg {{ text-align: right; font-size: {bp - 1.5}pt; margin-top: 3mm; }}
"""

    def title(sub):
        return (f"<div class=tb><div class=dian>DIAN</div><div class=t><b>AUTORIZACIÓN NUMERACIÓN DE "
                f"FACTURACIÓN</b><span>{E(sub)}</span></div><div class=m>1876</div></div>")

    ap = []
    for items in applicant_rows(d, small):
        tot = sum(w for _, _, w in items)
        if v["applicant"] == "side":
            cells = "".join(f"<th style='width:{100 * wgt / tot * (0.4 if len(items) > 1 else 0.25):.1f}%'>"
                            f"{html_lab(L[k], v['label_case'])}</th><td>{E(val)}</td>" for k, val, wgt in items)
            ap.append(f"<tr>{cells}</tr>")
        else:
            hs = "".join(f"<th style='width:{100 * wgt / tot:.1f}%'>{html_lab(L[k], v['label_case'])}</th>"
                         for k, val, wgt in items)
            vs_ = "".join(f"<td>{E(val) or '&nbsp;'}</td>" for k, val, wgt in items)
            ap.append(f"<tr>{hs}</tr><tr>{vs_}</tr>")
    cls = "ap" if v["applicant"] == "side" else "ap top"
    # one table per row: rows hold different numbers of cells
    ap_html = "".join(f"<table class='{cls}'>{r}</table>" for r in ap)
    keys = columns(v, T)
    grouped = {"from", "to", "months", "vfrom", "vto"} if v["group_header"] else set()
    h1, h2 = [], []
    k_i = 0
    while k_i < len(keys):
        k = keys[k_i]
        if k in grouped:
            g = ["from", "to"] if k in ("from", "to") else [x for x in ("months", "vfrom", "vto") if x in keys]
            name = "Numeración" if k in ("from", "to") else "Vigencia"
            h1.append(f"<th colspan={len(g)}>{E(name.upper() if v['label_case'] != 'smallcaps' else name)}</th>")
            for x in g:
                h2.append(f"<th>{html_lab(T[x], v['label_case'])}</th>")
            k_i += len(g)
            continue
        rs = " rowspan=2" if grouped else ""
        h1.append(f"<th{rs}>{html_lab(T[k], v['label_case'])}</th>")
        k_i += 1
    head = f"<tr>{''.join(h1)}</tr>" + (f"<tr>{''.join(h2)}</tr>" if grouped else "")
    body = []
    for i, r in enumerate(d.ranges):
        cells = row_cells(r, v, keys)
        tds = "".join(f"<td class={ALIGN[k]}>{E(x).replace(' ', NBSP) if k in ('from', 'to') else E(x)}</td>"
                      for k, x in zip(keys, cells))
        body.append(f"<tr class={'z' if v['zebra'] and i % 2 else 'n'}>{tds}</tr>")
    day, tm = stamp_str(d, v)
    leg = "".join(f"<p class=legal>{E(p)}</p>" for p in legal)
    two = v["pages"] == 2
    html = f"""<!doctype html><html lang=es><head><meta charset=utf-8><style>{css}</style></head><body>
{title('Formulario para la solicitud y autorización de rangos de numeración')}
<div class=band>Datos del solicitante</div>
{ap_html}
<div class=res><div>Espacio reservado DIAN</div></div>
{leg if two else ''}
{'<div class=pg>Hoja 1 de 2</div><div class=brk></div>' + title('Hoja 2') if two else ''}
<div class=band>Detalle de la solicitud</div>
<table class=rg>{head}{''.join(body)}</table>
<div class=end><div class=sign>Firma del solicitante</div>
<div class=stamp><div class=h>Fecha Acuse de Recibo</div><div class=dn>DIAN</div>
<div class=d>{E(day)} / {E(tm)}</div><div class=f>Firmado</div></div></div>
{'' if two else leg}
<div class=pg>{'Hoja 2 de 2' if two else 'Hoja 1 de 1'}</div>
</body></html>"""
    return html
