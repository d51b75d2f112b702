"""The server's door against slow and many connections: a time limit on reading a request's
headers, a cap on open connections, and running out of file handles logged once a minute.

uvicorn has neither limit: a connection that sends half a request is kept for ever (its
keep-alive timer starts only after a first answer), and ``limit_concurrency`` answers 503 to
every request once that many connections are open, the board's too. So the HTTP protocol
uvicorn runs (its ``http=`` option takes a class) is uvicorn's own h11 protocol with the two
limits added here. Measured against hypercorn and granian in ``benchmarks/bench_slowloris.py``;
the choice is explained in ``docs/web.md``.

Imported only by ``tthc serve`` (it imports uvicorn).
"""

from __future__ import annotations

import asyncio
import errno
import sys
import time
from collections.abc import Callable
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

#: Seconds a connection has to send a whole request head, from its opening (or the end of
#: the answer before). A citizen's phone sends its few hundred bytes in one packet.
HEADER_SECONDS = 8.0
#: File handles kept free for the work itself: the database (three files a request), the
#: worker threads, the log, Python's own.
SPARE_FILES = 200
MOST_CONNECTIONS = 1000
#: The least time between two log lines about running out of file handles.
LOG_EVERY = 60.0


def connection_cap(file_limit: int | None = None) -> int:
    """How many connections may be open at once: at most 1,000, and fewer when the process's
    file-handle limit leaves less room (824 under the common 1,024)."""
    if file_limit is None:
        try:
            import resource  # not on Windows, whose sockets have no such limit
        except ImportError:
            return MOST_CONNECTIONS
        file_limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        if file_limit == resource.RLIM_INFINITY:
            return MOST_CONNECTIONS
    return max(16, min(MOST_CONNECTIONS, file_limit - SPARE_FILES))


def guarded_protocol(most: int, header_seconds: float = HEADER_SECONDS) -> type[asyncio.Protocol]:
    """uvicorn's h11 protocol with two limits, for one server:

    - a connection that has not sent a whole request head within ``header_seconds`` is closed;
    - once ``most`` connections are open, a new one pushes out the oldest connection still
      waiting for its headers (a slow attacker's, not a citizen's request being answered);
      when every open connection is being answered, the new one is closed at once.
    """
    waiting: dict[Guarded, None] = {}  # connections still waiting for a request head, oldest first

    class Guarded(H11Protocol):  # type: ignore[misc]
        _timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            if len(self.connections) > most:
                oldest = next(iter(waiting), None)
                if oldest is None:  # all busy answering: no room for one more
                    self._close()
                    return
                oldest._close()
            self._await_head()

        def _await_head(self) -> None:
            self._head_in()  # one timer at a time
            waiting[self] = None
            self._timer = self.loop.call_later(header_seconds, self._close)

        def _head_in(self) -> None:
            waiting.pop(self, None)
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

        def _close(self) -> None:
            self._head_in()
            if not self.transport.is_closing():
                self.transport.close()

        def handle_events(self) -> None:
            super().handle_events()
            if self in waiting and self.conn.their_state is not h11.IDLE:
                self._head_in()  # the head is in: the request is the app's now

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
                self._await_head()  # a kept-alive connection's next request has the same limit

        def connection_lost(self, exc: Exception | None) -> None:
            self._head_in()
            super().connection_lost(exc)

    return Guarded


class FileShortage:
    """An event loop's exception handler that logs running out of file handles (``EMFILE``,
    ``ENFILE``: asyncio's accept loop reports each refused accept, thousands a second) at
    most once every ``every`` seconds, with how many times it happened since; anything else
    goes to the loop's usual handler."""

    def __init__(
        self,
        say: Callable[[int], str],
        *,
        every: float = LOG_EVERY,
        clock: Callable[[], float] = time.monotonic,
        write: Callable[[str], Any] | None = None,
    ) -> None:
        self.say = say
        self.every = every
        self.clock = clock
        self.write = write or (lambda line: print(line, file=sys.stderr, flush=True))
        self.last: float | None = None
        self.unsaid = 0

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if not (isinstance(exc, OSError) and exc.errno in (errno.EMFILE, errno.ENFILE)):
            loop.default_exception_handler(context)
            return
        self.unsaid += 1
        now = self.clock()
        if self.last is None or now - self.last >= self.every:
            self.write(self.say(self.unsaid))
            self.last = now
            self.unsaid = 0
