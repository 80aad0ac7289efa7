"""The services import one way: core, timer, register, agenda, events, surveys, expenses, indicators,
planning, bilan, pack, register_imports, carnet."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SERVICES = Path(__file__).resolve().parents[2] / "ambassadeur_app" / "services"
LAYERS = [
    "core",
    "timer",
    "register",
    "agenda",
    "events",
    "surveys",
    "expenses",
    "indicators",
    "planning",
    "bilan",
    "pack",
    "register_imports",
    "sync",
    "carnet",
]


def _imported_services(module: str) -> set[str]:
    """Every services module ``module`` imports, type-checking imports included."""
    tree = ast.parse((SERVICES / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ambassadeur_app.services."):
            found.add((node.module or "").rsplit(".", 1)[1])
    return found


@pytest.mark.parametrize("index", range(len(LAYERS)))
def test_a_service_imports_only_the_layers_below_it(index: int) -> None:
    above = set(LAYERS[index:])
    assert not _imported_services(LAYERS[index]) & above, f"{LAYERS[index]} imports a service above it"
