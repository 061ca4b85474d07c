"""Family ascii-box-table: 'la resolución' as a TEXT-MODE REPORT printed in a
monospace font (an invoicing provider's or an ERP's plain-text print-out of
the 1876), every line one string of fixed-width characters:

- a banner: 'U.A.E. DIAN ...', 'FORMATO 1876 - AUTORIZACION NUMERACION DE
  FACTURACION', the system that printed it, 'Impreso: <a later date-time>',
  in some documents the PROVIDER's own NIT and DV ('Proveedor tecnologico ...
  NIT 901.234.567-8'), and a page header 'Pag. n de N' on every page;
- the taxpayer fields in one of four styles: 'dots' ('4. NUMERO DE
  FORMULARIO......: 18764081810977', leader dots up to a colon), 'colon'
  (labels padded with spaces to a colon), 'pipes' (a two-column ASCII table
  '| 4. Número de formulario | 18764081810977 |' with '+----+----+' rules
  between the rows, a long business name wrapped onto a second line INSIDE the
  value cell) or 'pairs' (a four-column ASCII table, two fields per row:
  '| NIT | 901853616 | DV | 5 |'); labels as DIAN prints them or upper case
  without accents; values exact;
- the acknowledgement date and time as a field ('FECHA ACUSE DE RECIBO') or as
  a closing line ('Firmado - Fecha Acuse de Recibo: ...');
- the ranges as an ASCII-ART TABLE: '+-----+------+' borders ('=' under the
  header in some documents, '|' instead of '+' at the crossings in others),
  '| cells |' padded with spaces, numbers RIGHT-ALIGNED in their cells, codes
  and months centred, names left; header captions wrapped over two or three
  lines inside their cell ('32. DESDE' / 'EL NUMERO'); the modality (and, in
  narrow tables, the request) wrapped onto a SECOND / THIRD LINE INSIDE ITS
  CELL, so a row spans several text lines whose continuation lines have empty
  number cells; rule lines between rows or only under the header; optional
  row number, 'Cantidad' (to - from + 1) and validity date columns; with a
  'Cantidad' column, a closing 'TOTAL' row carrying the sum of the quantities
  in that column. When the table runs over a page, it is closed at the bottom
  of the page and restarts on the next page with its header repeated and
  '(continuación)'; three documents have a printer page length shorter than
  the sheet ('lpp' lines), set so that the table is cut after its second row.
- legal notes wrapped at the report width, '*** FIN DEL REPORTE ***'.

Numbers grouped with '.', ',', a space or nothing; dates in ISO, dd/mm/aaaa,
aaaa/mm/dd, dd-MMM-aaaa, dd.mm.aaaa, '3 mar. 2025'. The type size is chosen so
the widest line fits the page (5.5-9.5 pt). Paper: Letter, A4, Legal, A5,
Letter or A4 landscape (groff: portrait only). Producers: Chromium (<pre>
pages), groff (no-fill Courier), Ghostscript (PostScript, one show per line),
mutool create (one Tj per line)."""
import datetime as dt
import os

from common15 import (Canvas15, E, chromium_pdf, groff_pdf, groff_esc, kind_name, kind_code, req_name, req_code,
                      num, day, stamp_str, legal_paragraphs, tweak_doc, tidy_prefixes, pick_labels, PAPERS15,
                      CSS_SIZE, GROFF_PAPER, SEPS, strip_accents, nit_dv, nranges_for, tp_items, run)

FAMILY = "ascii-box-table"

