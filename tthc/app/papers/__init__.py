"""The citizen's papers as plain data: the slips and the dossier log book, in the set of forms
of the circular in force when the dossier was received. Circular 03/2025/TT-VPCP, Appendix I:
01 receipt and appointment, 02 supplement request, 03 refusal, 04 apology asking for more
time, 05 notice that handling stops (a withdrawal, a close), 06 process control sheet, 07 log
book. Before it, Circular 01/2018/TT-VPCP: 01–04 alike, 05 control sheet, 06 log book, and no
notice of a stop.

A paper reads only what the core decided and stored: the due date in force (through
``Dossier`` and ``deadlines.due_in_force``), the supplement rounds with their reasons, the
apology, the timeliness, and the handovers of the audit trail. Nothing is recomputed here and
nothing is drawn: ``tthc.present.paper_text`` prints a slip as text,
``tthc.present.paper_html`` lays it out for A5 printing and ``tthc.present.paper_xlsx``
writes the log book. The records a paper is made of (``Slip``, ``LogBook`` …) are the
core's (``tthc.core.papers``), named here as before.

Every paper is dated by the fact it records (the receipt, the request, the refusal, the
apology), never by the day it is printed, so a reprint is the same paper.

The jobs: ``forms`` (the sets of forms and their numbers), ``slips`` (the slips of one
dossier), ``log_book`` (the book of a period). Callers import from here.
"""

from tthc.app.papers.forms import (
    DOTS,
    DOTS_LINE,
    FORMS,
    FORMS_2018,
    FORMS_2025,
    FORMS_2025_FROM,
    LOOKUP_PATH,
    FormSet,
    form_number,
    form_set,
    lookup_target,
    lookup_url,
    slip_paper,
)
from tthc.app.papers.log_book import log_book
from tthc.app.papers.slips import CLOSED, slip
from tthc.core.papers import LOG_COLUMNS, LOG_DATES, Block, Grid, Line, LogBook, LogRow, Signature, Slip, Text

__all__ = [
    "CLOSED",
    "DOTS",
    "DOTS_LINE",
    "FORMS",
    "FORMS_2018",
    "FORMS_2025",
    "FORMS_2025_FROM",
    "LOG_COLUMNS",
    "LOG_DATES",
    "LOOKUP_PATH",
    "Block",
    "FormSet",
    "Grid",
    "Line",
    "LogBook",
    "LogRow",
    "Signature",
    "Slip",
    "Text",
    "form_number",
    "form_set",
    "log_book",
    "lookup_target",
    "lookup_url",
    "slip",
    "slip_paper",
]
