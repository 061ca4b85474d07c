"""Family monospace-printout: a plain-text report as a line printer / dot-
matrix would print it: everything in Courier on fixed columns, upper case
(optionally without accents), '=====' and '-----' rules, applicant data as
column-label rows over value rows ("stacked") or as padded label/value pairs
two per line; the ranges as a fixed-column listing with a two-line header
(box numbers above abbreviated names), numbers right-aligned and optionally
zero-padded; the reception stamp as an ASCII '+---+' box plus a copy of
the acknowledgement date in every page footer. Ghostscript and mutool pages
may carry green-bar shading and tractor-feed holes.
Producers: Ghostscript (PostScript), mutool create, groff (nf, CR font)."""
from common2 import *

FAMILY = "monospace-printout"
W = 100


def doc_params(rng, idx):
    return {"nranges": 1 + (idx * 5 + 4) % 6, "empty_prefix_prob": 0.2}


def place(cols):
    """cols: list of (start, text) -> line"""
    line = ""
    for start, txt in cols:
        if len(line) < start:
            line += " " * (start - len(line))
        else:
            line += " "
        line += txt
    return line.rstrip()


def up(s, v):
    s = s.upper()
    return strip_accents(s) if v["noacc"] else s


def lines_for(d, v):
    L = labels(v["labels"])
    U = lambda s: up(s, v)  # noqa: E731
    it = {k: (U(lab), val) for k, lab, val in applicant_items(d, L)}
    total_pages = 1 if v["one_page"] else 2
    p1 = ["=" * W,
          place([(0, "DIAN"), (6, U("Dirección de Impuestos y Aduanas Nacionales")), (W - 12, "FORMATO 1876")]),
          place([(0, U(L["title"])), (W - 14, f"HOJA 1 DE {total_pages}")]),
          "=" * W, ""]
    if v["applicant_style"] == "stacked":
        groups = [[(0, "year"), (12, "number"), (42, "secc")],
                  [(0, "nit"), (50, "dv")],
                  [(0, "ap1"), (25, "ap2"), (50, "n1"), (75, "n2")],
                  [(0, "rs")]]
        p1.append(U(L["applicant"]))
        p1.append("-" * W)
        for g in groups:
            p1.append(place([(c, it[k][0]) for c, k in g]))
            p1.append(place([(c, it[k][1]) for c, k in g]))
            p1.append("-" * W)
    else:
        pairs = [("year", "number"), ("nit", "dv"), ("ap1", "ap2"), ("n1", "n2"), ("secc",), ("rs",)]
        p1.append(U(L["applicant"]))
        p1.append("-" * W)
        for pr in pairs:
            cols = []
            for j, k in enumerate(pr):
                lab, val = it[k]
                cols += [(j * 52, lab), (j * 52 + 26, val)]
            p1.append(place(cols))
        p1.append("-" * W)
    p1 += ["", U(L["reserved"]) + ":", "", ""]
    for p in legal_paragraphs(v["_rng"], d)[:2]:
        words, cur = U(p).split(), ""
        for w_ in words:
            if len(cur) + len(w_) + 1 > W:
                p1.append(cur)
                cur = w_
            else:
                cur = (cur + " " + w_) if cur else w_
        p1 += [cur, ""]
    # ranges
    sep = v["sep"]
    def num(n):
        if v["zero_pad"]:
            return f"{n:010d}"
        return fmt_int(n, sep)
    C = [0, 5, 41, 47, 59, 71, 78, 95]
    hdr1 = place([(C[0], "COD"), (C[1], "30"), (C[2], "31"), (C[3] + 8, "32"), (C[4] + 8, "33"), (C[5] + 3, "38")])
    hdr2 = place([(C[0], "MOD"), (C[1], U(L["mod"].split(" ", 1)[1])), (C[2], "PREF."),
                  (C[3] + 5, "DESDE"), (C[4] + 5, "HASTA"), (C[5], "MESES"), (C[6], "TIPO SOLICITUD"), (C[7], "COD")])
    p2 = ["=" * W, up(L["detail"], v), "=" * W, hdr1, hdr2,
          place([(C[0], "---"), (C[1], "-" * 34), (C[2], "-----"), (C[3], "-" * 10), (C[4], "-" * 10),
                 (C[5], "-----"), (C[6], "-" * 15), (C[7], "---")])]
    for r in d.ranges:
        mod = kind_name(r.kind, "noacc" if v["noacc"] else "upper")
        rq = req_name(r.request, "noacc" if v["noacc"] else "upper")
        p2.append(place([(C[0], f"{kind_code(r.kind):>3}"), (C[1], mod), (C[2], r.prefix or ""),
                         (C[3], f"{num(r.frm):>11}"), (C[4], f"{num(r.to):>11}"), (C[5], f"{r.months:>5}"),
                         (C[6], rq), (C[7], f"{req_code(r.request):>3}")]))
    p2 += ["-" * W, f"TOTAL RANGOS SOLICITADOS: {len(d.ranges)}", "", ""]
    sl = stamp_lines(d, v["stamp"])
    box = [U(L["stamp"]), *sl, U(L["signed"])]
    bw = max(len(x) for x in box) + 6
    left = W - bw - 2
    p2.append(" " * left + "+" + "-" * bw + "+")
    p2.append(" " * left + "|" + "DIAN".center(bw) + "|")
    for x in box:
        p2.append(" " * left + "|" + x.center(bw) + "|")
    p2.append(" " * left + "+" + "-" * bw + "+")
    p2 += ["", "", "_" * 34, U(L["sign"])]
    foot_date = d.stamp.strftime("%Y-%m-%d %H:%M:%S")

    def footer(n):
        txt = f"ACUSE DIAN {foot_date}" if v["stamp_footer"] else ""
        return place([(0, txt), (W - 16, f"PAG. {n}/{total_pages}")])
    if v["one_page"]:
        return [p1 + [""] + p2], footer
    return [p1, p2], footer


