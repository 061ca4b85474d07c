"""Family superscript-boxnum-letterspaced: the official two-page content set
as a designed, 'airy' form in which LABEL AND VALUE SHARE ONE BORDERED BOX:
the first line of every box holds the BOX NUMBER AS A SUPERSCRIPT (smaller
type raised with the PDF text rise operator Ts in the same text object as the
label, or drawn higher by Ghostscript) glued to the label with little or no
gap ('⁴Número de formulario'); a line break inside the same box, then the
value. Headings, section bands, the '1876' model box, the column headers of
the ranges table and, depending on the document, the identifiers (year, form
number, NIT, DV, seccional), the name parts, the table's prefixes and numbers
and the reception date are set with WIDE LETTER-SPACING: every glyph advanced
by an extra 0.12-0.45 em (PDF Tc / Tw text state, or a TJ array with an offset
after every glyph; PostScript awidthshow), with extra word spacing so words
stay apart. Page sizes A5, A4, Letter or US Legal. Page 2: a ruled ranges
table whose header cells carry superscript box numbers (30, 31, 32, 33, 38),
optional 'Fecha inicial' / 'Fecha final' columns, and a rectangular reception
stamp whose date-time may itself be letter-spaced ('2 0 2 4 - 1 0 - 1 9').
Producers: Ghostscript (PostScript), mutool create."""
from common10 import (Canvas10, kind_name, kind_code, req_name, req_code, fmt_num, fmt_day,
                      stamp_time, PAPERS, text_width, wrap_by, legal_paragraphs, tweak_doc,
                      NBSP)

FAMILY = "superscript-boxnum-letterspaced"


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 2, 2, 3, 3, 4, 5])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.15)


def render(d, rng, idx, tmp, btmp):
    producer = "gs" if idx % 2 == 0 else "mutool"
    v = {
        "paper": rng.choice(["A5", "A4", "Letter", "Legal"]),
        "font": rng.choice(["Helvetica", "Helvetica", "Times-Roman"]),
        "spacing": rng.choice(["ids", "ids", "ids+names", "all", "all"]),
        "em": round(rng.uniform(0.12, 0.45), 2),
        "tj": producer == "mutool" and rng.random() < 0.5,
        "sup_gap": rng.choice([0.0, 0.4, 1.5]),
        "sep": rng.choice(["", ",", "."]),
        "date_cols": rng.random() < 0.5,
        "date": rng.choice(["iso", "iso", "slash"]),
        "time": rng.choice(["ampm", "24h"]),
        "mcase": rng.choice(["upper", "upper", "title"]),
    }
    c = Canvas10("ps" if producer == "gs" else "mu")
    draw(c, d, v, rng)
    c.save(btmp, tmp + ".pdf")
    return producer, v


