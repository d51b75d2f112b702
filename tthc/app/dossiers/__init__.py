"""A dossier's life as the clerk records it: receive, hand over, supplement and resume,
resolve, return, withdraw, apologize; detail corrections; looking up and the worklist.
Undo and deliberate corrections of a timeline live in ``tthc.app.corrections``.

Each job in its own module: ``receiving`` (a new dossier), ``steps`` (every step after
it, and the countings laid again after a calendar change), ``details`` (corrections of
details), ``lookup`` (one dossier, its history, the worklist's filter). Callers import
from here.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: Which module holds each name. They are loaded when first asked for (:func:`__getattr__`),
#: so a clerk's ``show`` does not load the steps and their corrections.
_WHERE = {
    "edit": "details",
    "DUE_GROUPS": "lookup",
    "MAX_DUE_WITHIN": "lookup",
    "MAX_LIST": "lookup",
    "SOON_WORKING_DAYS": "lookup",
    "DossierView": "lookup",
    "ListFilter": "lookup",
    "due_by_day": "lookup",
    "history": "lookup",
    "known_field": "lookup",
    "known_procedure": "lookup",
    "list_dossiers": "lookup",
    "morning_filter": "lookup",
    "query_of": "lookup",
    "search_words": "lookup",
    "show": "lookup",
    "soon_until": "lookup",
    "urgency": "lookup",
    "Receipt": "receiving",
    "ServiceGiven": "receiving",
    "rating_of": "receiving",
    "receive": "receiving",
    "service_at_receipt": "receiving",
    "apologize": "steps",
    "close": "steps",
    "forward": "steps",
    "handover": "steps",
    "notify": "steps",
    "relay_open": "steps",
    "resolve": "steps",
    "resume": "steps",
    "return_result": "steps",
    "supplement": "steps",
    "withdraw": "steps",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


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
