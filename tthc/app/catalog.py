"""The center's registers: the procedure catalog, officers and reception points."""

import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tthc.app.context import Context
from tthc.core.errors import Msg, TthcError
from tthc.core.models import Kind, fold, name_key, same_name
from tthc.core.registry import Procedure, Registered
from tthc.core.settings import check_prefix
from tthc.core.timelimit import parse_limit
from tthc.locale.marks import N_, P_
from tthc.storage.store import Store

#: The national codes of the everyday civil-status and certification procedures, checked
#: against the national database of administrative procedures.
STARTER_CATALOG: tuple[Procedure, ...] = (
    Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", "same-day", "ks"),
    Procedure("1.000894", "Đăng ký kết hôn", "Hộ tịch", "same-day", "kh"),
    Procedure("1.000656", "Đăng ký khai tử", "Hộ tịch", "same-day", "kt"),
    Procedure("2.000815", "Chứng thực bản sao từ bản chính", "Chứng thực", "same-day", "ctbs"),
    Procedure("2.000884", "Chứng thực chữ ký", "Chứng thực", "same-day", "ctck"),
)

_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$")
_ALIAS = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_-]{0,19}$")


#: An officer or a reception point, as a sentence names it ("unknown officer …").
KIND_WORDS = {"officer": P_("in a sentence", "officer"), "point": N_("reception point")}
#: The name of one, as a sentence names it ("the officer's name must not be empty").
KIND_NAME_WORDS = {"officer": N_("the officer's name"), "point": N_("the point's name")}


def _text(value: str | None, what: Msg) -> str:
    """Whitespace-normalised text; ``what`` names it when it is empty."""
    cleaned = " ".join((value or "").split())
    if not cleaned:
        raise TthcError("{what} must not be empty", what=what)
    return cleaned


def parse_fee(value: Any) -> int | None:
    """A fee in đồng as typed or read from a file (``50.000``, ``50,000``), or None."""
    return _fee(value)


def _fee(value: Any) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip().replace(".", "").replace(",", "").replace(" ", "")
    if not (text.isascii() and text.isdigit()) or len(text) > 12:  # up to 999 billion đồng
        raise TthcError("bad fee {value!r}: expected a whole number of đồng", value=value)
    return int(text)


def checked_procedure(
    code: str,
    name: str | None,
    field: str | None,
    limit: str | None,
    alias: str | None,
    fee: Any,
    e_result: bool = False,
) -> Procedure:
    code = code.strip()
    if not _CODE.match(code):
        raise TthcError("bad procedure code {code!r}: e.g. 1.001193", code=code)
    if alias is not None and alias.strip() and not _ALIAS.match(alias.strip()):
        raise TthcError("bad alias {alias!r}: letters, digits, - and _ only", alias=alias)
    return Procedure(
        code,
        _text(name, Msg("the procedure name")),
        _text(field, Msg("the field")),
        str(parse_limit(limit or "")),
        alias.strip().lower() if alias and alias.strip() else None,
        _fee(fee),
        bool(e_result),
    )


def _check_alias_free(store: Store, proc: Procedure) -> None:
    if proc.alias is None:
        return
    clash = store.procedure(proc.alias)
    if clash is not None and clash.code != proc.code:
        raise TthcError("alias {alias!r} is already used by procedure {code}", alias=proc.alias, code=clash.code)


def install_starter(ctx: Context) -> int:
    """Add the starter catalog's procedures that are missing (inside the caller's transaction)."""
    store = ctx.store()
    added = 0
    for proc in STARTER_CATALOG:
        if store.procedure(proc.code) is None and (proc.alias is None or store.procedure(proc.alias) is None):
            store.put_procedure(proc, ctx.now, new=True)
            added += 1
    return added


