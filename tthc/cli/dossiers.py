"""The clerk's day: ``receive`` a dossier, each step of its life (``handover`` …
``notify``), ``show``, ``history`` and ``list`` them, ``edit``, ``undo`` a step, and the
period's ``corrections``."""

from typing import Annotated, Any

import typer

from tthc.cli import group
from tthc.cli.group import app, context
from tthc.cli.help import H, confirm
from tthc.cli.options import (
    CHANNEL,
    FILTERS,
    OUTCOME,
    PERIOD,
    AtOpt,
    CodeArg,
    CorrectOpt,
    DigitisedOpt,
    EResultOpt,
    FeeOpt,
    JsonOpt,
    LateOpt,
    NeededReasonOpt,
    NoteOpt,
    PaidOptT,
    ReasonOpt,
    ReusedOpt,
    complete_procedures,
    takes,
)
from tthc.cli.output import Output, View, as_json, show
from tthc.locale.marks import N_


# -- views: how each result looks ---------------------------------------------------------------
def _print_received(r: Any, lang: str) -> None:
    from tthc.present import render

    render.print_received(r.dossier, lang, r.catalog_limit, r.doubts)


def _step_view(step: str) -> View:
    def screen(d: Any, lang: str) -> None:
        from tthc.present import render

        render.print_step(d, step, lang)
        if step == "apologize" and d.apology is not None and not d.apology.in_time:
            from tthc.locale.i18n import t

            typer.echo(t(lang, "warning: an apology should be issued at least one working day before the due date"), err=True)

    return View(screen, json=as_json)


def _print_dossier(view: Any, lang: str, *, show_id: bool) -> None:
    from tthc.present import render

    render.print_dossier(view, lang, show_id=show_id)


def _print_history(events: Any, lang: str) -> None:
    from tthc.present import render

    render.print_history(events, lang)


def _history_json(events: Any, lang: str) -> Any:
    from tthc.present import render

    return [render.event_json(e) for e in events]


def _print_worklist(work: Any, lang: str) -> None:
    from tthc.present.render_worklist import print_worklist

    print_worklist(work, lang)


def _to_notify_json(work: Any, lang: str) -> Any:
    from tthc.present.render_worklist import tell_json

    return [tell_json(r) for s in work.sections for r in s.rows]


def _edited(d: Any, lang: str) -> None:
    from tthc.locale.i18n import t
    from tthc.present import render

    render.echo(t(lang, "{code}: details corrected", code=d.code))


def _undone(result: Any, lang: str) -> None:
    from tthc.locale.i18n import step_label, t
    from tthc.present import render

    code, step, d = result
    if d is None:
        render.say(t(lang, "{code}: receipt undone; the code will not be given again", code=code))
    else:
        render.say(t(lang, "{code}: {step} undone", code=d.code, step=step_label(lang, step)))


def _print_corrections(v: Any, lang: str) -> None:
    from tthc.present import render

    render.print_corrections(v.items, v.period, lang)


RECEIVED = View(_print_received, json=lambda r, lang: r.dossier.as_json())
DOSSIER = View(_print_dossier, json=lambda v, lang: v.dossier.as_json())
HISTORY = View(_print_history, json=_history_json)
WORKLIST = View(_print_worklist, json=lambda work, lang: [d.as_json() for d in work.dossiers()])
TO_NOTIFY = View(_print_worklist, json=_to_notify_json)
EDITED = View(_edited)
UNDONE = View(_undone)
CORRECTIONS = View(_print_corrections, json=lambda v, lang: [item.as_json() for item in v.items])


