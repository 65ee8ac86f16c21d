"""The `broadsheet` commands, run in-process against a real local server and a real SQLite store."""
import gzip
import json

import pytest

from broadsheet.cli import main
from tests.pipeline.conftest import SITE, site  # noqa: F401  (the fixture outlet on a local server)


@pytest.fixture
def env(tmp_path, monkeypatch):
    db = tmp_path / "cli.db"
    monkeypatch.setenv("BROADSHEET_DATABASE_URL", f"sqlite:///{db}")
    monkeypatch.setenv("BROADSHEET_ALLOW_PRIVATE_NETWORKS", "1")
    monkeypatch.setenv("BROADSHEET_PER_HOST_DELAY", "0")
    monkeypatch.setenv("BROADSHEET_FETCH_TIMEOUT", "2")
    monkeypatch.setenv("BROADSHEET_FETCH_RETRIES", "0")
    return tmp_path


def test_add_then_ingest_with_progress_and_errors(env, site, capsys):
    assert main(["add", site.url("/feeds/full.rss")]) == 0
    assert "Added feed" in capsys.readouterr().out
    assert main(["add", site.url("/feeds/full.rss")]) == 2  # already there: a clear error, not a traceback
    assert "already a source" in capsys.readouterr().err
    opml = env / "subs.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline text="Broken" xmlUrl="'
                    + site.url("/feeds/missing") + '"/></body></opml>')
    assert main(["import-opml", str(opml)]) == 0
    assert "Imported 1 sources" in capsys.readouterr().out
    assert main(["ingest"]) == 0
    out, err = capsys.readouterr()
    assert "1 sources refreshed" in out and "1 failed" in out
    assert "404" in err and "Refreshing" in err  # the error per source, and the progress bar


def test_export_opml_round_trips_folders(env, site, capsys):
    opml = env / "in.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline text="Harbour">'
                    '<outline text="Ledger" xmlUrl="' + site.url("/feeds/full.rss") + '"/></outline></body></opml>')
    main(["import-opml", str(opml)])
    capsys.readouterr()
    assert main(["export-opml"]) == 0
    out = capsys.readouterr().out
    assert '<outline text="Harbour"' in out and site.url("/feeds/full.rss") in out
    assert main(["import-opml", str(env / "missing.opml")]) == 2


def test_extract_prints_one_json_line_per_page(env, capsys):
    gz = env / "kiln.html.gz"
    gz.write_bytes(gzip.compress((SITE / "kiln-bridge.html").read_bytes()))
    assert main(["extract", "--url", "https://valley.test/news/kiln", str(gz), str(SITE / "orchard-fair.html")]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["title"] for x in lines] == ["Kiln Bridge reopens after two years of repairs",
                                           "Orchard fair returns with a record number of growers"]
    keys = {"path", "url", "title", "text", "html", "published", "authors", "site_name", "language", "image",
            "canonical_url"}
    assert keys <= set(lines[0])
    assert lines[0]["canonical_url"] == "https://valley.test/news/kiln-bridge-reopens"
    assert "four million pounds" in lines[0]["text"] and "cookies" not in lines[0]["text"]


@pytest.mark.parametrize("url,message", [
    ("mysqlish://nowhere", "Unsupported database 'mysqlish'"),
    ("not a url", "BROADSHEET_DATABASE_URL is not a database URL"),
    ("postgresql+psycopg://postgres@127.0.0.1:1/none", "Could not open the database at postgresql"),
])
def test_bad_database_url_is_a_clear_error(monkeypatch, capsys, url, message):
    monkeypatch.setenv("BROADSHEET_DATABASE_URL", url)
    assert main(["ingest", "-q"]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_createuser_makes_an_admin_and_refuses_bad_input(env, capsys):
    from broadsheet.accounts.users import authenticate
    from broadsheet.store import Store

    assert main(["createuser", "root-admin", "--password", "a strong password", "--admin"]) == 0
    assert "Created admin root-admin" in capsys.readouterr().out
    assert main(["createuser", "Root-Admin", "--password", "another password"]) == 2
    assert "taken" in capsys.readouterr().err
    assert main(["createuser", "<b>x</b>", "--password", "a strong password"]) == 2
    assert "username" in capsys.readouterr().err
    store = Store(f"sqlite:///{env / 'cli.db'}")
    try:
        assert authenticate(store, "root-admin", "a strong password")["role"] == "admin"
        assert store.users.count() == 1
    finally:
        store.close()
