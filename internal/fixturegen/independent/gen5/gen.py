#!/usr/bin/env python3
"""Fifth independent batch of formato 1876 PDFs + truth JSON.

Usage: python3 gen5/gen.py [--only FAMILY] [--count 12] [--seed 1876-b5]
Writes out5/<family>/<family>-<producer>-<NN>.{pdf,json} (override with
INDEP_OUT5); sources (HTML, troff, PostScript, mutool content streams) go to
build5/<family>/ (INDEP_BUILD5). Deterministic: every document is
seeded from (seed, family, index)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common5 import OUT5, BUILD5, make_doc2, truth, write_truth  # noqa: E402
sys.path.append(os.path.join(os.path.dirname(HERE), "gen"))  # commonN has put it there already
from batch import run_batch  # noqa: E402

MODULES = ["f5_letterhead", "f5_splithead", "f5_email"]


if __name__ == "__main__":
    run_batch(MODULES, "1876-b5", OUT5, BUILD5, make_doc2, truth, write_truth)
