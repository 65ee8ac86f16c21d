"""The installable app: manifest, generated icons (real PNGs, maskable), the service worker served from the root,
the offline page, and the "Get the app" page with this server's own sync URLs."""
import json
import struct
import zlib

from fastapi.testclient import TestClient

from broadsheet.web.app import create_app


def _png_size_and_corner(data: bytes) -> tuple[int, int, tuple[int, int, int]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, {}
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        assert struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0] == zlib.crc32(kind + body)
        chunks[kind] = chunks.get(kind, b"") + body
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour) == (8, 2)
    pixels = zlib.decompress(chunks[b"IDAT"])
    assert len(pixels) == height * (1 + 3 * width)
    return width, height, tuple(pixels[1:4])


def test_manifest_and_icons(client):
    r = client.get("/manifest.webmanifest")
    assert r.headers["content-type"].startswith("application/manifest+json")
    manifest = json.loads(r.text)
    assert manifest["name"] == "Broadsheet" and manifest["start_url"] == "/" and manifest["display"] == "standalone"
    icons = {(i["sizes"], i["purpose"]): i["src"] for i in manifest["icons"]}
    assert set(icons) == {(f"{s}x{s}", p) for s in (192, 512) for p in ("any", "maskable")}
    for size in (192, 512):
        png = client.get(icons[(f"{size}x{size}", "maskable")])
        assert png.headers["content-type"] == "image/png"
        width, height, corner = _png_size_and_corner(png.content)
        assert (width, height) == (size, size) and corner == (0x1D, 0x2F, 0x45)  # full-bleed: maskable
    assert client.get("/icons/icon-64.png").status_code == 404
    page = client.get("/").text
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page


def test_service_worker_from_the_root_and_offline_page(client):
    r = client.get("/sw.js")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")
    assert r.headers["service-worker-allowed"] == "/" and r.headers["cache-control"] == "no-cache"
    assert "__PRECACHE__" not in r.text and '"/offline"' in r.text and "/static/app.js?v=" in r.text
    offline = client.get("/offline")
    assert offline.status_code == 200 and "You are offline" in offline.text
    assert 'navigator.serviceWorker.register("/sw.js"' in client.get("/static/app.js").text


def test_get_the_app_gives_this_servers_urls(ctx):
    with TestClient(create_app(ctx), base_url="https://news.example.org") as client:
        page = client.get("/get-the-app").text
        home = client.get("/").text
    assert "<code>https://news.example.org/v1/</code>" in page
    assert "<code>https://news.example.org/api/greader.php</code>" in page
    assert 'href="https://news.example.org/account/api-keys"' in page
    for app in ("Reeder", "NetNewsWire", "Read You", "newsboat"):
        assert app in page
    assert 'miniflux-url "https://news.example.org/"' in page
    assert 'href="/get-the-app"' in home
