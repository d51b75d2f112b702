"""One function per command: each loads typed records from storage, applies the core's rules, writes back in one transaction, and returns plain data for ``tthc.present``."""
