#!/usr/bin/env python3
"""Tenth independent batch of formato 1876 PDFs + truth JSON.

Usage: python3 gen10/gen.py [--only FAMILY] [--count 12] [--seed 1876-b10]
Writes out10/<family>/<family>-<producer>-<NN>.{pdf,json};
sources (HTML, troff, PostScript, mutool content streams) go to build10/<family>/.
Deterministic: every document is seeded from (seed, family, index)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common10 import OUT10, BUILD10, make_doc2, truth, write_truth  # noqa: E402
sys.path.append(os.path.join(os.path.dirname(HERE), "gen"))  # commonN has put it there already
from batch import run_batch  # noqa: E402

MODULES = ["f10_supspaced", "f10_hrule", "f10_ficha"]


if __name__ == "__main__":
    run_batch(MODULES, "1876-b10", OUT10, BUILD10, make_doc2, truth, write_truth)
