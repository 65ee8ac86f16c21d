from datetime import datetime, timedelta

import pytest

from broadsheet.web.filters import absolute_date, hostname, iso_datetime, reading_time, relative_time

NOW = datetime(2025, 7, 4, 12, 0, 0)


@pytest.mark.parametrize("ago, expected", [
    (timedelta(seconds=5), "just now"), (timedelta(seconds=-30), "just now"), (timedelta(minutes=1), "1 minute ago"),
    (timedelta(minutes=5), "5 minutes ago"), (timedelta(minutes=59), "59 minutes ago"), (timedelta(hours=1), "1 hour ago"),
    (timedelta(hours=2, minutes=50), "2 hours ago"), (timedelta(hours=23), "23 hours ago"),
    (timedelta(hours=30), "yesterday"), (timedelta(days=3), "3 days ago"), (timedelta(days=6), "6 days ago"),
    (timedelta(days=8), "26 Jun 2025"), (timedelta(days=-2), "6 Jul 2025"),
])
def test_relative_time(ago, expected):
    assert relative_time(NOW - ago, now=NOW) == expected


def test_dates_and_reading_time():
    assert absolute_date(NOW) == "Friday 4 July 2025, 12:00 UTC"
    assert iso_datetime(NOW) == "2025-07-04T12:00:00Z"
    assert relative_time(None) == absolute_date(None) == iso_datetime(None) == ""
    assert [reading_time(n) for n in (None, 0, 100, 690, 2300)] == ["1 min read", "1 min read", "1 min read",
                                                                     "3 min read", "10 min read"]
    assert hostname("https://www.example.com/feed") == "example.com" and hostname(None) == ""
