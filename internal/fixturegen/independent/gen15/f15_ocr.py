"""Family ocr-noisy-labels: a SCANNED-LOOKING copy of a re-drawn formato 1876
(title with the '1876' model box, 'Datos del solicitante' band, taxpayer boxes
as label-over-value ruled cells, 'Detalle de la solicitud' band, ranges table,
round DIAN stamp with a level date and time, 'Firma del solicitante', legal
text, 'Hoja n de N') whose TEXT LAYER HAS OCR ERRORS IN THE LABELS AND THE
RUNNING TEXT ONLY, while every VALUE is exact (form number, year, NIT, DV, name
parts, seccional, modality and request names and codes, prefixes, bounds,
months, dates, stamp date and time, the model number 1876).

Label / running-text errors, drawn per word: letter confusions ('m' -> 'rn',
'l' -> '1' / 'I', 'i' -> 'l', 'j' -> 'i', 'O' / 'o' -> '0', 'e' <-> 'c',
'cl' <-> 'd', 'h' -> 'b', 'n' <-> 'ri', 'D' -> '0', 'S' -> '5' ...), dropped or
wrong accents ('Razon', 'nümero', 'Identificaciòn'), broken words
('Identifi cación'), now and then two words glued ('Desdeel'), and the box
number's period read as ',', ' .', '-', '·' or lost ('4, Nurnero de
forrnulario'). Every label carries at least one error; the legal paragraphs,
title and stamp words some. A word is never turned into a number.

Geometry of a scan: the whole page is skewed by 0.1-0.45 degrees about its
centre (not in groff documents); every label / running-text word has its own
baseline offset (up to +-1 pt) and the gaps between words are uneven (0.5 to
2 spaces, or, in an OCR layer, each word fitted by horizontal scaling to a
share of the printed label's box); each value keeps its own spacing and
gets one baseline offset for the whole value.

Modes (one per document):
- invisible (mutool create): each page is a grayscale raster of the CLEAN
  printed form (110-150 dpi, paper tone, speckles, the skew) with an
  OCRmyPDF-style invisible text layer (rendering mode 3), one text object per
  word in Helvetica with horizontal scaling (Tz), in line order or block order.
- under (Ghostscript): the same raster drawn opaque OVER the OCR words, which
  are ordinary black text hidden behind the picture.
- visible (Chromium via SVG: DejaVu TrueType squeezed to Base14 widths, the
  first document Nimbus = Type 3 fonts; Ghostscript; groff): the OCR result re-typeset
  the way OCR software exports a 'searchable, editable' page: rules and boxes
  redrawn, the noisy words visible (Chromium and Ghostscript: skewed page,
  paper tone and speckles; groff: tbl boxes, per-word vertical offsets
  '\\v' and extra horizontal gaps '\\h', paper tone and speckles through
  grops 'ps: exec').

The table: Modalidad | Cód. | Prefijo | Desde | Hasta | Vigencia (meses) |
[Fecha inicial | Fecha final] | Tipo de solicitud | Cód., headers from one
of DIAN's / designers' label sets (with or without box numbers), the long
modality names wrapped inside their cell. Numbers grouped with '.', ',', a
space or nothing; dates in ISO, dd/mm/aaaa, aaaa/mm/dd, dd-MMM-aaaa,
dd.mm.aaaa, '3 mar. 2025' or '3 de marzo de 2025'. Paper: Letter, A4, Legal,
A5 (A5 always two pages; the others one or two). 1-6 ranges; habilitación
and inhabilitación rows; at most one empty prefix."""
import os
import zlib

from common15 import (Canvas15, SvgCanvas15, ps_str, text_width, run, tweak_doc, tidy_prefixes, pick_labels,
                      pick_theads, kind_name, kind_code, req_name, req_code, num, day, stamp_str,
                      legal_paragraphs, tp_rows, PAPERS15, SEPS, DATES14, TITLE, SUB, bold, wrap_by, fit_cols,
                      ocr_noise, scan_png, rot_matrix, groff_pdf, groff_esc, groff_fit, groff_background,
                      GROFF_PAPER, nranges_for)

FAMILY = "ocr-noisy-labels"


