"""Accounts: who a reader is (users, roles, passwords), kept apart from how the web or the sync APIs sign them in."""
