"""The store: ``Store(url)`` opens (and migrates) the database named by ``BROADSHEET_DATABASE_URL``."""
from __future__ import annotations

from .articles_repo import ArticleRepo
from .database import Database
from .sources_repo import SourceRepo


class Store:
    def __init__(self, url: str):
        self.db = Database(url)
        self.sources = SourceRepo(self.db)
        self.articles = ArticleRepo(self.db)

    @property
    def dialect(self) -> str:
        return self.db.dialect

    def close(self) -> None:
        self.db.dispose()


__all__ = ["Store"]
