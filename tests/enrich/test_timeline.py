"""Timeline events from a fictional text: years, months and days, relative dates, numbers that are not years."""
from datetime import date, datetime, timezone

from broadsheet.enrich.timeline import find_events

from .fictional import TIMELINE

PUBLISHED = datetime(2025, 7, 4, 9, 30, tzinfo=timezone.utc)  # a Friday


def events(text=TIMELINE, published=PUBLISHED):
    return [(e.date, e.precision, e.phrase) for e in find_events(text, published)]


def test_absolute_dates_in_date_order():
    found = events()
    assert found == sorted(found, key=lambda e: e[0])
    assert (date(1979, 1, 1), "year", "1979") in found
    assert (date(1990, 1, 1), "decade", "late 1990s") in found
    assert (date(2001, 9, 11), "day", "September 11, 2001") in found
    assert (date(2021, 1, 1), "year", "2021") in found
    assert (date(2025, 4, 1), "month", "April 2025") in found


def test_dates_without_a_year_and_weekdays_resolve_against_publication():
    found = events()
    assert (date(2025, 7, 3), "day", "3 July") in found
    assert (date(2025, 7, 3), "day", "on Thursday") in found  # most recent Thursday before a Friday
    assert (date(2025, 7, 8), "day", "next Tuesday") in found
    assert (date(2025, 5, 1), "month", "in May") in found


def test_weekday_rules():
    pub = date(2025, 7, 4)  # Friday
    assert events("They met on Friday.", pub) == [(date(2025, 7, 4), "day", "on Friday")]
    assert events("They met last Friday.", pub) == [(date(2025, 6, 27), "day", "last Friday")]
    assert events("They meet next Monday.", pub) == [(date(2025, 7, 7), "day", "next Monday")]
    assert events("The vote will be held on Wednesday.", pub) == [(date(2025, 7, 9), "day", "on Wednesday")]
    assert events("On Monday, the summit will open.", pub) == [(date(2025, 7, 7), "day", "On Monday")]
    assert events("Police said yesterday that two days ago a bridge fell; talks began last week.", pub) == [
        (date(2025, 6, 23), "week", "last week"), (date(2025, 7, 2), "day", "two days ago"),
        (date(2025, 7, 3), "day", "yesterday")]


def test_numbers_that_are_not_years_are_ignored():
    years = {d.year for d, precision, _ in events() if precision == "year"}
    assert years == {1979, 2021}  # not the 3,000 or 2000 people, nor the 149
    assert events("Tickets cost $2019 and the plant has 1500 employees; about 2,000 people came.") == []


def test_each_event_links_to_its_sentence():
    for e in find_events(TIMELINE, PUBLISHED):
        assert TIMELINE[e.start:e.end] == e.sentence and e.phrase in e.sentence
    dam = next(e for e in find_events(TIMELINE, PUBLISHED) if e.phrase == "1979")
    assert dam.sentence.startswith("In 1979, a dam was built")


def test_without_a_publication_date_only_absolute_dates():
    assert {p for _, _, p in events(published=None)} == {"1979", "late 1990s", "September 11, 2001", "2021",
                                                         "April 2025"}


def test_impossible_dates_are_skipped_not_fatal():
    text = "The vote was set for February 30, 2031, by mistake. It took place on 2031-13-01 in error. In 1979 a dam was built."
    events = find_events(text, datetime(2031, 3, 1))
    assert [(e.date.year, e.precision) for e in events] == [(1979, "year")]
