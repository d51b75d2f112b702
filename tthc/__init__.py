"""tthc — dossier tracker for Vietnamese commune Public Administrative Service Centers."""

__version__ = "0.1.0"
