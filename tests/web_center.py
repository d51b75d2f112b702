"""A small center with a dossier in every state, built through the real CLI, for the web tests
(route tests and the browser tests share it)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Cli

NOW = "2025-09-10 16:00"  # a Wednesday
XSS_NAME = '<script>alert("x")</script> Trần Bình'
XSS_REASON = 'Bản sao CCCD <img src=x onerror="alert(1)">'


def _receive(cli: Cli, *args: str, at: str) -> str:
    out = cli.ok("receive", *args, "--at", at, "--json").stdout
    import json

    return str(json.loads(out)["code"])


def build(db: Path) -> dict[str, str]:
    """Build the center in ``db``; returns the codes by role."""
    cli = Cli(db, now=NOW)
    cli.ok("init", "--center", "Trung tâm PVHCC xã Thử", "--prefix", "000.00.20.H56", "--point", "Điểm 1")
    cli.ok("officer", "add", "Nguyễn Thị Lan")
    codes: dict[str, str] = {}
    codes["processing"] = _receive(
        cli,
        "ks",
        "--applicant",
        "Nguyễn Văn An",
        "--phone",
        "0912 345 678",
        "--id-number",
        "001085012345",
        "--officer",
        "Nguyễn Thị Lan",
        "--limit",
        "5wd",
        at="2025-09-10 09:00",
    )
    codes["paused"] = _receive(
        cli,
        "ks",
        "--applicant",
        "Lê Thị Hoa",
        "--phone",
        "0987654321",
        "--limit",
        "5wd",
        at="2025-09-09 08:00",
    )
    cli.ok("supplement", codes["paused"], "--reason", XSS_REASON, "--at", "2025-09-09 10:00")
    codes["resolved"] = _receive(
        cli, "ks", "--applicant", "Phạm Minh Châu", "--phone", "0911000111", at="2025-09-10 08:00"
    )
    cli.ok("resolve", codes["resolved"], "--at", "2025-09-10 11:00")
    codes["returned"] = _receive(
        cli, "ks", "--applicant", "Hoàng Văn Dũng", "--phone", "0911000222", at="2025-09-09 08:00"
    )
    cli.ok("resolve", codes["returned"], "--at", "2025-09-09 10:00")
    cli.ok("return", codes["returned"], "--at", "2025-09-10 09:00")
    codes["withdrawn"] = _receive(
        cli,
        "ks",
        "--applicant",
        "Vũ Thị Em",
        "--phone",
        "0911000333",
        "--limit",
        "5wd",
        at="2025-09-09 08:00",
    )
    cli.ok("withdraw", codes["withdrawn"], "--at", "2025-09-09 15:00")
    codes["apology"] = _receive(
        cli,
        "ks",
        "--applicant",
        "Đỗ Văn Giang",
        "--phone",
        "0911000444",
        "--limit",
        "3wd",
        at="2025-09-05 08:00",
    )
    cli.ok(
        "apologize",
        codes["apology"],
        "--new-date",
        "2025-09-19",
        "--reason",
        "chờ xác minh",
        "--at",
        "2025-09-09 09:00",
    )
    codes["xss"] = _receive(
        cli,
        "ks",
        "--applicant",
        XSS_NAME,
        "--phone",
        "0911000555",
        "--officer",
        "nguyễn thị lan",
        at="2025-09-08 09:00",
    )
    # no phone, no ID: nobody can look it up on the web; due within two working days
    codes["anonymous"] = _receive(
        cli, "ks", "--applicant", "Không Số", "--limit", "2wd", at="2025-09-10 10:00"
    )
    return codes


def add_ready(db: Path, n: int) -> list[str]:
    """``n`` more results ready for collection, resolved a minute apart (the last one latest);
    through the service functions, in-process, since the CLI would take a second for thirty."""
    from datetime import datetime, timedelta

    from tthc.app import dossiers
    from tthc.app.context import Context

    ctx = Context(db_path=db, actor="clerk", now=datetime(2025, 9, 10, 16, 0))
    codes = []
    try:
        for i in range(n):
            code = dossiers.receive(
                ctx, "ks", applicant=f"Trần Thị Số {i}", at="2025-09-10 13:30"
            ).dossier.code
            dossiers.resolve(ctx, code, at=(datetime(2025, 9, 10, 14, 0) + timedelta(minutes=i)).isoformat())
            codes.append(code)
    finally:
        ctx.close()
    return codes
