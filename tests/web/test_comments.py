"""Comments through the article page's forms: posting, threads, editing and deleting your own, other users'
comments, flags, moderation, limits and the counts on lists. Both databases."""
from broadsheet.accounts.users import create_user
from tests.support.forms import PASSWORD, Forms

from .accounts_fixtures import app_client, signed_in
from .html import main_of, text_of
from .seeding import add_source, record, seed


def _article(store) -> int:
    [article_id] = seed(store, add_source(store), record("bridge", title="Council backs the bridge"))
    return article_id


def _comments(client, article_id: int):
    return main_of(client.get(f"/articles/{article_id}")).xpath(".//section[@id='comments']")[0]


def _comment_as(client, store, name: str, article_id: int, body: str, parent_id: int | None = None):
    """Sign ``name`` in, post ``body`` on the article's page; (its id, the Forms of that session)."""
    _user, forms = signed_in(client, store, name)
    forms.comment(f"/articles/{article_id}", "article", article_id, body, parent_id=parent_id)
    return store.comments.thread("article", article_id)[-1]["id"], forms


def _bodies(section) -> list[str]:
    return [text_of(li) for li in section.xpath(".//div[@class='comment__body']")]


def test_empty_state_and_sign_in_prompt(store):
    article_id = _article(store)
    with app_client(store) as (client, _ctx):
        section = _comments(client, article_id)
        assert "No comments yet." in text_of(section)
        assert section.xpath(".//a[text()='Sign in']/@href") == [f"/login?next=/articles/{article_id}"]
        assert not section.xpath(".//form")  # no forms for visitors (and no cookie: the page stays cacheable)
        assert "set-cookie" not in client.get(f"/articles/{article_id}").headers


def test_post_reply_and_counts(store):
    article_id = _article(store)
    page = f"/articles/{article_id}"
    with app_client(store) as (client, _ctx):
        _ada, forms = signed_in(client, store, "ada")
        res = forms.comment(page, "article", article_id, "First! *really* see https://example.org/x.")
        first = store.comments.thread("article", article_id)[0]
        assert res.status_code == 303 and res.headers["location"] == f"{page}#comment-{first['id']}"
        _bob, forms = signed_in(client, store, "bob")
        forms.comment(page, "article", article_id, "A reply", parent_id=first["id"])
        forms.comment(page, "article", article_id, "Second top-level")
        reply = store.comments.thread("article", article_id)[1]
        forms.comment(page, "article", article_id, "Reply to the reply", parent_id=reply["id"])
        section = _comments(client, article_id)
        items = section.xpath(".//li[contains(@class,'comment ')]")
        depths = [li.get("class").split("depth-")[1] for li in items]
        assert _bodies(section) == ["First! really see https://example.org/x.", "A reply", "Reply to the reply",
                                    "Second top-level"]
        assert depths == ["0", "1", "2", "0"]
        assert section.xpath(".//em/text()") == ["really"]
        assert section.xpath(".//div[@class='comment__body']//a/@href") == ["https://example.org/x"]
        assert "(4)" in text_of(section.xpath(".//h2")[0])
        assert store.articles.get(article_id)["comment_count"] == 4
        client.cookies.clear()
        home = main_of(client.get("/"))
        assert home.xpath(f".//a[@href='/articles/{article_id}#comments']/text()") == ["4 comments"]


def test_reply_to_a_comment_of_another_thread_is_refused(store):
    [a1, a2] = seed(store, add_source(store), record("one"), record("two"))
    with app_client(store) as (client, _ctx):
        _ada, forms = signed_in(client, store, "ada")
        forms.comment(f"/articles/{a1}", "article", a1, "On the first")
        other = store.comments.thread("article", a1)[0]
        res = forms.comment(f"/articles/{a2}", "article", a2, "Sneaky", parent_id=other["id"])
        assert res.status_code == 400 and "invalid_parent" in res.text
        assert store.comments.thread("article", a2) == [] and store.articles.get(a2)["comment_count"] == 0
        res = forms.comment(f"/articles/{a2}", "article", 999999, "Nowhere")
        assert res.status_code == 404


def test_edit_and_delete_your_own(store):
    article_id = _article(store)
    page = f"/articles/{article_id}"
    with app_client(store) as (client, _ctx):
        cid, forms = _comment_as(client, store, "ada", article_id, "Typo hree")
        forms.comment(page, "article", article_id, "a reply to keep", parent_id=cid)
        forms.post(page, f"/comments/{cid}/edit", body="Typo here")
        section = _comments(client, article_id)
        assert _bodies(section)[0] == "Typo here" and "edited" in text_of(section)
        forms.post(page, f"/comments/{cid}/delete")
        section = _comments(client, article_id)
        assert "This comment was deleted." in text_of(section) and _bodies(section) == ["a reply to keep"]
        assert store.articles.get(article_id)["comment_count"] == 1
        assert store.comments.get(cid)["body"] == ""


def test_another_users_comment_cannot_be_edited_or_deleted(store):
    article_id = _article(store)
    page = f"/articles/{article_id}"
    with app_client(store) as (client, _ctx):
        cid, forms = _comment_as(client, store, "ada", article_id, "Ada's words")
        _bob, forms = signed_in(client, store, "bob")
        assert not _comments(client, article_id).xpath(".//form[contains(@action,'/edit')]")
        res = forms.post(page, f"/comments/{cid}/edit", body="Bob was here")
        assert res.status_code == 403 and "not_your_comment" in res.text
        assert forms.post(page, f"/comments/{cid}/delete").status_code == 403
        assert forms.post(page, "/comments/424242/delete").status_code == 404
        row = store.comments.get(cid)
        assert row["body"] == "Ada's words" and row["deleted_at"] is None and row["edited_at"] is None


