"""Follows, saved and read state through the web, per user (both databases): forms post with CSRF and work
without JavaScript; another user's marks and follows cannot be touched; a missing or forged token changes nothing."""
import pytest

from .reading_support import Reader
from .seeding import add_source, record, seed


@pytest.fixture
def world(ctx):
    source = add_source(ctx.store, title="Harbour Ledger")
    ids = seed(ctx.store, source, record("quay", hours_ago=1, title="New quay opens"),
               record("ferry", hours_ago=2, title="Ferry returns"))
    return source, ids


def test_opening_an_article_marks_it_read_and_mark_unread_undoes_it(client, ctx, world):
    _, (quay, ferry) = world
    ann = Reader(ctx, "ann")
    ann.use(client)
    home = client.get("/").text
    assert home.count("card--unread") == 2 and 'action="/articles/%d/save"' % quay in home
    assert '<span class="visually-hidden">: New quay opens</span>' in home  # which article each button is for

    page = client.get(f"/articles/{quay}").text
    assert ctx.store.states.marks(ann.id, [quay])[quay]["read"] is True
    assert "Mark unread" in page and ">Save</span>" in page
    home = client.get("/").text
    assert home.count("card--unread") == 1  # only the ferry is still unread

    r = ann.post(client, f"/articles/{quay}/read", {"read": "0", "back": f"/articles/{quay}"})
    assert r.status_code == 303 and r.headers["location"] == f"/articles/{quay}?unread=1"
    page = client.get(r.headers["location"]).text  # coming back does not mark it read again
    assert ctx.store.states.marks(ann.id, [quay])[quay]["read"] is False and "Mark read" in page


def test_saving_shows_on_the_saved_page_and_json_for_app_js(client, ctx, world):
    _, (quay, ferry) = world
    ann = Reader(ctx, "ann")
    r = ann.post(client, f"/articles/{ferry}/save", {"saved": "1", "back": "/"})
    assert r.status_code == 303 and r.headers["location"] == "/"
    saved = client.get("/saved").text
    assert "Ferry returns" in saved and "New quay opens" not in saved and "Saved · Unsave" in saved
    r = ann.post(client, f"/articles/{ferry}/save", {"saved": "0"}, headers={"Accept": "application/json"})
    assert r.json() == {"id": ferry, "saved": False, "read": False}
    assert "Ferry returns" not in client.get("/saved").text


def test_marks_are_per_user_and_one_cannot_touch_anothers(client, ctx, world):
    _, (quay, _) = world
    ann, bob = Reader(ctx, "ann"), Reader(ctx, "bob")
    ann.post(client, f"/articles/{quay}/save", {"saved": "1"})
    bob.post(client, f"/articles/{quay}/save", {"saved": "0"})  # bob's own (absent) mark, never ann's
    assert ctx.store.states.marks(ann.id, [quay])[quay]["saved"] is True
    assert "New quay opens" not in bob.use(client).get("/saved").text
    assert "New quay opens" in ann.use(client).get("/saved").text


def test_following_a_source_from_its_page(client, ctx, world):
    source, _ = world
    ann, bob = Reader(ctx, "ann"), Reader(ctx, "bob")
    page = ann.use(client).get(f"/sources/{source['id']}").text
    assert 'action="/follow"' in page and ">Follow</button>" in page
    r = ann.post(client, "/follow", {"kind": "source", "key": str(source["id"]), "back": f"/sources/{source['id']}"})
    assert r.status_code == 303 and r.headers["location"] == f"/sources/{source['id']}"
    assert ctx.store.subscriptions.source_ids(ann.id) == [source["id"]]
    assert 'action="/unfollow"' in client.get(f"/sources/{source['id']}").text

    r = bob.post(client, "/unfollow", {"kind": "source", "key": str(source["id"])})
    assert r.status_code == 404  # bob follows nothing: ann's subscription is not his to remove
    assert ctx.store.subscriptions.source_ids(ann.id) == [source["id"]]
    ann.post(client, "/unfollow", {"kind": "source", "key": str(source["id"])})
    assert ctx.store.subscriptions.source_ids(ann.id) == []


