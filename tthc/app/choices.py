"""The words a command line offers for a dossier's status, channel and outcome, made from the
domain's own lists (``lifecycle.STATUSES``, ``models.CHANNELS``, ``lifecycle.OUTCOMES``), so a
status added to the life cycle is a choice of ``list --status`` the same day."""

from enum import StrEnum

from tthc.core.lifecycle import OUTCOMES, STATUSES
from tthc.core.models import CHANNELS

# The functional API builds each enum from its list; mypy cannot see members it does not read
# written out, so it is told (the members are checked against the lists by the tests).
StatusChoice = StrEnum("StatusChoice", [(s, s) for s in STATUSES])  # type: ignore[misc]
ChannelChoice = StrEnum("ChannelChoice", [(c, c) for c in CHANNELS])  # type: ignore[misc]
OutcomeChoice = StrEnum("OutcomeChoice", [(o, o) for o in OUTCOMES])  # type: ignore[misc]
