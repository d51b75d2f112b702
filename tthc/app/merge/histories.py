"""Dossiers both points know, merged from both histories together: the steps neither side undid
applied again through the life cycle, edits merged field by field. One that cannot be merged
so (steps that cannot both stand, a field edited to two values, an event rewritten) is held
aside until an undo or the manager's ``--keep`` settles it."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from tthc.app.context import Context
from tthc.app.inputs import codes_meant
from tthc.app.merge.checking import said
from tthc.app.merge.data import MOVES, Keep, Plan, PointData
from tthc.core.errors import Msg, TthcError
from tthc.core.lifecycle import Life
from tthc.core.models import Event, search_text
from tthc.core.replay import (
    DETAIL_FIELDS,
    Move,
    edits_by_field,
    facts_of_steps,
    moves_of,
    officer_after,
    receipt_stands,
    replay,
    standing_steps,
)
from tthc.core.workcalendar import WorkCalendar
from tthc.locale.words import DETAIL_WORDS, STEP_WORDS
from tthc.storage.store import LIFE_COLUMNS, Store, life_values, round_values
from tthc.storage.stored import StoredDossier


@dataclass
class _Side:
    """One side's view of the dossiers: rows, and each code's events as moves."""

    rows: dict[str, StoredDossier]
    moves: dict[str, list[Move]]
    imported: dict[int, str]  # event id -> uid, for the import that brought a row

    @classmethod
    def of(cls, rows: dict[str, StoredDossier], events: Iterable[Event]) -> "_Side":
        listed = list(events)
        by_code: dict[str, list[Move]] = {}
        for m in moves_of(listed):
            if m.code is not None:
                by_code.setdefault(m.code, []).append(m)
        return cls(rows, by_code, {e.id: e.uid for e in listed if e.step == "import"})

    def knows(self, code: str) -> bool:
        return code in self.rows or code in self.moves

    def receipt(self, code: str) -> str | None:
        """Which receipt the code stands for: its receive event, or the import that brought it."""
        row = self.rows.get(code)
        if row is not None and row.get("imported_by") is not None:
            return "import:" + self.imported.get(int(row.get("imported_by")), "?")
        return next((m.uid for m in self.moves.get(code, []) if m.step == "receive"), None)


def plan_dossiers(ctx: Context, store: Store, data: PointData, plan: Plan, keep: Keep | None) -> None:
    theirs = _Side.of({d.code: d for d in data.dossiers}, data.events)
    codes_here = store.dossier_codes()
    wanted = [c for c in (*theirs.rows, *theirs.moves) if c in codes_here]
    ours = _Side.of({d.code: d for d in store.stored_dossiers(wanted)}, store.copy_events())
    have = {m.uid for ms in ours.moves.values() for m in ms} | set(store.event_ids())
    uid_of = {e.id: e.uid for e in data.events}
    codes = list(dict.fromkeys((*theirs.rows, *theirs.moves)))
    if keep is not None:  # each code as a clerk types it anywhere: any case, or the short form
        both = [c for c in codes if ours.knows(c)]
        for typed in keep.codes:
            meant = codes_meant(typed, both)
            if len(meant) > 1:
                raise TthcError(
                    "{code!r} could be any of: {candidates}; type the whole code",
                    code=typed,
                    candidates=", ".join(sorted(meant)[:10]),
                )
            if meant:
                plan.keeping[meant[0]] = typed
    queued: set[str] = set()
    cal = ctx.calendar()
    for code in codes:
        their_moves = theirs.moves.get(code, [])
        row = theirs.rows.get(code)
        if ours.knows(code):
            decided = keep.side if keep is not None and code in plan.keeping else None
            outcome = _merge_known(cal, code, ours, theirs, plan, decided, keep.reason if keep else "")
            if outcome is None:
                continue
            if outcome == "remove":
                plan.remove.append(code)
            elif isinstance(outcome, StoredDossier):
                plan.replace.append(outcome)
            plan.merged.add(code)
        elif row is not None:
            plan.new.append(row)
        queued.update(m.uid for m in their_moves if m.uid not in have)
        imported = row.get("imported_by") if row is not None else None
        if imported is not None and uid_of.get(int(imported)) not in have:
            queued.add(uid_of.get(int(imported), ""))
    plan.events = [e for e in data.events if e.uid in queued]
    used = store.used_codes([row.code for row in plan.new])
    for row in plan.new:  # new here as typed; given here in another letter case is one code
        spelled = used.get(row.code)
        if spelled is not None and spelled != row.code:
            plan.conflicts.append(
                Msg(
                    "dossier {code}: this database gave that code as {ours!r}; codes that differ only in letter case are one code",
                    code=row.code,
                    ours=spelled,
                )
            )


#: What a merge makes of a dossier both sides know: a new row, its removal (its receipt was
#: undone), this row as it stands ("stay"), or None when it is held aside.
_Outcome = StoredDossier | Literal["remove", "stay"] | None


def _merge_known(
    cal: WorkCalendar, code: str, ours: _Side, theirs: _Side, plan: Plan, decided: str | None, reason: str
) -> "_Outcome":
    """A dossier both sides know: its row as the union of both histories makes it ("remove"
    when the receipt was undone, "stay" when this row stands as it is), or None when held
    aside (or when the two receipts differ, a conflict of the whole file)."""
    here, there = ours.rows.get(code), theirs.rows.get(code)
    mine, other = ours.receipt(code), theirs.receipt(code)
    same_facts = (
        here is None
        or there is None
        or all(here.get(c) == there.get(c) for c in ("received_at", "procedure_code", "time_limit"))
    )
    if (mine is not None and other is not None and mine != other) or not same_facts:
        plan.conflicts.append(
            Msg(
                "dossier {code}: two different receipts under one code: here {ours}; there {theirs}",
                code=code,
                ours=_describe(here),
                theirs=_describe(there),
            )
        )
        return None
    a, b = ours.moves.get(code, []), theirs.moves.get(code, [])
    known = {m.uid: m for m in a}
    problems: list[Msg] = []
    rewritten = [m for m in b if m.uid in known and known[m.uid].says() != m.says()]
    for m in rewritten:
        problems.append(
            Msg(
                "dossier {code}: its {step} at {at:%d/%m/%Y %H:%M} is recorded differently here and there",
                code=code,
                step=Msg(STEP_WORDS[m.step]),
                at=m.happened_at,
            )
        )
    union = [*a, *(m for m in b if m.uid not in known)]
    if len(union) == len(a) and not rewritten:
        return "stay"  # nothing new from there
    theirs_uids = {m.uid for m in b}
    if not receipt_stands(union) and (here is None or here.get("imported_by") is None):
        return _receipt_undone(code, union, known, theirs_uids, here, plan, decided, reason)
    if here is None or there is None or here.get("imported_by") is not None:
        return _fast_forward(code, a, b, here, there, plan)
    steps = standing_steps(union)
    only_here = [m for m in steps if m.uid not in theirs_uids]
    only_there = [m for m in steps if m.uid not in known]
    fields = _field_conflicts(union, known, theirs_uids)
    life = _replayed(cal, here, there, steps)
    if life is None:
        problems.append(
            Msg(
                "dossier {code}: steps that cannot both stand: here {ours}; there {theirs}",
                code=code,
                ours=_first(only_here),
                theirs=_first(only_there),
            )
        )
    problems += _field_problems(code, fields)
    if problems:
        if decided is None:
            plan.held[code] = problems
            return None
        plan.settled.append(code)
        clash = [*only_there] if decided == "here" else [*only_here]
        life = _decide(
            cal,
            code,
            (here, there),
            union,
            steps,
            clash if life is None else [],
            fields,
            plan,
            decided,
            reason,
        )
    assert life is not None
    return _merged_row(code, here, there, union, known, theirs_uids, life, plan.decisions)


def _replayed(cal: WorkCalendar, here: StoredDossier, there: StoredDossier, steps: list[Move]) -> Life | None:
    """The life the standing steps of both sides give, or None when they cannot all stand."""
    try:
        return replay(cal, here.life(), steps, there.life())
    except TthcError:
        return None


def _field_problems(code: str, fields: dict[str, tuple[Any, Any]]) -> list[Msg]:
    """Each field edited to two values, as the manager reads it."""
    return [
        Msg(
            "dossier {code}: {field} edited to {ours!r} here and {theirs!r} there",
            code=code,
            field=Msg(DETAIL_WORDS[name]) if name in DETAIL_WORDS else name,
            ours=said(mine_value),
            theirs=said(their_value),
        )
        for name, (mine_value, their_value) in fields.items()
    ]


def _decide(
    cal: WorkCalendar,
    code: str,
    rows: tuple[StoredDossier, StoredDossier],
    union: list[Move],
    steps: list[Move],
    dropped: list[Move],
    fields: dict[str, tuple[Any, Any]],
    plan: Plan,
    decided: str,
    reason: str,
) -> Life:
    """``--keep``: the steps of the side not kept that clash are undone, each field edited
    both ways takes the kept side's value; the life the standing steps then give."""
    for m in dropped:
        plan.decisions.append({"kind": "undo", "code": code, "move": m, "side": decided, "reason": reason})
    for name, (mine_value, their_value) in fields.items():
        plan.decisions.append(
            {
                "kind": "edit",
                "code": code,
                "field": name,
                "before": their_value if decided == "here" else mine_value,
                "after": mine_value if decided == "here" else their_value,
                "settles": [m.uid for m in edits_by_field(union).get(name, [])],
                "side": decided,
                "reason": reason,
            }
        )
    here, there = rows
    return replay(cal, here.life(), [m for m in steps if m not in dropped], there.life())


