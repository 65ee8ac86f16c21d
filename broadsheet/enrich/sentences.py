"""Split article text into sentences that keep their character offsets, so the UI can link and highlight them.

Text is the project's plain article text: paragraphs separated by newlines. Each line is a paragraph. Within a
paragraph, a sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus any closing quotes or brackets) followed by
white space and a capital letter or digit (optionally behind an opening quote), except after:

- titles and other abbreviations that never end a sentence (``Mr.``, ``Dr.``, ``Gen.``, ``St.``, ``No. 5``);
- initials (``John F. Kennedy``, ``V. Stiviano``);
- dotted acronyms and company suffixes (``U.S.``, ``p.m.``, ``Inc.``) unless the next word is one that usually
  starts a sentence (``... in the U.S. The company said``).

Decimals (``3.5``) and web addresses never match because the full stop is not followed by white space.

A line that has no terminal punctuation (a title, sub-heading, byline, dateline or embedded post), a short
question on a line of its own (``What did Russia say?``) and a line ending with a colon are one unit each and
marked ``heading``: they give structure, so summaries never use them and answers use them only as context.
``is_filler`` spots page furniture that survives extraction ("Scroll down for video", "Read more").

``Citation`` is a sentence (or paragraph) of one document, as summaries of stories and answers return it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Citation", "Sentence", "is_filler", "split_sentences"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or heading) of a text, with its character offsets into that text."""

    index: int  # position among all units of the text, headings included
    text: str  # exactly ``source[start:end]``
    start: int
    end: int
    paragraph: int  # index of the line (paragraph) the sentence stands in
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a chosen text stands: ``split_sentences(text_of(doc_id))[index]`` starts it; ``start:end`` in that text."""

    doc_id: object  # whatever id the caller passed with the text (an article id)
    index: int  # the Sentence.index of the (first) sentence
    text: str  # exactly ``text_of(doc_id)[start:end]``
    start: int
    end: int
    score: float = 0.0

    @classmethod
    def of(cls, doc_id, sentence: Sentence, score: float = 0.0) -> "Citation":
        return cls(doc_id, sentence.index, sentence.text, sentence.start, sentence.end, round(float(score), 4))


# A candidate end: terminal punctuation, closing quotes/brackets (PTB text puts a space before them), then space.
_END = re.compile(r"[.!?…]+(?:\s?(?:''|[\"'”’)\]]))*(?=\s)")
# What must follow for the end to count: optional opening quote, then a capital letter or a digit.
_NEXT = re.compile(r"\s+(?:``|[\"'“‘(\[])?\s?(?P<word>[A-Z0-9][\w'’-]*)")
_WORD_BEFORE = re.compile(r"([\w.'’-]*)$")
_LINE = re.compile(r"[^\n]+")

_NEVER_END = frozenset("""mr mrs ms messrs dr prof sen rep gov gen col lt sgt capt cmdr adm maj cpl pvt rev fr sr jr
    st mt ft hon pres supt insp det atty ave blvd rd vs cf al approx dept est fig vol eds""".split())
_ENDS_IF_NO_NUMBER = frozenset("no nos art p pp".split())  # "No. 5", "p. 12"
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_STARTERS = frozenset("""a an the this that these those he she it its they we i you his her their our there here
    but and so yet or if when while after before as in on at for from by with meanwhile however some many
    most one two three several police officials authorities critics""".split())
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’)]"
_MAX_HEADING_QUESTION_WORDS = 12
_FILLER = re.compile(r"""(?ix) ^\W*(?:scroll\s+down|click\s+here|read\s+more|see\s+also|related:|sign\s+up|subscribe
    |follow\s+us|share\s+this|advertisement|download\s+the\s+app|all\s+rights\s+reserved|copyright|©)
    | pic\.twitter\.com/""")


def _is_end(para: str, end_match: re.Match) -> bool:
    nxt = _NEXT.match(para, end_match.end())
    if nxt is None:
        return False
    if not end_match.group().startswith("."):
        return True  # "!", "?", "…" followed by a capitalised word
    word = _WORD_BEFORE.search(para, max(0, end_match.start() - 40), end_match.start()).group(1)
    key = word.lower().rstrip(".")
    following = nxt.group("word")
    if not word:  # PTB-style " ." or a full stop after a quote/bracket
        return True
    if key in _NEVER_END:
        return False
    if key in _ENDS_IF_NO_NUMBER or key in _MONTHS:
        return not following[0].isdigit()
    if re.fullmatch(r"[A-Za-z]", word):  # an initial
        return False
    if "." in word or key in {"inc", "corp", "co", "ltd", "plc", "llc", "bros"}:  # U.S., p.m., Inc.
        return following.lower() in _STARTERS
    return True


def is_filler(text: str) -> bool:
    """Page furniture rather than reporting: never a summary sentence, key point or answer."""
    return bool(_FILLER.search(text))


def _is_heading(unit: str, units_in_line: int) -> bool:
    if units_in_line != 1:
        return False
    tail = unit.rstrip(_CLOSERS + " ")
    if not tail or tail[-1] not in _TERMINAL:  # also a line ending with ":"
        return True
    return tail.endswith("?") and len(unit.split()) <= _MAX_HEADING_QUESTION_WORDS


def _split_line(line: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence within one line, relative to the line, trimmed of white space."""
    spans, start = [], 0
    for m in _END.finditer(line):
        if _is_end(line, m):
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, len(line)))
    trimmed = []
    for a, b in spans:
        text = line[a:b]
        if text.strip():
            a += len(text) - len(text.lstrip())
            b -= len(text) - len(text.rstrip())
            trimmed.append((a, b))
    return trimmed


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order; ``text[s.start:s.end] == s.text`` for each."""
    out: list[Sentence] = []
    paragraph = 0
    for line in _LINE.finditer(text or ""):
        spans = _split_line(line.group())
        if not spans:
            continue
        for a, b in spans:
            unit = line.group()[a:b]
            start = line.start() + a
            out.append(Sentence(len(out), unit, start, start + len(unit), paragraph, _is_heading(unit, len(spans))))
        paragraph += 1
    return out
