"""Near-duplicate detection on fictional articles: republished copies are found, same-site articles are not."""
from broadsheet.dedupe.boilerplate import SourceBoilerplate
from broadsheet.dedupe.near import NearDuplicateIndex, Sketch, is_near_duplicate, shingles, tokens

from .articles import (FERRY_NOTICE, LIBRARY, MARKET_NOTICE, ORCHARD, SITE_A_BOTTOM, SITE_A_TOP, SITE_B_WRAP,
                       TIDAL, page)

ORIGINAL = page(TIDAL, SITE_A_TOP, SITE_A_BOTTOM)


def test_copy_in_other_boilerplate_with_new_headline_and_credit_is_a_duplicate():
    copy = page(["Tide power arrives in Elmsworth", "By a staff writer"] + TIDAL, SITE_B_WRAP[0], SITE_B_WRAP[1:])
    same, score = is_near_duplicate(ORIGINAL, copy)
    assert same and score > 0.7


def test_light_edits_dropped_paragraph_and_typo_fix_are_a_duplicate():
    edited = [p.replace("forty million", "40 million").replace("mackerel", "makerel") for p in TIDAL]
    del edited[3]
    assert is_near_duplicate("\n".join(TIDAL), "\n".join(edited))[0]


def test_different_articles_are_not_duplicates():
    same, score = is_near_duplicate("\n".join(TIDAL), "\n".join(LIBRARY))
    assert not same and score < 0.1


def test_same_site_articles_sharing_a_long_template_are_not_duplicates():
    a, b = page([FERRY_NOTICE], SITE_A_TOP, SITE_A_BOTTOM), page([MARKET_NOTICE], SITE_A_TOP, SITE_A_BOTTOM)
    assert not is_near_duplicate(a, b, same_source=True)[0]
    index = NearDuplicateIndex()
    index.add("ferry", a, source="courier.example")
    assert index.find_duplicate(b, source="courier.example") is None


def test_index_finds_the_original_and_ranks_it_first():
    index = NearDuplicateIndex()
    index.add("tidal", ORIGINAL, source="courier.example")
    index.add("library", page(LIBRARY, SITE_A_TOP, SITE_A_BOTTOM), source="courier.example")
    index.add("orchard", "\n".join(ORCHARD), source="valley.example")
    copy = page(TIDAL[:-1] + [SITE_B_WRAP[1]], SITE_B_WRAP[0], [SITE_B_WRAP[2]])
    doc_id, score = index.find_duplicate(copy, source="lantern.example")
    assert doc_id == "tidal" and score >= 0.65
    assert index.find_duplicate("\n".join(ORCHARD[:2]) + "\nA new closing paragraph.", source="other.example")[0] \
        == "orchard"
    assert index.find_duplicate("\n".join(LIBRARY[:1] + ORCHARD[2:]), source="other.example") is None


def test_a_short_story_inside_a_long_page_is_found_by_containment():
    long_page = "\n".join(LIBRARY + ORCHARD + TIDAL[:2] + LIBRARY[::-1] + [FERRY_NOTICE * 2])
    index = NearDuplicateIndex()
    index.add("aggregator", long_page)
    found = index.find_duplicate("\n".join(ORCHARD))
    assert found is not None and found[0] == "aggregator"


def test_learned_boilerplate_of_a_source_is_ignored():
    learner = SourceBoilerplate(window=10, min_docs=3)
    for body in (TIDAL, LIBRARY, ORCHARD):
        learner.add("courier.example", shingles(page(body, SITE_A_TOP, SITE_A_BOTTOM)))
    common = set(learner.common("courier.example", "unknown.example").tolist())
    assert set(shingles(SITE_A_BOTTOM[0]).tolist()) <= common
    assert not set(shingles(TIDAL[0]).tolist()) & common
    assert len(learner.common(None, "unknown.example")) == 0


def test_short_texts_are_never_near_duplicates():
    assert is_near_duplicate("Storm warning for the coast tonight.", "Storm warning for the coast tonight.") == (
        False, 0.0)


def test_index_save_load_and_remove():
    index = NearDuplicateIndex()
    index.add("tidal", ORIGINAL, source="courier.example")
    index.add(7, "\n".join(LIBRARY))
    loaded = NearDuplicateIndex.from_bytes(index.to_bytes())
    assert len(loaded) == 2 and 7 in loaded and "tidal" in loaded
    assert loaded.find_duplicate("\n".join(LIBRARY[1:]))[0] == 7
    loaded.remove(7)
    assert loaded.find_duplicate("\n".join(LIBRARY)) is None and len(loaded) == 1
    assert NearDuplicateIndex.from_bytes(NearDuplicateIndex().to_bytes()).find_duplicate(ORIGINAL) is None


def test_tokens_ignore_case_and_punctuation_and_split_cjk():
    assert tokens("Tide-power, ARRIVES!") == ["tide", "power", "arrives"]
    assert tokens("東京タワー") == ["東", "京", "タ", "ワ", "ー"]
    assert Sketch.of("").shingles.size == 0
