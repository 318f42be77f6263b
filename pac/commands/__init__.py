"""The ``pac`` commands: every module here with ``register(subparsers)``, which sets ``run`` on its parser.

They are listed in ``ORDER`` first (the order of ``pac --help``), then any others by name.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module
from types import ModuleType

ORDER = ("validate", "check", "checks", "graph", "diff", "ropa", "imports", "init", "schema")


def _commands() -> tuple[ModuleType, ...]:
    names = [m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")]
    ordered = [n for n in ORDER if n in names] + sorted(n for n in names if n not in ORDER)
    return tuple(import_module(f"{__name__}.{name}") for name in ordered)


COMMANDS = _commands()
