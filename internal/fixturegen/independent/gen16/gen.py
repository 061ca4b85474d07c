#!/usr/bin/env python3
"""Sixteenth independent batch of formato 1876 PDFs + truth JSON.

Usage: python3 gen16/gen.py [--only FAMILY] [--count 12] [--seed 1876-b16]
Writes out16/<family>/<family>-<producer>-<NN>.{pdf,json};
sources (HTML, troff, PostScript, mutool content streams) and the printed
web-service payloads (*.payload.xml / *.payload.json) go to build16/<family>/.
Deterministic: every document is seeded from (seed, family, index)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common16 import OUT16, BUILD16, make_doc2, truth, write_truth  # noqa: E402
sys.path.append(os.path.join(os.path.dirname(HERE), "gen"))  # common16 has put it there already
from batch import run_batch  # noqa: E402

MODULES = ["f16_webservice", "f16_translation", "f16_summary"]


if __name__ == "__main__":
    run_batch(MODULES, "1876-b16", OUT16, BUILD16, make_doc2, truth, write_truth)
