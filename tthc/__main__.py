"""Entry point for ``python -m tthc``."""

from tthc.quick import main

main()
