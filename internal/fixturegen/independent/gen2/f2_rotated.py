"""Family table-first-rotated: the page order is swapped and page 1 is
rotated. Page 1 is a portrait MediaBox with /Rotate 90 or 270 (content drawn
turned so it displays as landscape; in a few documents no /Rotate at all,
the landscape content simply lies sideways on a portrait page) carrying the
ranges table (full grid, an item-number column, optional empty columns for
boxes 34-37, optional explicit start/end dates) and a circular stamp with
the caption around the circle and the date horizontal. Page 2 (upright
portrait) carries the form number and the applicant boxes as a ledger
(box number | label | value) and a second, rectangular copy of the
acknowledgement stamp. Producers: mutool create, Ghostscript (pdfmark /Rotate)."""
from common2 import *

FAMILY = "table-first-rotated"


def doc_params(rng, idx):
    return {"nranges": 1 + (idx * 7 + 3) % 6, "natural_prob": 0.5}


def render(d, rng, idx, stem, bstem):
    producer = "mutool" if idx % 2 == 0 else "gs"
    lstyle = rng.choice(["std", "abbrev", "upper", "noacc", "nodot", "dvlong"])
    L = labels(lstyle)
    rot = "sideways" if idx in (5, 10) else rng.choice([90, 270])
    v = {"labels": lstyle, "sep": rng.choice([",", ".", ""]), "modality_case": rng.choice(["upper", "title", "noacc"]),
         "stamp": rng.choice(STAMP_STYLES), "page1_rotation": rot, "boxes_34_37": rng.random() < 0.4,
         "dates_cols": rng.random() < 0.5, "number_on_page1": rng.random() < 0.5,
         "font": rng.choice(["Helvetica", "Times"])}
    c = Canvas2("mu" if producer == "mutool" else "ps")
    draw(c, d, L, v, rng)
    c.save(bstem, stem + ".pdf")
    return producer, v


