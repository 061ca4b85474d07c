"""Family vertical-label-margins: a re-drawn formato 1876 whose SECTION NAMES
AND MANY LABELS ARE SET ROTATED 90 DEGREES, the values always horizontal:

- every section is a ruled box with a NARROW LEFT CELL holding its name
  rotated ('DATOS DEL SOLICITANTE', 'DETALLE DE LA SOLICITUD' / 'RANGOS DE
  NUMERACIÓN', 'ESPACIO RESERVADO PARA LA DIAN'), reading bottom-to-top
  (rotated 90 degrees counter-clockwise) or top-to-bottom (90 degrees clockwise),
  one direction per document;
- the taxpayer boxes either all horizontal (label over value: 'top'), or with
  the label ROTATED IN A NARROW CELL AT THE LEFT OF THE VALUE ('side': all
  boxes but year and form number, which stay label-over-value; 'mixed': a
  random half), a long label broken over two rotated lines side by side;
- the table of ranges has a TALL HEADER ROW whose captions are rotated above
  narrow columns ('narrow': the modality and request captions stay
  horizontal; 'all': every caption rotated), in some documents with the box
  number printed horizontally at the top of its rotated caption ('32' over
  'Desde el número'); captions with or without box numbers, long captions on
  two rotated lines; values horizontal, numbers right-aligned, the modality
  name wrapped inside its cell; optional 'Cantidad' (to - from + 1) and
  validity date columns;
- the title, the stamp ('Fecha Acuse de Recibo', level date and time,
  'Firmado'), the signature line and the legal text horizontal, so a person can
  read the form.

A reader that takes text in stream order or drops rotated text sees the
values without their captions and the rotated words as columns of letters or
as separate blocks.

Numbers grouped with '.', ',', a space or nothing; dates in ISO, dd/mm/aaaa,
aaaa/mm/dd, dd-MMM-aaaa, dd.mm.aaaa, '3 mar. 2025'. Paper: Letter, A4,
Legal, A5 (two pages), Letter or A4 landscape (not groff). Producers:
Chromium (SVG with rotate(); DejaVu TrueType squeezed to the Base14
widths with textLength, except one document in the Nimbus fonts, which
Chromium embeds as Type 3 and whose rotated words Poppler reads reversed),
Ghostscript and mutool create (rotated text
through the CTM), groff (tbl; the rotated captions through grops 'ps: exec'
rotating about the current point; taxpayer labels horizontal)."""
from common15 import (Canvas15, SvgCanvas15, text_width, tweak_doc, tidy_prefixes, pick_labels, kind_name,
                      kind_code, req_name, req_code, num, day, stamp_str, legal_paragraphs, tp_rows, PAPERS15,
                      SEPS, TITLE, SUB, bold, wrap_by, fit_cols, groff_pdf, groff_esc, groff_fit, groff_rot,
                      GROFF_PAPER, nranges_for, cv_stamp, groff_head, groff_taxpayer, groff_stamp, groff_legal)

FAMILY = "vertical-label-margins"

CAPS = {
    "boxnum": {"mod": "30. Modalidad", "modcode": "Código", "prefix": "31. Prefijo", "from": "32. Desde el número",
               "to": "33. Hasta el número", "qty": "Cantidad de números", "months": "38. Vigencia (meses)",
               "vfrom": "Fecha inicial", "vto": "Fecha final", "req": "Tipo de solicitud", "reqcode": "Código"},
    "bare": {"mod": "Modalidad", "modcode": "Cód. modalidad", "prefix": "Prefijo", "from": "Desde el número",
             "to": "Hasta el número", "qty": "Cantidad", "months": "Vigencia en meses", "vfrom": "Vigente desde",
             "vto": "Vigente hasta", "req": "Tipo de solicitud", "reqcode": "Cód. solicitud"},
    "upper": {"mod": "30. MODALIDAD", "modcode": "CÓDIGO", "prefix": "31. PREFIJO", "from": "32. NÚMERO INICIAL",
              "to": "33. NÚMERO FINAL", "qty": "CANTIDAD", "months": "38. VIGENCIA MESES",
              "vfrom": "FECHA DESDE", "vto": "FECHA HASTA", "req": "TIPO SOLICITUD", "reqcode": "CÓDIGO"},
}
SECTIONS = {
    "s1": ["DATOS DEL SOLICITANTE", "Datos del solicitante", "SOLICITANTE"],
    "s2": ["DETALLE DE LA SOLICITUD", "RANGOS DE NUMERACIÓN", "Detalle de la solicitud"],
    "s3": ["ESPACIO RESERVADO PARA LA DIAN", "USO EXCLUSIVO DIAN", "Espacio para la DIAN"],
}


