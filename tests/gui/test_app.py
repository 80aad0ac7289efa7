"""Which carnet the app opens first, and how it recovers a damaged one."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ambassadeur_app import paths
from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import EntryFilter
from ambassadeur_app.errors import CarnetDamaged
from ambassadeur_app.gui import app
from ambassadeur_app.services import open_service
from ambassadeur_app.storage.backup import BackupKind
from tests.gui.conftest import Prompts
from tests.unit.test_storage import damage


def test_first_launch_opens_the_demonstration(qtbot: Any) -> None:
    app.create_application()
    service, demo = app.open_initial(None, app.ui_settings())
    try:
        assert demo
        assert service.path == paths.demo_carnet_path()
        months = service.programme().period_months  # the demo's six months end with this one
        assert (months[-1], service.closed_months()) == (Month.of(date.today()), set(months[:2]))
    finally:
        service.close()


def test_the_last_carnet_then_the_default_one_are_preferred(qtbot: Any, tmp_path: Path) -> None:
    settings = app.ui_settings()
    default = open_service(paths.default_carnet_path(), create=True)
    default.close()
    service, demo = app.open_initial(None, settings)
    assert (service.path, demo) == (paths.default_carnet_path(), False)
    service.close()
    other = tmp_path / "autre.ambassadeur"
    open_service(other, create=True).close()
    settings.setValue("carnet/last", str(other))
    service, _ = app.open_initial(None, settings)
    assert service.path == other
    service.close()


def test_a_damaged_carnet_is_restored_from_its_last_sound_backup(
    qtbot: Any, tmp_path: Path, prompts: Prompts
) -> None:
    from ambassadeur_app.demo import build_demo

    path = tmp_path / "carnet.ambassadeur"
    service = open_service(path, create=True)
    build_demo(service)
    service.carnet.backup(BackupKind.MANUAL)
    count = len(service.entry_ids(EntryFilter()))
    service.close()
    damage(path)
    settings = app.ui_settings()
    with pytest.raises(CarnetDamaged) as caught:
        app.open_initial(path, settings)
    opened = app._recover(caught.value, path, settings)
    assert opened is not None
    restored, _ = opened
    try:
        assert "endommagé" in prompts.asked[0]
        assert len(restored.entry_ids(EntryFilter())) == count
        assert list(tmp_path.glob("carnet.ambassadeur.endommage-*"))
    finally:
        restored.close()
