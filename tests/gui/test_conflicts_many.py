"""« Conflits à vérifier » with many conflicts: every doublon selected by one button, or several
rows by hand, settled by one choice (one transaction), on real carnets synced through a folder."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.gui.dialogs.conflicts_dialog import ConflictsDialog
from tests.conftest import log_entry
from tests.sync.conftest import Binome, contents, everyone_syncs, listing
from tests.sync.test_conflict_bulk import NOVEMBER, TOTAL, TYPED, live_entries, typed_on_both

SHOTS = os.environ.get("AMBASSADEUR_SHOTS")


def test_every_doublon_is_selected_and_settled_by_one_click(qtbot: Any, tmp_path: Path) -> None:
    binome = Binome(tmp_path)
    try:
        a, b = typed_on_both(binome)
        calls: list[int] = []
        dialog = ConflictsDialog(b.sync_service, lambda: calls.append(1))
        qtbot.addWidget(dialog)
        dialog.resize(760, 440)
        dialog.show()
        ui = dialog.ui
        listed = len(dialog.conflicts)
        assert ui.conflicts_list.count() == listed >= len(TYPED)
        assert ui.doublons_button.isEnabled()
        assert len(dialog.selected()) == 1  # the first row, as before

        qtbot.mouseClick(ui.doublons_button, Qt.MouseButton.LeftButton)
        assert [c.kind for c in dialog.selected()] == ["doublon"] * len(TYPED)
        assert ui.keep_button.text() == f"Une seule entrée (supprimer la copie) — {len(TYPED)} conflits"
        assert ui.take_button.text() == f"Les deux entrées (compter les deux) — {len(TYPED)} conflits"
        assert [b.shortcut().toString() for b in (ui.keep_button, ui.take_button)] == ["Alt+G", "Alt+R"]
        if SHOTS:
            dialog.grab().save(str(Path(SHOTS) / "conflicts_many_doublons.png"))

        qtbot.mouseClick(ui.keep_button, Qt.MouseButton.LeftButton)
        assert ui.message_label.text() == f"{len(TYPED)} conflits réglés : une seule entrée gardée."
        assert calls == [1]  # the window refreshed once
        assert len(dialog.conflicts) == listed - len(TYPED)
        assert not any(c.kind == "doublon" for c in dialog.conflicts)
        assert not ui.doublons_button.isEnabled()

        # The settled ones shown too (as « conflits --tous »): greyed, never chosen again.
        qtbot.mouseClick(ui.settled_check, Qt.MouseButton.LeftButton)
        assert len(dialog.conflicts) == listed
        texts = [ui.conflicts_list.item(row).text() for row in range(ui.conflicts_list.count())]
        assert sum("[réglé : une seule entrée gardée]" in text for text in texts) == len(TYPED)
        ui.conflicts_list.selectAll()
        assert len(dialog.selected()) == listed - len(TYPED)  # the open ones only
        assert not any(c.resolved for c in dialog.selected())
        assert not ui.doublons_button.isEnabled()
        qtbot.mouseClick(ui.settled_check, Qt.MouseButton.LeftButton)
        assert len(dialog.conflicts) == listed - len(TYPED)

        everyone_syncs([b, a])
        assert listing(a) == listing(b)
        assert contents(a) == contents(b)
        for laptop in (a, b):
            assert live_entries(laptop) == len(TYPED)
            assert laptop.service.month_summary(NOVEMBER).total_minutes == TOTAL
    finally:
        binome.close()


def test_rows_selected_by_hand_take_one_choice_and_a_refusal_settles_none(qtbot: Any, tmp_path: Path) -> None:
    binome = Binome(tmp_path)
    try:
        a = binome.first()
        a.sync()
        b = binome.join("b")
        day = date(2024, 11, 4)
        log_entry(a.service, day, 14 * 60, activity="Réunion")
        log_entry(b.service, day, 13 * 60, activity="Atelier")  # a day over 24 h
        for laptop in (a, b):
            log_entry(laptop.service, date(2024, 11, 5), 60)  # typed on both: a doublon
        everyone_syncs([a, b])
        dialog = ConflictsDialog(b.sync_service, lambda: None)
        qtbot.addWidget(dialog)
        dialog.show()
        ui = dialog.ui
        assert sorted(c.kind for c in dialog.conflicts) == ["24h", "doublon"]

        ui.conflicts_list.selectAll()  # Ctrl+A
        assert len(dialog.selected()) == 2
        # Two kinds: the form's words.
        assert ui.keep_button.text() == "&Garder la valeur actuelle — 2 conflits"
        assert not ui.take_button.isEnabled()  # nothing set aside for the day over 24 h
        assert not dialog.choose("ecartee")  # refused as a whole, said in the dialog
        assert "Aucun conflit n'a été réglé." in ui.message_label.text()
        assert len(b.sync_service.conflicts()) == 2

        assert dialog.choose("actuelle")
        assert ui.message_label.text() == "2 conflits réglés."
        assert ui.conflicts_list.item(0).text() == "Aucun conflit à vérifier."
        assert not ui.keep_button.isEnabled()
        everyone_syncs([b, a])
        assert listing(a) == listing(b)
        assert a.sync_service.conflicts() == []
    finally:
        binome.close()


def test_a_deletion_in_a_closed_month_says_why_it_cannot_be_applied(qtbot: Any, tmp_path: Path) -> None:
    binome = Binome(tmp_path)
    try:
        a = binome.first()
        entry = log_entry(a.service, date(2024, 10, 8), 90)
        a.sync()
        b = binome.join("b")
        a.service.delete_entries([entry])
        b.service.update_entry(replace(b.service.entry(entry), minutes=100))
        everyone_syncs([a, b])
        a.service.close_month(Month(2024, 10))
        dialog = ConflictsDialog(a.sync_service, lambda: None)
        qtbot.addWidget(dialog)
        dialog.show()
        ui = dialog.ui
        assert [c.kind for c in dialog.selected()] == ["suppression"]
        assert (ui.keep_button.text(), ui.take_button.text()) == ("Garder (ne pas supprimer)", "Supprimer")
        qtbot.mouseClick(ui.take_button, Qt.MouseButton.LeftButton)
        assert "Le mois d'octobre 2024 est clôturé : reprendre ce qui" in ui.message_label.text()
        assert a.service.carnet.entries.is_live(entry)
        assert a.service.month_summary(Month(2024, 10)).total_minutes == 100
    finally:
        binome.close()
