from __future__ import annotations

from pathlib import Path

from ambassadeur_app.demo import build_demo
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import EntryFilter, Mission
from ambassadeur_app.services import open_service


def entries_of(path: Path) -> list[tuple[object, ...]]:
    service = open_service(path, create=True)
    try:
        build_demo(service)
        return [
            (e.day, e.mission, e.activity, e.minutes, e.description)
            for e in service.entries(service.entry_ids(EntryFilter())).values()
        ]
    finally:
        service.close()


def test_demo_is_deterministic(tmp_path: Path) -> None:
    assert sorted(entries_of(tmp_path / "a.ambassadeur"), key=str) == sorted(
        entries_of(tmp_path / "b.ambassadeur"), key=str
    )


def test_demo_is_realistic(tmp_path: Path) -> None:
    service = open_service(tmp_path / "demo.ambassadeur", create=True)
    try:
        build_demo(service)
        programme = service.programme()
        assert programme.departement_code == "54"
        assert len(service.ambassadors()) == 2
        months = programme.period_months
        assert len(months) == 6
        summaries = [service.month_summary(m) for m in months]
        assert all(s.total_minutes > 25 * 60 for s in summaries)
        assert all(all(s.by_mission[m] for m in Mission.funded_missions()) for s in summaries)
        assert [s.claim.over_cap_minutes > 0 for s in summaries].count(True) == 1
        assert service.closed_months() == {Month(2025, 9), Month(2025, 10)}
        (reopened, _) = service.carnet.months.history(Month(2025, 10))
        assert "doublon" in reopened.reopen_reason
        assert any(s.other_minutes for s in summaries)
    finally:
        service.close()
