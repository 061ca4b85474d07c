#!/usr/bin/env python3
"""Sixth independent batch of formato 1876 PDFs + truth JSON.

Usage: python3 gen6/gen.py [--only FAMILY] [--count 12] [--seed 1876-b6]
Writes out6/<family>/<family>-<producer>-<NN>.{pdf,json};
sources (HTML, troff, PostScript, mutool content streams) go to build6/<family>/.
Deterministic: every document is seeded from (seed, family, index)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common6 import OUT6, BUILD6, make_doc2, truth, write_truth  # noqa: E402
sys.path.append(os.path.join(os.path.dirname(HERE), "gen"))  # commonN has put it there already
from batch import run_batch  # noqa: E402

MODULES = ["f6_nup", "f6_ocr", "f6_flat"]


if __name__ == "__main__":
    run_batch(MODULES, "1876-b6", OUT6, BUILD6, make_doc2, truth, write_truth)
