"""The manager's screens: the period summary in the first shape that fits the screen, the
chart, the same laid out for printing (SVG or HTML: light background, local fonts only), and
the summary's rows for CSV and Excel.

The summary's shapes, widest first: every figure with full headers; short headers with a
legend; the channel split folded into the received column and listed under the table; one
block of ``label value`` lines per group. A figure is never cut or dropped in any of them.
"""

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tthc.core.figures import FIGURES
from tthc.locale.i18n import fmt_month, fmt_rate, label, t
from tthc.locale.marks import N_, P_
from tthc.locale.words import COLUMN_WORDS, SUMMARY_HEAD_WORDS, SUMMARY_LONG_WORDS, SUMMARY_SHORT_WORDS
from tthc.present.backends import Rich
from tthc.present.chart import bar
from tthc.present.table import Field, Table
from tthc.present.terminal import Screen, echo, fmt_moment, screen, text_width

if TYPE_CHECKING:
    from rich.table import Table as RichTable
    from rich.terminal_theme import TerminalTheme

    from tthc.app.province import Rollup
    from tthc.core.figures import Figures, Summary

#: SVG and HTML are laid out this wide whatever the terminal: an A4 page across, readable.
PRINT_WIDTH = 120
#: Every count of a summary, in the order of FIGURES; the rate is shown with its fraction.
COUNTS = tuple(name for name in FIGURES if name != "on_time_rate")
CHANNEL_SPLIT = ("received_direct", "received_online", "received_postal")


def group_label(lang: str, summary: "Summary", key: str | None) -> str:
    """A group as a person names it: a channel in words, a month as ``tháng 7/2025``, a
    procedure by its code and name."""
    if key is None:
        return t(lang, "(none)")
    if summary.by == "channel":
        return label(lang, key)
    if summary.by == "month":
        return fmt_month(lang, key)
    if summary.by == "procedure" and summary.names.get(key):
        return f"{key} {summary.names[key]}"
    return key


def _rows(summary: "Summary", lang: str) -> list[tuple[str, "Figures"]]:
    groups = [(group_label(lang, summary, key), fig) for key, fig in summary.groups] if summary.by else []
    return [*groups, (t(lang, "Total"), summary.total)]


def _count(fig: "Figures", name: str) -> str:
    return str(int(fig.value(name) or 0))


def _rate(lang: str, fig: "Figures") -> str:
    return f"{fmt_rate(lang, fig.rate)} ({fig.early + fig.on_time}/{fig.resolved})"


def _table(
    summary: "Summary", lang: str, limit: int | None, *, short: bool, folded: bool, wrap_rate: bool = False
) -> "RichTable | None":
    names = [n for n in COUNTS if not (folded and n in CHANNEL_SPLIT)]
    heads = SUMMARY_SHORT_WORDS if short else SUMMARY_HEAD_WORDS
    first = t(lang, N_("Month") if summary.by == "month" else N_("Group"))
    fields = [
        Field(first, wrap=True),
        *(Field(t(lang, heads[n]), align="right") for n in names),
        Field(t(lang, heads["rate"]), align="right", wrap=wrap_rate),
    ]
    cells = [[name, *(_count(fig, n) for n in names), _rate(lang, fig)] for name, fig in _rows(summary, lang)]
    return Rich(limit).fit(Table(fields, cells, totals=1))


def _legend(lang: str, names: list[str]) -> str:
    items = [t(lang, "{short} = {long}", short=t(lang, SUMMARY_SHORT_WORDS[n]), long=t(lang, SUMMARY_LONG_WORDS[n])) for n in names]
    return t(lang, "Columns: {items}", items=" · ".join(items))


def _blocks(summary: "Summary", lang: str, limit: int | None) -> list[Any]:
    """One block per group: its name, then ``label value`` pairs in as many columns as fit."""
    from rich.text import Text

    out: list[Any] = []
    for name, fig in _rows(summary, lang):
        pairs = [(t(lang, SUMMARY_LONG_WORDS[n]), _count(fig, n)) for n in COUNTS] + [
            (t(lang, "Rate (on time/resolved)"), _rate(lang, fig))
        ]
        clusters = [pairs[0:5], pairs[5:10], pairs[10:]]  # received, resolved, pending and the rate
        out += [Text(name, style="bold"), Rich(limit).pairs(clusters)]
    return out


