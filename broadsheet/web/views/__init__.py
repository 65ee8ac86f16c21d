"""Web pages, one view module each; the app factory adds ``PAGES`` and includes ``ROUTERS``."""
from . import article, home, search, source, sources
from . import api_keys

# The two most requested pages: plain Starlette routes (see views/home.py), added first and straight on the app.
PAGES = [("/", home.home), ("/articles/{article_id}", article.article_page)]
ROUTERS = [source.router, sources.router, search.router]
ROUTERS.append(api_keys.router)
