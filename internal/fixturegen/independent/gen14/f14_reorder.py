"""Family reordered-table-columns: a re-drawn formato 1876 (title with the
'1876' model box, taxpayer boxes as label-over-value cells, DIAN stamp, legal
text) whose TABLE OF RANGES HAS ITS COLUMNS IN AN UNUSUAL ORDER. One of seven
orders per document (the first seven documents use each once):

- req-first-prefix-last: Tipo de solicitud | Cód. | Modalidad | Cód. | Desde | Hasta | Meses | Prefijo
- months-before-numbers: Modalidad | Cód. | Prefijo | Meses | Desde | Hasta | Tipo de solicitud | Cód.
- dates-between: Prefijo | Modalidad | Cód. | Desde | Hasta | Fecha inicial | Fecha final | Meses | Solicitud | Cód.
- code-far: Modalidad | Prefijo | Desde | Hasta | Meses | Solicitud | Cód. solicitud | Cód. modalidad
  (the modality code is the LAST column, right after the request code)
- numbers-first: Desde | Hasta | Prefijo | Meses | Fecha inicial | Fecha final | Solicitud | Modalidad |
  Cód. modalidad | Cód. solicitud
- codes-first: Cód. modalidad | Cód. solicitud | Prefijo | Meses | Fecha inicial | Fecha final | Desde |
  Hasta | Modalidad | Solicitud
- months-dates-first: Meses | Fecha inicial | Fecha final | Solicitud | Cód. | Prefijo | Desde | Hasta |
  Modalidad | Cód.

In about a third of the documents a provider's 'Cantidad de números' column
(to - from + 1, grouped like the bounds) follows 'Hasta'. A code column next
to its name is headed 'Cód.'; away from it, 'Cód. modalidad' / 'Cód. solicitud'.

Headers: with box numbers ('30. Modalidad', '31. Prefijo', '32. Desde el
número', '33. Hasta el número', '38. Vigencia (meses)'), without them, with
the box number on its own line over the caption ('32' / 'Desde'), or short
('Núm. inicial', 'Pref.', 'Trámite'). In half the documents a GROUP HEADER
ROW: a caption spanning adjacent columns ('Numeración autorizada' / 'Rango
autorizado' over Desde | Hasta, 'Vigencia' over Meses | Desde | Hasta (the
dates), 'Modalidad' over Descripción | Código, 'Solicitud' over Tipo |
Código), so the sub-captions 'Desde' / 'Hasta' and 'Código' occur twice and only
the group caption tells them apart; the other header cells span both rows.

Numbers grouped with '.', ',', a space or nothing; dates in ISO, dd/mm/aaaa,
aaaa/mm/dd, dd-MMM-aaaa, dd.mm.aaaa, '3 mar. 2025' or '3 de marzo de 2025';
modality / request names upper case, title case or without accents.
Paper: Letter, A4, Legal, A5, Letter or A4 landscape; one page or two.
Producers: Chromium (HTML tables, colspan / rowspan), groff (tbl with 's'
and '\\^' spans), Ghostscript (PostScript), mutool create."""
import os

from common14 import (Canvas12, E, chromium_pdf, groff_pdf, groff_esc, kind_name, kind_code, req_name,
                      req_code, num, day, stamp_str, legal_paragraphs, tweak_doc, tidy_prefixes, pick_labels,
                      tp_rows, PAPERS14, HTML_FONTS, CANVAS_FONTS, SEPS, DATES14, bold, cv_title, cv_band,
                      cv_taxpayer, cv_table2, fit_cols, cv_stamp, cv_para, html_css, html_title,
                      html_taxpayer, html_table2, html_stamp, groff_head, groff_taxpayer, groff_table2,
                      groff_stamp, groff_legal, groff_fit)

FAMILY = "reordered-table-columns"

ORDERS = {
    "req-first-prefix-last": ["req", "reqcode", "mod", "modcode", "from", "to", "months", "prefix"],
    "months-before-numbers": ["mod", "modcode", "prefix", "months", "from", "to", "req", "reqcode"],
    "dates-between": ["prefix", "mod", "modcode", "from", "to", "vfrom", "vto", "months", "req", "reqcode"],
    "code-far": ["mod", "prefix", "from", "to", "months", "req", "reqcode", "modcode"],
    "numbers-first": ["from", "to", "prefix", "months", "vfrom", "vto", "req", "mod", "modcode", "reqcode"],
    "codes-first": ["modcode", "reqcode", "prefix", "months", "vfrom", "vto", "from", "to", "mod", "req"],
    "months-dates-first": ["months", "vfrom", "vto", "req", "reqcode", "prefix", "from", "to", "mod", "modcode"],
}
ORDER_NAMES = list(ORDERS)

