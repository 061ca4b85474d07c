"""Tiny drawing back-ends with one API (top-left coordinates, y = baseline
from the top of the page): hand-written PostScript (for Ghostscript ps2pdf)
and raw PDF content streams (for `mutool create`)."""
import math
import os

from common import ps_str, text_width, run

PS_PROLOGUE = r"""%!PS-Adobe-3.0
%%Creator: indep-1876 hand-written PostScript
%%EndComments
/LatinEnc ISOLatin1Encoding 256 array copy def
LatinEnc 39 /quotesingle put LatinEnc 96 /grave put LatinEnc 45 /hyphen put
/reencode { % newname basename
  findfont dup length dict begin
  { 1 index /FID ne { def } { pop pop } ifelse } forall
  /Encoding LatinEnc def currentdict end definefont pop } bind def
/Helvetica-L /Helvetica reencode
/Helvetica-Bold-L /Helvetica-Bold reencode
/Times-Roman-L /Times-Roman reencode
/Times-Bold-L /Times-Bold reencode
/Courier-L /Courier reencode
/Courier-Bold-L /Courier-Bold reencode
/SF { exch findfont exch scalefont setfont } bind def
/LS { moveto show } bind def
/RS { moveto dup stringwidth pop neg 0 rmoveto show } bind def
/CS { moveto dup stringwidth pop 2 div neg 0 rmoveto show } bind def
/LEAD { % x1 x2 y : dots from x1 to x2
  /ly exch def /lx2 exch def /lx1 exch def
  lx1 3 div ceiling 3 mul 3 lx2 { ly moveto (.) show } for } bind def
"""

BASE14 = {"Helvetica": "F1", "Helvetica-Bold": "F2", "Times-Roman": "F3",
          "Times-Bold": "F4", "Courier": "F5", "Courier-Bold": "F6"}