def summary_body(summary: "Summary", lang: str, limit: int | None) -> list[Any]:
    """The summary's figures in the first shape that fits ``limit`` columns."""
    from rich.text import Text

    full = _table(summary, lang, limit, short=False, folded=False)
    if full is not None:
        return [full]
    for wrap_rate in (False, True):  # the rate's fraction goes under it only if it must
        short = _table(summary, lang, limit, short=True, folded=False, wrap_rate=wrap_rate)
        if short is not None:
            return [short, Text(_legend(lang, [*COUNTS, "rate"]))]
    for wrap_rate in (False, True):
        folded = _table(summary, lang, limit, short=True, folded=True, wrap_rate=wrap_rate)
        if folded is not None:
            split = [t(lang, "Received by channel (direct / online / postal):")] + [
                f"  {name}: " + " / ".join(_count(fig, n) for n in CHANNEL_SPLIT)
                for name, fig in _rows(summary, lang)
            ]
            legend = _legend(lang, [n for n in COUNTS if n not in CHANNEL_SPLIT] + ["rate"])
            return [folded, Text(legend), *(Text(line) for line in split)]
    return _blocks(summary, lang, limit)


def draw_summary(out: Screen, summary: "Summary", lang: str, center: str, *, chart: bool) -> None:
    from rich.text import Text

    start, end = (d.strftime("%d/%m/%Y") for d in (summary.period.start, summary.period.end))
    out.print(Text(t(lang, "{center} — {start} to {end}", center=center, start=start, end=end), style="bold"))
    for part in summary_body(summary, lang, out.limit):
        out.print(part)
    out.line(t(lang, "pending counted at {at}", at=fmt_moment(lang, summary.snapshot)), "dim")
    total = summary.total
    good = total.early + total.on_time
    out.line(
        t(
            lang,
            "Returned early or on time: {rate} ({good} of {resolved} resolved)",
            rate=fmt_rate(lang, total.rate),
            good=good,
            resolved=total.resolved,
        )
    )
    if summary.corrections:
        start_iso, end_iso = summary.period.start.isoformat(), summary.period.end.isoformat()
        out.line(t(lang, "{n} changed timeline(s) in this period; to see them:", n=summary.corrections))
        out.print(f"  tthc corrections --from {start_iso} --to {end_iso}")  # a command, on a line of its own
    if chart:
        out.print("")
        for part in month_chart(summary, lang, out.limit):
            out.print(part)


def print_summary(
    summary: "Summary", lang: str, center: str, *, chart: bool, svg: Path | None, html: Path | None
) -> None:
    """The summary on screen; with ``svg``/``html``, also laid out for printing, apart from
    the terminal's width."""
    draw_summary(screen(), summary, lang, center, chart=chart)
    if svg is None and html is None:
        return
    from tthc.storage import files

    paper = print_screen()
    draw_summary(paper, summary, lang, center, chart=chart)
    if svg is not None:
        title = f"{center} — {summary.period.start:%d/%m/%Y}–{summary.period.end:%d/%m/%Y}"
        files.write_text(svg, printable_svg(paper, title))
        echo(t(lang, "Written {path}", path=svg))
    if html is not None:
        files.write_text(html, printable_html(paper))
        echo(t(lang, "Written {path}", path=html))


