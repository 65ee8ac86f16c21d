"""Feed entries → ArticleRecords: full text from the feed when it carries it, else the page fetched and extracted.

An entry whose page cannot be fetched or read is still stored with what the feed gave (title, summary), and the
reason is kept in ``extraction_error``: nothing the feed offered is lost.
"""
from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from ..dedupe.fingerprint import content_hash
from ..errors import BroadsheetError
from ..model import ArticleRecord, Extraction, FeedEntry, ParsedFeed
from ..store.clock import to_store, utcnow
from .pipeline import extract
from .sanitize import html_to_text, preview, sanitize_html
from .urls import canonicalize_url

log = logging.getLogger(__name__)
FULL_TEXT_WORDS = 120  # a feed item with at least this many words of content is taken as full text


def build_records(settings, fetcher, store, source: dict, parsed: ParsedFeed,
                  prefetched: dict | None = None) -> tuple[list[ArticleRecord], list[str]]:
    prefetched = prefetched or {}
    entries = [e for e in parsed.entries if e.url and urlsplit(e.url).scheme in ("http", "https")]
    known = store.articles.known(source["id"], [canonicalize_url(e.url) for e in entries],
                                 [e.guid for e in entries if e.guid])
    records, errors, to_fetch = [], [], []
    for entry in entries:
        body = entry.content_html or ""
        text = html_to_text(body) if body else ""
        if len(text.split()) >= FULL_TEXT_WORDS or not settings.fetch_full_text:
            if not text and entry.summary:
                body, text = entry.summary, html_to_text(entry.summary)
            records.append(_record(entry, body, text, None))
        elif canonicalize_url(entry.url) not in known and entry.guid not in known:
            to_fetch.append(entry)  # stored ones are skipped: a summary must never replace their extracted text
    if to_fetch:
        with ThreadPoolExecutor(max_workers=min(8, len(to_fetch))) as pool:
            for rec, err in pool.map(lambda e: _from_page(fetcher, e, prefetched.get(e.url)), to_fetch):
                records.append(rec)
                if err:
                    errors.append(err)
    return records, errors


def _from_page(fetcher, entry: FeedEntry, page=None) -> tuple[ArticleRecord, str | None]:
    try:
        page = page or fetcher.fetch(entry.url, check_robots=True)
        ex = extract(page.content, page.url)
        return _record(entry, ex.html, ex.text, ex, final_url=page.url), None
    except BroadsheetError as e:
        log.info("could not read the page of %s: %s", entry.url, e)
        body = entry.content_html or entry.summary or ""
        rec = _record(entry, body, html_to_text(body) if body else "", None)
        rec.extraction_error = str(e)
        return rec, f"{entry.url}: {e}"


def _same_site(a: str, b: str) -> bool:
    ha, hb = (urlsplit(a).hostname or "").removeprefix("www."), (urlsplit(b).hostname or "").removeprefix("www.")
    return ha == hb


def _record(entry: FeedEntry, body_html: str, text: str, ex: Extraction | None,
            final_url: str | None = None) -> ArticleRecord:
    url = final_url or entry.url
    canonical = canonicalize_url(url)
    if ex and ex.canonical_url and _same_site(ex.canonical_url, url):
        canonical = canonicalize_url(ex.canonical_url)
    now = utcnow()
    published = to_store(entry.published or (ex.published if ex else None)) or now
    html = ex.html if ex else sanitize_html(body_html, base_url=url)
    title = (entry.title or (ex.title if ex else None) or "").strip() or _title_from_text(text) or url
    authors = ([entry.author] if entry.author else []) or (ex.authors if ex else [])
    summary_src = text or (html_to_text(entry.summary) if entry.summary else "")
    return ArticleRecord(
        url=url, canonical_url=canonical, guid=entry.guid, title=title[:500], published_at=min(published, now),
        authors=authors, summary=preview(summary_src), content_html=html, content_text=text,
        image_url=entry.image or (ex.image if ex else None), site_name=ex.site_name if ex else None,
        language=ex.language if ex else None, content_hash=content_hash(text), word_count=len(text.split()))


def _title_from_text(text: str) -> str:
    first = (text or "").strip().split("\n", 1)[0]
    return first[:120]
