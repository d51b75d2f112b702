"""The command line: Typer commands that parse, call one function of ``tthc.app`` and render the result."""
