"""Remove page furniture that extractors let through: aggregator chrome, share bars, app and AI promos, comment
widgets, cookie banners, "related articles" sections, the headline repeated at the top of the body.

Works on "leaf blocks" (paragraphs, headings, list items: blocks holding no other block), matching their whole
text against the pattern tables in ``boilerplate.py``.
"""
from __future__ import annotations

import re

from . import boilerplate

_ANYWHERE = boilerplate.compile_all(boilerplate.ANYWHERE)
_RELATED = boilerplate.compile_all(boilerplate.RELATED)
_CUT_FROM = boilerplate.compile_all(boilerplate.CUT_FROM)
_LEADING = boilerplate.compile_all(boilerplate.LEADING)
_TRAILING = boilerplate.compile_all(boilerplate.TRAILING)
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "figure",
              "figcaption", "table", "ul", "ol", "dl", "section", "article", "header", "footer", "aside", "details"}
CONTAINER_TAGS = {"ul", "ol", "dl", "blockquote", "div", "section", "article", "header", "footer", "aside",
                  "figure", "details", "table"}
LINK_BLOCK_SHARE = 0.6  # a block with this share of its text in links, right after "Related:", is a link too
MIN_TEXT_BEFORE_CUT = 200  # a "Related" heading only ends the article after this much article text
_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"\w+")


def block_text(el) -> str:
    return _SPACES.sub(" ", "".join(el.itertext())).strip()


def words_key(text: str | None) -> str:
    return " ".join(_WORDS.findall((text or "").casefold()))


def leaf_blocks(body) -> list:
    """Blocks holding no other block, in document order."""
    blocks = [el for el in body.iter(*BLOCK_TAGS) if el is not body]
    holders = set()
    for el in blocks:
        parent = el.getparent()
        while parent is not None and parent is not body and parent not in holders:
            holders.add(parent)
            parent = parent.getparent()
    return [el for el in blocks if el not in holders]


def remove(el) -> None:
    """Remove an element but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _cut_from(body, el) -> None:
    """Remove ``el`` and everything after it in document order."""
    node = el
    while node is not None and node is not body:
        parent = node.getparent()
        for sibling in list(node.itersiblings()):
            parent.remove(sibling)
        node = parent
    el.tail = None
    remove(el)


def clean_body(body, title: str | None = None, site_name: str | None = None):
    """Strip furniture from an extracted body element in place and return it."""
    wrap_loose_text(body)
    leaves = [(el, block_text(el)) for el in leaf_blocks(body)]
    leaves = _cut_trailing_sections(body, leaves)
    after_related = False
    for el, text in leaves:
        if after_related and (not text or len(text.split()) < 3 or _is_link_block(el, text)):
            remove(el)
            continue
        after_related = bool(text and _RELATED.fullmatch(text))
        if after_related or (text and _ANYWHERE.fullmatch(text)):
            remove(el)
    _trim_edges([(el, text) for el, text in leaves if el.getparent() is not None], title, site_name)
    _prune_empty(body)
    _tidy_whitespace(body)
    return body


def wrap_loose_text(body) -> None:
    """Put text lying directly in the body (between blocks) into paragraphs, so it is matched like the rest."""
    for el in list(body):
        if el.tail and el.tail.strip():
            p = body.makeelement("p", {})
            p.text, el.tail = el.tail.strip(), None
            el.addnext(p)
    if body.text and body.text.strip():
        p = body.makeelement("p", {})
        p.text, body.text = body.text.strip(), None
        body.insert(0, p)


def _cut_trailing_sections(body, leaves: list) -> list:
    """Cut from a "Related articles" / "Comments" heading to the end; returns the leaves still in the body."""
    seen = 0
    for i, (el, text) in enumerate(leaves):
        if seen >= MIN_TEXT_BEFORE_CUT and _CUT_FROM.fullmatch(text):
            _cut_from(body, el)
            return leaves[:i]
        seen += len(text)
    return leaves


def _is_link_block(el, text: str, share: float = LINK_BLOCK_SHARE) -> bool:
    """Mostly link text: a headline pointing at another story."""
    return sum(len(block_text(a)) for a in el.iter("a")) >= share * len(text)


def _trim_edges(leaves: list, title: str | None, site_name: str | None) -> None:
    """Drop furniture lines before the first and after the last line of the article (images stay)."""
    repeats = {k for k in (words_key(title), words_key(site_name)) if k}
    for el, text in leaves:
        if text and words_key(text) not in repeats and not _LEADING.fullmatch(text):
            break
        if text:
            remove(el)
    for el, text in reversed(leaves):
        if el.getparent() is None or not text:
            continue
        if not _TRAILING.fullmatch(text) and not (el.tag == "li" and _is_link_block(el, text, 0.9)):
            break
        remove(el)


def _prune_empty(body) -> None:
    for el in reversed(list(body.iter(*CONTAINER_TAGS, "p"))):
        if el is not body and not block_text(el) and not el.xpath(".//img|.//hr"):
            remove(el)


def _tidy_whitespace(body) -> None:
    """Drop the source's indentation between blocks (whitespace between inline elements stays)."""
    for el in body.iter(*BLOCK_TAGS, "img", "br", "hr", body.tag):
        if el.tail and not el.tail.strip() and el is not body and el.tag not in ("img", "br"):
            el.tail = None
        if el.text and not el.text.strip() and len(el) and el[0].tag in BLOCK_TAGS:
            el.text = None
    for img in body.iter("img"):
        if img.tail and not img.tail.strip() and img.getnext() is not None and img.getnext().tag in BLOCK_TAGS:
            img.tail = None
