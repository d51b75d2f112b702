"""The one family of domain errors. Each carries a message key from ``tthc.i18n`` and its
values, so the same refusal reads in Vietnamese or English; ``message`` is the English."""

from __future__ import annotations

from typing import Any


class Msg:
    """A translatable message: a key of ``tthc.i18n.MESSAGES`` and the values to fill in."""

    def __init__(self, key: str, /, **args: Any) -> None:
        self.key = key
        self.args = args

    def render(self, lang: str) -> str:
        from tthc.i18n import MESSAGES

        en, vi = MESSAGES[self.key]
        args = {k: v.render(lang) if isinstance(v, Msg) else v for k, v in self.args.items()}
        return (vi if lang == "vi" else en).format(**args)

    def __str__(self) -> str:
        return self.render("en")


class TthcError(Exception):
    """A refusal the user can act on; the CLI prints ``Error: <text>`` and exits 1.

    ``details`` are further lines (the bad rows of a file, say), each a :class:`Msg`.
    """

    exit_code = 1

    def __init__(self, key: str, /, *, details: list[Msg] | None = None, **args: Any) -> None:
        self.msg = Msg(key, **args)
        self.details = list(details or [])
        super().__init__(self.message)

    def text(self, lang: str) -> str:
        return "\n".join([self.msg.render(lang), *(d.render(lang) for d in self.details)])

    @property
    def message(self) -> str:
        return self.text("en")
