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
from typing import Any

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tthc.locale.i18n import LOCALE_DIR, catalog
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
    "phrase": None,
    "P_": ((1, "c"), 2),
    "NP_": (1, 2),
    "t": (2,),
    "_": None,
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


#: The calls that take a msgid, by the name they are called with, and the msgid's place; a
#: function or method that passes one of its own parameters on as a msgid is added to these
#: by :func:`msgid_takers`, so that its callers are checked in turn.
TAKERS: dict[tuple[str, str], int] = {
    ("call", "t"): 1,
    ("call", "tr"): 1,
    ("call", "Msg"): 0,
    ("call", "TthcError"): 0,
    ("call", "BadRow"): 0,
    ("call", "H"): 0,
    ("attr", "gettext"): 0,
    ("attr", "ngettext"): 0,
    ("attr", "pgettext"): 1,
    ("attr", "npgettext"): 1,
}
MARKS = {"N_", "P_", "NP_"}
#: Fields that hold a msgid marked where the record is made: a message's own msgid
#: (``Msg.key``), a step of an explanation (``deadlines.Step.what``), what an unconfirmed
#: day off awaits (``decisions.Unconfirmed.why_key``, ``CalendarRow.awaits``).
MARKED_FIELDS = {"key", "what", "why_key", "awaits"}
#: The one place where msgids meet the standard library's gettext.
GETTEXT_DOOR = ("tthc/locale/i18n.py", "tr")


def _sources() -> dict[str, ast.Module]:
    return {
        str(p.relative_to(PACKAGE.parent)): ast.parse(p.read_text(encoding="utf-8"))
        for p in sorted(PACKAGE.rglob("*.py"))
    }


def _has_mark(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Call) and getattr(n.func, "id", None) in MARKS for n in ast.walk(node))


def word_tables(sources: dict[str, ast.Module]) -> set[str]:
    """Names of the tables of marked words: module- or class-level tuples, lists, sets and
    dicts that hold marks (``STATUS_WORDS = {"paused": N_("waiting for papers"), …}``)."""
    tables = set()
    for tree in sources.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                value = node.value
                if isinstance(value, ast.Call):  # frozenset({...}), dict(...), {**A, **B} spelled as a call
                    value = value.args[0] if value.args else value
                if isinstance(value, ast.Dict | ast.Tuple | ast.List | ast.Set) and (
                    _has_mark(value) or any(isinstance(n, ast.Name) and n.id.endswith("WORDS") for n in ast.walk(value))
                ):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    tables |= {t.id for t in targets if isinstance(t, ast.Name)}
    return tables


def _taker(call: ast.Call, takers: dict[tuple[str, str], int], local: set[str]) -> int | None:
    if isinstance(call.func, ast.Name) and call.func.id not in local:
        return takers.get(("call", call.func.id))
    if isinstance(call.func, ast.Attribute):
        return takers.get(("attr", call.func.attr))
    return None


class _Scope:
    """What a function binds: its parameters, and each local name's values and loops (with
    those of the functions around it, for a closure)."""

    def __init__(self, fn: ast.AST | None, outer: _Scope | None = None, cls: str | None = None) -> None:
        self.params: list[str] = list(outer.params) if outer else []
        #: Each parameter's function, place and class: a closure's checks go to its maker.
        self.owner: dict[str, tuple[Any, int, str | None]] = dict(outer.owner) if outer else {}
        self.bound: dict[str, list[ast.AST]] = {k: list(v) for k, v in outer.bound.items()} if outer else {}
        self.own: list[str] = []
        if fn is None:
            return
        args = fn.args  # type: ignore[attr-defined]
        self.own = [a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]]
        self.params += self.own
        for place, name in enumerate(self.own):
            self.bound.pop(name, None)
            self.owner[name] = (fn, place, cls)
        for node in ast.walk(fn):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    for name in ast.walk(target):
                        if isinstance(name, ast.Name):
                            self.bound.setdefault(name.id, []).append(node.value)
            elif isinstance(node, ast.For | ast.comprehension):
                for name in ast.walk(node.target):
                    if isinstance(name, ast.Name):
                        self.bound.setdefault(name.id, []).append(ast.Tuple(elts=[node.iter]))


