"""Laptops in processes of their own, working and syncing at the same time through one folder,
killed (SIGKILL) in the middle of their syncs: at the end every carnet holds the same data, no
acknowledged operation is lost, every conflict is listed alike (``test_simulation.check``).

Each laptop runs ``laptop_worker``; this test starts them, kills a worker at a random moment of a
sync and starts it again on its carnet, meanwhile does to the folder what sync engines do
(``test_simulation.mischief``: a file truncated for a while, duplicates, files in transfer). One
laptop works offline most of the time, its clock hours ahead. The runs are not reproducible to
the operation (the processes interleave as the machine lets them), but their end is: the folder
as the workers left it is kept beside the run's (``…-fin``) until the checks pass, and
``python -m tests.sync.test_processes FOLDER-fin`` replays the end (``main``).

Two runs are part of the test suite; more on demand, as a soak test:
``SYNC_PROCESS_SEEDS="$(seq 100 299)" pytest tests/sync/test_processes.py`` (about 5 s a run;
200 runs in a row passed on the final code of session 21). Each fault it found is kept as a
deterministic test (``test_process_findings.py`` and others: see docs/synchronisation.md).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ambassadeur_app.services import open_service
from tests.conftest import TODAY
from tests.sync.conftest import Binome, Laptop, ahead
from tests.sync.test_simulation import World, Write, check, mischief

ROOT = Path(__file__).parents[2]
STEPS = 60
KILLS = 2  # at most, per worker
SEEDS = [int(seed) for seed in os.environ.get("SYNC_PROCESS_SEEDS", "1 2").split()]


class Worker:
    """One laptop's process, killed while syncing and started again until its steps are done."""

    def __init__(self, laptop: Path, log: Path, seed: int, offline: int, rng: random.Random) -> None:
        self.argv = [sys.executable, "-m", "tests.sync.laptop_worker", str(laptop), str(log)]
        self.argv += [str(seed), str(STEPS), str(offline)]
        self.errors = log.with_suffix(".err")
        self.rng = rng
        self.kills = self.amid = 0  # kills, and those that came before the sync ended
        self.code: int | None = None
        self.syncs = 0
        self.others: list[Worker] = []
        self.thread = threading.Thread(target=self.drive)

    def start(self) -> subprocess.Popen[str]:
        with self.errors.open("a") as errors:
            return subprocess.Popen(
                self.argv, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, text=True
            )

    def drive(self) -> None:
        process, lasts = self.start(), 0.05
        while True:
            line = process.stdout.readline() if process.stdout else ""
            if not line:
                process.communicate()  # its pipes closed
                self.code = process.returncode
                return
            if line == "sync\n" and self.kills < KILLS and self.rng.random() < 0.3:
                time.sleep(self.rng.uniform(0, lasts))
                process.kill()
                self.kills += 1
                self.amid += "synced" not in process.communicate()[0]
                process = self.start()
            elif line.startswith("synced") or line == "online\n":
                if line == "online\n":  # the others sync a few times first
                    while any(other.thread.is_alive() and other.syncs < 3 for other in self.others):
                        time.sleep(0.05)
                else:
                    lasts = float(line.split()[1])
                    self.syncs += 1
                assert process.stdin
                process.stdin.write("go\n")
                process.stdin.flush()


