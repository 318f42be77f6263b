"""The transfer checks, branch by branch and at each date boundary (checks/transfers.py)."""

from __future__ import annotations

from datetime import date
from typing import Callable

import pytest

from checks_support import AS_OF, P, Findings
from pac.checking import Finding
from pac.model import Organisation
from pac_checks.transfers import (general_transfer_tools_valid, recipient_country_known, safeguard_copy_available,
                                  scc_module_matches_role, transfer_tool_valid)


def recipient(id: str, country: str | None = "US", *tools: str, role: str = "processor", parent: str | None = None,
              name: str | None = None, extra: str = "") -> str:
    """A recipient as a YAML list item; ``tools`` are flow mappings without provenance, e.g. ``tool: bcr``;
    ``extra`` further fields (e.g. ``scope_conditions: [...]``)."""
    fields = [f"id: {id}", f"name: {name or id.title()}", "named: true", f"role: {role}"]
    fields += [f"parent: {parent}"] if parent else []
    fields += [f"country: {country}"] if country else []
    fields += [extra] if extra else []
    fields += [f"transfer_tools: [{', '.join(f'{{{t}, {P}}}' for t in tools)}]"] if tools else []
    return "  - {" + ", ".join(fields + [P]) + "}\n"


def general(*tools: str) -> str:
    return f"transfer_tools: [{', '.join(f'{{{t}, {P}}}' for t in tools)}]\n"


def severities(found: list[Finding]) -> list[str]:
    return [f.severity for f in found]


# transfer-tool-valid

def test_an_invalid_tool_is_an_error_at_the_claim(findings: Findings, load_one: Callable[[str], Organisation]):
    body = "recipients:\n" + recipient("mailchimp", "US", "tool: privacy_shield", name="Mailchimp")
    (found,) = findings(transfer_tool_valid, body)
    claim = load_one(body).recipient("mailchimp").transfer_tools[0]
    assert found.severity == "error" and found.subject == "recipients/mailchimp"
    assert found.location == claim.location and found.evidence == claim.provenance
    for words in ("'Mailchimp'", "United States (US)", "EU-US Privacy Shield", "invalidated", "2020-07-16"):
        assert words in found.message
    assert "CJEU C-311/18" in found.articles


def test_a_country_with_full_adequacy_needs_no_claim(findings: Findings):
    """Art. 45(1): the transfer is lawful without a tool; the notice's silence on the decision is an Art. 13(1)(f)
    warning, not an Art. 44 error. A decision limited in scope (the US: DPF-certified organisations) does not do."""
    (found,) = findings(transfer_tool_valid, "recipients:\n" + recipient("nexudus", "GB"))
    assert found.severity == "warning" and found.articles == ("GDPR Art. 13(1)(f)", "GDPR Art. 45(1)")
    assert "does not mention the adequacy decision" in found.message
    assert severities(findings(transfer_tool_valid, "recipients:\n" + recipient("acme", "US"))) == ["error"]


def test_every_failing_claim_is_reported(findings: Findings):
    body = "recipients:\n" + recipient("acme", "US", "tool: processor_agreement", "tool: appropriate_measures")
    found = findings(transfer_tool_valid, body)
    assert severities(found) == ["error", "error"]
    assert {"Processor agreement", "Unspecified 'appropriate measures'"} == {
        f.message.split("Claimed tool: ")[1].split(";")[0] for f in found}


def test_no_tool_at_all_is_an_error_with_the_country_as_evidence(findings: Findings):
    body = ("recipients:\n  - {id: google, name: Google, named: true, role: recipient, "
            "country: {code: US, provenance: {section: Analytics, quote: servers in de VS}}, " + P + "}\n")
    (found,) = findings(transfer_tool_valid, body)
    assert found.severity == "error" and "states no transfer tool" in found.message
    assert [e.quote for e in found.evidence] == ["servers in de VS", "q"]


def test_a_conditional_tool_is_a_warning_and_failing_companions_are_named(findings: Findings):
    body = general("tool: privacy_shield", "tool: adequacy") + "recipients:\n" + recipient("acme", "US")
    found = findings(transfer_tool_valid, body)
    assert severities(found) == ["warning", "warning"]
    assert all("(stated for transfers in general)" in f.message for f in found)
    assert any("certification of 'Acme' under the Data Privacy Framework is not established" in f.message for f in found)
    assert any("Privacy Shield" in f.message for f in found)


LISTED = f"scope_conditions: [{{condition: dpf_certified, checked: 2026-06-01, {P}}}]"
"""A dated statement that the recipient's DPF List entry was seen, with its source."""


