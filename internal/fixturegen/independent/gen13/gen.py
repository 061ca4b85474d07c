#!/usr/bin/env python3
"""Thirteenth independent batch of formato 1876 PDFs + truth JSON.

Usage: python3 gen13/gen.py [--only FAMILY] [--count 12] [--seed 1876-b13]
Writes out13/<family>/<family>-<producer>-<NN>.{pdf,json};
sources (HTML, troff, PostScript, mutool content streams, merge scripts) go to build13/<family>/.
Deterministic: every document is seeded from (seed, family, index)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common13 import OUT13, BUILD13, make_doc2, truth, write_truth  # noqa: E402
sys.path.append(os.path.join(os.path.dirname(HERE), "gen"))  # common13 has put it there already
from batch import run_batch  # noqa: E402

MODULES = ["f13_copies", "f13_cover", "f13_typed"]


if __name__ == "__main__":
    run_batch(MODULES, "1876-b13", OUT13, BUILD13, make_doc2, truth, write_truth)
