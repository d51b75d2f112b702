"""Who may ask what: the slow-down after repeated failed look-ups, and the manager's door
(HTTP Basic with the hashed ``manager_password``, else this machine only).
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class _Address:
    failures: deque[float] = field(default_factory=deque)
    busy_until: float = 0.0  # when the last admitted attempt's wait ends


class Throttle:
    """Slows one address down after repeated failures, so codes cannot be harvested.

    Up to ``free`` failures within ``window`` seconds cost nothing. From then on every
    attempt from that address waits ``base`` seconds, doubled for each further failure and
    capped at ``cap``. Attempts queue one behind the other, so twenty parallel connections
    do not buy twenty guesses per turn; one that would wait longer than ``max_wait`` is
    refused at once instead of holding a connection open. Failures age out after
    ``window``; a success does not wipe them (one right answer must not reset the count).
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

    def _recent(self, address: str, now: float) -> _Address | None:
        state = self._seen.get(address)
        if state is not None:
            while state.failures and state.failures[0] <= now - self.window:
                state.failures.popleft()
        return state

    def admit(self, address: str) -> float | None:
        """Seconds this attempt must wait before it is answered, or None: refuse it now."""
        with self._lock:
            now = self.clock()
            state = self._recent(address, now)
            if state is None or len(state.failures) < self.free:
                return 0.0
            delay = min(self.cap, self.base * 2.0 ** (len(state.failures) - self.free))
            wait = max(0.0, state.busy_until - now) + delay
            if wait > self.max_wait:
                return None
            state.busy_until = now + wait
            return wait

    def failed(self, address: str) -> None:
        with self._lock:
            now = self.clock()
            state = self._recent(address, now)
            if state is None:
                if len(self._seen) >= self.max_addresses:
                    self._forget(now)
                state = self._seen[address] = _Address()
            state.failures.append(now)

    def _forget(self, now: float) -> None:
        """Bound the memory: drop addresses with nothing recent, else the oldest seen."""
        for address in [
            a for a, s in self._seen.items() if not s.failures or s.failures[-1] <= now - self.window
        ]:
            del self._seen[address]
        while len(self._seen) >= self.max_addresses:
            del self._seen[next(iter(self._seen))]


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
