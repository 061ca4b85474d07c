"""Sixth batch: shared helpers on top of ../gen4/common4.py (which reuses
gen3, gen2 and gen: truth format, NIT check digit, dates, producers).
Standard library only.

Adds: very long business names, a content tweak (non-authorization requests,
empty prefixes), Canvas6 (in-order glyph-by-glyph text, fake-bold values drawn
twice, a record of every text item with its block, for an OCR layer), a gray
PNG writer, a tiny raw PDF writer with Form XObjects, and draw_form(): a plain
two-page official-style form (ruled cells, label on top and value below; ranges
table; circular stamp) whose values go through Canvas6.value() so a family can
treat them differently from the template."""
import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "gen4"))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "gen3"))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "gen2"))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "gen"))

from common4 import *  # noqa: F401,F403,E402
from common4 import Canvas3, ps_str, text_width, run, fmt_sep, BASE14  # noqa: E402

IND = os.path.dirname(HERE)
OUT6 = os.environ.get("INDEP_OUT6", os.path.join(IND, "out6"))
BUILD6 = os.environ.get("INDEP_BUILD6", os.path.join(IND, "build6"))

LONG_NAMES = [
    "COOPERATIVA DE TRABAJO ASOCIADO DE PRODUCTORES AGROPECUARIOS Y PESQUEROS DEL BAJO MAGDALENA Y SUR DEL CESAR",
    "SOCIEDAD DE COMERCIALIZACIÓN INTERNACIONAL DE CAFÉS ESPECIALES DE ORIGEN DE LA SIERRA NEVADA DE SANTA MARTA S.A.S.",
    "INSTITUCIÓN PRESTADORA DE SERVICIOS DE SALUD CLÍNICA ESPECIALIZADA DE REHABILITACIÓN FÍSICA Y NEUROLÓGICA IPS S.A.S.",
    "ASOCIACIÓN MUTUAL DE TRANSPORTADORES DE CARGA PESADA Y SERVICIOS LOGÍSTICOS DEL EJE CAFETERO Y NORTE DEL VALLE",
    "FONDO DE EMPLEADOS DE LAS EMPRESAS DE SERVICIOS PÚBLICOS DOMICILIARIOS DE ACUEDUCTO ALCANTARILLADO Y ASEO DE BOYACÁ",
    "CORPORACIÓN EDUCATIVA PARA LA FORMACIÓN TÉCNICA Y TECNOLÓGICA EN OFICIOS DE LA CONSTRUCCIÓN Y LA METALMECÁNICA",
]


def tweak_doc(d, rng, long_prob=0.35, other_req_prob=0.12, empty_prefix_prob=0.06):
    """content variety: very long business names, more habilitación /
    inhabilitación rows, some empty prefixes (docs §4: a prefix may be empty)"""
    if not d.natural and rng.random() < long_prob:
        d.rs = rng.choice(LONG_NAMES)
    for r in d.ranges:
        if rng.random() < other_req_prob:
            r.request = rng.choice(["enablement", "disablement"])
        if rng.random() < empty_prefix_prob:
            r.prefix = ""


def bold_of(f):
    return {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}.get(f, f)


class Canvas6(Canvas3):
    """glyph=True: every character its own show operation at an explicit
    position (in reading order). bold_dx > 0: value() draws the value twice,
    the second copy bold_dx points to the right (fake bold). record=True: keep
    every text item (x, baseline Y in PDF units, string, font, size, block)."""

    def __init__(self, kind, glyph=False, bold_dx=0.0, record=False):
        super().__init__(kind)
        self.glyph = glyph
        self.bold_dx = bold_dx
        self.record = record
        self.rec = []  # per page
        self.blk = 0

    def page(self, w, h, rotate=0, sideways=False):
        super().page(w, h, rotate, sideways)
        self.rec.append([])

    def block(self):
        self.blk += 1

    def text(self, x, y, s, align="l"):
        if s == "":
            return
        w = self.width(s)
        if align == "r":
            x -= w
        elif align == "c":
            x -= w / 2
        if self.record:
            self.rec[-1].append((x, self.H - y, s, self.fontname, self.size, self.blk))
        if not self.glyph:
            return super().text(x, y, s, "l")
        Y = self.H - y
        if self.kind == "ps":
            for i, ch in enumerate(s):
                if ch != " ":
                    self.cur.append(f"{ps_str(ch)} {x + self.width(s[:i]):.2f} {Y:.2f} LS")
        else:
            f = BASE14[self.fontname]
            ops = [f"BT /{f} {self.size:g} Tf"]
            for i, ch in enumerate(s):
                if ch != " ":
                    ops.append(f"1 0 0 1 {x + self.width(s[:i]):.2f} {Y:.2f} Tm {ps_str(ch)} Tj")
            ops.append("ET")
            self.cur.append("\n".join(ops))

    def value(self, x, y, s, align="l", box=None, key=""):
        self.text(x, y, s, align)
        if self.bold_dx:
            rec, self.record = self.record, False
            self.text(x + self.bold_dx, y, s, align)
            self.record = rec


