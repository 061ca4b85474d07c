"""Shared data model, random document generation, labels and small helpers
for the independent formato 1876 generator (standard library only)."""
import calendar
import datetime as dt
import json
import os
import random
import subprocess
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "out")
BUILD = os.path.join(ROOT, "build")

WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71]


def nit_dv(nit: str) -> int:
    s = sum(int(d) * w for d, w in zip(reversed(nit), WEIGHTS))
    r = s % 11
    return r if r < 2 else 11 - r


DIAN_NIT = "800197268"
DIAN_DV = nit_dv(DIAN_NIT)


def add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    m += 1
    last = calendar.monthrange(y, m)[1]
    return dt.date(y, m, min(d.day, last))


def fmt_int(n: int, sep: str) -> str:
    s = f"{n:,}"
    return s.replace(",", sep)


# ---------------------------------------------------------------------------
# modalities and request types
KINDS = {
    # kind: (printed name, code)
    "electronic-invoice": ("FACTURA ELECTRÓNICA DE VENTA", 1),
    "paper": ("TALONARIO O DE PAPEL", 2),
    "computer": ("FACTURA POR COMPUTADOR", 3),
    "pos": ("MÁQUINA REGISTRADORA POS", 4),
    "equivalent-document": ("DOCUMENTO EQUIVALENTE ELECTRÓNICO", 5),
    "support-document": ("DOCUMENTO SOPORTE", 6),
}
REQUESTS = {
    "authorization": ("AUTORIZACIÓN", 1),
    "enablement": ("HABILITACIÓN", 2),
    "disablement": ("INHABILITACIÓN", 3),
}

ACCENTS = str.maketrans("ÁÉÍÓÚÜáéíóúü", "AEIOUUaeiouu")


def strip_accents(s: str) -> str:
    return s.translate(ACCENTS)


def casefy(s: str, style: str) -> str:
    """style: upper | noacc | title"""
    if style == "noacc":
        return strip_accents(s)
    if style == "title":
        low = s.lower()
        low = low.replace(" pos", " POS")
        return low[0].upper() + low[1:]
    return s


def kind_name(kind, style="upper"):
    return casefy(KINDS[kind][0], style)


def kind_code(kind):
    return KINDS[kind][1]


def req_name(req, style="upper"):
    return casefy(REQUESTS[req][0], style)


def req_code(req):
    return REQUESTS[req][1]


# ---------------------------------------------------------------------------
# labels, with retypeset variations
def labels(style: str) -> dict:
    L = {
        "title": "Autorización numeración de facturación",
        "subtitle": "Formulario para la solicitud y autorización de rangos de numeración",
        "year": "1. Año",
        "number": "4. Número de formulario",
        "nit": "5. Número de Identificación Tributaria (NIT)",
        "dv": "6. DV",
        "ap1": "7. Primer apellido",
        "ap2": "8. Segundo apellido",
        "n1": "9. Primer nombre",
        "n2": "10. Otros nombres",
        "rs": "11. Razón social",
        "secc": "12. Cód. Dirección Seccional",
        "applicant": "Datos del solicitante",
        "detail": "Detalle de la solicitud",
        "mod": "30. Modalidad",
        "modcode": "Cód.",
        "prefix": "31. Prefijo",
        "from": "32. Desde el número",
        "to": "33. Hasta el número",
        "months": "38. Vigencia (meses)",
        "req": "Tipo de solicitud",
        "reqcode": "Cód.",
        "vfrom": "Fecha inicial",
        "vto": "Fecha final",
        "stamp": "Fecha Acuse de Recibo",
        "signed": "Firmado",
        "reserved": "Espacio reservado para la DIAN",
        "sign": "Firma del solicitante",
    }
    if style == "abbrev":
        L.update({
            "number": "4. No. de formulario",
            "nit": "5. NIT",
            "dv": "6. D.V.",
            "ap1": "7. Primer apellido",
            "ap2": "8. Segundo apellido",
            "n1": "9. Primer nombre",
            "n2": "10. Otros nombres",
            "secc": "12. Cód. Dir. Seccional",
            "from": "32. Desde No.",
            "to": "33. Hasta No.",
            "months": "38. Vigencia meses",
            "req": "Tipo solicitud",
        })
    elif style == "upper":
        L = {k: v.upper() for k, v in L.items()}
        L["title"] = "AUTORIZACIÓN NUMERACIÓN DE FACTURACIÓN"
    elif style == "noacc":
        L = {k: strip_accents(v) for k, v in L.items()}
    elif style == "nodot":
        # "4 Número de formulario", capitalised words
        for k, v in list(L.items()):
            if v[:1].isdigit():
                num, rest = v.split(". ", 1)
                L[k] = num + " " + rest
        L["number"] = "4 Número de Formulario"
        L["ap1"] = "7 Primer Apellido"
        L["ap2"] = "8 Segundo Apellido"
        L["n1"] = "9 Primer Nombre"
        L["n2"] = "10 Otros Nombres"
        L["rs"] = "11 Razón Social"
    elif style == "dvlong":
        L["dv"] = "6. Dígito de verificación (DV)"
        L["nit"] = "5. Número de Identificación Tributaria - NIT"
        L["stamp"] = "Fecha acuse de recibo"
    return L


