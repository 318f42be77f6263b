"""The ``findings`` fixture of the check tests: what one check finds in a declaration."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from checks_support import AS_OF, Findings
from pac import Engine, load
from pac.checking import Check, Finding
from pac.reference import Reference


@pytest.fixture
def findings(write: Callable[..., Path]) -> Findings:
    """``findings(check, body, as_of=AS_OF, overrides=None)``: what ``check`` alone finds in organisation ``demo``
    declared by ``body`` (``pac``/``organisation`` added), loaded and evaluated with pac's reference data and
    ``overrides`` of it; the check must not crash."""

    def _findings(check: Check, body: str, as_of: date = AS_OF, overrides: dict | None = None) -> list[Finding]:
        reference = Reference.packaged().with_overrides(overrides) if overrides else Reference.packaged()
        (organisation,) = load([write("pac: 1\norganisation: demo\n" + textwrap.dedent(body))], reference=reference)
        evaluation = Engine([check], reference).evaluate(organisation, as_of)
        assert not evaluation.crashes, evaluation.crashes
        return evaluation.all_findings()

    return _findings
