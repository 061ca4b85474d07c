#!/usr/bin/env python3
"""Third independent batch of formato 1876 PDFs + truth JSON.

Usage: python3 gen3/gen.py [--only FAMILY] [--count 12] [--seed 1876-b3]
Writes internal/fixturegen/independent/out3/<family>/<family>-<producer>-<NN>.{pdf,json};
sources (HTML, troff, PostScript, mutool content streams) go to internal/fixturegen/independent/build3/<family>/.
Deterministic: every document is seeded from (seed, family, index)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common3 import OUT3, BUILD3, make_doc2, truth, write_truth  # noqa: E402
sys.path.append(os.path.join(os.path.dirname(HERE), "gen"))  # commonN has put it there already
from batch import run_batch  # noqa: E402

MODULES = ["f3_official", "f3_summary", "f3_bilingual", "f3_cellnum", "f3_continued", "f3_vendor"]


if __name__ == "__main__":
    run_batch(MODULES, "1876-b3", OUT3, BUILD3, make_doc2, truth, write_truth)
