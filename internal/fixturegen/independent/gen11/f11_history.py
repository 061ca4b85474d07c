"""Family current-plus-history: the authorization as a provider's or a
taxpayer's file keeps it, TOGETHER WITH THE TAXPAYER'S OLDER AUTHORIZATIONS.
The current authorization is complete and official-looking: header (DIAN,
'Autorización numeración de facturación', model box 1876), 'Datos del
solicitante' with the box-numbered labels 4, 1, 5, 6, 7-10 or 11, 12 (ruled
cells with the label on top and the value below, or a two-column label | value
grid), 'Detalle de la solicitud' with the ranges table (30 modality + code,
31 prefix, 32 / 33 numbers, 38 months, optional 'Fecha inicial' / 'Fecha
final' columns, request type + code) and the DIAN reception stamp ('Fecha
Acuse de Recibo', date / time, 'Firmado').
A second section headed 'Resoluciones anteriores', 'Historial de numeración'
or 'Historial de resoluciones de facturación' lists 2-4 OLDER authorizations
of the same taxpayer, each with ITS OWN 1876 form number, an earlier date
(with a time in some documents), 1-2 ranges (often the SAME PREFIX as a
current range with lower numbers), an end of validity and a status VENCIDA,
REEMPLAZADA, AGOTADA or INHABILITADA; in about a third of the documents the
history also lists the current authorization itself as VIGENTE. History
layout: a table (form number, date, modality, prefix, desde, hasta, vigente
hasta, estado), or a list of entry blocks. WHERE the history sits varies with
the document (idx % 4):
  below        same page, under the stamp (canvas: continues on a new page
               when it does not fit);
  next-page    the authorization on page 1, the history alone on page 2
               ('Anexo');
  left-column  landscape page, the history as a narrow LEFT column beside
               the authorization (so text lines mix both);
  preceding    the history first, as a provider's cover sheet on page 1, the
               authorization after it.
Numbers grouped with '.', ',', a space, a no-break space or not at all;
dates ISO, dd/mm/aaaa or '3 de marzo de 2025' (the same style in both
sections). Paper Letter, A4, Legal or A5 (left-column: Letter or A4
landscape). The truth is the current authorization only. Producers:
Chromium (HTML/CSS), Ghostscript (PostScript), mutool create."""
from common11 import (E, Canvas11, chromium_pdf, tweak_doc, fill_prefixes, labels, base_variant,
                      applicant_items, range_columns, range_cell, make_history, fmt_num, fmt_day, time_str,
                      kind_name, legal_paragraphs, PAPERS, BASE_CSS, html_page, html_header,
                      html_cells, html_kvrows, html_table, html_stamp, cv_header, cv_band, cv_cells,
                      cv_kvrows, cv_table, cv_stamp, cv_para, bold, wrap_cell)

FAMILY = "current-plus-history"
WHERE = ["below", "next-page", "left-column", "preceding"]


def doc_params(rng, idx):
    return {"nranges": rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.2, other_req_prob=0.2, empty_prefix_prob=0.04)
    fill_prefixes(d, rng)
    d.history = make_history(d, rng, rng.choice([2, 3, 3, 4]))


def variant(d, rng, idx, producer):
    v = base_variant(rng)
    where = WHERE[idx % 4]
    v.update({
        "where": where,
        "paper": (rng.choice(["Letter", "A4"]) if where == "left-column"
                  else rng.choice(["Letter", "A4", "Legal", "A5"] if where in ("next-page", "preceding")
                                  else ["Letter", "A4", "Legal"])),
        "landscape": where == "left-column",
        "kv": rng.choice(["cells", "rows"]),
        "font": rng.choice(["Helvetica", "Times-Roman"]) if producer != "chromium"
        else rng.choice(["'Nimbus Sans', sans-serif", "'DejaVu Sans', sans-serif", "'Nimbus Roman', serif",
                         "'DejaVu Serif', serif", "'Nimbus Sans Narrow', sans-serif"]),
        "heading": rng.choice(["Resoluciones anteriores", "Historial de numeración",
                               "Historial de resoluciones de facturación"]),
        "hstyle": ("list" if where == "left-column" and rng.random() < 0.6
                   else rng.choice(["table", "table", "list"])),
        "hlabels": rng.choice(["plain", "resol"]),
        "htime": rng.random() < 0.3,
        "lists_current": rng.random() < 0.33,
        "order": rng.choice(["desc", "desc", "asc"]),
        "note": rng.random() < 0.5,
        "history": [{"number": h.number, "status": h.status, "prefixes": [r.prefix for r in h.ranges]}
                    for h in d.history],
    })
    if v["landscape"] or v["paper"] == "A5":
        v["date_cols"] = False
    return v


