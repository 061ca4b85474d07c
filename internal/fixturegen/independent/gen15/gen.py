#!/usr/bin/env python3
"""Fifteenth independent batch of formato 1876 PDFs + truth JSON.

Usage: python3 gen15/gen.py [--only FAMILY] [--count 12] [--seed 1876-b15]
Writes out15/<family>/<family>-<producer>-<NN>.{pdf,json};
sources (HTML / SVG, troff, PostScript, mutool content streams, scan PNGs)
go to build15/<family>/. Deterministic: every document is seeded from
(seed, family, index)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common15 import OUT15, BUILD15, make_doc2, truth, write_truth  # noqa: E402
sys.path.append(os.path.join(os.path.dirname(HERE), "gen"))  # common15 has put it there already
from batch import run_batch  # noqa: E402

MODULES = ["f15_ocr", "f15_ascii", "f15_vertical"]


if __name__ == "__main__":
    run_batch(MODULES, "1876-b15", OUT15, BUILD15, make_doc2, truth, write_truth)
