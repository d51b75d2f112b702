"""A clerk at the counter receiving dossiers in a loop until a stop file appears: the
company the tests of restores and imports keep. A code goes into the log only once its
receipt is confirmed (committed); a refusal or a wait that ran out goes to the errors log
with how long the clerk waited."""

import sys
import time
from datetime import datetime
from pathlib import Path

from tthc.app import dossiers
from tthc.app.context import Context
from tthc.core.errors import TthcError


def main(db: str, log: str, stop: str, name: str) -> None:
    number = 0
    with open(log, "a", encoding="utf-8") as out, open(log + ".errors", "a", encoding="utf-8") as err:
        while not Path(stop).exists():
            ctx = Context(db_path=Path(db), actor=name, now=datetime(2025, 9, 10, 16, 0))
            started = time.monotonic()
            try:
                receipt = dossiers.receive(ctx, "ks", applicant=f"{name} {number}", at="2025-09-10 09:00")
                waited = time.monotonic() - started
                out.write(f"{receipt.dossier.code} {waited:.3f}\n")
                out.flush()
            except TthcError as exc:
                err.write(f"{time.monotonic() - started:.3f} {exc.message}\n")
                err.flush()
            finally:
                ctx.close()
            number += 1


if __name__ == "__main__":
    main(*sys.argv[1:5])
