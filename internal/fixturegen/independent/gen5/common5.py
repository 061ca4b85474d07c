"""Fifth batch: shared helpers on top of ../gen4/common4.py (which reuses
../gen3, ../gen2, ../gen/common.py and ../gen/draw.py: truth format, NIT check
digit, dates, producers). Standard library only.

Adds: output dirs (out5/, build5/ beside gen5/; INDEP_OUT5, INDEP_BUILD5 override), Spanish word dates
('15 de marzo de 2024', 'marzo 15 de 2024'), dotted NITs ('900.123.456-7'),
and distractor material a software provider prints around the authorization:
its own letterhead (name, NIT-DV, phones, address), print date, a previous
1876 form number being replaced, a GS1-like barcode number, page furniture."""
import datetime as dt
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
IND = os.path.dirname(HERE)
for sub in ("gen4", "gen3", "gen2", "gen"):
    sys.path.insert(0, os.path.join(IND, sub))

from common4 import *  # noqa: F401,F403,E402
from common4 import make_doc2, nit_dv, add_months, fmt_sep, MONTHS_ES, d_slash  # noqa: E402

OUT5 = os.environ.get("INDEP_OUT5", os.path.join(IND, "out5"))
BUILD5 = os.environ.get("INDEP_BUILD5", os.path.join(IND, "build5"))


def d_words(d):
    """15 de marzo de 2024"""
    return f"{d.day} de {MONTHS_ES[d.month - 1]} de {d.year}"


def d_words_us(d):
    """marzo 15 de 2024"""
    return f"{MONTHS_ES[d.month - 1]} {d.day} de {d.year}"


def d_words_cap(d):
    """15 de Marzo de 2024"""
    return f"{d.day} de {MONTHS_ES[d.month - 1].capitalize()} de {d.year}"


def date_fmt(d, style):
    return {"iso": d.isoformat(), "slash": d_slash(d), "words": d_words(d),
            "words-us": d_words_us(d), "words-cap": d_words_cap(d)}[style]


def time_ampm_es(s):
    """11:38:26 a. m."""
    h = s.hour % 12 or 12
    return f"{h:02d}:{s.minute:02d}:{s.second:02d} {'a. m.' if s.hour < 12 else 'p. m.'}"


def nit_dotted(nit):
    """900123456 -> 900.123.456"""
    return fmt_sep(int(nit), ".")


def nit_show(nit, dv, style):
    """plain | dotted | plain-dv | dotted-dv"""
    base = nit_dotted(nit) if style.startswith("dotted") else nit
    return base + (f"-{dv}" if style.endswith("-dv") else "")


PROVIDERS = [
    ("FACTURATECH COLOMBIA S.A.S.", "Carrera 7 No. 71-21 Oficina 502, Bogotá D.C."),
    ("SOLUCIONES CONTABLES NUBE S.A.S.", "Calle 10 Sur No. 50-28 Torre 2, Medellín"),
    ("FACTURAYA DIGITAL S.A.S.", "Avenida 6N No. 23-45 Piso 3, Cali"),
    ("SIIGOFACT PROVEEDOR TECNOLÓGICO LTDA.", "Carrera 53 No. 82-86 Local 4, Barranquilla"),
    ("EMISIÓN ELECTRÓNICA DEL ORIENTE S.A.S.", "Calle 36 No. 27-52 Oficina 1203, Bucaramanga"),
    ("DOCUMENTOS EN LÍNEA S.A.", "Transversal 93 No. 53-48 Bodega 12, Bogotá D.C."),
]


def provider(rng):
    name, addr = rng.choice(PROVIDERS)
    nit = "901" + "".join(rng.choice("0123456789") for _ in range(6))
    return {
        "name": name, "addr": addr, "nit": nit, "dv": nit_dv(nit),
        "pbx": f"(601) {rng.randint(200, 799)} {rng.randint(1000, 9999)}",
        "cel": f"3{rng.randint(10, 23)} {rng.randint(200, 999)} {rng.randint(1000, 9999)}",
        "free": f"01 8000 {rng.randint(100, 999)} {rng.randint(100, 999)}",
        "web": "www." + name.split()[0].lower().replace("ó", "o").replace("í", "i") + ".com.co",
        "mail": "soporte@" + name.split()[0].lower().replace("ó", "o").replace("í", "i") + ".com.co",
    }


def print_stamp(d, rng):
    """a later date-time at which the provider printed the copy"""
    p = d.stamp + dt.timedelta(days=rng.randint(1, 400), minutes=rng.randint(0, 900))
    return p


def prev_number(d, rng):
    """the 1876 form number of an older authorization being replaced"""
    n = len(d.number)
    while True:
        x = "1876" + "".join(rng.choice("0123456789") for _ in range(n - 4))
        if x != d.number:
            return x


def prev_date(d, rng):
    return d.stamp.date() - dt.timedelta(days=rng.randint(200, 700))


def barcode_number(d, rng):
    """a GS1-128-like human-readable line: (415) GLN (8020) reference (3900) amount"""
    gln = "770" + "".join(rng.choice("0123456789") for _ in range(10))
    ref = "".join(rng.choice("0123456789") for _ in range(12))
    return f"(415){gln}(8020){ref}(3900){rng.randint(10, 99)}000"


def bars(rng, n=70):
    """widths (1-3) for a fake barcode, alternating bar/space"""
    return [rng.choice([1, 1, 2, 3]) for _ in range(n)]
