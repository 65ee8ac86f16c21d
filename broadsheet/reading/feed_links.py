"""Which feeds belong to which page: ``<link rel="alternate">`` tags in base.html come from ``alternate_links``."""
from __future__ import annotations

from .feed_items import TOPIC_SLUGS
from .feed_writer import FORMATS

_NAMES = (("rss", "RSS"), ("atom", "Atom"), ("json", "JSON Feed"))
_SECTIONS = ("sources", "topics", "entities", "stories")


def feed_of_page(path: str) -> str | None:
    """The feed path (without extension) of the page at ``path``, if it has one."""
    if path == "/":
        return "/feeds/home"
    parts = path.strip("/").split("/")
    if len(parts) != 2 or parts[0] not in _SECTIONS:
        return None
    key = parts[1]
    if (parts[0] == "topics" and key not in TOPIC_SLUGS) or (parts[0] != "topics" and not key.isdigit()):
        return None
    return f"/feeds/{parts[0]}/{key}"


def alternate_links(path: str) -> list[tuple[str, str, str]]:
    """(title, MIME type, href) of each format of the page's feed; none for pages without one."""
    feed = feed_of_page(path)
    if feed is None:
        return []
    return [(f"{name} feed", FORMATS[fmt], f"{feed}.{fmt}") for fmt, name in _NAMES]
