"""Shared by the check tests; the ``findings`` fixture is in conftest.py."""

from datetime import date
from typing import Callable

from pac.checking import Finding

AS_OF = date(2026, 11, 22)
"""The evaluation date, unless a test says otherwise."""
P = "provenance: {section: S, quote: q}"
"""A provenance, for the YAML flow mappings of declared elements."""
Findings = Callable[..., list[Finding]]
"""The type of the ``findings`` fixture."""
