"""The one family of refusals. Each carries a message key from ``tthc.i18n`` and its values,
so the same refusal reads in Vietnamese or English; a key or a value missing from the table
is a bug, caught when the refusal is built rather than when it is printed."""

from string import Formatter
from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class Said(Protocol):
    """A value of a message that is said differently in each language (a nested message, a
    time limit in words): rendered in the reader's language when the message is."""

    def render(self, lang: str) -> str: ...


class Msg:
    """A translatable message: a key of ``tthc.i18n.MESSAGES`` and the values to fill in."""

    def __init__(self, key: str, /, **args: Any) -> None:
        from tthc.i18n import MESSAGES

        texts = MESSAGES.get(key)
        if texts is None:
            raise KeyError(f"no message {key!r} in tthc.i18n.MESSAGES")
        wanted = {
            name.split(".")[0].split("[")[0]
            for text in texts
            for _, name, _, _ in Formatter().parse(text)
            if name
        }
        missing = wanted - set(args)
        if missing:
            raise KeyError(f"message {key!r} needs {sorted(missing)}")
        self.key = key
        self.args = args

    def render(self, lang: str) -> str:
        from tthc.i18n import MESSAGES

        en, vi = MESSAGES[self.key]
        args = {k: v.render(lang) if isinstance(v, Said) else v for k, v in self.args.items()}
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
