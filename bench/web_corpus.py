"""A store of N generated articles for the web benchmark (deterministic; our own word list, no real text)."""
from __future__ import annotations

import random
import time
from datetime import timedelta

from sqlalchemy import insert

from broadsheet.dedupe.fingerprint import content_hash
from broadsheet.store import Store
from broadsheet.store.clock import utcnow
from broadsheet.store.schema import articles, sources

NOUNS = ("harbour council river bridge market grower ferry union strike budget school station museum library "
         "festival railway hospital minister court election factory orchard vineyard airport reservoir clinic "
         "tribunal parliament startup turbine satellite observatory vaccine league stadium derby orchestra").split()
VERBS = ("approved rejected opened closed delayed funded expanded questioned praised reviewed announced "
         "postponed cancelled reopened inspected").split()
ADJ = "northern coastal rural regional national temporary historic annual independent public private".split()
SEARCH_TERMS = ("harbour", "railway strike", "museum", "vaccine", "election", "orchard", "reservoir", "turbine")


def sentence(rnd: random.Random) -> str:
    return (f"The {rnd.choice(ADJ)} {rnd.choice(NOUNS)} {rnd.choice(VERBS)} the {rnd.choice(NOUNS)} plan on "
            f"{rnd.choice(('Monday', 'Tuesday', 'Friday'))} after {rnd.randint(2, 90)} {rnd.choice(NOUNS)}s "
            f"{rnd.choice(VERBS)} a {rnd.choice(ADJ)} {rnd.choice(NOUNS)}.")


def article_row(rnd: random.Random, i: int, source_id: int, now) -> dict:
    paras = [" ".join(sentence(rnd) for _ in range(rnd.randint(3, 5))) for _ in range(rnd.randint(4, 7))]
    text = "\n".join(paras)
    title = f"{rnd.choice(ADJ).title()} {rnd.choice(NOUNS)} {rnd.choice(VERBS)} after {rnd.choice(NOUNS)} row #{i}"
    url = f"https://outlet{source_id}.example/news/{i}"
    return dict(source_id=source_id, url=url, canonical_url=url, guid=f"g{i}", title=title, authors="Desk Writer",
                published_at=now - timedelta(minutes=i), fetched_at=now, summary=paras[0][:280],
                content_html="".join(f"<p>{p}</p>" for p in paras), content_text=text,
                content_hash=content_hash(text + str(i)), word_count=len(text.split()))


def build(database_url: str, n: int, n_sources: int = 50, progress=print) -> Store:
    store = Store(database_url)
    rnd = random.Random(7)
    now = utcnow()
    t0 = time.perf_counter()
    with store.db.write() as conn:
        conn.execute(insert(sources), [dict(url=f"https://outlet{s}.example/feed", kind="feed",
                                            title=f"Outlet {s}", site_url=f"https://outlet{s}.example/",
                                            paused=True, error_count=0, created_at=now) for s in range(1, n_sources + 1)])
    batch = 2000
    for start in range(0, n, batch):
        rows = [article_row(rnd, i, 1 + i % n_sources, now) for i in range(start, min(n, start + batch))]
        with store.db.write() as conn:
            conn.execute(insert(articles), rows)
        if progress and (start // batch) % 10 == 0:
            progress(f"  {start + len(rows):,} articles ({time.perf_counter() - t0:.0f} s)")
    return store
