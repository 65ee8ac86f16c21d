"""Web pages, one view module each; the app factory adds ``PAGES`` and includes ``ROUTERS``."""
from . import article, home, search, source, sources
from . import ask, entities, entity, story, topic, topics
from . import account, admin_users, comments, login, logout, moderation, signup
from . import api_keys
from . import account_reading, app_shell, article_state, feeds_out, follow, for_you, get_the_app, saved  # reading

# The two most requested pages: plain Starlette routes (see views/home.py), added first and straight on the app.
PAGES = [("/", home.home), ("/articles/{article_id}", article.article_page)]
ROUTERS = [source.router, sources.router, search.router]
ROUTERS += [story.router, entities.router, entity.router, topics.router, topic.router, ask.router]
ROUTERS += [signup.router, login.router, logout.router, account.router, admin_users.router, comments.router,
            moderation.router]
ROUTERS.append(api_keys.router)
ROUTERS += [follow.router, article_state.router, saved.router, for_you.router, account_reading.router,  # reading
            feeds_out.router, app_shell.router, get_the_app.router]
