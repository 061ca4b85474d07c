"""Family duplicate-copies: ONE authorization PRINTED TWICE IN ONE PDF. The truth
is the single authorization (its ranges once, in the printed order), never two.

Four arrangements, cycled over the documents so that every producer gets three:
- 'stacked': the complete two-page form (taxpayer boxes, reserved box and legal
  text on page 1; 'Hoja 2' with the ranges table, the reception stamp and the
  signature line on page 2; a long table continues on a further page under a
  repeated header), then the SAME pages again. The two copies are identical
  down to the last point, either unmarked or tagged 'ORIGINAL' / 'COPIA'
  ('COPIA 1 DE 2' / 'COPIA 2 DE 2', 'ORIGINAL' / 'COPIA CONTRIBUYENTE'), and
  sometimes carry the same print line ('Impreso: <date> <time>') at the foot.
- 'reprint': the form, then a REPRINT that differs in layout details: another
  paper size (Letter, A4, Legal, A5; groff keeps the paper), another font and
  size, another number grouping ('1.000' / '1,000' / '1 000' / '1000'),
  another date style in the date columns (when the first copy has them), and
  in some documents another stamp date style, label wording, modality case,
  date columns or stamp shape. The reprint opens with 'REIMPRESIÓN - Fecha de
  impresión: <later date> <time>' (a date printed with a time, in the stamp's
  own style in some documents) and the first copy may carry its own earlier
  print line; the reception stamp (date and time) is the same in both.
- 'side': two compact copies SIDE BY SIDE on one landscape page (Letter, A4 or
  Legal turned), 'ORIGINAL' left and 'COPIA' right, split by a dashed cut line,
  so a text extractor sets the two copies' rows on the same lines. Identical
  copies, or the right one in another font / size / number grouping.
- 'uncollated': two identical copies printed uncollated, page order 1, 1, 2, 2
  (both copies' taxpayer page, then both copies' ranges page), tagged or not.
Taxpayer boxes with box numbers (DIAN wording, abbreviated, all caps, without
accents, without the dot after the number, long DV label), 1-6 ranges with
all three request types, optional 'Fecha inicial' / 'Fecha final' columns in
one of seven date styles, stamp date ISO (mostly), dd/mm/aaaa, 03-MAR-2025,
dd.mm.aaaa or aaaa/mm/dd with a 12 h, 24 h or 'a. m.' time, round or square.
Producers: Chromium (HTML, named @page sizes), Ghostscript (PostScript),
mutool create, groff (troff + tbl)."""
import os

from common13 import (Canvas12, form_variant, labels, legal_paragraphs, tweak_doc, tidy_prefixes,
                      cv_form, cv_form_compact, html_form, html_doc, css_size, troff_form, groff_pdf,
                      chromium_pdf, PAPERS13, GROFF_PAPER, fmt_day12, time13, later_moment, stamp13)

FAMILY = "duplicate-copies"
PRODUCERS = ["chromium", "gs", "mutool", "groff"]
ARRS = ["stacked", "reprint", "side", "uncollated"]
MARKS = [None, ("ORIGINAL", "COPIA"), ("COPIA 1 DE 2", "COPIA 2 DE 2"), ("ORIGINAL", "COPIA CONTRIBUYENTE")]


def doc_params(rng, idx):
    return {"nranges": [1, 2, 3, 4, 5, 6][idx % 6] if idx < 6 else rng.choice([1, 2, 2, 3, 4, 5, 6])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.2, other_req_prob=0.18)
    tidy_prefixes(d, rng)


def print_line(t, v, style):
    """a print moment written like a stamp: '<date> <time>' or '<date> / <time>'"""
    ds = fmt_day12(t.date(), v["sdate"] if style == "stamp" else "slash")
    sep = " / " if style == "stamp" else " "
    return f"{ds}{sep}{time13(t, v['time'] if style == 'stamp' else '24h')}"