class Canvas:
    def __init__(self, kind):
        self.kind = kind  # "ps" or "mu"
        self.pages = []
        self.cur = None
        self.W = self.H = 0
        self.fontname = "Helvetica"
        self.size = 10

    # -- page handling
    def page(self, w, h):
        self.W, self.H = w, h
        self.cur = []
        self.pages.append((w, h, self.cur))
        self.fontname = None

    def font(self, name, size):
        self.fontname, self.size = name, size
        if self.kind == "ps":
            self.cur.append(f"/{name}-L {size:g} SF")

    def gray(self, g):
        self.cur.append(f"{g:g} setgray" if self.kind == "ps" else f"{g:g} g {g:g} G")

    def width(self, s, font=None, size=None):
        return text_width(s, font or self.fontname, size or self.size)

    # -- primitives
    def text(self, x, y, s, align="l"):
        if s == "":
            return
        Y = self.H - y
        if self.kind == "ps":
            op = {"l": "LS", "r": "RS", "c": "CS"}[align]
            self.cur.append(f"{ps_str(s)} {x:.2f} {Y:.2f} {op}")
        else:
            w = self.width(s)
            if align == "r":
                x -= w
            elif align == "c":
                x -= w / 2
            f = BASE14[self.fontname]
            self.cur.append(f"BT /{f} {self.size:g} Tf {x:.2f} {Y:.2f} Td {ps_str(s)} Tj ET")

    def spaced(self, x, y, s, pitch, align="l"):
        """one character per cell of width `pitch`, each centred in its cell"""
        if align == "r":
            x -= pitch * len(s)
        for i, ch in enumerate(s):
            self.text(x + pitch * (i + 0.5), y, ch, "c")

    def line(self, x1, y1, x2, y2, lw=0.5):
        Y1, Y2 = self.H - y1, self.H - y2
        if self.kind == "ps":
            self.cur.append(f"{lw:g} setlinewidth newpath {x1:.2f} {Y1:.2f} moveto {x2:.2f} {Y2:.2f} lineto stroke")
        else:
            self.cur.append(f"{lw:g} w {x1:.2f} {Y1:.2f} m {x2:.2f} {Y2:.2f} l S")

    def rect(self, x, y, w, h, lw=0.5, fill=None):
        """x,y = top-left"""
        Y = self.H - y - h
        if self.kind == "ps":
            if fill is not None:
                self.cur.append(f"gsave {fill:g} setgray {x:.2f} {Y:.2f} {w:.2f} {h:.2f} rectfill grestore")
            if lw:
                self.cur.append(f"{lw:g} setlinewidth {x:.2f} {Y:.2f} {w:.2f} {h:.2f} rectstroke")
        else:
            if fill is not None:
                self.cur.append(f"q {fill:g} g {x:.2f} {Y:.2f} {w:.2f} {h:.2f} re f Q")
            if lw:
                self.cur.append(f"{lw:g} w {x:.2f} {Y:.2f} {w:.2f} {h:.2f} re S")

    def leaders(self, x1, x2, y):
        if x2 - x1 < 4:
            return
        if self.kind == "ps":
            self.cur.append(f"{x1:.2f} {x2:.2f} {self.H - y:.2f} LEAD")
        else:
            dw = self.width(".")
            self.text(x1, y, "." * max(1, int((x2 - x1) / max(dw, 1))))

    def circle(self, cx, cy, r, lw=0.8):
        CY = self.H - cy
        if self.kind == "ps":
            self.cur.append(f"{lw:g} setlinewidth newpath {cx:.2f} {CY:.2f} {r:.2f} 0 360 arc closepath stroke")
        else:
            k = 0.5523 * r
            self.cur.append(
                f"{lw:g} w {cx + r:.2f} {CY:.2f} m "
                f"{cx + r:.2f} {CY + k:.2f} {cx + k:.2f} {CY + r:.2f} {cx:.2f} {CY + r:.2f} c "
                f"{cx - k:.2f} {CY + r:.2f} {cx - r:.2f} {CY + k:.2f} {cx - r:.2f} {CY:.2f} c "
                f"{cx - r:.2f} {CY - k:.2f} {cx - k:.2f} {CY - r:.2f} {cx:.2f} {CY - r:.2f} c "
                f"{cx + k:.2f} {CY - r:.2f} {cx + r:.2f} {CY - k:.2f} {cx + r:.2f} {CY:.2f} c S")

    def arc_text(self, cx, cy, r, s, start_deg, span_deg):
        """characters placed clockwise along a circle, each rotated"""
        CY = self.H - cy
        n = len(s)
        for i, ch in enumerate(s):
            a = math.radians(start_deg - span_deg * i / max(n - 1, 1))
            x = cx + r * math.cos(a)
            y = CY + r * math.sin(a)
            rot = math.degrees(a) - 90
            if self.kind == "ps":
                self.cur.append(f"gsave {x:.2f} {y:.2f} translate {rot:.2f} rotate "
                                f"{ps_str(ch)} 0 0 CS grestore")
            else:
                c, sn = math.cos(math.radians(rot)), math.sin(math.radians(rot))
                w = self.width(ch)
                f = BASE14[self.fontname]
                self.cur.append(f"BT /{f} {self.size:g} Tf {c:.4f} {sn:.4f} {-sn:.4f} {c:.4f} "
                                f"{x - c * w / 2:.2f} {y - sn * w / 2:.2f} Tm {ps_str(ch)} Tj ET")

    # -- output
    def save(self, src_stem, pdf_path):
        if self.kind == "ps":
            parts = [PS_PROLOGUE]
            for i, (w, h, cmds) in enumerate(self.pages, 1):
                parts.append(f"%%Page: {i} {i}\n<< /PageSize [{w:g} {h:g}] >> setpagedevice\n")
                parts.append("0 setgray\n" + "\n".join(cmds) + "\nshowpage\n")
            parts.append("%%EOF\n")
            ps = src_stem + ".ps"
            with open(ps, "wb") as f:
                f.write("".join(parts).encode("latin-1"))
            run(["ps2pdf", "-dAutoRotatePages=/None", ps, pdf_path])
        else:
            files = []
            for i, (w, h, cmds) in enumerate(self.pages, 1):
                p = f"{src_stem}-p{i}.txt"
                hdr = [f"%%MediaBox 0 0 {w:g} {h:g}"]
                for name, tag in BASE14.items():
                    hdr.append(f"%%Font {tag} {name}")
                with open(p, "wb") as f:
                    f.write(("\n".join(hdr + cmds) + "\n").encode("latin-1"))
                files.append(p)
            run(["mutool", "create", "-O", "compress", "-o", pdf_path] + files)
