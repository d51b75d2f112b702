"""Entry point for ``python -m tthc``."""

from tthc.cli.quick import main

main()
