"""Shared set-up for the benchmarks: a carnet of 100 000 entries, built once and reused."""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ENTRIES = 100_000
WORK = Path(os.environ.get("BENCH_DIR", Path(tempfile.gettempdir()) / "ambassadeur-bench"))
os.environ.setdefault("AMBASSADEUR_HOME", str(WORK / "home"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ambassadeur_app.demo import AMBASSADORS, PROGRAMME, TEMPLATES  # noqa: E402
from ambassadeur_app.domain.model import Mission, TimeEntry  # noqa: E402
from ambassadeur_app.services import CarnetService, open_service  # noqa: E402

TODAY = date(2026, 11, 23)


# The names a synthetic register is drawn from (register and search benchmarks).
LAST = ["Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent"]
FIRST = ["Sophie", "Marie", "Claire", "Julie", "Paul", "Pierre", "Nicolas", "Luc", "Léa", "Hugo"]
PROFESSIONS = ["G15-10", "G15-60", "G15-70", "G15-21", "G15-40", "G15-50", "G15-91", "R95-93"]
TOWNS = ["Nancy", "Toul", "Lunéville", "Vandœuvre-lès-Nancy", "Pont-à-Mousson", "Briey", "Longwy"]


def built_once(name: str, fill: Callable[[CarnetService], None], today: date = TODAY) -> Path:
    """Return the carnet ``name`` of the benchmarks' folder, set up and filled on first use."""
    path = WORK / name
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        service = open_service(path, create=True, today=lambda: today)
        try:
            service.setup(PROGRAMME, list(AMBASSADORS))
            fill(service)
        finally:
            service.close()
    return path


def big_carnet() -> Path:
    """Return a carnet of ENTRIES entries over the six months of the demo programme."""

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

    return built_once(f"carnet-{ENTRIES}.ambassadeur", fill)


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


def alternated(
    app: Callable[[], object], floor: Callable[[], object], repeat: int = 5
) -> tuple[float, float]:
    """Return the median timings of ``app`` and ``floor``, run in turns (app, floor, app…) so
    that a busy moment of the machine weighs on both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for run, measured in zip((app, floor), times, strict=True):
            start = time.perf_counter()
            run()
            measured.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def report(name: str, value: float, floor: float, floor_name: str) -> None:
    print(
        f"{name:<44} {value * 1000:9.1f} ms   {floor_name:<34} {floor * 1000:9.1f} ms   "
        f"ratio {value / floor:6.2f}"
    )
