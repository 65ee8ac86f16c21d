from .fixtures import client, ctx, database_url, pg_server, store  # noqa: F401
