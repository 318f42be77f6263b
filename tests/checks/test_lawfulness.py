"""The lawfulness checks' branches (checks/lawfulness.py); the catalogue fixtures prove each check once."""

from __future__ import annotations

from typing import Callable

import pytest

from checks_support import P, Findings
from pac_checks import lawfulness

Mailings = Callable[..., list[tuple[str, str]]]


@pytest.fixture
def findings(findings: Findings) -> Mailings:
    """``findings(relationship, purpose)``: (severity, message) of email-marketing-consent on e-mail marketing to
    data subjects of ``relationship``, for a purpose with the extra fields ``purpose``, of a controller in
    ``country``."""

    def _findings(relationship: str, purpose: str, country: str = "NL") -> list[tuple[str, str]]:
        found = findings(lawfulness.email_marketing_consent, f"""\
controller: {{legal_name: Shop, country: {country}, {P}}}
data_subjects: [{{id: s, name: Recipients, relationship: {relationship}, {P}}}]
activities:
  - id: a
    name: Mailings
    data_subjects: [s]
    purposes: [{{id: p, name: Offers, kind: direct_marketing, channels: [email], {purpose}{P}}}]
    {P}
""")
        return [(f.severity, f.message) for f in found]

    return _findings


@pytest.mark.parametrize("relationship, purpose, expected", [
    ("prospect", "legal_basis: legitimate_interests, ", "error"),
    ("user", "", "error"),
    ("prospect", "legal_basis: consent, ", None),
    ("prospect", f"consent: {{withdrawal: unsubscribe link, {P}}}, ", None),
    ("subscriber", "", None),
    ("customer", "legal_basis: legitimate_interests, ", "warning"),
    ("customer", f"objection: {{route: unsubscribe link, {P}}}, ", None),
])
def test_email_marketing_needs_prior_consent_or_the_customer_exception(findings: Mailings, relationship, purpose, expected):
    found = findings(relationship, purpose)
    assert [severity for severity, _ in found] == ([expected] if expected else [])


def test_the_message_says_what_the_notice_lacks(findings: Mailings):
    ((_, message),) = findings("prospect", "legal_basis: legitimate_interests, ")
    assert message == ("'Offers' sends marketing by e-mail to Recipients, and the notice does not say that they "
                       "consented to it, which Tw art. 11.7 requires.")


@pytest.mark.parametrize(("country", "law", "exception"), [
    ("NL", "Tw art. 11.7", "Tw art. 11.7(3)"), ("DE", "UWG § 7", "UWG § 7(3)"),
    ("FR", "CPCE art. L34-5", "CPCE art. L34-5 (4th paragraph)"), ("BE", "CDE art. XII.13", "AR/KB 2003-04-04 art. 1")])
def test_marketing_findings_cite_the_law_of_the_controllers_country(findings: Mailings, country: str, law: str,
                                                                     exception: str):
    ((_, prospects),) = findings("prospect", "legal_basis: legitimate_interests, ", country)
    ((_, customers),) = findings("customer", "legal_basis: legitimate_interests, ", country)
    assert prospects.endswith(f"which {law} requires.") and customers.endswith(f"the customer exception of {exception} "
                                                                                "requires.")


def test_without_a_national_rule_pac_says_so(findings: Mailings):
    ((severity, message),) = findings("prospect", "legal_basis: legitimate_interests, ", "SE")
    assert severity == "info" and "pac has no rule of the law of Sweden (SE)" in message and "Tw" not in message
