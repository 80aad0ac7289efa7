"""Schema steps of the carnet file, in order. Append new steps; never edit an applied one.

Every record has a UUID text id, ``created_at``/``updated_at`` (UTC ISO 8601), the ``device_id``
of the computer that wrote it and ``deleted_at`` instead of a hard delete, so that the two
laptops of a binôme can merge their carnets later.

``PRAGMA user_version`` carries the file format; a step that changes it sets it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "ambassadeur"
FILE_FORMAT = 1
# What identifies an applied step in sqlite-utils' table of them (its unique index).
KEY = ["migration_set", "name"]

Step = Callable[["Database"], None]


class Steps:
    """The carnet's schema steps, applied by sqlite-utils' ``Migrations``.

    Telling whether a step is pending is a plain query: opening an up-to-date carnet does not
    import sqlite-utils; applying steps does.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.steps: list[Step] = []

    def __call__(self) -> Callable[[Step], Step]:
        """Register the decorated function as the next step (named after it)."""

        def register(step: Step) -> Step:
            self.steps.append(step)
            return step

        return register

    def pending(self, conn: sqlite3.Connection) -> list[str]:
        """Return the names of the steps not applied to the file yet, in order."""
        applied: set[str] = set()
        if conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
        ).fetchone():
            applied = {
                name
                for (name,) in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [self.name]
                )
            }
        return [step.__name__ for step in self.steps if step.__name__ not in applied]

    def apply(self, db: Database, *, stop_before: str | None = None) -> None:
        """Apply the pending steps, each in a transaction with the record of it (stopping before
        the step ``stop_before``, when given)."""
        from sqlite_utils.migrations import Migrations

        steps = Migrations(self.name)
        for step in self.steps:
            steps()(step)
        # sqlite-utils creates its bookkeeping table, then its unique index, each saved at once:
        # here both are saved together or not at all (and an index missing from a file where an
        # earlier version was stopped between the two is added).
        with db.atomic():
            steps.ensure_migrations_table(db)
            table = db.table(steps.migrations_table)
            if not any(index.unique and index.columns == KEY for index in table.indexes):
                table.create_index(KEY, unique=True)
        steps.apply(db, stop_before=stop_before)


migrations = Steps(MIGRATION_SET)

_COMMON = """
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    device_id TEXT NOT NULL,
    deleted_at TEXT
"""


@migrations()
def m001_create_carnet(db: Database) -> None:
    db.executescript(
        f"""
        CREATE TABLE programme (
            id TEXT PRIMARY KEY,
            cpts_name TEXT NOT NULL,
            departement_code TEXT NOT NULL,
            departement_name TEXT NOT NULL,
            programme_name TEXT NOT NULL,
            start_date TEXT NOT NULL,
            months INTEGER NOT NULL CHECK (months BETWEEN 1 AND 36),
            hourly_rate_cents INTEGER NOT NULL CHECK (hourly_rate_cents > 0),
            weekly_base_minutes INTEGER NOT NULL CHECK (weekly_base_minutes >= 0),
            monthly_cap_cents INTEGER NOT NULL CHECK (monthly_cap_cents >= 0),
            event_forfait_cents INTEGER NOT NULL CHECK (event_forfait_cents >= 0),
            total_grant_cents INTEGER NOT NULL CHECK (total_grant_cents >= 0),
            representative_name TEXT NOT NULL DEFAULT '',
            representative_title TEXT NOT NULL DEFAULT '',
            {_COMMON}
        );
        CREATE TABLE imports (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            filename TEXT NOT NULL,
            row_count INTEGER NOT NULL,
            undone_at TEXT,
            {_COMMON}
        );
        CREATE TABLE ambassadors (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('medical', 'administratif')),
            profession TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            active INTEGER NOT NULL DEFAULT 1,
            import_id TEXT REFERENCES imports(id),
            {_COMMON}
        );
        CREATE TABLE activities (
            id TEXT PRIMARY KEY,
            mission TEXT NOT NULL,
            label TEXT NOT NULL,
            position INTEGER NOT NULL,
            import_id TEXT REFERENCES imports(id),
            {_COMMON}
        );
        CREATE TABLE time_entries (
            id TEXT PRIMARY KEY,
            day TEXT NOT NULL,
            ambassador_id TEXT NOT NULL REFERENCES ambassadors(id),
            mission TEXT NOT NULL
                CHECK (mission IN ('promotion', 'formation', 'accompagnement', 'autre')),
            activity TEXT NOT NULL,
            minutes INTEGER NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
            start_time TEXT,
            place TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            import_id TEXT REFERENCES imports(id),
            {_COMMON}
        );
        CREATE INDEX time_entries_day ON time_entries(day, start_time)
            WHERE deleted_at IS NULL;
        CREATE INDEX time_entries_ambassador_day ON time_entries(ambassador_id, day)
            WHERE deleted_at IS NULL;
        CREATE INDEX time_entries_import ON time_entries(import_id);
        CREATE TABLE month_locks (
            id TEXT PRIMARY KEY,
            month TEXT NOT NULL,
            closed_at TEXT NOT NULL,
            reopened_at TEXT,
            reopen_reason TEXT NOT NULL DEFAULT '',
            {_COMMON}
        );
        CREATE INDEX month_locks_month ON month_locks(month);
        """
    )
    db.execute(f"PRAGMA user_version = {FILE_FORMAT}")


