"""The machine-readable side of a demo outlet: RSS 2.0, Atom, JSON Feed, Google News sitemap, robots.txt, OPML.

Each function takes article views as made by :meth:`broadsheet.demo.site.Renderer.view` (plus a ``link``: the
URL the feed hands out, which may carry tracking parameters) and returns the document.
"""
from __future__ import annotations

import json
import uuid
from datetime import datetime
from email.utils import format_datetime

from lxml import etree
from lxml.builder import ElementMaker

from .content import Outlet

NS = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "atom": "http://www.w3.org/2005/Atom",
    "media": "http://search.yahoo.com/mrss/",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
}
GENERATOR = "Broadsheet demo newsroom"


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


def _updated(views: list[dict], fallback: datetime) -> datetime:
    return max((v["published"] for v in views), default=fallback)


def rss(outlet: Outlet, base: str, feed_url: str, views: list[dict], *, full: bool, now: datetime) -> bytes:
    E = ElementMaker(nsmap={k: NS[k] for k in ("content", "dc", "atom", "media")})
    channel = E.channel(
        E.title(outlet.name), E.link(base + "/"), E.description(outlet.tagline),
        E.language(outlet.lang.lower()), E.lastBuildDate(format_datetime(_updated(views, now))),
        E.generator(GENERATOR), E.ttl("15"),
        etree.Element(_q("atom", "link"), href=feed_url, rel="self", type="application/rss+xml"),
        E.image(E.url(base + "/logo.png"), E.title(outlet.name), E.link(base + "/")),
    )
    for v in views:
        item = E.item(
            E.title(v["title"]), E.link(v["link"]), E.guid(f"{outlet.slug}-{v['slug']}", isPermaLink="false"),
            E.pubDate(format_datetime(v["published"])), E.category(v["category"]), E.description(v["summary"]))
        etree.SubElement(item, _q("dc", "creator")).text = v["author"]
        if full:
            etree.SubElement(item, _q("content", "encoded")).text = etree.CDATA(str(v["body"]))
        etree.SubElement(item, _q("media", "content"), url=v["image"], medium="image", type="image/png",
                         width="600", height="315")
        channel.append(item)
    return _xml(E.rss(channel, version="2.0"))


def atom(outlet: Outlet, base: str, feed_url: str, views: list[dict], *, full: bool, now: datetime) -> bytes:
    A = ElementMaker(namespace=NS["atom"], nsmap={None: NS["atom"]})
    feed = A.feed(
        A.title(outlet.name), A.subtitle(outlet.tagline),
        A.link(rel="self", type="application/atom+xml", href=feed_url),
        A.link(rel="alternate", type="text/html", href=base + "/"),
        A.id(_urn(outlet.slug)), A.updated(_updated(views, now).isoformat()),
        A.generator(GENERATOR), A.icon(base + "/logo.png"),
    )
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", outlet.lang)
    for v in views:
        entry = A.entry(
            A.title(v["title"], type="text"), A.link(rel="alternate", type="text/html", href=v["link"]),
            A.id(_urn(f"{outlet.slug}/{v['slug']}")), A.published(v["iso"]), A.updated(v["iso"]),
            A.author(A.name(v["author"])), A.category(term=v["category"]), A.summary(v["summary"], type="text"))
        if full:
            entry.append(A.content(str(v["body"]), type="html"))
        feed.append(entry)
    return _xml(feed)


def json_feed(outlet: Outlet, base: str, feed_url: str, views: list[dict], *, full: bool = True,
              now: datetime | None = None) -> bytes:
    items = []
    for v in views:
        item = {"id": v["url"], "url": v["link"], "title": v["title"], "summary": v["summary"],
                "image": v["image"], "date_published": v["iso"], "date_modified": v["iso"],
                "authors": [{"name": v["author"]}], "tags": [v["category"], *v["tags"]], "language": outlet.lang}
        if full:
            item["content_html"] = str(v["body"])
        else:
            item["content_text"] = v["summary"]
        items.append(item)
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": outlet.name, "home_page_url": base + "/",
           "feed_url": feed_url, "description": outlet.tagline, "icon": base + "/logo.png",
           "language": outlet.lang, "authors": [{"name": outlet.name}], "items": items}
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def news_sitemap(outlet: Outlet, views: list[dict]) -> bytes:
    """A Google News sitemap listing every article, with its canonical URL (no tracking parameters)."""
    S = ElementMaker(namespace=NS["sm"], nsmap={None: NS["sm"], "news": NS["news"]})
    N = ElementMaker(namespace=NS["news"])
    urlset = S.urlset()
    for v in views:
        urlset.append(S.url(
            S.loc(v["url"]), S.lastmod(v["iso"]),
            N.news(N.publication(N.name(outlet.name), N.language(outlet.lang.split("-")[0])),
                   N.publication_date(v["iso"]), N.title(v["title"]), N.keywords(", ".join(v["tags"])))))
    return _xml(urlset)


def robots(base: str, sitemap_url: str | None) -> str:
    lines = ["# Crawlers welcome. Please be polite.", "User-agent: *", "Allow: /", ""]
    if sitemap_url:
        lines.append(f"Sitemap: {sitemap_url}")
    return "\n".join(lines) + "\n"


def opml(outlets, created: datetime, title: str = "Broadsheet demo sources") -> str:
    """OPML 2.0: one folder outline per ``folder``, one outline per outlet (its feed, or its news sitemap)."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    etree.SubElement(head, "dateCreated").text = format_datetime(created)
    body = etree.SubElement(root, "body")
    folders: dict[str, etree._Element] = {}
    for o in outlets:
        if o.folder not in folders:
            folders[o.folder] = etree.SubElement(body, "outline", text=o.folder, title=o.folder)
        xml_url = o.feed_url or o.sitemap_url
        etree.SubElement(folders[o.folder], "outline", type="rss" if o.feed_url else "sitemap", text=o.name,
                         title=o.name, xmlUrl=xml_url, htmlUrl=o.home_url)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True).decode("utf-8")


def _urn(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, "https://broadsheet.invalid/demo/" + name).urn
