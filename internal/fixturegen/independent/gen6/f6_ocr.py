"""Family ocr-scan-text-layer: a SCANNED copy of the two-page form: each page
is one grayscale raster image (the form rendered at 110-150 dpi, with a grey
paper tone and speckles), and the only text is an OCR layer laid over it the way
OCR tools (OCRmyPDF / Tesseract style) write it: one text object per WORD, at
the word's position with a slightly wrong font size and jittered baseline,
squeezed or stretched to the word's width with horizontal scaling (Tz), in
Helvetica whatever the printed font was. Word order follows either the lines of
the page ('lines') or OCR blocks, i.e. cell by cell (each label, each value and
each table cell a block of its own, 'blocks'). mutool documents use invisible
text (rendering mode 3) over the image; Ghostscript documents draw the words
in ordinary black text UNDER the opaque page image (hidden behind it). The form
under the scan is a plain official-style form (ruled cells, label on top and
value below, long business names over two lines; ranges table with optional
start/end dates; circular stamp, date horizontal). 1 to 8 ranges;
habilitación / inhabilitación rows and empty prefixes appear.
Producers: mutool create, Ghostscript (PostScript)."""
import glob
import os

from common6 import *

FAMILY = "ocr-scan-text-layer"


def doc_params(rng, idx):
    return {"nranges": [2, 1, 4, 6, 3, 8, 1, 5, 2, 7, 3, 4][idx % 12], "natural_prob": 0.4, "empty_prefix_prob": 0.04}


def scan_pages(inner, bstem, dpi, rng):
    """render the form (PostScript) to gray pixels, add paper tone + speckles"""
    inner.save(bstem + "-form", bstem + "-form.pdf")
    for p in glob.glob(bstem + "-scan-*.pgm"):
        os.remove(p)
    run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pgmraw", f"-r{dpi}", "-dTextAlphaBits=4",
         "-dGraphicsAlphaBits=4", f"-sOutputFile={bstem}-scan-%d.pgm", bstem + "-form.pdf"])
    tone = rng.randint(228, 246)
    table = bytes(int(p * tone / 255) + rng.choice([0, 0, 1]) * 0 for p in range(256))
    out = []
    for i in range(1, len(inner.pages) + 1):
        w, h, pix = read_pgm(f"{bstem}-scan-{i}.pgm")
        pix = bytearray(bytes(pix).translate(table))
        for _ in range(w * h // 4000):
            k = rng.randrange(w * h)
            pix[k] = rng.randint(60, 160)
        out.append((w, h, pix))
    return out


def ocr_words(rec, rng, order):
    """(x, Y, word, size, Tz%) per recognised word, in OCR output order"""
    words = []
    for x, Y, s, font, size, blk in rec:
        pos = 0
        for wd in s.split(" "):
            if wd:
                wx = x + text_width(s[:pos], font, size)
                ww = text_width(wd, font, size)
                osz = round(size * rng.uniform(0.92, 1.12), 1)
                hw = text_width(wd, "Helvetica", osz)
                tz = 100 * ww / hw if hw else 100
                words.append((blk, round(Y + rng.uniform(-0.5, 0.5), 2), wx, wd, osz, tz))
            pos += len(wd) + 1
    if order == "lines":
        words.sort(key=lambda t: (-round(t[1] / 3), t[2]))
    else:
        words.sort(key=lambda t: (t[0], -t[1], t[2]))
    return [(wx, Y, wd, osz, tz) for _b, Y, wx, wd, osz, tz in words]


def render(d, rng, idx, stem, bstem):
    tweak_doc(d, rng)
    producer = "mutool" if idx % 2 == 0 else "gs"
    v = form_variant(rng)
    v["dpi"] = rng.choice([110, 120, 150])
    v["order"] = rng.choice(["lines", "blocks"])
    legal = legal_paragraphs(rng, d)
    inner = Canvas6("ps", record=True)
    draw_form(inner, d, v, legal)
    scans = scan_pages(inner, bstem, v["dpi"], rng)
    if producer == "mutool":
        files = []
        for i, ((pw, ph, _c, _r, _s), (w, h, pix), rec) in enumerate(zip(inner.pages, scans, inner.rec), 1):
            png = f"{bstem}-scan-{i}.png"
            with open(png, "wb") as f:
                f.write(gray_png(w, h, pix))
            body = [f"%%MediaBox 0 0 {pw:g} {ph:g}", "%%Font F1 Helvetica", f"%%Image Im1 {png}",
                    f"q {pw:g} 0 0 {ph:g} 0 0 cm /Im1 Do Q", "BT 3 Tr"]
            for x, Y, wd, osz, tz in ocr_words(rec, rng, v["order"]):
                body.append(f"/F1 {osz:g} Tf {tz:.1f} Tz 1 0 0 1 {x:.2f} {Y:.2f} Tm {ps_str(wd)} Tj")
            body.append("ET")
            p = f"{bstem}-p{i}.txt"
            with open(p, "wb") as f:
                f.write(("\n".join(body) + "\n").encode("latin-1"))
            files.append(p)
        run(["mutool", "create", "-O", "compress", "-o", stem + ".pdf"] + files)
    else:
        parts = [PS_PROLOGUE6]
        for i, ((pw, ph, _c, _r, _s), (w, h, pix), rec) in enumerate(zip(inner.pages, scans, inner.rec), 1):
            parts.append(f"%%Page: {i} {i}\n<< /PageSize [{pw:g} {ph:g}] >> setpagedevice\n0 setgray\n")
            for x, Y, wd, osz, tz in ocr_words(rec, rng, v["order"]):
                parts.append(f"/Helvetica-L findfont [{osz * tz / 100:.3f} 0 0 {osz:g} 0 0] makefont setfont "
                             f"{x:.2f} {Y:.2f} moveto {ps_str(wd)} show\n")
            data = zlib.compress(bytes(pix), 9).hex()
            lines = "\n".join(data[k:k + 120] for k in range(0, len(data), 120))
            parts.append(f"gsave {pw:g} {ph:g} scale\n{w} {h} 8 [{w} 0 0 -{h} 0 {h}]\n"
                         f"currentfile /ASCIIHexDecode filter /FlateDecode filter image\n{lines}>\n"
                         f"grestore\nshowpage\n")
        parts.append("%%EOF\n")
        with open(bstem + ".ps", "wb") as f:
            f.write("".join(parts).encode("latin-1"))
        run(["ps2pdf", "-dAutoRotatePages=/None", bstem + ".ps", stem + ".pdf"])
    for p in glob.glob(bstem + "-scan-*.pgm"):
        os.remove(p)
    return producer, v


PS_PROLOGUE6 = """%!PS-Adobe-3.0
%%Creator: indep-1876 gen6 scan + OCR layer
%%EndComments
/LatinEnc ISOLatin1Encoding 256 array copy def
LatinEnc 39 /quotesingle put LatinEnc 96 /grave put LatinEnc 45 /hyphen put
/Helvetica findfont dup length dict begin
  { 1 index /FID ne { def } { pop pop } ifelse } forall
  /Encoding LatinEnc def currentdict end /Helvetica-L exch definefont pop
"""
