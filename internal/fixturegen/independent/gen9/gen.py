#!/usr/bin/env python3
"""Ninth independent batch of formato 1876 PDFs + truth JSON.

Usage: python3 gen9/gen.py [--only FAMILY] [--count 12] [--seed 1876-b9]
Writes out9/<family>/<family>-<producer>-<NN>.{pdf,json};
sources (HTML, PostScript, mutool content streams, PNGs) go to build9/<family>/.
Deterministic: every document is seeded from (seed, family, index)."""
import argparse
import hashlib
import importlib
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common9 import OUT9, BUILD9, make_doc2, truth, write_truth  # noqa: E402

MODULES = ["f9_annulled", "f9_phone", "f9_memo"]


def seeded(seed, family, idx, what):
    h = hashlib.sha256(f"{seed}/{family}/{idx}/{what}".encode()).hexdigest()
    return random.Random(int(h[:16], 16))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", action="append")
    ap.add_argument("--count", type=int, default=12)
    ap.add_argument("--seed", default="1876-b9")
    a = ap.parse_args()
    for modname in MODULES:
        fam = importlib.import_module(modname)
        name = fam.FAMILY
        if a.only and name not in a.only:
            continue
        odir, bdir = os.path.join(OUT9, name), os.path.join(BUILD9, name)
        shutil.rmtree(odir, ignore_errors=True)
        shutil.rmtree(bdir, ignore_errors=True)
        os.makedirs(odir)
        os.makedirs(bdir)
        for idx in range(a.count):
            drng = seeded(a.seed, name, idx, "doc")
            d = make_doc2(drng, **fam.doc_params(drng, idx))
            fam.tweak(d, drng)
            rrng = seeded(a.seed, name, idx, "render")
            tmp = os.path.join(odir, f"_tmp{idx:02d}")
            btmp = os.path.join(bdir, f"{name}-{idx + 1:02d}")
            producer, variant = fam.render(d, rrng, idx, tmp, btmp)
            stem = os.path.join(odir, f"{name}-{producer}-{idx + 1:02d}")
            os.replace(tmp + ".pdf", stem + ".pdf")
            write_truth(stem, truth(d, name, producer, variant))
            print(stem + ".pdf", len(d.ranges), "ranges", flush=True)


if __name__ == "__main__":
    main()
