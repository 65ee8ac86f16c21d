"""URL normalisation: one canonical spelling per article, and the page's own canonical link."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml import html as lxml_html

# Query parameters that only say where a click came from; they never change the page.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id", "wbraid", "gbraid",
    "mc_cid", "mc_eid", "ref", "ref_src", "ref_url", "referrer", "ocid", "cmpid", "igshid", "igsh",
    "_ga", "_gl", "_hsenc", "_hsmi", "hsctatracking", "mkt_tok", "vero_id", "oly_anon_id", "oly_enc_id",
    "rb_clickid", "s_cid", "spm", "ncid", "soc_src", "soc_trk", "ito", "icid", "sr_share", "smid",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "matomo_", "hmb_", "__twitter", "at_", "trk_")
DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def canonicalize_url(url: str) -> str:
    """Lower-case scheme and host, drop default port, fragment and tracking parameters, sort the rest.

    The path (including its case and trailing slash) is kept as given: servers may treat it as significant.
    """
    url = (url or "").strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    try:
        port = parts.port
    except ValueError:  # a non-numeric port: leave the URL alone rather than guess
        return url
    netloc = host
    if ":" in host:  # IPv6 literal
        netloc = f"[{host}]"
    if port and DEFAULT_PORTS.get(scheme) != port:
        netloc = f"{netloc}:{port}"
    if parts.username:
        cred = parts.username + (f":{parts.password}" if parts.password else "")
        netloc = f"{cred}@{netloc}"
    path = parts.path or ("/" if netloc else "")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def absolute_http_url(href: str | None, base_url: str | None) -> str | None:
    """``href`` resolved against ``base_url``; None unless the result is an http(s) URL."""
    if not href:
        return None
    href = re.sub(r"[\t\r\n]", "", href).strip()
    if not href:
        return None
    full = urljoin(base_url, href) if base_url else href
    return full if urlsplit(full).scheme.lower() in ("http", "https") and urlsplit(full).netloc else None


_CANONICAL_XPATHS = (
    "//link[contains(concat(' ', normalize-space(translate(@rel, 'CANONICAL', 'canonical')), ' '), ' canonical ')]/@href",
    "//meta[@property='og:url' or @name='og:url']/@content",
)


def find_canonical(doc, page_url: str | None) -> str | None:
    """The page's declared canonical URL (rel=canonical, else og:url), absolute and http(s), or None."""
    tree = lxml_html.document_fromstring(doc) if isinstance(doc, (str, bytes)) else doc
    for xpath in _CANONICAL_XPATHS:
        for href in tree.xpath(xpath):
            found = absolute_http_url(str(href), page_url)
            if found:
                return found
    return None
