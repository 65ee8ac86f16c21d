"""The synthetic corpus of ``bench/ingest.py``: news outlets with a full-text feed, a summary-only feed and one HTML
page per article, generated deterministically from a seed and a small word list.

Layout (URL paths on the bench server are the file paths; every absolute URL in the files starts with
``PLACEHOLDER_BASE``, which the server replaces with its own address when it loads them):

    feeds/full/<outlet>.xml      RSS 2.0, each item's whole body in content:encoded (300-600 words)
    feeds/summary/<outlet>.xml   RSS 2.0, the same items with a one-paragraph description only
    pages/<outlet>/<slug>.html   the article page: head metadata, JSON-LD, scripts and styles, header navigation,
                                 cookie banner, share links, tags, newsletter box, related and most-read lists,
                                 footer, around the same body
    corpus.json                  the manifest: seed, counts, and every item's URL and search token

Each article carries a unique search token (``items[].token``) and the word ``COMMON_TOKEN``, so that a benchmark
can check every stored article is found by full-text search.
"""
from __future__ import annotations

import json
import random
import re
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

PLACEHOLDER_BASE = "http://bench.invalid"
COMMON_TOKEN = "broadsheetbench"
DEFAULT_SEED = 20261126
NEWEST = datetime(2026, 10, 30, 18, 0, tzinfo=UTC)

WORDS = """
the of and to a in that is was for on with as by at from it his her their its this which be have has had were
are been will would could should may might said says after before during while when where because about over
under between into through against among across around near since until within without again still also only
even just more most less many much some several every each other another same new old first last next early
late long short high low large small great little major minor local national regional public private city town
village county council government minister ministry agency department committee board court judge police officer
school college university hospital clinic doctor nurse patient teacher student parent child family resident
worker union employer company firm business market trade price cost budget fund tax rate wage pay job contract
plan project programme scheme policy law rule report study survey data figure number percent share rise fall
increase decrease growth decline pressure demand supply energy power water road rail bridge port harbour ferry
bus train station airport housing home house street district centre area region coast river valley hill field
farm crop harvest weather storm rain flood heat summer winter spring autumn morning evening night week month year
decade century history museum library festival concert theatre film music art book season match team player
coach club league cup final goal score win victory defeat draw fan crowd stadium race record title championship
vote election campaign candidate party leader member debate question answer statement decision review inquiry
investigation evidence case trial verdict sentence appeal charge fine damage repair work service network system
technology software device computer internet phone signal battery factory plant site tower building office
shop store customer visitor tourist guest driver passenger cyclist traffic journey route timetable delay strike
protest meeting agreement deal offer proposal support opposition concern warning risk safety health care
treatment vaccine research scientist engineer expert analyst official spokesperson director chief manager owner
founder volunteer charity group community neighbourhood
announced confirmed expected reported described warned agreed refused approved rejected opened closed started
finished launched introduced reduced raised cut added removed replaced rebuilt moved returned remained became
stayed reached passed missed found lost kept held took gave made saw heard told asked called showed helped left
brought built bought sold paid spent saved earned planned delayed cancelled
quickly slowly finally recently currently nearly almost already soon later often rarely usually clearly
""".split()
FIRST_NAMES = ("Ada Bram Cora Dario Elin Femi Greta Hugo Ines Jonas Kaia Lior Mara Nils Oona Pavel Rhea Sami "
               "Tova Ugo Vera Wren Yara Zeno").split()
LAST_NAMES = ("Abbott Brennan Castell Dorn Ellery Farrow Gale Hollis Iver Jansen Kell Lorne Marlow Novak Orme "
              "Penrose Quail Reyne Sallow Thorne Umber Vance Wilde Yardley").split()
PLACES = ("Ashby Bexford Caldmoor Dunmere Eastmouth Fernhill Glenrow Halden Iverton Kilnbridge Larkfield "
          "Millbrook Northfield Oakhurst Port Ellery Ravenscar Saltmarsh Tarrow Upton Westerley").split()
