"""Finding a site's feeds: the ones its pages advertise, and the usual places to probe when they advertise none."""
from __future__ import annotations

import logging
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml import etree
from lxml import html as lxml_html

from .fields import absolute_url

log = logging.getLogger(__name__)

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/feed+json",
                        "application/rdf+xml", "application/x-rss+xml", "application/x-atom+xml"})
COMMON_FEED_PATHS = ("feed", "rss.xml", "atom.xml", "feed.xml", "index.xml", "sitemap.xml", "news-sitemap.xml")


def find_feed_links(html: str, base_url: str) -> list[str]:
    """Absolute URLs of the feeds a page links to (``<link rel="alternate" type="application/rss+xml" ...>`` and the
    Atom / JSON Feed / RSS 1.0 types; also ``rel="feed"``), honouring ``<base href>``, de-duplicated, in document
    order. ``application/json`` is not taken: WordPress uses it for its REST API links, which are not feeds."""
    if not html or not html.strip():
        return []
    try:  # bytes, so a page that starts with <?xml encoding=...?> is accepted
        doc = lxml_html.document_fromstring(html.encode("utf-8"), parser=_parser())
    except (etree.ParserError, ValueError) as e:
        log.info("Cannot read %s as HTML to look for feed links: %s", base_url, e)
        return []
    base_href = next(iter(doc.xpath("//base/@href")), None)
    base = urljoin(base_url, base_href.strip()) if base_href else base_url
    found: dict[str, None] = {}
    for link in doc.iter("link"):
        rel = set((link.get("rel") or "").lower().split())
        media_type = (link.get("type") or "").split(";")[0].strip().lower()
        if ("alternate" in rel and media_type in FEED_TYPES) or ("feed" in rel and media_type in FEED_TYPES | {""}):
            url = absolute_url(link.get("href"), base)
            if url:
                found.setdefault(url, None)
    return list(found)


def common_feed_paths(base_url: str) -> list[str]:
    """Where feeds and sitemaps usually live, to probe when a page advertises none: at the site root, and first
    under the page's folder when the page URL is one (``https://example.com/blog/`` -> ``.../blog/feed``)."""
    parts = urlsplit(base_url)
    prefixes = ["/"]
    if parts.path.endswith("/") and parts.path != "/":
        prefixes.insert(0, parts.path)
    return [urlunsplit((parts.scheme, parts.netloc, prefix + path, "", ""))
            for prefix in prefixes for path in COMMON_FEED_PATHS]


def _parser() -> lxml_html.HTMLParser:
    return lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, no_network=True)
