#!/usr/bin/env python3
"""Seventh independent batch of formato 1876 PDFs + truth JSON.

Usage: python3 gen7/gen.py [--only FAMILY] [--count 12] [--seed 1876-b7]
Writes out7/<family>/<family>-<producer>-<NN>.{pdf,json};
sources (HTML, troff, PostScript, mutool content streams) go to build7/<family>/.
Deterministic: every document is seeded from (seed, family, index)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common7 import OUT7, BUILD7, make_doc2, truth, write_truth  # noqa: E402
sys.path.append(os.path.join(os.path.dirname(HERE), "gen"))  # commonN has put it there already
from batch import run_batch  # noqa: E402

MODULES = ["f7_continued", "f7_sheet", "f7_hazard"]


if __name__ == "__main__":
    run_batch(MODULES, "1876-b7", OUT7, BUILD7, make_doc2, truth, write_truth)
