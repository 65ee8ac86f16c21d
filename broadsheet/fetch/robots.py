"""robots.txt, fetched once per origin and cached; read with urllib.robotparser."""
from __future__ import annotations

import threading
import time
from typing import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

# loader(robots_url) -> (robots.txt text, seconds to cache it); "" allows everything
RobotsLoader = Callable[[str], tuple[str, float]]


class RobotsCache:
    def __init__(self, loader: RobotsLoader, user_agent: str):
        self._loader = loader
        self._user_agent = user_agent
        self._rules: dict[str, tuple[RobotFileParser, float]] = {}  # origin -> (rules, expires at)
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        return self._rules_for(url).can_fetch(self._user_agent, url)

    def _rules_for(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:  # one fetch of a host's robots.txt at a time, however many threads want it
            cached = self._rules.get(origin)
            if cached and cached[1] > time.monotonic():
                return cached[0]
            text, ttl = self._loader(origin + "/robots.txt")
            rules = RobotFileParser(origin + "/robots.txt")
            rules.parse(text.splitlines())  # also marks the rules as read, so an empty text allows all
            self._rules[origin] = (rules, time.monotonic() + ttl)
            return rules