HEADS = {
    "boxnum": {"no": "No.", "mod": "30. MODALIDAD", "modcode": "COD", "prefix": "31. PREFIJO",
               "from": "32. DESDE EL NUMERO", "to": "33. HASTA EL NUMERO", "qty": "CANTIDAD",
               "months": "38. VIGENCIA (MESES)", "vfrom": "FECHA INICIAL", "vto": "FECHA FINAL",
               "req": "TIPO DE SOLICITUD", "reqcode": "COD"},
    "plain": {"no": "#", "mod": "Modalidad", "modcode": "Cód.", "prefix": "Prefijo", "from": "Desde",
              "to": "Hasta", "qty": "Cantidad", "months": "Meses", "vfrom": "Vigente desde",
              "vto": "Vigente hasta", "req": "Solicitud", "reqcode": "Cód."},
    "short": {"no": "IT", "mod": "TIPO DOCUMENTO", "modcode": "CD", "prefix": "PREF", "from": "NUM. INICIAL",
              "to": "NUM. FINAL", "qty": "CANT. NUMS", "months": "VIG. MESES", "vfrom": "INICIO",
              "vto": "VENCE", "req": "TRAMITE", "reqcode": "CD"},
}
SYSTEMS = ["FacturaYa Cloud v4.2", "SIIGO Nube - Modulo FE", "ContaPyme 2024 R3", "Helisa NIIF 9.1",
           "World Office 2023", "ERP ALEGRA", "SAFIX Facturacion 5.0"]
PROVIDERS = ["FACTURATECH COLOMBIA S.A.S.", "SOLUCIONES CONTABLES NUBE S.A.S.", "FACTURAYA DIGITAL S.A.S.",
             "CADENA S.A.", "THE FACTORY HKA COLOMBIA S.A.S."]


def doc_params(rng, idx):
    return {"nranges": nranges_for(rng, idx)}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.35, other_req_prob=0.25)
    tidy_prefixes(d, rng)


def up(s, v):
    return strip_accents(s).upper() if v["lcase"] == "upper" else s


def wrap_chars(s, w):
    """word wrap to w characters; a longer word is cut"""
    lines, cur = [], ""
    for word in s.split():
        while len(word) > w:
            if cur:
                lines.append(cur)
                cur = ""
            lines.append(word[:w])
            word = word[w:]
        t = (cur + " " + word) if cur else word
        if len(t) <= w:
            cur = t
        else:
            lines.append(cur)
            cur = word
    if cur or not lines:
        lines.append(cur)
    return lines


def pad(s, w, al):
    if al == "r":
        return s.rjust(w)
    if al == "c":
        return s.center(w)
    return s.ljust(w)


# ------------------------------------------------------------------ the ASCII table
class Box:
    def __init__(self, widths, v):
        self.w = widths
        self.cross = v["cross"]
        self.hchar = "=" if v["hsep"] == "=" else "-"

    def rule(self, ch="-"):
        c = self.cross
        return c + c.join(ch * (w + 2) for w in self.w) + c

    def row(self, cells, aligns):
        """cells: list of line lists; returns the text lines of one table row"""
        n = max(len(q) for q in cells)
        out = []
        for i in range(n):
            parts = [" " + pad(q[i] if i < len(q) else "", w, al) + " " for q, w, al in zip(cells, self.w, aligns)]
            out.append("|" + "|".join(parts) + "|")
        return out


