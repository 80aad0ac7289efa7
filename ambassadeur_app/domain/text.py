"""Text normalisation for matching names and headers without regard to case or accents."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Return ``text`` lower-cased, unaccented, single-spaced (``Activité`` -> ``activite``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().replace("’", "'").split())


_LATIN = "".join(chr(code) for code in range(0xC0, 0x180) if len(fold(chr(code))) == 1)


def word_pattern(word: str) -> re.Pattern[str]:
    """Return a pattern finding ``word`` whatever its case and accents (``Hélène`` ~ ``HELENE``)."""
    parts = []
    for char in fold(word):
        variants = char + ("’" if char == "'" else "".join(c for c in _LATIN if fold(c) == char))
        parts.append(f"[{re.escape(variants)}]" if len(variants) > 1 else re.escape(char))
    return re.compile("".join(parts), re.IGNORECASE)


_SMALL_WORDS = {
    "a",
    "à",
    "au",
    "aux",
    "d",
    "de",
    "des",
    "du",
    "en",
    "et",
    "l",
    "la",
    "le",
    "les",
    "sous",
    "sur",
}


def title_name(text: str) -> str:
    """Return an upper-case name from a national extract in title case, small words lower:
    ``CENTRE HOSPITALIER DE TOUL`` -> ``Centre Hospitalier de Toul``. Mixed case is kept."""
    if not text.isupper():
        return text
    words = re.split(r"([\s'\-]+)", text.lower())
    return "".join(
        word if index and word in _SMALL_WORDS else word[:1].upper() + word[1:]
        for index, word in enumerate(words)
    )


# Characters no document format can hold or show: C0 and C1 controls (tab and line breaks
# excepted), lone surrogates and the two non-characters. openpyxl refuses the C0 ones outright,
# PDF fonts have no glyph for any of them, and none can be typed on a keyboard: they arrive by
# pasting from another program or inside an imported file.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def unprintable_problem(text: str) -> str | None:
    """Return a French reason if ``text`` holds a character no document can hold, else ``None``."""
    found = _UNPRINTABLE.search(text)
    if found is None:
        return None
    code = ord(found.group())
    kind = "un caractère invalide" if 0xD800 <= code <= 0xDFFF or code >= 0xFFFE else "un caractère invisible"
    return f"contient {kind} (U+{code:04X}, position {found.start() + 1}), sans doute venu d'un copier-coller"


def printable(text: str) -> str:
    """Return ``text`` without the characters no document can hold (see ``unprintable_problem``)."""
    return _UNPRINTABLE.sub("", text)
