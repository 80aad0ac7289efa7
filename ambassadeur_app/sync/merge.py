"""Bring a carnet kept apart into the shared one (« rejoindre » with ``--fusionner``).

Before the binôme shared a carnet, each laptop may have held its own. Merging one into the
shared carnet is a sync like any other: the carnet kept apart becomes a new copy of the shared
carnet whose first change file holds all its records, written *without knowing* any of the
folder's files, then the folder's files are applied. The merge rules then decide as between two
laptops that worked apart: the same entry typed on both is listed as a duplicate, an entry in a
month the other closed is set aside, a field that differs on a record both hold is listed.

For the last rule, a record both carnets hold must have one id: before that first file is
written, this carnet's records that are the same as the shared carnet's take their ids (and
every reference to them follows). The shared carnet's values win on such a record (this
carnet's first file carries the oldest clock there is): its own values that differ are listed
among the conflicts, nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ambassadeur_app.domain.text import fold
from ambassadeur_app.sync.capture import INSERTED


@dataclass
class Merged:
    """What « rejoindre --fusionner » brought in."""

    records: int = 0  # records of the carnet kept apart, now in the shared carnet
    matched: dict[str, int] = field(default_factory=dict)  # records both held, by table
    erased: int = 0  # people erased in the carnet kept apart: no identity left to find them by
    backup: Path | None = None  # the carnet as it was before the merge


# Who a contact was with: its structure and its people (their ids, sorted).
_CONTACT_WITH = (
    "coalesce(structure_id, '') || ' ' || coalesce((SELECT group_concat(professional_id, ' ') FROM "
    "(SELECT professional_id FROM contact_professionals WHERE contact_id = contacts.id "
    "AND deleted_at IS NULL ORDER BY professional_id)), '')"
)
# The records matched, in order, by their natural keys (SQL expressions over the table's row),
# tried one after the other (a key with an empty part is not used); ``()`` matches the one live
# row of a settings table. A table comes after those its keys refer to: their records already
# hold the shared ids when its keys are read. Who made a record is part of its key (two contacts
# the same day by each ambassador are two contacts); who handled it, when the record may not say
# yet, is in ``_APART``.
MATCHED: tuple[tuple[str, tuple[tuple[str, ...], ...], str], ...] = (
    ("programme", ((),), ""),
    # The same file imported on both laptops (same kind, name and count): one import, which
    # undoes what either laptop's import made; an import undone on one side is not matched.
    ("imports", (("kind", "filename", "row_count"),), "undone_at IS NULL"),
    ("indicator_targets", ((),), ""),
    ("ambassadors", (("name",),), ""),
    ("activities", (("mission", "label"),), ""),
    ("survey_templates", (("key",),), ""),
    ("training_modules", (("title",),), ""),
    ("rex_texts", (("key",),), ""),
    ("professionals", (("rpps",), ("adeli",), ("name_key", "commune")), "anonymized_at IS NULL"),
    ("structures", (("finess",), ("name", "commune")), ""),
    ("professional_structures", (("professional_id", "structure_id"),), ""),
    (
        "professional_activities",
        (("professional_id", "site_name || ' ' || finess_site || ' ' || siret || ' ' || commune_code"),),
        "",
    ),
    # What counts money or events, typed on both laptops: one record, never counted twice.
    ("events", (("first_day", "title"),), ""),
    ("expenses", (("supplier", "number", "issued_on"), ("supplier", "issued_on", "amount_ttc_cents")), ""),
    ("grant_payments", (("day", "amount_cents"),), ""),
    ("event_invitations", (("event_id", "professional_id"),), ""),
    ("event_attendances", (("event_id", "professional_id"),), ""),
    ("attachments", (("owner_id", "role", "sha256"),), ""),
    # What the indicators and the bilan count: contacts, requests, accounts, questionnaires.
    ("contacts", (("day", "ambassador_id", "channel", "mission", _CONTACT_WITH),), ""),
    ("contact_professionals", (("contact_id", "professional_id"),), ""),
    (
        "solicitations",
        (("substr(received_at, 1, 10)", "category", "coalesce(professional_id, structure_id, requester)"),),
        "",
    ),
    ("account_events", (("day", "professional_id", "action"),), ""),
    ("surveys", (("key", "coalesce(event_id, diffused_on)"),), ""),
    ("survey_responses", (("survey_id", "number", "answers"),), ""),
    ("user_readings", (("CASE WHEN baseline THEN 'reference' ELSE day END",),), ""),
    ("planned_actions", (("planned_start", "mission", "title"),), ""),
    ("planned_action_links", (("owner_id", "coalesce(event_id, time_entry_id)"),), ""),
    ("journal_notes", (("day", "tag", "text"),), ""),
    (
        "journal_note_links",
        (("owner_id", "coalesce(event_id, time_entry_id, professional_id, structure_id)"),),
        "",
    ),
    ("agenda_items", (("ambassador_id", "uid || ' ' || recurrence_id"),), ""),
)
# Who handled a record, when it may be left blank: two records that name different ambassadors
# are never matched, one that names none matches one that names someone.
_APART = {
    "solicitations": "answered_by",
    "account_events": "ambassador_id",
    "planned_actions": "ambassador_id",
}
# Ids kept in a column that is no foreign key: (table, column, the table whose ids it holds).
_LOOSE = (
    ("import_changes", "record_id", "professionals"),
    ("import_changes", "record_id", "structures"),
    ("attachments", "owner_id", "expenses"),
    ("attachments", "owner_id", "events"),
)
# Names of people, compared without the titles typed before them (« Dr Claire Fontaine » is
# « Claire Fontaine »); a professional's folded name is « last name first name ». A title that
# gives a gender keeps apart two names that give different ones (« M. Martin », « Mme Martin »).
_PERSON_NAMES = {("ambassadors", "name"), ("professionals", "name_key")}
_TITLES = {
    **dict.fromkeys(("dr", "docteur", "pr", "professeur"), ""),
    **dict.fromkeys(("m", "mr", "monsieur"), "m"),
    **dict.fromkeys(("mme", "madame", "mlle", "mademoiselle"), "f"),
}
_SEPARATORS = re.compile(r"[\s\-'’‐-―]+")
# The first clock there is: the shared carnet's values win over the merged carnet's.
FIRST_HLC = 1


# Tables whose ids are drawn at random when a record is made: two carnets typed apart never
# share one, a copy of one carnet's file shares them all.
_DRAWN = ("time_entries", "contacts", "events", "expenses")


def common_records(db: Any, shared: Any) -> int:
    """Return how many records this carnet holds under the same id as the shared carnet: more
    than none means it is a copy of the same file (copied, or a backup restored), not a carnet
    kept apart, and merging it would take the copy's records for changes made apart."""
    common = 0
    for table in _DRAWN:
        theirs = {row_id for (row_id,) in shared.execute(f"SELECT id FROM {table}")}
        common += sum(row_id in theirs for (row_id,) in db.execute(f"SELECT id FROM {table}"))
    return common


