"""The shape of the package, checked: layers that only import downwards, no import circle,
pure rules free of SQLite and the terminal, SQL in the storage layer only, short functions,
and a docstring on every module — the web side (``tthc/web``) included, which, like the
command line, imports only ``tthc.app``, ``tthc.present`` and ``tthc.locale``."""

import ast
import functools
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tthc"
#: The layers, as folders of the package, and what each may import of tthc (itself always).
#: ``locale`` (words in two languages) is plain data every layer may read.
LAYERS: dict[str, set[str]] = {
    "locale": set(),
    "core": {"locale"},
    "storage": {"core", "locale"},
    "app": {"storage", "core", "locale"},
    "present": {"core", "locale"},
    "cli": {"app", "present", "locale"},
    "web": {"app", "present", "locale"},
}
#: Single modules a layer may use beyond its layers: the presentation writes its workbooks
#: and papers through the one spreadsheet writer and the safe file writer.
MAY_ALSO_USE: dict[str, set[str]] = {
    "present": {"storage.sheets", "storage.files"},
    "cli": {"web.server"},  # `tthc serve` starts the web side
}
#: Imports that still cross the layers, being moved to their place; this list only shrinks.
NOT_YET: dict[str, set[str]] = {}
#: The rules of the domain: no database, no terminal, no files.
PURE = tuple(f"core.{p.stem}" for p in sorted((PACKAGE / "core").glob("*.py")) if p.stem != "__init__")
#: Where SQL may be written: the storage layer, and the province's Parquet files read with
#: DuckDB (``app.province``).
STORAGE_LAYER = "storage"
SQL_ALSO_IN = ("app.province",)
MAX_FUNCTION_LINES = 80
MAX_MODULE_LINES = 600
#: Modules still longer than that, being split; this list only shrinks.
TOO_LONG_YET = (
    "storage.store",  # 2028 lines
)


@functools.cache
def modules() -> dict[str, ast.Module]:
    """Every module of the package by its dotted name below ``tthc``: ``core.deadlines``,
    ``web.app``, ``storage.migrations.frozen.m005_countings``; a package by its folder (``web``)."""
    found: dict[str, Path] = {}
    for p in sorted(PACKAGE.rglob("*.py")):
        parts = p.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts:
            found[".".join(parts)] = p
    return {name: ast.parse(p.read_text(encoding="utf-8")) for name, p in found.items()}


def _module_name(dotted: str) -> str:
    """``tthc.core.deadlines`` → ``core.deadlines``."""
    return dotted.split(".", 1)[1] if "." in dotted else ""


def layer_of(name: str) -> str:
    return name.split(".")[0]


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
    """Every tthc module a module imports, at the top or inside a function, by its dotted name
    below ``tthc``; with ``runtime_only``, not those imported for type annotations alone."""
    known = set(modules())
    found: set[str] = set()
    for node in _runtime_nodes(tree) if runtime_only else ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "tthc":
            base = _module_name(node.module)
            for alias in node.names:
                sub = f"{base}.{alias.name}" if base else alias.name
                found.add(sub if sub in known or not base else base)
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
    a = ast.parse("from tthc.core import deadlines\n")
    b = ast.parse("def f():\n    from tthc.core.lifecycle import x\n")
    assert imports_of(a) == {"core.deadlines"} and imports_of(b) == {"core.lifecycle"}


def test_the_import_reader_names_modules_by_their_folder() -> None:
    tree = ast.parse(
        "from tthc.web.views import Reader\nfrom tthc.web import guard\nimport tthc.web.app\n"
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from tthc.app.summary import Summary\n"
    )
    assert imports_of(tree) == {"web.views", "web.guard", "web.app", "app.summary"}
    assert imports_of(tree, runtime_only=True) == {"web.views", "web.guard", "web.app"}
    assert {"web", "web.app", "web.views", "core.deadlines"} <= set(modules())


def layer_breaches() -> dict[str, set[str]]:
    """What each module imports against the layers (at run time; annotations aside)."""
    out: dict[str, set[str]] = {}
    for name, tree in modules().items():
        layer = layer_of(name)
        if layer not in LAYERS:
            continue
        allowed = {layer, *LAYERS[layer]}
        bad = {
            m
            for m in imports_of(tree, runtime_only=True)
            if layer_of(m) not in allowed and m not in MAY_ALSO_USE.get(layer, set())
        }
        if bad:
            out[name] = bad
    return out


