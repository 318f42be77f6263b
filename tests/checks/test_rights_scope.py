"""A right the notice states only for some activities or purposes covers those, not the whole notice
(the statement's scope: ``notice.rights[].activities`` / ``purposes``)."""

from __future__ import annotations

from checks_support import P, Findings
from pac_checks.lawfulness import consent_withdrawal_route, objection_right_stated


def body(right: str, scope: str, basis: str) -> str:
    return f"""\
notice:
  rights: [{{right: {right}, {scope}{P}}}]
activities:
  - {{id: cookies, name: Cookies, purposes: [{{id: ads, name: Ads, legal_basis: {basis}, {P}}}], {P}}}
  - {{id: mail, name: Mailing, purposes: [{{id: news, name: News, legal_basis: {basis}, {P}}}], {P}}}
"""


def test_a_withdrawal_stated_for_cookies_only_does_not_cover_other_consents(findings: Findings):
    found = findings(consent_withdrawal_route, body("withdraw_consent", "activities: [cookies], ", "consent"))
    assert [f.subjects for f in found] == [("purposes/news",)]
    assert findings(consent_withdrawal_route, body("withdraw_consent", "", "consent")) == []
    found = findings(consent_withdrawal_route, body("withdraw_consent", "purposes: [news], ", "consent"))
    assert [f.subjects for f in found] == [("purposes/ads",)]


def test_an_objection_right_stated_for_one_activity_covers_that_activity(findings: Findings):
    found = findings(objection_right_stated, body("objection", "activities: [mail], ", "legitimate_interests"))
    assert [f.subjects for f in found] == [("purposes/ads",)]


def test_a_scope_names_existing_activities(errors_of):
    (error,) = errors_of(body("objection", "activities: [nope], ", "consent"))
    assert "unknown activity 'nope'" in error.message
