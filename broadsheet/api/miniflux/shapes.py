"""Broadsheet rows in Miniflux's JSON shapes (users, categories, feeds, entries), as plain dicts for orjson.

A Miniflux feed is one of the user's subscriptions (its id is the source's id); a category is one of the user's
categories, and subscriptions without one are shown in the user's default category "All", as Miniflux has.
"""
from __future__ import annotations

from datetime import datetime


def user(row: dict) -> dict:
    return {"id": row["id"], "username": row["username"], "is_admin": row["role"] == "admin",
            "theme": "system_serif", "language": "en_US", "timezone": "UTC", "entry_sorting_direction": "desc",
            "entry_sorting_order": "published_at", "stylesheet": "", "google_id": "", "openid_connect_id": "",
            "entries_per_page": 100, "keyboard_shortcuts": True, "show_reading_time": True, "entry_swipe": True,
            "last_login_at": row["last_login_at"]}


def category(row: dict, user_id: int) -> dict:
    return {"id": row["id"], "title": row["title"], "user_id": user_id, "hide_globally": False}


def feed(user_id: int, source_id: int, url: str, site_url: str | None, title: str, cat: dict,
         checked_at: datetime | None = None, error: str | None = None, error_count: int = 0,
         paused: bool = False) -> dict:
    return {"id": source_id, "user_id": user_id, "feed_url": url, "site_url": site_url or url, "title": title,
            "checked_at": checked_at, "next_check_at": None, "etag_header": "", "last_modified_header": "",
            "parsing_error_message": error or "", "parsing_error_count": error_count, "scraper_rules": "",
            "rewrite_rules": "", "crawler": False, "blocklist_rules": "", "keeplist_rules": "", "user_agent": "",
            "username": "", "password": "", "disabled": paused, "ignore_http_cache": False,
            "fetch_via_proxy": False, "hide_globally": False, "no_media_player": False,
            "category": cat, "icon": None}


def subscription_feed(sub: dict, cat: dict) -> dict:
    """A row of ``store.subscriptions.list()``."""
    return feed(sub["user_id"], sub["source_id"], sub["url"], sub["site_url"], sub["title"], cat,
                sub["last_fetched_at"], sub["last_error"], sub["error_count"], sub["paused"])


def entry(row: dict, user_id: int, default_category: dict | None, feeds: dict | None = None) -> dict:
    """A row of ``store.sync_entries``; its feed and category come with it (one query per page). ``feeds``: a
    dict shared by the entries of one page, so each feed's object is built once."""
    feed_obj = feeds.get(row["source_id"]) if feeds is not None else None
    if feed_obj is None:
        cat = default_category if row["category_id"] is None else \
            {"id": row["category_id"], "title": row["category_title"], "user_id": user_id, "hide_globally": False}
        feed_obj = feed(user_id, row["source_id"], row["feed_url"], row["site_url"], row["feed_title"], cat)
        if feeds is not None:
            feeds[row["source_id"]] = feed_obj
    return {"id": row["id"], "user_id": user_id, "feed_id": row["source_id"],
            "status": "read" if row["read"] else "unread", "hash": row["content_hash"] or str(row["id"]),
            "title": row["title"], "url": row["url"], "comments_url": "", "published_at": row["published_at"],
            "created_at": row["fetched_at"], "changed_at": row["fetched_at"],
            "content": row["content_html"] or row["summary"] or "", "author": row["authors"] or "",
            "share_code": "", "starred": bool(row["starred"]), "reading_time": max(1, (row["word_count"] or 0) // 265),
            "enclosures": [], "tags": [], "feed": feed_obj}
