"""Near-duplicate benchmark: republished copies of real article pages, found through the product's path.

Data: the extraction benchmark's pages (``DIR/html/<id>.html.gz`` + ``DIR/ground-truth.json`` with ``articleBody``).
From them, deterministically (``--seed``), a labelled collection is built:

* **originals**: the real pages of the *story* articles, as fetched;
* **copies**: each story body, lightly edited (new headline, a paragraph dropped or added, typo fixes, a credit
  line, straight quotes, or cut short with a "continue reading" line), put into ANOTHER page's template (its
  nav, footer, related lists and scripts; the template's own body removed) or into a generated outlet template;
* **same-site others**: a story page's template carrying another, unrelated body (from the *filler* articles,
  whose own pages are not in the collection; every other one cut to a brief of about 60 words, so that the
  template's text weighs more) - same boilerplate, different article. Copies put into another
  story's template are also same-site others of that story's page.

Every page is run through ``broadsheet.extract.extract`` and then, in a shuffled arrival order, through
``NearDuplicateIndex`` (query, then add; the URL's host as the source), as ingestion would. A predicted pair is
(new page, indexed page found); true pairs are all pairs of pages carrying the same story. Reported next to two references computed in the same
run on the same extracted texts: the exact content hash, and plain MinHash (estimated Jaccard >= 0.8, all pairs,
no exact check).

    python bench/duplicates.py [--data DIR] [--seed N] [--show-errors]

The last line printed is one JSON object with the figures.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from itertools import combinations
from pathlib import Path
from urllib.parse import urlsplit

from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/bench/extraction/dev"
COPIES_PER_STORY = 2
FILLER_SHARE = 0.3  # share of usable pages whose bodies only serve as "other article" bodies
OUTLETS = ["Harbour Ledger", "The Daily Meridian", "Northgate Wire", "Cobalt Times", "Riverside Post"]
EXTRA_LINES = ["This story has been updated with additional reporting.", "Additional reporting by staff writers.",
               "Sign up for our morning newsletter to get the day's top stories.",
               "Have a tip? Contact our newsroom through the secure form on our website."]
PREFIXES = ["Analysis", "Explainer", "Update", "What we know", "In depth"]
_WORDS = re.compile(r"\w+")


def norm(text: str) -> str:
    return " ".join(_WORDS.findall((text or "").lower()))


def body_elements(tree, body: str) -> list:
    """The outermost elements whose whole text lies inside the article body."""
    target, found, skip = f" {norm(body)} ", [], set()
    for el in tree.iter():
        if not isinstance(el.tag, str) or el in skip or el.tag in ("script", "style", "head", "title"):
            continue
        text = norm(el.text_content())
        if len(text) >= 25 and f" {text} " in target:
            found.append(el)
            skip.update(el.iterdescendants())
    return found


def wrap(page: str, old_body: str, paragraphs: list[str], headline: str | None) -> str | None:
    """The page with its article body replaced by ``paragraphs`` (and its headline, when given)."""
    tree = lxml_html.document_fromstring(page)
    hits = body_elements(tree, old_body)
    if not hits:
        return None
    first, new = hits[0], [lxml_html.Element("p") for _ in paragraphs]
    for p, text in zip(new, paragraphs):
        p.text = text
    if first.tag in ("p", "li", "blockquote", "h2", "h3", "h4", "span", "a") or not len(first):
        parent, at = first.getparent(), first.getparent().index(first)
        for k, p in enumerate(new):
            parent.insert(at + k, p)
    else:  # a container of the body: keep it (its class names guide extractors), swap its content
        first.clear()
        first.extend(new)
        hits = hits[1:]
    for el in hits:
        if el.getparent() is not None:
            el.drop_tree()
    for el in tree.xpath('//script[@type="application/ld+json"] | //meta[contains(@name, "description")]'
                         ' | //meta[contains(@property, "description")]'):
        el.drop_tree()
    if headline:
        for el in tree.xpath("//title | //h1"):
            el.clear()
            el.text = headline
        for el in tree.xpath('//meta[contains(@property, "title") or contains(@name, "title")]'):
            el.set("content", headline)
    return lxml_html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")


def share(part: str, whole: str) -> float:
    """Share of ``part``'s 4-word shingles found in ``whole``."""
    def grams(t):
        w = norm(t).split()
        return {tuple(w[i:i + 4]) for i in range(max(1, len(w) - 3))}
    a = grams(part)
    return len(a & grams(whole)) / max(1, len(a))


