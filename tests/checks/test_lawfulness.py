"""The lawfulness checks' branches (checks/lawfulness.py); the catalogue fixtures prove each check once."""

from __future__ import annotations

from typing import Callable

import pytest

from checks_support import P, Findings
from pac_checks import lawfulness

Mailings = Callable[[str, str], list[tuple[str, str]]]


@pytest.fixture
def findings(findings: Findings) -> Mailings:
    """``findings(relationship, purpose)``: (severity, message) of email-marketing-consent on e-mail marketing to
    data subjects of ``relationship``, for a purpose with the extra fields ``purpose``."""

    def _findings(relationship: str, purpose: str) -> list[tuple[str, str]]:
        found = findings(lawfulness.email_marketing_consent, f"""\
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
    assert message == "'Offers' sends marketing by e-mail to Recipients, and the notice does not say that they consented to it."