def test_following_topics_and_refusing_unknown_ones(client, ctx):
    ann = Reader(ctx, "ann")
    assert ann.post(client, "/follow", {"kind": "topic", "key": "Science"}).status_code == 303
    assert ctx.store.follows.keys(ann.id, "topic") == {"science"}
    for kind, key, status in [("topic", "astrology", 404), ("entity", "999", 404), ("entity", "x", 404),
                              ("planet", "mars", 400), ("source", "12345", 404), ("source", "abc", 400)]:
        assert ann.post(client, "/follow", {"kind": kind, "key": key}).status_code == status
    assert [f["key"] for f in ctx.store.follows.list(ann.id)] == ["science"]
    assert ctx.store.subscriptions.source_ids(ann.id) == []


@pytest.mark.parametrize("forged", [None, "", "not-the-token"])
def test_missing_or_forged_csrf_is_refused_and_changes_nothing(client, ctx, world, forged):
    source, (quay, _) = world
    ann = Reader(ctx, "ann")
    data = {} if forged is None else {"csrf_token": forged}
    ann.use(client)
    for url, form in [(f"/articles/{quay}/save", {"saved": "1"}), (f"/articles/{quay}/read", {"read": "1"}),
                      ("/follow", {"kind": "source", "key": str(source["id"])}),
                      ("/follow", {"kind": "topic", "key": "science"})]:
        r = client.post(url, data={**form, **data}, follow_redirects=False)
        assert r.status_code == 403, url
    assert ctx.store.states.marks(ann.id, [quay]) == {}
    assert ctx.store.subscriptions.source_ids(ann.id) == [] and ctx.store.follows.list(ann.id) == []


def test_visitors_are_asked_to_sign_in(client, world):
    _, (quay, _) = world
    assert client.post(f"/articles/{quay}/save", data={"saved": "1"}).status_code == 401
    r = client.get("/saved", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=/saved"
    assert "Sign in to follow" in client.get(f"/sources/{world[0]['id']}").text


def test_back_links_never_leave_the_site(client, ctx, world):
    _, (quay, _) = world
    ann = Reader(ctx, "ann")
    for back in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        r = ann.post(client, f"/articles/{quay}/save", {"saved": "1", "back": back})
        assert r.headers["location"] == f"/articles/{quay}"
    assert ann.post(client, "/articles/424242/save", {"saved": "1"}).status_code == 404


def test_pages_with_marks_are_never_shared_through_the_page_cache(client, ctx, world):
    _, (quay, _) = world
    ann, bob = Reader(ctx, "ann"), Reader(ctx, "bob")
    client.cookies.clear()
    assert "card--unread" not in client.get("/").text  # a visitor's copy, now in the page cache
    ann.post(client, f"/articles/{quay}/save", {"saved": "1"})
    assert "Saved · Unsave" in ann.use(client).get("/").text
    assert "Saved · Unsave" in client.get(f"/articles/{quay}").text
    assert "Saved · Unsave" not in bob.use(client).get("/").text
    assert "Saved · Unsave" not in bob.use(client).get(f"/articles/{quay}").text
    client.cookies.clear()
    assert 'data-action="save"' not in client.get("/").text
    assert 'data-action="save"' not in client.get(f"/articles/{quay}").text


def test_following_an_articles_topic_from_its_page(client, ctx, world):
    from sqlalchemy import update

    from broadsheet.store.schema import articles
    _, (quay, _) = world
    with ctx.store.db.write() as conn:
        conn.execute(update(articles).where(articles.c.id == quay).values(category="Business"))
    ann = Reader(ctx, "ann")
    page = ann.use(client).get(f"/articles/{quay}").text
    assert '<input type="hidden" name="key" value="business">' in page and "Follow Business" in page
    ann.post(client, "/follow", {"kind": "topic", "key": "business", "back": f"/articles/{quay}"})
    assert "Following Business · Unfollow" in client.get(f"/articles/{quay}").text
