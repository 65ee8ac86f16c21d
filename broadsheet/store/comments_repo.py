"""Comments on articles and stories: threads, edits, deletes, moderation and flags.

A comment belongs to one thread: an article (``kind="article"``) or a story (``kind="story"``). Replies name a
parent in the same thread. Deleting keeps a row (its replies still hang from it) but forgets the text. The
thread's ``comment_count`` (articles / stories) counts comments that are neither deleted nor hidden and is kept in
the same transaction as each change. ``thread()`` is the one query behind a page's whole comment section.
"""
from __future__ import annotations

from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import IntegrityError

from ..errors import BroadsheetError, InvalidInput, NotFound
from .clock import utcnow
from .database import Database, Prepared
from .schema import articles, stories
from .schema_readers import comment_flags, comments, users

KINDS = {"article": (comments.c.article_id, articles), "story": (comments.c.story_id, stories)}
_COLUMNS = [comments.c.id, comments.c.user_id, comments.c.article_id, comments.c.story_id, comments.c.parent_id,
            comments.c.body, comments.c.created_at, comments.c.edited_at, comments.c.deleted_at, comments.c.hidden,
            comments.c.flag_count, users.c.username]
THREAD = {kind: Prepared(select(*_COLUMNS).join(users, users.c.id == comments.c.user_id)
                         .where(column == bindparam("id")).order_by(comments.c.id))
          for kind, (column, _table) in KINDS.items()}
GET = Prepared(select(*_COLUMNS).join(users, users.c.id == comments.c.user_id).where(comments.c.id == bindparam("id")))


class NotYourComment(BroadsheetError):
    code, status = "not_your_comment", 403


def _kind(kind: str):
    try:
        return KINDS[kind]
    except KeyError:
        raise InvalidInput(f"Comments belong to an article or a story, not {kind!r}", code="invalid_thread") from None


def thread_of(row: dict) -> tuple[str, int]:
    return ("article", row["article_id"]) if row["article_id"] is not None else ("story", row["story_id"])


def _counted(row: dict) -> bool:
    return row["deleted_at"] is None and not row["hidden"]


