"""The ``tthc`` command line: parse, call one service function, render.

Heavy modules (rich, sqlite-utils, holidays, openpyxl) are imported by the code that uses
them, so a clerk's command starts quickly. Annotations here are real objects, not strings:
Typer reads every command's signature on each run, and evaluating strings cost about 40 ms.
"""

import contextlib
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from tthc.errors import Msg, TthcError

if TYPE_CHECKING:
    from tthc.context import Context
    from tthc.models import Kind

#: Exit status of a bug (BSD's EX_SOFTWARE), apart from a refusal's 1 and Click's usage 2.
BUG_EXIT = 70


class _App(TyperGroup):
    """Turns refusals into one ``Error: …`` line and exit status 1, a bug into one line and
    exit status 70 — never a traceback (unless ``TTHC_DEBUG`` is set)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            result = super().invoke(ctx)
            if ctx.obj is not None:
                ctx.obj.save_holiday_cache()
            return result
        except TthcError as exc:
            _fail(exc.text(_lang_of(ctx)), _lang_of(ctx))
        except KeyboardInterrupt:
            _fail(Msg("e_interrupted").render(_lang_of(ctx)), _lang_of(ctx))
        except Exception as exc:
            if hasattr(exc, "exit_code") or isinstance(exc, typer.Exit | typer.Abort):
                raise  # Click's own usage errors and exits keep their status and message
            refusal = _os_refusal(exc, ctx)
            if refusal is not None:
                _fail(refusal.render(_lang_of(ctx)), _lang_of(ctx))
            if os.environ.get("TTHC_DEBUG"):
                raise
            _fail(
                Msg("e_internal", kind=type(exc).__name__, detail=exc).render(_lang_of(ctx)),
                _lang_of(ctx),
                BUG_EXIT,
            )
        finally:
            obj = ctx.obj
            if obj is not None:
                obj.close()


def _os_refusal(exc: Exception, ctx: Any) -> Msg | None:
    """A failure of the machine, not of tthc — an unwritable or full disk, a read-only
    database, a closed pipe — as a refusal naming the file and the cause."""
    import sqlite3

    path = getattr(getattr(ctx, "obj", None), "db_path", None)
    if isinstance(exc, BrokenPipeError):
        return Msg("e_pipe")
    if isinstance(exc, OSError):
        return Msg("e_os", path=exc.filename or path or "", reason=exc.strerror or str(exc))
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc)
        for needle, reason in (
            ("readonly", "w_readonly"),
            ("unable to open", "w_cannot_open"),
            ("disk is full", "w_disk_full"),
            ("disk I/O", "w_disk_io"),
        ):
            if needle in text:
                return Msg("e_os", path=path or "", reason=Msg(reason))
    return None


def _lang_of(ctx: Any) -> str:
    """The language to refuse in: the user's choice, else the center's setting, else English."""
    obj = getattr(ctx, "obj", None)
    try:
        return str(obj.lang) if obj is not None else "en"
    except Exception:
        return "en"


def _fail(message: str, lang: str = "en", status: int = 1) -> NoReturn:
    prefix = Msg("error_prefix").render(lang)
    with contextlib.suppress(BrokenPipeError):
        typer.echo(f"{prefix}: {message}", err=True)
    raise typer.Exit(status)


def _app(name: str | None = None, help_text: str | None = None) -> typer.Typer:
    return typer.Typer(
        name=name,
        help=help_text,
        cls=_App,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )


app = _app(help_text="Dossier tracker for a commune Public Administrative Service Center.")
config_app = _app("config", "Show or change the center's settings.")
calendar_app = _app("calendar", "The working calendar: days off and make-up working days.")
procedure_app = _app("procedure", "The procedure catalog (mã TTHC, name, field, time limit).")
officer_app = _app("officer", "Registered officers (matched without regard to case).")
point_app = _app("point", "Registered reception points.")
for _sub in (config_app, calendar_app, procedure_app, officer_app, point_app):
    app.add_typer(_sub)


class Lang(StrEnum):
    vi = "vi"
    en = "en"


class ChannelOpt(StrEnum):
    direct = "direct"
    online = "online"
    postal = "postal"


class OutcomeOpt(StrEnum):
    approved = "approved"
    rejected = "rejected"


class StatusOpt(StrEnum):
    processing = "processing"
    paused = "paused"
    resolved = "resolved"
    returned = "returned"
    withdrawn = "withdrawn"


AtOpt = Annotated[
    str | None, typer.Option("--at", help="When it happened (default: now). ISO or DD/MM/YYYY [HH:MM].")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def default_db_path() -> Path:
    return Path(typer.get_app_dir("tthc")) / "tthc.db"


@app.callback()
def _main(
    ctx: typer.Context,
    db: Annotated[
        Path | None, typer.Option("--db", help="Database file (else TTHC_DB, else the app directory).")
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Output language (else TTHC_LANG, else the setting).")
    ] = None,
    user: Annotated[
        str | None, typer.Option("--user", help="Who is typing (else TTHC_USER, else the OS user).")
    ] = None,
) -> None:
    from tthc.clock import now_vn
    from tthc.context import Context

    env_lang = os.environ.get("TTHC_LANG", "").strip().lower()
    if env_lang and env_lang not in ("vi", "en"):
        _fail(Msg("e_env_lang", value=env_lang).render("en"))
    path = db or (Path(os.environ["TTHC_DB"]) if os.environ.get("TTHC_DB") else default_db_path())
    ctx.obj = Context(
        db_path=path,
        actor=user or os.environ.get("TTHC_USER") or _os_user(),
        now=now_vn(),
        lang_choice=lang.value if lang else (env_lang or None),
    )


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


def _ctx(ctx: typer.Context) -> "Context":
    obj: Context = ctx.obj
    return obj


# -- init and settings ----------------------------------------------------------------------
@app.command()
def init(
    ctx: typer.Context,
    center: Annotated[str | None, typer.Option(help="The center's name.")] = None,
    prefix: Annotated[str | None, typer.Option(help="Unit code for generated dossier codes.")] = None,
    lang: Annotated[Lang | None, typer.Option("--lang", help="The center's default language.")] = None,
    point: Annotated[str | None, typer.Option(help="Register a reception point.")] = None,
    catalog: Annotated[
        bool, typer.Option("--catalog/--no-catalog", help="Install the starter procedure catalog.")
    ] = True,
    update: Annotated[
        bool, typer.Option("--update", help="On an existing database, apply the values given.")
    ] = False,
) -> None:
    """Create the database; on an existing one, say what the values given would change."""
    from tthc import render, service

    c = _ctx(ctx)
    result = service.init(
        c,
        center=center,
        prefix=prefix,
        lang=lang.value if lang else None,
        point=point,
        catalog=catalog,
        update=update,
    )
    render.print_init(result, c.lang)


@config_app.command("show")
def config_show(ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Every setting with its value."""
    from tthc import render, service

    c = _ctx(ctx)
    c.store()
    rows = service.show_settings(c)
    if as_json:
        render.print_json({key: value for key, value, _ in rows})
    else:
        render.print_settings(rows, c.lang)


