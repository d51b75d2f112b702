"""A citizen's paper as plain text, 78 columns wide whatever the terminal: the same words as
the printed slip, its two heading blocks side by side, its grids fitted to the paper, and its
QR code drawn in characters when a person is looking."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tthc.present.terminal import (
    echo,
)

if TYPE_CHECKING:
    from tthc.core.papers import Slip


# -- the citizen's papers -----------------------------------------------------------------------
#: A slip in the terminal is as wide as a classic terminal, whatever the terminal is.
PAPER_WIDTH = 78
_PAPER_LEFT = 40


def _centred(lines: Sequence[str], width: int) -> list[str]:
    import textwrap

    out: list[str] = []
    for line in lines:
        out.extend(part.center(width) for part in (textwrap.wrap(line, width) or [""]))
    return out


def _side_by_side(left: Sequence[str], right: Sequence[str], split: int) -> list[str]:
    """Two centred columns, as the two blocks at the head and the foot of a form."""
    a = _centred(left, split)
    b = _centred(right, PAPER_WIDTH - split)
    rows = max(len(a), len(b))
    a += [" " * split] * (rows - len(a))
    b += [""] * (rows - len(b))
    return [(x + y).rstrip() for x, y in zip(a, b, strict=True)]


def _grid_lines(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A table that fits the paper's width: the widest columns give way first, and a cell
    too long for its column wraps onto more lines."""
    import textwrap

    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    while sum(widths) + 2 * (len(widths) - 1) > PAPER_WIDTH and max(widths) > 8:
        widths[widths.index(max(widths))] -= 1

    def lines(cells: Sequence[str]) -> list[str]:
        wrapped = [textwrap.wrap(c, w) or [""] for c, w in zip(cells, widths, strict=True)]
        height = max(len(w) for w in wrapped)
        return [
            "  ".join(
                (w[k] if k < len(w) else "").ljust(n) for w, n in zip(wrapped, widths, strict=True)
            ).rstrip()
            for k in range(height)
        ]

    out = [*lines(headers), "  ".join("─" * w for w in widths)]
    for row in rows:
        out += lines(row)
    return out


def _paper_block(block: Any) -> list[str]:
    import textwrap

    from tthc.core.papers import Grid, Line

    if isinstance(block, Grid):
        return _grid_lines(block.headers, block.rows)
    if isinstance(block, Line):
        text = f"{block.label}: {block.value}" if block.value else f"{block.label}:"
        return textwrap.wrap(text, PAPER_WIDTH, subsequent_indent="    ")
    indent = "    " * block.indent
    return textwrap.wrap(block.text, PAPER_WIDTH, initial_indent=indent, subsequent_indent=indent)


def slip_text(slip: Slip) -> str:
    """A slip as plain text, 78 columns wide: the same words as the printed paper."""
    lines = [slip.form_label.rjust(PAPER_WIDTH)]
    lines += _side_by_side(slip.issuer, slip.nation, _PAPER_LEFT)
    lines += ["", _centred([slip.place_date], PAPER_WIDTH - _PAPER_LEFT)[0].rstrip().rjust(PAPER_WIDTH), ""]
    lines += [x.rstrip() for x in _centred([slip.title, slip.subtitle], PAPER_WIDTH)]
    lines.append("")
    for block in slip.body:
        lines += _paper_block(block)
    signatures = [[s.title, s.hint, "", "", "", s.name] for s in slip.signatures]
    if signatures:
        lines.append("")
        left, right = signatures if len(signatures) == 2 else ([], signatures[0])
        lines += _side_by_side(left, right, PAPER_WIDTH // 2)
    return "\n".join(line.rstrip() for line in lines).rstrip() + "\n"


def print_slip(slip: Slip) -> None:
    """The slip, then its QR code as a block of characters when a person is looking (a
    terminal); a pipe or a file gets the text alone."""
    sys.stdout.write(slip_text(slip))
    if sys.stdout.isatty():
        import segno

        echo("")
        segno.make(slip.qr_data, error="m").terminal(compact=True)
        echo(slip.qr_caption)
