"""Article-similarity benchmark: SemEval-2022 Task 8 English pairs, our similarity vs the annotators' ``overall``.

    python bench/similarity.py [--data DIR]     # default <repo>/../shared/bench/semeval22_t8_en_pairs

Pearson (the task's metric) and Spearman correlation with ``overall`` (1 = very similar ... 4 = very dissimilar,
sign flipped), in one process, for:

    ours       the embedding cosine of the active embedder (MiniLM when installed): what vector search ranks by
    story      ``broadsheet.enrich.cluster.similarity``: the clusterer's article-to-article score, the embedding
               cosine mixed with the exact TF-IDF cosine by the profile's dense weight (tuned for clustering on
               other data; nothing here is tuned on SemEval)
    fallback   the TF-IDF embedder's cosine (what runs without the ``ai`` extra; 1024 folded dimensions)
    baseline   README baseline: scikit-learn TF-IDF (sublinear, English stop words) fitted on all texts, cosine

Document frequencies (ours, fallback) are learned from all the texts first, as a running store would have seen
its corpus. Last line: one JSON object; {"skipped": true} with exit 0 when the data is absent.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent), str(BENCH)]

from _enrich_metrics import pearson_spearman  # noqa: E402

from broadsheet.enrich.cluster import Doc, similarity  # noqa: E402
from broadsheet.enrich.embed import TfidfEmbedder, doc_text, get_embedder  # noqa: E402
from broadsheet.enrich.providers.tfidf import HashedTfidf  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/bench/semeval22_t8_en_pairs"


def baseline_cosines(a: list[str], b: list[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(a + b)
    return np.asarray(x[: len(a)].multiply(x[len(a):]).sum(axis=1)).ravel()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    file = args.data / "pairs.jsonl"
    if not file.is_file():
        print(f"similarity bench: {file} not found - skipped")
        print(json.dumps({"bench": "similarity", "skipped": True}))
        return 0
    pairs = [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
    a, b = [doc_text(None, p["text1"]) for p in pairs], [doc_text(None, p["text2"]) for p in pairs]
    target = [-float(p["overall"]) for p in pairs]

    n, emb = len(pairs), get_embedder()
    v = emb.encode(a + b)  # a TF-IDF embedder learns all texts before it encodes them
    va, vb = v[:n], v[n:]
    f = TfidfEmbedder().encode(a + b)
    fa, fb = f[:n], f[n:]
    tfidf = HashedTfidf()
    tfidf.learn(a + b)
    systems = {
        "ours": (va * vb).sum(axis=1),
        "story": [similarity(Doc(0, x, text=s), Doc(1, y, text=t), tfidf, emb.name)
                  for x, y, s, t in zip(va, vb, a, b)],
        "fallback": (fa * fb).sum(axis=1),
        "baseline": baseline_cosines(a, b),
    }
    results = {}
    print(f"SemEval-2022 Task 8 en-en, {len(pairs)} pairs; embedder {emb.name}")
    for name, sims in systems.items():
        r, rho = pearson_spearman(sims, target)
        results[name] = {"pearson": round(r, 4), "spearman": round(rho, 4)}
        print(f"  {name:<9} Pearson {r:.4f}  Spearman {rho:.4f}")
    print(json.dumps({"bench": "similarity", "skipped": False, "n": len(pairs), "embedder": emb.name,
                      "results": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