def doc_params(rng, idx):
    return {"nranges": nranges_for(rng, idx)}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.25, other_req_prob=0.25)
    tidy_prefixes(d, rng)


def columns(d, v):
    keys = ["mod", "modcode", "prefix", "from", "to"]
    if v["qty"]:
        keys.append("qty")
    keys.append("months")
    if v["dates"]:
        keys += ["vfrom", "vto"]
    keys += ["req", "reqcode"]
    caps = [CAPS[v["caps"]][k] for k in keys]
    aligns = [{"mod": "l", "req": "l", "from": "r", "to": "r", "qty": "r"}.get(k, "c") for k in keys]
    rows = []
    for r in d.ranges:
        c = {"mod": kind_name(r.kind, v["mcase"]), "modcode": str(kind_code(r.kind)), "prefix": r.prefix,
             "from": num(r.frm, v["sep"], v["kind"]), "to": num(r.to, v["sep"], v["kind"]),
             "qty": num(r.to - r.frm + 1, v["sep"], v["kind"]), "months": str(r.months),
             "vfrom": day(r.valid_from, v["date"]), "vto": day(r.valid_to, v["date"]),
             "req": req_name(r.request, v["mcase"]), "reqcode": str(req_code(r.request))}
        rows.append([c[k] for k in keys])
    rotated = [not (v["thead"] == "narrow" and k in ("mod", "req")) for k in keys]
    return keys, caps, aligns, rows, rotated


def split_boxnum(cap):
    head, _, rest = cap.partition(" ")
    if head.rstrip(".").isdigit() and rest:
        return head.rstrip("."), rest
    return "", cap


