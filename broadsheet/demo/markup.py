"""The small Markdown dialect the demo articles are written in, rendered to HTML or plain text.

Blocks are separated by blank lines:

* ``## Heading`` / ``### Heading``
* ``- item`` lines (bulleted list), ``1. item`` lines (numbered list)
* ``> quoted text`` lines, optionally ending with ``> -- Who said it`` (a pull quote)
* an embedded social post::

    ::: post Display Name | @handle | 1861000000000000101
    Text of the post.
    :::

* anything else is a paragraph. Inline: ``**bold**``, ``*italic*``, ``[text](url)``; a link target
  ``article:<outlet>/<slug>`` points at another demo article and is resolved by the caller.
"""
from __future__ import annotations

import re
from html import escape
from typing import Callable

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_OL = re.compile(r"^\d+\.\s+")


def blocks(md: str) -> list[tuple[str, object]]:
    """Split the text into (kind, data) blocks: p, h2, h3, ul, ol, quote, post."""
    out: list[tuple[str, object]] = []
    lines = md.strip().splitlines()
    i, para = 0, []

    def flush():
        if para:
            out.extend(_classify(para))
            para.clear()

    while i < len(lines):
        line = lines[i].rstrip()
        if line.startswith("::: post"):
            flush()
            name, handle, status = (p.strip() for p in line[len("::: post"):].split("|"))
            j = i + 1
            while j < len(lines) and lines[j].strip() != ":::":
                j += 1
            text = " ".join(x.strip() for x in lines[i + 1:j] if x.strip())
            out.append(("post", {"name": name, "handle": handle.lstrip("@"), "status": status, "text": text}))
            i = j + 1
            continue
        if not line.strip():
            flush()
        else:
            para.append(line.strip())
        i += 1
    flush()
    return out


def _classify(lines: list[str]) -> list[tuple[str, object]]:
    first = lines[0]
    if first.startswith("### "):
        return [("h3", first[4:])] + (_classify(lines[1:]) if lines[1:] else [])
    if first.startswith("## "):
        return [("h2", first[3:])] + (_classify(lines[1:]) if lines[1:] else [])
    if all(x.startswith("- ") for x in lines):
        return [("ul", [x[2:] for x in lines])]
    if all(_OL.match(x) for x in lines):
        return [("ol", [_OL.sub("", x) for x in lines])]
    if all(x.startswith(">") for x in lines):
        body = [x.lstrip(">").strip() for x in lines]
        cite = body.pop()[2:].strip() if body[-1].startswith("--") else None
        return [("quote", {"text": " ".join(body), "cite": cite})]
    return [("p", " ".join(lines))]


def inline(text: str, link: Callable[[str], str]) -> str:
    out, pos = [], 0
    for m in _LINK.finditer(text):
        out.append(_emphasis(escape(text[pos:m.start()], quote=False)))
        out.append(f'<a href="{escape(link(m.group(2)))}">{_emphasis(escape(m.group(1), quote=False))}</a>')
        pos = m.end()
    out.append(_emphasis(escape(text[pos:], quote=False)))
    return "".join(out)


def _emphasis(s: str) -> str:
    return _ITALIC.sub(r"<em>\1</em>", _BOLD.sub(r"<strong>\1</strong>", s))


def to_html(md: str, *, link: Callable[[str], str] = lambda u: u, post_date: str = "") -> str:
    parts = []
    for kind, data in blocks(md):
        if kind in ("p", "h2", "h3"):
            parts.append(f"<{kind}>{inline(data, link)}</{kind}>")
        elif kind in ("ul", "ol"):
            items = "".join(f"<li>{inline(x, link)}</li>" for x in data)
            parts.append(f"<{kind}>{items}</{kind}>")
        elif kind == "quote":
            cite = f'<footer>&mdash; <cite>{inline(data["cite"], link)}</cite></footer>' if data["cite"] else ""
            parts.append(f'<blockquote class="pullquote"><p>{inline(data["text"], link)}</p>{cite}</blockquote>')
        elif kind == "post":
            url = f'https://x.com/{data["handle"]}/status/{data["status"]}?ref_src=twsrc%5Etfw'
            parts.append(
                '<blockquote class="twitter-tweet" data-dnt="true">'
                f'<p lang="en" dir="ltr">{inline(data["text"], link)}</p>'
                f'&mdash; {escape(data["name"])} (@{escape(data["handle"])}) '
                f'<a href="{escape(url)}">{escape(post_date)}</a></blockquote>')
    return "\n".join(parts)


def to_text(md: str) -> str:
    """Plain text, one block per line (what an ideal extractor would return)."""
    lines = []
    for kind, data in blocks(md):
        if kind in ("ul", "ol"):
            lines.extend(_plain(x) for x in data)
        elif kind == "quote":
            lines.append(_plain(data["text"]) + (f" — {_plain(data['cite'])}" if data["cite"] else ""))
        elif kind == "post":
            lines.append(f'{_plain(data["text"])} — {data["name"]} (@{data["handle"]})')
        else:
            lines.append(_plain(data))
    return "\n".join(lines)


def _plain(s: str) -> str:
    s = _LINK.sub(r"\1", s)
    return _ITALIC.sub(r"\1", _BOLD.sub(r"\1", s))
