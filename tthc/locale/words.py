"""The words for the domain's values — a status, a channel, a step, a file's column … — one
table per family, keyed by the value the code holds, each word marked for extraction. The code
chooses a word from its table (``t(lang, STATUS_WORDS[d.status])``), never builds a message
at run time, so ``pybabel extract`` sees every word tthc can say (docs/translating.md)."""

from tthc.locale.marks import N_, P_

#: A dossier's status (tthc.core.lifecycle.Status).
STATUS_WORDS = {
    "processing": N_("processing"),
    "paused": N_("waiting for papers"),
    "resolved": N_("resolved"),
    "returned": N_("returned"),
    "withdrawn": N_("withdrawn"),
    "closed": N_("closed"),
}

#: How a dossier came in (tthc.core.models.Channel).
CHANNEL_WORDS = {
    "direct": N_("direct"),
    "online": N_("online"),
    "postal": N_("postal"),
}

#: How a dossier ended (tthc.core.lifecycle.Outcome).
OUTCOME_WORDS = {
    "approved": N_("approved"),
    "rejected": N_("rejected"),
}

#: A resolved dossier's timeliness (tthc.core.deadlines.Timeliness), and where an open one stands.
TIMELINESS_WORDS = {
    "early": N_("early"),
    "on_time": N_("on time"),
    "late": N_("late"),
    "overdue": N_("overdue"),
    "not_due": P_("timeliness", "not yet due"),
}

#: A citizen's rating of the service (tthc.core.models.RatingValue).
RATING_WORDS = {
    "satisfied": N_("satisfied"),
    "acceptable": N_("acceptable"),
    "unsatisfied": N_("unsatisfied"),
}

#: How the fee was paid (tthc.core.models.Payment).
PAYMENT_WORDS = {
    "cash": N_("cash"),
    "online": N_("online"),
    "exempt": N_("exempt"),
}

#: Every value :func:`tthc.locale.i18n.label` says in words.
VALUE_WORDS = {
    **STATUS_WORDS,
    **CHANNEL_WORDS,
    **OUTCOME_WORDS,
    **TIMELINESS_WORDS,
    **RATING_WORDS,
    **PAYMENT_WORDS,
}

#: A step of a dossier's history, by its name in the history (tthc.core.lifecycle).
STEP_WORDS = {
    "receive": N_("receive"),
    "handover": N_("handover"),
    "supplement": N_("supplement request"),
    "resume": N_("resume"),
    "resolve": N_("resolve"),
    "return": N_("return"),
    "withdraw": N_("withdraw"),
    "apologize": P_("step", "apology"),
    "edit": N_("edit"),
    "undo": N_("undo"),
    "due.recompute": N_("due date recomputed"),
    "import": N_("import"),
    "kept": N_("kept at a merge"),
    "calendar.confirm": N_("day off confirmed"),
    "calendar.reject": N_("day off rejected"),
    "due.correction": N_("due date differs from the calendar"),
    "close": N_("close"),
    "forward": N_("forward"),
    "notify": N_("notify"),
}

#: A column of a file (CSV, workbook) by its name: the heading a Vietnamese file shows.
COLUMN_WORDS = {
    "key": N_("key"),
    "key_month": P_("file column, month", "key"),
    "total": N_("TOTAL"),
    "carried_over": P_("file column", "carried_over"),
    "received": P_("file column", "received"),
    "received_direct": N_("received_direct"),
    "received_online": N_("received_online"),
    "received_postal": N_("received_postal"),
    "resolved": P_("file column", "resolved"),
    "early": P_("file column", "early"),
    "on_time": P_("file column", "on_time"),
    "late": P_("file column", "late"),
    "withdrawn": P_("file column", "withdrawn"),
    "pending": P_("file column", "pending"),
    "pending_not_due": P_("file column", "pending_not_due"),
    "pending_overdue": P_("file column", "pending_overdue"),
    "paused": P_("file column", "paused"),
    "on_time_rate": P_("file column", "on_time_rate"),
    "code": P_("file column", "code"),
    "procedure": P_("file column", "procedure"),
    "procedure_name": N_("procedure_name"),
    "field": P_("file column", "field"),
    "applicant": P_("file column", "applicant"),
    "received_at": P_("file column", "received_at"),
    "channel": P_("file column", "channel"),
    "point": P_("file column", "point"),
    "officer": P_("file column", "officer"),
    "limit": P_("file column", "limit"),
    "due_at": P_("file column", "due_at"),
    "status": P_("file column", "status"),
    "timeliness": P_("file column", "timeliness"),
    "resolved_at": P_("file column", "resolved_at"),
    "outcome": P_("file column", "outcome"),
    "apology_at": N_("apology_at"),
    "happened_at": N_("happened_at"),
    "returned_at": P_("file column", "returned_at"),
    "withdrawn_at": P_("file column", "withdrawn_at"),
    "paused_at": N_("paused_at"),
    "resumed_at": N_("resumed_at"),
    "handed_over": N_("handed_over"),
    "overdue": P_("file column", "overdue"),
    "load": N_("load"),
    "share": N_("share"),
    "list": N_("list"),
    "due_date": P_("file column", "due_date"),
    "working_days_late": N_("working_days_late"),
    "apology_issued_at": N_("apology_issued_at"),
    "apology_in_time": N_("apology_in_time"),
    "new_date": P_("file column", "new_date"),
    "promise": N_("promise"),
    "requested_at": N_("requested_at"),
    "reason": N_("reason"),
    "kind": P_("file column", "kind"),
    "step": P_("file column", "step"),
    "step_at": N_("step_at"),
    "corrected_at": N_("corrected_at"),
    "actor": P_("file column", "actor"),
    "fee": P_("file column", "fee"),
    "payment": N_("payment"),
    "digitised": N_("digitised"),
    "data_reused": N_("data_reused"),
    "e_result": N_("e_result"),
    "closed": P_("file column", "closed"),
    "closed_at": P_("file column", "closed_at"),
    "article": N_("article"),
    "at": N_("at"),
    "due": N_("due"),
    "done_at": N_("done_at"),
}