@migrations()
def m002_index_entry_totals(db: Database) -> None:
    """Read sums and the table's date order from indexes alone, without visiting the rows."""
    db.execute(
        "CREATE INDEX time_entries_totals ON time_entries(day, ambassador_id, mission, minutes) "
        "WHERE deleted_at IS NULL"
    )
    db.execute("DROP INDEX time_entries_day")
    db.execute(
        "CREATE INDEX time_entries_day ON time_entries(day, start_time, created_at, id) "
        "WHERE deleted_at IS NULL"
    )


@migrations()
def m003_create_register(db: Database) -> None:
    """The outreach register: professionals, structures, contacts, requests, account events."""
    db.executescript(
        f"""
        CREATE TABLE professionals (
            id TEXT PRIMARY KEY,
            civility TEXT NOT NULL DEFAULT '',
            last_name TEXT NOT NULL,
            first_name TEXT NOT NULL DEFAULT '',
            profession_code TEXT NOT NULL,
            specialty TEXT NOT NULL DEFAULT '',
            rpps TEXT NOT NULL DEFAULT '',
            practice_mode TEXT NOT NULL DEFAULT '',
            commune TEXT NOT NULL DEFAULT '',
            postal_code TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            parceo_status TEXT NOT NULL DEFAULT 'aucun',
            parceo_since TEXT,
            notes TEXT NOT NULL DEFAULT '',
            search TEXT NOT NULL DEFAULT '',
            anonymized_at TEXT,
            import_id TEXT REFERENCES imports(id),
            {_COMMON}
        );
        CREATE INDEX professionals_rpps ON professionals(rpps) WHERE deleted_at IS NULL;
        CREATE INDEX professionals_name ON professionals(last_name, first_name)
            WHERE deleted_at IS NULL;
        CREATE TABLE structures (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            finess TEXT NOT NULL DEFAULT '',
            commune TEXT NOT NULL DEFAULT '',
            postal_code TEXT NOT NULL DEFAULT '',
            departement_code TEXT NOT NULL DEFAULT '',
            onboarding TEXT NOT NULL DEFAULT 'a_contacter',
            contacted_on TEXT,
            met_on TEXT,
            engaged_on TEXT,
            onboarded_on TEXT,
            services_engaged TEXT NOT NULL DEFAULT '',
            it_commitment_on TEXT,
            notes TEXT NOT NULL DEFAULT '',
            search TEXT NOT NULL DEFAULT '',
            import_id TEXT REFERENCES imports(id),
            {_COMMON}
        );
        CREATE INDEX structures_finess ON structures(finess) WHERE deleted_at IS NULL;
        CREATE TABLE professional_structures (
            id TEXT PRIMARY KEY,
            professional_id TEXT NOT NULL REFERENCES professionals(id),
            structure_id TEXT NOT NULL REFERENCES structures(id),
            {_COMMON}
        );
        CREATE INDEX professional_structures_professional
            ON professional_structures(professional_id);
        CREATE INDEX professional_structures_structure ON professional_structures(structure_id);
        CREATE TABLE contacts (
            id TEXT PRIMARY KEY,
            day TEXT NOT NULL,
            ambassador_id TEXT NOT NULL REFERENCES ambassadors(id),
            channel TEXT NOT NULL,
            mission TEXT NOT NULL,
            subject TEXT NOT NULL,
            structure_id TEXT REFERENCES structures(id),
            outcome TEXT NOT NULL DEFAULT '',
            next_step TEXT NOT NULL DEFAULT '',
            next_step_due TEXT,
            next_step_done INTEGER NOT NULL DEFAULT 0,
            time_entry_id TEXT REFERENCES time_entries(id),
            {_COMMON}
        );
        CREATE INDEX contacts_day ON contacts(day) WHERE deleted_at IS NULL;
        CREATE INDEX contacts_structure ON contacts(structure_id);
        CREATE TABLE contact_professionals (
            id TEXT PRIMARY KEY,
            contact_id TEXT NOT NULL REFERENCES contacts(id),
            professional_id TEXT NOT NULL REFERENCES professionals(id),
            {_COMMON}
        );
        CREATE INDEX contact_professionals_contact ON contact_professionals(contact_id);
        CREATE INDEX contact_professionals_professional ON contact_professionals(professional_id);
        CREATE TABLE solicitations (
            id TEXT PRIMARY KEY,
            received_at TEXT NOT NULL,
            channel TEXT NOT NULL,
            category TEXT NOT NULL,
            description TEXT NOT NULL,
            professional_id TEXT REFERENCES professionals(id),
            structure_id TEXT REFERENCES structures(id),
            requester TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL,
            answered_at TEXT,
            answered_by TEXT REFERENCES ambassadors(id),
            resolution TEXT NOT NULL DEFAULT '',
            {_COMMON}
        );
        CREATE INDEX solicitations_received ON solicitations(received_at) WHERE deleted_at IS NULL;
        CREATE INDEX solicitations_professional ON solicitations(professional_id);
        CREATE TABLE account_events (
            id TEXT PRIMARY KEY,
            day TEXT NOT NULL,
            professional_id TEXT NOT NULL REFERENCES professionals(id),
            action TEXT NOT NULL,
            ambassador_id TEXT REFERENCES ambassadors(id),
            {_COMMON}
        );
        CREATE INDEX account_events_professional ON account_events(professional_id);
        """
    )