# -- the chart ---------------------------------------------------------------------------------
def month_chart(summary: "Summary", lang: str, limit: int | None) -> list[Any]:
    """Bars of volume (received, █) and of the on-time rate (▒) per group, each figure to the
    right of its bar, so a black-and-white printout still tells them apart."""
    from rich.text import Text

    groups = _rows(summary, lang)[:-1] or _rows(summary, lang)
    most = max(fig.received for _, fig in groups) or 1
    rates = [fmt_rate(lang, fig.rate) for _, fig in groups]
    first = t(lang, N_("Month") if summary.by == "month" else N_("Group"))
    fixed = max(text_width(n) for n, _ in groups) + len(str(most)) + max(map(len, rates)) + 6
    room = 50 if limit is None else limit - fixed
    volume_max = max(4, min(30, room * 3 // 5))
    rate_max = max(4, min(20, room - volume_max))
    rows: list[list[Any]] = []
    for (name, fig), rate in zip(groups, rates, strict=True):
        share = 0 if fig.rate is None else float(fig.rate) / 100
        rows.append(
            [
                name,
                bar(fig.received, most, volume_max, "█", "cyan", str(fig.received)),
                bar(share, 1, rate_max, "▒", "green" if share >= 0.95 else "yellow", rate),
            ]
        )
    chart = Table([Field(first, wrap=True), Field(t(lang, "Received")), Field(t(lang, "On time"))], rows)
    table = Rich(limit).fit(chart, boxed=False) or Rich(None).fit(chart, boxed=False)
    title = t(
        lang,
        N_("Dossiers received and on-time rate by month")
        if summary.by == "month"
        else N_("Dossiers received and on-time rate"),
    )
    return [
        Text(title, style="bold"),
        table,
        Text(t(lang, "█ dossiers received · ▒ returned early or on time, % of resolved"), style="dim"),
    ]


# -- printing: SVG and HTML ---------------------------------------------------------------------
def print_screen() -> Screen:
    """A screen that records, at the printing width, with colours for the light theme."""
    from rich.console import Console

    from tthc.present.fitted import _NOWHERE

    paper = Console(
        width=PRINT_WIDTH,
        record=True,
        file=_NOWHERE,
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        soft_wrap=False,
        markup=False,
        emoji=False,
    )
    return Screen(paper, PRINT_WIDTH)


def light_theme() -> "TerminalTheme":
    """Black on white, colours dark enough to read on paper."""
    from rich.terminal_theme import TerminalTheme

    dark = [(0, 0, 0), (170, 0, 0), (0, 110, 0), (130, 90, 0), (0, 60, 160), (120, 0, 120), (0, 100, 130)]
    return TerminalTheme((255, 255, 255), (0, 0, 0), [*dark, (90, 90, 90)], [*dark, (60, 60, 60)])


#: The printing font: a monospace font for the grid, and for Vietnam's precomposed letters
#: (U+1EA0–1EF9: ả ấ ầ ễ ồ ổ ỷ …) a font that has them whole. DejaVu Sans Mono, the monospace
#: font of most Linux machines (Menlo on a Mac is drawn from it), lacks ấ ầ ẩ ẫ ế ề ể ễ ố ồ ổ ỗ
#: and a few more: Chromium then draws the base letter and the combining mark from it apart,
#: and the second mark lands beside the letter ("Trê˜" for "Trễ", "hô`sơ" for "hồ sơ"). Each
#: range lists local fonts only, first found wins, nothing is fetched: Consolas and Courier
#: New (Windows, Mac) have every Vietnamese letter and serve both ranges; elsewhere the
#: letters come from DejaVu Sans, as wide as a monospace cell to a few hundredths of an em
#: (its condensed bold for bold, whose regular bold is wider), so the columns stay in line.
PRINT_FONT = "TTHC Mono"
_VIETNAMESE = "U+1EA0-1EF9"
_REST = "U+0-1E9F, U+1EFA-10FFFF"
_FACES = (
    (400, _REST, ("Consolas", "Menlo-Regular", "DejaVu Sans Mono", "DejaVuSansMono", "Courier New")),
    (400, _VIETNAMESE, ("Consolas", "Courier New", "Noto Sans Mono", "DejaVu Sans", "DejaVuSans", "Arial")),
    (
        700,
        _REST,
        ("Consolas Bold", "Menlo-Bold", "DejaVu Sans Mono Bold", "DejaVuSansMono-Bold", "Courier New Bold"),
    ),
    (
        700,
        _VIETNAMESE,
        (
            "Consolas Bold",
            "Courier New Bold",
            "Noto Sans Mono Bold",
            "DejaVu Sans Condensed Bold",
            "DejaVuSansCondensed-Bold",
            "Arial Bold",
        ),
    ),
)
FONT_FACES = "\n".join(
    f'@font-face {{ font-family: "{PRINT_FONT}"; font-weight: {weight}; unicode-range: {chars};'
    f" src: {', '.join(f'local({name!r})' for name in names)}; }}"
    for weight, chars, names in _FACES
)
#: Fonts found on the machine that opens the file: nothing is fetched from the network.
LOCAL_FONTS = f"'{PRINT_FONT}', monospace"


def _braced(css: str) -> str:
    """CSS inside one of rich's ``str.format`` templates."""
    return css.replace("{", "{{").replace("}", "}}")


def svg_format() -> str:
    """rich's SVG template without its web fonts, its link and its window frame, on white,
    in the printing font."""
    from rich.console import CONSOLE_SVG_FORMAT  # type: ignore[attr-defined]

    fmt = re.sub(r"@font-face \{\{.*?\}\}\s*", "", CONSOLE_SVG_FORMAT, flags=re.S)
    fmt = re.sub(r"<!--.*?-->\s*", "", fmt, flags=re.S)
    fmt = fmt.replace("<style>", "<style>\n" + _braced(FONT_FACES), 1)
    fmt = fmt.replace("font-family: Fira Code, monospace", f"font-family: {LOCAL_FONTS}")
    return fmt.replace("{chrome}", '<rect fill="#ffffff" x="0" y="0" width="{width}" height="{height}"/>')


def html_format() -> str:
    """rich's HTML template in the printing font."""
    from rich.console import CONSOLE_HTML_FORMAT  # type: ignore[attr-defined]

    fmt = CONSOLE_HTML_FORMAT.replace("<style>", "<style>\n" + _braced(FONT_FACES), 1)
    fmt = re.sub(r'<pre style="font-family:[^"]*">', f'<pre style="font-family:{LOCAL_FONTS}">', fmt)
    return fmt


def nfc(text: str) -> str:
    """Every letter composed: a name typed with combining marks (a Vietnamese keyboard's
    "Unicode tổ hợp") would otherwise be drawn mark by mark."""
    return unicodedata.normalize("NFC", text)


def printable_svg(paper: Screen, title: str) -> str:
    return nfc(
        paper.console.export_svg(title=title, theme=light_theme(), clear=False, code_format=svg_format())
    )


def printable_html(paper: Screen) -> str:
    return nfc(paper.console.export_html(theme=light_theme(), clear=False, code_format=html_format()))


# -- the summary as a file ----------------------------------------------------------------------
def summary_records(summary: "Summary", lang: str) -> tuple[list[str], list[list[Any]]]:
    """Flat rows (one per group and a total) for CSV and Excel: in English named as in the
    JSON, keys as stored; in Vietnamese with Vietnamese headers and groups named in words."""
    first = t(lang, P_("file column, month", "key") if summary.by == "month" else N_("key"))
    headers = [first, *(t(lang, COLUMN_WORDS[name]) for name in FIGURES)]
    rows: list[list[Any]] = []
    named = [
        (group_label(lang, summary, key) if lang == "vi" else key or "", fig)
        for key, fig in (summary.groups if summary.by else [])
    ]
    for name, fig in [*named, (t(lang, "TOTAL"), summary.total)]:
        rows.append([name, *(int(fig.value(n) or 0) for n in COUNTS), fig.rate])
    return headers, rows


# -- a province's roll-up -----------------------------------------------------------------------
def _named(result: "Rollup") -> "Summary":
    """The roll-up as a summary whose groups people read: centers by name and unit code."""
    from dataclasses import replace

    s = result.summary
    if s.by != "center":
        return s
    return replace(s, groups=[(f"{result.centers[k or '']} ({k})", fig) for k, fig in s.groups])


def print_rollup(result: "Rollup", lang: str) -> None:
    """The province's II.06a on screen: a row per center, best on-time rate first, and the total."""
    title = t(lang, "Province roll-up of {n} centers", n=len(result.centers))
    print_summary(_named(result), lang, title, chart=False, svg=None, html=None)


def rollup_sheets(result: "Rollup", lang: str) -> list[tuple[str, list[str], list[list[Any]]]]:
    """The province's workbook: the total sheet, a row per group; then a sheet per center with
    its figures by field, named by its unit code first (Excel keeps 31 characters of a sheet's
    name: a long center name is cut there, the code that tells centers apart never is)."""
    sheets = [(t(lang, "Province"), *summary_records(_named(result), lang))]
    used = {sheets[0][0]}
    for unit, own in result.by_center.items():
        name = _sheet_name(f"{unit} {result.centers[unit]}", used)
        used.add(name)
        sheets.append((name, *summary_records(own, lang)))
    return sheets


def _sheet_name(wanted: str, used: set[str]) -> str:
    """Excel's rules for a sheet name: at most 31 characters, none of []:*?/\\, unique."""
    base = re.sub(r"[\[\]:*?/\\]", " ", wanted).strip()[:31] or "-"
    name, n = base, 1
    while name in used:
        n += 1
        name = f"{base[: 31 - len(str(n)) - 1]}~{n}"
    return name
