"""Family nup-sheet-scaled: the two-page form as it comes out of a "print 2 (or
4) pages per sheet" step: BOTH pages of one document are scaled down (to 43-65 %)
and imposed on ONE sheet, each mini-page framed and clipped to its rectangle.
Sheet arrangements: 'side' (landscape sheet, page 1 left, page 2 right),
'side-rot' (the same landscape sheet stored as a portrait MediaBox with
/Rotate 90, content counter-rotated), 'stacked' (portrait sheet, the two
mini-pages turned 90 degrees clockwise and stacked, page 1 on top, so all
form text runs top-to-bottom) and '4up' (portrait sheet, 2x2 grid, only the two top cells
used). Half of the documents draw every character with its own show
operation at an explicit position (in reading order). Most sheets carry a
print dialog's header/footer: print date and time (later than the stamp),
a title and a URL, and '1/1'. The form itself is a plain official-style
form (ruled cells, label on top and value below, long business names over
two lines; ranges table with optional start/end dates; circular stamp with
the date horizontal). 1 to 8 ranges; habilitación / inhabilitación rows and
empty prefixes appear. Producers: Ghostscript (PostScript), mutool create."""
import datetime as dt

from common6 import *

FAMILY = "nup-sheet-scaled"
MODES = ["side", "stacked", "side-rot", "4up"]


def doc_params(rng, idx):
    return {"nranges": [1, 3, 5, 8, 2, 4, 6, 1, 7, 3, 2, 5][idx % 12], "natural_prob": 0.35, "empty_prefix_prob": 0.04}


def render(d, rng, idx, stem, bstem):
    tweak_doc(d, rng)
    producer = "gs" if (idx // 4) % 2 == 0 else "mutool"
    kind = "ps" if producer == "gs" else "mu"
    v = form_variant(rng)
    v["mode"] = MODES[idx % 4]
    v["glyph"] = rng.random() < 0.5
    v["furniture"] = rng.random() < 0.75
    v["sheet"] = rng.choice(["Letter", "A4"])
    legal = legal_paragraphs(rng, d)
    inner = Canvas6(kind, glyph=v["glyph"])
    draw_form(inner, d, v, legal)
    PW, PH = PAPERS[v["paper"]]
    sw, sh = PAPERS[v["sheet"]]
    mode = v["mode"]
    if mode in ("side", "side-rot"):
        SW, SH = sh, sw
    else:
        SW, SH = sw, sh
    sheet = Canvas6(kind)
    sheet.page(SW, SH, rotate=90 if mode == "side-rot" else 0)
    g, top = 18, 26
    slots = []  # (e, f, s, rotated)
    if mode in ("side", "side-rot"):
        s = min((SW - 3 * g) / (2 * PW), (SH - 2 * top) / PH)
        x0 = (SW - 2 * s * PW - g) / 2
        for i in range(2):
            slots.append((x0 + i * (s * PW + g), (SH - s * PH) / 2, s, False))
    elif mode == "stacked":
        s = min((SW - 2 * g) / PH, (SH - 2 * top - g) / (2 * PW))
        x0 = (SW - s * PH) / 2
        for i in range(2):
            f = SH / 2 + g / 2 + s * PW if i == 0 else SH / 2 - g / 2
            slots.append((x0, f, s, True))
    else:
        s = min((SW - 3 * g) / (2 * PW), (SH - 2 * top - g) / (2 * PH))
        x0 = (SW - 2 * s * PW - g) / 2
        for i in range(2):
            slots.append((x0 + i * (s * PW + g), SH - top - s * PH, s, False))
    v["scale"] = round(s, 3)
    for (e, f, s, rot), (pw, ph, cmds, _r, _sd) in zip(slots, inner.pages):
        # frame in sheet coordinates
        fw, fh = (s * PH, s * PW) if rot else (s * PW, s * PH)
        sheet.rect(e, SH - f if rot else SH - f - fh, fw, fh, lw=0.4)
        if kind == "ps":
            t = f"gsave {e:.3f} {f:.3f} translate " + ("-90 rotate " if rot else "") + f"{s:.5f} dup scale"
            sheet.cur.append(t + f" 0 0 {PW:g} {PH:g} rectclip")
            sheet.cur.extend(cmds)
            sheet.cur.append("grestore")
        else:
            m = f"0 {-s:.5f} {s:.5f} 0" if rot else f"{s:.5f} 0 0 {s:.5f}"
            sheet.cur.append(f"q {m} {e:.3f} {f:.3f} cm 0 0 {PW:g} {PH:g} re W n")
            sheet.cur.extend(cmds)
            sheet.cur.append("Q")
    if v["furniture"]:
        pd = d.stamp + dt.timedelta(days=rng.randint(3, 400), minutes=rng.randint(0, 900))
        hour = pd.hour % 12 or 12
        ap = "a. m." if pd.hour < 12 else "p. m."
        stamp_s = f"{pd.day}/{pd.month}/{pd.year % 100:02d}, {hour}:{pd.minute:02d} {ap}"
        sheet.font("Helvetica", 7)
        sheet.text(14, 14, stamp_s)
        sheet.text(SW / 2, 14, rng.choice(["Autorización numeración de facturación",
                                            f"Formato1876_{d.nit}.pdf", "MUISCA - Numeración"]), "c")
        sheet.text(14, SH - 9, "https://muisca.dian.gov.co/WebNumeraciondefacturacion/DefConsultarFormulario.faces")
        sheet.text(SW - 14, SH - 9, "1/1", "r")
        v["print_date"] = stamp_s
    sheet.save(bstem, stem + ".pdf")
    return producer, v