@pytest.mark.parametrize("seed", SEEDS)
def test_laptops_in_processes_killed_while_syncing_converge_and_lose_nothing(
    tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    count = rng.randint(3, 5)
    binome = Binome(tmp_path)
    laptops = [binome.first()] + [binome.join(f"l{i}") for i in range(1, count)]
    for laptop in laptops[:-1]:
        if rng.random() < 0.5:
            ahead(laptop, rng.randint(1, 5))
    ahead(laptops[-1], rng.randint(6, 12))  # the laptop offline for weeks
    paths = [laptop.service.path for laptop in laptops]
    binome.close()
    logs = [tmp_path / f"l{i}.log" for i in range(count)]
    workers = [
        Worker(
            paths[i],
            logs[i],
            rng.randrange(10**6),
            STEPS * 3 // 4 if i == count - 1 else 0,
            random.Random(rng.random()),
        )
        for i in range(count)
    ]
    for worker in workers:
        worker.others = [other for other in workers if other is not worker]
        worker.thread.start()
    world = World(binome, [], rng)
    while any(worker.thread.is_alive() for worker in workers):
        time.sleep(rng.uniform(0.05, 0.3))
        with contextlib.suppress(FileNotFoundError):  # a file replaced meanwhile
            mischief(world)
    for worker in workers:
        worker.thread.join()
    assert [worker.code for worker in workers] == [0] * count, [w.errors.read_text() for w in workers]
    for path, data in world.hidden.items():
        now = path.read_bytes()
        if len(now) < len(data) and data.startswith(now):  # not written again by its laptop
            path.write_bytes(data)  # the truncated file arrives whole
    assert not [path for path in binome.folder.rglob("*") if ".part" in path.name]
    kept = tmp_path.with_name(f"{tmp_path.name}-fin")
    shutil.copytree(tmp_path, kept)  # for a replay of the end if it fails (``main``)
    end(tmp_path, count)
    shutil.rmtree(kept)
    print(f"seed {seed}: {count} laptops, kills {[(w.kills, w.amid) for w in workers]}")


def end(folder: Path, count: int) -> None:
    """The end of a run, from its folder as the workers left it: everyone syncs until a round
    changes nothing, then the checks. Deterministic: a failed run replays from its copy."""
    binome = Binome(folder)
    world = World(binome, [], random.Random(0))
    paths = [folder / "a.ambassadeur"] + [folder / f"l{i}.ambassadeur" for i in range(1, count)]
    binome.laptops = world.laptops = [Laptop(open_service(path, today=lambda: TODAY)) for path in paths]
    try:
        until_quiet(world.laptops)
        acknowledged(world, [folder / f"l{i}.log" for i in range(count)])
        check(world)
        for laptop in world.laptops:
            assert laptop.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        binome.close()


def until_quiet(laptops: list[Laptop]) -> None:
    """Everyone syncs until a round where nothing is written nor applied."""
    for _ in range(2 * len(laptops)):
        reports = [laptop.sync() for laptop in laptops]
        if not any(
            report.exported or report.applied or report.rewritten or report.replaced for report in reports
        ):
            return
    raise AssertionError("the laptops never stop exchanging")


def acknowledged(world: World, logs: list[Path]) -> None:
    """What the workers' logs acknowledged, in ``world``; what each write's laptop knew of the
    other laptops' writes, from the files it had applied and what each of them held."""
    lines = [[json.loads(line) for line in log.read_text().splitlines()] for log in logs]
    owner = {line["copy"]: index for index, found in enumerate(lines) for line in found if "copy" in line}
    exports = [
        (line["copy"], line["files"], line["seq"]) for found in lines for line in found if "files" in line
    ]
    for index, found in enumerate(lines):
        for line in found:
            if "entry" in line:
                world.entries.append(line["entry"])
            elif "erased" in line:
                world.erased.add(line["erased"])
            elif "write" in line:
                knew = [0] * len(logs)
                for copy, files, seq in exports:
                    if files <= line["knew"].get(copy, 0):
                        knew[owner[copy]] = max(knew[owner[copy]], seq)
                table, row_id, column, value = line["write"]
                world.writes.append(Write(index, line["seq"], table, row_id, column, value, knew))


def main(kept: Path) -> None:
    """Replay the end of a failed run from the copy the test kept (``…-fin``, beside the run's
    folder: the carnets hold the shared folder's path, so the run's folder is restored first).

        python -m tests.sync.test_processes /tmp/pytest-of-…/test_laptops…0-fin
    """
    folder = kept.with_name(kept.name.removesuffix("-fin"))
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(kept, folder)
    os.environ["AMBASSADEUR_HOME"] = str(folder / "home")
    end(folder, len(list(folder.glob("l*.log"))))
    print("end replayed: the carnets agree")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
