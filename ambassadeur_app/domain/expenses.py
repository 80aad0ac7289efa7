"""Expenses of the forfait événement: quotes and invoices, their amounts and status, the files
attached to them (and to events: the scanned signed sign-in sheet), and what is left of the
forfait. Pure dataclasses and rules (no SQL, no files)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from ambassadeur_app.domain.dates import check_year
from ambassadeur_app.domain.events import SHORT_TEXT
from ambassadeur_app.domain.formatting import format_date, format_euros, format_number, plural
from ambassadeur_app.domain.labels import Labelled
from ambassadeur_app.domain.text import MAX_TEXT_LENGTH, blank, printable
from ambassadeur_app.errors import InvalidInput

# Far above any event's quote: an amount beyond it is a typo (an extra zero or two).
MAX_AMOUNT_CENTS = 100_000_000


class ExpenseStatus(Labelled):
    QUOTE = "devis", "Devis"
    ORDERED = "commande", "Commandé"
    INVOICED = "facture", "Facturé"
    PAID = "paye", "Payé"


# Ordered, invoiced or paid: the money is spent (or promised) and counts against the forfait.
COMMITTED = frozenset({ExpenseStatus.ORDERED, ExpenseStatus.INVOICED, ExpenseStatus.PAID})


class AttachmentRole(Labelled):
    QUOTE = "devis", "Devis"
    INVOICE = "facture", "Facture"
    SIGN_IN_SHEET = "emargement", "Feuille d'émargement signée"


@dataclass(frozen=True)
class Expense:
    """A quote or an invoice of the forfait événement; amounts in cents."""

    supplier: str
    number: str
    issued_on: date
    description: str
    amount_ht_cents: int
    vat_cents: int
    amount_ttc_cents: int
    status: ExpenseStatus = ExpenseStatus.QUOTE
    event_id: str | None = None
    id: str = ""

    @property
    def committed(self) -> bool:
        return self.status in COMMITTED

    @property
    def attachment_role(self) -> AttachmentRole:
        """The role a file attached to it has by default: its quote, or once ordered its invoice."""
        return AttachmentRole.QUOTE if self.status is ExpenseStatus.QUOTE else AttachmentRole.INVOICE

    @property
    def label(self) -> str:
        """Return ``Traiteur Dupont n° F-12 du 02/09/2024`` (to name it in a message)."""
        number = f" n° {self.number}" if self.number else ""
        return f"{self.supplier}{number} du {format_date(self.issued_on)}"


@dataclass(frozen=True)
class Attachment:
    """A file (PDF or image) kept in the carnet's attachment store, named by its SHA-256."""

    owner_id: str
    role: AttachmentRole
    filename: str
    sha256: str
    size: int
    id: str = ""
    suffix: str = ".pdf"

    @property
    def stored_name(self) -> str:
        return f"{self.sha256}{self.suffix}"


def complete_amounts(ht: int | None, vat: int | None, ttc: int | None) -> tuple[int, int, int]:
    """Return (HT, TVA, TTC) with the one amount left empty computed from the other two.

    Raises:
        InvalidInput: fewer than two amounts given.
    """
    if ht is not None and vat is not None and ttc is None:
        return ht, vat, ht + vat
    if ht is not None and ttc is not None and vat is None:
        return ht, ttc - ht, ttc
    if vat is not None and ttc is not None and ht is None:
        return ttc - vat, vat, ttc
    if ht is None or vat is None or ttc is None:
        raise InvalidInput(
            "Indiquez au moins deux des trois montants (HT, TVA, TTC) : le troisième est calculé. "
            "Sans TVA (auto-entrepreneur, association), la TVA est de 0.",
            "montants",
        )
    return ht, vat, ttc


# Compiled on first use by ``re`` (and kept in its cache), not at import.
_AMOUNT = r"(-?)(\d+)(?:[,.](\d{1,2}))?"
# « 6.800,00 » (dots between thousands, a comma before the cents) or « 1.234.567 »: the dots can
# only group thousands there. « 6.800 » alone is left to _AMOUNT, which refuses it (6,80 € or
# 6 800 € ?).
_DOTTED_THOUSANDS = r"-?\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?"


def parse_amount(text: str, field: str = "montant") -> int | None:
    """Parse an amount typed the French way (``1 234,56``, ``6.800,00``, ``1234.5``, ``80 €``)
    into cents; empty gives ``None``.

    Raises:
        InvalidInput: naming the value typed.
    """
    value = re.sub(r"[\s\u00a0\u202f'€]", "", text)
    if not value:
        return None
    if re.fullmatch(_DOTTED_THOUSANDS, value) and ("," in value or value.count(".") > 1):
        value = value.replace(".", "")
    match = re.fullmatch(_AMOUNT, value)
    if match is None or len(match.group(2)) > 12:
        raise InvalidInput(
            f"Montant invalide pour « {field} » : « {text.strip()} ». Écrivez-le en euros, par exemple "
            "1 234,50.",
            field,
        )
    sign, euros, decimals = match.groups()
    cents = int(euros) * 100 + int((decimals or "0").ljust(2, "0"))
    return -cents if sign else cents


