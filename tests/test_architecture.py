"""The shape of the package, checked: layers that only import downwards, no import circle,
pure rules free of SQLite and the terminal, SQL in the storage layer only, short functions,
and a docstring on every module — the web side (``tthc/web``) included, which reaches the
core through ``tthc.web.views`` only."""

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tthc"
#: The rules of the domain: no database, no terminal, no files.
PURE = (
    "timelimit",
    "decisions",
    "workcalendar",
    "deadlines",
    "lifecycle",
    "breaches",
    "periods",
    "clock",
    "errors",
    "scorecard",
)
#: Where SQL may be written.
#: (``province`` is the province's store: Parquet files read and written with DuckDB.)
STORAGE = ("store", "queries", "migrations", "frozen.m005_countings", "province")
MAX_FUNCTION_LINES = 80
#: Sub-packages, whose modules are named ``web.app``, ``web.views`` …; ``web`` is the package.
SUBPACKAGES = ("web", "frozen")
#: What the web side may use of the core besides its door, ``web.views``: plain words and
#: times, and the refusal type.
WEB_MAY_USE = {"i18n", "clock", "errors"}


def modules() -> dict[str, ast.Module]:
    """Every module of the package by its name below ``tthc``: ``deadlines``, ``web.app`` …"""
    found = {p.stem: p for p in sorted(PACKAGE.glob("*.py"))}
    for sub in SUBPACKAGES:
        for p in sorted((PACKAGE / sub).glob("*.py")):
            found[sub if p.stem == "__init__" else f"{sub}.{p.stem}"] = p
    return {name: ast.parse(p.read_text(encoding="utf-8")) for name, p in found.items()}


def _module_name(dotted: str) -> str:
    """``tthc.deadlines`` → ``deadlines``, ``tthc.web.views`` → ``web.views``."""
    parts = dotted.split(".")[1:]
    return ".".join(parts[:2]) if parts[0] in SUBPACKAGES else parts[0]


def _runtime_nodes(tree: ast.Module) -> list[ast.AST]:
    """Every node but those under ``if TYPE_CHECKING:`` (imports for annotations only)."""
    nodes: list[ast.AST] = []
    todo: list[ast.AST] = [tree]
    while todo:
        node = todo.pop()
        nodes.append(node)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))
    return nodes


def imports_of(tree: ast.Module, *, runtime_only: bool = False) -> set[str]:
    """Every tthc module a module imports, at the top or inside a function; with
    ``runtime_only``, not those imported for type annotations alone."""
    found: set[str] = set()
    for node in _runtime_nodes(tree) if runtime_only else ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "tthc" or node.module in {f"tthc.{sub}" for sub in SUBPACKAGES}:
                found.update(_module_name(f"{node.module}.{alias.name}") for alias in node.names)
            elif node.module.startswith("tthc."):
                found.add(_module_name(node.module))
        elif isinstance(node, ast.Import):
            found.update(_module_name(a.name) for a in node.names if a.name.startswith("tthc."))
    return found


