#!/usr/bin/env python3
"""Twelfth independent batch of formato 1876 PDFs + truth JSON.

Usage: python3 gen12/gen.py [--only FAMILY] [--count 12] [--seed 1876-b12]
Writes out12/<family>/<family>-<producer>-<NN>.{pdf,json};
sources (HTML, troff, PostScript, mutool content streams) go to build12/<family>/.
Deterministic: every document is seeded from (seed, family, index)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common12 import OUT12, BUILD12, make_doc2, truth, write_truth  # noqa: E402
sys.path.append(os.path.join(os.path.dirname(HERE), "gen"))  # common12 has put it there already
from batch import run_batch  # noqa: E402

MODULES = ["f12_inverted", "f12_below", "f12_dates"]


if __name__ == "__main__":
    run_batch(MODULES, "1876-b12", OUT12, BUILD12, make_doc2, truth, write_truth)
