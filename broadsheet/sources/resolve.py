"""What a user-given URL is (feed, sitemap, site with a feed, single article page), and parsing a source's body."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import BroadsheetError, InvalidInput, ParseError
from ..model import FeedEntry, ParsedFeed
from .discovery import common_feed_paths, find_feed_links
from .feeds import parse_feed, sniff_kind
from .sitemaps import parse_sitemap

log = logging.getLogger(__name__)
MAX_CHILD_SITEMAPS = 5
MAX_SITEMAP_ENTRIES = 200


@dataclass
class NewSource:
    url: str
    kind: str  # feed | sitemap | page
    result: object  # the FetchResult already in hand, so the first refresh needs no second request
    title: str | None = None
    site_url: str | None = None


def check_url(url: str) -> str:
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidInput(f"Not a web address: {url!r} (it must start with http:// or https://)", code="bad_url")
    return url


def resolve_new_source(fetcher, url: str) -> NewSource:
    url = check_url(url)
    res = fetcher.fetch(url)
    kind = sniff_kind(res.content, res.content_type)
    if kind == "feed":
        feed = parse_feed(res.content, res.url, res.content_type)
        return NewSource(url, "feed", res, feed.title, feed.site_url)
    if kind == "sitemap":
        return NewSource(url, "sitemap", res)
    if kind == "opml":
        raise InvalidInput("This is an OPML subscription list: import it with `broadsheet import-opml`.",
                           code="is_opml")
    if kind != "html":
        raise ParseError(f"{url} is neither a feed, a sitemap nor a web page ({res.content_type or 'no type'})")
    html = res.text
    for link in find_feed_links(html, res.url):
        try:
            feed_res = fetcher.fetch(link)
            feed = parse_feed(feed_res.content, feed_res.url, feed_res.content_type)
        except BroadsheetError as e:
            log.info("advertised feed %s of %s did not work: %s", link, url, e)
            continue
        return NewSource(link, "feed", feed_res, feed.title, feed.site_url or res.url)
    if _looks_like_article(html, res.url):
        return NewSource(url, "page", res)
    for probe in common_feed_paths(res.url):
        try:
            pres = fetcher.fetch(probe)
        except BroadsheetError:
            continue
        pkind = sniff_kind(pres.content, pres.content_type)
        if pkind in ("feed", "sitemap"):
            return NewSource(probe, pkind, pres, site_url=res.url)
    raise InvalidInput(f"No feed, sitemap or article found at {url}", code="nothing_found")


def _looks_like_article(html: str, url: str) -> bool:
    from ..extract.pipeline import extract

    try:
        ex = extract(html, url)
    except BroadsheetError:
        return False
    return len(ex.text.split()) >= 80


def classify_and_parse(fetcher, source: dict, fetched) -> ParsedFeed:
    if source["kind"] == "page":
        return ParsedFeed(kind="page", entries=[FeedEntry(url=fetched.url or source["url"])])
    if source["kind"] == "sitemap":
        return _sitemap_with_children(fetcher, fetched)
    return parse_feed(fetched.content, fetched.url, fetched.content_type)


def _sitemap_with_children(fetcher, fetched) -> ParsedFeed:
    parsed = parse_sitemap(fetched.content, fetched.url)
    for child in parsed.child_sitemaps[:MAX_CHILD_SITEMAPS]:
        try:
            res = fetcher.fetch(child)
            parsed.entries.extend(parse_sitemap(res.content, res.url).entries)
        except BroadsheetError as e:
            log.warning("child sitemap %s failed: %s", child, e)
    parsed.entries.sort(key=lambda e: e.published.timestamp() if e.published else 0, reverse=True)
    parsed.entries = parsed.entries[:MAX_SITEMAP_ENTRIES]
    return parsed
