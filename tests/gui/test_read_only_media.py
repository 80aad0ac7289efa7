"""A carnet on read-only media opens in the window, to be read and exported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ambassadeur_app.gui.app import create_application, open_initial, ui_settings
from ambassadeur_app.gui.main_window import MainWindow
from tests.unit.test_file_diagnosis import make_carnet, read_only


def test_the_window_opens_a_read_only_carnet_and_says_so(qtbot: Any, tmp_path: Path) -> None:
    key = tmp_path / "cle-usb"
    key.mkdir()
    carnet = key / "carnet.ambassadeur"
    make_carnet(carnet)
    create_application()
    with read_only(key):
        service, demo = open_initial(carnet, ui_settings())
        try:
            assert not demo
            assert service.carnet.media_readonly
            window = MainWindow(service, ui_settings())
            qtbot.addWidget(window)
            assert "(lecture seule)" in window.windowTitle()
            assert "Support en lecture seule" in window.status_label.text()
            assert window.page.model is not None
            window.close()
        finally:
            service.close()
