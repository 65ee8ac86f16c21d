"""Extraction stage: article body, text and metadata from a page's HTML (``extract``)."""
from .pipeline import extract

__all__ = ["extract"]
