"""Family phone-narrow-stacked: the authorization as seen on a PHONE and
printed / saved to PDF from it. The page is VERY NARROW (about 2.8-3.4 in
wide, tall like a phone screen), the type is large (11-14 pt) and EVERYTHING
IS STACKED in one column: a phone status bar (clock, network, battery
percentage), an address bar with the portal URL, an app bar ('< Numeración de
facturación'), then cards: 'Autorización numeración de facturación -
Formulario 1876' with the form number, year, NIT and DV (separate fields, or
one value '900123456-7'), the name boxes (long business names wrap over
several lines), seccional and the 'Fecha Acuse de Recibo' with its time; then
one card per range ('Rango 2 de 3'): modality (with its code in
parentheses), prefix, desde, hasta, vigencia ('24 meses'), start and end
dates, request type. Field arrangement per document: 'stacked' (small grey
label line, big bold value line under it), 'split' (label left, value
right-aligned on the same line; values too long for the line drop below their
label) or 'inline' ('Prefijo: FE', wrapping). Labels with or without box
numbers. A bottom navigation bar ('Inicio  Trámites  Buzón  Perfil').
Chromium documents are ONE LONG WEB PAGE paginated by the browser onto
narrow pages (cards may break across pages); mutool documents are a SERIES
OF SCREENSHOT-LIKE PAGES, every page with its own status bar, app bar and
bottom bar, the content continuing from screen to screen, and a screen
counter. Producers: Chromium (HTML/CSS), mutool create."""
import datetime as dt

from common9 import (E, Canvas3, chromium_pdf, tweak_doc, kind_name, kind_code, req_name, req_code,
                     fmt_num, fmt_day, time_str, name_fields, text_width, sentence, Flow, wrap_text)

FAMILY = "phone-narrow-stacked"


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 1, 2, 2, 3, 3, 4, 5])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.4)


def fields(d, v):
    """(section, [(label, value)]) blocks"""
    n = (lambda num, s: f"{num}. {s}" if v["nums"] else s)
    head = [(n(4, "Número de formulario"), d.number), (n(1, "Año"), d.year)]
    if v["nit_joined"]:
        head.append(("NIT", f"{d.nit}-{d.dv}"))
    else:
        head += [(n(5, "NIT"), d.nit), (n(6, "DV"), str(d.dv))]
    nums = {"ap1": 7, "ap2": 8, "n1": 9, "n2": 10, "rs": 11}
    for k, lbl, val in name_fields(d):
        if val:
            head.append((n(nums[k], lbl), val))
    head.append((n(12, "Seccional"), d.secc))
    s = d.stamp
    head.append(("Fecha Acuse de Recibo", f"{s.strftime('%Y-%m-%d')} {time_str(s, v['time'])}"))
    head.append(("Estado", "Firmado"))
    blocks = [("Autorización numeración de facturación · Formulario 1876", head)]
    N = len(d.ranges)
    for i, r in enumerate(d.ranges, 1):
        kn = kind_name(r.kind) if v["case"] == "upper" else sentence(kind_name(r.kind))
        rq = req_name(r.request) if v["case"] == "upper" else sentence(req_name(r.request))
        rows = [(n(30, "Modalidad"), f"{kn} ({kind_code(r.kind)})"), (n(31, "Prefijo"), r.prefix or "Sin prefijo"),
                (n(32, "Desde"), fmt_num(r.frm, v["sep"])), (n(33, "Hasta"), fmt_num(r.to, v["sep"])),
                (n(38, "Vigencia"), f"{r.months} meses"),
                ("Fecha inicio", fmt_day(r.valid_from, v["date"])), ("Fecha fin", fmt_day(r.valid_to, v["date"])),
                ("Tipo de solicitud", f"{rq} ({req_code(r.request)})")]
        blocks.append((f"Rango {i} de {N}", rows))
    return blocks


def render(d, rng, idx, tmp, btmp):
    producer = "chromium" if idx % 2 == 0 else "mutool"
    v = {
        "fields": rng.choice(["stacked", "split", "inline"]),
        "nums": rng.random() < 0.4,
        "nit_joined": rng.random() < 0.4,
        "sep": rng.choice(["", ".", ","]),
        "date": rng.choice(["iso", "slash", "mon", "words"]),
        "time": rng.choice(["ampm", "24h"]),
        "case": rng.choice(["upper", "sentence"]),
        "clock": f"{rng.randrange(6, 23)}:{rng.randrange(60):02d}",
        "battery": rng.randrange(9, 100),
        "width_pt": rng.choice([200, 216, 230, 245]),
    }
    if producer == "chromium":
        html(d, v, rng, tmp, btmp)
    else:
        mu(d, v, rng, tmp, btmp)
    return producer, v


