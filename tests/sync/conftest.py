from tests.web.fixtures import client, ctx, database_url, pg_server, store  # noqa: F401  (both databases)

from .seeding import reader  # noqa: F401
