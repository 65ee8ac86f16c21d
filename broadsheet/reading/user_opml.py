"""One user's subscriptions as OPML: import (every feed becomes a subscription, its folder the user's category)
and export. An import is checked whole before anything is stored, so a bad file changes nothing."""
from __future__ import annotations

from urllib.parse import urlsplit

from ..errors import InvalidInput
from ..model import OpmlOutline
from ..sources.opml import parse_opml, render_opml
from ..sources.resolve import check_url

MAX_OPML_BYTES = 1024 * 1024
MAX_FEEDS = 2000
MAX_URL = 2048
MAX_LABEL = 300


def _web_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address of a sensible length, else None (a ``javascript:`` htmlUrl is dropped)."""
    if not url or len(url) > MAX_URL:
        return None
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.hostname else None


def _label(text: str | None) -> str | None:
    text = " ".join((text or "").split())[:MAX_LABEL]
    return text or None


def checked_outlines(content: bytes) -> list[OpmlOutline]:
    """The file's feeds, or InvalidInput / ParseError saying what is wrong with it."""
    if not content:
        raise InvalidInput("Choose an OPML file to import", code="opml_missing")
    if len(content) > MAX_OPML_BYTES:
        raise InvalidInput(f"This file is too large: an OPML file can be at most {MAX_OPML_BYTES // 1024} KB",
                           code="opml_too_large", status=413)
    outlines = parse_opml(content)
    if not outlines:
        raise InvalidInput("This OPML file lists no feeds (no outline has an xmlUrl)", code="opml_empty")
    if len(outlines) > MAX_FEEDS:
        raise InvalidInput(f"At most {MAX_FEEDS} feeds can be imported at once ({len(outlines)} given)",
                           code="opml_too_many")
    checked = []
    for o in outlines:
        if len(o.url) > MAX_URL:
            raise InvalidInput(f"A feed address is too long ({len(o.url)} characters)", code="bad_url")
        url = check_url(o.url)
        if _web_url(url) is None:
            raise InvalidInput(f"Not a web address: {url[:200]!r}", code="bad_url")
        checked.append(OpmlOutline(url=url, title=_label(o.title), site_url=_web_url(o.site_url),
                                   folder=_label(o.folder)))
    return checked


def import_for_user(store, user_id: int, content: bytes) -> tuple[int, int]:
    """Subscribe the user to every feed in the file (adding sources not known yet). Returns (new, already)."""
    outlines = checked_outlines(content)
    followed = set(store.subscriptions.source_ids(user_id))
    added = already = 0
    for o in outlines:
        source = store.sources.find_by_url(o.url) or store.sources.add(o.url, "feed", title=o.title,
                                                                        site_url=o.site_url, folder=o.folder)
        if source["id"] in followed:
            already += 1
            continue
        category = store.subscriptions.ensure_category(user_id, o.folder)["id"] if o.folder else None
        store.subscriptions.subscribe(user_id, source["id"], category_id=category)
        followed.add(source["id"])
        added += 1
    return added, already


def export_for_user(store, user: dict) -> str:
    subs = store.subscriptions.list(user["id"])
    return render_opml([OpmlOutline(url=s["url"], title=s["title"], site_url=s["site_url"],
                                    folder=s["category_title"]) for s in subs if s["kind"] in ("feed", "sitemap")],
                       title=f"{user['username']}'s Broadsheet subscriptions")
