"""The accountability checks, branch by branch (checks/accountability.py)."""

from __future__ import annotations

import pytest

from checks_support import P, Findings
from pac_checks import accountability as acc


def recipients(*items: str) -> str:
    """Recipients r0, r1, ... (YAML flow mappings without id and provenance)."""
    return "recipients:\n" + "".join(f"  - {{id: r{n}, {item}, {P}}}\n" for n, item in enumerate(items))


# processor-identified

@pytest.mark.parametrize("recipient, expected", [
    ("name: Processors, named: false, role: processor", 1),
    ("name: Hosts, named: false, role: sub_processor, parent: r0", 1),
    ("name: Mailers, named: false, role: processor, services: [sending newsletters]", 0),
    ("name: Mailer Ltd, named: true, role: processor", 0),
    ("name: Authorities, named: false, role: public_authority", 0),
])
def test_a_processor_is_named_or_described(findings: Findings, recipient: str, expected: int):
    host = "name: Host Ltd, named: true, role: processor"
    found = findings(acc.processor_identified, recipients(host, recipient))
    assert len(found) == expected and all(f.severity == "warning" and f.subject == "recipients/r1" for f in found)


# processor-agreement-in-place

@pytest.mark.parametrize("recipient, severity", [
    ("role: processor, processor_agreement: {in_place: false, " + P + "}", "error"),
    ("role: processor", "warning"),
    ("role: sub_processor, parent: r0", "warning"),
    ("role: processor, processor_agreement: {in_place: true, " + P + "}", None),
    ("role: controller", None),
])
def test_a_processor_works_under_a_contract(findings: Findings, recipient: str, severity: str | None):
    host = "name: Host Ltd, named: true, role: processor, processor_agreement: {in_place: true, " + P + "}"
    found = findings(acc.processor_agreement_in_place, recipients(host, f"name: Mailer Ltd, named: true, {recipient}"))
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_a_denied_agreement_is_pointed_at(findings: Findings):
    (found,) = findings(acc.processor_agreement_in_place, recipients(
        "name: Mailer Ltd, named: true, role: processor,\n      processor_agreement: {in_place: false, " + P + "}"))
    assert found.location.line == 5 and found.evidence


# recipient-roles-consistent

def test_one_party_with_two_roles_is_reported_once(findings: Findings):
    (found,) = findings(acc.recipient_roles_consistent, recipients(
        "name: Google, named: true, role: processor", "name: google , named: true, role: controller"))
    assert found.subject == "recipients/r1" and "as a processor at" in found.message


def test_one_party_declared_twice_in_the_same_role_is_consistent(findings: Findings):
    assert findings(acc.recipient_roles_consistent, recipients(
        "name: Google, named: true, role: processor", "name: Google, named: true, role: processor")) == []


def test_the_controller_is_not_its_own_recipient(findings: Findings):
    controller = f"controller: {{legal_name: Example B.V., trade_names: [Example], {P}}}\n"
    (found,) = findings(acc.recipient_roles_consistent,
                        controller + recipients("name: example, named: true, role: processor"))
    assert "its own recipients" in found.message


# data-subjects-processed, data-categories-used

def test_groups_and_data_are_used_through_an_activity(findings: Findings):
    body = (f"data_subjects: [{{id: s, name: Staff, {P}}}, {{id: v, name: Visitors, {P}}}]\n"
            f"data_categories: [{{id: n, name: Name, {P}}}, {{id: d, name: Date of birth, {P}}}]\n"
            f"activities: [{{id: a, name: Payroll, data_subjects: [s], categories: [n], {P}}}]\n")
    (subject,) = findings(acc.data_subjects_processed, body)
    (category,) = findings(acc.data_categories_used, body)
    assert subject.subject == "data_subjects/v" and category.subject == "data_categories/d"


# dpia-considered