def table_parts(d, v):
    """(header lines, [row line lists], total lines, first line of each row)"""
    keys = (["no"] if v["rowno"] else []) + ["mod", "modcode", "prefix", "from", "to"]
    if v["qty"]:
        keys.append("qty")
    keys.append("months")
    if v["dates"]:
        keys += ["vfrom", "vto"]
    keys += ["req", "reqcode"]
    H = HEADS[v["heads"]]
    aligns = [{"mod": "l", "req": "l", "prefix": "l" if v["prefix_left"] else "c", "from": "r", "to": "r",
               "qty": "r", "no": "r"}.get(k, "c") for k in keys]
    sep = v["sep"]
    rows = []
    for i, r in enumerate(d.ranges, 1):
        c = {"no": str(i), "mod": kind_name(r.kind, v["mcase"]), "modcode": str(kind_code(r.kind)),
             "prefix": r.prefix, "from": num(r.frm, sep), "to": num(r.to, sep),
             "qty": num(r.to - r.frm + 1, sep), "months": str(r.months), "vfrom": day(r.valid_from, v["date"]),
             "vto": day(r.valid_to, v["date"]), "req": req_name(r.request, v["mcase"]),
             "reqcode": str(req_code(r.request))}
        rows.append([c[k] for k in keys])
    widths = []
    for j, k in enumerate(keys):
        head_word = max(len(wd) for wd in H[k].split())
        if k == "mod":
            w = max(v["modw"], max(len(wd) for row in rows for wd in row[j].split()), head_word)
        elif k == "req":
            w = max(v["reqw"], max(len(wd) for row in rows for wd in row[j].split()), head_word)
        else:
            w = max([len(row[j]) for row in rows] + [head_word, 2])
            if k in ("from", "to", "qty"):
                w += v["numpad"]
        widths.append(w)
    box = Box(widths, v)
    hcells = [wrap_chars(H[k], w) for k, w in zip(keys, widths)]
    hal = ["c" if v["head_center"] else "l"] * len(keys)
    head = [box.rule("-")] + box.row(hcells, hal) + [box.rule(box.hchar)]
    body = []
    firsts = []
    for row in rows:
        cells = [wrap_chars(s, w) if k in ("mod", "req", "vfrom", "vto") else [s]
                 for s, k, w in zip(row, keys, widths)]
        lines = box.row(cells, aligns)
        firsts.append(lines[0])
        if v["rowsep"]:
            lines.append(box.rule("-"))
        body.append(lines)
    if not v["rowsep"]:
        body[-1] = body[-1] + [box.rule("-")]
    total = []
    if v["qty"]:
        tot = sum(r.to - r.frm + 1 for r in d.ranges)
        cells = [[""] for _ in keys]
        cells[keys.index("mod")] = ["TOTAL" if v["lcase"] == "upper" else "Total"]
        cells[keys.index("qty")] = [num(tot, sep)]
        total = box.row(cells, aligns) + [box.rule(box.hchar)]
    return head, body, total, firsts, keys, box


# ------------------------------------------------------------------ the report
def field_lines(d, v, L, width):
    items = [(k, up(lab, v), val) for k, lab, val in tp_items(d, L)]
    st = stamp_str(d, v["stamp_date"], v["time"])
    if v["stamp_pos"] == "field":
        items.append(("stamp", up("Fecha Acuse de Recibo", v), st))
    longest = max(len(wd) for _, _, val in items for wd in (val.split() or [""]))
    out = []
    style = v["fields"]
    if style == "pairs":
        pairs = [items[i:i + 2] for i in range(0, len(items), 2)]
        lw1 = max(len(p[0][1]) for p in pairs)
        lw2 = max([len(p[1][1]) for p in pairs if len(p) > 1] + [2])
        vw2 = max([len(p[1][2]) for p in pairs if len(p) > 1] + [2])
        vw1 = min(max(len(p[0][2]) for p in pairs), width - lw1 - lw2 - vw2 - 13)
        if vw1 < max(longest, 12):
            v["fields"] = style = "pipes"
        else:
            box = Box([lw1, vw1, lw2, vw2], v)
            blocks = [[box.rule("-")]]
            for p in pairs:
                cells = [[p[0][1]], wrap_chars(p[0][2], vw1) if p[0][2] else [""]]
                cells += [[p[1][1]], wrap_chars(p[1][2], vw2) if p[1][2] else [""]] if len(p) > 1 else [[""], [""]]
                blocks.append(box.row(cells, ["l", "l", "l", "l"]) + [box.rule("-")])
            return blocks
    if style in ("dots", "colon"):
        lw = max(len(lab) for _, lab, _ in items) + v["lead"]
        vw = max(width - lw - 2, longest)
        for k, lab, val in items:
            vl = wrap_chars(val, vw) if val else [""]
            if style == "dots":
                out.append(f"{lab} ".ljust(lw, ".") + ": " + vl[0])
            else:
                out.append(lab.ljust(lw) + ": " + vl[0])
            for more in vl[1:]:
                out.append(" " * (lw + 2) + more)
        return [out]
    lw = max(len(lab) for _, lab, _ in items)
    vw = max(min(max(len(val) for _, _, val in items), width - lw - 7), longest)
    box = Box([lw, vw], v)
    blocks = [[box.rule("-")]]
    for k, lab, val in items:
        cells = [[lab], wrap_chars(val, vw) if val else [""]]
        right = v["vals_right"] and k not in ("rs", "ap1", "ap2", "n1", "n2", "stamp")
        blocks.append(box.row(cells, ["l", "r" if right else "l"]) + [box.rule("-")])
    return blocks