@config_app.command("set")
def config_set(ctx: typer.Context, key: str, value: str) -> None:
    """Change one setting (validated)."""
    from tthc import render, service
    from tthc.i18n import t

    c = _ctx(ctx)
    key, value = service.set_setting(c, key, value)
    render.echo(t(c.lang, "set_done", key=key, value=value))


# -- the counter calculator ---------------------------------------------------------------
@app.command()
def due(
    ctx: typer.Context,
    what: Annotated[
        str,
        typer.Argument(
            metavar="LIMIT|PROCEDURE",
            help="e.g. 5wd, same-day, 8h, 15d, '5 ngày làm việc', or a procedure code/alias.",
        ),
    ],
    at: Annotated[str | None, typer.Option(help="Receipt moment (default: now).")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show, day by day, what was counted and skipped.")
    ] = False,
) -> None:
    """If I take this dossier now, when is it due?"""
    from tthc import render, service

    c = _ctx(ctx)
    q = service.quote(c, what, at)
    if as_json:
        render.print_json(q.as_json())
    else:
        render.print_quote(q, c.lang, explain=explain)


# -- calendar upkeep ----------------------------------------------------------------------
@calendar_app.command("show")
def calendar_show(
    ctx: typer.Context,
    year: Annotated[int | None, typer.Option(min=1990, max=2100)] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Days off and make-up working days of a year, with their source."""
    from tthc import render, service

    c = _ctx(ctx)
    y = year or c.now.year
    rows = service.calendar_rows(c, y)
    provisional = y > c.settings().calendar_confirmed_through
    if as_json:
        render.print_json(render.calendar_json(rows, y, provisional))
    else:
        render.print_calendar(rows, y, provisional, c.lang)


def _calendar_change(ctx: typer.Context, action: str, day: str, name: str | None) -> None:
    from tthc import render, service
    from tthc.i18n import fmt_day, t

    c = _ctx(ctx)
    when, changed = service.calendar_change(c, action, day, name)
    if action == "remove":
        render.echo(t(c.lang, "calendar_removed", day=fmt_day(c.lang, when)))
    else:
        kind = t(c.lang, "kind_off" if action == "add-holiday" else "kind_work")
        render.echo(t(c.lang, "calendar_added", day=fmt_day(c.lang, when), kind=kind))
    if changed:
        render.echo(t(c.lang, "calendar_recomputed", n=changed))


@calendar_app.command("add-holiday")
def calendar_add_holiday(
    ctx: typer.Context, day: str, name: Annotated[str | None, typer.Option()] = None
) -> None:
    """Make DAY a day off for this center (wins over the national calendar)."""
    _calendar_change(ctx, "add-holiday", day, name)


@calendar_app.command("add-workday")
def calendar_add_workday(
    ctx: typer.Context, day: str, name: Annotated[str | None, typer.Option()] = None
) -> None:
    """Make DAY a working day for this center (e.g. a local make-up Saturday)."""
    _calendar_change(ctx, "add-workday", day, name)


@calendar_app.command("remove")
def calendar_remove(ctx: typer.Context, day: str) -> None:
    """Drop this center's override of DAY; the national calendar applies again."""
    _calendar_change(ctx, "remove", day, None)


# -- the catalog and the registers --------------------------------------------------------------
@procedure_app.command("add")
def procedure_add(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(help="National procedure code, e.g. 1.001193.")],
    name: Annotated[str, typer.Option(help="Procedure name.")],
    field: Annotated[str, typer.Option(help="Field (lĩnh vực), e.g. Hộ tịch.")],
    limit: Annotated[str, typer.Option(help="Time limit: same-day, 5wd, 15d, 8h …")],
    alias: Annotated[
        str | None, typer.Option(help="Short alias usable wherever a procedure is named.")
    ] = None,
    fee: Annotated[str | None, typer.Option(help="Fee in VND.")] = None,
) -> None:
    """Add a procedure to the catalog."""
    from tthc import catalog, render
    from tthc.i18n import t

    c = _ctx(ctx)
    proc = catalog.add_procedure(c, code, name, field, limit, alias, fee)
    render.echo(t(c.lang, "added", what=f"{proc.code} {proc.name} ({proc.limit})"))


