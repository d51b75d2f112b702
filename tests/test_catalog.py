"""The Vietnamese catalog (tthc/locale/vi/LC_MESSAGES/tthc.po) against the code, checked with
Babel the way a translator's tools read it: every message the code marks is in it, every entry
is used, none is fuzzy or empty, a message built at run time is one extraction sees, and the
compiled tthc.mo says what the .po says."""

from __future__ import annotations

import ast
import functools
import gettext
import io
import re
import string
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tthc.locale.i18n import LOCALE_DIR, catalog
from tthc.locale.keyed import KEYED
from tthc.locale.marks import CONTEXT, PLURAL

PACKAGE = Path(__file__).resolve().parent.parent / "tthc"
PO = LOCALE_DIR / "vi" / "LC_MESSAGES" / "tthc.po"
#: The marks and the functions that take a message, with the place of their msgid
#: (the same as [tool.babel] in pyproject.toml says for `pybabel extract`).
KEYWORDS = {
    "Msg": None,
    "TthcError": None,
    "BadRow": None,
    "N_": None,
    "H": None,
    "P_": ((1, "c"), 2),
    "NP_": (1, 2),
    "t": {1: (1,), 2: (2,), 3: (2,)},
}
METHODS = [("**.py", "python"), ("**/templates/**.html", "jinja2")]


def po_catalog():  # type: ignore[no-untyped-def]
    with PO.open("rb") as f:
        return read_po(f, locale="vi", domain="tthc")


def key_of(context: str | None, msgid: str | tuple[str, ...]) -> str:
    text = PLURAL.join(msgid) if isinstance(msgid, (tuple, list)) else msgid
    return f"{context}{CONTEXT}{text}" if context else text


@functools.cache
def extracted() -> frozenset[str]:
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(PACKAGE), method_map=METHODS, keywords=KEYWORDS
    ):
        if message and message != "":
            found.add(key_of(context, message))
    return frozenset(found)


def joined(message: str, entries: set[str]) -> bool:
    """Babel joins the strings of ``t(lang, "A" if by == "month" else "B")`` into one: such a
    message begins with one entry and ends with another."""
    return any(message.startswith(a) for a in entries if a) and any(message.endswith(b) for b in entries if b)


def test_every_message_the_code_marks_is_in_the_catalog() -> None:
    entries = {key_of(m.context, m.id) for m in po_catalog() if m.id}
    missing = sorted(
        m
        for m in extracted()
        if m not in entries and m.partition(PLURAL)[0] not in entries and not joined(m, entries)
        and not m.startswith("_")  # the Click bridge joins a key, key + "_guess": both in keyed.py
    )
    assert missing == [], missing[:20]


def test_no_catalog_entry_is_dead() -> None:
    seen = extracted()
    dead = sorted(key_of(m.context, m.id) for m in po_catalog() if m.id and key_of(m.context, m.id) not in seen)
    assert dead == [], dead[:20]


def test_no_translation_is_fuzzy_empty_or_missing_a_blank() -> None:
    for m in po_catalog():
        if not m.id:
            continue
        strings = m.string if isinstance(m.string, (tuple, list)) else (m.string,)
        assert not m.fuzzy, m.id
        assert all(s.strip() for s in strings), m.id
        ids = m.id if isinstance(m.id, (tuple, list)) else (m.id,)
        blanks = {n for i in ids for _, n, _, _ in string.Formatter().parse(i) if n}
        for s in strings:
            assert {n for _, n, _, _ in string.Formatter().parse(s) if n} <= blanks, m.id


def test_a_message_built_at_run_time_is_a_marked_one() -> None:
    """``t(lang, f"fh_{name}")``: the keys it can build are in locale/keyed.py, each marked with
    its msgid, so extraction sees every message it can say."""
    built = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            at = 1 if name == "t" and isinstance(node.func, ast.Name) and len(node.args) > 1 else 0
            if name in ("t", "Msg", "TthcError", "H", "BadRow") and len(node.args) > at:
                arg = node.args[at]
                for part in [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]:
                    if isinstance(part, ast.JoinedStr):
                        pattern = "".join(
                            re.escape(v.value) if isinstance(v, ast.Constant) else ".+" for v in part.values
                        )
                        built.append((f"{path.name}:{node.lineno}", pattern))
    assert built, "the scan found nothing: the pattern is wrong"
    unseen = [(where, p) for where, p in built if not any(re.fullmatch(p, key) for key in KEYED)]
    assert unseen == [], unseen


def test_the_compiled_catalog_says_what_the_po_says() -> None:
    catalog("vi")  # a checkout compiles it on first use; a built package carries it
    mo = PO.with_suffix(".mo")
    assert mo.exists()
    with mo.open("rb") as f:
        have = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
    buffer = io.BytesIO()
    write_mo(buffer, po_catalog())
    buffer.seek(0)
    want = gettext.GNUTranslations(buffer)._catalog  # type: ignore[attr-defined]
    assert have == want


def test_vietnamese_has_one_plural_form() -> None:
    assert po_catalog().plural_forms == "nplurals=1; plural=0;"
    assert catalog("vi").ngettext("{n} working day", "{n} working days", 3) == "{n} ngày làm việc"


def test_the_hand_formatting_agrees_with_babels_vietnamese() -> None:
    """tthc formats numbers and days itself (a clerk's command does not import Babel); on
    Tuesday 9 September 2025 and a 98.28% quarter it says what Babel's Vietnamese says."""
    from datetime import date

    from babel.dates import format_date
    from babel.numbers import format_decimal

    from tthc.locale.i18n import fmt_day, fmt_money, fmt_rate

    assert fmt_rate("vi", 98.28) == format_decimal(98.28, format="#,##0.00", locale="vi") + "%"
    assert fmt_money("vi", 75000) == format_decimal(75000, locale="vi") + " đ"
    day = date(2025, 9, 9)
    assert fmt_day("vi", day) == f"{format_date(day, 'EEEE', locale='vi')} {format_date(day, 'dd/MM/y', locale='vi')}"


def test_a_clerks_command_does_not_import_babel() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", "import sys, tthc.cli.main; from tthc.locale.i18n import t; t('vi', 'Time limit'); print('babel' in sys.modules)"],
        capture_output=True, text=True, check=True,
    )
    assert out.stdout.strip() == "False"


def test_a_checkout_without_babel_compiles_the_same_catalog() -> None:
    """An editable install or a checkout makes the .mo itself (tthc/locale/mo.py): the same
    translations as Babel's."""
    from tthc.locale.mo import mo_bytes
    from tthc.locale.mo import read_po as read_po_plain

    ours = gettext.GNUTranslations(io.BytesIO(mo_bytes(read_po_plain(PO.read_text(encoding="utf-8")))))
    buffer = io.BytesIO()
    write_mo(buffer, po_catalog())
    buffer.seek(0)
    babels = gettext.GNUTranslations(buffer)
    assert ours._catalog == babels._catalog  # type: ignore[attr-defined]
