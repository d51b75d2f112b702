"""The scorecard as people read it: rows of typed cells for the terminal and for .xlsx/.csv
(through the one table writer), and the lines that set the two on-time rates side by side."""

from decimal import Decimal
from typing import Any

from tthc.core.indicators import INDICATOR_FORMULA_WORDS, INDICATOR_NAME_WORDS, Card, Line, Scorecard
from tthc.core.scorecard import REASONS
from tthc.locale.i18n import fmt_day, fmt_limit, fmt_rate, t
from tthc.locale.marks import N_, P_
from tthc.locale.words import COLUMN_WORDS

HEAD_WORDS = (
    P_("indicator column heading", "No."),
    N_("Indicator"),
    N_("Numerator"),
    N_("Denominator"),
    N_("Rate"),
    N_("Threshold"),
    N_("Points"),
    N_("Max"),
    N_("Formula"),
)

#: Why the two on-time rates differ, by the reason's name in tthc.core.scorecard.REASONS.
REASON_WORDS = {
    "open": N_("{n} still handled at the period's end: 2.1 counts them (in time unless overdue), the II.06a does not"),
    "waiting": N_("{n} waiting for papers: 2.1 judges them at the request, the II.06a does not count them"),
    "ended_otherwise": N_("{n} withdrawn or stopped: 2.1 counts them as finished, the II.06a leaves them out"),
    "requests": N_("{n} with more than one supplement request: late under 2.1"),
    "supplement_time": N_("{n} judged otherwise because 2.1 subtracts the papers' time from the first appointment instead of counting the limit again"),
}


def _num(lang: str, value: Decimal | float | None) -> str:
    """Points as people read them: ``9,66`` in Vietnamese, ``9.66`` in English; ``—`` for none."""
    if value is None:
        return "—"
    if isinstance(value, float):
        value = Decimal(str(value))
    text = f"{value:.2f}".rstrip("0").rstrip(".") if value != value.to_integral() else f"{int(value)}"
    return text.replace(".", ",") if lang == "vi" else text


def line_row(line: Line, lang: str) -> list[Any]:
    """One indicator as a row; one out of the center's reach says so instead of figures."""
    ind = line.indicator
    name = t(lang, INDICATOR_NAME_WORDS[ind.id])
    if not ind.computable:
        return [
            ind.id,
            name,
            None,
            None,
            None,
            None,
            None,
            float(ind.max_points),
            t(lang, "not from this center's records"),
        ]
    threshold = None if ind.threshold is None else fmt_rate(lang, ind.threshold)
    if threshold is not None and not ind.threshold_transcribed:
        threshold += " " + t(lang, "(assumed)")
    return [
        ind.id,
        name,
        line.numerator,
        line.denominator,
        fmt_rate(lang, line.rate),
        threshold,
        None if line.points is None else float(line.points),
        float(ind.max_points),
        t(lang, INDICATOR_FORMULA_WORDS[ind.id]),
    ]


def records(card: Card, lang: str) -> tuple[list[str], list[list[Any]]]:
    return [t(lang, h) for h in HEAD_WORDS], [line_row(ln, lang) for ln in card.lines.values()]


def file_records(s: Scorecard, lang: str) -> tuple[list[str], list[list[Any]]]:
    """Rows for a file: the total first, then each group's, with the group in the first column."""
    heads, _ = records(s.total, lang)
    rows = [["", *r] for r in records(s.total, lang)[1]]
    for key, card in s.groups:
        rows += [[key or "", *r] for r in records(card, lang)[1]]
    return [t(lang, "Group"), *heads], rows


def rate_lines(card: Card, lang: str) -> list[str]:
    """The two on-time rates side by side, and the dossiers behind their difference."""
    o = card.on_time
    gap = "—" if o.gap is None else _num(lang, o.gap)
    out = [
        t(
            lang,
            "On time: II.06a {ii06a} ({a} of {b} resolved) · indicator 2.1 {r766} ({c} of {d} handled) · difference {gap} percentage points",
            ii06a=fmt_rate(lang, o.ii06a_rate),
            a=o.resolved_in_time,
            b=o.resolved,
            r766=fmt_rate(lang, o.rate_766),
            c=o.handled_in_time,
            d=o.handled,
            gap=gap,
        )
    ]
    out += ["  " + t(lang, REASON_WORDS[r], n=o.reasons[r]) for r in REASONS if o.reasons[r]]
    return out


#: The figures' columns, right-aligned on screen: numerator, denominator, rate, points, most.
_FIGURES = (2, 3, 4, 6, 7)


def _cells(rows: list[list[Any]], lang: str) -> list[list[str]]:
    return [
        [("" if v is None else _num(lang, Decimal(str(v))) if isinstance(v, float) else str(v)) for v in r]
        for r in rows
    ]


def table_lines(heads: list[str], cells: list[list[str]], limit: int | None) -> list[str]:
    """The indicators in the first shape that fits ``limit`` columns: a table with the
    formulas in a column of their own; the table with each formula on the lines under its
    indicator; one record per indicator. A figure is never cut in any of them."""
    from tthc.present.table import Field, Plain, Table

    last = len(heads) - 1
    fields = [
        Field(h, wrap=i in (1, 5), align="right" if i in _FIGURES else "left", under=1 if i == last else 0)
        for i, h in enumerate(heads)
    ]
    return Plain(limit).lines(Table(fields, cells, lead=2))


def card_lines(card: Card, lang: str, limit: int | None = None) -> list[str]:
    from tthc.present.terminal import wrap_line

    heads, rows = records(card, lang)
    out = table_lines(heads, _cells(rows, lang), limit)
    most = sum((ln.indicator.max_points for ln in card.lines.values() if ln.indicator.computable), Decimal(0))
    out += wrap_line(
        t(
            lang,
            "Points from this center's records: {points} of {most}",
            points=_num(lang, card.total_points),
            most=_num(lang, most),
        ),
        limit,
    )
    for line in rate_lines(card, lang):
        out += wrap_line(line.strip(), limit, indent=line[: len(line) - len(line.lstrip())])
    for item in card.lines["2.2"].detail:
        line = t(
            lang,
            "  2.2 {procedure}: {n} dossiers, average {average} against {limit}: {verdict}",
            procedure=item["procedure"],
            n=item["dossiers"],
            average=_num(lang, Decimal(str(item["average"]))),
            limit=fmt_limit(lang, item["limit"]),
            verdict=t(lang, N_("within the limit") if item["within"] else N_("over the limit")),
        )
        out += wrap_line(line.strip(), limit, indent="  ")
    return out


def text(s: Scorecard, lang: str, limit: int | None = None) -> str:
    """The scorecard as a person reads it, laid out for ``limit`` columns (None: no limit)."""
    from tthc.present.terminal import wrap_line

    title = t(
        lang,
        "Scorecard (Decision 766) {start} – {end}",
        start=fmt_day(lang, s.period.start),
        end=fmt_day(lang, s.period.end),
    )
    out = [*wrap_line(title, limit), ""]
    out += card_lines(s.total, lang, limit)
    for key, card in s.groups:
        by = t(lang, COLUMN_WORDS[s.by]) if s.by in COLUMN_WORDS else s.by  # "Lĩnh vực", not "field"
        out += ["", *wrap_line(t(lang, "{by}: {key}", by=by, key=key or "—"), limit)]
        out += card_lines(card, lang, limit)
    return "\n".join(out)


#: Points and figures of the scorecard in the reader's language, for the web's dashboard too.
points_text = _num