# ------------------------------------------------------------------ Canvas (SVG / PostScript / mutool)
def draw(c, d, v, L, legal):
    PW, PH = PAPERS15[v["paper"]]
    small = v["paper"] == "A5"
    M = 24 if small else 36
    TW = PW - 2 * M
    F = v["font"]
    FB = bold(F)
    fs = 7.5 if small else v["fs"]
    deg = v["dir"]
    SW = fs + 8  # width of a section's narrow cell
    rec = v["rotated_labels"]

    def vlabel(x0, w, ytop, h, lines, font, size):
        """rotated lines centred in the cell [x0, x0 + w] x [ytop, ytop + h]"""
        c.font(font, size)
        n = len(lines)
        for i, ln in enumerate(lines):
            # line i of n, columns left to right in reading order
            off = (i - (n - 1) / 2) * (size + 1.5)
            xc = x0 + w / 2 + (off if deg > 0 else -off)
            xb = xc + size * 0.35 if deg > 0 else xc - size * 0.35
            c.vtext(xb, ytop + h / 2, ln, deg, "c")
            rec.append(ln)

    def section(y, h, name):
        c.rect(M, y, TW, h, lw=0.9)
        c.rect(M, y, SW, h, lw=0, fill=0.85)
        c.line(M + SW, y, M + SW, y + h, lw=0.7)
        size = fs - 0.5
        lines = [name]
        if text_width(name, FB, size) > h - 8:
            size = max(5.0, size * (h - 8) / text_width(name, FB, size))
            if size < 6.0 and " " in name:
                size = fs - 1.5
                lines = wrap_by(name, h - 8, lambda s: text_width(s, FB, size))
        vlabel(M, SW, y, h, lines, FB, size)

    def title(y, sub):
        c.font(FB, fs + 8)
        c.text(M, y + 18, "DIAN")
        c.font(FB, fs + 2.5)
        c.text(M + TW / 2, y + 10, TITLE, "c")
        c.font(F, fs - 1.5)
        c.text(M + TW / 2, y + 21, sub, "c")
        c.rect(M + TW - 50, y, 50, 26, lw=0.9)
        c.font(FB, fs + 6)
        c.text(M + TW - 25, y + 19, "1876", "c")
        return y + 36

    def paras(y, ymax):
        c.font(F, fs - 2)
        for p in legal:
            for ln in wrap_by(p, TW, lambda s: text_width(s, F, fs - 2)):
                if y > ymax:
                    return y
                c.text(M, y, ln)
                y += (fs - 2) * 1.35
            y += 3
        return y

    c.page(PW, PH)
    y = title(M, SUB)
    # ---- section 1: taxpayer boxes
    X0 = M + SW
    IW = TW - SW
    rows = tp_rows(d, L, wide=not small)
    ls = fs - 2
    laid = []  # (y, h, cells)
    yy = y
    for row in rows:
        tot = sum(r[3] for r in row)
        cells, xx, need = [], X0, 0
        for key, lab, val, wt in row:
            cw = IW * wt / tot
            side = v["boxside"].get(key, False)
            if side:
                llines = [lab]
                if text_width(lab, F, ls) > 44:
                    llines = wrap_by(lab, max(44, text_width(lab, F, ls) / 2 + 8), lambda s: text_width(s, F, ls))[:2]
                lw_ = len(llines) * (ls + 1.5) + 5
                vl = wrap_by(val, cw - lw_ - 10, lambda s: text_width(s, FB, fs + 0.5)) if val else [""]
                h = max(max(text_width(s, F, ls) for s in llines) + 8, len(vl) * (fs + 3) + 10, 26)
            else:
                llines, lw_ = [lab], 0
                vl = wrap_by(val, cw - 10, lambda s: text_width(s, FB, fs + 0.5)) if val else [""]
                h = fs + 7 + len(vl) * (fs + 3) + 4
            cells.append((key, xx, cw, side, llines, lw_, vl))
            need = max(need, h)
            xx += cw
        laid.append((yy, need, cells))
        yy += need
    s1h = max(yy - y, text_width(v["s1"], FB, fs - 0.5) * 0.6 + 8)
    section(y, s1h, v["s1"])
    for ry, rh, cells in laid:
        for key, cx, cw, side, llines, lw_, vl in cells:
            c.rect(cx, ry, cw, rh, lw=0.5)
            if side:
                c.rect(cx, ry, lw_, rh, lw=0, fill=0.93)
                c.line(cx + lw_, ry, cx + lw_, ry + rh, lw=0.4)
                vlabel(cx, lw_, ry, rh, llines, F, ls)
                c.font(FB, fs + 0.5)
                ty = ry + rh / 2 - (len(vl) - 1) * (fs + 3) / 2 + fs * 0.35
                for ln in vl:
                    c.text(cx + lw_ + 5, ty, ln)
                    ty += fs + 3
            else:
                c.font(F, ls)
                c.text(cx + 3, ry + fs - 1.5, llines[0])
                c.font(FB, fs + 0.5)
                ty = ry + fs + 5 + fs
                for ln in vl:
                    c.text(cx + 5, ty, ln)
                    ty += fs + 3
    y = y + s1h
    if v["pages"] == 2:
        paras(y + 16, PH - 40)
        c.font(F, fs - 2)
        c.text(M + TW, PH - 18, "Hoja 1 de 2", "r")
        c.page(PW, PH)
        y = title(M, "Hoja 2")
    else:
        y += 10
    # ---- section 2: ranges table with rotated captions
    keys, caps, aligns, rows, rotated = columns(d, v)
    hs, bs = fs - 1.2, fs - 0.5
    heads_h = [cap if not r else "" for cap, r in zip(caps, rotated)]
    rot_lines = []
    for cap, r in zip(caps, rotated):
        if not r:
            rot_lines.append(([], ""))
            continue
        bn, rest = split_boxnum(cap) if v["numtop"] else ("", cap)
        lines = [rest]
        if text_width(rest, FB, hs) > 62:
            lines = wrap_by(rest, max(62, text_width(rest, FB, hs) / 2 + 10), lambda s: text_width(s, FB, hs))[:2]
        rot_lines.append((lines, bn))
    wrap = {keys.index("mod"), keys.index("req")}
    weights = [2.2 if k == "mod" else 1.4 if k == "req" else 1.0 for k in keys]
    # rotated captions need only their stacked line heights as width
    fake_heads = [h if h else "X" * (len(rl[0]) * 2) for h, rl in zip(heads_h, rot_lines)]
    ws, hs2, bs2 = fit_cols(weights, fake_heads, rows, F, hs, bs, TW - SW, wrap)
    bs = bs2
    xs = [M + SW]
    for wd in ws[:-1]:
        xs.append(xs[-1] + wd)
    hh = max([max(text_width(s, FB, hs) for s in rl[0]) + (hs + 6 if rl[1] else 0) + 12
              for rl in rot_lines if rl[0]] + [30])
    body_h = 0
    wl_rows = []
    for row in rows:
        wl = [wrap_by(s, wd - 6, lambda t: text_width(t, F, bs)) if j in wrap else [s]
              for j, (s, wd) in enumerate(zip(row, ws))]
        rh = max(len(q) for q in wl) * (bs + 2.5) + 7
        wl_rows.append((wl, rh))
        body_h += rh
    s2h = max(hh + body_h, text_width(v["s2"], FB, fs - 0.5) * 0.6 + 8)
    section(y, s2h, v["s2"])
    c.rect(M + SW, y, TW - SW, hh, lw=0, fill=0.9)
    for j, (xx, wd) in enumerate(zip(xs, ws)):
        c.rect(xx, y, wd, hh, lw=0.5)
        lines, bn = rot_lines[j]
        if not lines:
            c.font(FB, hs)
            hl = wrap_by(heads_h[j], wd - 5, lambda s: text_width(s, FB, hs))
            ty = y + (hh - len(hl) * hs * 1.2) / 2 + hs * 0.95
            for ln in hl:
                c.text(xx + wd / 2, ty, ln, "c")
                ty += hs * 1.2
            v["horizontal_labels"].append(heads_h[j])
            continue
        top = y
        if bn:
            c.font(FB, hs)
            c.text(xx + wd / 2, y + hs + 3, bn, "c")
            top = y + hs + 6
        vlabel(xx, wd, top, y + hh - top, lines, FB, hs)
    ty0 = y + hh
    for wl, rh in wl_rows:
        c.font(F, bs)
        for q, xx, wd, al in zip(wl, xs, ws, aligns):
            c.rect(xx, ty0, wd, rh, lw=0.5)
            ty = ty0 + 3.5 + bs * 0.95
            for ln in q:
                c.text({"l": xx + 3, "r": xx + wd - 3, "c": xx + wd / 2}[al], ty, ln, al)
                ty += bs + 2.5
        ty0 += rh
    y += s2h + 10
    # ---- section 3: stamp
    R = 44 if small else 54
    s3h = 2 * R + 30
    if y + s3h + 20 > PH - 24:
        c.font(F, fs - 2)
        c.text(M + TW, PH - 18, "(continúa)", "r")
        c.page(PW, PH)
        y = M
    section(y, s3h, v["s3"])
    st = stamp_str(d, v["stamp_date"], v["time"])
    cv_stamp(c, M + TW - R - 14, y + s3h / 2, R, d, F, fs, st.split(" / ") if " / " in st else [st])
    c.line(M + SW + 20, y + s3h - 26, M + SW + 190, y + s3h - 26, lw=0.5)
    c.font(F, fs - 1)
    c.text(M + SW + 20, y + s3h - 16, "Firma del solicitante")
    v["horizontal_labels"] += ["Fecha Acuse de Recibo", "Firma del solicitante"]
    y += s3h + 14
    if v["pages"] == 1:
        paras(y, PH - 30)
    n = len(c.pages)
    c.font(F, fs - 2)
    c.text(M + TW, PH - 18 + (8 if n > v["pages"] else 0), f"Hoja {n} de {n}", "r")


