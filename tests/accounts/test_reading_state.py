"""Subscriptions in a user's categories, and read/saved marks with the entries query, on both databases."""
from datetime import timedelta

import pytest

from broadsheet.accounts.users import create_user
from broadsheet.errors import Conflict, NotFound
from broadsheet.store.clock import utcnow
from tests.web.seeding import add_source, record, seed


@pytest.fixture
def two_users(store):
    return create_user(store, "ann", "password one"), create_user(store, "ben", "password two")


def test_subscriptions_and_categories_are_per_user(store, two_users):
    ann, ben = two_users
    s1, s2 = add_source(store, 1), add_source(store, 2)
    news = store.subscriptions.add_category(ann["id"], "News")
    with pytest.raises(Conflict):
        store.subscriptions.add_category(ann["id"], "News")
    store.subscriptions.add_category(ben["id"], "News")  # the same title for another user is fine
    sub = store.subscriptions.subscribe(ann["id"], s1["id"], news["id"])
    assert sub["category_title"] == "News" and sub["title"] == s1["title"]
    assert store.subscriptions.subscribe(ann["id"], s1["id"])["category_id"] == news["id"]  # idempotent
    store.subscriptions.subscribe(ben["id"], s2["id"])
    assert [s["source_id"] for s in store.subscriptions.list(ann["id"])] == [s1["id"]]
    with pytest.raises(NotFound):
        store.subscriptions.subscribe(ben["id"], s1["id"], news["id"])  # ann's category
    with pytest.raises(NotFound):
        store.subscriptions.get(ben["id"], s1["id"])
    renamed = store.subscriptions.update(ann["id"], s1["id"], title="Mine")
    assert renamed["title"] == "Mine"
    all_ = store.subscriptions.ensure_category(ann["id"])
    assert store.subscriptions.ensure_category(ann["id"])["id"] == all_["id"]
    store.subscriptions.delete_category(ann["id"], news["id"])
    assert store.subscriptions.get(ann["id"], s1["id"])["category_id"] is None
    store.subscriptions.unsubscribe(ann["id"], s1["id"])
    with pytest.raises(NotFound):
        store.subscriptions.unsubscribe(ann["id"], s1["id"])


def test_marks_and_entries(store, two_users):
    ann, ben = two_users
    src, other = add_source(store, 1), add_source(store, 2)
    ids = seed(store, src, record("a", hours_ago=3), record("b", hours_ago=2), record("c", hours_ago=1))
    seed(store, other, record("d", hours_ago=1))
    store.subscriptions.subscribe(ann["id"], src["id"])
    assert [e["id"] for e in store.states.entries(ann["id"])] == ids[::-1]  # only followed sources, newest first
    assert store.states.unread_counts(ann["id"]) == {src["id"]: 3}
    assert store.states.mark(ann["id"], [ids[0], 999999], read=True) == 1
    assert store.states.mark(ann["id"], [ids[1]], saved=True) == 1
    assert store.states.mark(ann["id"], [ids[1]], read=True) == 1  # keeps saved
    unread = store.states.entries(ann["id"], read=False)
    assert [e["id"] for e in unread] == [ids[2]]
    saved = store.states.entries(ann["id"], saved=True)
    assert [(e["id"], e["read"], e["saved"]) for e in saved] == [(ids[1], True, True)]
    assert store.states.unread_counts(ann["id"]) == {src["id"]: 1}
    assert store.states.entries(ben["id"]) == []  # ben follows nothing; ann's marks are hers
    assert store.states.marks(ben["id"], ids) == {}
    store.states.mark(ann["id"], ids, read=False)
    assert store.states.unread_counts(ann["id"]) == {src["id"]: 3}


def test_mark_all_read_up_to_a_time(store, two_users):
    ann, _ = two_users
    src = add_source(store, 1)
    ids = seed(store, src, record("a", hours_ago=5), record("b", hours_ago=4), record("c", hours_ago=1))
    store.subscriptions.subscribe(ann["id"], src["id"])
    store.states.mark(ann["id"], [ids[0]], saved=True)
    store.states.mark_all_read(ann["id"], before=utcnow() - timedelta(hours=2))
    assert [e["id"] for e in store.states.entries(ann["id"], read=False)] == [ids[2]]
    assert store.states.entries(ann["id"], saved=True)[0]["id"] == ids[0]  # saved kept
    store.states.mark_all_read(ann["id"], source_ids=[src["id"]])
    assert store.states.unread_counts(ann["id"]) == {}
