"""The gazetteer: names of countries, places and organisations, given names and common English words.

Countries come from pycountry (name, common name, official name) plus ``data/countries.txt`` (display names and
aliases such as "US", "Britain") and ``data/demonyms.txt`` ("Russian" -> Russia). Places are ``data/places.txt``
(generated from GeoNames by ``gazetteer_build.py``) and ``data/places_extra.txt`` (regions, seas, other spellings).
Organisations without a keyword in their name ("Taliban", "NATO") are ``data/organisations.txt``. All names match
case-sensitively. Loaded once, on first use.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Known:
    """A gazetteer entry: what a name refers to."""

    kind: str  # person | organisation | country | place
    name: str  # canonical display name
    demonym: bool = False  # "Russian" names Russia but is an adjective: it may start a longer name

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.name}"


def _lines(file: str) -> list[list[str]]:
    text = (DATA / file).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _country_entries() -> dict[str, Known]:
    import pycountry

    override = {row[0]: row for row in _lines("countries.txt")}
    names: dict[str, Known] = {}
    for c in pycountry.countries:
        row = override.get(c.alpha_2)
        known = Known("country", row[1] if row else getattr(c, "common_name", None) or c.name)
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n and "," not in n and "(" not in n:
                names[n] = known
    display = {code: Known("country", row[1]) for code, row in override.items()}
    for code, row in override.items():
        for n in [row[1]] + (row[2].split("|") if len(row) > 2 else []):
            names[n] = display[code]
    for code, forms in _lines("demonyms.txt"):
        country = display.get(code) or Known("country", _pycountry_name(code))
        for n in forms.split("|"):
            names.setdefault(n, Known("country", country.name, demonym=True))
    return names


def _pycountry_name(code: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    return getattr(c, "common_name", None) or c.name


@cache
def names() -> dict[str, Known]:
    """Every known surface form -> its entry. Organisations win over countries, countries over places."""
    found: dict[str, Known] = {}
    for row in _lines("places.txt"):
        found[row[0]] = Known("place", row[0])
    for row in _lines("places_extra.txt"):
        for n in [row[0]] + (row[1].split("|") if len(row) > 1 else []):
            found[n] = Known("place", row[0])
    found.update(_country_entries())
    for row in _lines("organisations.txt"):
        org = Known("organisation", row[0])
        for n in [row[0]] + (row[1].split("|") if len(row) > 1 else []):
            found[n] = org
    return found


@cache
def max_name_tokens() -> int:
    return max(len(n.split()) for n in names())


@cache
def name_starts() -> frozenset[str]:
    """First words of the names of more than one word ("New" for "New Delhi"), "The" aside."""
    return frozenset(n.split()[0] for n in names() if " " in n) - {"The", "the"}


@cache
def given_names() -> frozenset[str]:
    return frozenset(row[0] for row in _lines("census_names.txt") + _lines("given_names.txt"))


@cache
def word_ranks() -> dict[str, int]:
    """Lower-case English word -> frequency rank (0 = most frequent), for the 30,000 most frequent words."""
    return {row[0]: n for n, row in enumerate(_lines("english_words.txt"))}


def lookup(name: str) -> Known | None:
    """The entry for a name as written (a leading "the" ignored), or None."""
    name = " ".join(name.split())
    if name[:4].lower() == "the ":
        return names().get(name) or names().get(name[4:])
    return names().get(name)
