"""Family circled-number-underlines: a fill-in paper form typed on a
typewriter look. Every numbered label carries its BOX NUMBER INSIDE A SMALL
DRAWN SHAPE (a stroked circle, a stroked square, or a black disc with the
number in white), placed BEFORE the label or, in some documents, AFTER it
('Número de formulario (4)'). VALUES are in a monospace font (Courier) sitting
on a fill line: either a drawn rule under the value, a run of underscores
typed after the value ('900123456________'), or underscores on both sides
('___FE___'). Page 1: title, then the applicant boxes either INLINE (shape,
label, then the fill line to the right on the same baseline) or STACKED (the
fill line below the label); every box of the form is shown, the unused name
boxes with an empty fill line. Page 2: the ranges either as a TABLE whose
header cells carry the shaped box numbers (30, 31, 32, 33, 38; 'Cód.' and
'Tipo de solicitud' unnumbered) and whose cells are fill lines, or as one
BLOCK per range ('Rango 2 de 3') of shaped-number fields two per line; then a
rectangular reception stamp with the date-time in Courier.
Producers: Ghostscript (PostScript), mutool create."""
from common8 import (Canvas3, kind_name, kind_code, req_name, req_code, fmt_num, name_fields,
                     tweak_doc, text_width)

FAMILY = "circled-number-underlines"


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 2, 2, 3, 3, 4, 5, 6])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.15)


class Form:
    def __init__(self, c, v, rng):
        self.c, self.v, self.rng = c, v, rng
        self.LF = v["lfont"]
        self.VF = v["vfont"]

    def badge(self, x, y, num, size=7.5):
        """draw the shaped box number with its left edge at x, centred on the text line at baseline y;
        returns the width used"""
        c, shape = self.c, self.v["badge"]
        fs = size * (0.85 if len(num) > 1 else 0.95)
        r = size * 0.72 + (1.2 if len(num) > 1 else 0)
        cx, cy = x + r, y - size * 0.33
        if shape == "circle":
            c.circle(cx, cy, r, lw=0.6)
        elif shape == "square":
            c.rect(cx - r, cy - r, 2 * r, 2 * r, lw=0.6)
        else:  # disc
            k = 0.5523 * r
            CY = c.H - cy
            if c.kind == "ps":
                c.cur.append(f"newpath {cx:.2f} {CY:.2f} {r:.2f} 0 360 arc fill")
            else:
                c.cur.append(
                    f"{cx + r:.2f} {CY:.2f} m {cx + r:.2f} {CY + k:.2f} {cx + k:.2f} {CY + r:.2f} {cx:.2f} {CY + r:.2f} c "
                    f"{cx - k:.2f} {CY + r:.2f} {cx - r:.2f} {CY + k:.2f} {cx - r:.2f} {CY:.2f} c "
                    f"{cx - r:.2f} {CY - k:.2f} {cx - k:.2f} {CY - r:.2f} {cx:.2f} {CY - r:.2f} c "
                    f"{cx + k:.2f} {CY - r:.2f} {cx + r:.2f} {CY - k:.2f} {cx + r:.2f} {CY:.2f} c f")
            c.gray(1)
        c.font("Helvetica-Bold", round(fs, 2))
        c.text(cx, cy + fs * 0.35, num, "c")
        if shape == "disc":
            c.gray(0)
        return 2 * r

    def label(self, x, y, num, text, size):
        """shaped number + label; returns x after it"""
        c = self.c
        after = self.v["badge_after"]
        if num and not after:
            x += self.badge(x, y, num, size) + 3
        c.font(self.LF, size)
        c.text(x, y, text)
        x += c.width(text)
        if num and after:
            x += 3
            x += self.badge(x, y, num, size)
        return x + 4

    def fill(self, x1, x2, y, value, size, align="l"):
        """value in the monospace font on a fill line from x1 to x2 (baseline y)"""
        c, mode = self.c, self.v["fill"]
        extra = 0 if mode == "rule" else 2
        need = text_width(value + "_" * extra, self.VF, size) + (6 if mode == "rule" else 0)
        if value and need > x2 - x1:  # shrink the value so it stays inside its fill line
            size = round(size * (x2 - x1) / need, 2)
        c.font(self.VF, size)
        uw = c.width("_")
        vw = c.width(value) if value else 0
        if mode == "rule":
            c.line(x1, y + 2, x2, y + 2, lw=0.5)
            if value:
                if align == "r":
                    c.text(x2 - 3, y, value, "r")
                else:
                    c.text(x1 + 3, y, value)
            return
        total = max(int((x2 - x1) / uw), len(value) + 2)
        free = total - len(value)
        if mode == "tail":
            pre, post = (0, free) if align != "r" else (free, 0)
            if align == "r" and value:
                pre, post = free - 1, 1
        else:  # both
            pre = free // 2
            post = free - pre
        x = x1
        if pre:
            c.text(x, y, "_" * pre)
            x += uw * pre
        if value:
            c.text(x, y, value)
            x += vw
        if post:
            c.text(x, y, "_" * post)


