"""The Fetcher against a real HTTP server on 127.0.0.1 (see tests/support/http_server.py)."""
from __future__ import annotations

import gzip
import ipaddress
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from broadsheet.errors import BlockedAddress, FetchError
from broadsheet.fetch import guard
from broadsheet.fetch.client import Fetcher

MB = 1024 * 1024


@pytest.fixture
def fetcher(settings):
    with Fetcher(settings) as f:
        f.backoff_base = 0.01  # keep retry tests quick; one test checks the real backoff
        yield f


def fetcher_with(settings, **changes) -> Fetcher:
    f = Fetcher(replace(settings, **changes))
    f.backoff_base = 0.01
    return f


def test_fetch_returns_body_headers_and_sends_user_agent(http_server, fetcher, settings):
    http_server.route("/feed.xml", body=b"<rss/>", headers={
        "Content-Type": "application/rss+xml", "ETag": '"v1"', "Last-Modified": "Tue, 05 Mar 2024 10:00:00 GMT"})
    result = fetcher.fetch(http_server.url("/feed.xml"), accept="application/rss+xml")
    assert (result.status, result.content, result.content_type) == (200, b"<rss/>", "application/rss+xml")
    assert (result.etag, result.last_modified) == ('"v1"', "Tue, 05 Mar 2024 10:00:00 GMT")
    assert result.url == http_server.url("/feed.xml") and not result.not_modified
    sent = http_server.requests[0].headers
    assert sent["User-Agent"] == settings.user_agent
    assert sent["Accept"] == "application/rss+xml"


# --- the private-address guard ---------------------------------------------------------------------------------

def test_guard_refuses_loopback_by_default(http_server, settings):
    http_server.route("/", body=b"secret")
    with Fetcher(replace(settings, allow_private_networks=False)) as f:
        with pytest.raises(BlockedAddress) as e:
            f.fetch(http_server.url("/"))
        with pytest.raises(BlockedAddress) as robots:
            f.fetch(http_server.url("/story"), check_robots=True)
    assert str(e.value) == (f"Refused to fetch {http_server.url('/')}: it resolves to a private or loopback address "
                            "(127.0.0.1). An admin can allow this with BROADSHEET_ALLOW_PRIVATE_NETWORKS.")
    assert e.value.code == "blocked_address" and e.value.status == 400
    assert str(robots.value).startswith(f"Refused to fetch {http_server.url('/story')}: ")
    assert http_server.requests == []


def test_guard_refuses_hostnames_resolving_to_loopback(http_server, settings):
    with Fetcher(replace(settings, allow_private_networks=False)) as f, pytest.raises(BlockedAddress):
        f.fetch(f"http://localhost:{http_server.port}/")
    assert http_server.hits("/") == 0


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/", "http://[::1]:{port}/admin",
                                    "http://10.0.0.7/", "http://[::ffff:127.0.0.1]:{port}/"])
def test_guard_checks_every_redirect_hop(http_server, settings, monkeypatch, target):
    # Pretend the test server's own address is public, so only the redirect's target can be refused.
    real = guard.address_is_blocked
    monkeypatch.setattr(guard, "address_is_blocked", lambda ip: str(ip) != "127.0.0.1" and real(ip))
    http_server.route("/go", 302, headers={"Location": target.format(port=http_server.port)})
    with Fetcher(replace(settings, allow_private_networks=False)) as f, pytest.raises(BlockedAddress) as e:
        f.fetch(http_server.url("/go"))
    assert http_server.hits("/go") == 1
    assert "private or loopback address" in str(e.value) and target.split("{")[0].rstrip(":") in str(e.value)


@pytest.mark.parametrize("address,blocked", [
    ("127.0.0.1", True), ("10.1.2.3", True), ("172.16.0.1", True), ("192.168.1.1", True), ("169.254.169.254", True),
    ("0.0.0.0", True), ("224.0.0.1", True), ("240.0.0.1", True), ("100.64.0.1", True), ("255.255.255.255", True),
    ("::1", True), ("::", True), ("fe80::1", True), ("fc00::1", True), ("ff02::1", True), ("::ffff:127.0.0.1", True),
    ("::ffff:10.0.0.1", True), ("93.184.215.14", False), ("2606:4700::6810:84e5", False), ("::ffff:8.8.8.8", False),
])
def test_address_classification(address, blocked):
    assert guard.address_is_blocked(ipaddress.ip_address(address)) is blocked


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/feed", "example.com/feed", "http://"])
def test_only_http_urls_are_fetched(fetcher, url):
    with pytest.raises(FetchError) as e:
        fetcher.fetch(url)
    assert e.value.code == "invalid_url"


