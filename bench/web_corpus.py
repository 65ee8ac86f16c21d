"""A store of N generated articles for the web benchmark (deterministic; our own word list, no real text).

Words follow a Zipf distribution over a 30,000-word vocabulary, as words do in real news: a few function words
are in every article, a long tail is rare. The vocabulary is made of English function words, the news words
below (placed at ranks where each occurs in roughly 1–10% of articles, like "harbour" or "strike" in a real
archive) and made-up words for the rest. An earlier version drew every sentence from ~60 words, so any search
term matched ~90% of the articles: far more work per query than real news, where a word names a topic.

``SEARCH_TERMS`` are the queries the benchmark sends: single news words and two-word queries (both words must
match); ``python bench/web_corpus.py DB`` prints how many articles each matches.
"""
from __future__ import annotations

import itertools
import random
import sys
import time
from datetime import timedelta

from sqlalchemy import insert

from broadsheet.dedupe.fingerprint import content_hash
from broadsheet.store import Store
from broadsheet.store.clock import utcnow
from broadsheet.store.schema import articles, sources

VOCABULARY = 30_000
ZIPF_S = 1.0
FUNCTION_WORDS = ("the of and to a in that is for on was with said by at as from it has be an have are were "
                  "will its this after over but not they their who which been had more than also new one two "
                  "about up out into could would when there last year can all first other people some three "
                  "under before while since most where what now).").split()
NEWS_WORDS = ("harbour council river bridge market grower ferry union strike budget school station museum library "
              "festival railway hospital minister court election factory orchard vineyard airport reservoir "
              "clinic tribunal parliament startup turbine satellite observatory vaccine league stadium derby "
              "orchestra approved rejected opened closed delayed funded expanded questioned praised reviewed "
              "announced postponed cancelled reopened inspected northern coastal rural regional national "
              "temporary historic annual independent public private").split()
SEARCH_TERMS = ("harbour", "railway strike", "museum", "vaccine", "election", "orchard", "reservoir", "turbine",
                "ferry", "budget", "tribunal", "satellite", "stadium", "orchestra", "vineyard", "parliament",
                "clinic", "derby", "observatory", "festival", "library", "union", "coastal", "hospital",
                "council budget", "ferry union", "airport delayed", "school funded", "court rejected",
                "museum reopened", "river bridge", "national league")
_ONSETS = "b c d f g h j k l m n p r s t v w z br cr dr fl gr kl pl pr sk sl sp st tr th sh ch".split()
_VOWELS = "a e i o u a e i o ai ea ou io ia".split()
_CODAS = ["", "", "", "n", "r", "l", "m", "t", "k", "nd", "rt", "lk", "mp", "x"]


def _made_up_words(rnd: random.Random, n: int, taken: set[str]) -> list[str]:
    words: list[str] = []
    while len(words) < n:
        w = "".join(rnd.choice(_ONSETS) + rnd.choice(_VOWELS) for _ in range(rnd.choice((1, 2, 2, 3, 3, 4))))
        w += rnd.choice(_CODAS)
        if w not in taken and len(w) > 3 and not w.endswith(("s", "e", "y", "ed", "ing")):  # porter keeps these
            taken.add(w)
            words.append(w)
    return words


def vocabulary(seed: int = 11) -> list[str]:
    """The words by rank (most frequent first): function words, then news words spread over ranks 300–3,500
    among made-up ones."""
    rnd = random.Random(seed)
    taken = set(FUNCTION_WORDS) | set(NEWS_WORDS)
    words = list(FUNCTION_WORDS) + _made_up_words(rnd, VOCABULARY - len(FUNCTION_WORDS) - len(NEWS_WORDS), taken)
    news = list(NEWS_WORDS)
    rnd.shuffle(news)
    for i, w in enumerate(news):  # ranks from 300 (in ~9% of articles) to 3,500 (~1%), log-spaced
        words.insert(int(300 * (3500 / 300) ** (i / (len(news) - 1))), w)
    return words


def article_row(rnd: random.Random, i: int, source_id: int, now, words: list[str], cum: list[float]) -> dict:
    shape = [[rnd.randint(9, 24) for _ in range(rnd.randint(3, 5))] for _ in range(rnd.randint(4, 7))]
    title_words = rnd.randint(5, 9)
    drawn = iter(rnd.choices(words, cum_weights=cum, k=title_words + sum(map(sum, shape))))

    def sentence(n: int) -> str:
        s = " ".join(itertools.islice(drawn, n))
        return s[0].upper() + s[1:]

    title = f"{sentence(title_words)} #{i}"
    paras = [" ".join(sentence(n) + "." for n in para) for para in shape]
    text = "\n".join(paras)
    url = f"https://outlet{source_id}.example/news/{i}"
    return dict(source_id=source_id, url=url, canonical_url=url, guid=f"g{i}", title=title, authors="Desk Writer",
                published_at=now - timedelta(minutes=i), fetched_at=now, summary=paras[0][:280],
                content_html="".join(f"<p>{p}</p>" for p in paras), content_text=text,
                content_hash=content_hash(text + str(i)), word_count=len(text.split()))


def build(database_url: str, n: int, n_sources: int = 50, progress=print) -> Store:
    store = Store(database_url)
    rnd = random.Random(7)
    now = utcnow()
    words = vocabulary()
    cum = list(itertools.accumulate(1 / r ** ZIPF_S for r in range(1, len(words) + 1)))
    t0 = time.perf_counter()
    with store.db.write() as conn:
        conn.execute(insert(sources), [dict(url=f"https://outlet{s}.example/feed", kind="feed", title=f"Outlet {s}",
                                            site_url=f"https://outlet{s}.example/", paused=True, error_count=0,
                                            created_at=now) for s in range(1, n_sources + 1)])
    batch = 2000
    for start in range(0, n, batch):
        rows = [article_row(rnd, i, 1 + i % n_sources, now, words, cum) for i in range(start, min(n, start + batch))]
        with store.db.write() as conn:
            conn.execute(insert(articles), rows)
        if progress and (start // batch) % 10 == 0:
            progress(f"  {start + len(rows):,} articles ({time.perf_counter() - t0:.0f} s)")
    return store


def term_counts(database_url: str) -> dict[str, int]:
    """How many articles each search term matches (all its words), counted in full."""
    from broadsheet.store.search_text import SearchQuery
    from broadsheet.store.sqlite import _fts_query
    from sqlalchemy import text

    store = Store(database_url)
    try:
        with store.db.read() as conn:
            return {t: conn.execute(text("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH :q"),
                                    {"q": _fts_query(SearchQuery.parse(t))}).scalar_one() for t in SEARCH_TERMS}
    finally:
        store.close()


if __name__ == "__main__":
    for term, count in term_counts(f"sqlite:///{sys.argv[1]}").items():
        print(f"{term:20} {count:7,}")
