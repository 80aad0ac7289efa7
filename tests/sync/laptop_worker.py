"""One laptop of ``test_processes.py`` in a process of its own: random work on its carnet and
syncs through the shared folder, every operation that returned acknowledged in its log.

    python -m tests.sync.laptop_worker CARNET LOG SEED STEPS OFFLINE

It does ``STEPS`` random operations of ``test_simulation`` (the step ``n`` drawn from ``SEED``
and ``n``), the syncs of the first ``OFFLINE`` steps left out (a laptop offline: it then prints
« online » and waits for a line on its input before going on). Before a sync it prints « sync »,
after it « synced <seconds> », then waits for a line on its input: the test may kill it
meanwhile, never in the middle of an operation of the user's. Started again on the
same carnet and log, it goes on from the first step not logged, as the app starts again after
a kill (``clean_leftovers`` first).

The log (JSON lines, written as soon as each operation returned):
``{"entry": id}``, ``{"erased": id}``, ``{"write": [table, row, column, value], "seq": n,
"knew": {copy: files applied}}`` (the laptop's n-th write, and what it had applied then),
``{"copy": id, "files": n, "seq": s}`` (its writes up to ``s`` went out in its files up to
``n``; files of the merge's decisions alone may follow), ``{"step": n, "op": operation, "t":
time}`` (with, after a sync, ``"applied": {copy: files}``, for a diagnosis).
"""

from __future__ import annotations

import json
import random
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from ambassadeur_app.partfiles import clean_leftovers
from ambassadeur_app.services import open_service
from ambassadeur_app.sync.engine import DECIDED
from tests.conftest import TODAY
from tests.sync.conftest import Binome, Laptop
from tests.sync.test_simulation import OPERATIONS, World, act

WORK = [operation for operation in OPERATIONS if operation != "mischief"]  # the test does it


class Log:
    """The laptop's acknowledgements, and where it stood when it was started again."""

    def __init__(self, path: Path) -> None:
        lines = [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
        self.steps = sum("step" in line for line in lines)
        self.seq = max((line["seq"] for line in lines if "write" in line), default=0)
        self.files = {line["copy"]: line["files"] for line in lines if "copy" in line}
        self.out: TextIO = path.open("a", encoding="utf-8")

    def note(self, **fields: Any) -> None:
        self.out.write(json.dumps(fields) + "\n")
        self.out.flush()  # in the system's hands: a kill -9 of this process loses nothing

    def exports(self, laptop: Laptop) -> None:
        """Note the last file of this copy holding its writes (not the merge's decisions alone),
        if there is one new since the last note (a sync killed after writing it included)."""
        copy = laptop.sync_service.engine.replica
        files = laptop.db.execute(
            "SELECT max(file) FROM _sync_log WHERE replica = ? AND hlc NOT IN "
            "(SELECT hlc FROM _sync_log WHERE replica = ? AND col = 'device_id' AND value = ?)",
            [copy, copy, DECIDED],
        ).fetchone()[0]
        if files is not None and self.files.get(copy) != files:
            self.files[copy] = files
            self.note(copy=copy, files=files, seq=self.seq)


def applied(laptop: Laptop) -> dict[str, int]:
    """How far the laptop applied each copy's files (its own: how far it wrote them)."""
    return dict(laptop.db.execute("SELECT replica, applied FROM _sync_peers WHERE applied >= 0").fetchall())


def main(argv: list[str]) -> None:
    carnet, path, seed, steps, offline = (
        Path(argv[0]),
        Path(argv[1]),
        int(argv[2]),
        int(argv[3]),
        int(argv[4]),
    )
    clean_leftovers()
    log = Log(path)
    laptop = Laptop(open_service(carnet, today=lambda: TODAY))
    log.exports(laptop)
    for step in range(log.steps, steps):
        rng = random.Random(f"{seed}-{step}")
        operation = rng.choice(WORK)
        if step == offline > 0:  # back online once the others have worked a while
            print("online", flush=True)
            sys.stdin.readline()
        if operation == "sync" and step < offline:
            log.note(step=step, op="offline", t=time.time())
        elif operation == "sync":
            print("sync", flush=True)
            started = time.perf_counter()
            laptop.sync()
            log.exports(laptop)
            log.note(step=step, op=operation, t=time.time(), applied=applied(laptop))
            print(f"synced {time.perf_counter() - started:.3f}", flush=True)
            sys.stdin.readline()
        else:
            work(laptop, log, rng, operation)
            log.note(step=step, op=operation, t=time.time())
    laptop.close()


def work(laptop: Laptop, log: Log, rng: random.Random, operation: str) -> None:
    """Do ``operation`` as ``test_simulation`` does, on what the carnet holds; acknowledge it."""
    world = World(Binome(Path()), [laptop], rng, seq=[log.seq], knows=[[0]], exported=[{}])
    rows = laptop.db.execute("SELECT id, day, minutes FROM time_entries").fetchall()
    world.entries = [row[0] for row in rows]
    world.typed = {row[0]: (date.fromisoformat(row[1]), row[2]) for row in rows}
    world.people = [row[0] for row in laptop.db.execute("SELECT id FROM professionals").fetchall()]
    knew = applied(laptop)
    act(world, operation, 0)
    for entry in world.entries[len(rows) :]:
        log.note(entry=entry)
    for person in world.erased:
        log.note(erased=person)
    for write in world.writes:
        log.note(write=[write.table, write.row_id, write.column, write.value], seq=write.seq, knew=knew)
    log.seq = world.seq[0]


if __name__ == "__main__":
    main(sys.argv[1:])
