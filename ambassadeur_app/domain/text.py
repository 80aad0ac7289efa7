"""Text normalisation for matching names and headers without regard to case or accents."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Return ``text`` lower-cased, unaccented, single-spaced (``Activité`` -> ``activite``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().replace("’", "'").split())
