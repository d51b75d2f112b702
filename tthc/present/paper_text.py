"""A citizen's paper as plain text, 78 columns wide whatever the terminal: the same words as
the printed slip, its two heading blocks side by side, its grids fitted to the paper, and its
QR code drawn in characters when a person is looking."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from tthc.present.layout import centred, flush_right, side_by_side
from tthc.present.terminal import (
    echo,
)

if TYPE_CHECKING:
    from tthc.core.papers import Slip


# -- the citizen's papers -----------------------------------------------------------------------
#: A slip in the terminal is as wide as a classic terminal, whatever the terminal is.
PAPER_WIDTH = 78
_PAPER_LEFT = 40


def _paper_block(block: Any) -> list[str]:
    import textwrap

    from tthc.core.papers import Grid, Line

    if isinstance(block, Grid):
        from tthc.present.backends import Paper
        from tthc.present.table import Table

        return Paper(PAPER_WIDTH).lines(Table.of(block.headers, block.rows))
    if isinstance(block, Line):
        text = f"{block.label}: {block.value}" if block.value else f"{block.label}:"
        return textwrap.wrap(text, PAPER_WIDTH, subsequent_indent="    ")
    indent = "    " * block.indent
    return textwrap.wrap(block.text, PAPER_WIDTH, initial_indent=indent, subsequent_indent=indent)


def slip_text(slip: Slip) -> str:
    """A slip as plain text, 78 columns wide: the same words as the printed paper."""
    lines = [flush_right(slip.form_label, PAPER_WIDTH)]
    lines += side_by_side(slip.issuer, slip.nation, _PAPER_LEFT, PAPER_WIDTH)
    place = centred([slip.place_date], PAPER_WIDTH - _PAPER_LEFT)[0].rstrip()
    lines += ["", flush_right(place, PAPER_WIDTH), ""]
    lines += [x.rstrip() for x in centred([slip.title, slip.subtitle], PAPER_WIDTH)]
    lines.append("")
    for block in slip.body:
        lines += _paper_block(block)
    signatures = [[s.title, s.hint, "", "", "", s.name] for s in slip.signatures]
    if signatures:
        lines.append("")
        left, right = signatures if len(signatures) == 2 else ([], signatures[0])
        lines += side_by_side(left, right, PAPER_WIDTH // 2, PAPER_WIDTH)
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