def bold(f):
    return {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold"}[f]


def draw(c, d, v, rng):
    PW, PH = PAPERS[v["paper"]]
    small = v["paper"] == "A5"
    M = 26 if small else 40
    TW = PW - 2 * M
    F, FB = v["font"], bold(v["font"])
    ls = 5.6 if small else 7           # label size
    ns = ls * 0.72                     # superscript number size
    vs = 7.8 if small else 9.8         # value size
    em = v["em"]
    mode = "tj" if v["tj"] else "tc"
    sp = v["spacing"]

    def sp_for(key, size):
        on = (key in ("year", "number", "nit", "dv", "secc")
              or (key in ("ap1", "ap2", "n1", "n2", "rs") and sp in ("ids+names", "all"))
              or (key in ("prefix", "from", "to", "stamp", "months") and sp == "all"))
        if not on:
            return 0.0, 0.0
        if key in ("ap1", "ap2", "n1", "n2", "rs"):
            return em * 0.6 * size, size * 0.55
        return em * size, size * 0.4

    def heading(x, y, s, size, align="l", font=None, k=1.0, maxw=None):
        c.font(font or FB, size)
        tc = em * size * 0.9 * k
        while tc > 0.3 and c.swidth(s, tc, tc) > (maxw or TW - 80):
            tc *= 0.85
        c.stext(x, y, s, tc, tc, align, mode)

    def header(y, sub):
        c.font(FB, 16 if not small else 13)
        c.text(M, y + 16, "DIAN")
        heading(M + TW / 2, y + 9, "AUTORIZACIÓN NUMERACIÓN DE FACTURACIÓN", 9.5 if not small else 7.5, "c",
                maxw=TW - 2 * (64 if not small else 52) - 30)
        c.font(F, ls)
        c.text(M + TW / 2, y + 21, sub, "c")
        bw = 64 if not small else 52
        c.rect(M + TW - bw, y - 2, bw, 26, lw=0.9)
        heading(M + TW - bw / 2, y + 16, "1876", 14 if not small else 11, "c", k=1.3)
        c.line(M, y + 30, M + TW, y + 30, lw=1.1)
        return y + 40

    def band(y, s):
        h = ls + 9
        c.rect(M, y, TW, h, lw=0, fill=0.85)
        heading(M + 6, y + h - 4.5, s, ls + 1.5)
        return y + h

    def box(x, y, w, h, num, label, key, lines):
        c.rect(x, y, w, h, lw=0.6)
        c.sup(x + 3, y + ls + 3.5, num, label, F, ns, F, ls, ls * 0.42, v["sup_gap"])
        tc, tw = sp_for(key, vs)
        c.font(FB, vs)
        for j, ln in enumerate(lines):
            c.stext(x + 5, y + ls + vs + 7 + j * (vs + 3), ln, tc, tw, "l", mode)

    def row(y, spec, nlines=1):
        h = ls + vs + 11 + (nlines - 1) * (vs + 3)
        tot = sum(s[-1] for s in spec)
        x = M
        for num, label, key, val, wgt in spec:
            w = TW * wgt / tot
            lines = val if isinstance(val, list) else [val]
            box(x, y, w, h, num, label, key, lines)
            x += w
        return y + h

    # ---------------- page 1
    c.page(PW, PH)
    y = header(M, "Formulario para la solicitud y autorización de rangos de numeración")
    y = band(y, "DATOS DEL SOLICITANTE")
    y = row(y, [("1", "Año", "year", d.year, 1), ("4", "Número de formulario", "number", d.number, 3.2),
                ("12", "Cód. Dirección Seccional", "secc", d.secc, 1.5)])
    y = row(y, [("5", "Número de Identificación Tributaria (NIT)", "nit", d.nit, 3),
                ("6", "DV", "dv", str(d.dv), 0.8)])
    y = row(y, [("7", "Primer apellido", "ap1", d.ap1, 1), ("8", "Segundo apellido", "ap2", d.ap2, 1),
                ("9", "Primer nombre", "n1", d.n1, 1), ("10", "Otros nombres", "n2", d.n2, 1)])
    tc, tw = sp_for("rs", vs)
    rsl = wrap_by(d.rs, TW - 14, lambda s: text_width(s, FB, vs) + tc * len(s) + tw * s.count(" ")) if d.rs else [""]
    y = row(y, [("11", "Razón social", "rs", rsl, 1)], len(rsl))
    y += 12
    c.rect(M, y, TW, 40, lw=0.6)
    c.font(F, ls)
    c.stext(M + 5, y + ls + 4, "ESPACIO RESERVADO PARA LA DIAN", em * ls, em * ls, "l", mode)
    y += 56
    c.font(F, ls)
    for p in legal_paragraphs(rng, d):
        for ln in wrap_by(p, TW, lambda s: text_width(s, F, ls)):
            c.text(M, y, ln)
            y += ls + 2
        y += 4
    c.font(F, ls)
    c.stext(M + TW, PH - 20, "HOJA 1 DE 2", em * ls, em * ls, "r", mode)

    # ---------------- page 2
    c.page(PW, PH)
    y = header(M, "Hoja 2")
    y = band(y, "DETALLE DE LA SOLICITUD")
    y += 6
    cols = [("30", "Modalidad", 2.6, "l"), ("", "Cód.", 0.5, "c"), ("31", "Prefijo", 0.8, "c"),
            ("32", "Desde el número", 1.3, "r"), ("33", "Hasta el número", 1.3, "r"),
            ("38", "Vigencia (meses)", 0.9, "c")]
    if v["date_cols"]:
        cols += [("", "Fecha inicial", 1.2, "c"), ("", "Fecha final", 1.2, "c")]
    cols += [("", "Tipo de solicitud", 1.5, "l"), ("", "Cód.", 0.5, "c")]
    keys = ["mod", "modcode", "prefix", "from", "to", "months"] + (["vf", "vt"] if v["date_cols"] else []) + ["req", "reqcode"]
    rows = []
    for r in d.ranges:
        rw = [kind_name(r.kind, v["mcase"]), str(kind_code(r.kind)), r.prefix, fmt_num(r.frm, v["sep"]),
              fmt_num(r.to, v["sep"]), str(r.months)]
        if v["date_cols"]:
            rw += [fmt_day(r.valid_from, v["date"]), fmt_day(r.valid_to, v["date"])]
        rw += [req_name(r.request, v["mcase"]), str(req_code(r.request))]
        rows.append(rw)
    bs = vs - 1.2
    hs = ls
    htc = em * hs * 0.5
    tot = sum(cl[2] for cl in cols)
    # minimum widths: the longest spaced value / header word must fit
    mins = []
    for j, (num, lab, wgt, al) in enumerate(cols):
        tc, tw = sp_for(keys[j], bs)
        m = max([text_width(num, F, hs * 0.72) + text_width(w, FB, hs) + htc * len(w) for w in lab.split()[:1]] +
                [text_width(w, FB, hs) + htc * len(w) for w in lab.split()])
        for rw in rows:
            cell = rw[j]
            if keys[j] in ("mod", "req"):
                m = max([m] + [text_width(w, F, bs) for w in cell.split()])
            else:
                m = max(m, text_width(cell, F, bs) + tc * len(cell))
        mins.append(m + 10 + v["sup_gap"])
    scale = 1.0
    while sum(mins) > TW:
        scale *= 0.93
        bs *= 0.93
        hs *= 0.93
        htc *= 0.9
        mins = [m * 0.93 for m in mins]
    ws = [max(TW * cl[2] / tot, mn) for cl, mn in zip(cols, mins)]
    ex = sum(ws) - TW
    if ex > 0:
        slack = [w - mn for w, mn in zip(ws, mins)]
        s = sum(slack)
        ws = [w - ex * sl / s for w, sl in zip(ws, slack)]
    xs = [M]
    for w in ws[:-1]:
        xs.append(xs[-1] + w)
    # header: superscript number + letter-spaced bold label, wrapped
    hl = []
    for (num, lab, wgt, al), w in zip(cols, ws):
        first = text_width(num, F, hs * 0.72) + v["sup_gap"] if num else 0
        lines = wrap_by(lab, w - 6 - first, lambda s: text_width(s, FB, hs) + htc * len(s))
        hl.append(lines)
    hh = max(len(q) for q in hl) * (hs + 3) + 8
    c.rect(M, y, TW, hh, lw=0, fill=0.92)
    for (num, lab, wgt, al), x, w, lines in zip(cols, xs, ws, hl):
        c.rect(x, y, w, hh, lw=0.5)
        for k, ln in enumerate(lines):
            yy = y + 4 + hs + k * (hs + 3)
            if k == 0 and num:
                c.sup(x + 3, yy, num, ln, F, hs * 0.72, FB, hs, hs * 0.42, v["sup_gap"], htc)
            else:
                c.font(FB, hs)
                c.stext(x + 3 + (text_width(num, F, hs * 0.72) + v["sup_gap"] if num else 0), yy, ln, htc, 0, "l", mode)
    y += hh
    for rw in rows:
        wl = []
        for j, (cell, w) in enumerate(zip(rw, ws)):
            if keys[j] in ("mod", "req"):
                wl.append(wrap_by(cell, w - 6, lambda s: text_width(s, F, bs)))
            else:
                wl.append([cell])
        rh = max(len(q) for q in wl) * (bs + 3) + 6
        for j, (q, x, w, cl) in enumerate(zip(wl, xs, ws, cols)):
            c.rect(x, y, w, rh, lw=0.5)
            tc, tw = sp_for(keys[j], bs)
            c.font(F, bs)
            al = cl[3]
            for k, ln in enumerate(q):
                tx = {"l": x + 3, "r": x + w - 3, "c": x + w / 2}[al]
                c.stext(tx, y + 3 + bs + k * (bs + 3), ln, tc, tw, al, mode)
        y += rh
    # reception stamp: a double frame, caption letter-spaced, date level
    y += 24
    sw = 190 if not small else 160
    sx = M + TW - sw
    sh = 78
    c.rect(sx, y, sw, sh, lw=1.2)
    c.rect(sx + 3, y + 3, sw - 6, sh - 6, lw=0.4)
    heading(sx + sw / 2, y + 18, "DIAN", 11, "c")
    heading(sx + sw / 2, y + 31, "FECHA ACUSE DE RECIBO", ls, "c", font=F)
    tc, tw = sp_for("stamp", vs)
    c.font(FB, vs)
    st = fmt_day(d.stamp.date(), "iso") + " / " + stamp_time(d, v["time"])
    c.stext(sx + sw / 2, y + 48, st, tc * 0.6, tw, "c", mode)
    heading(sx + sw / 2, y + 64, "FIRMADO", ls, "c", font=F)
    c.line(M, y + sh - 6, M + 150, y + sh - 6, lw=0.5)
    c.font(F, ls)
    c.text(M, y + sh + 4, "Firma del solicitante")
    c.stext(M + TW, PH - 20, "HOJA 2 DE 2", em * ls, em * ls, "r", mode)
