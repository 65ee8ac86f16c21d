"""Ingestion end to end: a real local server, the real fetcher, extractor and store (on both databases)."""
import pytest

from broadsheet.config import Settings
from broadsheet.errors import BlockedAddress, Conflict, InvalidInput
from broadsheet.pipeline import Pipeline, export_opml, import_opml
from tests.pipeline.conftest import SITE
from tests.support.http_server import LocalHTTPServer


def test_full_text_feed_is_stored_clean_and_once(site, pipeline, store):
    src = pipeline.add(site.url("/feeds/full.rss"))
    assert src["kind"] == "feed" and src["title"] == "Harbour Ledger" and src["last_error"] is None
    arts = store.articles.latest(10)
    assert [a["title"] for a in arts] == ["Crane operators end three-day strike", "New ferry timetable starts in June"]
    strike = store.articles.get(arts[0]["id"])
    assert strike["canonical_url"] == site.url("/ledger/strike-ends")  # tracking parameters gone
    assert "<h2>The agreement</h2>" in strike["content_html"]
    assert "<script" not in strike["content_html"] and "onerror" not in strike["content_html"]
    assert "night-shift rates rise by nine percent" in strike["content_text"]
    assert strike["authors"] and "Tomas Reyne" in strike["authors"]
    assert strike["published_at"].isoformat() == "2026-05-05T09:15:00"
    again = pipeline.refresh(src["id"])  # conditional GET: 304, nothing new, nothing lost
    assert again.not_modified and store.articles.count() == 2
    store.sources.update(src["id"], etag=None)
    assert pipeline.refresh(src["id"]).inserted == 0 and store.articles.count() == 2


def test_summary_feed_fetches_and_extracts_pages(site, pipeline, store):
    src = pipeline.add(site.url("/feeds/summaries.atom"))
    by_title = {a["title"]: store.articles.get(a["id"]) for a in store.articles.latest(10)}
    kiln = by_title["Kiln Bridge reopens after two years of repairs"]
    assert "four million pounds" in kiln["content_text"]
    assert "cookies" not in kiln["content_text"].lower() and "Related articles" not in kiln["content_text"]
    assert "<blockquote>" in kiln["content_html"] and "<h2>What changed</h2>" in kiln["content_html"]
    assert kiln["canonical_url"] == site.url("/news/kiln-bridge-reopens")
    assert kiln["extraction_error"] is None
    # the page that 404s keeps what the feed gave, and says why
    gone = by_title["Council papers go missing"]
    assert "minutes of the March meeting" in gone["content_text"]
    assert "404" in gone["extraction_error"]
    hits = site.hits("/news/kiln-bridge-reopens")
    pipeline.refresh(src["id"])
    assert site.hits("/news/kiln-bridge-reopens") == hits  # stored pages are not fetched again
    assert store.articles.count() == 3


@pytest.mark.parametrize("path,expected", [
    ("/feeds/broken.rss", "feed"),
    ("/feeds/missing", "404"),
    ("/feeds/loop", "redirect"),
    ("/feeds/huge", "larger than"),
    ("/feeds/slow", "timed out"),
])
def test_bad_sources_record_their_error_and_others_go_on(site, pipeline, store, path, expected):
    good = pipeline.add(site.url("/feeds/full.rss"))
    bad = store.sources.add(site.url(path), "feed")
    results = {r.source_id: r for r in pipeline.refresh_due()}
    assert results[bad["id"]].error
    row = store.sources.get(bad["id"])
    assert expected in row["last_error"].lower()
    assert row["error_count"] == 1 and row["next_fetch_at"] > row["last_fetched_at"]
    assert store.articles.count(good["id"]) == 2  # the good source's articles are untouched


def test_a_feed_that_breaks_later_loses_nothing(site, pipeline, store):
    src = pipeline.add(site.url("/feeds/full.rss"))
    site.route("/feeds/full.rss", body=b"<rss><channel><item><title>oops", headers={"Content-Type": "text/xml"})
    store.sources.update(src["id"], etag=None)
    res = pipeline.refresh(src["id"])
    assert res.error and store.articles.count() == 2
    assert store.sources.get(src["id"])["error_count"] == 1


def test_wrong_or_missing_charset_is_decoded(site, pipeline, store):
    pipeline.add(site.url("/cp1252"))
    [art] = store.articles.latest(5)
    text = store.articles.get(art["id"])["content_text"]
    assert "pommes et poires, à l’ancienne" in text


def test_page_without_article_is_refused_clearly(pipeline, store):
    with LocalHTTPServer() as bare:  # no feed, no sitemap anywhere on this host
        bare.route("/", body=(SITE / "no-article.html").read_bytes(), headers={"Content-Type": "text/html"})
        with pytest.raises(InvalidInput, match="No feed, sitemap or article"):
            pipeline.add(bare.url("/"))
        assert bare.hits("/sitemap.xml") == 1  # the usual feed and sitemap paths were tried first
    assert store.sources.count() == 0


def test_site_without_feed_link_is_found_by_its_sitemap(site, pipeline):
    src = pipeline.add(site.url("/no-article"))
    assert src["kind"] == "sitemap" and src["url"] == site.url("/news-sitemap.xml")


def test_site_url_discovers_its_feed(site, pipeline, store):
    src = pipeline.add(site.url("/"))
    assert src["url"] == site.url("/feeds/summaries.atom") and src["kind"] == "feed"
    with pytest.raises(Conflict):
        pipeline.add(site.url("/feeds/summaries.atom"))


def test_news_sitemap_source(site, pipeline, store):
    src = pipeline.add(site.url("/news-sitemap.xml"))
    assert src["kind"] == "sitemap"
    [art] = store.articles.latest(5)
    assert art["title"] == "Orchard fair returns with a record number of growers"


def test_single_article_page_source(site, pipeline, store):
    src = pipeline.add(site.url("/news/kiln-bridge-reopens"))
    assert src["kind"] == "page"
    [art] = store.articles.latest(5)
    assert art["title"] == "Kiln Bridge reopens after two years of repairs"
    assert "Ines Marlow" in (store.articles.get(art["id"])["authors"] or "")


def test_same_article_from_two_feeds_is_stored_once(site, pipeline, store):
    pipeline.add(site.url("/feeds/summaries.atom"))
    pipeline.add(site.url("/news/kiln-bridge-reopens"))  # the same page, without the utm parameter
    assert store.articles.count() == 3


def test_private_addresses_are_refused_by_default(site, store):
    strict = Pipeline(Settings.load(allow_private_networks=False), store)
    with pytest.raises(BlockedAddress):
        strict.add(site.url("/feeds/full.rss"))
    assert store.sources.count() == 0


def test_bad_url_is_refused(pipeline, store):
    with pytest.raises(InvalidInput, match="web address"):
        pipeline.add("ftp://example.org/feed")


def test_opml_round_trip_keeps_folders(site, store):
    opml = (b'<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
            b'<outline text="Local"><outline type="rss" text="Valley" xmlUrl="' + site.url("/feeds/summaries.atom").encode()
            + b'"/></outline><outline type="rss" text="Ledger" xmlUrl="' + site.url("/feeds/full.rss").encode()
            + b'"/></body></opml>')
    assert import_opml(store, opml) == (2, 0)
    assert import_opml(store, opml) == (0, 2)
    out = export_opml(store)
    assert 'text="Local"' in out and site.url("/feeds/full.rss") in out
    folders = {s["title"]: s["folder"] for s in store.sources.list()}
    assert folders == {"Valley": "Local", "Ledger": None}
