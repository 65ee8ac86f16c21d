"""Google Reader identifiers: item ids (long and short forms), stream ids, continuation tokens.

- An item id is our article id, in either of the forms clients send: long, ``tag:google.com,2005:reader/item/``
  followed by 16 hex digits, or short, the same number in decimal (some clients send it as a signed 64-bit
  number, so negative values are read back as unsigned).
- A stream is ``user/-/state/com.google/reading-list`` (everything the user follows), ``.../starred``,
  ``.../read``, ``feed/<id>`` (one subscription; ``feed/<url>`` is accepted too) or ``user/-/label/<category>``.
  Any user part (``-`` or a number) means the caller.
- A continuation token is the position after the last item of a page: ``<published µs>-<id>``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from ...errors import InvalidInput

LONG_PREFIX = "tag:google.com,2005:reader/item/"
READING_LIST = "user/-/state/com.google/reading-list"
STARRED = "user/-/state/com.google/starred"
READ = "user/-/state/com.google/read"
LABEL_PREFIX = "user/-/label/"
STATE_RE = re.compile(r"user/[^/]+/state/com\.google/(.+)")
LABEL_RE = re.compile(r"user/[^/]+/label/(.+)")
_EPOCH = datetime(1970, 1, 1)
_USEC = timedelta(microseconds=1)


def long_id(article_id: int) -> str:
    return f"{LONG_PREFIX}{article_id:016x}"


def parse_item_id(raw: str) -> int:
    raw = raw.strip()
    try:
        if raw.startswith(LONG_PREFIX) and len(raw) == len(LONG_PREFIX) + 16:
            value = int(raw[len(LONG_PREFIX):], 16)
        elif re.fullmatch(r"-?\d{1,20}", raw):
            value = int(raw) % 2**64
        else:
            raise ValueError
    except ValueError:
        raise InvalidInput(f"Not an item id: {raw[:60]!r}") from None
    if not 0 < value < 2**62:
        raise InvalidInput(f"Not an item id: {raw[:60]!r}")
    return value


def usec(when: datetime | None) -> int:
    return 0 if when is None else (when - _EPOCH) // _USEC  # exact: continuation tokens must round-trip


def seconds(when: datetime | None) -> int:
    return usec(when) // 1_000_000


def from_seconds(raw: str | None, name: str) -> datetime | None:
    if raw is None or raw == "":
        return None
    if not re.fullmatch(r"\d{1,12}", raw):
        raise InvalidInput(f"Invalid {name}: {raw[:40]!r} is not a time in seconds.")
    return datetime.fromtimestamp(int(raw), timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class Stream:
    kind: str  # all | starred | read | feed | label
    value: str | int | None = None


def parse_stream(raw: str | None) -> Stream:
    raw = (raw or READING_LIST).strip()
    state = STATE_RE.fullmatch(raw)
    if state:
        name = state.group(1)
        if name == "reading-list":
            return Stream("all")
        if name in ("starred", "read"):
            return Stream(name)
        raise InvalidInput(f"Unknown stream {raw[:80]!r}")
    label = LABEL_RE.fullmatch(raw)
    if label:
        return Stream("label", label.group(1))
    if raw.startswith("feed/"):
        rest = raw[5:]
        return Stream("feed", int(rest)) if rest.isdigit() and len(rest) < 19 else Stream("feed", rest)
    raise InvalidInput(f"Unknown stream {raw[:80]!r}")


def continuation(published: datetime, article_id: int) -> str:
    return f"{usec(published)}-{article_id}"


def parse_continuation(raw: str | None) -> tuple[datetime, int] | None:
    if not raw:
        return None
    m = re.fullmatch(r"(\d{1,18})-(\d{1,18})", raw)
    if not m:
        raise InvalidInput("Invalid continuation token.")
    return from_usec(int(m.group(1))), int(m.group(2))


def from_usec(value: int) -> datetime:
    return _EPOCH + timedelta(microseconds=value)
