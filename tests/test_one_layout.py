"""Columns are laid out in one place: the table model (``present/table.py``) and its other
backends (``present/backends.py``), its layout (``present/layout.py``, and
``present/fitted.py`` for tables drawn to fit and ledgers) and the screen's width
(``present/terminal.py``). Every other module of ``tthc/present`` fills a table and hands it to
a backend; none pads, centres or sizes a column itself, nor reaches past the model for the
layout's own machinery."""

import ast
import re
from pathlib import Path

PRESENT = Path(__file__).resolve().parent.parent / "tthc" / "present"
#: The model and what it stands on: the only modules that may lay out columns.
THE_MODEL = {"table", "backends", "layout", "fitted", "terminal"}
#: The modules of the layout's machinery.
LAYOUT_MODULES = {"tthc.present.layout", "tthc.present.fitted"}
#: The layout's machinery, used through the model's backends only.
MACHINERY = {
    "Col",
    "Column",
    "LedgerColumn",
    "PlainRow",
    "fit_table",
    "grid_lines",
    "label_grid",
    "ledger_lines",
    "plain_lines",
    "plain_widths",
    "record_lines",
}
#: Modules that still lay out a list by hand, being moved onto the model; only shrinks.
BY_HAND_YET: dict[str, set[str]] = {}
#: ``[[fill]align][sign][z][#][0][width][grouping][.precision][type]``: the parts of a format
#: spec up to its width.
SPEC = re.compile(r"^(?P<align>.?[<>=^])?[+\- ]?z?#?0?(?P<width>\d+)?")


def _spec_text(spec: ast.JoinedStr) -> str:
    """A format spec as text, a nested value (``{width}``) read as a number."""
    return "".join(str(v.value) if isinstance(v, ast.Constant) else "9" for v in spec.values)


def hand_layout(tree: ast.AST) -> set[str]:
    """What in ``tree`` lays out columns by hand: padding and centring methods, format specs
    with a width or an alignment, runs of spaces or rules multiplied out, and the layout's
    machinery imported past the model."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in ("ljust", "rjust", "center"):
                found.add(f".{node.func.attr}()")
        elif isinstance(node, ast.FormattedValue) and isinstance(node.format_spec, ast.JoinedStr):
            m = SPEC.match(_spec_text(node.format_spec))
            if m and (m["align"] or m["width"]):
                found.add("format width")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
            for side in (node.left, node.right):
                if isinstance(side, ast.Constant) and side.value in (" ", "─"):
                    found.add(f"{side.value!r} * n")
        elif isinstance(node, ast.ImportFrom) and node.module in LAYOUT_MODULES:
            found.update(f"layout.{a.name}" for a in node.names if a.name in MACHINERY)
    return found


def by_hand() -> dict[str, set[str]]:
    out = {}
    for path in sorted(PRESENT.glob("*.py")):
        if path.stem in THE_MODEL:
            continue
        found = hand_layout(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            out[path.stem] = found
    return out


def test_no_screen_lays_out_its_columns_by_hand() -> None:
    found = by_hand()
    new = {m: f - BY_HAND_YET.get(m, set()) for m, f in found.items()}
    assert not {m: f for m, f in new.items() if f}, f"fill a Table and show it through a backend: {new}"
    mended = {m: f - found.get(m, set()) for m, f in BY_HAND_YET.items()}
    assert not {m: f for m, f in mended.items() if f}, (
        f"laid out by the model now, take off BY_HAND_YET: {mended}"
    )


def test_the_check_sees_a_workload_row_padded_by_hand() -> None:
    """The workload table as it was written before it was a table of the model: names padded
    with ``ljust``, figures right-aligned by a format width, a rule drawn out."""
    source = """
def line(name, cells, widths, name_w):
    rule = "─" * (name_w + 10)
    return name.ljust(name_w) + "".join(f"  {c:>{n}}" for c, n in zip(cells, widths))
"""
    assert hand_layout(ast.parse(source)) == {".ljust()", "format width", "'─' * n"}


def test_the_check_lets_numbers_be_formatted() -> None:
    """A rate to two places, a fee with its thousands, a date: formats, not layout."""
    source = 'a = f"{rate:.2f}"; b = f"{fee:,}"; c = f"{day:%d/%m/%Y}"; d = "-" * 3'
    assert hand_layout(ast.parse(source)) == set()


def test_the_check_sees_the_layout_machinery_used_past_the_model() -> None:
    source = (
        "from tthc.present.fitted import fit_table, table_width\nfrom tthc.present.layout import plain_lines"
    )
    assert hand_layout(ast.parse(source)) == {"layout.fit_table", "layout.plain_lines"}
