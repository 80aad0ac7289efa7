"""The way to the tableau de bord's figures, the window's first page: it imports and reads only
what the figures need.

The register's people, contacts and requests, the bilan, the questionnaires' templates and
results are neither imported nor read (each module's dataclasses and enums cost time to make at
import: ~25 ms over the first page's figures before): a fresh interpreter opens the demo carnet,
shows the tableau de bord with its figures and says what it imported; the figures are checked
against those of the whole carnet read in this process. The indicators read only the structures
they count: the same figures as from every structure.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from ambassadeur_app.demo import PROGRAMME, REFERENCE_DAY
from ambassadeur_app.domain.indicators import (
    COUNTED_TYPES,
    Targets,
    engagement_figures,
    structure_figures,
)
from ambassadeur_app.domain.register import Onboarding, Structure, StructureType
from ambassadeur_app.services import CarnetService, open_service

# What the window's way to its first page's figures must not import.
NOT_IMPORTED = (
    *(
        f"ambassadeur_app.{name}"
        for name in (
            "domain.register",
            "domain.bilan",
            "domain.surveys",
            "domain.checks",
            "domain.erasure",
            "storage.contacts",
            "storage.professionals",
            "storage.journal",
            "storage.planning",
            "services.register",
            "services.events",
            "services.surveys",
            "services.expenses",
            "services.bilan",
            "reports.indicators",
        )
    ),
    "sqlite_utils",
)

SHOW = """
import sys
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ambassadeur_app.gui.app import skip_feature_hook
from ambassadeur_app.gui.pages.dashboard_page import DashboardPage
from ambassadeur_app.services import open_service

app = QApplication([])
skip_feature_hook()  # as the window does
today = date.fromisoformat(sys.argv[2])
service = open_service(Path(sys.argv[1]), readonly=True, today=lambda: today, integrity_check=False)
page = DashboardPage()
page.resize(1280, 800)
page.show()
page.set_service(service)
app.processEvents()
for key, card in page.cards.items():
    print(key, card.isVisible(), sep="|")
for indicator in service.indicators.all():
    print(indicator.key, indicator.current_text, indicator.missing_text, indicator.status_text, sep="|")
print("imported:", *sorted(m for m in sys.modules if m.startswith({not_imported!r})))
service.close()
"""


@pytest.mark.parametrize(
    "today",
    [REFERENCE_DAY, PROGRAMME.end_date + timedelta(days=40)],  # the period running, then over (settled)
    ids=["running", "over"],
)
def test_the_dashboard_figures_import_neither_the_register_nor_the_bilan(
    demo_path: Path, today: date, private_home: Path
) -> None:
    env = {**os.environ, "AMBASSADEUR_HOME": str(private_home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SHOW.format(not_imported=NOT_IMPORTED), str(demo_path), today.isoformat()],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "imported:"
    service = open_service(demo_path, readonly=True, today=lambda: today)
    try:
        expected = [
            f"{i.key}|{i.current_text}|{i.missing_text}|{i.status_text}" for i in service.indicators.all()
        ]
    finally:
        service.close()
    keys = [line.split("|")[0] for line in expected]
    assert lines[: len(keys)] == [f"{key}|True" for key in keys]  # every card shown
    assert lines[len(keys) : -1] == expected
    if today > PROGRAMME.end_date:
        assert any("Excédent à reverser" in line for line in expected)  # the settlement said


def test_the_indicators_read_only_the_structures_they_count(service: CarnetService) -> None:
    """Every type at every step, in and out of the département: reading only COUNTED_TYPES gives
    the figures of the whole register, and leaves the pharmacies and practices unread."""
    departement = service.programme().departement_code
    carnet = service.carnet
    with carnet.write():
        for number, (kind, step, where) in enumerate(
            itertools.product(StructureType, Onboarding, (departement, "", "57"))
        ):
            dates = (
                {step: date(2024, 10, 1) + timedelta(days=number % 30)}
                if step is not Onboarding.TO_CONTACT
                else {}
            )
            carnet.structures.add(
                Structure(
                    f"{kind.label} {number:03d}",
                    kind,
                    departement_code=where,
                    onboarding=step,
                    onboarding_dates=dates,
                    services_engaged="Urgences" if number % 2 else "",
                    it_commitment_on=date(2024, 10, 3) if number % 3 else None,
                )
            )
    every, counted = carnet.structures.all(), carnet.structures.all(COUNTED_TYPES)
    assert counted == [s for s in every if s.type in COUNTED_TYPES]  # same order: by name
    assert {s.type for s in counted} == {
        StructureType.MSP,
        StructureType.ESP,
        StructureType.CDS,
        StructureType.CH,
        StructureType.CHU,
        StructureType.EHPAD,
    }
    targets = Targets()
    assert structure_figures(counted, departement, targets) == structure_figures(every, departement, targets)
    assert engagement_figures(counted, targets) == engagement_figures(every, targets)
    figures = structure_figures(counted, departement, targets)
    assert len(figures.coordinated) == 3 * len(Onboarding) * 2
    assert figures.elsewhere == 3 * len(Onboarding)
