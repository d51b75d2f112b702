"""One function per command: each loads typed records from storage, applies the core's rules, writes back in one transaction, and returns plain data for ``tthc.present``."""

# What the command line and the web side need of the core, given here so that neither imports it.
from tthc.core.clock import now_vn as now_vn
from tthc.core.errors import TthcError as TthcError
from tthc.core.errors import os_reason as os_reason
