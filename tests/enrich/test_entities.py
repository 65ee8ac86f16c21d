"""Entities from fictional texts: kinds, alias keys, demonyms, cues, precision on sentence-initial words."""
from broadsheet.enrich.entities import Entity, co_mentions, find_entities, mentioned_with

from .fictional import RECOGNITION


def by_key(text, title=None):
    return {e.key: e for e in find_entities(text, title)}


def test_kinds_and_alias_keys():
    found = by_key(RECOGNITION)
    assert found["country:Norway"].kind == "country"
    assert found["place:Oslo"].kind == "place"
    solvang = found["person:Ingrid Solvang"]  # title cue, then "Solvang said" under the same key
    assert {RECOGNITION[a:b] for a, b in solvang.mentions} == {"Ingrid Solvang", "Solvang"}
    nfa = found["organisation:Northern Fisheries Authority"]  # keyword, then its acronym in brackets
    assert [RECOGNITION[a:b] for a, b in nfa.mentions].count("NFA") == 2
    assert "organisation:NFA" not in found


def test_demonyms_name_their_country():
    found = by_key(RECOGNITION)
    assert "Norwegian" in {RECOGNITION[a:b] for a, b in found["country:Norway"].mentions}
    assert {RECOGNITION[a:b] for a, b in found["country:Russia"].mentions} == {"Russian"}
    assert "country:Afghanistan" in found


def test_the_taliban_is_one_organisation():
    text = "The Taliban took Kabul. Officials said the Taliban would talk; a Taliban envoy agreed."
    taliban = by_key(text)["organisation:Taliban"]
    assert len(taliban.mentions) == 3 and all(text[a:b] == "Taliban" for a, b in taliban.mentions)


def test_people_found_by_role_speech_and_apposition():
    found = by_key(RECOGNITION)
    assert found["person:Dalia Renn"].kind == "person"  # "spokesperson Dalia Renn"
    quell = found["person:Mara Quell"]  # "Mara Quell, a senior analyst", then "Quell added"
    assert len(quell.mentions) == 2
    assert found["person:Tomas Hale"].kind == "person"
    assert found["organisation:Harbour Policy Institute"].kind == "organisation"


def test_no_common_words_from_sentence_starts():
    names = {e.name for e in find_entities(RECOGNITION)}
    assert not names & {"During", "Tensions", "The", "We"}
    assert not [e for e in find_entities("Tensions rose. During the night, Most shops shut.")]


def test_family_name_of_a_person_named_in_full():
    text = "President Vladimir Putin spoke on Monday. Putin later met the press."
    putin = by_key(text)["person:Vladimir Putin"]
    assert [text[a:b] for a, b in putin.mentions] == ["Vladimir Putin", "Putin"]
    assert by_key(text)["person:Vladimir Putin"].in_title is False


def test_title_entities_are_flagged_and_mentions_point_into_the_text():
    entities = find_entities(RECOGNITION, title="Norway Recognises Vellmark Council As Solvang Visits Sweden")
    found = {e.key: e for e in entities}
    assert found["country:Norway"].in_title and found["person:Ingrid Solvang"].in_title
    assert found["country:Sweden"].in_title and found["country:Sweden"].mentions == []
    assert not found["place:Oslo"].in_title
    assert found["organisation:Vellmark Council"].in_title  # found in the text, then in the title-case title
    counts = [len(e.mentions) for e in entities]
    assert counts == sorted(counts, reverse=True)  # most mentioned first


def test_text_that_is_not_english_yields_nothing():
    assert find_entities("Die Regierung in Berlin hat am Montag einen neuen Plan für die Bahn vorgestellt.") == []


def test_co_mentions_and_mentioned_with():
    docs = [find_entities(RECOGNITION), ["country:Norway", "place:Oslo"], ["country:Norway", "country:Sweden"]]
    pairs = co_mentions(docs)
    assert pairs[("country:Norway", "place:Oslo")] == 2
    assert mentioned_with(docs, "country:Norway", n=1) == [("place:Oslo", 2)]
    assert isinstance(docs[0][0], Entity)
