"""A dossier's life as the clerk records it: receive, hand over, supplement and resume,
resolve, return, withdraw, apologize; detail corrections; looking up and the worklist.
Undo and deliberate corrections of a timeline live in ``tthc.app.corrections``.

Each job in its own module: ``receiving`` (a new dossier), ``steps`` (every step after
it, and the countings laid again after a calendar change), ``details`` (corrections of
details), ``lookup`` (one dossier, its history, the worklist's filter). Callers import
from here.
"""

from tthc.app.dossiers.details import edit
from tthc.app.dossiers.lookup import (
    DUE_GROUPS,
    MAX_DUE_WITHIN,
    MAX_LIST,
    SOON_WORKING_DAYS,
    DossierView,
    ListFilter,
    due_by_day,
    history,
    known_field,
    known_procedure,
    list_dossiers,
    morning_filter,
    query_of,
    search_words,
    show,
    soon_until,
    urgency,
)
from tthc.app.dossiers.receiving import Receipt, ServiceGiven, rating_of, receive, service_at_receipt
from tthc.app.dossiers.steps import (
    apologize,
    close,
    forward,
    handover,
    notify,
    relay_open,
    resolve,
    resume,
    return_result,
    supplement,
    withdraw,
)

__all__ = [
    "DUE_GROUPS",
    "MAX_DUE_WITHIN",
    "MAX_LIST",
    "SOON_WORKING_DAYS",
    "DossierView",
    "ListFilter",
    "Receipt",
    "ServiceGiven",
    "apologize",
    "close",
    "due_by_day",
    "edit",
    "forward",
    "handover",
    "history",
    "known_field",
    "known_procedure",
    "list_dossiers",
    "morning_filter",
    "notify",
    "query_of",
    "rating_of",
    "receive",
    "relay_open",
    "resolve",
    "resume",
    "return_result",
    "search_words",
    "service_at_receipt",
    "show",
    "soon_until",
    "supplement",
    "urgency",
    "withdraw",
]
