"""Article extraction: page HTML in, ``Extraction`` out.

Steps: decode and parse; read the metadata the page declares; find the body with the site's rule if its domain
has one, else with the generic extractor; remove furniture (``clean``); sanitise; derive the plain text.
"""
from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from ..errors import ExtractionError
from ..fetch.encoding import decode_body
from ..model import Extraction
from . import generic
from .clean import clean_body
from .metadata import read_metadata
from .prepare import prune_page
from .rules import apply_rule, rule_for
from .sanitize import html_to_text, sanitize_html
from .urls import absolute_http_url, canonicalize_url, find_canonical

MIN_ARTICLE_WORDS = 8  # less text than this is a notice or a teaser, not an article
BINARY_SAMPLE_CHARS = 10_000
MAX_BINARY_SHARE = 0.02
FALLBACK_FIELDS = ("title", "published")  # found by (slower) heuristics when the page does not declare them
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_BINARY_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")
# comments dropped at parse time: left in the tree, trafilatura loses the text that follows them
_PARSER = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True)


def parse_document(html: str | bytes) -> lxml_html.HtmlElement:
    """The page as an lxml tree; bytes are decoded with the page's declared or detected charset."""
    text = decode_body(html) if isinstance(html, (bytes, bytearray)) else (html or "")
    text = _XML_DECLARATION.sub("", text, count=1).replace("\x00", "")
    if not text.strip():
        raise ExtractionError("The page is empty", code="empty_page")
    if _looks_binary(text):
        raise ExtractionError("The page is not HTML text", code="not_html")
    try:
        return lxml_html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError) as e:
        raise ExtractionError(f"The page could not be read as HTML: {e}", code="unreadable_page") from e


def extract(html: str | bytes, url: str | None = None) -> Extraction:
    """Extract the article of one page. Raises ``ExtractionError`` when the page holds no article text."""
    tree = parse_document(html)
    meta = read_metadata(tree, url)
    declared = find_canonical(tree, url)
    base_url = url or declared
    missing = [field for field in FALLBACK_FIELDS if field not in meta]
    if missing:
        meta.update(generic.fallback_metadata(tree, base_url, missing))
    prune_page(tree)
    body = _site_rule_body(tree, base_url)
    if body is None:
        body = generic.extract_body(tree)
    if body is None:
        raise ExtractionError("No article text found on this page")
    clean_body(body, meta.get("title"), meta.get("site_name"))
    body_html = sanitize_html(etree.tostring(body, encoding="unicode", method="html"), base_url)
    text = html_to_text(body_html)
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise ExtractionError("No article text found on this page")
    return Extraction(
        url=url,
        title=meta.get("title"),
        text=text,
        html=body_html,
        published=meta.get("published"),
        authors=meta.get("authors", []),
        site_name=meta.get("site_name"),
        language=meta.get("language"),
        image=meta.get("image") or _first_image(body_html),
        canonical_url=canonicalize_url(declared or url) if (declared or url) else None,
    )


def _site_rule_body(tree, url: str | None):
    """The body the site's rule selects, or None (no rule, or its selector found no article: markup changed)."""
    rule = rule_for(url)
    body = apply_rule(rule, tree) if rule else None
    if body is None or len("".join(body.itertext()).split()) < MIN_ARTICLE_WORDS:
        return None
    return body


def _looks_binary(text: str) -> bool:
    """Control characters or undecodable bytes in more than a few percent of the start: a PDF, an image..."""
    head = text[:BINARY_SAMPLE_CHARS]
    return len(_BINARY_CHARS.findall(head)) > MAX_BINARY_SHARE * len(head)


def _first_image(body_html: str) -> str | None:
    found = re.search(r'<img[^>]+src="([^"]+)"', body_html)
    return absolute_http_url(found.group(1).replace("&amp;", "&"), None) if found else None
