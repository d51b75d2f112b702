"""Which database and which language a command works with, chosen in one order wherever it is
chosen (the command itself, its help page and usage errors, shell completion, the web server):

- the database: ``--db``, else ``TTHC_DB``, else ``tthc.db`` in this PC's tthc folder;
- the language: ``--lang``, else ``TTHC_LANG``, else the center's setting, else English.
"""

import os
from collections.abc import Callable
from pathlib import Path

from tthc.locale.i18n import LANG_WORDS

DB_ENV = "TTHC_DB"
LANG_ENV = "TTHC_LANG"
#: The language when nobody chose one and no center says.
FALLBACK_LANG = "en"


def normalise_lang(value: str | None) -> str | None:
    """vi, vn (as people type it) → vi; en → en; anything else → None."""
    return LANG_WORDS.get((value or "").strip().lower())


def db_path(given: str | Path | None, default: Callable[[], Path]) -> Path:
    """``--db`` (``given``), else ``TTHC_DB``, else ``default()`` (this PC's database)."""
    if given:
        return Path(given)
    env = os.environ.get(DB_ENV)
    return Path(env) if env else default()


def lang_asked(given: str | None) -> str | None:
    """The language the person asked for: ``--lang`` (``given``), else ``TTHC_LANG``; None
    when neither names one."""
    return normalise_lang(given) or normalise_lang(os.environ.get(LANG_ENV))


def chosen_lang(asked: str | None, center: Callable[[], str | None]) -> str:
    """The language asked for (:func:`lang_asked`), else the center's setting (``center()``,
    read only when needed), else English."""
    return asked or normalise_lang(center()) or FALLBACK_LANG
