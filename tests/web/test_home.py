from .html import main_of, text_of, titles
from .seeding import add_source, record, seed


def test_home_lists_latest_articles_newest_first_with_source_and_relative_time(client, store):
    one, two = add_source(store, 1, title="Morning Post"), add_source(store, 2, title="Evening Star")
    seed(store, one, record("older", hours_ago=50), record("newest", hours_ago=0.5, image_url="https://img.example/a.jpg"))
    seed(store, two, record("middle", hours_ago=2))
    res = client.get("/")
    assert res.status_code == 200
    assert titles(res) == ["Story newest", "Story middle", "Story older"]
    main = main_of(res)
    first = main.xpath(".//article")[0]
    assert "Morning Post" in text_of(first)
    time = first.xpath(".//time")[0]
    assert time.text == "30 minutes ago" and time.get("datetime").endswith("Z") and "UTC" in time.get("title")
    assert first.xpath(".//img/@src") == ["https://img.example/a.jpg"]
    assert "2 hours ago" in text_of(main) and "2 days ago" in text_of(main)


def test_home_leaves_out_duplicates(client, store):
    one, two = add_source(store, 1), add_source(store, 2)
    seed(store, one, record("original", text="the same long story " * 10))
    seed(store, two, record("copy", hours_ago=0.2, text="the same long story " * 10))
    assert titles(client.get("/")) == ["Story original"]


def test_home_pages_older_articles_with_newer_and_older_links(client, store):
    source = add_source(store)
    seed(store, source, *[record(f"n{i}", hours_ago=i + 1) for i in range(12)])  # page size is 5
    first = client.get("/")
    assert titles(first) == [f"Story n{i}" for i in range(5)]
    assert main_of(first).xpath(".//a[@rel='next']/@href") == ["/?page=2"]
    assert not main_of(first).xpath(".//a[@rel='prev']")

    second = client.get("/?page=2")
    assert titles(second) == [f"Story n{i}" for i in range(5, 10)]
    assert main_of(second).xpath(".//a[@rel='prev']/@href") == ["/"]
    assert main_of(second).xpath(".//a[@rel='next']/@href") == ["/?page=3"]
    assert "Older" in text_of(main_of(second)) and "Newer" in text_of(main_of(second))

    last = client.get("/?page=3")
    assert titles(last) == ["Story n10", "Story n11"]
    assert not main_of(last).xpath(".//a[@rel='next']")


def test_empty_home_invites_adding_a_source(client):
    res = client.get("/")
    assert "No articles yet" in res.text and 'href="/sources"' in res.text


def test_bad_page_number_is_an_invalid_input_page(client):
    res = client.get("/?page=0")
    assert res.status_code == 422 and "invalid_input" in res.text