LABEL_STYLES = ["std", "abbrev", "upper", "noacc", "nodot", "dvlong"]


# ---------------------------------------------------------------------------
COMPANIES = [
    "FERRETERÍA EL TORNILLO FELIZ S.A.S.",
    "COMERCIALIZADORA ANDINA DE CAFÉS LTDA.",
    "LABORATORIO ÓPTICO DEL CARIBE S.A.",
    "TRANSPORTES MONTAÑA & CÍA. S. EN C.",
    "DROGUERÍA SAN JOSÉ DE CÚCUTA S.A.S.",
    "AGROINSUMOS LA ESPERANZA S.A.S.",
    "INGENIERÍA Y CONSTRUCCIONES ÑUSTA S.A.S.",
    "PANADERÍA Y PASTELERÍA EL TRIGAL LTDA.",
    "CENTRO MÉDICO INTEGRAL VIDA SANA IPS S.A.S.",
    "HOTEL BAHÍA SOLANO LTDA.",
    "ASOCIACIÓN DE PRODUCTORES DE CACAO DEL HUILA",
    "TECNOLOGÍA 3D COLOMBIA S.A.S.",
    "RESTAURANTE LA FOGATA 1980 E.U.",
    "COOPERATIVA MULTIACTIVA COOMUNAL",
    "FUNDACIÓN EDUCATIVA ÁRBOL DE LA VIDA",
    "IMPORTADORA PACÍFICO GLOBAL S.A.S. BIC",
    "CONFECCIONES D'LUCÍA S.A.S.",
    "SERVICIOS LOGÍSTICOS 24/7 S.A.S.",
    "CORPORACIÓN PARA EL DESARROLLO SOSTENIBLE DE LA REGIÓN DEL MAGDALENA MEDIO",
    "DISTRIBUIDORA DE LÁCTEOS EL ORDEÑO S.A.",
    "ESTACIÓN DE SERVICIO LA 80 S.A.S.",
    "MINIMERCADO DOÑA ROSA",
    "CLÍNICA VETERINARIA HUELLITAS S.A.S.",
    "EDITORIAL PÁGINAS DEL SUR LTDA.",
    "ACME SOLUCIONES TECNOLÓGICAS S.A.S.",
    "GRUPO EMPRESARIAL CÓNDOR S.A.",
    "LAVANDERÍA EXPRESS NÚMERO 1 S.A.S.",
    "CARNES Y EMBUTIDOS LA MONTAÑERA LTDA.",
]
SURNAMES = ["GÓMEZ", "PÉREZ", "RODRÍGUEZ", "MUÑOZ", "CASTAÑO", "OSPINA", "NÚÑEZ",
            "DE LA HOZ", "BELTRÁN", "QUIÑONES", "ZAPATA", "ARANGO", "VALENCIA",
            "MONTAÑO", "ÁLVAREZ", "PEÑA", "SUÁREZ", "OCAMPO", "DEL CASTILLO", "IBÁÑEZ"]
