"""Hot list endpoints answer with JSON serialised directly (orjson) in exactly the shape of their response model
(``schemas.ArticleSummary``; tests/api/test_fast_json.py holds the two to the same output), skipping the model's
validation of rows the store has just typed."""
from __future__ import annotations

import orjson
from fastapi.responses import Response

from .schemas import _author_list

_OPTIONS = orjson.OPT_NAIVE_UTC | orjson.OPT_UTC_Z  # the store's naive UTC times, written like pydantic: ...Z


def summary(row: dict) -> dict:
    """An article row as ``ArticleSummary`` (same fields, same order, authors as a list)."""
    return {"id": row["id"], "source_id": row["source_id"], "source_title": row["source_title"], "url": row["url"],
            "canonical_url": row["canonical_url"], "title": row["title"], "authors": _author_list(row["authors"]),
            "published_at": row["published_at"], "summary": row["summary"], "image_url": row["image_url"],
            "site_name": row["site_name"], "word_count": row["word_count"], "duplicate_of": row["duplicate_of"]}


def json_response(content, status_code: int = 200) -> Response:
    return Response(orjson.dumps(content, option=_OPTIONS), status_code=status_code, media_type="application/json")