@migrations()
def m004_create_register_imports(db: Database) -> None:
    """Activities of professionals from the RPPS extract, and what imports changed (for undo)."""
    db.executescript(
        f"""
        CREATE TABLE professional_activities (
            id TEXT PRIMARY KEY,
            professional_id TEXT NOT NULL REFERENCES professionals(id),
            site_name TEXT NOT NULL DEFAULT '',
            finess_site TEXT NOT NULL DEFAULT '',
            siret TEXT NOT NULL DEFAULT '',
            postal_code TEXT NOT NULL DEFAULT '',
            commune_code TEXT NOT NULL DEFAULT '',
            commune TEXT NOT NULL DEFAULT '',
            mode TEXT NOT NULL DEFAULT '',
            sector TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            import_id TEXT REFERENCES imports(id),
            {_COMMON}
        );
        CREATE INDEX professional_activities_professional ON professional_activities(professional_id);
        CREATE TABLE import_changes (
            id TEXT PRIMARY KEY,
            import_id TEXT NOT NULL REFERENCES imports(id),
            record_table TEXT NOT NULL,
            record_id TEXT NOT NULL,
            before TEXT NOT NULL,
            {_COMMON}
        );
        CREATE INDEX import_changes_import ON import_changes(import_id);
        ALTER TABLE professionals ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
        UPDATE professionals SET name_key = fold(last_name || ' ' || first_name);
        CREATE INDEX professionals_name_key ON professionals(name_key) WHERE deleted_at IS NULL;
        """
    )


@migrations()
def m005_fold_ligatures(db: Database) -> None:
    """``fold`` now spells œ and æ out (« vandoeuvre » finds « Vandœuvre »): the columns it filled
    at write time are brought in line. They held folded text already, ligatures apart."""
    for table, column in (
        ("professionals", "search"),
        ("professionals", "name_key"),
        ("structures", "search"),
    ):
        db.execute(
            f"UPDATE {table} SET {column} = replace(replace({column}, 'œ', 'oe'), 'æ', 'ae') "
            f"WHERE instr({column}, 'œ') > 0 OR instr({column}, 'æ') > 0"
        )


@migrations()
def m006_index_entry_suggestions(db: Database) -> None:
    """What the quick entry offers at start-up (each mission's last activity, the places typed)
    is read from indexes, not from a scan of every entry."""
    db.executescript(
        """
        CREATE INDEX time_entries_mission_created ON time_entries(mission, created_at)
            WHERE deleted_at IS NULL;
        CREATE INDEX time_entries_place ON time_entries(place) WHERE deleted_at IS NULL AND place != '';
        """
    )


