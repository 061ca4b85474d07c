#!/usr/bin/env python3
"""Second independent batch of formato 1876 PDFs + truth JSON.

Usage: python3 gen2/gen.py [--only FAMILY] [--count 12] [--seed 1876-b2]
Writes internal/fixturegen/independent/out2/<family>/<family>-<producer>-<NN>.{pdf,json};
sources (HTML, troff, PostScript, mutool content streams) go to internal/fixturegen/independent/build2/<family>/.
Deterministic: every document is seeded from (seed, family, index)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common2 import OUT2, BUILD2, make_doc2, truth, write_truth  # noqa: E402
sys.path.append(os.path.join(os.path.dirname(HERE), "gen"))  # commonN has put it there already
from batch import run_batch  # noqa: E402

MODULES = ["f2_gutter", "f2_printout", "f2_cornercells", "f2_prose", "f2_rotated", "f2_fieldset"]


if __name__ == "__main__":
    run_batch(MODULES, "1876-b2", OUT2, BUILD2, make_doc2, truth, write_truth)
