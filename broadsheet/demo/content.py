"""Load the demo's fictional news world from ``content/`` (data, not code) and pin it to a start time.

``content/outlets.json`` lists the outlets, ``content/events.json`` the real-world events several outlets
cover (ground truth for story clustering), and ``content/articles/<outlet>/<slug>.md`` holds one article
each: a front matter block of ``key: value`` lines between ``---`` lines, then the body in the dialect of
:mod:`broadsheet.demo.markup`. An article with ``republishes: <outlet>/<slug>`` is a near-duplicate: it
takes the original's body with its ``edit: old => new`` replacements applied and ``drop:`` lines removed.

Times are offsets (``hours_ago``) from the start time, so the demo always looks fresh. In text,
``{event_day}``, ``{event_date}``, ``{pub_day}``, ``{pub_date}`` and ``{year}`` (each optionally ``+N``/``-N``
days or years) resolve against the article's event, its publication time, or the start time.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from . import markup

CONTENT_DIR = Path(__file__).with_name("content")
CATEGORIES = ("World", "Politics", "Business", "Technology", "Science", "Health", "Sports", "Entertainment")
_PLACEHOLDER = re.compile(r"\{(event_day|event_date|pub_day|pub_date|year)([+-]\d+)?\}")
_LIST_KEYS = ("edit", "drop")


@dataclass(frozen=True)
class Outlet:
    slug: str
    name: str
    tagline: str
    style: str
    lang: str
    folder: str
    feed: str | None  # "rss-full" | "rss-summary" | "atom-full" | "atom-summary" | "jsonfeed-full" | None
    feed_path: str | None
    tracking: str | None  # query string added to links in the feed and on the home page
    colour: str
    sections: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    id: str
    label: str
    kind: str
    place: str
    hours_ago: float
    time: datetime


@dataclass
class Article:
    outlet: str
    slug: str
    title: str
    author: str
    category: str
    summary: str
    body_md: str  # placeholders resolved; dateline (wire style) included
    published: datetime
    tags: list[str] = field(default_factory=list)
    event: str | None = None
    image_caption: str | None = None
    republishes: str | None = None  # "<outlet>/<slug>" of the original

    @property
    def key(self) -> str:
        return f"{self.outlet}/{self.slug}"

    @property
    def path(self) -> str:
        return f"/{self.published:%Y}/{self.published:%m}/{self.slug}.html"

    @property
    def text(self) -> str:
        return markup.to_text(self.body_md)

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass
class World:
    now: datetime
    outlets: list[Outlet]
    events: dict[str, Event]
    articles: list[Article]  # newest first

    def outlet(self, slug: str) -> Outlet:
        return next(o for o in self.outlets if o.slug == slug)

    def by_outlet(self, slug: str) -> list[Article]:
        return [a for a in self.articles if a.outlet == slug]

    def article(self, key: str) -> Article:
        return next(a for a in self.articles if a.key == key)


def parse_article_file(text: str) -> tuple[dict, str]:
    """Front matter (``key: value`` lines; ``edit``/``drop`` may repeat) and body of one article file."""
    if not text.startswith("---\n"):
        raise ValueError("article file must start with a '---' front matter line")
    head, _, body = text[4:].partition("\n---")
    meta: dict = {k: [] for k in _LIST_KEYS}
    for line in head.splitlines():
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"bad front matter line: {line!r}")
        key, value = key.strip(), value.strip()
        if key in _LIST_KEYS:
            meta[key].append(value)
            continue
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        meta[key] = value
    return meta, body.lstrip("-").strip("\n")


def load_world(now: datetime | None = None, content_dir: Path = CONTENT_DIR) -> World:
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(second=0, microsecond=0)
    outlets = [Outlet(**{**o, "sections": tuple(o.get("sections", ()))})
               for o in json.loads((content_dir / "outlets.json").read_text("utf-8"))["outlets"]]
    events = {}
    for e in json.loads((content_dir / "events.json").read_text("utf-8"))["events"]:
        events[e["id"]] = Event(time=_ago(now, e["hours_ago"]), **e)
    raw = {}
    for path in sorted((content_dir / "articles").glob("*/*.md")):
        meta, body = parse_article_file(path.read_text("utf-8"))
        raw[f"{path.parent.name}/{path.stem}"] = (path.parent.name, path.stem, meta, body)
    known = {o.slug for o in outlets}
    articles = [_build(key, raw, events, known, now) for key in raw]
    articles.sort(key=lambda a: a.published, reverse=True)
    return World(now=now, outlets=outlets, events=events, articles=articles)


def _build(key: str, raw: dict, events: dict, known: set, now: datetime) -> Article:
    outlet, slug, meta, body = raw[key]
    if outlet not in known:
        raise ValueError(f"{key}: unknown outlet {outlet!r}")
    if meta.get("republishes"):
        orig_key = meta["republishes"]
        if orig_key not in raw:
            raise ValueError(f"{key}: republishes unknown article {orig_key!r}")
        _, _, orig_meta, body = raw[orig_key]
        for edit in meta["edit"]:
            old, sep, new = edit.partition(" => ")
            if not sep or old not in body:
                raise ValueError(f"{key}: edit does not apply: {edit!r}")
            body = body.replace(old, new, 1)
        for drop in meta["drop"]:
            if drop not in body:
                raise ValueError(f"{key}: drop does not apply: {drop!r}")
            body = body.replace(drop, "")
        meta = {**orig_meta, **{k: v for k, v in meta.items() if k not in _LIST_KEYS}}
    for required in ("title", "author", "category", "hours_ago", "summary"):
        if not meta.get(required):
            raise ValueError(f"{key}: missing {required!r}")
    if meta["category"] not in CATEGORIES:
        raise ValueError(f"{key}: unknown category {meta['category']!r}")
    event = events.get(meta.get("event") or "")
    if meta.get("event") and not event:
        raise ValueError(f"{key}: unknown event {meta['event']!r}")
    published = _ago(now, float(meta["hours_ago"]))
    if event and published < event.time:
        raise ValueError(f"{key}: published before its event happened")

    def resolve(s: str) -> str:
        return _PLACEHOLDER.sub(lambda m: _placeholder(m, key, event, published, now), s)

    body = resolve(body).strip()
    if meta.get("dateline"):
        body = f"{meta['dateline']}, {published.day} {published:%b} (Meridian Wire) – {body}"
    return Article(
        outlet=outlet, slug=slug, title=resolve(meta["title"]), author=meta["author"],
        category=meta["category"], summary=resolve(meta["summary"]), body_md=body, published=published,
        tags=[t.strip() for t in meta.get("tags", "").split(",") if t.strip()],
        event=event.id if event else None, image_caption=meta.get("image_caption"),
        republishes=meta.get("republishes"))


def _placeholder(m: re.Match, key: str, event: Event | None, published: datetime, now: datetime) -> str:
    name, offset = m.group(1), int(m.group(2) or 0)
    if name == "year":
        return str(now.year + offset)
    if name.startswith("event"):
        if event is None:
            raise ValueError(f"{key}: {m.group(0)} used without an event")
        base = event.time
    else:
        base = published
    d = base + timedelta(days=offset)
    return d.strftime("%A") if name.endswith("day") else f"{d.day} {d:%B}"


def _ago(now: datetime, hours: float) -> datetime:
    return (now - timedelta(hours=float(hours))).replace(second=0, microsecond=0)
