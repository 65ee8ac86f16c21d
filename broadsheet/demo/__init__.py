"""The demo's own fictional news world and the tiny local servers that publish it.

``DemoSite`` (in :mod:`broadsheet.demo.server`) serves every outlet; the content lives in ``content/`` as data.
"""
from __future__ import annotations

__all__ = ["DemoOutlet", "DemoSite", "load_world"]


def __getattr__(name: str):  # lazy, so `python -m broadsheet.demo.server` does not import the module twice
    if name in ("DemoSite", "DemoOutlet"):
        from . import server
        return getattr(server, name)
    if name == "load_world":
        from .content import load_world
        return load_world
    raise AttributeError(name)