def render(d, rng, idx, tmp, btmp):
    producer = ["chromium", "gs", "mutool"][idx % 3]
    v = variant(d, rng, idx, producer)
    legal = legal_paragraphs(rng, d)[:2]
    if producer == "chromium":
        html(d, v, legal, tmp, btmp)
    else:
        c = Canvas11("ps" if producer == "gs" else "mu")
        canvas(c, d, v, legal)
        c.save(btmp, tmp + ".pdf")
    return producer, v


# ---------------------------------------------------------------- history content
def hist_entries(d, v):
    """(number, when, ranges, status) in printed order"""
    ents = [(h.number, h.when, h.ranges, h.status) for h in d.history]
    if v["lists_current"]:
        ents.insert(0, (d.number, d.stamp, d.ranges, "VIGENTE"))
    if v["order"] == "asc":
        ents.reverse()
    return ents


def hist_when(when, v):
    s = fmt_day(when.date(), v["date"])
    if v["htime"]:
        s += " " + time_str(when, v["time"])
    return s


def hist_cols(v):
    if v["where"] == "left-column":
        h = (["Formulario / fecha", "Prefijo", "Numeración", "Estado"] if v["hlabels"] == "plain"
             else ["Resolución / fecha", "Prefijo", "Rango", "Estado"])
        return list(zip(["hnum", "hpre", "hrange", "hst"], h, [1.6, 0.6, 1.3, 1.0], ["l", "c", "l", "l"]))
    if v["hlabels"] == "plain":
        h = ["Formulario No.", "Fecha", "Modalidad", "Prefijo", "Desde", "Hasta", "Vigente hasta", "Estado"]
    else:
        h = ["Resolución No.", "Fecha resolución", "Tipo", "Prefijo", "Rango desde", "Rango hasta", "Vence",
             "Estado"]
    keys = ["hnum", "hdate", "hmod", "hpre", "hfrom", "hto", "hvt", "hst"]
    wts = [1.7, 1.2, 1.7, 0.6, 0.9, 0.9, 1.2, 1.1]
    als = ["l", "c", "l", "c", "r", "r", "c", "c"]
    return list(zip(keys, h, wts, als))


def hist_rows(d, v):
    rows = []
    for num, when, rs, st in hist_entries(d, v):
        if v["where"] == "left-column":
            for j, r in enumerate(rs):
                rows.append([f"{num} {hist_when(when, v)}" if j == 0 else "", r.prefix or "-",
                             f"{fmt_num(r.frm, v['sep'])} a {fmt_num(r.to, v['sep'])}", st if j == 0 else ""])
            continue
        for j, r in enumerate(rs):
            rows.append([num if j == 0 else "", hist_when(when, v) if j == 0 else "",
                         kind_name(r.kind, "title"), r.prefix or "(sin prefijo)", fmt_num(r.frm, v["sep"]),
                         fmt_num(r.to, v["sep"]), fmt_day(r.valid_to, v["date"]),
                         (("VIGENTE" if st == "VIGENTE" else st) if j == 0 else "")])
    return rows


def hist_blocks(d, v):
    """list style: [(title line, [detail lines])]"""
    out = []
    for num, when, rs, st in hist_entries(d, v):
        lines = [f"Fecha: {hist_when(when, v)}"]
        for r in rs:
            lines.append(f"{r.prefix or 'Sin prefijo'}: del {fmt_num(r.frm, v['sep'])} "
                         f"al {fmt_num(r.to, v['sep'])}"
                         f" ({r.months} meses)")
            lines.append(f"Vence: {fmt_day(r.valid_to, v['date'])}")
        lines.append(f"Estado: {st}" + (" (este documento)" if st == "VIGENTE" else ""))
        out.append((f"Formulario {num}", lines))
    return out


