"""Family typewriter-fill-on-template: a BLANK 1876-LIKE TEMPLATE (header with
DIAN, title and the model box '1876'; ruled taxpayer boxes with box numbers and
labels - '4. Número de formulario' or the number in a small corner square -
some with COMB CELLS for the digits of the year, form number, NIT and DV; boxes
7-10 and 11 always all present, so half of them stay empty; an empty ranges
table with columns 30, Cód., 31, 32, 33, (sometimes blank 34-37), 38, Tipo de
solicitud, Cód. and more rows than ranges; an 'Espacio reservado para la DIAN'
box holding a pre-printed circle captioned 'Fecha Acuse de Recibo'; a
signature line; a footer with the template's version and revision date) WITH
THE VALUES TYPED OVER IT by a 'fill and sign' tool, in a different font: a
monospace (Courier, Courier Bold / Oblique, Nimbus Mono PS, DejaVu Sans Mono,
Noto Mono) or a script-like one (Z003, URW's Zapf Chancery).

The fill is drawn AFTER THE TEMPLATE AND SEPARATE FROM IT: Ghostscript
documents paint the template as a PostScript form (a Form XObject in the PDF)
and type the values in the page's own content stream after it; mutool
documents get the values as an EXTRA CONTENT STREAM appended to each page's
/Contents (or as a Form XObject), and Chromium documents (template and fill
both SVG pages printed by Chromium) get the fill page laid over the template
page as a FORM XOBJECT, by a `mutool run` script. The whole fill layer is
shifted by a few points (dx, dy up to 3.5 pt), and each value is placed its own
way: in the box below the label ('inbox'), on the label's baseline right of it
('baseline'), sitting on or across the box's bottom rule ('online'), starting
left of the box's left rule ('leftcross'), or letter-spaced over the comb cells
with a pitch that does not quite match them ('comb'). Table rows are typed
top-aligned with a line pitch that drifts from the rows' pitch (up to 1.5 pt
per row), numbers left- or right-aligned in their column, long modality names
wrapped over two typed lines. The stamp date and time are typed inside the
circle (one line, or two when one would not fit); the signer's name is typed
on the signature line (script font where the producer has one), sometimes with a
'Diligenciado el <date>' line, a date after the authorization. Some templates
print an instruction note quoting DIAN's TEST SET as an example ('18760000001',
prefix SETP, 990000000 to 995000000): never the truth.

Vary: paper (Letter, A4, Legal, A5), one or two template pages, label wording,
box-number style, comb cells, number grouping, date styles, 1-6 ranges,
request types, modality names with or without accents.
Producers: Ghostscript (PostScript form + page stream), mutool create (+ mutool
run), Chromium (SVG pages + mutool run)."""
import datetime as dt
import os

from common13 import (Canvas12, PAPERS13, labels, tweak_doc, tidy_prefixes, text_width, wrap_cell, kind_name,
                      kind_code, req_name, req_code, num13, fmt_day12, time13, later_moment, chromium_pdf,
                      merge_fill, run, ps_str, bold13, E, SIGNERS, title_name, SEPS13, common2)
from common2 import split_num

FAMILY = "typewriter-fill-on-template"
PRODUCERS = ["gs", "mutool", "chromium"]

FILL_FONTS = {  # cycled over a producer's documents
    "gs": ["Courier", "ZapfChancery-MediumItalic", "Courier-Oblique", "Courier-Bold"],
    "mutool": ["Courier", "Courier-Bold", "Courier-Bold", "Courier"],
    "chromium": ["Nimbus Mono PS", "Z003", "DejaVu Sans Mono", "Noto Mono"],
}
MONO_EM = {"Courier": 0.6, "Courier-Bold": 0.6, "Courier-Oblique": 0.6, "Nimbus Mono PS": 0.6,
           "DejaVu Sans Mono": 0.602, "Noto Mono": 0.6}


