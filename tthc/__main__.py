"""Entry point for ``python -m tthc``."""

from tthc.cli.main import main

main()