def build_blocks(d, v, L, legal, width):
    """blocks of (text, bold) lines that stay together on a page; returns
    (blocks, index of the first table block, index after the table, table
    header lines, table title, first line of each row, column keys, box)"""
    head, body, total, firsts, keys, box = table_parts(d, v)
    ban = [(up("U.A.E. Dirección de Impuestos y Aduanas Nacionales - DIAN", v), True),
           (up("Formato 1876 - Autorización numeración de facturación", v), True),
           (f"{v['system']}   Impreso: {v['printed']}", False)]
    if v["provider"]:
        pv = v["provider"]
        ban.append((f"{up('Proveedor tecnológico', v)}: {pv['name']}  NIT {pv['nit']}-{pv['dv']}", False))
    ban.append(("=" * width, False))
    blocks = [ban, [("", False), (up("Datos del solicitante", v), True), ("", False)]]
    for b in field_lines(d, v, L, width):
        blocks.append([(s, False) for s in b])
    title = up("Detalle de la solicitud", v) + f" ({len(d.ranges)} {up('rango' if len(d.ranges) == 1 else 'rangos', v)})"
    T0 = len(blocks)
    for i, lines in enumerate(body):
        blk = [(s, False) for s in lines]
        if i == 0:
            blk = [("", False), (title, True)] + [(s, False) for s in head] + blk
        blocks.append(blk)
    if total:
        blocks.append([(s, False) for s in total])
    T1 = len(blocks)
    st = stamp_str(d, v["stamp_date"], v["time"])
    if v["stamp_pos"] == "end":
        blocks.append([("", False), (f"{up('Firmado', v)} - {up('Fecha Acuse de Recibo', v)}: {st}", True)])
    blocks.append([("", False), (up("Observaciones", v) + ":", True)])
    for p in legal:
        blocks.append([(s, False) for s in wrap_chars(p, width)])
    blocks.append([("", False), ("*** " + up("Fin del reporte", v) + " ***", False)])
    return blocks, T0, T1, head, title, firsts, keys, box


def paginate(blocks, T0, T1, head, title, box, v, width, per_page):
    """pages of (text, bold) lines, each page starting with the page header;
    a table cut by a page is closed and restarts with its header"""
    pages, cur = [], []
    cap = per_page - 2
    for bi, blk in enumerate(blocks):
        in_table = T0 < bi < T1
        close = in_table and not v["rowsep"]
        if cur and len(cur) + len(blk) + (1 if close else 0) > cap:
            if close:
                cur.append((box.rule("-"), False))
            pages.append(cur)
            cur = []
            if in_table:
                cont = " (CONTINUACION)" if v["lcase"] == "upper" else " (continuación)"
                cur = [(title + cont, True)] + [(s, False) for s in head]
        if not cur and blk and blk[0][0] == "":
            blk = blk[1:]
        cur += blk
    pages.append(cur)
    n = len(pages)
    out = []
    for i, p in enumerate(pages, 1):
        pg = f"Pag. {i} de {n}" if v["lcase"] != "upper" else f"PAG. {i} DE {n}"
        hdr = (v["short_title"].ljust(width - len(pg)) + pg, False)
        out.append([hdr, ("", False)] + p)
    return out