def hist_note(d, v):
    return ("Se relacionan las autorizaciones de numeración expedidas anteriormente al contribuyente, "
            "solo como referencia. Las resoluciones VENCIDAS, AGOTADAS, INHABILITADAS o REEMPLAZADAS no "
            "pueden usarse para expedir documentos.")


# ---------------------------------------------------------------- HTML
def html(d, v, legal, tmp, btmp):
    L = labels(v["labels"])
    size, margin = html_page(v["paper"], "12mm" if v["paper"] != "A5" else "9mm")
    if v["landscape"]:
        a, b = size.split()
        size = f"{b} {a}"
    fs = {"A5": 7.5, "Legal": 9.5}.get(v["paper"], 8.8)
    if v["landscape"]:
        fs = 8
    css = BASE_CSS % {"font": v["font"], "fs": fs} + f"""
@page {{ size: {size}; margin: {margin}; }}
.hist h2 {{ background: #f1e7c8; }}
table.hi {{ width: 100%; }} table.hi th {{ border-bottom: 1.5px solid #555; text-align: left; font-size: 0.82em; padding: 2px 3px; }}
table.hi td {{ border-bottom: 1px solid #bbb; padding: 2px 3px; color: #333; }}
.blk {{ border: 1px solid #aaa; border-radius: 4px; padding: 3px 6px; margin: 4px 0; color: #333; }}
.blk .bt {{ font-weight: bold; }}
.note {{ font-size: 0.8em; font-style: italic; color: #444; margin: 3px 0; }}
.cols {{ display: flex; gap: 14px; }} .cols .side {{ width: 29%; border-right: 1px solid #999; padding-right: 10px; }}
.cols .main {{ flex: 1; }}
.pb {{ break-before: page; }}
.foot {{ margin-top: 8px; font-size: 0.78em; text-align: right; color: #555; }}
"""
    items = applicant_items(d, L)
    cols = range_columns(L, v)
    rows = [[range_cell(r, k, v) for k, _, _, _ in cols] for r in d.ranges]
    auth = (html_header(L) + f"<h2>{E(L['applicant'])}</h2>" +
            (html_cells(items) if v["kv"] == "cells" else html_kvrows(items)) +
            f"<h2>{E(L['detail'])}</h2>" + html_table(cols, rows) + html_stamp(d, v, L) +
            "".join(f'<div class="legal">{E(p)}</div>' for p in legal))
    if v["hstyle"] == "table":
        hc = hist_cols(v)
        hist_body = html_table(hc, hist_rows(d, v), cls="hi")
    else:
        hist_body = "".join(f'<div class="blk"><div class="bt">{E(t)}</div>' +
                            "".join(f"<div>{E(x)}</div>" for x in ls) + "</div>" for t, ls in hist_blocks(d, v))
    note = f'<div class="note">{E(hist_note(d, v))}</div>' if v["note"] else ""
    hist = f'<div class="hist"><h2>{E(v["heading"])}</h2>{note}{hist_body}</div>'
    w = v["where"]
    if w == "below":
        body = auth + hist
    elif w == "next-page":
        body = auth + f'<div class="pb"><div class="foot">Anexo - {E(v["heading"])}</div>{hist}</div>'
    elif w == "left-column":
        body = f'<div class="cols"><div class="side">{hist}</div><div class="main">{auth}</div></div>'
    else:
        cover = (f'<div class="foot">Expediente de facturación electrónica</div>'
                 f'<div><b>Contribuyente:</b> {E(d.name)} &nbsp; <b>NIT</b> {E(d.nit)}-{d.dv}</div>' + hist)
        body = cover + f'<div class="pb">{auth}</div>'
    doc = f"""<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><style>{css}</style></head>
<body>{body}</body></html>"""
    hp = btmp + ".html"
    with open(hp, "w", encoding="utf-8") as f:
        f.write(doc)
    chromium_pdf(hp, tmp + ".pdf")


