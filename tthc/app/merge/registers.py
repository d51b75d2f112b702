"""The catalog, the registers, the calendar and the code numbers of the other point: what comes
here, and what the two points define differently (a conflict that refuses the whole file)."""

from datetime import date

from tthc.app.merge.data import Plan, PointData
from tthc.core.errors import Msg
from tthc.locale.i18n import LimitWords
from tthc.locale.marks import N_, P_
from tthc.locale.words import DAY_KIND_WORDS
from tthc.storage.store import COPY_KEYS, Store

#: A procedure's columns two points must agree on, with the word a person reads for each.
_PROCEDURE_FIELD_WORDS = {
    "name": N_("Name"),
    "field": N_("Field"),
    "time_limit": N_("Time limit"),
    "alias": N_("Alias"),
    "fee": N_("Fee"),
    "e_result": N_("electronic result"),
}
#: A day off's verdict (``calendar_rulings.verdict``), as a sentence says it.
_VERDICT_WORDS = {"confirmed": N_("confirmed"), "rejected": P_("day off ruling", "rejected")}


def plan_registers(store: Store, data: PointData, plan: Plan) -> None:
    """The rows of the catalog, the registers, the calendar and the code numbers that come."""
    _plan_catalog(store, data, plan)
    _plan_officers_and_points(store, data, plan)
    _plan_calendar(store, data, plan)
    _plan_sequences(store, data, plan)


def _plan_catalog(store: Store, data: PointData, plan: Plan) -> None:
    ours = {r["code"]: r for r in store.copy_rows("procedures")}
    aliases = {str(r["alias"]).lower(): code for code, r in ours.items() if r["alias"]}
    added = []
    for theirs in data.tables.get("procedures", []):
        code = theirs["code"]
        here = ours.get(code)
        if here is None:
            alias = str(theirs["alias"]).lower() if theirs["alias"] else None
            if alias is not None and alias in aliases:
                plan.conflicts.append(
                    Msg(
                        "procedure {code}: its alias {alias!r} is procedure {other}'s here",
                        code=code,
                        alias=theirs["alias"],
                        other=aliases[alias],
                    )
                )
            added.append(theirs)
            continue
        for column in _PROCEDURE_FIELD_WORDS:
            if here[column] != theirs[column]:
                mine, other = here[column], theirs[column]
                if column == "time_limit":  # said as people say it: '5 ngày làm việc', not '5wd'
                    mine, other = LimitWords(mine), LimitWords(other)
                plan.conflicts.append(
                    Msg(
                        "procedure {code}: {column} is {ours!r} here and {theirs!r} there",
                        code=code,
                        column=Msg(_PROCEDURE_FIELD_WORDS[column]),
                        ours=mine,
                        theirs=other,
                    )
                )
    plan.rows["procedures"] = added


def _plan_officers_and_points(store: Store, data: PointData, plan: Plan) -> None:
    for table in ("officers", "points"):
        ours = {r["name_key"]: r for r in store.copy_rows(table)}
        plan.rows[table] = []
        for theirs in data.tables.get(table, []):
            here = ours.get(theirs["name_key"])
            if here is None:
                plan.rows[table].append(theirs)
            elif table == "points" and here["code_prefix"] != theirs["code_prefix"]:
                plan.conflicts.append(
                    Msg(
                        "point {name}: unit code {ours!r} here and {theirs!r} there",
                        name=here["name"],
                        ours=here["code_prefix"] or "",
                        theirs=theirs["code_prefix"] or "",
                    )
                )


def _plan_calendar(store: Store, data: PointData, plan: Plan) -> None:
    ours = {r["day"]: r for r in store.copy_rows("calendar_days")}
    theirs = {r["day"]: r for r in data.tables.get("calendar_days", [])}
    plan.rows["calendar_days"] = []
    for day, row in sorted(theirs.items()):
        here = ours.get(day)
        if here is None:
            plan.rows["calendar_days"].append(row)
            plan.new_days.add(date.fromisoformat(day))
        elif here["kind"] != row["kind"]:
            plan.conflicts.append(
                Msg(
                    "{day:%d/%m/%Y}: a {ours} here, a {theirs} there",
                    day=date.fromisoformat(day),
                    ours=Msg(DAY_KIND_WORDS[here["kind"]]),
                    theirs=Msg(DAY_KIND_WORDS[row["kind"]]),
                )
            )
    plan.own_days = {date.fromisoformat(day) for day in ours if day not in theirs}
    _plan_rulings(store, data, plan)


def _plan_rulings(store: Store, data: PointData, plan: Plan) -> None:
    """The other point's verdicts on unconfirmed days: one this side lacks comes here (and
    lays its open dossiers again); two different verdicts on one day are a conflict."""
    ours = {r["day"]: r for r in store.copy_rows("calendar_rulings")}
    plan.rows["calendar_rulings"] = []
    for row in sorted(data.tables.get("calendar_rulings", []), key=lambda r: str(r["day"])):
        here = ours.get(row["day"])
        if here is None:
            plan.rows["calendar_rulings"].append(row)
            plan.new_days.add(date.fromisoformat(row["day"]))
        elif here["verdict"] != row["verdict"]:
            plan.conflicts.append(
                Msg(
                    "{day:%d/%m/%Y}: {ours} here, {theirs} there",
                    day=date.fromisoformat(row["day"]),
                    ours=Msg(_VERDICT_WORDS[here["verdict"]]),
                    theirs=Msg(_VERDICT_WORDS[row["verdict"]]),
                )
            )
    theirs = {r["day"] for r in data.tables.get("calendar_rulings", [])}
    plan.own_days |= {date.fromisoformat(day) for day in ours if day not in theirs}


def _plan_sequences(store: Store, data: PointData, plan: Plan) -> None:
    """The higher last number of each unit code, day and block, so none is given again."""
    key = COPY_KEYS["code_sequences"]
    ours = {tuple(r[k] for k in key): r["last"] for r in store.copy_rows("code_sequences")}
    plan.rows["code_sequences"] = [
        r for r in data.tables.get("code_sequences", []) if ours.get(tuple(r[k] for k in key), 0) < r["last"]
    ]
