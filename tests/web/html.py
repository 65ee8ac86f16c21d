"""Reading rendered pages in tests."""
from __future__ import annotations

import lxml.html


def page(response):
    assert response.headers["content-type"].startswith("text/html"), response.headers["content-type"]
    return lxml.html.fromstring(response.text)


def main_of(response):
    return page(response).find(".//main")


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def titles(response) -> list[str]:
    return [text_of(a) for a in main_of(response).xpath(".//*[contains(@class,'card__title')]/a")]