GIVEN = ["JUAN", "MARÍA", "JOSÉ", "LUZ", "ÁNGELA", "ANDRÉS", "SEBASTIÁN", "CATALINA",
         "HÉCTOR", "NICOLÁS", "YOLANDA", "RAÚL", "INÉS", "JESÚS", "VALENTINA", "ÓSCAR"]
OTHER_NAMES = ["DEL CARMEN", "FERNANDO", "ALEJANDRA", "ANTONIO", "DE JESÚS", "MARÍA", "LUCÍA", "EDUARDO"]

PREFIX_POOL = {
    "electronic-invoice": ["FE", "FEV", "FV", "SETT", "SETP", "FACT", "FEB", "FVE", "ELEC", "F", "FELA"],
    "paper": ["TP", "C", "PAP", "TAL", "TA", "MAN"],
    "computer": ["FC", "COMP", "PC", "FPC", "CP"],
    "pos": ["POS", "P", "PV", "CAJA", "TQ", "MR"],
    "equivalent-document": ["DE", "POSE", "DEE", "TIQ", "EQ"],
    "support-document": ["DS", "DSE", "DSDS", "SOP", "DSA"],
}

EDGE_DATES = [dt.date(2020, 2, 29), dt.date(2024, 2, 29), dt.date(2023, 8, 31),
              dt.date(2022, 3, 31), dt.date(2021, 12, 31), dt.date(2024, 1, 31),
              dt.date(2023, 10, 31), dt.date(2019, 5, 31), dt.date(2025, 3, 31)]


@dataclass
class Range:
    kind: str
    prefix: str
    frm: int
    to: int
    months: int
    valid_from: dt.date
    valid_to: dt.date
    request: str


@dataclass
class Doc:
    number: str
    nit: str
    dv: int
    natural: bool
    ap1: str = ""
    ap2: str = ""
    n1: str = ""
    n2: str = ""
    rs: str = ""
    secc: str = "00"
    stamp: dt.datetime = None
    ranges: list = field(default_factory=list)

    @property
    def name(self):
        if self.natural:
            return " ".join(x for x in [self.ap1, self.ap2, self.n1, self.n2] if x)
        return self.rs

    @property
    def year(self):
        return str(self.stamp.year)