def doc_params(rng, idx):
    return {"nranges": nranges_for(rng, idx)}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.25, other_req_prob=0.25)
    tidy_prefixes(d, rng)


# ------------------------------------------------------------------ pens: how text reaches the page
class Pen:
    """text with a role: 'label' (always noisy), 'run' (running text, some
    noise), 'value' (exact). Records every (clean, noisy) label."""

    def __init__(self, c, rng, v):
        self.c, self.rng, self.v = c, rng, v
        self.noisy = []
        self.page = -1

    def noise(self, s, role):
        if role == "label":
            out = ocr_noise(s, self.rng, p=0.55, force=True)
            self.noisy.append([s, out])
            return out
        if role == "run":
            return ocr_noise(s, self.rng, p=0.22, force=False, glue=0.03, boxpunct=0)
        return s

    def newpage(self):
        self.page += 1


class VisiblePen(Pen):
    """draws the noisy words themselves: uneven gaps, per-word baseline jitter"""

    def __call__(self, x, y, s, role, align="l", maxw=None):
        c, rng = self.c, self.rng
        if not s:
            return
        J = self.v["jitter"]
        if role == "value":
            c.text(x, y + rng.uniform(-J * 0.8, J * 0.8), s, align)
            return
        words = [w for w in self.noise(s, role).split(" ") if w]
        F, fs = c.fontname, c.size
        sw = text_width(" ", F, fs)
        ws = [text_width(w, F, fs) for w in words]
        gaps = [sw * rng.uniform(0.55, 2.1) for _ in words[1:]]
        tot = sum(ws) + sum(gaps)
        if maxw and tot > maxw and gaps:
            k = max(0.0, (maxw - sum(ws)) / sum(gaps))
            gaps = [max(sw * 0.5, g * k) for g in gaps]
            tot = sum(ws) + sum(gaps)
        x0 = {"l": x, "r": x - tot, "c": x - tot / 2}[align] + rng.uniform(-0.6, 0.6)
        for i, (w, wd) in enumerate(zip(words, ws)):
            c.text(x0, y + rng.uniform(-J, J), w)
            x0 += wd + (gaps[i] if i < len(gaps) else 0)


class ScanPen(Pen):
    """draws the CLEAN text on the canvas that becomes the scan, and records
    the OCR layer: (x, Y in PDF units, word, size, Tz) per word and page"""

    def __init__(self, c, rng, v):
        super().__init__(c, rng, v)
        self.layer = []

    def newpage(self):
        super().newpage()
        self.layer.append([])

    def __call__(self, x, y, s, role, align="l", maxw=None):
        c, rng = self.c, self.rng
        if not s:
            return
        c.text(x, y, s, align)
        F, fs = c.fontname, c.size
        W = text_width(s, F, fs)
        x0 = {"l": x, "r": x - W, "c": x - W / 2}[align]
        Y = c.H - y
        J = self.v["jitter"]
        out = self.layer[self.page]
        blk = len(out)
        if role == "value":
            dy = rng.uniform(-J * 0.6, J * 0.6)
            pos = 0
            for w in s.split(" "):
                if w:
                    wx = x0 + text_width(s[:pos], F, fs)
                    ww = text_width(w, F, fs)
                    osz = round(fs * rng.uniform(0.95, 1.06), 1)
                    out.append((blk, wx, Y + dy, w, osz, 100 * ww / max(0.1, text_width(w, "Helvetica", osz))))
                pos += len(w) + 1
            return
        noisy = self.noise(s, role)
        words = noisy.split(" ")
        total = len(noisy)
        pos = 0
        for w in words:
            if w:
                wx = x0 + W * pos / total + rng.uniform(-0.9, 0.9)
                ww = W * len(w) / total * rng.uniform(0.88, 1.06)
                osz = round(fs * rng.uniform(0.9, 1.1), 1)
                out.append((blk, wx, Y + rng.uniform(-J, J), w, osz,
                            100 * ww / max(0.1, text_width(w, "Helvetica", osz))))
            pos += len(w) + 1


