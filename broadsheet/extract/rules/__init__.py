"""Per-domain site rules, kept as data in ``sites.json``: where the article body is and what to strip from it.

A rule is used when the page URL's host is the rule's domain or one of its subdomains. When the rule's body
selector matches nothing (the site changed its markup), the pipeline falls back to the generic extractor.
"""
from __future__ import annotations

import json
from copy import deepcopy
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from ..clean import remove

RULES_FILE = Path(__file__).with_name("sites.json")


@dataclass(frozen=True)
class SiteRule:
    domain: str
    body: str
    strip: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def load_rules(path: Path = RULES_FILE) -> dict[str, SiteRule]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {domain.lower(): SiteRule(domain.lower(), spec["body"], tuple(spec.get("strip", ())))
            for domain, spec in data.items() if not domain.startswith("_")}


def rule_for(url: str | None) -> SiteRule | None:
    """The rule for the URL's host or its nearest parent domain, if any."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".") if url else ""
    rules = load_rules()
    while host:
        if host in rules:
            return rules[host]
        host = host.partition(".")[2]
    return None


@lru_cache(maxsize=256)
def _selector(css: str):
    from lxml.cssselect import CSSSelector  # needs the cssselect package

    return CSSSelector(css, translator="html")


def apply_rule(rule: SiteRule, tree):
    """A ``<body>`` element holding copies of the body elements, strip selectors removed; None if none matched."""
    found = _selector(rule.body)(tree)
    found = [el for el in found if not any(a in found for a in el.iterancestors())]
    if not found:
        return None
    if len(found) == 1:
        body = deepcopy(found[0])
        body.attrib.clear()
    else:
        body = etree.Element("body")
        body.extend(deepcopy(el) for el in found)
    body.tag, body.tail = "body", None
    for css in rule.strip:
        for el in _selector(css)(body):
            remove(el)
    return body
