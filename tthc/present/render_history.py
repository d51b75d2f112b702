"""A step of the audit trail said in words, in the reader's language: the facts its event
stored (ISO dates, limits, channels, old and new values) read as a short sentence with
dd/mm/yyyy dates. ID numbers are masked as everywhere else on screen.

A step this module does not know is still shown, as ``name: value`` pairs with readable dates.
"""

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from tthc.core.models import Event, mask_id
from tthc.locale.i18n import fmt_limit, label, step_label, t
from tthc.locale.marks import N_, P_

#: The facts a reader needs no words for: internal ids, and copies kept for undo.
_HIDDEN = {"before", "pause_id", "due_before"}


def fmt_value(lang: str, key: str, value: Any) -> str:
    """One stored fact as a person reads it."""
    if value is None or value == "":
        return t(lang, "(empty)")
    if key == "id_number":
        return mask_id(str(value)) or ""
    if key == "limit":
        return fmt_limit(lang, value)
    if key in ("channel", "outcome", "status", "timeliness"):
        return label(lang, str(value))
    if isinstance(value, str):
        return _date_text(value)
    if isinstance(value, list):
        return ", ".join(fmt_value(lang, key, v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{_name(lang, k)}: {fmt_value(lang, k, v)}" for k, v in value.items())
    return str(value)


def _date_text(text: str) -> str:
    """An ISO date or moment as dd/mm/yyyy [HH:MM]; other text as it is."""
    if len(text) >= 10 and text[4:5] == "-" and text[7:8] == "-":
        try:
            if len(text) == 10:
                return date.fromisoformat(text).strftime("%d/%m/%Y")
            return datetime.fromisoformat(text).strftime("%d/%m/%Y %H:%M")
        except ValueError:
            pass
    return text


#: A fact of an event's details, by its key, as the history names it.
_FACT_WORDS = {
    "limit": N_("Time limit"),
    "received_at": N_("Received"),
    "effective_receipt": N_("Counted from"),
    "due_at": N_("Appointment"),
    "due_date": N_("Due date"),
    "day": N_("Day"),
    "weekday": N_("Weekday"),
    "kind": N_("Kind"),
    "name": N_("Name"),
    "source": N_("Source"),
    "value": N_("Value"),
    "code": N_("Code"),
    "procedure": N_("Procedure"),
    "field": N_("Field"),
    "applicant": N_("Applicant"),
    "channel": N_("Channel"),
    "point": N_("Point"),
    "officer": N_("Officer"),
    "status": N_("Status"),
    "timeliness": N_("Timeliness"),
    "id_number": N_("ID number"),
    "phone": N_("Phone"),
    "address": N_("Address"),
    "note": N_("Note"),
    "fee": N_("Fee"),
    "alias": N_("Alias"),
    "apology": N_("Apology"),
    "outcome": N_("Outcome"),
    "resolved_at": N_("Resolved"),
    "returned_at": N_("Returned"),
    "withdrawn_at": N_("Withdrawn"),
    "when": N_("When"),
    "actor": N_("By"),
    "carried_over": N_("Carried over"),
    "received": N_("Received"),
    "pending": P_("dashboard figure", "Pending"),
    "pending_not_due": N_("not due"),
    "pending_overdue": P_("dashboard figure", "overdue"),
    "on_time_rate": N_("On time"),
    "total": N_("Total"),
    "step": N_("Step"),
    "details": N_("Details"),
    "closed_at": P_("dossier detail", "Closed"),
    "submitted_at": N_("Submitted online"),
    "for_authority": N_("Received for"),
    "forwarded_at": N_("Forwarded"),
    "notified_at": N_("Citizen told"),
}
#: What a supplement request does to the time limit, by its policy.
_POLICY_WORDS = {
    "restart": N_("the whole time limit counts again on resume"),
    "freeze": N_("the time left counts on at resume"),
}


def _name(lang: str, key: str) -> str:
    """A fact's name: the label a screen uses for it, else the key itself."""
    word = _FACT_WORDS.get(key)
    return key if word is None else t(lang, word)


def _due(lang: str, d: dict[str, Any]) -> list[str]:
    return [t(lang, "due {at}", at=_date_text(d["due_at"]))] if d.get("due_at") else []


def _fact_said(lang: str, key: str, d: dict[str, Any], name: str) -> list[str]:
    return [t(lang, key, text=d[name])] if d.get(name) else []


def _why(lang: str, d: dict[str, Any]) -> list[str]:
    """The clerk's ``--reason`` for the step, when one was given."""
    return _fact_said(lang, N_("reason: {text}"), d, "reason")


def _receive(lang: str, d: dict[str, Any]) -> list[str]:
    out = [
        t(
            lang,
            "procedure {code}, time limit {limit}, {channel}",
            code=d.get("procedure", ""),
            limit=fmt_limit(lang, d.get("limit", "")),
            channel=label(lang, d.get("channel", "")),
        )
    ]
    override = d.get("limit_override")
    if isinstance(override, dict):
        out.append(
            t(lang, "instead of the catalog's {limit}", limit=fmt_limit(lang, override.get("catalog", "")))
        )
    if d.get("submitted_at"):
        out.append(t(lang, "submitted online {at}", at=fmt_value(lang, "submitted_at", d["submitted_at"])))
    out += _fact_said(lang, N_("for {text}"), d, "for")
    return [*out, *_why(lang, d)]


def _forward(lang: str, d: dict[str, Any]) -> list[str]:
    return [*_fact_said(lang, N_("for {text}"), d, "for"), *_why(lang, d)]


def _handover(lang: str, d: dict[str, Any]) -> list[str]:
    moved = (
        t(lang, "from {old} to {new}", old=d["from"], new=d.get("to", ""))
        if d.get("from")
        else t(lang, "to {new}", new=d.get("to", ""))
    )
    return [moved, *_why(lang, d), *_fact_said(lang, N_("note: {text}"), d, "note"), *_due(lang, d)]


def _supplement(lang: str, d: dict[str, Any]) -> list[str]:
    policy = [t(lang, _POLICY_WORDS[d["policy"]])] if d.get("policy") in _POLICY_WORDS else []
    again = [t(lang, "a second request (Decree 118 Art. 11.2.c allows one)")] if d.get("again") else []
    return [*again, *_why(lang, d), *policy]


def _resolve(lang: str, d: dict[str, Any]) -> list[str]:
    outcome = [t(lang, "outcome: {outcome}", outcome=label(lang, d["outcome"]))] if d.get("outcome") else []
    return [*outcome, *_why(lang, d), *_fact_said(lang, N_("note: {text}"), d, "note"), *_due(lang, d)]


def _apologize(lang: str, d: dict[str, Any]) -> list[str]:
    promised = [t(lang, "new date {date}", date=_date_text(d["new_date"]))] if d.get("new_date") else []
    return [*promised, *_why(lang, d)]


def _edit(lang: str, d: dict[str, Any]) -> list[str]:
    before = d.get("before") or {}
    changed = [
        t(
            lang,
            "{what}: {old} → {new}",
            what=_name(lang, key),
            old=fmt_value(lang, key, before.get(key)),
            new=fmt_value(lang, key, new),
        )
        for key, new in (d.get("after") or {}).items()
    ]
    return [*changed, *_why(lang, d)]


def _recompute(lang: str, d: dict[str, Any]) -> list[str]:
    out = [
        t(
            lang,
            "due date moved from {old} to {new}",
            old=fmt_value(lang, "before", d.get("before")),
            new=fmt_value(lang, "after", d.get("after")),
        )
    ]
    words = str(d.get("reason", "")).split()
    if len(words) == 3 and words[0] == "calendar":  # as tthc.app.service writes it: calendar ACTION DAY
        out.append(t(lang, "after a change of the calendar on {day}", day=_date_text(words[2])))
    elif d.get("reason"):
        out.append(t(lang, "reason: {text}", text=d["reason"]))
    return out


def _calendar_note(lang: str, d: dict[str, Any]) -> list[str]:
    """A closed dossier noted by the calendar's check: its due date stays, the note says why."""
    judged = [d.get("timeliness"), d.get("timeliness_by_calendar")]
    note = t(
        lang,
        "due {old} kept; today's calendar gives {new} ({before} → {after}): for a correction",
        old=_date_text(str(d.get("stored_due_at", ""))),
        new=_date_text(str(d.get("calendar_due_at", ""))),
        before=label(lang, judged[0]) or "—",
        after=label(lang, judged[1]) or "—",
    )
    return [note, *_why(lang, d)]


def _import(lang: str, d: dict[str, Any]) -> list[str]:
    return [t(lang, "{n} dossier(s) from {file}", n=d.get("dossiers", 0), file=d.get("file", ""))]


_SENTENCES: dict[str, Callable[[str, dict[str, Any]], list[str]]] = {
    "receive": _receive,
    "handover": _handover,
    "supplement": _supplement,
    "resume": lambda lang, d: [*_why(lang, d), *_due(lang, d)],
    "resolve": _resolve,
    "return": _why,
    "withdraw": _why,
    "apologize": _apologize,
    "close": _why,
    "forward": _forward,
    "notify": _why,
    "edit": _edit,
    "due.recompute": _recompute,
    "due.correction": _calendar_note,
    "import": _import,
}


def event_text(lang: str, e: Event) -> str:
    """What the step did, in words; an undo names the step it undid."""
    if e.step == "undo":
        undid = t(
            lang,
            "undid #{id}: {step} of {at}",
            id=e.undoes if e.undoes is not None else "",
            step=step_label(lang, str(e.details.get("step", ""))),
            at=_date_text(str(e.details.get("happened_at", ""))),
        )
        return "; ".join([undid, *_fact_said(lang, N_("reason: {text}"), e.details, "reason")])
    said = _SENTENCES.get(e.step)
    if said is not None:
        return "; ".join(said(lang, e.details))
    return "; ".join(
        f"{_name(lang, k)}: {fmt_value(lang, k, v)}"
        for k, v in e.details.items()
        if k not in _HIDDEN and v not in (None, "")
    )