def doc_params(rng, idx):
    return {"nranges": [1, 2, 3, 4, 5, 6][idx % 6] if idx < 6 else rng.choice([1, 2, 2, 3, 4, 5, 6])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.2, other_req_prob=0.18)
    tidy_prefixes(d, rng)


def fill_width(s, font, size):
    if font in MONO_EM:
        return len(s) * MONO_EM[font] * size
    return text_width(s, "ZapfChancery-MediumItalic", size)


# ------------------------------------------------------------------ the template as a list of drawing operations
class Sheet:
    def __init__(self):
        self.pages = []
        self.slots = {}

    def page(self, w, h):
        self.pages.append({"w": w, "h": h, "ops": []})
        return len(self.pages) - 1

    def op(self, p, *a):
        self.pages[p]["ops"].append(a)


SVG_FONT = {"Helvetica": ("'Nimbus Sans'", "normal"), "Helvetica-Bold": ("'Nimbus Sans'", "bold"),
            "Times-Roman": ("'Nimbus Roman'", "normal"), "Times-Bold": ("'Nimbus Roman'", "bold")}


def sheet_to_canvas(c, S):
    for pg in S.pages:
        c.page(pg["w"], pg["h"])
        for o in pg["ops"]:
            k = o[0]
            if k == "rect":
                _, x, y, w, h, lw, fill = o
                c.rect(x, y, w, h, lw=lw, fill=fill)
            elif k == "line":
                _, x1, y1, x2, y2, lw = o
                c.line(x1, y1, x2, y2, lw=lw)
            elif k == "circle":
                _, cx, cy, r, lw = o
                c.circle(cx, cy, r, lw=lw)
            elif k == "text":
                _, x, y, s, font, size, align, gray = o
                if gray:
                    c.gray(gray)
                c.font(font, size)
                c.text(x, y, s, align)
                if gray:
                    c.gray(0)


def sheet_svg(S):
    pages = []
    for pg in S.pages:
        W, H = pg["w"], pg["h"]
        el = []
        for o in pg["ops"]:
            k = o[0]
            if k == "rect":
                _, x, y, w, h, lw, fill = o
                f = "none" if fill is None else f"rgb({int(fill * 255)},{int(fill * 255)},{int(fill * 255)})"
                st = f'stroke="#000" stroke-width="{lw}"' if lw else 'stroke="none"'
                el.append(f'<rect x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" height="{h:.2f}" fill="{f}" {st}/>')
            elif k == "line":
                _, x1, y1, x2, y2, lw = o
                el.append(f'<line x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" y2="{y2:.2f}" stroke="#000" '
                          f'stroke-width="{lw}"/>')
            elif k == "circle":
                _, cx, cy, r, lw = o
                el.append(f'<circle cx="{cx:.2f}" cy="{cy:.2f}" r="{r:.2f}" fill="none" stroke="#000" '
                          f'stroke-width="{lw}"/>')
            elif k == "text":
                _, x, y, s, font, size, align, gray = o
                fam, wt = SVG_FONT[font]
                anchor = {"l": "start", "c": "middle", "r": "end"}[align]
                g = int(gray * 255)
                el.append(f'<text x="{x:.2f}" y="{y:.2f}" font-family="{fam}" font-weight="{wt}" '
                          f'font-size="{size}" text-anchor="{anchor}" fill="rgb({g},{g},{g})">{E(s)}</text>')
        pages.append((W, H, el))
    return pages