# ------------------------------------------------------------------ the table
def columns(d, v, TH):
    keys = ["mod", "modcode", "prefix", "from", "to", "months"]
    if v["dates"]:
        keys += ["vfrom", "vto"]
    keys += ["req", "reqcode"]
    heads = [TH[k] for k in keys]
    aligns = {"mod": "l", "req": "l", "from": "r", "to": "r"}
    al = [aligns.get(k, "c") for k in keys]
    rows = []
    for r in d.ranges:
        cell = {"mod": kind_name(r.kind, v["mcase"]), "modcode": str(kind_code(r.kind)), "prefix": r.prefix,
                "from": num(r.frm, v["sep"], v["kind"]), "to": num(r.to, v["sep"], v["kind"]),
                "months": str(r.months), "vfrom": day(r.valid_from, v["date"]), "vto": day(r.valid_to, v["date"]),
                "req": req_name(r.request, v["mcase"]), "reqcode": str(req_code(r.request))}
        rows.append([cell[k] for k in keys])
    wrap = {keys.index("mod"), keys.index("req")}
    if v["dates"] and v["date"] == "words":
        wrap |= {keys.index("vfrom"), keys.index("vto")}
    return keys, heads, al, rows, wrap


# ------------------------------------------------------------------ Canvas drawing (SVG / PostScript / mutool)
def draw(c, T, d, v, L, TH, legal, visible):
    PW, PH = PAPERS15[v["paper"]]
    small = v["paper"] == "A5"
    M = 26 if small else 40
    TW = PW - 2 * M
    F = v["font"]
    FB = bold(F)
    fs = v["fs"]
    rng = T.rng
    npages = v["pages"]
    legal_first = npages == 2

    def open_page():
        c.page(PW, PH)
        T.newpage()
        if visible:
            c.rect(0, 0, PW, PH, lw=0, fill=v["tone"])
        if v["skew"]:
            c.rot_begin(PW / 2, PH / 2, v["skew"])

    def close_page(n):
        c.font(F, fs - 2)
        T(M + TW, PH - 18, f"Hoja {n} de {npages}", "run", "r")
        if v["skew"]:
            c.rot_end((F, fs - 2))
        if visible:
            for _ in range(int(PW * PH / 900)):
                c.dot(rng.uniform(0, PW), rng.uniform(0, PH), rng.uniform(0.3, 0.9), rng.uniform(0.25, 0.7))

    def title(y, sub):
        c.font(FB, fs + 8)
        T(M, y + 18, "DIAN", "run")
        c.font(FB, fs + 2.5)
        T(M + TW / 2, y + 10, TITLE, "run", "c", TW - 130)
        c.font(F, fs - 1.5)
        T(M + TW / 2, y + 21, sub, "run", "c", TW - 130)
        c.rect(M + TW - 50, y, 50, 26, lw=0.9)
        c.font(FB, fs + 6)
        T(M + TW - 25, y + 19, "1876", "value", "c")
        c.line(M, y + 31, M + TW, y + 31, lw=1.2)
        return y + 40

    def band(y, s):
        c.rect(M, y, TW, fs + 7, lw=0, fill=0.82)
        c.font(FB, fs)
        T(M + 4, y + fs + 2.5, s, "label", "l", TW - 8)
        return y + fs + 7

    def paras(y, ymax):
        c.font(F, fs - 2)
        for p in legal:
            for ln in wrap_by(p, TW - 6, lambda s: text_width(s, F, fs - 2)):
                if y > ymax:
                    return y
                T(M, y, ln, "run", "l", TW)
                y += (fs - 2) * 1.35
            y += 3
        return y

    open_page()
    y = title(M, SUB)
    y = band(y, v["band1"])
    for row in tp_rows(d, L, wide=not small):
        tot = sum(r[3] for r in row)
        cells, xx = [], M
        for key, lab, val, wt in row:
            cw = TW * wt / tot
            vl = wrap_by(val, cw - 10, lambda s: text_width(s, FB, fs + 0.5)) if val else [""]
            cells.append((xx, cw, lab, vl))
            xx += cw
        h = fs + 7 + max(len(q) for *_, q in cells) * (fs + 3) + 4
        for cx, cw, lab, vl in cells:
            c.rect(cx, y, cw, h, lw=0.6)
            c.font(F, fs - 2)
            T(cx + 3, y + fs - 1.5, lab, "label", "l", cw - 6)
            c.font(FB, fs + 0.5)
            yy = y + fs + 5 + fs
            for ln in vl:
                T(cx + 5, yy, ln, "value")
                yy += fs + 3
        y += h
    if npages == 2:
        paras(y + 18, PH - 44)
        close_page(1)
        open_page()
        y = title(M, "Hoja 2")
    else:
        y += 12
    y = band(y, v["band2"]) + 3
    keys, heads, aligns, rows, wrap = columns(d, v, TH)
    weights = {"mod": 2.2, "req": 1.5, "modcode": 0.55, "reqcode": 0.55, "prefix": 0.8, "months": 0.9}
    ws, hs, bs = fit_cols([weights.get(k, 1.2) for k in keys], heads, rows, F, fs - 1.3, fs - 0.5, TW, wrap)
    xs = [M]
    for wd in ws[:-1]:
        xs.append(xs[-1] + wd)
    hl = []
    for h, wd in zip(heads, ws):
        lines = []
        for part in h.split("\n"):
            lines += wrap_by(part, wd - 5, lambda s: text_width(s, FB, hs))
        hl.append(lines)
    lh = hs * 1.2
    hh = max(len(q) for q in hl) * lh + 7
    c.rect(M, y, TW, hh, lw=0, fill=0.88)
    c.font(FB, hs)
    for q, xx, wd in zip(hl, xs, ws):
        c.rect(xx, y, wd, hh, lw=0.5)
        ty = y + (hh - len(q) * lh) / 2 + hs * 0.95
        for ln in q:
            T(xx + wd / 2, ty, ln, "label", "c", wd - 3)
            ty += lh
    y += hh
    for row in rows:
        wl = [wrap_by(s, wd - 6, lambda t: text_width(t, F, bs)) if j in wrap else [s]
              for j, (s, wd) in enumerate(zip(row, ws))]
        rh = max(len(q) for q in wl) * (bs + 2.5) + 7
        c.font(F, bs)
        for q, xx, wd, al in zip(wl, xs, ws, aligns):
            c.rect(xx, y, wd, rh, lw=0.5)
            ty = y + 3.5 + bs * 0.95
            for ln in q:
                T({"l": xx + 3, "r": xx + wd - 3, "c": xx + wd / 2}[al], ty, ln, "value", al)
                ty += bs + 2.5
        y += rh
    R = 46 if small else 56
    if y + 2 * R + 50 > PH - 30:
        close_page(1)
        v["pages"] = npages = npages + 1
        open_page()
        y = M
    cx, cy = M + TW - R - 8, y + 20 + R
    c.circle(cx, cy, R, lw=1.3)
    c.circle(cx, cy, R - 4, lw=0.5)
    c.font(FB, fs + 3)
    T(cx, cy - R * 0.42, "DIAN", "run", "c")
    c.font(F, fs - 1)
    T(cx, cy - R * 0.18, "Fecha Acuse de Recibo", "label", "c", 2 * R - 14)
    c.font(FB, fs)
    st = stamp_str(d, v["stamp_date"], v["time"])
    yy = cy + 4
    for ln in (st.split(" / ") if " / " in st else [st]):
        T(cx, yy, ln, "value", "c")
        yy += fs + 3
    c.font(F, fs - 1)
    T(cx, cy + R * 0.64, "Firmado", "label", "c")
    c.line(M, y + 14 + 2 * R, M + 150, y + 14 + 2 * R, lw=0.5)
    c.font(F, fs - 1)
    T(M, y + 24 + 2 * R, "Firma del solicitante", "label", "l", 150)
    y += 2 * R + 44
    if not legal_first:
        paras(y, PH - 34)
    close_page(len(c.pages))


