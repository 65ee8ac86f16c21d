from tests.support.db import database_url, pg_server, store  # noqa: F401  (both databases)
