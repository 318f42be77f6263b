"""The ``pac`` commands; each module has ``register(subparsers)`` and sets ``run`` on its parser."""

from . import schema, validate

COMMANDS = (validate, schema)