def svg_html(pages, extra_css=""):
    W, H = pages[0][0], pages[0][1]
    out = [f'<!doctype html><html lang="es"><head><meta charset="utf-8"><style>@page {{ size: {W:g}pt {H:g}pt; margin: 0; }}'
           f'html, body {{ margin: 0; padding: 0; background: transparent; }} .pg {{ width: {W:g}pt; height: {H:g}pt; '
           f'overflow: hidden; break-after: page; }} .pg:last-child {{ break-after: auto; }} svg {{ display: block; }}'
           f'{extra_css}</style></head><body>']
    for w, h, el in pages:
        out.append(f'<div class="pg"><svg xmlns="http://www.w3.org/2000/svg" width="{w:g}pt" height="{h:g}pt" '
                   f'viewBox="0 0 {w:g} {h:g}">' + "".join(el) + "</svg></div>")
    out.append("</body></html>")
    return "".join(out)


# ------------------------------------------------------------------ template
def fit_label(s, font, size, w):
    """shrink a label to the box width (not below 4.6 pt), else wrap it over two lines"""
    tw = text_width(s, font, size)
    if tw <= w:
        return [s], size
    sz = size * w / tw
    if sz >= 4.6:
        return [s], round(sz - 0.05, 2)
    return wrap_cell(s, font, size - 1, w)[:2], size - 1


def header(S, p, M, TW, F, sub, y):
    FB = bold13(F)
    S.op(p, "text", M, y + 17, "DIAN", FB, 17, "l", 0)
    S.op(p, "text", M + TW / 2, y + 8, "Autorización numeración de facturación", FB, 10, "c", 0)
    S.op(p, "text", M + TW / 2, y + 19, sub, F, 6.5, "c", 0)
    S.op(p, "rect", M + TW - 52, y - 2, 52, 25, 0.9, None)
    S.op(p, "text", M + TW - 26, y + 16, "1876", FB, 14, "c", 0)
    S.op(p, "line", M, y + 28, M + TW, y + 28, 1.1)
    return y + 36


def band(S, p, M, TW, s, F, y):
    S.op(p, "rect", M, y, TW, 13, 0, 0.86)
    S.op(p, "text", M + 4, y + 9.5, s, bold13(F), 7.5, "l", 0)
    return y + 13


ROWS = {
    "dian": [[("year", 0.8), ("number", 3.2)], [("nit", 2.4), ("dv", 0.6), ("secc", 1.3)],
             [("ap1", 1), ("ap2", 1), ("n1", 1), ("n2", 1)], [("rs", 1)]],
    "stack": [[("number", 3), ("year", 1)], [("nit", 2.5), ("dv", 0.7)], [("ap1", 1), ("ap2", 1)],
              [("n1", 1), ("n2", 1)], [("rs", 3), ("secc", 1.2)]],
}
COMB_N = {"year": 4, "number": 16, "nit": 12, "dv": 1}


