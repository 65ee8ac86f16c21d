"""A real Broadsheet served by uvicorn in a thread, for browser tests: ``with live_server(ctx) as base_url: ...``.

Binds a free port on 127.0.0.1 (a secure context for browsers, so service workers run); stops and joins the
thread on exit. The page cache is on, as in production."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator

import uvicorn

from broadsheet.web.app import create_app


@contextmanager
def live_server(ctx, start_timeout: float = 10.0) -> Iterator[str]:
    server = uvicorn.Server(uvicorn.Config(create_app(ctx), host="127.0.0.1", port=0, log_level="warning",
                                           lifespan="on"))
    thread = threading.Thread(target=server.run, name="live-server", daemon=True)
    thread.start()
    try:
        waited = 0.0
        while not server.started and thread.is_alive() and waited < start_timeout:
            threading.Event().wait(0.05)
            waited += 0.05
        assert server.started, "uvicorn did not start"
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