@procedure_app.command("list")
def procedure_list(
    ctx: typer.Context, field: Annotated[str | None, typer.Option()] = None, as_json: JsonOpt = False
) -> None:
    """The catalog, by field."""
    from tthc import catalog, render

    c = _ctx(ctx)
    procs = catalog.list_procedures(c, field)
    if as_json:
        render.print_json([p.as_json() for p in procs])
    else:
        render.print_procedures(procs, c.lang)


@procedure_app.command("show")
def procedure_show(ctx: typer.Context, code: str, as_json: JsonOpt = False) -> None:
    """One procedure (by code or alias)."""
    from tthc import catalog, render

    c = _ctx(ctx)
    proc = catalog.get_procedure(c, code)
    if as_json:
        render.print_json(proc.as_json())
    else:
        render.print_procedures([proc], c.lang)


@procedure_app.command("edit")
def procedure_edit(
    ctx: typer.Context,
    code: str,
    name: Annotated[str | None, typer.Option()] = None,
    field: Annotated[str | None, typer.Option()] = None,
    limit: Annotated[
        str | None, typer.Option(help="New limit; dossiers already received keep theirs.")
    ] = None,
    alias: Annotated[str | None, typer.Option()] = None,
    fee: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Change a procedure; due dates already issued never move."""
    from tthc import catalog, render

    c = _ctx(ctx)
    proc = catalog.edit_procedure(
        c, code, {"name": name, "field": field, "limit": limit, "alias": alias, "fee": fee}
    )
    render.print_procedures([proc], c.lang)


@procedure_app.command("import")
def procedure_import(ctx: typer.Context, file: Path) -> None:
    """Load procedures from .csv/.xlsx (columns code,name,field,limit[,alias,fee]); all or nothing."""
    from tthc import catalog, render
    from tthc.i18n import t

    c = _ctx(ctx)
    report = catalog.import_procedures(c, file)
    if report.unknown_columns:
        typer.echo(t(c.lang, "unknown_columns", cols=", ".join(report.unknown_columns)), err=True)
    render.echo(t(c.lang, "imported_procedures", added=report.added, updated=report.updated))


def _register(kind: "Kind", sub: typer.Typer) -> None:
    @sub.command("add")
    def add(
        ctx: typer.Context,
        name: str,
        prefix: Annotated[str | None, typer.Option(help="Own unit code for codes (points only).")] = None,
    ) -> None:
        from tthc import catalog, render
        from tthc.i18n import t

        c = _ctx(ctx)
        render.echo(t(c.lang, "added", what=catalog.add_name(c, kind, name, prefix)))

    add.__doc__ = f"Register a{'n' if kind == 'officer' else ''} {kind}."

    @sub.command("list")
    def list_(ctx: typer.Context, as_json: JsonOpt = False) -> None:
        from tthc import catalog, render

        c = _ctx(ctx)
        rows = catalog.list_names(c, kind)
        if as_json:
            render.print_json(
                [
                    {"name": r.name, **({"code_prefix": r.code_prefix} if kind == "point" else {})}
                    for r in rows
                ]
            )
        else:
            render.print_names(rows, c.lang)

    list_.__doc__ = f"Registered {kind}s."


_register("officer", officer_app)
_register("point", point_app)


# -- the clerk's day ------------------------------------------------------------------------------
@app.command()
def receive(
    ctx: typer.Context,
    procedure: Annotated[str, typer.Argument(metavar="PROCEDURE|ALIAS")],
    applicant: Annotated[str, typer.Option(help="Applicant's full name.")],
    channel: Annotated[ChannelOpt, typer.Option(help="How it arrived.")] = ChannelOpt.direct,
    at: AtOpt = None,
    code: Annotated[str | None, typer.Option(help="Dossier code (default: generated).")] = None,
    point: Annotated[str | None, typer.Option(help="Reception point.")] = None,
    officer: Annotated[str | None, typer.Option(help="Officer in charge.")] = None,
    limit: Annotated[str | None, typer.Option(help="Override the procedure's time limit (audited).")] = None,
    id_number: Annotated[str | None, typer.Option(help="Citizen ID (CCCD, 12 digits).")] = None,
    phone: Annotated[str | None, typer.Option()] = None,
    address: Annotated[str | None, typer.Option()] = None,
    note: Annotated[str | None, typer.Option()] = None,
    as_json: JsonOpt = False,
) -> None:
    """Receive a dossier and print its code and appointment."""
    from tthc import dossiers, render

    c = _ctx(ctx)
    r = dossiers.receive(
        c,
        procedure,
        applicant=applicant,
        channel=channel.value,
        at=at,
        code=code,
        point=point,
        officer=officer,
        limit=limit,
        id_number=id_number,
        phone=phone,
        address=address,
        note=note,
    )
    if as_json:
        render.print_json(r.dossier.as_json())
    else:
        render.print_received(r.dossier, c.lang, r.catalog_limit, c.settings().calendar_confirmed_through)


def _stepped(ctx: typer.Context, step: str, d: Any, as_json: bool = False) -> None:
    from tthc import render

    c = _ctx(ctx)
    if as_json:
        render.print_json(d.as_json())
    else:
        render.print_step(d, step, c.lang)


@app.command()
def handover(
    ctx: typer.Context,
    code: str,
    to: Annotated[str, typer.Option("--to", help="Officer taking it over.")],
    at: AtOpt = None,
    note: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Hand the dossier to another officer for processing (status unchanged)."""
    from tthc import dossiers

    _stepped(ctx, "handover", dossiers.handover(_ctx(ctx), code, to, at, note))


@app.command()
def supplement(
    ctx: typer.Context, code: str, at: AtOpt = None, reason: Annotated[str | None, typer.Option()] = None
) -> None:
    """Ask the applicant for more papers: the clock stops."""
    from tthc import dossiers

    _stepped(ctx, "supplement", dossiers.supplement(_ctx(ctx), code, at, reason))


@app.command()
def resume(ctx: typer.Context, code: str, at: AtOpt = None) -> None:
    """The papers are complete: the clock runs again (per supplement_policy)."""
    from tthc import dossiers

    _stepped(ctx, "resume", dossiers.resume(_ctx(ctx), code, at))


@app.command()
def resolve(
    ctx: typer.Context,
    code: str,
    at: AtOpt = None,
    outcome: Annotated[OutcomeOpt, typer.Option()] = OutcomeOpt.approved,
    note: Annotated[str | None, typer.Option()] = None,
    as_json: JsonOpt = False,
) -> None:
    """Processing finished with a result (approved or rejected)."""
    from tthc import dossiers

    _stepped(ctx, "resolve", dossiers.resolve(_ctx(ctx), code, at, outcome.value, note), as_json)


@app.command("return")
def return_(ctx: typer.Context, code: str, at: AtOpt = None) -> None:
    """The result was handed to the applicant."""
    from tthc import dossiers

    _stepped(ctx, "return", dossiers.return_result(_ctx(ctx), code, at))


@app.command()
def withdraw(
    ctx: typer.Context, code: str, at: AtOpt = None, reason: Annotated[str | None, typer.Option()] = None
) -> None:
    """The applicant withdrew the dossier."""
    from tthc import dossiers

    _stepped(ctx, "withdraw", dossiers.withdraw(_ctx(ctx), code, at, reason))


@app.command()
def apologize(
    ctx: typer.Context,
    code: str,
    new_date: Annotated[str, typer.Option("--new-date")],
    reason: Annotated[str, typer.Option()],
    at: AtOpt = None,
) -> None:
    """Record the written apology with one new appointment date (never changes timeliness)."""
    from tthc import dossiers
    from tthc.i18n import t

    c = _ctx(ctx)
    d = dossiers.apologize(c, code, new_date, reason, at)
    _stepped(ctx, "apologize", d)
    if d.apology is not None and not d.apology.in_time:
        typer.echo(t(c.lang, "apology_late"), err=True)


@app.command()
def show(
    ctx: typer.Context,
    code: str,
    as_json: JsonOpt = False,
    show_id: Annotated[bool, typer.Option("--show-id", help="Show the full ID number.")] = False,
) -> None:
    """Every fact about a dossier, its due date explained, and its timeline."""
    from tthc import dossiers, render

    c = _ctx(ctx)
    view = dossiers.show(c, code)
    if as_json:
        render.print_json(view.dossier.as_json(show_id=show_id))
    else:
        render.print_dossier(view, c.lang, show_id=show_id)


@app.command()
def history(ctx: typer.Context, code: str, as_json: JsonOpt = False) -> None:
    """The audit trail: what happened, when, when it was recorded, by whom."""
    from tthc import dossiers, render

    c = _ctx(ctx)
    events = dossiers.history(c, code)
    if as_json:
        render.print_json([render.event_json(e) for e in events])
    else:
        render.print_history(events, c.lang)


StatusF = Annotated[StatusOpt | None, typer.Option("--status")]
FieldF = Annotated[str | None, typer.Option("--field")]
ProcedureF = Annotated[str | None, typer.Option("--procedure", help="Code or alias.")]
PointF = Annotated[str | None, typer.Option("--point")]
OfficerF = Annotated[str | None, typer.Option("--officer")]
ChannelF = Annotated[ChannelOpt | None, typer.Option("--channel")]
ReceivedFromF = Annotated[str | None, typer.Option("--received-from")]
ReceivedToF = Annotated[str | None, typer.Option("--received-to")]
DueFromF = Annotated[str | None, typer.Option("--due-from")]
DueToF = Annotated[str | None, typer.Option("--due-to")]
OverdueF = Annotated[bool, typer.Option("--overdue", help="Open dossiers past their deadline.")]
DueWithinF = Annotated[
    int | None, typer.Option("--due-within", help="Open dossiers due within N working days.")
]
SearchF = Annotated[str | None, typer.Option("--search", help="Name, code, phone or ID; diacritics ignored.")]


def _filter(**given: Any) -> Any:
    """The worklist filter from the options `list` and `export` share."""
    from tthc.dossiers import ListFilter

    for key in ("status", "channel"):
        if given.get(key) is not None:
            given[key] = given[key].value
    return ListFilter(**given)


@app.command("list")
def list_(
    ctx: typer.Context,
    status: StatusF = None,
    field: FieldF = None,
    procedure: ProcedureF = None,
    point: PointF = None,
    officer: OfficerF = None,
    channel: ChannelF = None,
    received_from: ReceivedFromF = None,
    received_to: ReceivedToF = None,
    due_from: DueFromF = None,
    due_to: DueToF = None,
    overdue: OverdueF = False,
    due_within: DueWithinF = None,
    search: SearchF = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
    as_json: JsonOpt = False,
) -> None:
    """The worklist, soonest deadline first. No filter: overdue, due today, due within 2 working days, waiting for papers, results to collect."""
    from tthc import render, worklist
    from tthc.render_worklist import print_worklist

    c = _ctx(ctx)
    f = _filter(
        status=status,
        field=field,
        procedure=procedure,
        point=point,
        officer=officer,
        channel=channel,
        received_from=received_from,
        received_to=received_to,
        due_from=due_from,
        due_to=due_to,
        overdue=overdue,
        due_within=due_within,
        search=search,
        limit=limit,
    )
    work = worklist.build(c, f)
    if as_json:
        render.print_json([d.as_json() for d in work.dossiers()])
        return
    print_worklist(work, c.lang)


@app.command()
def edit(
    ctx: typer.Context,
    code: str,
    applicant: Annotated[str | None, typer.Option()] = None,
    phone: Annotated[str | None, typer.Option()] = None,
    address: Annotated[str | None, typer.Option()] = None,
    point: Annotated[str | None, typer.Option()] = None,
    officer: Annotated[str | None, typer.Option()] = None,
    note: Annotated[str | None, typer.Option()] = None,
    id_number: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Correct a dossier's details (audited). The timeline is changed with undo, not here."""
    from tthc import dossiers, render
    from tthc.i18n import t

    c = _ctx(ctx)
    d = dossiers.edit(
        c,
        code,
        {
            "applicant": applicant,
            "phone": phone,
            "address": address,
            "point": point,
            "officer": officer,
            "note": note,
            "id_number": id_number,
        },
    )
    render.echo(t(c.lang, "edited", code=d.code))


@app.command()
def undo(ctx: typer.Context, code: str) -> None:
    """Revert the dossier's latest life-cycle step (audited)."""
    from tthc import dossiers, render
    from tthc.i18n import step_label, t

    c = _ctx(ctx)
    step, d = dossiers.undo(c, code)
    if d is None:
        render.echo(t(c.lang, "receipt_undone", code=code.strip()))
    else:
        render.echo(t(c.lang, "undone", code=d.code, step=step_label(c.lang, step)))


# -- the manager's reports ------------------------------------------------------------------------
class ByOpt(StrEnum):
    field = "field"
    procedure = "procedure"
    channel = "channel"
    point = "point"
    officer = "officer"
    month = "month"


FromOpt = Annotated[str | None, typer.Option("--from", help="First day of the period.")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Last day of the period.")]
MonthOpt = Annotated[str | None, typer.Option("--month", help="A reporting month, YYYY-MM.")]
QuarterOpt = Annotated[str | None, typer.Option("--quarter", help="A quarter, YYYY-Qn.")]
YearOpt = Annotated[str | None, typer.Option("--year", help="A year, YYYY.")]
ExcelVnOpt = Annotated[
    bool,
    typer.Option("--excel-vn", help="CSV for Excel set to Vietnamese: ';' between cells, ',' in decimals."),
]


@app.command()
def summary(
    ctx: typer.Context,
    from_: FromOpt = None,
    to: ToOpt = None,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    year: YearOpt = None,
    by: Annotated[ByOpt | None, typer.Option(help="Break the figures down by this key.")] = None,
    as_json: JsonOpt = False,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the figures to FILE.csv or FILE.xlsx.")
    ] = None,
    chart: Annotated[bool, typer.Option("--chart", help="Draw volume and on-time rate as bars.")] = False,
    svg: Annotated[
        Path | None, typer.Option("--svg", help="Also save it as SVG for printing (light, 120 columns).")
    ] = None,
    html: Annotated[
        Path | None, typer.Option("--html", help="Also save it as HTML for printing (light, 120 columns).")
    ] = None,
    excel_vn: ExcelVnOpt = False,
) -> None:
    """Period summary: received, carried over, resolved early/on time/late, pending, on-time rate."""
    from tthc import render, render_reports, service
    from tthc.i18n import t

    c = _ctx(ctx)
    p = service.period(c, from_=from_, to=to, month=month, quarter=quarter, year=year)
    result = service.summary(c, p, by.value if by else None)
    if as_json:
        render.print_json(result.as_json())
        return
    if out is not None:
        from tthc.interchange import write_table

        headers, rows = render_reports.summary_records(result, c.lang)
        write_table(out, headers, rows, sheet="summary", excel_vn=excel_vn)
        render.echo(t(c.lang, "written", path=out))
        return
    render_reports.print_summary(result, c.lang, c.settings().center_name, chart=chart, svg=svg, html=html)


@app.command()
def report(
    ctx: typer.Context,
    from_: FromOpt = None,
    to: ToOpt = None,
    month: MonthOpt = None,
    quarter: QuarterOpt = None,
    year: YearOpt = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the form to FILE.xlsx (A4 landscape).")
    ] = None,
) -> None:
    """The official form Biểu II.06a (Circular 01/2020/TT-VPCP), by field."""
    from tthc import render, service
    from tthc.i18n import t
    from tthc.report import build_form, print_form, write_form

    c = _ctx(ctx)
    p = service.period(c, from_=from_, to=to, month=month, quarter=quarter, year=year)
    form = build_form(service.summary(c, p, "field"), c.lang, c.settings(), c.now.date())
    if out is not None:
        write_form(form, out)
        render.echo(t(c.lang, "written", path=out))
    else:
        print_form(form)


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Path,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check every row and report; write nothing.")
    ] = False,
) -> None:
    """Load dossiers from .csv/.xlsx (all rows or none); a given due_at is kept."""
    from tthc import render
    from tthc.interchange import import_file
    from tthc.render import import_progress

    c = _ctx(ctx)
    with import_progress() as progress:
        report = import_file(c, file, dry_run=dry_run, progress=progress)
    render.print_import(report, c.lang)