# ------------------------------------------------------------------ groff
def groff_src(d, v, L, legal):
    small = v["paper"] == "A5"
    fs = 7 if small else 9
    out, popt, ll = groff_head(v["paper"], fs, v["font"])
    deg = -90 if v["dir"] > 0 else 90  # grops: y grows downwards
    rec = v["rotated_labels"]
    ind = fs + 12

    def section(name, body_lines, est_h):
        size = fs - 0.5
        tl = text_width(name, "Helvetica-Bold", size)
        pad = max(0.0, tl + 10 - est_h)
        rec.append(name)
        res = [f".ne {max(est_h, tl + 10) + 20:.0f}p", ".sp 0.3", ".mk a", f".in +{ind}p"]
        res += body_lines
        if pad:
            res.append(f".sp {pad:.0f}p")
        res += [".sp 0.2", f".in -{ind}p", ".mk b", ".nr h \\nb-\\na", ".nr hh \\nh/2", f".sp |\\nau"]
        # the narrow cell (outline) and the rotated name, both with no net motion
        box = f"\\Z'\\v'-0.8v'\\D'p {ind - 4}p 0 0 \\nhu -{ind - 4}p 0''"
        if deg < 0:  # bottom-to-top: start low, glyphs left of the baseline
            mv = f"\\v'-0.8v'\\v'\\n[hh]u'\\v'{tl / 2:.1f}p'\\h'{(ind - 4) / 2 + size * 0.35:.1f}p'"
        else:
            mv = f"\\v'-0.8v'\\v'\\n[hh]u'\\v'-{tl / 2:.1f}p'\\h'{(ind - 4) / 2 - size * 0.35:.1f}p'"
        rot = (f"\\Z'{mv}\\X'ps: exec gsave currentpoint 2 copy translate {deg} rotate neg exch neg exch translate'"
               f"\\s[{size:g}]\\fB{groff_esc(name)}\\fP\\s0\\X'ps: exec grestore''")
        res += [box + rot + "\\&", ".sp |\\nbu"]
        return res

    rows = tp_rows(d, L, wide=not small)
    tp = groff_taxpayer(rows, fs, ll - ind)
    est1 = sum((fs + 3) * 2 + 8 for _ in rows)
    out += section(v["s1"], tp, est1)
    if v["pages"] == 2:
        out += [".sp 0.5"] + groff_legal(legal, 6) + [f".ps {fs}", f".vs {fs + 3}p", ".bp", ".ce 1",
                                                      "\\fBHoja 2\\fP", ".sp 0.3"]
    else:
        out += [".sp 0.5"]
    vt = dict(v, kind="text")
    keys, caps, aligns, prow, rotated = columns(d, vt)
    _, _, _, grows, _ = columns(d, v)
    hs, bs = fs - 1.5, fs - 1
    wrap = {keys.index("mod"), keys.index("req")}
    fake = [("X" * 4 if r else cap) for cap, r in zip(caps, rotated)]
    widths, hs2, bs = groff_fit(fake, prow, [2.2 if k == "mod" else 1.4 if k == "req" else 1.0 for k in keys],
                                wrap, ll - ind, fs, v["font"])
    hcells, capmax = [], 0
    for cap, r in zip(caps, rotated):
        if not r:
            hcells.append(f"T{{\n\\s[{hs:g}]\\fB{groff_esc(cap)}\\fP\\s0\nT}}")
            v["horizontal_labels"].append(cap)
            continue
        bn, rest = split_boxnum(cap) if v["numtop"] else ("", cap)
        tl = text_width(rest, "Helvetica-Bold", hs)
        capmax = max(capmax, tl)
        rec.append(rest)
        rot = groff_rot(f"\\fB{groff_esc(rest)}\\fP", -90 if deg < 0 else 90, hs, hs + 1)
        top = f"\\s[{hs:g}]\\fB{bn}\\fP\\s0\n.br\n" if bn else ""
        if deg < 0:
            hcells.append(f"T{{\n{top}.sp {tl + 4:.0f}p\n{rot}\nT}}")
        else:
            hcells.append(f"T{{\n{top}{rot}\n.sp {tl + 4:.0f}p\nT}}")
    tbl = [".TS", "allbox tab(|);", " ".join(["l"] * len(keys)),
           " ".join(f"{al}w({w:.1f}p)" for al, w in zip(aligns, widths)) + ".", "|".join(hcells)]
    for row in grows:
        cells = []
        for j, s in enumerate(row):
            e = s if "\\~" in s else groff_esc(s)
            cells.append(f"T{{\n\\s[{bs:g}]{e}\\s0\nT}}" if j in wrap else (f"\\s[{bs:g}]{e}\\s0" if s else "\\&"))
        tbl.append("|".join(cells))
    tbl.append(".TE")
    est2 = capmax + 20 + len(grows) * (bs + 4) * 2
    out += section(v["s2"], tbl, est2)
    st = stamp_str(d, v["stamp_date"], v["time"])
    stamp = groff_stamp([st], (ll - ind) * 0.55) + ["\\D'l 150p 0'", ".br", "Firma del solicitante"]
    v["horizontal_labels"] += ["Fecha Acuse de Recibo", "Firma del solicitante"]
    out += section(v["s3"], stamp, 120)
    if v["pages"] == 1:
        out += [".sp 0.6"] + groff_legal(legal, 6)
    return "\n".join(out) + "\n", popt


