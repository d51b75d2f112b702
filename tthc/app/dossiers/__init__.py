"""A dossier's life as the clerk records it: receive, hand over, supplement and resume,
resolve, return, withdraw, apologize; detail corrections; looking up and the worklist.
Undo and deliberate corrections of a timeline live in ``tthc.app.corrections``.

Each job in its own module: ``receiving`` (a new dossier), ``steps`` (every step after
it, and the countings laid again after a calendar change), ``details`` (corrections of
details), ``showing`` (one dossier, its history), ``lookup`` (the worklist's filter).
Callers import from here.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tthc.app.dossiers.details import (
        edit as edit,
    )
    from tthc.app.dossiers.lookup import (
        DUE_GROUPS as DUE_GROUPS,
    )
    from tthc.app.dossiers.lookup import (
        MAX_DUE_WITHIN as MAX_DUE_WITHIN,
    )
    from tthc.app.dossiers.lookup import (
        MAX_LIST as MAX_LIST,
    )
    from tthc.app.dossiers.lookup import (
        SOON_WORKING_DAYS as SOON_WORKING_DAYS,
    )
    from tthc.app.dossiers.lookup import (
        ListFilter as ListFilter,
    )
    from tthc.app.dossiers.lookup import (
        due_by_day as due_by_day,
    )
    from tthc.app.dossiers.lookup import (
        known_field as known_field,
    )
    from tthc.app.dossiers.lookup import (
        known_procedure as known_procedure,
    )
    from tthc.app.dossiers.lookup import (
        list_dossiers as list_dossiers,
    )
    from tthc.app.dossiers.lookup import (
        morning_filter as morning_filter,
    )
    from tthc.app.dossiers.lookup import (
        query_of as query_of,
    )
    from tthc.app.dossiers.lookup import (
        search_words as search_words,
    )
    from tthc.app.dossiers.lookup import (
        soon_until as soon_until,
    )
    from tthc.app.dossiers.lookup import (
        urgency as urgency,
    )
    from tthc.app.dossiers.receiving import (
        Receipt as Receipt,
    )
    from tthc.app.dossiers.receiving import (
        ServiceGiven as ServiceGiven,
    )
    from tthc.app.dossiers.receiving import (
        rating_of as rating_of,
    )
    from tthc.app.dossiers.receiving import (
        receive as receive,
    )
    from tthc.app.dossiers.receiving import (
        service_at_receipt as service_at_receipt,
    )
    from tthc.app.dossiers.showing import (
        DossierView as DossierView,
    )
    from tthc.app.dossiers.showing import (
        history as history,
    )
    from tthc.app.dossiers.showing import (
        show as show,
    )
    from tthc.app.dossiers.steps import (
        apologize as apologize,
    )
    from tthc.app.dossiers.steps import (
        close as close,
    )
    from tthc.app.dossiers.steps import (
        forward as forward,
    )
    from tthc.app.dossiers.steps import (
        handover as handover,
    )
    from tthc.app.dossiers.steps import (
        notify as notify,
    )
    from tthc.app.dossiers.steps import (
        relay_open as relay_open,
    )
    from tthc.app.dossiers.steps import (
        resolve as resolve,
    )
    from tthc.app.dossiers.steps import (
        resume as resume,
    )
    from tthc.app.dossiers.steps import (
        return_result as return_result,
    )
    from tthc.app.dossiers.steps import (
        supplement as supplement,
    )
    from tthc.app.dossiers.steps import (
        withdraw as withdraw,
    )

#: Which module holds each name. They are loaded when first asked for (:func:`__getattr__`),
#: so a clerk's ``show`` loads neither the steps and their corrections nor the worklist's filter.
_WHERE = {
    "edit": "details",
    "DUE_GROUPS": "lookup",
    "MAX_DUE_WITHIN": "lookup",
    "MAX_LIST": "lookup",
    "SOON_WORKING_DAYS": "lookup",
    "ListFilter": "lookup",
    "due_by_day": "lookup",
    "known_field": "lookup",
    "known_procedure": "lookup",
    "list_dossiers": "lookup",
    "morning_filter": "lookup",
    "query_of": "lookup",
    "search_words": "lookup",
    "soon_until": "lookup",
    "urgency": "lookup",
    "Receipt": "receiving",
    "ServiceGiven": "receiving",
    "rating_of": "receiving",
    "receive": "receiving",
    "service_at_receipt": "receiving",
    "DossierView": "showing",
    "history": "showing",
    "show": "showing",
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

