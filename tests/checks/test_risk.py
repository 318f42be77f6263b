"""DPIA triggers beyond special-category data (checks/risk.py)."""

from __future__ import annotations

import pytest

from checks_support import P, Findings
from pac_checks.risk import dpia_risk_considered


def _activity(factors: list[str], country: str = "NL", recipients: str = "", dpia: str = "", extra: str = "") -> str:
    listed = ", ".join(f"{{factor: {f}, {P}}}" for f in factors)
    return (f"controller: {{country: {country}, {P}}}\n"
            f"activities: [{{id: a, name: A, risk_factors: [{listed}], {dpia}{extra}{P}}}]\n" + recipients)


SHARED = f"recipients: [{{id: r, name: Shops, named: false, role: recipient, activities: [a], {P}}}]\n"
AUTHORITY = f"recipients: [{{id: r, name: Police, named: false, role: public_authority, activities: [a], {P}}}]\n"


@pytest.mark.parametrize(("factors", "recipients", "words"), [
    (["black_list"], SHARED, "black lists"),
    (["covert_investigation"], "", "covert investigation"),
    (["fraud_detection", "large_scale"], "", "to fight fraud"),
    (["credit_scoring", "large_scale"], "", "creditworthiness"),
    (["camera_surveillance", "large_scale"], "", "publicly accessible area on a large scale (Art. 35(3)(c))"),
])
def test_listed_and_art35_3_processing(findings: Findings, factors: list[str], recipients: str, words: str):
    (found,) = findings(dpia_risk_considered, _activity(factors, recipients=recipients))
    assert found.severity == "warning" and words in found.message and "mentions no DPIA" in found.message


def test_the_ap_list_applies_to_dutch_controllers_only(findings: Findings):
    (found,) = findings(dpia_risk_considered, _activity(["black_list"], "BE", SHARED))
    assert found.severity == "info" and "one criterion alone" in found.message


@pytest.mark.parametrize(("factors", "recipients"), [
    (["black_list"], ""), (["black_list"], AUTHORITY), (["fraud_detection"], ""), (["vulnerable_subjects"], "")])
def test_one_criterion_is_information(findings: Findings, factors: list[str], recipients: str):
    """An internal black list (or one shared only with authorities) is not item 2 of the AP list."""
    assert [f.severity for f in findings(dpia_risk_considered, _activity(factors, recipients=recipients))] == ["info"]


def test_two_wp248_criteria(findings: Findings):
    (found,) = findings(dpia_risk_considered, _activity(["profiling", "vulnerable_subjects"]))
    assert found.message == ("'A' meets 2 of the WP248 criteria of likely high risk (evaluation or scoring, including "
                             "profiling, vulnerable data subjects), and the notice mentions no DPIA.")


@pytest.mark.parametrize("dpia", [f"dpia: {{status: conducted, {P}}}, ", f"dpia: {{status: not_required, {P}}}, "])
def test_a_dpia_the_notice_states_silences_it(findings: Findings, dpia: str):
    assert findings(dpia_risk_considered, _activity(["black_list"], recipients=SHARED, dpia=dpia)) == []


def test_no_factors_draw_nothing(findings: Findings):
    assert findings(dpia_risk_considered, _activity([])) == []


@pytest.mark.parametrize(("factors", "scale", "expected"), [
    (["vulnerable_subjects", "large_scale"], "", []),                          # dpia-considered warns
    (["vulnerable_subjects"], "individual_professional", []),                  # Recital 91, WP248 rev.01
    (["vulnerable_subjects"], "local", ["warning"]),                           # two criteria, counted here
    (["vulnerable_subjects"], "", ["warning"]),                                # scale not stated: counted here
    (["covert_investigation", "large_scale"], "", ["warning"]),                # a list item is reported here
])
def test_special_data_are_left_to_dpia_considered_where_it_judges_their_scale(findings: Findings, factors: list[str],
                                                                               scale: str, expected: list[str]):
    health = f"data_categories: [{{id: h, name: Health, special: health, {P}}}]\n"
    stated = f"scale: {{extent: {scale}, {P}}}, " if scale else ""
    body = _activity(factors, extra="categories: [h], " + stated) + health
    assert [f.severity for f in findings(dpia_risk_considered, body)] == expected


def test_a_special_category_the_context_reveals_is_sensitive_data(findings: Findings):
    body = _activity(["vulnerable_subjects"], extra=f"context_reveals: [{{special: health, {P}}}], ")
    (found,) = findings(dpia_risk_considered, body)
    assert found.severity == "warning" and "(special-category or criminal-offence data, vulnerable data subjects)" in found.message
