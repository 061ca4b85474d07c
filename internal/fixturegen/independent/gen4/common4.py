"""Fourth batch: shared helpers on top of ../gen3/common3.py (which reuses
../gen2/common2.py, ../gen/common.py and ../gen/draw.py: truth format, NIT
check digit, dates, producers). Standard library only.

Adds: Spanish short dates ('15-ENE-2025', '15/01/2025'), a tiny PNG writer and
a pseudo-QR module matrix, a Canvas with raster images (PostScript `image`,
mutool %%Image) and an optional per-glyph, shuffled text mode."""
import base64
import hashlib
import os
import random
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "gen3"))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "gen2"))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "gen"))

from common3 import *  # noqa: F401,F403,E402
from common3 import Canvas3, make_doc2, ps_str, text_width, run, fmt_sep, NBSP, THIN, NNBSP  # noqa: E402
from draw import BASE14  # noqa: E402

ROOT4 = os.path.dirname(HERE)
OUT4 = os.path.join(ROOT4, "out4")
BUILD4 = os.path.join(ROOT4, "build4")

MES = ["ENE", "FEB", "MAR", "ABR", "MAY", "JUN", "JUL", "AGO", "SEP", "OCT", "NOV", "DIC"]
PAPERS = {"Letter": (612, 792), "A4": (595, 842), "Legal": (612, 1008), "A5": (420, 595)}


def d_mon(d):
    """15-ENE-2025"""
    return f"{d.day:02d}-{MES[d.month - 1]}-{d.year}"


def d_slash(d):
    """15/01/2025 (day first, as in Colombia)"""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def fmt_date(d, style):
    return {"iso": d.isoformat(), "mon": d_mon(d), "slash": d_slash(d)}[style]


def stamp_text(s, date_style, time_style):
    """one line: date then time, e.g. '15-ENE-2025 11:38:26 AM'"""
    tm = s.strftime("%I:%M:%S %p") if time_style == "ampm" else s.strftime("%H:%M:%S")
    return fmt_date(s.date(), date_style), tm


def verification_hex(d, n=96):
    """a CUFE-like hex string (SHA-384) that never holds a run of 5+ digits, so it
    cannot be mistaken for a form number or a NIT"""
    salt = 0
    while True:
        h = hashlib.sha384(f"{d.number}/{d.nit}/{salt}".encode()).hexdigest()[:n]
        run_, ok = 0, True
        for ch in h:
            run_ = run_ + 1 if ch.isdigit() else 0
            if run_ >= 5:
                ok = False
                break
        if ok:
            return h
        salt += 1


# ------------------------------------------------------------------ pseudo QR + PNG
def qr_matrix(seed, n=25):
    """n x n modules (1 = dark): three finder patterns, timing lines, seeded data"""
    rng = random.Random(seed)
    m = [[1 if rng.random() < 0.5 else 0 for _ in range(n)] for _ in range(n)]

    def finder(r0, c0):
        for r in range(-1, 8):
            for c in range(-1, 8):
                rr, cc = r0 + r, c0 + c
                if 0 <= rr < n and 0 <= cc < n:
                    inside = 0 <= r <= 6 and 0 <= c <= 6
                    ring = inside and (r in (0, 6) or c in (0, 6))
                    core = 2 <= r <= 4 and 2 <= c <= 4
                    m[rr][cc] = 1 if (ring or core) else 0
    finder(0, 0)
    finder(0, n - 7)
    finder(n - 7, 0)
    for i in range(8, n - 8):
        m[6][i] = m[i][6] = 1 if i % 2 == 0 else 0
    # alignment pattern
    a = n - 9
    for r in range(-2, 3):
        for c in range(-2, 3):
            m[a + r][a + c] = 1 if max(abs(r), abs(c)) != 1 else 0
    return m