# -- receipt and steps --------------------------------------------------------------------------
@app.command(help=H("Receive a dossier and print its code and appointment."))
def receive(
    ctx: typer.Context,
    procedure: Annotated[
        str,
        typer.Argument(
            metavar="PROCEDURE|ALIAS", help=H("Code, alias or full name (diacritics optional)."), autocompletion=complete_procedures
        ),
    ],
    applicant: Annotated[str, typer.Option(help=H("Applicant's full name (at most 200 characters)."))],
    channel: Annotated[str, typer.Option(help=H("How it arrived."), click_type=CHANNEL)] = "direct",
    at: AtOpt = None,
    code: Annotated[str | None, typer.Option(help=H("Dossier code (default: generated); never one used before, in any letter case. A code UNIT-YYMMDD-NNNN carries the day of receipt."))] = None,
    point: Annotated[str | None, typer.Option(help=H("Reception point (any case, or a unique part of the name)."))] = None,
    officer: Annotated[str | None, typer.Option(help=H("Officer in charge (any case, or a unique given name)."))] = None,
    limit: Annotated[str | None, typer.Option(help=H("Override the procedure's time limit (audited)."))] = None,
    id_number: Annotated[str | None, typer.Option(help=H("Citizen ID (CCCD, 12 digits)."))] = None,
    phone: Annotated[str | None, typer.Option(help=H("Phone number (spaces, dots and +84 are fine)."))] = None,
    address: Annotated[str | None, typer.Option(help=H("Address (at most 300 characters)."))] = None,
    note: Annotated[str | None, typer.Option(help=H("A note (at most 1,000 characters)."))] = None,
    fee: FeeOpt = None,
    paid: PaidOptT = None,
    digitised: DigitisedOpt = None,
    data_reused: ReusedOpt = None,
    reason: ReasonOpt = None,
    correct_time: CorrectOpt = False,
    submitted_at: Annotated[
        str | None, typer.Option("--submitted-at", help=H("Online only: when the provincial system received it (--at is the acceptance, where the clock starts)."))
    ] = None,
    for_authority: Annotated[str | None, typer.Option("--for", help=H("Received here for another authority of the province: its paper dossier is forwarded within 1 working day."))] = None,
    late_entry: LateOpt = False,
    as_json: JsonOpt = False,
) -> None:
    from tthc.app import dossiers
    from tthc.app.corrections import Correction

    c = context(ctx, late_entry)
    r = dossiers.receive(
        c,
        procedure,
        applicant=applicant,
        channel=channel,
        at=at,
        code=code,
        point=point,
        officer=officer,
        limit=limit,
        id_number=id_number,
        phone=phone,
        address=address,
        note=note,
        service=dossiers.ServiceGiven(fee, paid, digitised, data_reused),
        reason=reason,
        correction=Correction.of(correct_time, reason),
        submitted_at=submitted_at,
        for_authority=for_authority,
    )
    show(c.lang, r, RECEIVED, Output(json=as_json))


@app.command(help=H("Hand the dossier to another officer for processing (status unchanged)."))
def handover(
    ctx: typer.Context,
    code: CodeArg,
    to: Annotated[str, typer.Option("--to", help=H("Officer taking it over."))],
    at: AtOpt = None,
    note: NoteOpt = None,
    reason: ReasonOpt = None,
    correct_time: CorrectOpt = False,
    late_entry: LateOpt = False,
) -> None:
    from tthc.app import dossiers
    from tthc.app.corrections import Correction

    c = context(ctx, late_entry)
    fix = Correction.of(correct_time, reason)
    show(
        c.lang,
        dossiers.handover(c, code, to, at, note, reason=reason, correction=fix),
        _step_view("handover"),
    )


@app.command(help=H("Ask the applicant for more papers: the clock stops."))
def supplement(
    ctx: typer.Context,
    code: CodeArg,
    reason: Annotated[str, typer.Option("--reason", help=H("The papers asked for (required)."))],
    at: AtOpt = None,
    again: Annotated[bool, typer.Option("--again", help=H("Record a second request anyway (the decree allows one: it is listed as a breach)."))] = False,
    correct_time: CorrectOpt = False,
    late_entry: LateOpt = False,
) -> None:
    from tthc.app import dossiers
    from tthc.app.corrections import Correction

    c = context(ctx, late_entry)
    fix = Correction.of(correct_time, reason)
    show(
        c.lang,
        dossiers.supplement(c, code, at, reason, again=again, correction=fix),
        _step_view("supplement"),
    )


