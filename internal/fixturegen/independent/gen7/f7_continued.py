"""Family many-ranges-continued-pages: a faithful, official-looking two-part
form (page 1: DIAN header with the '1876' model box, year and form number,
applicant boxes as ruled cells with the numbered label on top and the value
below; then the 'Detalle de la solicitud' section) whose ranges table holds
MANY ROWS (8 to 20 ranges, some consecutive blocks of one modality, several
habilitación / inhabilitación rows) and therefore runs from page 2 over a third
(sometimes a fourth) page. Page 2 opens with an introductory paragraph of
variable length, so the break falls anywhere in the list. On continuation pages
the column header is repeated in full ('repeat'), not repeated at all
('none'), or repeated as BOX NUMBERS ONLY ('30 | Cód. | 31 | 32 | 33 | 38 ...',
'numbers'). Between the pieces sits page furniture: a running head on pages
2+ ('Formulario No. 1876... - NIT 900123456-7 - Continuación'), a
'Continúa en la hoja siguiente' / 'Viene de la hoja anterior' note (in some
documents), a footer band with the model line ('Formulario 1876 - Privado -
Original DIAN'), DIAN's NIT and 'Hoja n de N'. Optional item-number column and
explicit 'Fecha inicial' / 'Fecha final' columns; zebra shading in some
documents; a 'Total rangos: N' line and the circular reception stamp (caption
around the circle, date-time level) after the last row, on a page of its own
if the rows leave no room. Producers: Ghostscript (PostScript), mutool create."""
from common7 import *

FAMILY = "many-ranges-continued-pages"
W, H = 612, 792
ML, MR = 36, 36
TOP, BOTTOM = 60, 730


def doc_params(rng, idx):
    return {"nranges": 3, "natural_prob": 0.35}


def prepare(d, rng, idx):
    n = [8, 12, 15, 20, 10, 18, 9, 14, 16, 11, 19, 13][idx % 12]
    extend_ranges(d, rng, n)
    tweak_doc(d, rng, long_prob=0.2, other_req_prob=0.1, empty_prefix_prob=0.0)
    unique_prefixes(d, rng)


def render(d, rng, idx, stem, bstem):
    prepare(d, rng, idx)
    producer = "ps" if idx % 2 == 0 else "mutool"
    font = rng.choice(["Helvetica", "Helvetica", "Times-Roman"])
    v = {"font": font, "cont_header": ["repeat", "none", "numbers"][idx % 3],
         "item_col": rng.random() < 0.6, "date_cols": rng.random() < 0.5,
         "sep": rng.choice([",", ".", ",", ""]), "zebra": rng.random() < 0.4,
         "notes": rng.random() < 0.6, "running_head": rng.random() < 0.75,
         "row_h": rng.choice([15, 17, 19, 22]),
         "date": rng.choice(["iso", "iso", "slash"]), "labels": rng.choice(["std", "std", "upper", "noacc"]),
         "time": rng.choice(["ampm", "24h"])}
    L = labels(v["labels"])
    c = Canvas3("ps" if producer == "ps" else "mu")
    draw(c, d, v, L, rng)
    v["pages"] = len(c.pages)
    v["rows_per_page"] = v.pop("_rows")
    c.save(bstem, stem + ".pdf")
    return producer, v


