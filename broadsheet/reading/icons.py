"""The app icon, drawn as a PNG with zlib and struct: a white newspaper sheet (headline bar and text lines) on the
brand's dark blue. The background fills the square and the sheet stays inside the middle 60%, so the same image
works as a ``maskable`` icon (launchers crop to their own shape, keeping the central 80%)."""
from __future__ import annotations

import struct
import zlib
from functools import lru_cache

SIZES = (192, 512)
BACKGROUND = (0x1D, 0x2F, 0x45)
PAPER = (0xFA, 0xF7, 0xF0)
INK = (0x1D, 0x2F, 0x45)
RULE = (0x9A, 0xA5, 0xB1)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _colour(x: float, y: float) -> tuple[int, int, int]:
    """The colour at (x, y), both in 0..1 of the icon's side."""
    if not (0.24 <= x < 0.76 and 0.2 <= y < 0.8):
        return BACKGROUND
    if 0.3 <= x < 0.7 and 0.27 <= y < 0.35:
        return INK  # the headline
    for top in (0.42, 0.5, 0.58, 0.66):
        if 0.3 <= x < (0.62 if top == 0.66 else 0.7) and top <= y < top + 0.03:
            return RULE  # lines of text
    return PAPER


@lru_cache(maxsize=len(SIZES))
def icon_png(size: int) -> bytes:
    rows = bytearray()
    for j in range(size):
        rows.append(0)  # filter: none
        y = (j + 0.5) / size
        for i in range(size):
            rows.extend(_colour((i + 0.5) / size, y))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(bytes(rows), 9))
            + _chunk(b"IEND", b""))
