"""The one door to the database: :class:`Store`, assembled from one part per job, and the
names callers import from here.

The parts live beside it in ``tthc.storage``: ``connection`` (opening, checking, transactions),
``records`` and ``columns`` (rows into records and back), ``audit``, ``registers``,
``dossier_rows``, ``filters``, ``lookups``, ``reports`` and ``report_scorecard``, ``codebook``,
``copies`` and ``bulk``. The records only some commands build are imported from their own
modules, so a clerk's look-up does not build them: a list's query (``query.DossierQuery``),
what a clerk types about a new dossier (``details.Details``), the web side's keys
(``keys.DossierKeys``), a dossier exactly as stored for a merge (``stored.StoredDossier``).
No other layer writes SQL or holds a connection.
"""

from tthc.core.codes import CodeMinter as CodeMinter  # the rule, given the store as its book
from tthc.storage.audit import AuditTrail
from tthc.storage.bulk import REBUILD_AFTER_ROWS as REBUILD_AFTER_ROWS
from tthc.storage.bulk import BulkLoader as BulkLoader
from tthc.storage.bulk import BulkLoading
from tthc.storage.bulk import Stage as Stage
from tthc.storage.codebook import CodeBook
from tthc.storage.columns import COPY_COLUMNS as COPY_COLUMNS
from tthc.storage.columns import COPY_DEFAULTS as COPY_DEFAULTS
from tthc.storage.columns import COPY_KEYS as COPY_KEYS
from tthc.storage.columns import INSERT_DOSSIER as INSERT_DOSSIER
from tthc.storage.columns import LIFE_COLUMNS as LIFE_COLUMNS
from tthc.storage.connection import Connection
from tthc.storage.connection import RatingWriter as RatingWriter
from tthc.storage.copies import Copies
from tthc.storage.copies import restore_into as restore_into
from tthc.storage.dossier_rows import DossierRows
from tthc.storage.filters import Finding
from tthc.storage.lookups import Lookups
from tthc.storage.records import OPEN_SQL as OPEN_SQL
from tthc.storage.records import life_values as life_values
from tthc.storage.records import new_dossier_values as new_dossier_values
from tthc.storage.records import round_values as round_values
from tthc.storage.registers import Registers
from tthc.storage.report_scorecard import ScorecardReads
from tthc.storage.reports import Reports


class Store(
    Copies,
    AuditTrail,
    Registers,
    DossierRows,
    Finding,
    Lookups,
    Reports,
    ScorecardReads,
    CodeBook,
    BulkLoading,
    Connection,
):
    """An open tthc database."""
