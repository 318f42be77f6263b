"""The notice's general claims against its facts, and 'essential' cookies of advertising providers (checks/claims.py)."""

from __future__ import annotations

import pytest

from checks_support import P, Findings
from pac_checks.claims import essential_cookies_necessary, notice_claims_consistent

FACTS = f"""\
data_categories:
  - {{id: name, name: Name, source: data_subject, {P}}}
  - {{id: clicks, name: Clicks, source: observed, {P}}}
  - {{id: health, name: Health, special: health, {P}}}
recipients:
  - {{id: host, name: Host, named: true, role: processor, country: DE, {P}}}
  - {{id: ads, name: Ads, named: true, role: controller, country: US, {P}}}
  - {{id: cdn, name: CDN, named: true, role: processor, country: {{code: US, provenance: {{fact: a public fact}}}}, {P}}}
cookies:
  - {{id: s, name: Session, type: cookie, category: strictly_necessary, {P}}}
  - {{id: px, name: Ads pixel, type: pixel, category: marketing, provider: ads, {P}}}
"""


def _claim(claim: str) -> str:
    return f"notice: {{claims: [{{{claim}, {P}}}], {P}}}\n" + FACTS


@pytest.mark.parametrize(("claim", "message"), [
    ("claim: only_functional_cookies", "The notice says it uses only functional cookies, yet it also states: 'Ads pixel'."),
    ("claim: no_tracking", "The notice says it does not track visitors, yet it also states: 'Ads pixel'."),
    ("claim: no_special_categories",
     "The notice says it processes no special categories of personal data, yet it also states: 'Health'."),
    ("claim: only_provided_data",
     "The notice says it processes only the data the data subject provides, yet it also states: 'Clicks' (observed)."),
    ("claim: data_stay_in, area: EEA", "The notice says the data stay in the EEA, yet it also states: 'Ads' (United States)."),
    ("claim: data_stay_in, area: NL",
     "The notice says the data stay in Netherlands (NL), yet it also states: 'Host' (Germany), 'Ads' (United States)."),
])
def test_each_claim_is_compared_with_the_facts(findings: Findings, claim: str, message: str):
    (found,) = findings(notice_claims_consistent, _claim(claim))
    assert (found.severity, found.message) == ("warning", message)


@pytest.mark.parametrize("claim", ["claim: only_functional_cookies", "claim: no_tracking", "claim: no_special_categories",
                                   "claim: only_provided_data", "claim: data_stay_in, area: EEA"])
def test_a_true_claim_draws_nothing(findings: Findings, claim: str):
    compliant = f"""\
notice: {{claims: [{{{claim}, {P}}}], {P}}}
data_categories: [{{id: name, name: Name, source: data_subject, {P}}}]
recipients: [{{id: host, name: Host, named: true, role: processor, country: DE, {P}}}]
cookies: [{{id: s, name: Session, type: cookie, category: functional, {P}}}]
"""
    assert findings(notice_claims_consistent, compliant) == []


@pytest.mark.parametrize(("category", "business", "expected"), [
    ("strictly_necessary", "[advertising]", 1), ("strictly_necessary", "[analytics, marketing_automation]", 1),
    ("strictly_necessary", None, 0), ("marketing", "[advertising]", 0), ("functional", "[advertising]", 0)])
def test_essential_cookies_of_advertising_providers(findings: Findings, category: str, business: str | None,
                                                     expected: int):
    kinds = f"business: {{kinds: {business}, provenance: {{fact: f}}}}, " if business else ""
    body = (f"recipients: [{{id: p, name: Provider, named: true, role: recipient, {kinds}{P}}}]\n"
            f"cookies: [{{id: c, name: C, type: cookie, category: {category}, provider: p, {P}}}]\n")
    found = findings(essential_cookies_necessary, body)
    assert len(found) == expected
    assert all("calls 'C' essential, but its provider 'Provider' is in the business of" in f.message for f in found)