@migrations()
def m007_professionals_adeli(db: Database) -> None:
    """The ADELI number of the professionals the RPPS extract lists without an RPPS one, so that
    an extract imported again finds them by number rather than by name (namesakes stay apart)."""
    db.executescript(
        """
        ALTER TABLE professionals ADD COLUMN adeli TEXT NOT NULL DEFAULT '';
        CREATE INDEX professionals_adeli ON professionals(adeli) WHERE deleted_at IS NULL;
        """
    )


@migrations()
def m008_create_events(db: Database) -> None:
    """Events and training sessions, the training catalogue, invitations and attendance; the
    carnet's time entries may name the event they were spent on."""
    db.executescript(
        f"""
        CREATE TABLE training_modules (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            minutes INTEGER NOT NULL CHECK (minutes > 0),
            objectives TEXT NOT NULL DEFAULT '',
            audience TEXT NOT NULL DEFAULT '',
            content TEXT NOT NULL DEFAULT '',
            services TEXT NOT NULL DEFAULT '[]',
            {_COMMON}
        );
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            mission TEXT NOT NULL CHECK (mission IN ('promotion', 'formation')),
            title TEXT NOT NULL,
            sessions TEXT NOT NULL,
            first_day TEXT NOT NULL,
            place TEXT NOT NULL DEFAULT '',
            online INTEGER NOT NULL DEFAULT 0,
            link TEXT NOT NULL DEFAULT '',
            open_to_departement INTEGER NOT NULL DEFAULT 0,
            agenda TEXT NOT NULL DEFAULT '',
            speakers TEXT NOT NULL DEFAULT '[]',
            pulsy_trainer INTEGER NOT NULL DEFAULT 0,
            organiser_ids TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL,
            module_id TEXT REFERENCES training_modules(id),
            search TEXT NOT NULL DEFAULT '',
            {_COMMON}
        );
        CREATE INDEX events_first_day ON events(first_day) WHERE deleted_at IS NULL;
        CREATE INDEX events_module ON events(module_id);
        CREATE TABLE event_invitations (
            id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL REFERENCES events(id),
            professional_id TEXT NOT NULL REFERENCES professionals(id),
            invited_on TEXT NOT NULL,
            channel TEXT NOT NULL,
            {_COMMON}
        );
        CREATE INDEX event_invitations_event ON event_invitations(event_id) WHERE deleted_at IS NULL;
        CREATE INDEX event_invitations_professional ON event_invitations(professional_id);
        CREATE TABLE event_attendances (
            id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL REFERENCES events(id),
            professional_id TEXT NOT NULL REFERENCES professionals(id),
            present TEXT NOT NULL,
            walk_in INTEGER NOT NULL DEFAULT 0,
            {_COMMON}
        );
        CREATE INDEX event_attendances_event ON event_attendances(event_id) WHERE deleted_at IS NULL;
        CREATE INDEX event_attendances_professional ON event_attendances(professional_id);
        ALTER TABLE time_entries ADD COLUMN event_id TEXT REFERENCES events(id);
        CREATE INDEX time_entries_event ON time_entries(event_id) WHERE event_id IS NOT NULL;
        """
    )


@migrations()
def m009_create_surveys(db: Database) -> None:
    """Satisfaction questionnaires: the templates edited by the user (one live row per event
    kind, and one for the questionnaire on the tool), the surveys given (after an event, or a
    diffusion of the questionnaire on the tool) with their own copy of the questions, and the
    responses, one row per paper form or imported line, answers as a JSON list."""
    db.executescript(
        f"""
        CREATE TABLE survey_templates (
            id TEXT PRIMARY KEY,
            key TEXT NOT NULL,
            questions TEXT NOT NULL,
            {_COMMON}
        );
        CREATE INDEX survey_templates_key ON survey_templates(key) WHERE deleted_at IS NULL;
        CREATE TABLE surveys (
            id TEXT PRIMARY KEY,
            key TEXT NOT NULL,
            title TEXT NOT NULL,
            questions TEXT NOT NULL,
            event_id TEXT REFERENCES events(id),
            diffused_on TEXT,
            channel TEXT NOT NULL DEFAULT '',
            recipients INTEGER CHECK (recipients IS NULL OR recipients >= 0),
            recipients_text TEXT NOT NULL DEFAULT '',
            {_COMMON}
        );
        CREATE INDEX surveys_event ON surveys(event_id) WHERE deleted_at IS NULL;
        CREATE TABLE survey_responses (
            id TEXT PRIMARY KEY,
            survey_id TEXT NOT NULL REFERENCES surveys(id),
            number INTEGER NOT NULL CHECK (number > 0),
            answers TEXT NOT NULL,
            import_id TEXT REFERENCES imports(id),
            {_COMMON}
        );
        CREATE INDEX survey_responses_survey ON survey_responses(survey_id) WHERE deleted_at IS NULL;
        CREATE INDEX survey_responses_import ON survey_responses(import_id) WHERE import_id IS NOT NULL;
        """
    )