def activity(categories: str, dpia: str = "", country: str = "NL", extra: str = "") -> str:
    return (f"controller: {{legal_name: Example B.V., country: {country}, {P}}}\n"
            f"data_categories:\n  - {{id: h, name: Medical data, special: health, {P}}}\n"
            f"  - {{id: c, name: Fraud notes, criminal: true, {P}}}\n  - {{id: e, name: E-mail, {P}}}\n"
            f"activities: [{{id: a, name: App, categories: [{categories}], {dpia}{P}}}]\n" + extra)


LARGE = f"risk_factors: [{{factor: large_scale, {P}}}], "


def test_large_scale_health_data_are_on_the_dutch_list(findings: Findings):
    (found,) = findings(acc.dpia_considered, activity("h", dpia=LARGE))
    assert found.severity == "warning" and "AP DPIA list 2019" in found.articles
    assert "large-scale processing of health data" in found.message and "on a large scale, as the notice says" in found.message


def test_health_data_of_unknown_scale_ask_for_the_scale(findings: Findings):
    """WP243 rev.01 2.1.3: scale turns on facts the notice may not state; without them a note, not a warning."""
    (found,) = findings(acc.dpia_considered, activity("h"))
    assert found.severity == "info" and "does not show whether this is on a large scale" in found.message
    assert "AP DPIA list 2019" not in found.articles and "WP243 rev.01" in found.articles


@pytest.mark.parametrize("extent", ["individual_professional", "local"])
@pytest.mark.parametrize("where", ["controller", "activity"])
def test_processing_the_notice_shows_is_not_large_scale_needs_no_dpia(findings: Findings, extent: str, where: str):
    """Recital 91 (a single health professional) and WP243 rev.01 2.1.3 (a local organisation): not large scale."""
    scale = f"scale: {{extent: {extent}, {P}}}, "
    body = activity("h", dpia=scale if where == "activity" else "")
    if where == "controller":
        body = body.replace("controller: {", "controller: {" + scale, 1)
    assert findings(acc.dpia_considered, body) == []


def test_a_stated_large_scale_overrides_the_controllers_small_scale(findings: Findings):
    body = activity("h", dpia=LARGE).replace("controller: {", f"controller: {{scale: {{extent: local, {P}}}, ", 1)
    (found,) = findings(acc.dpia_considered, body)
    assert found.severity == "warning"


def test_outside_the_netherlands_only_the_gdpr_is_cited(findings: Findings):
    (found,) = findings(acc.dpia_considered, activity("h", dpia=LARGE, country="BE"))
    assert found.articles == ("GDPR Art. 35(1)", "GDPR Art. 35(3)(b)") and "Dutch" not in found.message


def test_criminal_data_shared_with_third_parties_are_a_black_list(findings: Findings):
    third_party = recipients("name: Other platforms, named: false, role: recipient, activities: [a]")
    (found,) = findings(acc.dpia_considered, activity("c", extra=third_party))
    assert "black lists" in found.message and found.severity == "warning"
    small = f"scale: {{extent: local, {P}}}, "
    (found,) = findings(acc.dpia_considered, activity("c", dpia=small, extra=third_party))
    assert "black lists" in found.message and found.severity == "warning"  # on the list whatever the scale
    processor = recipients("name: Host, named: true, role: processor, activities: [a]")
    (found,) = findings(acc.dpia_considered, activity("c", extra=processor))
    assert "black lists" not in found.message and "AP DPIA list 2019" not in found.articles


@pytest.mark.parametrize("dpia, expected", [("conducted", []), ("not_required", []), ("not_conducted", ["error"])])
def test_a_stated_dpia(findings: Findings, dpia: str, expected: list[str]):
    found = findings(acc.dpia_considered, activity("h", dpia=f"dpia: {{status: {dpia}, {P}}}, " + LARGE))
    assert [f.severity for f in found] == expected and all("says no DPIA was conducted" in f.message for f in found)


def test_ordinary_data_need_no_dpia(findings: Findings):
    assert findings(acc.dpia_considered, activity("e")) == []
