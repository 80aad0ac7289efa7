"""The quotes and invoices of the forfait événement, their attached files, the signed sign-in
sheets of the events, and what is left of the forfait.

An event with expenses is not deleted (``EventsService.delete_event`` refuses): an expense is
always justified by a live event. Restoring an expense whose event was deleted since brings the
event back too. An expense of a deleted event written by an older version stays listed (its
event shown as deleted) and keeps counting against the forfait.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ambassadeur_app.domain.expenses import (
    Attachment,
    AttachmentRole,
    Expense,
    ForfaitUse,
    forfait_use,
    validate_expense,
)
from ambassadeur_app.domain.formatting import format_euros
from ambassadeur_app.errors import AppError, InvalidInput
from ambassadeur_app.services.core import ShortIdWords, find_by_short_id
from ambassadeur_app.storage.attachments import AttachmentStore, attachment_name, store_folder

if TYPE_CHECKING:
    from ambassadeur_app.services.core import CarnetCore
    from ambassadeur_app.services.events import EventsService

DELETED_EVENT = "événement supprimé"
_EXPENSE_WORDS = ShortIdWords("de la dépense", "Aucune dépense", "Plusieurs dépenses", "depenses")


class ForfaitExceeded(InvalidInput):
    """Saving the expense would take the committed amounts beyond the forfait événement: the
    GUI asks the user, the CLI says it; saved anyway with ``allow_over_forfait=True``."""

    def __init__(self, message: str, use: ForfaitUse, over_by_cents: int) -> None:
        super().__init__(message, "montant TTC")
        self.use = use
        self.over_by_cents = over_by_cents


@dataclass(frozen=True)
class AttachmentCheck:
    """An attachment and what is wrong with its file (``None``: intact)."""

    attachment: Attachment
    problem: str | None


class ExpensesService:
    """The operations on the expenses and attachments of one open carnet."""

    def __init__(self, core: CarnetCore, events: EventsService) -> None:
        self.core = core
        self.events = events
        self.carnet = core.carnet
        self.store = AttachmentStore(store_folder(self.carnet.path))

    # --- expenses -----------------------------------------------------------------------------

    def expense_ids(self, event_id: str | None = None) -> list[str]:
        """Return the live expenses (of one event, or all), by date then supplier."""
        return self.carnet.expenses.ids(event_id)

    def expenses(self, ids: Iterable[str]) -> dict[str, Expense]:
        return self.carnet.expenses.get_many(ids)

    def expense(self, expense_id: str) -> Expense:
        found = self.carnet.expenses.get_many([expense_id]).get(expense_id)
        if found is None or not self.carnet.expenses.is_live(expense_id):
            raise AppError("Cette dépense n'existe plus dans le carnet.")
        return found

    def find_expense(self, text: str) -> Expense:
        """Return the expense whose id is ``text`` or starts with it (the short id of the list).

        Raises:
            InvalidInput: no expense, or several, start so.
        """
        return self.expense(find_by_short_id(text, self.carnet.expenses.starting_with, _EXPENSE_WORDS))

    def event_title(self, event_id: str | None) -> str:
        """Return the title of an expense's event, « événement supprimé » when it was deleted."""
        if event_id is None:
            return ""
        event = self.events.events([event_id]).get(event_id)
        if event is None or not self.carnet.events.is_live(event_id):
            return f"{event.title} ({DELETED_EVENT})" if event else DELETED_EVENT
        return event.title

    def forfait_use(self, excluding: str | None = None) -> ForfaitUse:
        """Return the use of the forfait événement by the live expenses (but ``excluding``)."""
        ids = [i for i in self.expense_ids() if i != excluding]
        return forfait_use(self.core.programme().event_forfait_cents, self.expenses(ids).values())

    def save_expense(self, expense: Expense, allow_over_forfait: bool = False) -> str:
        """Add (empty id) or update an expense; return its id.

        Raises:
            InvalidInput: a field is wrong, or the event no longer exists.
            ForfaitExceeded: the amounts committed would go beyond the forfait (and more than
                before this change) without ``allow_over_forfait``; nothing is written.
        """
        checked = validate_expense(expense)
        before = self.carnet.expenses.get_many([checked.id]).get(checked.id) if checked.id else None
        if before is not None and not self.carnet.expenses.is_live(checked.id):
            raise InvalidInput("Cette dépense a été supprimée : restaurez-la avant de la modifier.")
        unchanged_event = before is not None and before.event_id == checked.event_id
        if checked.event_id is not None and not unchanged_event:
            self.events.event(checked.event_id)  # a live event: no new link to a deleted one
        if not allow_over_forfait:
            self._check_forfait(checked, before)
        with self.carnet.write():
            if before is not None:
                self.carnet.expenses.update(checked)
                return checked.id
            return self.carnet.expenses.add(checked)

    def _check_forfait(self, expense: Expense, before: Expense | None) -> None:
        use = self.forfait_use(excluding=expense.id or None)
        adding = expense.amount_ttc_cents if expense.committed else 0
        previous = before.amount_ttc_cents if before is not None and before.committed else 0
        over = use.over_by(adding)
        if over and adding > previous:
            raise ForfaitExceeded(
                f"Avec cette dépense, le forfait événements de {format_euros(use.forfait_cents)} serait "
                f"dépassé de {format_euros(over)} ({format_euros(use.committed_cents + adding)} "
                f"engagés ; il reste {format_euros(max(0, use.remaining_cents))}).",
                use,
                over,
            )

    def delete_expense(self, expense_id: str) -> None:
        """Delete an expense (undoable with ``restore_expense``); its attachments stay stored."""
        self.expense(expense_id)
        with self.carnet.write():
            self.carnet.expenses.delete([expense_id])

    def restore_expense(self, expense_id: str) -> None:
        """Bring a deleted expense back, and its event if that was deleted since."""
        expense = self.carnet.expenses.get_many([expense_id]).get(expense_id)
        with self.carnet.write():
            self.carnet.expenses.restore([expense_id])
            if expense is not None and expense.event_id and not self.carnet.events.is_live(expense.event_id):
                self.events.restore_event(expense.event_id)

    # --- attachments --------------------------------------------------------------------------

    def attach(self, expense_id: str, path: Path, role: AttachmentRole | None = None) -> Attachment:
        """Attach a PDF or image to an expense (as its quote or invoice: by default after its
        status); the same file attached twice to it is kept once.

        Raises:
            AppError: see ``AttachmentStore.put``; CarnetError: the carnet cannot be changed.
        """
        expense = self.expense(expense_id)
        if role is AttachmentRole.SIGN_IN_SHEET:
            raise InvalidInput("Une feuille d'émargement se joint à son événement, pas à une dépense.")
        return self._attach(expense_id, path, role or expense.attachment_role)

    def attach_sign_in_sheet(self, event_id: str, path: Path) -> Attachment:
        """Attach the scanned signed sign-in sheet (PDF or image) to an event."""
        self.events.event(event_id)
        return self._attach(event_id, path, AttachmentRole.SIGN_IN_SHEET)

    def sign_in_sheets(self, event_id: str) -> list[Attachment]:
        return [a for a in self.attachments_of(event_id) if a.role is AttachmentRole.SIGN_IN_SHEET]

    def _attach(self, owner_id: str, path: Path, role: AttachmentRole) -> Attachment:
        # The write first: on read-only media or a locked carnet, nothing is copied.
        with self.carnet.write():
            sha256, size, suffix = self.store.put(Path(path))
            for known in self.attachments_of(owner_id):
                if known.sha256 == sha256 and known.role is role:
                    return known
            attachment = Attachment(
                owner_id, role, attachment_name(Path(path).name), sha256, size, suffix=suffix
            )
            return replace(attachment, id=self.carnet.attachments.add(attachment))

    def attachments_of(self, owner_id: str) -> list[Attachment]:
        """Return the live attachments of an expense or an event, in the order they were attached."""
        return self.carnet.attachments.of_owners([owner_id])[owner_id]

    def detach(self, attachment_id: str) -> None:
        """Remove an attachment (its file stays in the store: another record may share it)."""
        with self.carnet.write():
            self.carnet.attachments.delete([attachment_id])

    def restore_attachment(self, attachment_id: str) -> None:
        with self.carnet.write():
            self.carnet.attachments.restore([attachment_id])

    def check_attachment(self, attachment: Attachment) -> str | None:
        """Return what is wrong with an attachment's stored file (French, naming the file and its
        owner), or ``None`` when it is intact."""
        problem = self.store.problem(attachment)
        if problem is None:
            return None
        return f"La pièce jointe « {attachment.filename} » ({self._owner_label(attachment)}) {problem}."

    def _owner_label(self, attachment: Attachment) -> str:
        if attachment.role is AttachmentRole.SIGN_IN_SHEET:
            return f"feuille d'émargement de « {self.event_title(attachment.owner_id)} »"
        expense = self.expenses([attachment.owner_id]).get(attachment.owner_id)
        owner = expense.label if expense else "dépense supprimée"
        return f"{attachment.role.label.lower()} {owner}"

    def checks(self, owner_ids: Iterable[str]) -> dict[str, list[AttachmentCheck]]:
        """Return, by owner, its attachments and what is wrong with each (the files are hashed)."""
        return {
            owner: [AttachmentCheck(a, self.check_attachment(a)) for a in attachments]
            for owner, attachments in self.carnet.attachments.of_owners(owner_ids).items()
        }

    def attachment_problems(self) -> list[str]:
        """Return what is wrong with the files of every attachment of the carnet (each hashed)."""
        return [p for p in map(self.check_attachment, self.carnet.attachments.live()) if p is not None]

    def attachment_path(self, attachment: Attachment) -> Path:
        """Return the stored file of an attachment, checked: the one to open.

        Raises:
            AppError: the file is missing or was changed after it was attached.
        """
        problem = self.check_attachment(attachment)
        if problem is not None:
            raise AppError(
                f"{problem} Elle n'est pas ouverte : retrouvez l'original et joignez-le de nouveau."
            )
        return self.store.path_of(attachment)
