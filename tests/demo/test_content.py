"""The demo's fictional news world: enough outlets, articles, events and near-duplicates, all well formed."""
from __future__ import annotations

import difflib
import re
from collections import defaultdict
from datetime import datetime, timedelta, timezone

import pytest

from broadsheet.demo import markup
from broadsheet.demo.content import CATEGORIES, load_world, parse_article_file

NOW = datetime(2026, 3, 5, 12, 0, tzinfo=timezone.utc)  # a Thursday


@pytest.fixture(scope="module")
def world():
    return load_world(NOW)


def originals(world):
    return [a for a in world.articles if not a.republishes]


def test_outlets_are_distinct(world):
    assert len(world.outlets) >= 6
    for attr in ("slug", "name", "style"):
        values = [getattr(o, attr) for o in world.outlets]
        assert len(set(values)) == len(values), attr
    feeds = {o.feed for o in world.outlets}
    assert {"rss-full", "rss-summary", "atom-summary", "jsonfeed-full", None} <= feeds
    assert sum(o.feed is None for o in world.outlets) == 1  # exactly one sitemap-only outlet


def test_enough_original_articles_across_categories(world):
    own = originals(world)
    assert len(own) >= 48
    assert {a.category for a in own} == set(CATEGORIES)
    assert all(world.by_outlet(o.slug) for o in world.outlets)
    assert len({a.key for a in world.articles}) == len(world.articles)
    assert len({a.title for a in world.articles}) == len(world.articles)


def test_articles_are_well_formed(world):
    for a in world.articles:
        assert 150 <= a.word_count <= 400, (a.key, a.word_count)
        assert a.author and a.summary and a.title
        assert re.fullmatch(r"[a-z0-9-]+", a.slug)
        assert "{" not in a.body_md + a.title + a.summary, a.key  # every placeholder resolved
        assert not re.search(r"\b(event|pub)_(day|date)\b", a.text)


def test_body_features_are_varied(world):
    kinds = defaultdict(int)
    for a in originals(world):
        for kind in {k for k, _ in markup.blocks(a.body_md)}:
            kinds[kind] += 1
    assert kinds["h2"] >= 10 and kinds["ul"] + kinds["ol"] >= 10 and kinds["quote"] >= 6
    assert kinds["post"] >= 3


def test_text_carries_dates_and_entities(world):
    own = originals(world)
    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    assert sum(bool(re.search(r"\b(19|20)\d\d\b", a.text)) for a in own) >= 40
    assert sum(any(f"on {d}" in a.text for d in weekdays) for a in own) >= 25
    countries = ("Japan", "Germany", "Norway", "Brazil", "Kenya", "Chile", "Canada")
    assert sum(any(c in a.text for c in countries) for a in own) >= 8


def test_publish_times_are_fresh_and_spread(world):
    ages = [(NOW - a.published) / timedelta(hours=1) for a in world.articles]
    assert min(ages) < 3 and 60 <= max(ages) <= 72
    assert all(a.published.second == 0 for a in world.articles)
    for a in world.articles:
        if a.event:
            assert a.published >= world.events[a.event].time


def test_events_are_covered_by_several_outlets(world):
    outlets = defaultdict(set)
    for a in originals(world):
        if a.event:
            outlets[a.event].add(a.outlet)
    multi = [e for e, o in outlets.items() if 2 <= len(o)]
    assert len(multi) >= 6
    assert set(outlets) == set(world.events)


def test_similar_events_stay_separate(world):
    quakes = [e for e in world.events.values() if e.kind == "earthquake"]
    assert len(quakes) == 2
    first, second = quakes
    assert first.place != second.place and abs(first.time - second.time) > timedelta(hours=24)
    for e, other in ((first, second), (second, first)):
        stories = [a for a in world.articles if a.event == e.id]
        assert len({a.outlet for a in stories}) >= 2
        assert all(e.place in a.text for a in stories)
        assert not any(a.title.count(other.place) for a in stories)


def test_republished_near_duplicates(world):
    pairs = [(world.article(a.republishes), a) for a in world.articles if a.republishes]
    assert sum(orig.outlet == "meridian-wire" for orig, _ in pairs) >= 4
    for orig, copy in pairs:
        assert copy.outlet == "aggregate-now" and copy.title != orig.title
        assert copy.event == orig.event and copy.author == orig.author
        assert copy.published > orig.published
        ratio = difflib.SequenceMatcher(None, orig.text.split(), copy.text.split()).ratio()
        assert 0.85 <= ratio < 1.0, (copy.key, ratio)


def test_placeholders_follow_the_clock(world):
    later = load_world(NOW + timedelta(days=1))
    a, b = world.article("meridian-wire/strike-shuts-port-of-eastmouth"), later.article(
        "meridian-wire/strike-shuts-port-of-eastmouth")
    day = world.events["port-strike"].time.strftime("%A")
    assert f"on {day}" in a.text
    assert b.published - a.published == timedelta(days=1) and a.text != b.text


def test_front_matter_parsing():
    meta, body = parse_article_file('---\ntitle: "Quoted: yes"\nedit: a => b\nedit: c => d\n---\nHello\n')
    assert meta["title"] == "Quoted: yes" and meta["edit"] == ["a => b", "c => d"] and body == "Hello"
    with pytest.raises(ValueError):
        parse_article_file("no front matter")


def test_markup_renders_every_block():
    md = ("First *em* and **strong** <b>x</b> [link](article:o/s).\n\n## Sub\n\n- one\n- two\n\n1. a\n2. b\n\n"
          "> Quoted words\n> -- Someone, somewhere\n\n::: post Name | @handle | 123\nPosted text\n:::\n\nLast.")
    html = markup.to_html(md, link=lambda u: "/resolved" if u.startswith("article:") else u, post_date="May 1, 2026")
    assert "<em>em</em>" in html and "<strong>strong</strong>" in html and "&lt;b&gt;" in html
    assert '<a href="/resolved">link</a>' in html and "<h2>Sub</h2>" in html
    assert "<ul><li>one</li><li>two</li></ul>" in html and "<ol><li>a</li><li>b</li></ol>" in html
    assert '<blockquote class="pullquote"><p>Quoted words</p>' in html and "<cite>Someone, somewhere</cite>" in html
    assert 'class="twitter-tweet"' in html and "https://x.com/handle/status/123" in html and "May 1, 2026" in html
    text = markup.to_text(md)
    assert text.splitlines()[0] == "First em and strong <b>x</b> link." and "Posted text — Name (@handle)" in text
