"""``/for-you``: ranked by what the user follows (sources, topics, entities) and recency; muted keywords left out;
paginated; muted keywords edited on /account/reading (both databases)."""
from sqlalchemy import insert, update

from broadsheet.store.schema import article_entities, articles, entities

from .reading_support import Reader
from .seeding import add_source, record, seed


def _titles(html: str) -> list[str]:
    import re
    return re.findall(r'<h2 class="card__title"><a href="/articles/\d+">([^<]+)</a>', html)


def _set(store, article_id, **values):
    with store.db.write() as conn:
        conn.execute(update(articles).where(articles.c.id == article_id).values(**values))


def test_ranked_by_follows_and_recency_with_muted_keywords_left_out(client, ctx):
    ledger, wire = add_source(ctx.store, 1, title="Ledger"), add_source(ctx.store, 2, title="Wire")
    old_followed, new_followed = seed(ctx.store, ledger, record("a", 30, title="Old ledger piece"),
                                      record("b", 1, title="Fresh ledger piece"))
    science, person, muted, other = seed(
        ctx.store, wire, record("c", 2, title="Comet spotted"), record("d", 3, title="Mayor Ellison speaks"),
        record("e", 0.5, title="Cup final tonight", summary="Rovers meet Athletic"),
        record("f", 0.2, title="Unrelated wire piece"))
    _set(ctx.store, science, category="Science")
    with ctx.store.db.write() as conn:
        entity_id = conn.execute(insert(entities).values(key="ellison", name="Ellison", kind="person")
                                 ).inserted_primary_key[0]
        conn.execute(insert(article_entities).values(article_id=person, entity_id=entity_id, mentions=2))
    _set(ctx.store, muted, category="Science")

    ann = Reader(ctx, "ann")
    ctx.store.subscriptions.subscribe(ann.id, ledger["id"])
    ctx.store.follows.follow(ann.id, "topic", "science")
    ctx.store.follows.follow(ann.id, "entity", str(entity_id))
    r = ann.post(client, "/account/reading/muted", {"muted_keywords": "athletic\n  \nathletic\n"})
    assert r.status_code == 303 and ctx.store.users.get(ann.id)["muted_keywords"] == "athletic"

    page = ann.use(client).get("/for-you").text
    # weight x recency: followed source (3) fresh > topic (2) > entity (2) older > source 30 hours old; the
    # unfollowed piece and the muted one (its summary names "Athletic") are not there
    assert _titles(page) == ["Fresh ledger piece", "Comet spotted", "Mayor Ellison speaks", "Old ledger piece"]
    assert "Unrelated wire piece" not in page and "Cup final tonight" not in page

    ctx.store.users.update(ann.id, muted_keywords="")
    assert "Cup final tonight" in _titles(client.get("/for-you").text)


def test_for_you_pages_and_other_users_see_their_own(client, ctx):
    source = add_source(ctx.store, title="Ledger")
    seed(ctx.store, source, *[record(f"s{i}", hours_ago=i + 1, title=f"Piece {i}") for i in range(7)])
    ann, bob = Reader(ctx, "ann"), Reader(ctx, "bob")
    ctx.store.subscriptions.subscribe(ann.id, source["id"])
    first, second = ann.use(client).get("/for-you").text, client.get("/for-you?page=2").text
    assert _titles(first) == [f"Piece {i}" for i in range(5)] and 'href="/for-you?page=2"' in first
    assert _titles(second) == ["Piece 5", "Piece 6"]
    assert "You do not follow anything yet" in bob.use(client).get("/for-you").text


def test_muted_keywords_bad_input_changes_nothing(client, ctx):
    ann = Reader(ctx, "ann")
    ctx.store.users.update(ann.id, muted_keywords="storm")
    r = ann.post(client, "/account/reading/muted", {"muted_keywords": "\n".join(f"w{i}" for i in range(101))})
    assert r.status_code == 400 and "At most 100 muted keywords" in r.text
    r = ann.post(client, "/account/reading/muted", {"muted_keywords": "x" * 101})
    assert r.status_code == 400 and "at most 100 characters" in r.text
    r = ann.post(client, "/account/reading/muted", {"muted_keywords": "calm"}, csrf=False)
    assert r.status_code == 403
    assert ctx.store.users.get(ann.id)["muted_keywords"] == "storm"


def test_muted_keywords_are_shown_as_text(client, ctx):
    ann = Reader(ctx, "ann")
    payload = '</textarea><script>alert(1)</script><img src=x onerror=alert(2)>'
    assert ann.post(client, "/account/reading/muted", {"muted_keywords": payload}).status_code == 303
    page = client.get("/account/reading").text
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
