"""Feeds out: RSS 2.0, Atom and JSON Feed for the home page, a source, topic, entity, story and a user's saved
articles; feedparser reads each without complaint (bozo 0) with the expected entries; JSON Feed has its required
fields; the matching pages link to them; the saved feed needs its owner's token (both databases)."""
from datetime import datetime

import feedparser
import orjson
import pytest
from sqlalchemy import insert, update

from broadsheet.store.clock import utcnow
from broadsheet.store.schema import article_entities, articles, entities, stories

from .reading_support import Reader
from .seeding import add_source, record, seed

FORMATS = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}


@pytest.fixture
def world(ctx):
    ledger, wire = add_source(ctx.store, 1, title="Ledger & Sons"), add_source(ctx.store, 2, title="Wire")
    a, b = seed(ctx.store, ledger, record("a", 1, title="Quay <opens> & more", authors=["Ann Writer"],
                                          summary="The new quay opens.", content_html="<p>Body <b>a</b></p>"),
                record("b", 2, title="Ferry returns"))
    (c,) = seed(ctx.store, wire, record("c", 3, title="Comet \x07spotted"))
    now = utcnow()
    with ctx.store.db.write() as conn:
        conn.execute(update(articles).where(articles.c.id == c).values(category="Science"))
        story = conn.execute(insert(stories).values(title="The quay", first_published_at=now, last_published_at=now,
                                                    article_count=2, source_count=1, updated_at=now)
                             ).inserted_primary_key[0]
        conn.execute(update(articles).where(articles.c.id.in_([a, b])).values(story_id=story))
        entity = conn.execute(insert(entities).values(key="ann writer", name="Ann Writer", kind="person")
                              ).inserted_primary_key[0]
        conn.execute(insert(article_entities).values(article_id=b, entity_id=entity, mentions=1))
    return {"ledger": ledger["id"], "story": story, "entity": entity, "ids": (a, b, c)}