def _receipt_undone(
    code: str,
    union: list[Move],
    known: dict[str, Move],
    theirs_uids: set[str],
    here: StoredDossier | None,
    plan: Plan,
    decided: str | None,
    reason: str,
) -> _Outcome:
    """One point undid the receipt. The dossier goes, unless the other point recorded steps
    the undoing point never saw: then it is held, and only keeping the undo settles it (the
    steps are undone too, so the other point removes the dossier when it merges back)."""
    receipts = {m.uid for m in union if m.step == "receive"}
    undo = next(m for m in union if m.step == "undo" and m.undoes in receipts)
    undoer, side = (theirs_uids, "there") if undo.uid in theirs_uids else (set(known), "here")
    unseen = [m for m in standing_steps(union) if m.uid not in undoer]
    if not unseen:
        return "remove" if here is not None else "stay"
    if decided is None:
        plan.held[code] = [
            Msg(
                "dossier {code}: its receipt was undone at one point ({at:%d/%m/%Y %H:%M}) while the other went on with it ({step})",
                code=code,
                at=undo.happened_at,
                step=_step(unseen[0]),
            )
        ]
        return None
    if decided != side:
        raise TthcError(
            "the receipt of {code} was undone {side}: only --keep {side} settles it (receive the dossier again under a new code if it is real); nothing was written",
            code=code,
            side=side,
        )
    plan.settled.append(code)
    for m in unseen:
        plan.decisions.append({"kind": "undo", "code": code, "move": m, "side": decided, "reason": reason})
    return "remove" if here is not None else "stay"