def render(d, rng, idx, tmp, btmp):
    producer = ["chromium", "groff", "gs", "mutool"][idx % 4]
    if producer == "groff":
        paper = ["Letter", "A4", "Legal"][(idx // 4) % 3]
    else:
        paper = ["Letter", "", "A4", "LetterL", "A5", "", "Legal", "A4", "A4L", "", "Letter", "A5"][idx % 12]
    v = {
        "paper": paper,
        "dir": rng.choice([90, 90, -90]),
        "boxlab": ["side", "top", "mixed"][idx % 3] if producer != "groff" else "top",
        "thead": rng.choice(["narrow", "narrow", "all"]),
        "numtop": rng.random() < 0.4,
        "caps": rng.choice(list(CAPS)),
        "qty": rng.random() < 0.3,
        "dates": rng.random() < (0.25 if paper == "A5" else 0.5),
        "sep": rng.choice(SEPS),
        "date": rng.choice(["iso", "slash", "ymd", "mon", "dot", "abbr"]),
        "stamp_date": rng.choice(["iso", "slash", "mon", "dot"]),
        "time": rng.choice(["ampm", "24h"]),
        "mcase": rng.choice(["upper", "upper", "title", "noacc"]),
        "pages": 2 if paper == "A5" or rng.random() < 0.25 else 1,
        "fs": rng.choice([8.5, 9, 9.5]),
        "font": (rng.choice(["H", "T", "HN"]) if producer == "groff" else
                 rng.choice(["Helvetica", "Helvetica", "Times-Roman", "Courier"])),
        "s1": rng.choice(SECTIONS["s1"]), "s2": rng.choice(SECTIONS["s2"]), "s3": rng.choice(SECTIONS["s3"]),
        "kind": {"groff": "groff"}.get(producer, "text"),
        "rotated_labels": [], "horizontal_labels": [],
    }
    L = pick_labels(rng, rng.choice([True, False, None]))
    keys = [k for k, *_ in (x for row in tp_rows(d, L) for x in row)]
    if v["boxlab"] == "side":
        v["boxside"] = {k: k not in ("year", "number") for k in keys}
    elif v["boxlab"] == "mixed":
        v["boxside"] = {k: (k not in ("year", "number") and rng.random() < 0.5) for k in keys}
    else:
        v["boxside"] = {}
    v["horizontal_labels"] += [L[k] for k in keys if not v["boxside"].get(k)]
    legal = legal_paragraphs(rng, d)
    if producer == "groff":
        src, popt = groff_src(d, v, L, legal)
        with open(btmp + ".tr", "w", encoding="utf-8") as f:
            f.write(src)
        groff_pdf(btmp + ".tr", tmp + ".pdf", extra=[popt])
    else:
        if producer == "chromium":
            v["type3"] = idx == 8  # one Chromium document keeps the Nimbus fonts (Type 3 in the PDF)
            c = SvgCanvas15(ttf=not v["type3"])
        else:
            c = Canvas15("ps" if producer == "gs" else "mu")
        draw(c, d, v, L, legal)
        c.save(btmp, tmp + ".pdf")
    del v["kind"]
    return producer, v
