"""The data-flow checks, branch by branch: onward transfers, special categories abroad, sub-processor
contracts, categories without a purpose, and recipients with no stated data."""

from __future__ import annotations

from datetime import date

import pytest

from checks_support import AS_OF, P, Findings
from pac import Engine

ENGINE = Engine.from_plugins()
HEAD = f"""
controller: {{legal_name: Voorbeeld B.V., country: NL, {P}}}
data_categories:
  - {{id: email, name: E-mail address, {P}}}
  - {{id: phone, name: Phone number, {P}}}
  - {{id: health, name: Health data, special: health, {P}}}
  - {{id: record, name: Criminal record, criminal: true, {P}}}
activities:
  - {{id: care, name: Care, categories: [email, health, record], {P},
     purposes: [{{id: treat, name: Treatment, legal_basis: contract, {P}}}]}}
  - {{id: support, name: Support, categories: [email, phone], {P},
     purposes: [{{id: answer, name: Answer questions, categories: [email], legal_basis: contract, {P}}}]}}
recipients:
"""
AGREEMENT = f"processor_agreement: {{in_place: true, {P}}}"
SCC_2021 = f"transfer_tools: [{{tool: scc, version: '2021', module: 3, reference: https://x.example, {P}}}]"


@pytest.fixture
def findings(findings: Findings):
    """``findings(check, recipients...)``: (severity, subject, message) of one check, by id, on a declaration with
    these recipients."""

    def run(check: str, *recipients: str, as_of: date = AS_OF) -> list[tuple[str, str, str]]:
        """Each finding once per subject it lists (one root cause may affect several recipients)."""
        found = findings(ENGINE.check(check), HEAD + "".join(f"  - {{{r}, {P}}}\n" for r in recipients), as_of)
        return [(f.severity, s, f.message) for f in found for s in f.subjects]

    return run


def processor(country: str | None = "DE", extra: str = AGREEMENT) -> str:
    place = f", country: {country}" if country else ""
    return f"id: host, name: Host, named: true, role: processor, activities: [care]{place}, {extra}"


def sub(country: str = "US", extra: str = "") -> str:
    return f"id: sub, name: Sub, named: true, role: sub_processor, parent: host, country: {country}" + \
        (f", {extra}" if extra else "")


# -- onward-transfer-tool --------------------------------------------------------------------------------------------

def test_onward_transfer_without_a_tool_names_the_route(findings):
    (found,) = findings("onward-transfer-tool", processor(), sub())
    assert found[:2] == ("error", "recipients/sub")
    assert "through Voorbeeld B.V. -> Host -> Sub, passed on by 'Host' (Germany (DE))" in found[2]
    assert "United States (US)" in found[2] and "no transfer tool" in found[2]


def test_a_long_route_names_its_head_how_many_follow_and_the_last_hands(findings):
    """A chain thousands deep gives a message no longer than a short one (the route was once the whole chain)."""
    hands = [f"id: s{i}, name: S{i}, named: true, role: sub_processor, parent: {f's{i - 1}' if i else 'host'}, "
             "country: DE" for i in range(8)]
    (found,) = findings("onward-transfer-tool", processor(), *hands, sub().replace("parent: host", "parent: s7"))
    assert "through Voorbeeld B.V. -> Host -> ... (6 more) -> S6 -> S7 -> Sub, passed on by 'S7'" in found[2]
    (five,) = findings("onward-transfer-tool", processor(), *hands[:3], sub().replace("parent: host", "parent: s2"))
    assert "through Voorbeeld B.V. -> Host -> S0 -> S1 -> S2 -> Sub, passed on" in five[2]


def test_onward_transfer_on_a_condition_not_established_is_a_warning(findings):
    """The US adequacy decision covers only organisations certified under the Data Privacy Framework."""
    found = findings("onward-transfer-tool", processor(), sub(extra=f"transfer_tools: [{{tool: adequacy, {P}}}]"))
    assert [(s, subject) for s, subject, _ in found] == [("warning", "recipients/sub")]
    assert "Claimed tool: Commission adequacy decision" in found[0][2]


def test_onward_transfer_on_an_invalidated_tool_is_an_error(findings):
    found = findings("onward-transfer-tool", processor(), sub(extra=f"transfer_tools: [{{tool: privacy_shield, {P}}}]"))
    assert [s for s, _, _ in found] == ["error"] and "C-311/18" in found[0][2]


def test_onward_transfer_on_a_tool_valid_on_the_date_passes(findings):
    assert findings("onward-transfer-tool", processor(), sub(extra=SCC_2021)) == []
    # the Privacy Shield carried transfers until the Court invalidated it on 2020-07-16
    shield = f"transfer_tools: [{{tool: privacy_shield, {P}}}]"
    assert findings("onward-transfer-tool", processor(), sub(extra=shield), as_of=date(2020, 7, 15)) == []
    assert findings("onward-transfer-tool", processor(), sub(extra=shield), as_of=date(2020, 7, 16)) != []


def test_the_crossing_under_a_processor_of_unknown_country_is_reported(findings):
    (found,) = findings("onward-transfer-tool", processor(country=None), sub())
    assert "passed on by 'Host' (country not stated)" in found[2]


def test_no_crossing_no_finding(findings):
    # the sub-processor is in the EEA, or the chain left the EEA before it, or the recipient is direct
    assert findings("onward-transfer-tool", processor(), sub(country="FR")) == []
    assert findings("onward-transfer-tool", processor(country="US"), sub()) == []
    assert findings("onward-transfer-tool", processor(country="US")) == []