def png_bytes(matrix, scale=4, quiet=4):
    n = len(matrix)
    size = (n + 2 * quiet) * scale
    rows = []
    for y in range(size):
        my = y // scale - quiet
        row = bytearray(b"\x00")
        for x in range(size):
            mx = x // scale - quiet
            dark = 0 <= my < n and 0 <= mx < n and matrix[my][mx]
            row.append(0 if dark else 255)
        rows.append(bytes(row))

    def chunk(t, data):
        return struct.pack(">I", len(data)) + t + data + struct.pack(">I", zlib.crc32(t + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def png_data_uri(matrix, scale=4):
    return "data:image/png;base64," + base64.b64encode(png_bytes(matrix, scale)).decode()


# ------------------------------------------------------------------ canvas
class Canvas4(Canvas3):
    """Canvas3 + raster images + optional shuffled per-glyph text.

    glyph_rng: when set, every text() call is broken into single glyphs (or words,
    if granularity == 'word'), each drawn by its own text object with an absolute
    position; at save time each page's text objects are put in random order
    after the page's graphics (lines, rectangles), so the content stream order
    says nothing about the reading order."""

    def __init__(self, kind, glyph_rng=None, granularity="glyph"):
        super().__init__(kind)
        self.glyph_rng = glyph_rng
        self.gran = granularity
        self.images = {}  # page index -> [(name, path)]
        self.textcmds = {}  # page index -> [cmd]

    def page(self, w, h, rotate=0, sideways=False):
        super().page(w, h, rotate, sideways)
        self.textcmds[len(self.pages) - 1] = []

    def image(self, x, y, w, h, matrix, png_path):
        """a pseudo-QR matrix as a raster image, top-left at (x, y)"""
        Y = self.H - y - h
        if self.kind == "ps":
            n = len(matrix)
            hexrows = "".join("".join("00" if v else "FF" for v in row) for row in matrix)
            self.cur.append(f"gsave {x:.2f} {Y:.2f} translate {w:.2f} {h:.2f} scale "
                            f"{n} {n} 8 [{n} 0 0 -{n} 0 {n}] <{hexrows}> image grestore")
        else:
            with open(png_path, "wb") as f:
                f.write(png_bytes(matrix, scale=1, quiet=0))
            pi = len(self.pages) - 1
            name = f"Im{len(self.images.get(pi, [])) + 1}"
            self.images.setdefault(pi, []).append((name, png_path))
            self.cur.append(f"q {w:.2f} 0 0 {h:.2f} {x:.2f} {Y:.2f} cm /{name} Do Q")

    def _emit(self, x, Y, s):
        f = BASE14[self.fontname]
        if self.kind == "ps":
            cmd = f"/{self.fontname}-L {self.size:g} SF {ps_str(s)} {x:.2f} {Y:.2f} LS"
        else:
            cmd = f"BT /{f} {self.size:g} Tf {x:.2f} {Y:.2f} Td {ps_str(s)} Tj ET"
        self.textcmds[len(self.pages) - 1].append(cmd)

    def text(self, x, y, s, align="l"):
        if not self.glyph_rng:
            return super().text(x, y, s, align)
        if s == "":
            return
        w = self.width(s)
        if align == "r":
            x -= w
        elif align == "c":
            x -= w / 2
        Y = self.H - y
        if self.gran == "word":
            pos = 0
            for word in s.split(" "):
                if word:
                    self._emit(x + self.width(s[:pos]), Y, word)
                pos += len(word) + 1
            return
        for i, ch in enumerate(s):
            if ch != " ":
                self._emit(x + self.width(s[:i]), Y, ch)

    def save(self, src_stem, pdf_path):
        # put the (shuffled) text objects after each page's graphics
        for i, page in enumerate(self.pages):
            cmds = page[2]
            tc = self.textcmds.get(i, [])
            if tc:
                self.glyph_rng.shuffle(tc)
                if self.kind == "ps":
                    cmds.append("0 setgray")
                else:
                    cmds.append("0 g 0 G")
                cmds.extend(tc)
        if self.kind == "ps" or not self.images:
            return super().save(src_stem, pdf_path)
        files = []
        for i, (w, h, cmds, rot, side) in enumerate(self.pages, 1):
            p = f"{src_stem}-p{i}.txt"
            hdr = [f"%%MediaBox 0 0 {w:g} {h:g}"]
            for name, tag in BASE14.items():
                hdr.append(f"%%Font {tag} {name}")
            for name, path in self.images.get(i - 1, []):
                hdr.append(f"%%Image {name} {path}")
            with open(p, "wb") as f:
                f.write(("\n".join(hdr + cmds) + "\n").encode("latin-1"))
            files.append(p)
        run(["mutool", "create", "-O", "compress", "-o", pdf_path] + files)


def range_rows_std(d, ms):
    """(modality, code, prefix, from, to, months, request, code) per range"""
    return [(kind_name(r.kind, ms), str(kind_code(r.kind)), r.prefix, r.frm, r.to, str(r.months),
             req_name(r.request, ms), str(req_code(r.request))) for r in d.ranges]


def wrap_cell(s, font, size, width):
    """wrap_text that also breaks single words longer than the width"""
    out = []
    for ln in wrap_text(s, font, size, width) or [""]:
        while text_width(ln, font, size) > width and len(ln) > 1:
            k = len(ln)
            while k > 1 and text_width(ln[:k], font, size) > width:
                k -= 1
            out.append(ln[:k])
            ln = ln[k:]
        out.append(ln)
    return out


def canvas_table(c, x0, y, widths, header, rows, aligns, F, FB, fs, hfs, pad,
                 rules="grid", head_gray=0.0, head_fill=None, body_font=None, lead=1.25,
                 head_font=None, rule_gray=0.0):
    """a simple wrapped table. header: list of labels (or None); rows: list of
    lists of strings. rules: grid | h (horizontal rules only). Returns new y."""
    body_font = body_font or F
    head_font = head_font or F
    xs = []
    x = x0
    for w in widths:
        xs.append(x)
        x += w
    tw = sum(widths)

    def hline(yy, lw=0.5):
        if rule_gray:
            c.gray(rule_gray)
        c.line(x0, yy, x0 + tw, yy, lw=lw)
        if rule_gray:
            c.gray(0)

    def do_row(cells, font, size, gray, fill, top):
        wl = [wrap_cell(s, font, size, w - 2 * pad) for s, w in zip(cells, widths)]
        nl = max(len(q) for q in wl)
        rh = nl * size * lead + 2 * pad
        if fill is not None:
            c.rect(x0, top, tw, rh, lw=0, fill=fill)
        if rules == "grid":
            if rule_gray:
                c.gray(rule_gray)
            for xx, w in zip(xs, widths):
                c.rect(xx, top, w, rh, lw=0.5)
            if rule_gray:
                c.gray(0)
        if gray:
            c.gray(gray)
        c.font(font, size)
        for q, xx, w, al in zip(wl, xs, widths, aligns):
            for j, ln in enumerate(q):
                yy = top + pad + size * 0.85 + j * size * lead
                tx = {"l": xx + pad, "r": xx + w - pad, "c": xx + w / 2}[al]
                c.text(tx, yy, ln, al)
        if gray:
            c.gray(0)
        if rules == "h":
            hline(top + rh, 0.4)
        return top + rh

    if header:
        if rules == "h":
            hline(y, 0.8)
        y = do_row(header, head_font, hfs, head_gray, head_fill, y)
    elif rules == "h":
        hline(y, 0.8)
    for r in rows:
        y = do_row(r, body_font, fs, 0, None, y)
    return y


def fit_widths(weights, header, rows, hfont, hfs, bfont, bfs, TW, pad):
    """column widths proportional to weights but never narrower than the
    longest word of the column (+ padding); None if even that does not fit"""
    n = len(weights)
    mins = []
    for j in range(n):
        m = 0
        if header:
            m = max([text_width(w, hfont, hfs) for w in header[j].replace(NBSP, " ").split()] + [0])
        for r in rows:
            m = max([m] + [text_width(w, bfont, bfs) for w in str(r[j]).replace(NBSP, " ").split()])
        mins.append(m + 2 * pad + 1.5)
    if sum(mins) > TW:
        return None
    tot = sum(weights)
    ws = [max(TW * w / tot, mn) for w, mn in zip(weights, mins)]
    excess = sum(ws) - TW
    if excess > 0:
        slack = [w - mn for w, mn in zip(ws, mins)]
        s = sum(slack)
        ws = [w - excess * sl / s for w, sl in zip(ws, slack)]
    return ws
