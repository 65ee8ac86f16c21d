"""The one HTML sanitiser (nh3), and the HTML-to-plain-text conversion every stage shares.

Whatever HTML Broadsheet shows or stores passes through ``sanitize_html`` last: no scripts, styles, frames, event
handlers or ``javascript:`` URLs survive it, links and images point at absolute http(s) URLs.
"""
from __future__ import annotations

import re
from html import unescape

import nh3
from lxml import etree
from lxml import html as lxml_html

from .urls import absolute_http_url

ALLOWED_TAGS = {
    "p", "br", "hr", "div", "h2", "h3", "h4", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code",
    "a", "img", "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "strong", "b", "em", "i", "u", "s", "del", "ins", "sub", "sup", "small", "mark", "cite", "q", "abbr",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "abbr": {"title"},
}
URL_ATTRIBUTES = {"href", "src", "cite"}
LINK_REL = "noopener nofollow ugc"
# tags whose content goes too (nh3 drops script and style content by default; these hold no reader text either)
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math",
                        "form", "button", "select", "textarea", "canvas", "video", "audio", "title"}
_HEADING_UP = re.compile(r"<(/?)h1(?=[\s>/])", re.I)
_HEADING_DOWN = re.compile(r"<(/?)h[56](?=[\s>/])", re.I)
_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")


def sanitize_html(html: str, base_url: str | None = None) -> str:
    """Safe, self-contained HTML: allowed tags only, absolute http(s) links with rel="noopener nofollow ugc"."""
    if not html:
        return ""
    html = _HEADING_DOWN.sub(r"<\1h4", _HEADING_UP.sub(r"<\1h2", html))

    def keep(tag: str, attr: str, value: str) -> str | None:
        if attr not in URL_ATTRIBUTES:
            return value
        if tag == "a" and value.strip().lower().startswith("mailto:"):
            return value.strip()
        return absolute_http_url(value, base_url)

    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=keep,
        url_schemes={"http", "https", "mailto"},
        link_rel=LINK_REL,
        strip_comments=True,
    )
    return _IMG_WITHOUT_SRC.sub("", cleaned).strip()  # an image whose address was refused shows nothing


BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
    "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "hr", "section", "article",
    "header", "footer", "aside", "main", "body", "html", "address", "details", "summary",
}
CELL_TAGS = {"td", "th"}
SKIPPED_TAGS = {"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "select"}
_SPACES = re.compile(r"\s+")


def parse_fragment(html: str) -> lxml_html.HtmlElement:
    """An HTML fragment (or document body) as one ``<div>`` element."""
    if not html or not html.strip():
        return lxml_html.Element("div")
    return lxml_html.fragment_fromstring(html, create_parent="div")


def html_to_text(html) -> str:
    """Plain text of an HTML fragment (string or lxml element): one line per paragraph, heading, item or row.

    A string without any tag is taken as plain text: its own line breaks are kept."""
    if isinstance(html, str) and "<" not in html:
        lines = (_SPACES.sub(" ", line).strip() for line in unescape(html).splitlines())
        return "\n".join(line for line in lines if line)
    if isinstance(html, str) and _BREAK not in html and _CELL not in html:
        return _marked_text(parse_fragment(html))
    return _walked_text(parse_fragment(html) if isinstance(html, str) else html)


_BREAK, _CELL = "\ue000", "\ue001"  # private-use characters: where a line ends, where a table cell starts
# every whitespace run but a lone " " (replacing those by " " changes nothing, and there are hundreds of them)
_ODD_SPACES = re.compile(r" ?[^\S ]\s*| {2,}\s*")


def _marked_text(root) -> str:
    """``_walked_text`` of a tree we own, faster: the tree is marked up in place (line ends, cell starts) by lxml's
    own tag filters, its text read in one go, then cut into lines. Same result (tests/extract/test_sanitize.py)."""
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=True)  # as iterwalk skips them
    etree.strip_elements(root, *SKIPPED_TAGS, with_tail=False)
    for el in root.iter(*BLOCK_TAGS):
        el.text = _BREAK + (el.text or "")
        if el is not root:
            el.tail = _BREAK + (el.tail or "")
    for el in root.iter("br"):
        el.tail = _BREAK + (el.tail or "")
    for el in root.iter(*CELL_TAGS):
        el.text = _CELL + (el.text or "")
    lines = []
    for line in _ODD_SPACES.sub(" ", "".join(root.itertext())).split(_BREAK):  # runs stop at the markers
        if _CELL in line:
            first, *cells = line.split(_CELL)
            for cell in cells:
                first += (" | " + cell) if first.strip() else cell
            line = _SPACES.sub(" ", first)
        line = line.strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def _walked_text(root) -> str:
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = _SPACES.sub(" ", "".join(buf)).strip()
        if line:
            lines.append(line)
        buf.clear()

    skip_depth = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if skip_depth or tag in SKIPPED_TAGS:
                skip_depth += 1
                continue
            if tag in BLOCK_TAGS or tag == "br":
                flush()
            elif tag in CELL_TAGS and "".join(buf).strip():
                buf.append(" | ")
            if el.text and tag:
                buf.append(el.text)
            continue
        if skip_depth:
            skip_depth -= 1
            if skip_depth:
                continue
        elif tag in BLOCK_TAGS:
            flush()
        if el.tail and el is not root:
            buf.append(el.tail)
    flush()
    return "\n".join(lines)


def preview(text: str, n: int = 280) -> str:
    """The first ``n`` characters of ``text`` on one line, cut at a word boundary with an ellipsis."""
    flat = _SPACES.sub(" ", text or "").strip()
    if len(flat) <= n:
        return flat
    cut = flat[: max(n - 1, 1)]
    if " " in cut[n // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"