def _fast_forward(
    code: str,
    a: list[Move],
    b: list[Move],
    here: StoredDossier | None,
    there: StoredDossier | None,
    plan: Plan,
) -> "_Outcome":
    """An imported dossier, or one only one side still holds a row of: one history (its
    moves: steps, undos and edits) must begin the other, and the longer one wins."""
    a, b = [m for m in a if m.step in MOVES], [m for m in b if m.step in MOVES]
    ua, ub = [m.uid for m in a], [m.uid for m in b]
    if ub[: len(ua)] == ua:
        if len(ub) == len(ua):
            return "stay"
        if there is None:
            return "remove" if here is not None else "stay"
        return there
    if ua[: len(ub)] == ub:
        return "stay"
    common = next((i for i, (x, y) in enumerate(zip(ua, ub, strict=False)) if x != y), min(len(ua), len(ub)))
    if common < len(a) and common < len(b):
        plan.held[code] = [
            Msg(
                "dossier {code}: the two points recorded different steps after {common} in common: here {ours}; there {theirs}",
                code=code,
                ours=_step(a[common]),
                theirs=_step(b[common]),
                common=common,
            )
        ]
        return None
    return "stay"


def _field_conflicts(
    union: list[Move], known: dict[str, Move], theirs_uids: set[str]
) -> dict[str, tuple[Any, Any]]:
    """Fields edited at both points to different values, neither edit settled since."""
    out: dict[str, tuple[Any, Any]] = {}
    for name, edits in edits_by_field(union).items():
        here = [m for m in edits if m.uid not in theirs_uids]
        there = [m for m in edits if m.uid not in known]
        if here and there:
            mine, other = here[-1].details["after"][name], there[-1].details["after"][name]
            if mine != other:
                out[name] = (mine, other)
    return out


def _merged_row(
    code: str,
    here: StoredDossier,
    there: StoredDossier,
    union: list[Move],
    known: dict[str, Move],
    theirs_uids: set[str],
    life: Life,
    decisions: list[dict[str, Any]],
) -> "StoredDossier | Literal['stay']":
    """This row with the life the union gives, and each detail field from the side whose
    edit of it is the newer (the decision's value for a field settled now)."""
    row = here.row()
    edits = edits_by_field(union)
    for name in DETAIL_FIELDS:
        standing = edits.get(name, [])
        if standing and standing[-1].uid not in known:
            row[name] = there.get(name)
    for d in decisions:
        if d["code"] == code and d["kind"] == "edit":
            row[d["field"]] = d["after"]
    row.update(zip(LIFE_COLUMNS, life_values(life), strict=True))
    row.update(facts_of_steps(union))
    row["officer"] = officer_after(union, row["officer"])
    for d in decisions:
        if d["code"] == code and d["kind"] == "edit" and d["field"] == "officer":
            row["officer"] = d["after"]
    row["search_text"] = search_text(row["applicant"], code, row["phone"], row["id_number"])
    row["updated_at"] = max(str(here.get("updated_at")), str(there.get("updated_at")))
    rounds = [round_values(code, r)[1:] for r in life.rounds]
    merged = StoredDossier.of(row, [])
    merged = StoredDossier(merged.values, tuple(rounds))
    return "stay" if merged == here else merged


def _first(moves: list[Move]) -> Msg:
    return _step(moves[0]) if moves else Msg("no step")


def _describe(row: StoredDossier | None) -> Msg:
    if row is None:
        return Msg("receipt undone")
    return Msg(
        "{procedure} received {at:%d/%m/%Y %H:%M} from {applicant}",
        at=datetime.fromisoformat(str(row.get("received_at"))),
        procedure=row.get("procedure_code"),
        applicant=row.get("applicant"),
    )


def _step(e: Move) -> Msg:
    return Msg("{step} at {at:%d/%m/%Y %H:%M}", step=Msg(STEP_WORDS[e.step]), at=e.happened_at)