SECTIONS = ["News", "Local", "Politics", "Business", "Sport", "Culture", "Science", "Health", "Travel", "Opinion",
            "Weather", "Obituaries"]
LETTERS = "abcdefghijklmnopqrstuvwxyz"
_TAGS = re.compile(r"<[^>]+>")


class _Writer:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def words(self, n: int) -> list[str]:
        return [self.rng.choice(WORDS) for _ in range(n)]

    def sentence(self, lo: int = 8, hi: int = 22) -> str:
        ws = self.words(self.rng.randint(lo, hi))
        if self.rng.random() < 0.35:
            ws.insert(self.rng.randrange(len(ws)), self.rng.choice(PLACES))
        if self.rng.random() < 0.15:
            ws.insert(self.rng.randrange(len(ws)), f"{self.rng.randint(2, 980)}")
        ws[0] = ws[0].capitalize()
        if len(ws) > 10 and self.rng.random() < 0.4:
            ws[len(ws) // 2] += ","
        return " ".join(ws) + self.rng.choice(".....?")

    def paragraph(self, n_words: int) -> str:
        out: list[str] = []
        while sum(len(s.split()) for s in out) < n_words:
            out.append(self.sentence())
        return " ".join(out)

    def title(self) -> str:
        ws = self.words(self.rng.randint(5, 9))
        ws.insert(self.rng.randrange(len(ws)), self.rng.choice(PLACES))
        ws[0] = ws[0].capitalize()
        return " ".join(ws)

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"


def _token(n: int) -> str:
    """A unique letters-only search word per article: 'zq' + n in base 26 (letters only survive every stemmer)."""
    digits = ""
    for _ in range(4):
        n, r = divmod(n, 26)
        digits = LETTERS[r] + digits
    return "zq" + digits + "x"


def _body(w: _Writer, token: str, image_base: str) -> tuple[str, str]:
    """The article body HTML (300-600 words) and its first paragraph (the feed summary)."""
    target = w.rng.randint(300, 520)  # quotes and lists come on top: 300-600 words in all
    parts: list[str] = []
    words = 0
    first = ""
    n = 0
    while words < target:
        size = min(w.rng.randint(40, 90), max(15, target - words))
        text = w.paragraph(size)
        if n == 1:
            text += f" The archive lists it as {token} in the {COMMON_TOKEN} collection."
        if n == 0:
            first = text
        parts.append(f"<p>{escape(text)}</p>")
        words += len(text.split())
        n += 1
        roll = w.rng.random()
        if n % 3 == 0 and roll < 0.6:
            parts.append(f"<h2>{escape(w.title())}</h2>")
        elif roll < 0.12:
            quote = w.paragraph(25)
            parts.append(f"<blockquote><p>\u201c{escape(quote)}\u201d said {w.person()}.</p></blockquote>")
            words += len(quote.split()) + 3
        elif roll < 0.18:
            items = "".join(f"<li>{escape(w.sentence(4, 9))}</li>" for _ in range(w.rng.randint(3, 5)))
            parts.append(f"<ul>{items}</ul>")
        elif roll < 0.24:
            parts.append(f'<figure><img src="{image_base}/{w.rng.randint(1, 99999)}.jpg" alt="{escape(w.title())}" '
                         f'width="1200" height="800"><figcaption>{escape(w.sentence(6, 12))}</figcaption></figure>')
    return "\n".join(parts), first


_CSS = "".join(f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{i * 37 % 4096:03x}}}" for i in range(160))
_ANALYTICS = ("window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());"
              "gtag('config','G-BENCH0001');"
              + "".join(f"var a{i}=document.querySelectorAll('.c{i}');" for i in range(80)))
_ICON = ('<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2L2 7l10 5 10-5-10-5zm0 7.5L4.5 6 12 '
         '2.5 19.5 6 12 9.5z"></path></svg>')
