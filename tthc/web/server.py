"""``tthc serve``: check the database, say what is exposed, and run uvicorn."""

from __future__ import annotations

import asyncio
import socket
import sys
from datetime import datetime
from pathlib import Path

from tthc.app import TthcError, os_reason
from tthc.locale.i18n import t
from tthc.locale.marks import N_
from tthc.web.guard import is_loopback
from tthc.web.views import Reader


def exposure(host: str, password_set: bool, lang: str) -> list[str]:
    """The warnings for binding to ``host``: none on this machine only, else what is reachable."""
    if host == "localhost" or is_loopback(host):
        return []
    return [
        t(lang, "warning: listening on {host}, not only on this machine: anyone on the network can open the look-up page (/) and the waiting-room board (/bang: codes and initials of results ready)", host=host),
        "  " + t(lang, N_("the dashboard (/quan-ly) and printouts, with names and phone numbers, ask for the manager password") if password_set else N_("the dashboard (/quan-ly) and printouts answer this machine only until `tthc config set manager_password` is set")),
    ]


def center_language(db_path: Path) -> str:
    """The center's language setting, read without opening the file for writing; else English.

    The CLI would learn it through a read-write opening, which upgrades an older file: serve
    asks here instead, so that even its refusals write nothing.
    """
    try:
        with Reader(db_path, datetime(2000, 1, 1), "en") as reader:
            return reader.settings().lang
    except TthcError:
        return "en"


def listen(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so that a taken port or an unknown host is one
    ``Error:`` line, like every refusal, rather than a server log and exit status 3."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        return socket.create_server((host, port), family=family)
    except OSError as exc:
        raise TthcError("cannot listen on {host}:{port}: {reason}", host=host, port=port, reason=os_reason(exc)) from None


def serve(db_path: Path, *, host: str, port: int, lang: str) -> None:
    """Refuse a database that cannot be read (before binding), warn, then serve until Ctrl+C."""
    import uvicorn

    from tthc.app import now_vn
    from tthc.web.app import create_app
    from tthc.web.connections import FileShortage, connection_cap, guarded_protocol

    with Reader(db_path, now_vn(), lang) as reader:  # a missing or foreign file fails here
        settings = reader.settings()
    sock = listen(host, port)
    for line in exposure(host, settings.password_set, lang):
        print(line, file=sys.stderr)
    shown_host = f"[{host}]" if ":" in host else host
    print(
        t(lang, "Serving {path} read-only at {url} — look-up /, board /bang, dashboard /quan-ly. Ctrl+C stops.", path=db_path, url=f"http://{shown_host}:{port}/"), file=sys.stderr, flush=True
    )
    config = uvicorn.Config(
        create_app(db_path),
        log_level="warning",
        access_log=False,  # the look-up's query string carries dossier codes
        proxy_headers=False,  # the client's address is the socket's: no header can claim 127.0.0.1
        server_header=False,
        http=guarded_protocol(connection_cap()),  # a time limit on request heads, a cap on connections
    )
    server = uvicorn.Server(config)
    shortage = FileShortage(lambda n: t(lang, "warning: out of file handles; {n} connection(s) not accepted (said at most once a minute)", n=n))

    async def run() -> None:
        asyncio.get_running_loop().set_exception_handler(shortage)
        await server.serve(sockets=[sock])

    asyncio.run(run())