@migrations()
def m010_create_expenses(db: Database) -> None:
    """The quotes and invoices of the forfait événement, and the files attached to them or to an
    event (the signed sign-in sheet): one row per attachment, the file itself in the carnet's
    attachment folder under its SHA-256."""
    db.executescript(
        f"""
        CREATE TABLE expenses (
            id TEXT PRIMARY KEY,
            supplier TEXT NOT NULL,
            number TEXT NOT NULL DEFAULT '',
            issued_on TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            amount_ht_cents INTEGER NOT NULL CHECK (amount_ht_cents >= 0),
            vat_cents INTEGER NOT NULL CHECK (vat_cents >= 0),
            amount_ttc_cents INTEGER NOT NULL CHECK (amount_ttc_cents = amount_ht_cents + vat_cents),
            status TEXT NOT NULL CHECK (status IN ('devis', 'commande', 'facture', 'paye')),
            event_id TEXT REFERENCES events(id),
            {_COMMON}
        );
        CREATE INDEX expenses_issued_on ON expenses(issued_on) WHERE deleted_at IS NULL;
        CREATE INDEX expenses_event ON expenses(event_id) WHERE deleted_at IS NULL;
        CREATE TABLE attachments (
            id TEXT PRIMARY KEY,
            owner_id TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('devis', 'facture', 'emargement')),
            filename TEXT NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            suffix TEXT NOT NULL,
            size INTEGER NOT NULL CHECK (size >= 0),
            {_COMMON}
        );
        CREATE INDEX attachments_owner ON attachments(owner_id) WHERE deleted_at IS NULL;
        """
    )


@migrations()
def m011_create_indicators(db: Database) -> None:
    """The active Parceo users read from Pulsy's statistics (one live baseline, one live reading
    a day), and the carnet's targets for the indicators (one row; none: the defaults)."""
    db.executescript(
        f"""
        CREATE TABLE user_readings (
            id TEXT PRIMARY KEY,
            day TEXT NOT NULL,
            users INTEGER NOT NULL CHECK (users >= 0),
            baseline INTEGER NOT NULL DEFAULT 0 CHECK (baseline IN (0, 1)),
            {_COMMON}
        );
        CREATE INDEX user_readings_day ON user_readings(day) WHERE deleted_at IS NULL;
        CREATE TABLE indicator_targets (
            id TEXT PRIMARY KEY,
            users_increase_percent INTEGER NOT NULL CHECK (users_increase_percent > 0),
            min_events INTEGER NOT NULL CHECK (min_events >= 0),
            coordinated_percent INTEGER NOT NULL CHECK (coordinated_percent BETWEEN 1 AND 100),
            hospitals INTEGER NOT NULL CHECK (hospitals >= 0),
            nursing_homes INTEGER NOT NULL CHECK (nursing_homes >= 0),
            hospital_it_commitment INTEGER NOT NULL CHECK (hospital_it_commitment IN (0, 1)),
            tool_surveys INTEGER NOT NULL CHECK (tool_surveys >= 0),
            {_COMMON}
        );
        """
    )


