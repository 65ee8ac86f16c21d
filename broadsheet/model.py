"""Plain data passed between stages. No I/O here."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime


@dataclass
class FeedEntry:
    """One item from a feed or sitemap, before its page is fetched."""

    url: str
    guid: str | None = None
    title: str | None = None
    author: str | None = None
    published: datetime | None = None  # timezone-aware UTC
    summary: str | None = None  # HTML or text as the feed gave it
    content_html: str | None = None  # full content when the feed carries it
    image: str | None = None


@dataclass
class ParsedFeed:
    kind: str  # "feed" | "sitemap"
    title: str | None = None
    site_url: str | None = None
    entries: list[FeedEntry] = field(default_factory=list)
    child_sitemaps: list[str] = field(default_factory=list)


@dataclass
class Extraction:
    """What the extractor found on one article page (the `broadsheet extract` JSON object, less `path`)."""

    url: str | None = None
    title: str | None = None
    text: str = ""  # plain text, paragraphs separated by "\n"
    html: str = ""  # sanitised body HTML
    published: datetime | None = None
    authors: list[str] = field(default_factory=list)
    site_name: str | None = None
    language: str | None = None
    image: str | None = None
    canonical_url: str | None = None

    def to_json(self) -> dict:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        return d


@dataclass
class OpmlOutline:
    url: str  # xmlUrl
    title: str | None = None
    site_url: str | None = None  # htmlUrl
    folder: str | None = None  # the enclosing outline's title, if any


@dataclass
class ArticleRecord:
    """An article ready to store: extracted, sanitised and fingerprinted."""

    url: str
    canonical_url: str
    title: str
    published_at: datetime  # naive UTC
    guid: str | None = None
    authors: list[str] = field(default_factory=list)
    summary: str | None = None
    content_html: str = ""
    content_text: str = ""
    image_url: str | None = None
    site_name: str | None = None
    language: str | None = None
    content_hash: str | None = None
    word_count: int = 0
    extraction_error: str | None = None
