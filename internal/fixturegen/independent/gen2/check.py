#!/usr/bin/env python3
"""Self-check of out2/ (not of the parser): same checks as gen/check.py
(every truth value findable in pdftotext output, DV, months rule)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "gen"))
import common  # noqa: E402
common.OUT = os.path.join(os.path.dirname(HERE), "out2")
import check  # noqa: E402
check.OUT = common.OUT

if __name__ == "__main__":
    check.main()