def test_redirect_to_a_non_http_scheme_is_refused(http_server, fetcher):
    http_server.route("/go", 302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.fetch(http_server.url("/go"))


# --- statuses and redirects ------------------------------------------------------------------------------------

def test_http_error_names_the_status_and_is_not_retried(http_server, fetcher):
    with pytest.raises(FetchError) as e:
        fetcher.fetch(http_server.url("/missing"))
    assert str(e.value) == f"HTTP 404 Not Found for {http_server.url('/missing')}"
    assert (e.value.detail, e.value.code) == (404, "http_error")
    assert http_server.hits("/missing") == 1


def test_cookies_are_not_kept_between_requests(http_server, fetcher):
    http_server.route("/set", headers={"Set-Cookie": "meter=1; Path=/"}, body=b"first")
    http_server.route("/next", handler=lambda req: (200, {}, req.headers.get("Cookie") or "none"))
    fetcher.fetch(http_server.url("/set"))
    assert fetcher.fetch(http_server.url("/next")).content == b"none"


def test_relative_redirects_are_followed_to_the_final_url(http_server, fetcher):
    http_server.route("/old", 301, headers={"Location": "/moved/feed"})
    http_server.route("/moved/feed", 308, headers={"Location": "rss.xml"})
    http_server.route("/moved/rss.xml", body=b"here")
    result = fetcher.fetch(http_server.url("/old"))
    assert result.content == b"here" and result.url == http_server.url("/moved/rss.xml")


def test_redirect_loop_is_detected(http_server, fetcher):
    http_server.route("/a", 302, headers={"Location": "/b"})
    http_server.route("/b", 302, headers={"Location": "/a"})
    with pytest.raises(FetchError, match="Redirect loop") as e:
        fetcher.fetch(http_server.url("/a"))
    assert e.value.code == "redirect_loop"
    assert http_server.hits("/a") == 1 and http_server.hits("/b") == 1


def test_too_many_redirects(http_server, settings):
    for i in range(10):
        http_server.route(f"/r{i}", 302, headers={"Location": f"/r{i + 1}"})
    with fetcher_with(settings, max_redirects=3) as f, pytest.raises(FetchError, match="Too many redirects"):
        f.fetch(http_server.url("/r0"))
    assert http_server.hits("/r3") == 1 and http_server.hits("/r4") == 0


# --- size cap and timeouts -------------------------------------------------------------------------------------

def _stream(total: int, sent: list[int], chunk: int = 64 * 1024):
    while sent[0] < total:
        sent[0] += chunk
        yield b"x" * chunk


def test_a_huge_streamed_body_is_abandoned_at_the_cap(http_server, settings):
    sent = [0]
    http_server.route("/huge", handler=lambda req: (200, {"Content-Type": "text/html"}, _stream(50 * MB, sent)))
    started = time.monotonic()
    with fetcher_with(settings, max_response_bytes=1 * MB) as f, pytest.raises(FetchError) as e:
        f.fetch(http_server.url("/huge"))
    assert str(e.value) == f"Response is larger than 1 MB: {http_server.url('/huge')}"
    assert e.value.code == "too_large"
    assert time.monotonic() - started < 2
    time.sleep(0.1)
    assert sent[0] < 20 * MB  # the server was cut off long before the end


def test_a_declared_content_length_over_the_cap_is_refused_before_reading(http_server, settings):
    sent = [0]
    http_server.route("/big", handler=lambda req: (200, {"Content-Length": str(50 * MB)}, _stream(50 * MB, sent)))
    with fetcher_with(settings, max_response_bytes=10 * MB) as f, pytest.raises(FetchError, match="larger than 10 MB"):
        f.fetch(http_server.url("/big"))


def test_gzip_is_decoded_and_the_cap_applies_to_the_decoded_size(http_server, settings):
    http_server.route("/small.gz", body=gzip.compress(b"hello " * 100), headers={"Content-Encoding": "gzip"})
    http_server.route("/bomb.gz", body=gzip.compress(b"\0" * (3 * MB)), headers={"Content-Encoding": "gzip"})
    with fetcher_with(settings, max_response_bytes=1 * MB) as f:
        assert f.fetch(http_server.url("/small.gz")).content == b"hello " * 100
        with pytest.raises(FetchError, match="larger than 1 MB"):
            f.fetch(http_server.url("/bomb.gz"))
    assert "gzip" in http_server.requests[0].headers["Accept-Encoding"]


def test_timeout(http_server, settings):
    http_server.route("/slow", handler=lambda req: (time.sleep(1.5), (200, {}, b"late"))[1])
    started = time.monotonic()
    with fetcher_with(settings, fetch_timeout=0.3, fetch_retries=0) as f, pytest.raises(FetchError) as e:
        f.fetch(http_server.url("/slow"))
    assert str(e.value) == f"Timed out after 0.3 s fetching {http_server.url('/slow')}"
    assert e.value.code == "timeout" and time.monotonic() - started < 1.2


def test_a_body_dripping_in_slowly_still_times_out(http_server, settings):
    def drip(req):
        return 200, {}, (time.sleep(0.1) or b"." for _ in range(30))
    http_server.route("/drip", handler=drip)
    started = time.monotonic()
    with fetcher_with(settings, fetch_timeout=0.5, fetch_retries=0) as f, pytest.raises(FetchError, match="Timed out"):
        f.fetch(http_server.url("/drip"))  # each read is quick; only the overall deadline catches it
    assert time.monotonic() - started < 1.5


def test_connection_refused_is_reported(settings, fetcher):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again before the fetch: nothing listens there
    with pytest.raises(FetchError, match=f"Could not connect to 127.0.0.1:{port}") as e:
        fetcher.fetch(f"http://127.0.0.1:{port}/")
    assert e.value.code == "connect_failed"


# --- retries ---------------------------------------------------------------------------------------------------

def _fails_first(http_server, path, failure):
    http_server.route(path, handler=lambda req: failure if http_server.hits(path) == 1 else (200, {}, b"ok"))


def test_retries_a_503_with_backoff_then_succeeds(http_server, fetcher):
    _fails_first(http_server, "/flaky", (503, {}, b"busy"))
    fetcher.backoff_base = 0.3
    started = time.monotonic()
    assert fetcher.fetch(http_server.url("/flaky")).content == b"ok"
    assert http_server.hits("/flaky") == 2 and time.monotonic() - started >= 0.3


def test_retry_after_is_honoured(http_server, fetcher):
    _fails_first(http_server, "/limited", (429, {"Retry-After": "1"}, b""))
    started = time.monotonic()
    assert fetcher.fetch(http_server.url("/limited")).content == b"ok"
    assert time.monotonic() - started >= 0.95


def test_a_long_retry_after_is_not_waited_for(http_server, fetcher):
    http_server.route("/later", 429, headers={"Retry-After": "3600"})
    with pytest.raises(FetchError, match="HTTP 429") as e:
        fetcher.fetch(http_server.url("/later"))
    assert e.value.detail == 429 and http_server.hits("/later") == 1


def test_gives_up_after_the_configured_retries(http_server, settings):
    http_server.route("/down", 500)
    with fetcher_with(settings, fetch_retries=2) as f, pytest.raises(FetchError) as e:
        f.fetch(http_server.url("/down"))
    assert e.value.detail == 500 and http_server.hits("/down") == 3


def test_retries_after_a_timeout(http_server, settings):
    http_server.route("/once-slow", handler=lambda req: (
        time.sleep(0.6) if http_server.hits("/once-slow") == 1 else None, (200, {}, b"ok"))[1])
    with fetcher_with(settings, fetch_timeout=0.3, fetch_retries=1) as f:
        assert f.fetch(http_server.url("/once-slow")).content == b"ok"
    assert http_server.hits("/once-slow") == 2


# --- conditional GET -------------------------------------------------------------------------------------------

def test_conditional_get_returns_not_modified(http_server, fetcher):
    def handler(req):
        if req.headers.get("If-None-Match") == '"v7"':
            return 304, {}, b""
        return 200, {"ETag": '"v7"', "Last-Modified": "Wed, 06 Mar 2024 08:00:00 GMT"}, b"<feed/>"
    http_server.route("/atom.xml", handler=handler)
    first = fetcher.fetch(http_server.url("/atom.xml"))
    again = fetcher.fetch(http_server.url("/atom.xml"), etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.status == 304 and again.content == b""
    assert (again.etag, again.last_modified) == (first.etag, first.last_modified)
    assert http_server.requests[1].headers["If-Modified-Since"] == "Wed, 06 Mar 2024 08:00:00 GMT"


# --- robots.txt ------------------------------------------------------------------------------------------------

ROBOTS = b"User-agent: Broadsheet\nDisallow: /members/\n\nUser-agent: *\nDisallow: /\n"


def test_robots_disallow_is_refused_and_robots_txt_is_cached(http_server, fetcher):
    http_server.route("/robots.txt", body=ROBOTS, headers={"Content-Type": "text/plain"})
    http_server.route("/news/story", body=b"story")
    with pytest.raises(FetchError) as e:
        fetcher.fetch(http_server.url("/members/story"), check_robots=True)
    assert e.value.code == "robots_disallowed" and "robots.txt" in str(e.value)
    assert fetcher.fetch(http_server.url("/news/story"), check_robots=True).content == b"story"
    assert http_server.hits("/members/story") == 0 and http_server.hits("/robots.txt") == 1


def test_robots_is_only_consulted_when_asked_and_allowed(http_server, settings, fetcher):
    http_server.route("/robots.txt", body=b"User-agent: *\nDisallow: /\n")
    http_server.route("/feed", body=b"feed")
    assert fetcher.fetch(http_server.url("/feed")).content == b"feed"  # feeds are fetched without the check
    with fetcher_with(settings, respect_robots=False) as f:
        assert f.fetch(http_server.url("/feed"), check_robots=True).content == b"feed"
    assert http_server.hits("/robots.txt") == 0


def test_a_missing_robots_txt_allows_everything(http_server, fetcher):
    http_server.route("/story", body=b"story")
    assert fetcher.fetch(http_server.url("/story"), check_robots=True).content == b"story"
    assert http_server.hits("/robots.txt") == 1


# --- per-host politeness ---------------------------------------------------------------------------------------

class ConcurrencyProbe:
    def __init__(self, hold: float):
        self.hold, self.active, self.most = hold, 0, 0
        self.lock = threading.Lock()

    def __call__(self, req):
        with self.lock:
            self.active += 1
            self.most = max(self.most, self.active)
        time.sleep(self.hold)
        with self.lock:
            self.active -= 1
        return 200, {}, b"ok"


def test_per_host_concurrency_limit(http_server, settings):
    probe = ConcurrencyProbe(hold=0.15)
    http_server.route("/page", handler=probe)
    with fetcher_with(settings, per_host_connections=2) as f, ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda i: f.fetch(http_server.url(f"/page?i={i}")), range(6)))
    assert all(r.content == b"ok" for r in results)
    assert probe.most == 2


