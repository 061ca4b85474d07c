"""Family lowercase-compact-summary: a ONE-PAGE COMPACT SUMMARY of the
authorization printed by an accounting package ('cuentasclaras erp v7.3',
'libromayor nube 2024.2', 'sumatoria contable 9.4'), ALL IN LOWER CASE or in
SENTENCE CASE (only the first letter of a label capitalised); values are
printed in lower case whatever DIAN printed (business and personal names,
modality and request names, the prefix in most documents).

Arrangement: a title line ('resumen de resolución de facturación') with the
package, the print time-stamp and the user ('usuario: jperez'); then LABEL:
VALUE PAIRS PACKED SEVERAL PER LINE, separated by ' · ' or ' | ', as many as
fit the line: 'empresa' / 'razón social' / 'contribuyente', the NIT ('nit:
900.123.456-7', 'nit: 900123456-7', 'nit: 900123456 dv 7', or 'nit: 900123456'
and 'dv: 7' as two pairs), 'seccional', 'tipo de persona', 'formulario 1876
no.' / 'resolución no.' / 'no. formulario', 'año', 'fecha de autorización'
(the acknowledgement date with its time), 'estado: vigente' and an internal
'id empresa'. A natural person's name as one pair in DIAN's order
('contribuyente: pérez gómez juan carlos'), as 'apellidos: ... · nombres:
...', or as four pairs 'primer apellido' ... 'otros nombres'.

Then 'rangos autorizados (N)', sometimes a legend line naming the fields,
and ONE SHORT LINE PER RANGE, fields separated by the same separator, in one
of three orders:
- prefix-first: 'fe · 1–5.000 · 24 meses · autorización · 2024-03-01 a
  2026-03-01 · factura electrónica de venta (1)'
- modality-first: 'factura electrónica de venta | fe | del 1 al 5.000 |
  24 meses | autorización | vigente hasta 2026-03-01'
- numbered: '1. fe 1-5000 (24 meses, autorización) del 01/03/2024 al
  01/03/2026 · documento soporte'
an empty prefix printed 'sin prefijo'; in some documents the lines are
GROUPED under lower-case modality sub-headings ('documento soporte:'),
the modality then left out of the line (the ranges are reordered so that a
modality's ranges are adjacent; the truth follows the printed order). Under
every range, in some documents, an indented line of counters that must not be
read as bounds: 'usados: 137 · disponibles: 4.863 · siguiente: fe138'.
Footer lines: 'resolución anterior 1876... vencida el ...' (another 1876
number, in some documents), DIAN's NIT in a reminder to associate the prefix,
'página 1 de 1'.

Bounds joined by an en dash, a hyphen, ' a ', ' al ' (after 'del') or ' hasta
'; numbers grouped with '.', a space, ',' or nothing; dates ISO, dd/mm/aaaa,
aaaa/mm/dd, dd.mm.aaaa, '1 mar 2024' or '1 de marzo de 2024'; months as '24
meses', '24 m' or 'vig. 24 meses'. The prefix in lower case ('fe') in most
documents, in DIAN's upper case in the rest. One page: Letter, A4, A5,
half-letter or Letter landscape (groff portrait only); Helvetica, Times or
Courier (Nimbus / DejaVu for Chromium); the type shrinks until the longest
range line fits. Producers: Chromium, groff, Ghostscript, mutool create."""
import datetime as dt

from common16 import (Flow, render_flow, grp, fmt_date16, kind_code, tweak_doc, tidy_prefixes, later_moment,
                      line_width, other_number, PAPERS16, DIAN_NIT, DIAN_DV, KINDS, REQUESTS, PRODUCERS)

FAMILY = "lowercase-compact-summary"
PACKAGES = ["cuentasclaras erp v7.3", "libromayor nube 2024.2", "sumatoria contable 9.4", "contable360 pyme 5.1"]
USERS = ["jperez", "auxcontable2", "mlopez", "admin", "contador", "fact.electronica"]
ORDERS = ["prefix-first", "modality-first", "numbered"]