@migrations()
def m012_create_planning(db: Database) -> None:
    """The rétroplanning's actions, the journal's notes, the texts of the retour d'expérience
    the binôme writes (one live row per key), and what actions and notes are linked to.

    Links are rows of their own, not a JSON list in the action or the note: when the two laptops
    of a binôme each link something to the same action, the merge keeps both links (two new
    records), and an unlinking is a soft delete that merges like any other."""
    db.executescript(
        f"""
        CREATE TABLE planned_actions (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            mission TEXT NOT NULL
                CHECK (mission IN ('promotion', 'formation', 'accompagnement', 'autre')),
            planned_start TEXT NOT NULL,
            planned_end TEXT NOT NULL CHECK (planned_end >= planned_start),
            ambassador_id TEXT REFERENCES ambassadors(id),
            status TEXT NOT NULL CHECK (status IN ('a_faire', 'en_cours', 'fait', 'abandonne')),
            actual_start TEXT,
            actual_end TEXT,
            description TEXT NOT NULL DEFAULT '',
            {_COMMON}
        );
        CREATE INDEX planned_actions_start ON planned_actions(planned_start) WHERE deleted_at IS NULL;
        CREATE TABLE planned_action_links (
            id TEXT PRIMARY KEY,
            owner_id TEXT NOT NULL REFERENCES planned_actions(id),
            event_id TEXT REFERENCES events(id),
            time_entry_id TEXT REFERENCES time_entries(id),
            {_COMMON},
            CHECK ((event_id IS NOT NULL) + (time_entry_id IS NOT NULL) = 1)
        );
        CREATE INDEX planned_action_links_owner ON planned_action_links(owner_id) WHERE deleted_at IS NULL;
        CREATE TABLE journal_notes (
            id TEXT PRIMARY KEY,
            day TEXT NOT NULL,
            tag TEXT NOT NULL CHECK (tag IN ('reussite', 'echec', 'levier', 'frein', 'fait_marquant')),
            text TEXT NOT NULL,
            {_COMMON}
        );
        CREATE INDEX journal_notes_day ON journal_notes(day) WHERE deleted_at IS NULL;
        CREATE TABLE journal_note_links (
            id TEXT PRIMARY KEY,
            owner_id TEXT NOT NULL REFERENCES journal_notes(id),
            event_id TEXT REFERENCES events(id),
            time_entry_id TEXT REFERENCES time_entries(id),
            professional_id TEXT REFERENCES professionals(id),
            structure_id TEXT REFERENCES structures(id),
            {_COMMON},
            CHECK ((event_id IS NOT NULL) + (time_entry_id IS NOT NULL) + (professional_id IS NOT NULL)
                + (structure_id IS NOT NULL) = 1)
        );
        CREATE INDEX journal_note_links_owner ON journal_note_links(owner_id) WHERE deleted_at IS NULL;
        CREATE INDEX journal_note_links_professional ON journal_note_links(professional_id)
            WHERE professional_id IS NOT NULL;
        CREATE TABLE rex_texts (
            id TEXT PRIMARY KEY,
            key TEXT NOT NULL,
            text TEXT NOT NULL,
            {_COMMON}
        );
        CREATE INDEX rex_texts_key ON rex_texts(key) WHERE deleted_at IS NULL;
        """
    )


@migrations()
def m013_create_agenda_timers_payments(db: Database) -> None:
    """What the agenda import decided for each agenda event, the timers, and the grant's payments.

    An agenda event is known by its ``uid`` and ``recurrence_id`` ('' for a single event) per
    ambassador, so that importing the same agenda twice proposes nothing twice, and its
    ``fingerprint`` (start, end, title, place as imported) shows an event moved since. A timer is
    running while ``stopped_at`` is empty; its start is in the carnet, so it survives a restart.
    Payments are what the ARS actually paid of the grant (an advance, the balance)."""
    db.executescript(
        f"""
        CREATE TABLE agenda_items (
            id TEXT PRIMARY KEY,
            ambassador_id TEXT NOT NULL REFERENCES ambassadors(id),
            uid TEXT NOT NULL,
            recurrence_id TEXT NOT NULL DEFAULT '',
            fingerprint TEXT NOT NULL,
            starts_at TEXT NOT NULL,
            minutes INTEGER NOT NULL CHECK (minutes >= 0),
            summary TEXT NOT NULL DEFAULT '',
            decision TEXT NOT NULL CHECK (decision IN ('accepted', 'dismissed')),
            reason TEXT NOT NULL DEFAULT '',
            time_entry_id TEXT REFERENCES time_entries(id),
            {_COMMON}
        );
        CREATE INDEX agenda_items_uid ON agenda_items(ambassador_id, uid, recurrence_id)
            WHERE deleted_at IS NULL;
        CREATE TABLE timers (
            id TEXT PRIMARY KEY,
            ambassador_id TEXT REFERENCES ambassadors(id),
            mission TEXT NOT NULL
                CHECK (mission IN ('promotion', 'formation', 'accompagnement', 'autre')),
            activity TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            started_at TEXT NOT NULL,
            stopped_at TEXT,
            time_entry_id TEXT REFERENCES time_entries(id),
            {_COMMON}
        );
        CREATE UNIQUE INDEX timers_running ON timers(device_id)
            WHERE stopped_at IS NULL AND deleted_at IS NULL;
        CREATE TABLE grant_payments (
            id TEXT PRIMARY KEY,
            day TEXT NOT NULL,
            amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
            label TEXT NOT NULL DEFAULT '',
            {_COMMON}
        );
        CREATE INDEX grant_payments_day ON grant_payments(day) WHERE deleted_at IS NULL;
        """
    )


