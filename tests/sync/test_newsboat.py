"""A real client: Debian's newsboat (2.21) reads our live server in its ``miniflux`` mode (Miniflux API, HTTP
Basic) and its ``feedhq`` mode (Google Reader API: ClientLogin with an API key, ``/reader/atom/`` streams,
``mark-all-as-read``), fetches the unread items and marks them all read; the store must show it. Both databases.

newsboat has no non-interactive "mark read" command, so after ``-x reload`` / ``-x print-unread`` the test drives
its interface with pexpect: ``C`` (mark all feeds read), ``y``, ``Q``.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess

import pytest

from tests.support.live_server import live_server
from tests.web.seeding import make_context

from .seeding import PASSWORD

NEWSBOAT = shutil.which("newsboat")
pytestmark = pytest.mark.skipif(NEWSBOAT is None, reason="newsboat is not installed (apt-get install newsboat)")


def _config(mode: str, url: str, reader) -> str:
    """Addresses as the "Get the app" page gives them (ending in '/': newsboat then asks for ``//v1/...``)."""
    if mode == "miniflux":  # its login is the account's name and password (HTTP Basic on every request)
        return (f'urls-source "miniflux"\nminiflux-url "{url}/"\nminiflux-login "ann"\n'
                f'miniflux-password "{PASSWORD}"\n')
    return (f'urls-source "feedhq"\nfeedhq-url "{url}/api/greader.php/"\nfeedhq-login "ann"\n'
            f'feedhq-password "{reader.key}"\nfeedhq-show-special-feeds no\n')


class Newsboat:
    def __init__(self, home, config: str):
        self.home = home
        (home / "config").write_text(config)
        (home / "urls").write_text("")
        self.args = ["-C", str(home / "config"), "-u", str(home / "urls"), "-c", str(home / "cache.db"),
                     "-d", str(home / "newsboat.log"), "-l", "6"]
        self.env = {**os.environ, "HOME": str(home), "TERM": "xterm"}

    def run(self, *command: str) -> str:
        done = subprocess.run([NEWSBOAT, *self.args, *command], capture_output=True, text=True, timeout=120,
                              env=self.env)
        assert done.returncode == 0, done.stderr + done.stdout
        return done.stdout

    def titles(self) -> dict[str, bool]:
        """Title -> unread, from newsboat's own cache."""
        with sqlite3.connect(self.home / "cache.db") as db:
            return {t: bool(u) for t, u in db.execute("SELECT title, unread FROM rss_item")}

    def mark_all_read(self) -> None:
        import pexpect
        child = pexpect.spawn(NEWSBOAT, self.args, env=self.env, dimensions=(30, 100), timeout=60, encoding="utf-8")
        try:
            child.expect("Outlet 1")
            child.send("C")
            child.expect("mark all feeds as read")
            child.send("y")
            child.expect(r"0/\d+\)")  # the feed list redrawn with nothing unread
            child.send("Q")
            child.expect(pexpect.EOF)
        finally:
            child.close(force=True)

    def log(self) -> str:
        return (self.home / "newsboat.log").read_text(errors="replace")


@pytest.mark.parametrize("mode", ["miniflux", "feedhq"])
def test_newsboat_reads_unread_items_and_marks_them_read(store, reader, tmp_path, mode):
    ann, ben = reader
    store.states.mark(ann.user["id"], [ann.ids["a1"]], read=True)  # read elsewhere already
    ctx = make_context(store)
    with live_server(ctx) as url:
        newsboat = Newsboat(tmp_path, _config(mode, url, ann))
        newsboat.run("-x", "reload")
        assert newsboat.run("-x", "print-unread").strip() == "4 unread articles"
        seen = newsboat.titles()
        assert seen == {"Story a1": False, "Story a2": True, "Story a3": True, "Story b1": True, "Story b2": True}
        newsboat.mark_all_read()
    log = newsboat.log()
    if mode == "miniflux":
        assert "run_op(PUT /v1/entries" in log
    else:
        assert "/reader/api/0/mark-all-as-read" in log
    marks = store.states.marks(ann.user["id"], ann.ids.values())
    assert all(marks[i]["read"] for i in ann.ids.values()), marks
    assert store.states.unread_counts(ann.user["id"]) == {}
    assert store.states.marks(ben.user["id"], ben.ids.values()) == {}  # another reader's items untouched