def match(db: Any, shared: Any) -> dict[str, int]:
    """Give this carnet's records that the shared carnet also holds the shared ids, every
    reference following, table by table (inside the caller's transaction; the foreign keys
    are checked at its end); return how many were matched, by table."""
    db.execute("PRAGMA defer_foreign_keys = ON")
    tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    references = [
        (table, fk[3], fk[2]) for table in tables for fk in db.execute(f"PRAGMA foreign_key_list({table})")
    ]
    matched = {}
    for table, keys, condition in MATCHED:
        pairs = _pairs(db, shared, table, keys, condition)
        columns = [(t, c) for t, c, parent in (*references, *_LOOSE) if parent == table]
        for mine, theirs in pairs.items():
            db.execute(f"UPDATE {table} SET id = ? WHERE id = ?", [theirs, mine])
            for referring, column in columns:
                db.execute(f"UPDATE {referring} SET {column} = ? WHERE {column} = ?", [theirs, mine])
            if table == "ambassadors":  # an event's organisers: a list of ambassadors' ids
                db.execute(
                    "UPDATE events SET organiser_ids = replace(organiser_ids, ?, ?) "
                    "WHERE instr(organiser_ids, ?)",
                    [mine, theirs, mine],
                )
        if pairs:
            matched[table] = len(pairs)
    return matched