def make_doc(rng: random.Random, nranges=None, natural=None, number_len=None,
             allow_empty_prefix=True, edge_prob=0.2) -> Doc:
    if number_len is None:
        number_len = rng.choice([14] * 6 + [11, 13, 15, 16, 17])
    number = "1876" + "".join(rng.choice("0123456789") for _ in range(number_len - 4))
    if natural is None:
        natural = rng.random() < 0.35
    if natural:
        if rng.random() < 0.5:
            nit = rng.choice(["10", "11"]) + "".join(rng.choice("0123456789") for _ in range(8))
        else:
            nit = rng.choice("1234567") + "".join(rng.choice("0123456789") for _ in range(7))
    else:
        nit = rng.choice(["800", "811", "830", "860", "890", "900", "901", "902"]) + \
            "".join(rng.choice("0123456789") for _ in range(6))
    d = Doc(number=number, nit=nit, dv=nit_dv(nit), natural=natural)
    if natural:
        d.ap1 = rng.choice(SURNAMES)
        d.ap2 = rng.choice(SURNAMES + [""]) if rng.random() < 0.85 else ""
        if d.ap2 == d.ap1:
            d.ap2 = ""
        d.n1 = rng.choice(GIVEN)
        d.n2 = rng.choice(OTHER_NAMES) if rng.random() < 0.6 else ""
        if d.n2 == d.n1:
            d.n2 = ""
    else:
        d.rs = rng.choice(COMPANIES)
    d.secc = f"{rng.choice([1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14, 16, 31, 32, 35, 42, 46, 48, 86, 88]):02d}"
    if rng.random() < edge_prob:
        day = rng.choice(EDGE_DATES)
    else:
        day = dt.date(2019, 1, 2) + dt.timedelta(days=rng.randrange(0, 2400))
    d.stamp = dt.datetime(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60), rng.randrange(60))
    if nranges is None:
        nranges = rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 5, 6])
    used = set()
    for _ in range(nranges):
        kind = rng.choice(["electronic-invoice"] * 4 + ["support-document"] * 2 + ["pos", "paper", "computer", "equivalent-document"] * 1)
        pool = [p for p in PREFIX_POOL[kind] if p not in used]
        prefix = rng.choice(pool) if pool else ""
        if allow_empty_prefix and rng.random() < 0.07:
            prefix = ""
        used.add(prefix)
        req = rng.choice(["authorization"] * 6 + ["enablement", "disablement"])
        size = rng.choice([500, 1000, 2000, 5000, 10000, 50000, 100000, 5000000])
        if size == 5000000:
            frm = 990000000
            to = 995000000
        elif req == "enablement":
            frm = rng.randrange(2, size)
            to = size if rng.random() < 0.5 else size * 2
        else:
            frm = rng.choice([1, 1, 1, 1001, 5001, 10001])
            to = frm - 1 + size
        months = rng.choice([24] * 5 + [12] * 2 + [6, 18])
        vf = d.stamp.date()
        d.ranges.append(Range(kind, prefix, frm, to, months, vf, add_months(vf, months), req))
    return d


def stamp_lines(d: Doc, style: str):
    s = d.stamp
    iso = s.strftime("%Y-%m-%d")
    ampm = s.strftime("%I:%M:%S %p")
    h24 = s.strftime("%H:%M:%S")
    if style == "slash-ampm":
        return [f"{iso} / {ampm}"]
    if style == "space-24h":
        return [f"{iso} {h24}"]
    if style == "two-lines":
        return [iso, ampm]
    if style == "date-only":
        return [iso]
    if style == "spaced":
        return [" ".join(iso), ampm]
    raise ValueError(style)


STAMP_STYLES = ["slash-ampm", "space-24h", "two-lines", "date-only", "spaced"]


def truth(d: Doc, family: str, producer: str, variant: dict) -> dict:
    return {
        "number": d.number,
        "nit": d.nit,
        "dv": str(d.dv),
        "name": d.name,
        "ranges": [{
            "kind": r.kind, "prefix": r.prefix, "from": r.frm, "to": r.to,
            "months": r.months, "valid_from": r.valid_from.isoformat(),
            "valid_to": r.valid_to.isoformat(), "request": r.request,
        } for r in d.ranges],
        "_family": family,
        "_producer": producer,
        "_variant": variant,
    }


def write_truth(path_stem: str, t: dict):
    with open(path_stem + ".json", "w", encoding="utf-8") as f:
        json.dump(t, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


# ---------------------------------------------------------------------------
# distractor text
def legal_paragraphs(rng: random.Random, d: Doc):
    res = rng.choice(["000042 de 2020", "000165 de 2023", "000012 de 2021", "000055 de 2016"])
    paras = [
        f"La presente autorización se expide conforme a lo dispuesto en la Resolución {res}, "
        f"el Decreto 1625 de 2016 y el artículo 616-1 del Estatuto Tributario.",
        f"Unidad Administrativa Especial Dirección de Impuestos y Aduanas Nacionales - DIAN, "
        f"NIT de la DIAN {DIAN_NIT}-{DIAN_DV}. Línea de atención 601 307 8064, "
        f"Bogotá D.C. Calle 75 No. 15-43.",
        "Recuerde asociar el prefijo a su software de facturación en el servicio informático "
        "de facturación electrónica antes de expedir documentos. Consulte www.dian.gov.co.",
        "La vigencia de la numeración autorizada no podrá superar veinticuatro (24) meses "
        "contados a partir de la fecha de la autorización.",
    ]
    rng.shuffle(paras)
    return paras[: rng.randint(2, 4)]


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, **kw)
    if r.returncode != 0:
        raise RuntimeError(f"{cmd}: {r.stderr.decode(errors='replace')[-2000:]}")
    return r


