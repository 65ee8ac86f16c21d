from lxml import etree

from broadsheet.extract.pipeline import parse_document
from broadsheet.extract.prepare import drop_captions, drop_furniture_sections, unwrap_social_embeds


def test_social_embed_becomes_a_plain_blockquote_replacing_its_wrapper():
    tree = parse_document("""<html><body><p>Before.</p>
      <div class="social-embed"><figure class="embed-twitter"><blockquote class="twitter-tweet" data-lang="en">
      <p lang="en">Post text</p>&mdash; Someone (@someone) <a href="https://twitter.com/someone/status/1">May 1</a>
      </blockquote><script src="https://platform.twitter.com/widgets.js"></script></figure></div>
      <p>After.</p></body></html>""")
    assert unwrap_social_embeds(tree) == 1
    quote = tree.find(".//blockquote")
    assert quote.getparent().tag == "body" and not quote.attrib
    assert quote.find(".//a").get("href") == "https://twitter.com/someone/status/1"
    assert tree.find(".//figure") is None


def test_captions_are_dropped_but_not_figures_named_after_them():
    tree = parse_document("""<html><body><figure class="has-caption"><img src="a.jpg">
      <figcaption>A caption</figcaption></figure><div class="wp-caption-text">Credit: agency</div>
      <p class="caption-full">Long caption</p><p>Body text</p></body></html>""")
    assert drop_captions(tree) == 3
    text = etree.tostring(tree, encoding="unicode")
    assert "caption" not in text.lower().replace("has-caption", "") and "<img" in text and "Body text" in text


def test_furniture_sections_are_dropped_with_their_heading():
    tree = parse_document("""<html><body><article><p>Story text.</p>
      <div class="box"><h3>Most read</h3><ul><li><a href="/a">Other</a></li></ul></div>
      <div class="box2"><p>Intro</p><h3>Comments</h3><p>A comment in a box that starts with another block</p></div>
      </article></body></html>""")
    assert drop_furniture_sections(tree) == 1
    text = tree.text_content()
    assert "Most read" not in text and "Comments" in text and "Story text." in text
