"""Broadsheet rows in Google Reader's shapes: stream items (JSON), item refs, subscriptions, and the Atom form of
a stream (``/reader/atom/...``, which FeedHQ-mode clients such as newsboat read)."""
from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

from . import ids

_STATES = "user/-/state/com.google/"


def label_id(title: str) -> str:
    return f"{ids.LABEL_PREFIX}{title}"


def _categories(row: dict) -> list[str]:
    cats = [ids.READING_LIST]
    if row["category_title"]:
        cats.append(label_id(row["category_title"]))
    if row["read"]:
        cats.append(ids.READ)
    if row["starred"]:
        cats.append(ids.STARRED)
    return cats


def items(rows: list[dict]) -> list[dict]:
    """Rows of ``store.sync_entries`` as stream/contents items. Items of the same feed share their ``origin`` and
    items with the same marks their ``categories`` (built once per page: orjson writes shared objects as usual)."""
    origins: dict[int, dict] = {}
    categories: dict[tuple, list[str]] = {}
    out = []
    for row in rows:
        origin = origins.get(row["source_id"])
        if origin is None:
            origin = origins[row["source_id"]] = {"streamId": f"feed/{row['source_id']}", "title": row["feed_title"],
                                                  "htmlUrl": row["site_url"] or row["feed_url"]}
        marks = (row["category_title"], row["read"], row["starred"])
        cats = categories.get(marks)
        if cats is None:
            cats = categories[marks] = _categories(row)
        stamp = ids.usec(row["published_at"])
        published = stamp // 1_000_000
        url = row["url"]
        out.append({"id": ids.long_id(row["id"]), "crawlTimeMsec": str(ids.usec(row["fetched_at"]) // 1000),
                    "timestampUsec": str(stamp), "published": published, "updated": published,
                    "title": row["title"], "author": row["authors"] or "", "categories": cats,
                    "canonical": [{"href": url}], "alternate": [{"href": url, "type": "text/html"}],
                    "summary": {"content": row["content_html"] or row["summary"] or "", "direction": "ltr"},
                    "origin": origin})
    return out


def item_ref(row: dict) -> dict:
    return {"id": str(row["id"]), "directStreamIds": [], "timestampUsec": str(ids.usec(row["published_at"]))}


def stream(stream_id: str, items: list[dict], next_token: str | None) -> dict:
    out = {"id": stream_id, "updated": ids.seconds(datetime.utcnow()), "items": items}
    if next_token:
        out["continuation"] = next_token
    return out


def subscription(sub: dict) -> dict:
    cats = [{"id": label_id(sub["category_title"]), "label": sub["category_title"]}] if sub["category_title"] \
        else []
    return {"id": f"feed/{sub['source_id']}", "title": sub["title"], "categories": cats, "url": sub["url"],
            "htmlUrl": sub["site_url"] or sub["url"], "iconUrl": "", "firstitemmsec": "0"}


def _w3c(when: datetime | None) -> str:
    return (when or datetime(1970, 1, 1)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _state(name: str) -> str:
    return f'<category term="{_STATES}{name}" scheme="http://www.google.com/reader/" label="{name}"/>'


def atom(stream_id: str, title: str, rows: list[dict], next_token: str | None) -> str:
    """The stream as an Atom feed: entry ids are long item ids, read/unread/starred as Google Reader categories."""
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:gr="http://www.google.com/schemas/reader/atom/">',
           f"<id>tag:google.com,2005:reader/{escape(stream_id)}</id>", f"<title>{escape(title)}</title>",
           f"<updated>{_w3c(datetime.utcnow())}</updated>"]
    if next_token:
        out.append(f"<gr:continuation>{escape(next_token)}</gr:continuation>")
    for r in rows:
        out += ["<entry>", f"<id>{ids.long_id(r['id'])}</id>", f"<title>{escape(r['title'])}</title>",
                f"<published>{_w3c(r['published_at'])}</published>", f"<updated>{_w3c(r['published_at'])}</updated>",
                f"<link rel=\"alternate\" href={quoteattr(r['url'])} type=\"text/html\"/>",
                f"<author><name>{escape(r['authors'] or r['feed_title'] or '')}</name></author>",
                f"<content type=\"html\">{escape(r['content_html'] or r['summary'] or '')}</content>",
                _state("read") if r["read"] else _state("fresh")]
        if r["starred"]:
            out.append(_state("starred"))
        out.append("</entry>")
    out.append("</feed>")
    return "\n".join(out)
