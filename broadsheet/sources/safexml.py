"""Parsing untrusted XML (sitemaps, OPML) with lxml: no DTD loading, no entity expansion, no network access.

So XXE (``<!ENTITY x SYSTEM "file:///etc/passwd">``) and entity-expansion bombs do nothing: declared entities are
left as unexpanded references, and a reference carries no text.
"""
from __future__ import annotations

import logging

from lxml import etree

from ..errors import ParseError

log = logging.getLogger(__name__)


def _parser(*, recover: bool) -> etree.XMLParser:
    # a new parser per document: lxml parsers must not be shared between threads
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True, recover=recover)


def parse_xml(content: bytes, what: str) -> tuple[etree._Element, bool]:
    """The root element of ``content``, and whether it had to be recovered from damage (an undefined ``&nbsp;``,
    a stray tag, a truncated end). A document with no recoverable root raises
    ParseError("Not a valid <what>: <the parser's complaint>")."""
    try:
        return etree.fromstring(content, _parser(recover=False)), False
    except etree.XMLSyntaxError as e:
        strict_error = e
    try:
        root = etree.fromstring(content, _parser(recover=True))
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        raise ParseError(f"Not a valid {what}: {strict_error.msg}", detail={"line": strict_error.lineno}) from None
    log.info("Recovered from broken XML in a %s: %s", what, strict_error.msg)
    return root, True


def local_name(element) -> str | None:
    """The element's name without namespace, lower-cased; None for entity references and other non-elements."""
    tag = element.tag
    if not isinstance(tag, str):
        return None
    return tag.rsplit("}", 1)[-1].lower()


def child_text(element, name: str) -> str | None:
    """Stripped text of the first direct child called ``name`` (any namespace), or None."""
    for child in element:
        if local_name(child) == name:
            text = (child.text or "").strip()
            return text or None
    return None
