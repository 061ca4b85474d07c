#!/usr/bin/env python3
"""Ninth independent batch of formato 1876 PDFs + truth JSON.

Usage: python3 gen9/gen.py [--only FAMILY] [--count 12] [--seed 1876-b9]
Writes out9/<family>/<family>-<producer>-<NN>.{pdf,json};
sources (HTML, PostScript, mutool content streams, PNGs) go to build9/<family>/.
Deterministic: every document is seeded from (seed, family, index)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common9 import OUT9, BUILD9, make_doc2, truth, write_truth  # noqa: E402
sys.path.append(os.path.join(os.path.dirname(HERE), "gen"))  # commonN has put it there already
from batch import run_batch  # noqa: E402

MODULES = ["f9_annulled", "f9_phone", "f9_memo"]


if __name__ == "__main__":
    run_batch(MODULES, "1876-b9", OUT9, BUILD9, make_doc2, truth, write_truth)