def add_procedure(
    ctx: Context,
    code: str,
    name: str,
    field: str,
    limit: str,
    alias: str | None,
    fee: Any,
    e_result: bool = False,
) -> Procedure:
    proc = checked_procedure(code, name, field, limit, alias, fee, e_result)
    store = ctx.store()
    with store.write():
        if store.procedure(proc.code) is not None:
            raise TthcError("procedure {code} already exists (use `tthc procedure edit`)", code=proc.code)
        _check_alias_free(store, proc)
        store.put_procedure(proc, ctx.now, new=True)
        store.add_event(
            step="procedure.add",
            happened_at=ctx.now,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details=proc.as_json(),
        )
    return proc


def find_procedure(store: Store, text: str) -> Procedure:
    """The procedure a person means by ``text``, wherever one is typed or read from a file:
    its code or alias (an alias in any case) first, else the one procedure whose full name
    it is, case and diacritics ignored ("dang ky khai sinh"). An unknown one is refused, and
    a name several procedures share is refused with their codes."""
    typed = " ".join(text.split())
    proc = store.procedure(typed) if typed else None
    if proc is not None:
        return proc
    wanted = fold(typed)
    named = [p for p in store.procedures() if " ".join(fold(p.name).split()) == wanted] if typed else []
    if len(named) == 1:
        return named[0]
    if named:
        raise TthcError("{name!r} is the name of several procedures ({codes}): give the code", name=typed, codes=", ".join(p.code for p in named))
    raise TthcError("unknown procedure {code!r} (see `tthc procedure list`)", code=typed)


def get_procedure(ctx: Context, code_or_name: str) -> Procedure:
    return find_procedure(ctx.store(), code_or_name)


def edit_procedure(ctx: Context, code_or_alias: str, changes: dict[str, Any]) -> Procedure:
    """Change a catalog entry; dossiers already received keep the limit they were given."""
    store = ctx.store()
    with store.write():
        old = get_procedure(ctx, code_or_alias)
        merged = {**old.as_json(), **{k: v for k, v in changes.items() if v is not None}}
        if not any(v is not None for v in changes.values()):
            raise TthcError("nothing to change: give --name, --field, --limit, --alias or --fee")
        proc = checked_procedure(
            old.code,
            merged["name"],
            merged["field"],
            merged["limit"],
            merged["alias"],
            merged["fee"],
            merged["e_result"],
        )
        _check_alias_free(store, proc)
        store.put_procedure(proc, ctx.now, new=False)
        store.add_event(
            step="procedure.edit",
            happened_at=ctx.now,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details={"before": old.as_json(), "after": proc.as_json()},
        )
    return proc


def list_procedures(ctx: Context, field: str | None) -> list[Procedure]:
    return ctx.store().procedures(field)


_PROC_COLUMNS = {
    "code": "code",
    "mã": "code",
    "mã tthc": "code",
    "ma tthc": "code",
    "mã thủ tục": "code",
    "name": "name",
    "tên": "name",
    "tên thủ tục": "name",
    "ten thu tuc": "name",
    "field": "field",
    "lĩnh vực": "field",
    "linh vuc": "field",
    "limit": "limit",
    "time limit": "limit",
    "thời hạn": "limit",
    "thoi han": "limit",
    "alias": "alias",
    "viết tắt": "alias",
    "fee": "fee",
    "lệ phí": "fee",
    "le phi": "fee",
    "phí": "fee",
    "e_result": "e_result",
    "e result": "e_result",
    "kết quả điện tử": "e_result",
    "ket qua dien tu": "e_result",
}


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    unknown_columns: list[str]


