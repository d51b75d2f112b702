"""This PC's own places and person, found without the command-line library: the tthc folder
(station file, default database) and who is logged in."""

import os
import sys
from pathlib import Path


def app_dir(name: str = "tthc") -> Path:
    """This PC's folder for an application's own files, where Click puts it
    (``click.get_app_dir`` with its defaults), found without importing Click."""
    if sys.platform.startswith("win"):
        return Path(os.environ.get("APPDATA") or os.path.expanduser("~")) / name
    if sys.platform == "darwin":
        return Path(os.path.expanduser("~/Library/Application Support")) / name
    return Path(os.environ.get("XDG_CONFIG_HOME", os.path.expanduser("~/.config"))) / name


def os_user() -> str:
    """Who is logged in on this PC, for the audit trail when neither --user nor TTHC_USER says."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


def home_folder() -> Path:
    """This PC's tthc folder (station file, default database): TTHC_HOME, else the app folder."""
    return Path(os.environ["TTHC_HOME"]) if os.environ.get("TTHC_HOME") else app_dir()


def default_db_path() -> Path:
    """Where the database is when neither --db nor TTHC_DB says: in this PC's tthc folder."""
    return home_folder() / "tthc.db"