# ------------------------------------------------------------------ PNG / PGM
def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    parts, pos = [], 0
    while len(parts) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            while data[pos:pos + 1] != b"\n":
                pos += 1
            continue
        st = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        parts.append(data[st:pos])
    pos += 1
    w, h = int(parts[1]), int(parts[2])
    return w, h, bytearray(data[pos:pos + w * h])


def gray_png(w, h, pix):
    raw = b"".join(b"\x00" + bytes(pix[y * w:(y + 1) * w]) for y in range(h))

    def chunk(t, data):
        return struct.pack(">I", len(data)) + t + data + struct.pack(">I", zlib.crc32(t + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


# ------------------------------------------------------------------ raw PDF writer
class RawPDF:
    """minimal PDF 1.4 writer: Base14 fonts (WinAnsi), pages with a content
    stream, Form XObjects (with BBox and resources), /Rotate."""

    def __init__(self):
        self.objs = []  # bytes bodies, 1-based ids
        self.fonts = {}
        for name, tag in BASE14.items():
            self.fonts[tag] = self.add(f"<< /Type /Font /Subtype /Type1 /BaseFont /{name} "
                                       f"/Encoding /WinAnsiEncoding >>".encode())
        self.pages = []

    def add(self, body):
        self.objs.append(body)
        return len(self.objs)

    def stream(self, dict_extra, data):
        data = zlib.compress(data)
        return self.add(f"<< {dict_extra} /Filter /FlateDecode /Length {len(data)} >>\nstream\n".encode()
                        + data + b"\nendstream")

    def res(self, xobjs=None):
        f = " ".join(f"/{t} {i} 0 R" for t, i in self.fonts.items())
        x = ""
        if xobjs:
            x = " /XObject << " + " ".join(f"/{n} {i} 0 R" for n, i in xobjs.items()) + " >>"
        return f"<< /Font << {f} >>{x} >>"

    def form(self, bbox, content, xobjs=None):
        b = " ".join(f"{v:.2f}" for v in bbox)
        return self.stream(f"/Type /XObject /Subtype /Form /BBox [{b}] /Resources {self.res(xobjs)}",
                           content.encode("latin-1"))

    def page(self, w, h, content, xobjs=None, rotate=0):
        cid = self.stream("", content.encode("latin-1"))
        self.pages.append((w, h, cid, self.res(xobjs), rotate))

    def save(self, path):
        pages_id = len(self.objs) + 1
        kids = []
        nxt = pages_id + 1
        page_bodies = []
        for w, h, cid, res, rot in self.pages:
            r = f" /Rotate {rot}" if rot else ""
            page_bodies.append(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {w:g} {h:g}]{r} "
                               f"/Resources {res} /Contents {cid} 0 R >>".encode())
            kids.append(nxt)
            nxt += 1
        self.add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode())
        for b in page_bodies:
            self.add(b)
        cat = self.add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
        info = self.add(b"<< /Producer (indep-1876 gen6 raw writer) >>")
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offs = []
        for i, body in enumerate(self.objs, 1):
            offs.append(len(out))
            out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(self.objs) + 1}\n0000000000 65535 f \n".encode()
        for o in offs:
            out += f"{o:010d} 00000 n \n".encode()
        out += (f"trailer\n<< /Size {len(self.objs) + 1} /Root {cat} 0 R /Info {info} 0 R >>\n"
                f"startxref\n{xref}\n%%EOF\n").encode()
        with open(path, "wb") as f:
            f.write(out)


