from lxml import etree

from broadsheet.extract.pipeline import parse_document
from broadsheet.extract.rules import apply_rule, load_rules, rule_for


def test_rules_load_from_data():
    rules = load_rules()
    assert "example-news.test" in rules and rules["example-news.test"].body


def test_rule_for_matches_domain_and_subdomains_only():
    assert rule_for("https://example-news.test/a").domain == "example-news.test"
    assert rule_for("https://www.EXAMPLE-NEWS.test/a").domain == "example-news.test"
    assert rule_for("https://notexample-news.test/a") is None
    assert rule_for("https://other.test/a") is None
    assert rule_for(None) is None


def test_apply_rule_selects_body_and_strips_keeping_following_text():
    tree = parse_document("""<html><body><div class="story-text"><p>One.</p>
      <div class="inline-promo">Join now</div>tail text<p>Two.</p></div><p>Outside</p></body></html>""")
    body = apply_rule(rule_for("https://example-news.test/x"), tree)
    text = etree.tostring(body, encoding="unicode", method="text")
    assert "One." in text and "Two." in text and "tail text" in text
    assert "Join now" not in text and "Outside" not in text
    assert tree.find(".//*[@class='inline-promo']") is not None  # the page itself is untouched


def test_apply_rule_returns_none_when_the_site_changed_its_markup():
    tree = parse_document("<html><body><article><p>Text</p></article></body></html>")
    assert apply_rule(rule_for("https://example-news.test/x"), tree) is None


def test_every_rule_selector_compiles():
    from lxml.cssselect import CSSSelector

    for rule in load_rules().values():
        for css in (rule.body, *rule.strip):
            CSSSelector(css, translator="html")
