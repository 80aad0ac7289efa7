"""The payments of the grant the ARS actually made (table ``grant_payments``)."""

from __future__ import annotations

from datetime import date

from ambassadeur_app.domain.bilan import GrantPayment
from ambassadeur_app.storage.records import Repo


class GrantPaymentRepo(Repo):
    table = "grant_payments"

    def all(self) -> list[GrantPayment]:
        """Return the live payments by date (then as typed)."""
        return [
            GrantPayment(date.fromisoformat(row["day"]), row["amount_cents"], row["label"], row["id"])
            for row in self.db.query(
                "SELECT id, day, amount_cents, label FROM grant_payments WHERE deleted_at IS NULL "
                "ORDER BY day, created_at, rowid"
            )
        ]

    def add(self, payment: GrantPayment) -> str:
        return self._insert(
            {"day": payment.day.isoformat(), "amount_cents": payment.amount_cents, "label": payment.label}
        )
