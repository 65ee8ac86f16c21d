"""The CPU worker pool (broadsheet/jobs/cpu.py): work done in the worker processes equals work done in-thread,
errors and log records come back as they were raised, a dead worker is survived, close() ends the processes."""
import dataclasses
import logging
import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from broadsheet.errors import ParseError
from broadsheet.extract.records import read_feed, record_from_page
from broadsheet.jobs.cpu import CpuPool, WorkerDied
from broadsheet.model import FeedEntry
from broadsheet.pipeline import Pipeline
from tests.pipeline.conftest import SITE, _file, site  # noqa: F401  (the `site` fixture)

BASE = "http://valley.example"
FEEDS = Path(__file__).resolve().parents[1] / "sources" / "feeds"
START = 120  # seconds allowed for worker processes to start on a slow machine


@pytest.fixture(scope="module")
def pool():
    p = CpuPool(2)
    assert p.start(wait=START), "the worker processes did not start"
    yield p
    p.close()


def test_work_runs_in_worker_processes(pool):
    pid = pool.run(os.getpid)
    assert pid != os.getpid() and pid in pool.pids()


@pytest.mark.parametrize("name,content_type", [("full.rss", "application/rss+xml"),
                                               ("summaries.atom", "application/atom+xml")])
@pytest.mark.parametrize("fetch_full_text", [True, False])
def test_a_feed_read_in_a_worker_equals_in_thread(pool, name, content_type, fetch_full_text):
    body, url = _file(name, BASE), f"{BASE}/feeds/{name}"
    in_thread = read_feed(body, url, content_type, fetch_full_text)
    assert pool.run(read_feed, body, url, content_type, fetch_full_text) == in_thread
    parsed, prepared = in_thread
    assert parsed.title and prepared.records + prepared.need_page


@pytest.mark.parametrize("page", ["kiln-bridge.html", "orchard-fair.html", "no-article.html"])
def test_a_page_extracted_in_a_worker_equals_in_thread(pool, page):
    entry = FeedEntry(url=f"{BASE}/news/kiln-bridge-reopens", guid="kiln", title=None,
                      published=datetime(2026, 5, 4, 8, 30, tzinfo=UTC), summary="<p>The bridge is open.</p>")
    html = (SITE / page).read_bytes()
    in_thread = record_from_page(entry, html, entry.url)
    assert pool.run(record_from_page, entry, html, entry.url) == in_thread
    record, error = in_thread
    assert (error is None) == (page != "no-article.html") and (record.extraction_error is None) == (error is None)


def test_errors_come_back_as_raised(pool):
    body = (FEEDS / "malformed.xml").read_bytes()
    with pytest.raises(ParseError) as in_thread:
        read_feed(body, "https://broken-bugle.example/rss", None, True)
    with pytest.raises(ParseError) as in_worker:
        pool.run(read_feed, body, "https://broken-bugle.example/rss", None, True)
    got, want = in_worker.value, in_thread.value
    assert (str(got), got.code, got.status, got.detail) == (str(want), want.code, want.status, want.detail)


def test_worker_log_records_reach_our_loggers(pool, caplog):
    body = (FEEDS / "malformed-recoverable.xml").read_bytes()
    with caplog.at_level(logging.WARNING, logger="broadsheet.sources.feeds"):
        pool.run(read_feed, body, "https://patchy-post.example/rss", None, True)
        deadline = time.monotonic() + 10  # records come back through a queue, handled by a thread
        while time.monotonic() < deadline and not any("malformed" in r.getMessage() for r in caplog.records):
            time.sleep(0.05)
    assert any(r.name == "broadsheet.sources.feeds" and "patchy-post.example" in r.getMessage()
               for r in caplog.records)


def test_a_dead_worker_is_replaced():
    p = CpuPool(2)
    try:
        assert p.start(wait=START)
        with pytest.raises(WorkerDied):
            p.run(os._exit, 3)  # kills the worker each time: the pool is restarted once, then the call gives up
        assert p.start(wait=START)
        assert p.run(os.getpid) != os.getpid()
    finally:
        p.close()


def test_without_workers_everything_runs_in_thread():
    for workers in (0, 1):
        p = CpuPool(workers)
        assert p.start(wait=1) is False and p.pids() == []
        assert p.run(os.getpid) == os.getpid()
        p.close()


def test_close_ends_the_workers_and_later_work_runs_in_thread():
    p = CpuPool(2)
    assert p.start(wait=START) and len(p.pids()) == 2
    p.close()
    assert p.pids() == [] and not p.ready
    assert p.run(os.getpid) == os.getpid()


def test_ingestion_through_worker_processes(site, store, settings):  # noqa: F811
    """The pipeline end to end (both databases) with the workers up from the start, as after a first big refresh."""
    pipeline = Pipeline(dataclasses.replace(settings, workers=2), store)
    try:
        assert pipeline.cpu.start(wait=START)
        full = pipeline.add(site.url("/feeds/full.rss"))
        assert full["title"] == "Harbour Ledger" and full["last_error"] is None
        pipeline.add(site.url("/feeds/summaries.atom"))
        by_title = {a["title"]: store.articles.get(a["id"]) for a in store.articles.latest(10)}
        assert len(by_title) == 5
        strike = by_title["Crane operators end three-day strike"]
        assert "<h2>The agreement</h2>" in strike["content_html"] and "<script" not in strike["content_html"]
        kiln = by_title["Kiln Bridge reopens after two years of repairs"]
        assert "four million pounds" in kiln["content_text"] and kiln["extraction_error"] is None
        assert "404" in by_title["Council papers go missing"]["extraction_error"]
        broken = store.sources.add(site.url("/feeds/broken.rss"), "feed")
        results = {r.source_id: r for r in pipeline.refresh_due()}
        assert results[broken["id"]].error and store.sources.get(broken["id"])["error_count"] == 1
        assert store.articles.count() == 5
        assert pipeline.cpu.ready and pipeline.cpu.pids()
    finally:
        pipeline.close()
    assert pipeline.cpu.pids() == []
