"""The base of the enums whose members carry a French label: a small module of its own, so that
a module needing one such enum does not import the whole register (``register.py``) with it."""

from __future__ import annotations

from enum import StrEnum

from ambassadeur_app.domain.text import fold
from ambassadeur_app.errors import InvalidInput


class Labelled(StrEnum):
    """An enum whose members carry a French label (the second value of their definition)."""

    label: str

    def __new__(cls, value: str, label: str = "") -> Labelled:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def parse(cls, text: str) -> Labelled:
        """Find a member by value or label, ignoring case and accents.

        Raises:
            InvalidInput: naming the accepted labels.
        """
        wanted = fold(text)
        for member in cls:
            if wanted in (fold(member.value), fold(member.label)):
                return member
        labels = ", ".join(member.label for member in cls)
        raise InvalidInput(f"Valeur inconnue : « {text} » (possibles : {labels}).")
