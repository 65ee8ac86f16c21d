"""Rate-limit settings (``COUNT/PERIOD``, e.g. ``10/15m``) and the hits they count, in the store's table."""
from __future__ import annotations

import re
from datetime import timedelta

from ..errors import InvalidInput

_SPEC = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*([smhd])\s*")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def parse_rate(spec: str, setting: str = "rate limit") -> tuple[int, timedelta]:
    """``"10/15m"`` → (10, 15 minutes). A bad value raises InvalidInput naming the setting."""
    match = _SPEC.fullmatch(spec or "")
    if not match or int(match.group(2)) == 0:
        raise InvalidInput(f"Setting {setting} has a bad value {spec!r}: expected COUNT/PERIOD such as 10/15m "
                           "(period units s, m, h, d)", code="bad_config")
    return int(match.group(1)), timedelta(**{_UNITS[match.group(3)]: int(match.group(2))})


def hit(store, spec: str, setting: str, what: str, *buckets: str) -> None:
    """Count one hit on each bucket; raise RateLimited (429) when any is full."""
    limit, window = parse_rate(spec, setting)
    for bucket in buckets:
        store.rate_limits.hit(bucket[:200], limit, window, what)
