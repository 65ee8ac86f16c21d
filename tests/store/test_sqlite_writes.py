"""Two processes writing one SQLite file (two Stores stand in for two `serve` workers): a write that reads first and
then writes waits for the other writer instead of failing with "database is locked"."""
import threading
import time

from sqlalchemy import text

from broadsheet.accounts.users import create_user
from broadsheet.store import Store
from tests.web.seeding import add_source, record, seed


def test_a_read_then_write_transaction_waits_for_the_other_writer(tmp_path):
    url = f"sqlite:///{tmp_path / 'two.db'}"
    first, second = Store(url), Store(url)
    try:
        [article] = seed(first, add_source(first), record("quay"))
        user = create_user(first, "ann", "a good password")
        errors, done = [], threading.Event()

        def mark():
            try:
                second.states.mark(user["id"], [article], read=True)  # SELECT the articles, then INSERT
            except Exception as e:  # noqa: BLE001 (the failure this test is about)
                errors.append(e)
            done.set()

        with first.db.write() as conn:  # the other worker is in the middle of a write
            conn.execute(text("UPDATE sources SET title = 'Renamed'"))
            worker = threading.Thread(target=mark)
            worker.start()
            time.sleep(0.5)
            assert not done.is_set()  # waiting for the write lock, not failing
        worker.join(10)
        assert errors == []
        assert second.states.marks(user["id"], [article])[article]["read"] is True
        assert first.sources.list()[0]["title"] == "Renamed"
    finally:
        first.close()
        second.close()


def test_nested_writes_in_one_thread_keep_the_lock_until_the_outer_one_ends(tmp_path):
    path = str(tmp_path / "queue.db")
    from broadsheet.store.write_queue import WriteQueue

    mine, other = WriteQueue(path), WriteQueue(path)  # two processes' queues on one database
    got = threading.Event()

    def wait_for_turn():
        with other.turn():
            got.set()

    try:
        with mine.turn():
            with mine.turn():  # re-entrant: no deadlock
                pass
            waiter = threading.Thread(target=wait_for_turn)
            waiter.start()
            time.sleep(0.3)
            assert not got.is_set()  # the inner turn's end did not let the other process in
        waiter.join(5)
        assert got.is_set()
    finally:
        mine.close()
        other.close()