#: The help of the steps that take only the dossier, its moment and a reason.
_STEP_HELP_WORDS = {
    "resume": N_("The papers are complete: the clock runs again (per supplement_policy)."),
    "withdraw": N_("The applicant withdrew the dossier."),
    "close": N_("Close a dossier whose papers never came (15 days after the request): it ends without a result."),
    "forward": N_("The paper dossier received for another authority was sent on."),
    "notify": N_("The citizen was told (phone, SMS, e-mail): of a result ready early or of an apology's new date."),
}


def _plain_step(name: str) -> None:
    """A step that takes only the dossier, its moment and a reason (resume, withdraw, close,
    forward, notify): one set of options and one body, calling the service of the same name."""
    view = _step_view(name)

    @app.command(name, help=H(_STEP_HELP_WORDS[name]))
    def step(
        ctx: typer.Context,
        code: CodeArg,
        at: AtOpt = None,
        reason: ReasonOpt = None,
        correct_time: CorrectOpt = False,
        late_entry: LateOpt = False,
    ) -> None:
        from tthc.app import dossiers
        from tthc.app.corrections import Correction

        c = context(ctx, late_entry)
        service = getattr(dossiers, name)
        show(
            c.lang, service(c, code, at, reason=reason, correction=Correction.of(correct_time, reason)), view
        )


for _name in _STEP_HELP_WORDS:
    _plain_step(_name)


@app.command(help=H("Processing finished with a result (approved or rejected)."))
def resolve(
    ctx: typer.Context,
    code: CodeArg,
    at: AtOpt = None,
    outcome: Annotated[str, typer.Option(help=H("approved, or rejected (từ chối giải quyết)."), click_type=OUTCOME)] = "approved",
    note: NoteOpt = None,
    e_result: EResultOpt = None,
    reason: ReasonOpt = None,
    correct_time: CorrectOpt = False,
    late_entry: LateOpt = False,
    as_json: JsonOpt = False,
) -> None:
    from tthc.app import dossiers
    from tthc.app.corrections import Correction

    c = context(ctx, late_entry)
    fix = Correction.of(correct_time, reason)
    d = dossiers.resolve(c, code, at, outcome, note, reason=reason, correction=fix, e_result=e_result)
    show(c.lang, d, _step_view("resolve"), Output(json=as_json))


@app.command("return", help=H("The result was handed to the applicant."))
def return_(
    ctx: typer.Context,
    code: CodeArg,
    at: AtOpt = None,
    rating: Annotated[str | None, typer.Option("--rating", help=H("The citizen's rating: satisfied, acceptable or unsatisfied (hài lòng, bình thường, không hài lòng)."))] = None,
    comment: Annotated[str | None, typer.Option("--comment", help=H("The citizen's comment with the rating."))] = None,
    reason: ReasonOpt = None,
    correct_time: CorrectOpt = False,
    late_entry: LateOpt = False,
) -> None:
    from tthc.app import dossiers
    from tthc.app.corrections import Correction

    c = context(ctx, late_entry)
    fix = Correction.of(correct_time, reason)
    d = dossiers.return_result(c, code, at, reason=reason, correction=fix, rating=rating, comment=comment)
    show(c.lang, d, _step_view("return"))


@app.command(help=H("Record the written apology with one new appointment date (never changes timeliness)."))
def apologize(
    ctx: typer.Context,
    code: CodeArg,
    new_date: Annotated[str, typer.Option("--new-date", help=H("The new appointment date."))],
    reason: NeededReasonOpt,
    at: AtOpt = None,
    correct_time: CorrectOpt = False,
    late_entry: LateOpt = False,
) -> None:
    from tthc.app import dossiers
    from tthc.app.corrections import Correction

    c = context(ctx, late_entry)
    fix = Correction.of(correct_time, reason)
    show(c.lang, dossiers.apologize(c, code, new_date, reason, at, correction=fix), _step_view("apologize"))


# -- looking and mending ------------------------------------------------------------------------
@app.command("show", help=H("Every fact about a dossier, its due date explained, and its timeline."))
def show_(
    ctx: typer.Context,
    code: CodeArg,
    as_json: JsonOpt = False,
    show_id: Annotated[bool, typer.Option("--show-id", help=H("Show the full ID number."))] = False,
) -> None:
    from tthc.app import dossiers

    c = context(ctx)
    view = dossiers.show(c, code)
    json_view = View(DOSSIER.screen, json=lambda v, lang: v.dossier.as_json(show_id=show_id))
    show(c.lang, view, json_view, Output(json=as_json), show_id=show_id)