def chromium_pdf(html_path: str, pdf_path: str):
    run(["chromium", "--headless", "--disable-gpu", "--no-sandbox",
         f"--print-to-pdf={pdf_path}", "--no-pdf-header-footer", html_path])


def ps_to_pdf(ps_path: str, pdf_path: str, paper=None):
    cmd = ["ps2pdf"]
    if paper:
        cmd += [f"-sPAPERSIZE={paper}"]
    run(cmd + [ps_path, pdf_path])


def groff_pdf(tr_path: str, pdf_path: str, macros=(), extra=()):
    ps_path = tr_path[:-3] + ".ps" if tr_path.endswith(".tr") else tr_path + ".ps"
    with open(ps_path, "wb") as f:
        r = run(["groff", "-k", "-Tps", "-t", *macros, *extra, tr_path])
        f.write(r.stdout)
    # keep the page size groff was asked for: -dDEVICEWIDTHPOINTS via ps2pdf -dEPSCrop not needed
    run(["ps2pdf", ps_path, pdf_path])


def html_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------------------
# PostScript / PDF string helpers (Latin-1)
def ps_str(s: str) -> str:
    out = []
    for ch in s:
        o = ord(ch)
        if ch in "()\\":
            out.append("\\" + ch)
        elif 32 <= o < 127:
            out.append(ch)
        elif o < 256:
            out.append("\\%03o" % o)
        else:
            raise ValueError(f"non latin-1 char {ch!r}")
    return "(" + "".join(out) + ")"


_AFM = {}
_LATIN_NAMES = {
    "Á": "Aacute", "É": "Eacute", "Í": "Iacute", "Ó": "Oacute", "Ú": "Uacute", "Ñ": "Ntilde",
    "Ü": "Udieresis", "á": "aacute", "é": "eacute", "í": "iacute", "ó": "oacute", "ú": "uacute",
    "ñ": "ntilde", "ü": "udieresis", "°": "degree", "º": "ordmasculine", "ª": "ordfeminine",
    "'": "quotesingle", "`": "grave", "·": "periodcentered",
}
AFM_FILES = {
    "Helvetica": "NimbusSans-Regular", "Helvetica-Bold": "NimbusSans-Bold",
    "Times-Roman": "NimbusRoman-Regular", "Times-Bold": "NimbusRoman-Bold",
    "Courier": "NimbusMonoPS-Regular", "Courier-Bold": "NimbusMonoPS-Bold",
}


def _load_afm(font):
    if font in _AFM:
        return _AFM[font]
    path = f"/usr/share/fonts/type1/urw-base35/{AFM_FILES[font]}.afm"
    bycode, byname = {}, {}
    with open(path) as f:
        for line in f:
            if not line.startswith("C "):
                continue
            parts = [p.strip() for p in line.split(";")]
            code = int(parts[0].split()[1])
            wx = float(parts[1].split()[1])
            name = parts[2].split()[1]
            byname[name] = wx
            if code >= 0:
                bycode[code] = wx
    _AFM[font] = (bycode, byname)
    return _AFM[font]


def text_width(s: str, font: str, size: float) -> float:
    bycode, byname = _load_afm(font)
    w = 0.0
    for ch in s:
        if ch in _LATIN_NAMES:
            w += byname.get(_LATIN_NAMES[ch], 600)
        else:
            w += bycode.get(ord(ch), 600)
    return w * size / 1000.0


def wrap_text(s: str, font: str, size: float, width: float):
    words = s.split()
    lines, cur = [], ""
    for w in words:
        t = (cur + " " + w) if cur else w
        if text_width(t, font, size) <= width or not cur:
            cur = t
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines
