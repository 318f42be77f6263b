"""The lawfulness checks' branches (checks/lawfulness.py); the catalogue fixtures prove each check once."""

from __future__ import annotations

from datetime import date

import pytest

from pac import Engine, load
from pac_checks import lawfulness

ENGINE = Engine([lawfulness.email_marketing_consent, lawfulness.legal_basis_stated], Engine.from_plugins().reference)


def findings(write, relationship: str, purpose: str) -> list[tuple[str, str]]:
    (org,) = load([write(f"""\
pac: 1
organisation: demo
data_subjects: [{{id: s, name: Recipients, relationship: {relationship}, provenance: {{section: S, quote: q}}}}]
activities:
  - id: a
    name: Mailings
    data_subjects: [s]
    purposes: [{{id: p, name: Offers, kind: direct_marketing, channels: [email], {purpose}provenance: {{section: S, quote: q}}}}]
    provenance: {{section: S, quote: q}}
""")], reference=ENGINE.reference)
    return [(f.severity, f.message) for f in ENGINE.evaluate(org, date(2026, 11, 22)).all_findings()
            if f.check == "email-marketing-consent"]


@pytest.mark.parametrize("relationship, purpose, expected", [
    ("prospect", "legal_basis: legitimate_interests, ", "error"),
    ("user", "", "error"),
    ("prospect", "legal_basis: consent, ", None),
    ("prospect", "consent: {withdrawal: unsubscribe link, provenance: {section: S, quote: q}}, ", None),
    ("subscriber", "", None),
    ("customer", "legal_basis: legitimate_interests, ", "warning"),
    ("customer", "objection: {route: unsubscribe link, provenance: {section: S, quote: q}}, ", None),
])
def test_email_marketing_needs_prior_consent_or_the_customer_exception(write, relationship, purpose, expected):
    found = findings(write, relationship, purpose)
    assert [severity for severity, _ in found] == ([expected] if expected else [])


def test_the_message_says_what_the_notice_lacks(write):
    ((_, message),) = findings(write, "prospect", "legal_basis: legitimate_interests, ")
    assert message == "'Offers' sends marketing by e-mail to Recipients, and the notice does not say that they consented to it."
