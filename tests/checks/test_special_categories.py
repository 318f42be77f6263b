"""The special-category and criminal-data checks, branch by branch (checks/special_categories.py)."""

from __future__ import annotations

import pytest

from checks_support import P, Findings
from pac.checking import Check, Finding
from pac_checks import special_categories as sc

CATEGORIES = f"""
data_categories:
  - {{id: health, name: Medical data, special: health, {P}}}
  - {{id: email, name: E-mail address, {P}}}
  - {{id: fraud, name: Notes on suspected fraud, criminal: true, {P}}}
"""


@pytest.fixture
def findings(findings: Findings) -> Findings:
    """``findings(check, purpose)``: what ``check`` finds when activity ``a`` (all categories) has ``purpose``."""

    def _findings(check: Check, purpose: str) -> list[Finding]:
        return findings(check, CATEGORIES + f"""
activities:
  - id: a
    name: App
    categories: [health, email, fraud]
    purposes: [{{id: p, name: The purpose, {purpose}, {P}}}]
    {P}
""")

    return _findings


def test_special_data_without_condition_is_an_error(findings: Findings):
    (found,) = findings(sc.special_category_condition_stated, "kind: service_delivery, legal_basis: contract")
    assert found.severity == "error" and found.subject == "purposes/p"
    assert "'Medical data' (health data)" in found.message and "Art. 9(2)" in found.message
    assert found.articles == ("GDPR Art. 9(1)", "GDPR Art. 9(2)")


def test_a_purpose_without_categories_uses_all_of_its_activity(findings: Findings):
    assert findings(sc.special_category_condition_stated, "kind: communication")


def test_a_stated_condition_lifts_the_ban(findings: Findings):
    stated = "legal_basis: consent, art9_condition: explicit_consent"
    assert findings(sc.special_category_condition_stated, stated) == []


def test_a_purpose_that_names_only_ordinary_data_needs_no_condition(findings: Findings):
    assert findings(sc.special_category_condition_stated, "categories: [email]") == []


def test_pseudonymised_data_remain_personal_data(findings: Findings):
    (found,) = findings(sc.special_category_condition_stated,
                        "kind: ai_training, legal_basis: legitimate_interests, deidentification: pseudonymised")
    assert found.severity == "error"  # as for any other use (Recital 26, Art. 4(5)): one root cause with them
    assert found.message == ("The notice states no condition of Art. 9(2) that lifts the ban on processing "
                             "'Medical data' (health data), which these purposes use.")


@pytest.mark.parametrize("deidentification", ["anonymised", "aggregated"])
def test_anonymising_is_itself_processing_so_a_warning(findings: Findings, deidentification: str):
    (found,) = findings(sc.special_category_condition_stated,
                        f"kind: analytics, deidentification: {deidentification}")
    assert found.severity == "warning"
    assert deidentification in found.message and "WP216" in found.articles


def test_criminal_data_without_a_law_are_a_warning(findings: Findings):
    (found,) = findings(sc.criminal_data_authorised, "kind: fraud_prevention, legal_basis: legitimate_interests")
    assert found.severity == "warning" and found.articles == ("GDPR Art. 10",)
    assert "'Notes on suspected fraud'" in found.message and "no law" in found.message


def test_criminal_data_with_a_named_law_pass(findings: Findings):
    assert findings(sc.criminal_data_authorised, "legal_basis: legal_obligation, statute: Wet kinderopvang") == []


def test_a_purpose_without_criminal_data_needs_no_law(findings: Findings):
    assert findings(sc.criminal_data_authorised, "categories: [health, email]") == []
