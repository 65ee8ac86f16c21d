"""Building blocks for web and API tests: a Context over the parametrised store, sources and articles seeded
directly (no fetching), and a job queue stand-in."""
from __future__ import annotations

from datetime import timedelta

from broadsheet.config import Settings
from broadsheet.context import Context
from broadsheet.dedupe.fingerprint import content_hash
from broadsheet.model import ArticleRecord
from broadsheet.pipeline import Pipeline
from broadsheet.store.clock import utcnow

BODY_HTML = ("<p>The council met on Thursday to agree the plan for the river crossing.</p>"
             "<h2>What was decided</h2><ul><li>A new bridge</li><li>Two bus lanes</li></ul>"
             "<blockquote><p>We value this courageous step.</p><p>— Mayor (@mayor) July 3, 2025</p></blockquote>"
             "<p>Work starts next spring and should take two years, the council said.</p>")


def make_context(store, queue=None, **settings) -> Context:
    settings = Settings(database_url=store.db.url, **settings)
    return Context(settings, store, Pipeline(settings, store), queue)


def add_source(store, n: int = 1, **values) -> dict:
    values.setdefault("title", f"Outlet {n}")
    return store.sources.add(values.pop("url", f"https://outlet{n}.example/feed.xml"), values.pop("kind", "feed"),
                             site_url=values.pop("site_url", f"https://outlet{n}.example/"), **values)


def record(slug: str, hours_ago: float = 1, text: str | None = None, **values) -> ArticleRecord:
    """An article published ``hours_ago``; articles with the same ``text`` are duplicates of each other."""
    text = text or f"{slug} " + " ".join(f"word{i}" for i in range(40))
    url = values.pop("url", f"https://news.example/{slug}")
    return ArticleRecord(url=url, canonical_url=url, title=values.pop("title", f"Story {slug}"),
                         published_at=utcnow() - timedelta(hours=hours_ago), content_text=text,
                         content_html=values.pop("content_html", f"<p>{text}</p>"), content_hash=content_hash(text),
                         word_count=values.pop("word_count", len(text.split())), **values)


def seed(store, source: dict, *records: ArticleRecord) -> list[int]:
    """Save the records for the source and return their ids, in the order given."""
    store.articles.save(source["id"], list(records))
    ids = {a["canonical_url"]: a["id"] for a in store.articles.latest(1000, source_id=source["id"],
                                                                        include_duplicates=True)}
    return [ids[r.canonical_url] for r in records]


class RecordingQueue:
    """A job queue that only remembers what it was asked to do."""

    def __init__(self):
        self.jobs: list[tuple[str, dict]] = []
        self.started = self.stopped = False

    def enqueue(self, task: str, **kwargs) -> None:
        self.jobs.append((task, kwargs))

    def start(self) -> None:
        self.started = True

    def stop(self) -> None:
        self.stopped = True

    def status(self) -> dict:
        return {"backend": "recording", "running": self.started and not self.stopped, "pending": len(self.jobs),
                "last_run": None, "last_error": None}
