"""The page cache (web/page_cache.py): the same page for everyone for a few seconds, never a visitor's own."""
from fastapi.testclient import TestClient

from broadsheet.web.app import create_app
from broadsheet.web.page_cache import ARTICLE_TTL, HOME_TTL, PageCache

from .html import titles
from .seeding import add_source, record, seed


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def cached_client(ctx, clock):
    return TestClient(PageCache(create_app(ctx, page_cache=False), clock=clock))


def test_home_shows_a_new_article_once_its_page_expires(ctx, store):
    clock = Clock()
    source = add_source(store)
    seed(store, source, record("first", hours_ago=2))
    with cached_client(ctx, clock) as client:
        assert titles(client.get("/")) == ["Story first"]
        seed(store, source, record("second", hours_ago=1))
        clock.now += HOME_TTL - 0.5
        assert titles(client.get("/")) == ["Story first"]  # the page kept for a few seconds
        assert titles(client.get("/?page=1")) == ["Story second", "Story first"]  # another address, another page
        clock.now += 1
        assert titles(client.get("/")) == ["Story second", "Story first"]


def test_requests_with_cookies_or_credentials_are_never_served_from_the_cache_nor_stored(ctx, store):
    source = add_source(store)
    seed(store, source, record("first", hours_ago=2))
    with TestClient(create_app(ctx)) as client:  # the app as served, cache on
        assert titles(client.get("/")) == ["Story first"]
        seed(store, source, record("second", hours_ago=1))
        fresh = ["Story second", "Story first"]
        assert titles(client.get("/", headers={"Cookie": "session=alice"})) == fresh
        assert titles(client.get("/", headers={"Authorization": "Bearer alice"})) == fresh
        assert titles(client.get("/")) == ["Story first"]  # the anonymous page, still within its few seconds

        [article_id] = seed(store, source, record("third"))
        client.get(f"/articles/{article_id}", headers={"Cookie": "session=bob"})
        store.sources.update(source["id"], title="Renamed Outlet")
        assert "Renamed Outlet" in client.get(f"/articles/{article_id}").text  # bob's request was not stored


def test_responses_that_set_a_cookie_are_not_stored(ctx, store):
    clock = Clock()
    app = create_app(ctx, page_cache=False)
    calls = []

    @app.middleware("http")
    async def set_cookie(request, call_next):  # stands in for a future login session
        calls.append(request.url.path)
        response = await call_next(request)
        response.set_cookie("session", "carol")
        return response

    source = add_source(store)
    seed(store, source, record("first"))
    with TestClient(PageCache(app, clock=clock)) as client:
        for _ in range(3):
            client.cookies.clear()  # no cookie sent back: only the response's Set-Cookie keeps it out
            assert client.get("/").status_code == 200
    assert calls == ["/", "/", "/"]


def test_article_pages_are_kept_longer_and_errors_not_at_all(ctx, store):
    clock = Clock()
    source = add_source(store, title="Old Name")
    [article_id] = seed(store, source, record("kept"))
    with cached_client(ctx, clock) as client:
        assert client.get("/articles/999999").status_code == 404
        [missing] = seed(store, source, record("late"))
        assert client.get(f"/articles/{missing}").status_code == 200  # the 404 was not kept

        assert "Old Name" in client.get(f"/articles/{article_id}").text
        store.sources.update(source["id"], title="New Name")
        clock.now += HOME_TTL + 1
        assert "Old Name" in client.get(f"/articles/{article_id}").text
        clock.now += ARTICLE_TTL
        assert "New Name" in client.get(f"/articles/{article_id}").text


def test_a_change_through_this_server_empties_the_cache(ctx, store):
    clock = Clock()
    one, two = add_source(store, 1), add_source(store, 2)
    seed(store, one, record("from one", hours_ago=1))
    seed(store, two, record("from two", hours_ago=2))
    with cached_client(ctx, clock) as client:
        assert titles(client.get("/")) == ["Story from one", "Story from two"]
        res = client.post(f"/sources/{one['id']}/remove", headers={"Origin": "http://testserver"})
        assert res.status_code == 200 and "Source removed" in res.text
        assert titles(client.get("/")) == ["Story from two"]  # at once, not after the page expires


def test_only_pages_that_are_the_same_for_everyone_are_kept(ctx, store):
    clock = Clock()
    source = add_source(store)
    seed(store, source, record("first"))
    with cached_client(ctx, clock) as client:
        for path in ("/sources", f"/sources/{source['id']}", "/search?q=first", "/api/v1/articles"):
            assert client.get(path).status_code == 200
        store.sources.update(source["id"], title="Renamed")
        assert "Renamed" in client.get("/sources").text
        assert "Renamed" in client.get(f"/sources/{source['id']}").text
        assert client.get("/api/v1/articles").json()["items"][0]["source_title"] == "Renamed"
