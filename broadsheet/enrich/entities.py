"""Entities: the people, organisations, countries and places an article names, by gazetteer and rules (no model).

1. Words are tokenised; "Moscow's" and "Delhi-based" end a name, "anti-Taliban" is "Taliban".
2. Runs of capitalised words (with "of", "van", ... inside) are cut where a sentence starts; a sentence's first
   word is dropped when it is a common English word that the article never capitalises elsewhere ("During").
3. Each run is split: a title ("Russian President Vladimir Putin": Russia, then a person), an organisation
   keyword ("Ministry of Foreign Affairs", "Observer Research Foundation"), gazetteer names (longest first), and
   unknown stretches. An acronym in brackets after a name ("(TTP)") becomes an alias of it.
4. An unknown stretch is kept only with a cue: a title, a known given name, a role word before it ("spokesperson
   Bilal Karim"), "X said", an apposition ("X, a deputy director"), an organisation noun after it ("the Haqqani
   network"). Lines in title case only yield gazetteer names and names found elsewhere.
5. Aliases share a key: "Putin" after "Vladimir Putin", "the Taliban" and "Taliban", "CNPC" and its expansion.

Precision over recall: a capitalised word with no cue is not an entity, and a text that is not English
(``is_english``) yields none.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from . import gazetteer as gz
from .gazetteer_words import (CONNECTORS, HONORIFICS, HYPHEN_PREFIXES, HYPHEN_SUFFIXES, NOT_ENTITIES, ORG_KEYWORDS,
                              ORG_NOUNS, PARTICLES, PLACE_WORDS, ROLE_WORDS, SPEECH_VERBS, TITLE_MODIFIERS, TITLES)

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w[\w'’-]*|&")
_ABBREVIATIONS = frozenset("Mr Mrs Ms Dr Prof St Gen Lt Col Sgt Capt Rev Sen Rep Gov Jr Sr Mt Maj Adm".split())
_WORD = re.compile(r"[\w'’-]+|,")
_BREAKS = frozenset(("of", "for", "the", "and", "&"))
_APPOSITION = re.compile(r",\s+(?:(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}(?:%s)\b|\d{1,3},)" % "|".join(ROLE_WORDS))
ENGLISH_SHARE = 0.7
_TITLES_LOWER = frozenset(t.lower() for t in TITLES) - {"father", "lady", "lord", "miss"}


@dataclass
class Entity:
    name: str
    kind: str  # person | organisation | country | place
    key: str  # "kind:name"; the same for every alias of one entity
    mentions: list[tuple[int, int]] = field(default_factory=list)  # character spans in the text
    in_title: bool = False


@dataclass
class _Tok:
    text: str
    start: int
    end: int
    cap: bool
    stop: bool = False  # no name continues past it ("Moscow's", "Delhi-based")
    initial: bool = False  # first word of a sentence or of a quotation
    heading: bool = False  # on a line in title case


def _tokens(text: str) -> list[_Tok]:
    toks = []
    for m in _TOKEN.finditer(text):
        word, start, end, stop = m.group(), m.start(), m.end(), False
        if word.endswith(("'s", "’s")):
            word, end, stop = word[:-2], end - 2, True
        elif word.endswith(("'", "’", "-")):
            word, end, stop = word[:-1], end - 1, True
        parts = word.split("-")
        if len(parts) > 1 and parts[0] in HYPHEN_PREFIXES and parts[1][:1].isupper():
            word, start = word[len(parts[0]) + 1:], start + len(parts[0]) + 1
        if len(parts) > 1 and parts[-1] in HYPHEN_SUFFIXES:
            word, end, stop = word[: -len(parts[-1]) - 1], end - len(parts[-1]) - 1, True
        if word:
            cap = word[:1].isupper() or (len(parts) > 1 and parts[0] in ("al", "el") and parts[1][:1].isupper())
            toks.append(_Tok(word, start, end, cap, stop))
    for i, t in enumerate(toks):
        j, quoted = t.start - 1, False
        while j >= 0 and text[j] in " \t\"'‘“«([—–":
            quoted, j = quoted or text[j] in "\"'‘“«", j - 1
        prev = toks[i - 1] if i else None
        abbreviation = prev is not None and prev.end >= j and (prev.text in _ABBREVIATIONS or len(prev.text) <= 2
                                                              or "." in prev.text)
        t.initial = j < 0 or quoted or text[j] in "!?:;\n…" or (text[j] == "." and not abbreviation)
    line_start = 0
    for line in text.split("\n"):
        words = [t for t in toks if line_start <= t.start < line_start + len(line) and t.text[:1].isalpha()]
        if len(words) >= 3 and sum(t.cap for t in words) >= 0.6 * len(words) and not line.rstrip().endswith("."):
            for t in words:
                t.heading = True
        line_start += len(line) + 1
    return toks


def _runs(toks: list[_Tok], text: str) -> list[list[_Tok]]:
    """Maximal sequences of capitalised words (connectors inside), cut at sentence starts and punctuation."""
    mid_caps = {t.text for t in toks if t.cap and not t.initial and not t.heading}
    runs, cur = [], []
    for t in toks:
        gap = text[cur[-1].end:t.start].strip() if cur else ""
        joined = cur and not cur[-1].stop and not t.initial and (not gap or gap == "." and (
            cur[-1].text in _ABBREVIATIONS or len(cur[-1].text) == 1))
        if t.cap:
            if not joined:
                runs.append(cur)
                cur = []
                if t.initial and t.text.lower() in gz.word_ranks() and t.text not in mid_caps | TITLES \
                        and t.text not in gz.name_starts() and t.text not in gz.given_names() \
                        and t.text not in gz.names():
                    continue  # "During", "Tensions": a common word that only starts a sentence
            cur.append(t)
        elif joined and t.text in CONNECTORS:
            cur.append(t)
        else:
            runs.append(cur)
            cur = []
    runs.append(cur)
    trimmed = []
    for run in runs:
        while run and not run[-1].cap:
            run = run[:-1]
        while run and not run[0].cap:
            run = run[1:]
        if run and not all(t.text in NOT_ENTITIES for t in run):
            trimmed.append(run)
    return trimmed


def _span(text: str, toks: list[_Tok]) -> str:
    return " ".join(text[toks[0].start:toks[-1].end].split())


def _longest_known(text: str, run: list[_Tok], i: int) -> tuple[int, gz.Known | None]:
    for j in range(min(len(run), i + gz.max_name_tokens()), i, -1):
        if run[j - 1].cap and (known := gz.names().get(_span(text, run[i:j]))):
            return j, known
    return i, None


def _name_like(toks: list[_Tok]) -> bool:
    """Up to four capitalised words, none a title or keyword or acronym, the last of 2+ letters ("S Jaishankar")."""
    core = [t for t in toks if t.text not in PARTICLES]
    return 0 < len(core) <= 4 and len(core[-1].text) > (1 if len(core) > 1 else 2) and all(
        t.text[:1].isupper() and t.text not in TITLES | ORG_KEYWORDS and not (t.text.isupper() and len(t.text) > 1)
        and not re.search(r"['’][a-z]", t.text) for t in core)


def _chunks(text: str, run: list[_Tok]) -> list[list[_Tok]]:
    """The run cut at "of", "for", "the", "and", "&", unless a known name spans the cut ("Bank of England") or an
    organisation keyword or a title comes before "of"/"for" ("Ministry of Foreign Affairs", "Secretary of State")."""
    reach, far = [], 0
    for i in range(len(run)):
        far = max(far, _longest_known(text, run, i)[0])
        reach.append(far)
    chunks, cur = [], []
    for i, t in enumerate(run):
        if not t.cap and t.text in _BREAKS and not (i and reach[i - 1] > i):
            last = next((x.text for x in reversed(cur) if x.cap), "")
            if not ((t.text in ("of", "for") and last in ORG_KEYWORDS | TITLES)
                    or (t.text == "the" and cur and cur[-1].text in ("of", "for"))):
                chunks.append(cur)
                cur = []
                continue
        cur.append(t)
    chunks.append(cur)
    trimmed = []
    for c in chunks:
        while c and not c[-1].cap:
            c = c[:-1]
        if c:
            trimmed.append(c)
    return trimmed


def _org_end(run: list[_Tok], i: int) -> int:
    """Where an organisation's name starting at ``i`` ends: after its last keyword ("Tehran Dialogue Forum"), or at
    the end when the keyword is followed by "of"/"for" ("Ministry of Foreign Affairs"); ``i`` if none."""
    for k in range(len(run) - 1, i - 1, -1):
        of = k + 1 < len(run) and run[k + 1].text in ("of", "for")
        if run[k].text in ORG_KEYWORDS and (k > i or of):
            return len(run) if of else k + 1
    return i


def _surname(run: list[_Tok], i: int, j: int) -> bool:
    """Whether the known name at ``j`` is the family name of a given name at ``i`` ("Robert Jordan")."""
    known = gz.names().get(run[j].text)
    return j == i + 1 == len(run) - 1 and run[i].text in gz.given_names() and known is not None \
        and known.kind in ("country", "place") and not known.demonym


def _initials_match(toks: list[_Tok], acronym: str) -> bool:
    parts = [p for t in toks for p in t.text.split("-") if p[:1].isupper()]
    return "".join(p[0] for p in parts) == re.sub(r"[^A-Z]", "", acronym)


class _Finder:
    """One article's spans, cues and aliases, resolved into entities at the end."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[list[_Tok], str | None, str | None]] = []  # tokens, kind (None: unknown), name
        self.cues: dict[str, str] = {}  # surface -> person | organisation
        self.aliases: dict[str, str] = {}  # acronym -> surface of its expansion
        self.org_names: dict[str, str] = {}  # "Haqqani" -> "Haqqani network"
        self.keys: dict[str, str] = {}  # surface -> key, once resolved

    def run(self, run: list[_Tok]) -> None:
        after = self.text[run[-1].end:run[-1].end + 12]
        acronym = re.match(r"\s*\(([A-Z][A-Z0-9&-]{1,9})\)", after)
        if acronym and not run[-1].stop and not run[0].heading:
            for k in range(len(run) - 1, -1, -1):
                if _initials_match(run[k:], acronym.group(1)) or (k == 0 and run[0].text[0] == acronym.group(1)[0]):
                    self.segment(run[:k])
                    surface = _span(self.text, run[k:])
                    self.aliases[acronym.group(1)] = surface
                    known = gz.lookup(surface)
                    self.add(run[k:], known.kind if known else "organisation", known.name if known else None)
                    return
        self.segment(run)

    def add(self, toks: list[_Tok], kind: str | None, name: str | None = None) -> None:
        self.spans.append((toks, kind, name))

    def segment(self, run: list[_Tok]) -> None:
        for chunk in _chunks(self.text, run):
            self.chunk(chunk)

    def chunk(self, run: list[_Tok]) -> None:
        text, i, last = self.text, 0, None  # last: the known name just before
        titles = [k for k, t in enumerate(run) if t.text in TITLES]
        if titles and not run[0].heading:
            k = titles[-1] + 1
            if k < len(run) and not run[k].cap:  # "Secretary of State X", not "CEO of Acme"
                k += 2 if k + 1 < len(run) and run[k + 1].text == "the" else 1
                k = k if k < len(run) and run[k].text in TITLE_MODIFIERS else len(run)
            while k < len(run) - 1 and run[k].text in TITLE_MODIFIERS:
                k += 1
            name = run[k:]
            first = _longest_known(text, name, 0)
            if name and _name_like(name) and not (first[1] and (first[1].kind == "country" or first[0] == len(name))):
                start = titles[-1]
                while start > 0 and run[start - 1].text in TITLES | TITLE_MODIFIERS:
                    start -= 1
                self.chunk(run[:start])
                self.add(name, "person")
                self.cues[_span(text, name)] = "person"
                return
        while i < len(run):
            j, known = _longest_known(text, run, i)
            if not run[i].cap or (not known and (run[i].text in TITLES or run[i].text in ("The", "A", "An"))):
                i += 1
                continue
            end = _org_end(run, i) if not run[i].heading else i
            if end > j:
                self.add(run[i:end], "organisation")
                i = end
            elif known:
                self.add(run[i:j], known.kind, known.name)
                i = j
            else:
                j = i + 1
                while j < len(run) and (not _longest_known(text, run, j)[1] or _surname(run, i, j)):
                    j += 1
                self.unknown(run[i:j], weak=bool(last and not last.demonym))
                i = j
            last = known

    def unknown(self, toks: list[_Tok], weak: bool = False) -> None:
        """An unknown stretch: note what the words around it say about it. ``weak``: it follows a known name in
        the same chunk ("Santa Fe Animal Shelter"), so only a given name makes it a person."""
        text, surface = self.text, _span(self.text, toks)
        self.add(toks, None)
        if toks[0].heading:
            return
        sentence = re.split(r"[.!?\n]", text[max(0, toks[0].start - 60):toks[0].start])[-1]
        before = [w.lower() for w in _WORD.findall(sentence)][-4:]
        after = text[toks[-1].end:toks[-1].end + 80]
        next_word = (re.match(r"\s+([a-z]+)", after) or [None, None])[1]
        near = [w for w in before if w not in ("former", "late", ",", "the")]
        core = [t for t in toks if t.text not in PARTICLES and t.text not in HONORIFICS]
        if (next_word in ORG_NOUNS and before[-1:] == ["the"]) or (before[-1:] == ["of"] and before[-2:-1] and (
                before[-2] in _TITLES_LOWER)):  # "the Haqqani network", "CEO of Hipcricket"
            self.cues.setdefault(surface, "organisation")
            if next_word in ORG_NOUNS:
                self.org_names.setdefault(surface, f"{surface} {next_word}")
        elif _name_like(toks) and (
                (2 <= len(core) <= 4 and core[0].text in gz.given_names() and core[-1].text not in PLACE_WORDS)
                or not weak and (
                    (len(core) >= 2 and near and near[-1] in ROLE_WORDS)
                    or (2 <= len(core) <= 3 and (next_word in SPEECH_VERBS or before[-1:] in (["said"], ["says"])))
                    or (2 <= len(core) <= 3 and re.match(_APPOSITION, after)))):
            self.cues[surface] = "person"

    def resolve(self, body: _Finder | None = None) -> dict[str, Entity]:
        """Entities by key. ``body``: the article's finder, whose cues and aliases a title's finder uses."""
        cues, aliases, org_names = (body or self).cues, (body or self).aliases, (body or self).org_names
        people, family = _people({s for s, kind in cues.items() if kind == "person"})
        orgs = {s for s, kind in cues.items() if kind == "organisation"}
        found: dict[str, Entity] = {}
        keys = self.keys
        keys.update(body.keys if body else {})
        pending = []
        for toks, kind, name in self.spans:
            surface = _span(self.text, toks)
            if kind == "person" or (kind is None and surface in people):
                name = people.get(surface)
                kind = "person" if name else None
            elif kind is None and surface in orgs:
                kind, name = "organisation", org_names.get(surface, surface)
            elif kind == "organisation" and name is None:
                name = re.sub(r"^[Tt]he ", "", surface)
            if kind is None:
                pending.append((toks, surface))
                continue
            keys[surface] = _add(found, kind, name, toks)
        def match(surface: str, heading: bool) -> str | None:
            if surface in aliases and aliases[surface] in keys:  # an acronym defined in brackets
                return keys[aliases[surface]]
            if surface in family:  # the family name of a person named in full
                return f"person:{family[surface]}"
            return (keys.get(surface) or (f"person:{people[surface]}" if surface in people else None)) \
                if heading else None

        for toks, _ in pending:  # in a title-case line, any part may be a name found elsewhere
            i = 0
            while i < len(toks):
                ends = range(len(toks), i, -1) if toks[0].heading else [len(toks)]
                j, key = next(((j, k) for j in ends if (k := match(_span(self.text, toks[i:j]), toks[0].heading))),
                              (i + 1, None))
                if key:
                    _add(found, *key.split(":", 1), toks[i:j])
                i = j
        return found


