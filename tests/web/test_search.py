from .html import main_of, text_of, titles
from .seeding import add_source, record, seed


def test_search_ranks_title_hits_first_and_highlights_terms(client, store):
    source = add_source(store, title="Science Daily")
    seed(store, source,
         record("body", hours_ago=1, title="Weekly roundup",
                text="Among other things the committee discussed a glacier survey and the budget for the year"),
         record("title", hours_ago=30, title="Glaciers retreat faster than expected",
                text="Scientists measured the ice sheet this summer and found it thinner " * 3),
         record("other", title="Football results", text="Nothing about ice here at all, only the match " * 3))
    res = client.get("/search", params={"q": "glaciers"})
    assert res.status_code == 200
    assert titles(res)[0] == "Glaciers retreat faster than expected"
    assert set(titles(res)) == {"Glaciers retreat faster than expected", "Weekly roundup"}
    main = main_of(res)
    assert "2 results for “glaciers”" in text_of(main)
    marks = [text_of(m).lower() for m in main.xpath(".//p[contains(@class,'card__preview')]//mark")]
    assert marks and all(m.startswith("glacier") for m in marks)
    assert main.xpath(".//input[@name='q']/@value") == ["glaciers"]


def test_search_pages_through_results(client, store):
    source = add_source(store)
    seed(store, source, *[record(f"s{i}", hours_ago=i, text=f"harbour news item {i} " * 8) for i in range(7)])
    first = client.get("/search", params={"q": "harbour"})
    assert len(titles(first)) == 5 and "7 results" in first.text
    assert main_of(first).xpath(".//a[@rel='next']/@href") == ["/search?q=harbour&page=2"]
    second = client.get("/search", params={"q": "harbour", "page": 2})
    assert len(titles(second)) == 2 and not main_of(second).xpath(".//a[@rel='next']")
    assert main_of(second).xpath(".//a[@rel='prev']/@href") == ["/search?q=harbour"]


def test_search_empty_and_no_results_states(client, store):
    seed(store, add_source(store), record("a"))
    empty = client.get("/search")
    assert empty.status_code == 200 and "Search the text of every article" in empty.text
    none = client.get("/search", params={"q": "zzzyzzx"})
    assert "No articles match “zzzyzzx”" in text_of(main_of(none))
    assert client.get("/search", params={"q": "<b>x</b>"}).text.count("<b>x</b>") == 0


def test_search_escapes_the_snippet_text_but_keeps_highlights(client, store):
    seed(store, add_source(store), record("t", text="Tags like <img src=x onerror=alert(1)> mention volcano " * 4))
    res = client.get("/search", params={"q": "volcano"})
    assert "<img src=x" not in res.text and "<mark>volcano</mark>" in res.text.lower()