def outside_imports(tree: ast.Module) -> set[str]:
    """The top-level names of the packages a module imports from outside tthc."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found - {"tthc"}


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = {name: imports_of(tree) - {name} for name, tree in modules().items()}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        for nxt in sorted(graph.get(node, ())):
            if nxt in path:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in done:
                visit(nxt, [*path, nxt])
        done.add(node)

    done: set[str] = set()
    for name in sorted(graph):
        if name not in done:
            visit(name, [name])
    assert not cycles, "import circles: " + "; ".join(" → ".join(c) for c in cycles)


def test_the_cycle_finder_finds_a_cycle() -> None:
    """The check above can fail: a made-up pair of modules importing each other is caught."""
    a = ast.parse("from tthc import b\n")
    b = ast.parse("def f():\n    from tthc.a import x\n")
    assert imports_of(a) == {"b"} and imports_of(b) == {"a"}


def test_the_import_reader_names_the_web_modules() -> None:
    tree = ast.parse(
        "from tthc.web.views import Reader\nfrom tthc.web import guard\nimport tthc.web.app\n"
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from tthc.summary import Summary\n"
    )
    assert imports_of(tree) == {"web.views", "web.guard", "web.app", "summary"}
    assert imports_of(tree, runtime_only=True) == {"web.views", "web.guard", "web.app"}
    assert {"web", "web.app", "web.views", "deadlines"} <= set(modules())


def test_the_web_side_reaches_the_core_through_its_door() -> None:
    """``web.views`` alone uses the store, ``Context`` and the services; the rest of the web
    side uses plain words, times and refusals (types for annotations aside). No web module
    talks to SQLite or the terminal, and no core module but the CLI (``tthc serve``) loads
    the web side."""
    trees = modules()
    for name, tree in trees.items():
        web = name == "web" or name.startswith("web.")
        if web:
            assert not outside_imports(tree) & {"sqlite3", "sqlite_utils", "rich", "typer"}, name
            if name != "web.views":
                core = {m for m in imports_of(tree, runtime_only=True) if not m.startswith("web")}
                assert core <= WEB_MAY_USE, (name, core - WEB_MAY_USE)
        elif name != "cli":
            assert not {m for m in imports_of(tree) if m.startswith("web")}, name


def test_pure_rules_import_neither_sqlite_nor_the_terminal() -> None:
    trees = modules()
    for name in PURE:
        tree = trees[name]
        assert not outside_imports(tree) & {"sqlite3", "sqlite_utils", "rich", "typer", "openpyxl"}, name
        allowed = {*PURE, "i18n"}  # the table of words is plain data
        assert not imports_of(tree) - allowed, name


def test_sql_is_written_in_the_storage_layer_only() -> None:
    sql = re.compile(r"\b(SELECT .* FROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE (TABLE|INDEX))\b")
    offenders = []
    for name, tree in modules().items():
        if name in STORAGE:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and sql.search(node.value):
                offenders.append(f"{name}: {node.value[:60]!r}")
    assert not offenders, offenders


def test_no_function_is_longer_than_a_screen() -> None:
    long = []
    for name, tree in modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{name}.{node.name}: {lines} lines")
    assert not long, long


def test_every_module_says_what_it_is_for() -> None:
    missing = [name for name, tree in modules().items() if not ast.get_docstring(tree)]
    assert not missing, missing


#: The one module that puts values into spreadsheet cells, so that no text is ever a formula.
CELL_WRITER = "sheets"
_SHEET_NAMES = {"ws", "sheet", "worksheet"}


def cell_writes(tree: ast.Module) -> list[str]:
    """What in a module writes a spreadsheet cell itself: ``csv.writer``, openpyxl's
    ``Workbook`` or ``WriteOnlyCell``, a worksheet's ``cell()`` given a value, a cell's
    ``.value`` set, a row appended to a worksheet."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id == "csv" and node.attr in ("writer", "DictWriter"):
                found.append(f"csv.{node.attr}")
            if node.value.id == "openpyxl" and node.attr == "Workbook":
                found.append("openpyxl.Workbook")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("openpyxl"):
            found += [a.name for a in node.names if a.name in ("Workbook", "WriteOnlyCell")]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            func = node.func
            if func.attr == "cell" and (len(node.args) >= 3 or any(k.arg == "value" for k in node.keywords)):
                found.append(".cell(value=…)")
            if func.attr == "append" and isinstance(func.value, ast.Name) and func.value.id in _SHEET_NAMES:
                found.append(f"{func.value.id}.append")
        elif isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found += [".value =" for t in targets if isinstance(t, ast.Attribute) and t.attr == "value"]
    return found


def test_every_spreadsheet_cell_is_written_by_the_one_writer() -> None:
    """Every cell of every .xlsx and .csv goes through ``tthc.sheets``, which keeps a text that
    begins with ``=``, ``+``, ``-``, ``@`` as text: no other module writes one directly."""
    offenders = {
        name: writes
        for name, tree in modules().items()
        if name != CELL_WRITER and (writes := cell_writes(tree))
    }
    assert not offenders, offenders


def test_the_cell_writer_check_catches_a_direct_write() -> None:
    tree = ast.parse(
        "import csv\nfrom openpyxl import Workbook\n"
        "def f(ws, fh, c):\n    csv.writer(fh)\n    ws.cell(row=1, column=1, value='=1')\n"
        "    ws.cell(1, 2, '=2')\n    ws.append(['=3'])\n    c.value = '=4'\n    ws.cell(row=1, column=1).border = 0\n"
    )
    assert sorted(cell_writes(tree)) == sorted(
        ["Workbook", "csv.writer", ".cell(value=…)", ".cell(value=…)", "ws.append", ".value ="]
    )


def test_a_shipped_migration_never_calls_todays_rules() -> None:
    """What a migration did must not change when a rule changes: migrations and the rules
    frozen with them import nothing of tthc but each other."""
    found = modules()
    for name in ("migrations", *(n for n in found if n.startswith("frozen."))):
        others = {m for m in imports_of(found[name]) if m != name and not m.startswith("frozen")}
        assert others == set(), f"{name} imports today's {sorted(others)}"
