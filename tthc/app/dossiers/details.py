"""Correcting a dossier's details (not its timeline): the applicant, contacts, point, officer and
the scorecard's facts, recorded in the audit trail with the old values and the clerk's reason."""

from typing import Any

from tthc.app.catalog import registered
from tthc.app.context import Context
from tthc.app.corrections import Correction, guard
from tthc.app.dossiers.receiving import reason_fact
from tthc.app.inputs import check_id_number, check_phone, clean, load
from tthc.core.errors import TthcError
from tthc.core.models import PAYMENTS, Dossier, search_text
from tthc.storage.store import Store


# -- corrections of details -------------------------------------------------------------------------
def edit(
    ctx: Context,
    code: str,
    changes: dict[str, Any],
    *,
    reason: str | None = None,
    correction: Correction | None = None,
) -> Dossier:
    """Correct details (not the timeline); recorded in the audit trail with the old values
    and the clerk's reason. Moving a dossier of a period already reported to another point or
    officer changes that report, so it needs a correction."""
    given = {k: v for k, v in changes.items() if v is not None}
    if not given:
        raise TthcError(
            "nothing to change: give --applicant, --phone, --address, --point, --officer, --note or --id-number"
        )
    why = clean(reason, "reason")
    store = ctx.store()
    with store.write():
        d = load(store, code)
        values = _edited_values(store, given)
        fix = (
            guard(ctx, store, d.code, "edit", d.received_at, correction)
            if {"point", "officer"} & set(values)
            else {}
        )
        held = d.service.as_json()
        before = {k: held[k] if k in held else getattr(d, k) for k in values}
        now = {**before, **values}
        text = search_text(
            now.get("applicant", d.applicant),
            d.code,
            now.get("phone", d.phone),
            now.get("id_number", d.id_number),
        )
        store.update_details(d.code, {**values, "search_text": text}, ctx.now)
        store.add_event(
            step="edit",
            dossier_code=d.code,
            happened_at=ctx.now,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details={"before": before, "after": values, **reason_fact(why), **fix},
        )
        return load(store, d.code)


def _edited_values(store: Store, given: dict[str, Any]) -> dict[str, Any]:
    from tthc.app.catalog import parse_fee

    values: dict[str, Any] = {}
    for key, value in given.items():
        if key in ("digitised", "data_reused", "e_result"):
            values[key] = bool(value)
        elif key == "fee":
            values[key] = parse_fee(value)
        elif key == "payment":
            if value not in PAYMENTS:
                raise TthcError("bad payment {value!r}: expected cash, online or exempt", value=value)
            values[key] = value
        elif key == "applicant":
            values[key] = clean(value, "applicant", required=True)
        elif key == "phone":
            values[key] = check_phone(value)
        elif key == "id_number":
            values[key] = check_id_number(value)
        elif key in ("point", "officer"):
            reg = (
                registered(store, "point" if key == "point" else "officer", value) if value.strip() else None
            )
            values[key] = reg.name if reg else None
        else:
            values[key] = clean(value, key)
    return values