@app.command()
def export(
    ctx: typer.Context,
    file: Path,
    status: StatusF = None,
    field: FieldF = None,
    procedure: ProcedureF = None,
    point: PointF = None,
    officer: OfficerF = None,
    channel: ChannelF = None,
    received_from: ReceivedFromF = None,
    received_to: ReceivedToF = None,
    due_from: DueFromF = None,
    due_to: DueToF = None,
    overdue: OverdueF = False,
    due_within: DueWithinF = None,
    search: SearchF = None,
    excel_vn: ExcelVnOpt = False,
) -> None:
    """Write dossiers to .csv (UTF-8 for Excel), .xlsx or .json, with the filters of `list`."""
    from tthc import render
    from tthc.i18n import t
    from tthc.interchange import export as export_dossiers

    c = _ctx(ctx)
    f = _filter(
        status=status,
        field=field,
        procedure=procedure,
        point=point,
        officer=officer,
        channel=channel,
        received_from=received_from,
        received_to=received_to,
        due_from=due_from,
        due_to=due_to,
        overdue=overdue,
        due_within=due_within,
        search=search,
        limit=None,
    )
    n = export_dossiers(c, file, f, excel_vn=excel_vn)
    render.echo(t(c.lang, "exported", n=n, path=file))


@app.command()
def backup(ctx: typer.Context, dest: Path) -> None:
    """Copy the whole database, consistently, to a new file DEST."""
    from tthc import render, service
    from tthc.i18n import t

    c = _ctx(ctx)
    render.echo(t(c.lang, "backed_up", path=service.backup(c, dest)))


