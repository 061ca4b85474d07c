"""Family widget-field-values: the formato 1876 as a FILLABLE PDF. The page
content is only the blank form (title, '1876' model box, ruled boxes with
their labels, the header row and empty ruled rows of the ranges table, the
DIAN stamp's circle and words, signature line, legal text); the VALUES live in
AcroForm text fields: /Widget annotations with /FT /Tx, /V set to the value,
/DA, /Q and an /AP /N Form XObject that draws the value (inside /Tx BMC ...
EMC, clipped to the field, optionally over a pale blue, yellow or grey
background). Nothing else of the value is in the page content.

Per document:
- a FEW FIELDS FLATTENED into the page content (drawn where their widget would
  be, no widget left) and the rest not: none, the header fields (year and form
  number), the stamp date plus the form number, or a random quarter of the
  fields;
- COMB fields (/Ff comb bit, /MaxLen, one character per cell, the cells ruled
  in the page content) for the NIT and / or the form number and the year,
  their text in the leftmost, centred or rightmost cells (/Q 0, 1, 2) when
  the value is shorter than /MaxLen (a 10- or 16-cell box);
- text ALIGNED RIGHT (numbers of the ranges, /Q 2) or CENTRED (codes, months,
  DV, dates, /Q 1), names left; a long business name in a MULTI-LINE field;
- field names: semantic ('numero_formulario', 'r2_desde'), box numbers
  ('casilla4', 'c32_2'), generic ('Text1', 'Text2', ...) or hierarchical
  (parent fields 'solicitante', 'rango1', ... with kids 'desde', 'hasta', ...);
  tooltips (/TU) with the box caption in some documents;
- the ranges table has 4 or 6 (or as many as needed) slots; unused slots have
  EMPTY widgets (V '') or none; optional 'Fecha inicial' / 'Fecha final'
  columns;
- the stamp date-time as a widget inside the stamp circle, or in the content;
- in half of the documents a HIDDEN widget (/F hidden) over the form number's
  box holding a DIFFERENT 1876 number ('numero_borrador': the draft's number)
  with its own appearance; viewers and pdftotext do not show it, a reader of
  /V values would.
Empty name boxes (the other kind of taxpayer's) are empty widgets.

Paper: Letter, A4, Legal (one page) or A5 (two pages). Widget fonts:
Helvetica, Helvetica-Bold, Courier, Times-Roman. Numbers grouped with '.',
',' or nothing. The blank form is drawn by Chromium (inline SVG, every
coordinate exact), Ghostscript (PostScript) or mutool create; the fields are
then added with `mutool run` (build14/.../*.js). The producer in the file
name is the one that drew the blank form. Poppler's pdftotext prints widget
appearance streams (and skips hidden widgets), so check.py reads the values with it."""
import os

from common14 import (Canvas12, SvgCanvas, kind_name, kind_code, req_name, req_code, num, day, stamp_str,
                      legal_paragraphs, tweak_doc, tidy_prefixes, pick_labels, PAPERS14, text_width,
                      wrap_by, bold, cv_para, widget_ap, add_widgets, FF_COMB, FF_MULTILINE, F_HIDDEN, F_PRINT,
                      TITLE, SUB)

FAMILY = "widget-field-values"

COLS = ["mod", "modcode", "prefix", "from", "to", "months", "vfrom", "vto", "req", "reqcode"]
CAPS = {"mod": "30. Modalidad", "modcode": "Cód.", "prefix": "31. Prefijo", "from": "32. Desde el número",
        "to": "33. Hasta el número", "months": "38. Vigencia (meses)", "vfrom": "Fecha inicial",
        "vto": "Fecha final", "req": "Tipo de solicitud", "reqcode": "Cód."}
WEIGHT = {"mod": 2.5, "modcode": 0.5, "prefix": 0.75, "from": 1.25, "to": 1.25, "months": 0.85, "vfrom": 1.1,
          "vto": 1.1, "req": 1.5, "reqcode": 0.5}
SEMANTIC = {"year": "anio", "number": "numero_formulario", "nit": "nit", "dv": "dv", "ap1": "primer_apellido",
            "ap2": "segundo_apellido", "n1": "primer_nombre", "n2": "otros_nombres", "rs": "razon_social",
            "secc": "cod_seccional", "stamp": "fecha_acuse",
            "mod": "modalidad", "modcode": "cod_modalidad", "prefix": "prefijo", "from": "desde", "to": "hasta",
            "months": "vigencia_meses", "vfrom": "fecha_inicial", "vto": "fecha_final", "req": "tipo_solicitud",
            "reqcode": "cod_solicitud"}
