"""Categories and keywords on fictional texts."""
import pytest

from broadsheet.enrich.topics import CATEGORIES, STOP_WORDS, categorise, category_scores, keywords

from . import fictional as f


@pytest.mark.parametrize("text, expected", [
    (f.SPORTS, "Sports"), (f.ELECTION, "Politics"), (f.EARNINGS, "Business"), (f.GADGET, "Technology"),
    (f.TELESCOPE, "Science"), (f.OUTBREAK, "Health"), (f.PREMIERE, "Entertainment"), (f.DIPLOMACY, "World"),
    (f.RECOGNITION, "World"), (f.PLAIN, "General"),
])
def test_clear_cases(text, expected):
    assert categorise(None, text) == expected


def test_title_words_weigh_more():
    text = "The team met on Monday to discuss plans for the coming weeks."
    assert categorise("Hospital patients wait for vaccine", text) == "Health"
    assert set(category_scores(None, text)) == set(CATEGORIES)


def test_text_that_is_not_english_is_general():
    assert categorise(None, "Der Verein gewann das Spiel am Samstag mit drei Toren.") == "General"


def test_keywords_are_repeated_rare_phrases_without_stop_words():
    found = keywords(f.TIDAL, title="Tidal power comes to Elmsworth", k=4)
    assert len(found) == 4
    assert found[0].lower() in ("tidal", "tidal array")
    assert any("mackerel" in k.lower() for k in found) and any("turbine" in k.lower() for k in found)
    assert not {w for k in found for w in k.lower().split()} & STOP_WORDS


def test_keywords_merge_forms_and_skip_nested_phrases():
    found = keywords(f.TIDAL, k=8)
    lowered = [k.lower() for k in found]
    assert len(lowered) == len(set(lowered))
    assert not any(a != b and f" {a} " in f" {b} " for a in lowered for b in lowered)
    assert keywords("") == [] and keywords("Die Bahn fährt nicht.") == []
