"""A chart's bar: the one thing a person reads that is drawn, not laid out in columns. The
bars sit in the cells of a table of the one model (:mod:`tthc.present.table`), which places
them; this draws one bar, its figure to its right."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text


def bar(value: float, most: float, width: int, char: str, style: str, figure: str) -> Text:
    """``value`` of ``most`` as a bar of ``char`` up to ``width`` long, in ``style``, then its
    figure, so that a black-and-white printout still tells two bars apart by their letters."""
    from rich.text import Text

    drawn = Text(char * round(width * value / most), style=style)
    drawn.append(f" {figure}")
    return drawn