HEADS = {
    "boxnum": {"mod": "30. Modalidad", "prefix": "31. Prefijo", "from": "32. Desde el número",
               "to": "33. Hasta el número", "months": "38. Vigencia (meses)", "vfrom": "Fecha inicial",
               "vto": "Fecha final", "req": "Tipo de solicitud", "qty": "Cantidad de números"},
    "bare": {"mod": "Modalidad", "prefix": "Prefijo", "from": "Desde el número", "to": "Hasta el número",
             "months": "Vigencia (meses)", "vfrom": "Fecha inicial", "vto": "Fecha final",
             "req": "Tipo de solicitud", "qty": "Cantidad de números"},
    "numline": {"mod": "30\nModalidad", "prefix": "31\nPrefijo", "from": "32\nDesde el número",
                "to": "33\nHasta el número", "months": "38\nVigencia (meses)", "vfrom": "Fecha\ninicial",
                "vto": "Fecha\nfinal", "req": "Tipo de\nsolicitud", "qty": "Cantidad"},
    "short": {"mod": "Tipo de documento", "prefix": "Pref.", "from": "Núm. inicial", "to": "Núm. final",
              "months": "Meses", "vfrom": "Vigente desde", "vto": "Vigente hasta", "req": "Trámite",
              "qty": "Cant."},
}
# sub-captions under a group caption
GROUPS = [
    (("from", "to"), ["Numeración autorizada", "Rango autorizado", "NUMERACIÓN"],
     [{"from": "Desde", "to": "Hasta"}, {"from": "32. Desde", "to": "33. Hasta"}, {"from": "Inicial", "to": "Final"}]),
    (("months", "vfrom", "vto"), ["Vigencia", "Período de vigencia", "VIGENCIA"],
     [{"months": "Meses", "vfrom": "Desde", "vto": "Hasta"}, {"months": "38. Meses", "vfrom": "Inicio", "vto": "Fin"},
      {"months": "Meses", "vfrom": "Desde", "vto": "Hasta"}]),
    (("mod", "modcode"), ["Modalidad", "30. Modalidad", "MODALIDAD"],
     [{"mod": "Descripción", "modcode": "Código"}, {"mod": "Nombre", "modcode": "Cód."},
      {"mod": "Descripción", "modcode": "Código"}]),
    (("req", "reqcode"), ["Solicitud", "Tipo de solicitud", "SOLICITUD"],
     [{"req": "Tipo", "reqcode": "Código"}, {"req": "Descripción", "reqcode": "Cód."},
      {"req": "Tipo", "reqcode": "Código"}]),
]
ALIGN = {"mod": "l", "modcode": "c", "prefix": "c", "from": "r", "to": "r", "months": "c", "vfrom": "c",
         "vto": "c", "req": "l", "reqcode": "c", "qty": "r"}
WEIGHT = {"mod": 2.4, "modcode": 0.55, "prefix": 0.75, "from": 1.2, "to": 1.2, "months": 0.8, "vfrom": 1.15,
          "vto": 1.15, "req": 1.5, "reqcode": 0.55, "qty": 1.1}


def doc_params(rng, idx):
    return {"nranges": [1, 2, 3, 4, 5, 6][idx % 6] if idx < 6 else rng.choice([1, 2, 3, 3, 4, 5, 6])}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.2, other_req_prob=0.2)
    tidy_prefixes(d, rng)


def columns(rng, v):
    keys = list(ORDERS[v["order"]])
    if v["qty"]:
        keys.insert(keys.index("to") + 1, "qty")
    H = HEADS[v["heads"]]
    heads = []
    for i, k in enumerate(keys):
        if k in ("modcode", "reqcode"):
            name = "mod" if k == "modcode" else "req"
            near = (i > 0 and keys[i - 1] == name) or (i + 1 < len(keys) and keys[i + 1] == name)
            heads.append("Cód." if near else ("Cód. modalidad" if k == "modcode" else "Cód. solicitud"))
        else:
            heads.append(H[k])
    groups = []
    if v["group_header"]:
        cands = []
        for gkeys, caps, subs in GROUPS:
            idx = [keys.index(k) for k in gkeys if k in keys]
            idx.sort()
            # longest contiguous run of the group's keys
            best = []
            run_ = []
            for j in idx:
                if run_ and j == run_[-1] + 1:
                    run_.append(j)
                else:
                    run_ = [j]
                if len(run_) > len(best):
                    best = list(run_)
            if len(best) >= 2:
                cands.append((best, caps, subs))
        rng.shuffle(cands)
        n = rng.randint(1, len(cands)) if cands else 0
        for best, caps, subs in cands[:n]:
            ci = rng.randrange(len(caps))
            for j in best:
                heads[j] = subs[ci][keys[j]]
            groups.append((caps[ci], best[0], best[-1]))
        groups.sort(key=lambda g: g[1])
    return keys, heads, groups


