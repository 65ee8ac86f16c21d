"""Topics: one category per article from a transparent weighted lexicon, and a few keyword phrases.

``categorise``: every cue word (or two-word cue) of a category adds its weight, times ``1 + ln(count)`` so that one
repeated word cannot decide alone; words of the title count three times; each country named beyond the first adds
to World (up to a cap). The best category wins if it scores at least ``MIN_SCORE``, else "General".

``keywords``: candidate phrases are runs of one to three words between stop words and punctuation; a phrase scores
its frequency (title occurrences count three times) times the mean rarity of its words, rarity being the log of the
word's rank in the English frequency list (``gazetteer.word_ranks``; words not in it are the rarest). Phrases inside
a better one are dropped.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from . import gazetteer as gz
from .entities import is_english

CATEGORIES = ("World", "Politics", "Business", "Technology", "Science", "Health", "Sports", "Entertainment")
MIN_SCORE = 4.0
TITLE_WEIGHT = 3
_CUES = {  # weight: words (singular; plurals match too)
    "World": {3: "embassy diplomat diplomatic ambassador sanction ceasefire invasion insurgent militant refugee "
                 "taliban nato kremlin treaty annexation airstrike",
              2: "foreign_minister united_nations war troop military border foreign recognition conflict "
                 "humanitarian occupation allies international regime rebel army missile"},
    "Politics": {3: "election parliament senate congress lawmaker impeachment legislation democrat republican "
                    "ballot voter referendum governor senator parliamentary coalition_government",
                 2: "vote campaign party president prime_minister minister policy bill opposition candidate "
                    "cabinet political politics administration white_house"},
    "Business": {3: "stock investor earning revenue profit inflation shareholder merger acquisition tariff "
                    "nasdaq dow economy gdp retailer interest_rate wall_street central_bank",
                 2: "market share company sale price bank trade ceo billion business industry firm quarter "
                    "growth investment economic financial consumer unemployment brand"},
    "Technology": {3: "software smartphone iphone android app ai artificial_intelligence semiconductor chip "
                      "startup cybersecurity hacker laptop gadget algorithm browser console processor",
                   2: "tech technology google apple microsoft amazon device internet online computer data cloud "
                      "digital platform user streaming gaming robot"},
    "Science": {3: "scientist researcher astronomer telescope nasa spacecraft astronaut planet galaxy species "
                   "fossil physics chemistry biology molecule genome orbit asteroid",
                2: "study research space moon mars experiment laboratory discovery journal cell evolution "
                   "climate earth university"},
    "Health": {3: "patient hospital disease vaccine virus cancer symptom infection outbreak diagnosis pandemic "
                  "covid medication therapy clinic nutrition obesity plague",
               2: "health doctor medical medicine treatment drug nurse surgery diet calorie blood heart "
                  "mental_health eating illness"},
    "Sports": {3: "match tournament championship league coach quarterback touchdown goalkeeper striker "
                  "midfielder keeper playoff innings wicket olympic medal nfl nba fifa uefa tennis golf "
                  "premier_league transfer_window",
               2: "game season team player goal score win cup stadium race defeat victory final club fan "
                  "sport football soccer basketball baseball hockey"},
    "Entertainment": {3: "film movie actor actress album singer band concert hollywood celebrity netflix "
                         "oscar grammy emmy episode box_office rapper",
                      2: "music song star show tour festival series television tv fan stage perform dancing "
                         "reality premiere"},
}
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves said says say told tell according also may
might must shall new one two three four five first last many much well even still however yet another every
including since year years week weeks month months day days time times people way like get got make made take
took go went come came know see seen want use used back around per us mr ms mrs dr percent cent s t re ve ll d
year-old
""".split())
_WORD = re.compile(r"\b[^\W\d_][\w'’-]*")
_PHRASE_BREAK = re.compile(r"[.,;:!?()\[\]\"“”‘—–|/]|(?<!\w)['’]|['’](?!\w)|\s-\s|\n")
COUNTRY_BONUS, MAX_COUNTRY_BONUS = 1.0, 5.0  # World, per country named beyond the first


def _stem(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_WEIGHTS: dict[str, dict[str, float]] = defaultdict(dict)
for _category, _levels in _CUES.items():
    for _weight, _words in _levels.items():
        for _cue in _words.split():
            _WEIGHTS[" ".join(_stem(w) for w in _cue.split("_"))][_category] = float(_weight)


def category_scores(title: str | None, text: str) -> dict[str, float]:
    """Each category's score (the evidence ``categorise`` weighs)."""
    counts: Counter[str] = Counter()
    for part, weight in ((title or "", TITLE_WEIGHT), (" ".join((text or "").split()[:1500]), 1)):
        stems = [_stem(w) for w in _WORD.findall(part)]
        for gram in stems + [f"{a} {b}" for a, b in zip(stems, stems[1:])]:
            if gram in _WEIGHTS:
                counts[gram] += weight
    scores = dict.fromkeys(CATEGORIES, 0.0)
    for gram, n in counts.items():
        for category, weight in _WEIGHTS[gram].items():
            scores[category] += weight * (1 + math.log(n))
    countries = {k.name for w in set(_WORD.findall(text or "")) if (k := gz.names().get(w)) and k.kind == "country"}
    scores["World"] += min(MAX_COUNTRY_BONUS, COUNTRY_BONUS * max(0, len(countries) - 1))
    return scores


def categorise(title: str | None, text: str) -> str:
    """World, Politics, Business, Technology, Science, Health, Sports, Entertainment, or General (also for a
    text that is not English: the lexicon is English)."""
    if not is_english(f"{title or ''}\n{text or ''}"):
        return "General"
    scores = category_scores(title, text)
    best = max(scores, key=scores.get)
    return best if scores[best] >= MIN_SCORE else "General"


def _rarity(word: str) -> float:
    rank = gz.word_ranks().get(word.lower().replace("’", "'"), len(gz.word_ranks()))
    return math.log((rank + 100) / 100)


def keywords(text: str, title: str | None = None, k: int = 5) -> list[str]:
    """The ``k`` key phrases of a text, best first, as most often written; none for a text that is not English."""
    if not is_english(f"{title or ''}\n{text or ''}"):
        return []
    freq: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for part, weight in ((text or "", 1), (title or "", TITLE_WEIGHT)):
        for piece in _PHRASE_BREAK.split(part):
            words = [re.sub(r"['’]s$", "", w) for w in _WORD.findall(piece)]
            run: list[str] = []
            for w in words + [""]:
                if len(w) > 1 and w.lower() not in STOP_WORDS and not re.search(r"['’]", w):  # not "we'd"
                    run.append(w)
                    continue
                for n in (1, 2, 3):
                    for i in range(len(run) - n + 1):
                        phrase = run[i:i + n]
                        key = " ".join(_stem(x) for x in phrase)
                        freq[key] += weight
                        forms[key][" ".join(phrase)] += 1
                run = []
    scored = []
    min_count = 2 if len((text or "").split()) > 150 else 1  # in a longer text a key phrase comes back
    for key, n in freq.items():
        words = key.split()
        if n < min_count or (len(words) > 1 and n < 2):
            continue
        rarity = sum(_rarity(w) for w in words) / len(words)
        scored.append((n * rarity * (1 + 0.5 * (len(words) - 1)), key))
    chosen: list[str] = []
    for _, key in sorted(scored, reverse=True):
        if any(f" {key} " in f" {c} " or f" {c} " in f" {key} " for c in chosen):
            continue
        chosen.append(key)
        if len(chosen) == k:
            break
    return [forms[key].most_common(1)[0][0] for key in chosen]
