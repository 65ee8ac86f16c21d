"""Scores shared by bench/clustering.py and bench/similarity.py (re-implemented, not imported from ../shared).

BCubed and pairwise P/R/F1 as defined in the benchmark READMEs (checked against the reference scorer
``shared/bench/tools/cluster_metrics.py``: identical to 1e-12 on the same labels), NMI and ARI from scikit-learn.
"""
from __future__ import annotations

import resource
from collections import Counter

import numpy as np


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(gold: list, pred: list) -> tuple[float, float, float]:
    """Per-item precision |pred ∩ gold| / |pred| and recall |pred ∩ gold| / |gold|, averaged, then F1."""
    both, g, p = Counter(zip(gold, pred)), Counter(gold), Counter(pred)
    n = len(gold)
    prec = sum(c * c / p[b] for (_, b), c in both.items()) / n
    rec = sum(c * c / g[a] for (a, _), c in both.items()) / n
    return prec, rec, _f1(prec, rec)


def pairwise(gold: list, pred: list) -> tuple[float, float, float]:
    """Precision/recall over the item pairs put in one cluster (Miranda et al. 2018)."""
    def pairs(counts):
        return sum(c * (c - 1) / 2 for c in counts.values())
    tp, pp, gp = pairs(Counter(zip(gold, pred))), pairs(Counter(pred)), pairs(Counter(gold))
    prec, rec = (tp / pp if pp else 0.0), (tp / gp if gp else 0.0)
    return prec, rec, _f1(prec, rec)


def cluster_scores(gold: list, pred: list) -> dict:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    bp, br, bf = bcubed(gold, pred)
    pp, pr, pf = pairwise(gold, pred)
    return {"b3_p": bp, "b3_r": br, "b3_f1": bf, "pair_p": pp, "pair_r": pr, "pair_f1": pf,
            "nmi": normalized_mutual_info_score(gold, pred), "ari": adjusted_rand_score(gold, pred),
            "n_pred": len(set(pred)), "n_gold": len(set(gold))}


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pearson_spearman(x, y) -> tuple[float, float]:
    from scipy.stats import pearsonr, spearmanr

    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return float(pearsonr(x, y)[0]), float(spearmanr(x, y)[0])


def rounded(d: dict, nd: int = 4) -> dict:
    return {k: (round(v, nd) if isinstance(v, float) else v) for k, v in d.items()}

