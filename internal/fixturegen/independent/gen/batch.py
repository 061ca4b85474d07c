"""Shared driver of the later batches (gen2/gen.py … gen10/gen.py).

Each batch's gen.py holds its docstring, its MODULES and its default seed, and calls run_batch with
the output directories and the make_doc2 / truth / write_truth of its own commonN module.
(gen/gen.py, the first batch, keeps its own driver: it builds documents with make_doc and
imports its families up front.)"""
import argparse
import hashlib
import importlib
import os
import random
import shutil


def seeded(seed, family, idx, what):
    h = hashlib.sha256(f"{seed}/{family}/{idx}/{what}".encode()).hexdigest()
    return random.Random(int(h[:16], 16))


def run_batch(modules, default_seed, out, build, make_doc2, truth, write_truth):
    """Parse --only/--count/--seed and write <out>/<family>/<family>-<producer>-<NN>.{pdf,json}.

    Every document is seeded from (seed, family, index): "doc" for make_doc2 (then the family's
    tweak, when it has one), "render" for fam.render."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", action="append")
    ap.add_argument("--count", type=int, default=12)
    ap.add_argument("--seed", default=default_seed)
    a = ap.parse_args()
    for modname in modules:
        fam = importlib.import_module(modname)
        name = fam.FAMILY
        if a.only and name not in a.only:
            continue
        odir, bdir = os.path.join(out, name), os.path.join(build, name)
        shutil.rmtree(odir, ignore_errors=True)
        shutil.rmtree(bdir, ignore_errors=True)
        os.makedirs(odir)
        os.makedirs(bdir)
        for idx in range(a.count):
            drng = seeded(a.seed, name, idx, "doc")
            d = make_doc2(drng, **fam.doc_params(drng, idx))
            if hasattr(fam, "tweak"):
                fam.tweak(d, drng)
            rrng = seeded(a.seed, name, idx, "render")
            tmp = os.path.join(odir, f"_tmp{idx:02d}")
            btmp = os.path.join(bdir, f"{name}-{idx + 1:02d}")
            producer, variant = fam.render(d, rrng, idx, tmp, btmp)  # may reorder ranges / recase the name
            stem = os.path.join(odir, f"{name}-{producer}-{idx + 1:02d}")
            os.replace(tmp + ".pdf", stem + ".pdf")
            write_truth(stem, truth(d, name, producer, variant))
            print(stem + ".pdf", len(d.ranges), "ranges", flush=True)