def html(d, v, rng, tmp, btmp):
    w = v["width_pt"]
    h = int(w * rng.choice([2.0, 2.1, 2.17]))
    fs = rng.choice([11, 12, 13])
    font = rng.choice(["DejaVu Sans", "Nimbus Sans"])
    css = f"""@page {{ size: {w}pt {h}pt; margin: 6pt 7pt; }}
body {{ margin: 0; font-family: '{font}', sans-serif; font-size: {fs}pt; color: #111; }}
.sb {{ display: flex; justify-content: space-between; font-size: 0.8em; font-weight: bold; padding: 2px 4px; }}
.url {{ background: #eee; border-radius: 12px; font-size: 0.72em; padding: 3px 8px; color: #333; margin: 2px 0 4px 0;
        white-space: nowrap; overflow: hidden; }}
.app {{ background: #0b3d6e; color: #fff; padding: 6px 6px; font-weight: bold; font-size: 1.02em; }}
.card {{ border: 1px solid #bbb; border-radius: 8px; margin: 8px 0; padding: 6px 8px; }}
.card .t {{ font-weight: bold; color: #0b3d6e; margin-bottom: 4px; font-size: 0.95em; }}
.f {{ border-top: 1px solid #e3e3e3; padding: 3px 0; }}
.stacked .l {{ font-size: 0.72em; color: #666; }} .stacked .v {{ font-weight: bold; font-size: 1.05em; overflow-wrap: anywhere; }}
.split {{ display: flex; justify-content: space-between; flex-wrap: wrap; gap: 0 8px; }}
.split .l {{ color: #555; font-size: 0.8em; }} .split .v {{ font-weight: bold; text-align: right; margin-left: auto; overflow-wrap: anywhere; }}
.inline .l {{ color: #555; }} .inline .v {{ font-weight: bold; overflow-wrap: anywhere; }}
.nav {{ display: flex; justify-content: space-around; border-top: 1px solid #aaa; margin-top: 10px; padding-top: 4px; font-size: 0.75em; color: #444; }}
"""
    cards = []
    for title, rows in fields(d, v):
        fs_html = []
        for lab, val in rows:
            if v["fields"] == "inline":
                fs_html.append(f'<div class="f inline"><span class="l">{E(lab)}:</span> <span class="v">{E(val)}</span></div>')
            else:
                fs_html.append(f'<div class="f {v["fields"]}"><div class="l">{E(lab)}</div><div class="v">{E(val)}</div></div>')
        cards.append(f'<div class="card"><div class="t">{E(title)}</div>{"".join(fs_html)}</div>')
    doc = f"""<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<style>{css}</style></head><body>
<div class="sb"><span>{v['clock']}</span><span>4G &nbsp;{v['battery']} %</span></div>
<div class="url">muisca.dian.gov.co/WebNumeracion/consulta</div>
<div class="app">&lsaquo; Numeración de facturación</div>
{''.join(cards)}
<div class="nav"><span>Inicio</span><span>Trámites</span><span>Buzón</span><span>Perfil</span></div>
</body></html>"""
    hp = btmp + ".html"
    with open(hp, "w", encoding="utf-8") as f:
        f.write(doc)
    chromium_pdf(hp, tmp + ".pdf")


def mu(d, v, rng, tmp, btmp):
    W = v["width_pt"] + 20
    H = int(W * 2.16)
    M = 10
    F, FB = "Helvetica", "Helvetica-Bold"
    fs = rng.choice([11, 12, 13])
    c = Canvas3("mu")
    screens = []

    def new_page(cv, n):
        cv.font(FB, 8.5)
        cv.text(M, 14, v["clock"])
        cv.text(W - M, 14, f"4G  {v['battery']} %", "r")
        cv.rect(0, 20, W, 26, lw=0, fill=0.2)
        cv.gray(1)
        cv.font(FB, fs - 1)
        cv.text(M, 37, "< Numeración de facturación")
        cv.gray(0)
        cv.rect(0, H - 30, W, 30, lw=0, fill=0.93)
        cv.line(0, H - 30, W, H - 30, lw=0.5)
        cv.font(F, 7.5)
        for j, lab in enumerate(["Inicio", "Trámites", "Buzón", "Perfil"]):
            cv.text(W * (j + 0.5) / 4, H - 13, lab, "c")
        screens.append(cv.cur)
        return 52

    fl = Flow(c, W, H, M, 38, new_page)
    for title, rows in fields(d, v):
        fl.need(fs * 4)
        fl.gap(6)
        fl.lines(title, FB, fs - 1, gray=0.05)
        fl.gap(2)
        for lab, val in rows:
            fl.need(fs * 2.6)
            c.gray(0.85)
            c.line(M, fl.y + 4, W - M, fl.y + 4, lw=0.4)
            c.gray(0)
            fl.gap(3)
            if v["fields"] == "stacked":
                fl.lines(lab, F, fs * 0.72, gray=0.4, lead=1.35)
                fl.lines(val, FB, fs * 1.05)
            elif v["fields"] == "split":
                lw_ = text_width(lab, F, fs * 0.8)
                vw = text_width(val, FB, fs)
                if lw_ + vw + 10 <= W - 2 * M:
                    fl.need(fs * 1.35)
                    fl.y += fs * 1.35
                    c.font(F, fs * 0.8)
                    c.gray(0.35)
                    c.text(M, fl.y, lab)
                    c.gray(0)
                    c.font(FB, fs)
                    c.text(W - M, fl.y, val, "r")
                else:
                    fl.lines(lab, F, fs * 0.8, gray=0.35)
                    fl.lines(val, FB, fs, align="r")
            else:
                fl.lines(f"{lab}: {val}", F, fs)
    total = fl.pages
    for i, cmds in enumerate(screens, 1):
        c.cur = cmds
        c.font(F, 6.5)
        c.gray(0.4)
        c.text(W - M, H - 34, f"{i}/{total}", "r")
        c.gray(0)
    c.save(btmp, tmp + ".pdf")