# -- special-category-transfer-safeguarded ---------------------------------------------------------------------------

def test_special_categories_on_safeguards_abroad_are_a_warning(findings):
    found = findings("special-category-transfer-safeguarded", processor(country="US", extra=SCC_2021))
    assert found == [("warning", "recipients/host", "Special-category data (Health data) go to 'Host' in United "
                      "States (US), outside the EEA, on a transfer tool pac finds valid.")]


def test_special_categories_under_an_adequacy_decision_are_information(findings):
    adequacy = f"transfer_tools: [{{tool: adequacy, {P}}}]"
    found = findings("special-category-transfer-safeguarded", processor(country="CH", extra=adequacy))
    assert [s for s, _, _ in found] == ["info"]


def test_special_categories_without_a_valid_tool_say_so(findings):
    (found,) = findings("special-category-transfer-safeguarded", processor(country="US"))
    assert found[0] == "warning" and found[2].endswith("without a valid transfer tool.")


def test_special_categories_reach_a_sub_processor_abroad_through_the_chain(findings):
    found = findings("special-category-transfer-safeguarded", processor(), sub(extra="categories: [health]"))
    assert [(s, subject) for s, subject, _ in found] == [("warning", "recipients/sub")]


def test_no_special_categories_abroad_no_finding(findings):
    check = "special-category-transfer-safeguarded"
    assert findings(check, processor(country="NL")) == []  # inside the EEA
    assert findings(check, processor(country=None)) == []  # not known to leave it
    assert findings(check, processor(country="US", extra="categories: [email]")) == []
    # criminal-offence data (Art. 10) are no special category of Art. 9(1)
    assert findings(check, processor(country="US", extra="categories: [record]")) == []


# -- sub-processor-parent-contract -----------------------------------------------------------------------------------

def test_sub_processor_under_a_processor_without_agreement(findings):
    refused = f"processor_agreement: {{in_place: false, {P}}}"
    assert [s for s, _, _ in findings("sub-processor-parent-contract", processor(extra=refused), sub())] == ["error"]
    (silent,) = findings("sub-processor-parent-contract", processor(extra="categories: [email]"), sub())
    assert silent[:2] == ("warning", "recipients/sub") and "'Host' is bound by a processor agreement" in silent[2]


def test_sub_processor_under_a_contracted_processor_passes(findings):
    assert findings("sub-processor-parent-contract", processor(), sub()) == []


def test_sub_sub_processor_answers_to_its_own_parent(findings):
    deeper = f"id: deeper, name: Deeper, named: true, role: sub_processor, parent: sub, country: DE"
    found = findings("sub-processor-parent-contract", processor(), sub(country="DE"), deeper)
    assert [(s, subject) for s, subject, _ in found] == [("warning", "recipients/deeper")]


# -- recipient-categories-have-purpose -------------------------------------------------------------------------------

def test_categories_no_purpose_of_the_recipients_activities_uses(findings):
    call_centre = "id: calls, name: Call centre, named: false, role: processor, activities: [support], categories: [phone]"
    assert findings("recipient-categories-have-purpose", call_centre) == [
        ("warning", "recipients/calls", "'Call centre' receives Phone number, which no purpose of its activities uses.")]


def test_without_activities_any_purpose_of_the_notice_counts(findings):
    used = "id: calls, name: Call centre, named: false, role: processor, categories: [email, health]"
    assert findings("recipient-categories-have-purpose", used) == []
    unused = "id: calls, name: Call centre, named: false, role: processor, categories: [phone]"
    (found,) = findings("recipient-categories-have-purpose", unused)
    assert found[2].endswith("which no purpose of the notice uses.")


def test_data_that_follow_from_activities_are_not_judged_here(findings):
    """An activity category that no purpose uses is the activity's problem (data-categories-used), not the recipient's."""
    assert findings("recipient-categories-have-purpose", "id: calls, name: C, named: false, role: processor, "
                                                         "activities: [support]") == []


# -- recipient-data-stated -------------------------------------------------------------------------------------------

def test_orphan_recipient_is_information(findings):
    assert findings("recipient-data-stated", "id: vague, name: Partners, named: false, role: recipient") == [
        ("info", "recipients/vague", "The declaration does not say which personal data these recipients receive: it "
                                     "links them to no activity and no data category.")]


def test_sub_processor_of_a_linked_processor_is_no_orphan(findings):
    assert findings("recipient-data-stated", processor(), sub()) == []


def test_sub_processor_of_an_orphan_processor_is_an_orphan_too(findings):
    orphan = f"id: host, name: Host, named: true, role: processor, country: DE, {AGREEMENT}"
    found = findings("recipient-data-stated", orphan, sub())
    assert [subject for _, subject, _ in found] == ["recipients/host", "recipients/sub"]
    assert len({message for _, _, message in found}) == 1  # one root cause, one finding


def test_a_chain_is_judged_whatever_the_order_its_members_are_declared_in(findings):
    orphan = f"id: host, name: Host, named: true, role: processor, country: DE, {AGREEMENT}"
    deeper = "id: deeper, name: Deeper, named: true, role: sub_processor, parent: sub, country: DE"
    found = findings("recipient-data-stated", deeper, sub(), orphan)
    assert sorted(subject for _, subject, _ in found) == ["recipients/deeper", "recipients/host", "recipients/sub"]
    assert findings("recipient-data-stated", deeper, sub(), processor()) == []
