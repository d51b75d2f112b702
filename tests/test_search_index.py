"""``list --search`` through the trigram index finds exactly what reading every row found, and
the index follows every change of a dossier's name, phone or code."""

import json
import random
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import Cli
from tthc.app.context import Context
from tthc.app.dossiers import search_words
from tthc.app.service import init
from tthc.core import transitions
from tthc.core.timelimit import parse_limit
from tthc.storage.details import Details
from tthc.storage.query import DossierQuery
from tthc.storage.store import Store, new_dossier_values, round_values

NAMES = ("Nguyễn Văn An", "Nguyễn Thị Lan", "Trần Văn Bình", "Lê Thị Hoa", "Phạm Minh Đức", "Đặng Thị Đào")


@pytest.fixture(scope="module")
def busy_center(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 dossiers of September 2025 loaded in bulk: six names, so "nguyen" and "thi" are in
    a third to a half of the rows (pieces the index is not asked for), phones and ID numbers
    at random."""
    db = tmp_path_factory.mktemp("search") / "center.db"
    now = datetime(2025, 9, 30, 16)
    ctx = Context(db_path=db, actor="t", now=now)
    init(ctx, center=None, prefix=None, lang=None)
    cal, rng, limit = ctx.calendar(), random.Random(11), parse_limit("same-day")
    store = ctx.store()
    with store.write(), store.bulk_load(3000) as loader:
        for i in range(3000):
            received = datetime(2025, 9, 1, 7, 30) + timedelta(minutes=rng.randrange(0, 29 * 24 * 60))
            code = f"TTHC-{received:%y%m%d}-{i:04d}"
            life = transitions.receive(cal, code, limit, received)
            phone = f"09{rng.randrange(10**8):08d}" if i % 3 else None
            details = Details("1.001193", "Hộ tịch", f"{NAMES[i % 6]} {i}", "direct", phone=phone)
            loader.add(
                i,
                new_dossier_values(code, details, life, now.isoformat()),
                [round_values(code, r) for r in life.rounds],
            )
        loader.flush()
    ctx.close()
    return db


@pytest.mark.parametrize(
    "typed",
    [
        "nguyen van an 1234",  # common pieces and a rare one
        "NGUYỄN THỊ LAN",  # every piece common: the table is read
        "thi",
        "an",  # under three characters: the table is read
        "an 12",
        "Đào 7",
        "0912",
        "tthc-250915",
        "250915-0",
        "binh 29",
        "100%",  # LIKE's own characters, as text
        "a_b",
        "zzz",
        "duc 2999",
    ],
)
def test_a_search_finds_what_reading_every_row_found(busy_center: Path, typed: str) -> None:
    store = Store.open(busy_center)
    try:
        words = search_words(typed)
        found = {d.code for d in store.find(DossierQuery(words=words), order="received")}
        every_row = {
            code
            for code, text in store.conn.execute("SELECT code, search_text FROM dossiers")
            if all(w in text for w in words)
        }
        assert found == every_row
        assert store.count(DossierQuery(words=words)) == len(every_row)
    finally:
        store.close()


def test_the_common_pieces_of_a_name_are_not_asked_of_the_index(busy_center: Path) -> None:
    store = Store.open(busy_center)
    try:
        assert store.search_match(("nguyen", "van", "1234")) == '"123" AND "234"'
        assert store.search_match(("nguyen", "thi")) is None  # in most rows: read the table
        assert store.search_match(("an",)) is None  # no piece of three characters
    finally:
        store.close()


def names(cli: Cli, text: str) -> list[str]:
    return [d["applicant"] for d in json.loads(cli.ok("list", "--search", text, "--json").stdout)]


def test_a_name_corrected_on_monday_is_found_by_the_new_name_only(center: Cli) -> None:
    out = center.ok(
        "receive", "ks", "--applicant", "Nguyễn Thị Lan", "--at", "2025-09-08 09:00", "--json"
    ).stdout
    code = json.loads(out)["code"]
    assert names(center, "thi lan") == ["Nguyễn Thị Lan"]
    center.ok("edit", code, "--applicant", "Trần Thị Lanh", "--phone", "0987654321")
    assert names(center, "tran thi lanh") == ["Trần Thị Lanh"]
    assert names(center, "nguyen") == []
    assert names(center, "87654") == ["Trần Thị Lanh"]
    center.ok("undo", code, "--reason", "nhận nhầm hồ sơ")  # the receipt itself: the row goes
    assert names(center, "lanh") == []
