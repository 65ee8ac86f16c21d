"""Pydantic models of what the API sends and accepts: they make the OpenAPI document complete."""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field


def _as_utc(dt: datetime) -> datetime:  # the store keeps naive UTC; the API says so explicitly
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt


def _author_list(v: Any) -> Any:
    return [a.strip() for a in v.split(",") if a.strip()] if isinstance(v, str) else (v or [])


UtcDateTime = Annotated[datetime, AfterValidator(_as_utc)]
Authors = Annotated[list[str], BeforeValidator(_author_list)]


class ErrorDetail(BaseModel):
    code: str = Field(examples=["source_not_found"])
    message: str = Field(examples=["No source with id 7"])
    status: int = Field(examples=[404])
    detail: Any = Field(None, description="More about the error, e.g. the invalid fields")


class ErrorResponse(BaseModel):
    error: ErrorDetail


class Source(BaseModel):
    id: int
    url: str
    kind: str = Field(description="feed, sitemap or page")
    title: str | None
    site_url: str | None
    folder: str | None
    paused: bool
    created_at: UtcDateTime
    last_fetched_at: UtcDateTime | None
    last_success_at: UtcDateTime | None
    next_fetch_at: UtcDateTime | None
    last_error: str | None
    last_error_code: str | None
    error_count: int
    article_count: int


class SourceList(BaseModel):
    items: list[Source]


class SourceCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url: str = Field(min_length=1, max_length=2048, description="A feed, a sitemap, a site or an article page")
    folder: str | None = Field(None, max_length=200)


class SourceChanges(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str | None = Field(None, max_length=500)
    folder: str | None = Field(None, max_length=200)
    paused: bool | None = None


class RefreshOutcome(BaseModel):
    source_id: int
    queued: bool = Field(description="True when a background job will refresh the source (202)")
    inserted: int | None = None
    updated: int | None = None
    not_modified: bool | None = None
    error: str | None = None
    item_errors: list[str] = []


class ArticleSummary(BaseModel):
    id: int
    source_id: int
    source_title: str | None
    url: str
    canonical_url: str
    title: str
    authors: Authors
    published_at: UtcDateTime
    summary: str | None
    image_url: str | None
    site_name: str | None
    word_count: int
    duplicate_of: int | None


def _ai_fields(v: Any) -> Any:  # articles.ai_json as stored by the enrich stage
    from ...web.ai_filters import ai_fields
    return (ai_fields(v) if v else None) if isinstance(v, str) or v is None else v


class QuotedSentence(BaseModel):
    index: int = Field(description="The sentence's number in the article")
    text: str = Field(description="Quoted exactly: content_text[start:end]")
    start: int
    end: int


class ArticleAI(BaseModel):
    summary: list[QuotedSentence]
    key_points: list[QuotedSentence]


class Article(ArticleSummary):
    fetched_at: UtcDateTime
    language: str | None
    content_html: str | None = Field(description="Sanitised body HTML")
    content_text: str | None
    extraction_error: str | None = Field(description="Why the full text could not be read, if it could not")
    story_id: int | None = Field(None, description="Its story, when enriched (GET /api/v1/stories/{story_id})")
    category: str | None = Field(None, description="World, Politics, Business, ..., when enriched")
    keywords: Authors = Field([], description="Keyword topics, when enriched (GET /api/v1/topics/{slug})")
    ai: Annotated[ArticleAI | None, BeforeValidator(_ai_fields)] = Field(
        None, validation_alias="ai_json", description="Summary and key points quoted from the text, when enriched")


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    next_offset: int | None = Field(description="Pass as offset for the next page; null on the last page")


class SearchHit(ArticleSummary):
    snippet: str = Field(description="HTML: escaped text with matches in <mark>")
    rank: float = Field(description="Lower is better")


class SearchResults(BaseModel):
    query: str
    total: int = Field(description="Matches counted; counting stops at 1,000 (or just past the page asked for)")
    total_exact: bool = Field(description="False when `total` is a lower bound because counting stopped")
    items: list[SearchHit]
    next_offset: int | None


class Embedder(BaseModel):
    name: str = Field(description="minilm or tfidf")
    label: str = Field(examples=["MiniLM (all-MiniLM-L6-v2)", "TF-IDF fallback"])
    reason: str | None = Field(None, description="Why the TF-IDF fallback is in use, when it is")


class ScoredArticle(ArticleSummary):
    score: float = Field(description="Cosine similarity of the embeddings (related: times a recency factor)")


class SemanticHit(ScoredArticle):
    snippet: str = Field(description="HTML: the escaped start of the article's summary")
    rank: float = Field(description="Lower is better (minus the score)")


class SemanticResults(BaseModel):
    query: str
    mode: Literal["semantic"]
    embedder: Embedder
    items: list[SemanticHit]
    next_offset: int | None


class RelatedArticles(BaseModel):
    article_id: int
    embedder: Embedder
    items: list[ScoredArticle]


class CommentCreate(BaseModel):  # accounts-web: comments
    model_config = ConfigDict(extra="forbid")
    body: str = Field(min_length=1, max_length=100_000, description="Plain text; BROADSHEET_COMMENT_MAX_CHARS applies")
    parent_id: int | None = Field(None, description="The comment this replies to, in the same thread")


class CommentOut(BaseModel):
    id: int
    parent_id: int | None
    depth: int = Field(description="0 for a comment, 1 for a reply to it, …")
    author: str | None = Field(description="null when the comment was removed")
    body: str = Field(description="The text as written (plain text)")
    html: str = Field(description="The text as shown: escaped, with the small formatting subset")
    removed: bool = Field(description="Deleted or hidden: kept as a placeholder because replies hang from it")
    hidden: bool
    created_at: UtcDateTime
    edited_at: UtcDateTime | None


class CommentList(BaseModel):
    kind: Literal["article", "story"]
    target_id: int
    count: int = Field(description="Comments shown (neither deleted nor hidden)")
    items: list[CommentOut]
