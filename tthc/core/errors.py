"""The one family of refusals. Each carries its message (an English msgid of the catalog, see
``tthc.locale.i18n``) and its values, so the same refusal reads in Vietnamese or English; a
value the message needs and was not given is a bug, caught when the refusal is built rather
than when it is printed. The machine's own
reasons (a missing file, a full disk, a port in use) are said in words too, from the error
number (:func:`os_reason`)."""

import errno
from typing import Any, Protocol, runtime_checkable

from tthc.locale.marks import N_


@runtime_checkable
class Said(Protocol):
    """A value of a message that is said differently in each language (a nested message, a
    time limit in words): rendered in the reader's language when the message is."""

    def render(self, lang: str) -> str: ...


class Msg:
    """A translatable message: its English msgid (``tthc.locale.marks``) and the values to fill in."""

    def __init__(self, key: str, /, **args: Any) -> None:
        from string import Formatter  # here: a command that says nothing does not load it

        from tthc.locale.i18n import in_catalog
        from tthc.locale.marks import CONTEXT, PLURAL

        if not in_catalog(key):
            raise KeyError(f"no message {key!r} in the catalog (tthc/locale/vi/LC_MESSAGES/tthc.po)")
        texts = key.rpartition(CONTEXT)[2].split(PLURAL)
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
        from tthc.locale.i18n import t

        args = {k: v.render(lang) if isinstance(v, Said) else v for k, v in self.args.items()}
        return t(lang, self.key, **args)

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


#: The machine's refusals tthc meets, by error number, as messages: a person reads why
#: in their own language, never the operating system's English (``[Errno 21] Is a directory``).
OS_WORDS = {
    errno.ENOENT: N_("no such file or folder"),
    errno.ENOTDIR: N_("a part of the path is a file, not a folder"),
    errno.EISDIR: N_("it is a folder, not a file"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.ENOSPC: N_("the disk is full"),
    getattr(errno, "EDQUOT", errno.ENOSPC): N_("the disk is full"),
    errno.EFBIG: N_("the file is larger than the system allows"),
    errno.EROFS: N_("the file or its folder is read-only"),
    errno.EIO: N_("the disk could not be read or written"),
    errno.EEXIST: N_("it already exists"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EBUSY: N_("it is in use by another program"),
    errno.EMFILE: N_("too many files are open"),
    errno.EADDRINUSE: N_("the port is already in use (another program, or tthc serve already running)"),
    errno.EADDRNOTAVAIL: N_("this machine has no such address"),
}


def os_reason(exc: BaseException) -> Msg:
    """Why the machine refused — a file, a folder, a disk, a port, a host name — said from the
    error number in the user's language. An error number without words of its own is named
    (``ENOTEMPTY``) beside the system's text in English."""
    number = getattr(exc, "errno", None)
    if type(exc).__name__ == "gaierror" or (isinstance(number, int) and number < 0):
        return Msg("no such host name")  # getaddrinfo's numbers (EAI_*) are negative
    key = OS_WORDS.get(number) if isinstance(number, int) else None
    if key is not None:
        return Msg(key)
    text = getattr(exc, "strerror", None) or str(exc)
    name = errno.errorcode.get(number, str(number)) if isinstance(number, int) else type(exc).__name__
    return Msg("{text} ({name})", name=name, text=text)


#: What SQLite says when the machine or the file refuses, as message keys (SQLite gives no
#: error number through Python's module, only its English text).
SQLITE_WORDS = (
    ("readonly", N_("the file or its folder is read-only")),
    ("unable to open", N_("it cannot be opened (check the folder and its permissions)")),
    ("disk is full", N_("the disk is full")),
    ("disk I/O", N_("the disk could not be read or written")),
    ("not a database", N_("it is not a database file")),
    ("malformed", N_("the database file is damaged")),
    ("locked", N_("another program holds the database")),
)


def sqlite_reason(exc: BaseException) -> Msg | None:
    """Why SQLite refused, in the user's language; None when it is not one of those."""
    text = str(exc)
    return next((Msg(key) for needle, key in SQLITE_WORDS if needle in text), None)
