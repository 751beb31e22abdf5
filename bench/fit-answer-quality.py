#!/usr/bin/env python3
"""Fits the answer-quality probe (dev.viva.assessment.signal.AnswerQuality) on the development set's tuning part.

Inputs come from the development-set benchmark:
    ./mvnw -B test -Pbench -Dtest=DevSetBenchmark -Ddump=FEATURES.csv -Dembeddings=EMBEDDINGS.csv
FEATURES.csv gives each answer's split, kind, label and score; EMBEDDINGS.csv the three vectors the probe reads (the
answer's e5 vector as a passage, its MiniLM vector, the question's e5 vector as a query), computed exactly as the scorer
computes them.

    python3 bench/fit-answer-quality.py FEATURES.csv EMBEDDINGS.csv [--lambda 1] [--exclude-batch N ...] [--write]

Ridge regression of the 0-3 label on the answer's two vectors and on its e5 vector less the question's (1,152
numbers), fitted on tuning rows only; the difference's weights are then folded into the passage and query weights the
probe applies (w.a + v.(a - q) = (w + v).a - v.q). The difference takes part of the answer's topic out of its vector,
and answers by authors the fit never read rank better for it (leave one batch out, BENCHMARKS.md stop 33). It prints the probe's
leave-one-batch-out Spearman on the tuning rows (each batch was written by different authors, so this is the figure
for answers by people it has not read), its Spearman on the held-out rows, and with --write replaces
src/main/resources/assessment/answer-quality.txt. --exclude-batch keeps a batch out of the fit, to measure it untouched.
Needs numpy and scipy.
"""
import argparse
import csv
import re
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr

OUT = Path(__file__).resolve().parent.parent / "src/main/resources/assessment/answer-quality.txt"
DIMENSIONS = 384


def batch_of(answer_id):
    m = re.match(r"f(\d+)-", answer_id)
    return int(m.group(1)) if m else 1


def ridge(x, y, lam):
    xm, ym = x.mean(0), y.mean()
    xc = x - xm
    w = np.linalg.solve(xc.T @ xc + lam * np.eye(x.shape[1]), xc.T @ (y - ym))
    return w, ym - xm @ w


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("embeddings")
    ap.add_argument("--lambda", dest="lam", type=float, default=1.0)
    ap.add_argument("--exclude-batch", type=int, nargs="*", default=[])
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()

    vectors = {}
    for line in open(args.embeddings):
        parts = line.rstrip().split(",")
        vectors[parts[0]] = np.array(parts[1:], dtype=np.float64)
    rows = [r for r in csv.DictReader(open(args.features)) if r["split"] != "mohler" and r["id"] in vectors]
    ids = [r["id"] for r in rows]
    raw = np.stack([vectors[i] for i in ids])
    if raw.shape[1] != 3 * DIMENSIONS:
        raise SystemExit(f"expected {3 * DIMENSIONS} numbers per answer, found {raw.shape[1]}")
    passage, query = raw[:, :DIMENSIONS], raw[:, 2 * DIMENSIONS:]
    x = np.hstack([raw[:, :2 * DIMENSIONS], passage - query])
    y = np.array([float(r["label"]) for r in rows])
    split = np.array([r["split"] for r in rows])
    kind = np.array([r["kind"] for r in rows])
    batch = np.array([batch_of(i) for i in ids])
    excluded = np.isin(batch, args.exclude_batch)
    tune = (split == "tune") & ~excluded
    held = (split == "heldout") & ~excluded

    oof = np.full(len(y), np.nan)
    for b in sorted(set(batch[tune])):
        train = tune & (batch != b)
        w, c = ridge(x[train], y[train], args.lam)
        part = tune & (batch == b)
        oof[part] = x[part] @ w + c
    w, c = ridge(x[tune], y[tune], args.lam)
    pred = x @ w + c

    def figures(values, mask):
        out = [f"{spearmanr(values[mask], y[mask])[0]:.3f} (n={mask.sum()})"]
        for k in ("technical", "system-design", "behavioural", "introduction"):
            m = mask & (kind == k)
            if m.sum() > 2:
                out.append(f"{k} {spearmanr(values[m], y[m])[0]:.3f}")
        return ", ".join(out)

    print(f"lambda {args.lam}; fitted on {tune.sum()} tuning answers")
    print("  tuning, leave one batch out:", figures(oof, tune))
    print("  held out:                   ", figures(pred, held))
    if excluded.any():
        print("  excluded batches, untouched: ", figures(pred, excluded))
    if args.write:
        batches = ", ".join(str(b) for b in sorted(set(batch[tune])))
        with open(OUT, "w") as f:
            f.write("# AnswerQuality weights: ridge regression (lambda %g) of the 0-3 label on the e5 passage vector, the\n"
                    % args.lam)
            f.write("# MiniLM vector and the e5 passage vector less the question's e5 query vector, of %d tuning answers\n"
                    % tune.sum())
            f.write("# of the development set (batches %s); written by bench/fit-answer-quality.py.\n" % batches)
            f.write("# Then: bias, %d e5 passage weights, %d MiniLM weights, %d e5 query weights.\n"
                    % (DIMENSIONS, DIMENSIONS, DIMENSIONS))
            difference = w[2 * DIMENSIONS:]
            folded = np.concatenate([w[:DIMENSIONS] + difference, w[DIMENSIONS:2 * DIMENSIONS], -difference])
            f.write(f"{c:.8g}\n")
            for v in folded:
                f.write(f"{v:.8g}\n")
        print("wrote", OUT)


if __name__ == "__main__":
    main()
