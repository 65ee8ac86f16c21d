"""``/account/reading``: per-user OPML import and export (round trip), hostile or malformed OPML refused with a
clear error and nothing changed, subscriptions listed (both databases)."""
import pytest

from broadsheet.sources.opml import parse_opml

from .reading_support import Reader
from .seeding import add_source

GOOD = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>From elsewhere</title></head><body>
  <outline text="Local"><outline type="rss" text="Harbour Ledger" xmlUrl="https://ledger.example/feed.xml"
     htmlUrl="https://ledger.example/"/></outline>
  <outline type="rss" text="Wire" xmlUrl="https://wire.example/rss" htmlUrl="javascript:alert(1)"/>
</body></opml>"""

HOSTILE = {
    "xxe": b"""<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><body><outline text="&x;" xmlUrl="file:///etc/passwd"/></body></opml>""",
    "script url": b"""<opml version="2.0"><body><outline text="a" xmlUrl="https://ok.example/feed"/>
<outline text="b" xmlUrl="javascript:alert(1)"/></body></opml>""",
    "not opml": b"<html><body><script>alert(1)</script></body></html>",
    "broken": b"\x00\x01 this is not xml at all",
    "no feeds": b"<opml version='2.0'><body><outline text='empty folder'/></body></opml>",
    "empty": b"",
    "too large": b"<opml><body>" + b"<!-- pad -->" * 100_000 + b"</body></opml>",
}


def _upload(reader, client, content: bytes, csrf=True):
    reader.use(client)
    data = {"csrf_token": reader.csrf} if csrf else {}
    return client.post("/account/reading/opml", data=data, files={"opml": ("subs.opml", content, "text/x-opml")},
                       follow_redirects=False)


def test_opml_round_trip_is_per_user(client, ctx):
    ann, bob = Reader(ctx, "ann"), Reader(ctx, "bob")
    known = add_source(ctx.store, 1, url="https://wire.example/rss", title="Wire")
    ctx.store.subscriptions.subscribe(bob.id, known["id"])
    r = _upload(ann, client, GOOD)
    assert r.status_code == 303
    page = client.get(r.headers["location"]).text
    assert "2 new, 0 you already followed" in page and "Harbour Ledger" in page

    subs = {s["url"]: s for s in ctx.store.subscriptions.list(ann.id)}
    assert set(subs) == {"https://ledger.example/feed.xml", "https://wire.example/rss"}
    assert subs["https://ledger.example/feed.xml"]["category_title"] == "Local"
    assert subs["https://wire.example/rss"]["source_id"] == known["id"]  # the known source, not a second one
    assert [s["url"] for s in ctx.store.subscriptions.list(bob.id)] == ["https://wire.example/rss"]

    exported = client.get("/account/subscriptions.opml")
    assert exported.headers["content-type"].startswith("text/x-opml")
    outlines = {o.url: o for o in parse_opml(exported.content)}
    assert set(outlines) == set(subs) and outlines["https://ledger.example/feed.xml"].folder == "Local"
    assert "javascript" not in exported.text  # the hostile htmlUrl was dropped on the way in
    bob_export = bob.use(client).get("/account/subscriptions.opml").text
    assert "ledger.example" not in bob_export and "wire.example" in bob_export

    r = _upload(ann, client, exported.content)  # importing one's own export again changes nothing
    assert "0 new, 2 you already followed" in client.get(r.headers["location"]).text
    assert len(ctx.store.subscriptions.list(ann.id)) == 2


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_or_malformed_opml_is_refused_and_changes_nothing(client, ctx, name):
    ann = Reader(ctx, "ann")
    sources_before = ctx.store.sources.list()
    r = _upload(ann, client, HOSTILE[name])
    assert r.status_code in (400, 413, 422), r.text
    assert "The file was not imported:" in r.text and 'role="alert"' in r.text
    assert "root:" not in r.text and "<script>alert" not in r.text
    assert ctx.store.subscriptions.list(ann.id) == [] and ctx.store.sources.list() == sources_before


def test_opml_import_needs_csrf_and_a_user(client, ctx):
    ann = Reader(ctx, "ann")
    assert _upload(ann, client, GOOD, csrf=False).status_code == 403
    assert ctx.store.subscriptions.list(ann.id) == []
    client.cookies.clear()
    assert client.get("/account/subscriptions.opml").status_code == 401
    assert client.get("/account/reading", follow_redirects=False).headers["location"] == "/login?next=/account/reading"
