"""``/get-the-app``: installing Broadsheet as an app, and connecting Reeder, NetNewsWire, Read You and newsboat
through the sync APIs, with this server's own addresses (built from the request's base URL)."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..templating import render

router = APIRouter(include_in_schema=False)


def sync_urls(request: Request) -> dict[str, str]:
    base = str(request.base_url).rstrip("/")
    return {"base": base, "miniflux": f"{base}/v1/", "greader": f"{base}/api/greader.php",
            "api_keys": f"{base}/account/api-keys"}


@router.get("/get-the-app", response_class=HTMLResponse)
def get_the_app(request: Request):
    return render(request, "get_the_app.html", urls=sync_urls(request))