# ------------------------------------------------------------------ the plain form
def form_variant(rng):
    lstyle = rng.choice(["std", "std", "abbrev", "upper", "noacc", "dvlong"])
    return {"labels": lstyle, "modality_case": rng.choice(["upper", "upper", "title", "noacc"]),
            "sep": rng.choice([",", ",", ".", ""]), "paper": rng.choice(["Letter", "A4"]),
            "font": rng.choice(["Helvetica", "Helvetica", "Times-Roman"]),
            "font_pt": rng.choice([8, 8.5, 9]), "date_cols": rng.random() < 0.5,
            "stamp": rng.choice(["slash-ampm", "space-24h", "two-lines"])}


def draw_form(c, d, v, legal):
    """two pages: page 1 applicant cells (label on top, value below; the
    razón social may wrap over two lines), page 2 ranges table + stamp"""
    L = labels(v["labels"])
    PW, PH = PAPERS[v["paper"]]
    M = 42
    TW = PW - 2 * M
    F = v["font"]
    FB = bold_of(F)
    fs = v["font_pt"]
    ms = v["modality_case"]

    def header(y, sub):
        c.block()
        c.font(FB, fs + 9)
        c.text(M, y + 16, "DIAN")
        c.font(FB, fs + 3)
        c.text(M + TW / 2, y + 8, L["title"], "c")
        c.font(F, fs - 1)
        c.text(M + TW / 2, y + 19, sub, "c")
        c.rect(M + TW - 54, y - 2, 54, 24, lw=0.8)
        c.font(FB, fs + 7)
        c.text(M + TW - 27, y + 16, "1876", "c")
        c.line(M, y + 27, M + TW, y + 27, lw=1.2)
        return y + 38

    def cells(y, spec, h):
        """spec: [(key, label, value, weight)]; value may be a list of lines"""
        tot = sum(s[3] for s in spec)
        x = M
        for key, lab, val, wgt in spec:
            w = TW * wgt / tot
            c.rect(x, y, w, h, lw=0.6)
            c.block()
            c.font(F, fs - 1.5)
            c.text(x + 3, y + fs - 0.5, lab)
            lines = val if isinstance(val, list) else [val]
            c.font(FB, fs + 1)
            for j, ln in enumerate(lines):
                if ln:
                    by = y + fs + 4 + j * (fs + 3)
                    c.value(x + 5, by + fs + 1, ln, "l", box=(x + 2, by, w - 4, fs + 3.5), key=key)
            x += w
        return y + h

    # -------- page 1
    c.page(PW, PH)
    y = header(M, L["subtitle"])
    c.rect(M, y, TW, 15, lw=0, fill=0.88)
    c.block()
    c.font(FB, fs + 1)
    c.text(M + 4, y + 11, L["applicant"])
    y += 15
    h1 = fs * 2 + 12
    y = cells(y, [("year", L["year"], d.year, 1), ("number", L["number"], d.number, 3),
                  ("secc", L["secc"], d.secc, 1.6)], h1)
    y = cells(y, [("nit", L["nit"], d.nit, 3), ("dv", L["dv"], str(d.dv), 0.7)], h1)
    y = cells(y, [("ap1", L["ap1"], d.ap1, 1), ("ap2", L["ap2"], d.ap2, 1),
                  ("n1", L["n1"], d.n1, 1), ("n2", L["n2"], d.n2, 1)], h1)
    rsl = wrap_text(d.rs, FB, fs + 1, TW - 12) if d.rs else [""]
    y = cells(y, [("rs", L["rs"], rsl, 1)], fs * 2 + 10 + (fs + 3) * max(1, len(rsl)))
    y += 14
    c.rect(M, y, TW, 46, lw=0.6)
    c.block()
    c.font(F, fs - 1)
    c.text(M + 4, y + fs + 2, L["reserved"])
    y += 62
    c.block()
    for p in legal:
        for ln in wrap_text(p, F, fs - 1, TW):
            c.text(M, y, ln)
            y += fs + 1
        y += 4
    c.block()
    c.text(M + TW, PH - 26, "Página 1 de 2", "r")
    # -------- page 2
    c.page(PW, PH)
    y = header(M, "Hoja 2")
    c.rect(M, y, TW, 15, lw=0, fill=0.88)
    c.block()
    c.font(FB, fs + 1)
    c.text(M + 4, y + 11, L["detail"])
    y += 20
    cols = [(L["mod"], 2.5, "l"), (L["modcode"], 0.45, "c"), (L["prefix"], 0.75, "c"),
            (L["from"], 1.25, "r"), (L["to"], 1.25, "r"), (L["months"], 0.85, "c")]
    if v["date_cols"]:
        cols += [(L["vfrom"], 1.15, "c"), (L["vto"], 1.15, "c")]
    cols += [(L["req"], 1.45, "l"), (L["reqcode"], 0.45, "c")]
    head = [h for h, _, _ in cols]
    rows = []
    for r in d.ranges:
        row = [kind_name(r.kind, ms), str(kind_code(r.kind)), r.prefix, fmt_sep(r.frm, v["sep"]),
               fmt_sep(r.to, v["sep"]), str(r.months)]
        if v["date_cols"]:
            row += [r.valid_from.isoformat(), r.valid_to.isoformat()]
        row += [req_name(r.request, ms), str(req_code(r.request))]
        rows.append(row)
    hfs = fs - 1.5
    bfs = fs
    widths = None
    while widths is None:
        widths = fit_widths([w for _, w, _ in cols], head, rows, F, hfs, F, bfs, TW, 3)
        if widths is None:
            bfs -= 0.5
    xs = [M]
    for w in widths[:-1]:
        xs.append(xs[-1] + w)
    # header row
    hl = [wrap_cell(h, F, hfs, w - 6) for h, w in zip(head, widths)]
    hh = max(len(q) for q in hl) * hfs * 1.2 + 6
    c.rect(M, y, TW, hh, lw=0, fill=0.9)
    c.font(F, hfs)
    for q, x, w in zip(hl, xs, widths):
        c.rect(x, y, w, hh, lw=0.5)
        c.block()
        for j, ln in enumerate(q):
            c.text(x + w / 2, y + 3 + hfs * 0.9 + j * hfs * 1.2, ln, "c")
    y += hh
    for row in rows:
        wl = [wrap_cell(s, F, bfs, w - 6) for s, w in zip(row, widths)]
        rh = max(len(q) for q in wl) * bfs * 1.25 + 6
        c.font(F, bfs)
        for j, (q, x, w, (_, _, al)) in enumerate(zip(wl, xs, widths, cols)):
            c.rect(x, y, w, rh, lw=0.5)
            c.block()
            for k, ln in enumerate(q):
                tx = {"l": x + 3, "r": x + w - 3, "c": x + w / 2}[al]
                by = y + 3 + k * bfs * 1.25
                c.value(tx, by + bfs * 0.9, ln, al, box=(x + 1, by, w - 2, bfs * 1.25), key=f"cell{j}")
        y += rh
    for _ in range(v.get("blank_rows", 0)):
        rh = bfs * 1.25 + 6
        for x, w in zip(xs, widths):
            c.rect(x, y, w, rh, lw=0.5)
        y += rh
    # stamp
    sl = stamp_lines(d, v["stamp"])
    R = 62
    cx, cy = M + TW - R - 10, y + 30 + R
    c.circle(cx, cy, R, lw=1.3)
    c.circle(cx, cy, R - 4, lw=0.5)
    c.block()
    c.font(FB, fs + 3)
    c.text(cx, cy - 28, "DIAN", "c")
    c.font(F, fs - 1)
    c.text(cx, cy - 15, L["stamp"], "c")
    c.font(FB, fs + 1)
    yy = cy + 2
    for ln in sl:
        c.value(cx, yy, ln, "c", box=(cx - R + 8, yy - fs - 1, 2 * R - 16, fs + 4), key="stamp")
        yy += fs + 4
    c.font(F, fs - 1)
    c.text(cx, cy + R - 16, L["signed"], "c")
    c.block()
    c.line(M, cy + R - 8, M + 180, cy + R - 8, lw=0.5)
    c.text(M, cy + R + 2, L["sign"])
    c.block()
    c.text(M + TW, PH - 26, "Página 2 de 2", "r")
    return L