_CARD = "flex flex-col gap-2 rounded-md border border-gray-200 p-3 hover:shadow-lg transition-shadow"


def _links(w: _Writer, base: str, n: int, cls: str = "nav-link text-sm font-medium") -> str:
    return "".join(f'<li class="nav-item"><a class="{cls}" href="{base}/{w.words(1)[0]}/{w.rng.randint(1, 999)}">'
                   f"{escape(w.title()[:28])}</a></li>" for _ in range(n))


def _cards(w: _Writer, base: str, items: list[dict], n: int) -> str:
    out = []
    for k in range(n):
        o = items[k % len(items)] if items else {"url": base + "/", "title": w.title()}
        out.append(f'<div class="{_CARD}"><a class="card-link" href="{o["url"]}">'
                   f'<img class="card-image" loading="lazy" src="{base}/img/card-{w.rng.randint(1, 9999)}.jpg" alt=""></a><h3 class="card-title">'
                   f'<a href="{o["url"]}">{escape(o["title"])}</a></h3><p class="card-dek">{escape(w.sentence(8, 14))}'
                   f'</p><span class="card-meta">{w.rng.randint(2, 59)} min ago</span></div>')
    return "".join(out)


def _page(outlet: dict, item: dict, body: str, w: _Writer, others: list[dict]) -> str:
    """An article page with the weight of a real one (~800 elements, ~100 KB, as the pages of the extraction
    benchmark): mega menu, ads, share bar, related grids, comments, a big JSON state script, a large footer."""
    base, slug, name = PLACEHOLDER_BASE, outlet["slug"], escape(outlet["name"])
    site = f"{base}/{slug}"
    menu = "".join(f'<li class="menu-item has-children"><a class="menu-link" href="{site}/{s.lower()}">{s}</a>'
                   f'<ul class="sub-menu">{_links(w, site, 8)}</ul></li>' for s in SECTIONS)
    trending = "".join(f'<a class="trending-link" href="{o["url"]}">{escape(o["title"][:40])}</a>' for o in others[:8])
    ad = ('<div class="ad-slot" data-ad-unit="/1234/{0}"><div class="ad-label">Advertisement</div>'
          '<div id="ad-{0}-{1}"></div></div>')
    share = "".join(f'<a class="share-{n}" href="https://{n}.example/share?u={item["url"]}">{_ICON}<span>{n}</span></a>'
                    for n in ("facebook", "x", "linkedin", "whatsapp", "email"))
    tags = "".join(f'<li><a class="tag" href="{site}/topic/{t}">{t}</a></li>' for t in w.words(5))
    comments = "".join(f'<div class="comment"><p class="comment-author"><a href="{site}/user/{w.rng.randint(1, 9999)}">'
                       f'{escape(w.person())}</a> <span class="comment-time">{w.rng.randint(1, 23)}h</span></p>'
                       f'<p class="comment-body">{escape(w.sentence(6, 20))}</p>'
                       '<button class="reply">Reply</button></div>'
                       for _ in range(w.rng.randint(3, 6)))
    footer = "".join(f'<div class="footer-col"><h4>{escape(w.title()[:20])}</h4>'
                     f'<ul>{_links(w, site, 12, "footer-link")}</ul></div>' for _ in range(5))
    state = json.dumps({"props": {"page": {"id": item["n"], "section": item["section"], "related": [
        {"id": w.rng.randint(1, 10 ** 6), "headline": w.title(), "dek": w.sentence(), "url": o["url"]}
        for o in others * 3], "ads": {"slots": [f"slot-{k}" for k in range(30)], "targeting": w.words(60)}}},
        "buildId": "bench", "runtimeConfig": {"features": {f"flag{k}": k % 2 == 0 for k in range(80)}}})
    jsonld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": item["title"],
                         "datePublished": item["published"].isoformat(), "author": {"@type": "Person",
                         "name": item["author"]}, "publisher": {"@type": "Organization", "name": outlet["name"]}})
    title, author, when = escape(item["title"]), escape(item["author"]), item["published"].isoformat()
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {name}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="{item["url"]}">
<meta name="description" content="{escape(item["summary"][:200])}">
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{name}">
<meta property="og:image" content="{base}/img/{item["n"]}.jpg">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{when}">
<link rel="stylesheet" href="{base}/static/site.css"><link rel="preload" href="{base}/static/font.woff2" as="font">
<style>{_CSS}</style>
<script type="application/ld+json">{jsonld}</script>
<script>{_ANALYTICS}</script>
</head><body class="article-page theme-light">
<a class="skip-link" href="#main">Skip to content</a>
<div class="cookie-banner" role="dialog">We use cookies to measure traffic and show you relevant offers.
<button>Accept all</button> <button>Manage choices</button></div>
{ad.format("leaderboard", item["n"])}
<header class="site-header"><div class="top-bar"><span class="date">{item["published"]:%A %d %B %Y}</span>
<a href="{site}/subscribe">Subscribe</a> <a href="{site}/login">Sign in</a> {_ICON * 3}</div>
<div class="logo"><a href="{site}/">{name}</a></div>
<nav class="primary" aria-label="Sections"><ul class="menu">{menu}</ul></nav>
<form class="search" action="{site}/search"><input name="q" placeholder="Search"><button>{_ICON}</button></form>
<div class="trending"><span>Trending:</span> {trending}</div></header>
<div class="breadcrumbs"><a href="{site}/">Home</a> &rsaquo; <a href="{site}/{item["section"].lower()}">{item["section"]}</a></div>
<main id="main" class="container"><div class="grid"><article class="story col-8">
<header class="story-header"><h1>{title}</h1>
<p class="byline">By <a rel="author" href="{site}/authors/{item["n"] % 17}">{author}</a>,
<time datetime="{when}">{item["published"]:%d %B %Y}</time></p>
<div class="share-bar">{share}</div></header>
<div class="story-body">
{body}
</div>
<ul class="tags">{tags}</ul>
<div class="newsletter"><h3>Morning briefing</h3><p>The day's news from {name} in your inbox at seven.</p>
<form><input type="email" placeholder="Email address"><button>Sign up</button></form></div>
<section class="comments"><h2>Comments</h2>{comments}<a href="{site}/comments/{item["n"]}">Show all comments</a></section>
</article>
<aside class="sidebar col-4">{ad.format("mpu", item["n"])}<section class="most-read"><h2>Most read</h2><ol>
{"".join(f'<li><a href="{o["url"]}">{escape(o["title"])}</a> <span class="count">{w.rng.randint(2, 99)}k</span></li>' for o in others)}
</ol></section>{ad.format("halfpage", item["n"])}</aside></div>
<section class="related"><h2>Related stories</h2><div class="card-grid">{_cards(w, base, others, 12)}</div></section>
{ad.format("billboard", item["n"])}
<section class="more"><h2>More from {item["section"]}</h2><div class="card-grid">{_cards(w, base, others[::-1], 12)}</div></section>
</main>
<footer class="site-footer"><div class="footer-grid">{footer}</div>
<div class="social">{_ICON * 5}</div>
<p>&copy; 2026 {name}. All rights reserved. Registered in England, company number {outlet["n"] + 100000}.</p></footer>
<div class="modal" hidden><form class="login"><h2>Sign in</h2><label>Email <input type="email"></label>
<label>Password <input type="password"></label><button>Sign in</button><a href="{site}/forgot">Forgot password?</a></form></div>
<script id="__NEXT_DATA__" type="application/json">{state}</script>
<script src="{base}/static/app.js" defer></script>
<script>document.querySelectorAll('.share-bar a').forEach(function(a){{a.addEventListener('click',function(){{gtag('event','share')}})}});</script>
</body></html>
"""


def _item_xml(item: dict, full: bool) -> str:
    content = f"\n<content:encoded><![CDATA[{item['body']}]]></content:encoded>" if full else ""
    return (f"<item><title>{escape(item['title'])}</title><link>{item['url']}</link>"
            f"<guid isPermaLink=\"false\">{item['guid']}</guid><pubDate>{format_datetime(item['published'])}</pubDate>"
            f"<author>desk@{item['outlet']}.example ({escape(item['author'])})</author>"
            f"<category>{escape(item['section'])}</category>"
            f"<description>{escape(item['summary'])}</description>{content}</item>")


def _feed_xml(outlet: dict, items: list[dict], full: bool) -> str:
    body = "\n".join(_item_xml(i, full) for i in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>'
            f"<title>{escape(outlet['name'])}</title><link>{PLACEHOLDER_BASE}/{outlet['slug']}/</link>"
            f"<description>News from {escape(outlet['name'])}</description><language>en</language>"
            f"<lastBuildDate>{format_datetime(NEWEST)}</lastBuildDate>\n{body}\n</channel></rss>\n")


def generate(out: Path, feeds: int = 50, items: int = 40, seed: int = DEFAULT_SEED) -> dict:
    """Write the corpus into ``out`` (created) and return its manifest."""
    rng = random.Random(seed)
    w = _Writer(rng)
    outlets = []
    for n in range(feeds):
        name = f"The {rng.choice(PLACES)} {rng.choice(['Courier', 'Gazette', 'Ledger', 'Herald', 'Post', 'Echo'])}"
        outlets.append({"n": n, "slug": f"outlet-{n:03d}", "name": name})
    manifest = {"seed": seed, "feeds": feeds, "items_per_feed": items, "placeholder_base": PLACEHOLDER_BASE,
                "common_token": COMMON_TOKEN, "outlets": [], "items": []}
    for d in ("feeds/full", "feeds/summary", "pages"):
        (out / d).mkdir(parents=True, exist_ok=True)
    count = 0
    for outlet in outlets:
        entries = []
        for k in range(items):
            title = w.title()
            slug = "-".join(title.lower().split()[:6]) + f"-{count:05d}"
            entry = {"n": count, "outlet": outlet["slug"], "title": title, "author": w.person(),
                     "section": rng.choice(SECTIONS), "guid": f"{outlet['slug']}-{k:04d}",
                     "url": f"{PLACEHOLDER_BASE}/pages/{outlet['slug']}/{slug}.html",
                     "path": f"{outlet['slug']}/{slug}.html",
                     "published": NEWEST - timedelta(minutes=37 * count + rng.randint(0, 30)),
                     "token": _token(count)}
            entry["body"], entry["summary"] = _body(w, entry["token"], f"{PLACEHOLDER_BASE}/img/{outlet['slug']}")
            entries.append(entry)
            count += 1
        for entry in entries:
            others = [e for e in entries if e is not entry][:10]
            page = _page(outlet, entry, entry["body"], w, others)
            target = out / "pages" / entry["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")
        for kind, full in (("full", True), ("summary", False)):
            (out / "feeds" / kind / f"{outlet['slug']}.xml").write_text(_feed_xml(outlet, entries, full),
                                                                        encoding="utf-8")
        manifest["outlets"].append({"slug": outlet["slug"], "name": outlet["name"],
                                    "full": f"{PLACEHOLDER_BASE}/feeds/full/{outlet['slug']}.xml",
                                    "summary": f"{PLACEHOLDER_BASE}/feeds/summary/{outlet['slug']}.xml"})
        manifest["items"] += [{"url": e["url"], "guid": e["guid"], "token": e["token"], "title": e["title"],
                               "words": len(_TAGS.sub(" ", e["body"]).split())} for e in entries]
    (out / "corpus.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest
