"""`broadsheet` command line: serve, demo, add, ingest, enrich, import-opml, export-opml, extract, createuser,
worker."""
from __future__ import annotations

import argparse
import logging
import sys
from contextlib import contextmanager
from pathlib import Path

from .config import Settings
from .errors import BroadsheetError

log = logging.getLogger("broadsheet")


def exit_on_sigterm() -> None:
    """SIGTERM ends the process through SystemExit, so ``finally`` blocks stop worker processes and servers.
    (uvicorn shuts down gracefully on SIGTERM, then raises the signal again: with the default handler the process
    would die there, leaving the CPU worker pool behind.)"""
    import signal

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))


def _settings(args, **extra) -> Settings:
    return Settings.load(database_url=getattr(args, "database_url", None), host=getattr(args, "host", None),
                         port=getattr(args, "port", None), **extra)


def cmd_serve(args) -> int:
    import uvicorn

    from .context import build_context
    from .web.app import create_app

    settings = _settings(args)
    ctx = build_context(settings, with_queue=True)
    print(f"Broadsheet on http://{settings.host}:{settings.port}/ (database: {ctx.store.dialect})", flush=True)
    if (args.workers or 1) <= 1:
        exit_on_sigterm()
        try:
            uvicorn.run(create_app(ctx), host=settings.host, port=settings.port, log_level="warning",
                        access_log=False)
        finally:
            ctx.close()
        return 0
    # Several web processes: this one keeps the scheduler; the workers (see web/serve_workers.py) only serve.
    from .web.serve_workers import run_workers

    ctx.queue.start()
    try:
        run_workers(settings.host, settings.port, args.workers, settings.database_url)
    finally:
        ctx.close()
    return 0


def cmd_worker(args) -> int:
    """A Celery worker for BROADSHEET_QUEUE=celery: runs the jobs that `serve` (and other workers) enqueue."""
    from .jobs.celery_app import make_celery, safe_url

    settings = _settings(args)
    app = make_celery(settings)
    scheduler = None
    if args.scheduler:
        from .jobs.celery_queue import CeleryQueue

        scheduler = CeleryQueue(settings)
        scheduler.start()
    print(f"Broadsheet worker on {safe_url(settings.broker_url)}, queue {settings.celery_queue!r} "
          f"(database: {settings.database_url.split(':', 1)[0]})", flush=True)
    try:
        app.worker_main(["worker", "--loglevel", "INFO" if args.verbose else "WARNING",
                         "--concurrency", str(args.concurrency or settings.workers or 1),
                         "--hostname", f"broadsheet-{settings.celery_queue}@%h", "--without-mingle",
                         "--without-gossip"])
    finally:
        if scheduler is not None:
            scheduler.stop()
    return 0


def cmd_demo(args) -> int:
    from .demo.run import run_demo

    return run_demo(args)


def cmd_add(args) -> int:
    from .context import build_context

    ctx = build_context(_settings(args))
    try:
        src = ctx.pipeline.add(args.url, folder=args.folder)
        print(f"Added {src['kind']} {src['url']} ({src['title'] or 'untitled'}): "
              f"{ctx.store.articles.count(src['id'])} articles"
              + (f"; last error: {src['last_error']}" if src["last_error"] else ""))
        return 0
    finally:
        ctx.close()


def cmd_ingest(args) -> int:
    from tqdm import tqdm

    from .context import build_context

    ctx = build_context(_settings(args))
    try:
        due = len(ctx.store.sources.due())
        failed = inserted = 0
        with tqdm(total=due, unit="source", desc="Refreshing", disable=args.quiet) as bar:
            def progress(res):
                nonlocal failed, inserted
                inserted += res.inserted
                if res.error:
                    failed += 1
                    tqdm.write(f"  source {res.source_id}: {res.error}", file=sys.stderr)
                bar.update(1)
                bar.set_postfix(new=inserted, failed=failed)
            ctx.pipeline.refresh_due(progress=progress)
        print(f"{due} sources refreshed, {inserted} new articles, {failed} failed")
        return 0
    finally:
        ctx.close()


