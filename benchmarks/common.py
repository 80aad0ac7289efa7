"""Shared set-up for the benchmarks: the demo carnet and large synthetic carnets, built once and
reused; the day's first opening of a carnet; timings that alternate the app and its floor."""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

ENTRIES = 100_000
WORK = Path(os.environ.get("BENCH_DIR", Path(tempfile.gettempdir()) / "ambassadeur-bench"))
os.environ.setdefault("AMBASSADEUR_HOME", str(WORK / "home"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ambassadeur_app import paths  # noqa: E402
from ambassadeur_app.demo import AMBASSADORS, PROGRAMME, REFERENCE_DAY, TEMPLATES, build_demo  # noqa: E402
from ambassadeur_app.domain.dates import Month  # noqa: E402
from ambassadeur_app.domain.model import Mission, TimeEntry  # noqa: E402
from ambassadeur_app.domain.register import (  # noqa: E402
    Channel,
    Contact,
    Onboarding,
    ParceoStatus,
    Professional,
    RequestCategory,
    RequestStatus,
    Solicitation,
    Structure,
    StructureType,
)
from ambassadeur_app.services import CarnetService, open_service  # noqa: E402
from ambassadeur_app.storage.db import SEAL_NAME, backup_manager  # noqa: E402

TODAY = date(2026, 11, 23)


# The names a synthetic register is drawn from (register and search benchmarks).
LAST = ["Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent"]
FIRST = ["Sophie", "Marie", "Claire", "Julie", "Paul", "Pierre", "Nicolas", "Luc", "Léa", "Hugo"]
PROFESSIONS = ["G15-10", "G15-60", "G15-70", "G15-21", "G15-40", "G15-50", "G15-91", "R95-93"]
TOWNS = ["Nancy", "Toul", "Lunéville", "Vandœuvre-lès-Nancy", "Pont-à-Mousson", "Briey", "Longwy"]


def made_once(name: str, make: Callable[[CarnetService], None], today: date = TODAY) -> Path:
    """Return the carnet ``name`` of the benchmarks' folder, made by ``make`` on first use."""
    path = WORK / name
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        try:
            with open_service(path, create=True, today=lambda: today) as service:
                make(service)
        except BaseException:
            path.unlink(missing_ok=True)  # not half made: the next run would measure it as it is
            raise
    return path


def built_once(name: str, fill: Callable[[CarnetService], None], today: date = TODAY) -> Path:
    """Return the carnet ``name`` of the benchmarks' folder, set up and filled on first use."""

    def make(service: CarnetService) -> None:
        service.setup(PROGRAMME, list(AMBASSADORS))
        fill(service)

    return made_once(name, make, today)


# The demo carnet of REFERENCE_DAY: September 2025 to February 2026, 28 entries in November 2025.
DEMO_TODAY = REFERENCE_DAY
DEMO_MONTH = Month(2025, 11)


def demo_carnet() -> Path:
    """Return the demo carnet (``ambassadeur demo``) built on DEMO_TODAY: 150 entries and its
    register (professionals, structures, contacts, requests)."""
    return made_once("demo.ambassadeur", build_demo, DEMO_TODAY)


def carnets() -> dict[str, tuple[Path, date]]:
    """Return the carnets a measure runs on, with the day each is opened on, by the name a
    report line gives them: the demo carnet, and the large one of a busy département."""
    return {"demo": (demo_carnet(), DEMO_TODAY), "large": (big_carnet(), REGISTER_TODAY)}


def sealed(path: Path) -> Path:
    """Open ``path`` for writing and close it: the seal of a clean close today makes the next
    openings skip the integrity check (the usual case: the app was already opened today)."""
    open_service(path).close()
    return path


def first_open_of_the_day(path: Path) -> Path:
    """Make the next opening of ``path`` the day's first: remove the seal of its last clean
    close (``fermeture.json`` in its backup folder), so that opening runs the integrity check.

    A read-only opening (export, check) writes no seal: call ``sealed`` to get back to warm.
    """
    folder = backup_manager(paths.backup_root(), path.expanduser().absolute().resolve()).folder
    (folder / SEAL_NAME).unlink(missing_ok=True)
    return path


# The register of one département after six months of work: its RPPS extract (professionals),
# its FINESS extract (structures), the binôme's contacts and the requests they answered.
PROFESSIONALS = 5_000
STRUCTURES = 1_000
CONTACTS = 20_000
REQUESTS = 1_500
REGISTER_TODAY = PROGRAMME.start_date + timedelta(days=180)  # six months on the road
KINDS = [StructureType.PHARMACIE, StructureType.CABINET, StructureType.EHPAD, StructureType.MSP]


def big_carnet() -> Path:
    """Return the large carnet: ENTRIES entries over the six months of the demo programme, and
    the register of a département (PROFESSIONALS, STRUCTURES, CONTACTS, REQUESTS)."""

    def fill(service: CarnetService) -> None:
        people = [a.id for a in service.ambassadors()]
        rng = random.Random(1)
        days = (PROGRAMME.end_date - PROGRAMME.start_date).days + 1
        with service.carnet.write():
            for _ in range(ENTRIES):
                mission = rng.choice(list(Mission))
                activity, text = rng.choice(TEMPLATES[mission])
                service.carnet.entries.add(
                    TimeEntry(
                        day=PROGRAMME.start_date + timedelta(days=rng.randrange(days)),
                        ambassador_id=rng.choice(people),
                        mission=mission,
                        activity=activity,
                        minutes=rng.choice((1, 2, 3)),  # ~9 h per person and day: under 24 h
                        description=text.format(s="la MSP des Provinces"),
                    )
                )
        fill_register(service, random.Random(7))

    return built_once(f"carnet-{ENTRIES}-{PROFESSIONALS}-{CONTACTS}.ambassadeur", fill)


def fill_register(service: CarnetService, rng: random.Random) -> None:
    """Add the register of a département after six months of work to ``service``'s carnet."""
    ambassadors = [a.id for a in service.ambassadors()]
    carnet = service.carnet
    with carnet.write():
        structures = [
            carnet.structures.add(
                Structure(
                    f"{kind.label} {rng.choice(LAST)} {number}",
                    kind,
                    finess=f"54{number:07d}",
                    commune=rng.choice(TOWNS),
                    onboarding=rng.choice(list(Onboarding)),
                )
            )
            for number in range(STRUCTURES)
            for kind in [rng.choice(KINDS)]
        ]
        people = [
            carnet.professionals.add(
                Professional(
                    last_name=f"{rng.choice(LAST)}{number}",
                    first_name=rng.choice(FIRST),
                    profession_code=rng.choice(PROFESSIONS),
                    commune=rng.choice(TOWNS),
                    email=f"contact{number}@example.org",
                    parceo_status=rng.choice(list(ParceoStatus)),
                    structure_ids=tuple(rng.sample(structures, rng.choice((0, 1, 1, 2)))),
                )
            )
            for number in range(PROFESSIONALS)
        ]
        days = (REGISTER_TODAY - PROGRAMME.start_date).days
        active = people[: PROFESSIONALS * 3 // 5]  # most contacts go to the same people
        for _ in range(CONTACTS):
            day = PROGRAMME.start_date + timedelta(days=rng.randrange(days))
            due = day + timedelta(days=rng.randrange(3, 40)) if rng.random() < 0.15 else None
            carnet.contacts.add(
                Contact(
                    day,
                    rng.choice(ambassadors),
                    rng.choice(list(Channel)),
                    rng.choice(list(Mission)),
                    "Présentation de Parceo",
                    professional_ids=tuple(rng.sample(active, rng.choice((1, 1, 1, 2)))),
                    structure_id=rng.choice(structures) if rng.random() < 0.3 else None,
                    next_step="Rappeler pour la création du compte" if due else "",
                    next_step_due=due,
                    next_step_done=bool(due and due < REGISTER_TODAY and rng.random() < 0.9),
                )
            )
        for _ in range(REQUESTS):
            received = datetime.combine(
                PROGRAMME.start_date + timedelta(days=rng.randrange(days)), datetime.min.time()
            ) + timedelta(hours=rng.randrange(8, 19))
            answered = rng.random() < 0.9
            carnet.solicitations.add(
                Solicitation(
                    received,
                    rng.choice(list(Channel)),
                    rng.choice(list(RequestCategory)),
                    "Mot de passe oublié",
                    professional_id=rng.choice(people),
                    status=RequestStatus.ANSWERED if answered else RequestStatus.RECEIVED,
                    answered_at=received + timedelta(hours=rng.randrange(1, 60)) if answered else None,
                    answered_by=rng.choice(ambassadors) if answered else None,
                )
            )


# The floor of a list that loads its rows as they come into view (a model over ids): one bare
# SELECT of every id in the list's order, then one of the columns shown for a screen of rows.
SCREEN = 40  # rows of a list in a 1366 × 768 window, and then some
# The professionals' list: precomputed folded ``search`` text to filter, ``name_key`` to sort.
PROFESSIONAL_IDS = (
    "SELECT p.id FROM professionals p WHERE p.deleted_at IS NULL AND p.anonymized_at IS NULL {where} "
    "ORDER BY p.name_key, p.id"
)
PROFESSIONAL_ROWS = (
    "SELECT p.id, p.last_name, p.first_name, p.profession_code, p.commune, p.parceo_status, "
    "(SELECT group_concat(s.name, ', ') FROM professional_structures ps JOIN structures s "
    "ON s.id = ps.structure_id WHERE ps.professional_id = p.id AND ps.deleted_at IS NULL) "
    "FROM professionals p WHERE p.id IN ({ids})"
)


def bare_list(conn: sqlite3.Connection, ids_sql: str, rows_sql: str) -> Callable[[list[str]], int]:
    """Return the floor of a lazy list: called with the parameters of ``ids_sql``, it selects
    every id, then the shown columns of the first SCREEN of them (``rows_sql``'s ``{ids}``)."""

    def run(params: list[str]) -> int:
        ids = [row[0] for row in conn.execute(ids_sql, params).fetchall()]
        shown = ids[:SCREEN]
        conn.execute(rows_sql.format(ids=", ".join("?" * len(shown))), shown).fetchall()
        return len(ids)

    return run


def open_big() -> CarnetService:
    return open_service(big_carnet(), today=lambda: TODAY)


def best(run: Callable[[], object], repeat: int = 5) -> float:
    """Return the median of ``repeat`` timings of ``run`` in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def alternated_runs(
    app: Callable[[], object],
    floor: Callable[[], object],
    repeat: int = 5,
    *,
    before: Callable[[], object] = lambda: None,
) -> tuple[list[float], list[float]]:
    """Return the timings of ``app`` and ``floor``, run in turns (app, floor, app…) so that a
    busy moment of the machine weighs on both alike; ``before`` runs untimed ahead of each run
    of ``app`` (to leave the page it shows, for instance)."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        before()
        for run, measured in zip((app, floor), times, strict=True):
            start = time.perf_counter()
            run()
            measured.append(time.perf_counter() - start)
    return times


def alternated(
    app: Callable[[], object],
    floor: Callable[[], object],
    repeat: int = 5,
    *,
    before: Callable[[], object] = lambda: None,
) -> tuple[float, float]:
    """Return the median timings of ``app`` and ``floor`` run in turns (``alternated_runs``)."""
    apps, floors = alternated_runs(app, floor, repeat, before=before)
    return statistics.median(apps), statistics.median(floors)


def report(name: str, value: float, floor: float, floor_name: str) -> None:
    print(
        f"{name:<44} {value * 1000:9.1f} ms   {floor_name:<34} {floor * 1000:9.1f} ms   "
        f"ratio {value / floor:6.2f}"
    )


def report_runs(name: str, apps: list[float], floors: list[float], floor_name: str) -> None:
    """Report runs made in turns (``alternated_runs``) by their fastest and their median, and
    the median of the ratios of each app run to the floor run beside it: on a busy machine the
    load moves by the second, and each pair shares its moment (the fastest runs, the least
    disturbed, move least; the paired ratio is what a drift of the load leaves alone)."""
    paired = statistics.median(a / f for a, f in zip(apps, floors, strict=True))
    app_min, floor_min = min(apps), min(floors)
    app_median, floor_median = statistics.median(apps), statistics.median(floors)
    print(
        f"{name:<44} min {app_min * 1000:7.1f} / median {app_median * 1000:7.1f} ms   "
        f"{floor_name:<24} min {floor_min * 1000:7.1f} / median {floor_median * 1000:7.1f} ms   "
        f"ratio of min {app_min / floor_min:5.2f}, of medians {app_median / floor_median:5.2f}, "
        f"paired {paired:5.2f} ({len(apps)} pairs)"
    )
