"""The ``pac`` commands: each module here has ``register(subparsers)``, which sets ``run`` on its parser.

``COMMANDS`` lists them in the order of ``pac --help``.
"""

from __future__ import annotations

from . import check, checks, diff, draft, graph, imports, init, ropa, schema, validate

COMMANDS = (validate, check, checks, graph, diff, ropa, imports, init, schema, draft)
