"""OPML subscription lists: reading the shapes other readers export (FreshRSS, Miniflux, Feedly, ...) and writing
OPML 2.0 with one folder outline per folder."""
from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import format_datetime

from lxml import etree

from ..errors import ParseError
from ..model import OpmlOutline
from .safexml import local_name, parse_xml

_NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def parse_opml(content: bytes) -> list[OpmlOutline]:
    """Every outline with an xmlUrl, in document order (first occurrence of a URL wins). A feed's folder is the
    title (or text) of the nearest enclosing outline; attribute names are matched case-insensitively."""
    root, _ = parse_xml(content, "OPML file")
    if local_name(root) != "opml":
        raise ParseError(f"Not an OPML file: the document's root element is <{local_name(root)}>, not <opml>")
    body = next((child for child in root if local_name(child) == "body"), None)
    if body is None:
        raise ParseError("Not a valid OPML file: it has no <body>")
    found: dict[str, OpmlOutline] = {}
    _collect(body, None, found)
    return list(found.values())


def _collect(parent, folder: str | None, found: dict[str, OpmlOutline]) -> None:
    for element in parent:
        if local_name(element) != "outline":
            continue
        attrs = {str(k).rsplit("}", 1)[-1].lower(): v.strip() for k, v in element.attrib.items()}
        label = attrs.get("title") or attrs.get("text") or None
        url = attrs.get("xmlurl")
        if url:
            if url not in found:
                found[url] = OpmlOutline(url=url, title=label if label != url else None,
                                         site_url=attrs.get("htmlurl") or None, folder=folder)
        else:
            _collect(element, label or folder, found)


def render_opml(outlines: list[OpmlOutline], title: str = "Broadsheet subscriptions") -> str:
    """OPML 2.0: feeds without a folder at the top level, the others inside one outline per folder."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = _xml_safe(title)
    etree.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC), usegmt=True)
    body = etree.SubElement(root, "body")
    folders: dict[str, etree._Element] = {}
    for outline in outlines:
        parent = body
        if outline.folder:
            parent = folders.get(outline.folder)
            if parent is None:
                name = _xml_safe(outline.folder)
                parent = folders[outline.folder] = etree.SubElement(body, "outline", text=name, title=name)
        attrs = {"type": "rss", "text": outline.title or outline.url}
        if outline.title:
            attrs["title"] = outline.title
        attrs["xmlUrl"] = outline.url
        if outline.site_url:
            attrs["htmlUrl"] = outline.site_url
        etree.SubElement(parent, "outline", {k: _xml_safe(v) for k, v in attrs.items()})
    text = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text


def _xml_safe(value: str) -> str:
    """Drop the characters XML 1.0 cannot carry at all (control characters), which lxml would refuse."""
    return _NOT_XML_CHARS.sub("", value)
