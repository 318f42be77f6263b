"""Transfers of a controller in the UK, judged under the UK GDPR (pac/transfers.py ``regime``): home is the UK, UK
adequacy regulations need no tool, the UK's own tools (IDTA, UK Addendum, the UK Extension to the DPF) carry the
transfer, and findings cite UK law; a controller in the EU is judged as before."""

from __future__ import annotations

from datetime import date

import pytest

from checks_support import AS_OF, P, Findings
from pac.phrases import Phrase
from pac_checks.flows import special_category_transfer_safeguarded
from pac_checks.transfers import recipient_country_known, transfer_tool_valid
from pac_checks.transparency import controller_identified
from test_transfers import recipient

UK = f"controller: {{legal_name: Acme Ltd, country: GB, {P}}}\n"
NL = f"controller: {{legal_name: Acme BV, country: NL, {P}}}\n"
OLD = "concluded: 2022-06-01, processing_unchanged: true"
CERTIFIED = f"scope_conditions: [{{condition: dpf_certified, checked: 2026-10-01, {P}}}]"
EXTENDED = CERTIFIED.replace("dpf_certified", "uk_extension")


def _text(found) -> str:
    return " ".join((found.message, *found.articles))


def test_a_uk_processor_of_a_uk_controller_is_no_transfer(findings: Findings):
    assert findings(transfer_tool_valid, UK + "recipients:\n" + recipient("host", "GB")) == []
    (eu,) = findings(transfer_tool_valid, NL + "recipients:\n" + recipient("host", "GB"))
    assert eu.severity == "warning" and "Decision (EU) 2021/1772" in eu.message  # the EU controller: unchanged


def test_the_controller_s_law_follows_its_address_when_its_country_is_unstated(findings: Findings):
    controller = f"controller: {{legal_name: Acme Ltd, address: {{city: Leeds, country: GB, {P}}}, {P}}}\n"
    assert findings(transfer_tool_valid, controller + "recipients:\n" + recipient("host", "GB")) == []


def test_the_authority_a_notice_names_does_not_decide_the_controller_s_law(findings: Findings):
    """A data subject may complain where they live (Art. 77): an Irish controller naming the ICO stays under the GDPR."""
    controller = (f"controller: {{legal_name: Acme Ltd, address: {{city: Galway, country: IE, {P}}}, "
                  f"supervisory_authority: {{name: Information Commissioner's Office, country: GB, {P}}}, {P}}}\n")
    (found,) = findings(transfer_tool_valid, controller + "recipients:\n" + recipient("host", "GB"))
    assert "outside the EEA" in found.message and "Decision (EU) 2021/1772" in found.message


def test_the_eea_needs_no_tool_from_the_uk_but_the_notice_must_mention_it(findings: Findings):
    (found,) = findings(transfer_tool_valid, UK + "recipients:\n" + recipient("host", "DE"))
    assert found.severity == "warning"
    assert found.articles == ("UK GDPR Art. 13(1)(f)", "UK GDPR Art. 45A")
    assert "Germany (DE), outside the UK" in found.message and "DPA 2018 Sch. 21 para. 5" in found.message
    assert "does not mention the adequacy regulations" in found.message
    assert "EEA" not in found.message.replace("EEA states", "") and "Decision (EU)" not in _text(found)
    assert findings(transfer_tool_valid, NL + "recipients:\n" + recipient("host", "DE")) == []


@pytest.mark.parametrize(("on", "articles"), [
    (date(2025, 6, 1), ("UK GDPR Art. 44", "UK GDPR Art. 45(1)", "UK GDPR Art. 46(1)", "UK GDPR Art. 49(1)")),
    (date(2026, 2, 5), ("UK GDPR Art. 44A", "UK GDPR Art. 45A", "UK GDPR Art. 46(1A)", "UK GDPR Art. 49(1)")),
])
def test_no_tool_to_a_third_country_is_an_error_under_the_articles_in_force(findings: Findings, on: date,
                                                                            articles: tuple[str, ...]):
    """The Data (Use and Access) Act 2025 replaced UK GDPR Art. 44-46(1) from 2026-02-05."""
    (found,) = findings(transfer_tool_valid, UK + "recipients:\n" + recipient("acme", "IN"), as_of=on)
    assert found.severity == "error" and found.articles == articles
    assert "India (IN), outside the UK, and the notice states no transfer tool" in found.message


@pytest.mark.parametrize(("extra", "overrides", "severity"), [
    (EXTENDED, None, None),  # a dated List entry showing the UK Extension on record: it covers the transfer
    (CERTIFIED, None, "warning"),  # a dated entry showing EU-US certification only: not the UK Extension
    ("", None, "warning"),  # claimed, not established
    ("", {"dpf_certified": ["Acme"]}, "warning"),  # the DPF List shows certification, not the UK Extension
    ("", {"dpf_certified": ["Other Inc"]}, "error"),  # not on the List at all
])
def test_a_us_recipient_rests_on_the_uk_extension(findings: Findings, extra: str, overrides: dict | None,
                                                   severity: str | None):
    body = UK + "recipients:\n" + recipient("acme", "US", "tool: eu_us_dpf", extra=extra)
    found = findings(transfer_tool_valid, body, overrides=overrides)
    assert [f.severity for f in found] == ([severity] if severity else [])
    for finding in found:
        assert "SI 2023/1028" in finding.message and "2023/1795" not in _text(finding)
        assert "UK Extension" in finding.message and "UK GDPR Art. 45A" in finding.articles


