#!/usr/bin/env python3
"""Fourth independent batch of formato 1876 PDFs + truth JSON.

Usage: python3 gen4/gen.py [--only FAMILY] [--count 12] [--seed 1876-b4]
Writes internal/fixturegen/independent/out4/<family>/<family>-<producer>-<NN>.{pdf,json};
sources (HTML, troff, PostScript, mutool content streams) go to internal/fixturegen/independent/build4/<family>/.
Deterministic: every document is seeded from (seed, family, index)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common4 import OUT4, BUILD4, make_doc2, truth, write_truth  # noqa: E402
sys.path.append(os.path.join(os.path.dirname(HERE), "gen"))  # commonN has put it there already
from batch import run_batch  # noqa: E402

MODULES = ["f4_boldgrey", "f4_splitreq", "f4_rowspan", "f4_digitqr", "f4_shuffled", "f4_narrowlong"]


if __name__ == "__main__":
    run_batch(MODULES, "1876-b4", OUT4, BUILD4, make_doc2, truth, write_truth)