def test_the_limit_is_per_host(http_server, settings):
    probe = ConcurrencyProbe(hold=0.3)
    http_server.route("/page", handler=probe)
    urls = [http_server.url("/page"), f"http://localhost:{http_server.port}/page"]  # two hosts, one server
    with fetcher_with(settings, per_host_connections=1) as f, ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(f.fetch, urls))
    assert probe.most == 2


def test_per_host_delay_spaces_request_starts(http_server, settings):
    starts: list[float] = []
    http_server.route("/p", handler=lambda req: (starts.append(time.monotonic()), (200, {}, b""))[1])
    with fetcher_with(settings, per_host_delay=0.2, per_host_connections=3) as f, ThreadPoolExecutor(3) as pool:
        list(pool.map(lambda i: f.fetch(http_server.url(f"/p?{i}")), range(3)))
    starts.sort()
    assert [round(b - a, 2) >= 0.18 for a, b in zip(starts, starts[1:])] == [True, True]


# --- text ------------------------------------------------------------------------------------------------------

def test_text_survives_a_wrong_charset_label(http_server, fetcher):
    words = "Le café du coin ferme ses portes après trente années de service à la clientèle du quartier."
    http_server.route("/utf8-as-latin1", body=words.encode("utf-8"),
                      headers={"Content-Type": "text/html; charset=iso-8859-1"})
    page = f'<html><head><meta charset="windows-1252"></head><body>{words}</body></html>'
    http_server.route("/cp1252-as-utf8", body=page.encode("cp1252"),
                      headers={"Content-Type": "text/html; charset=utf-8"})
    assert fetcher.fetch(http_server.url("/utf8-as-latin1")).text == words
    assert fetcher.fetch(http_server.url("/cp1252-as-utf8")).text == page
