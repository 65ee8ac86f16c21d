"""The store: ``Store(url)`` opens (and migrates) the database named by ``BROADSHEET_DATABASE_URL``."""
from __future__ import annotations

from .api_keys_repo import ApiKeyRepo
from .article_states_repo import ArticleStateRepo
from .articles_repo import ArticleRepo
from .comments_repo import CommentRepo
from .database import Database
from .invites_repo import InviteRepo
from .follows_repo import FollowRepo
from .rate_limits_repo import RateLimitRepo
from .sessions_repo import SessionRepo
from .sources_repo import SourceRepo
from .subscriptions_repo import SubscriptionRepo
from .stories_repo import StoryRepo
from .entities_repo import EntityRepo
from .topics_repo import TopicRepo
from .sync_entries_repo import SyncEntryRepo
from .users_repo import UserRepo


class Store:
    def __init__(self, url: str):
        self.db = Database(url)
        self.sources = SourceRepo(self.db)
        self.articles = ArticleRepo(self.db)
        self.users = UserRepo(self.db)
        self.sessions = SessionRepo(self.db)
        self.api_keys = ApiKeyRepo(self.db)
        self.rate_limits = RateLimitRepo(self.db)
        self.subscriptions = SubscriptionRepo(self.db)
        self.states = ArticleStateRepo(self.db)
        self.stories = StoryRepo(self.db)
        self.entities = EntityRepo(self.db)
        self.topics = TopicRepo(self.db)
        self.comments = CommentRepo(self.db)
        self.invites = InviteRepo(self.db)
        self.sync_entries = SyncEntryRepo(self.db)
        self.follows = FollowRepo(self.db)

    @property
    def dialect(self) -> str:
        return self.db.dialect

    def close(self) -> None:
        self.db.dispose()


__all__ = ["Store"]