def render(d, rng, idx, tmp, btmp):
    producer = ["chromium", "groff", "gs", "mutool"][idx % 4]
    if producer == "groff":
        paper = ["Letter", "A4", "Legal", "A5"][(idx // 4) % 4] if idx < 8 else rng.choice(["Letter", "A4", "Legal"])
    else:
        paper = ["A4L", "", "Letter", "A5", "A4", "", "Legal", "LetterL", "Letter", "", "A5", "A4"][idx % 12]
    small = paper == "A5"
    later = d.stamp + dt.timedelta(days=rng.randrange(1, 400), minutes=rng.randrange(1440))
    pstyle = rng.choice(["iso", "slash"])
    pnit = "901" + "".join(rng.choice("0123456789") for _ in range(6))
    v = {
        "paper": paper,
        "fields": ["dots", "colon", "pipes", "pairs"][idx % 4] if idx < 4 else
        rng.choice(["dots", "dots", "colon", "pipes", "pairs"]),
        "lcase": rng.choice(["upper", "upper", "asis"]),
        "lead": rng.randint(2, 8),
        "vals_right": rng.random() < 0.3,
        "heads": rng.choice(list(HEADS)),
        "head_center": rng.random() < 0.6,
        "cross": rng.choice(["+", "+", "+", "|"]),
        "hsep": rng.choice(["=", "-"]),
        "rowsep": rng.random() < 0.5,
        "rowno": rng.random() < 0.4,
        "qty": idx in (1, 4, 9) or rng.random() < 0.25,
        "dates": rng.random() < (0.2 if small else 0.5),
        "prefix_left": rng.random() < 0.3,
        "modw": rng.choice([10, 12, 14, 16, 18]),
        "reqw": rng.choice([9, 12, 14, 16]),
        "numpad": rng.choice([0, 0, 1, 2, 4]),
        "sep": rng.choice(SEPS),
        "date": rng.choice(["iso", "slash", "ymd", "mon", "dot", "abbr"]),
        "stamp_date": rng.choice(["iso", "slash", "mon", "dot"]),
        "time": rng.choice(["ampm", "24h"]),
        "stamp_pos": rng.choice(["field", "end"]),
        "mcase": rng.choice(["upper", "upper", "noacc", "title"]),
        "system": rng.choice(SYSTEMS),
        "printed": (later.strftime("%Y-%m-%d %H:%M") if pstyle == "iso" else later.strftime("%d/%m/%Y %I:%M %p")),
        "provider": ({"name": rng.choice(PROVIDERS), "nit": pnit, "dv": nit_dv(pnit)}
                     if rng.random() < 0.5 and pnit != d.nit else None),
        "font": rng.choice(["'Nimbus Mono PS'", "'DejaVu Sans Mono'", "'Noto Mono'", "'Noto Sans Mono'"])
        if producer == "chromium" else "Courier",
    }
    if v["rowno"] and v["heads"] == "short":
        v["rowno"] = False
    v["short_title"] = up("DIAN - Formato 1876", v) + "  " + d.number if rng.random() < 0.4 else up("Reporte de autorización de numeración", v)
    L = pick_labels(rng, rng.choice([True, False, None]))
    legal = legal_paragraphs(rng, d)
    PW, PH = PAPERS15[paper]
    M = 28 if small else 40
    TW = PW - 2 * M
    # width: the table's natural width, at least 72 characters; drop optional columns until it fits
    while True:
        head = table_parts(d, v)[0]
        width = max(72, len(head[0]))
        built = build_blocks(d, v, L, legal, width)
        widest = max(len(s) for blk in built[0] for s, _ in blk)
        fs = min(9.5 if not small else 7.5, TW / (0.6 * widest))
        if fs >= 5.6:
            break
        if v["dates"]:
            v["dates"] = False
        elif v["qty"]:
            v["qty"] = False
        elif v["rowno"]:
            v["rowno"] = False
        elif v["modw"] > 10:
            v["modw"] -= 2
        else:
            break
    fs = round(fs, 2)
    lh = round(fs * 1.18, 2)
    per_page = int((PH - 2 * M) / lh) - 1
    blocks, T0, T1, head, title, firsts, keys, box = built
    if idx in (3, 10, 11) and T1 - T0 >= 3:
        # a printer page length shorter than the sheet ('lineas por pagina'), set so the table is cut after
        # its second row and continues on the next page
        lpp = sum(len(b) for b in blocks[:T0 + 2]) + 4
        if lpp < per_page:
            per_page = lpp
            v["lpp"] = lpp
    pages = paginate(blocks, T0, T1, head, title, box, v, max(width, widest), per_page)
    v.update(width=width, fs=fs, lh=lh, keys=keys, row_lines=firsts, pages=len(pages))
    if producer == "chromium":
        with open(btmp + ".html", "w", encoding="utf-8") as f:
            f.write(html_src(pages, v, M, fs, lh))
        chromium_pdf(os.path.abspath(btmp + ".html"), tmp + ".pdf")
    elif producer == "groff":
        src = groff_src(pages, v, M, fs, lh)
        with open(btmp + ".tr", "w", encoding="utf-8") as f:
            f.write(src)
        groff_pdf(btmp + ".tr", tmp + ".pdf", extra=[GROFF_PAPER[paper][0]])
    else:
        c = MonoCanvas("ps" if producer == "gs" else "mu")
        for p in pages:
            c.page(PW, PH)
            y = M + fs
            for s, b in p:
                c.font("Courier-Bold" if b else "Courier", fs)
                c.text(M, y, s.rstrip())
                y += lh
        c.save(btmp, tmp + ".pdf")
    return producer, v


class MonoCanvas(Canvas15):
    """mutool: declare only the two Courier fonts the report uses"""

    def save(self, src_stem, pdf_path):
        if self.kind == "ps":
            return super().save(src_stem, pdf_path)
        files = []
        for i, (w, h, cmds, rot, side) in enumerate(self.pages, 1):
            p = f"{src_stem}-p{i}.txt"
            hdr = [f"%%MediaBox 0 0 {w:g} {h:g}", "%%Font F5 Courier", "%%Font F6 Courier-Bold"]
            with open(p, "wb") as f:
                f.write(("\n".join(hdr + cmds) + "\n").encode("latin-1"))
            files.append(p)
        run(["mutool", "create", "-O", "compress", "-o", pdf_path] + files)


def html_src(pages, v, M, fs, lh):
    css = (f"@page {{ size: {CSS_SIZE[v['paper']]}; margin: {M:g}pt; }} body {{ margin: 0; }} "
           f"pre {{ font-family: {v['font']}, monospace; font-size: {fs:g}pt; line-height: {lh:g}pt; margin: 0; "
           f"white-space: pre; break-after: page; }} pre:last-child {{ break-after: auto; }}")
    body = []
    for p in pages:
        body.append("<pre>" + "\n".join(f"<b>{E(s)}</b>" if b else E(s.rstrip()) for s, b in p) + "</pre>")
    return f"<!doctype html><html lang=es><head><meta charset=utf-8><style>{css}</style></head><body>" + \
        "".join(body) + "</body></html>"


def groff_src(pages, v, M, fs, lh):
    popt, pl, pw = GROFF_PAPER[v["paper"]]
    out = [".nh", ".nf", f".pl {pl}", f".ll {pw - M:.0f}p", f".po {M:g}p", f".ps {fs:g}", f".vs {lh:g}p",
           ".fam C", ".ft R"]
    for i, p in enumerate(pages):
        if i:
            out.append(".bp")
        out.append(f".sp |{M - lh * 0.2:.1f}p")
        for s, b in p:
            s = s.rstrip()
            e = groff_esc(s) if s else ""
            if e[:1] in (".", "'"):
                e = "\\&" + e
            out.append(f"\\fB{e}\\fP" if b and e else (e or ".sp 1"))
    return "\n".join(out) + "\n"