def validate_expense(expense: Expense) -> Expense:
    """Check an expense and return it cleaned (texts trimmed).

    Raises:
        InvalidInput: naming the field at fault.
    """
    supplier = " ".join(printable(expense.supplier).split())
    if blank(supplier):
        raise InvalidInput("Indiquez le fournisseur.", "fournisseur")
    number = " ".join(printable(expense.number).split())
    description = printable(expense.description).strip()
    for text, limit, name in (
        (supplier, SHORT_TEXT, "fournisseur"),
        (number, SHORT_TEXT, "numéro"),
        (description, MAX_TEXT_LENGTH // 4, "description"),
    ):
        if len(text) > limit:
            raise InvalidInput(
                f"Texte trop long pour le champ « {name} » ({format_number(len(text), 0)} caractères ; "
                f"{format_number(limit, 0)} au plus).",
                name,
            )
    check_year(expense.issued_on.year, format_date(expense.issued_on), "date")
    for cents, name in (
        (expense.amount_ht_cents, "montant HT"),
        (expense.vat_cents, "TVA"),
        (expense.amount_ttc_cents, "montant TTC"),
    ):
        if cents < 0:
            raise InvalidInput(f"Le {name} ne peut pas être négatif ({format_euros(cents)}).", name)
        if cents > MAX_AMOUNT_CENTS:
            raise InvalidInput(
                f"Le {name} dépasse {format_euros(MAX_AMOUNT_CENTS)} : vérifiez le nombre de zéros.", name
            )
    if expense.amount_ht_cents + expense.vat_cents != expense.amount_ttc_cents:
        raise InvalidInput(
            f"Les montants ne concordent pas : {format_euros(expense.amount_ht_cents)} HT + "
            f"{format_euros(expense.vat_cents)} de TVA font "
            f"{format_euros(expense.amount_ht_cents + expense.vat_cents)}, pas "
            f"{format_euros(expense.amount_ttc_cents)} TTC.",
            "montant TTC",
        )
    return replace(
        expense,
        supplier=supplier,
        number=number,
        description=description,
        event_id=expense.event_id or None,
    )


@dataclass(frozen=True)
class ForfaitUse:
    """What the forfait événement holds and what is spent from it, in cents.

    The forfait pays amounts TTC: a CPTS is an association that does not recover VAT, so the
    VAT it pays is a cost like the rest (the funder reimburses what was really paid).
    """

    forfait_cents: int
    committed_cents: int
    quoted_cents: int

    @property
    def remaining_cents(self) -> int:
        return self.forfait_cents - self.committed_cents

    def over_by(self, extra_cents: int = 0) -> int:
        """Return how far committing ``extra_cents`` more would go beyond the forfait (0: within)."""
        return max(0, self.committed_cents + extra_cents - self.forfait_cents)

    def would_exceed(self, extra_cents: int) -> bool:
        return self.over_by(extra_cents) > 0

    @property
    def label(self) -> str:
        """Return the forfait line shown at all times (screen and command line)."""
        line = (
            f"Forfait événements : {format_euros(self.committed_cents)} engagés sur "
            f"{format_euros(self.forfait_cents)}, "
        )
        if self.remaining_cents >= 0:
            line += f"reste {format_euros(self.remaining_cents)}"
        else:
            line += f"dépassé de {format_euros(-self.remaining_cents)}"
        line += f" ; devis en attente : {format_euros(self.quoted_cents)}"
        if self.quoted_cents and self.over_by(self.quoted_cents) and self.remaining_cents >= 0:
            line += " (au-delà du forfait s'ils sont tous commandés)"
        return line


def forfait_use(forfait_cents: int, expenses: Iterable[Expense]) -> ForfaitUse:
    """Return the use of the forfait: TTC of what is ordered, invoiced or paid; TTC of the
    quotes not yet ordered."""
    committed = quoted = 0
    for expense in expenses:
        if expense.committed:
            committed += expense.amount_ttc_cents
        else:
            quoted += expense.amount_ttc_cents
    return ForfaitUse(forfait_cents, committed, quoted)


def settlement_text(received_cents: int, spent_cents: int, grant_cents: int) -> str:
    """Say what settles the grant, given the payments received and the expenses of the forfaits:
    the surplus to return to the ARS, the balance it still owes, or neither (the one figure the
    bilan, the dashboard and the payments dialog give; ``Bilan.refund_cents``, ``due_cents``).
    Here, not in ``bilan.py``: the tableau de bord gives it without the bilan's module."""
    retained = min(spent_cents, grant_cents)
    if received_cents > retained:
        return f"Excédent à reverser à l'ARS : {format_euros(received_cents - retained)}"
    if received_cents < retained:
        return f"Solde restant à verser par l'ARS : {format_euros(retained - received_cents)}"
    return "Versements reçus égaux aux dépenses couvertes par la subvention : rien à reverser ni à verser"


def format_size(size: int) -> str:
    """Return a file's size as ``12 Ko`` or ``2,4 Mo``."""
    if size < 1024 * 1024:
        return f"{format_number(max(1, round(size / 1024)), 0)}\u00a0Ko"
    return f"{format_number(size / (1024 * 1024), 1)}\u00a0Mo"


MISSING_DOCUMENT = "Justificatif manquant"


def missing_document(expense: Expense, roles: Iterable[AttachmentRole]) -> str | None:
    """Say which document a committed expense lacks, or ``None``: an invoiced or paid one needs
    its invoice; an ordered one its quote (or already its invoice); a quote is not spent yet."""
    if not expense.committed:
        return None
    ordered = expense.status is ExpenseStatus.ORDERED
    wanted = {AttachmentRole.QUOTE, AttachmentRole.INVOICE} if ordered else {AttachmentRole.INVOICE}
    if wanted & set(roles):
        return None
    return f"{MISSING_DOCUMENT} : {'devis ou facture' if ordered else 'facture'}"


def attachments_status(count: int, faulty: int) -> str:
    """Say how an expense's attached files are: ``2 pièces en ordre``, ``1 pièce en défaut``."""
    if faulty:
        return plural(faulty, "pièce en défaut", "pièces en défaut")
    return f"{plural(count, 'pièce')} en ordre" if count else "sans pièce"