def cmd_enrich(args) -> int:
    from tqdm import tqdm

    from .enrich.article_rows import ids
    from .enrich.service import enrich_service

    settings = _settings(args)
    with _store(args) as store:
        svc = enrich_service(settings, store)
        total = len(ids(store, pending_only=not args.all))
        print(f"Embeddings: {svc.embedder()['label']}", file=sys.stderr)
        with tqdm(total=total, unit="article", desc="Enriching", disable=args.quiet) as bar:
            run = svc.enrich_all if args.all else svc.enrich_pending
            report = run(progress=bar.update)
        for article_id, error in sorted(report.errors.items()):
            print(f"  article {article_id}: {error.splitlines()[0]}", file=sys.stderr)
    print(f"{report.enriched} articles enriched, {report.failed} failed, {len(report.stories)} stories updated")
    return 1 if report.failed else 0


@contextmanager
def _store(args):
    from .store import Store

    store = Store(_settings(args).database_url)
    try:
        yield store
    finally:
        store.close()


def cmd_import_opml(args) -> int:
    from .pipeline import import_opml

    content = Path(args.file).read_bytes()
    with _store(args) as store:
        added, skipped = import_opml(store, content)
    print(f"Imported {added} sources ({skipped} already there). Run `broadsheet ingest` to fetch them.")
    return 0


def cmd_export_opml(args) -> int:
    from .pipeline import export_opml

    with _store(args) as store:
        text = export_opml(store)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_createuser(args) -> int:
    from .accounts.users import create_user

    with _store(args) as store:
        user = create_user(store, args.name, args.password, "admin" if args.admin else "reader")
    print(f"Created {user['role']} {user['username']} (id {user['id']}).")
    return 0


def cmd_extract(args) -> int:
    from .extract.command import run_extract

    return run_extract(args.paths, url=args.url)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="broadsheet", description="A self-hosted, AI-powered news desk.")
    p.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = p.add_subparsers(dest="command", required=True)

    def cmd(name, func, help_text, db=True):
        sp = sub.add_parser(name, help=help_text, description=help_text)
        if db:
            sp.add_argument("--database-url", help="overrides BROADSHEET_DATABASE_URL")
        sp.set_defaults(func=func)
        return sp

    for name, func, text in (("serve", cmd_serve, "Run the web app and the scheduler that refreshes due sources."),
                             ("demo", cmd_demo, "Start demo outlets, ingest them into a fresh SQLite store, serve.")):
        sp = cmd(name, func, text)
        sp.add_argument("--host", help="address to listen on (default 127.0.0.1)")
        sp.add_argument("--port", type=int, help="port to listen on (default 8000)")
    sub.choices["serve"].add_argument("--workers", type=int, default=1,
                                      help="web worker processes (default 1; the scheduler runs once)")
    sp = cmd("worker", cmd_worker, "Run a Celery worker for BROADSHEET_QUEUE=celery (jobs from the Redis broker).")
    sp.add_argument("--concurrency", type=int, help="worker processes (default BROADSHEET_WORKERS)")
    sp.add_argument("--scheduler", action="store_true",
                    help="also enqueue the refresh of due sources every 30 s (when no `serve` does)")
    sp = cmd("add", cmd_add, "Add a feed, a site (feed autodiscovery), a sitemap or a single article page.")
    sp.add_argument("url")
    sp.add_argument("--folder")
    sp = cmd("ingest", cmd_ingest, "Refresh every due source once, with a progress bar.")
    sp.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    sp = cmd("enrich", cmd_enrich, "Enrich stored articles not enriched yet (duplicates, stories, entities, "
                                   "timelines, summaries, embeddings), with a progress bar.")
    sp.add_argument("--all", action="store_true", help="every stored article again, from nothing (idempotent)")
    sp.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    sp = cmd("import-opml", cmd_import_opml, "Import subscriptions (with folders) from an OPML file.")
    sp.add_argument("file")
    sp = cmd("export-opml", cmd_export_opml, "Export subscriptions as OPML 2.0 (stdout, or -o FILE).")
    sp.add_argument("-o", "--output")
    sp = cmd("createuser", cmd_createuser, "Create a user account (the first admin comes this way).")
    sp.add_argument("name")
    sp.add_argument("--password", required=True)
    sp.add_argument("--admin", action="store_true", help="give the account the admin role")
    sp = cmd("extract", cmd_extract, "Extract articles from saved pages (.html / .html.gz): one JSON per line.",
             db=False)
    sp.add_argument("--url", help="the page's original URL (for relative links and site rules)")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except BroadsheetError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except OSError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
