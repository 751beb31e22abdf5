#!/usr/bin/env python3
"""Fits the answer-quality probe (dev.viva.assessment.signal.AnswerQuality) on the development set's tuning part.

Inputs come from the development-set benchmark:
    ./mvnw -B test -Pbench -Dtest=DevSetBenchmark -Ddump=FEATURES.csv -Dembeddings=EMBEDDINGS.csv
FEATURES.csv gives each answer's split, kind, label and score; EMBEDDINGS.csv the three vectors the probe reads (the
answer's e5 vector as a passage, its MiniLM vector, the question's e5 vector as a query), computed exactly as the scorer
computes them.

    python3 bench/fit-answer-quality.py FEATURES.csv EMBEDDINGS.csv [--lambda 0.1] [--gamma 1] [--exclude-batch N ...]
                                        [--write]

Each answer is read as one vector of 1,152 numbers: its e5 passage vector, its MiniLM vector and its e5 vector less the
question's (which takes part of the answer's topic out of it; answers by authors the fit never read rank better for it,
BENCHMARKS.md stop 33). The probe is kernel ridge regression of the 0-3 label on those vectors with a Gaussian kernel,
exp(-gamma |x - x_i|^2), fitted on tuning rows only: an answer is read by how closely it resembles the tuning answers
and how they were labelled. It prints, for the kernel probe and for the linear ridge probe Viva used before (lambda 1),
the leave-one-batch-out Spearman on the tuning rows (each batch was written by different authors, so this is the figure
for answers by people it has not read) and the Spearman on the held-out rows. With --write it replaces
src/main/resources/assessment/answer-quality.bin (format in AnswerQuality.java: the tuning vectors quantised to bytes,
one weight per vector; Viva quantises the answer it reads the same way, which moves a reading by at most about 0.02 of
a label). --exclude-batch keeps a batch out of the fit, to measure it untouched. Needs numpy and scipy.
"""
import argparse
import csv
import re
import struct
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr

OUT = Path(__file__).resolve().parent.parent / "src/main/resources/assessment/answer-quality.bin"
DIMENSIONS = 384
MAGIC = b"VAQ2"


def batch_of(answer_id):
    m = re.match(r"f(\d+)-", answer_id)
    return int(m.group(1)) if m else 1


def load(features, embeddings):
    """The development set's answers as the probe reads them: ids, rows of FEATURES.csv and 1,152-number vectors."""
    vectors = {}
    for line in open(embeddings):
        parts = line.rstrip().split(",")
        vectors[parts[0]] = np.array(parts[1:], dtype=np.float64)
    rows = [r for r in csv.DictReader(open(features)) if r["split"] != "mohler" and r["id"] in vectors]
    raw = np.stack([vectors[r["id"]] for r in rows])
    if raw.shape[1] != 3 * DIMENSIONS:
        raise SystemExit(f"expected {3 * DIMENSIONS} numbers per answer, found {raw.shape[1]}")
    x = np.hstack([raw[:, :2 * DIMENSIONS], raw[:, :DIMENSIONS] - raw[:, 2 * DIMENSIONS:]])
    return rows, x


def quantise(x):
    """The vectors as the probe ships them: one byte per number, one scale for all."""
    scale = np.abs(x).max() / 127
    return np.round(x / scale).astype(np.int8), scale


def fit_kernel(x, y, lam=0.1, gamma=1.0):
    """Kernel ridge regression on the quantised vectors; returns the probe as a function of new vectors, and its
    parts (quantised vectors, scale, weights, bias)."""
    q, scale = quantise(x)
    xs = q.astype(np.float64) * scale
    norms = (xs * xs).sum(1)

    def kernel(z):
        return np.exp(-gamma * np.maximum(0, (z * z).sum(1)[:, None] + norms[None, :] - 2 * z @ xs.T))

    bias = y.mean()
    alpha = np.linalg.solve(kernel(xs) + lam * np.eye(len(xs)), y - bias)
    return (lambda z: kernel(z) @ alpha + bias), (q, scale, alpha, bias)


def fit_linear(x, y, lam=1.0):
    xm, ym = x.mean(0), y.mean()
    xc = x - xm
    w = np.linalg.solve(xc.T @ xc + lam * np.eye(x.shape[1]), xc.T @ (y - ym))
    return lambda z: z @ w + (ym - xm @ w)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("embeddings")
    ap.add_argument("--lambda", dest="lam", type=float, default=0.1)
    ap.add_argument("--gamma", type=float, default=1.0)
    ap.add_argument("--exclude-batch", type=int, nargs="*", default=[])
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()

    rows, x = load(args.features, args.embeddings)
    y = np.array([float(r["label"]) for r in rows])
    split = np.array([r["split"] for r in rows])
    kind = np.array([r["kind"] for r in rows])
    batch = np.array([batch_of(r["id"]) for r in rows])
    excluded = np.isin(batch, args.exclude_batch)
    tune = (split == "tune") & ~excluded
    held = (split == "heldout") & ~excluded

    def figures(values, mask):
        out = [f"{spearmanr(values[mask], y[mask])[0]:.3f} (n={mask.sum()})"]
        for k in ("technical", "system-design", "behavioural", "introduction"):
            m = mask & (kind == k)
            if m.sum() > 2:
                out.append(f"{k} {spearmanr(values[m], y[m])[0]:.3f}")
        return ", ".join(out)

    print(f"fitted on {tune.sum()} tuning answers")
    probes = [(f"kernel (lambda {args.lam}, gamma {args.gamma})",
               lambda a, b: fit_kernel(a, b, args.lam, args.gamma)[0]),
              ("linear (lambda 1)", fit_linear)]
    for name, fit in probes:
        oof = np.full(len(y), np.nan)
        for b in sorted(set(batch[tune])):
            oof[tune & (batch == b)] = fit(x[tune & (batch != b)], y[tune & (batch != b)])(x[tune & (batch == b)])
        pred = fit(x[tune], y[tune])(x)
        print(name)
        print("  tuning, leave one batch out:", figures(oof, tune))
        print("  held out:                   ", figures(pred, held))
        if excluded.any():
            print("  excluded batches, untouched:", figures(pred, excluded))
    if args.write:
        q, scale, alpha, bias = fit_kernel(x[tune], y[tune], args.lam, args.gamma)[1]
        with open(OUT, "wb") as f:
            f.write(MAGIC)
            f.write(struct.pack(">iiddd", DIMENSIONS, len(alpha), args.gamma, bias, scale))
            f.write(struct.pack(">%dd" % len(alpha), *alpha))
            f.write(q.tobytes())
        batches = ", ".join(str(b) for b in sorted(set(batch[tune])))
        print(f"wrote {OUT}: {len(alpha)} tuning answers of batches {batches}")


if __name__ == "__main__":
    main()
