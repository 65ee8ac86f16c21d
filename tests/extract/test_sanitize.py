import pytest

from broadsheet.extract.sanitize import html_to_text, preview, sanitize_html

BASE = "https://news.test/section/story"

XSS = [
    '<script>alert(1)</script><p>text</p>',
    '<p>text<img src="x.png" onerror="alert(1)"></p>',
    '<p><a href="javascript:alert(1)">text</a></p>',
    '<p><a href="JaVaScRiPt:alert(1)">text</a></p>',
    '<p><a href="&#106;avascript:alert(1)">text</a></p>',
    '<svg onload="alert(1)"><circle r="1"/></svg><p>text</p>',
    '<p style="width: expression(alert(1))">text</p>',
    '<p style="background:url(javascript:alert(1))">text</p>',
    '<iframe src="https://evil.test/"></iframe><p>text</p>',
    '<p onmouseover="alert(1)">text</p>',
    '<object data="x.swf"></object><embed src="x.swf"><p>text</p>',
    '<form action="https://evil.test/"><input name="q"><button>go</button></form><p>text</p>',
    '<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">text</a></p>',
    '<math><mtext><style><img src=x onerror=alert(1)></style></mtext></math><p>text</p>',
    '<p>text</p><style>p { color: red }</style>',
    '<img src="javascript:alert(1)"><p>text</p>',
]


@pytest.mark.parametrize("dirty", XSS)
def test_xss_vectors_are_neutralised(dirty):
    clean = sanitize_html(dirty, BASE).lower()
    for bad in ("<script", "javascript:", "onerror", "onload", "onmouseover", "<iframe", "<svg", "<style",
                "expression(", "<object", "<embed", "<form", "<input", "data:text", "style="):
        assert bad not in clean
    assert "text" in clean


def test_links_are_absolute_and_marked():
    clean = sanitize_html('<p><a href="/other" target="_blank" class="x">other</a></p>', BASE)
    assert clean == '<p><a href="https://news.test/other" rel="noopener nofollow ugc">other</a></p>'


def test_relative_urls_without_base_are_dropped_but_text_kept():
    assert sanitize_html('<p><a href="/other">other</a><img src="a.jpg"></p>') == \
        '<p><a rel="noopener nofollow ugc">other</a></p>'


def test_images_keep_absolute_src_and_alt():
    clean = sanitize_html('<img src="pic.jpg" alt="A pier" width="10" data-x="1" srcset="a 1x">', BASE)
    assert clean == '<img src="https://news.test/section/pic.jpg" alt="A pier" width="10">'


def test_structure_is_kept_and_headings_fit_h2_to_h4():
    html = ("<h1>Top</h1><h2>Sub</h2><h5>Small</h5><ul><li>a</li></ul><ol><li>b</li></ol>"
            "<blockquote><p>q</p></blockquote><table><tr><th>h</th><td>c</td></tr></table>")
    clean = sanitize_html(html)
    assert clean.startswith("<h2>Top</h2><h2>Sub</h2><h4>Small</h4><ul><li>a</li></ul><ol><li>b</li></ol>")
    assert "<blockquote><p>q</p></blockquote>" in clean and "<th>h</th><td>c</td>" in clean


def test_mailto_links_survive():
    assert 'href="mailto:desk@news.test"' in sanitize_html('<a href="mailto:desk@news.test">mail</a>', BASE)


def test_html_to_text_one_line_per_block():
    html = ("<h2>Head</h2><p>One <b>bold</b> and <a href='#'>link</a>.</p><p>Two<br>lines</p>"
            "<ul><li>item one</li><li>item two</li></ul><blockquote><p>Quote</p>— Someone</blockquote>"
            "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"
            "<p>   spaced\n\n   out   </p><script>x()</script>")
    assert html_to_text(html) == "\n".join([
        "Head", "One bold and link.", "Two", "lines", "item one", "item two", "Quote", "— Someone",
        "A | B", "1 | 2", "spaced out"])


def test_html_to_text_keeps_the_lines_of_plain_text():
    assert html_to_text("First line\n  second   line &amp; more\n\n") == "First line\nsecond line & more"


def test_whole_documents_lose_their_head():
    assert sanitize_html("<html><head><title>T</title></head><body><p>a</p></body></html>") == "<p>a</p>"
    assert html_to_text("<html><head><title>T</title></head><body><p>a</p></body></html>") == "a"


def test_html_to_text_of_nothing():
    assert html_to_text("") == ""
    assert html_to_text("<p> </p>") == ""


def test_preview():
    assert preview("Short text.") == "Short text."
    text = "word " * 100
    short = preview(text, 30)
    assert len(short) <= 30 and short.endswith("…") and not short.endswith(" …")
    assert preview("line one\nline two", 280) == "line one line two"


def _fragments():
    """Our fixture pages, and random tag soup of the tags html_to_text treats specially."""
    from pathlib import Path
    import random

    pages = [p.read_text(encoding="utf-8", errors="replace") for p in Path(__file__).parents[1].rglob("*.html")]
    rng = random.Random(11)
    tags = ["p", "td", "th", "br", "span", "b", "script", "tr", "li", "div", "title", "a", "table", "style"]
    bits = [" ", "x", " y ", "\n", "z w", "<!--c-->", "&amp;", " | ", "<?pi p?>"]
    soup = ["".join(rng.choice([f"<{t}>", f"</{t}>", rng.choice(bits)]) for t in rng.choices(tags, k=12))
            for _ in range(400)]
    return pages + soup + ["a<!--c-->, b<p>q<script>s</script>t</p><table><tr><td></td><td>1</td><th>2<br>3</th>"]


def test_html_to_text_fast_way_reads_as_the_walk():
    from broadsheet.extract.sanitize import _walked_text, parse_fragment

    fragments = _fragments()
    assert len(fragments) > 400
    for fragment in fragments:
        assert html_to_text(fragment) == _walked_text(parse_fragment(fragment)), fragment[:200]


def test_html_to_text_with_our_marker_characters_in_the_input():
    assert html_to_text("<p>a\ue000b</p><table><tr><td>x</td><td>\ue001y</td></tr></table>") == "a\ue000b\nx | \ue001y"