@migrations()
def m014_create_sync(db: Database) -> None:
    """What keeps one carnet on two laptops (docs/synchronisation.md): this copy's identity and
    clock (and how many erased people it has forgotten from its log and change files), the log of
    every change of a synced table (filled by triggers while the carnet is shared; the fields a
    table checks together are recorded together), what was applied of each other copy's change
    files with the checksum of each file this copy wrote (a sync checks its own files: one damaged
    is written again, one it did not write tells of a copied carnet), and the conflicts to check
    (a field, a deletion, a closed month, a duplicate, a day over 24 h after a merge)."""
    from ambassadeur_app.sync.capture import install_capture

    db.executescript(
        """
        CREATE TABLE _sync_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            shared_id TEXT,
            replica TEXT,
            folder TEXT NOT NULL DEFAULT '',
            capture INTEGER NOT NULL DEFAULT 0,
            hlc INTEGER NOT NULL DEFAULT 0,
            salt BLOB,
            kdf TEXT NOT NULL DEFAULT '',
            verifier BLOB,
            erased INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO _sync_state (id) VALUES (1);
        CREATE TABLE _sync_log (
            id INTEGER PRIMARY KEY,
            replica TEXT NOT NULL,
            hlc INTEGER NOT NULL,
            file INTEGER,
            tbl TEXT NOT NULL,
            row_id TEXT NOT NULL,
            col TEXT NOT NULL,
            value
        );
        CREATE INDEX sync_log_row ON _sync_log(tbl, row_id);
        CREATE INDEX sync_log_pending ON _sync_log(replica) WHERE file IS NULL;
        CREATE TABLE _sync_peers (
            replica TEXT PRIMARY KEY,
            applied INTEGER NOT NULL DEFAULT 0,
            last_hlc INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE _sync_files (
            replica TEXT NOT NULL,
            file INTEGER NOT NULL,
            deps TEXT NOT NULL,
            sha256 TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (replica, file)
        );
        CREATE TABLE _sync_conflicts (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('champ', 'suppression', 'mois_clos', 'doublon', '24h')),
            tbl TEXT NOT NULL,
            row_id TEXT NOT NULL,
            col TEXT NOT NULL DEFAULT '',
            kept TEXT,
            set_aside TEXT,
            kept_version TEXT NOT NULL DEFAULT '',
            lost_version TEXT NOT NULL DEFAULT '',
            other_id TEXT NOT NULL DEFAULT '',
            detected_at TEXT NOT NULL,
            resolved_at TEXT,
            choice TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX sync_conflicts_open ON _sync_conflicts(tbl, row_id) WHERE resolved_at IS NULL;
        """
    )
    install_capture(db)


@migrations()
def m015_structures_name_key(db: Database) -> None:
    """The structures' folded name, precomputed and indexed as the professionals' is: the
    register lists them by it without calling ``fold`` on every row."""
    db.executescript(
        """
        ALTER TABLE structures ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
        UPDATE structures SET name_key = fold(name);
        CREATE INDEX structures_name_key ON structures(name_key) WHERE deleted_at IS NULL;
        """
    )


@migrations()
def m016_capture_only_when_shared(db: Database) -> None:
    """The sync's capture triggers only in a shared carnet (``install_capture``): every new
    connection parses every trigger of the schema, and a carnet that is not shared records
    nothing. A shared carnet gets them again, with the structures' new column."""
    from ambassadeur_app.sync.capture import install_capture

    install_capture(db)