@pytest.mark.parametrize("body", [
    "recipients:\n" + recipient("acme", "US", "tool: eu_us_dpf", extra=LISTED),
    "recipients:\n" + recipient("acme", "DE", "tool: processor_agreement"),
    general("tool: scc, version: \"2021\"") + "recipients:\n" + recipient("acme", "IN"),
    "recipients:\n" + recipient("acme", None),
])
def test_no_finding_when_the_transfer_is_carried_or_there_is_none(findings: Findings, body: str):
    assert findings(transfer_tool_valid, body) == []


def test_unknown_country_judges_only_claims_that_fail_anywhere(findings: Findings):
    failing = "recipients:\n" + recipient("acme", None, "tool: processor_agreement", "tool: adequacy")
    (found,) = findings(transfer_tool_valid, failing)
    assert found.severity == "error" and "wherever the data go" in found.message
    assert "Processor agreement" in found.message


def test_onward_transfers_are_left_to_the_flow_check(findings: Findings):
    sub = recipient("sub", "US", role="sub_processor", parent="parent")
    in_eea = "recipients:\n" + recipient("parent", "NL") + sub
    unknown = "recipients:\n" + recipient("parent", None) + sub
    abroad = "recipients:\n" + recipient("parent", "IN", "tool: bcr") + sub
    assert findings(transfer_tool_valid, in_eea) == [] and findings(transfer_tool_valid, unknown) == []
    assert [f.subject for f in findings(transfer_tool_valid, abroad)] == ["recipients/sub"]


@pytest.mark.parametrize(("tool", "country", "before", "on", "expected"), [
    ("tool: privacy_shield", "US", date(2020, 7, 15), date(2020, 7, 16), ([], ["error"])),
    ("tool: eu_us_dpf", "US", date(2023, 7, 9), date(2023, 7, 10), (["error"], ["warning"])),
    ("tool: adequacy", "GB", date(2031, 12, 27), date(2031, 12, 28), ([], ["error"])),
    ("tool: scc, version: \"2021\"", "IN", date(2021, 6, 26), date(2021, 6, 27), (["error"], [])),
    ("tool: scc, version: \"2010\"", "IN", date(2021, 9, 26), date(2021, 9, 27), ([], ["warning"])),
    ("tool: scc, version: \"2010\", concluded: 2021-09-01", "IN", date(2022, 12, 27), date(2022, 12, 28),
     (["warning"], ["error"])),
])
def test_date_boundaries(findings: Findings, tool: str, country: str, before: date, on: date,
                         expected: tuple[list[str], list[str]]):
    body = "recipients:\n" + recipient("acme", country, tool)
    assert (severities(findings(transfer_tool_valid, body, before)),
            severities(findings(transfer_tool_valid, body, on))) == expected


@pytest.mark.parametrize(("concluded", "expected"), [("2021-09-26", ["warning"]), ("2021-09-27", ["error"])])
def test_old_clauses_concluded_from_2021_09_27(findings: Findings, concluded: str, expected: list[str]):
    body = "recipients:\n" + recipient("acme", "IN", f"tool: scc, version: \"2010\", concluded: {concluded}")
    assert severities(findings(transfer_tool_valid, body, date(2022, 1, 3))) == expected


# recipient-country-known

def test_unknown_country_is_a_warning(findings: Findings):
    (found,) = findings(recipient_country_known, "recipients:\n" + recipient("acme", None, name="Acme Cloud"))
    assert found.severity == "warning" and found.subject == "recipients/acme"
    assert "Art. 44" in found.message and "Art. 13(1)(f)" in found.message
    assert findings(recipient_country_known, "recipients:\n" + recipient("acme", "NL")) == []


def test_unknown_countries_are_one_root_cause(findings: Findings):
    (found,) = findings(recipient_country_known, "recipients:\n" + recipient("a", None) + recipient("b", None))
    assert found.subjects == ("recipients/a", "recipients/b") and len(found.evidence) == 2


def test_unknown_country_of_a_public_authority_is_context(findings: Findings):
    """Categories of recipients and unnamed suppliers are warnings; authorities receive under their own law."""
    users = "recipients:\n  - {id: users, name: Other users, named: false, role: recipient, " + P + "}\n"
    assert [f.severity for f in findings(recipient_country_known, users)] == ["warning"]
    authorities = "recipients:\n  - {id: tax, name: Authorities, named: false, role: public_authority, " + P + "}\n"
    (found,) = findings(recipient_country_known, authorities)
    assert found.severity == "info"
    suppliers = "recipients:\n  - {id: hosts, name: Hosting providers, named: false, role: processor, " + P + "}\n"
    assert [f.severity for f in findings(recipient_country_known, suppliers)] == ["warning"]