@app.command(help=H("The audit trail: what happened, when, when it was recorded, by whom."))
def history(ctx: typer.Context, code: CodeArg, as_json: JsonOpt = False) -> None:
    from tthc.app import dossiers

    c = context(ctx)
    show(c.lang, dossiers.history(c, code), HISTORY, Output(json=as_json))


@app.command("list", help=H("The worklist, soonest deadline first. No filter: overdue, due today, due within 2 working days."))
@takes(FILTERS)
def list_(
    ctx: typer.Context,
    filters: Any,
    to_notify: Annotated[bool, typer.Option("--to-notify", help=H("Citizens to tell: results ready before their date and not collected, apologies' new dates not yet told."))] = False,
    limit: Annotated[int, typer.Option(help=H("At most this many rows."))] = 50,
    as_json: JsonOpt = False,
) -> None:
    from tthc.app import screens

    c = context(ctx)
    work = screens.worklist(c, filters, to_notify=to_notify, limit=limit)
    show(c.lang, work, TO_NOTIFY if to_notify else WORKLIST, Output(json=as_json))


@app.command(help=H("Correct a dossier's details (audited). The timeline is changed with undo, not here."))
def edit(
    ctx: typer.Context,
    code: CodeArg,
    applicant: Annotated[str | None, typer.Option(help=H("The applicant's full name."))] = None,
    phone: Annotated[str | None, typer.Option(help=H("The phone number."))] = None,
    address: Annotated[str | None, typer.Option(help=H("The address."))] = None,
    point: Annotated[str | None, typer.Option(help=H("The reception point."))] = None,
    officer: Annotated[str | None, typer.Option(help=H("The officer in charge."))] = None,
    note: NoteOpt = None,
    id_number: Annotated[str | None, typer.Option(help=H("The citizen ID (12 digits)."))] = None,
    fee: FeeOpt = None,
    paid: PaidOptT = None,
    digitised: DigitisedOpt = None,
    data_reused: ReusedOpt = None,
    e_result: EResultOpt = None,
    reason: ReasonOpt = None,
    correct_time: CorrectOpt = False,
) -> None:
    from tthc.app import dossiers
    from tthc.app.corrections import Correction

    c = context(ctx)
    changes = {
        "applicant": applicant,
        "phone": phone,
        "address": address,
        "point": point,
        "officer": officer,
        "note": note,
        "id_number": id_number,
        "fee": fee,
        "payment": paid,
        "digitised": digitised,
        "data_reused": data_reused,
        "e_result": e_result,
    }
    d = dossiers.edit(c, code, changes, reason=reason, correction=Correction.of(correct_time, reason))
    show(c.lang, d, EDITED)


@app.command(help=H("Revert the dossier's latest life-cycle step to exactly the state before it (audited)."))
def undo(
    ctx: typer.Context,
    code: CodeArg,
    reason: NeededReasonOpt,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=H("Do not ask for confirmation."))] = False,
    correct_time: CorrectOpt = False,
) -> None:
    from tthc.app import corrections
    from tthc.app.corrections import Correction
    from tthc.locale.i18n import t
    from tthc.present import render

    c = context(ctx)
    fix = Correction.of(correct_time, reason)
    plan = corrections.undo_plan(c, code, fix)
    render.print_undo_plan(plan, c.lang)
    if not yes and group.can_ask() and not confirm(c.lang, t(c.lang, "Revert it?")):
        raise typer.Abort()
    step, d = corrections.undo(c, code, reason, fix, expected=plan.event_id)
    show(c.lang, (plan.code, step, d), UNDONE)


@app.command(help=H("Every changed timeline: undone steps and corrected times, with who, when and why."))
@takes(PERIOD)
def corrections(ctx: typer.Context, period: Any, as_json: JsonOpt = False) -> None:
    from tthc.app import screens

    c = context(ctx)
    show(c.lang, screens.corrections(c, period), CORRECTIONS, Output(json=as_json))
