"""The apology's new appointment is a day the citizen can come: a date on which the center is
closed — a weekend, a public holiday, or a day off of the center's own — is refused, and the
refusal names the next working day, in the clerk's language with dates as dd/mm/yyyy."""

import json

from tests.conftest import Cli


def receive(center: Cli, *args: str, at: str, now: str | None = None) -> str:
    code: str = json.loads(center.ok("receive", *args, "--at", at, "--json", now=now).stdout)["code"]
    return code


def two_day_certificate(center: Cli, at: str = "2025-09-08 09:00", now: str | None = None) -> str:
    """A signature certification given 2 working days: received Monday 8/9/2025, due Wednesday 10/9."""
    return receive(center, "ctck", "--applicant", "Lê Thị Bình", "--limit", "2wd", at=at, now=now)


def apologize(code: str, new_date: str) -> list[str]:
    """Form 04 written on Tuesday 9/9/2025 at 10:00."""
    return ["apologize", code, "--new-date", new_date, "--reason", "chờ xác minh", "--at", "2025-09-09 10:00"]


def test_saturday_20_september_2025_is_refused_naming_monday_22(center: Cli) -> None:
    code = two_day_certificate(center)
    err = center.fails(*apologize(code, "20/09/2025"))
    assert err == (
        "Error: the new date 20/09/2025 is not a working day (Saturday); the next working day is 22/09/2025\n"
    )
    err = center.fails(*apologize(code, "2025-09-21"), lang="vi")
    assert err == (
        "Lỗi: ngày hẹn mới 21/09/2025 không phải ngày làm việc (Chủ nhật); "
        "ngày làm việc tiếp theo là 22/09/2025\n"
    )
    center.ok(*apologize(code, "22/09/2025"))


def test_national_day_2025_sends_the_citizen_to_wednesday_3_september(center: Cli) -> None:
    """Received Monday 25/8/2025 for 2 working days (due Wednesday 27/8); an apology on the due
    date promising Monday 1/9 — National Day, like Tuesday 2/9."""
    code = two_day_certificate(center, at="2025-08-25 09:00", now="2025-08-25 09:05")
    argv = ["apologize", code, "--new-date", "01/09/2025", "--reason", "quá tải", "--at", "2025-08-27 09:00"]
    err = center.fails(*argv, now="2025-08-27 09:05")
    assert "01/09/2025 is not a working day (National Day" in err
    assert "the next working day is 03/09/2025" in err


def test_the_centers_own_day_off_counts_and_so_does_its_make_up_saturday(center: Cli) -> None:
    """The commune closes Friday 19/9/2025 for its party congress and works Saturday 27/9."""
    center.ok("calendar", "add-holiday", "2025-09-19", "--name", "Đại hội Đảng bộ xã")
    center.ok("calendar", "add-workday", "2025-09-27", "--name", "làm bù")
    code = two_day_certificate(center)
    err = center.fails(*apologize(code, "19/09/2025"), lang="vi")
    assert "(ngày nghỉ của trung tâm: Đại hội Đảng bộ xã)" in err
    assert "ngày làm việc tiếp theo là 22/09/2025" in err
    center.ok(*apologize(code, "27/09/2025"))
    shown = json.loads(center.ok("show", code, "--json").stdout)
    assert shown["apology"]["new_date"] == "2025-09-27"


def test_a_paused_dossier_gets_a_working_day_too(center: Cli) -> None:
    code = two_day_certificate(center)
    center.ok("supplement", code, "--at", "2025-09-08 10:00", "--reason", "thiếu CCCD")
    err = center.fails(*apologize(code, "13/09/2025"))
    assert "(Saturday); the next working day is 15/09/2025" in err


def test_a_second_apology_names_the_first_by_its_day(center: Cli) -> None:
    code = two_day_certificate(center)
    center.ok(*apologize(code, "15/09/2025"))
    second = ["apologize", code, "--new-date", "16/09/2025", "--reason", "x"]
    assert center.fails(*second).endswith("already has an apology (issued 09/09/2025 10:00)\n")
    assert center.fails(*second, lang="vi").endswith("đã có thư xin lỗi (lập lúc 09/09/2025 10:00)\n")
