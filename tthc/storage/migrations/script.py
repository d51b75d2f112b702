"""Running a migration's SQL script statement by statement, inside the migration's transaction.

Shared by the shipped migrations: never change what it does; a migration that needs
another way writes its own.
"""

from typing import Any


def run(db: Any, script: str) -> None:
    # Not executescript(): it commits first, which would break the migration's transaction.
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)