def build_template(d, v, rng):
    S = Sheet()
    PW, PH = PAPERS13[v["paper"]]
    small = PW < 430
    M = 30 if small else 40
    TW = PW - 2 * M
    F = v["tfont"]
    L = labels(v["labels"])
    ls = 6.2 if small else 6.8
    bh = 27 if small else 31
    npg = v["pages"]
    p = S.page(PW, PH)
    y = header(S, p, M, TW, F, "Formulario para la solicitud y autorización de rangos de numeración", M)
    y = band(S, p, M, TW, L["applicant"], F, y) + 2
    for row in ROWS[v["grid"]]:
        tot = sum(w for _, w in row)
        x = M
        for i, (k, wt) in enumerate(row):
            w = TW * wt / tot
            S.op(p, "rect", x, y, w, bh, 0.6, None)
            lab = L[k]
            lx = x + 3
            if v["numstyle"] == "corner":
                num, rest = split_num(lab)
                if num:
                    S.op(p, "rect", x + 1.5, y + 1.5, 10, 8.5, 0.4, 0.9)
                    S.op(p, "text", x + 6.5, y + 8, num, bold13(F), 5.5, "c", 0)
                    lab, lx = rest, x + 14
            lines, sz = fit_label(lab, F, ls, x + w - lx - 3)
            for j, ln in enumerate(lines):
                S.op(p, "text", lx, y + 8 + j * (sz + 1), ln, F, sz, "l", 0)
            slot = {"page": p, "x": x, "y": y, "w": w, "h": bh, "lb": y + 8, "lend": lx + text_width(lines[0], F, sz),
                    "lines": len(lines), "first": i == 0, "comb": None}
            if v["comb"] and k in COMB_N:
                n = COMB_N[k]
                pitch = min(12.5, (w - 8) / n)
                cx0 = x + 4
                for j in range(n):
                    S.op(p, "rect", cx0 + j * pitch, y + bh - 13.5, pitch, 11.5, 0.3, None)
                slot["comb"] = (cx0, pitch, n, y + bh - 2)
            S.slots[k] = slot
            x += w
        y += bh
    y += 8
    S.op(p, "rect", M, y, TW, 34, 0.6, None)
    S.op(p, "text", M + 4, y + 9, L["reserved"], F, ls, "l", 0)
    y += 44
    if v["example"]:
        note = ("Instrucciones: diligencie cada casilla en mayúsculas, sin tachones ni enmendaduras. El número de "
                "formulario (casilla 4) inicia por 1876; ejemplo del ambiente de pruebas de la DIAN: 18760000001, "
                "prefijo SETP, rango 990000000 a 995000000.")
        for ln in wrap_cell(note, F, 6, TW):
            S.op(p, "text", M, y, ln, F, 6, "l", 0.3)
            y += 8
        y += 6
    # ranges table
    if npg == 2:
        footer(S, p, M, TW, PH, F, v, 1)
        p = S.page(PW, PH)
        y = header(S, p, M, TW, F, "Hoja 2", M)
    y = band(S, p, M, TW, L["detail"], F, y) + 2
    fz = v["tsize"]
    cols = [("mod", L["mod"], 2.6), ("modcode", L["modcode"], 0.45), ("prefix", L["prefix"], 0.75),
            ("from", L["from"], 1.25), ("to", L["to"], 1.25)]
    if v["blank_boxes"]:
        cols += [(f"b{n}", f"{n}.", 0.32) for n in (34, 35, 36, 37)]
    cols += [("months", L["months"], 0.8), ("req", L["req"], 1.5), ("reqcode", L["reqcode"], 0.45)]
    # minimum widths: what will be typed there
    need = {"prefix": 4, "from": 11, "to": 11, "months": 2, "req": 14, "modcode": 1, "reqcode": 1}
    tot = sum(w for _, _, w in cols)
    widths = [TW * w / tot for _, _, w in cols]
    for j, (k, _, _) in enumerate(cols):
        mn = fill_width("0" * need.get(k, 0), v["ffont"], fz) + 8 if k in need else 0
        if widths[j] < mn:
            widths[0] -= mn - widths[j]
            widths[j] = mn
    xs = [M]
    for w in widths[:-1]:
        xs.append(xs[-1] + w)
    hs = ls - 0.3
    hl = [wrap_cell(h, F, hs, w - 4) for (_, h, _), w in zip(cols, widths)]
    hh = max(len(q) for q in hl) * (hs + 1.5) + 6
    S.op(p, "rect", M, y, TW, hh, 0, 0.92)
    for q, x, w in zip(hl, xs, widths):
        S.op(p, "rect", x, y, w, hh, 0.5, None)
        for j, ln in enumerate(q):
            S.op(p, "text", x + w / 2, y + 3 + hs + j * (hs + 1.5), ln, F, hs, "c", 0)
    y += hh
    rh = 2 * fz + 9
    tops = []
    for i in range(v["trows"]):
        for x, w in zip(xs, widths):
            S.op(p, "rect", x, y, w, rh, 0.5, None)
        tops.append(y)
        y += rh
    S.slots["table"] = {"page": p, "xs": xs, "widths": widths, "tops": tops, "rh": rh, "keys": [k for k, _, _ in cols]}
    # reserved area with the stamp circle, signature line
    y += 14
    bw, bhh = min(210, TW * 0.45), 118
    bx = M + TW - bw
    S.op(p, "rect", bx, y, bw, bhh, 0.6, None)
    S.op(p, "text", bx + 4, y + 8, L["reserved"], F, ls - 0.5, "l", 0)
    R = 47
    cx, cy = bx + bw / 2, y + 14 + R
    S.op(p, "circle", cx, cy, R, 1.0)
    S.op(p, "circle", cx, cy, R - 3.5, 0.35)
    S.op(p, "text", cx, cy - 26, "DIAN", bold13(F), 9, "c", 0)
    S.op(p, "text", cx, cy - 16, L["stamp"], F, 6, "c", 0)
    S.op(p, "text", cx, cy + R - 11, L["signed"], F, 6, "c", 0)
    S.slots["stamp"] = {"page": p, "cx": cx, "cy": cy, "r": R}
    sy = y + bhh - 30
    S.op(p, "line", M, sy, M + min(220, TW - bw - 20), sy, 0.5)
    S.op(p, "text", M, sy + 9, L["sign"], F, ls, "l", 0)
    S.slots["sign"] = {"page": p, "x": M, "y": sy}
    footer(S, p, M, TW, PH, F, v, npg)
    if y + bhh > PH - 30:
        raise ValueError("template does not fit")
    return S


