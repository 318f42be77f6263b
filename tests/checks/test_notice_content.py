"""The content of the controller's identity, cited law, the Art. 13(2)(e) statement and Art. 14 sources
(checks/notice_content.py)."""

from __future__ import annotations

import pytest

from checks_support import P, Findings
from pac_checks.notice_content import (controller_address_stated, controller_registration_stated,
                                       indirect_source_stated, provision_requirement_complete, repealed_law_cited)

EMAIL = f"contacts: [{{channel: email, value: a@b.nl, {P}}}]"


@pytest.mark.parametrize(("controller", "expected"), [
    (f"{{legal_name: C, {EMAIL}, {P}}}", 1),
    (f"{{legal_name: C, {EMAIL}, address: {{city: Utrecht, {P}}}, {P}}}", 1),
    (f"{{legal_name: C, {EMAIL}, address: {{street: Dorpsstraat 1, city: Utrecht, {P}}}, {P}}}", 0),
    (f"{{legal_name: C, {P}}}", 0),  # no contact details at all: controller-identified's finding
    (f"{{legal_name: C, contacts: [{{channel: postal, value: Postbus 1 Utrecht, {P}}}], {P}}}", 0),
])
def test_postal_address(findings: Findings, controller: str, expected: int):
    found = findings(controller_address_stated, f"controller: {controller}\n")
    assert len(found) == expected and all(f.severity == "warning" for f in found)


def test_registration_number_is_advisory(findings: Findings):
    (found,) = findings(controller_registration_stated, f"controller: {{legal_name: C, {P}}}\n")
    assert found.severity == "info"


@pytest.mark.parametrize("law", ["wbp", "directive_95_46"])
def test_repealed_law(findings: Findings, law: str):
    (found,) = findings(repealed_law_cited, f"notice: {{cited_laws: [{{law: {law}, {P}}}], {P}}}\n")
    assert "with effect from 25 May 2018" in found.message


@pytest.mark.parametrize(("statement", "missing"), [
    ("", ["requirement", "follows"]),
    ("requirement: [contractual], ", ["follows"]),
    ("consequences: no delivery, ", ["requirement"]),
    ("requirement: [voluntary], consequences: none, partial: true, ", ["other data"]),
    ("requirement: [contract_entry], consequences: no contract, ", []),
])
def test_the_art13_2_e_statement_is_judged_on_its_content(findings: Findings, statement: str, missing: list[str]):
    body = f"notice: {{provision_requirement: {{description: d, {statement}{P}}}, {P}}}\n"
    found = findings(provision_requirement_complete, body)
    words = {"requirement": "statutory or contractual requirement", "follows": "what follows from not providing them",
             "other data": "the other data collected"}
    assert len(found) == (1 if missing else 0)
    assert all(words[m] in found[0].message for m in missing)
    assert findings(provision_requirement_complete, f"notice: {{{P}}}\n") == []


@pytest.mark.parametrize(("category", "expected"), [
    ("source: third_party", 1), ("source: public", 1),
    (f"source: third_party, origin: {{description: the inviting user, {P}}}", 0),
    ("source: observed", 0), ("source: data_subject", 0), ("", 0)])
def test_the_source_of_data_from_others(findings: Findings, category: str, expected: int):
    body = f"data_categories: [{{id: c, name: C, {category + ', ' if category else ''}{P}}}]\n"
    assert len(findings(indirect_source_stated, body)) == expected
