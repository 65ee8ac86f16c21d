"""Errors with a code, a message fit for users, and an HTTP status.

Every error Broadsheet shows (web page, JSON API, CLI, a source's ``last_error``) comes from one of these, so the
user always sees what went wrong in the same words. The JSON shape is ``error_body()``; a test pins it.
"""
from __future__ import annotations


class BroadsheetError(Exception):
    code = "error"
    status = 500

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None, detail=None):
        super().__init__(message)
        self.user_message = message
        if code:
            self.code = code
        if status:
            self.status = status
        self.detail = detail

    def __str__(self) -> str:  # what a source's last_error and the CLI show
        return self.user_message


class NotFound(BroadsheetError):
    code, status = "not_found", 404


class InvalidInput(BroadsheetError):
    code, status = "invalid_input", 400


class Conflict(BroadsheetError):
    code, status = "conflict", 409


class FetchError(BroadsheetError):
    """Anything that stopped us getting a response body: network, HTTP status, size, redirects, policy."""

    code, status = "fetch_failed", 502


class BlockedAddress(FetchError):
    code, status = "blocked_address", 400


class ParseError(BroadsheetError):
    """The body arrived but is not a feed / sitemap / OPML we can read."""

    code, status = "parse_failed", 422


class ExtractionError(BroadsheetError):
    """The page arrived but holds no article we could find."""

    code, status = "no_article", 422


def error_body(code: str, message: str, status: int, detail=None) -> dict:
    """The one JSON error shape: ``{"error": {"code", "message", "status", "detail"}}``."""
    return {"error": {"code": code, "message": message, "status": status, "detail": detail}}
