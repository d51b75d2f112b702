"""The citizen's rating on the counter's tablet (``/danh-gia``): the web side's only write,
through a connection that can insert a rating and nothing else, from the site's own form."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.conftest import Cli
from tests.test_web import REMOTE, _fingerprint, assert_plain_page, built, client, codes, db, own_db
from tthc.storage.store import RatingWriter
from tthc.web.guard import Throttle

__all__ = ["built", "codes", "db", "own_db"]  # the web tests' center, shared
ORIGIN = {"origin": "http://testserver"}


def token_of(c: TestClient, url: str = "/danh-gia") -> str:
    page = c.get(url)
    found = re.search(r'name="token" value="([^"]+)"', page.text)
    assert found, page.text
    return found.group(1)


def send(c: TestClient, code: str, digits: str, choice: str, comment: str = "", **headers: str) -> Any:
    form = {"token": token_of(c), "ma": code, "so4": digits, "muc": choice, "y_kien": comment}
    return c.post("/danh-gia", data=form, headers={**ORIGIN, **headers})


def shown(db: Path, code: str) -> Any:
    return json.loads(Cli(db, now="2025-09-10 16:00").ok("show", code, "--json").stdout)


def test_a_citizen_rates_a_dossier_returned_this_morning_once(own_db: Path, codes: dict[str, str]) -> None:
    c = client(own_db, host=REMOTE)
    page = c.get("/danh-gia?ma=" + codes["returned"])
    assert_plain_page(page)
    assert codes["returned"] in page.text and "hài lòng" in page.text
    r = send(c, codes["returned"], "0222", "unsatisfied", "Chờ lâu quá")
    assert_plain_page(r)
    assert r.status_code == 200 and "đã được ghi nhận" in r.text
    rating = shown(own_db, codes["returned"])["rating"]
    assert rating == {
        "rating": "unsatisfied",
        "comment": "Chờ lâu quá",
        "rated_at": "2025-09-10T16:00:00",
        "via": "tablet",
    }
    again = send(c, codes["returned"], "0222", "satisfied")
    assert again.status_code == 409 and "đã được đánh giá" in again.text
    assert shown(own_db, codes["returned"])["rating"]["rating"] == "unsatisfied"
    dashboard = client(own_db).get("/quan-ly?ky=9/2025")
    assert "hài lòng 0 · bình thường 0 · không hài lòng 1" in dashboard.text


def test_only_a_returned_dossier_with_the_right_digits_is_rated(own_db: Path, codes: dict[str, str]) -> None:
    c = client(own_db, host=REMOTE)
    before = _fingerprint(own_db)
    wrong = send(c, codes["returned"], "9999", "satisfied")
    assert wrong.status_code == 404 and "Không có hồ sơ" in wrong.text
    unknown = send(c, "X-250101-0001", "0222", "satisfied")
    assert unknown.status_code == 404 and unknown.text == wrong.text  # wrong code, wrong digits: one answer
    not_yet = send(c, codes["resolved"], "0111", "satisfied")  # resolved, not handed over
    assert not_yet.status_code == 409 and "7 ngày" in not_yet.text
    assert _fingerprint(own_db) == before


def test_a_week_after_the_return_is_too_late(own_db: Path, codes: dict[str, str]) -> None:
    from datetime import datetime

    late = TestClient(create_app_at(own_db, datetime(2025, 9, 17, 9, 1)), client=(REMOTE, 50000))
    r = send(late, codes["returned"], "0222", "acceptable")  # returned 10/9 09:00, now 17/9 09:01
    assert r.status_code == 409
    on_time = TestClient(create_app_at(own_db, datetime(2025, 9, 17, 9, 0)), client=(REMOTE, 50000))
    assert send(on_time, codes["returned"], "0222", "acceptable").status_code == 200


def create_app_at(path: Path, when: Any) -> Any:
    from tthc.web.app import create_app

    return create_app(path, clock=lambda: when)


def test_another_sites_page_or_an_old_form_cannot_rate(own_db: Path, codes: dict[str, str]) -> None:
    c = client(own_db, host=REMOTE)
    before = _fingerprint(own_db)
    form = {"token": token_of(c), "ma": codes["returned"], "so4": "0222", "muc": "satisfied"}
    assert c.post("/danh-gia", data=form, headers={"origin": "https://evil.example"}).status_code == 403
    assert c.post("/danh-gia", data=form).status_code == 403  # no origin, no Sec-Fetch-Site
    assert (
        c.post("/danh-gia", data=form, headers={"origin": "null", "sec-fetch-site": "cross-site"}).status_code
        == 403
    )
    forged = {**form, "token": "1757494800.deadbeef"}
    r = c.post("/danh-gia", data=forged, headers=ORIGIN)
    assert r.status_code == 400 and "mở quá lâu" in r.text
    assert _fingerprint(own_db) == before


def test_guessing_on_the_rating_page_is_slowed_down_like_the_look_up(
    own_db: Path, codes: dict[str, str]
) -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    c = client(own_db, host=REMOTE, lookups=Throttle(free=2), sleep=sleep)
    for digits in ("0001", "0002", "0003", "0004"):
        send(c, codes["returned"], digits, "satisfied")
    assert len(waits) == 2 and waits[0] == 1.0 and waits[1] >= 2.0  # two free, then slowed, doubling
    c.post("/tra-cuu", data={"ma": codes["returned"], "so4": "0005"})  # the look-up shares the count
    assert len(waits) == 3 and waits[2] >= 4.0


def test_the_rating_connection_can_insert_a_rating_and_nothing_else(
    own_db: Path, codes: dict[str, str]
) -> None:
    with RatingWriter(own_db) as writer:
        for sql in (
            "UPDATE dossiers SET applicant = 'x'",
            "DELETE FROM ratings",
            "INSERT INTO events (step, happened_at, recorded_at, actor, uid) VALUES ('x', 'a', 'b', 'c', 'd')",
            "UPDATE ratings SET rating = 'satisfied'",
            "DROP TABLE ratings",
            "PRAGMA query_only = OFF",
            "ATTACH DATABASE ':memory:' AS other",
        ):
            with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
                writer.conn.execute(sql)


def test_no_other_request_changes_the_database(own_db: Path, codes: dict[str, str]) -> None:
    """Every page but the rating form's POST leaves the file byte for byte as it was."""
    before = _fingerprint(own_db)
    c = client(own_db)
    for url in (
        "/",
        "/tra-cuu",
        "/bang",
        "/quan-ly",
        "/quan-ly?ky=9/2025",
        "/quan-ly?ky=Q3/2025",
        "/quan-ly?ky=2025",
        f"/in/phieu-hen/{codes['returned']}",
        "/danh-gia",
        "/nope",
    ):
        c.get(url)
    c.post("/tra-cuu", data={"ma": codes["returned"], "so4": "0222"})
    c.post(
        "/danh-gia", data={"ma": codes["returned"], "so4": "0222", "muc": "satisfied"}, headers=ORIGIN
    )  # no token
    assert _fingerprint(own_db) == before


