"""What a merge of another point's file brought (or would bring), table by table: the record
``tthc.app.merge`` returns and the screens read."""

from dataclasses import dataclass, field

from tthc.core.errors import Msg


@dataclass(frozen=True)
class MergeReport:
    """What a merge brought (or, with ``dry_run``, would bring), table by table."""

    source: str
    dry_run: bool
    added: dict[str, int]  # rows added per table: dossiers, events, procedures, officers …
    updated: int  # dossiers that had moved on at the other point
    removed: int  # dossiers whose receipt was undone at the other point
    relaid: int  # open dossiers whose due date moved with the calendar days that came
    whole: bool  # a blank database took a whole copy: settings and event numbers too
    held: dict[str, list[Msg]] = field(default_factory=dict)  # dossiers held aside, and why
    settled: tuple[str, ...] = ()  # held dossiers settled by --keep in this run

    @property
    def changed(self) -> bool:
        return bool(sum(self.added.values()) or self.updated or self.removed or self.relaid or self.settled)
