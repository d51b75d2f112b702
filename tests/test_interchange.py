"""Import and export: all-or-nothing with every bad row named, Excel round trips, spreadsheet
safety, and the official form II.06a as a real .xlsx file."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import Cli
from tthc.cli.main import BUG_EXIT

HEADER = "code,procedure,received_at,channel,due_at,resolved_at,outcome,returned_at,withdrawn_at,paused_at,resumed_at,point,officer,applicant"
LATER = "2025-10-01 08:00"


def write(path: Path, *lines: str, header: str = HEADER, encoding: str = "utf-8") -> Path:
    path.write_text("\n".join([header, *lines]) + "\n", encoding=encoding)
    return path


GOOD = [
    ",1.001193,2025-09-01 09:00,direct,,2025-09-03 10:00,,2025-09-03 11:00,,,,Điểm 1,Lan,Nguyễn Văn An",
    ",ks,03/09/2025 09:00,online,,,,,,,,,,Trần Thị Bình",
    "HS-MIGRATED-1,2.000884,2025-09-04 08:00,postal,2025-09-10 17:00,2025-09-11 09:00,rejected,,,,,Điểm Mới,Hùng,Lê C",
    ",2.000884,2025-09-05 09:00,direct,,,,,2025-09-08 10:00,,,,,Phạm D",
    ",2.000884,2025-09-05 09:00,trực tiếp,,,,,,2025-09-05 10:00,2025-09-09 09:00,,,Võ E",
]


def test_import_good_rows(center: Cli, tmp_path: Path) -> None:
    f = write(tmp_path / "in.csv", *GOOD)
    out = center.ok("import", str(f), now=LATER).stdout
    assert "Imported 5 dossier(s)" in out
    assert "Hùng" in out and "Điểm Mới" in out  # new names registered and reported
    migrated = json.loads(center.ok("show", "HS-MIGRATED-1", "--json", now=LATER).stdout)
    assert migrated["due_at"] == "2025-09-10T17:00:00" and migrated["due_source"] == "imported"
    assert migrated["timeliness"] == "late" and migrated["outcome"] == "rejected"
    listed = json.loads(
        center.ok("list", "--received-from", "2025-09-01", "--limit", "10", "--json", now=LATER).stdout
    )
    codes = {d["applicant"]: d for d in listed}
    assert codes["Nguyễn Văn An"]["code"] == "000.00.20.H56-250901-0001"
    # received on National Day 1/9/2025: counted from Wed 3/9 07:30, so resolving on 3/9 is on time
    assert (
        codes["Nguyễn Văn An"]["timeliness"] == "on_time" and codes["Nguyễn Văn An"]["status"] == "returned"
    )
    assert codes["Võ E"]["due_date"] == "2025-09-09"  # restart after the supplement round
    assert codes["Phạm D"]["status"] == "withdrawn"
    receipt = json.loads(
        center.ok(
            "receive",
            "ks",
            "--applicant",
            "X",
            "--at",
            "2025-09-01 10:00",
            "--late-entry",
            "--json",
            now=LATER,
        ).stdout
    )
    assert receipt["code"] == "000.00.20.H56-250901-0002"  # the import's numbers are never reused


def test_dry_run_writes_nothing(center: Cli, tmp_path: Path) -> None:
    f = write(tmp_path / "in.csv", *GOOD)
    before = center.fingerprint()
    assert "Dry run: 5 dossier(s)" in center.ok("import", str(f), "--dry-run", now=LATER).stdout
    assert center.fingerprint() == before


BAD = [
    (
        "bad date",
        ",ks,2025-02-30 09:00,direct,,,,,,,,,,A",
        "received_at: bad date '2025-02-30 09:00': no such day",
    ),
    ("month-first date", ",ks,09/13/2025,direct,,,,,,,,,,A", "'09/13/2025'"),
    ("unknown procedure", ",9.999999,2025-09-01 09:00,direct,,,,,,,,,,A", "unknown procedure '9.999999'"),
    ("bad channel", ",ks,2025-09-01 09:00,fax,,,,,,,,,,A", "bad channel 'fax'"),
    (
        "step before receipt",
        ",ks,2025-09-02 09:00,direct,,2025-09-01 09:00,,,,,,,,A",
        "resolved_at 01/09/2025 09:00 is before the dossier's previous step (02/09/2025 09:00)",
    ),
    (
        "resolved and withdrawn",
        ",ks,2025-09-01 09:00,direct,,2025-09-01 10:00,,,2025-09-01 11:00,,,,,A",
        "withdrawn_at is given, but by then the dossier is resolved",
    ),
    (
        "returned without result",
        ",ks,2025-09-01 09:00,direct,,,,2025-09-01 10:00,,,,,,A",
        "returned_at is given, but by then the dossier is processing (return needs resolved)",
    ),
    (
        "resumed without a request",
        ",ks,2025-09-01 09:00,direct,,,,,,,2025-09-01 10:00,,,A",
        "resumed_at is given, but by then the dossier is processing",
    ),
    (
        "resolved while waiting for papers",
        ",ks,2025-09-01 09:00,direct,,2025-09-01 11:00,,,,2025-09-01 10:00,,,,A",
        "resolved_at is given, but by then the dossier is waiting for papers",
    ),
    (
        "due date before the receipt",
        ",ks,2025-09-02 09:00,direct,2025-09-01 17:00,,,,,,,,,A",
        "due_at 01/09/2025 17:00 is before the receipt",
    ),
    ("no applicant", ",ks,2025-09-01 09:00,direct,,,,,,,,,,", "applicant"),
    (
        "duplicate in the file",
        "DUP,ks,2025-09-01 09:00,direct,,,,,,,,,,A\nDUP,ks,2025-09-01 09:00,direct,,,,,,,,,,B",
        "duplicate code DUP",
    ),
    ("bad outcome", ",ks,2025-09-01 09:00,direct,,2025-09-01 10:00,maybe,,,,,,,A", "bad outcome 'maybe'"),
    ("future", ",ks,2025-12-01 09:00,direct,,,,,,,,,,A", "in the future"),
]


@pytest.mark.parametrize(("name", "line", "needle"), BAD, ids=[b[0] for b in BAD])
def test_one_bad_row_among_good_ones_writes_nothing(
    center: Cli, tmp_path: Path, name: str, line: str, needle: str
) -> None:
    f = write(tmp_path / "in.csv", *GOOD[:2], line, *GOOD[2:])
    err = center.fails("import", str(f), now=LATER)
    assert err.startswith(f"Error: 1 bad rows in {f}"), err
    bad_row = 4 if name != "duplicate in the file" else 5
    assert f"row {bad_row}: " in err and needle in err, err


def test_a_code_already_in_the_database(center: Cli, tmp_path: Path) -> None:
    center.ok("import", str(write(tmp_path / "a.csv", GOOD[2])), now=LATER)
    err = center.fails("import", str(write(tmp_path / "b.csv", GOOD[0], GOOD[2])), now=LATER)
    assert "row 3: dossier code 'HS-MIGRATED-1' is already used" in err


def test_wrong_encoding_and_missing_columns(center: Cli, tmp_path: Path) -> None:
    f = write(tmp_path / "latin1.csv", ",ks,2025-09-01 09:00,direct,,,,,,,,,,Nguyên Hà", encoding="latin-1")
    assert "not UTF-8" in center.fails("import", str(f), now=LATER)
    g = write(tmp_path / "cols.csv", "ks,A", header="procedure,applicant")
    assert "missing column(s) received_at" in center.fails("import", str(g), now=LATER)
    assert "no such file" in center.fails("import", str(tmp_path / "none.csv"), now=LATER)


def test_many_bad_rows_are_capped_at_fifty(center: Cli, tmp_path: Path) -> None:
    f = write(tmp_path / "bad.csv", *[",ks,2025-02-30,direct,,,,,,,,,,A"] * 60)
    err = center.fails("import", str(f), now=LATER)
    assert err.startswith("Error: 60 bad rows") and "… and 10 more" in err
    assert err.count("\nrow ") == 50


def test_vietnamese_headers_semicolons_and_excel_dates(center: Cli, tmp_path: Path) -> None:
    from datetime import datetime

    f = tmp_path / "so.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Mã thủ tục", "Người nộp", "Ngày tiếp nhận", "Hình thức", "Ngày giải quyết", "Cột lạ"])
    ws.append(["ks", "Đỗ Thị Hà", datetime(2025, 9, 1, 9, 0), "trực tuyến", datetime(2025, 9, 1, 14, 0), "x"])
    book.save(f)
    result = center.ok("import", str(f), now=LATER)
    assert "Imported 1" in result.stdout and "Cột lạ" in result.stderr
    g = tmp_path / "semi.csv"
    g.write_text("thủ tục;người nộp;ngày tiếp nhận\nks;Ngô F;02/09/2025 08:00\n", encoding="utf-8-sig")
    assert "Imported 1" in center.ok("import", str(g), now=LATER).stdout


def test_export_import_round_trips_to_the_same_summary(center: Cli, tmp_path: Path) -> None:
    center.ok("import", str(write(tmp_path / "in.csv", *GOOD)), now=LATER)
    summary = center.ok("summary", "--month", "2025-09", "--by", "field", "--json", now=LATER).stdout
    for suffix in ("csv", "xlsx"):
        out = tmp_path / f"out.{suffix}"
        assert "Exported 5" in center.ok("export", str(out), now=LATER).stdout
        other = Cli(tmp_path / f"other-{suffix}.db", now=LATER)
        other.ok("init", "--prefix", "000.00.20.H56")
        other.ok("import", str(out))
        assert other.ok("summary", "--month", "2025-09", "--by", "field", "--json").stdout == summary
    data = json.loads(
        (lambda p: (center.ok("export", str(p), now=LATER), p.read_text(encoding="utf-8"))[1])(
            tmp_path / "out.json"
        )
    )
    assert len(data) == 5 and data[0]["received_at"] == "2025-09-01T09:00:00"


def test_export_is_safe_for_spreadsheets(center: Cli, tmp_path: Path) -> None:
    center.ok(
        "receive",
        "ks",
        "--applicant",
        '=HYPERLINK("http://x")',
        "--at",
        "2025-09-01 09:00",
        "--late-entry",
        now=LATER,
    )
    center.ok(
        "receive", "ks", "--applicant", "@SUM(A1)", "--at", "2025-09-01 09:00", "--late-entry", now=LATER
    )
    out = tmp_path / "x.csv"
    center.ok("export", str(out), "--status", "processing", now=LATER)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    text = raw.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'@SUM(A1)" in text
    xlsx = tmp_path / "x.xlsx"
    center.ok("export", str(xlsx), now=LATER)
    values = [c for row in openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True) for c in row]  # type: ignore[union-attr]
    assert '=HYPERLINK("http://x")' in values  # a text cell: no apostrophe needed, no formula
    assert "x.pdf" in center.fails("export", str(tmp_path / "x.pdf"), now=LATER)


def test_report_ii06a_as_excel(center: Cli, tmp_path: Path) -> None:
    center.ok("import", str(write(tmp_path / "in.csv", *GOOD)), now=LATER)
    center.ok("config", "set", "report_to", "Văn phòng UBND tỉnh Thử", now=LATER)
    center.ok("config", "set", "place_name", "Hòa An", now=LATER)
    center.ok("config", "set", "head_title", "Giám đốc", now=LATER)
    out = tmp_path / "ii06a.xlsx"
    center.ok("report", "--month", "2025-09", "--out", str(out), now=LATER, lang="vi")
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    text = [str(c) for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    for block in (
        "Biểu số II.06a/VPCP/KSTT",
        "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020",
        "Đơn vị báo cáo: Trung tâm PVHCC xã Thử",
        "Đơn vị nhận báo cáo: Văn phòng UBND tỉnh Thử",
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CẤP XÃ",
        "Kỳ báo cáo: từ ngày 01/09/2025 đến ngày 30/09/2025",
        "Đơn vị tính: Số hồ sơ TTHC",
        "Hòa An, ngày 01 tháng 10 năm 2025",
        "NGƯỜI LẬP BIỂU",
        "GIÁM ĐỐC",
        "(Ký tên, đóng dấu)",
    ):
        assert block in text, block
    nums = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "(1)")
    h1, h2 = nums - 2, nums - 1
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {
        f"C{h1}:F{h1}",
        f"G{h1}:J{h1}",
        f"K{h1}:M{h1}",
        f"A{h1}:A{h2}",
        f"B{h1}:B{h2}",
        f"N{h1}:N{h2}",
    } <= merged
    assert [ws.cell(row=nums, column=c).value for c in range(1, 14)] == [f"({n})" for n in range(1, 14)]
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 1  # one page
    assert "&P" in (ws.oddFooter.center.text or "")
    rows = {}
    for r in range(nums + 1, ws.max_row + 1):
        if ws.cell(row=r, column=3).value is None:
            break
        rows[ws.cell(row=r, column=2).value] = [ws.cell(row=r, column=c).value for c in range(3, 15)]
    total = rows["Tổng cộng"]
    # An on time (received on National Day), HS-MIGRATED-1 late, Bình and Võ E open past their due dates
    assert total[:11] == [5, 1, 4, 0, 2, 0, 1, 1, 2, 0, 2]
    assert total[11] == "Rút 1 hồ sơ"
    for field, cells in rows.items():
        withdrawn = int(cells[11].split()[1]) if cells[11] else 0
        assert cells[0] == cells[4] + cells[8] + withdrawn, field
    terminal = center.ok("report", "--month", "2025-09", now=LATER).stdout
    assert "Form II.06a/VPCP/KSTT" in terminal and "(13)" in terminal and "PREPARED BY" in terminal
    assert "written as .xlsx" in center.fails(
        "report", "--month", "2025-09", "--out", str(tmp_path / "x.csv"), now=LATER
    )


def test_a_large_import_rebuilds_the_indexes_it_dropped(
    center: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from tthc.storage import store

    def ask(sql: str) -> list[tuple[str, str]]:
        """A question to the file on a connection closed at once: one left for the garbage
        collector would checkpoint the WAL in the middle of a later command and change the
        bytes a refusal is checked by."""
        conn = sqlite3.connect(center.db)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()

    def indexes() -> list[tuple[str, str]]:
        return ask(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'dossiers' ORDER BY name"
        )

    before = indexes()
    monkeypatch.setattr(store, "REBUILD_AFTER_ROWS", 0)
    center.ok("import", str(write(tmp_path / "in.csv", *GOOD)), now=LATER)
    assert indexes() == before
    plan = ask("EXPLAIN QUERY PLAN SELECT * FROM dossiers WHERE received_at > '2025-09-04'")
    assert "dossiers_by_received" in str(plan)
    got = json.loads(center.ok("summary", "--month", "2025-09", "--json", now=LATER).stdout)
    assert got["received"] == 5 and got["withdrawn"] == 1
    bad = write(tmp_path / "bad.csv", GOOD[0], ",ks,2025-02-30,direct,,,,,,,,,,A")
    center.fails("import", str(bad), now=LATER)
    assert indexes() == before  # a refused import restores everything, indexes included
    triggers = ask("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    assert "dossiers_count_insert" in {name for (name, _) in triggers}


@pytest.fixture(params=["small", "large"])
def load_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """An import smaller than the table keeps its indexes and asks them about codes; a larger
    one drops them and reads the codes ever given once. The rules must not tell them apart."""
    from tthc.storage import store

    if request.param == "large":
        monkeypatch.setattr(store, "REBUILD_AFTER_ROWS", 0)
    return str(request.param)


def test_codes_ever_given_are_refused_however_large_the_file(
    center: Cli, tmp_path: Path, load_mode: str
) -> None:
    """An undone receipt of 8/9/2025 and a code given in capitals: a file cannot take either,
    in any letter case, and its blank codes are numbered around the undone one."""
    undone = json.loads(
        center.ok(
            "receive",
            "ks",
            "--applicant",
            "A",
            "--at",
            "2025-09-08 09:00",
            "--late-entry",
            "--json",
            now=LATER,
        ).stdout
    )["code"]
    center.ok("undo", undone, "--reason", "ghi nhầm", "--yes", now=LATER)
    center.ok(
        "receive",
        "ks",
        "--applicant",
        "B",
        "--code",
        "HS-OLD-1",
        "--at",
        "2025-09-08 10:00",
        "--late-entry",
        now=LATER,
    )
    f = write(
        tmp_path / "in.csv",
        f"{undone.lower()},ks,2025-09-08 09:00,direct,,,,,,,,,,C",
        "hs-old-1,ks,2025-09-08 09:00,direct,,,,,,,,,,D",
    )
    err = center.fails("import", str(f), now=LATER)
    assert err.splitlines()[1:] == [
        f"row 2: dossier code '{undone.lower()}' is already used as '{undone}': codes that differ only in"
        " letter case are one code",
        "row 3: dossier code 'hs-old-1' is already used as 'HS-OLD-1': codes that differ only in letter case"
        " are one code",
    ]
    fine = write(tmp_path / "fine.csv", ",ks,2025-09-08 09:00,direct,,,,,,,,,,E")
    center.ok("import", str(fine), now=LATER)
    listed = json.loads(center.ok("list", "--received-from", "2025-09-08", "--json", now=LATER).stdout)
    assert sorted(d["code"] for d in listed) == sorted(["HS-OLD-1", undone[:-4] + "0002"])


def test_a_bulk_row_the_table_would_refuse_is_a_bug_and_nothing_is_written(
    center: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large load leaves the table's CHECKs to one pass at its end: a value the life cycle
    should never make (a channel 'fax') still stops the whole load, as the bug it is."""
    from tthc.app.interchange import rows
    from tthc.storage import store

    monkeypatch.setattr(store, "REBUILD_AFTER_ROWS", 0)
    monkeypatch.setitem(rows._CHANNELS, "direct", "fax")
    before = center.fingerprint()
    result = center("import", str(write(tmp_path / "in.csv", *GOOD)), now=LATER)
    assert result.exit_code == BUG_EXIT and "CHECK" in result.stderr, result.stderr
    assert center.fingerprint() == before


