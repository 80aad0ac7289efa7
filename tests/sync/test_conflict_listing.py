"""Every laptop lists the same conflicts, with the same values, in the same order, whatever
order it met the changes in (session 18)."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import log_entry
from tests.sync.conftest import DAY, Binome, Laptop, edit, everyone_syncs


def listed(laptop: Laptop) -> list[tuple[object, ...]]:
    return [
        (c.id, c.kind, c.row_id, c.column, c.kept, c.set_aside, c.resolved)
        for c in laptop.sync_service.conflicts(include_resolved=True)
    ]


def test_conflicts_are_listed_in_the_same_order_on_both_laptops(binome: Binome) -> None:
    """A edits half the entries first, B all of them, then A the other half: B meets the first
    conflicts one sync before the others, A meets them all at once."""
    a = binome.first()
    entries = [log_entry(a.service, DAY + timedelta(days=i), 60) for i in range(8)]
    a.sync()
    b = binome.join("b")
    for entry in entries[:4]:
        edit(a, entry, place=f"A {entry[:4]}")
    a.sync()
    for entry in reversed(entries):
        edit(b, entry, place=f"B {entry[:4]}")
    b.sync()
    for entry in entries[4:]:
        edit(a, entry, place=f"A {entry[:4]}")
    everyone_syncs([a, b])
    on_a = listed(a)
    assert len(on_a) == 8
    assert on_a == listed(b)
    # In the order they arose: by the clock of the value set aside, the same on both laptops.
    stamps = [c.detected_at for c in a.sync_service.conflicts()]
    assert stamps == sorted(stamps)


def test_a_value_kept_is_the_final_winner_on_every_laptop(binome: Binome) -> None:
    """B's value loses to A's first value on B, then to A's later one (made without knowing
    B's either): B lists the later one as kept, as A and C do."""
    a = binome.first()
    entry = log_entry(a.service, DAY, 60)
    a.sync()
    b, c = binome.join("b"), binome.join("c")
    edit(b, entry, place="Nancy")
    edit(a, entry, place="Toul")
    a.sync()
    b.sync()  # B meets A's first value
    edit(a, entry, place="Metz")  # A has not seen B's yet
    a.sync()
    b.sync()  # then A's later one
    everyone_syncs([a, b, c])
    on_a = listed(a)
    assert [(kind, kept, aside) for _, kind, _, _, kept, aside, _ in on_a] == [("champ", "Metz", "Nancy")]
    assert on_a == listed(b) == listed(c)
