"""``python -m pac``."""

from .cli import entry

entry()
