#!/usr/bin/env python3
"""Fits ScoreModel's weights on the tuning part of the development set.

Input: the CSV that DevSetBenchmark writes with -Ddump=FILE
(./mvnw -B test -Pbench -Dtest=DevSetBenchmark -Ddump=/tmp/features.csv).
Fits, per group, non-negative least squares of a target per label on the features (relevance-weighted depth, as
ScoreModel.Features.vector builds them), on the tuning rows only, and prints the coefficients and the Spearman
correlation on tuning and held-out rows. Needs numpy and scipy.
"""
import csv
import sys

import numpy as np
from scipy.optimize import nnls
from scipy.stats import spearmanr

TARGET = {0: 0.03, 1: 0.25, 2: 0.52, 3: 0.82}
NAMES = ["intercept", "relevance", "rubric", "hasRubric", "criteria", "rel*domain", "rel*reasoning", "rel*numbers",
         "rel*tradeOffs", "rel*examples", "rel*length", "story", "ideal", "focus", "rel*novelty", "echo"]


def vector(r):
    f = {k: float(r[k]) for k in ["relevance", "rubric", "hasRubric", "criteria", "domain", "reasoning", "numbers",
                                  "tradeOffs", "examples", "length", "story", "ideal", "focus", "novelty", "echo"]}
    rel = f["relevance"]
    return [1, rel, f["rubric"], f["hasRubric"], f["criteria"], rel * f["domain"], rel * f["reasoning"],
            rel * f["numbers"], rel * f["tradeOffs"], rel * f["examples"], rel * f["length"], f["story"], f["ideal"],
            f["focus"], rel * f["novelty"], f["echo"] * (1 - f["rubric"])]


# the small groups get few features, so that ~40 tuning answers cannot be fitted by accident
USED = {
    "TECHNICAL": NAMES,
    "BEHAVIOURAL": ["intercept", "relevance", "criteria", "rel*numbers", "rel*examples", "rel*length", "story", "ideal",
                    "echo"],
    "INTRODUCTION": ["intercept", "criteria", "rel*domain", "rel*numbers", "rel*length"],
}
rows = list(csv.DictReader(open(sys.argv[1])))
for group in ["TECHNICAL", "BEHAVIOURAL", "INTRODUCTION"]:
    g = [r for r in rows if r["group"] == group and r["category"] not in ("injection",)]
    tune = [r for r in g if r["split"] == "tune"]
    mask = np.array([n in USED[group] for n in NAMES], dtype=float)
    X = np.array([vector(r) for r in tune]) * mask
    y = np.array([TARGET[int(r["label"])] for r in tune])
    # the intercept, hasRubric and echo may be negative: fit them on both signs
    Xs = np.hstack([X, -X[:, [0, 3, 15]]])
    w, _ = nnls(Xs, y)
    coef = w[:len(NAMES)].copy()
    coef[0] -= w[len(NAMES)]
    coef[3] -= w[len(NAMES) + 1]
    coef[15] -= w[len(NAMES) + 2]
    def pred(rs):
        return np.clip(np.array([vector(r) for r in rs]) @ coef, 0, 1)
    held = [r for r in g if r["split"] == "heldout"]
    print(f"{group}: tune n={len(tune)} Spearman {spearmanr(pred(tune), [int(r['label']) for r in tune])[0]:.3f}; "
          f"heldout n={len(held)} Spearman {spearmanr(pred(held), [int(r['label']) for r in held])[0]:.3f}")
    print("   {" + ", ".join(f"{c:.3f}" for c in coef) + "}")
    print("   " + ", ".join(f"{n}={c:.3f}" for n, c in zip(NAMES, coef) if abs(c) > 1e-9))