def test_comment_forms_need_sign_in_and_csrf(store):
    article_id = _article(store)
    with app_client(store) as (client, _ctx):
        data = {"kind": "article", "target_id": str(article_id), "body": "hello"}
        assert client.post("/comments", data=data).status_code == 401
        signed_in(client, store, "ada")
        assert client.post("/comments", data=data).status_code == 403
        assert client.post("/comments", data={**data, "csrf_token": "forged"}).status_code == 403
        assert store.comments.thread("article", article_id) == []


def test_length_limit_empty_and_rate_limit(store):
    article_id = _article(store)
    page = f"/articles/{article_id}"
    with app_client(store, comment_max_chars=50, comment_rate_limit="2/10m") as (client, _ctx):
        _ada, forms = signed_in(client, store, "ada")
        res = forms.comment(page, "article", article_id, "x" * 51)
        assert res.status_code == 400 and "at most 50 characters" in res.text
        assert forms.comment(page, "article", article_id, "  \n\x00 ").status_code == 400
        assert forms.comment(page, "article", article_id, "x" * 50).status_code == 303
        assert forms.comment(page, "article", article_id, "two").status_code == 303
        res = forms.comment(page, "article", article_id, "three")
        assert res.status_code == 429 and "Too many comments" in res.text
        assert len(store.comments.thread("article", article_id)) == 2


def test_flags_and_moderation(store):
    article_id = _article(store)
    page = f"/articles/{article_id}"
    with app_client(store) as (client, _ctx):
        cid, forms = _comment_as(client, store, "ada", article_id, "Something rude")
        forms.comment(page, "article", article_id, "a reply", parent_id=cid)
        for name in ("bob", "cy"):
            _u, forms = signed_in(client, store, name)
            forms.post(page, f"/comments/{cid}/flag", reason="rude <b>really</b>")
        forms.post(page, f"/comments/{cid}/flag")  # a second flag from the same reader does not count
        assert store.comments.get(cid)["flag_count"] == 2
        token = forms.token(page)
        assert client.post(f"/moderation/{cid}/hide", data={"csrf_token": token}).status_code == 403
        create_user(store, "mod", PASSWORD, "moderator")
        _m, forms = signed_in(client, store, "mod")
        queue = main_of(client.get("/moderation"))
        item = queue.xpath(f".//li[@id='mod-{cid}']")[0]
        assert "2 flags" in text_of(item) and "rude <b>really</b>" in text_of(item)
        assert client.post(f"/moderation/{cid}/hide", data={"csrf_token": "forged"}).status_code == 403
        assert store.comments.get(cid)["hidden"] is False
        assert "Comment hidden" in forms.post("/moderation", f"/moderation/{cid}/hide", follow=True).text
        assert store.articles.get(article_id)["comment_count"] == 1
        assert "Something rude" in text_of(_comments(client, article_id))  # moderators still see it, marked
        client.cookies.clear()
        section = _comments(client, article_id)
        assert "hidden by a moderator" in text_of(section) and "Something rude" not in text_of(section)
        _m, forms = signed_in(client, store, "mod")
        forms.post("/moderation", f"/moderation/{cid}/unhide")
        forms.post("/moderation", f"/moderation/{cid}/dismiss")
        assert store.comments.get(cid)["flag_count"] == 0 and store.articles.get(article_id)["comment_count"] == 2
        assert "Nothing to moderate" in client.get("/moderation").text
        forms.post(page, f"/moderation/{cid}/delete")
        assert store.comments.get(cid)["deleted_at"] is not None
        assert store.articles.get(article_id)["comment_count"] == 1


def test_visitor_posting_through_forms_helper_after_real_sign_up(store):
    article_id = _article(store)
    with app_client(store, signup="open") as (client, _ctx):
        forms = Forms(client)
        forms.sign_up("newbie")
        assert forms.comment(f"/articles/{article_id}", "article", article_id, "Hi all").status_code == 303
        assert _bodies(_comments(client, article_id)) == ["Hi all"]


def test_reply_link_turns_the_form_into_a_reply(store):
    article_id = _article(store)
    page = f"/articles/{article_id}"
    with app_client(store) as (client, _ctx):
        cid, forms = _comment_as(client, store, "ada", article_id, "Question?")
        section = _comments(client, article_id)
        assert section.xpath(".//a[@class='comment__reply']/@href") == [f"?reply={cid}#comment-form"]
        reply_page = main_of(client.get(f"{page}?reply={cid}"))
        form = reply_page.xpath(".//form[@id='comment-form']")[0]
        assert form.xpath(".//input[@name='parent_id']/@value") == [str(cid)] and "Reply to ada" in text_of(form)
        for bad in ("abc", "-1", "999999"):  # not a comment of this thread: an ordinary comment form
            form = main_of(client.get(f"{page}?reply={bad}")).xpath(".//form[@id='comment-form']")[0]
            assert not form.xpath(".//input[@name='parent_id']")
