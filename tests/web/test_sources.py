from datetime import timedelta

from broadsheet.errors import FetchError

from .html import main_of, text_of
from .seeding import RecordingQueue, add_source, record, seed

SAME_ORIGIN = {"Origin": "http://testserver"}


def test_sources_page_shows_health_prominently(client, store):
    failing = add_source(store, 1, title="Flaky Times", folder="World")
    add_source(store, 2, title="Quiet Weekly")
    store.sources.update(add_source(store, 3, title="Paused Daily")["id"], paused=True)
    seed(store, failing, record("a"), record("b"))
    for _ in range(2):
        store.sources.record_error(failing["id"], FetchError("The server answered 503 Service Unavailable"),
                                   timedelta(minutes=30))
    main = main_of(client.get("/sources"))
    item = main.xpath(".//li[contains(@class,'source-item--failing')]")[0]
    assert "Flaky Times" in text_of(item) and "World" in text_of(item) and "2 articles" in text_of(item)
    assert "The server answered 503 Service Unavailable" in text_of(item) and "fetch_failed" in text_of(item)
    assert "2 failed fetches" in text_of(item)
    assert "Paused" in text_of(main.xpath(".//li[contains(@class,'source-item--paused')]")[0])


def test_adding_a_bad_url_shows_the_error_inline_and_stores_nothing(client, store):
    res = client.post("/sources", data={"url": "not a url", "folder": "Tech"}, headers=SAME_ORIGIN)
    assert res.status_code == 400
    main = main_of(res)
    assert "Not a web address" in text_of(main.xpath(".//*[@id='add-error']")[0])
    assert main.xpath(".//input[@name='url']/@value") == ["not a url"]
    assert main.xpath(".//input[@name='folder']/@value") == ["Tech"]
    assert main.xpath(".//input[@name='url']/@aria-invalid") == ["true"]
    assert store.sources.count() == 0


def test_pause_resume_and_remove_change_the_store(client, store):
    source = add_source(store)
    seed(store, source, record("x"))
    res = client.post(f"/sources/{source['id']}/pause", data={"back_to": "list"}, headers=SAME_ORIGIN,
                      follow_redirects=False)
    assert res.status_code == 303 and res.headers["location"] == "/sources?done=paused"
    assert store.sources.get(source["id"])["paused"] is True
    assert "Source paused" in client.get(res.headers["location"]).text

    res = client.post(f"/sources/{source['id']}/resume", data={"back_to": "source"}, headers=SAME_ORIGIN,
                      follow_redirects=False)
    assert res.headers["location"] == f"/sources/{source['id']}?done=resumed"
    assert store.sources.get(source["id"])["paused"] is False

    confirm = client.get(f"/sources/{source['id']}/remove")
    assert confirm.status_code == 200 and "1 article" in text_of(main_of(confirm))
    assert store.sources.count() == 1  # asking is not removing
    res = client.post(f"/sources/{source['id']}/remove", headers=SAME_ORIGIN)
    assert res.status_code == 200 and "Source removed" in res.text  # followed the redirect
    assert store.sources.count() == 0 and store.articles.count() == 0


def test_cross_origin_posts_are_refused(client, store):
    source = add_source(store)
    for headers in ({"Origin": "https://evil.example"}, {"Referer": "https://evil.example/page"}, {"Origin": "null"}):
        res = client.post(f"/sources/{source['id']}/pause", headers=headers)
        assert res.status_code == 403 and "cross_origin" in res.text
    assert store.sources.get(source["id"])["paused"] is False
    assert client.post(f"/sources/{source['id']}/pause", headers={"Referer": "http://testserver/sources"}).is_success


def test_refresh_now_goes_through_the_queue_when_there_is_one(ctx, store):
    from fastapi.testclient import TestClient

    from broadsheet.web.app import create_app

    source = add_source(store)
    ctx.queue = RecordingQueue()
    with TestClient(create_app(ctx)) as client:
        assert ctx.queue.started
        res = client.post(f"/sources/{source['id']}/refresh", follow_redirects=False)
        assert res.headers["location"] == "/sources?done=refresh_queued"
        assert "1 job waiting" in client.get("/sources").text
    assert ctx.queue.jobs == [("refresh_source", {"source_id": source["id"]})] and ctx.queue.stopped


def test_refresh_now_runs_at_once_without_a_queue(client, store):
    source = add_source(store, url="http://127.0.0.1:9/feed.xml")  # private address: refused before any request
    res = client.post(f"/sources/{source['id']}/refresh", data={"back_to": "source"}, follow_redirects=False)
    assert res.headers["location"] == f"/sources/{source['id']}?done=refresh_failed"
    assert store.sources.get(source["id"])["error_count"] == 1
    assert "The refresh failed" in client.get(res.headers["location"]).text


def test_source_page_lists_its_articles_and_health(client, store):
    source = add_source(store, title="Harbour Gazette", folder="Local")
    other = add_source(store, 2)
    seed(store, source, record("h1", hours_ago=1), record("h2", hours_ago=5))
    seed(store, other, record("elsewhere"))
    store.sources.record_error(source["id"], FetchError("Timed out after 20 s"), timedelta(minutes=30))
    res = client.get(f"/sources/{source['id']}")
    main = main_of(res)
    assert [text_of(a) for a in main.xpath(".//*[contains(@class,'card__title')]/a")] == ["Story h1", "Story h2"]
    assert "Harbour Gazette" in text_of(main.xpath(".//h1")[0]) and "Local" in text_of(main)
    assert "Timed out after 20 s" in text_of(main) and "1 failed fetch" in text_of(main)
    assert client.get("/sources/424242").status_code == 404


def test_posts_through_a_reverse_proxy_pass_the_origin_check(client, store):
    source = add_source(store)
    headers = {"Origin": "https://news.home.example", "X-Forwarded-Host": "news.home.example"}
    assert client.post(f"/sources/{source['id']}/pause", headers=headers).is_success
    assert store.sources.get(source["id"])["paused"] is True
