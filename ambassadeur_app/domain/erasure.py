"""What erasing a person (RGPD, article 17) removes from the free text written about them.

Every value that identifies the person is replaced by « [effacé] »: their e-mail, their phone
numbers however they are written (06 12 34 56 78, 06.12.34.56.78, 0612345678,
+33 6 12 34 56 78), their RPPS number, their last and first names and each part of a compound
name long enough to be a name. Names are found as whole words only (see ``word_pattern``):
« Saint-Martin » or « fin d'année » do not name Anne Martin.
"""

from __future__ import annotations

import re
import unicodedata

from ambassadeur_app.domain.register import Professional
from ambassadeur_app.domain.text import fold, name_parts, word_pattern

ERASED = "[effacé]"

# A part of a compound name is looked for on its own when it is at least this long and is not
# a particle: « Brûlé » of « Zyxwortowska-Brûlé », not « Le » of « Le Gall » nor « van ».
_MIN_PART = 3
# fmt: off
_PARTICLES = frozenset({
    "aux", "ben", "bin", "das", "del", "della", "den", "der", "des", "dos", "ibn", "les", "mac",
    "saint", "sainte", "sous", "sur", "van", "von",
})
# fmt: on

# A phone number or an RPPS number typed in a text: its digits in order, with at most three
# separators between two digits, not inside a longer number.
# Separators people type between digits: spaces, dots, hyphens and dashes, slashes, brackets
# (« 06 - 12 - 34 », « (06) 12 », « 06–12 »).
_SEPARATORS = r"\s.\-\u2010-\u2015/()"
_DIGIT_GAP = f"[{_SEPARATORS}]{{0,3}}"
# 06…, +33 6…, 0033 6…, +33 (0)6…, +33 0 6…, and the nine digits alone (612345678).
_FRENCH_PREFIX = rf"(?:0|(?:\+|00)\s?33[{_SEPARATORS}]{{0,3}}(?:0[{_SEPARATORS}]{{0,3}})?)?"
# The numbers of a phone field (« 06 12 34 56 78 / 03 83 00 00 00 » holds two).
# A slash separates two numbers.
_PHONE_NUMBERS = re.compile(r"\+?\d(?:[\s.\-\u2010-\u2015()]{0,3}\d)*")


def identity_patterns(*people: Professional) -> list[re.Pattern[str]]:
    """Return the patterns finding the identifying values of a person in free text.

    ``people`` are the versions of one person the carnet knew (a backup may hold an older phone
    number). E-mail addresses come first, so that a name inside one does not leave the rest of it.
    """
    patterns = []
    if emails := {p.email.strip() for p in people} - {""}:
        addresses = "|".join(map(re.escape, emails))
        patterns.append(re.compile(rf"(?<![\w.+-])(?:{addresses})(?![\w-])(?!\.\w)", re.IGNORECASE))
    numbers = [_phone_source(number) for p in people for number in _PHONE_NUMBERS.findall(p.phone)]
    numbers += [
        f"(?:8{_DIGIT_GAP})?{_digits_source(p.rpps)}" for p in people if p.rpps
    ]  # 8 + RPPS: national id
    if numbers := [n for n in numbers if n]:
        patterns.append(re.compile(rf"(?<![\d+])(?:{'|'.join(numbers)})(?!\d)"))
    names = [n for p in people for n in (p.last_name, p.first_name) if len(fold(n)) > 1]
    names += [
        part
        for name in names
        for part in name_parts(name)
        if len(fold(part)) >= _MIN_PART and fold(part) not in _PARTICLES
    ]
    if names:
        patterns.append(word_pattern(*names))
    return patterns


def scrub(text: str, patterns: list[re.Pattern[str]]) -> str:
    """Replace what ``patterns`` find in ``text`` by « [effacé] »; a text naming no one is
    returned as it was (the composed form only serves to find names typed with combining accents)."""
    composed = unicodedata.normalize("NFC", text)
    scrubbed = composed
    for pattern in patterns:
        scrubbed = pattern.sub(ERASED, scrubbed)
    return text if scrubbed == composed else scrubbed


def _phone_source(number: str) -> str:
    """Return the pattern source of a phone number in any common French writing."""
    # +33 6…, 0033 6…, +33 (0)6… are the national 06…
    digits = re.sub(r"^(?:0033|33)0?(?=\d{9}$)", "0", re.sub(r"\D", "", number))
    if len(digits) == 10 and digits.startswith("0"):
        return _FRENCH_PREFIX + _digits_source(digits[1:])
    if len(digits) >= 6:  # a foreign number, written as it was typed
        return r"(?:\+|00)?" + _digits_source(digits)
    return ""  # an extension or a typo: too short to be found safely


def _digits_source(digits: str) -> str:
    return _DIGIT_GAP.join(digits)
