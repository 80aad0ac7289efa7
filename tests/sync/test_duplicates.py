"""Entries typed on several laptops are listed as pairs (``doublon``) exactly as a reading of
every pair of entries finds them, however many entries share a day, person, mission and
duration: the check reads them by batches and passes over what one laptop typed alone."""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import combinations

import pytest

from ambassadeur_app.domain.dates import Month
from ambassadeur_app.domain.model import Mission
from ambassadeur_app.sync.capture import INSERTED
from ambassadeur_app.sync.engine import DECIDED
from tests.conftest import log_entry
from tests.sync.conftest import Binome, Laptop, contents, everyone_syncs, listing

KEY = "day, ambassador_id, mission, minutes, start_time"


def pairs_read_one_by_one(laptop: Laptop) -> set[tuple[str, str]]:
    """The pairs of entries kept (live, or set aside by the merge: for a closed month, or as the
    copy of a pair) with the same key, whose creations neither writer knew of, in the order a
    conflict names them."""
    engine = laptop.sync_service.engine
    rows = laptop.db.execute(
        f"SELECT id, {KEY} FROM time_entries WHERE deleted_at IS NULL OR ? IN (device_id, deleted_at)",
        [DECIDED],
    ).fetchall()
    created = {
        row[0]: next(e for e in engine._row_log("time_entries", row[0]) if e.col == INSERTED) for row in rows
    }
    found = set()
    for x, y in combinations(rows, 2):
        first, second = created[x[0]], created[y[0]]
        if x[1:] == y[1:] and not engine.seen(first, second) and not engine.seen(second, first):
            found.add(tuple(sorted([(first.key, x[0]), (second.key, y[0])])))
    return {(a[1], b[1]) for a, b in found}


def listed_pairs(laptop: Laptop) -> set[tuple[str, str]]:
    return set(
        laptop.db.execute("SELECT row_id, other_id FROM _sync_conflicts WHERE kind = 'doublon'").fetchall()
    )


def type_some(laptop: Laptop, rng: random.Random, count: int) -> list[str]:
    """Entries on a few days, so that many share their key."""
    return [
        log_entry(
            laptop.service,
            date(2024, 10, 30) + timedelta(days=rng.randrange(4)),
            rng.choice([30, 60]),
            rng.choice([Mission.PROMOTION, Mission.FORMATION]),
            rng.choice(["Marie Durand", "Paul Martin"]),
        )
        for _ in range(count)
    ]


@pytest.mark.parametrize("seed", range(4))
def test_pairs_typed_on_several_laptops_are_listed_as_read_one_by_one(binome: Binome, seed: int) -> None:
    rng = random.Random(seed)
    a = binome.first()
    type_some(a, rng, 40)  # in the snapshot: one writer, never pairs
    a.sync()
    b, c = binome.join("b"), binome.join("c")
    assert listed_pairs(b) == set()
    typed = {name: type_some(laptop, rng, 25) for name, laptop in (("a", a), ("b", b), ("c", c))}
    a.service.close_month(Month(2024, 10))  # B's and C's October entries are set aside: still paired
    b.service.delete_entries(rng.sample(typed["b"], 3))
    everyone_syncs([a, b, c], rounds=3)
    expected = pairs_read_one_by_one(a)
    assert expected  # the data make pairs: the check can fail
    assert any(
        a.db.execute("SELECT device_id FROM time_entries WHERE id = ?", [x]).fetchone()[0] == DECIDED
        for pair in expected
        for x in pair
    )
    for laptop in (a, b, c):
        assert pairs_read_one_by_one(laptop) == expected
        assert listed_pairs(laptop) == expected
        # No one chose: the entry of each pair typed second is counted nowhere.
        assert not any(laptop.service.carnet.entries.is_live(second) for _, second in expected)
    assert contents(a) == contents(b) == contents(c)
    assert listing(a) == listing(b) == listing(c)
