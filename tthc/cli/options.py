"""The options commands share, each defined once: the period (``--from``, ``--to``,
``--month``, ``--quarter``, ``--year``), the dossier filters of ``list`` and ``export``, the
output (``--json``), and the clerk's options of a step (``--at``, ``--reason``, …).

A group is one parameter of the command's body (``period: PeriodAsked``); :func:`takes` puts
the group's options in its place in the signature Typer reads, and hands the body the one
record built from them. The choices (statuses, channels, outcomes) are the domain's own,
from ``tthc.app.basics``.

Annotations are real objects: Typer reads every command's signature on each run.
"""

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import typer

from tthc.cli.help import H, Words, complete_from

F = TypeVar("F", bound=Callable[..., Any])


class Lang(StrEnum):
    vi = "vi"
    vn = "vn"  # as many people type it
    en = "en"


def _domain(kind: Any) -> Callable[[], tuple[str, ...]]:
    def read() -> tuple[str, ...]:
        from tthc.app.basics import choices

        return choices(kind)

    return read


#: The domain's choices (``tthc.app.basics.choices``), typed as stored or as people say them;
#: read from the life cycle when a command first offers them.
STATUS = Words(_domain("status"))
CHANNEL = Words(_domain("channel"))
OUTCOME = Words(_domain("outcome"))
PAYMENT = Words(_domain("payment"))


def _complete_codes(ctx: typer.Context, incomplete: str) -> list[str]:
    """Dossier codes for the shell's completion, read from the database named on the line."""
    return complete_from(ctx, "dossier", incomplete)


def complete_procedures(ctx: typer.Context, incomplete: str) -> list[str]:
    """Procedure codes and aliases for the shell's completion."""
    return complete_from(ctx, "procedure", incomplete)


# -- single options several commands take -------------------------------------------------
AtOpt = Annotated[str | None, typer.Option("--at", help=H("When it happened (default: now; 'today' is now too). ISO or DD/MM/YYYY [HH:MM]."))]
JsonOpt = Annotated[bool, typer.Option("--json", help=H("Print JSON."))]
CodeArg = Annotated[str, typer.Argument(metavar="CODE", help=H("The dossier code (any case; the short form YYMMDD-NNNN when unique)."), autocompletion=_complete_codes)]
ReasonOpt = Annotated[str | None, typer.Option("--reason", help=H("Why (kept in the audit trail)."))]
NeededReasonOpt = Annotated[str, typer.Option("--reason", help=H("Why (kept in the audit trail)."))]
NoteOpt = Annotated[str | None, typer.Option("--note", help=H("A note."))]
CorrectOpt = Annotated[bool, typer.Option("--correct-time", help=H("Knowingly change a timeline: date a step before the one it replaces, or touch a period already reported (needs --reason)."))]
LateOpt = Annotated[bool, typer.Option("--late-entry", help=H("Confirm a late entry: a moment more than 5 working days back, or a counter receipt on a day off."))]
EResultOpt = Annotated[bool | None, typer.Option("--e-result/--paper-result", help=H("The result is issued electronically (default: the procedure's catalog entry)."))]
FeeOpt = Annotated[str | None, typer.Option("--fee", help=H("Fee or charge of this dossier in đồng (default: the procedure's fee)."))]
PaidOptT = Annotated[str | None, typer.Option("--paid", help=H("How the fee was paid: cash, online or exempt (default: cash where there is a fee)."), click_type=PAYMENT)]
DigitisedOpt = Annotated[bool | None, typer.Option("--digitised/--not-digitised", help=H("The dossier was digitised at receipt (default: yes for online dossiers)."))]
ReusedOpt = Annotated[bool | None, typer.Option("--data-reused/--no-data-reused", help=H("Data already held was reused instead of asking for papers."))]
FieldF = Annotated[str | None, typer.Option("--field", help=H("Only this field (lĩnh vực)."))]
ProcedureF = Annotated[str | None, typer.Option("--procedure", help=H("Code, alias or full name (diacritics optional)."))]
ExcelVnOpt = Annotated[bool, typer.Option("--excel-vn", help=H("CSV for Excel set to Vietnamese: ';' between cells, ',' in decimals."))]
ProcedureCodeArg = Annotated[
    str, typer.Argument(metavar="CODE", help=H("National procedure code, e.g. 1.001193."), autocompletion=complete_procedures)
]