def applicant_boxes(d):
    names = dict((k, (lbl, val)) for k, lbl, val in name_fields(d))
    get = lambda k, lbl: names.get(k, (lbl, ""))  # noqa: E731
    return [
        [("1", "Año", d.year, 0.3), ("4", "Número de formulario", d.number, 0.7)],
        [("5", "Número de Identificación Tributaria (NIT)", d.nit, 0.55), ("6", "DV", str(d.dv), 0.15),
         ("12", "Cód. Dirección Seccional", d.secc, 0.3)],
        [("7",) + get("ap1", "Primer apellido") + (0.5,), ("8",) + get("ap2", "Segundo apellido") + (0.5,)],
        [("9",) + get("n1", "Primer nombre") + (0.5,), ("10",) + get("n2", "Otros nombres") + (0.5,)],
        [("11",) + get("rs", "Razón social") + (1.0,)],
    ]


def render(d, rng, idx, tmp, btmp):
    producer = "gs" if idx % 2 == 0 else "mutool"
    v = {
        "paper": rng.choice(["Letter", "A4"]),
        "badge": rng.choice(["circle", "circle", "square", "disc"]),
        "badge_after": rng.random() < 0.3,
        "fill": rng.choice(["rule", "tail", "both"]),
        "p1": rng.choice(["inline", "stacked"]),
        "ranges": rng.choice(["table", "blocks"]) if len(d.ranges) <= 4 else "table",
        "lfont": rng.choice(["Helvetica", "Times-Roman"]),
        "vfont": rng.choice(["Courier", "Courier-Bold"]),
        "sep": rng.choice(["", ",", "."]),
    }
    W, H = {"Letter": (612, 792), "A4": (595, 842)}[v["paper"]]
    c = Canvas3("ps" if producer == "gs" else "mu")
    f = Form(c, v, rng)
    M = 46
    TW = W - 2 * M
    lsz, vsz = 8.5, 10

    # ---------------- page 1
    c.page(W, H)
    c.font("Helvetica-Bold", 15)
    c.text(W / 2, 60, "Autorización numeración de facturación", "c")
    c.font("Helvetica", 9)
    c.text(W / 2, 75, "Formulario para la solicitud y autorización de rangos de numeración", "c")
    c.rect(W - M - 64, 36, 64, 44, lw=1)
    c.font("Helvetica-Bold", 20)
    c.text(W - M - 32, 66, "1876", "c")
    c.font("Helvetica", 7)
    c.text(M, 96, "Diligencie a máquina o en letra imprenta. Escriba sobre la línea.")
    c.line(M, 102, W - M, 102, lw=1)
    y = 126
    c.font("Helvetica-Bold", 10)
    c.text(M, y, "Datos del solicitante")
    y += 24
    for row in applicant_boxes(d):
        x = M
        for num, lbl, val, frac in row:
            w = TW * frac - 10
            if v["p1"] == "inline":
                xe = f.label(x, y, num, lbl, lsz)
                if x + w - xe < 40:  # label too long for the line: value below
                    f.fill(x + 14, x + w, y + 16, val, vsz)
                else:
                    f.fill(xe, x + w, y, val, vsz)
            else:
                f.label(x, y, num, lbl, lsz)
                f.fill(x + 4, x + w, y + 16, val, vsz)
            x += TW * frac
        y += 40 if v["p1"] == "stacked" or any(
            text_width(lbl, v["lfont"], lsz) + 60 > TW * frac - 10 for _, lbl, _, frac in row) else 28
    y += 14
    c.font("Helvetica", 7.5)
    for line in ["Espacio reservado para la DIAN", "Firma del solicitante: ______________________________"]:
        c.text(M, y, line)
        y += 14

    # ---------------- page 2
    c.page(W, H)
    c.font("Helvetica", 8)
    c.text(M, 40, "Formulario 1876 - Hoja 2")
    c.text(W - M, 40, f"No. {d.number}", "r")
    c.font("Helvetica-Bold", 10)
    c.text(M, 66, "Detalle de la solicitud")
    y = 92
    sep = v["sep"]
    if v["ranges"] == "table":
        cols = [("30", "Modalidad", 0.30), ("", "Cód.", 0.05), ("31", "Prefijo", 0.08), ("32", "Desde el número", 0.14),
                ("33", "Hasta el número", 0.14), ("38", "Vigencia (meses)", 0.10), ("", "Tipo de solicitud", 0.14),
                ("", "Cód.", 0.05)]
        small = 7
        xs = [M]
        for _, _, fr in cols:
            xs.append(xs[-1] + TW * fr)
        for i, (num, lbl, fr) in enumerate(cols):
            words = lbl.split()
            # two-line header: first word(s) with the badge, rest below
            if len(words) > 1 and text_width(lbl, v["lfont"], small) + 20 > TW * fr:
                f.label(xs[i], y, num, words[0], small)
                c.font(v["lfont"], small)
                c.text(xs[i] + (0 if v["badge_after"] or not num else 13), y + 10, " ".join(words[1:]))
            else:
                f.label(xs[i], y, num, lbl, small)
        y += 28
        vs = 8.5
        for r in d.ranges:
            kname = kind_name(r.kind)
            vals = [kname, str(kind_code(r.kind)), r.prefix, fmt_num(r.frm, sep), fmt_num(r.to, sep),
                    str(r.months), req_name(r.request), str(req_code(r.request))]
            for i, val in enumerate(vals):
                al = "r" if i in (3, 4, 5) else "l"
                f.fill(xs[i], xs[i + 1] - 6, y, val, vs, al)
            y += 22
    else:
        for i, r in enumerate(d.ranges, 1):
            c.font("Helvetica-Bold", 9)
            c.text(M, y, f"Rango {i} de {len(d.ranges)}")
            c.line(M, y + 3, M + 80, y + 3, lw=0.4)
            y += 20
            pairs = [[("30", "Modalidad", f"{kind_name(r.kind)}", 0.62), ("", "Cód.", str(kind_code(r.kind)), 0.38)],
                     [("31", "Prefijo", r.prefix, 0.5), ("38", "Vigencia (meses)", str(r.months), 0.5)],
                     [("32", "Desde el número", fmt_num(r.frm, sep), 0.5), ("33", "Hasta el número", fmt_num(r.to, sep), 0.5)],
                     [("", "Tipo de solicitud", req_name(r.request), 0.62), ("", "Cód.", str(req_code(r.request)), 0.38)]]
            for row in pairs:
                x = M
                for num, lbl, val, frac in row:
                    xe = f.label(x, y, num, lbl, lsz)
                    f.fill(xe, x + TW * frac - 12, y, val, vsz)
                    x += TW * frac
                y += 22
            y += 8
    # stamp
    y += 18
    sx, sw, sh = W - M - 210, 210, 74
    c.rect(sx, y, sw, sh, lw=1.2)
    c.rect(sx + 3, y + 3, sw - 6, sh - 6, lw=0.4)
    c.font("Helvetica-Bold", 9)
    c.text(sx + sw / 2, y + 18, "DIAN - Fecha Acuse de Recibo", "c")
    c.font(v["vfont"], 10)
    s = d.stamp
    c.text(sx + sw / 2, y + 40, f"{s.strftime('%Y-%m-%d')} / {s.strftime('%I:%M:%S %p')}", "c")
    c.font("Helvetica", 8)
    c.text(sx + sw / 2, y + 60, "Firmado", "c")
    c.font("Helvetica", 7.5)
    c.text(M, y + 30, "Espacio reservado para la DIAN")
    c.save(btmp, tmp + ".pdf")
    return producer, v
