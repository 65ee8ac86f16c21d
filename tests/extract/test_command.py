import gzip
import io
import json
from pathlib import Path

from broadsheet.extract.command import run_extract

PAGES = Path(__file__).parent / "pages"
KEYS = ["path", "url", "title", "text", "html", "published", "authors", "site_name", "language", "image",
        "canonical_url"]


def test_run_extract_reads_gzipped_pages(tmp_path):
    page = tmp_path / "rhubarb.html.gz"
    page.write_bytes(gzip.compress((PAGES / "jsonld_graph.html").read_bytes()))
    out = io.StringIO()
    assert run_extract([str(page)], url="https://allotment-diaries.test/2024/03/forcing-rhubarb/", out=out) == 0
    lines = out.getvalue().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert list(result) == KEYS
    assert result["path"] == str(page)
    assert result["title"] == "Forcing rhubarb under a bucket: a beginner's season"
    assert result["published"] == "2024-03-09T16:45:00+00:00"
    assert result["text"].startswith("Our rhubarb crown was a gift")


def test_run_extract_reports_failures_and_keeps_going(tmp_path):
    out = io.StringIO()
    missing = tmp_path / "missing.html"
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"not gzip at all")
    paths = [str(PAGES / "no_article.html"), str(missing), str(broken), str(PAGES / "structure.html")]
    assert run_extract(paths, out=out) == 1
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r.get("error", {}).get("code") for r in results] == ["no_article", "not_found", "unreadable_file", None]
    assert all(r["error"]["message"] for r in results[:3])
    assert results[3]["title"] == "What changes with the new recycling collections"
