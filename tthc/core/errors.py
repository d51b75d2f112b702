"""The one family of refusals. Each carries a message key from ``tthc.locale.i18n`` and its values,
so the same refusal reads in Vietnamese or English; a key or a value missing from the table
is a bug, caught when the refusal is built rather than when it is printed. The machine's own
reasons (a missing file, a full disk, a port in use) are said in words too, from the error
number (:func:`os_reason`)."""

import errno
from string import Formatter
from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class Said(Protocol):
    """A value of a message that is said differently in each language (a nested message, a
    time limit in words): rendered in the reader's language when the message is."""

    def render(self, lang: str) -> str: ...


class Msg:
    """A translatable message: a key of ``tthc.locale.i18n.MESSAGES`` and the values to fill in."""

    def __init__(self, key: str, /, **args: Any) -> None:
        from tthc.locale.i18n import MESSAGES

        texts = MESSAGES.get(key)
        if texts is None:
            raise KeyError(f"no message {key!r} in tthc.locale.i18n.MESSAGES")
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
        from tthc.locale.i18n import MESSAGES

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


#: The machine's refusals tthc meets, by error number, as message keys: a person reads why
#: in their own language, never the operating system's English (``[Errno 21] Is a directory``).
OS_WORDS = {
    errno.ENOENT: "os_enoent",
    errno.ENOTDIR: "os_enotdir",
    errno.EISDIR: "os_eisdir",
    errno.EACCES: "os_eacces",
    errno.EPERM: "os_eacces",
    errno.ENOSPC: "w_disk_full",
    getattr(errno, "EDQUOT", errno.ENOSPC): "w_disk_full",
    errno.EFBIG: "os_efbig",
    errno.EROFS: "w_readonly",
    errno.EIO: "w_disk_io",
    errno.EEXIST: "os_eexist",
    errno.ENAMETOOLONG: "os_enametoolong",
    errno.EBUSY: "os_ebusy",
    errno.EMFILE: "os_emfile",
    errno.EADDRINUSE: "os_eaddrinuse",
    errno.EADDRNOTAVAIL: "os_eaddrnotavail",
}


def os_reason(exc: BaseException) -> Msg:
    """Why the machine refused — a file, a folder, a disk, a port, a host name — said from the
    error number in the user's language. An error number without words of its own is named
    (``ENOTEMPTY``) beside the system's text in English."""
    number = getattr(exc, "errno", None)
    if type(exc).__name__ == "gaierror" or (isinstance(number, int) and number < 0):
        return Msg("os_unknown_host")  # getaddrinfo's numbers (EAI_*) are negative
    key = OS_WORDS.get(number) if isinstance(number, int) else None
    if key is not None:
        return Msg(key)
    text = getattr(exc, "strerror", None) or str(exc)
    name = errno.errorcode.get(number, str(number)) if isinstance(number, int) else type(exc).__name__
    return Msg("os_other", name=name, text=text)


#: What SQLite says when the machine or the file refuses, as message keys (SQLite gives no
#: error number through Python's module, only its English text).
SQLITE_WORDS = (
    ("readonly", "w_readonly"),
    ("unable to open", "w_cannot_open"),
    ("disk is full", "w_disk_full"),
    ("disk I/O", "w_disk_io"),
    ("not a database", "w_not_database"),
    ("malformed", "w_malformed"),
    ("locked", "w_locked"),
)


def sqlite_reason(exc: BaseException) -> Msg | None:
    """Why SQLite refused, in the user's language; None when it is not one of those."""
    text = str(exc)
    return next((Msg(key) for needle, key in SQLITE_WORDS if needle in text), None)