def cells(d, v, keys, kind="text"):
    rows = []
    for r in d.ranges:
        val = {"mod": kind_name(r.kind, v["mcase"]), "modcode": str(kind_code(r.kind)), "prefix": r.prefix,
               "from": num(r.frm, v["sep"], kind), "to": num(r.to, v["sep"], kind), "months": str(r.months),
               "vfrom": day(r.valid_from, v["date"]), "vto": day(r.valid_to, v["date"]),
               "req": req_name(r.request, v["mcase"]), "reqcode": str(req_code(r.request)),
               "qty": num(r.to - r.frm + 1, v["sep"], kind)}
        rows.append([val[k] for k in keys])
    return rows


def render(d, rng, idx, tmp, btmp):
    producer = ["chromium", "groff", "gs", "mutool"][idx % 4]
    if producer == "groff":
        paper = rng.choice(["Letter", "A4", "Legal", "A5"])
    else:
        paper = ["Letter", "", "A4L", "A5", "A4", "", "Legal", "LetterL", "A5", "", "Letter", "A4L"][idx % 12] or "Letter"
    v = {
        "order": ORDER_NAMES[idx] if idx < len(ORDER_NAMES) else rng.choice(ORDER_NAMES),
        "qty": rng.random() < 0.33,
        "heads": rng.choice(list(HEADS)),
        "group_header": idx % 2 == 1 if idx < 8 else rng.random() < 0.5,
        "sep": rng.choice(SEPS),
        "date": rng.choice(DATES14),
        "stamp_date": rng.choice(["iso", "slash", "mon", "dot"]),
        "time": rng.choice(["ampm", "24h"]),
        "mcase": rng.choice(["upper", "upper", "title", "noacc"]),
        "paper": paper,
        "pages": 2 if paper == "A5" or rng.random() < 0.3 else 1,
        "font": (rng.choice(list(HTML_FONTS)) if producer == "chromium" else
                 rng.choice(["H", "T", "C", "HN", "BM"]) if producer == "groff" else rng.choice(CANVAS_FONTS)),
    }
    keys, heads, groups = columns(rng, v)
    v.update(keys=keys, heads=heads, groups=groups)
    L = pick_labels(rng, rng.choice([True, False, None]))
    legal = legal_paragraphs(rng, d)
    if producer == "chromium":
        with open(btmp + ".html", "w", encoding="utf-8") as f:
            f.write(html_src(d, v, L, legal))
        chromium_pdf(os.path.abspath(btmp + ".html"), tmp + ".pdf")
    elif producer == "groff":
        src, popt = groff_src(d, v, L, legal)
        with open(btmp + ".tr", "w", encoding="utf-8") as f:
            f.write(src)
        groff_pdf(btmp + ".tr", tmp + ".pdf", extra=[popt])
    else:
        c = Canvas12("ps" if producer == "gs" else "mu")
        draw(c, d, v, L, legal)
        c.save(btmp, tmp + ".pdf")
    return producer, v


