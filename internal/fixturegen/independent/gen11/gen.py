#!/usr/bin/env python3
"""Eleventh independent batch of formato 1876 PDFs + truth JSON.

Usage: python3 gen11/gen.py [--only FAMILY] [--count 12] [--seed 1876-b11]
Writes out11/<family>/<family>-<producer>-<NN>.{pdf,json};
sources (HTML, troff, PostScript, mutool content streams) go to build11/<family>/.
Deterministic: every document is seeded from (seed, family, index)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common11 import OUT11, BUILD11, make_doc2, truth, write_truth  # noqa: E402
sys.path.append(os.path.join(os.path.dirname(HERE), "gen"))  # commonN has put it there already
from batch import run_batch  # noqa: E402

MODULES = ["f11_history", "f11_watermark", "f11_footnotes"]


if __name__ == "__main__":
    run_batch(MODULES, "1876-b11", OUT11, BUILD11, make_doc2, truth, write_truth)
