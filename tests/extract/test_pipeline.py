import pytest

from broadsheet.errors import ExtractionError
from broadsheet.extract import extract

PARAGRAPHS = "".join(
    f"<p>Paragraph {i} of a story about the new footbridge, which opened to walkers and cyclists on Sunday.</p>"
    for i in range(1, 5))


def test_bytes_and_text_give_the_same_result():
    page = f"<html><head><title>Footbridge opens</title></head><body><article>{PARAGRAPHS}</article></body></html>"
    assert extract(page.encode("utf-8")).to_json() == extract(page).to_json()


def test_works_without_url_and_leaves_relative_links_out():
    page = f"<html><body><article>{PARAGRAPHS}<p>See <a href='/map'>the map</a> for the route of the path.</p>" \
           "</article></body></html>"
    result = extract(page)
    assert result.url is None and result.canonical_url is None
    assert "href" not in result.html and "the map" in result.text


def test_xml_declaration_is_accepted():
    page = f"<?xml version='1.0' encoding='utf-8'?><html><body><article>{PARAGRAPHS}</article></body></html>"
    assert extract(page).text.startswith("Paragraph 1")


@pytest.mark.parametrize("page, code", [
    ("", "empty_page"),
    (b"   ", "empty_page"),
    ("<html><body><nav><a href='/'>Home</a></nav><p>Loading…</p></body></html>", "no_article"),
    (b"%PDF-1.4\n" + bytes(range(256)) * 20, "not_html"),
])
def test_pages_without_article_raise(page, code):
    with pytest.raises(ExtractionError) as info:
        extract(page)
    assert info.value.code == code
    assert info.value.status == 422


def test_a_site_rule_that_no_longer_matches_falls_back_to_the_generic_extractor():
    page = f"<html><body><div class='story-text'><p>Teaser only.</p></div><article>{PARAGRAPHS}</article></body></html>"
    result = extract(page, "https://example-news.test/story")
    assert result.text.startswith("Paragraph 1") and "Teaser only." not in result.text
