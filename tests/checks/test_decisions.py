"""Automated decisions per purpose, and qualified denials (checks/decisions.py)."""

from __future__ import annotations

import pytest

from checks_support import P, Findings
from pac_checks.decisions import automated_decision_lawful, automated_denial_complete


def _purpose(decision: str, basis: str = "legitimate_interests", adm: str = "used: false", extra: str = "") -> str:
    return f"""\
notice: {{automated_decision_making: {{{adm}, {P}}}, {P}}}
activities:
  - id: a
    name: Orders
    purposes: [{{id: p, name: Orders, legal_basis: {basis}, {extra}automated_decision: {{{decision}, {P}}}, {P}}}]
    {P}
"""


ADM_USED = 'used: true, logic: "a score", consequences: "a refusal"'


@pytest.mark.parametrize("decision", [
    "kind: matching", "kind: ranking, effect: none", "kind: recommendation, effect: similarly_significant",
    "kind: decision, effect: none", "kind: decision, effect: legal, human_review: true", "kind: decision"])
def test_what_is_no_solely_automated_decision_draws_nothing(findings: Findings, decision: str):
    """Matching, ranking and recommendations decide nothing; a reviewed or effect-less outcome is not Art. 22's."""
    assert findings(automated_decision_lawful, _purpose(decision)) == []


def test_a_decision_on_legitimate_interests_denied_by_the_notice(findings: Findings):
    found = findings(automated_decision_lawful, _purpose("kind: decision, effect: legal"))
    assert [(f.severity, f.message) for f in found] == [
        ("error", "'Orders' involves an automated decision with legal effects, and rests on legitimate interests, which "
                  "is none of the exceptions of Art. 22(2)."),
        ("error", "'Orders' involves an automated decision with legal effects, but the notice denies automated decisions.")]


@pytest.mark.parametrize(("basis", "extra", "expected"), [
    ("contract", "", []), ("legal_obligation", "", []),
    ("consent", "", ["warning"]), ("consent", "art9_condition: explicit_consent, ", []),
    ("consent", "art9_condition: health_social_care, ", ["warning"])])
def test_exceptions_of_art22_2(findings: Findings, basis: str, extra: str, expected: list[str]):
    found = findings(automated_decision_lawful, _purpose("kind: scoring, effect: similarly_significant", basis, ADM_USED,
                                                         extra))
    assert [f.severity for f in found] == expected


def test_qualified_denials(findings: Findings):
    body = f"notice: {{automated_decision_making: {{used: false, qualified: adverse_effects, {P}}}, {P}}}\n"
    (found,) = findings(automated_denial_complete, body)
    assert found.severity == "warning" and "only automated decisions with adverse effects" in found.message
    assert findings(automated_denial_complete, f"notice: {{automated_decision_making: {{used: false, {P}}}, {P}}}\n") == []
    assert findings(automated_denial_complete, f"notice: {{{P}}}\n") == []
