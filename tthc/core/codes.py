"""The rule for giving dossier codes: ``<unit code>-YYMMDD-NNNN`` (Circular 01/2018/TT-VPCP
Art. 19), numbered per unit code and receipt day in this PC's block, never a code given
before. Pure: what was given is asked of a :class:`CodeBook` (the store answers it)."""

from datetime import datetime
from typing import Protocol

from tthc.core.errors import TthcError
from tthc.core.models import WHOLE_DAY, CodeBlock, code_day


class CodeBook(Protocol):
    """Where the codes given are written down: the database, for the minter's questions."""

    def used_codes(self, codes: list[str]) -> dict[str, str]:
        """Of ``codes``, those ever given, in any letter case, each with the spelling given."""
        ...

    def every_code(self) -> set[str]:
        """Every code ever given, as given."""
        ...

    def last_number(self, prefix: str, day: str, block_first: int) -> int | None:
        """The last number saved for a unit code and day in the block starting at ``block_first``."""
        ...

    def save_last_number(self, prefix: str, day: str, block_first: int, last: int) -> None:
        """Save the last number given, never lowering one saved before."""
        ...


class CodeMinter:
    """Gives ``<unit code>-YYMMDD-NNNN`` codes (Circular 01/2018/TT-VPCP Art. 19): per unit code
    and receipt day, never one given before — not by this minter, not by hand, not before an
    undo — and only numbers of this PC's block, so two reception points never give the same
    code. Used inside a write transaction; :meth:`save` records the last numbers.

    Codes compare in any letter case. A load that gives codes of its own (an import's rows)
    claims them (:meth:`claim`), so the numbers given after skip them before they are stored.
    Whether the database ever had a code is asked of its indexes, or, during a load bigger
    than the table (which drops them), of every code it had, read once (:meth:`read_all`)."""

    def __init__(self, book: CodeBook, block: CodeBlock = WHOLE_DAY) -> None:
        self.book = book
        self.block = block
        self.last: dict[tuple[str, str], int] = {}
        self.taken: set[str] = set()  # given in this load, not stored yet; lower case
        self.stored: dict[str, str] | None = None  # lower case -> as given, once read_all ran
        self.exact: set[str] = set()  # and every spelling as given

    def read_all(self) -> None:
        """Read every code the database ever gave, to answer from memory from now on."""
        self.exact = self.book.every_code()
        self.stored = {code.lower(): code for code in self.exact}

    def used(self, codes: list[str]) -> dict[str, str]:
        """Of ``codes``, those the database ever gave, each with the spelling it gave (the
        code itself when it gave that spelling): asked of the book, from memory after
        :meth:`read_all`."""
        if self.stored is None:
            return self.book.used_codes(codes)
        stored, exact = self.stored, self.exact
        return {c: c if c in exact else stored[c.lower()] for c in codes if c.lower() in stored}

    def claim(self, code: str) -> bool:
        """Claim a code given by this load's own rows; False if an earlier row gave it, in any
        case. (Whether the database ever had it is asked a batch at a time: :meth:`used`.)"""
        key = code.lower()
        if key in self.taken:
            return False
        self.taken.add(key)
        return True

    def take(self, code: str) -> bool:
        """Claim a code to give; False if it was ever used, in any case."""
        return code.lower() not in self.taken and not self.used([code]) and self.claim(code)

    def next(self, prefix: str, received: datetime) -> str:
        day = code_day(received)
        key = (prefix, day)
        block = self.block
        number = self.last.get(key)
        if number is None:
            saved = self.book.last_number(prefix, day, block.first)
            number = saved if saved is not None else block.first - 1
        while True:
            number += 1
            if number > block.last:
                if block == WHOLE_DAY:
                    raise TthcError(
                        "more than 9999 dossiers on {day:%d/%m/%Y} under {prefix}: give a code",
                        day=received,
                        prefix=prefix,
                    )
                raise TthcError(
                    "no dossier number left on {day:%d/%m/%Y} under {prefix} in this PC's block {first:04d}–{last:04d}: give a code",
                    day=received,
                    prefix=prefix,
                    first=block.first,
                    last=block.last,
                )
            code = f"{prefix}-{day}-{number:04d}"
            if self.take(code):  # a code typed by hand may have taken this number
                self.last[key] = number
                return code

    def continued(self) -> "CodeMinter":
        """A minter for the last step of a staged load, under the write lock: it gives numbers
        after both this one's (given to staged rows, not saved yet) and those saved since."""
        fresh = CodeMinter(self.book, self.block)
        for (prefix, day), last in self.last.items():
            fresh.last[(prefix, day)] = max(last, self.book.last_number(prefix, day, self.block.first) or 0)
        return fresh

    def save(self) -> None:
        """Record the last number given of each unit code and day, in this PC's block."""
        for (prefix, day), last in self.last.items():
            self.book.save_last_number(prefix, day, self.block.first, last)