# ------------------------------------------------------------------ producers
def build_invisible(pen, scans, v, path, bstem):
    """mutool create: image + invisible OCR words (3 Tr)"""
    files = []
    PW, PH = PAPERS15[v["paper"]]
    for i, (png, w, h, pix) in enumerate(scans, 1):
        m = rot_matrix(PW / 2, PH / 2, v["skew"])
        body = [f"%%MediaBox 0 0 {PW:g} {PH:g}", "%%Font F1 Helvetica", f"%%Image Im1 {png}",
                f"q {PW:g} 0 0 {PH:g} 0 0 cm /Im1 Do Q",
                "q " + " ".join(f"{x:.5f}" for x in m) + " cm BT 3 Tr"]
        for x, Y, wd, osz, tz in ordered(pen.layer[i - 1], v["order"]):
            body.append(f"/F1 {osz:g} Tf {tz:.1f} Tz 1 0 0 1 {x:.2f} {Y:.2f} Tm {ps_str(wd)} Tj")
        body.append("ET Q")
        p = f"{bstem}-p{i}.txt"
        with open(p, "wb") as f:
            f.write(("\n".join(body) + "\n").encode("latin-1"))
        files.append(p)
    run(["mutool", "create", "-O", "compress", "-o", path] + files)


PS_PROLOGUE15 = """%!PS-Adobe-3.0
%%Creator: indep-1876 gen15 scan + OCR text under the image
%%EndComments
/LatinEnc ISOLatin1Encoding 256 array copy def
LatinEnc 39 /quotesingle put LatinEnc 96 /grave put LatinEnc 45 /hyphen put
/Helvetica findfont dup length dict begin
  { 1 index /FID ne { def } { pop pop } ifelse } forall
  /Encoding LatinEnc def currentdict end /Helvetica-L exch definefont pop
"""