# -- groups of options, taken as one parameter -----------------------------------------------
def _option(name: str, annotation: Any, default: Any = None) -> inspect.Parameter:
    return inspect.Parameter(
        name, inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=annotation, default=default
    )


@dataclass(frozen=True)
class Group:
    """Options several commands share: where the body names them (``name``), the options
    themselves, and how the one record the body receives is built from their values."""

    name: str
    options: tuple[inspect.Parameter, ...]
    build: Callable[..., Any]


def takes(*groups: Group) -> Callable[[F], F]:
    """The command ``func`` with each group's options where its parameter stands, and that
    parameter given the group's record."""

    def wrap(func: F) -> F:
        signature = inspect.signature(func)
        params: list[inspect.Parameter] = []
        for param in signature.parameters.values():
            group = next((g for g in groups if g.name == param.name), None)
            params.extend(group.options if group is not None else (param,))

        @functools.wraps(func)
        def command(**given: Any) -> Any:
            for group in groups:
                given[group.name] = group.build(**{o.name: given.pop(o.name) for o in group.options})
            return func(**given)

        command.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            params, return_annotation=None, __validate_parameters__=False
        )
        command.__annotations__ = {p.name: p.annotation for p in params} | {"return": None}
        return command  # type: ignore[return-value]

    return wrap


def _period(**given: str | None) -> Any:
    from tthc.app.screens import PeriodAsked

    return PeriodAsked(**given)


#: ``--from/--to``, ``--month``, ``--quarter``, ``--year``: which days a report covers.
PERIOD = Group(
    "period",
    (
        _option("from_", Annotated[str | None, typer.Option("--from", help=H("First day of the period."))]),
        _option("to", Annotated[str | None, typer.Option("--to", help=H("Last day of the period."))]),
        _option("month", Annotated[str | None, typer.Option("--month", help=H("A reporting month: 2025-09, 9/2025 or 09/2025."))]),
        _option("quarter", Annotated[str | None, typer.Option("--quarter", help=H("A quarter: 2025-Q3, Q3/2025 or 3/2025."))]),
        _option("year", Annotated[str | None, typer.Option("--year", help=H("A year, YYYY."))]),
    ),
    _period,
)


def _filters(**given: Any) -> Any:
    from tthc.app.screens import ListFilter

    return ListFilter(**given)


#: The filters of the worklist and of an export.
FILTERS = Group(
    "filters",
    (
        _option(
            "status", Annotated[str | None, typer.Option("--status", help=H("Only dossiers in this status."), click_type=STATUS)]
        ),
        _option("field", FieldF),
        _option("procedure", ProcedureF),
        _option("point", Annotated[str | None, typer.Option("--point", help=H("Only this reception point."))]),
        _option("officer", Annotated[str | None, typer.Option("--officer", help=H("Only this officer."))]),
        _option(
            "channel",
            Annotated[str | None, typer.Option("--channel", help=H("Only this channel."), click_type=CHANNEL)],
        ),
        _option(
            "received_from",
            Annotated[str | None, typer.Option("--received-from", help=H("Received on or after this day."))],
        ),
        _option(
            "received_to", Annotated[str | None, typer.Option("--received-to", help=H("Received on or before this day."))]
        ),
        _option("due_from", Annotated[str | None, typer.Option("--due-from", help=H("Due on or after this day."))]),
        _option("due_to", Annotated[str | None, typer.Option("--due-to", help=H("Due on or before this day."))]),
        _option("overdue", Annotated[bool, typer.Option("--overdue", help=H("Open dossiers past their deadline."))], False),
        _option("due_within", Annotated[int | None, typer.Option("--due-within", help=H("Open dossiers due within N working days."))]),
        _option("search", Annotated[str | None, typer.Option("--search", help=H("Name, code, phone or ID; diacritics ignored."))]),
    ),
    _filters,
)