@migrations()
def m017_time_entry_day_sums(db: Database) -> None:
    """The live minutes per day and mission, kept by triggers on every write of the entries
    (saves, edits, deletes, undos, the sync's changes): the dashboard's sums read a few hundred
    rows instead of the whole index. Derived, not a record (hence the ``_``, and no common
    columns): kept on each laptop (``LOCAL_TABLES``), never synced. Run again, it fills them anew."""
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS _time_entry_day_sums (
            day TEXT NOT NULL,
            mission TEXT NOT NULL,
            minutes INTEGER NOT NULL,
            PRIMARY KEY (day, mission)
        ) WITHOUT ROWID;
        DELETE FROM _time_entry_day_sums;
        INSERT INTO _time_entry_day_sums (day, mission, minutes)
            SELECT day, mission, SUM(minutes) FROM time_entries
            WHERE deleted_at IS NULL GROUP BY day, mission;
        CREATE TRIGGER IF NOT EXISTS _time_entry_day_sums_insert AFTER INSERT ON time_entries
        WHEN NEW.deleted_at IS NULL BEGIN
            INSERT INTO _time_entry_day_sums (day, mission, minutes)
                VALUES (NEW.day, NEW.mission, NEW.minutes)
                ON CONFLICT (day, mission) DO UPDATE SET minutes = minutes + excluded.minutes;
        END;
        CREATE TRIGGER IF NOT EXISTS _time_entry_day_sums_delete AFTER DELETE ON time_entries
        WHEN OLD.deleted_at IS NULL BEGIN
            UPDATE _time_entry_day_sums SET minutes = minutes - OLD.minutes
                WHERE day = OLD.day AND mission = OLD.mission;
            DELETE FROM _time_entry_day_sums
                WHERE day = OLD.day AND mission = OLD.mission AND minutes = 0;
        END;
        CREATE TRIGGER IF NOT EXISTS _time_entry_day_sums_update
        AFTER UPDATE OF day, mission, minutes, deleted_at ON time_entries BEGIN
            UPDATE _time_entry_day_sums SET minutes = minutes - OLD.minutes
                WHERE OLD.deleted_at IS NULL AND day = OLD.day AND mission = OLD.mission;
            DELETE FROM _time_entry_day_sums
                WHERE day = OLD.day AND mission = OLD.mission AND minutes = 0;
            INSERT INTO _time_entry_day_sums (day, mission, minutes)
                SELECT NEW.day, NEW.mission, NEW.minutes WHERE NEW.deleted_at IS NULL
                ON CONFLICT (day, mission) DO UPDATE SET minutes = minutes + excluded.minutes;
        END;
        """
    )


@migrations()
def m018_sync_log_rows_as_in_table(db: Database) -> None:
    """A shared carnet's log keeps a row's creation as NULL while the row is unchanged (it is
    the row in its table; written down before its first change): ``compact_log``."""
    from ambassadeur_app.sync.capture import compact_log

    compact_log(db)


@migrations()
def m019_agenda_items_source(db: Database) -> None:
    """Which of the ambassador's agendas each agenda decision came from (``AgendaItem.source``):
    importing one agenda no longer proposes to remove the events of another. ``''`` for the
    decisions taken before: they are judged as then. A shared carnet's capture gets the column.
    Run again, it changes nothing."""
    from ambassadeur_app.sync.capture import columns_of, install_capture

    if "source" not in columns_of(db, "agenda_items"):
        db.execute("ALTER TABLE agenda_items ADD COLUMN source TEXT NOT NULL DEFAULT ''")
    install_capture(db)


@migrations()
def m020_conflict_choices(db: Database) -> None:
    """The choices made in « Conflits à vérifier », one per conflict (its id, the same on every
    laptop): a record that travels, so that a conflict settled on one laptop is settled, and
    reads the same, on the other. A shared carnet's capture gets the table. Run again, it
    changes nothing.

    The choices made before, kept in the laptop's ``_sync_conflicts``, are still read; those of
    a ``doublon`` take the new words: « ecartee » removed the copy (one entry: now
    « actuelle »), « actuelle » kept both entries counted (now « ecartee »)."""
    from ambassadeur_app.sync.capture import columns_of, install_capture

    if not columns_of(db, "conflict_choices"):
        db.execute(
            "CREATE TABLE conflict_choices (id TEXT PRIMARY KEY, "
            "choice TEXT NOT NULL CHECK (choice IN ('actuelle', 'ecartee')), created_at TEXT NOT NULL, "
            "updated_at TEXT NOT NULL, device_id TEXT NOT NULL, deleted_at TEXT)"
        )
        db.execute(
            "UPDATE _sync_conflicts SET choice = CASE choice WHEN 'ecartee' THEN 'actuelle' "
            "ELSE 'ecartee' END WHERE kind = 'doublon' AND choice IN ('actuelle', 'ecartee')"
        )
    install_capture(db)


@migrations()
def m021_sync_waiting(db: Database) -> None:
    """The changes of another laptop's file to a synced table this version does not know yet (a
    later version's), kept with their copy, file and clock until a version that knows the table
    applies them, with the usual rules (``Engine._apply_waiting``). Kept on each laptop, never
    sent: each copy's files stay in the shared folder. Run again, it changes nothing."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS _sync_waiting (id INTEGER PRIMARY KEY, replica TEXT NOT NULL, "
        "file INTEGER NOT NULL, hlc INTEGER NOT NULL, tbl TEXT NOT NULL, row_id TEXT NOT NULL, "
        "col TEXT NOT NULL, value, UNIQUE (replica, hlc, tbl, row_id, col))"
    )