def build_under(pen, scans, v, path, bstem):
    """Ghostscript: OCR words in black, then the opaque page image over them"""
    PW, PH = PAPERS15[v["paper"]]
    parts = [PS_PROLOGUE15]
    for i, (png, w, h, pix) in enumerate(scans, 1):
        parts.append(f"%%Page: {i} {i}\n<< /PageSize [{PW:g} {PH:g}] >> setpagedevice\n0 setgray\n"
                     f"gsave {PW / 2:.2f} {PH / 2:.2f} translate {v['skew']:.4f} rotate "
                     f"{-PW / 2:.2f} {-PH / 2:.2f} translate\n")
        for x, Y, wd, osz, tz in ordered(pen.layer[i - 1], v["order"]):
            parts.append(f"/Helvetica-L findfont [{osz * tz / 100:.3f} 0 0 {osz:g} 0 0] makefont setfont "
                         f"{x:.2f} {Y:.2f} moveto {ps_str(wd)} show\n")
        parts.append("grestore\n")
        data = zlib.compress(bytes(pix), 9).hex()
        lines = "\n".join(data[k:k + 120] for k in range(0, len(data), 120))
        parts.append(f"gsave {PW:g} {PH:g} scale\n{w} {h} 8 [{w} 0 0 -{h} 0 {h}]\n"
                     f"currentfile /ASCIIHexDecode filter /FlateDecode filter image\n{lines}>\n"
                     f"grestore\nshowpage\n")
    parts.append("%%EOF\n")
    with open(bstem + ".ps", "wb") as f:
        f.write("".join(parts).encode("latin-1"))
    run(["ps2pdf", "-dAutoRotatePages=/None", bstem + ".ps", path])


def ordered(words, order):
    if order == "lines":
        words = sorted(words, key=lambda t: (-round(t[2] / 3), t[1]))
    return [(x, Y, wd, osz, tz) for _b, x, Y, wd, osz, tz in words]


