"""The copy of a « doublon » given back once its first entry is deleted by a laptop that did not
know of it takes the state its users wrote as the merge keeps it: a deletion undone against an
edit (« suppression ») stays undone, on every laptop, whichever met the files first (found by the
simulation in processes, seeds 955 and 1002)."""

from __future__ import annotations

from tests.conftest import log_entry
from tests.sync.conftest import (
    DAY,
    PHRASE,
    Binome,
    ahead,
    contents,
    deleted_while_edited,
    edit,
    everyone_syncs,
    field,
    listing,
    newest,
)


def test_a_copy_set_aside_after_its_deletion_was_undone_is_given_back_kept(binome: Binome) -> None:
    # B types E1 and sends it, then deletes it before knowing of E2; A types E2 (the copy). C
    # deletes E2 knowing nothing of E1 (its file not arrived yet), while A edits E2: the
    # deletion is undone against the edit (« suppression »), E2 is kept. A then meets E1 kept:
    # the doublon, E2 set aside; then B's deletion of E1, made without knowing of E2: E2 is
    # given back, counted. A gave it back as its users' latest deletion, the one undone against
    # the edit; the laptops that never set it aside keep it.
    a, b, c = binome.first(), binome.join("b"), binome.join("c")
    everyone_syncs([a, b, c])
    first = log_entry(b.service, DAY, 30)
    b.sync()  # E1 sent
    sent = newest(binome.folder, b.sync_service.engine.replica)
    held = sent.with_name(sent.name + ".part")  # still on its way to A and C
    sent.rename(held)
    b.service.delete_entries([first])  # not knowing of E2
    ahead(a, 1)  # E2 typed second
    second = log_entry(a.service, DAY, 30)
    a.sync()  # E2 sent
    c.sync()  # C meets E2 only
    c.service.delete_entries([second])
    c.sync()
    edit(a, second, description="Vu avec l'équipe")  # not knowing of C's deletion
    a.sync()  # C's deletion undone against the edit: E2 kept
    held.rename(sent)
    a.sync()  # A meets E1 kept: E2 set aside
    b.sync()  # B sends its deletion of E1
    a.sync()  # E1 deleted not knowing of E2: E2 given back
    everyone_syncs([a, b, c], rounds=3)
    assert contents(a) == contents(b) == contents(c)
    assert listing(a) == listing(b) == listing(c)
    for laptop in (a, b, c):
        assert field(laptop, "time_entries", second, "deleted_at") is None  # kept by the edit


def test_a_copy_given_back_when_its_first_entry_is_deleted_in_a_later_file_stays_kept(binome: Binome) -> None:
    # C types F; A types the same hour E later (its clock ahead), neither knowing the other: E is
    # the copy of the « doublon », kept out of the counts while F is kept. B deletes E while A,
    # not knowing, edits it: A and B undo the deletion (« suppression »). C sends F, then, killed
    # before applying anything, deletes F in a second file (not knowing E). A and B set E aside
    # when F came, then gave it back when F's deletion came, with the deletion its users wrote
    # last (the one undone against the edit): E deleted. C met F deleted before E, the deletion
    # and the edit: E kept.
    a, b, c = binome.first(), binome.join("b"), binome.join("c")
    first = log_entry(c.service, DAY, 60)
    ahead(a, 1)
    entry = log_entry(a.service, DAY, 60)
    deleted_while_edited(a, b, entry, place="Mairie")
    a.sync()
    b.sync()
    keys = c.sync_service._keys(PHRASE)
    c.sync_service.engine.export(binome.folder, keys)  # F sent, then killed
    c.service.delete_entries([first])  # not knowing E
    c.sync_service.engine.export(binome.folder, keys)
    for laptop in (a, b, c, a, b, c):
        laptop.sync()
    assert contents(a) == contents(b) == contents(c)
    assert listing(a) == listing(b) == listing(c)
    for laptop in (a, b, c):
        assert field(laptop, "time_entries", entry, "deleted_at") is None  # kept by the edit
        assert [k.kind for k in laptop.sync_service.conflicts() if k.row_id == entry] == ["suppression"]