def template_ok(page: str, url: str, old_body: str, probe: list[str]) -> bool:
    """Whether swapping the body works on this page: a probe body comes out of extraction, the old one does not."""
    from broadsheet.errors import ExtractionError
    from broadsheet.extract import extract

    html = wrap(page, old_body, probe, None)
    try:
        text = extract(html, url).text if html else ""
    except ExtractionError:
        return False
    return share("\n".join(probe), text) >= 0.9 and share(old_body, text) <= 0.1


def outlet_page(rng: random.Random, outlet: str, paragraphs: list[str], headline: str, related: list[str]) -> str:
    """A generated outlet's page: nav, headline, byline, body, related list, footer."""
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in
                  rng.sample(["World", "Politics", "Business", "Tech", "Science", "Sport", "Culture", "Opinion"], 6))
    rel = "".join(f'<li><a href="/story/{rng.randrange(10**6)}">{h}</a></li>' for h in related)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html><head><title>{headline} | {outlet}</title></head><body>'
            f'<header><a href="/">{outlet}</a><nav><ul>{nav}</ul></nav></header><main><article>'
            f'<h1>{headline}</h1><p class="byline">By Staff, {outlet}</p><div class="article-body">{body}</div>'
            f'</article><aside><h2>Related stories</h2><ul>{rel}</ul></aside></main><footer><p>&copy; 2025 {outlet}. '
            f'All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>'
            f'</body></html>')


