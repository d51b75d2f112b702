"""Everything a person reads, by one name: the screens of every command, gathered from the
modules of :mod:`tthc.present` that draw them, so that a command says ``render.print_dossier``
without knowing where the dossier's screen is laid out.

Where each lives: :mod:`~tthc.present.terminal` (the screen's width, lines of words),
:mod:`~tthc.present.table` (the one table model, printed plain), :mod:`~tthc.present.backends`
(its other backends), :mod:`~tthc.present.layout` and :mod:`~tthc.present.fitted` (fitting a
table to the screen), :mod:`~tthc.present.center` (set-up, settings, calendar,
catalog), :mod:`~tthc.present.dossiers` (a dossier, its history), :mod:`~tthc.present.paper_text`
(a paper as text), :mod:`~tthc.present.compliance` (workload and late),
:mod:`~tthc.present.exchange` (import, merge, export); the summaries and the chart in
:mod:`~tthc.present.render_reports`, the worklist in :mod:`~tthc.present.render_worklist`.
"""

from tthc.present.center import (
    calendar_json,
    names_json,
    print_calendar,
    print_calendar_check,
    print_init,
    print_names,
    print_procedures,
    print_settings,
    setting_value,
)
from tthc.present.compliance import late_records, print_late, print_workload, workload_lines, workload_records
from tthc.present.dossiers import (
    URGENCY_STYLE,
    event_json,
    print_corrections,
    print_dossier,
    print_history,
    print_quote,
    print_received,
    print_step,
    print_undo_plan,
)
from tthc.present.exchange import import_progress, print_full_export, print_import, print_merge
from tthc.present.paper_text import print_slip
from tthc.present.terminal import echo, output_width, print_json, say, text_width

__all__ = [
    "URGENCY_STYLE",
    "calendar_json",
    "echo",
    "event_json",
    "import_progress",
    "late_records",
    "names_json",
    "output_width",
    "print_calendar",
    "print_calendar_check",
    "print_corrections",
    "print_dossier",
    "print_full_export",
    "print_history",
    "print_import",
    "print_init",
    "print_json",
    "print_late",
    "print_merge",
    "print_names",
    "print_procedures",
    "print_quote",
    "print_received",
    "print_settings",
    "print_slip",
    "print_step",
    "print_undo_plan",
    "print_workload",
    "say",
    "setting_value",
    "text_width",
    "workload_lines",
    "workload_records",
]
