"""Two sync bugs a reviewer found with the CLI (session 19), reproduced through the services.

1. The same entry typed on both laptops is counted twice while its « doublon » is open (and for
   good after « actuelle »), and the checks before the pack say nothing of open conflicts.
2. A choice made on one laptop does not always reach the other: « actuelle » writes a change for
   a « champ » conflict only, and a settled conflict reads differently on each laptop.

Each test asserts the behaviour the issue asks for (fixed in session 20: the copy typed second is
set aside until a choice, and the choices travel as ``conflict_choices``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from ambassadeur_app.domain.checks import Severity
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Mission
from tests.conftest import log_entry
from tests.sync.conftest import DAY, Binome, Laptop, ahead, contents, edit, everyone_syncs, pair

# The two choices of a « doublon »: « actuelle » keeps what the carnet shows (one entry: the copy
# typed second stays set aside, then removed); « ecartee » takes back what was set aside (the
# copy: both entries are real and both count).
ONE_ONLY = "actuelle"
BOTH = "ecartee"

NOVEMBER = Month(DAY.year, DAY.month)
OCTOBER = Month(2024, 10)


def counted(laptop: Laptop, month: Month = NOVEMBER) -> tuple[int, int]:
    """The minutes a month counts for promotion (the summary, the cap) and the number of its
    entries on the relevé (the live entries of the month)."""
    summary = laptop.service.month_summary(month)
    rows = laptop.db.execute(
        "SELECT count(*) FROM time_entries WHERE deleted_at IS NULL AND substr(day, 1, 7) = ?",
        [str(month)],
    ).fetchone()[0]
    return summary.by_mission[Mission.PROMOTION], rows


def typed_on_both(binome: Binome) -> tuple[Laptop, Laptop, str]:
    """The reviewer's first case: one entry typed on both laptops, then sync A, B, A."""
    a = binome.first()
    a.sync()
    b = binome.join("b")
    log_entry(a.service, DAY, 60, description="Appel MSP Toul")
    log_entry(b.service, DAY, 60, description="Appel MSP Toul")
    a.sync()
    b.sync()
    a.sync()
    (conflict,) = a.sync_service.conflicts()
    assert conflict.kind == "doublon"
    return a, b, conflict.id


# --- 1. the same entry typed on both laptops ----------------------------------------------------


def test_an_entry_typed_on_both_laptops_counts_once_while_its_doublon_is_open(binome: Binome) -> None:
    a, b, conflict_id = typed_on_both(binome)
    for laptop in (a, b):
        assert [c.id for c in laptop.sync_service.conflicts()] == [conflict_id]
        assert counted(laptop) == (60, 1)
    assert contents(a) == contents(b)


@pytest.mark.parametrize(("choice", "expected"), [(ONE_ONLY, (60, 1)), (BOTH, (120, 2))])
def test_the_choice_made_for_a_doublon_counts_alike_on_both_laptops(
    binome: Binome, choice: str, expected: tuple[int, int]
) -> None:
    a, b, conflict_id = typed_on_both(binome)
    a.sync_service.keep(conflict_id, choice)
    everyone_syncs([a, b])
    for laptop in (a, b):
        assert laptop.sync_service.conflicts() == []
        assert counted(laptop) == expected
    assert contents(a) == contents(b)


def test_the_checks_before_the_pack_warn_of_open_sync_conflicts(binome: Binome) -> None:
    a, b, conflict_id = typed_on_both(binome)
    for laptop in (a, b):
        (finding,) = [f for f in laptop.service.pack.check() if "conflit" in f.title.lower()]
        assert finding.severity == Severity.TO_CHECK  # the pack can still be made
        assert finding.detail.startswith("1 conflit n'est pas réglé : ")
    a.sync_service.keep(conflict_id, ONE_ONLY)
    everyone_syncs([a, b])
    for laptop in (a, b):
        assert not [f for f in laptop.service.pack.check() if "conflit" in f.title.lower()]


# --- 2. a choice made on one laptop reaches the other -------------------------------------------


def doublon(binome: Binome, tmp_path: Path) -> tuple[Laptop, Laptop]:
    a, b, _ = typed_on_both(binome)
    return a, b


def suppression(binome: Binome, tmp_path: Path) -> tuple[Laptop, Laptop]:
    a, b, entry = pair(binome)
    a.service.delete_entries([entry])
    edit(b, entry, description="Compte rendu ajouté")
    everyone_syncs([a, b])
    return a, b


def mois_clos(binome: Binome, tmp_path: Path) -> tuple[Laptop, Laptop]:
    a = binome.first()
    log_entry(a.service, date(2024, 10, 3), 60)
    a.sync()
    b = binome.join("b")
    a.service.close_month(OCTOBER, tmp_path)
    log_entry(b.service, date(2024, 10, 20), 45, description="oubliée")
    everyone_syncs([a, b])
    return a, b


def over_a_day(binome: Binome, tmp_path: Path) -> tuple[Laptop, Laptop]:
    a = binome.first()
    a.sync()
    b = binome.join("b")
    log_entry(a.service, DAY, 20 * 60)
    log_entry(b.service, DAY, 6 * 60)
    everyone_syncs([a, b])
    return a, b


def champ(binome: Binome, tmp_path: Path) -> tuple[Laptop, Laptop]:
    a, b, entry = pair(binome)
    ahead(b, 1)
    edit(a, entry, place="Toul")
    edit(b, entry, place="Nancy")
    everyone_syncs([a, b])
    return a, b


Scenario = Callable[[Binome, Path], tuple[Laptop, Laptop]]


def settled_on_a(binome: Binome, tmp_path: Path, scenario: Scenario, choice: str) -> tuple[Laptop, Laptop]:
    """The scenario's one conflict, open on both laptops, settled on A with ``choice``; then
    both laptops sync twice."""
    a, b = scenario(binome, tmp_path)
    (conflict,) = a.sync_service.conflicts()
    assert [c.id for c in b.sync_service.conflicts()] == [conflict.id]
    a.sync_service.keep(conflict.id, choice)
    everyone_syncs([a, b])
    return a, b


def statuses(laptop: Laptop) -> list[tuple[str, str, str]]:
    return [(c.id, c.kind, c.resolved) for c in laptop.sync_service.conflicts(include_resolved=True)]


@pytest.mark.parametrize("scenario", [doublon, suppression, mois_clos, over_a_day])
def test_keeping_the_current_value_settles_the_conflict_on_the_other_laptop(
    binome: Binome, tmp_path: Path, scenario: Scenario
) -> None:
    a, b = settled_on_a(binome, tmp_path, scenario, "actuelle")
    assert a.sync_service.conflicts() == []
    assert b.sync_service.conflicts() == []
    assert contents(a) == contents(b)


@pytest.mark.parametrize(
    ("scenario", "choice"),
    [
        (champ, "actuelle"),
        (champ, "ecartee"),
        (suppression, "ecartee"),
        (mois_clos, "ecartee"),
        (doublon, "ecartee"),
    ],
)
def test_a_settled_conflict_reads_the_same_on_both_laptops(
    binome: Binome, tmp_path: Path, scenario: Scenario, choice: str
) -> None:
    a, b = settled_on_a(binome, tmp_path, scenario, choice)
    assert contents(a) == contents(b)  # the data agree: only the status read differs
    listed = statuses(a)
    assert [resolved for _, _, resolved in listed] != [""]
    assert listed == statuses(b)