def test_a_bulk_supplement_round_the_table_would_refuse_is_a_bug_too(
    center: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rounds of a large load are checked at its end as its dossiers are."""
    from tthc.app.interchange import importing
    from tthc.storage import store

    real = importing.round_values
    monkeypatch.setattr(store, "REBUILD_AFTER_ROWS", 0)
    monkeypatch.setattr(
        importing, "round_values", lambda code, r: (*real(code, r)[:2], "forever", *real(code, r)[3:])
    )
    rows = [*GOOD, ",ks,2025-09-08 09:00,direct,,,,,,2025-09-08 10:00,,,,Đỗ F"]
    header = HEADER
    before = center.fingerprint()
    result = center("import", str(write(tmp_path / "in.csv", *rows, header=header)), now=LATER)
    assert result.exit_code == BUG_EXIT and "pauses" in result.stderr, result.stderr
    assert center.fingerprint() == before


# -- a row of a file is a receipt: the rules a clerk's receipt follows -------------------------------
def test_a_file_cannot_take_the_code_of_a_receipt_that_was_undone(center: Cli, tmp_path: Path) -> None:
    code = json.loads(
        center.ok(
            "receive",
            "ks",
            "--applicant",
            "A",
            "--at",
            "2025-09-08 09:00",
            "--late-entry",
            "--json",
            now=LATER,
        ).stdout
    )["code"]
    center.ok("undo", code, "--reason", "ghi nhầm", "--yes", now=LATER)
    f = write(tmp_path / "in.csv", GOOD[1], f"{code},ks,2025-09-08 09:00,direct,,,,,,,,,,B")
    err = center.fails("import", str(f), now=LATER)
    assert err == f"Error: 1 bad rows in {f}\nrow 3: dossier code '{code}' is already used\n"


@pytest.mark.parametrize(
    ("code", "why"),
    [
        ("HS 0001", "a space"),
        ("Hồ-sơ-1", "Vietnamese letters"),
        ("-1", "a leading dash"),
        ("X" * 61, "too long"),
    ],
)
def test_a_code_in_a_file_must_look_like_a_dossier_code(
    center: Cli, tmp_path: Path, code: str, why: str
) -> None:
    f = write(tmp_path / "in.csv", GOOD[1], f"{code},ks,2025-09-08 09:00,direct,,,,,,,,,,B")
    err = center.fails("import", str(f), now=LATER)
    assert err.startswith(f"Error: 1 bad rows in {f}\nrow 3: bad dossier code"), (why, err)


@pytest.mark.parametrize(
    ("applicant", "needle"),
    [
        ("Nguyễn\x1b[2JVăn An", "holds control characters"),
        ("Nguyễn Văn An " * 15, "applicant's name is too long: 209 characters, at most 200"),
    ],
    ids=["an escape sequence", "201 characters and more"],
)
def test_an_applicant_in_a_file_is_held_to_a_clerks_limits(
    center: Cli, tmp_path: Path, applicant: str, needle: str
) -> None:
    f = write(tmp_path / "in.csv", GOOD[1], f",ks,2025-09-08 09:00,direct,,,,,,,,,,{applicant}")
    err = center.fails("import", str(f), now=LATER)
    assert err.startswith(f"Error: 1 bad rows in {f}\nrow 3: ") and needle in err, err


def test_a_procedure_in_a_file_is_matched_as_a_clerk_types_it(center: Cli, tmp_path: Path) -> None:
    """By code, by alias in any case, or by its full name with or without diacritics."""
    typed = ["1.001193", "KS", "Đăng ký khai sinh", "dang ky  khai sinh", "ĐĂNG KÝ KHAI SINH"]
    rows = [f",{p},2025-09-08 09:00,direct,,,,,,,,,,Người {i}" for i, p in enumerate(typed)]
    center.ok("import", str(write(tmp_path / "in.csv", *rows)), now=LATER)
    listed = json.loads(center.ok("list", "--received-from", "2025-09-08", "--json", now=LATER).stdout)
    assert [d["procedure"] for d in listed] == ["1.001193"] * 5


def test_a_procedure_a_file_names_that_the_catalog_lacks_is_refused_with_its_row(
    center: Cli, tmp_path: Path
) -> None:
    for code in ("9.000001", "9.000002"):
        center.ok(
            "procedure", "add", code, "--name", "Xác nhận cư trú", "--field", "Cư trú", "--limit", "3wd"
        )
    f = write(
        tmp_path / "in.csv",
        GOOD[1],
        ",Đăng ký khai,2025-09-08 09:00,direct,,,,,,,,,,B",
        ",xac nhan cu tru,2025-09-08 09:00,direct,,,,,,,,,,C",
    )
    err = center.fails("import", str(f), now=LATER)
    assert err.startswith(f"Error: 2 bad rows in {f}\n")
    assert "row 3: unknown procedure 'Đăng ký khai'" in err
    assert "row 4: 'xac nhan cu tru' is the name of several procedures (9.000001, 9.000002)" in err


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        (",ks,1985-07-01 09:00,direct,,,,,,,,,,A", "received_at: bad date '1985-07-01 09:00': the year"),
        (",ks,2025-09-08 09:00,direct,2300-01-01,,,,,,,,,A", "due_at: bad date '2300-01-01': the year"),
    ],
    ids=["received in 1985", "due in 2300"],
)
def test_a_date_in_a_file_lies_within_the_years_a_clerk_may_type(
    center: Cli, tmp_path: Path, line: str, needle: str
) -> None:
    f = write(tmp_path / "in.csv", GOOD[1], line)
    err = center.fails("import", str(f), now=LATER)
    assert err.startswith(f"Error: 1 bad rows in {f}\nrow 3: {needle}"), err


def test_an_excel_date_cell_of_1900_is_refused_like_a_typed_one(center: Cli, tmp_path: Path) -> None:
    from datetime import datetime

    f = tmp_path / "in.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["procedure", "received_at", "applicant"])
    ws.append(["ks", datetime(2025, 9, 8, 9, 0), "A"])
    ws.append(["ks", datetime(1900, 1, 1, 9, 0), "B"])
    book.save(f)
    err = center.fails("import", str(f), now=LATER)
    assert err.startswith(f"Error: 1 bad rows in {f}\nrow 3: received_at: bad date '1900-01-01 09:00:00'")


def test_an_import_counts_its_days_as_the_database_would_september_2025(center: Cli, tmp_path: Path) -> None:
    """The import gathers its per-day counts in memory as it builds its rows; they must be
    what the database's own rule gives for the same rows, added to a clerk's receipts of the
    same days (same procedure, channel, point and officer)."""
    import sqlite3

    from tthc.storage.migrations import backfill_counts

    center.ok(
        "receive", "2.000884", "--applicant", "Ở quầy", "--at", "2025-09-05 08:00", now="2025-09-05 10:00"
    )
    same_day = [
        f",2.000884,2025-09-05 09:{i:02d},direct,,2025-09-{8 + i % 20:02d} 10:00,,,,,,,,Người {i}"
        for i in range(40)
    ]
    f = write(tmp_path / "in.csv", *GOOD, *same_day)
    center.ok("import", str(f), now=LATER)
    conn = sqlite3.connect(center.db)
    query = "SELECT * FROM daily_counts WHERE received + early + on_time + late + withdrawn > 0 ORDER BY 1, 2, 3, 4, 5, 6"
    kept = conn.execute(query).fetchall()
    conn.execute("DELETE FROM daily_counts")
    backfill_counts(conn.execute)
    assert kept == conn.execute(query).fetchall()
    assert sum(r[6] for r in kept) == conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    assert any(r[9] for r in kept) and any(r[8] for r in kept)  # late and on-time results both counted
    conn.rollback()


def test_a_dossier_closed_on_20_september_2025_imports_as_closed_in_the_summary(
    center: Cli, tmp_path: Path
) -> None:
    """A file from the provincial system with a dossier whose papers never came: it counts as
    closed in the month's summary, not as pending, and the rows balance."""
    data = tmp_path / "closed.csv"
    data.write_text(
        "code,procedure,received_at,channel,paused_at,closed_at,applicant\n"
        ",1.000894,2025-09-01 09:00,direct,2025-09-02 09:00,2025-09-20 09:00,Lê Thị Bình\n",
        encoding="utf-8",
    )
    center.ok("import", str(data), now="2025-10-20 09:00")
    got = json.loads(center.ok("summary", "--month", "9/2025", "--json", now="2025-10-20 09:00").stdout)
    assert (got["received"], got["closed"], got["pending"]) == (1, 1, 0)
