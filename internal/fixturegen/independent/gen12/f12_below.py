"""Family label-below-value: the authorization re-set the way signed forms are
printed: EVERY FIELD SHOWS ITS VALUE FIRST, in bold, over a thin RULE, and its
CAPTION UNDER THE RULE in small grey type ('18764081810977' / rule /
'4. Número de formulario'). Fields sit in a grid (several per row, rows
stacked so that the caption of one row is about as close to the value of the
next row as to its own value) or in cards with a small title ('Formulario',
'Contribuyente', 'Rango 2 de 3'). In every document two or three taxpayer
fields (and, in range cards, sometimes every prefix) are printed THE USUAL WAY,
caption above the value (still over a rule), so the direction changes inside
one document. Captions come from DIAN's wording or a designer's abbreviations,
with or without box numbers.

Ranges, per document: 'cards' (one card per range, every range field value
over caption: modality with its code, prefix or 'Sin prefijo', desde, hasta,
vigencia in months, request with its code, optional start / end dates),
'foot' (a table with NO HEADER ON TOP: value rows, then a rule and the
column captions printed ONCE UNDER THE LAST ROW), or 'each' (every row
followed by its own caption row). The reception date-time stands over a rule
with 'Fecha acuse de recibo' under it, beside a signature: a signer's name
(the legal representative, or the natural person in given-names-first order)
over a rule, 'Firma del solicitante' under it. Numbers grouped with '.', ',',
a (no-break) space or nothing. Paper: Letter, A4, Legal, A5 or half-letter.
Producers: Chromium (HTML/CSS), Ghostscript (PostScript), mutool create."""
import os

from common12 import (Canvas12, html_escape as E, chromium_pdf, kind_name, kind_code, req_name, req_code,
                      fmt_num, PAPERS12, text_width, wrap_by, legal_paragraphs, tweak_doc,
                      tidy_prefixes, pick_labels,
                      d_slash, d_mon, NBSP, SIGNERS, title_name)

FAMILY = "label-below-value"

RCAP = {  # caption sets for the range fields
    "dian": {"mod": "30. Modalidad", "prefix": "31. Prefijo", "from": "32. Desde el número",
             "to": "33. Hasta el número", "months": "38. Vigencia (meses)", "req": "Tipo de solicitud",
             "vfrom": "Fecha inicial", "vto": "Fecha final"},
    "short": {"mod": "Modalidad", "prefix": "Prefijo", "from": "Num. inicial", "to": "Num. final",
              "months": "Vigencia (meses)", "req": "Tipo de solicitud", "vfrom": "Vigente desde",
              "vto": "Vigente hasta"},
    "desde": {"mod": "Tipo de documento", "prefix": "Pref.", "from": "Desde No.", "to": "Hasta No.",
              "months": "Vig. meses", "req": "Solicitud", "vfrom": "Fecha inicio", "vto": "Fecha fin"},
}


def doc_params(rng, idx):
    return {"nranges": [1, 2, 3, 4, 5, 6][idx % 6] if idx >= 6 else rng.choice([1, 2, 2, 3, 4, 5, 6])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.25, other_req_prob=0.15)
    tidy_prefixes(d, rng)


def fmt_date(day, style):
    return {"iso": day.isoformat(), "slash": d_slash(day), "mon": d_mon(day)}[style]


