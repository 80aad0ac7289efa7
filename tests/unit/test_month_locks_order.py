"""Two closings of one month stamped at the same moment (two demo carnets merged, two laptops
closing at once) are ordered by id too: every laptop names the same closing in force, whatever
order its rows were written in."""

from __future__ import annotations

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.services import CarnetService

OCTOBER = Month(2024, 10)


def test_closings_at_the_same_moment_give_the_same_one_in_force(service: CarnetService) -> None:
    months = service.carnet.months
    first, second = months.close(OCTOBER), months.close(OCTOBER)
    db = service.carnet.db
    db.execute("UPDATE month_locks SET closed_at = '2024-11-02T10:00:00+00:00'")
    db.execute("UPDATE month_locks SET id = 'ffff' WHERE id = ?", [first])  # written first
    db.execute("UPDATE month_locks SET id = '1111' WHERE id = ?", [second])
    lock = months.active(OCTOBER)
    assert lock is not None
    assert lock.id == "ffff"
    assert [lock.id for lock in months.history(OCTOBER)] == ["1111", "ffff"]
