"""``/api/v1/{articles,stories}/{id}/comments``: the thread in reading order, posting with an API key or a session
plus its CSRF header, errors in the one shape."""
from datetime import timedelta

from sqlalchemy import insert

from broadsheet.accounts.users import create_user
from broadsheet.store.clock import utcnow
from broadsheet.store.schema import stories
from broadsheet.web.auth import SESSION_COOKIE
from tests.web.seeding import add_source, record, seed


def _user_and_key(store, name="ada"):
    user = create_user(store, name, "a good password")
    return user, {"Authorization": f"Bearer {store.api_keys.create(user['id'], 'test')}"}


def test_post_and_list_comments_with_an_api_key(client, store):
    [article_id] = seed(store, add_source(store), record("a"))
    _ada, headers = _user_and_key(store)
    url = f"/api/v1/articles/{article_id}/comments"
    assert client.get(url).json() == {"kind": "article", "target_id": article_id, "count": 0, "items": []}
    res = client.post(url, json={"body": "<b>hi</b> *there*"}, headers=headers)
    assert res.status_code == 201
    first = res.json()
    assert first["author"] == "ada" and first["body"] == "<b>hi</b> *there*"
    assert first["html"] == "<p>&lt;b&gt;hi&lt;/b&gt; <em>there</em></p>"
    res = client.post(url, json={"body": "a reply", "parent_id": first["id"]}, headers=headers)
    assert res.status_code == 201 and res.json()["parent_id"] == first["id"]
    listed = client.get(url).json()
    assert listed["count"] == 2 and [(c["body"], c["depth"]) for c in listed["items"]] == [
        ("<b>hi</b> *there*", 0), ("a reply", 1)]


def test_comments_on_a_story(client, store):
    with store.db.write() as conn:
        now = utcnow()
        story_id = conn.execute(insert(stories).values(title="The bridge", first_published_at=now,
                                                       last_published_at=now, updated_at=now)
                                ).inserted_primary_key[0]
    _ada, headers = _user_and_key(store)
    url = f"/api/v1/stories/{story_id}/comments"
    assert client.post(url, json={"body": "On the story"}, headers=headers).status_code == 201
    assert client.get(url).json()["items"][0]["body"] == "On the story"
    with store.db.read() as conn:
        assert conn.execute(stories.select().where(stories.c.id == story_id)).mappings().one()["comment_count"] == 1


def test_errors_use_the_one_shape_and_change_nothing(client, store):
    [article_id] = seed(store, add_source(store), record("a"))
    user, headers = _user_and_key(store)
    url = f"/api/v1/articles/{article_id}/comments"
    cases = [
        (client.post(url, json={"body": "x"}), 401, "sign_in_required"),
        (client.post(url, json={"body": "x"}, headers={"Authorization": "Bearer nope"}), 401, "invalid_api_key"),
        (client.post(url, json={"body": ""}, headers=headers), 422, "invalid_input"),
        (client.post(url, json={"body": "x", "extra": 1}, headers=headers), 422, "invalid_input"),
        (client.post(url, content=b"{not json", headers={**headers, "Content-Type": "application/json"}), 422,
         "invalid_input"),
        (client.post(url, json={"body": " \n "}, headers=headers), 400, "empty_comment"),
        (client.post(url, json={"body": "x", "parent_id": 99999}, headers=headers), 400, "invalid_parent"),
        (client.post("/api/v1/articles/99999/comments", json={"body": "x"}, headers=headers), 404,
         "article_not_found"),
        (client.get("/api/v1/stories/99999/comments"), 404, "story_not_found"),
    ]
    for res, status, code in cases:
        assert res.status_code == status and res.json()["error"]["code"] == code, res.text
    token, _csrf = store.sessions.create(user["id"], timedelta(days=1))
    client.cookies.set(SESSION_COOKIE, token)
    res = client.post(url, json={"body": "x"})
    assert res.status_code == 403 and res.json()["error"]["code"] == "csrf_failed"
    assert client.get(url).json()["count"] == 0
    assert client.post(url, json={"body": "x"}, headers={"X-CSRF-Token": _csrf}).status_code == 201
