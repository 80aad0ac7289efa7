"""Random ids, written as ``str(uuid.uuid4())`` writes them, without importing ``uuid``.

``uuid`` imports ``platform`` (~2 ms together), and ids are made on the way to a carnet's first
figures (every record, each file in the making, this computer's id): the 16 random bytes come
from the system as ``uuid.uuid4`` takes them, with the same version and variant bits.
"""

from __future__ import annotations

import os


def _spelled(digits: str) -> str:
    return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


def new_id() -> str:
    """Return a new random id (a version 4 UUID: ``3f9a1c2e-…-…``, lower case)."""
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40  # version 4
    raw[8] = raw[8] & 0x3F | 0x80  # RFC 4122 variant
    return _spelled(raw.hex())


def canonical_id(text: str) -> str:
    """Return the UUID ``text`` written as ``new_id`` writes ids (hyphens optional, any case).

    Raises:
        ValueError: ``text`` is not 32 hexadecimal digits.
    """
    digits = text.replace("-", "").lower()
    if len(digits) != 32 or digits.strip("0123456789abcdef"):
        raise ValueError(f"not a UUID: {text!r}")
    return _spelled(digits)
