from .html import main_of, page, text_of
from .seeding import BODY_HTML, add_source, record, seed


def test_article_page_reads_like_a_news_article(client, store):
    source = add_source(store, title="Al Jazeera")
    [article_id] = seed(store, source, record(
        "bridge", hours_ago=2, title="Council approves the river bridge", authors=["Ann Writer", "Bo Reporter"],
        content_html="<h1>Council approves the river bridge</h1>" + BODY_HTML, word_count=690,
        image_url="https://img.example/bridge.jpg"))
    res = client.get(f"/articles/{article_id}")
    assert res.status_code == 200
    main = main_of(res)
    assert text_of(main).count("Council approves the river bridge") == 1  # the body's repeated heading is dropped
    assert [text_of(h) for h in main.xpath(".//h1")] == ["Council approves the river bridge"]
    source_link = main.xpath(".//*[contains(@class,'story__source')]/a")[0]
    assert text_of(source_link) == "Al Jazeera" and source_link.get("href") == "https://news.example/bridge"
    assert "By Ann Writer, Bo Reporter" in text_of(main)
    time = main.xpath(".//time")[0]
    assert time.get("datetime").endswith("Z") and "UTC" in time.text and time.get("title") == "2 hours ago"
    assert "2 hours ago" in text_of(main) and "3 min read" in text_of(main)
    assert [text_of(h) for h in main.xpath(".//*[contains(@class,'story__body')]//h2")] == ["What was decided"]
    assert "We value this courageous step." in text_of(main.xpath(".//blockquote")[0])
    assert main.xpath(".//figure//img/@src") == ["https://img.example/bridge.jpg"]
    assert main.xpath(".//a[@data-copy]/@data-copy") == ["https://news.example/bridge"]  # "Copy link" without JS


def test_markup_in_title_and_summary_is_escaped_but_the_body_is_rendered(client, store):
    source = add_source(store)
    [article_id] = seed(store, source, record("xss", title="<script>alert('t')</script> Headline",
                                              summary="<script>alert('s')</script>", content_html=""))
    res = client.get(f"/articles/{article_id}")
    assert "<script>alert(" not in res.text
    assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; Headline" in res.text
    assert "&lt;script&gt;alert(&#39;s&#39;)&lt;/script&gt;" in res.text  # summary shown when there is no body

    [with_body] = seed(store, source, record("body", content_html=BODY_HTML))
    assert "<h2>What was decided</h2><ul><li>A new bridge</li>" in client.get(f"/articles/{with_body}").text


def test_copies_are_listed_as_also_published_by(client, store):
    first, second = add_source(store, 1, title="Wire Service"), add_source(store, 2, title="Local Paper")
    text = "an identical agency story carried by more than one outlet " * 3
    [original] = seed(store, first, record("wire", hours_ago=3, text=text))
    [copy] = seed(store, second, record("local", hours_ago=1, text=text))
    also = main_of(client.get(f"/articles/{original}")).xpath(".//aside[contains(@class,'also')]")[0]
    assert "Also published by" in text_of(also) and "Local Paper" in text_of(also)
    assert also.xpath(".//a/@href") == [f"/articles/{copy}"]
    back = main_of(client.get(f"/articles/{copy}")).xpath(".//aside[contains(@class,'also')]")[0]
    assert back.xpath(".//a/@href") == [f"/articles/{original}"] and "Wire Service" in text_of(back)


def test_extraction_error_is_noted(client, store):
    [article_id] = seed(store, add_source(store), record("partial", extraction_error="The page timed out"))
    assert "The page timed out" in text_of(main_of(client.get(f"/articles/{article_id}")))


def test_unknown_article_is_a_404_page(client):
    res = client.get("/articles/999999")
    assert res.status_code == 404
    doc = page(res)
    assert "No article with id 999999" in text_of(doc.find(".//main"))
    assert doc.find(".//header") is not None and "article_not_found" in res.text


def test_unknown_article_in_json_for_json_clients(client):
    res = client.get("/articles/999999", headers={"Accept": "application/json"})
    assert res.status_code == 404
    assert res.json()["error"]["code"] == "article_not_found"
