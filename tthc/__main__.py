"""Entry point for ``python -m tthc``."""

from tthc.cli import main

main()