def edit(rng: random.Random, paragraphs: list[str], title: str) -> tuple[list[str], str | None, list[str]]:
    """A lightly edited republication: (paragraphs, new headline or None, names of the edits made)."""
    ps, done = list(paragraphs), []
    ops = [op for op in ("headline", "drop", "add", "typos", "credit", "quotes", "excerpt") if rng.random() < 0.35]
    for op in ops:
        if op == "drop" and len(ps) >= 4:
            del ps[rng.randrange(1, len(ps))]
        elif op == "add":
            ps.insert(rng.randrange(1, len(ps) + 1), rng.choice(EXTRA_LINES))
        elif op == "typos":
            for _ in range(rng.randint(1, 3)):
                i = rng.randrange(len(ps))
                words = ps[i].split(" ")
                j = rng.randrange(len(words))
                if len(words[j]) > 4:
                    w = words[j]
                    words[j] = w[:2] + w[3] + w[2] + w[4:]
                ps[i] = " ".join(words)
        elif op == "credit":
            line = f"This article was originally published by {rng.choice(OUTLETS)}. Republished with permission."
            ps.insert(0, line) if rng.random() < 0.5 else ps.append(line)
        elif op == "quotes":
            ps = [p.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"') for p in ps]
        elif op == "excerpt" and len(ps) >= 8:
            ps = ps[: int(len(ps) * rng.uniform(0.7, 0.9))] + [f"Continue reading at {rng.choice(OUTLETS)}."]
        elif op != "headline":
            continue
        done.append(op)
    if not done:
        done.append("headline")
    headline = f"{rng.choice(PREFIXES)}: {title}" if "headline" in done else None
    return ps, headline, done


def load(data: Path) -> dict:
    """The pages, their bodies as paragraphs, their sites, and which pages can lend their template."""
    from broadsheet.fetch.encoding import decode_body

    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(i for i in truth if norm(truth[i]["articleBody"]))
    raw = {i: gzip.decompress((data / "html" / f"{i}.html.gz").read_bytes()) for i in ids}
    pages = {i: decode_body(raw[i]) for i in ids}
    paras = {i: [p.strip() for p in truth[i]["articleBody"].split("\n") if p.strip()] for i in ids}
    templates = {i for n, i in enumerate(ids)
                 if template_ok(pages[i], truth[i]["url"], truth[i]["articleBody"], paras[ids[n - 1]])}
    return {"ids": ids, "truth": truth, "raw": raw, "pages": pages, "paras": paras, "templates": templates,
            "site": {i: urlsplit(truth[i]["url"]).netloc for i in ids}}


def build(corpus: dict, seed: int) -> list[dict]:
    """The labelled collection: dicts with id, url, html, story (None for same-site others) and kind."""
    truth, pages, paras, site, templates = (corpus[k] for k in ("truth", "pages", "paras", "site", "templates"))
    rng = random.Random(seed)
    ids = list(corpus["ids"])
    rng.shuffle(ids)
    n_fill = int(len(ids) * FILLER_SHARE)
    fillers, stories = ids[:n_fill], ids[n_fill:]
    hosts = sorted(templates.intersection(stories))  # "others" go into story pages, so their original is here too
    docs = [{"id": f"orig-{i[:8]}", "url": truth[i]["url"], "html": corpus["raw"][i], "story": i, "kind": "original"}
            for i in stories]
    for i in stories:
        title = " ".join(paras[i][0].split()[:10])
        hosts_i = rng.sample(sorted(t for t in templates if site[t] != site[i]), COPIES_PER_STORY)
        outlets_i = rng.sample(OUTLETS, COPIES_PER_STORY)  # each outlet republishes a story once
        for c, (t, outlet) in enumerate(zip(hosts_i, outlets_i)):
            ps, headline, ops = edit(rng, paras[i], title)
            if rng.random() < 0.7:  # another real site's page template
                html, url = wrap(pages[t], truth[t]["articleBody"], ps, headline), f"https://{site[t]}/copy/{i[:8]}"
            else:
                related = [" ".join(paras[s][0].split()[:9]) for s in rng.sample(stories, 4)]
                html = outlet_page(rng, outlet, ps, headline or title, related)
                url = f"https://{norm(outlet).replace(' ', '')}.example/{i[:8]}-{c}"
            docs.append({"id": f"copy{c}-{i[:8]}", "url": url, "html": html, "story": i, "kind": "+".join(ops)})
    for n, f in enumerate(fillers):  # every other one a brief: its first paragraphs, up to about 60 words
        t, ps = hosts[n % len(hosts)], paras[f]
        if n % 2:
            ps = [p for k, p in enumerate(ps) if len(" ".join(ps[:k]).split()) < 60]
        docs.append({"id": f"other{n}-{t[:8]}", "url": f"https://{site[t]}/other/{n}", "story": None,
                     "html": wrap(pages[t], truth[t]["articleBody"], ps, None), "kind": "same-site other"})
    return docs


def run(docs: list[dict], seed: int) -> tuple[dict[str, set], float, float]:
    """Pairs found by each system and the true pairs (page ids tagged with the seed); seconds of extraction and
    of near-duplicate detection."""
    from broadsheet.dedupe.fingerprint import content_hash
    from broadsheet.dedupe.near import NearDuplicateIndex, Sketch
    from broadsheet.errors import ExtractionError
    from broadsheet.extract import extract

    order = list(docs)
    random.Random(seed + 1).shuffle(order)
    index, found, texts, sketches = NearDuplicateIndex(), set(), {}, {}
    t_extract = t_dedupe = 0.0
    for d in order:
        start = time.perf_counter()
        try:
            texts[d["id"]] = extract(d["html"], d["url"]).text
        except ExtractionError:
            texts[d["id"]] = ""
        mid = time.perf_counter()
        sketches[d["id"]] = sketch = Sketch.of(texts[d["id"]])
        source = urlsplit(d["url"]).netloc  # the site, not the feed: one site's feeds share its template
        found |= {(d["id"], other) for other, _ in index.duplicates(sketch, source)}
        index.add(d["id"], sketch, source)
        t_extract, t_dedupe = t_extract + mid - start, t_dedupe + time.perf_counter() - mid
    story = {d["id"]: d["story"] for d in docs}
    hashes = {i: content_hash(t) for i, t in texts.items()}
    pairs = {"near": found,
             "true": {(a, b) for a, b in combinations(story, 2) if story[a] and story[a] == story[b]},
             "exact_hash": {(a, b) for a, b in combinations(hashes, 2) if hashes[a] and hashes[a] == hashes[b]},
             "minhash_0.8": {(a, b) for a, b in combinations(sketches, 2) if len(sketches[a].shingles)
                             and (sketches[a].signature == sketches[b].signature).mean() >= 0.8}}
    return {k: {frozenset(f"{seed}:{i}" for i in p) for p in v} for k, v in pairs.items()}, t_extract, t_dedupe


def scores(predicted: set, true: set) -> dict:
    tp = len(predicted & true)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(true) if true else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0, 4),
            "pairs": len(predicted)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"benchmark folder (default {DEFAULT_DATA})")
    parser.add_argument("--seed", type=int, default=1, help="first seed (default 1)")
    parser.add_argument("--seeds", type=int, default=1, help="collections to build and pool, seed, seed+1, ...")
    parser.add_argument("--show-errors", action="store_true", help="list missed and wrong pairs")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        print(f"near-duplicate benchmark skipped: no data in {args.data}")
        print(json.dumps({"bench": "duplicates", "skipped": True, "reason": f"no data in {args.data}"}))
        return 0
    corpus = load(args.data)
    pooled, kinds, n_docs, t_extract, t_dedupe = {}, {}, 0, 0.0, 0.0
    for seed in range(args.seed, args.seed + args.seeds):
        docs = build(corpus, seed)
        pairs, te, td = run(docs, seed)
        for name, p in pairs.items():
            pooled.setdefault(name, set()).update(p)
        kinds.update({f"{seed}:{d['id']}": d["kind"] for d in docs})
        n_docs, t_extract, t_dedupe = n_docs + len(docs), t_extract + te, t_dedupe + td
    true = pooled.pop("true")
    if args.show_errors:
        for label, wrong in (("missed", true - pooled["near"]), ("wrong", pooled["near"] - true)):
            for pair in sorted(wrong, key=sorted):
                print(f"  {label}: " + "  ~  ".join(f"{i} ({kinds[i]})" for i in sorted(pair)))
    results = {name: scores(p, true) for name, p in pooled.items()}
    counts = {k: sum(1 for v in kinds.values() if (v if v in ("original", "same-site other") else "copy") == k)
              for k in ("original", "copy", "same-site other")}
    print(f"{n_docs} pages {counts}, {len(corpus['templates'])}/{len(corpus['ids'])} pages usable as templates, "
          f"{len(true)} true pairs, seeds {args.seed}..{args.seed + args.seeds - 1}")
    print(f"{'system':<14} {'prec':>7} {'recall':>7} {'F1':>7} {'pairs':>6}")
    for name, r in results.items():
        print(f"{name:<14} {r['precision']:7.4f} {r['recall']:7.4f} {r['f1']:7.4f} {r['pairs']:6d}")
    speed = {"dedupe_docs_per_s": round(n_docs / t_dedupe, 1),
             "extract_plus_dedupe_docs_per_s": round(n_docs / (t_extract + t_dedupe), 1)}
    print(f"near-duplicate step {speed['dedupe_docs_per_s']} docs/s; extraction + near-duplicates "
          f"{speed['extract_plus_dedupe_docs_per_s']} docs/s")
    print(json.dumps({"bench": "duplicates", "seeds": [args.seed, args.seed + args.seeds - 1], "n_docs": n_docs,
                      "true_pairs": len(true), **results, **speed}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
