"""Article metadata a page declares about itself: JSON-LD first, then OpenGraph and other meta tags.

``read_metadata`` returns a dict with the ``Extraction`` field names it could fill; fields it could not find are
left out so that a fallback (trafilatura's heuristics, see ``generic.py``) can fill them.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from html import unescape

from .urls import absolute_http_url

ARTICLE_TYPES = {"Article", "NewsArticle", "BlogPosting", "LiveBlogPosting", "ReportageNewsArticle",
                 "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
                 "AskPublicNewsArticle", "SatiricalArticle", "ScholarlyArticle", "TechArticle", "Report",
                 "SocialMediaPosting", "DiscussionForumPosting", "Review"}
SITE_TYPES = {"WebSite", "Organization", "NewsMediaOrganization", "Corporation"}

# meta tag keys (property or name, lower-cased) per field, best first
META_KEYS = {
    "title": ("og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title", "title"),
    "published": ("article:published_time", "og:article:published_time", "published_time", "datepublished",
                  "article.published", "pubdate", "publishdate", "publish-date", "publish_date", "date",
                  "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "sailthru.date",
                  "parsely-pub-date", "cxenseparse:recs:publishtime"),
    "authors": ("author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author",
                "byl", "twitter:creator"),
    "site_name": ("og:site_name", "application-name", "publisher", "dc.publisher"),
    "language": ("og:locale", "content-language", "language", "dc.language"),
    "image": ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"),
}
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*")
_BY = re.compile(r"^\s*(?:by|von|por|par|di|door)\s+", re.I)
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
_TRAILING_COMMA = re.compile(r",\s*([\]}])")
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—:·•»]\s+[^|\-–—:·•»]{2,40}$")


def read_metadata(tree, url: str | None = None) -> dict:
    """Title, published, authors, site_name, language and image the page declares (only the fields found)."""
    article, site = _json_ld_article(tree)
    metas = meta_tags(tree)
    # per field, its sources best first; each is only evaluated while the field is still missing
    sources = {
        "title": (lambda: _text(article.get("headline")) or _text(article.get("name")),
                  lambda: _first(metas, "title")),
        "published": (lambda: parse_date(_text(article.get("datePublished")) or _text(article.get("dateCreated"))),
                      lambda: next(filter(None, map(parse_date, _all(metas, "published"))), None),
                      lambda: parse_date(_first_xpath(tree, "//*[@itemprop='datePublished']/@datetime|"
                                                            "//*[@itemprop='datePublished']/@content"))),
        "authors": (lambda: _ld_names(article.get("author")) or _ld_names(article.get("creator")),
                    lambda: _meta_authors(_all(metas, "authors"))),
        "site_name": (lambda: _ld_name(article.get("publisher")) or _ld_name(site),
                      lambda: _first(metas, "site_name")),
        "language": (lambda: normalize_language(_text(article.get("inLanguage"))),
                     lambda: normalize_language(_first_xpath(tree, "/html/@lang")),
                     lambda: normalize_language(_first(metas, "language"))),
        "image": (lambda: absolute_http_url(_ld_url(article.get("image")), url),
                  lambda: next(filter(None, (absolute_http_url(v, url) for v in _all(metas, "image"))), None)),
    }
    found = {field: value for field, getters in sources.items() if (value := _first_found(getters))}
    if "title" not in found and (title := title_from_title_tag(tree, found.get("site_name"))):
        found["title"] = title
    return found


def _first_found(getters):
    return next((value for get in getters if (value := get())), None)


def meta_tags(tree) -> dict[str, list[str]]:
    """``<meta>`` contents keyed by lower-cased property / name / http-equiv / itemprop, in document order."""
    out: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("http-equiv") or el.get("itemprop")
        value = (el.get("content") or "").strip()
        if key and value:
            out.setdefault(key.strip().lower(), []).append(value)
    return out


def _all(metas: dict, field: str) -> list[str]:
    return [v for key in META_KEYS[field] for v in metas.get(key, ())]


def _first(metas: dict, field: str) -> str | None:
    return next(iter(_all(metas, field)), None)


def _first_xpath(tree, xpath: str) -> str | None:
    found = tree.xpath(xpath)
    return str(found[0]).strip() if found else None


def json_ld_items(tree) -> list[dict]:
    """Every JSON-LD object on the page, with ``@graph`` and top-level lists flattened."""
    items: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        data = _load_json(script.text)
        stack = data if isinstance(data, list) else [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack[:0] = node
            elif isinstance(node, dict):
                items.append(node)
                if isinstance(node.get("@graph"), list):
                    stack[:0] = node["@graph"]
    return items


def _load_json(raw: str):
    raw = _CDATA.sub("", raw.strip())
    for attempt in (raw, _TRAILING_COMMA.sub(r"\1", raw)):
        try:
            return json.loads(attempt, strict=False)
        except ValueError:
            continue
    return None


def _types(item: dict) -> set[str]:
    t = item.get("@type")
    return {str(x).rsplit("/", 1)[-1] for x in (t if isinstance(t, list) else [t]) if x}


def _json_ld_article(tree) -> tuple[dict, dict]:
    """The first article-like JSON-LD object (references to other nodes resolved) and the site object."""
    items = json_ld_items(tree)
    by_id = {item["@id"]: item for item in items if isinstance(item.get("@id"), str)}
    article = next((i for i in items if _types(i) & ARTICLE_TYPES), {})
    site = next((i for i in items if _types(i) & SITE_TYPES), {})
    resolved = {k: _resolve(v, by_id) for k, v in article.items()}
    return resolved, site


def _resolve(value, by_id: dict):
    if isinstance(value, list):
        return [_resolve(v, by_id) for v in value]
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in by_id:
        return by_id[value["@id"]]
    return value


def _text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, (str, int, float)) and str(value).strip():
        return " ".join(unescape(str(value)).split())  # JSON-LD text often carries HTML entities
    return None


def _ld_name(value) -> str | None:
    if isinstance(value, list):
        return next(filter(None, map(_ld_name, value)), None)
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _ld_names(value) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return _dedupe(name for v in values if (name := _ld_name(v)) and not _looks_like_url(name))


def _ld_url(value) -> str | None:
    if isinstance(value, list):
        return next(filter(None, map(_ld_url, value)), None)
    if isinstance(value, dict):
        return _text(value.get("url")) or _text(value.get("contentUrl")) or _text(value.get("@id"))
    return _text(value)


def _meta_authors(values: list[str]) -> list[str]:
    for value in values:
        names = [_BY.sub("", n).strip() for n in _AUTHOR_SPLIT.split(value)]
        names = [n for n in names if n and not _looks_like_url(n) and not n.startswith("@")]
        if names:
            return _dedupe(names)
    return []


def _looks_like_url(s: str) -> bool:
    return bool(re.match(r"^(?:https?:)?//|^www\.", s.strip(), re.I))


def _dedupe(names) -> list[str]:
    seen: dict[str, str] = {}
    for n in names:
        seen.setdefault(n.casefold(), n)
    return list(seen.values())


def parse_date(value: str | None) -> datetime | None:
    """A timezone-aware UTC datetime from ISO 8601 or RFC 2822 text; naive times are taken as UTC."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(re.sub(r"(\.\d{6})\d+", r"\1", value.replace(" UTC", "Z")))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    try:
        return parsed.astimezone(timezone.utc)
    except (OverflowError, ValueError):  # year 1 with a negative offset, and the like
        return None


def normalize_language(value: str | None) -> str | None:
    """Primary language subtag, lower-cased: 'en-US', 'en_GB' -> 'en'."""
    if not value:
        return None
    primary = re.split(r"[-_,;\s]", value.strip(), maxsplit=1)[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def title_from_title_tag(tree, site_name: str | None = None) -> str | None:
    """``<title>`` without a trailing " | Site name" part."""
    raw = _first_xpath(tree, "//head/title/text()|//title/text()")
    if not raw:
        return None
    title = " ".join(raw.split())
    if site_name and title.lower().endswith(site_name.lower()) and len(title) > len(site_name) + 3:
        title = re.sub(r"\s*[|\-–—:·•»]\s*$", "", title[: -len(site_name)]).strip()
    elif _TITLE_SUFFIX.search(title) and len(_TITLE_SUFFIX.sub("", title)) > 20:
        title = _TITLE_SUFFIX.sub("", title)
    return title or None
