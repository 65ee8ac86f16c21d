"""A story's or an entity's timeline tells each dated event once, even when outlets carry a lightly edited copy of
the same wire sentence; different events of the same date stay."""
from datetime import date

from broadsheet.store.stories_repo import unique_events

WIRE = "HALDEN, 2 Dec (Meridian Wire) - An experimental nasal spray flu vaccine cut hospital admissions by 58%."
EDITED = "HALDEN, 2 Dec (Meridian Wire) - An experimental flu vaccine given as a nasal spray cut hospital admissions by 58%."
SHARES = "Shares in Brightwell, which was founded in Halden in 2008, rose 22% in early trading."
SHARES_AGAIN = "Shares in Brightwell, which was founded in Halden in 2008, jumped 22% in early trading on the news."
OTHER = "The regulator said on Wednesday that it would review the trial data before the winter."


def _row(article_id, day, sentence, precision="day"):
    return {"article_id": article_id, "event_date": day, "precision": precision, "sentence": sentence}


def test_each_event_once_across_outlets():
    today, founded = date(2026, 12, 2), date(2008, 1, 1)
    rows = [_row(1, founded, SHARES, "year"), _row(2, founded, SHARES_AGAIN, "year"),
            _row(1, today, WIRE), _row(3, today, EDITED), _row(3, today, WIRE), _row(4, today, OTHER)]
    kept = unique_events(rows)
    assert [(r["article_id"], r["sentence"]) for r in kept] == [(1, SHARES), (1, WIRE), (4, OTHER)]


def test_the_same_words_on_other_dates_are_other_events():
    rows = [_row(1, date(2025, 4, 1), SHARES), _row(2, date(2026, 4, 1), SHARES)]
    assert len(unique_events(rows)) == 2
