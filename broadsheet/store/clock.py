"""Times in the store are naive UTC: the helpers live in ``broadsheet.clock`` (importable without the store)."""
from ..clock import from_store, to_store, utcnow

__all__ = ["from_store", "to_store", "utcnow"]
