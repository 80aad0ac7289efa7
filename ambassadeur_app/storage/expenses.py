"""The quotes and invoices of the forfait événement (``expenses`` table)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from ambassadeur_app.domain.expenses import Expense, ExpenseStatus
from ambassadeur_app.storage.records import Repo

_COLUMNS = (
    "id, supplier, number, issued_on, description, amount_ht_cents, vat_cents, amount_ttc_cents, "
    "status, event_id"
)


def _expense(row: dict[str, Any]) -> Expense:
    return Expense(
        id=row["id"],
        supplier=row["supplier"],
        number=row["number"],
        issued_on=date.fromisoformat(row["issued_on"]),
        description=row["description"],
        amount_ht_cents=row["amount_ht_cents"],
        vat_cents=row["vat_cents"],
        amount_ttc_cents=row["amount_ttc_cents"],
        status=ExpenseStatus(row["status"]),
        event_id=row["event_id"],
    )


def _values(expense: Expense) -> dict[str, Any]:
    return {
        "supplier": expense.supplier,
        "number": expense.number,
        "issued_on": expense.issued_on.isoformat(),
        "description": expense.description,
        "amount_ht_cents": expense.amount_ht_cents,
        "vat_cents": expense.vat_cents,
        "amount_ttc_cents": expense.amount_ttc_cents,
        "status": expense.status.value,
        "event_id": expense.event_id,
    }


class ExpenseRepo(Repo):
    table = "expenses"

    def ids(self, event_id: str | None = None) -> list[str]:
        """Return the live expenses (of one event, or all), by date then supplier."""
        where, params = "deleted_at IS NULL", []
        if event_id is not None:
            where += " AND event_id = ?"
            params.append(event_id)
        sql = f"SELECT id FROM expenses WHERE {where} ORDER BY issued_on, supplier COLLATE NOCASE, id"
        return [row[0] for row in self.db.execute(sql, params).fetchall()]

    def get_many(self, ids: Iterable[str]) -> dict[str, Expense]:
        """Return the expenses with these ids (deleted ones included), by id."""
        return {row["id"]: _expense(row) for row in self._by_ids(_COLUMNS, ids)}

    def is_live(self, expense_id: str) -> bool:
        row = self.db.execute("SELECT deleted_at FROM expenses WHERE id = ?", [expense_id]).fetchone()
        return row is not None and row[0] is None

    def add(self, expense: Expense) -> str:
        return self._insert(_values(expense), expense.id or None)

    def update(self, expense: Expense) -> None:
        self._update(expense.id, _values(expense))