def footer(S, p, M, TW, PH, F, v, n):
    S.op(p, "line", M, PH - 30, M + TW, PH - 30, 0.4)
    S.op(p, "text", M, PH - 21, f"Plantilla F-1876 v{v['tpl_version']} - revisión {v['tpl_rev']}", F, 5.8, "l", 0.35)
    S.op(p, "text", M + TW, PH - 21, f"Hoja {n} de {v['pages']}", F, 5.8, "r", 0.35)


# ------------------------------------------------------------------ fill
def place_values(d, v, S, rng):
    """[(page, x, y, text, size, tc, font)] typed over the template; records each field's placement in v"""
    FF, fz = v["ffont"], v["fsize"]
    items = []
    placed = {}
    values = {"year": d.year, "number": d.number, "nit": d.nit, "dv": str(d.dv), "secc": d.secc,
              "ap1": d.ap1, "ap2": d.ap2, "n1": d.n1, "n2": d.n2, "rs": d.rs}
    for k, val in values.items():
        if not val:
            continue
        sl = S.slots[k]
        size = fz
        w = fill_width(val, FF, size)
        while w > sl["w"] - 8 and size > 6:
            size -= 0.5
            w = fill_width(val, FF, size)
        modes = ["inbox", "inbox", "baseline", "online", "online"]
        if sl["first"]:
            modes.append("leftcross")
        if sl["comb"] and len(val) <= sl["comb"][2]:
            modes += ["comb", "comb", "comb"]
        mode = rng.choice(modes)
        if mode == "baseline" and (sl["lines"] > 1 or sl["lend"] + 14 + w > sl["x"] + sl["w"] - 2):
            mode = "inbox"
        tc = 0.0
        if mode == "comb":
            x0, pitch, n, cb = sl["comb"]
            cw = fill_width("0", FF, size)
            tc = pitch * rng.uniform(0.92, 1.07) - cw
            x = x0 + (pitch - cw) / 2 + rng.uniform(-1.2, 1.5)
            y = cb - 2.5 + rng.uniform(-0.8, 0.8)
        elif mode == "baseline":
            x = sl["lend"] + rng.uniform(8, 14)
            y = sl["lb"] + rng.uniform(-0.8, 0.8)
        elif mode == "online":
            x = sl["x"] + rng.uniform(4, 10)
            y = sl["y"] + sl["h"] + rng.uniform(-1.2, 0.8)
        elif mode == "leftcross":
            x = sl["x"] - rng.uniform(1.5, 3.5)
            y = sl["y"] + sl["h"] - rng.uniform(4.5, 6.5)
        else:
            x = sl["x"] + rng.uniform(4, 10)
            y = sl["y"] + sl["h"] - rng.uniform(4.5, 7)
        items.append((sl["page"], x, y, val, size, tc, FF))
        placed[k] = mode
    # ranges table
    T = S.slots["table"]
    tz = v["tsize"]
    drift = v["drift"]
    for i, r in enumerate(d.ranges):
        top = T["tops"][i]
        b1 = top + tz + 4.5 + drift * i + rng.uniform(-0.6, 0.6)
        cells = {"mod": kind_name(r.kind, v["mcase"]), "modcode": str(kind_code(r.kind)), "prefix": r.prefix,
                 "from": num13(r.frm, v["sep"]), "to": num13(r.to, v["sep"]), "months": str(r.months),
                 "req": req_name(r.request, v["mcase"]), "reqcode": str(req_code(r.request))}
        for k, x, w in zip(T["keys"], T["xs"], T["widths"]):
            s = cells.get(k, "")
            if not s:
                continue
            if k == "mod":
                lines = wrap_by(s, w - 5, lambda t: fill_width(t, FF, tz))
            else:
                lines = [s]
            for j, ln in enumerate(lines[:2]):
                lw_ = fill_width(ln, FF, tz)
                if k in ("from", "to", "months") and v["num_align"] == "right":
                    tx = x + w - 3 - lw_ + rng.uniform(-1.5, 1.0)
                elif k in ("modcode", "reqcode", "prefix", "months"):
                    tx = x + (w - lw_) / 2 + rng.uniform(-2, 2)
                else:
                    tx = x + 3 + rng.uniform(-2.2, 1.5)
                items.append((T["page"], tx, b1 + j * (tz + 1.5), ln, tz, 0.0, FF))
    # stamp date and time in the circle
    st = S.slots["stamp"]
    sd, tm = fmt_day12(d.stamp.date(), v["sdate"]), time13(d.stamp, v["time"])
    one = f"{sd} / {tm}" if v["stamp_sep"] == "slash" else f"{sd} {tm}"
    sz = fz
    if fill_width(one, FF, sz) <= 2 * st["r"] * 1.15:
        lines = [one]
    else:
        lines = [sd, tm]
        while max(fill_width(s, FF, sz) for s in lines) > 2 * st["r"] * 1.1 and sz > 6:
            sz -= 0.5
    for j, ln in enumerate(lines):
        items.append((st["page"], st["cx"] - fill_width(ln, FF, sz) / 2 + rng.uniform(-3, 3),
                      st["cy"] + 2 + j * (sz + 2) + rng.uniform(-1.5, 1.5), ln, sz, 0.0, FF))
    # signer and fill date
    sg = S.slots["sign"]
    sfont = v["sign_font"]
    items.append((sg["page"], sg["x"] + rng.uniform(8, 30), sg["y"] - 3 + rng.uniform(-1, 1), v["signer"],
                   12 if sfont in ("Z003", "ZapfChancery-MediumItalic") else fz, 0.0, sfont))
    if v["fill_date"]:
        items.append((sg["page"], sg["x"], sg["y"] + 22, f"Diligenciado el {v['fill_date_text']}", fz - 1, 0.0, FF))
    v["placement"] = placed
    return items


