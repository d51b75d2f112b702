"""The one family of domain errors: each carries a message meant for a person."""


class TthcError(Exception):
    """A refusal the user can act on; the CLI prints ``Error: <message>`` and exits 1."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
