"""The payments of the grant the ARS actually made (table ``grant_payments``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ambassadeur_app.storage.records import Repo

if TYPE_CHECKING:
    from ambassadeur_app.domain.bilan import GrantPayment


class GrantPaymentRepo(Repo):
    table = "grant_payments"

    def all(self) -> list[GrantPayment]:
        """Return the live payments by date (then as typed)."""
        # Here: the bilan's domain (~2.3 ms) comes with the payments, not with their repository.
        from ambassadeur_app.domain.bilan import GrantPayment

        return [
            GrantPayment(date.fromisoformat(row["day"]), row["amount_cents"], row["label"], row["id"])
            for row in self.db.query(
                "SELECT id, day, amount_cents, label FROM grant_payments WHERE deleted_at IS NULL "
                "ORDER BY day, created_at, rowid"
            )
        ]

    def received_cents(self) -> int:
        """Return the sum of the live payments (the tableau de bord's figure, without the bilan)."""
        return int(
            self.db.execute(
                "SELECT coalesce(sum(amount_cents), 0) FROM grant_payments WHERE deleted_at IS NULL"
            ).fetchone()[0]
        )

    def add(self, payment: GrantPayment) -> str:
        return self._insert(
            {"day": payment.day.isoformat(), "amount_cents": payment.amount_cents, "label": payment.label}
        )