def test_every_module_stands_in_a_layer() -> None:
    loose = [n for n in modules() if layer_of(n) not in LAYERS and "." in n]
    flat = sorted(p.name for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__"))
    assert not loose and not flat, (loose, flat)


def test_each_layer_imports_only_the_layers_below_it() -> None:
    """core imports nothing of tthc (words aside); storage only core; app storage and core;
    present the core's records; the CLI and the web only app and present."""
    breaches = layer_breaches()
    new = {n: bad - NOT_YET.get(n, set()) for n, bad in breaches.items()}
    assert not {n: b for n, b in new.items() if b}, new
    stale = {n: m - breaches.get(n, set()) for n, m in NOT_YET.items()}
    assert not {n: m for n, m in stale.items() if m}, f"mended, take off NOT_YET: {stale}"


def test_the_layer_check_catches_a_web_page_that_opens_the_store(tmp_path: Path) -> None:
    tree = ast.parse("from tthc.storage.store import Store\n")
    assert imports_of(tree, runtime_only=True) == {"storage.store"}
    assert "storage" not in LAYERS["web"] and "storage" not in LAYERS["cli"]


def test_pure_rules_import_neither_sqlite_nor_the_terminal() -> None:
    trees = modules()
    assert "core.deadlines" in PURE and "core.lifecycle" in PURE
    for name in PURE:
        tree = trees[name]
        assert not outside_imports(tree) & {"sqlite3", "sqlite_utils", "rich", "typer", "openpyxl"}, name


def test_sql_is_written_in_the_storage_layer_only() -> None:
    sql = re.compile(r"\b(SELECT .* FROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE (TABLE|INDEX))\b")
    offenders = []
    for name, tree in modules().items():
        if layer_of(name) == STORAGE_LAYER or name in SQL_ALSO_IN:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and sql.search(node.value):
                offenders.append(f"{name}: {node.value[:60]!r}")
    assert not offenders, offenders


#: Modules outside the storage layer that still hold the database's connection; this list
#: only shrinks. (The province's DuckDB over Parquet files, ``app.province``, is no store.)
CONNECTION_YET: dict[str, set[str]] = {}


def connection_uses(tree: ast.Module) -> set[str]:
    """How a module reaches a database connection itself: another object's ``.conn`` (a class's
    own ``self.conn`` may be anything, an HTTP connection say), ``sqlite3.connect``, or a call
    of ``.execute(``, ``.executemany(``, ``.executescript(``."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            owner = node.value.id if isinstance(node.value, ast.Name) else None
            if node.attr == "conn" and owner != "self":
                found.add(".conn")
            if node.attr == "connect" and owner == "sqlite3":
                found.add("sqlite3.connect")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("execute", "executemany", "executescript")
        ):
            found.add(f".{node.func.attr}(")
    return found


def test_nothing_outside_storage_touches_a_connection() -> None:
    """Only the storage layer holds the database's connection; the others ask the store."""
    uses = {
        name: found
        for name, tree in modules().items()
        if layer_of(name) != STORAGE_LAYER and name not in SQL_ALSO_IN and (found := connection_uses(tree))
    }
    new = {n: u - CONNECTION_YET.get(n, set()) for n, u in uses.items()}
    assert not {n: u for n, u in new.items() if u}, new
    stale = {n: m - uses.get(n, set()) for n, m in CONNECTION_YET.items()}
    assert not {n: m for n, m in stale.items() if m}, f"mended, take off CONNECTION_YET: {stale}"


def test_the_connection_check_catches_a_report_that_reads_the_store_s_connection() -> None:
    tree = ast.parse(
        "import sqlite3\n"
        "def f(store, path):\n    store.conn.execute('SELECT 1')\n    sqlite3.connect(path)\n"
        "class Peer:\n    def g(self):\n        return self.conn.their_state\n"
    )
    assert connection_uses(tree) == {".conn", ".execute(", "sqlite3.connect"}
    assert connection_uses(ast.parse("class P:\n    def g(self):\n        return self.conn.x\n")) == set()


def test_no_function_is_longer_than_a_screen() -> None:
    long = []
    for name, tree in modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{name}.{node.name}: {lines} lines")
    assert not long, long


def test_no_module_is_longer_than_a_reading() -> None:
    sizes = {
        ".".join(p.relative_to(PACKAGE).with_suffix("").parts): len(
            p.read_text(encoding="utf-8").splitlines()
        )
        for p in PACKAGE.rglob("*.py")
    }
    long = {n: k for n, k in sizes.items() if k > MAX_MODULE_LINES and n not in TOO_LONG_YET}
    assert not long, long
    mended = [n for n in TOO_LONG_YET if sizes.get(n, 0) <= MAX_MODULE_LINES]
    assert not mended, f"now short enough, take off TOO_LONG_YET: {mended}"


def test_every_module_says_what_it_is_for() -> None:
    missing = [name for name, tree in modules().items() if not ast.get_docstring(tree)]
    assert not missing, missing


#: The one module that puts values into spreadsheet cells, so that no text is ever a formula.
CELL_WRITER = "storage.sheets"
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
    """Every cell of every .xlsx and .csv goes through ``tthc.storage.sheets``, which keeps a text that
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
    frozen with them (the package ``storage.migrations``, its ``frozen/`` with it) import
    nothing of tthc but each other."""
    found = modules()
    past = [n for n in found if n == "storage.migrations" or n.startswith("storage.migrations.")]
    assert "storage.migrations.m005_stored_countings" in past
    assert "storage.migrations.frozen.m005_countings" in past
    for name in past:
        others = {m for m in imports_of(found[name]) if not m.startswith("storage.migrations")}
        assert others == set(), f"{name} imports today's {sorted(others)}"


def test_the_web_side_names_neither_the_core_nor_the_storage_even_for_annotations() -> None:
    """Like the command line, the pages ask ``tthc.app`` (which re-exports the refusal and
    the clock) and render through ``tthc.present``: not a type of the core or the store is
    imported in ``tthc/web``, not even for an annotation."""
    found = {
        name: {m for m in imports_of(tree) if layer_of(m) in ("core", "storage")}
        for name, tree in modules().items()
        if layer_of(name) == "web"
    }
    assert {"web.app", "web.views", "web.server"} <= set(found)
    assert not {n: m for n, m in found.items() if m}, found
