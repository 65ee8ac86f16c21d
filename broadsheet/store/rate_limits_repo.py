"""Rate limits kept in the store, so every web worker process counts the same hits (sign-in, sign-up, comments)."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from ..errors import BroadsheetError
from .clock import utcnow
from .database import Database
from .schema_readers import rate_limit_hits


class RateLimited(BroadsheetError):
    code, status = "rate_limited", 429


class RateLimitRepo:
    def __init__(self, db: Database):
        self.db = db

    def hit(self, bucket: str, limit: int, window: timedelta, what: str = "requests") -> None:
        """Count one hit on ``bucket``; raise RateLimited (nothing recorded) when ``limit`` hits already fell within
        ``window``. Old hits of the bucket are pruned on the way."""
        now = utcnow()
        since = now - window
        with self.db.write() as conn:
            conn.execute(rate_limit_hits.delete().where(rate_limit_hits.c.bucket == bucket,
                                                        rate_limit_hits.c.at < since))
            used = conn.execute(select(func.count()).select_from(rate_limit_hits)
                                .where(rate_limit_hits.c.bucket == bucket)).scalar_one()
            if used >= limit:
                minutes = max(1, round(window.total_seconds() / 60))
                raise RateLimited(f"Too many {what}: at most {limit} in {minutes} minute{'s' * (minutes != 1)}. "
                                  "Please wait and try again.", detail={"retry_after": int(window.total_seconds())})
            conn.execute(rate_limit_hits.insert().values(bucket=bucket, at=now))

    def clear(self, bucket: str) -> None:
        with self.db.write() as conn:
            conn.execute(rate_limit_hits.delete().where(rate_limit_hits.c.bucket == bucket))
