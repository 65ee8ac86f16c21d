from __future__ import annotations

from broadsheet.sources.discovery import common_feed_paths, find_feed_links

PAGE = """<!DOCTYPE html>
<html><head>
  <title>Orchard Street Times</title>
  <link rel="stylesheet" href="/style.css">
  <link rel="alternate" type="application/rss+xml" title="Orchard Street Times" href="/feed.xml">
  <link rel="alternate" type="application/atom+xml" href="https://orchard-street.example/atom.xml">
  <link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/2">
  <link rel="alternate" type="application/feed+json; charset=utf-8" href="feed.json">
  <link rel="alternate" type="application/rss+xml" title="Duplicate" href="https://orchard-street.example/feed.xml">
  <link rel="alternate" hreflang="fr" href="/fr/">
  <link rel="ALTERNATE" type="Application/RSS+XML" href="/comments/feed/">
  <link rel="alternate" type="application/rss+xml" href="javascript:void(0)">
  <link rel="alternate" type="application/rss+xml">
</head><body>
  <a rel="alternate" type="application/rss+xml" href="/not-a-link-element.xml">RSS</a>
</body></html>"""


def test_finds_advertised_feeds_in_document_order():
    assert find_feed_links(PAGE, "https://orchard-street.example/news/") == [
        "https://orchard-street.example/feed.xml",
        "https://orchard-street.example/atom.xml",
        "https://orchard-street.example/news/feed.json",
        "https://orchard-street.example/comments/feed/",
    ]


def test_base_href_and_rel_feed():
    page = """<html><head><base href="https://cdn.orchard-street.example/site/">
      <link rel="feed" href="latest.xml"><link rel="home feed" type="text/html" href="index.html"></head></html>"""
    assert find_feed_links(page, "https://orchard-street.example/") == [
        "https://cdn.orchard-street.example/site/latest.xml"]


def test_xhtml_with_an_encoding_declaration_and_broken_pages():
    xhtml = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<link rel="alternate" type="application/atom+xml" href="/atom"/></head><body/></html>"""
    assert find_feed_links(xhtml, "https://x.example/") == ["https://x.example/atom"]
    tag_soup = "<head><link rel=alternate type=application/rss+xml href=/rss><p>unclosed"
    assert find_feed_links(tag_soup, "https://y.example/a") == ["https://y.example/rss"]
    assert find_feed_links("", "https://z.example/") == []
    assert find_feed_links("   \n", "https://z.example/") == []


def test_common_feed_paths_at_the_root():
    assert common_feed_paths("https://orchard-street.example/2024/03/some-story?ref=home") == [
        "https://orchard-street.example/feed",
        "https://orchard-street.example/rss.xml",
        "https://orchard-street.example/atom.xml",
        "https://orchard-street.example/feed.xml",
        "https://orchard-street.example/index.xml",
        "https://orchard-street.example/sitemap.xml",
        "https://orchard-street.example/news-sitemap.xml",
    ]


def test_common_feed_paths_under_a_folder_come_first():
    paths = common_feed_paths("https://orchard-street.example/blog/")
    assert paths[:2] == ["https://orchard-street.example/blog/feed", "https://orchard-street.example/blog/rss.xml"]
    assert "https://orchard-street.example/feed" in paths and len(paths) == 14