# general-transfer-tools-valid

@pytest.mark.parametrize(("tool", "on", "fails"), [
    ("tool: processor_agreement", AS_OF, True),
    ("tool: appropriate_measures", AS_OF, True),
    ("tool: privacy_shield", date(2020, 7, 15), False),
    ("tool: privacy_shield", date(2020, 7, 16), True),
    ("tool: scc, version: \"2010\"", date(2022, 12, 27), False),
    ("tool: scc, version: \"2010\"", date(2022, 12, 28), True),
    ("tool: scc", AS_OF, False),
    ("tool: adequacy", AS_OF, False),
    ("tool: derogation_explicit_consent", AS_OF, False),
])
def test_general_claims_that_carry_no_transfer_anywhere(findings: Findings, tool: str, on: date, fails: bool):
    found = findings(general_transfer_tools_valid, general(tool), on)
    assert severities(found) == (["error"] if fails else [])
    if fails:
        assert found[0].subject == "organisation" and found[0].location.line == 3  # the claim, not the file


# safeguard-copy-available

@pytest.mark.parametrize(("body", "expected"), [
    (general("tool: scc"), ["transfers outside the EEA"]),
    (general("tool: scc, reference: https://example.org/scc"), []),
    (general("tool: adequacy", "tool: derogation_explicit_consent"), []),
    (general("tool: derogation_compelling_legitimate_interests"), ["transfers outside the EEA"]),
    ("recipients:\n" + recipient("acme", "IN", "tool: bcr"), ["transfers to 'Acme'"]),
    ("recipients:\n" + recipient("acme", None, "tool: bcr"), ["transfers to 'Acme'"]),
    ("recipients:\n" + recipient("acme", "DE", "tool: bcr"), []),
])
def test_safeguards_say_how_to_get_a_copy(findings: Findings, body: str, expected: list[str]):
    found = findings(safeguard_copy_available, body)
    assert len(found) == len(expected)
    for scope, finding in zip(expected, found):
        assert scope in finding.message and "copy" in finding.message and finding.severity == "warning"


# scc-module-matches-role

@pytest.mark.parametrize(("role", "module", "expected"), [
    ("processor", 2, None), ("processor", 1, 2), ("processor", 3, 2),
    ("sub_processor", 3, None), ("sub_processor", 2, 3),
    ("controller", 1, None), ("controller", 2, 1), ("joint_controller", 4, 1), ("public_authority", 1, None),
    ("recipient", 4, None),
])
def test_module_fits_the_role(findings: Findings, role: str, module: int, expected: int | None):
    parent = recipient("parent", "US", "tool: eu_us_dpf") if role == "sub_processor" else ""
    body = "recipients:\n" + parent + recipient(
        "acme", "IN", f"tool: scc, version: \"2021\", module: {module}, reference: x", role=role,
        parent="parent" if role == "sub_processor" else None)
    found = findings(scc_module_matches_role, body)
    if expected is None:
        assert found == []
    else:
        (finding,) = found
        assert finding.severity == "warning" and f"module {module}" in finding.message
        assert f"uses module {expected}" in finding.message


def test_module_of_general_clauses_and_of_recipients_in_the_eea(findings: Findings):
    body = general("tool: scc, module: 1, reference: x") + "recipients:\n" + recipient("abroad", "IN") + recipient(
        "home", "NL")
    assert [f.subject for f in findings(scc_module_matches_role, body)] == ["recipients/abroad"]


def test_hostile_names_stay_on_one_line(findings: Findings):
    body = "recipients:\n" + recipient("acme", "CA", "tool: adequacy", name='"Evil\\nCorp\\e[31m"')
    (found,) = findings(transfer_tool_valid, body)
    assert "Evil\\nCorp\\x1b[31m" in found.message
    assert "\n" not in found.message and "\x1b" not in found.message


def test_a_well_known_recipient_without_a_country_points_at_the_public_facts(findings: Findings):
    body = "recipients:\n" + recipient("ga", None, name="Google (Google Analytics)") + recipient("acme", None)
    known, unknown = sorted(findings(recipient_country_known, body), key=lambda f: f.subject)[::-1]
    assert known.subjects == ("recipients/ga",) and "well-known recipients" in known.message
    assert unknown.subjects == ("recipients/acme",) and "well-known" not in unknown.message


