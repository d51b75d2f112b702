"""The tables' columns, named in one place: what a life writes, a dossier's details, what
a copy between databases carries and how its rows are keyed.
"""

from typing import Any

#: The columns a dossier's life fills, in the order :func:`life_values` gives them.
LIFE_COLUMNS = (
    "officer",
    "time_limit",
    "received_at",
    "effective_receipt",
    "receipt_unit",
    "receipt_amount",
    "receipt_due_at",
    "due_source",
    "imported_due_at",
    "due_date",
    "due_at",
    "deadline",
    "status",
    "paused_at",
    "resolved_at",
    "outcome",
    "timeliness",
    "returned_at",
    "withdrawn_at",
    "apology_at",
    "apology_date",
    "apology_reason",
    "apology_in_time",
    "submitted_at",
    "for_authority",
    "forwarded_at",
    "closed_at",
    "notified_at",
)


#: The columns of a new dossier: its details, then its life, then bookkeeping.
DETAIL_COLUMNS = (
    "code",
    "procedure_code",
    "field",
    "applicant",
    "search_text",
    "id_number",
    "phone",
    "address",
    "note",
    "channel",
    "point",
    "limit_overridden",
)


#: What the province's scorecard counts about a dossier besides its timeline (:class:`Service`).
SERVICE_COLUMNS = ("fee", "payment", "digitised", "data_reused", "e_result")

INSERT_DOSSIER = (
    f"INSERT INTO dossiers ({', '.join((*DETAIL_COLUMNS, *SERVICE_COLUMNS, *LIFE_COLUMNS, 'imported_by', 'created_at', 'updated_at'))})"
    f" VALUES ({', '.join('?' * (len(DETAIL_COLUMNS) + len(SERVICE_COLUMNS) + len(LIFE_COLUMNS) + 3))})"
)


_ROUND_COLUMNS = (
    "paused_at",
    "policy",
    "reason",
    "time_left",
    "resumed_at",
    "resume_anchor",
    "resume_unit",
    "resume_amount",
    "resume_due_at",
)


INSERT_ROUND = f"INSERT INTO pauses (dossier_code, {', '.join(_ROUND_COLUMNS)}) VALUES ({', '.join('?' * (len(_ROUND_COLUMNS) + 1))})"

#: Every column of a dossier row, in the order :data:`INSERT_DOSSIER` takes them.
ALL_DOSSIER_COLUMNS = (
    *DETAIL_COLUMNS,
    *SERVICE_COLUMNS,
    *LIFE_COLUMNS,
    "imported_by",
    "created_at",
    "updated_at",
)


#: Columns a copy made by an older release lacks, and the value they take (the migration's).
COPY_DEFAULTS: dict[str, dict[str, Any]] = {
    "procedures": {"e_result": 0},
    "dossiers": {"fee": None, "payment": None, "digitised": 0, "data_reused": 0, "e_result": None},
}


_DOSSIER_INDEX = {c: i for i, c in enumerate(ALL_DOSSIER_COLUMNS)}

EVENT_COLUMNS = (
    "id",
    "uid",
    "dossier_code",
    "step",
    "happened_at",
    "recorded_at",
    "actor",
    "details",
    "undoes",
)


#: What a copy of a point's data carries (merge, full export), table by table: every column
#: but the local row ids of registers and rounds. Per-day counts are rebuilt by the database,
#: the holiday cache by each PC.
COPY_COLUMNS: dict[str, tuple[str, ...]] = {
    "settings": ("key", "value"),
    "procedures": (
        "code",
        "name",
        "field",
        "time_limit",
        "alias",
        "fee",
        "e_result",
        "created_at",
        "updated_at",
    ),
    "officers": ("name", "name_key", "added_at"),
    "points": ("name", "name_key", "code_prefix", "added_at"),
    "calendar_days": ("day", "kind", "name", "added_at"),
    "calendar_rulings": ("day", "verdict", "reason", "decided_at"),
    "code_sequences": ("prefix", "day", "block", "last"),
    "events": EVENT_COLUMNS,
    "dossiers": ALL_DOSSIER_COLUMNS,
    "pauses": ("dossier_code", *_ROUND_COLUMNS),
    "ratings": ("dossier_code", "rating", "comment", "rated_at", "via"),
}


#: The small tables, copied row by row, with the columns that name a row.
COPY_KEYS: dict[str, tuple[str, ...]] = {
    "settings": ("key",),
    "procedures": ("code",),
    "officers": ("name_key",),
    "points": ("name_key",),
    "calendar_days": ("day",),
    "calendar_rulings": ("day",),
    "code_sequences": ("prefix", "day", "block"),
    "ratings": ("dossier_code",),
}
