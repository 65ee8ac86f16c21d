"""The installable app: ``/manifest.webmanifest``, the icons (``/icons/icon-192.png``, ``/icons/icon-512.png``),
the service worker ``/sw.js`` (served from the root so its scope is the whole site) and the ``/offline`` page it
shows for pages it has not kept."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from ...errors import NotFound
from ...reading.icons import SIZES, icon_png
from ..templating import render, static_url

router = APIRouter(include_in_schema=False)
SW_SOURCE = (Path(__file__).parents[2] / "reading" / "sw.js").read_text()
THEME = "#1d2f45"


def _service_worker() -> bytes:
    precache = ["/offline", static_url("app.css"), static_url("app.js"), "/manifest.webmanifest",
                *(f"/icons/icon-{s}.png" for s in SIZES)]
    version = hashlib.sha256((SW_SOURCE + "".join(precache)).encode()).hexdigest()[:12]
    return SW_SOURCE.replace("__VERSION__", version).replace("__PRECACHE__", json.dumps(precache)).encode()


SERVICE_WORKER = _service_worker()
MANIFEST = json.dumps({
    "name": "Broadsheet", "short_name": "Broadsheet", "description": "Your self-hosted news reader.",
    "id": "/", "start_url": "/", "scope": "/", "display": "standalone", "background_color": "#faf7f0",
    "theme_color": THEME,
    "icons": [{"src": f"/icons/icon-{s}.png", "sizes": f"{s}x{s}", "type": "image/png", "purpose": purpose}
              for s in SIZES for purpose in ("any", "maskable")],
}, indent=1).encode()


@router.get("/manifest.webmanifest")
def manifest():
    return Response(MANIFEST, media_type="application/manifest+json", headers={"Cache-Control": "public, max-age=3600"})


@router.get("/sw.js")
def service_worker():
    # never cached by HTTP caches: browsers check it for updates on every visit anyway
    return Response(SERVICE_WORKER, media_type="text/javascript; charset=utf-8",
                    headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"})


@router.get("/icons/icon-{size:int}.png")
def icon(size: int):
    if size not in SIZES:
        raise NotFound(f"No {size}px icon: there are {', '.join(map(str, SIZES))}", code="icon_not_found")
    return Response(icon_png(size), media_type="image/png", headers={"Cache-Control": "public, max-age=86400"})


@router.get("/offline", response_class=HTMLResponse)
def offline(request: Request):
    return render(request, "offline.html")
