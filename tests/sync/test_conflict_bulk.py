"""Settling many conflicts with one choice (« conflits --garder doublons actuelle », several ids
separated by commas, the window's selection): one transaction, all settled or none, and the
choices travel to the other laptop as single ones do."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ambassadeur_app.cli import main
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Ambassador, Role
from ambassadeur_app.errors import InvalidInput
from ambassadeur_app.services import open_service
from ambassadeur_app.services.sync import join, settled_line
from tests.conftest import PROGRAMME, TODAY, log_entry
from tests.sync.conftest import FAST, PHRASE, Binome, Laptop, contents, everyone_syncs, listing

NOVEMBER = Month(2024, 11)
TYPED = [(date(2024, 11, 1) + timedelta(days=i), 30 + 15 * (i % 5)) for i in range(12)]
TOTAL = sum(minutes for _, minutes in TYPED)


def typed_on_both(binome: Binome) -> tuple[Laptop, Laptop]:
    """A shares a carnet holding twelve entries of November; B kept its own carnet, where the
    same twelve entries were typed, and merges it (« rejoindre --fusionner »): twelve doublons."""
    a = binome.first()
    for day, minutes in TYPED:
        log_entry(a.service, day, minutes)
    a.sync()
    path = binome.tmp_path / "b.ambassadeur"
    apart = open_service(path, create=True, today=lambda: TODAY)
    apart.setup(PROGRAMME, [Ambassador("", "Marie Durand", Role.MEDICAL, "Médecin généraliste")])
    for day, minutes in TYPED:
        log_entry(apart, day, minutes)
    apart.close()
    join(binome.folder, path, PHRASE, FAST, merge=True)
    b = Laptop(open_service(path, today=lambda: TODAY))
    binome.laptops.append(b)
    everyone_syncs([a, b])
    return a, b


def doublons(laptop: Laptop) -> list[str]:
    return [c.id for c in laptop.sync_service.conflicts() if c.kind == "doublon"]


def live_entries(laptop: Laptop) -> int:
    return int(laptop.db.execute("SELECT count(*) FROM time_entries WHERE deleted_at IS NULL").fetchone()[0])


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_doublon_is_settled_by_one_command_and_both_laptops_agree(
    binome: Binome, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = typed_on_both(binome)
    assert len(doublons(a)) == len(doublons(b)) == len(TYPED)
    others = [c.id for c in b.sync_service.conflicts() if c.kind != "doublon"]
    b.close()  # the command opens the carnet itself
    binome.laptops.remove(b)

    code, out, err = run(capsys, "--carnet", str(b.service.path), "conflits")
    assert code == 0, err
    assert "conflits --garder doublons actuelle" in out  # the listing says how
    code, out, err = run(
        capsys, "--carnet", str(b.service.path), "conflits", "--garder", "doublons", "actuelle"
    )
    assert (code, err) == (0, "")
    assert out == f"{len(TYPED)} conflits réglés : une seule entrée gardée.\n"
    code, out, err = run(
        capsys, "--carnet", str(b.service.path), "conflits", "--garder", "doublons", "actuelle"
    )
    assert code != 0
    assert "Aucun doublon à régler" in err

    b = Laptop(open_service(b.service.path, today=lambda: TODAY))
    binome.laptops.append(b)
    everyone_syncs([b, a])
    assert listing(a) == listing(b)
    assert [c.id for c in a.sync_service.conflicts()] == others  # no doublon left, nothing else settled
    assert contents(a) == contents(b)
    for laptop in (a, b):
        assert doublons(laptop) == []
        assert live_entries(laptop) == len(TYPED)  # the copies removed
        assert laptop.service.month_summary(NOVEMBER).total_minutes == TOTAL  # each hour once
        settled = [c for c in laptop.sync_service.conflicts(include_resolved=True) if c.kind == "doublon"]
        assert len(settled) == len(TYPED)
        assert {c.resolved for c in settled} == {"réglé : une seule entrée gardée"}


def test_both_entries_of_every_doublon_can_be_kept_at_once(binome: Binome) -> None:
    a, b = typed_on_both(binome)
    settled = b.sync_service.settle("Doublons ", "ecartee")
    assert len(settled) == len(TYPED)
    assert (
        settled_line(settled)
        == f"{len(TYPED)} conflits réglés : les deux entrées gardées, comptées toutes deux."
    )
    everyone_syncs([b, a])
    assert listing(a) == listing(b)
    for laptop in (a, b):
        assert doublons(laptop) == []
        assert laptop.service.month_summary(NOVEMBER).total_minutes == 2 * TOTAL


def test_several_ids_are_settled_together_or_not_at_all(
    binome: Binome, capsys: pytest.CaptureFixture[str]
) -> None:
    _, b = typed_on_both(binome)
    first, second, third, *_ = doublons(b)
    b.sync_service.keep(third, "actuelle")
    before = contents(b)
    choices = b.db.execute("SELECT count(*) FROM conflict_choices").fetchone()[0]

    with pytest.raises(InvalidInput) as refused:  # one already settled: none is
        b.sync_service.settle(f"{first[:8]},{second[:8]},{third[:8]}", "actuelle")
    assert refused.value.message == (
        f"Le conflit {third[:8]} est déjà réglé : une seule entrée gardée. Aucun conflit n'a été réglé."
    )
    with pytest.raises(InvalidInput, match="Aucun conflit n'a l'identifiant « zzzz »"):
        b.sync_service.settle(f"{first},zzzz", "actuelle")
    assert contents(b) == before
    assert b.db.execute("SELECT count(*) FROM conflict_choices").fetchone()[0] == choices

    b.close()
    binome.laptops.remove(b)
    path = str(b.service.path)
    code, out, err = run(
        capsys, "--carnet", path, "conflits", "--garder", f"{first[:8]}, {second[:8]}", "ecartee"
    )
    assert (code, err) == (0, "")
    assert out == "2 conflits réglés : les deux entrées gardées, comptées toutes deux.\n"
    code, out, err = run(
        capsys, "--carnet", path, "conflits", "--garder", doublons_of(path)[0][:8], "actuelle"
    )
    assert (code, err) == (0, "")
    assert out.startswith("Conflit ")  # one: as before
    assert out.endswith(" réglé : une seule entrée gardée.\n")
    with pytest.raises(SystemExit):
        main(["conflits", "--help"])
    assert "« doublons »" in " ".join(capsys.readouterr().out.split())


def doublons_of(path: str) -> list[str]:
    with open_service(path, readonly=True, today=lambda: TODAY) as service:
        from ambassadeur_app.services.sync import SyncService

        return [c.id for c in SyncService(service).conflicts() if c.kind == "doublon"]


def test_a_day_over_24_hours_refuses_the_other_choice_among_several(binome: Binome) -> None:
    a = binome.first()
    a.sync()
    b = binome.join("b")
    day = date(2024, 11, 4)
    log_entry(a.service, day, 14 * 60, activity="Réunion")
    log_entry(b.service, day, 13 * 60, activity="Atelier")
    log_entry(a.service, date(2024, 11, 5), 60)
    log_entry(b.service, date(2024, 11, 5), 60)  # the same entry: a doublon
    everyone_syncs([a, b])
    listed = {c.kind: c.id for c in b.sync_service.conflicts()}
    assert set(listed) == {"24h", "doublon"}
    with pytest.raises(InvalidInput) as refused:
        b.sync_service.keep_many([listed["doublon"], listed["24h"]], "ecartee")
    assert refused.value.message.startswith(
        f"Rien n'a été mis de côté pour la journée du conflit {listed['24h'][:8]}"
    )
    assert refused.value.message.endswith("Aucun conflit n'a été réglé.")
    assert b.sync_service.conflicts()[0].resolved == ""
    settled = b.sync_service.keep_many([listed["24h"], listed["doublon"], listed["24h"]], "actuelle")
    assert [c.id for c in settled] == [listed["24h"], listed["doublon"]]  # each once, in the order given
    assert settled_line(settled) == "2 conflits réglés."  # settled differently: no shared wording
    everyone_syncs([b, a])
    assert listing(a) == listing(b)
    assert a.sync_service.conflicts() == []


def test_entries_set_aside_by_one_closing_are_taken_back_together(binome: Binome) -> None:
    """Two entries of a month closed on the other laptop, taken back at once: the month is
    reopened once and both entries count, on both laptops."""
    october = Month(2024, 10)
    a = binome.first()
    log_entry(a.service, date(2024, 10, 2), 60)
    a.sync()
    b = binome.join("b")
    a.service.close_month(october)
    entries = [log_entry(b.service, date(2024, 10, 10), 30), log_entry(b.service, date(2024, 10, 11), 45)]
    everyone_syncs([a, b])
    closed = [c.id for c in b.sync_service.conflicts() if c.kind == "mois_clos"]
    assert len(closed) == 2
    settled = b.sync_service.keep_many(closed, "ecartee")
    assert len({c.resolved for c in settled}) == 1
    assert "le mois d'octobre 2024 est rouvert" in settled[0].resolved
    everyone_syncs([b, a])
    assert listing(a) == listing(b)
    assert contents(a) == contents(b)
    for laptop in (a, b):
        assert laptop.sync_service.conflicts() == []
        assert all(laptop.service.carnet.entries.is_live(entry) for entry in entries)
        assert laptop.service.month_summary(october).total_minutes == 60 + 30 + 45
        assert laptop.service.carnet.months.active(october) is None