def render(d, rng, idx, tmp, btmp):
    producer = PRODUCERS[idx % 4]
    arr = ARRS[(idx + idx // 4) % 4]
    v1 = form_variant(rng)
    paper = ["Letter", "A4", "Legal", "A5"][(idx // 2) % 4]
    if producer == "groff" and paper == "A5":
        paper = "Letter"
    if arr == "side":
        paper = ["Letter-L", "A4-L", "Legal-L"][(idx // 4) % 3]
        v1["fs"] = rng.choice([7.5, 8, 8.5])
    v2 = dict(v1)
    paper2 = paper
    marks = rng.choice(MARKS[1:])
    if arr in ("stacked", "uncollated") and rng.random() < 0.4:
        marks = None  # two copies identical to the last point
    notes = {}
    t1 = later_moment(d, rng, 0, 30)
    t2 = later_moment(d, rng, 40, 500, avoid={t1.date()})
    pstyle = rng.choice(["stamp", "plain"])
    if arr == "stacked" and rng.random() < 0.5:
        notes["foot1"] = notes["foot2"] = f"Impreso: {print_line(t1, v1, pstyle)}"
    if arr == "reprint":
        alt = {"Letter": ["A4", "Legal", "A5"], "A4": ["Letter", "A5", "Legal"], "Legal": ["Letter", "A4"],
               "A5": ["Letter", "A4"]}
        if producer != "groff":
            paper2 = rng.choice(alt[paper])
        v2["font"] = "Times-Roman" if v1["font"] == "Helvetica" else "Helvetica"
        v2["fs"] = rng.choice([f for f in (7.5, 8, 8.5, 9, 9.5) if f != v1["fs"]])
        v2["sep"] = rng.choice([o for o in (".", ",", " ", "") if o != v1["sep"]])  # '1.000' vs '1,000' ...
        if v1["date_cols"]:
            v2["date"] = rng.choice([o for o in ("iso", "slash", "words", "mon") if o != v1["date"]])
        for k, opts in (("sdate", ["iso", "slash", "mon", "dot"]),
                        ("labels", ["std", "abbrev", "upper", "noacc"]), ("mcase", ["upper", "title", "noacc"]),
                        ("date_cols", [True, False]), ("stamp", ["circle", "box"])):
            if rng.random() < 0.5:
                v2[k] = rng.choice([o for o in opts if o != v1[k]] or opts)
        if rng.random() < 0.6:
            notes["foot1"] = f"Impreso: {print_line(t1, v1, pstyle)}"
        notes["top2"] = f"REIMPRESIÓN - Fecha de impresión: {print_line(t2, v2, pstyle)}"
    if arr == "side" and rng.random() < 0.5:
        v2["font"] = "Times-Roman" if v1["font"] == "Helvetica" else "Helvetica"
        v2["fs"] = v1["fs"] - 0.5
        if rng.random() < 0.5:
            v2["sep"] = rng.choice([s for s in (".", ",", " ", "") if s != v1["sep"]])
    L1, L2 = labels(v1["labels"]), labels(v2["labels"])
    legal = legal_paragraphs(rng, d)
    m1, m2 = marks if marks else (None, None)
    v = {"arrangement": arr, "paper": paper, "paper2": paper2, "marks": list(marks) if marks else None,
         "copy1": v1, "copy2": v2, "identical": v1 == v2 and paper == paper2, "notes": notes,
         "stamp": " / ".join(stamp13(d, v1)), "print1": t1.isoformat(sep=" "), "print2": t2.isoformat(sep=" ")}

    if producer in ("gs", "mutool"):
        c = Canvas12("ps" if producer == "gs" else "mu")
        if arr == "side":
            draw_side(c, d, v1, v2, L1, L2, paper, m1, m2, rng)
        else:
            n1 = cv_form(c, d, v1, L1, paper, legal, m1, None, notes.get("foot1"))
            cv_form(c, d, v2, L2, paper2, legal, m2, notes.get("top2"), notes.get("foot2"))
            if arr == "uncollated":
                pa, pb = c.pages[:n1], c.pages[n1:]
                order = []
                for i in range(max(len(pa), len(pb))):
                    order += pa[i:i + 1] + pb[i:i + 1]
                c.pages[:] = order
        c.save(btmp, tmp + ".pdf")
    elif producer == "chromium":
        with open(btmp + ".html", "w", encoding="utf-8") as f:
            f.write(html_src(d, v1, v2, L1, L2, paper, paper2, arr, m1, m2, notes, legal))
        chromium_pdf(os.path.abspath(btmp + ".html"), tmp + ".pdf")
    else:
        pl, pw, popt = GROFF_PAPER[paper]
        ll = {"Letter": "6.6i", "A4": "17.4c", "Legal": "6.6i"}[paper]
        po = {"Letter": "0.95i", "A4": "1.8c", "Legal": "0.95i"}[paper]
        head = [f".pl {pl}", f".ll {ll}", f".lt {ll}", f".po {po}", ".sp 0.4i"]
        kw = dict(ll=ll)
        if arr == "uncollated":
            body = (troff_form(d, v1, L1, legal, m1, None, None, pages=(1,), **kw) + [".bp", ".sp 0.4i"]
                    + troff_form(d, v2, L2, legal, m2, None, None, pages=(1,), **kw) + [".bp", ".sp 0.4i"]
                    + troff_form(d, v1, L1, legal, m1, None, None, pages=(2,), **kw) + [".bp", ".sp 0.4i"]
                    + troff_form(d, v2, L2, legal, m2, None, None, pages=(2,), **kw))
        else:
            body = (troff_form(d, v1, L1, legal, m1, None, notes.get("foot1"), **kw) + [".bp", ".sp 0.4i"]
                    + troff_form(d, v2, L2, legal, m2, notes.get("top2"), notes.get("foot2"), **kw))
        with open(btmp + ".tr", "w", encoding="utf-8") as f:
            f.write("\n".join(head + body) + "\n")
        groff_pdf(btmp + ".tr", tmp + ".pdf", extra=[popt])
    return producer, v


def draw_side(c, d, v1, v2, L1, L2, paper, m1, m2, rng):
    PW, PH = PAPERS13[paper]
    for attempt in range(6):
        M, gap = 26, 30
        w = (PW - 2 * M - gap) / 2
        c.page(PW, PH)
        yb1 = cv_form_compact(c, d, v1, L1, M, M + 22, w, m1)
        yb2 = cv_form_compact(c, d, v2, L2, M + w + gap, M + 22, w, m2)
        if max(yb1, yb2) <= PH - 14:
            break
        # does not fit: drop the page and try smaller type / no date columns
        c.pages.pop()
        for vv in (v1, v2):
            if vv.get("date_cols"):
                vv["date_cols"] = False
            else:
                vv["fs"] -= 0.5
    x = PW / 2
    c.gray(0.4)
    yy = 10.0
    while yy < PH - 10:
        c.line(x, yy, x, yy + 4, lw=0.6)
        yy += 8
    c.gray(0)
    c.font("Helvetica", 5.5)
    c.text(x + 3, PH - 8, "cortar por la línea")


def html_src(d, v1, v2, L1, L2, paper, paper2, arr, m1, m2, notes, legal):
    css = (f"@page {{ size: {css_size(paper)}; margin: 12mm 13mm; }}"
           f"@page second {{ size: {css_size(paper2)}; margin: 12mm 13mm; }}")
    if arr == "side":
        css = f"@page {{ size: {css_size(paper)}; margin: 8mm 9mm; }}"
        extra = (".pair { display: flex; gap: 0; } .half { width: 50%; padding: 0 12px; }"
                 ".half + .half { border-left: 1px dashed #777; }"
                 ".copy table.rg th, .copy table.rg td { padding: 1px 2px; } h2 { margin: 4px 0 2px 0; }"
                 ".copy .legal { display: none; }")
        body = (f'<div class="pair"><div class="half">{html_form(d, v1, L1, (), m1, compact=True)}</div>'
                f'<div class="half">{html_form(d, v2, L2, (), m2, compact=True)}</div></div>')
        return html_doc(body, css, extra, v1["font"], v1["fs"])
    pn2 = "second" if paper2 != paper else None
    if arr == "uncollated":
        body = (html_form(d, v1, L1, legal, m1, pages=1, last=False)
                + html_form(d, v2, L2, legal, m2, pages=1, last=False)
                + html_form(d, v1, L1, legal, m1, pages=2, last=False)
                + html_form(d, v2, L2, legal, m2, pages=2, last=True))
    else:
        body = (html_form(d, v1, L1, legal, m1, None, notes.get("foot1"), last=False)
                + html_form(d, v2, L2, legal, m2, notes.get("top2"), notes.get("foot2"), page_name=pn2))
    return html_doc(body, css, "", v1["font"], v1["fs"])