def _pairs(
    db: Any, shared: Any, table: str, keys: tuple[tuple[str, ...], ...], condition: str
) -> dict[str, str]:
    """This carnet's ids of the records the shared carnet also holds, with the shared ids: each
    record of either side paired at most once (two contacts the same day on both sides pair
    one to one), in the order they were written."""
    pairs: dict[str, str] = {}
    taken: set[str] = set()
    for key in keys:
        theirs: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] = {}
        for row_id, apart, *values in _rows(shared, table, key, condition):
            if row_id not in taken:
                compared, distinct = _key(table, key, apart, values)
                theirs.setdefault(compared, []).append((row_id, distinct))
        for row_id, apart, *values in _rows(db, table, key, condition):
            compared, distinct = _key(table, key, apart, values)
            waiting = theirs.get(compared, []) if (all(compared) or not key) and row_id not in pairs else []
            found = next((w for w in waiting if _together(w[1], distinct)), None)
            if found:
                waiting.remove(found)
                pairs[row_id] = found[0]
                taken.add(found[0])
    return {mine: theirs for mine, theirs in pairs.items() if mine != theirs}


def _key(
    table: str, key: tuple[str, ...], apart: Any, values: list[Any]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The key compared, and what keeps apart two records of the same key when both say it and
    it differs: who handled it, the gender a title gives a name."""
    compared, distinct = [], [apart or ""]
    for column, value in zip(key, values, strict=True):
        if (table, column) in _PERSON_NAMES:
            name, gender = _person(value)
            compared.append(name)
            distinct.append(gender)
        else:
            compared.append(_folded(value))
    return tuple(compared), tuple(distinct)


def _together(theirs: tuple[str, ...], mine: tuple[str, ...]) -> bool:
    return all(a == b or not a or not b for a, b in zip(theirs, mine, strict=True))


def values_key(values: list[Any]) -> tuple[str, ...]:
    """The values compared: folded, hyphens and apostrophes read as spaces (« Vandœuvre-lès-Nancy »
    is « vandoeuvre les nancy »)."""
    return tuple(_folded(value) for value in values)


def _folded(value: Any) -> str:
    return " ".join(_SEPARATORS.split(fold("" if value is None else str(value)))).strip()


def person_name(value: Any) -> str:
    """A person's name as compared: folded, without the titles typed with it (« Dr », « Docteur »,
    « Pr », « Mme », « M. », « Mr »…; a lone « M » only first: elsewhere it may be an initial)."""
    return _person(value)[0]


def _person(value: Any) -> tuple[str, str]:
    name, genders = [], set()
    for index, word in enumerate(_folded(value).split()):
        title = word.rstrip(".")
        if title not in _TITLES or (word == "m" and index):
            name.append(word)
        else:
            genders.add(_TITLES[title])
    return " ".join(name), "".join(sorted(genders - {""}))


def _rows(db: Any, table: str, key: tuple[str, ...], condition: str) -> list[tuple[Any, ...]]:
    where = " AND ".join(["deleted_at IS NULL", *([condition] if condition else [])])
    columns = ", ".join(["id", _APART.get(table, "''"), *key])
    return [tuple(row) for row in db.execute(f"SELECT {columns} FROM {table} WHERE {where} ORDER BY rowid")]


def date_first_file(db: Any, replica: str) -> None:
    """Make this copy's snapshot the first file of its copy, written knowing nothing of the
    folder (no dependencies), with the first clock (the shared values win on a record both
    hold). The file is written into the folder at the first sync, once the carnet is complete
    (``Engine.check_own`` writes a file of its own that is missing)."""
    db.execute(
        "UPDATE _sync_log SET hlc = ?, file = 1 WHERE replica = ? AND col = ?", [FIRST_HLC, replica, INSERTED]
    )
    db.execute("UPDATE _sync_peers SET applied = 1 WHERE replica = ?", [replica])
    db.execute(
        "INSERT OR REPLACE INTO _sync_files (replica, file, deps, sha256) VALUES (?, 1, '{}', NULL)",
        [replica],
    )
