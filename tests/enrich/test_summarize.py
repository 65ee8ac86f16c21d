"""Extractive summaries, key points and story summaries on fictional articles."""
import numpy as np

from broadsheet.enrich.lexical import terms, tfidf_matrix
from broadsheet.enrich.sentences import split_sentences
from broadsheet.enrich.summarize import key_points, summarize, summarize_many

TITLE = "Velmora votes to close its coal plant by 2030"
ARTICLE = """Velmora votes to close its coal plant by 2030
Velmora's city council voted on Monday to close the Grey Point coal plant by 2030, ending more than a century of coal power in the harbour city.
The plan replaces the plant with an offshore wind farm and a battery store on the old coal yard.
Council leader Mira Santos said the vote was the most important the city had taken in a generation.
"Our children will breathe cleaner air," she said.
What happens to the workers?
About 400 people work at Grey Point, and the plant's union had opposed an earlier closure date of 2027.
Under the plan, every worker will be offered a job at the wind farm or a paid retraining place at the harbour college.
The union's regional secretary, Tomas Reyes, said the offer was fair but that the city must keep its word.
How much will it cost?
The wind farm and battery store will cost an estimated 1.2 billion crowns, most of it paid by a private consortium.
The city will contribute 90 million crowns from the sale of the coal yard's western half.
Electricity bills are expected to rise by about 4 percent in the first two years before falling.
What comes next?
Construction of the wind farm is due to start in the spring of 2027, once the harbour authority approves the cable route.
Environmental groups welcomed the vote but said 2030 was too late.
The opposition Harbour Party voted against the plan, saying the costs to households had been understated.
Scroll down for video
It is the third coal plant in the region to announce a closure date this year.
"""


def _headings(text):
    return {s.text for s in split_sentences(text) if s.heading}


def test_summary_is_three_sentences_in_document_order_with_exact_offsets():
    summary = summarize(ARTICLE)
    assert len(summary) == 3
    assert [s.index for s in summary] == sorted(s.index for s in summary)
    for s in summary:
        assert ARTICLE[s.start:s.end] == s.text
    assert summary[0].text.startswith("Velmora's city council voted on Monday")


def test_headings_quotes_and_filler_are_never_chosen():
    headings = _headings(ARTICLE)
    assert "What happens to the workers?" in headings
    for n in (3, 6, 12):
        for s in summarize(ARTICLE, n=n):
            assert not s.heading and s.text not in headings
            assert s.text != "Scroll down for video"
    assert all(not s.heading for s in key_points(ARTICLE))


def test_title_is_used_but_not_returned():
    summary = summarize(ARTICLE, title=TITLE)
    assert len(summary) == 3 and all(s.text != TITLE for s in summary)


def test_short_texts():
    assert summarize("") == []
    assert summarize("Only a heading\nAnother heading") == []
    one = "The harbour reopened on Friday after a week of repairs to the wall."
    assert [s.text for s in summarize(one)] == [one]
    assert key_points("") == [] and [s.text for s in key_points(one)] == [one]


def test_key_points_are_three_to_five_distinct_points_in_order():
    points = key_points(ARTICLE)
    assert 3 <= len(points) <= 5
    assert [p.index for p in points] == sorted({p.index for p in points})
    vectors = tfidf_matrix([terms(p.text) for p in points])
    similarity = vectors @ vectors.T
    assert np.all(similarity[~np.eye(len(points), dtype=bool)] < 0.5)
    assert points[-1].index > 10  # points come from the whole article, not only the lead


def test_key_points_can_avoid_the_summary():
    summary = {s.index for s in summarize(ARTICLE)}
    points = key_points(ARTICLE, k=4, avoid=summary)
    assert len(points) == 4 and not summary & {p.index for p in points}


def test_story_summary_cites_outlets_without_near_duplicates():
    wire = ("Velmora's city council voted on Monday to close the Grey Point coal plant by 2030, ending more than a "
            "century of coal power in the harbour city.")
    docs = [
        ("herald", ARTICLE),
        ("courier", wire + " The decision follows two years of public hearings. About 400 people work at the plant, "
                           "which burns coal shipped from the north."),
        ("gazette", "Environmental campaigners in Velmora said on Monday that closing the coal plant in 2030 was "
                    "welcome but late. " + wire + " Wind turbines will be built offshore to replace it."),
    ]
    story = summarize_many(docs, n=4)
    assert 1 <= len(story) <= 4
    texts = {doc_id: dict(docs)[doc_id] for doc_id, _ in docs}
    for c in story:
        assert texts[c.doc_id][c.start:c.end] == c.text
        assert split_sentences(texts[c.doc_id])[c.index].text == c.text
    assert sum(c.text == wire for c in story) <= 1
    assert len({c.text for c in story}) == len(story)
    assert [c.score for c in story] != [] and story[0].score > 0
    assert summarize_many([]) == [] and summarize_many([("x", "")]) == []