#: A dossier's detail a clerk may edit (tthc.core.replay.DETAIL_FIELDS), as a heading names it.
DETAIL_WORDS = {
    "applicant": N_("Applicant"),
    "id_number": N_("ID number"),
    "phone": N_("Phone"),
    "address": N_("Address"),
    "note": N_("Note"),
    "point": N_("Point"),
    "officer": N_("Officer"),
}

#: A day of the center's calendar: a day off or a make-up working day (``calendar_days.kind``).
DAY_KIND_WORDS = {"off": N_("day off"), "work": N_("make-up working day")}

#: How a step of a dossier's timeline was corrected (the corrections list's kind).
CORRECTION_WORDS = {
    "undo": P_("kind of correction", "undone"),
    "correction": N_("re-dated"),
    "kept": N_("kept at a merge"),
    "calendar": N_("calendar"),
}

#: A duty of Decree 118 broken, by its kind (tthc.core.breaches).
BREACH_WORDS = {
    "second_supplement": N_("papers asked a second time"),
    "supplement_late": N_("papers asked later than 3 working days after receipt"),
    "apology_late": N_("apology later than 1 day before the due date"),
    "acceptance_late": N_("online dossier accepted after 8 working hours"),
    "forward_late": N_("paper dossier not sent on within 1 working day"),
    "close_overdue": N_("not closed 15 days after the supplement request"),
}

#: The summary's columns, short (a narrow screen), long (the legend, the blocks) and plain.
SUMMARY_SHORT_WORDS = {
    "carried_over": N_("C/O"),
    "received": N_("Recd"),
    "received_direct": N_("Dir"),
    "received_online": N_("Onl"),
    "received_postal": N_("Post"),
    "resolved": N_("Res"),
    "early": P_("summary column heading", "Early"),
    "on_time": N_("OnT"),
    "late": P_("summary column heading", "Late"),
    "withdrawn": N_("Wdn"),
    "pending": N_("Pend"),
    "pending_not_due": N_("InT"),
    "pending_overdue": N_("OvD"),
    "paused": N_("Paus"),
    "rate": N_("Rate"),
    "closed": N_("Cls"),
}
SUMMARY_LONG_WORDS = {
    "carried_over": N_("carried over"),
    "received": P_("summary line", "received"),
    "received_direct": P_("summary line", "direct"),
    "received_online": P_("summary line", "online"),
    "received_postal": P_("summary line", "postal"),
    "resolved": P_("summary line", "resolved"),
    "early": P_("summary line", "early"),
    "on_time": N_("on time"),
    "late": P_("summary line", "late"),
    "withdrawn": P_("summary line", "withdrawn"),
    "pending": P_("summary line", "pending"),
    "pending_not_due": N_("pending, not due"),
    "pending_overdue": N_("pending, overdue"),
    "paused": N_("waiting for papers"),
    "rate": N_("on-time rate (early + on time of resolved)"),
    "closed": N_("closed (papers never came)"),
}
SUMMARY_HEAD_WORDS = {
    "carried_over": N_("Carried"),
    "received": N_("Received"),
    "received_direct": N_("Direct"),
    "received_online": N_("Online"),
    "received_postal": N_("Postal"),
    "resolved": P_("short column heading", "Resolved"),
    "early": N_("Early"),
    "on_time": N_("On time"),
    "late": N_("Late"),
    "withdrawn": P_("short column heading", "Withdrawn"),
    "pending": N_("Pending"),
    "pending_not_due": N_("Not due"),
    "pending_overdue": N_("Overdue"),
    "paused": N_("Paused"),
    "closed": N_("Closed"),
    "rate": N_("Rate (on time/resolved)"),
}