BOXES = {"year": "casilla1", "number": "casilla4", "nit": "casilla5", "dv": "casilla6", "ap1": "casilla7",
         "ap2": "casilla8", "n1": "casilla9", "n2": "casilla10", "rs": "casilla11", "secc": "casilla12",
         "stamp": "acuse", "mod": "c30", "modcode": "c30cod", "prefix": "c31", "from": "c32", "to": "c33",
         "months": "c38", "vfrom": "fini", "vto": "ffin", "req": "tsol", "reqcode": "csol"}
BGS = {"none": None, "blue": (0.86, 0.91, 1.0), "yellow": (1.0, 1.0, 0.82), "grey": (0.93, 0.93, 0.93)}
WFONTS = ["Helvetica", "Helvetica", "Helvetica-Bold", "Courier", "Times-Roman"]


def doc_params(rng, idx):
    return {"nranges": [1, 2, 3, 4, 5, 6][idx % 6] if idx < 6 else rng.choice([1, 2, 2, 3, 4, 5, 6])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.3, other_req_prob=0.2)
    tidy_prefixes(d, rng)


def other_number(d, rng):
    while True:
        n = "1876" + "".join(rng.choice("0123456789") for _ in range(len(d.number) - 4))
        if n != d.number:
            return n


def render(d, rng, idx, tmp, btmp):
    producer = ["chromium", "gs", "mutool"][idx % 3]
    paper = ["Letter", "A4", "Legal", "A5"][(idx + idx // 4) % 4]
    v = {
        "paper": paper,
        "flatten": ["none", "header", "stamp+number", "random"][idx % 4] if idx < 8 else
        rng.choice(["none", "header", "stamp+number", "random"]),
        "comb_nit": rng.random() < 0.6,
        "comb_number": rng.random() < 0.5,
        "comb_cells": rng.choice(["exact", "more"]),
        "comb_q": rng.choice([0, 0, 1, 2]),
        "names": ["semantic", "boxes", "generic", "hier"][idx % 4] if idx < 8 else
        rng.choice(["semantic", "boxes", "generic", "hier"]),
        "tooltips": rng.random() < 0.5,
        "bg": rng.choice(list(BGS)),
        "wfont": rng.choice(WFONTS),
        "tfont": rng.choice(["Helvetica", "Times-Roman"]),
        "num_q": rng.choice([2, 2, 1]),
        "sep": rng.choice(["", "", ".", ","]),
        "date_cols": rng.random() < 0.5,
        "date": rng.choice(["iso", "slash", "mon"]),
        "stamp_date": rng.choice(["iso", "slash"]),
        "time": rng.choice(["ampm", "24h"]),
        "mcase": rng.choice(["upper", "upper", "title"]),
        "slots": max(len(d.ranges), rng.choice([4, 6])),
        "empty_slots": rng.choice(["widgets", "none"]),
        "stamp_widget": rng.random() < 0.6,
        "hidden_trap": idx % 2 == 0,
    }
    L = pick_labels(rng, rng.choice([True, True, None]))
    legal = legal_paragraphs(rng, d)
    fields, pages = layout(d, v, L, rng)
    # flatten a few fields into the page content
    fl = set()
    if v["flatten"] == "header":
        fl = {"year", "number"}
    elif v["flatten"] == "stamp+number":
        fl = {"stamp", "number"}
    elif v["flatten"] == "random":
        cand = [f for f in fields if f["value"] and f["key"] != "trap"]
        for f in rng.sample(cand, max(2, len(cand) // 4)):
            f["flat"] = True
    for f in fields:
        if f["key"] in fl and f["value"]:
            f["flat"] = True
    if v["stamp_widget"] is False:
        for f in fields:
            if f["key"] == "stamp":
                f["flat"] = True
    if producer == "chromium":
        c = SvgCanvas()
    else:
        c = Canvas12("ps" if producer == "gs" else "mu")
    draw(c, d, v, L, legal, fields, pages)
    base = btmp + "-blank.pdf"
    c.save(btmp, base)
    widgets = []
    H = PAPERS14[paper][1]
    for f in fields:
        if f.get("flat"):
            continue
        if not f["value"] and f["key"].startswith("slot") and v["empty_slots"] == "none":
            continue
        x, y, w, h = f["box"]
        ff = 0
        if f["comb"]:
            ff |= FF_COMB
        if f["multiline"]:
            ff |= FF_MULTILINE
        widgets.append({
            "page": f["page"], "rect": [x, H - y - h, x + w, H - y], "name": f["name"], "value": f["value"],
            "font": f["font"], "size": f["size"], "q": f["q"], "ff": ff, "maxlen": f["comb"],
            "flags": F_PRINT | (F_HIDDEN if f["key"] == "trap" else 0), "tu": f["tu"] if v["tooltips"] else "",
            "parent": f["parent"], "mk": list(BGS[v["bg"]]) if BGS[v["bg"]] else None,
            "ap": widget_ap(f["value"], w, h, f["font"], f["size"], f["q"], f["comb"], BGS[v["bg"]], f["multiline"])})
    add_widgets(base, tmp + ".pdf", widgets, btmp + ".js")
    v["fields"] = [{"key": f["key"], "name": (f["parent"] + "." if f["parent"] else "") + f["name"],
                    "value": f["value"], "flat": bool(f.get("flat")), "comb": f["comb"], "q": f["q"]}
                   for f in fields]
    v["labels"] = {k: L[k] for k in ("year", "number", "nit", "dv", "ap1", "ap2", "n1", "n2", "rs", "secc")}
    return producer, v


# ------------------------------------------------------------------ layout
def layout(d, v, L, rng):
    """every field: key, page, box (x, y, w, h; top-left coords), value, q, comb
    (MaxLen or 0), multiline, font, size, name, parent, tu; plus the page plan"""
    PW, PH = PAPERS14[v["paper"]]
    small = v["paper"] == "A5"
    M = 22 if small else 34
    TW = PW - 2 * M
    wf = v["wfont"]
    ls = 6 if small else 6.8
    base = 8 if small else 9.5
    fields = []
    boxes = []  # page-content boxes: (page, x, y, w, h, label, comb_cells)
    counter = [0]

    def fit(s, w, size):
        while size > 4.5 and text_width(s, wf, size) > w - 4:
            size -= 0.25
        return size

    def name_of(key, row=None):
        st = v["names"]
        if st == "generic":
            counter[0] += 1
            return f"Text{counter[0]}", ""
        if st == "hier":
            base_ = SEMANTIC[key]
            if row is not None:
                return base_, f"rango{row}"
            return base_, ("dian" if key == "stamp" else "solicitante")
        tab = SEMANTIC if st == "semantic" else BOXES
        if row is not None:
            return (f"r{row}_{tab[key]}" if st == "semantic" else f"{tab[key]}_{row}"), ""
        return tab[key], ""

    def add(key, page, box, value, q=0, comb=0, multiline=False, size=None, tu="", row=None, fkey=None):
        x, y, w, h = box
        if comb:
            size = min(base + 1, w / comb * 1.3)
        elif multiline:
            size = size or base
        else:
            size = fit(value, w, size or base)
        nm, parent = name_of(key, row)
        fields.append({"key": fkey or key, "page": page, "box": box, "value": value, "q": q, "comb": comb,
                       "multiline": multiline, "font": wf, "size": round(size, 2), "name": nm,
                       "parent": parent, "tu": tu})

    # ---- page 0: taxpayer
    y = M + 40 + 4 + (ls + 7)  # title + band
    rowh = 34 if not small else 30
    cells_rows = []
    if small:
        cells_rows = [[("year", 1), ("secc", 1.4)], [("number", 1)], [("nit", 3), ("dv", 1)],
                      [("ap1", 1), ("ap2", 1)], [("n1", 1), ("n2", 1)], [("rs", 1)]]
    else:
        cells_rows = [[("year", 0.8), ("number", 2.6), ("secc", 1.4)], [("nit", 3), ("dv", 0.8)],
                      [("ap1", 1), ("ap2", 1), ("n1", 1), ("n2", 1)], [("rs", 1)]]
    values = {"year": d.year, "number": d.number, "nit": d.nit, "dv": str(d.dv), "ap1": d.ap1, "ap2": d.ap2,
              "n1": d.n1, "n2": d.n2, "rs": d.rs, "secc": d.secc}
    rs_lines = wrap_by(d.rs, TW - 10, lambda s: text_width(s, wf, base)) if d.rs else [""]
    rs_multi = len(rs_lines) > 1
    ncomb = 0
    if v["comb_number"]:
        ncomb = len(d.number) if v["comb_cells"] == "exact" else 16 if len(d.number) <= 16 else len(d.number)
    nitcomb = 0
    if v["comb_nit"]:
        nitcomb = len(d.nit) if v["comb_cells"] == "exact" else 10 if len(d.nit) <= 10 else len(d.nit)
    for row in cells_rows:
        tot = sum(wt for _, wt in row)
        x = M
        h = rowh
        if row[0][0] == "rs" and rs_multi:
            h = rowh + (len(rs_lines) - 1) * (base * 1.15)
        for key, wt in row:
            w = TW * wt / tot
            vb = (x + 3, y + ls + 4, w - 6, h - ls - 7)
            comb = 0
            q = 0
            if key == "number":
                comb = ncomb
                q = v["comb_q"] if comb else 0
                if comb:
                    cw = min(vb[2] / comb, 15)
                    vb = (vb[0], vb[1], cw * comb, vb[3])
            elif key == "nit":
                comb = nitcomb
                q = v["comb_q"] if comb else 0
                if comb:
                    cw = min(vb[2] / comb, 18)
                    vb = (vb[0], vb[1], cw * comb, vb[3])
            elif key == "year" and (v["comb_nit"] or v["comb_number"]):
                comb = 4
                cw = min(vb[2] / 4, 15)
                vb = (vb[0], vb[1], cw * 4, vb[3])
            elif key in ("dv", "secc"):
                q = 1
            boxes.append((0, x, y, w, h, L[key], comb, vb))
            add(key, 0, vb, values[key], q=q, comb=comb, multiline=(key == "rs" and rs_multi), tu=L[key])
            x += w
        y += h
    # ---- ranges
    if small:
        page = 1
        y = M + 40 + 4
    else:
        page = 0
        y += 14
    table_top = y + ls + 7 + 3
    keys = [k for k in COLS if v["date_cols"] or k not in ("vfrom", "vto")]
    tot = sum(WEIGHT[k] for k in keys)
    ws = [TW * WEIGHT[k] / tot for k in keys]
    xs = [M]
    for w in ws[:-1]:
        xs.append(xs[-1] + w)
    hh = 2 * (ls + 1.5) + 8
    rh = 17 if not small else 15
    trows = []
    for i in range(v["slots"]):
        r = d.ranges[i] if i < len(d.ranges) else None
        yy = table_top + hh + i * rh
        for k, x, w in zip(keys, xs, ws):
            if r is None:
                val = ""
            else:
                val = {"mod": kind_name(r.kind, v["mcase"]), "modcode": str(kind_code(r.kind)), "prefix": r.prefix,
                       "from": num(r.frm, v["sep"]), "to": num(r.to, v["sep"]), "months": str(r.months),
                       "vfrom": day(r.valid_from, v["date"]), "vto": day(r.valid_to, v["date"]),
                       "req": req_name(r.request, v["mcase"]), "reqcode": str(req_code(r.request))}[k]
            q = v["num_q"] if k in ("from", "to") else 1 if k in ("modcode", "prefix", "months", "vfrom", "vto",
                                                                    "reqcode") else 0
            add(k, page, (x + 1.2, yy + 1.2, w - 2.4, rh - 2.4), val, q=q, size=base - 0.8, tu=CAPS[k],
                row=i + 1, fkey=(f"r{i + 1}.{k}" if r is not None else f"slot{i + 1}.{k}"))
        trows.append(yy)
    y = table_top + hh + v["slots"] * rh
    # ---- stamp
    R = 50 if small else 58
    cx, cy = M + TW - R - 6, y + 18 + R
    st = stamp_str(d, v["stamp_date"], v["time"])
    sw = 2 * R - 22
    add("stamp", page, (cx - sw / 2, cy - 4, sw, 15), st, q=1, size=base - 0.5, tu="Fecha Acuse de Recibo")
    if v["hidden_trap"]:
        nb = [f for f in fields if f["key"] == "number"][0]
        x, y0, w, h = nb["box"]
        fields.append({"key": "trap", "page": 0, "box": (x, y0, w, h), "value": other_number(d, rng), "q": 0,
                       "comb": 0, "multiline": False, "font": wf, "size": nb["size"],
                       "name": "numero_borrador" if v["names"] != "generic" else "Text0",
                       "parent": "", "tu": "Número de formulario (borrador)"})
    plan = {"M": M, "TW": TW, "ls": ls, "boxes": boxes, "keys": keys, "xs": xs, "ws": ws, "table_top": table_top,
            "table_page": page, "hh": hh, "rh": rh, "stamp": (cx, cy, R), "y_end": cy + R + 10}
    return fields, plan


# ------------------------------------------------------------------ blank form (+ flattened values)
def draw_value(c, f):
    x, y, w, h = f["box"]
    c.font(f["font"], f["size"])
    s = f["value"]
    by = y + h - (h - f["size"] * 0.7) / 2
    if f["comb"]:
        cw = w / f["comb"]
        start = {0: 0, 1: (f["comb"] - len(s)) // 2, 2: f["comb"] - len(s)}[f["q"]]
        for i, ch in enumerate(s):
            c.text(x + (start + i + 0.5) * cw, by, ch, "c")
        return
    if f["multiline"]:
        lines = wrap_by(s, w - 4, lambda t: text_width(t, f["font"], f["size"]))
        yy = y + 2 + f["size"] * 0.9
        for ln in lines:
            c.text(x + 2, yy, ln)
            yy += f["size"] * 1.15
        return
    if f["q"] == 2:
        c.text(x + w - 2, by, s, "r")
    elif f["q"] == 1:
        c.text(x + w / 2, by, s, "c")
    else:
        c.text(x + 2, by, s)


def draw(c, d, v, L, legal, fields, P):
    PW, PH = PAPERS14[v["paper"]]
    M, TW, ls = P["M"], P["TW"], P["ls"]
    F = v["tfont"]
    FB = bold(F)
    npages = 2 if v["paper"] == "A5" else 1

    def title(sub):
        c.font(FB, 15)
        c.text(M, M + 20, "DIAN")
        c.font(FB, 10 if v["paper"] != "A5" else 8)
        c.text(M + TW / 2, M + 12, TITLE, "c")
        c.font(F, 6.5)
        c.text(M + TW / 2, M + 23, sub, "c")
        c.rect(M + TW - 50, M, 50, 27, lw=0.9)
        c.font(FB, 15)
        c.text(M + TW - 25, M + 20, "1876", "c")
        c.line(M, M + 33, M + TW, M + 33, lw=1.2)

    def band(y, s):
        c.rect(M, y, TW, ls + 7, lw=0, fill=0.85)
        c.font(FB, ls + 1.2)
        c.text(M + 4, y + ls + 3, s)

    c.page(PW, PH)
    title(SUB)
    band(M + 44, "Datos del solicitante")
    for pg, x, y, w, h, lab, comb, vb in P["boxes"]:
        c.rect(x, y, w, h, lw=0.6)
        c.font(F, ls)
        c.text(x + 3, y + ls + 1.5, lab)
        if comb:
            bx, by_, bw, bh = vb
            c.gray(0.55)
            cw = bw / comb
            c.rect(bx, by_, bw, bh, lw=0.4)
            for i in range(1, comb):
                c.line(bx + i * cw, by_ + bh * 0.45, bx + i * cw, by_ + bh, lw=0.4)
            c.gray(0)

    def page_fields(p):
        for f in fields:
            if f["page"] == p and f.get("flat") and f["value"]:
                draw_value(c, f)

    if npages == 2:
        yl = max(y + h for pg, x, y, w, h, *_ in P["boxes"]) + 16
        cv_para(c, M, yl, TW, legal, F, 5.6, PH - 30)
        page_fields(0)
        c.font(F, 6)
        c.text(M + TW, PH - 16, "Hoja 1 de 2", "r")
        c.page(PW, PH)
        title("Hoja 2")
    # table
    tt = P["table_top"]
    band(tt - ls - 10, "Detalle de la solicitud")
    keys, xs, ws, hh, rh = P["keys"], P["xs"], P["ws"], P["hh"], P["rh"]
    c.rect(M, tt, TW, hh, lw=0, fill=0.9)
    hs = ls
    for k, x, w in zip(keys, xs, ws):
        c.rect(x, tt, w, hh, lw=0.5)
        lines = wrap_by(CAPS[k], w - 4, lambda s: text_width(s, FB, hs))
        yy = tt + (hh - len(lines) * (hs + 1.5)) / 2 + hs
        c.font(FB, hs)
        for ln in lines:
            c.text(x + w / 2, yy, ln, "c")
            yy += hs + 1.5
    for i in range(v["slots"]):
        yy = tt + hh + i * rh
        for x, w in zip(xs, ws):
            c.rect(x, yy, w, rh, lw=0.5)
    cx, cy, R = P["stamp"]
    c.circle(cx, cy, R, lw=1.3)
    c.circle(cx, cy, R - 4, lw=0.5)
    c.font(FB, 12)
    c.text(cx, cy - R * 0.42, "DIAN", "c")
    c.font(F, 7)
    c.text(cx, cy - R * 0.18, "Fecha Acuse de Recibo", "c")
    c.text(cx, cy + R * 0.6, "Firmado", "c")
    ys = cy + R - 10
    c.line(M, ys, M + 160, ys, lw=0.5)
    c.font(F, 7)
    c.text(M, ys + 10, "Firma del solicitante")
    if npages == 1:
        cv_para(c, M, P["y_end"] + 12, TW, legal, F, 5.8, PH - 26)
    page_fields(npages - 1)
    c.font(F, 6)
    c.text(M + TW, PH - 16, f"Hoja {npages} de {npages}", "r")
