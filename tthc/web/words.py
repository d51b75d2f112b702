"""What the pages say of a value — a status to a citizen, a group of the dashboard, an error
page, a refused rating — each word a marked msgid (docs/translating.md)."""

from tthc.locale.marks import N_

#: What an error page says, by its HTTP status (any other: as 500 or 400).
ERROR_PAGE_WORDS = {
    400: N_("The request is not valid."),
    401: N_("This page needs the manager password."),
    403: N_("This page is for the center's managers, on the center's own computer."),
    404: N_("There is no such page."),
    405: N_("This page cannot be used that way."),
    413: N_("The request is too large."),
    429: N_("Too many attempts from this device. Please wait a few minutes and try again."),
    500: N_("Something went wrong on the server. Please tell the counter."),
    503: N_("The center's data cannot be read right now. Please try again later."),
}
#: Why a rating was refused, by the outcome tthc.app.rating gives.
RATE_REFUSAL_WORDS = {
    "not_returned": N_("This dossier can be rated only within 7 days after its result was handed over."),
    "already": N_("This dossier has been rated already."),
}
#: What the lookup page says of a dossier's status, to the citizen (the template's ``status_words``).
STATUS_PAGE_WORDS = {
    "processing": N_("Being processed"),
    "paused": N_("Waiting for more papers from you"),
    "resolved": N_("Result ready — please come and collect it"),
    "returned": N_("Result handed over"),
    "withdrawn": N_("Dossier withdrawn"),
    "closed": N_("Closed: the papers asked for did not come"),
}
#: The dashboard's groups of dossiers due, by urgency (the template's ``group_words``).
GROUP_WORDS = {
    "overdue": N_("Overdue"),
    "today": N_("Due today"),
    "soon": N_("Due within two working days"),
}

#: The refusals of a period the dashboard says in its own words (a 400), not as a 503.
PERIOD_REFUSALS = frozenset(
    {
        "choose one period: {given}",
        "bad month {text!r}: expected e.g. 2025-07, 7/2025 or 07/2025",
        "bad quarter {text!r}: expected e.g. 2025-Q3, Q3/2025 or 3/2025",
        "bad year {text!r}: expected e.g. 2025",
        "bad period {text!r}: expected a month (9/2025), a quarter (Q3/2025) or a year (2025)",
        "the period starts {day:%d/%m/%Y}, after today",
        "{at:%d/%m/%Y %H:%M} lies in a period already reported (up to {closed:%d/%m/%Y}); change it only with --correct-time --reason",
    }
)
