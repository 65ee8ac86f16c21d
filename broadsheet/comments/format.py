"""The small formatting subset comments may use, made safe by construction.

Every character a user typed reaches the page through ``markupsafe.escape``; the only markup is ours:
paragraphs (blank lines), line breaks, ``*emphasis*``, ```code``` and bare http(s) addresses as links (the
address as escaped text; ``rel="nofollow ugc noopener noreferrer"``). Nothing the user writes is ever markup:
``<b>`` shows as ``<b>``, ``javascript:`` is never linked.
"""
from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

from ..errors import InvalidInput

# Control characters (NUL included: PostgreSQL refuses it) except tab and newline; bidi overrides too.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_TOKENS = re.compile(r"`(?P<code>[^`\n]{1,1000})`|(?P<url>https?://[^\s<>\"'`]+)|\*(?P<em>[^*\n]{1,1000})\*")
_TRAILING = ".,;:!?)]}'\""
_PARAGRAPHS = re.compile(r"\n\s*\n")


def strip_controls(text: str) -> str:
    return _CONTROL.sub("", text or "")


def clean_body(text: str, max_chars: int) -> str:
    """The text as stored: control characters dropped, newlines normalised, trimmed, length checked."""
    body = _CONTROL.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not body:
        raise InvalidInput("A comment cannot be empty.", code="empty_comment")
    if len(body) > max_chars:
        raise InvalidInput(f"A comment can have at most {max_chars} characters; this one has {len(body)}.",
                           code="comment_too_long")
    return body


def _link(url: str) -> tuple[Markup, str]:
    tail = ""
    while url and url[-1] in _TRAILING:
        tail = url[-1] + tail
        url = url[:-1]
    text = escape(url)
    return Markup('<a href="%s" rel="nofollow ugc noopener noreferrer">%s</a>') % (text, text), tail


def _inline(text: str) -> Markup:
    out: list[Markup] = []
    at = 0
    for m in _TOKENS.finditer(text):
        out.append(escape(text[at:m.start()]))
        if m.group("code") is not None:
            out.append(Markup("<code>%s</code>") % m.group("code"))
        elif m.group("url") is not None:
            link, tail = _link(m.group("url"))
            out.append(link)
            out.append(escape(tail))
        else:
            out.append(Markup("<em>%s</em>") % m.group("em"))
        at = m.end()
    out.append(escape(text[at:]))
    return Markup("<br>\n").join(Markup("").join(out).split("\n"))


@lru_cache(maxsize=4096)
def format_comment(body: str) -> Markup:
    """The comment's HTML: ``<p>`` per paragraph, the subset above, everything else escaped text."""
    return Markup("\n").join(Markup("<p>%s</p>") % _inline(p.strip()) for p in _PARAGRAPHS.split(body) if p.strip())
