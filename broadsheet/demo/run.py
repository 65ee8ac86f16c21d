"""`broadsheet demo`: start the demo outlets, add them as sources through the normal path, ingest, and serve."""
from __future__ import annotations

import logging
import os
import secrets
import threading
from pathlib import Path

from sqlalchemy.engine import make_url

from ..config import Settings
from ..errors import BroadsheetError

log = logging.getLogger(__name__)
DEMO_DATABASE = "sqlite:///broadsheet-demo.db"


def _fresh_sqlite(url: str) -> None:
    """The demo outlets get new ports each run, so the demo starts from an empty store every time."""
    db = make_url(url).database
    if db and db != ":memory:":
        for suffix in ("", "-wal", "-shm"):
            Path(db + suffix).unlink(missing_ok=True)


def add_demo_sources(ctx, site, progress=print) -> None:
    for outlet in site.outlets:
        url = outlet.feed_url or outlet.sitemap_url
        try:
            src = ctx.pipeline.add(url, folder=getattr(outlet, "folder", None))
            progress(f"  {outlet.name}: {ctx.store.articles.count(src['id'])} articles")
        except BroadsheetError as e:
            progress(f"  {outlet.name}: {e}")


def _demo_admin(ctx) -> None:
    """An admin account for the demo, with a fresh random password printed once (the demo store is new each run)."""
    from ..accounts.users import create_user

    if ctx.store.users.count() == 0:
        password = secrets.token_urlsafe(9)
        create_user(ctx.store, "admin", password, role="admin")
        print(f"Demo admin: sign in as 'admin' with password {password}", flush=True)


def run_demo(args) -> int:
    import uvicorn

    from ..cli import exit_on_sigterm
    from ..context import build_context
    from ..web.app import create_app
    from .server import DemoSite

    url = getattr(args, "database_url", None) or DEMO_DATABASE
    # Sign-up is open in the demo unless the environment says otherwise: visitors try accounts and comments.
    settings = Settings.load(database_url=url, host=args.host, port=args.port, allow_private_networks=True,
                             per_host_delay=0.05, signup=os.environ.get("BROADSHEET_SIGNUP", "open"))
    if url == DEMO_DATABASE:
        _fresh_sqlite(url)
    site = DemoSite()
    site.start()
    ctx = build_context(settings, with_queue=True)
    print(f"Demo outlets: {', '.join(o.name for o in site.outlets)}", flush=True)
    _demo_admin(ctx)
    loader = threading.Thread(target=add_demo_sources, args=(ctx, site), name="demo-ingest", daemon=True)
    loader.start()
    print(f"Broadsheet demo on http://{settings.host}:{settings.port}/ (SQLite: {make_url(url).database})",
          flush=True)
    exit_on_sigterm()
    try:
        uvicorn.run(create_app(ctx), host=settings.host, port=settings.port, log_level="warning", access_log=False)
    finally:
        ctx.close()
        site.stop()
    return 0
