"""``broadsheet extract [--url URL] PATH...``: extract saved pages (.html or .html.gz), one JSON line per page."""
from __future__ import annotations

import gzip
import json
import sys
import zlib

from ..errors import BroadsheetError
from .pipeline import extract


def read_page(path: str) -> bytes:
    """The bytes of a saved page, gunzipped when the name ends in .gz."""
    with open(path, "rb") as f:
        raw = f.read()
    return gzip.decompress(raw) if path.lower().endswith(".gz") else raw


def extract_file(path: str, url: str | None = None) -> dict:
    """The JSON object for one file: the extraction, or ``{"path", "error": {"code", "message"}}``."""
    try:
        raw = read_page(path)
    except FileNotFoundError:
        return _error(path, "not_found", f"No such file: {path}")
    except (OSError, EOFError, zlib.error) as e:
        return _error(path, "unreadable_file", f"Cannot read {path}: {e}")
    try:
        return {"path": path, **extract(raw, url).to_json()}
    except BroadsheetError as e:
        return _error(path, e.code, e.user_message)
    except Exception as e:  # a bug on one odd page must not stop the other files
        return _error(path, "extract_failed", f"Extraction failed: {type(e).__name__}: {e}")


def _error(path: str, code: str, message: str) -> dict:
    return {"path": path, "error": {"code": code, "message": message}}


def run_extract(paths: list[str], url: str | None = None, out=None) -> int:
    """Print one JSON object per line for each path (to ``out``, default the current stdout); 1 if any failed."""
    out = out or sys.stdout
    failed = False
    for path in paths:
        result = extract_file(path, url)
        failed = failed or "error" in result
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return 1 if failed else 0
