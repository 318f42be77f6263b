"""Statutory record types without a hidden switch (pac/records.py): inferred from the declaration's words for the
controller's country, stated in the finding, overridden by ``record_types``; never guessed."""

from __future__ import annotations

import textwrap
from datetime import date
from typing import Callable

import pytest

from pac import Engine
from pac.model import Organisation
from pac.records import record_types
from pac.reference import Reference
from pac_checks.retention import (retention_meets_statutory_minimum, retention_within_guidance,
                                  statutory_retention_stated)

REF = Reference.packaged()
P = "provenance: {section: S, quote: q}"


def declaration(country: str | None, purpose: str, retention: str = "", categories: str = "") -> str:
    """A declaration with one activity: ``purpose`` (a flow mapping's fields), its ``retention`` rules and extra
    ``categories`` (list items) besides a name."""
    controller = f"controller: {{legal_name: C, country: {country}, {P}}}\n" if country else ""
    ids = ", ".join(["name", *(line.split("id: ")[1].split(",")[0] for line in categories.splitlines())])
    return controller + textwrap.dedent(f"""\
        data_categories:
          - {{id: name, name: Name, {P}}}
        {categories}
        activities:
          - id: a
            name: Activity
            categories: [{ids}]
            purposes: [{{id: p, {purpose}, {P}}}]
            retention: [{retention}]
            {P}
        """)


@pytest.fixture
def types(load_one: Callable[[str], Organisation]) -> Callable[..., list[tuple[str, str | None]]]:
    def _types(*args: str) -> list[tuple[str, str | None]]:
        organisation = load_one(declaration(*args))
        return [(t.row.id, t.reason) for t in record_types(organisation.purpose("p"), organisation, REF)]
    return _types


INVOICE = f"  - {{id: invoice, name: Invoice, term: Rechnung, {P}}}"
CARE_FILE = f"  - {{id: file, name: Care file, term: zorgdossier, special: health, {P}}}"


@pytest.mark.parametrize(("country", "purpose", "retention", "categories", "expected"), [
    # a billing purpose with invoices: the fiscal records of the controller's country
    ("DE", "name: Billing, kind: billing", "", INVOICE, ["de_buchungsbelege"]),
    ("NL", "name: Invoicing, term: facturen, kind: billing", "", "", ["nl_fiscal_administration"]),
    ("BE", "name: Invoices, kind: billing", "", "", ["be_accounting", "be_vat"]),
    ("FR", "name: Factures, kind: billing", "", "", ["fr_accounting"]),
    # a statute the notice names for the purpose
    ("NL", "name: Keep records, statute: AWR art. 52", "", "", ["nl_fiscal_administration"]),
    ("NL", "name: Keep records", f"{{period: P7Y, limit: exactly, provenance: {{section: S, quote: fiscale bewaarplicht}}}}",
     "", ["nl_fiscal_administration"]),
    ("FR", "name: Keep records, statute: Livre des procédures fiscales art. L102 B", "", "", ["fr_tax"]),
    # a care file: medical records, only with health data
    ("NL", "name: Care, kind: service_delivery, categories: [file]", "", CARE_FILE, ["nl_medical_record"]),
    # regulator maximums
    ("NL", "name: Assess applicants, kind: recruitment", "", "", ["nl_job_applicants"]),
    ("NL", "name: Camera surveillance, kind: security", "", "", ["nl_camera_footage"]),
])
def test_the_record_type_is_inferred_from_words_in_the_declaration(types, country, purpose, retention, categories,
                                                                   expected):
    found = types(country, purpose, retention, categories)
    assert [row for row, _ in found] == expected
    assert all(reason for _, reason in found)


@pytest.mark.parametrize(("country", "purpose", "categories"), [
    ("DE", "name: Billing, kind: billing", ""),                                # the kind alone is no evidence
    ("NL", "name: Invoice questions, kind: support", ""),                      # the word without the kind
    ("NL", "name: Care, kind: service_delivery", f"  - {{id: file, name: Care file, term: zorgdossier, {P}}}"),
    (None, "name: Invoicing, kind: billing", ""),                              # no jurisdiction, no national law
    ("SE", "name: Invoicing, kind: billing", ""),                              # no Swedish rows
    ("NL", "name: Invoicing, kind: billing, record_types: []", ""),            # the declaration says: none
    ("DE", "name: Keep records, statute: AWR art. 52", ""),                    # a Dutch statute for a German controller
])
def test_no_record_type_without_words_or_against_an_override(types, country, purpose, categories):
    assert types(country, purpose, "", categories) == []


def test_a_declared_record_type_overrides_the_inference(types):
    assert types("NL", "name: Invoicing, kind: billing, record_types: [nl_civil_books_legal_entity]") == [
        ("nl_civil_books_legal_entity", None)]


def findings(load_one, check, body: str, on: date):
    organisation = load_one(body)
    return Engine([check], REF).evaluate(organisation, on).all_findings()


def test_too_short_a_retention_of_inferred_records_fails_and_says_why(load_one):
    body = declaration("DE", "name: Billing, kind: billing",
                       f"{{period: P8Y, limit: exactly, after: end_of_financial_year, {P}}}", INVOICE)
    (before,) = findings(load_one, retention_meets_statutory_minimum, body, date(2024, 12, 31))
    assert before.severity == "error" and "P10Y" in before.message
    assert "treated as such records because 'Billing' is a billing purpose and its declaration says 'Invoice'" in \
        before.message and "set record_types to override" in before.message
    assert findings(load_one, retention_meets_statutory_minimum, body, date(2025, 1, 1)) == []


def test_inferred_statutory_records_with_no_retention_period_are_an_error(load_one):
    silent = declaration("NL", "name: Invoicing, term: facturen, kind: billing")
    (found,) = findings(load_one, statutory_retention_stated, silent, date(2026, 1, 1))
    assert found.severity == "error" and "AWR art. 52" in found.articles and "treated as such records" in found.message
    vague = declaration("NL", "name: Invoicing, term: facturen, kind: billing", f"{{vague: as required, {P}}}")
    (found,) = findings(load_one, statutory_retention_stated, vague, date(2026, 1, 1))
    assert found.severity == "error"
    foreign = declaration("DE", "name: Invoicing, kind: billing, record_types: [nl_fiscal_administration]")
    (found,) = findings(load_one, statutory_retention_stated, foreign, date(2026, 1, 1))
    assert found.severity == "warning" and "the rule is for NL" in found.message


def test_regulator_maximums_use_the_same_inference(load_one):
    body = declaration("NL", "name: Assess applicants, kind: recruitment",
                       f"{{period: P1Y, limit: exactly, after: other, description: the procedure ends, {P}}}")
    (found,) = findings(load_one, retention_within_guidance, body, date(2026, 1, 1))
    assert found.severity == "warning" and "P4W" in found.message and "treated as such records" in found.message
    overridden = body.replace("kind: recruitment", "kind: recruitment, record_types: []")
    assert findings(load_one, retention_within_guidance, overridden, date(2026, 1, 1)) == []