def wrap_by(s, width, wfun):
    words, lines, cur = s.split(), [], ""
    for w in words:
        t = (cur + " " + w) if cur else w
        if wfun(t) <= width or not cur:
            cur = t
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


# ------------------------------------------------------------------ producers
def render(d, rng, idx, tmp, btmp):
    producer = PRODUCERS[idx % 3]
    paper = ["Letter", "A4", "Legal", "A5"][(idx // 3 + idx % 3) % 4]
    ff = FILL_FONTS[producer][(idx // 3) % 4]
    script = ff in ("Z003", "ZapfChancery-MediumItalic")
    wide = PAPERS13[paper][0] > 500
    fill_day = later_moment(d, rng, 1, 60).date()
    v = {
        "paper": paper,
        "pages": 2 if (paper == "A5" or len(d.ranges) > 4 or rng.random() < 0.4) else 1,
        "grid": rng.choice(["dian", "stack"]),
        "numstyle": rng.choice(["dot", "corner"]),
        "labels": rng.choice(["std", "std", "abbrev", "upper", "noacc", "nodot", "dvlong"]),
        "comb": rng.random() < 0.55,
        "blank_boxes": wide and rng.random() < 0.4,
        "tfont": rng.choice(["Helvetica", "Helvetica", "Times-Roman"]),
        "ffont": ff,
        "fsize": (rng.choice([10, 11, 12]) if script else rng.choice([9, 9.5, 10])) - (1 if not wide else 0),
        "tsize": (9 if script else 8) - (1 if not wide else 0),
        "sep": rng.choice(SEPS13),
        "mcase": rng.choice(["upper", "noacc", "noacc"]),
        "sdate": rng.choice(["iso", "iso", "slash", "mon", "dot", "ymd"]),
        "time": rng.choice(["ampm", "24h", "ampm-es"]),
        "stamp_sep": rng.choice(["slash", "space"]),
        "num_align": rng.choice(["left", "right"]),
        "drift": round(rng.uniform(-0.8, 1.5), 2),
        "dx": round(rng.uniform(-3.5, 3.5), 2), "dy": round(rng.uniform(-3.5, 3.5), 2),
        "example": rng.random() < 0.35,
        "tpl_version": f"{rng.randrange(1, 5)}.{rng.randrange(0, 10)}",
        "tpl_rev": fmt_day12(d.stamp.date() - dt.timedelta(days=rng.randrange(200, 1500)), rng.choice(["iso", "slash"])),
        "signer": title_name(f"{d.n1} {d.ap1}") if d.natural else rng.choice(SIGNERS),
        "fill_date": rng.random() < 0.5,
        "fill_date_text": fmt_day12(fill_day, rng.choice(["iso", "slash", "words"])),
        "merge": rng.choice(["stream", "stream", "xobject"]) if producer == "mutool" else
                 ("xobject" if producer == "chromium" else "ps-form"),
    }
    v["trows"] = max(len(d.ranges) + rng.choice([1, 2]), rng.choice([5, 6, 8]))
    if v["pages"] == 1 and paper in ("Letter", "A4"):
        v["trows"] = min(v["trows"], max(len(d.ranges) + 1, 6))
    v["sign_font"] = {"gs": "ZapfChancery-MediumItalic", "chromium": "Z003", "mutool": ff}[producer]
    try:
        S = build_template(d, v, rng)
    except ValueError:
        v["pages"] = 2
        S = build_template(d, v, rng)
    items = place_values(d, v, S, rng)
    v["fill_date_day"] = fill_day.isoformat()
    if producer == "gs":
        write_gs(S, items, v, btmp, tmp + ".pdf")
    elif producer == "mutool":
        t = Canvas12("mu")
        sheet_to_canvas(t, S)
        t.save(btmp + "-template", btmp + "-template.pdf")
        write_mu_fill(S, items, btmp + "-fill", btmp + "-fill.pdf")
        merge_fill(btmp + "-template.pdf", btmp + "-fill.pdf", tmp + ".pdf", v["merge"], v["dx"], -v["dy"],
                   btmp + "-merge.js")
    else:
        with open(btmp + "-template.html", "w", encoding="utf-8") as f:
            f.write(svg_html(sheet_svg(S)))
        with open(btmp + "-fill.html", "w", encoding="utf-8") as f:
            f.write(fill_svg_html(S, items))
        chromium_pdf(os.path.abspath(btmp + "-template.html"), btmp + "-template.pdf")
        chromium_pdf(os.path.abspath(btmp + "-fill.html"), btmp + "-fill.pdf")
        merge_fill(btmp + "-template.pdf", btmp + "-fill.pdf", tmp + ".pdf", "xobject", v["dx"], -v["dy"],
                   btmp + "-merge.js")
    return producer, v


def write_gs(S, items, v, btmp, pdf):
    """template pages as PostScript forms (Form XObjects in the PDF), values typed after them"""
    t = Canvas12("ps")
    sheet_to_canvas(t, S)
    f = Canvas12("ps")
    for pg in S.pages:
        f.page(pg["w"], pg["h"])
    for p, x, y, s, size, tc, font in items:
        f.cur = f.pages[p][2]
        f.H = S.pages[p]["h"]
        f.font(font, size)
        f.stext(x, y, s, tc)
    parts = [common2.PS_PROLOGUE]
    for i, (pg, tp, fp) in enumerate(zip(S.pages, t.pages, f.pages), 1):
        w, h = pg["w"], pg["h"]
        parts.append(f"%%Page: {i} {i}\n<< /PageSize [{w:g} {h:g}] >> setpagedevice\n")
        parts.append(f"/Tpl{i} << /FormType 1 /BBox [0 0 {w:g} {h:g}] /Matrix [1 0 0 1 0 0]\n/PaintProc {{ pop\n"
                     "0 setgray\n" + "\n".join(tp[2]) + f"\n}} >> def\nTpl{i} execform\n")
        parts.append(f"gsave {v['dx']:.2f} {-v['dy']:.2f} translate 0 setgray\n" + "\n".join(fp[2]) +
                     "\ngrestore\nshowpage\n")
    parts.append("%%EOF\n")
    with open(btmp + ".ps", "wb") as fh:
        fh.write("".join(parts).encode("latin-1"))
    run(["ps2pdf", "-dAutoRotatePages=/None", btmp + ".ps", pdf])


FILL_TAGS = {"Courier": "TW1", "Courier-Bold": "TW2"}


def write_mu_fill(S, items, stem, pdf):
    """the fill layer as its own PDF (mutool create), fonts under their own resource names"""
    pages = [[] for _ in S.pages]
    for p, x, y, s, size, tc, font in items:
        Y = S.pages[p]["h"] - y
        tag = FILL_TAGS[font]
        if tc:
            pages[p].append(f"BT /{tag} {size:g} Tf {tc:.3f} Tc {x:.2f} {Y:.2f} Td {ps_str(s)} Tj 0 Tc ET")
        else:
            pages[p].append(f"BT /{tag} {size:g} Tf {x:.2f} {Y:.2f} Td {ps_str(s)} Tj ET")
    files = []
    for i, (pg, cmds) in enumerate(zip(S.pages, pages), 1):
        fn = f"{stem}-p{i}.txt"
        hdr = [f"%%MediaBox 0 0 {pg['w']:g} {pg['h']:g}"] + [f"%%Font {t} {n}" for n, t in FILL_TAGS.items()]
        with open(fn, "wb") as fh:
            fh.write(("\n".join(hdr + ["0 g"] + cmds) + "\n").encode("latin-1"))
        files.append(fn)
    run(["mutool", "create", "-O", "compress", "-o", pdf] + files)


def fill_svg_html(S, items):
    pages = [(pg["w"], pg["h"], []) for pg in S.pages]
    for p, x, y, s, size, tc, font in items:
        ls = f' letter-spacing="{tc:.2f}"' if tc else ""
        pages[p][2].append(f'<text x="{x:.2f}" y="{y:.2f}" font-family="\'{font}\'" font-size="{size}"{ls} '
                           f'fill="#14143c">{E(s)}</text>')
    # no kerning: the typed words keep the advance widths the placement was computed with
    return svg_html(pages, 'text { font-kerning: none; font-feature-settings: "kern" 0, "liga" 0; }')