def bold(f):
    return {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold"}[f]


def cell(c, x, y, w, h, label, value, F, FB, lfs=6, vfs=9):
    c.rect(x, y, w, h, lw=0.6)
    c.font(F, lfs)
    c.text(x + 3, y + lfs + 2, label)
    if value:
        c.font(FB, vfs)
        c.text(x + 4, y + h - 5, value)


def columns(d, v, L, F, fs):
    cols = []
    if v["item_col"]:
        cols.append(("item", ["Ítem"], ["#"], 20, "c"))
    cols += [("mod", [L["mod"]], ["30"], None, "l"), ("modc", [L["modcode"]], ["Cód."], 20, "c"),
             ("pref", [L["prefix"]], ["31"], 36, "c"), ("from", [L["from"]], ["32"], None, "r"),
             ("to", [L["to"]], ["33"], None, "r"), ("months", [L["months"]], ["38"], 38, "c")]
    if v["date_cols"]:
        cols += [("vf", [L["vfrom"]], ["Fecha inicial"], None, "c"), ("vt", [L["vto"]], ["Fecha final"], None, "c")]
    cols += [("req", [L["req"]], ["Tipo"], None, "l"), ("reqc", [L["reqcode"]], ["Cód."], 20, "c")]
    return cols


def row_values(d, r, i, v):
    dd = lambda x: fmt_d(x, v["date"])
    return {"item": str(i + 1), "mod": kind_name(r.kind), "modc": str(kind_code(r.kind)), "pref": r.prefix,
            "from": sep_num(r.frm, v["sep"]), "to": sep_num(r.to, v["sep"]), "months": str(r.months),
            "vf": dd(r.valid_from), "vt": dd(r.valid_to), "req": req_name(r.request), "reqc": str(req_code(r.request))}


def furniture(c, d, v, L, F, FB, pno, total):
    if pno > 1 and v["running_head"]:
        c.font(F, 7)
        c.text(ML, 40, f"Formulario No. {d.number}  -  NIT {d.nit}-{d.dv}  -  Continuación")
        c.text(W - MR, 40, "Autorización numeración de facturación", "r")
        c.line(ML, 44, W - MR, 44, lw=0.4)
    c.rect(ML, 748, W - ML - MR, 22, lw=0, fill=0.9)
    c.font(FB, 7.5)
    c.text(ML + 6, 757, "Formulario 1876")
    c.font(F, 6.5)
    c.text(ML + 6, 766, "Privado - Original: DIAN / Copia: Contribuyente")
    c.text(W / 2, 762, f"DIAN NIT {DIAN_NIT}-{DIAN_DV}", "c")
    c.font(FB, 7.5)
    c.text(W - MR - 6, 762, f"Hoja {pno} de {total}", "r")


def draw(c, d, v, L, rng):
    F, FB = v["font"], bold(v["font"])
    fs = 7 if v["row_h"] >= 17 else 6.5
    cols = columns(d, v, L, F, fs)
    rows = [row_values(d, r, i, v) for i, r in enumerate(d.ranges)]
    # widths: fixed ones, the others sized to content, then stretched to the page
    TW = W - ML - MR
    widths = []
    for key, lab, num, w, al in cols:
        if w is None:
            w = max(text_width(rw[key], F, fs) for rw in rows) + 8
            w = max(w, 44)
        widths.append(w)
    extra = TW - sum(widths)
    flex = [i for i, col in enumerate(cols) if col[3] is None]
    for i in flex:
        widths[i] += extra / len(flex)
    xs = [ML + sum(widths[:i]) for i in range(len(widths))]

    # ---- plan pages: page 2 capacity from the intro length
    rh = v["row_h"]
    hdr_h = 30
    # rows on page 2 are drawn at random; the introductory text grows to fill the space above
    maxcap = int((BOTTOM - 20 - (TOP + 40) - hdr_h) / rh)
    cap2 = min(rng.randint(2, len(rows) - 2), maxcap)
    y_table2 = BOTTOM - 20 - hdr_h - cap2 * rh
    v["intro_lines"] = int((y_table2 - TOP - 36) / 9)
    v["_rows"] = [cap2]
    rest = len(rows) - cap2
    cont_hdr = 0 if v["cont_header"] == "none" else (hdr_h if v["cont_header"] == "repeat" else 14)
    capn = int((BOTTOM - 20 - (TOP + 18) - cont_hdr) / rh)
    while rest > 0:
        k = min(rest, capn)
        v["_rows"].append(k)
        rest -= k
    last_used = TOP + 18 + cont_hdr + v["_rows"][-1] * rh + (10 if v["notes"] else 0)
    stamp_page = last_used + 170 > BOTTOM
    total = 1 + len(v["_rows"]) + (1 if stamp_page else 0)

    # ---- page 1
    c.page(W, H)
    c.rect(ML, 30, 70, 44, lw=1)
    c.font(FB, 18)
    c.text(ML + 35, 58, "DIAN", "c")
    c.font(FB, 12)
    c.text(W / 2, 46, L["title"], "c")
    c.font(F, 7.5)
    c.text(W / 2, 60, L["subtitle"], "c")
    c.rect(W - MR - 64, 30, 64, 44, lw=1)
    c.font(FB, 20)
    c.text(W - MR - 32, 60, "1876", "c")
    c.font(F, 6)
    c.text(W - MR - 32, 70, "Privada", "c")
    y = 86
    cell(c, ML, y, 90, 30, L["year"], d.year, F, FB)
    cell(c, ML + 90, y, 250, 30, L["number"], d.number, F, FB, vfs=11)
    c.rect(ML + 340, y, TW - 340, 30, lw=0.6)
    c.font(F, 6)
    c.text(ML + 344, y + 8, L["reserved"])
    y += 42
    c.rect(ML, y, TW, 14, lw=0, fill=0.82)
    c.font(FB, 8)
    c.text(ML + 5, y + 10, L["applicant"])
    y += 14
    cell(c, ML, y, 250, 30, L["nit"], d.nit, F, FB)
    cell(c, ML + 250, y, 60, 30, L["dv"], str(d.dv), F, FB)
    cell(c, ML + 310, y, TW - 310, 30, L["secc"], d.secc, F, FB)
    y += 30
    qw = TW / 4
    for i, (k, val) in enumerate([("ap1", d.ap1), ("ap2", d.ap2), ("n1", d.n1), ("n2", d.n2)]):
        cell(c, ML + i * qw, y, qw, 30, L[k], val, F, FB, vfs=8.5)
    y += 30
    rs = d.rs
    c.rect(ML, y, TW, 30, lw=0.6)
    c.font(F, 6)
    c.text(ML + 3, y + 8, L["rs"])
    if rs:
        fsz = 9 if text_width(rs, FB, 9) < TW - 10 else 6.8
        c.font(FB, fsz)
        c.text(ML + 4, y + 25, rs)
    y += 44
    c.rect(ML, y, TW, 14, lw=0, fill=0.82)
    c.font(FB, 8)
    c.text(ML + 5, y + 10, L["detail"])
    y += 26
    c.font(F, 7.5)
    paras = legal_paragraphs(rng, d)
    for p in paras:
        for ln in wrap_text(p, F, 7.5, TW):
            c.text(ML, y, ln)
            y += 10
        y += 4
    c.font(F, 7.5)
    c.text(ML, y + 6, f"El detalle de los {len(rows)} rangos solicitados se relaciona en las hojas siguientes.")
    furniture(c, d, v, L, F, FB, 1, total)

    # ---- table pages
    intro = ("Relación de los rangos de numeración autorizados, habilitados o inhabilitados en virtud de la "
             "presente solicitud. Cada rango se identifica por su modalidad, su prefijo y los números inicial "
             "y final; la vigencia se cuenta a partir de la fecha de acuse de recibo. ")
    extra = legal_paragraphs(rng, d) + legal_paragraphs(rng, d) + legal_paragraphs(rng, d)
    intro_lines = []
    for p in [intro] + extra + extra:
        intro_lines += wrap_text(p, F, 7.5, TW) + [""]
    intro_lines = intro_lines[: v["intro_lines"]]

    def header(y, mode):
        if mode == "numbers":
            c.rect(ML, y, TW, 14, lw=0, fill=0.88)
            c.font(FB, 7)
            for (key, lab, num, w, al), x, wd in zip(cols, xs, widths):
                c.rect(x, y, wd, 14, lw=0.5)
                c.text(x + wd / 2, y + 10, num[0], "c")
            return y + 14
        c.rect(ML, y, TW, hdr_h, lw=0, fill=0.88)
        c.font(FB, 6.3)
        for (key, lab, num, w, al), x, wd in zip(cols, xs, widths):
            c.rect(x, y, wd, hdr_h, lw=0.5)
            lines = wrap_text(lab[0], FB, 6.3, wd - 4)[:3]
            y0 = y + (hdr_h - len(lines) * 7.5) / 2 + 6
            for j, ln in enumerate(lines):
                c.text(x + wd / 2, y0 + j * 7.5, ln, "c")
        return y + hdr_h

    def body(y, k0, k1):
        for i in range(k0, k1):
            rw = rows[i]
            if v["zebra"] and i % 2 == 1:
                c.rect(ML, y, TW, rh, lw=0, fill=0.93)
            c.font(F, fs)
            for (key, lab, num, w, al), x, wd in zip(cols, xs, widths):
                c.rect(x, y, wd, rh, lw=0.4)
                tx = {"l": x + 3, "r": x + wd - 3, "c": x + wd / 2}[al]
                c.text(tx, y + rh / 2 + fs * 0.35, rw[key], al)
            y += rh
        return y

    k = 0
    pno = 2
    for pi, cnt in enumerate(v["_rows"]):
        c.page(W, H)
        y = TOP
        if pi == 0:
            c.rect(ML, y, TW, 14, lw=0, fill=0.82)
            c.font(FB, 8)
            c.text(ML + 5, y + 10, L["detail"] + " - " + L["title"])
            y += 26
            c.font(F, 7.5)
            for ln in intro_lines:
                c.text(ML, y, ln)
                y += 9
            y = y_table2
            y = header(y, "repeat")
        else:
            y = TOP + 18
            if v["notes"]:
                c.font("Times-Roman" if F == "Helvetica" else "Helvetica", 7)
                c.text(ML, y - 6, "Viene de la hoja anterior")
            if v["cont_header"] != "none":
                y = header(y, v["cont_header"])
        y = body(y, k, k + cnt)
        k += cnt
        if k < len(rows) and v["notes"]:
            c.font(F, 7)
            c.text(W - MR, y + 10, "Continúa en la hoja siguiente", "r")
        if k == len(rows):
            c.font(FB, 7.5)
            c.text(ML, y + 14, f"Total rangos: {len(rows)}")
            if not stamp_page:
                stamp(c, d, v, L, F, FB, y + 30)
        furniture(c, d, v, L, F, FB, pno, total)
        pno += 1
    if stamp_page:
        c.page(W, H)
        stamp(c, d, v, L, F, FB, TOP + 20)
        furniture(c, d, v, L, F, FB, pno, total)


def stamp(c, d, v, L, F, FB, y):
    cx, cy, r = W - MR - 80, y + 70, 62
    c.circle(cx, cy, r, lw=1.2)
    c.circle(cx, cy, r - 12, lw=0.5)
    c.font(FB, 7)
    c.arc_text(cx, cy, r - 8, "DIRECCIÓN DE IMPUESTOS Y ADUANAS NACIONALES", 160, 140)
    c.font(FB, 7)
    c.text(cx, cy - 16, L["stamp"], "c")
    c.font(FB, 8.5)
    dt_s = fmt_d(d.stamp.date(), v["date"])
    tm = d.stamp.strftime("%I:%M:%S %p") if v["time"] == "ampm" else d.stamp.strftime("%H:%M:%S")
    c.text(cx, cy, dt_s, "c")
    c.font(F, 8)
    c.text(cx, cy + 12, tm, "c")
    c.font(FB, 7)
    c.text(cx, cy + 26, L["signed"], "c")
    c.line(ML, y + 110, ML + 200, y + 110, lw=0.5)
    c.font(F, 7)
    c.text(ML, y + 120, L["sign"])
