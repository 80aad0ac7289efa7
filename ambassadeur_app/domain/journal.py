"""The journal of the experiment: dated qualitative notes (a success, a failure, a lever, an
obstacle, a highlight) from which the retour d'expérience is written. Pure rules."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ambassadeur_app.domain.dates import check_year
from ambassadeur_app.domain.formatting import format_date
from ambassadeur_app.domain.labels import Labelled
from ambassadeur_app.domain.planning import Link
from ambassadeur_app.domain.text import MAX_TEXT_LENGTH, blank
from ambassadeur_app.errors import InvalidInput

MAX_NOTE_LENGTH = MAX_TEXT_LENGTH // 4  # a few paragraphs


class NoteTag(Labelled):
    """The kind of a note; the retour d'expérience has one section per kind, in this order."""

    SUCCESS = "reussite", "Réussite"
    FAILURE = "echec", "Échec"
    LEVER = "levier", "Levier"
    OBSTACLE = "frein", "Frein"
    HIGHLIGHT = "fait_marquant", "Fait marquant"

    @property
    def heading(self) -> str:
        """The title of the retour d'expérience's section (plural)."""
        return _HEADINGS[self]


_HEADINGS = {
    NoteTag.SUCCESS: "Réussites",
    NoteTag.FAILURE: "Échecs",
    NoteTag.LEVER: "Leviers",
    NoteTag.OBSTACLE: "Freins",
    NoteTag.HIGHLIGHT: "Faits marquants",
}


@dataclass(frozen=True)
class JournalNote:
    day: date
    tag: NoteTag
    text: str
    links: tuple[Link, ...] = ()  # entries, professionals, structures or events it is about
    id: str = ""


def validate_note(note: JournalNote) -> JournalNote:
    """Check a note and return it cleaned (text trimmed, links without duplicates).

    Raises:
        InvalidInput: naming the field at fault.
    """
    check_year(note.day.year, format_date(note.day), "date")
    if blank(note.text):
        raise InvalidInput("Écrivez le texte de la note.", "texte")
    if len(note.text) > MAX_NOTE_LENGTH:
        raise InvalidInput(
            f"Note trop longue ({len(note.text)} caractères ; {MAX_NOTE_LENGTH} au plus) : "
            "raccourcissez-la ou faites-en deux.",
            "texte",
        )
    return replace(note, text=note.text.strip(), links=tuple(dict.fromkeys(note.links)))
