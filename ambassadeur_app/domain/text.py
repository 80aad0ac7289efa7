"""Text normalisation for matching names and headers without regard to case or accents."""

from __future__ import annotations

import functools
import re
import unicodedata


def fold(text: str) -> str:
    """Return ``text`` lower-cased, unaccented, single-spaced (``Activité`` -> ``activite``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().replace("’", "'").split())


# The letters an accented name may be typed with: Latin-1, Latin Extended-A and B, and the
# Vietnamese and other precomposed letters of Latin Extended Additional (``Nguyễn``).
_LATIN = "".join(
    chr(code) for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if len(fold(chr(code))) == 1
)


def word_pattern(*words: str) -> re.Pattern[str]:
    """Return a pattern finding any of ``words`` as a whole word, whatever its case and accents.

    ``Hélène`` finds « HELENE » and « d'Hélène », never « Hélènes » or « Sainte-Hélène »: a letter
    or digit touching the word, even through a hyphen, makes it part of another word (a
    hyphenated place name is not the person). Hyphenated compounds made only of ``words`` are
    found whole, in any order. Inside one of ``words``, spaces, hyphens and apostrophes match
    any of them or none (``Le Gall`` ~ « LE-GALL » ~ « Legall »). No word: nothing is found.
    """
    sources = {_word_source(word) for word in words} - {""}
    if not sources:
        return re.compile("(?!)")
    one = f"(?:{'|'.join(sorted(sources, key=len, reverse=True))})"
    hyphen = f"[{_HYPHENS}]"
    return re.compile(
        f"(?<!{_ALNUM})(?<!{_ALNUM}{hyphen}){one}(?:{hyphen}{one})*(?!{_ALNUM})(?!{hyphen}{_ALNUM})",
        re.IGNORECASE,
    )


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


def blank(text: str) -> bool:
    """Tell whether ``text`` shows nothing: only spaces, or characters no document can hold."""
    return not printable(text).strip()


# --- word_pattern's helpers -------------------------------------------------------------------

_HYPHENS = r"\-\u2010\u2011"  # in a character class: hyphen-minus, hyphen, non-breaking hyphen
_JOINERS = f"[\\s'’{_HYPHENS}]"
_ALNUM = r"[^\W_]"


def name_parts(name: str) -> list[str]:
    """Split a name on spaces, hyphens and apostrophes: ``Le Gall-d'Arc`` -> Le, Gall, d, Arc."""
    return [part for part in re.split(f"{_JOINERS}+", name) if part]


def _word_source(word: str) -> str:
    """Return the pattern source of one word: its letters whatever their accents, any joiner
    or none between its pieces (case is left to ``re.IGNORECASE``)."""
    return f"{_JOINERS}*".join("".join(map(_letter_source, part)) for part in name_parts(fold(word)))


@functools.cache
def _letter_source(char: str) -> str:
    variants = char + "".join(c for c in _LATIN if fold(c) == char)
    return f"[{re.escape(variants)}]" if len(variants) > 1 else re.escape(char)
