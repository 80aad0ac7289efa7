"""Shared fixtures: offscreen Qt, a private home for every test, fresh carnets."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ambassadeur_app.domain.model import Ambassador, Mission, Programme, Role, TimeEntry
from ambassadeur_app.services import CarnetService, open_service

TODAY = date(2024, 11, 15)

PROGRAMME = Programme(
    cpts_name="CPTS Test du Lunévillois",
    departement_code="54",
    departement_name="Meurthe-et-Moselle",
    start_date=date(2024, 9, 1),
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every user folder (data, backups, settings, logs) into the test's tmp dir."""
    home = tmp_path / "home"
    monkeypatch.setenv("AMBASSADEUR_HOME", str(home))
    return home


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo carnet on its reference day, built once for the module (tests open it read-only
    or work on a copy)."""
    from ambassadeur_app.demo import REFERENCE_DAY, build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.ambassadeur"
    with open_service(path, create=True, today=lambda: REFERENCE_DAY) as service:
        build_demo(service)
    return path


@pytest.fixture
def carnet_path(tmp_path: Path) -> Path:
    return tmp_path / "carnet.ambassadeur"


@pytest.fixture
def service(carnet_path: Path) -> Iterator[CarnetService]:
    """A set-up carnet (programme from 1 Sept 2024, two ambassadors), today = 15 Nov 2024."""
    svc = open_service(carnet_path, create=True, today=lambda: TODAY)
    svc.setup(
        PROGRAMME,
        [
            Ambassador("", "Marie Durand", Role.MEDICAL, "Médecin généraliste", "marie@example.org"),
            Ambassador("", "Paul Martin", Role.ADMINISTRATIF, "Coordinateur"),
        ],
    )
    yield svc
    svc.close()


def plain(text: str) -> str:
    """Return ``text`` with no-break spaces as plain spaces, for readable assertions."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def ambassador_id(service: CarnetService, name: str) -> str:
    return service.find_ambassador(name).id


def make_entry(
    service: CarnetService,
    day: date,
    minutes: int,
    mission: Mission = Mission.PROMOTION,
    who: str = "Marie Durand",
    activity: str = "Appel",
    description: str = "",
) -> TimeEntry:
    """Return an unsaved entry of the test carnet."""
    return TimeEntry(day, ambassador_id(service, who), mission, activity, minutes, description=description)


def log_entry(service: CarnetService, day: date, minutes: int, *args: Any, **kwargs: Any) -> str:
    """Save an entry (same arguments as ``make_entry``); return its id."""
    return service.add_entry(make_entry(service, day, minutes, *args, **kwargs)).entry_id
