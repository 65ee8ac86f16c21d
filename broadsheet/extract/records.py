"""Feed entries → ArticleRecords: full text from the feed when it carries it, else the page fetched and extracted.

An entry whose page cannot be fetched or read is still stored with what the feed gave (title, summary), and the
reason is kept in ``extraction_error``: nothing the feed offered is lost.

The CPU-bound steps are pure functions of picklable values, so that the pipeline can run them in worker processes
(``broadsheet.jobs.cpu``): ``read_feed`` (parse a feed body and build the records of the entries it carries in
full) and ``record_from_page`` (extract a fetched page into a record). Everything else here is I/O or bookkeeping.
"""
from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..dedupe.fingerprint import content_hash
from ..errors import BroadsheetError
from ..model import ArticleRecord, Extraction, FeedEntry, ParsedFeed
from ..clock import to_store, utcnow
from .pipeline import extract
from .sanitize import html_to_text, preview, sanitize_html
from .urls import canonicalize_url

log = logging.getLogger(__name__)
FULL_TEXT_WORDS = 120  # a feed item with at least this many words of content is taken as full text
PAGES_WORTH_A_POOL = 8  # a source with this many pages to extract starts the CPU worker processes
PREVIEW_CHARS = 280  # preview() default


@dataclass
class PreparedEntries:
    """A feed's entries, sorted: ready ``records`` (the feed carries their text) and ``need_page`` entries."""

    records: list[ArticleRecord] = field(default_factory=list)
    need_page: list[FeedEntry] = field(default_factory=list)


def _call(fn, *args):
    return fn(*args)


def build_records(settings, fetcher, store, source: dict, parsed: ParsedFeed, prefetched: dict | None = None,
                  cpu=None, prepared: PreparedEntries | None = None) -> tuple[list[ArticleRecord], list[str]]:
    """Records for a parsed source, and the item errors. ``cpu`` (a ``CpuPool``) runs the CPU-bound steps;
    ``prepared``: ``parsed``'s entries already sorted by ``prepare_entries`` (``read_feed`` does it)."""
    run = cpu.run if cpu is not None else _call
    prefetched = prefetched or {}
    if prepared is None:
        prepared = run(prepare_entries, parsed.entries, settings.fetch_full_text)
    records, errors = list(prepared.records), []
    to_fetch = prepared.need_page
    if to_fetch:
        known = store.articles.known(source["id"], [canonicalize_url(e.url) for e in to_fetch],
                                     [e.guid for e in to_fetch if e.guid])
        # stored ones are skipped: a summary must never replace their extracted text
        to_fetch = [e for e in to_fetch if canonicalize_url(e.url) not in known and e.guid not in known]
    if to_fetch:
        if cpu is not None and len(to_fetch) >= PAGES_WORTH_A_POOL:
            cpu.start()  # in the background: pages are extracted here until the workers are up
        with ThreadPoolExecutor(max_workers=min(8, len(to_fetch))) as pool:
            for rec, err in pool.map(lambda e: _from_page(fetcher, run, e, prefetched.get(e.url)), to_fetch):
                records.append(rec)
                if err:
                    errors.append(err)
    return records, errors


def prepare_entries(entries: list[FeedEntry], fetch_full_text: bool) -> PreparedEntries:
    """Records for the entries whose feed carries the text (or all of them when pages are not to be fetched);
    the others need their page. Entries without an http(s) URL are dropped."""
    out = PreparedEntries()
    for entry in entries:
        if not entry.url or urlsplit(entry.url).scheme not in ("http", "https"):
            continue
        body = entry.content_html or ""
        text = html_to_text(body) if body else ""
        words = len(text.split())
        if words >= FULL_TEXT_WORDS or not fetch_full_text:
            if not text and entry.summary:
                body, text = entry.summary, html_to_text(entry.summary)
                words = len(text.split())
            out.records.append(_record(entry, body, text, None, words=words))
        else:
            out.need_page.append(entry)
    return out


def read_feed(content: bytes, url: str, content_type: str | None,
              fetch_full_text: bool) -> tuple[ParsedFeed, PreparedEntries]:
    """Parse a feed body (``parse_feed``) and prepare its entries. The ParsedFeed comes back without entries
    (they are in the PreparedEntries), which keeps what crosses a process boundary small."""
    from ..sources.feeds import parse_feed

    parsed = parse_feed(content, url, content_type)
    prepared = prepare_entries(parsed.entries, fetch_full_text)
    parsed.entries = []
    return parsed, prepared


def _from_page(fetcher, run, entry: FeedEntry, page=None) -> tuple[ArticleRecord, str | None]:
    try:
        page = page or fetcher.fetch(entry.url, check_robots=True)
        return run(record_from_page, entry, page.content, page.url)
    except BroadsheetError as e:
        return _unreadable(entry, e)


def record_from_page(entry: FeedEntry, content: bytes, url: str) -> tuple[ArticleRecord, str | None]:
    """The record of an entry from its fetched page; if the page holds no article, from what the feed gave."""
    try:
        ex = extract(content, url)
    except BroadsheetError as e:
        return _unreadable(entry, e)
    return _record(entry, ex.html, ex.text, ex, final_url=url), None


def _unreadable(entry: FeedEntry, error: BroadsheetError) -> tuple[ArticleRecord, str]:
    log.info("could not read the page of %s: %s", entry.url, error)
    body = entry.content_html or entry.summary or ""
    rec = _record(entry, body, html_to_text(body) if body else "", None)
    rec.extraction_error = str(error)
    return rec, f"{entry.url}: {error}"


def _same_site(a: str, b: str) -> bool:
    ha, hb = (urlsplit(a).hostname or "").removeprefix("www."), (urlsplit(b).hostname or "").removeprefix("www.")
    return ha == hb


def _record(entry: FeedEntry, body_html: str, text: str, ex: Extraction | None,
            final_url: str | None = None, words: int | None = None) -> ArticleRecord:
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
        authors=authors, summary=_preview(summary_src), content_html=html, content_text=text,
        image_url=entry.image or (ex.image if ex else None), site_name=ex.site_name if ex else None,
        language=ex.language if ex else None, content_hash=content_hash(text),
        word_count=len(text.split()) if words is None else words)


def _preview(text: str) -> str:
    """``preview(text)``, without flattening all of a long text to keep its first 280 characters: the preview of
    a long enough head is the same (whitespace runs collapse the same way in a prefix)."""
    head = text[:4 * PREVIEW_CHARS]
    if len(head) < len(text) and len(" ".join(head.split())) > PREVIEW_CHARS + 1:
        return preview(head, PREVIEW_CHARS)
    return preview(text, PREVIEW_CHARS)


def _title_from_text(text: str) -> str:
    first = (text or "").strip().split("\n", 1)[0]
    return first[:120]
