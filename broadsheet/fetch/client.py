"""The one HTTP client in Broadsheet: guarded, polite, size-capped, retrying GETs on httpx.

Redirects are followed here, not by httpx, so that every hop goes through the robots check and the private-address
guard (``guard.py``), and loops are caught. One Fetcher is shared by the threads of a pool.
"""
from __future__ import annotations

import email.utils
import logging
from http.cookiejar import CookieJar, DefaultCookiePolicy
import re
import ssl
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from urllib.parse import urlsplit

import httpx

from ..config import Settings
from ..errors import BlockedAddress, FetchError
from .encoding import decode_body
from .guard import AddressRefused, blocked_message, make_transport
from .hosts import HostLimiter
from .robots import RobotsCache

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_TTL = 6 * 3600.0  # seconds a host's robots.txt is trusted
ROBOTS_ERROR_TTL = 600.0  # ... or how soon to ask again when it could not be read


@dataclass
class FetchResult:
    url: str  # final URL, after redirects
    status: int
    content_type: str | None
    content: bytes = field(repr=False)
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False  # a 304: content is empty, the caller's copy is current

    @cached_property
    def text(self) -> str:
        return decode_body(self.content, self.content_type)


class _Transient(Exception):
    """A failure worth retrying; carries the error to raise when retries run out."""

    def __init__(self, error: FetchError, retry_after: float | None = None):
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after