# ---------------------------------------------------------------- canvas (gs / mutool)
def canvas(c, d, v, legal):
    L = labels(v["labels"])
    PW, PH = PAPERS[v["paper"]]
    if v["landscape"]:
        PW, PH = PH, PW
    small = v["paper"] == "A5"
    M = 26 if small else 36
    F = v["font"]
    fs = 7 if small else (7.5 if v["landscape"] else 8.5)
    TW = PW - 2 * M
    where = v["where"]

    def new_page():
        c.page(PW, PH)
        c.font(F, fs - 1.5)
        c.text(PW - M, PH - 16, f"Página {len(c.pages)}", "r")
        return M

    def auth(x, y, w):
        y = cv_header(c, x, y, w, L, F, fs)
        y = cv_band(c, x, y, w, L["applicant"], F, fs)
        items = applicant_items(d, L)
        y = cv_cells(c, x, y, w, items, F, fs) if v["kv"] == "cells" else cv_kvrows(c, x, y, w, items, F, fs)
        y += 8
        y = cv_band(c, x, y, w, L["detail"], F, fs)
        y += 3
        cols = range_columns(L, v)
        rows = [[range_cell(r, k, v) for k, _, _, _ in cols] for r in d.ranges]
        y = cv_table(c, x, y, w, cols, rows, F, fs)
        y += 10
        y = cv_stamp(c, x + w - 175, y, d, v, L, F, fs, shape="box")
        for p in legal:
            y = cv_para(c, x, y + 2, w, p, F, fs - 1.5, gray=0.2)
        return y + 10

    def hist(x, y, w, bottom):
        """returns next y; starts a new page (full width) when needed"""
        c.font(bold(F), fs + 1)
        y += fs + 4
        c.text(x, y, v["heading"])
        c.line(x, y + 3, x + w, y + 3, lw=0.8)
        y += 5
        if v["note"]:
            y = cv_para(c, x, y, w, hist_note(d, v), F, fs - 1.5, gray=0.25)
        y += 4
        if v["hstyle"] == "table":
            return cv_table(c, x, y, w, hist_cols(v), hist_rows(d, v), F, fs - 0.5, rules="h", head_fill=None)
        for t, ls in hist_blocks(d, v):
            h = (len(ls) + 1) * (fs + 2.5) + 8
            if y + h > bottom:
                y = new_page()
            c.rect(x, y, w, h, lw=0.5)
            c.font(bold(F), fs - 0.5)
            yy = y + fs + 2
            for ln in wrap_cell(t, bold(F), fs - 0.5, w - 8)[:1]:
                c.text(x + 4, yy, ln)
            c.font(F, fs - 0.5)
            for ln in ls:
                yy += fs + 2.5
                c.text(x + 4, yy, wrap_cell(ln, F, fs - 0.5, w - 8)[0])
            y += h + 4
        return y

    def hist_height():
        n = len(hist_rows(d, v)) if v["hstyle"] == "table" else sum(len(b[1]) + 2 for b in hist_blocks(d, v))
        return 60 + n * (fs + 8)

    y = new_page()
    if where == "preceding":
        c.font(F, fs - 1)
        c.text(M, y + fs, "Expediente de facturación electrónica")
        c.font(bold(F), fs)
        c.text(M, y + 2 * fs + 6, f"Contribuyente: {d.name}"[:110])
        c.text(M, y + 3 * fs + 10, f"NIT {d.nit}-{d.dv}")
        y = hist(M, y + 3 * fs + 16, TW, PH - M)
        y = new_page()
        auth(M, y, TW)
    elif where == "left-column":
        sw = TW * 0.28
        hist(M, y, sw - 6, PH - M)
        c.line(M + sw + 4, M, M + sw + 4, PH - M, lw=0.5)
        auth(M + sw + 12, y, TW - sw - 12)
    elif where == "next-page":
        auth(M, y, TW)
        y = new_page()
        c.font(F, fs - 1)
        c.text(M + TW, y, f"Anexo - {v['heading']}", "r")
        hist(M, y + 6, TW, PH - M)
    else:
        y = auth(M, y, TW)
        if y + hist_height() > PH - M:
            y = new_page()
        hist(M, y, TW, PH - M)
