"""A contact list's import finds the repeated lines as the first algorithm did (a pass over every
earlier line, for each line), in a look-up per line: its work grows with the list, not its square."""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from ambassadeur_app.domain.register import Professional
from ambassadeur_app.domain.text import fold
from ambassadeur_app.importers.contacts import guess_mapping
from ambassadeur_app.services import CarnetService
from ambassadeur_app.services.register_imports import _Lines

Key = tuple[str, str, str]
Line = tuple[str, str | None, Key]  # national identifier, register record matched, duplicate key


def reference_twins(lines: list[Line]) -> list[int | None]:
    """The first algorithm: each line against every person kept so far, first one that fits."""
    kept: list[Line] = []
    twins: list[int | None] = []
    for national_id, match, key in lines:
        twin = next(
            (
                i
                for i, (other_id, other_match, other_key) in enumerate(kept)
                if not (national_id and other_id and national_id != other_id)
                and (
                    (national_id and national_id == other_id)
                    or (match is not None and other_match == match)
                    or (match is None and other_key == key)
                )
            ),
            None,
        )
        twins.append(twin)
        if twin is None:
            kept.append((national_id, match, key))
    return twins


def indexed_twins(lines: list[Line]) -> list[int | None]:
    index = _Lines()
    twins: list[int | None] = []
    kept = 0
    for national_id, match, key in lines:
        twin = index.twin(national_id, match, key)
        twins.append(twin)
        if twin is None:
            index.add(kept, national_id, match, key)
            kept += 1
    return twins


LINES = st.lists(
    st.tuples(
        st.sampled_from(["", "", "810001", "810002", "012345"]),
        st.sampled_from([None, None, "r1", "r2"]),
        st.sampled_from([("martin sophie", "medecin", "nancy"), ("martin sophie", "medecin", "toul")]),
    ),
    max_size=40,
)


@given(LINES)
def test_the_indexed_twin_search_finds_what_the_pass_over_every_line_found(lines: list[Line]) -> None:
    assert indexed_twins(lines) == reference_twins(lines)


def write_contacts(path: Path, rows: list[tuple[str, ...]]) -> Path:
    lines = ["Nom;Prénom;Profession;Commune;RPPS"] + [";".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def record_twin_calls(monkeypatch: Any) -> list[Line]:
    """Record what each line's twin search is asked (the same for both algorithms)."""
    calls: list[Line] = []
    search = _Lines.twin

    def spy(self: _Lines, national_id: str, match: str | None, key: Key) -> int | None:
        calls.append((national_id, match, key))
        return search(self, national_id, match, key)

    monkeypatch.setattr(_Lines, "twin", spy)
    return calls


def test_a_random_list_keeps_the_same_lines_as_the_first_algorithm(
    service: CarnetService, tmp_path: Path, monkeypatch: Any
) -> None:
    chooser = random.Random(20261130)
    register = service.register
    for last in ("Martin", "Petit"):  # namesakes in the register: some lines match them
        register.save_professional(
            Professional(last_name=last, first_name="Léa", profession_code="G15-60", commune="Nancy")
        )
    register.save_professional(
        Professional(last_name="Durand", first_name="Paul", profession_code="G15-10", rpps="10000000009")
    )
    rows = [
        (
            chooser.choice(["Martin", "Petit", "Durand", "MARTIN"]),
            chooser.choice(["Léa", "Lea", "Paul"]),
            chooser.choice(["Infirmier", "Médecin généraliste", "Kinésithérapeute"]),
            chooser.choice(["Nancy", "", "Toul"]),
            chooser.choice(["", "", "10000000009", "10000000017", "10000000025"]),
        )
        for _ in range(300)
    ]
    calls = record_twin_calls(monkeypatch)
    imports = service.register_imports
    table = imports.contact_table(write_contacts(tmp_path / "liste.csv", rows))
    preview = imports.preview_contacts(table, guess_mapping(table.headers))
    assert preview.invalid_lines == 0
    assert len(calls) == 300
    twins = reference_twins(calls)
    assert preview.repeated_lines == [
        line for line, twin in zip(range(2, 302), twins, strict=True) if twin is not None
    ]
    assert len(preview.professionals) == twins.count(None)
    assert preview.repeated_lines  # the list does repeat people, matched or not
    assert preview.matched
    assert len(preview.matched) < len(preview.professionals)


def count_calls(code: CodeType, run: Callable[[], object]) -> int:
    """Return how many times the function of ``code`` is called while ``run`` runs."""
    calls = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal calls
        calls += event == "call" and frame.f_code is code

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return calls


def folds_to_import(service: CarnetService, path: Path, rows: int) -> int:
    """Return the ``fold`` calls of the preview and the apply of a list of distinct people."""
    write_contacts(path, [(f"{path.stem}{i}", "Léa", "Infirmier", "Nancy", "") for i in range(rows)])
    imports = service.register_imports

    def run() -> None:
        table = imports.contact_table(path)
        preview = imports.preview_contacts(table, guess_mapping(table.headers))
        assert (preview.new, preview.repeated_lines) == (rows, [])
        assert imports.apply(preview).created == rows

    return count_calls(fold.__code__, run)


def test_importing_a_list_folds_each_line_a_bounded_number_of_times(
    service: CarnetService, tmp_path: Path
) -> None:
    small = folds_to_import(service, tmp_path / "petite.csv", 200)
    large = folds_to_import(service, tmp_path / "grande.csv", 800)
    # ~11 a line (reading, matching, storing); a pass over the earlier lines for each line folded
    # 3 × 800² / 2 = 960 000 times more.
    assert large <= 20 * 800
    assert large - small <= 20 * 600  # the cost of 600 more lines, whatever the fixed part