def render(d, rng, idx, stem, bstem):
    producer = ["gs", "mutool", "groff"][idx % 3]
    v = {"labels": rng.choice(["std", "dvlong", "nodot"]), "noacc": rng.random() < 0.5,
         "applicant_style": rng.choice(["stacked", "stacked", "pairs"]),
         "sep": rng.choice(["", "", ",", "."]), "zero_pad": rng.random() < 0.3,
         "stamp": rng.choice(["slash-ampm", "space-24h", "two-lines", "date-only"]),
         "stamp_footer": rng.random() < 0.7, "one_page": rng.random() < 0.25}
    if v["applicant_style"] == "pairs":
        v["labels"] = "abbrev"
    v["_rng"] = rng
    pages, footer = lines_for(d, v)
    del v["_rng"]
    size = 8.5 if producer == "groff" else rng.choice([8, 8.5])
    lead = size + 3
    v["font_pt"] = size
    if producer == "groff":
        t = groff_esc
        out = [".pl 11i", ".po 0.5i", ".ll 7.5i", ".nf", ".ft CR", f".ps {size}", f".vs {lead}", ".sp 0.4i"]
        for i, pg in enumerate(pages, 1):
            if i > 1:
                out += [".bp", ".sp 0.4i"]
            out += [t(x) if x else "" for x in pg]
            out += [".sp |10.3i", t(footer(i))]
        with open(bstem + ".tr", "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
        groff_pdf(bstem + ".tr", stem + ".pdf", extra=["-P-pletter"])
        return producer, v
    v["greenbar"] = rng.random() < 0.6
    c = Canvas2("ps" if producer == "gs" else "mu")
    PW, PH = 612, 792
    x0 = 44
    for i, pg in enumerate(pages, 1):
        c.page(PW, PH)
        top = 48
        if v["greenbar"]:
            c.gray(0.9)
            y = top - size
            k = 0
            while y < PH - 40:
                if k % 2 == 0:
                    c.rect(x0 - 8, y + 2, W * size * 0.6 + 16, 3 * lead, lw=0, fill=0.9)
                y += 3 * lead
                k += 1
            c.gray(0)
            for yy in range(30, PH - 20, 36):
                c.circle(18, yy, 5, lw=0.6)
                c.circle(PW - 18, yy, 5, lw=0.6)
        c.font("Courier", size)
        for j, line in enumerate(pg):
            if line.strip():
                c.text(x0, top + j * lead, line)
        c.text(x0, PH - 36, footer(i))
    c.save(bstem, stem + ".pdf")
    return producer, v
