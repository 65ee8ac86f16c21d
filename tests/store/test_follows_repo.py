"""Follows (topics, entities) per user, on both databases: idempotent, scoped to their user, checked input."""
import pytest

from broadsheet.accounts.users import create_user
from broadsheet.errors import InvalidInput, NotFound


def test_follows_are_per_user_and_idempotent(store):
    ann = create_user(store, "ann", "a good password")["id"]
    bob = create_user(store, "bob", "a good password")["id"]
    store.follows.follow(ann, "topic", "science")
    store.follows.follow(ann, "topic", "science")  # again: nothing changes
    store.follows.follow(ann, "entity", "7")
    assert store.follows.keys(ann, "topic") == {"science"}
    assert [(f["kind"], f["key"]) for f in store.follows.list(ann)] == [("entity", "7"), ("topic", "science")]
    assert store.follows.list(bob) == [] and not store.follows.is_following(bob, "topic", "science")

    with pytest.raises(NotFound):  # bob cannot remove ann's follow: for him it does not exist
        store.follows.unfollow(bob, "topic", "science")
    assert store.follows.is_following(ann, "topic", "science")
    store.follows.unfollow(ann, "topic", "science")
    assert store.follows.keys(ann, "topic") == set()


@pytest.mark.parametrize("kind,key", [("keyword", "x"), ("topic", ""), ("topic", "x" * 201), ("source", "1")])
def test_bad_follows_are_refused_and_store_nothing(store, kind, key):
    ann = create_user(store, "ann", "a good password")["id"]
    with pytest.raises(InvalidInput):
        store.follows.follow(ann, kind, key)
    assert store.follows.list(ann) == []