def render(d, rng, idx, tmp, btmp):
    producer = ["chromium", "groff", "gs", "mutool"][idx % 4]
    mode = {"chromium": "visible", "groff": "visible", "mutool": "invisible"}.get(producer) or \
        ["under", "visible", "under"][idx // 4]
    paper = ["Letter", "A4", "A5", "Legal", "A4", "Letter", "Legal", "A5", "A5", "Legal", "Letter", "A4"][idx]
    small = paper == "A5"
    v = {
        "mode": mode,
        "paper": paper,
        "pages": 2 if small or rng.random() < 0.35 else 1,
        "sep": rng.choice(SEPS),
        "date": rng.choice(DATES14),
        "dates": rng.random() < 0.45,
        "stamp_date": rng.choice(["iso", "slash", "mon", "dot"]),
        "time": rng.choice(["ampm", "24h"]),
        "mcase": rng.choice(["upper", "upper", "title", "noacc"]),
        "skew": 0.0 if producer == "groff" else round(rng.choice([-1, 1]) * rng.uniform(0.1, 0.45), 3),
        "jitter": round(rng.uniform(0.5, 1.0), 2),
        "tone": round(rng.uniform(0.9, 0.96), 3),
        "order": rng.choice(["lines", "blocks"]),
        "dpi": rng.choice([110, 120, 150]),
        "fs": (7.5 if small else rng.choice([8.5, 9, 9.5])),
        "font": (rng.choice(["H", "T", "HN", "C"]) if producer == "groff" else
                 rng.choice(["Helvetica", "Helvetica", "Times-Roman", "Courier"])),
        "band1": rng.choice(["Datos del solicitante", "DATOS DEL SOLICITANTE", "Identificación del solicitante"]),
        "band2": rng.choice(["Detalle de la solicitud", "DETALLE DE LA SOLICITUD", "Rangos de numeración"]),
        "kind": "groff" if producer == "groff" else "text",
    }
    L = pick_labels(rng, rng.choice([True, True, False, None]))
    TH = pick_theads(rng)
    legal = legal_paragraphs(rng, d)
    if producer == "groff":
        pen = Pen(None, rng, v)
        src, popt = groff_src(d, v, L, TH, legal, pen)
        with open(btmp + ".tr", "w", encoding="utf-8") as f:
            f.write(src)
        groff_pdf(btmp + ".tr", tmp + ".pdf", extra=[popt])
    elif mode == "visible":
        c = SvgCanvas15(ttf=idx != 0) if producer == "chromium" else Canvas15("ps")
        pen = VisiblePen(c, rng, v)
        draw(c, pen, d, v, L, TH, legal, True)
        c.save(btmp, tmp + ".pdf")
    else:
        c = Canvas15("ps")
        pen = ScanPen(c, rng, v)
        draw(c, pen, d, v, L, TH, legal, False)
        scans = [(png, w, h, None) for png, w, h in scan_png(c, btmp, v["dpi"], rng, tone=int(v["tone"] * 255))]
        if mode == "under":
            scans = [(png, w, h, png_pixels(png, w, h)) for png, w, h, _ in scans]
            build_under(pen, scans, v, tmp + ".pdf", btmp)
        else:
            build_invisible(pen, scans, v, tmp + ".pdf", btmp)
    v["noisy"] = pen.noisy
    v["theads"] = TH
    v["labels"] = L
    del v["kind"]
    return producer, v


def png_pixels(png, w, h):
    """the gray pixels of one of our own PNGs (filter 0 rows, one IDAT)"""
    import struct
    data = open(png, "rb").read()
    pos, idat = 8, b""
    while pos < len(data):
        n = struct.unpack(">I", data[pos:pos + 4])[0]
        t = data[pos + 4:pos + 8]
        if t == b"IDAT":
            idat += data[pos + 8:pos + 8 + n]
        pos += 12 + n
    raw = zlib.decompress(idat)
    return b"".join(raw[y * (w + 1) + 1:(y + 1) * (w + 1)] for y in range(h))


# ------------------------------------------------------------------ groff
def groff_src(d, v, L, TH, legal, pen):
    rng = pen.rng
    small = v["paper"] == "A5"
    fs = 7 if small else 9
    popt, pl, pw = GROFF_PAPER[v["paper"]]
    PH = {"Letter": 792, "A4": 842, "Legal": 1008, "A5": 595}[v["paper"]]
    ll = pw - 2 * 50
    J = v["jitter"]

    def noisy(s, role):
        words = [w for w in pen.noise(s, role).split(" ") if w]
        out = []
        for i, w in enumerate(words):
            dy = rng.uniform(-J, J)
            gap = "" if i == 0 else " " + (f"\\h'{rng.uniform(0, 2.6):.1f}p'" if rng.random() < 0.6 else "")
            out.append(f"{gap}\\v'{dy:.2f}p'{groff_esc(w)}\\v'{-dy:.2f}p'")
        return "".join(out) or "\\&"

    def val(s, escaped=False):
        if not s:
            return "\\&"
        dy = rng.uniform(-J * 0.8, J * 0.8)
        return f"\\v'{dy:.2f}p'{s if escaped else groff_esc(s)}\\v'{-dy:.2f}p'"

    specks = [(rng.uniform(0, pw), rng.uniform(0, PH), rng.uniform(0.3, 0.9)) for _ in range(int(pw * PH / 1500))]
    out = [".nh", ".ad l", f".pl {pl}", f".ll {ll:.0f}p", ".po 50p", f".ps {fs}", f".vs {fs + 3}p",
           f".fam {v['font']}", ".de PT", groff_background(v["tone"], specks, pw, PH), ".sp 0.5c", "..",
           ".wh 0 PT", ".sp 0.2c", f".lt {ll:.0f}p",
           f".tl |\\s[{fs + 8}]\\fB{noisy('DIAN', 'run')}\\fP\\s0||\\s[{fs + 6}]\\fB1876\\fP\\s0|",
           ".ce 2", f"\\s[{fs + 2}]\\fB{noisy(TITLE, 'run')}\\fP\\s0",
           f"\\s[{max(5, fs - 1.5)}]{noisy(SUB, 'run')}\\s0", f"\\D'l {ll:.0f}p 0'", ".sp 0.5",
           f"\\fB{noisy(v['band1'], 'label')}\\fP", ".sp 0.2"]
    for row in tp_rows(d, L, wide=not small):
        tot = sum(r[3] for r in row)
        fmt = " ".join(f"lw({max(20, ll * wt / tot - 14):.0f}p)" for *_, wt in row) + "."
        cells = [f"T{{\n\\s[{max(5, fs - 2)}]{noisy(lab, 'label')}\\s0\n.br\n\\fB{val(vv)}\\fP\nT}}"
                 for key, lab, vv, wt in row]
        out += [".TS", "allbox tab(|);", fmt, "|".join(cells), ".TE"]

    def legal_part():
        res = [".ps 6", ".vs 7.8p", ".ad b"]
        for p in legal:
            res += [noisy(p, "run"), ".sp 0.3"]
        return res + [".ad l", f".ps {fs}", f".vs {fs + 3}p"]

    if v["pages"] == 2:
        out += [".sp 0.5"] + legal_part() + [".bp", ".ce 1", f"\\fB{noisy('Hoja 2', 'run')}\\fP", ".sp 0.3"]
    else:
        out += [".sp 0.5"]
    out += [f"\\fB{noisy(v['band2'], 'label')}\\fP", ".sp 0.2"]
    vt = dict(v, kind="text")
    keys, heads, aligns, rows, wrap = columns(d, vt, TH)
    _, _, _, grows, _ = columns(d, v, TH)
    weights = {"mod": 2.2, "req": 1.5, "modcode": 0.55, "reqcode": 0.55, "prefix": 0.8, "months": 0.9}
    widths, hs, bs = groff_fit(heads, rows, [weights.get(k, 1.2) for k in keys], wrap, ll, fs, v["font"])
    widths = [w + 3 for w in widths[:-1]] + [widths[-1]]
    out += [".TS", "allbox tab(|);", " ".join(["cb"] * len(keys)),
            " ".join(f"{al}w({w:.1f}p)" for al, w in zip(aligns, widths)) + "."]
    hcells = []
    for h in heads:
        parts = [noisy(p, "label") for p in h.split("\n")]
        hcells.append(f"T{{\n\\s[{hs:g}]" + "\n.br\n".join(parts) + "\\s0\nT}")
    out.append("|".join(hcells))
    for row in grows:
        cells = []
        for j, s in enumerate(row):
            sv = val(s, escaped=True) if "\\~" in s else val(s)
            cells.append(f"T{{\n\\s[{bs:g}]{sv}\\s0\nT}}" if j in wrap else f"\\s[{bs:g}]{sv}\\s0")
        out.append("|".join(cells))
    out.append(".TE")
    st = stamp_str(d, v["stamp_date"], v["time"])
    out += [".sp 0.8", f".in +{ll * 0.62:.0f}p", f"\\s[13]\\fB{noisy('DIAN', 'run')}\\fP\\s0", ".br",
            noisy("Fecha Acuse de Recibo", "label"), ".br", f"\\fB{val(st)}\\fP", ".br",
            noisy("Firmado", "label"), ".in", ".sp 0.6", "\\D'l 150p 0'", ".br",
            noisy("Firma del solicitante", "label"), ".sp 0.6"]
    if v["pages"] == 1:
        out += legal_part()
    return "\n".join(out) + "\n", popt