def draw(c, d, L, v, rng):
    F = "Helvetica" if v["font"] == "Helvetica" else "Times-Roman"
    FB = F.split("-")[0] + "-Bold"
    rot = v["page1_rotation"]
    W, H = 792, 612
    if rot == "sideways":
        c.page(W, H, rotate=0, sideways=True)
    else:
        c.page(W, H, rotate=rot)
    M = 36
    c.font(FB, 18)
    c.text(M, 46, "DIAN")
    c.font(FB, 12)
    c.text(M + 70, 40, L["title"])
    c.font(F, 8.5)
    c.text(M + 70, 52, "Formato 1876 - " + L["subtitle"])
    c.text(W - M, 40, "Hoja 1 de 2", "r")
    if v["number_on_page1"]:
        c.text(W - M, 52, f"{L['number']}: {d.number}", "r")
    c.line(M, 60, W - M, 60, lw=1.2)
    c.font(FB, 10)
    c.text(M, 80, L["detail"])
    sep, ms = v["sep"], v["modality_case"]
    cols = [("Ítem", 28, "c"), (L["mod"], 150, "l"), (L["modcode"], 26, "c"), (L["prefix"], 48, "l"),
            (L["from"], 72, "r"), (L["to"], 72, "r")]
    if v["boxes_34_37"]:
        cols += [("34.", 22, "c"), ("35.", 22, "c"), ("36.", 22, "c"), ("37.", 22, "c")]
    cols += [(L["months"], 54, "r")]
    if v["dates_cols"]:
        cols += [(L["vfrom"], 58, "c"), (L["vto"], 58, "c")]
    cols += [(L["req"], 84, "l"), (L["reqcode"], 26, "c")]
    tw = sum(w for _, w, _ in cols)
    scale = (W - 2 * M) / tw
    cols = [(a, w * scale, al) for a, w, al in cols]
    y = 90
    hh = 28
    c.rect(M, y, W - 2 * M, hh, lw=0.8, fill=0.85)
    x = M
    for lab, w, al in cols:
        c.font(FB, 7)
        lines = wrap_text(lab, FB, 7, w - 4)
        yy = y + (12 if len(lines) > 1 else 17)
        for ln in lines[:3]:
            c.text(x + w / 2, yy, ln, "c")
            yy += 8
        c.line(x, y, x, y + hh, lw=0.8)
        x += w
    y0 = y
    y += hh
    fs = 8.5
    for i, r in enumerate(d.ranges, 1):
        vals = [str(i), kind_name(r.kind, ms), str(kind_code(r.kind)), r.prefix, fmt_int(r.frm, sep), fmt_int(r.to, sep)]
        if v["boxes_34_37"]:
            vals += ["", "", "", ""]
        vals += [str(r.months)]
        if v["dates_cols"]:
            vals += [r.valid_from.isoformat(), r.valid_to.isoformat()]
        vals += [req_name(r.request, ms), str(req_code(r.request))]
        wrapped = [wrap_text(s, F, fs, w - 6) for s, (_, w, _) in zip(vals, cols)]
        rh = 8 + max(len(wl) for wl in wrapped) * (fs + 2)
        c.font(F, fs)
        x = M
        for wl, (_, w, al) in zip(wrapped, cols):
            for k, ln in enumerate(wl):
                yy = y + 4 + fs + k * (fs + 2)
                if al == "r":
                    c.text(x + w - 3, yy, ln, "r")
                elif al == "c":
                    c.text(x + w / 2, yy, ln, "c")
                else:
                    c.text(x + 3, yy, ln)
            x += w
        c.line(M, y, W - M, y, lw=0.5)
        y += rh
    c.rect(M, y0, W - 2 * M, y - y0, lw=0.8)
    x = M
    for _, w, _ in cols:
        c.line(x, y0, x, y, lw=0.5)
        x += w
    # circular stamp, caption around, date horizontal
    sl = stamp_lines(d, v["stamp"])
    R = 62
    cx, cy = W - M - R - 10, max(y + R + 30, H - R - 60)
    cy = min(cy, H - R - 20)
    c.circle(cx, cy, R, lw=1.6)
    c.circle(cx, cy, R - 14, lw=0.6)
    c.font(FB, 7)
    cap = L["stamp"].upper() + " - " + L["signed"].upper()
    c.arc_text(cx, cy, R - 10, cap, 160, 140)
    c.font(FB, 11)
    c.text(cx, cy - 14, "DIAN", "c")
    c.font(FB, 8.5)
    yy = cy + 2
    for ln in sl:
        c.text(cx, yy, ln, "c")
        yy += 11
    c.font(F, 7)
    for k, p in enumerate(legal_paragraphs(rng, d)[:2]):
        for j, ln in enumerate(wrap_text(p, F, 7, 440)):
            c.text(M, H - 90 + k * 30 + j * 9, ln)
    # ---- page 2, upright portrait
    PW, PH = 612, 792
    c.page(PW, PH)
    M = 48
    c.font(FB, 18)
    c.text(M, 60, "DIAN")
    c.font(FB, 11)
    c.text(M + 70, 54, L["title"])
    c.font(F, 8)
    c.text(PW - M, 54, "Hoja 2 de 2", "r")
    c.line(M, 70, PW - M, 70, lw=1.2)
    c.font(F, 9)
    c.text(M, 92, L["number"])
    c.font(FB, 16)
    c.text(M + 160, 93, d.number)
    c.font(FB, 10)
    c.text(M, 124, L["applicant"])
    y = 134
    rh = 22
    nw, lw_ = 26, 230
    for k, lab, val in applicant_items(d, L):
        if k == "number":
            continue
        num, rest = split_num(lab)
        c.rect(M, y, nw, rh, lw=0.6, fill=0.8)
        c.rect(M + nw, y, lw_, rh, lw=0.6)
        c.rect(M + nw + lw_, y, PW - 2 * M - nw - lw_, rh, lw=0.6)
        c.font(FB, 9)
        c.text(M + nw / 2, y + 15, num, "c")
        c.font(F, 9)
        c.text(M + nw + 5, y + 15, rest)
        c.font(FB, 10)
        c.text(M + nw + lw_ + 6, y + 15, val)
        y += rh
    y += 24
    c.rect(M, y, PW - 2 * M, 50, lw=0.5, fill=0.95)
    c.font(F, 7.5)
    c.text(M + 4, y + 10, L["reserved"])
    y += 80
    # second copy of the stamp: rectangle
    line = " / ".join(sl) if len(sl) > 1 and v["stamp"] == "two-lines" else sl[0] if len(sl) == 1 else " ".join(sl)
    c.rect(PW - M - 250, y, 250, 46, lw=1.2)
    c.font(FB, 8)
    c.text(PW - M - 125, y + 13, "DIAN - COPIA DEL ACUSE", "c")
    c.font(F, 8)
    c.text(PW - M - 125, y + 25, L["stamp"], "c")
    c.font(FB, 9.5)
    c.text(PW - M - 125, y + 38, line, "c")
    c.line(M, y + 40, M + 180, y + 40, lw=0.5)
    c.font(F, 7.5)
    c.text(M, y + 50, L["sign"])
