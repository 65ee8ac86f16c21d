"""Turn response bytes into text: BOM, then the HTTP charset, then the document's own declaration, then detection.

A declared charset that cannot decode the bytes (a page that says latin-1 but sends UTF-8, or the reverse) is not
trusted: we fall back to detection rather than producing mojibake.
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)["']""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = re.search(r"charset\s*=\s*([^;\s]+)", content_type, re.I)
    return _known(m.group(1)) if m else None


def declared_charset(content: bytes) -> str | None:
    head = content[:4096]
    m = _XML.search(head) or _META.search(head)
    return _known(m.group(1).decode("ascii", "ignore")) if m else None


def decode_body(content: bytes, content_type: str | None = None) -> str:
    for bom, enc in _BOMS:
        if content.startswith(bom):
            return content.decode(enc, errors="replace")
    candidates = [charset_from_content_type(content_type), declared_charset(content)]
    for enc in candidates:
        if not enc:
            continue
        if enc in ("latin_1", "iso8859-1", "cp1252") and _looks_utf8(content):
            # the commonest lie on the web: UTF-8 bytes labelled latin-1
            return content.decode("utf-8")
        if enc in ("latin_1", "iso8859-1", "ascii"):
            enc = "cp1252"  # as browsers do (WHATWG Encoding): these labels mean windows-1252 on the web
        try:
            return content.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    if _looks_utf8(content):
        return content.decode("utf-8")
    return content.decode(_guess_legacy(content), errors="replace")


# Latin-script single-byte guesses are unreliable between themselves; the HTML standard's default for unlabelled
# legacy pages is windows-1252, so detection is trusted only when it finds another script (Cyrillic, Greek, CJK...).
_LATIN_GUESSES = {"cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4",
                  "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "mac_roman",
                  "mac_latin2", "cp850", "cp437", "cp1258", "ascii"}
_CENTRAL_EUROPE = re.compile(rb"""<html[^>]+lang\s*=\s*["']?(cs|pl|hu|sk|sl|hr|ro|bs|sr-latn)""", re.I)


def _guess_legacy(content: bytes) -> str:
    best = from_bytes(content[:200_000]).best()
    enc = _known(best.encoding) if best else None
    if not enc:
        return "cp1252"
    if enc in _LATIN_GUESSES:
        return "cp1250" if _CENTRAL_EUROPE.search(content[:4096]) else "cp1252"
    return enc


def _looks_utf8(content: bytes) -> bool:
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
