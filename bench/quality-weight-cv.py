#!/usr/bin/env python3
"""How much say the answer-quality probe should have, judged on answers by authors neither fit has read.

Inputs come from the development-set benchmark, run on the code as it stands:
    ./mvnw -B test -Pbench -Dtest=DevSetBenchmark -Ddump=FEATURES.csv -Dembeddings=EMBEDDINGS.csv
    python3 bench/quality-weight-cv.py FEATURES.csv EMBEDDINGS.csv [--test-batch N] [--weights 1.6 2.4 3.0 3.5]

Each batch of the development set was written by different authors. For every batch, the probe
(bench/fit-answer-quality.py's kernel ridge regression, with its defaults) is refitted on the other batches' tuning rows, and that
batch's answers are rescored with ScoreModel.score (its weights read from ScoreModel.java) for each probe weight tried,
for technical questions outside the bank (group OPEN) and for the rest. The rules that act after ScoreModel (a stated
misconception, a restatement, hedging, off topic) are kept as the ratio they applied to each answer in FEATURES.csv.
--test-batch keeps one batch out of every fit and prints it apart (the newest, untouched batch). Prints Spearman with
the labels for all answers and for the OPEN group. Needs numpy and scipy.
"""
import argparse
import importlib.util
import re
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr

SCORE_MODEL = Path(__file__).resolve().parent.parent / "src/main/java/dev/viva/assessment/service/ScoreModel.java"
_spec = importlib.util.spec_from_file_location("fit", Path(__file__).resolve().parent / "fit-answer-quality.py")
fit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fit)
FEATURES = ["relevance", "rubric", "hasRubric", "criteria", "domain", "reasoning", "numbers", "tradeOffs", "examples",
            "length", "story", "ideal", "focus", "novelty", "echo", "glib", "listed", "outcome"]


def constants():
    """ScoreModel's weights and constants, read from its source so that this script cannot drift from it."""
    source = SCORE_MODEL.read_text()
    weights = {g: np.array([float(v) for v in re.search(r"double\[\] %s = \{([^}]*)\}" % g, source, re.S).group(1)
                            .replace("\n", " ").split(",")])
               for g in ("TECHNICAL", "OPEN", "BEHAVIOURAL", "INTRODUCTION")}
    value = {n: float(re.search(r"static final double %s = ([\d.]+);" % n, source).group(1))
             for n in ("FULL_RELEVANCE", "QUALITY", "QUALITY_NEUTRAL", "QUALITY_OPEN")}
    return weights, value


def model_score(r, weights, c, quality, probe_weight):
    """ScoreModel.score, as written in Java."""
    f = {k: float(r[k]) for k in FEATURES}
    gate = min(1.0, f["relevance"] / (1.0 if r["group"] == "TECHNICAL" else c["FULL_RELEVANCE"]))
    x = np.array([1, f["relevance"], f["rubric"], f["hasRubric"], f["criteria"], gate * f["domain"],
                  gate * f["reasoning"], gate * f["numbers"], gate * f["tradeOffs"], gate * f["examples"],
                  gate * f["length"], f["story"], f["ideal"], f["focus"], gate * f["novelty"],
                  f["echo"] * (1 - f["rubric"]), f["glib"], f["listed"], gate * f["outcome"]])
    base = max(0.0, min(1.0, float(weights[r["group"]] @ x)))
    reading = quality - c["QUALITY_NEUTRAL"]
    if reading > 0:
        reading *= min(1.0, f["relevance"] / c["FULL_RELEVANCE"]) ** 2
    weight = probe_weight * f["length"]
    return base + (1 - base) * min(0.8, weight * reading) if reading > 0 else base * (1 + max(-0.9, weight * reading))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("embeddings")
    ap.add_argument("--test-batch", type=int)
    ap.add_argument("--weights", type=float, nargs="*", default=[1.6, 2.4, 3.0, 3.5])
    args = ap.parse_args()
    weights, c = constants()

    rows, x = fit.load(args.features, args.embeddings)
    y = np.array([float(r["label"]) for r in rows])
    batch = np.array([fit.batch_of(r["id"]) for r in rows])
    tune = np.array([r["split"] == "tune" for r in rows]) & (batch != args.test_batch)

    # each batch read by a probe that never saw it
    unseen = np.zeros(len(rows))
    for b in sorted(set(batch)):
        if b == args.test_batch:
            continue
        unseen[batch == b] = fit.fit_kernel(x[tune & (batch != b)], y[tune & (batch != b)])[0](x[batch == b])
    if args.test_batch is not None:
        unseen[batch == args.test_batch] = fit.fit_kernel(x[tune], y[tune])[0](x[batch == args.test_batch])

    # what the rules after ScoreModel did to each answer, as a ratio of the model's own score
    ratio = []
    for r in rows:
        own = model_score(r, weights, c, float(r["quality"]),
                          c["QUALITY_OPEN"] if r["group"] == "OPEN" else c["QUALITY"])
        given = int(r["score"]) / 100
        ratio.append(None if round(100 * own) == int(r["score"]) else (given / own if own > 0 else 0.0))

    parts = [("batches seen by no fit, all", batch != args.test_batch, False)]
    parts.append(("  technical outside the bank", batch != args.test_batch, True))
    if args.test_batch is not None:
        parts += [(f"batch {args.test_batch} (untouched), all", batch == args.test_batch, False),
                  ("  technical outside the bank", batch == args.test_batch, True)]
    print(f"probe refitted leaving each batch out; {len(rows)} answers")
    for probe_weight in args.weights:
        scores = []
        for r, q, k in zip(rows, unseen, ratio):
            s = model_score(r, weights, c, min(1.0, max(0.0, q / 3)),
                            probe_weight if r["group"] == "OPEN" else c["QUALITY"])
            s = max(0.0, min(1.0, s))
            scores.append(s if k is None else s * k)
        scores = np.array(scores)
        line = []
        for name, mask, open_only in parts:
            m = mask & np.array([(r["group"] == "OPEN") or not open_only for r in rows])
            line.append(f"{name} {spearmanr(scores[m], y[m])[0]:.3f}")
        print(f"OPEN weight {probe_weight}: " + "; ".join(line))


if __name__ == "__main__":
    main()
