"""Marks on the messages in the code, for extraction (``pybabel extract``, see docs/translating.md).

A msgid is the English text itself. ``N_`` marks one written away from its use (in a table);
``P_`` gives it a context where one English text has two Vietnamese ones (``pgettext``);
``NP_`` pairs a singular with its plural (``ngettext`` on the value ``n``). Both travel as one
string, the way a ``.mo`` file keys them: context ``\\x04`` msgid, singular ``\\x00`` plural."""

CONTEXT = "\x04"
PLURAL = "\x00"


def N_(msgid: str) -> str:
    """``msgid`` as it is: marked for extraction, translated where it is used."""
    return msgid


def P_(context: str, msgid: str) -> str:
    """``msgid`` in ``context``: the same English said another way in Vietnamese."""
    return f"{context}{CONTEXT}{msgid}"


def NP_(singular: str, plural: str) -> str:
    """A message with a plural, chosen by the value ``n`` it is filled with."""
    return f"{singular}{PLURAL}{plural}"


def english(msgid: str) -> str:
    """The English of a marked msgid: without its context, the singular of a plural."""
    return msgid.rpartition(CONTEXT)[2].partition(PLURAL)[0]
