"""A reader that goes away before the end (``tthc show CODE | head -1``): what every command
says then, the full command line and the quick ``show`` alike, and how its output is let go
so that Python does not complain again when it exits."""

import os
import sys

from tthc.app.basics import Msg


def closed_output() -> Msg:
    """The refusal of a command whose output was closed early."""
    return Msg("the output was closed before everything was written")


def let_output_go() -> None:
    """Standard output pointed at nothing: what was still buffered for the closed pipe is
    dropped instead of raising once more at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
