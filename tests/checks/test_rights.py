"""Conditions on rights the GDPR does not allow (checks/rights.py)."""

from __future__ import annotations

import pytest

from checks_support import P, Findings
from pac_checks.rights import right_conditions_allowed


def _right(right: str, condition: str) -> str:
    return f"notice: {{rights: [{{right: {right}, restrictions: [{{condition: {condition}, {P}}}], {P}}}], {P}}}\n"


@pytest.mark.parametrize(("right", "condition", "words", "article"), [
    ("complaint", "after_talks_with_controller", "only after talks with the controller have failed", "GDPR Art. 77(1)"),
    ("erasure", "after_contract_end", "allows erasure only once the contract has ended", "GDPR Art. 17(1)"),
    ("erasure", "limited_grounds", "allows erasure only on some of the grounds of Art. 17(1)", "GDPR Art. 17(1)"),
    ("access", "must_specify_data", "requires an access request to say which data", "GDPR Art. 15(1)"),
    ("objection", "in_writing", "accepts only a written request for the right to object", "GDPR Art. 12(2)"),
    ("access", "fee", "charges a fee for the right of access", "GDPR Art. 12(5)"),
    ("portability", "after_contract_end", "allows the right to data portability only once the contract has ended",
     "GDPR Art. 12(2)"),
])
def test_conditions_the_gdpr_does_not_allow(findings: Findings, right: str, condition: str, words: str, article: str):
    (found,) = findings(right_conditions_allowed, _right(right, condition))
    assert found.severity == "warning" and words in found.message and article in found.articles


@pytest.mark.parametrize(("right", "condition"), [
    ("access", "identity_verification"), ("erasure", "identity_verification"), ("complaint", "identity_verification"),
    ("access", "limited_grounds"), ("erasure", "must_specify_data")])
def test_allowed_conditions_draw_nothing(findings: Findings, right: str, condition: str):
    """Verifying identity is allowed (Art. 12(6)); asking which data to erase is no condition on the right."""
    assert findings(right_conditions_allowed, _right(right, condition)) == []


def test_rights_without_conditions_draw_nothing(findings: Findings):
    body = f"notice: {{rights: [{{right: access, {P}}}, {{right: complaint, conditions: free text, {P}}}], {P}}}\n"
    assert findings(right_conditions_allowed, body) == []
