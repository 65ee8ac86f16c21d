"""Render one demo outlet's HTML pages (home, section, article, 404) from the templates in ``templates/``."""
from __future__ import annotations

import hashlib
import json
import struct
import zlib
from datetime import datetime
from pathlib import Path
from typing import Callable

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from . import markup
from .content import Article, Outlet, World

FEED_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "jsonfeed": "application/feed+json"}
_ENV = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")),
                   autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
_AD = '<div class="ad-slot" aria-hidden="true"><span>Advertisement</span></div>'


def human_date(dt: datetime, style: str) -> str:
    """Each outlet prints dates its own way."""
    hm, h12 = f"{dt:%H:%M}", f"{(dt.hour % 12) or 12}:{dt:%M} {'AM' if dt.hour < 12 else 'PM'}"
    return {
        "ledger": f"{dt:%A} {dt.day} {dt:%B %Y} {hm} UTC",
        "courier": f"{dt:%d/%m/%Y}",
        "wire": f"{dt:%B} {dt.day}, {dt.year} {h12} UTC",
        "techdaily": f"{dt:%b} {dt.day}, {dt.year}",
        "sports": f"{dt:%d.%m.%y} · {hm}",
        "aggregator": f"{dt:%d-%m-%Y}",
    }.get(style, f"{dt.day} {dt:%B %Y}")


def time_ago(now: datetime, dt: datetime) -> str:
    minutes = int((now - dt).total_seconds() // 60)
    if minutes < 60:
        return f"{max(minutes, 1)} minute{'s' if minutes != 1 else ''} ago"
    if minutes < 48 * 60:
        hours = minutes // 60
        return f"{hours} hour{'s' if hours != 1 else ''} ago"
    return f"{minutes // 1440} days ago"


def feed_format(outlet: Outlet) -> str | None:
    return outlet.feed.split("-")[0] if outlet.feed else None


class Renderer:
    """HTML for one outlet. ``url_of`` gives any article's absolute canonical URL (on its own outlet's host)."""

    def __init__(self, world: World, outlet: Outlet, base_url: str, url_of: Callable[[Article], str]):
        self.world, self.outlet, self.base = world, outlet, base_url
        self.url_of = url_of
        self.feed_url = base_url + outlet.feed_path if outlet.feed_path else None
        self.articles = world.by_outlet(outlet.slug)

    def _link(self, target: str) -> str:
        return self.url_of(self.world.article(target[len("article:"):])) if target.startswith("article:") else target

    @staticmethod
    def tracked(url: str, query: str | None) -> str:
        return f"{url}{'&' if '?' in url else '?'}{query}" if query else url

    def view(self, a: Article) -> dict:
        original = self.world.article(a.republishes) if a.republishes else None
        body = markup.to_html(a.body_md, link=self._link, post_date=f"{a.published:%B} {a.published.day}, {a.published.year}")
        if self.outlet.style in ("ledger", "sports"):
            body = _after_paragraph(body, 3, _AD)
        return {
            "slug": a.slug, "key": a.key, "title": a.title, "url": self.url_of(a), "path": a.path, "summary": a.summary, "author": a.author,
            "category": a.category, "section_url": f"/section/{a.category.lower()}", "published": a.published,
            "iso": a.published.isoformat(), "date": human_date(a.published, self.outlet.style),
            "ago": time_ago(self.world.now, a.published), "body": Markup(body), "tags": a.tags,
            "image": f"{self.base}/media/{a.slug}.png", "image_caption": a.image_caption or a.summary,
            "minutes": max(1, round(a.word_count / 230)), "teaser": a.text.split("\n")[0],
            "long_teaser": " ".join(a.text.split("\n")[:3]),
            "source_name": self.world.outlet(original.outlet).name if original else None,
            "source_url": self.url_of(original) if original else None,
        }

    def _common(self, **extra) -> dict:
        o = self.outlet
        return {"outlet": o, "base": self.base, "feed_url": self.feed_url,
                "feed_type": FEED_TYPES.get(feed_format(o) or ""), "now": self.world.now,
                "year": self.world.now.year, "today": human_date(self.world.now, o.style).split(" · ")[0],
                "latest": [self.view(x) for x in self.articles[:5]], **extra}

    def home(self, section: str | None = None) -> str:
        items = [a for a in self.articles if section is None or a.category.lower().startswith(section[:4])]
        utm = "utm_source=homepage&utm_medium=web" if self.outlet.tracking and section is None else None
        views = [dict(self.view(a), link=self.tracked(a.path, utm)) for a in items]
        return _ENV.get_template("home.html").render(self._common(items=views, section=section))

    def article(self, a: Article) -> str:
        v = self.view(a)
        related = self.related(a)
        return _ENV.get_template(f"{self.outlet.style}.html").render(
            self._common(a=v, related=related, jsonld=Markup(self.jsonld(a, v))))

    def related(self, a: Article, n: int = 4) -> list[dict]:
        others = [x for x in self.articles if x.key != a.key]
        others.sort(key=lambda x: (x.event is None or x.event != a.event, x.category != a.category,
                                   -x.published.timestamp()))
        utm = "utm_source=related&utm_medium=internal" if self.outlet.style in ("aggregator", "techdaily") else None
        return [dict(self.view(x), link=self.tracked(x.path, utm)) for x in others[:n]]

    def jsonld(self, a: Article, v: dict) -> str:
        person = [{"@type": "Person", "name": a.author}]
        article = {
            "@type": "NewsArticle", "headline": a.title, "description": a.summary,
            "datePublished": v["iso"], "dateModified": v["iso"], "author": person,
            "publisher": {"@type": "Organization", "name": self.outlet.name,
                          "logo": {"@type": "ImageObject", "url": f"{self.base}/logo.png"}},
            "mainEntityOfPage": {"@type": "WebPage", "@id": v["url"]}, "image": [v["image"]],
            "articleSection": a.category, "keywords": a.tags, "inLanguage": self.outlet.lang,
        }
        if v["source_url"]:
            article["isBasedOn"] = v["source_url"]
        if self.outlet.style == "lantern":  # some sites wrap everything in a @graph
            website = {"@type": "WebSite", "@id": self.base + "/#website", "name": self.outlet.name, "url": self.base}
            data = {"@context": "https://schema.org", "@graph": [website, article]}
        else:
            data = {"@context": "https://schema.org", **article}
        return json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")

    def not_found(self) -> str:
        return _ENV.get_template("404.html").render(self._common())


def _after_paragraph(html: str, n: int, snippet: str) -> str:
    pos = -1
    for _ in range(n):
        pos = html.find("</p>", pos + 1)
        if pos < 0:
            return html
    return html[:pos + 4] + snippet + html[pos + 4:]


def png(seed: str, colour: str, width: int = 600, height: int = 315) -> bytes:
    """A small, valid PNG: the outlet's colour with a band whose shade depends on ``seed``."""
    base = bytes.fromhex(colour.lstrip("#"))
    h = hashlib.sha1(seed.encode()).digest()
    band = bytes((c + h[i]) // 2 for i, c in enumerate(base))
    top, mid = b"\x00" + base * width, b"\x00" + band * width
    rows = b"".join(mid if height // 3 <= y < 2 * height // 3 else top for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
