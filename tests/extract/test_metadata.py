from datetime import datetime, timezone

from lxml import html as lxml_html

from broadsheet.extract.metadata import json_ld_items, normalize_language, parse_date, read_metadata


def tree(head: str, body: str = "<p>x</p>", lang: str = ""):
    return lxml_html.document_fromstring(f"<html{lang}><head>{head}</head><body>{body}</body></html>")


def test_json_ld_graph_with_references():
    head = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "@id": "#site", "name": "Quay Times"},
      {"@type": ["NewsArticle"], "headline": "Crane collapses at quay", "datePublished": "2024-05-01T10:00:00+02:00",
       "author": [{"@id": "#p1"}, {"@type": "Person", "name": "Oli Brandt"}], "publisher": {"@id": "#org"},
       "image": {"@type": "ImageObject", "url": "/img/crane.jpg"}, "inLanguage": "de-AT"},
      {"@type": "Organization", "@id": "#org", "name": "Quay Times Media"},
      {"@type": "Person", "@id": "#p1", "name": "Vera Lind"}]}</script>"""
    meta = read_metadata(tree(head), "https://quay.test/a")
    assert meta["title"] == "Crane collapses at quay"
    assert meta["published"] == datetime(2024, 5, 1, 8, 0, tzinfo=timezone.utc)
    assert meta["authors"] == ["Vera Lind", "Oli Brandt"]
    assert meta["site_name"] == "Quay Times Media"
    assert meta["image"] == "https://quay.test/img/crane.jpg"
    assert meta["language"] == "de"


def test_json_ld_list_and_broken_json_are_tolerated():
    head = """<script type="application/ld+json">[{"@type": "BreadcrumbList"},
                {"@type": "BlogPosting", "headline": "A post", "author": "Kim Sol",}]</script>
              <script type="application/ld+json">{not json at all</script>"""
    items = json_ld_items(tree(head))
    assert [i["@type"] for i in items] == ["BreadcrumbList", "BlogPosting"]
    assert read_metadata(tree(head))["authors"] == ["Kim Sol"]


def test_opengraph_and_meta_tags():
    head = """<meta property="og:title" content="Tide tables change">
              <meta property="og:site_name" content="Coast Post">
              <meta property="og:image" content="https://coast.test/tide.jpg">
              <meta property="og:locale" content="en_GB">
              <meta property="article:published_time" content="Tue, 05 Mar 2024 14:30:00 GMT">
              <meta name="author" content="By Ana Ruiz, Ben Cole and Chloe Dunn">
              <meta property="article:author" content="https://www.facebook.com/someone">"""
    meta = read_metadata(tree(head))
    assert meta["title"] == "Tide tables change"
    assert meta["site_name"] == "Coast Post"
    assert meta["image"] == "https://coast.test/tide.jpg"
    assert meta["language"] == "en"
    assert meta["published"] == datetime(2024, 3, 5, 14, 30, tzinfo=timezone.utc)
    assert meta["authors"] == ["Ana Ruiz", "Ben Cole", "Chloe Dunn"]


def test_json_ld_wins_over_opengraph_and_html_lang_over_og_locale():
    head = """<meta property="og:title" content="OG title">
              <meta property="og:locale" content="fr_FR">
              <script type="application/ld+json">{"@type": "Article", "headline": "LD title"}</script>"""
    meta = read_metadata(tree(head, lang=' lang="es-MX"'))
    assert meta["title"] == "LD title"
    assert meta["language"] == "es"


def test_title_tag_fallback_drops_the_site_name():
    meta = read_metadata(tree("<title>Storm closes the coast road | Coast Post</title>"
                              "<meta property='og:site_name' content='Coast Post'>"))
    assert meta["title"] == "Storm closes the coast road"


def test_missing_fields_are_left_out():
    assert read_metadata(tree("")) == {}


def test_parse_date():
    assert parse_date("2024-01-02T03:04:05Z") == datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    assert parse_date("2024-01-02T03:04:05.123456789-05:00").hour == 8
    assert parse_date("2024-01-02") == datetime(2024, 1, 2, tzinfo=timezone.utc)
    assert parse_date("2024-01-02 03:04").tzinfo is timezone.utc
    assert parse_date("not a date") is None
    assert parse_date(None) is None


def test_normalize_language():
    assert normalize_language("en-US") == "en"
    assert normalize_language("pt_BR") == "pt"
    assert normalize_language("DE") == "de"
    assert normalize_language("english please") is None
    assert normalize_language("") is None
