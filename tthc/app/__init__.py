"""One function per command: each loads typed records from storage, applies the core's rules, writes back in one transaction, and returns plain data for ``tthc.present``."""

# What the command line and the web side need of the core (its one door, ``tthc.app.basics``),
# given here too so that neither imports the core.
from tthc.app.basics import TthcError as TthcError
from tthc.app.basics import now_vn as now_vn
from tthc.app.basics import os_reason as os_reason
