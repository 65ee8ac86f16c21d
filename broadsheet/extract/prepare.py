"""Page preparation before the generic extractor runs (after the metadata was read from the page).

- ``unwrap_social_embeds``: publishers paste social posts (X/Twitter, Instagram, Bluesky, Mastodon, TikTok,
  Threads, Facebook) as ``<blockquote class="twitter-tweet">`` inside an "embed" container, which extractors drop
  as a share widget although the post is part of the story. The container becomes a plain ``<blockquote>``.
- ``drop_captions``: image captions and credits are not article text.
- ``drop_non_content``: scripts, styles and the like, removed once rather than in each extractor run.
- ``prune_page`` runs all of them, then ``drop_furniture_sections``: "Related articles", "Comments", "Most read"
  sections, heading and container.
"""
from __future__ import annotations

from lxml import etree

from . import boilerplate

EMBED_CLASSES = ("twitter-tweet", "twitter-video", "instagram-media", "bluesky-embed", "mastodon-embed",
                 "tiktok-embed", "text-post-media", "fb-xfbml-parse-ignore", "reddit-embed-bq")
EMBED_WRAPPERS = {"div", "figure", "span", "section", "aside", "p", "center"}
_EMBEDS = etree.XPath("//blockquote[" + " or ".join(
    f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in EMBED_CLASSES) + "]")

_CAPTIONS = etree.XPath("//figcaption|//*[contains(@class, 'aption')]")
CAPTION_SUFFIXES = ("caption", "caption-text", "caption__text", "captiontext")
NOT_CAPTION_PREFIXES = ("no-", "has-", "with-", "without-")  # figure class="has-caption" holds the image too
MAX_CAPTION_CHARS = 600

NON_CONTENT_TAGS = ("script", "style", "noscript", "template", "svg", "link", "meta", "iframe", "object", "embed")

_SECTION_HEADING = boilerplate.compile_all(boilerplate.CUT_FROM)
KEEP_CONTAINERS = {"html", "body", "main", "article"}


def prune_page(tree) -> None:
    unwrap_social_embeds(tree)
    drop_captions(tree)
    drop_non_content(tree)
    drop_furniture_sections(tree)


def _words(el) -> str:
    return " ".join(el.text_content().split())


def unwrap_social_embeds(tree) -> int:
    """Turn embedded social posts into plain blockquotes in place; returns how many were found."""
    quotes = _EMBEDS(tree)
    for quote in quotes:
        for attr in [a for a in quote.attrib if a != "cite"]:
            del quote.attrib[attr]
        for el in quote.iterdescendants():
            if isinstance(el.tag, str):
                el.attrib.pop("class", None)
                el.attrib.pop("id", None)
        text, outer, parent = _words(quote), quote, quote.getparent()
        while parent is not None and parent.tag in EMBED_WRAPPERS and _words(parent) == text:
            outer, parent = parent, parent.getparent()
        if outer is not quote and parent is not None:
            quote.tail = outer.tail
            parent.replace(outer, quote)
    return len(quotes)


def _is_caption_class(token: str) -> bool:
    token = token.lower()
    return (token.startswith("caption") or token.endswith(CAPTION_SUFFIXES)) and not token.startswith(
        NOT_CAPTION_PREFIXES)


def drop_captions(tree) -> int:
    """Remove image captions (``<figcaption>``, ``class="...caption"``); returns how many."""
    found = [el for el in _CAPTIONS(tree)
             if el.tag == "figcaption" or any(map(_is_caption_class, (el.get("class") or "").split()))]
    dropped = 0
    for el in found:
        if el.getparent() is not None and len(el.text_content()) <= MAX_CAPTION_CHARS:
            el.drop_tree()
            dropped += 1
    return dropped


def drop_non_content(tree) -> None:
    """Remove scripts, styles and other elements that never hold article text."""
    etree.strip_elements(tree, *NON_CONTENT_TAGS, with_tail=False)


def drop_furniture_sections(tree) -> int:
    """Remove sections whose first line is a "Related articles" / "Comments" / "Most read" heading."""
    dropped = 0
    for heading in list(tree.iter("h2", "h3", "h4", "h5", "h6")):
        section = heading.getparent()
        if section is None or section.tag in KEEP_CONTAINERS or section.getparent() is None:
            continue
        if not _SECTION_HEADING.fullmatch(_words(heading)):
            continue
        first = next((el for el in section if isinstance(el.tag, str) and el.text_content().strip()), None)
        if first is heading and section.find(".//h1") is None:
            section.drop_tree()
            dropped += 1
    return dropped
