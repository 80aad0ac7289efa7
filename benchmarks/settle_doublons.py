"""Settling every doublon of two demo carnets merged (« conflits --garder doublons actuelle », the
window's « Sélectionner les doublons » then « Une seule entrée »): one transaction.

Two demo carnets built on DEMO_TODAY, one shared, the other merged into it (« rejoindre
--fusionner »): the merged carnet lists its doublons. Each run settles them all on a fresh copy of
that carnet (the copy is made untimed). Measured: the service's ``settle`` (listing the conflicts,
checking each, the changes and the choices written and captured, the conflicts listed again for
the message); the floor, alternated with it on another fresh copy: the same rows written by bare
SQL in one transaction (the copies' deletion and the choices, through the same capture
triggers), without listing anything. For comparison, one choice at a time (``keep``, as before),
on a few doublons, extrapolated.
Run: ``cd benchmarks && PYTHONPATH=/work/main /work/bvenv/bin/python settle_doublons.py``
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from common import DEMO_TODAY, WORK, alternated, report

from ambassadeur_app.demo import build_demo
from ambassadeur_app.services import open_service
from ambassadeur_app.services.sync import SyncService, join
from ambassadeur_app.storage.sealed import KdfParams

PHRASE = "cheval agrafe batterie correcte"
FAST = KdfParams(14, 8, 1)  # the merge itself is not measured here
FOLDER = WORK / "doublons"
DEVICE = "banc-d-essai"


def merged_pair() -> Path:
    """The demo carnet merged into another demo carnet, shared: the carnet listing the doublons."""
    merged = FOLDER / "b.ambassadeur"
    if merged.exists():
        return merged
    shutil.rmtree(FOLDER, ignore_errors=True)
    FOLDER.mkdir(parents=True)
    for name in ("a", "b"):
        with open_service(FOLDER / f"{name}.ambassadeur", create=True, today=lambda: DEMO_TODAY) as service:
            build_demo(service)
    with open_service(FOLDER / "a.ambassadeur", today=lambda: DEMO_TODAY) as first:
        SyncService(first).share(FOLDER / "partage", PHRASE, FAST)
    join(FOLDER / "partage", merged, PHRASE, FAST, merge=True)
    return merged


def fresh(source: Path, name: str) -> Path:
    target = FOLDER / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def main() -> None:
    source = merged_pair()
    with open_service(source, readonly=True, today=lambda: DEMO_TODAY) as service:
        doublons = [c for c in SyncService(service).conflicts() if c.kind == "doublon"]
    print(f"{len(doublons)} doublons à régler (deux carnets de démonstration du {DEMO_TODAY} fusionnés)")
    copies = [(c.other_id, c.id) for c in doublons]
    settled: list[int] = []

    def app() -> None:
        with open_service(fresh(source, "app.ambassadeur"), today=lambda: DEMO_TODAY) as service:
            start = time.perf_counter()
            settled.append(len(SyncService(service).settle("doublons", "actuelle")))
            timings.append(time.perf_counter() - start)

    def floor() -> None:
        conn = sqlite3.connect(fresh(source, "floor.ambassadeur"), isolation_level=None)
        try:
            start = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            now = "2026-01-01T00:00:00.000Z"
            conn.executemany(
                "UPDATE time_entries SET deleted_at = ?, updated_at = ?, device_id = ? WHERE id = ?",
                [(now, now, DEVICE, copy) for copy, _ in copies],
            )
            conn.executemany(
                "INSERT INTO conflict_choices (id, choice, created_at, updated_at, device_id) "
                "VALUES (?, 'actuelle', ?, ?, ?)",
                [(conflict, now, now, DEVICE) for _, conflict in copies],
            )
            conn.execute("COMMIT")
            floor_timings.append(time.perf_counter() - start)
        finally:
            conn.close()

    timings: list[float] = []
    floor_timings: list[float] = []
    alternated(app, floor, repeat=5)
    assert set(settled) == {len(doublons)}
    timings.sort()
    floor_timings.sort()
    report(
        f"settle {len(doublons)} doublons at once (median)",
        timings[len(timings) // 2],
        floor_timings[len(floor_timings) // 2],
        "bare SQL, one transaction",
    )

    one_by_one = 5
    with open_service(fresh(source, "single.ambassadeur"), today=lambda: DEMO_TODAY) as service:
        sync = SyncService(service)
        start = time.perf_counter()
        for conflict in doublons[:one_by_one]:
            sync.keep(conflict.id, "actuelle")
        each = (time.perf_counter() - start) / one_by_one
    print(f"one at a time (keep): {each * 1000:.1f} ms each, {each * len(doublons):.2f} s for all")


if __name__ == "__main__":
    main()
