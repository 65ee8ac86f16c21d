"""What a fetched body is (feed, sitemap, OPML, HTML page), judged from its first bytes, plus gzip handling."""
from __future__ import annotations

import codecs
import re
import zlib

from ..errors import ParseError

GZIP_MAGIC = b"\x1f\x8b"
_COMMENT = re.compile(rb"<!--.*?(?:-->|$)", re.S)
_FIRST_ELEMENT = re.compile(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_KIND_BY_ROOT = {b"rss": "feed", b"rdf": "feed", b"feed": "feed", b"urlset": "sitemap", b"sitemapindex": "sitemap",
                 b"opml": "opml", b"html": "html"}


def gunzip(content: bytes, limit: int, *, partial: bool = False) -> bytes:
    """Decompress gzip ``content``, refusing more than ``limit`` bytes of output (a gzip bomb), unless ``partial``:
    then the first ``limit`` bytes are returned and a truncated stream is fine."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(content, limit + 1)
    except zlib.error as e:
        if partial:
            return b""
        raise ParseError(f"The gzip-compressed body is corrupt: {e}") from None
    if partial:
        return out[:limit]
    if len(out) > limit:
        raise ParseError(f"The gzip-compressed body is larger than {limit / (1 << 20):g} MB uncompressed")
    if not inflater.eof:
        raise ParseError("The gzip-compressed body is truncated")
    return out


def document_head(content: bytes, size: int = 8192) -> bytes:
    """The first bytes of the document as UTF-8-ish bytes: gunzipped, UTF-16 transcoded, BOM and space stripped."""
    head = gunzip(content[:65536], size, partial=True) if content.startswith(GZIP_MAGIC) else content[:size]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head[: len(head) // 2 * 2].decode("utf-16", "ignore").encode("utf-8")
    return head.removeprefix(codecs.BOM_UTF8).lstrip()


def root_element(head: bytes) -> bytes | None:
    """The lower-cased local name of the first element, skipping the prolog, comments and doctype."""
    match = _FIRST_ELEMENT.search(_COMMENT.sub(b"", head))
    return match.group(2).lower() if match else None


def sniff_kind(content: bytes, content_type: str | None = None) -> str:
    """ "feed" | "sitemap" | "opml" | "html" | "unknown", from the document itself, then its Content-Type."""
    head = document_head(content)
    media_type = (content_type or "").split(";")[0].strip().lower()
    if head.startswith((b"{", b"[")):
        return "feed" if b"jsonfeed.org/version" in content[:65536] else "unknown"
    if head.startswith(b"<"):
        kind = _KIND_BY_ROOT.get(root_element(head) or b"")
        if kind:
            return kind
        if b"<!doctype html" in head[:512].lower():
            return "html"
    if media_type in ("text/html", "application/xhtml+xml"):
        return "html"
    return "unknown"