# Facts, not claims: DPF certification, denied scope, old clauses, several countries, an unnamed third country

DPF_LIST = {"dpf_certified": ["ACME, Inc."]}


@pytest.mark.parametrize(("name", "extra", "overrides", "expected"), [
    ("Acme", "", None, ["warning"]),
    ("Acme Inc.", "", DPF_LIST, []),
    ("acme inc", "", DPF_LIST, []),
    ("Other LLC", "", DPF_LIST, ["error"]),
    ("Acme", LISTED, None, []),
    ("Acme", f"scope_conditions: [{{condition: dpf_certified, checked: 2025-06-01, {P}}}]", None, ["warning"]),
    ("Acme", f"scope_conditions: [{{condition: dpf_certified, {P}}}]", None, ["warning"]),
    ("Acme", f"scope_conditions: [{{condition: dpf_certified, checked: 2027-01-01, {P}}}]", None, ["warning"]),
    ("Acme", f"scope_conditions: [{{condition: dpf_certified, holds: false, {P}}}]", None, ["error"]),
])
def test_a_dpf_claim_is_a_claim_until_certification_is_established(findings: Findings, name: str, extra: str,
                                                                  overrides: dict | None, expected: list[str]):
    body = "recipients:\n" + recipient("acme", "US", "tool: eu_us_dpf", name=name, extra=extra)
    found = findings(transfer_tool_valid, body, overrides=overrides)
    assert severities(found) == expected
    if expected == ["warning"]:
        assert "claimed, not verified" in found[0].message


@pytest.mark.parametrize(("country", "condition"), [("CA", "pipeda"), ("GB", "adequacy_scope"),
                                                     ("US", "dpf_certified")])
def test_adequacy_scope_can_be_denied(findings: Findings, country: str, condition: str):
    denied = f"scope_conditions: [{{condition: {condition}, holds: false, {P}}}]"
    (found,) = findings(transfer_tool_valid, "recipients:\n" + recipient("acme", country, "tool: adequacy",
                                                                         extra=denied))
    assert found.severity == "error" and "outside the scope" in found.message
    granted = f"scope_conditions: [{{condition: pipeda, {P}}}]"
    assert findings(transfer_tool_valid, "recipients:\n" + recipient("acme", "CA", "tool: adequacy",
                                                                     extra=granted)) == []


@pytest.mark.parametrize(("unchanged", "expected"), [("", ["warning"]), (", processing_unchanged: true", []),
                                                     (", processing_unchanged: false", ["error"])])
def test_old_clauses_in_an_old_contract_hold_until_2022_12_27_for_unchanged_processing(
        findings: Findings, unchanged: str, expected: list[str]):
    tool = f"tool: scc, version: \"2010\", concluded: 2019-03-01{unchanged}"
    body = "recipients:\n" + recipient("acme", "IN", tool)
    assert severities(findings(transfer_tool_valid, body, date(2022, 6, 1))) == expected
    assert severities(findings(transfer_tool_valid, body, date(2022, 12, 28))) == ["error"]


def test_a_recipient_in_the_eea_with_storage_abroad_needs_a_tool_for_it(findings: Findings):
    storage = f"locations: [{{country: US, relation: storage, {P}}}]"
    (found,) = findings(transfer_tool_valid, "recipients:\n" + recipient("host", "DE", extra=storage))
    assert found.severity == "error" and "United States (US), for storage" in found.message
    covered = "recipients:\n" + recipient("host", "DE", "tool: scc, version: \"2021\", module: 2", extra=storage)
    assert findings(transfer_tool_valid, covered) == []
    domestic = f"locations: [{{country: FR, relation: storage, {P}}}]"
    assert findings(transfer_tool_valid, "recipients:\n" + recipient("host", "DE", extra=domestic)) == []


def test_a_transfer_to_a_third_country_the_notice_does_not_name_is_judged(findings: Findings):
    outside = f"locations: [{{outside_eea: true, relation: processing, {P}}}]"
    (found,) = findings(transfer_tool_valid, "recipients:\n" + recipient("vendor", None, extra=outside))
    assert found.severity == "error" and "a third country the notice does not name" in found.message
    (claimed,) = findings(transfer_tool_valid, "recipients:\n" + recipient("vendor", None, "tool: adequacy",
                                                                           extra=outside))
    assert claimed.severity == "warning" and "does not name the third country" in claimed.message
    clauses = "recipients:\n" + recipient("vendor", None, "tool: scc, version: \"2021\", module: 2", extra=outside)
    assert findings(transfer_tool_valid, clauses) == []