def _functions(tree: ast.Module) -> list[tuple[ast.AST | None, ast.AST, str | None, _Scope]]:
    """Each function (None: the module's own code) with its class (or None) and its scope."""
    out: list[tuple[ast.AST | None, ast.AST, str | None, _Scope]] = [(None, tree, None, _Scope(None))]

    def visit(node: ast.AST, cls: str | None, scope: _Scope | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name, scope)
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = _Scope(child, scope, cls)
                out.append((child, child, cls, inner))
                visit(child, None, inner)
            else:
                visit(child, cls, scope)

    visit(tree, None, None)
    return out


def _own_calls(body: ast.AST) -> list[ast.Call]:
    """The calls in a function's own body, not in the functions it defines."""
    calls: list[ast.Call] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
                continue
            if isinstance(child, ast.Call):
                calls.append(child)
            visit(child)

    if isinstance(body, ast.Lambda):
        visit(body)
    else:
        visit(body)
    return calls


def _marked(node: ast.AST, scope: _Scope, tables: set[str], depth: int = 0) -> bool:
    """Whether ``node`` is a msgid extraction sees: a literal, a mark, a word of a table, or a
    name bound only to such (a parameter counts when its function is itself checked)."""
    if depth > 8:
        return False
    if isinstance(node, ast.Constant):
        return node.value is None or isinstance(node.value, str)
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) in MARKS:
        return all(isinstance(a, ast.Constant) for a in node.args)
    if isinstance(node, ast.IfExp):
        return _marked(node.body, scope, tables, depth + 1) and _marked(node.orelse, scope, tables, depth + 1)
    if isinstance(node, ast.Subscript):
        return _table(node.value, scope, tables, depth)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
        return _table(node.func.value, scope, tables, depth)
    if isinstance(node, ast.Attribute):
        return node.attr in MARKED_FIELDS
    if isinstance(node, ast.Tuple):  # a loop over a table, or over literal marks
        return all(_has_mark(e) or _table(e, scope, tables, depth) for e in node.elts)
    if isinstance(node, ast.Name):
        if node.id in scope.bound:
            return all(_marked(v, scope, tables, depth + 1) for v in scope.bound[node.id])
        return node.id in scope.params
    return False


def _table(node: ast.AST, scope: _Scope, tables: set[str], depth: int) -> bool:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("items", "values"):
        node = node.func.value
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("enumerate", "zip", "sorted", "reversed"):
        return any(_table(a, scope, tables, depth) for a in node.args)
    if isinstance(node, ast.Tuple | ast.List):
        return all(_table(e, scope, tables, depth) or _marked(e, scope, tables, depth + 1) for e in node.elts)
    if isinstance(node, ast.Attribute):
        return node.attr in tables or node.attr.lower().endswith("words")
    if isinstance(node, ast.IfExp):
        return _table(node.body, scope, tables, depth) and _table(node.orelse, scope, tables, depth)
    if isinstance(node, ast.Starred):
        return _table(node.value, scope, tables, depth)
    if isinstance(node, ast.Subscript):  # a slice of a table
        return _table(node.value, scope, tables, depth)
    if isinstance(node, ast.Name):
        if node.id in tables:
            return True
        return node.id in scope.bound and all(
            _table(v, scope, tables, depth + 1) for v in scope.bound[node.id]
        )
    return _has_mark(node)


def msgid_takers(sources: dict[str, ast.Module]) -> dict[tuple[str, str], int]:
    """TAKERS, and every function that hands one of its parameters on as a msgid."""
    takers = dict(TAKERS)
    changed = True
    while changed:
        changed = False
        for path, tree in sources.items():
            for fn, body, _cls, scope in _functions(tree):
                if fn is None or (path, getattr(fn, "name", "")) == GETTEXT_DOOR:
                    continue
                for call in _own_calls(body):
                    at = _taker(call, takers, set(scope.bound))
                    if at is None or len(call.args) <= at or not isinstance(call.args[at], ast.Name):
                        continue
                    name = call.args[at].id
                    if name not in scope.owner or name in scope.bound:
                        continue
                    owner, place, owner_cls = scope.owner[name]
                    is_method = owner_cls is not None
                    if owner.name == "__init__":
                        key = ("call", owner_cls or "")
                    else:
                        key = ("attr" if is_method else "call", owner.name)
                    place -= 1 if is_method else 0
                    if takers.get(key) != place:
                        takers[key] = place
                        changed = True
    return takers