class Fetcher:
    backoff_base = 0.5  # seconds before the first retry; doubled each time
    backoff_cap = 8.0
    retry_after_cap = 30.0  # a server asking us to wait longer than this is not retried within this fetch

    def __init__(self, settings: Settings):
        self.settings = settings
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20)
        self._client = httpx.Client(
            transport=make_transport(limits, allow_private_networks=settings.allow_private_networks),
            headers={"User-Agent": settings.user_agent},
            timeout=httpx.Timeout(settings.fetch_timeout),
            follow_redirects=False,
            trust_env=False,
            # no cookie jar: a fetch must not depend on (or leak into) earlier ones, nor feed metered paywalls
            cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])),
        )
        self._hosts = HostLimiter(settings.per_host_connections, settings.per_host_delay)
        self._robots = RobotsCache(self._load_robots, settings.user_agent)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
              accept: str | None = None, check_robots: bool = False) -> FetchResult:
        """GET ``url``, following redirects. Raises FetchError (or BlockedAddress) with a message fit for users."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        current = _http_url(url)
        seen = {current}
        for _ in range(self.settings.max_redirects + 1):
            if check_robots and self.settings.respect_robots and not self._robots_allow(current):
                raise FetchError(f"The robots.txt of {urlsplit(current).netloc} does not allow fetching {current}",
                                 code="robots_disallowed")
            outcome = self._get_with_retries(current, headers)
            if isinstance(outcome, FetchResult):
                if outcome.not_modified:
                    outcome.etag = outcome.etag or etag
                    outcome.last_modified = outcome.last_modified or last_modified
                return outcome
            target = _http_url(outcome, base=current)
            if target in seen:
                raise FetchError(f"Redirect loop: {current} redirects back to {target}", code="redirect_loop")
            seen.add(target)
            current = target
        raise FetchError(f"Too many redirects (more than {self.settings.max_redirects}) fetching {url}",
                         code="too_many_redirects")

    def _robots_allow(self, url: str) -> bool:
        try:
            return self._robots.allowed(url)
        except BlockedAddress as e:  # refused while fetching robots.txt: name the page that was asked for
            raise BlockedAddress(blocked_message(url, e.detail), detail=e.detail) from None

    def _get_with_retries(self, url: str, headers: dict) -> FetchResult | str:
        retries = max(0, self.settings.fetch_retries)
        for attempt in range(retries + 1):
            try:
                return self._get_once(url, headers)
            except _Transient as transient:
                wait = transient.retry_after
                if wait is None:
                    wait = min(self.backoff_cap, self.backoff_base * 2 ** attempt)
                if attempt == retries or wait > self.retry_after_cap:
                    if attempt:
                        log.warning("Giving up on %s after %d attempts: %s", url, attempt + 1, transient.error)
                    raise transient.error from transient.__cause__
                log.info("Retrying %s in %.2f s (attempt %d failed: %s)", url, wait, attempt + 1, transient.error)
                time.sleep(wait)
        raise AssertionError("unreachable")

    def _get_once(self, url: str, headers: dict) -> FetchResult | str:
        """One request: a FetchResult, or the raw Location of a redirect."""
        host = urlsplit(url).netloc.lower()
        with self._hosts.slot(host):
            started = time.monotonic()
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    return self._read(response, url, started)
            except AddressRefused as e:
                raise BlockedAddress(blocked_message(url, e.address), detail=e.address) from None
            except httpx.TimeoutException as e:
                raise _Transient(self._timed_out(url)) from e
            except httpx.ConnectError as e:
                if _caused_by_tls(e):  # a bad certificate will not get better by asking again
                    raise FetchError(f"Could not make a secure connection to {host}: {_reason(e)}",
                                     code="tls_failed") from e
                raise _Transient(FetchError(f"Could not connect to {host}: {_reason(e)}",
                                            code="connect_failed")) from e
            except (httpx.NetworkError, httpx.RemoteProtocolError) as e:
                raise _Transient(FetchError(f"The connection to {host} broke off fetching {url}: {_reason(e)}",
                                            code="connection_lost")) from e
            except httpx.HTTPError as e:
                raise FetchError(f"Could not fetch {url}: {_reason(e)}") from e

    def _read(self, response: httpx.Response, url: str, started: float) -> FetchResult | str:
        status = response.status_code
        if status in REDIRECT_STATUSES:
            location = response.headers.get("location", "").strip()
            if not location:
                raise FetchError(f"HTTP {status} redirect without a Location for {url}", detail=status)
            return location
        if status >= 400:
            error = FetchError(f"HTTP {status} {response.reason_phrase} for {url}", code="http_error", detail=status)
            if status == 429 or status >= 500:
                raise _Transient(error, _retry_after(response.headers.get("retry-after")))
            raise error
        content = b"" if status == 304 else self._read_body(response, url, started)
        return FetchResult(url=url, status=status, content_type=response.headers.get("content-type"),
                           content=content, etag=response.headers.get("etag"),
                           last_modified=response.headers.get("last-modified"), not_modified=status == 304)

    def _read_body(self, response: httpx.Response, url: str, started: float) -> bytes:
        """Stream the (decompressed) body, stopping as soon as it passes the size cap or the time limit."""
        limit = self.settings.max_response_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise self._too_large(url)
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > limit:
                raise self._too_large(url)
            if time.monotonic() - started > self.settings.fetch_timeout:  # a server dripping bytes slowly
                raise _Transient(self._timed_out(url))
        return bytes(body)

    def _timed_out(self, url: str) -> FetchError:
        return FetchError(f"Timed out after {self.settings.fetch_timeout:g} s fetching {url}", code="timeout")

    def _too_large(self, url: str) -> FetchError:
        return FetchError(f"Response is larger than {_size(self.settings.max_response_bytes)}: {url}",
                          code="too_large")

    def _load_robots(self, robots_url: str) -> tuple[str, float]:
        try:
            return self.fetch(robots_url).content.decode("utf-8", "replace"), ROBOTS_TTL
        except BlockedAddress:
            raise
        except FetchError as e:
            if isinstance(e.detail, int) and 400 <= e.detail < 500:
                return "", ROBOTS_TTL  # no robots.txt: everything is allowed
            log.warning("Could not read %s, allowing all of its host for now: %s", robots_url, e)
            return "", ROBOTS_ERROR_TTL


def _http_url(url: str, base: str | None = None) -> str:
    """``url`` (joined to ``base``) as a normalised absolute http(s) URL without fragment, or a FetchError."""
    try:
        url = url.strip()
        parsed = httpx.URL(base).join(url) if base else httpx.URL(url)
    except (httpx.InvalidURL, TypeError, AttributeError) as e:
        raise FetchError(f"Not a valid URL: {url!r} ({e})", code="invalid_url", status=400) from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        where = f" (redirected from {base})" if base else ""
        raise FetchError(f"Cannot fetch {url}{where}: only http and https URLs are supported",
                         code="invalid_url", status=400)
    return str(parsed.copy_with(fragment=None))


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), or None."""
    value = (value or "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _caused_by_tls(error: BaseException | None) -> bool:
    while error is not None:
        if isinstance(error, ssl.SSLError):
            return True
        error = error.__cause__ or error.__context__
    return False


def _reason(error: Exception) -> str:
    text = re.sub(r"^\[Errno -?\d+\]\s*", "", str(error)).strip()
    return text or type(error).__name__


def _size(n: int) -> str:
    for unit, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= factor:
            return f"{round(n / factor, 1):g} {unit}"
    return f"{n} bytes"
