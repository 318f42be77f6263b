"""Every check of the catalogue is cited, documented, and proven by a passing and a failing fixture.

``tests/fixtures/checks/<check-id>/pass.yaml`` must draw no finding from the check, and ``fail.yaml``
exactly the findings its header states, one line ``# expect: SEVERITY SUBJECT`` each (``# expect: error
purposes/p``); either may set its evaluation date with a header line ``# as-of: YYYY-MM-DD``. The header
is the comment lines the file begins with.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from pac import Engine, load
from pac.checking import SEVERITIES, Check, Finding

FIXTURES = Path(__file__).parent / "fixtures" / "checks"
DEFAULT_AS_OF = date(2026, 11, 22)
ENGINE = Engine.from_plugins()
CITATION = re.compile(
    r"^(GDPR Art\. \d+(\(\d+\))?(\([a-z]\))?( (first|second) subparagraph)?"
    r"|(UAVG|Tw|AWR|BW|Wwft|Archiefwet) art\. [\d.:]+[a-z]?(\(\d+\))?"
    r"|(TDDDG|TTDSG|UWG|BDSG|HGB|AO) § \d+[a-z]?(\(\d+\))?|(LIL|CPCE|CDE|LCE) art\. [A-Z]*[\d.-]+"
    r"|Directive \d{4}/\d+/EC art\. \d+(\(\d+\))?"
    r"|CJEU C-\d+/\d+|EDPB Guidelines \d+/\d{4}|WP\d+( rev\.\d+)?|AP DPIA list \d{4})$")


@dataclass(frozen=True)
class Header:
    """What a fixture's header states: the evaluation date and the (severity, subject) of each expected finding."""

    as_of: date
    expected: list[tuple[str, str]]


def header(fixture: Path) -> Header:
    as_of, expected = DEFAULT_AS_OF, []
    for line in itertools.takewhile(lambda line: line.startswith("#"), fixture.read_text(encoding="utf-8").splitlines()):
        key, _, value = line[1:].partition(":")
        if key.strip() == "as-of":
            as_of = date.fromisoformat(value.strip())
        elif key.strip() == "expect":
            severity, subject = value.split()
            assert severity in SEVERITIES, f"{fixture}: {line!r} names no severity"
            expected.append((severity, subject))
    return Header(as_of, sorted(expected))


def findings_of(check: Check, fixture: Path) -> list[Finding]:
    as_of = header(fixture).as_of
    (organisation,) = load([fixture], reference=ENGINE.reference)
    evaluation = ENGINE.evaluate(organisation, as_of)
    assert check.id not in evaluation.crashes, evaluation.crashes.get(check.id)
    return [f for f in evaluation.all_findings() if f.check == check.id]


@pytest.fixture(params=ENGINE.checks, ids=lambda c: c.id)
def catalogue_check(request: pytest.FixtureRequest) -> Check:
    return request.param


def test_failing_fixture_draws_exactly_the_findings_it_states(catalogue_check: Check):
    fixture = FIXTURES / catalogue_check.id / "fail.yaml"
    assert fixture.exists(), f"{catalogue_check.id} has no failing fixture"
    expected = header(fixture).expected
    assert expected, f"{fixture} states no '# expect: SEVERITY SUBJECT' line"
    found = findings_of(catalogue_check, fixture)
    assert sorted((f.severity, f.subject) for f in found) == expected
    assert all(f.message and f.location.line > 0 for f in found)


def test_passing_fixture_draws_none(catalogue_check: Check):
    fixture = FIXTURES / catalogue_check.id / "pass.yaml"
    assert fixture.exists(), f"{catalogue_check.id} has no passing fixture"
    assert header(fixture).expected == [], f"{fixture} is to draw no finding, so it expects none"
    assert findings_of(catalogue_check, fixture) == []


def test_check_cites_its_law_and_says_what_to_do(catalogue_check: Check):
    assert catalogue_check.articles and all(CITATION.match(a) for a in catalogue_check.articles), catalogue_check.articles
    assert catalogue_check.title and catalogue_check.rationale and catalogue_check.remedy


def test_fixture_folders_belong_to_checks():
    """No fixture is left behind for a check that no longer exists."""
    assert {p.name for p in FIXTURES.iterdir()} <= {c.id for c in ENGINE.checks}


def test_the_header_states_the_date_and_every_expected_finding(tmp_path: Path):
    fixture = tmp_path / "fail.yaml"
    fixture.write_text("# expect: warning recipients/b\n# as-of: 2020-01-01\n# expect: error recipients/a\n"
                       "# expect: warning recipients/b\npac: 1\n# expect: info organisation\n", encoding="utf-8")
    assert header(fixture) == Header(date(2020, 1, 1), [("error", "recipients/a"), ("warning", "recipients/b"),
                                                       ("warning", "recipients/b")])
