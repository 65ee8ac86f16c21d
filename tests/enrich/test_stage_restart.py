"""The enrich stage across a restart, through the CLI, and with MiniLM (the fictional corpus of corpus.py)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from broadsheet.cli import main
from broadsheet.config import Settings
from broadsheet.enrich.providers import minilm
from broadsheet.enrich.service import enrich_service
from broadsheet.pipeline import Pipeline
from broadsheet.store import Store
from broadsheet.store.schema import article_vectors, stories

from .corpus import OUTLETS
from .test_stage_e2e import VELMORA, check_groupings, feed, groups, ids_by_slug


class _Ctx:  # what the helpers of test_stage_e2e read: a store
    def __init__(self, store):
        self.store = store


def serve_outlets(http_server):
    for outlet in OUTLETS:
        http_server.route(f"/{outlet}/feed.xml", body=feed(http_server.base_url, outlet),
                          headers={"Content-Type": "application/rss+xml"})


def settings_for(url: str, **extra) -> Settings:
    return Settings.load(database_url=url, allow_private_networks=True, per_host_delay=0, fetch_full_text=False,
                         workers=0, **{"embedder": "tfidf", **extra})


def ingest(settings, store, http_server, outlets):
    pipeline = Pipeline(settings, store)
    try:
        for outlet in outlets:
            pipeline.add(http_server.url(f"/{outlet}/feed.xml"))
    finally:
        pipeline.close()


def test_a_restart_continues_the_open_stories(http_server, store):
    serve_outlets(http_server)
    settings = settings_for(store.db.url)
    ingest(settings, store, http_server, ["ledger", "courier"])
    assert enrich_service(settings, store).enrich_pending().failed == 0
    with store.db.read() as conn:
        before = set(conn.execute(select(stories.c.id)).scalars())
    reopened = Store(store.db.url)  # a new process would do this: its enrich service reads the stories back
    try:
        ingest(settings, reopened, http_server, ["wire", "aggregator"])
        report = enrich_service(settings, reopened).enrich_pending()
        assert report.failed == 0 and report.enriched == 6
        check_groupings(_Ctx(reopened))
        velmora = groups(_Ctx(reopened))[VELMORA]
        assert velmora["id"] in before, "the Velmora story continued under its id"
    finally:
        reopened.close()


def test_enrich_command(http_server, tmp_path, monkeypatch, capsys):
    serve_outlets(http_server)
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("BROADSHEET_EMBEDDER", "tfidf")
    store = Store(url)
    try:
        ingest(settings_for(url), store, http_server, list(OUTLETS))
    finally:
        store.close()
    assert main(["enrich", "--database-url", url, "-q"]) == 0
    assert "12 articles enriched, 0 failed" in capsys.readouterr().out
    assert main(["enrich", "--database-url", url, "-q"]) == 0
    assert "0 articles enriched" in capsys.readouterr().out
    assert main(["enrich", "--all", "--database-url", url, "-q"]) == 0
    assert "12 articles enriched, 0 failed" in capsys.readouterr().out
    store = Store(url)
    try:
        check_groupings(_Ctx(store))
    finally:
        store.close()


@pytest.mark.skipif(minilm.available() is not None, reason=f"MiniLM unavailable: {minilm.available()}")
def test_with_minilm(http_server, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    serve_outlets(http_server)
    url = f"sqlite:///{tmp_path / 'minilm.db'}"
    store = Store(url)
    try:
        settings = settings_for(url, embedder="minilm")
        ingest(settings, store, http_server, list(OUTLETS))
        svc = enrich_service(settings, store)
        assert svc.enrich_pending().failed == 0
        check_groupings(_Ctx(store))
        with store.db.read() as conn:
            assert set(conn.execute(select(article_vectors.c.model)).scalars()) == {"minilm"}
        by_slug = ids_by_slug(_Ctx(store))
        hits, _ = svc.semantic_search("tremor topples clock tower in mountain town", 3)
        assert {h["id"] for h in hits[:2]} <= {by_slug[s] for s in VELMORA}
        assert svc.embedder()["label"].startswith("MiniLM")
        related = [r["id"] for r in svc.related(by_slug["velmora-quake"])]
        assert set(related[:2]) == {by_slug["velmora-counts-damage"], by_slug["velmora-aftershocks"]}
    finally:
        store.close()
