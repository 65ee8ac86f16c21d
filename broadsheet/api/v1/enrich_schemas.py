"""Pydantic models of the enrich stage's resources in the API: stories, entities, topics and answers."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from .schemas import ArticleSummary, UtcDateTime


class Story(BaseModel):
    id: int
    title: str = Field(description="The headline of its first article")
    lead_article_id: int | None = Field(description="The article that reported it first")
    first_published_at: UtcDateTime
    last_published_at: UtcDateTime = Field(description="When its newest article was published")
    article_count: int = Field(description="Distinct articles (republished copies counted once)")
    source_count: int = Field(description="Outlets that published it (republications included)")
    category: str | None


class StorySummary(Story):
    lead_summary: str | None = Field(description="Preview of the first article")
    lead_image_url: str | None
    lead_source_id: int | None
    lead_source_title: str | None


class StoryPage(BaseModel):
    items: list[StorySummary]
    next_offset: int | None


class CitedSentence(BaseModel):
    article_id: int
    source_title: str | None
    text: str = Field(description="Quoted exactly: the article's content_text[start:end]")
    start: int
    end: int


class TimelineEvent(BaseModel):
    article_id: int
    date: dt.date = Field(description="The event's date, as precise as `precision` says")
    precision: Literal["decade", "year", "month", "day"]
    sentence: str = Field(description="The sentence it comes from: the article's content_text[start:end]")
    start: int
    end: int
    source_title: str | None = None


class Outlet(BaseModel):
    source_id: int
    title: str | None
    first_article_id: int
    first_published_at: UtcDateTime
    articles: int


class EntityRef(BaseModel):
    id: int
    name: str
    kind: Literal["person", "organisation", "country", "place"]
    articles: int | None = Field(None, description="Articles naming it (in this list's context)")


class StoryDetail(Story):
    articles: list[ArticleSummary] = Field(description="First published first, republished copies included")
    outlets: list[Outlet] = Field(description="In the order they first published")
    summary: list[CitedSentence]
    key_points: list[CitedSentence]
    timeline: list[TimelineEvent]
    entities: list[EntityRef]
    related: list[StorySummary] = Field(description="Stories naming the same entities")


class EntityPage(BaseModel):
    items: list[EntityRef]
    next_offset: int | None


class EntityDetail(BaseModel):
    id: int
    name: str
    kind: Literal["person", "organisation", "country", "place"]
    articles: list[ArticleSummary] = Field(description="Newest first, copies left out")
    next_offset: int | None = Field(description="Offset of the next page of articles")
    stories: list[StorySummary]
    timeline: list[TimelineEvent]
    co_mentioned: list[EntityRef] = Field(description="Entities most often named in the same articles")


class TopicRef(BaseModel):
    slug: str
    name: str
    articles: int


class TopicIndex(BaseModel):
    categories: list[TopicRef]
    keywords: list[TopicRef] = Field(description="Keyword topics of the latest articles, most frequent first")


class TopicDetail(BaseModel):
    slug: str
    name: str
    kind: Literal["category", "keyword"]
    stories: list[StorySummary]
    articles: list[ArticleSummary]
    next_offset: int | None


class AskScope(BaseModel):
    kind: Literal["article", "story", "all"]
    id: int | None
    title: str | None


class AnswerCitation(BaseModel):
    article_id: int
    title: str
    url: str
    source_id: int
    source_title: str | None
    published_at: UtcDateTime
    text: str = Field(description="Quoted exactly: the article's content_text[start:end]")
    start: int
    end: int
    score: float


class AskAnswer(BaseModel):
    question: str
    scope: AskScope
    found: bool = Field(description="False when nothing in the articles answers (no citations then)")
    answer: str | None = Field(description="A language model's answer from the citations (BROADSHEET_LLM_URL); "
                                           "null for the extractive answer, which is the citations")
    llm_error: str | None = Field(description="Why the language model gave no answer, when it failed")
    citations: list[AnswerCitation]
