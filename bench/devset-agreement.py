#!/usr/bin/env python3
"""Agreement between the development set's two independent labels (author, second labeller) per answer.

Reads src/test/resources/devset/answers.jsonl; each answer's "labels" holds the author's label, the second labeller's
(blind, docs/assessment-labelling.md) and, where they differed, a third blind label; "label" is their median.
Prints exact agreement and Cohen's kappa, unweighted and quadratic-weighted. Needs numpy.
"""
import json
import sys

import numpy as np

path = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/devset/answers.jsonl"
rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
a = np.array([r["labels"][0] for r in rows])
b = np.array([r["labels"][1] for r in rows])


def kappa(x, y, quadratic):
    observed = np.zeros((4, 4))
    for i, j in zip(x, y):
        observed[i, j] += 1
    observed /= observed.sum()
    expected = np.outer(observed.sum(1), observed.sum(0))
    weights = np.array([[((i - j) ** 2 if quadratic else float(i != j)) for j in range(4)] for i in range(4)])
    return 1 - (weights * observed).sum() / (weights * expected).sum()


print(f"{len(rows)} answers; exact agreement {np.mean(a == b):.3f}; Cohen's kappa {kappa(a, b, False):.3f}; "
      f"quadratic-weighted {kappa(a, b, True):.3f}; disagreements settled by a third label: "
      f"{sum(1 for r in rows if len(r['labels']) == 3)}")
