"""Who may ask what: the slow-down after repeated failures (attempts still in flight
counted), and the manager's door (HTTP Basic with the hashed ``manager_password``, else this
machine only).
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass
class _Address:
    failures: deque[float] = field(default_factory=deque)
    in_flight: int = 0  # attempts admitted and not yet answered
    busy_until: float = 0.0  # when the last admitted attempt's wait ends


class TooManyAttempts(Exception):
    """An attempt refused at once: its address has queued up more than ``max_wait``."""


class Attempt:
    """One admitted attempt (a look-up, a password): it waits ``wait`` seconds, then is
    answered; until it says :meth:`failed` or :meth:`done` it counts against its address as
    a failure would, so that parallel guesses cannot all go before the first is counted.
    Used as a context manager, it is done at the latest when the block ends."""

    def __init__(self, throttle: Throttle, address: str, wait: float) -> None:
        self.throttle = throttle
        self.address = address
        self.wait = wait
        self._open = True

    def failed(self) -> None:
        self._settle(failed=True)

    def done(self) -> None:
        self._settle(failed=False)

    def _settle(self, *, failed: bool) -> None:
        if self._open:
            self._open = False
            self.throttle.settle(self.address, failed=failed)

    def __enter__(self) -> Attempt:
        return self

    def __exit__(self, *_: object) -> None:
        self.done()


class Throttle:
    """Slows one address down after repeated failures, so codes cannot be harvested.

    Up to ``free`` failures within ``window`` seconds cost nothing. From then on every
    attempt from that address waits ``base`` seconds, doubled for each further failure and
    capped at ``cap``. An attempt still being answered counts as a failure until it is
    settled, so twenty guesses sent at once get five answers without waiting, not twenty.
    Attempts queue one behind the other, so parallel connections do not buy parallel
    guesses; one that would wait longer than ``max_wait`` is refused at once instead of
    holding a connection open. Failures age out after ``window``; a success does not wipe
    them (one right answer must not reset the count).

    For a route: ``async with throttled(throttle, address, sleep) as attempt:``, then
    ``attempt.failed()`` on a wrong answer.
    """

    def __init__(
        self,
        *,
        free: int = 5,
        window: float = 600.0,
        base: float = 1.0,
        cap: float = 30.0,
        max_wait: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_addresses: int = 10_000,
    ) -> None:
        self.free = free
        self.window = window
        self.base = base
        self.cap = cap
        self.max_wait = max_wait
        self.clock = clock
        self.max_addresses = max_addresses
        self._seen: dict[str, _Address] = {}
        self._lock = threading.Lock()

    def _state(self, address: str, now: float) -> _Address:
        """The address's record, its old failures aged out (made, memory allowing, if new)."""
        state = self._seen.get(address)
        if state is None:
            if len(self._seen) >= self.max_addresses:
                self._forget(now)
            state = self._seen[address] = _Address()
        while state.failures and state.failures[0] <= now - self.window:
            state.failures.popleft()
        return state

    def admit(self, address: str) -> Attempt | None:
        """The attempt, with the seconds it must wait before it is answered; or None: refuse
        it now. Settle it (``failed``/``done``) once answered."""
        with self._lock:
            now = self.clock()
            state = self._state(address, now)
            counted = len(state.failures) + state.in_flight
            wait = 0.0
            if counted >= self.free:
                delay = min(self.cap, self.base * 2.0 ** (counted - self.free))
                wait = max(0.0, state.busy_until - now) + delay
                if wait > self.max_wait:
                    return None
                state.busy_until = now + wait
            state.in_flight += 1
            return Attempt(self, address, wait)

    def settle(self, address: str, *, failed: bool) -> None:
        """An admitted attempt was answered: a failure is counted, a success only leaves."""
        with self._lock:
            now = self.clock()
            state = self._state(address, now)
            state.in_flight = max(0, state.in_flight - 1)
            if failed:
                state.failures.append(now)

    def _forget(self, now: float) -> None:
        """Bound the memory: drop addresses with nothing recent or in flight, else the oldest seen."""
        for address in [
            a
            for a, s in self._seen.items()
            if not s.in_flight and (not s.failures or s.failures[-1] <= now - self.window)
        ]:
            del self._seen[address]
        while len(self._seen) >= self.max_addresses:
            del self._seen[next(iter(self._seen))]


@asynccontextmanager
async def throttled(
    throttle: Throttle, address: str, sleep: Callable[[float], Awaitable[None]]
) -> AsyncIterator[Attempt]:
    """An attempt from ``address``, admitted and waited for (``TooManyAttempts`` if refused);
    settled as done when the block ends unless it said ``failed()`` (an error, a client that
    went away: the attempt leaves, uncounted)."""
    attempt = throttle.admit(address)
    if attempt is None:
        raise TooManyAttempts(address)
    with attempt:
        if attempt.wait:
            await sleep(attempt.wait)
        yield attempt


def is_loopback(host: str | None) -> bool:
    """True for 127.0.0.0/8 and ::1 (also IPv4-mapped); a name or garbage is not."""
    if not host:
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def basic_password(header: str | None) -> str | None:
    """The password of an ``Authorization: Basic …`` header (the user name is not used)."""
    if not header or len(header) > 1024:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(token.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    _, sep, password = decoded.partition(":")
    return password if sep else None