@app.command()
def restore(ctx: typer.Context, src: Path) -> None:
    """Put the backup SRC in place of the database (the current one is kept beside it)."""
    from tthc import render, service
    from tthc.i18n import t

    c = _ctx(ctx)
    kept = service.restore(c, src)
    render.echo(t(c.lang, "restored", src=src, kept=kept))


@app.command()
def demo(
    ctx: typer.Context,
    db: Annotated[
        Path | None, typer.Option("--db", help="Where to build it (default: a file in the temp folder).")
    ] = None,
) -> None:
    """Build a synthetic center (1/7–12/9/2025, two points) and print its summary: 1,964 dossiers, 98.28%."""
    from tthc import demo as demo_module
    from tthc import render, render_reports, service
    from tthc.i18n import t

    c = _ctx(ctx)
    c.use_database(db or demo_module.default_path())
    demo_module.build(c)
    render.echo(t(c.lang, "demo_built", path=c.db_path))
    start, end = demo_module.START.isoformat(), demo_module.END.isoformat()
    p = service.period(c, from_=start, to=end, month=None, quarter=None, year=None)
    result = service.summary(c, p, "field")
    render_reports.print_summary(result, c.lang, c.settings().center_name, chart=False, svg=None, html=None)
    render.echo(t(c.lang, "demo_next", path=c.db_path, period=f"--from {start} --to {end}"))


# -- commands: papers ----------------------------------------------------------------
# (this section's commands go here)


# -- commands: workload and compliance -----------------------------------------------
# (this section's commands go here)


# -- commands: two points ------------------------------------------------------------
# (this section's commands go here)


# -- commands: the web side ----------------------------------------------------------
# (this section's commands go here)


def main() -> None:
    """Console-script entry point: UTF-8 output on every platform, then the app."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    app()
