"""Every page in ``pages/`` against its ``<name>.expected.json`` (fundus-style fixtures, all fictional).

An expected file holds the page ``url`` and either ``"error": "<code>"`` (the page has no article) or the
fields to check: title, published, authors, site_name, language, image, canonical_url, ``text`` (exact, one
list item per line), and optionally ``html_contains`` / ``text_excludes`` lists of substrings.
"""
import json
from pathlib import Path

import pytest

from broadsheet.errors import ExtractionError
from broadsheet.extract import extract

PAGES = Path(__file__).parent / "pages"
CASES = sorted(p.name.removesuffix(".expected.json") for p in PAGES.glob("*.expected.json"))
FIELDS = ("title", "published", "authors", "site_name", "language", "image", "canonical_url")


def test_there_are_fixtures():
    assert len(CASES) >= 8
    assert all((PAGES / f"{name}.html").is_file() for name in CASES)


@pytest.mark.parametrize("name", CASES)
def test_page(name):
    expected = json.loads((PAGES / f"{name}.expected.json").read_text(encoding="utf-8"))
    raw = (PAGES / f"{name}.html").read_bytes()  # bytes: the page's charset handling is part of the test
    if "error" in expected:
        with pytest.raises(ExtractionError) as info:
            extract(raw, expected["url"])
        assert info.value.code == expected["error"]
        return
    got = extract(raw, expected["url"]).to_json()
    for field in FIELDS:
        if field in expected:
            assert got[field] == expected[field], field
    if "text" in expected:
        assert got["text"].split("\n") == expected["text"]
    for piece in expected.get("html_contains", []):
        assert piece in got["html"]
    for piece in expected.get("text_excludes", []):
        assert piece not in got["text"] and piece not in got["html"]
    assert "<script" not in got["html"] and " class=" not in got["html"]