class CommentRepo:
    def __init__(self, db: Database):
        self.db = db

    def thread(self, kind: str, target_id: int) -> list[dict]:
        """Every comment of the thread (deleted and hidden ones too), oldest first, with the author's name."""
        _kind(kind)
        return self.db.rows(THREAD[kind], id=target_id)

    def target_exists(self, kind: str, target_id: int) -> bool:
        table = _kind(kind)[1]
        with self.db.read() as conn:
            return conn.execute(select(table.c.id).where(table.c.id == target_id)).first() is not None

    def get(self, comment_id: int) -> dict:
        row = self.db.first(GET, id=comment_id)
        if row is None:
            raise NotFound(f"No comment with id {comment_id}", code="comment_not_found")
        return row

    def _bump(self, conn, row: dict, by: int) -> None:
        kind, target_id = thread_of(row)
        table = KINDS[kind][1]
        conn.execute(table.update().where(table.c.id == target_id)
                     .values(comment_count=table.c.comment_count + by))

    def create(self, user_id: int, kind: str, target_id: int, body: str, parent_id: int | None = None) -> dict:
        column, table = _kind(kind)
        now = utcnow()
        # Checked before the write transaction, which then starts with its first write: SQLite takes the write lock
        # at once (waiting its busy timeout) instead of failing to upgrade a read lock when another process writes.
        with self.db.read() as conn:
            if conn.execute(select(table.c.id).where(table.c.id == target_id)).first() is None:
                raise NotFound(f"No {kind} with id {target_id}", code=f"{kind}_not_found")
            if parent_id is not None:
                parent = conn.execute(select(column, comments.c.deleted_at).where(comments.c.id == parent_id)).first()
                if parent is None or parent[0] != target_id:
                    raise InvalidInput("The comment you replied to is not in this thread.", code="invalid_parent")
                if parent[1] is not None:
                    raise InvalidInput("The comment you replied to was deleted.", code="invalid_parent")
        values = {"user_id": user_id, column.key: target_id, "parent_id": parent_id, "body": body,
                  "created_at": now, "hidden": False, "flag_count": 0}
        with self.db.write() as conn:
            new_id = conn.execute(comments.insert().values(**values)).inserted_primary_key[0]
            conn.execute(table.update().where(table.c.id == target_id)
                         .values(comment_count=table.c.comment_count + 1))
        return self.get(new_id)

    def _live(self, comment_id: int) -> dict:
        row = self.get(comment_id)
        if row["deleted_at"] is not None:
            raise NotFound(f"No comment with id {comment_id}", code="comment_not_found")
        return row

    def edit(self, comment_id: int, user_id: int, body: str) -> dict:
        """Only the author may edit."""
        row = self._live(comment_id)
        if row["user_id"] != user_id:
            raise NotYourComment("You can only edit your own comments.")
        with self.db.write() as conn:
            conn.execute(comments.update().where(comments.c.id == comment_id).values(body=body, edited_at=utcnow()))
        return self.get(comment_id)

    def delete(self, comment_id: int, user_id: int, moderator: bool = False) -> dict:
        """The author, or a moderator, deletes: the text is forgotten, replies stay."""
        row = self._live(comment_id)
        if row["user_id"] != user_id and not moderator:
            raise NotYourComment("You can only delete your own comments.")
        with self.db.write() as conn:
            conn.execute(comments.update().where(comments.c.id == comment_id)
                         .values(body="", deleted_at=utcnow()))
            if _counted(row):
                self._bump(conn, row, -1)
        return self.get(comment_id)

    def set_hidden(self, comment_id: int, moderator_id: int, hidden: bool) -> dict:
        row = self._live(comment_id)
        if row["hidden"] == hidden:
            return row
        with self.db.write() as conn:
            conn.execute(comments.update().where(comments.c.id == comment_id)
                         .values(hidden=hidden, hidden_by=moderator_id if hidden else None))
            self._bump(conn, row, -1 if hidden else 1)
        return self.get(comment_id)

    def flag(self, comment_id: int, user_id: int, reason: str | None = None) -> bool:
        """A reader flags a comment for the moderators; False when this reader had already flagged it."""
        self._live(comment_id)
        try:
            with self.db.write() as conn:
                conn.execute(comment_flags.insert().values(comment_id=comment_id, user_id=user_id,
                                                           reason=reason or None, created_at=utcnow()))
                conn.execute(comments.update().where(comments.c.id == comment_id)
                             .values(flag_count=comments.c.flag_count + 1))
        except IntegrityError:
            return False
        return True

    def dismiss_flags(self, comment_id: int) -> None:
        with self.db.write() as conn:
            conn.execute(comment_flags.delete().where(comment_flags.c.comment_id == comment_id))
            conn.execute(comments.update().where(comments.c.id == comment_id).values(flag_count=0))

    def for_moderation(self, limit: int = 100) -> list[dict]:
        """Comments that are flagged or hidden (not deleted), most flagged first, with the flags' reasons."""
        q = (select(*_COLUMNS).join(users, users.c.id == comments.c.user_id)
             .where(comments.c.deleted_at.is_(None), (comments.c.flag_count > 0) | comments.c.hidden)
             .order_by(comments.c.flag_count.desc(), comments.c.id.desc()).limit(limit))
        with self.db.read() as conn:
            rows = [dict(r) for r in conn.execute(q).mappings()]
            ids = [r["id"] for r in rows]
            reasons: dict[int, list[str]] = {}
            if ids:
                for cid, reason in conn.execute(select(comment_flags.c.comment_id, comment_flags.c.reason)
                                                .where(comment_flags.c.comment_id.in_(ids))):
                    if reason:
                        reasons.setdefault(cid, []).append(reason)
        for r in rows:
            r["reasons"] = reasons.get(r["id"], [])
        return rows

    def count_visible(self, kind: str, target_id: int) -> int:
        column, _table = _kind(kind)
        q = select(func.count()).select_from(comments).where(column == target_id, comments.c.deleted_at.is_(None),
                                                             comments.c.hidden.is_(False))
        with self.db.read() as conn:
            return conn.execute(q).scalar_one()
