"""HTTPS through the private-address guard: the guard connects to the address it checked, so TLS must still
send the host name (SNI) and verify the certificate against it, not against the IP."""
from __future__ import annotations

import shutil
import ssl
import subprocess
from dataclasses import replace

import pytest

from broadsheet.errors import FetchError
from broadsheet.fetch import guard
from broadsheet.fetch.client import Fetcher
from tests.support.http_server import LocalHTTPServer

pytestmark = pytest.mark.skipif(not shutil.which("openssl"), reason="needs the openssl command to make a certificate")


@pytest.fixture
def https_server(tmp_path, monkeypatch):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-days", "1"],
                   check=True, capture_output=True)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # trust it, as if a public CA had signed it
    real = guard.address_is_blocked  # and treat loopback as public, so the guard stays in the path
    monkeypatch.setattr(guard, "address_is_blocked", lambda ip: str(ip) not in ("127.0.0.1", "::1") and real(ip))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with LocalHTTPServer(tls=context) as server:
        server.route("/", body=b"secure")
        yield server


def test_https_through_the_guard_verifies_the_host_name(https_server, settings):
    with Fetcher(replace(settings, allow_private_networks=False)) as f:
        assert f.fetch(f"https://localhost:{https_server.port}/").content == b"secure"
        with pytest.raises(FetchError, match="Could not make a secure connection.*not valid for '127.0.0.1'") as e:
            f.fetch(f"https://127.0.0.1:{https_server.port}/")  # the certificate names localhost only
    assert e.value.code == "tls_failed" and https_server.hits("/") == 1
