"""Every check of the catalogue is cited, documented, and proven by a passing and a failing fixture.

``tests/fixtures/checks/<check-id>/pass.yaml`` must draw no finding from the check and ``fail.yaml``
at least one; a fixture may set its evaluation date with a first line ``# as-of: YYYY-MM-DD``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from pac import Engine, load
from pac.checks import Check, Finding

FIXTURES = Path(__file__).parent / "fixtures" / "checks"
DEFAULT_AS_OF = date(2026, 11, 22)
ENGINE = Engine.from_plugins()
CITATION = re.compile(
    r"^(GDPR Art\. \d+(\(\d+\))?(\([a-z]\))?( (first|second) subparagraph)?"
    r"|(UAVG|Tw|AWR|BW|Wwft|Archiefwet) art\. [\d.:]+[a-z]?(\(\d+\))?"
    r"|(TDDDG|TTDSG|UWG|BDSG|HGB|AO) § \d+[a-z]?(\(\d+\))?|(LIL|CPCE|CDE|LCE) art\. [A-Z]*[\d.-]+"
    r"|Directive \d{4}/\d+/EC art\. \d+(\(\d+\))?"
    r"|CJEU C-\d+/\d+|EDPB Guidelines \d+/\d{4}|WP\d+( rev\.\d+)?|AP DPIA list \d{4})$")


def findings_of(check: Check, fixture: Path) -> list[Finding]:
    first = fixture.read_text(encoding="utf-8").splitlines()[0]
    as_of = date.fromisoformat(first.split(":", 1)[1].strip()) if first.startswith("# as-of:") else DEFAULT_AS_OF
    (organisation,) = load([fixture], reference=ENGINE.reference)
    evaluation = ENGINE.evaluate(organisation, as_of)
    assert check.id not in evaluation.crashes, evaluation.crashes.get(check.id)
    return [f for f in evaluation.all_findings() if f.check == check.id]


@pytest.fixture(params=ENGINE.checks, ids=lambda c: c.id)
def catalogue_check(request: pytest.FixtureRequest) -> Check:
    return request.param


def test_failing_fixture_draws_a_finding(catalogue_check: Check):
    fixture = FIXTURES / catalogue_check.id / "fail.yaml"
    assert fixture.exists(), f"{catalogue_check.id} has no failing fixture"
    found = findings_of(catalogue_check, fixture)
    assert found, f"{fixture} draws no finding from {catalogue_check.id}"
    assert all(f.message and f.location.line > 0 for f in found)


def test_passing_fixture_draws_none(catalogue_check: Check):
    fixture = FIXTURES / catalogue_check.id / "pass.yaml"
    assert fixture.exists(), f"{catalogue_check.id} has no passing fixture"
    assert findings_of(catalogue_check, fixture) == []


def test_check_cites_its_law_and_says_what_to_do(catalogue_check: Check):
    assert catalogue_check.articles and all(CITATION.match(a) for a in catalogue_check.articles), catalogue_check.articles
    assert catalogue_check.title and catalogue_check.rationale and catalogue_check.remedy


def test_fixture_folders_belong_to_checks():
    """No fixture is left behind for a check that no longer exists."""
    assert {p.name for p in FIXTURES.iterdir()} <= {c.id for c in ENGINE.checks}