# ------------------------------------------------------------------ Ghostscript / mutool
def draw(c, d, v, L, legal):
    PW, PH = PAPERS14[v["paper"]]
    small = v["paper"] == "A5"
    M = 26 if small else 38
    TW = PW - 2 * M
    F = v["font"]
    fs = 7.5 if small else 9
    keys, heads, groups = v["keys"], v["heads"], v["groups"]
    c.page(PW, PH)
    y = cv_title(c, M, M, TW, F, fs)
    y = cv_band(c, M, y, TW, "Datos del solicitante", F, fs)
    y = cv_taxpayer(c, M, y, TW, tp_rows(d, L, wide=not small), F, fs)
    if v["pages"] == 2:
        y = cv_para(c, M, y + 16, TW, legal, F, fs - 2, PH - 40)
        c.font(F, fs - 2)
        c.text(M + TW, PH - 20, "Hoja 1 de 2", "r")
        c.page(PW, PH)
        y = cv_title(c, M, M, TW, F, fs, "Hoja 2")
    else:
        y += 12
    y = cv_band(c, M, y, TW, "Detalle de la solicitud", F, fs)
    y += 3
    rows = cells(d, v, keys)
    wrapcols = {j for j, k in enumerate(keys) if k in ("mod", "req")}
    ws, hs, bs = fit_cols([WEIGHT[k] for k in keys], heads, rows, F, fs - 1.3, fs - 0.6, TW, wrapcols)
    y = cv_table2(c, M, y, ws, heads, rows, [ALIGN[k] for k in keys], F, hs, bs, groups,
                  wrapcols=wrapcols)
    R = 48 if small else 58
    if y + 2 * R + 40 > PH - 20:
        c.page(PW, PH)
        y = M
    lines = stamp_str(d, v["stamp_date"], v["time"]).split(" / ") if v["time"] == "ampm" else \
        [stamp_str(d, v["stamp_date"], v["time"])]
    cv_stamp(c, M + TW - R - 6, y + 18 + R, R, d, F, fs, lines)
    c.line(M, y + 12 + 2 * R, M + 150, y + 12 + 2 * R, lw=0.5)
    c.font(F, fs - 1)
    c.text(M, y + 22 + 2 * R, "Firma del solicitante")
    y += 2 * R + 40
    if v["pages"] == 1:
        cv_para(c, M, y, TW, legal, F, fs - 2, PH - 30)
    n = len(c.pages)
    c.font(F, fs - 2)
    c.text(M + TW, PH - 20, f"Hoja {n} de {n}", "r")


# ------------------------------------------------------------------ HTML
def html_src(d, v, L, legal):
    small = v["paper"] == "A5"
    fs = 7.5 if small else 9
    keys, heads, groups = v["keys"], v["heads"], v["groups"]
    css = html_css(v["paper"], v["font"], fs, "9mm" if small else "13mm")
    rows = cells(d, v, keys, "html")
    table = html_table2(heads, rows, [ALIGN[k] for k in keys], groups)
    st = stamp_str(d, v["stamp_date"], v["time"])
    lines = st.split(" / ") if v["time"] == "ampm" else [st]
    leg = "".join(f"<p class=legal>{E(p)}</p>" for p in legal)
    two = v["pages"] == 2
    return f"""<!doctype html><html lang=es><head><meta charset=utf-8><style>{css}</style></head><body>
{html_title()}
<div class=band>Datos del solicitante</div>
{html_taxpayer(tp_rows(d, L, wide=not small))}
{leg + '<div class=pg>Hoja 1 de 2</div><div class=brk></div>' + html_title('Hoja 2') if two else ''}
<div class=band>Detalle de la solicitud</div>
{table}
<div class=end><div class=sign>Firma del solicitante</div>{html_stamp(lines)}</div>
{'' if two else leg}
<div class=pg>{'Hoja 2 de 2' if two else 'Hoja 1 de 1'}</div>
</body></html>"""


# ------------------------------------------------------------------ groff
def groff_src(d, v, L, legal):
    small = v["paper"] == "A5"
    fs = 7 if small else 9
    keys, heads, groups = v["keys"], v["heads"], v["groups"]
    out, popt, ll = groff_head(v["paper"], fs, v["font"])
    out += [f"\\fB{groff_esc('DATOS DEL SOLICITANTE')}\\fP", ".sp 0.2"]
    out += groff_taxpayer(tp_rows(d, L, wide=not small), fs, ll)
    if v["pages"] == 2:
        out += [".sp 0.5"] + groff_legal(legal, 6) + [f".ps {fs}", f".vs {fs + 3}p", ".bp",
                                                      ".ce 1", "\\fBHoja 2\\fP", ".sp 0.3"]
    else:
        out += [".sp 0.5"]
    out += ["\\fBDETALLE DE LA SOLICITUD\\fP", ".sp 0.2"]
    rows = [[groff_esc(s) if "\\~" not in s else s for s in r] for r in cells(d, v, keys, "groff")]
    plain = cells(d, v, keys)
    wrapcols = {j for j, k in enumerate(keys) if k in ("mod", "req", "vfrom", "vto")}
    widths, hs, bs = groff_fit(heads, plain, [WEIGHT[k] for k in keys], wrapcols, ll, fs, v["font"])
    out += groff_table2(heads, rows, [ALIGN[k] for k in keys], groups, hs=hs, bs=bs,
                        wrapcols=wrapcols, widths=widths)
    st = stamp_str(d, v["stamp_date"], v["time"])
    out += [f".ps {fs}", f".vs {fs + 3}p"] + groff_stamp([st], ll * 0.62)
    out += ["\\D'l 150p 0'", ".br", "Firma del solicitante", ".sp 0.6"]
    if v["pages"] == 1:
        out += groff_legal(legal, 6)
    return "\n".join(out) + "\n", popt
