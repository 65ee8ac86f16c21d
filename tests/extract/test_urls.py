import pytest

from broadsheet.extract.urls import absolute_http_url, canonicalize_url, find_canonical


@pytest.mark.parametrize("url, expected", [
    ("HTTPS://Example.COM:443/Path/Story?b=2&a=1#comments", "https://example.com/Path/Story?a=1&b=2"),
    ("http://example.com:80", "http://example.com/"),
    ("http://example.com:8080/x", "http://example.com:8080/x"),
    ("https://news.test/a?utm_source=rss&utm_medium=feed&id=7", "https://news.test/a?id=7"),
    ("https://news.test/a?fbclid=XYZ&gclid=1&mc_cid=2&mc_eid=3&ref=hn&ocid=4&cmpid=5&igshid=6",
     "https://news.test/a"),
    ("https://news.test/a/?UTM_Campaign=x&page=2", "https://news.test/a/?page=2"),
    ("https://news.test/Case/Kept/", "https://news.test/Case/Kept/"),
    ("https://news.test/a?q=hello%20world&empty=", "https://news.test/a?empty=&q=hello+world"),
])
def test_canonicalize_url(url, expected):
    assert canonicalize_url(url) == expected


def test_canonicalize_is_idempotent():
    once = canonicalize_url("HTTP://News.Test:80/a?z=1&utm_term=x&a=2#top")
    assert canonicalize_url(once) == once


def test_absolute_http_url():
    assert absolute_http_url("/img/a.jpg", "https://news.test/story/1") == "https://news.test/img/a.jpg"
    assert absolute_http_url("//cdn.test/a.jpg", "https://news.test/") == "https://cdn.test/a.jpg"
    assert absolute_http_url("javascript:alert(1)", "https://news.test/") is None
    assert absolute_http_url(" java\nscript:alert(1)", "https://news.test/") is None
    assert absolute_http_url("data:image/png;base64,AAAA", None) is None
    assert absolute_http_url("relative.html", None) is None


def test_find_canonical_prefers_link_rel_and_makes_it_absolute():
    html = """<html><head><meta property="og:url" content="https://news.test/og">
              <link rel="canonical" href="/stories/42"></head><body></body></html>"""
    assert find_canonical(html, "https://news.test/stories/42?utm_source=x") == "https://news.test/stories/42"


def test_find_canonical_falls_back_to_og_url_and_refuses_other_schemes():
    html = """<html><head><link rel="canonical" href="javascript:alert(1)">
              <meta property="og:url" content="https://news.test/og-url"></head></html>"""
    assert find_canonical(html, None) == "https://news.test/og-url"
    assert find_canonical("<html><head><title>x</title></head></html>", "https://news.test/") is None
