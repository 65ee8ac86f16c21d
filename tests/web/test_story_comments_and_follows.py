"""Where the features meet on the enrich pages (both databases): a story has its own comment thread; topics and
entities are followed from their pages and then rank in For you; their article lists carry the reader's marks."""
from __future__ import annotations

from .enriched import VELMORA, world  # noqa: F401
from .html import main_of
from .reading_support import Reader


def test_story_page_has_its_own_comment_thread(world):  # noqa: F811
    story_id = world.story_of("velmora-quake")
    client, ctx = world.client, world.ctx
    client.cookies.clear()
    page = client.get(f"/stories/{story_id}").text
    assert "No comments yet." in page and f"/login?next=/stories/{story_id}" in page
    ann = Reader(ctx, "ann")
    r = ann.post(client, "/comments", {"kind": "story", "target_id": str(story_id), "body": "Stay safe, Velmora."})
    assert r.status_code == 303
    page = client.get(f"/stories/{story_id}").text
    assert "Stay safe, Velmora." in page and 'name="kind" value="story"' in page
    assert [c["body"] for c in ctx.store.comments.thread("story", story_id)] == ["Stay safe, Velmora."]
    assert "Comments <span class=\"comments__count\">(1)</span>" in page
    article_page = client.get(f"/articles/{world.ids[VELMORA[0]]}").text
    assert "Stay safe, Velmora." not in article_page  # the story's thread is not an article's


def test_follow_a_category_and_an_entity_from_their_pages(world):  # noqa: F811
    client, ctx = world.client, world.ctx
    story_id = world.story_of("velmora-quake")
    entity = ctx.store.stories.entities(story_id)[0]
    category = ctx.store.articles.get(world.ids[VELMORA[0]])["category"]
    slug = category.lower()
    ann = Reader(ctx, "ann")
    ann.use(client)
    topic_page = client.get(f"/topics/{slug}")
    form = main_of(topic_page).xpath(".//form[@class='follow-form']")
    assert form and form[0].get("action") == "/follow"
    assert ann.post(client, "/follow", {"kind": "topic", "key": slug, "back": f"/topics/{slug}"}).status_code == 303
    assert ann.post(client, "/follow", {"kind": "entity", "key": str(entity["id"]),
                                        "back": f"/entities/{entity['id']}"}).status_code == 303
    assert ctx.store.follows.keys(ann.id, "topic") == {slug}
    assert ctx.store.follows.keys(ann.id, "entity") == {str(entity["id"])}
    ann.use(client)
    assert "Following · Unfollow" in client.get(f"/topics/{slug}").text
    entity_page = client.get(f"/entities/{entity['id']}").text
    assert "Following · Unfollow" in entity_page and "card--unread" in entity_page  # the reader's marks on lists
    for_you = client.get("/for-you").text
    assert f"/articles/{world.ids[VELMORA[0]]}" in for_you