def test_no_message_is_built_at_run_time() -> None:
    """Every msgid the code hands to ``t``, ``Msg``, ``TthcError``, ``H``, gettext … is one
    extraction sees: a literal, a mark (``N_``, ``P_``, ``NP_``), a word chosen from a table of
    marks by the value it is for (``STATUS_WORDS[d.status]``), or a name bound only to such.
    ``t(lang, f"status_{s}")``, ``"web_status_" ~ s`` and ``key + "_guess"`` are refused."""
    sources = _sources()
    tables = word_tables(sources)
    takers = msgid_takers(sources)
    assert {"STATUS_WORDS", "STEP_WORDS", "COLUMN_WORDS", "SETTING_WORDS"} <= tables
    assert takers[("attr", "phrase")] == 0 and takers[("call", "_fact_said")] == 1  # wrappers are found
    built, checked = [], 0
    for path, tree in sources.items():
        for fn, body, _cls, scope in _functions(tree):
            if fn is not None and (path, getattr(fn, "name", "")) == GETTEXT_DOOR:
                continue
            for call in _own_calls(body):
                at = _taker(call, takers, set(scope.bound))
                if at is None or len(call.args) <= at:
                    continue
                checked += 1
                if not _marked(call.args[at], scope, tables):
                    built.append(f"{path}:{call.lineno}: {ast.unparse(call.args[at])}")
    assert checked > 500, "the scan found too few calls: its pattern is wrong"
    assert built == [], built


def test_a_template_says_only_what_extraction_sees() -> None:
    """A template's ``_(…)`` takes a literal, a mark, a word of a table the page is handed
    (``status_words[result.status]``) or the page's ``message`` (a msgid marked where it is
    given); never a key joined at run time (``"web_status_" ~ s``)."""
    allowed = re.compile(
        r'"[^"]*"|N_\("[^"]*"\) if [^()]* else N_\("[^"]*"\)|P_\("[^"]*",\s*"[^"]*"\)|[a-z_]+_words\[[a-z_.]+\]|message'
    )
    for template in sorted((PACKAGE / "web" / "templates").glob("*.html")):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"\bt\(", text), template.name  # the page's translator is _()
        for m in re.finditer(r"\b_\(", text):
            assert allowed.match(text, m.end()), f"{template.name}: {text[m.start():m.start() + 60]}"
        assert "~" not in "".join(re.findall(r"\{\{.*?\}\}", text)), template.name


def test_a_table_of_words_holds_marks_only() -> None:
    """Every ``*_WORDS`` dict of words gives each value a marked msgid, so extraction sees
    every word the table can say."""
    for path, tree in _sources().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
                if not any(n.endswith("WORDS") for n in names) or (not _has_mark(node.value) and None not in node.value.keys):
                    continue  # a table of words, not of other things (LANG_WORDS: how people name a language)
                for key, value in zip(node.value.keys, node.value.values, strict=True):
                    if key is None:  # {**A_WORDS, **B_WORDS}
                        assert isinstance(value, ast.Name) and value.id.endswith("WORDS"), (path, names)
                    else:
                        assert isinstance(value, ast.Call) and getattr(value.func, "id", None) in MARKS, (path, names, ast.unparse(key))


def test_a_context_says_where_the_words_stand() -> None:
    """A msgctxt is for the translator: words ("column heading", "paper"), not a name of code."""
    contexts = {m.context for m in po_catalog() if m.id and m.context}
    assert contexts and all(re.fullmatch(r"[a-z]+( [a-z]+)*(, [a-z]+( [a-z]+)*)?", c) for c in contexts), contexts


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


def test_label_is_given_a_value_not_its_words() -> None:
    """``label(lang, "paused")`` says a status in words; ``label(lang, "waiting for papers")``
    would print that English in a Vietnamese log book: a literal given to label is a value."""
    from tthc.locale.words import VALUE_WORDS

    given = [
        (path, call.lineno, call.args[1].value)
        for path, tree in _sources().items()
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and getattr(call.func, "id", None) == "label"
        and len(call.args) == 2
        and isinstance(call.args[1], ast.Constant)
    ]
    assert given, "the scan found no label(lang, '…'): its pattern is wrong"
    assert [g for g in given if g[2] not in VALUE_WORDS] == []
    for template in (PACKAGE / "web" / "templates").glob("*.html"):
        assert set(re.findall(r'\blabel\("([^"]+)"\)', template.read_text(encoding="utf-8"))) <= set(VALUE_WORDS)
