"""The shape of the package, checked: layers that only import downwards, no import circle,
pure rules free of SQLite and the terminal, SQL in the storage layer only, short functions,
and a docstring on every module."""

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tthc"
#: The rules of the domain: no database, no terminal, no files.
PURE = ("timelimit", "workcalendar", "deadlines", "lifecycle", "periods", "clock", "errors")
#: Where SQL may be written.
STORAGE = ("store", "queries", "migrations")
MAX_FUNCTION_LINES = 80


def modules() -> dict[str, ast.Module]:
    return {p.stem: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.glob("*.py"))}


def imports_of(tree: ast.Module) -> set[str]:
    """Every tthc module a module imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "tthc":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("tthc."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("tthc."))
    return found


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


def test_pure_rules_import_neither_sqlite_nor_the_terminal() -> None:
    trees = modules()
    for name in PURE:
        imported = set()
        for node in ast.walk(trees[name]):
            if isinstance(node, ast.Import):
                imported.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(
                    node.module.split(".")[0] if not node.module.startswith("tthc.") else node.module
                )
        assert not imported & {"sqlite3", "sqlite_utils", "rich", "typer", "openpyxl"}, name
        allowed = {f"tthc.{p}" for p in (*PURE, "i18n")}  # the table of words is plain data
        assert not {m for m in imported if m.startswith("tthc.")} - allowed, name


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
