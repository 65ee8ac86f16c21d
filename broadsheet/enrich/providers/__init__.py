"""Embedding back-ends: ``minilm`` (sentence-transformers, optional extra) and ``tfidf`` (always available)."""
