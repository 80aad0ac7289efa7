"""Text normalisation for matching names and headers without regard to case or accents."""

from __future__ import annotations

import functools
import re
import unicodedata


def fold(text: str) -> str:
    """Return ``text`` lower-cased, unaccented, single-spaced (``Activité`` -> ``activite``).

    The ligatures œ and æ, which no decomposition splits, become ``oe`` and ``ae``: a French
    keyboard has no key for them, so ``vandoeuvre`` must find « Vandœuvre ». The characters no
    document can hold are left out, as they are when a text is saved (``clean_line``): a name
    typed with a zero-width joiner (« 👩🏽‍⚕️ ») finds the one saved without it.
    """
    decomposed = unicodedata.normalize("NFKD", clean_line(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = stripped.casefold().replace("œ", "oe").replace("æ", "ae")
    return " ".join(folded.replace("’", "'").split())


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
# Also the invisible format characters a copy from a web page or a PDF brings (soft hyphen,
# zero-width spaces and joiners, direction marks, embeddings and isolates, the other format
# characters of U+2060–U+206F, byte order mark) — two names that look alike must be alike — and
# U+FFFD, what a decoder leaves for a byte it could not read.
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\ufeff\ud800-\udfff\ufffd\ufffe\uffff]"
)
# The longest text a carnet takes in one field (a pasted report, not a book).
MAX_TEXT_LENGTH = 20_000


def too_long(length: int) -> str:
    """Say (in French) that a text of ``length`` characters is over ``MAX_TEXT_LENGTH``."""
    from ambassadeur_app.domain.formatting import format_number

    length_text, limit = format_number(length, 0), format_number(MAX_TEXT_LENGTH, 0)
    return f"texte trop long ({length_text} caractères ; {limit} au plus)"


def unprintable_problem(text: str) -> str | None:
    """Return a French reason if ``text`` holds a character no document can hold, else ``None``."""
    found = _UNPRINTABLE.search(text)
    if found is None:
        return None
    code, where = ord(found.group()), found.start() + 1
    if code == 0xFFFD:
        return (
            f"contient un caractère illisible (U+FFFD, position {where}), sans doute un mélange d'encodages"
        )
    kind = "un caractère invalide" if 0xD800 <= code <= 0xDFFF or code >= 0xFFFE else "un caractère invisible"
    return f"contient {kind} (U+{code:04X}, position {where}), sans doute venu d'un copier-coller"


def printable(text: str) -> str:
    """Return ``text`` without the characters no document can hold (see ``unprintable_problem``)."""
    return _UNPRINTABLE.sub("", text)


def clean_line(text: str) -> str:
    """Return a one-line text (a name) as it is saved and looked up: ``printable``, single-spaced
    (a character removed between two spaces leaves one)."""
    return " ".join(printable(text).split())


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
    return f"{_JOINERS}*".join(_part_source(part) for part in name_parts(fold(word)))


# ``fold`` spells the ligatures out; a text may still hold them (« ŒILLET » for Oeillet).
_LIGATURES = {"oe": "œŒ", "ae": "æÆ"}


def _part_source(part: str) -> str:
    sources, index = [], 0
    while index < len(part):
        pair = part[index : index + 2]
        if pair in _LIGATURES:
            letters = _letter_source(pair[0]) + _letter_source(pair[1])
            sources.append(f"(?:{letters}|[{_LIGATURES[pair]}])")
            index += 2
        else:
            sources.append(_letter_source(part[index]))
            index += 1
    return "".join(sources)


@functools.cache
def _latin() -> str:
    """Return the letters an accented name may be typed with: Latin-1, Latin Extended-A and B,
    and the Vietnamese and other precomposed letters of Latin Extended Additional (``Nguyễn``).
    Worked out on first use (~1 ms: most commands never match a name)."""
    return "".join(
        chr(code) for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if len(fold(chr(code))) == 1
    )


@functools.cache
def _letter_source(char: str) -> str:
    variants = char + "".join(c for c in _latin() if fold(c) == char)
    return f"[{re.escape(variants)}]" if len(variants) > 1 else re.escape(char)
