"""Timelines: dated events pulled from an article's text, each with the sentence it stands in.

Absolute dates ("on September 11, 2001", "3 July 2025", "in April 2025", "In 1979", "since 2021", "the late
1990s") and relative ones resolved against the publication date ("on Thursday", "last week", "yesterday",
"earlier this year", "in May", "four years ago"). A weekday is the most recent such day on or before publication,
or the next one after it when the text says "next" or the sentence speaks of the future ("will", "is due to");
a month or a day without a year is likewise the most recent one, or the coming one for the future. The future
is read in the date's own clause: "visited on Thursday and will return" keeps Thursday in the past.

A bare four-digit number is a year only after a word that introduces one ("in", "since", "by", "the", ...), never
inside a larger number ("3,000") or before a unit ("2000 people", "1500 km"): counts are not dates.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .sentences import split_sentences

MONTHS = {m.lower(): n for n, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): n for n, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): n for n, d in enumerate(calendar.day_name)}
NUMBERS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
NUMBERS.update(a=1, an=1)
_M = r"(?-i:(?P<{0}>January|February|March|April|May|June|July|August|September|October|November|December|" \
     r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?=\s*\d)))"
_D = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<{0}>1\d{{3}}|20\d{{2}})"
_NUM = r"(?P<{0}>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_UNIT = r"(?P<unit>week|month|year)"
YEAR_CUES = {"in", "since", "from", "by", "until", "till", "during", "before", "after", "around", "circa", "early",
             "late", "mid", "of", "the", "a", "an", "its", "this", "that", "between", "through", "throughout"}
FUTURE = re.compile(r"\b(?:will|won't|shall|is due|are due|is set to|are set to|is expected to|are expected to|"
                    r"scheduled|upcoming|plans? to|next)\b", re.I)
COUNTED = re.compile(r"\s*(?:%|percent|per cent|[a-z]*(?:people|persons|troops|soldiers|civilians|members|workers|"
                     r"jobs|homes|houses|cases|deaths|votes|dollars|euros|pounds|km|kilometres|kilometers|miles|"
                     r"metres|meters|feet|tonnes|tons|kg|barrels|acres|hectares|units|copies|words|points|users|"
                     r"students|employees|children|refugees|fighters|prisoners|pages|calories|mg|ml|rpm|mph))\b", re.I)
_CLAUSE = re.compile(r"[,;:]|\s(?:and|but|while|whereas)\s")
PATTERN = re.compile("|".join([
    r"\b(?P<iso>(?P<iy>\d{4})-(?P<im>[01]\d)-(?P<id>[0-3]\d))\b",
    _M.format("m1") + r"\s+" + _D.format("d1") + r",?\s+" + _Y.format("y1") + r"\b",
    r"\b" + _D.format("d2") + r"\s+(?:of\s+)?" + _M.format("m2") + r",?\s+" + _Y.format("y2") + r"\b",
    _M.format("m3") + r"\s+" + _D.format("d3") + r"\b(?![,.]?\d)",
    r"\b" + _D.format("d4") + r"\s+(?:of\s+)?" + _M.format("m4") + r"\b",
    _M.format("m5") + r",?\s+(?:of\s+)?" + _Y.format("y5") + r"\b",
    r"\b(?P<mcue>in|since|until|till|by|from|during|through|before|after|early|late|mid|last|this|next)(?:\s+|-)"
    r"(?:(?:early|late|mid)(?:\s+|-))?" + _M.format("m6")
    + r"(?![,.]?\s*\d)(?:\s+(?P<rel6>this|last|next)\s+year|\s+" + _NUM.format("n6") + r"\s+years?\s+ago)?\b",
    r"\b(?P<decade>(?:(?:early|mid-?|late)\s*)?(?:1\d|20)\d0s)\b",
    r"(?<![\d,.$€£¥#])(?<!\d-)\b(?P<year>1\d{3}|20\d{2})\b(?![,.]?\d)",
    r"\b(?:(?P<wrel>last|next|this|on|since|until|till|by|from|early|late)\s+)?(?-i:(?P<weekday>Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    r"\b(?P<day>yesterday|tomorrow)\b",
    r"\b(?P<rel>last|this|next|earlier\s+this|later\s+this)\s+" + _UNIT + r"\b",
    r"\b" + _NUM.format("n") + r"\s+(?P<agounit>day|week|month|year)s?\s+ago\b",
]), re.I)


@dataclass(frozen=True)
class TimelineEvent:
    date: date  # the first day of the period for a month, year, decade or week
    precision: str  # day | week | month | year | decade
    sentence: str  # the sentence the date stands in, exactly text[start:end]
    start: int
    end: int
    phrase: str  # the date as written


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _shift_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, 1)


def _nearest(pub: date, month: int, day: int | None, future: bool) -> date:
    """The month (or month and day) nearest before publication, or after it when the sentence looks ahead."""
    d = date(pub.year, month, min(day or 1, calendar.monthrange(pub.year, month)[1]))
    later = (d > pub + timedelta(days=2)) if day else month > pub.month
    earlier = (d < pub - timedelta(days=2)) if day else month < pub.month
    if later and not future:
        return d.replace(year=d.year - 1)
    return d.replace(year=d.year + 1) if earlier and future else d


def _resolve(m: re.Match, text: str, pub: date | None, future: bool) -> tuple[date, str] | None:
    g = m.groupdict()
    if g["iso"]:
        return date(int(g["iy"]), int(g["im"]), int(g["id"])), "day"
    for k in "12":
        if g["m" + k]:
            return date(int(g["y" + k]), _month(g["m" + k]), int(g["d" + k])), "day"
    if g["m5"]:
        return date(int(g["y5"]), _month(g["m5"]), 1), "month"
    if g["decade"]:
        return date(int(re.search(r"\d{4}", g["decade"]).group()), 1, 1), "decade"
    if g["year"]:
        cue = re.findall(r"[\w-]+", text[max(0, m.start() - 16):m.start()].lower())
        after = text[m.end():m.end() + 24]
        listed = cue[-2:-1] and re.fullmatch(r"\d{4}", cue[-2]) and cue[-1] in ("and", "or", "to")  # "in 2022 and 2024"
        if not cue or (cue[-1].rstrip("-") not in YEAR_CUES and not listed) or COUNTED.match(after) or (
                cue[-1] in ("the", "a", "an", "its", "this", "that") and int(g["year"]) < 1800):
            return None
        return date(int(g["year"]), 1, 1), "year"
    if pub is None:
        return None
    if g["m3"] or g["m4"]:
        return _nearest(pub, _month(g["m3"] or g["m4"]), int(g["d3"] or g["d4"]), future), "day"
    if g["m6"]:
        if g["rel6"]:
            return date(pub.year + {"this": 0, "last": -1, "next": 1}[g["rel6"].lower()], _month(g["m6"]), 1), "month"
        if g["n6"]:
            return date(pub.year - _count(g["n6"]), _month(g["m6"]), 1), "month"
        nxt = g["mcue"].lower() == "next" or (future and g["mcue"].lower() != "last")
        return _nearest(pub, _month(g["m6"]), None, nxt).replace(day=1), "month"
    if g["weekday"]:
        rel = (g["wrel"] or "").lower()
        back = (pub.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
        if rel == "next" or (future and rel != "last"):
            return pub + timedelta(days=(7 - back) % 7 or 7), "day"
        return pub - timedelta(days=back or (7 if rel == "last" else 0)), "day"
    if g["day"]:
        return pub + timedelta(days=1 if g["day"].lower() == "tomorrow" else -1), "day"
    if g["rel"]:
        step = {"last": -1, "next": 1}.get(g["rel"].split()[0].lower(), 0)
        return _period(pub, g["unit"].lower(), step)
    n = _count(g["n"])
    return _period(pub, g["agounit"].lower(), -n) if n < 1000 else None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word.lower()]


def _clause(sentence: str, m: re.Match) -> str:
    """The clause a date stands in ("visited on Thursday and will return" -> "visited on Thursday"), or with the
    next one when the date stands alone ("On Monday, the summit will open")."""
    bounds = [0] + [b.end() for b in _CLAUSE.finditer(sentence)] + [len(sentence)]
    left = max(b for b in bounds if b <= m.start())
    right = [b for b in bounds if b >= m.end()]
    if len(sentence[left:m.start()].split() + sentence[m.end():right[0]].split()) < 2 and len(right) > 1:
        return sentence[left:right[1]]
    return sentence[left:right[0]]


def _period(pub: date, unit: str, step: int) -> tuple[date, str]:
    if unit == "day":
        return pub + timedelta(days=step), "day"
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday())
        return monday + timedelta(weeks=step), "week"
    if unit == "month":
        return _shift_months(pub, step), "month"
    return date(pub.year + step, 1, 1), "year"


def find_events(text: str, published: datetime | date | None) -> list[TimelineEvent]:
    """Dated events of a text, in date order (then text order). Relative dates need ``published``."""
    pub = published.date() if isinstance(published, datetime) else published
    events, seen = [], set()
    for s in split_sentences(text or ""):
        for m in PATTERN.finditer(s.text):
            try:
                found = _resolve(m, s.text, pub, bool(FUTURE.search(_clause(s.text, m))))
            except (ValueError, OverflowError):  # a date that does not exist ("February 30", "2025-13-01")
                continue
            if found is None or (found, s.start) in seen:
                continue
            seen.add((found, s.start))
            events.append(TimelineEvent(found[0], found[1], s.text, s.start, s.end, m.group().strip()))
    return sorted(events, key=lambda e: (e.date, e.start))
