"""The sync APIs existing apps speak: Miniflux's REST subset (``/v1``) and the Google Reader API
(``/api/greader.php`` and ``/reader/api/0``, ``/accounts/ClientLogin``). See docs/SYNC_APIS.md."""
from __future__ import annotations

from .greader import ROUTES as GREADER_ROUTES
from .miniflux import ROUTES as MINIFLUX_ROUTES

SYNC_ROUTES = [*MINIFLUX_ROUTES, *GREADER_ROUTES]
