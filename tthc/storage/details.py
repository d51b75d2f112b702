"""What a clerk types about a dossier besides its life (:class:`Details`): who, how, where; a
new dossier's row is made of it and of its life (``tthc.storage.records.new_dossier_values``).

Its own module: a command that writes no dossier (a clerk's ``show``) does not build it.
"""

from dataclasses import dataclass

from tthc.core.models import Service, search_text


@dataclass(frozen=True)
class Details:
    """What a clerk types about a dossier besides its life: who, how, where."""

    procedure: str
    field: str
    applicant: str
    channel: str
    point: str | None = None
    id_number: str | None = None
    phone: str | None = None
    address: str | None = None
    note: str | None = None
    limit_overridden: bool = False
    service: Service = Service()  # noqa: RUF009 -- frozen: one shared default is safe

    def search_text(self, code: str) -> str:
        return search_text(self.applicant, code, self.phone, self.id_number)
