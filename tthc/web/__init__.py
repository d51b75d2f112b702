"""The web side of tthc (``tthc serve``): citizen look-up, waiting-room board, manager dashboard.

Nothing here is imported by a clerk's command: Starlette, Jinja2 and uvicorn load only when
``serve`` runs. ``views`` is the one module that touches the core; the rest is HTTP.
"""