def render(d, rng, idx, tmp, btmp):
    producer = ["chromium", "gs", "chromium", "mutool"][idx % 4]
    keys = ["year", "number", "secc", "nit", "dv"] + (["ap1", "ap2", "n1", "n2"] if d.natural else ["rs"])
    v = {
        "paper": ["A4", "HalfLetter", "Letter", "A5", "Legal"][(2 * idx + idx // 4) % 5],
        "layout": ["grid", "cards"][(idx // 3) % 2],
        "ranges": ["cards", "foot", "each"][idx % 3],
        "above": sorted(rng.sample(keys, rng.choice([2, 2, 3]))),
        "prefix_above": rng.random() < 0.3,
        "boxnums": rng.choice([True, False, None]),
        "rcap": rng.choice(list(RCAP)),
        "sep": rng.choice([".", ".", ",", "space", ""]),
        "date_cols": rng.random() < 0.5,
        "date": rng.choice(["iso", "slash", "mon"]),
        "time": rng.choice(["ampm", "24h"]),
        "mcase": rng.choice(["upper", "title"]),
        "font": rng.choice(["Helvetica", "Helvetica", "Times-Roman"]),
        "signer": title_name(f"{d.n1} {d.ap1} {d.ap2}".replace("  ", " ")) if d.natural else rng.choice(SIGNERS),
        "cap_gray": rng.choice([0.4, 0.5, 0.55]),
    }
    L = pick_labels(rng, v["boxnums"])
    legal = legal_paragraphs(rng, d)
    v["labels"] = L
    if producer == "chromium":
        with open(btmp + ".html", "w", encoding="utf-8") as f:
            f.write(html_src(d, v, L, legal))
        chromium_pdf(os.path.abspath(btmp + ".html"), tmp + ".pdf")
    else:
        c = Canvas12("ps" if producer == "gs" else "mu")
        draw(c, d, v, L, legal)
        c.save(btmp, tmp + ".pdf")
    return producer, v


def num(n, v, html=False):
    sep = v["sep"]
    if sep == "space":
        sep = NBSP if html else " "
    return fmt_num(n, sep)


def stamp_str(d, v):
    tm = d.stamp.strftime("%I:%M:%S %p") if v["time"] == "ampm" else d.stamp.strftime("%H:%M:%S")
    return f"{fmt_date(d.stamp.date(), v['date'])} {tm}"


def applicant_groups(d, v, small):
    """[(card title, [[(key, caption, value, weight)] per row])]"""
    L = v["labels"]
    f = (lambda k, val, w: (k, L[k], val, w))
    g1 = [[f("number", d.number, 2.6), f("year", d.year, 0.8), f("secc", d.secc, 1.2)]]
    g2 = [[f("nit", d.nit, 2.2), f("dv", str(d.dv), 0.7)]]
    if d.natural:
        names = [f("ap1", d.ap1, 1), f("ap2", d.ap2, 1), f("n1", d.n1, 1), f("n2", d.n2, 1)]
        g2 += [names[:2], names[2:]] if small else [names]
    else:
        g2.append([f("rs", d.rs, 1)])
    return [("Formulario", g1), ("Contribuyente", g2)]


def range_fields(r, v, html=False):
    C = RCAP[v["rcap"]]
    out = [("mod", C["mod"], f"{kind_name(r.kind, v['mcase'])} ({kind_code(r.kind)})", 2.4),
           ("prefix", C["prefix"], r.prefix or "Sin prefijo", 0.8),
           ("from", C["from"], num(r.frm, v, html), 1.1), ("to", C["to"], num(r.to, v, html), 1.1),
           ("months", C["months"], str(r.months), 0.8)]
    if v["date_cols"]:
        out += [("vfrom", C["vfrom"], fmt_date(r.valid_from, v["date"]), 1.1),
                ("vto", C["vto"], fmt_date(r.valid_to, v["date"]), 1.1)]
    out.append(("req", C["req"], f"{req_name(r.request, v['mcase'])} ({req_code(r.request)})", 1.5))
    return out


# ------------------------------------------------------------------ canvas
def draw(c, d, v, L, legal):
    PW, PH = PAPERS12[v["paper"]]
    small = v["paper"] in ("A5", "HalfLetter")
    M = 26 if small else 40
    TW = PW - 2 * M
    F = v["font"]
    FB = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold"}[F]
    vs = 8.6 if small else 10.2
    cs = 5.6 if small else 6.6
    G = v["cap_gray"]
    gap = 4 if small else 5
    state = {"y": 0}

    def new_page(first=False):
        if not first:
            c.font(F, cs)
            c.text(M + TW, PH - 14, f"Página {len(c.pages)}", "r")
        c.page(PW, PH)
        c.font(FB, 13 if not small else 11)
        c.text(M, M + 10, "AUTORIZACIÓN NUMERACIÓN DE FACTURACIÓN")
        c.font(FB, 18 if not small else 14)
        c.text(M + TW, M + 12, "1876", "r")
        c.font(F, cs + 0.5)
        c.gray(G)
        c.text(M, M + 22, "Formulario para la solicitud y autorización de rangos de numeración · DIAN")
        c.gray(0)
        c.line(M, M + 27, M + TW, M + 27, lw=1)
        state["y"] = M + 40

    def field_h(lines):
        return len(lines) * (vs + 2.5) + 2.5 + cs + 2

    def field(x, y, w, caption, lines, above, bold=True):
        """value lines over a rule with the caption under it (above=False),
        or caption, value, rule (above=True). Returns the height used."""
        if above:
            c.gray(G)
            c.font(F, cs)
            c.text(x, y + cs, caption)
            c.gray(0)
            yy = y + cs + 2.5
        else:
            yy = y
        c.font(FB if bold else F, vs)
        for ln in lines:
            yy += vs
            c.text(x, yy, ln)
            yy += 2.5
        c.line(x, yy + 1.5, x + w, yy + 1.5, lw=0.5)
        if not above:
            c.gray(G)
            c.font(F, cs)
            c.text(x, yy + 2.5 + cs, caption)
            c.gray(0)
        return field_h(lines)

    def frow(y, items, x0=None, width=None, above_keys=()):
        x0 = M if x0 is None else x0
        width = TW if width is None else width
        tot = sum(it[3] for it in items)
        gx = 10 if not small else 7
        avail = width - gx * (len(items) - 1)
        x = x0
        hs = []
        plan = []
        for key, cap, val, wgt in items:
            w = avail * wgt / tot
            lines = wrap_by(val, w, lambda s: text_width(s, FB, vs)) if val else [""]
            plan.append((x, w, cap, lines, key in above_keys))
            hs.append(field_h(lines))
            x += w + gx
        for x, w, cap, lines, ab in plan:
            field(x, y, w, cap, lines, ab)
        return y + max(hs)

    def ensure(h):
        if state["y"] + h > PH - 30:
            new_page()

    new_page(first=True)
    above = set(v["above"])
    for title, rows in applicant_groups(d, v, small):
        if v["layout"] == "cards":
            h = sum(max(field_h(wrap_by(val, TW, lambda s: text_width(s, FB, vs)) if val else [""])
                        for _, _, val, _ in row) + gap + 2 for row in rows) + 22
            ensure(h)
            y0 = state["y"]
            c.rect(M - 6, y0, TW + 12, h, lw=0.6)
            c.font(FB, cs + 1)
            c.text(M, y0 + cs + 5, title.upper())
            y = y0 + cs + 12
            for row in rows:
                y = frow(y, row, above_keys=above) + gap + 2
            state["y"] = y0 + h + 10
        else:
            for row in rows:
                state["y"] = frow(state["y"], row, above_keys=above) + gap
    state["y"] += 6
    # legal text on page 1
    c.font(F, cs)
    for p in legal[:2]:
        for ln in wrap_by(p, TW, lambda s: text_width(s, F, cs)):
            c.text(M, state["y"], ln)
            state["y"] += cs + 1.8
        state["y"] += 3
    state["y"] += 8
    # ---------------- ranges
    c.font(FB, cs + 2)
    ensure(40)
    c.text(M, state["y"], "DETALLE DE LA SOLICITUD")
    state["y"] += 10
    rab = ("prefix",) if v["prefix_above"] else ()
    N = len(d.ranges)
    if v["ranges"] == "cards":
        for i, r in enumerate(d.ranges, 1):
            items = range_fields(r, v)
            first, second = items[:2], items[2:]
            rowsets = [first, second] if not small else [first, second[:3], second[3:]]
            h = sum(max(field_h(wrap_by(val, TW * 0.6, lambda s: text_width(s, FB, vs))) for _, _, val, _ in rs)
                    + gap + 2 for rs in rowsets) + 22
            ensure(h + 6)
            y0 = state["y"]
            c.rect(M - 6, y0, TW + 12, h, lw=0.6)
            c.font(FB, cs + 1)
            c.text(M, y0 + cs + 5, f"RANGO {i} DE {N}")
            y = y0 + cs + 12
            for rs in rowsets:
                y = frow(y, rs, above_keys=rab) + gap + 2
            state["y"] = y0 + h + 8
    else:
        # table: columns by weight; captions under the last row (foot) or under every row (each)
        cols = range_fields(d.ranges[0], v)
        keys = [k for k, _, _, _ in cols]
        caps = [cp for _, cp, _, _ in cols]
        rows = [[val for _, _, val, _ in range_fields(r, v)] for r in d.ranges]
        bs = vs - 1.2
        while True:
            mins = []
            for j in range(len(keys)):
                m = max(text_width(w, F, cs) for w in caps[j].split())
                if keys[j] in ("mod", "req"):
                    m = max([m] + [text_width(w, FB, bs) for rw in rows for w in rw[j].split()])
                else:
                    m = max([m] + [text_width(rw[j], FB, bs) for rw in rows])
                mins.append(m + 6)
            if sum(mins) <= TW:
                break
            bs *= 0.94
            cs *= 0.96
        wt = [w for _, _, _, w in cols]
        tot = sum(wt)
        ws = [max(TW * w / tot, mn) for w, mn in zip(wt, mins)]
        ex = sum(ws) - TW
        if ex > 0:
            slack = [w - mn for w, mn in zip(ws, mins)]
            s = sum(slack)
            ws = [w - ex * sl / s for w, sl in zip(ws, slack)]
        xs = [M]
        for w in ws[:-1]:
            xs.append(xs[-1] + w)

        def caption_row(y):
            c.gray(G)
            hl = [wrap_by(cp, w - 4, lambda s: text_width(s, F, cs)) for cp, w in zip(caps, ws)]
            for q, x in zip(hl, xs):
                for k, ln in enumerate(q):
                    c.font(F, cs)
                    c.text(x + 2, y + cs + 1.5 + k * (cs + 1.5), ln)
            c.gray(0)
            return y + max(len(q) for q in hl) * (cs + 1.5) + 3

        y = state["y"]
        for i, rw in enumerate(rows):
            wl = [wrap_by(cell, w - 4, lambda s: text_width(s, FB, bs)) if keys[j] in ("mod", "req") else [cell]
                  for j, (cell, w) in enumerate(zip(rw, ws))]
            rh = max(len(q) for q in wl) * (bs + 2.5) + 3
            if y + rh + 30 > PH - 30:
                state["y"] = y
                new_page()
                y = state["y"]
            c.font(FB, bs)
            for q, x in zip(wl, xs):
                for k, ln in enumerate(q):
                    c.text(x + 2, y + bs + k * (bs + 2.5), ln)
            y += rh
            if v["ranges"] == "each" or i == len(rows) - 1:
                c.line(M, y, M + TW, y, lw=0.6 if v["ranges"] == "each" else 0.9)
                y = caption_row(y) + (6 if v["ranges"] == "each" else 0)
            else:
                c.line(M, y, M + TW, y, lw=0.25)
                y += 2
        state["y"] = y + 8
    # ---------------- stamp + signature
    ensure(60)
    y = state["y"] + 16
    half = (TW - 20) / 2
    field(M, y, half, "Firma del solicitante", [v["signer"]], False, bold=False)
    c.font(FB, vs + 2)
    c.text(M + half + 20, y - 4, "DIAN")
    field(M + half + 20, y + 6, half, "Fecha acuse de recibo · Firmado", [stamp_str(d, v)], False)
    state["y"] = y + 50
    c.font(F, cs)
    for p in legal[2:]:
        for ln in wrap_by(p, TW, lambda s: text_width(s, F, cs)):
            if state["y"] < PH - 24:
                c.text(M, state["y"], ln)
            state["y"] += cs + 1.8
    c.font(F, cs)
    c.text(M + TW, PH - 14, f"Página {len(c.pages)}", "r")


# ------------------------------------------------------------------ HTML
def html_src(d, v, L, legal):
    small = v["paper"] in ("A5", "HalfLetter")
    size = {"Letter": "letter", "A4": "A4", "Legal": "legal", "A5": "A5", "HalfLetter": "5.5in 8.5in"}[v["paper"]]
    fam = {"Helvetica": "'Nimbus Sans', 'DejaVu Sans', sans-serif",
           "Times-Roman": "'Nimbus Roman', 'DejaVu Serif', serif"}[v["font"]]
    bp = 8.4 if small else 10
    g = int(v["cap_gray"] * 255)
    grey = f"#{g:02x}{g:02x}{g:02x}"
    css = f"""@page {{ size: {size}; margin: {10 if small else 15}mm {9 if small else 14}mm; }}
body {{ font-family: {fam}; font-size: {bp}pt; margin: 0; }}
.hd {{ display: flex; justify-content: space-between; align-items: baseline; border-bottom: 1pt solid #000; }}
.hd b {{ font-size: {bp + 3}pt; }} .hd .m {{ font-size: {bp + 8}pt; font-weight: bold; }}
.sub {{ color: {grey}; font-size: {bp - 2.5}pt; margin: 1mm 0 4mm 0; }}
.row {{ display: flex; gap: {3 if small else 4}mm; margin-bottom: {1.6 if small else 2}mm; }}
.f {{ min-width: 0; }}
.f .v {{ font-weight: bold; padding-bottom: 0.5mm; border-bottom: 0.5pt solid #000; min-height: {bp * 1.2}pt;
         overflow-wrap: anywhere; }}
.f .c {{ color: {grey}; font-size: {bp - 3}pt; padding-top: 0.4mm; }}
.card {{ border: 0.6pt solid #555; border-radius: 4pt; padding: 1.5mm 2.5mm 0.5mm 2.5mm; margin-bottom: 3mm;
         break-inside: avoid; }}
.card .t {{ font-weight: bold; font-size: {bp - 2}pt; letter-spacing: 0.05em; margin-bottom: 1.2mm; }}
h2 {{ font-size: {bp}pt; margin: 4mm 0 2mm 0; }}
table {{ border-collapse: collapse; width: 100%; }}
td {{ padding: 0.8mm 1mm; vertical-align: top; }}
tr.v td {{ font-weight: bold; font-size: {bp - 0.8}pt; border-bottom: 0.3pt solid #999; }}
tr.v.last td, tr.v.each td {{ border-bottom: 0.8pt solid #000; }}
tr.c td {{ color: {grey}; font-size: {bp - 3}pt; padding-top: 0.3mm; padding-bottom: 2mm; }}
td.n {{ white-space: nowrap; }}
.legal {{ font-size: {bp - 3}pt; margin: 1mm 0; text-align: justify; }}
.end {{ display: flex; gap: 10mm; margin-top: 10mm; break-inside: avoid; }}
.end .f {{ flex: 1; }} .end .f .v.s {{ font-weight: normal; }}
.dn {{ font-weight: bold; font-size: {bp + 2}pt; }}
"""
    above = set(v["above"])

    def fld(key, cap, val, wgt, ab):
        val_h = E(val) if val else "&nbsp;"
        if ab:
            inner = f"<div class=c>{E(cap)}</div><div class=v>{val_h}</div>"
        else:
            inner = f"<div class=v>{val_h}</div><div class=c>{E(cap)}</div>"
        return f"<div class=f style='flex:{wgt}'>{inner}</div>"

    parts = []
    for title, rows in applicant_groups(d, v, small):
        rr = "".join("<div class=row>" + "".join(fld(k, cp, val, w, k in above) for k, cp, val, w in row) + "</div>"
                     for row in rows)
        parts.append(f"<div class=card><div class=t>{title.upper()}</div>{rr}</div>" if v["layout"] == "cards" else rr)
    N = len(d.ranges)
    if v["ranges"] == "cards":
        rp = []
        for i, r in enumerate(d.ranges, 1):
            items = range_fields(r, v, html=True)
            sets = [items[:2], items[2:]] if not small else [items[:2], items[2:5], items[5:]]
            rr = "".join("<div class=row>" + "".join(fld(k, cp, val, w, k == "prefix" and v["prefix_above"])
                                                     for k, cp, val, w in s) + "</div>" for s in sets if s)
            rp.append(f"<div class=card><div class=t>RANGO {i} DE {N}</div>{rr}</div>")
        ranges = "".join(rp)
    else:
        cols = range_fields(d.ranges[0], v, html=True)
        tot = sum(w for *_, w in cols)
        cg = "".join(f"<col style='width:{100 * w / tot:.1f}%'>" for *_, w in cols)
        caprow = "<tr class=c>" + "".join(f"<td>{E(cp)}</td>" for _, cp, _, _ in cols) + "</tr>"
        trs = []
        for i, r in enumerate(d.ranges):
            cls = "each" if v["ranges"] == "each" else ("last" if i == N - 1 else "")
            cells = "".join(f"<td{' class=n' if k in ('from', 'to', 'vfrom', 'vto') else ''}>{E(val)}</td>"
                            for k, _, val, _ in range_fields(r, v, html=True))
            trs.append(f"<tr class='v {cls}'>{cells}</tr>")
            if v["ranges"] == "each":
                trs.append(caprow)
        if v["ranges"] == "foot":
            trs.append(caprow)
        ranges = f"<table><colgroup>{cg}</colgroup>{''.join(trs)}</table>"
    leg1 = "".join(f"<p class=legal>{E(p)}</p>" for p in legal[:2])
    leg2 = "".join(f"<p class=legal>{E(p)}</p>" for p in legal[2:])
    return f"""<!doctype html><html lang=es><head><meta charset=utf-8><style>{css}</style></head><body>
<div class=hd><b>AUTORIZACIÓN NUMERACIÓN DE FACTURACIÓN</b><span class=m>1876</span></div>
<div class=sub>Formulario para la solicitud y autorización de rangos de numeración · DIAN</div>
{''.join(parts)}
{leg1}
<h2>DETALLE DE LA SOLICITUD</h2>
{ranges}
<div class=end><div class=f><div class='v s'>{E(v['signer'])}</div><div class=c>Firma del solicitante</div></div>
<div class=f><div class=dn>DIAN</div><div class=v>{E(stamp_str(d, v))}</div>
<div class=c>Fecha acuse de recibo · Firmado</div></div></div>
{leg2}
</body></html>"""
