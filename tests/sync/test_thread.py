"""The window's sync runs in a worker thread, on a connection of its own (``in_thread``)."""

from __future__ import annotations

import threading

from ambassadeur_app.sync.engine import SyncReport
from tests.conftest import log_entry
from tests.sync.conftest import DAY, PHRASE, Binome


def test_sync_in_a_thread_applies_the_other_laptops_changes(binome: Binome) -> None:
    a = binome.first()
    a.sync()
    b = binome.join("b")
    entry = log_entry(b.service, DAY, 45)
    b.sync()
    assert a.sync_service.last_changes() == {}
    reports: list[SyncReport] = []

    def work() -> None:
        with a.sync_service.in_thread() as worker:
            reports.append(worker.sync(PHRASE))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    (report,) = reports
    assert sum(report.applied.values()) == 1
    # Read back on the window's own connection, still usable, and the keys kept for the next sync.
    assert a.db.execute("SELECT minutes FROM time_entries WHERE id = ?", [entry]).fetchone() == (45,)
    assert a.sync_service._known is not None
    assert a.sync_service._known.passphrase == PHRASE
    assert set(a.sync_service.last_changes()) == {b.sync_service.engine.replica}
    assert a.sync_service.last_changes() == report.last_change
    log_entry(a.service, DAY, 15)  # the window writes on after the worker let go
    assert a.sync_service.pending() == 1