def _add(found: dict[str, Entity], kind: str, name: str, toks: list[_Tok]) -> str:
    key = f"{kind}:{name}"
    found.setdefault(key, Entity(name, kind, key)).mentions.append((toks[0].start, toks[-1].end))
    return key


def _people(surfaces: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """(surface -> canonical full name, family name -> full name). A surface's canonical name is the longest name
    it is a tail of ("Putin" -> "Vladimir Putin") or shares first and last names with ("George Bush" -> "George
    W Bush"); ambiguous short forms are left out. Family names map only when one person bears them."""
    def core(s):
        return [w for w in s.split() if w not in HONORIFICS]

    full = {" ".join(core(s)) for s in surfaces if len(core(s)) >= 2}
    maximal = [f for f in full if not any(g != f and g.split()[-len(f.split()):] == f.split() for g in full)]

    def matches(c):
        return [f for f in maximal if f.split()[-len(c):] == c or (len(c) >= 2 and f.split()[::len(f.split()) - 1]
                                                                   == [c[0], c[-1]])]
    canon = {}
    for s in surfaces:
        c = core(s)
        found = matches(c) if c else []
        if len(found) == 1:
            canon[s] = found[0]
        elif len(c) >= 2 or (c and not found):
            canon[s] = " ".join(c)
    family = Counter(f.split()[-1] for f in maximal)
    return canon, {f.split()[-1]: f for f in maximal if family[f.split()[-1]] == 1}


def is_english(text: str) -> bool:
    """Whether most of the text's lower-case words are in the English word list (English news: 0.87 to 0.95;
    other languages: below 0.5)."""
    words = re.findall(r"\b[a-z]+\b", text[:5000])
    return bool(words) and sum(w in gz.word_ranks() for w in words) >= ENGLISH_SHARE * len(words)


def find_entities(text: str, title: str | None = None) -> list[Entity]:
    """The entities an article names, most mentioned first; ``mentions`` are spans of ``text``."""
    if not is_english(f"{title or ''}\n{text or ''}"):
        return []
    finder = _Finder(text or "")
    for run in _runs(_tokens(finder.text), finder.text):
        finder.run(run)
    found = finder.resolve()
    if title:
        heading = _Finder(title)
        toks = _tokens(title)
        for t in toks:
            t.heading = True
        for run in _runs(toks, title):
            heading.segment(run)
        for key, entity in heading.resolve(body=finder).items():
            found.setdefault(key, Entity(entity.name, entity.kind, key)).in_title = True
    for entity in found.values():
        entity.mentions.sort()
    return sorted(found.values(), key=lambda e: (-len(e.mentions), e.mentions[0][0] if e.mentions else -1))


def co_mentions(docs_entities) -> Counter:
    """How many documents name each pair of entities: ``{(key_a, key_b): n}`` with key_a < key_b.
    ``docs_entities``: per document, its entities (``Entity`` or keys)."""
    pairs: Counter = Counter()
    for entities in docs_entities:
        keys = sorted({e.key if isinstance(e, Entity) else e for e in entities})
        pairs.update(combinations(keys, 2))
    return pairs


def mentioned_with(docs_entities, key: str, n: int = 10) -> list[tuple[str, int]]:
    """The entities most often named in the same documents as ``key``, with the number of documents."""
    counts: Counter = Counter()
    for (a, b), count in co_mentions(docs_entities).items():
        if key in (a, b):
            counts[b if a == key else a] += count
    return counts.most_common(n)
