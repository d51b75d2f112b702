"""The citizen's rating of a returned dossier from the tablet at the counter (Decree 118
Art. 31, 33): proved by the code and four digits as the look-up is, given once, within
:data:`RATING_DAYS` of the result's return."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

from tthc.app.dossiers import rating_of
from tthc.app.inputs import clean
from tthc.app.lookup import proves
from tthc.app.reading import reading
from tthc.core.errors import TthcError
from tthc.core.models import Rating
from tthc.storage.store import RatingWriter

#: How long after the result is returned the citizen may still rate the service on the web.
RATING_DAYS = 7
Outcome = Literal["rated", "not_found", "not_returned", "already", "bad"]


def rate(db_path: Path, now: datetime, code: str, check: str, rating: str, comment: str | None) -> Outcome:
    """The citizen's rating from the tablet at the counter: "rated", or why not — "not_found"
    (code or digits wrong, the same answer for both), "not_returned" (not returned, or more
    than :data:`RATING_DAYS` days ago), "already" (rated once). The dossier is found through
    a read-only view; the rating goes through the one connection that can only insert it. A
    comment that cannot be kept (control characters) is "bad"."""
    with reading(db_path, now, "vi") as ctx:
        store = ctx.store()
        keys = store.dossier_keys(code)
        matched = proves(keys, check)  # both numbers compared, whether the code exists or not
        if keys is None or not matched:
            return "not_found"
        d = store.dossier(keys.code)
        assert d is not None
        if (
            d.status != "returned"
            or d.returned_at is None
            or d.returned_at < now - timedelta(days=RATING_DAYS)
        ):
            return "not_returned"
        if d.rating is not None:
            return "already"
    value = rating_of(rating)
    try:
        said = clean(comment, "comment")
    except TthcError:  # control characters, or longer than a comment may be
        return "bad"
    with RatingWriter(db_path) as writer:
        done = writer.insert(d.code, Rating(value, said, now, "tablet"))  # type: ignore[arg-type]
    return "rated" if done else "already"
