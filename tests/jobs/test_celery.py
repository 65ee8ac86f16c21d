"""BROADSHEET_QUEUE=celery against the real Redis on 127.0.0.1:6379 and a real Celery worker (in a thread here; in
production `broadsheet worker`): jobs sent by one side are run by the other, on SQLite and PostgreSQL."""
import dataclasses
import time
import uuid

import pytest

from broadsheet.config import Settings
from broadsheet.jobs.celery_app import make_celery
from broadsheet.jobs.celery_queue import CeleryQueue, QueueUnavailable
from broadsheet.jobs.queue import make_queue
from broadsheet.store import Store
from tests.pipeline.conftest import site  # noqa: F401  (our fixture outlet on a local server)
from tests.support.db import database_url, pg_server  # noqa: F401

redis = pytest.importorskip("redis")
BROKER = "redis://127.0.0.1:6379/0"


def _redis_up() -> bool:
    try:
        return redis.Redis.from_url(BROKER, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.fixture
def celery_settings(database_url):  # noqa: F811
    import os
    if not _redis_up():
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not reachable at {BROKER}")
        pytest.skip("Redis is not reachable")
    queue = f"broadsheet-test-{uuid.uuid4().hex[:8]}"
    yield Settings.load(database_url=database_url, queue="celery", broker_url=BROKER, celery_queue=queue,
                        allow_private_networks=True, per_host_delay=0, fetch_retries=0, fetch_timeout=2, workers=0)
    redis.Redis.from_url(BROKER).delete(queue)


def _wait(check, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def test_worker_runs_the_refresh_that_the_web_side_enqueued(celery_settings, site):  # noqa: F811
    from celery.contrib.testing.worker import start_worker

    # enrichment off: the refresh would queue an enrich job, which this test stops the worker in the middle of
    celery_settings = dataclasses.replace(celery_settings, enrich=False)
    store = Store(celery_settings.database_url)
    try:
        source = store.sources.add(f"{site.base_url}/feeds/full.rss", "feed")
        queue = CeleryQueue(celery_settings, scheduler=False)
        queue.enqueue("refresh_source", source_id=source["id"])
        assert queue.status()["pending"] == 1  # waiting in Redis until a worker runs
        worker_app = make_celery(celery_settings)
        with start_worker(worker_app, pool="solo", concurrency=1, perform_ping_check=False, loglevel="WARNING",
                          shutdown_timeout=10):
            assert _wait(lambda: store.articles.count(source["id"]) > 0), "the worker stored nothing"
            # storing queues the enrich job for the new articles: the worker takes that one from Redis too
            assert _wait(lambda: queue.status()["pending"] == 0), "jobs left waiting in the broker"
        assert store.sources.get(source["id"])["last_success_at"] is not None
        count = store.articles.count(source["id"])
        worker_app.broadsheet_context().close()
    finally:
        store.close()
    assert count >= 2


def test_make_queue_chooses_celery_and_unknown_tasks_are_refused(celery_settings):
    queue = make_queue(celery_settings, context=None, scheduler=False)
    assert isinstance(queue, CeleryQueue) and queue.status()["backend"] == "celery"
    with pytest.raises(KeyError):
        queue.enqueue("no_such_task")


def test_unreachable_broker_is_a_clear_error(celery_settings):
    settings = Settings.load(database_url=celery_settings.database_url, queue="celery",
                             broker_url="redis://:secret@127.0.0.1:1/0", celery_queue=celery_settings.celery_queue)
    queue = CeleryQueue(settings, scheduler=False)
    started = time.monotonic()
    with pytest.raises(QueueUnavailable) as e:
        queue.enqueue("refresh_due")
    assert time.monotonic() - started < 10
    assert e.value.status == 503 and "cannot be reached" in str(e.value)
    assert "secret" not in str(e.value) and "***" in str(e.value)  # no password in messages
    assert queue.status()["last_error"].startswith("refresh_due")


def test_broadsheet_worker_command_runs_jobs(celery_settings, site, tmp_path):  # noqa: F811
    import os
    import signal
    import subprocess
    import sys

    if not celery_settings.database_url.startswith("sqlite"):
        pytest.skip("the command is the same on PostgreSQL; one database is enough for a subprocess test")
    store = Store(celery_settings.database_url)
    env = {**os.environ, "BROADSHEET_DATABASE_URL": celery_settings.database_url, "BROADSHEET_QUEUE": "celery",
           "BROADSHEET_BROKER_URL": BROKER, "BROADSHEET_CELERY_QUEUE": celery_settings.celery_queue,
           "BROADSHEET_ALLOW_PRIVATE_NETWORKS": "1", "BROADSHEET_PER_HOST_DELAY": "0", "BROADSHEET_WORKERS": "0"}
    log = (tmp_path / "worker.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "broadsheet.cli", "worker", "--concurrency", "1"], env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        source = store.sources.add(f"{site.base_url}/feeds/full.rss", "feed")
        CeleryQueue(celery_settings, scheduler=False).enqueue("refresh_source", source_id=source["id"])
        assert _wait(lambda: store.articles.count(source["id"]) > 0, 60), (tmp_path / "worker.log").read_text()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
        store.close()
    assert "Broadsheet worker on redis://127.0.0.1:6379/0" in (tmp_path / "worker.log").read_text()