@pytest.mark.parametrize(
    ("ky", "start", "end"),
    [
        ("9/2025", "01/09/2025", "30/09/2025"),
        ("Q3/2025", "01/07/2025", "30/09/2025"),
        ("2025", "01/01/2025", "31/12/2025"),
    ],
)
def test_the_dashboard_for_a_chosen_period_in_the_command_lines_words(
    db: Path, codes: dict[str, str], ky: str, start: str, end: str
) -> None:
    r = client(db).get("/quan-ly?ky=" + ky)
    assert_plain_page(r)
    assert r.status_code == 200
    assert "Kỳ từ" in r.text and start in r.text and end in r.text
    assert (
        'id="scorecard"' in r.text
        and 'id="ind-2.1"' in r.text
        and "không có trong sổ của trung tâm" in r.text
    )
    # the same figures as the command line's for that period
    option = {"9/2025": "--month", "Q3/2025": "--quarter", "2025": "--year"}[ky]
    cli = Cli(db, now="2025-09-10 16:00")
    got = json.loads(cli.ok("indicators", option, ky, "--json").stdout)
    ii06a, r766 = got["on_time"]["ii06a"], got["on_time"]["766"]
    assert f"({ii06a['numerator']}/{ii06a['denominator']})" in r.text
    assert f"({r766['numerator']}/{r766['denominator']})" in r.text
    assert 'id="rate-ii06a"' in r.text and 'id="rate-766"' in r.text  # side by side


def test_a_period_the_command_line_refuses_is_refused_on_the_dashboard(db: Path) -> None:
    r = client(db).get("/quan-ly?ky=13/2025")
    assert_plain_page(r)
    assert r.status_code == 400 and "13/2025" in r.text


def test_a_period_in_no_form_at_all_is_refused_naming_all_three_forms(db: Path) -> None:
    r = client(db).get("/quan-ly?ky=th%C3%A1ng-n%C3%A0y")  # "tháng-này": no month, quarter or year
    assert_plain_page(r)
    assert r.status_code == 400
    assert "kỳ không hợp lệ" in r.text and "Q3/2025" in r.text and "9/2025" in r.text


def test_a_comment_with_control_characters_is_a_plain_400_and_nothing_is_written(
    own_db: Path, codes: dict[str, str]
) -> None:
    c = client(own_db, host=REMOTE)
    before = _fingerprint(own_db)
    r = send(c, codes["returned"], "0222", "acceptable", "ổn\x1b[31m")
    assert_plain_page(r)
    assert r.status_code == 400 and _fingerprint(own_db) == before
