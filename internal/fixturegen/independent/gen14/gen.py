#!/usr/bin/env python3
"""Fourteenth independent batch of formato 1876 PDFs + truth JSON.

Usage: python3 gen14/gen.py [--only FAMILY] [--count 12] [--seed 1876-b14]
Writes out14/<family>/<family>-<producer>-<NN>.{pdf,json};
sources (HTML, troff, PostScript, mutool content streams, mutool run scripts)
go to build14/<family>/. Deterministic: every document is seeded from
(seed, family, index)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common14 import OUT14, BUILD14, make_doc2, truth, write_truth  # noqa: E402
sys.path.append(os.path.join(os.path.dirname(HERE), "gen"))  # common14 has put it there already
from batch import run_batch  # noqa: E402

MODULES = ["f14_reorder", "f14_combined", "f14_widgets"]


if __name__ == "__main__":
    run_batch(MODULES, "1876-b14", OUT14, BUILD14, make_doc2, truth, write_truth)