def _valid_json_feed(doc: dict) -> None:
    """JSON Feed 1.1's rules: version, title and items are required; each item has a string id and content_html
    or content_text; the URLs and dates given are strings, dates RFC 3339."""
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(doc["title"], str) and doc["title"] and isinstance(doc["items"], list)
    for key in ("home_page_url", "feed_url"):
        assert isinstance(doc.get(key, ""), str)
    for item in doc["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert isinstance(item.get("content_html"), str) or isinstance(item.get("content_text"), str)
        datetime.fromisoformat(item["date_published"])
        assert all(isinstance(a["name"], str) for a in item.get("authors", []))


def _check(client, path: str, titles: list[str]):
    for fmt, mime in FORMATS.items():
        r = client.get(f"{path}.{fmt}")
        assert r.status_code == 200 and r.headers["content-type"].startswith(mime), (path, fmt, r.text[:300])
        if fmt == "json":  # feedparser 6.0 does not read JSON Feed: its required fields are checked here
            doc = orjson.loads(r.content)
            _valid_json_feed(doc)
            assert doc["feed_url"] == f"http://testserver{path}.json"
            assert [i["title"] for i in doc["items"]] == titles
            assert all(i["url"].startswith("http://testserver/articles/") for i in doc["items"])
            continue
        parsed = feedparser.parse(r.content)
        assert parsed.bozo == 0, (path, fmt, parsed.get("bozo_exception"))
        assert [e.title for e in parsed.entries] == titles, (path, fmt)
        assert all(e.link.startswith("http://testserver/articles/") for e in parsed.entries)


def test_every_feed_parses_with_the_expected_entries(client, world):
    a = "Quay <opens> & more"
    _check(client, "/feeds/home", [a, "Ferry returns", "Comet spotted"])
    _check(client, f"/feeds/sources/{world['ledger']}", [a, "Ferry returns"])
    _check(client, "/feeds/topics/science", ["Comet spotted"])
    _check(client, f"/feeds/entities/{world['entity']}", ["Ferry returns"])
    _check(client, f"/feeds/stories/{world['story']}", [a, "Ferry returns"])
    parsed = feedparser.parse(client.get("/feeds/home.atom").content)
    first = parsed.entries[0]
    assert first.author == "Ann Writer" and first.summary == "The new quay opens."
    assert first.content[0].value == "<p>Body <b>a</b></p>"


def test_saved_feed_is_private_to_its_token(client, ctx, world):
    a, b, c = world["ids"]
    ann, bob = Reader(ctx, "ann"), Reader(ctx, "bob")
    ctx.store.states.mark(ann.id, [c, a], saved=True)
    token = ctx.store.users.get(ann.id)["feed_token"]
    client.cookies.clear()  # no session needed: the token is the key
    _check(client, f"/feeds/saved/{token}", ["Quay <opens> & more", "Comet spotted"])
    assert client.get(f"/feeds/saved/{token}.rss").headers["cache-control"] == "private, no-cache"
    bob_token = ctx.store.users.get(bob.id)["feed_token"]
    assert feedparser.parse(client.get(f"/feeds/saved/{bob_token}.rss").content).entries == []
    for wrong in (token[:-1] + ("x" if token[-1] != "x" else "y"), "short", "a" * 100):
        assert client.get(f"/feeds/saved/{wrong}.rss").status_code == 404
    assert f"/feeds/saved/{token}.rss" in ann.use(client).get("/saved").text
    assert token not in bob.use(client).get("/saved").text


def test_feed_readers_polling_get_304_until_something_changes(client, ctx, world):
    first = client.get("/feeds/home.rss")
    again = client.get("/feeds/home.rss", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    seed(ctx.store, add_source(ctx.store, 3), record("new", 0.1, title="Just in"))
    changed = client.get("/feeds/home.rss", headers={"If-None-Match": first.headers["etag"]})
    assert changed.status_code == 200 and "Just in" in changed.text


@pytest.mark.parametrize("path", ["/feeds/home.xml", "/feeds/sources/999.rss", "/feeds/topics/astrology.rss",
                                  "/feeds/entities/999.atom", "/feeds/stories/999.json"])
def test_unknown_feeds_are_not_found(client, world, path):
    assert client.get(path).status_code == 404


def test_pages_link_to_their_feeds(client, world):
    home = client.get("/").text
    for fmt, mime in FORMATS.items():
        assert f'<link rel="alternate" type="{mime}"' in home and f'href="/feeds/home.{fmt}"' in home
    source = client.get(f"/sources/{world['ledger']}").text
    assert f'href="/feeds/sources/{world["ledger"]}.rss"' in source
    assert 'rel="alternate"' not in client.get("/sources").text


def test_topic_entity_and_story_pages_get_their_feed_links():
    from broadsheet.reading.feed_links import alternate_links, feed_of_page
    assert feed_of_page("/topics/science") == "/feeds/topics/science"
    assert feed_of_page("/entities/12") == "/feeds/entities/12" and feed_of_page("/stories/3") == "/feeds/stories/3"
    for path in ("/topics/astrology", "/entities/x", "/stories/", "/sources", "/articles/1", "/saved"):
        assert feed_of_page(path) is None
    assert [t for _, t, _ in alternate_links("/stories/3")] == list(FORMATS.values())


def test_a_new_feed_link_retires_the_old_one(client, ctx):
    ann = Reader(ctx, "ann")
    old = ctx.store.users.get(ann.id)["feed_token"]
    assert ann.post(client, "/account/reading/feed-token", csrf=False).status_code == 403
    assert ctx.store.users.get(ann.id)["feed_token"] == old
    r = ann.post(client, "/account/reading/feed-token")
    assert r.status_code == 303 and "new link" in client.get(r.headers["location"]).text
    new = ctx.store.users.get(ann.id)["feed_token"]
    assert new != old and client.get(f"/feeds/saved/{new}.atom").status_code == 200
    assert client.get(f"/feeds/saved/{old}.atom").status_code == 404
