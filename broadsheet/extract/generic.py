"""The generic article extractor: trafilatura (the only module that imports it).

Two fast trafilatura runs on the same parsed page, one favouring precision and one favouring recall, merged by
``combine.merge_runs``: together they score better than trafilatura's default run, for a little more time.
"""
from __future__ import annotations

import logging

from htmldate import find_date  # trafilatura's date finder, installed with it
from trafilatura import bare_extraction
from trafilatura.htmlprocessing import convert_to_html
from trafilatura.metadata import extract_title

from .combine import merge_runs, restore_headings
from .metadata import parse_date

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # it logs every page it finds nothing on

RUN_OPTIONS = dict(fast=True, include_comments=False, include_tables=True, output_format="html")
# links, images and formatting for the body we keep; the precise run only locates the article, and with links
# on, trafilatura's precision mode loses the text of <div> paragraphs that hold a link
RICH = dict(include_images=True, include_formatting=True, include_links=True)


def _run(tree, **mode):
    """One trafilatura run as an HTML ``<body>`` element (trafilatura copies the tree it is given).

    No URL is passed: link targets stay as written (the sanitiser makes them absolute), which spares trafilatura
    a URL library call per link."""
    try:
        document = bare_extraction(tree, **RUN_OPTIONS, **mode)
    except Exception:  # trafilatura has crashed on odd markup before; a page without body is the outcome
        return None
    if document is None or document.body is None:
        return None
    ordered = [el for el in document.body.iter("list") if el.get("rend") == "ol"]
    body = convert_to_html(document.body)[0]  # turns every list into <ul>
    for el in ordered:
        el.tag = "ol"
    return body


def extract_body(tree):
    """The article body as an lxml ``<body>`` element of p / h2-h4 / ul / blockquote / table / img, or None."""
    precise = _run(tree, favor_precision=True)
    generous = _run(tree, favor_recall=True, **RICH)
    body = merge_runs(precise, generous)
    restore_headings(body, tree)
    return body


def fallback_metadata(tree, url: str | None = None, fields=("title", "published")) -> dict:
    """Title and publication date by trafilatura's and htmldate's heuristics (headings, dates in the URL and the
    page text), for pages that do not declare them. Reads the tree without changing it."""
    found: dict = {}
    try:
        if "title" in fields:
            found["title"] = extract_title(tree)
        if "published" in fields:
            found["published"] = parse_date(find_date(tree, url=url, extensive_search=False, original_date=True))
    except Exception:  # heuristics on odd markup: a missing field is the outcome
        pass
    return {k: v for k, v in found.items() if v}
