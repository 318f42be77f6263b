"""The ``pac`` commands: each module here has ``register(subparsers)``, which sets ``run`` on its parser.

``COMMANDS`` maps each command to its module, in the order of ``pac --help``; a run imports the module of its own
command only (as pip does): the others import what that one does not need (pac draft's readers, the report
templates of pac diff), a third of the start-up of ``pac check``.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

COMMANDS = {"validate": "validate", "check": "check", "checks": "checks", "graph": "graph", "diff": "diff",
            "ropa": "ropa", "import": "imports", "init": "init", "schema": "schema", "draft": "draft"}
"""Each command's name -> its module in this package."""


def modules(command: str | None = None) -> list[ModuleType]:
    """The module of ``command``, or of every command when it is none of them (``pac --help``, a typo)."""
    names = [COMMANDS[command]] if command in COMMANDS else COMMANDS.values()
    return [import_module(f"{__name__}.{name}") for name in names]
