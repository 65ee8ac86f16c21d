"""XML sitemaps (urlset and sitemapindex, plain or gzipped, with Google News and image extensions) and plain-text
sitemaps (one URL per line) into a ParsedFeed of kind "sitemap"."""
from __future__ import annotations

import logging
import re

from ..errors import ParseError
from ..model import FeedEntry, ParsedFeed
from .fields import absolute_url, parse_datetime, plain_text
from .safexml import child_text, local_name, parse_xml
from .sniff import GZIP_MAGIC, document_head, gunzip

log = logging.getLogger(__name__)

MAX_UNCOMPRESSED = 50 * 1024 * 1024  # the sitemap protocol's own limit
_ENDS_PROPERLY = re.compile(rb"</([\w.-]+:)?(urlset|sitemapindex)>\s*(<!--.*?-->\s*)*$", re.S)


def parse_sitemap(content: bytes, url: str) -> ParsedFeed:
    if content.startswith(GZIP_MAGIC):
        content = gunzip(content, MAX_UNCOMPRESSED)
    if not document_head(content).startswith(b"<"):
        return _parse_text_sitemap(content, url)
    root, recovered = parse_xml(content, "sitemap")
    kind = local_name(root)
    sitemap = ParsedFeed(kind="sitemap")
    children = list(root)
    if recovered and children and not _ENDS_PROPERLY.search(content[-4096:]):
        children.pop()  # a truncated document: its last <url> may hold half a URL
        log.info("Sitemap %s is truncated; dropped its last, possibly incomplete, entry", url)
    if kind == "sitemapindex":
        for child in children:
            if local_name(child) == "sitemap":
                loc = absolute_url(child_text(child, "loc"), url)
                if loc and loc not in sitemap.child_sitemaps:
                    sitemap.child_sitemaps.append(loc)
    elif kind == "urlset":
        seen: set[str] = set()
        for child in children:
            if local_name(child) == "url":
                entry = _url_entry(child, url, sitemap)
                if entry and entry.url not in seen:
                    seen.add(entry.url)
                    sitemap.entries.append(entry)
    else:
        raise ParseError(f"Not a sitemap: the document's root element is <{kind}>, not <urlset> or <sitemapindex>")
    return sitemap


def _url_entry(element, base: str, sitemap: ParsedFeed) -> FeedEntry | None:
    loc = absolute_url(child_text(element, "loc"), base)
    if not loc:
        return None
    entry = FeedEntry(url=loc, published=parse_datetime(child_text(element, "lastmod")))
    for child in element:
        name = local_name(child)
        if name == "news":  # Google News: <news:news><news:title>, <news:publication_date>, <news:publication>
            entry.title = plain_text(child_text(child, "title"), is_html=False)
            entry.published = parse_datetime(child_text(child, "publication_date")) or entry.published
            publication = next((c for c in child if local_name(c) == "publication"), None)
            if publication is not None and not sitemap.title:
                sitemap.title = plain_text(child_text(publication, "name"), is_html=False)
        elif name == "image" and not entry.image:  # <image:image><image:loc>
            entry.image = absolute_url(child_text(child, "loc"), loc)
    return entry


def _parse_text_sitemap(content: bytes, url: str) -> ParsedFeed:
    lines = [line.strip() for line in content.decode("utf-8", "replace").splitlines() if line.strip()]
    urls = [absolute_url(line) for line in lines]
    if not lines or not all(urls):
        raise ParseError("Not a sitemap: it is neither XML nor a plain list of URLs, one per line")
    return ParsedFeed(kind="sitemap", entries=[FeedEntry(url=u) for u in dict.fromkeys(urls)])