def test_a_us_recipient_without_any_tool_is_an_error(findings: Findings):
    (found,) = findings(transfer_tool_valid, UK + "recipients:\n" + recipient("acme", "US"))
    assert found.severity == "error" and "outside the UK" in found.message


@pytest.mark.parametrize(("tool", "on", "severity", "words"), [
    ("tool: scc_supervisory_authority", AS_OF, None, ""),
    ("tool: scc_supervisory_authority", date(2022, 3, 20), "error", "IDTA or UK Addendum apply from 2022-03-21"),
    ("tool: scc", AS_OF, "warning", "only with the Information Commissioner's UK Addendum"),
    ('tool: scc, version: "2021", module: 2', date(2022, 1, 1), "error", "which applies from 2022-03-21"),
    (f'tool: scc, version: "2010", {OLD}', date(2024, 3, 21), None, ""),
    (f'tool: scc, version: "2010", {OLD}', date(2024, 3, 22), "error", "only until 2024-03-21"),
    ('tool: scc, version: "2010", concluded: 2022-10-01, processing_unchanged: true', date(2023, 1, 1), "error",
     "concluded by 2022-09-21"),
    ('tool: scc, version: "2010", concluded: 2022-06-01, processing_unchanged: false', date(2023, 1, 1), "error",
     "for unchanged processing"),
    ('tool: scc, version: "2010"', date(2023, 1, 1), "warning", "which the declaration does not establish"),
    ("tool: processor_agreement", AS_OF, "error", "the UK GDPR needs adequacy regulations (UK GDPR Art. 45A)"),
    ("tool: derogation_explicit_consent", AS_OF, "warning", "UK GDPR Art. 49(1)(a) is a derogation"),
])
def test_tools_to_india_are_judged_under_uk_law(findings: Findings, tool: str, on: date, severity: str | None,
                                               words: str):
    found = findings(transfer_tool_valid, UK + "recipients:\n" + recipient("acme", "IN", tool), as_of=on)
    assert [f.severity for f in found] == ([severity] if severity else [])
    for finding in found:
        assert words in finding.message, finding.message
        assert "EDPB" not in _text(finding) and "2021/914)" not in " ".join(finding.articles)
        assert all(a.startswith(("UK GDPR", "DPA 2018")) for a in finding.articles), finding.articles


def test_the_same_tools_of_an_eu_controller_are_judged_as_before(findings: Findings):
    for tool in ("tool: scc_supervisory_authority", 'tool: scc, version: "2021", module: 2'):
        assert findings(transfer_tool_valid, NL + "recipients:\n" + recipient("acme", "IN", tool)) == []
    (found,) = findings(transfer_tool_valid, NL + "recipients:\n" + recipient("acme", "IN"))
    assert found.articles[0] == "GDPR Art. 44" and "outside the EEA" in found.message


def test_adequacy_regulations_pac_does_not_establish_warn(findings: Findings):
    (found,) = findings(transfer_tool_valid, UK + "recipients:\n" + recipient("acme", "FO"))
    assert found.severity == "warning" and "mark that unverified" in found.message


def test_the_dutch_report_says_outside_the_uk(findings: Findings):
    (found,) = findings(transfer_tool_valid, UK + "recipients:\n" + recipient("acme", "IN"))
    assert isinstance(found.message, Phrase) and "buiten het VK" in found.message.said("nl")


def test_an_unknown_country_is_whether_the_data_leave_the_uk(findings: Findings):
    (found,) = findings(recipient_country_known, UK + "recipients:\n" + recipient("google", None, name="Google"))
    assert "leave the UK" in found.message and "UK GDPR Art. 44A" in found.message
    assert "serves users in the EU" not in found.message  # pac knows Google's EU entity, not the one serving the UK


def test_special_category_data_leaving_the_uk_say_so(findings: Findings):
    body = UK + ("data_categories:\n  - {id: health, name: Health notes, special: health, " + P + "}\n"
                 "recipients:\n" + recipient("acme", "IN", extra="categories: [health]"))
    (found,) = findings(special_category_transfer_safeguarded, body)
    assert "outside the UK" in found.message and "UK GDPR Art. 44A" in found.articles
    assert findings(special_category_transfer_safeguarded, body.replace("country: IN", "country: GB")) == []


def test_a_uk_controller_without_an_eu_representative_is_told_when_it_needs_one(findings: Findings):
    (found,) = findings(controller_identified, f"controller: {{legal_name: Acme Ltd, country: GB, contacts: "
                                               f"[{{channel: email, value: a@acme.example, {P}}}], {P}}}\n")
    assert found.severity == "info" and found.articles == ("GDPR Art. 3(2)", "GDPR Art. 27(1)")
    assert "only where it offers goods or services to people in the Union" in found.message
    (us,) = findings(controller_identified, f"controller: {{legal_name: Acme Inc, country: US, contacts: "
                                            f"[{{channel: email, value: a@acme.example, {P}}}], {P}}}\n")
    assert us.severity == "warning" and "names no representative in the Union" in us.message