def doc_params(rng, idx):
    return {"nranges": [1, 2, 3, 4, 5, 6][(idx + 1) % 6] if idx < 6 else rng.choice([1, 2, 3, 3, 4, 5, 6]),
            "natural_prob": 0.45}


def tweak(d, rng):
    tweak_doc(d, rng, long_prob=0.1, other_req_prob=0.25)
    tidy_prefixes(d, rng)


def low(s):
    return s.lower()


def sent(s, v):
    """sentence case for a label (first letter only) when the document uses it"""
    return s[:1].upper() + s[1:] if v["case"] == "sentence" else s


def group_by_kind(d):
    order = []
    for r in d.ranges:
        if r.kind not in order:
            order.append(r.kind)
    d.ranges = [r for k in order for r in d.ranges if r.kind == k]


def pack(items, sep, width, wfun):
    """greedy: as many 'label: value' items per line as fit the width"""
    lines, cur = [], []
    for it in items:
        cand = cur + [it]
        if cur and wfun(sep.join(cand)) > width:
            lines.append(cur)
            cur = [it]
        else:
            cur = cand
    if cur:
        lines.append(cur)
    return [sep.join(x) for x in lines]


def render(d, rng, idx, tmp, btmp):
    producer = PRODUCERS[idx % 4]
    papers = ["Letter", "A4", "A5", "HalfLetter"] + (["LetterL"] if producer != "groff" else [])
    v = {
        "case": "lower" if idx % 3 != 2 else "sentence",
        "sep": rng.choice([" · ", " · ", " | "]),
        "order": ORDERS[idx % 3] if idx < 6 else rng.choice(ORDERS),
        "grouped": rng.random() < 0.3,
        "counters": rng.random() < 0.5,
        "legend": rng.random() < 0.5,
        "prefix_case": "upper" if rng.random() < 0.25 else "lower",
        "num_sep": [".", " ", "", ",", ".", " ", "", ".", " ", ".", "", ","][idx % 12],
        "dash": rng.choice(["en", "hyphen", "a", "al", "hasta"]),
        "date": rng.choice(["iso", "iso", "slash", "ymd", "dot", "abbr-nodot", "words"]),
        "months": rng.choice(["{m} meses", "{m} m", "vig. {m} meses"]),
        "nit": rng.choice(["dotted", "dash", "dv-word", "split"]),
        "name": rng.choice(["one", "split2", "split4"]),
        "old_resolution": rng.random() < 0.4,
        "paper": rng.choice(papers),
        "face": ["sans", "serif", "mono", "sans"][(idx // 3) % 4],
        "package": rng.choice(PACKAGES),
        "user": rng.choice(USERS),
        "bold_values": rng.random() < 0.4,
    }
    if v["grouped"]:
        group_by_kind(d)
    if v["order"] == "numbered" and v["dash"] in ("a", "al", "hasta", "en"):
        v["dash"] = rng.choice(["hyphen", "en"])
    dash = {"en": "\u2013", "hyphen": "-", "a": " a ", "al": " al ", "hasta": " hasta "}[v["dash"]]
    if producer in ("gs", "mutool") and dash == "\u2013":
        dash = "-"
        v["dash"] = "hyphen"
    pr = lambda p: (p.lower() if v["prefix_case"] == "lower" else p) if p else "sin prefijo"  # noqa: E731
    num = lambda n: grp(n, v["num_sep"])  # noqa: E731
    day = lambda x: fmt_date16(x, v["date"])  # noqa: E731
    mon = lambda m: v["months"].format(m=m)  # noqa: E731
    sep = v["sep"]
    printed = fmt_date16(later_moment(d, rng, 1, 200).date(), "iso")
    # ---------------------------------------------------------------- header pairs
    items = []
    L = lambda s: sent(s, v)  # noqa: E731
    if d.natural:
        if v["name"] == "one":
            items.append(f"{L('contribuyente')}: {low(d.name)}")
        elif v["name"] == "split2":
            items += [f"{L('apellidos')}: {low(' '.join(x for x in [d.ap1, d.ap2] if x))}",
                      f"{L('nombres')}: {low(' '.join(x for x in [d.n1, d.n2] if x))}"]
        else:
            items += [f"{L('primer apellido')}: {low(d.ap1)}", f"{L('segundo apellido')}: {low(d.ap2) or '-'}",
                      f"{L('primer nombre')}: {low(d.n1)}", f"{L('otros nombres')}: {low(d.n2) or '-'}"]
    else:
        items.append(f"{L(rng.choice(['empresa', 'razón social']))}: {low(d.rs)}")
    nit = {"dotted": f"{grp(int(d.nit), '.')}-{d.dv}", "dash": f"{d.nit}-{d.dv}", "dv-word": f"{d.nit} dv {d.dv}",
           "split": d.nit}[v["nit"]]
    items.append(f"{L('nit')}: {nit}")
    if v["nit"] == "split":
        items.append(f"{L('dv')}: {d.dv}")
    items.append(f"{L('tipo de persona')}: {'natural' if d.natural else 'jurídica'}")
    items.append(f"{L('seccional')}: {d.secc}")
    items.append(f"{L(rng.choice(['formulario 1876 no.', 'resolución no.', 'no. formulario']))} {d.number}")
    items.append(f"{L('año')}: {d.year}")
    st = d.stamp
    items.append(f"{L('fecha de autorización')}: {day(st.date())} {st.strftime('%H:%M:%S')}")
    items.append(f"{L('estado')}: vigente")
    items.append(f"{L('id empresa')}: {rng.randrange(2, 60)}")
    # ---------------------------------------------------------------- range lines
    kname = lambda r: low(KINDS[r.kind][0])  # noqa: E731
    rname = lambda r: low(REQUESTS[r.request][0])  # noqa: E731
    rlines = []  # (text, is_heading, indent)
    last_kind = None
    for i, r in enumerate(d.ranges, 1):
        if v["grouped"] and r.kind != last_kind:
            rlines.append((f"{sent(kname(r), v)} (cód. {kind_code(r.kind)}):", True, 0))
            last_kind = r.kind
        bounds = f"del {num(r.frm)} al {num(r.to)}" if v["dash"] == "al" else f"{num(r.frm)}{dash}{num(r.to)}"
        vig = f"{day(r.valid_from)} a {day(r.valid_to)}"
        mod = f"{kname(r)} ({kind_code(r.kind)})"
        if v["order"] == "prefix-first":
            parts = [pr(r.prefix), bounds, mon(r.months), rname(r), vig] + ([] if v["grouped"] else [mod])
            s = sep.join(parts)
        elif v["order"] == "modality-first":
            parts = ([] if v["grouped"] else [sent(mod, v)]) + [pr(r.prefix), bounds, mon(r.months), rname(r),
                                                               f"vigente hasta {day(r.valid_to)}"]
            s = sep.join(parts)
        else:
            s = (f"{i}. {pr(r.prefix)} {bounds} ({mon(r.months)}, {rname(r)}) del {day(r.valid_from)} al "
                 f"{day(r.valid_to)}" + ("" if v["grouped"] else f"{sep}{kname(r)}"))
        rlines.append((s, False, 1 if v["grouped"] else 0))
        if v["counters"]:
            span = r.to - r.frm
            used = rng.randrange(0, span) if span > 1 else 0
            nxt = r.frm + used
            rlines.append((sep.join([f"usados: {num(used)}", f"disponibles: {num(r.to - nxt + 1)}",
                                     f"siguiente: {(pr(r.prefix) if r.prefix else '')}{nxt}"]), False, 2))
    # ---------------------------------------------------------------- fit
    fudge = 1.1 if producer == "chromium" else 1.0  # DejaVu fallback / rounding
    for paper in [v["paper"], "Letter", "Legal" if producer == "groff" else "LetterL"]:
        # a paper too narrow for the longest line even at 5.5 pt gives way to a wider one
        W, H = PAPERS16[paper]
        margin = 50 if W >= 595 else 30
        TW = W - 2 * margin - (4 if producer == "chromium" else 0)
        if producer == "groff":
            TW -= 6
        fs = {"sans": 9.5, "serif": 10, "mono": 8.5}[v["face"]]
        big = max(line_width([(("    " * ind) + s, False)], v["face"], 5.5) for s, _, ind in rlines)
        big = max([big] + [line_width([(it, False)], v["face"], 5.5) * 1.08 for it in items]) * fudge
        if big <= TW:
            break
    v["paper"] = paper

    def widest(size):
        w = max(line_width([(("    " * ind) + s, False)], v["face"], size) for s, _, ind in rlines)
        w = max([w] + [line_width([(it, False)], v["face"], size) * (1.08 if v["bold_values"] else 1) for it in items])
        return w * fudge

    while widest(fs) > TW and fs > 5.5:
        fs = round(fs - 0.25, 2)
    v["fs"] = fs
    wf = lambda s: line_width([(s, False)], v["face"], fs) * fudge * (1.08 if v["bold_values"] else 1)  # noqa: E731
    hdr_lines = pack(items, sep, TW, wf)
    v["items"] = items
    v["range_lines"] = [s for s, h, ind in rlines if not h and ind < 2]
    # ---------------------------------------------------------------- flow
    F = Flow()
    title = "resumen de resolución de facturación"
    F.line([(sent(title, v), True)], rel=2)
    F.p(sep.join([v["package"], f"{sent('impreso', v)}: {printed} {rng.randrange(7, 19):02d}:{rng.randrange(60):02d}",
                  f"{sent('usuario', v)}: {v['user']}"]), rel=-1)
    F.rule()
    for ln in hdr_lines:
        if v["bold_values"]:
            runs = []
            for k, it in enumerate(ln.split(sep)):
                if k:
                    runs.append((sep, False))
                a, c, b = it.partition(": ")
                runs += [(a + c, False), (b, True)] if c else [(it, False)]
            F.line(runs)
        else:
            F.line([(ln, False)])
    F.space(6)
    F.line([(f"{sent('rangos autorizados', v)} ({len(d.ranges)})", True)], rel=0.5)
    if v["legend"]:
        if v["order"] == "prefix-first":
            leg = sep.join(["prefijo", "desde" + ("–" if producer not in ("gs", "mutool") else "-") + "hasta",
                            "vigencia", "trámite", "fechas"] + ([] if v["grouped"] else ["modalidad"]))
        elif v["order"] == "modality-first":
            leg = sep.join(([] if v["grouped"] else ["modalidad"]) + ["prefijo", "rango", "vigencia", "trámite",
                                                                      "vencimiento"])
        else:
            leg = "no. prefijo rango (vigencia, trámite) fechas" + ("" if v["grouped"] else f"{sep}modalidad")
        F.line([(f"({leg})", False)], rel=-1)
    for s, head, ind in rlines:
        if head:
            F.space(2)
            F.line([(s, True)])
        else:
            F.line([("    " * ind + s, False)], rel=-1 if ind == 2 else 0)
    F.space(8)
    F.rule()
    if v["old_resolution"]:
        old = other_number(d, rng)
        v["old_number"] = old
        oldend = d.stamp.date() - dt.timedelta(days=rng.randrange(1, 40))
        F.line([(f"{sent('resolución anterior', v)}: {old} (vencida el {fmt_date16(oldend, v['date'])})", False)], rel=-1)
    F.p(f"{sent('recuerde', v)} asociar los prefijos en el portal de facturación electrónica de la dian "
        f"(nit {grp(int(DIAN_NIT), '.')}-{DIAN_DV}).", rel=-1.5)
    F.line([(f"{sent('página', v)} 1 de 1", False)], rel=-1.5, align="r")
    render_flow(producer, F, v["paper"], v["face"], fs, tmp + ".pdf", btmp,
                html_face={"sans": "'Nimbus Sans', sans-serif", "serif": "'Nimbus Roman', serif",
                           "mono": "'Nimbus Mono PS', monospace"}[v["face"]], margin=margin)
    return producer, v
