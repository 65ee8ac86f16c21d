"""Combine a precise and a generous extraction of the same page into one body.

The precise run rarely takes boilerplate but drops pieces inside the article: link-heavy paragraphs, sub-headings
that are links, short lines, a paragraph whose links it pruned. The generous run keeps those but also takes
the boilerplate around the article (related links, newsletter boxes, comments). So: locate the precise run's
blocks inside the generous run, and keep the generous run's blocks from the first match to the last one.
Boilerplate mostly sits around an article, rarely inside it, so this keeps the precise run's edges and the
generous run's interior.
"""
from __future__ import annotations

import re

_WORDS = re.compile(r"\w+")
MIN_CONTAINED = 20  # a block whose key is shorter must match exactly, not as a substring
EDGE_CHARS = 30  # same first and last this many characters: the same paragraph, one run pruned a piece of it
MAX_UNMATCHED_SHARE = 0.1  # the runs disagree if more of the precise text than this is not in the generous run
MIN_WORDS_UNMATCHED = 3  # a block of fewer words only the generous run took is UI ("less", "Share")
# headings do not anchor the span (the title, other stories' headlines); they join it only next to a matched block
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def block_key(el) -> str:
    return " ".join(_WORDS.findall("".join(el.itertext())))


def merge_runs(precise, generous):
    """A body element: the generous run's blocks between the precise run's first and last block."""
    if precise is None or not len(precise):
        return generous
    if generous is None or not len(generous):
        return precise
    keys = [block_key(el) for el in generous]
    start, matched, anchors, unmatched, total = 0, set(), [], 0, 0
    for el in precise:
        key = block_key(el)
        if not key:
            continue
        total += len(key)
        found = _find(key, keys, start)
        if found is None:
            unmatched += len(key)
            continue
        matched.add(found)
        if el.tag not in HEADINGS:
            anchors.append(found)
        start = found
    if not anchors or unmatched > MAX_UNMATCHED_SHARE * total:
        return precise
    first, last = anchors[0], anchors[-1]
    while first - 1 in matched:
        first -= 1
    while last + 1 in matched:
        last += 1
    first = _take_leading_media(generous, first)
    body = generous.makeelement(generous.tag, {})
    body.extend(el for i, el in enumerate(list(generous)[first:last + 1], first)
                if i in matched or not _looks_like_furniture(el, keys[i]))
    return body


def _looks_like_furniture(el, key: str) -> bool:
    """A block only the generous run took that is UI, not prose: a word or two ("less", "Share", "VIDEO"),
    or a shouted link ("CLICK HERE TO GET THE APP", an all-caps headline of another story)."""
    if el.tag in HEADINGS or not key:
        return False
    if len(key.split()) < MIN_WORDS_UNMATCHED:
        return True
    text = "".join(el.itertext())
    letters = [c for c in text if c.isalpha()]
    linked = sum(len("".join(a.itertext())) for a in el.iter("a"))
    return linked >= 0.9 * len(text.strip()) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _find(key: str, keys: list[str], start: int) -> int | None:
    """Index of the generous block holding the precise block ``key``: the same text, text around it (links the
    precise run kept), or the same beginning and end (an inline piece the precise run pruned)."""
    for i in range(start, len(keys)):
        if keys[i] == key:
            return i
    if len(key) >= MIN_CONTAINED:
        for i in range(start, len(keys)):
            if key in keys[i]:
                return i
    if len(key) >= 2 * EDGE_CHARS:
        head, tail = key[:EDGE_CHARS], key[-EDGE_CHARS:]
        for i in range(start, len(keys)):
            if head in keys[i] and tail in keys[i]:
                return i
    return None


def _take_leading_media(body, first: int) -> int:
    """Include a lead image that sits directly before the first matched block."""
    while first > 0 and not block_key(body[first - 1]) and body[first - 1].xpath("descendant-or-self::img"):
        first -= 1
    return first


SUBHEADINGS = ("h2", "h3", "h4")
MAX_HEADING_CHARS = 200
LOOKAHEAD = 3  # body blocks a source paragraph may be ahead of the last match
PARAGRAPH_WRAPPERS = {"blockquote", "li", "ul", "ol", "figure", "center"}  # a paragraph in these: look one level up


def restore_headings(body, page) -> int:
    """Put back the sub-headings the extractor dropped between two paragraphs it kept.

    When it finds no article container, trafilatura gathers the page's paragraphs one by one and loses the
    headings between them. Only runs when the body has no heading at all, and only restores a heading that sits
    in the same container as the kept paragraphs before and after it. Returns how many were put back.
    """
    if body is None or next(body.iter(*HEADINGS), None) is not None:
        return 0
    keys = [block_key(el) for el in body]
    pending, position, restored, container = [], -1, 0, None  # container: parent of the last kept paragraph
    for el in page.iter("p", *SUBHEADINGS):
        key = block_key(el)
        if not key:
            continue
        parent = el.getparent()
        while parent is not None and parent.tag in PARAGRAPH_WRAPPERS:
            parent = parent.getparent()
        if el.tag in SUBHEADINGS:
            if parent is container and len(key) <= MAX_HEADING_CHARS:
                pending.append(el)
            continue
        found = next((i for i in range(max(position, 0), min(len(keys), position + 1 + LOOKAHEAD))
                      if key in keys[i]), None)
        if found is None:
            continue
        if pending and parent is container and found > position:
            for heading in pending:
                copy = body.makeelement(heading.tag, {})
                copy.text = " ".join("".join(heading.itertext()).split())
                body[found].addprevious(copy)
                keys.insert(found, "")
                found += 1
                restored += 1
        pending, position, container = [], found, parent
    return restored
