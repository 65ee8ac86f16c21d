"""Page preparation before the generic extractor: keep embedded social posts, drop image captions.

Embedded social posts (X/Twitter, Instagram, Bluesky, Mastodon, TikTok, Threads, Facebook): publishers paste them as a ``<blockquote class="twitter-tweet">`` (and the like) wrapped in an "embed" container.
Generic extractors treat those containers as share widgets and drop the post, although it is part of the story.
``unwrap_social_embeds`` replaces each wrapper by a plain ``<blockquote>`` holding the post and its link, so it is
kept as a quotation.
"""
from __future__ import annotations

from lxml import etree

from . import boilerplate

# never article text; removed once here rather than in each of the extractor's runs (each copies the tree)
NON_CONTENT_TAGS = ("script", "style", "noscript", "template", "svg", "link", "meta", "iframe", "object", "embed")

EMBED_CLASSES = ("twitter-tweet", "twitter-video", "instagram-media", "bluesky-embed", "mastodon-embed",
                 "tiktok-embed", "text-post-media", "fb-xfbml-parse-ignore", "reddit-embed-bq")
WRAPPER_TAGS = {"div", "figure", "span", "section", "aside", "p", "center"}
_XPATH = "//blockquote[" + " or ".join(
    f"contains(concat(' ', normalize-space(@class), ' '), ' {c} ')" for c in EMBED_CLASSES) + "]"


def _words(el) -> str:
    return " ".join(el.text_content().split())


def unwrap_social_embeds(tree) -> int:
    """Turn embedded social posts into plain blockquotes in place; returns how many were found."""
    quotes = tree.xpath(_XPATH)
    for quote in quotes:
        for attr in list(quote.attrib):
            if attr != "cite":
                del quote.attrib[attr]
        for el in quote.iter():
            if el is not quote and isinstance(el.tag, str):
                el.attrib.pop("class", None)
                el.attrib.pop("id", None)
        text = _words(quote)
        outer = quote
        parent = quote.getparent()
        while parent is not None and parent.tag in WRAPPER_TAGS and _words(parent) == text:
            outer, parent = parent, parent.getparent()
        if outer is not quote and parent is not None:
            quote.tail = outer.tail
            parent.replace(outer, quote)
    return len(quotes)


CAPTION_SUFFIXES = ("caption", "caption-text", "caption__text", "captiontext", "image-credit", "photo-credit")
CAPTION_PREFIXES_NOT = ("no-", "has-", "with-", "without-")
MAX_CAPTION_CHARS = 600


def _is_caption_class(token: str) -> bool:
    token = token.lower()
    return (token.startswith("caption") or token.endswith(CAPTION_SUFFIXES)) and not token.startswith(CAPTION_PREFIXES_NOT)


def drop_captions(tree) -> int:
    """Remove image captions and credits (``<figcaption>``, ``class="...caption"``): they are not article text."""
    found = [el for el in tree.xpath("//figcaption|//*[contains(@class, 'aption') or contains(@class, 'redit')]")
             if el.tag == "figcaption" or any(map(_is_caption_class, (el.get("class") or "").split()))]
    dropped = 0
    for el in found:
        if el.getparent() is not None and len(el.text_content()) <= MAX_CAPTION_CHARS:
            el.drop_tree()
            dropped += 1
    return dropped


def drop_non_content(tree) -> None:
    """Remove scripts, styles and other elements that never hold article text (after metadata was read)."""
    etree.strip_elements(tree, *NON_CONTENT_TAGS, with_tail=False)


_SECTION_HEADING = boilerplate.compile_all(boilerplate.CUT_FROM)
KEEP_CONTAINERS = {"html", "body", "main", "article"}


def drop_furniture_sections(tree) -> int:
    """Remove page sections headed "Related articles", "Comments", "Most read"...: the heading and its container."""
    dropped = 0
    for heading in tree.xpath("//body//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"):
        section = heading.getparent()
        if section is None or section.tag in KEEP_CONTAINERS or section.getparent() is None:
            continue
        if not _SECTION_HEADING.fullmatch(" ".join(heading.text_content().split())):
            continue
        first = next((el for el in section if isinstance(el.tag, str) and el.text_content().strip()), None)
        if first is heading and not section.xpath(".//h1"):
            section.drop_tree()
            dropped += 1
    return dropped
