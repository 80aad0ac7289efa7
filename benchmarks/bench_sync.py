"""Sync figures (docs/synchronisation.md): what change capture costs a save and an RPPS-sized import,
the size of the change files, the time to apply six months of the other laptop's work, from
scratch (« rejoindre ») and week by week (« sync »), and to share and join the 100 000-entry carnet.

Run with the venv without dev extras:
``cd benchmarks && PYTHONPATH=/work/main /work/bvenv/bin/python bench_sync.py``
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import time
import uuid
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from common import (
    AMBASSADORS,
    PROGRAMME,
    REGISTER_TODAY,
    TEMPLATES,
    WORK,
    alternated,
    best,
    big_carnet,
    demo_carnet,
    report,
)

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Mission, TimeEntry
from ambassadeur_app.domain.register import Channel, Contact, Professional
from ambassadeur_app.services import CarnetService, open_service
from ambassadeur_app.services.sync import SyncService, join
from ambassadeur_app.storage.sealed import DEFAULT_KDF, derive_keys
from ambassadeur_app.sync.files import Keys, change_files

PHRASE = "cheval agrafe batterie correcte"
WEEKS = 26
ENTRIES_PER_WEEK = 77  # ~2 000 entries in six months
REGISTER_PER_WEEK = 192  # ~5 000 register rows: professionals, contacts and their links
TODAY = PROGRAMME.start_date + timedelta(days=7 * WEEKS + 10)


def fresh(name: str) -> Path:
    path = WORK / "sync" / name
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def kib(paths: list[Path]) -> str:
    return f"{sum(p.stat().st_size for p in paths) / 1024:,.0f} KiB".replace(",", " ")


def week_of_work(service: CarnetService, week: int, rng: random.Random) -> None:
    """One week of the other laptop: entries, register records, contacts, a few edits."""
    people = [a.id for a in service.ambassadors()]
    start = PROGRAMME.start_date + timedelta(days=7 * week)
    carnet = service.carnet
    added = []
    with carnet.write():
        for _ in range(ENTRIES_PER_WEEK):
            mission = rng.choice(list(Mission))
            activity, text = rng.choice(TEMPLATES[mission])
            added.append(
                carnet.entries.add(
                    TimeEntry(
                        day=start + timedelta(days=rng.randrange(5)),
                        ambassador_id=rng.choice(people),
                        mission=mission,
                        activity=activity,
                        minutes=rng.choice((15, 30, 45)),
                        description=text.format(s="la MSP des Provinces"),
                    )
                )
            )
        professionals = [
            carnet.professionals.add(
                Professional(
                    f"Nom{week}x{n}", "Claire", "G15-10", commune="Toul", email=f"p{week}x{n}@example.org"
                )
            )
            for n in range(REGISTER_PER_WEEK // 3)
        ]
        for n in range(REGISTER_PER_WEEK // 3):
            carnet.contacts.add(
                Contact(
                    start + timedelta(days=n % 5),
                    rng.choice(people),
                    rng.choice(list(Channel)),
                    Mission.PROMOTION,
                    "Présentation de Parceo",
                    professional_ids=(professionals[n],),
                )
            )
        for entry_id in rng.sample(added, 5):  # as typed (a month closed since does not refuse it)
            carnet.entries.update(replace(service.entry(entry_id), place="Toul"))


def six_months() -> None:
    folder = fresh("partage")
    base = fresh("carnets")
    a = open_service(base / "a.ambassadeur", create=True, today=lambda: TODAY)
    a.setup(PROGRAMME, list(AMBASSADORS))
    sync_a = SyncService(a)
    sync_a.share(folder, PHRASE)
    b_path, _ = join(folder, base / "b.ambassadeur", PHRASE)
    rng = random.Random(3)
    for week in range(WEEKS):
        week_of_work(a, week, rng)
        sync_a.sync(PHRASE)
    files = [c.path for copies in change_files(folder).values() for c in copies]
    entries = a.carnet.db.execute("SELECT count(*) FROM time_entries").fetchone()[0]
    register = sum(
        a.carnet.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("professionals", "contacts", "contact_professionals")
    )
    print(
        f"six months on laptop A: {entries} entries, {register} register rows, "
        f"{len(files)} change files, {kib(files)}"
    )

    # From scratch: a third laptop joins and applies everything.
    times = []
    for n in range(3):
        target = base / f"c{n}.ambassadeur"
        start = time.perf_counter()
        join(folder, target, PHRASE)
        times.append(time.perf_counter() - start)
    derive = best(lambda: derive_keys(PHRASE, b"s" * 16, DEFAULT_KDF), 3)
    print(
        f"rejoindre, six months from scratch: {min(times):.2f} s "
        f"(of which ~{2 * derive:.2f} s of scrypt key derivation)"
    )

    # Incremental: B is up to date, A does one more week, B syncs (keys already derived).
    b = open_service(b_path, today=lambda: TODAY)
    sync_b = SyncService(b)
    sync_b.sync(PHRASE)
    weekly = []
    sizes = []
    for week in range(WEEKS, WEEKS + 4):
        week_of_work(a, week, rng)
        sync_a.sync(PHRASE)
        sizes.append(change_files(folder)[sync_a.engine.replica][-1].path.stat().st_size)
        start = time.perf_counter()
        sync_b.sync(PHRASE)
        weekly.append(time.perf_counter() - start)
    print(
        f"sync of one week of the other laptop ({ENTRIES_PER_WEEK} entries, "
        f"{REGISTER_PER_WEEK} register rows): "
        f"{min(weekly) * 1000:.0f} ms; its change file: {min(sizes) / 1024:.0f} KiB"
    )

    # A save on A, seen on B through the local folder: A's sync then B's.
    def one_save() -> None:
        a.add_entry(TimeEntry(TODAY, a.ambassadors()[0].id, Mission.AUTRE, "Divers", 5))
        sync_a.sync(PHRASE)
        sync_b.sync(PHRASE)

    print(f"a save on A seen on B (A's sync + B's sync, keys in memory): {best(one_save, 5) * 1000:.0f} ms")
    assert (
        b.carnet.db.execute("SELECT count(*) FROM time_entries").fetchone()[0]
        == a.carnet.db.execute("SELECT count(*) FROM time_entries").fetchone()[0]
    )
    a.close()
    b.close()


def capture_cost() -> None:
    """A save, and an RPPS-sized insert, on the 100 000-entry carnet: shared (captured) or not."""
    source = big_carnet()
    base = fresh("capture")
    plain, shared = base / "plain.ambassadeur", base / "shared.ambassadeur"
    shutil.copy(source, plain)
    shutil.copy(source, shared)
    today = PROGRAMME.start_date + timedelta(days=100)
    off = open_service(plain, today=lambda: today)
    on = open_service(shared, today=lambda: today)
    start = time.perf_counter()
    SyncService(on).share(base / "partage", PHRASE)
    shared_in = time.perf_counter() - start
    snapshot = [c.path for copies in change_files(base / "partage").values() for c in copies]
    print(f"partager the 100 000-entry carnet (snapshot): {shared_in:.1f} s, snapshot file {kib(snapshot)}")
    days = iter(range(10**6))

    def save(service: CarnetService) -> None:
        n = next(days)
        day = PROGRAMME.start_date + timedelta(days=n % 150)
        service.add_entry(TimeEntry(day, service.ambassadors()[0].id, Mission.AUTRE, "Divers", 1))

    captured, bare = alternated(lambda: save(on), lambda: save(off), 15)
    report("save one entry (100k carnet), captured", captured, bare, "same save, carnet not shared")

    columns = "id, last_name, first_name, profession_code, rpps, commune, created_at, updated_at, device_id"

    def rpps(service: CarnetService) -> None:
        rows = [
            (str(uuid.uuid4()), f"Nom{n}", "Prénom", "G15-10", f"1{n:010d}", "Nancy", "t", "t", "d")
            for n in range(75_000)
        ]
        with service.carnet.write():
            service.carnet.db.conn.executemany(
                f"INSERT INTO professionals ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
            )

    captured, bare = alternated(lambda: rpps(on), lambda: rpps(off), 1)
    report("insert 75 000 professionals, captured", captured, bare, "same insert, carnet not shared")
    engine = SyncService(on).engine
    start = time.perf_counter()
    written, name = engine.export(base / "partage", Keys(PHRASE))
    size = (base / "partage" / engine.replica / name).stat().st_size
    print(
        f"their change file: written in {time.perf_counter() - start:.1f} s, {written} changes, "
        f"{size / 1024:.0f} KiB"
    )
    off.close()
    on.close()


def merge_apart() -> None:
    """« rejoindre --fusionner »: a carnet kept apart (1 000 entries, 2 500 register rows) merged
    into a shared one of the same size, against « rejoindre » into a new carnet."""
    base = fresh("fusion")
    folder = base / "partage"
    rng = random.Random(5)
    a = open_service(base / "a.ambassadeur", create=True, today=lambda: TODAY)
    a.setup(PROGRAMME, list(AMBASSADORS))
    sync_a = SyncService(a)
    sync_a.share(folder, PHRASE)
    for week in range(13):
        week_of_work(a, week, rng)
        sync_a.sync(PHRASE)
    a.close()
    apart = base / "b.ambassadeur"
    b = open_service(apart, create=True, today=lambda: TODAY)
    b.setup(PROGRAMME, list(AMBASSADORS))
    for week in range(13):
        week_of_work(b, week, rng)
    entries = b.carnet.db.execute("SELECT count(*) FROM time_entries").fetchone()[0]
    b.close()
    runs = iter(range(100))
    work: list[Path] = []

    def prepare() -> None:
        run = base / f"essai{next(runs)}"
        shutil.copytree(folder, run / "partage")
        shutil.copy(apart, run / "b.ambassadeur")
        work[:] = [run]

    def merge() -> None:
        join(work[0] / "partage", work[0] / "b.ambassadeur", PHRASE, merge=True)

    def plain() -> None:
        join(folder, base / f"{uuid.uuid4().hex}.ambassadeur", PHRASE)

    merged, bare = alternated(merge, plain, 3, before=prepare)
    report(f"rejoindre --fusionner ({entries} entries apart)", merged, bare, "rejoindre into a new carnet")
    _, last = join(work[0] / "partage", base / "vu.ambassadeur", PHRASE)
    first = change_files(work[0] / "partage")
    sizes = [copies[0].path.stat().st_size for copies in first.values()]
    print(f"the merged carnet's first change file: {max(sizes) / 1024:.0f} KiB; conflicts: {last.conflicts}")


def log_size(source: Path) -> None:
    """What sharing adds to a carnet's file (the log), after VACUUM: on the copy that shared it,
    and on one that joined."""
    base = fresh("taille")
    plain, shared = base / "plain.ambassadeur", base / "shared.ambassadeur"
    shutil.copy(source, plain)
    shutil.copy(plain, shared)
    with open_service(shared) as service:
        SyncService(service).share(base / "partage", PHRASE)
    paths = [plain, shared, join(base / "partage", base / "joined.ambassadeur", PHRASE)[0]]
    sizes = []
    for path in paths:
        conn = sqlite3.connect(path)
        conn.execute("VACUUM")
        conn.close()
        sizes.append(path.stat().st_size)
    print(
        f"{source.name} after VACUUM: unshared {sizes[0] / 1e6:.2f} MB, "
        + ", ".join(
            f"{name} {size / 1e6:.2f} MB ({size / sizes[0]:.2f}×)"
            for name, size in zip(("shared", "joined"), sizes[1:], strict=True)
        )
    )


def large_join() -> None:
    """« partager » the 100 000-entry carnet (its first five months closed), « rejoindre » it
    from scratch on another laptop, then a « sync » there bringing six months of the first
    laptop's work (≈ 2 000 entries, 5 000 register rows, in one file): every entry a file
    brings is checked against the closed months, the 24 h rule and the duplicates."""
    base = fresh("grand")
    folder = base / "partage"
    shutil.copy(big_carnet(), base / "a.ambassadeur")
    a = open_service(base / "a.ambassadeur", today=lambda: REGISTER_TODAY)
    month = Month.of(PROGRAMME.start_date)
    for _ in range(5):
        a.close_month(month)
        month = month.next()
    sync_a = SyncService(a)
    start = time.perf_counter()
    sync_a.share(folder, PHRASE)
    print(f"partager the 100 000-entry carnet (five months closed): {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    b_path, report_b = join(folder, base / "b.ambassadeur", PHRASE)
    print(
        f"rejoindre it from scratch: {time.perf_counter() - start:.1f} s "
        f"({report_b.changes} changes, {report_b.conflicts} conflicts)"
    )
    b = open_service(b_path, today=lambda: REGISTER_TODAY)
    sync_b = SyncService(b)
    sync_b.sync(PHRASE)  # the keys derived once, as in a running app
    rng = random.Random(11)
    for week in range(WEEKS):
        week_of_work(a, week, rng)
    sync_a.sync(PHRASE)
    start = time.perf_counter()
    report = sync_b.sync(PHRASE)
    print(
        f"sync of six months of the other laptop into it ({report.changes} changes in one file): "
        f"{time.perf_counter() - start:.2f} s"
    )
    assert contents_count(a) == contents_count(b)
    a.close()
    b.close()


def contents_count(service: CarnetService) -> tuple[int, int]:
    db = service.carnet.db
    return (
        db.execute("SELECT count(*) FROM time_entries").fetchone()[0],
        db.execute("SELECT count(*) FROM contacts").fetchone()[0],
    )


def main() -> None:
    large_join()
    merge_apart()
    six_months()
    capture_cost()
    log_size(big_carnet())
    log_size(demo_carnet())


if __name__ == "__main__":
    main()
