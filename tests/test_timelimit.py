"""The time-limit grammar: every accepted spelling and every refusal."""

from __future__ import annotations

import pytest

from tthc.core.errors import TthcError
from tthc.core.timelimit import TimeLimit, parse_limit


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("same-day", "same-day"),
        ("Same Day", "same-day"),
        ("trong ngày", "same-day"),
        ("TRONG NGÀY", "same-day"),
        ("0wd", "same-day"),
        ("5wd", "5wd"),
        ("5 WD", "5wd"),
        ("5 working days", "5wd"),
        ("1 working day", "5wd".replace("5", "1")),
        ("5 ngày làm việc", "5wd"),
        ("15d", "15d"),
        ("15 days", "15d"),
        ("15 ngày", "15d"),
        ("8h", "8h"),
        ("8 giờ làm việc", "8h"),
        ("8 working hours", "8h"),
        ("365wd", "365wd"),
        ("730d", "730d"),
        ("2000h", "2000h"),
    ],
)
def test_accepted_spellings_have_one_canonical_form(text: str, canonical: str) -> None:
    assert str(parse_limit(text)) == canonical


def test_vietnamese_typed_decomposed_is_the_same_limit() -> None:
    import unicodedata

    assert parse_limit(unicodedata.normalize("NFD", "5 ngày làm việc")) == TimeLimit("wd", 5)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "5", "-3wd", "0d", "0h", "366wd", "731d", "2001h", "5 weeks", "wd", "five days", "5.5wd"],
)
def test_bad_limits_are_refused_naming_the_text(text: str) -> None:
    with pytest.raises(TthcError) as info:
        parse_limit(text)
    assert repr(text) in info.value.message