def import_procedures(ctx: Context, path: Path) -> ImportReport:
    """All-or-nothing: every bad row is named, and then nothing is written."""
    from tthc.storage.tables import BadRows, cell_text, map_header, read_rows, yes_no

    header, rows = read_rows(path)
    mapping, unknown = map_header(header, _PROC_COLUMNS, ("code", "name", "field", "limit"), path)
    parsed: list[Procedure] = []
    electronic: dict[str, bool | None] = {}  # as the file says; None: keep what the catalog says
    errors = BadRows()
    seen: dict[str, int] = {}
    for number, cells in rows:
        values = {key: cell_text(cells[i]) if i < len(cells) else "" for i, key in mapping.items()}
        try:
            proc = checked_procedure(
                values["code"],
                values["name"],
                values["field"],
                values["limit"],
                values.get("alias"),
                values.get("fee"),
                bool(yes_no(values.get("e_result"))),
            )
            electronic[proc.code] = yes_no(values.get("e_result"))
        except TthcError as exc:
            errors.add(number, exc.msg)
            continue
        if proc.code in seen:
            errors.add(number, Msg("code {code} repeats row {first}", code=proc.code, first=seen[proc.code]))
            continue
        seen[proc.code] = number
        parsed.append(proc)
    errors.raise_if_any(path)
    store = ctx.store()
    added = updated = 0
    with store.write():
        for proc in parsed:
            old = store.procedure(proc.code)
            exists = old is not None
            if old is not None and electronic[proc.code] is None:
                proc = replace(proc, e_result=old.e_result)
            _check_alias_free(store, proc)
            store.put_procedure(proc, ctx.now, new=not exists)
            added += not exists
            updated += exists
        store.add_event(
            step="procedure.import",
            happened_at=ctx.now,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details={"file": str(path), "added": added, "updated": updated},
        )
    return ImportReport(added, updated, unknown)


# -- officers and reception points ----------------------------------------------------------
def add_name(ctx: Context, kind: Kind, name: str, prefix: str | None = None) -> str:
    clean = _text(name, Msg(KIND_NAME_WORDS[kind]))
    if prefix and kind != "point":
        raise TthcError("--prefix applies to reception points only")
    checked_prefix = check_prefix(prefix) if prefix else None
    store = ctx.store()
    with store.write():
        existing = store.find_name(kind, name_key(clean))
        if existing is not None:
            raise TthcError("{kind} {name!r} is already registered as {existing!r}", kind=Msg(KIND_WORDS[kind]), name=clean, existing=existing.name)
        store.add_name(kind, clean, name_key(clean), ctx.now, checked_prefix)
        store.add_event(
            step=f"{kind}.add",
            happened_at=ctx.now,
            recorded_at=ctx.now,
            actor=ctx.actor,
            details={"name": clean, "code_prefix": checked_prefix},
        )
    return clean


def list_names(ctx: Context, kind: Kind) -> list[Registered]:
    return ctx.store().names(kind)


def registered(store: Store, kind: Kind, name: str | None) -> Registered | None:
    """The registered officer or point a clerk means by ``name``.

    Case and diacritics are ignored ("nguyen thi lan"), and a name that is a unique given
    name or the start of one registered name ("lan", "Nguyễn Th") is accepted; an ambiguous
    one is refused with the candidates, an unknown one with the registered names.
    """
    if name is None:
        return None
    as_typed = " ".join(unicodedata.normalize("NFC", name).split()).casefold()
    exact = store.find_name(kind, name_key(name))
    if exact is not None and exact.name.casefold() == as_typed:
        return exact
    everyone = store.names(kind)
    matches = [r for r in everyone if same_name(r.name, name)]
    if len(matches) > 1:  # twins from before names were compared so: the one spelled as typed
        matches = [r for r in matches if r.name.casefold() == as_typed] or matches
    wanted = " ".join(fold(name).split())
    if not matches and wanted:
        matches = [
            r
            for r in everyone
            if fold(r.name).startswith(wanted) or any(w.startswith(wanted) for w in fold(r.name).split())
        ]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise TthcError(
            "{kind} {name!r} could be any of: {candidates}; type more of the name",
            kind=Msg(KIND_WORDS[kind]),
            name=name,
            candidates=", ".join(r.name for r in matches),
        )
    known: str | Msg = ", ".join(r.name for r in everyone) or Msg("none yet")
    raise TthcError("unknown {kind} {name!r}; registered: {known} (add with `tthc {cmd} add`)", kind=Msg(KIND_WORDS[kind]), name=name, known=known, cmd=kind)
