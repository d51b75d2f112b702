"""The code-giving rule (``tthc.core.codes``) on its own, with no database: the codes given
are written in a plain book, as the store writes them in ``code_sequences``."""

from collections.abc import Iterable
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tthc.core.codes import CodeMinter
from tthc.core.errors import TthcError
from tthc.core.models import CodeBlock

MONDAY = datetime(2025, 9, 8, 7, 30)  # Monday 8 September 2025, the counter opens


class Book:
    """The codes given and the last numbers saved, in memory."""

    def __init__(self, given: Iterable[str] = ()) -> None:
        self.given = set(given)
        self.last: dict[tuple[str, str, int], int] = {}

    def used_codes(self, codes: list[str]) -> dict[str, str]:
        spelled = {c.lower(): c for c in self.given}
        return {c: spelled[c.lower()] for c in codes if c.lower() in spelled}

    def every_code(self) -> set[str]:
        return set(self.given)

    def last_number(self, prefix: str, day: str, block_first: int) -> int | None:
        return self.last.get((prefix, day, block_first))

    def save_last_number(self, prefix: str, day: str, block_first: int, last: int) -> None:
        key = (prefix, day, block_first)
        self.last[key] = max(last, self.last.get(key, 0))


def give(minter: CodeMinter, book: Book, prefix: str = "UBXA", at: datetime = MONDAY) -> str:
    code = minter.next(prefix, at)
    book.given.add(code)
    return code


def test_monday_morning_numbers_from_0001_and_skips_a_code_typed_by_hand() -> None:
    """The first receipts of Monday 8/9/2025 are -0001 and -0002; a clerk had typed
    ``ubxa-250908-0003`` by hand (another letter case is the same code), so the next is -0004."""
    book = Book({"ubxa-250908-0003"})
    minter = CodeMinter(book)
    assert [give(minter, book), give(minter, book)] == ["UBXA-250908-0001", "UBXA-250908-0002"]
    assert give(minter, book) == "UBXA-250908-0004"
    minter.save()
    assert book.last == {("UBXA", "250908", 1): 4}


def test_tuesday_morning_carries_on_from_the_numbers_saved_monday_night() -> None:
    """A new minter reads the last number saved for the day, never giving a number twice."""
    book = Book()
    monday = CodeMinter(book)
    give(monday, book)
    give(monday, book)
    monday.save()
    assert give(CodeMinter(book), book) == "UBXA-250908-0003"
    assert give(CodeMinter(book), book, at=datetime(2025, 9, 9, 7, 30)) == "UBXA-250909-0001"


def test_the_second_point_of_two_numbers_from_5001_and_stops_at_the_end_of_its_half() -> None:
    """The second of two points numbers 5001–9999: with 9998 saved it gives 9999, then
    refuses, its half of the day full."""
    book = Book()
    book.last[("UBXA", "250908", 5001)] = 9998
    minter = CodeMinter(book, CodeBlock(2, 2))
    assert give(minter, book) == "UBXA-250908-9999"
    with pytest.raises(TthcError) as refused:
        minter.next("UBXA", MONDAY)
    assert refused.value.msg.key.startswith("no dossier number left on")


@settings(max_examples=60, deadline=None)
@given(count=st.integers(1, 4), receipts=st.lists(st.integers(0, 3), max_size=40))
def test_points_numbering_one_day_in_turn_never_give_one_code_twice(count: int, receipts: list[int]) -> None:
    """Each point gives from its own block into the one book; every code is new, and of its
    point's block."""
    book = Book()
    minters = [CodeMinter(book, CodeBlock(i, count)) for i in range(1, count + 1)]
    given: list[str] = []
    for pick in receipts:
        minter = minters[pick % count]
        code = give(minter, book)
        number = int(code.rsplit("-", 1)[1])
        assert minter.block.first <= number <= minter.block.last
        given.append(code)
    assert len(set(given)) == len(given)
