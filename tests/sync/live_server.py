"""Broadsheet served by uvicorn on a free 127.0.0.1 port in a background thread, for tests with real clients."""
from __future__ import annotations

import threading
from contextlib import contextmanager

import uvicorn

from broadsheet.web.app import create_app


@contextmanager
def serve(ctx):
    """Yield the base URL (``http://127.0.0.1:PORT``) while the server runs; stop it afterwards."""
    server = uvicorn.Server(uvicorn.Config(create_app(ctx), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            threading.Event().wait(0.05)
        assert server.started, "uvicorn did not start"
        yield f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
