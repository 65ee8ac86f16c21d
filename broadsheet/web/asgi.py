"""Entry point for extra web worker processes (`broadsheet serve --workers N`): settings from the environment,
enqueued jobs run here, the scheduler stays in the parent process."""
from __future__ import annotations

from ..config import Settings
from ..context import build_context
from .app import create_app


def worker_app():
    return create_app(build_context(Settings.load(), with_queue=True, scheduler=False))
