#!/usr/bin/env python3
"""Eighth independent batch of formato 1876 PDFs + truth JSON.

Usage: python3 gen8/gen.py [--only FAMILY] [--count 12] [--seed 1876-b8]
Writes out8/<family>/<family>-<producer>-<NN>.{pdf,json};
sources (HTML, PostScript, mutool content streams, PNGs) go to build8/<family>/.
Deterministic: every document is seeded from (seed, family, index)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common8 import OUT8, BUILD8, make_doc2, truth, write_truth  # noqa: E402
sys.path.append(os.path.join(os.path.dirname(HERE), "gen"))  # commonN has put it there already
from batch import run_batch  # noqa: E402

MODULES = ["f8_erp", "f8_circled", "f8_cardsnoise"]


if __name__ == "__main__":
    run_batch(MODULES, "1876-b8", OUT8, BUILD8, make_doc2, truth, write_truth)
