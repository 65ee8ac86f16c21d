"""What enrichment learns from one article on its own: entities, timeline, category, keywords, summary, key points.

Pure functions of the stored row (no store, no model): ``analyse(row)`` gives an ``Analysis`` that the stage
writes. Offsets in the summary, key points and timeline are into ``row["content_text"]``:
``content_text[start:end] == text`` for every sentence.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from .entities import Entity, find_entities
from .sentences import Sentence
from .summarize import key_points, summarize
from .timeline import TimelineEvent, find_events
from .topics import categorise, keywords

SUMMARY_SENTENCES = 3


@dataclass
class Analysis:
    entities: list[Entity] = field(default_factory=list)
    events: list[TimelineEvent] = field(default_factory=list)
    category: str | None = None
    keywords: list[str] = field(default_factory=list)
    ai: dict = field(default_factory=lambda: {"summary": [], "key_points": []})

    @property
    def ai_json(self) -> str:
        return json.dumps(self.ai, ensure_ascii=False, separators=(",", ":"))

    @property
    def entity_keys(self) -> frozenset[str]:
        return frozenset(e.key for e in self.entities)


def _cited(sentences: list[Sentence]) -> list[dict]:
    return [{"index": s.index, "text": s.text, "start": s.start, "end": s.end} for s in sentences]


def ai_fields(text: str, title: str | None) -> dict:
    """{"summary": 3 sentences, "key_points": 3-5 sentences}, each {"index", "text", "start", "end"} of ``text``."""
    if not text.strip():
        return {"summary": [], "key_points": []}
    summary = summarize(text, SUMMARY_SENTENCES, title=title)
    points = key_points(text, title=title, avoid=[s.index for s in summary])
    return {"summary": _cited(summary), "key_points": _cited(points)}


def analyse(row: dict) -> Analysis:
    """Everything enrichment derives from the article alone. ``row``: title, content_text, summary, published_at."""
    title, text = row.get("title") or "", row.get("content_text") or ""
    readable = text or row.get("summary") or ""  # entities and topics may use the feed's summary; offsets may not
    return Analysis(entities=find_entities(readable, title), events=find_events(text, row.get("published_at")),
                    category=categorise(title, readable), keywords=keywords(readable, title),
                    ai=ai_fields(text, title))
