"""Web pages, one view module each; the app factory adds ``PAGES`` and includes ``ROUTERS``."""
from . import article, home, search, source, sources
from . import account_reading, app_shell, article_state, feeds_out, follow, for_you, get_the_app, saved  # reading

# The two most requested pages: plain Starlette routes (see views/home.py), added first and straight on the app.
PAGES = [("/", home.home), ("/articles/{article_id}", article.article_page)]
ROUTERS = [source.router, sources.router, search.router]
ROUTERS += [follow.router, article_state.router, saved.router, for_you.router, account_reading.router,  # reading
            feeds_out.router, app_shell.router, get_the_app.router]
