"""Web pages, one view module each; ``ROUTERS`` is what the app factory includes."""
from . import article, home, search, source, sources

ROUTERS = [home.router, article.router, source.router, sources.router, search.router]
HOT_ROUTERS = [home.router, article.router]  # FastAPI tries routes in order: the most requested pages go first
