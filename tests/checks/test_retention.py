"""The retention checks, branch by branch and at their boundaries (checks/retention.py)."""

from __future__ import annotations

from datetime import date
from typing import Callable

import pytest

from checks_support import AS_OF, P, Findings
from pac.checking import Finding
from pac.model import Organisation
from pac_checks import retention

NL = f"controller: {{country: NL, {P}}}"
CATEGORIES = f"""\
data_categories:
  - {{id: contact, name: Contact details, {P}}}
  - {{id: invoices, name: Invoice data, {P}}}"""
# A one-year statutory minimum, to compare P12M with P1Y through the reference data.
YEAR_ROW = {"retention": [{"id": "test_one_year", "country": "NL", "record": "Test records", "kind": "min",
                           "period": "P1Y", "statute": "AWR art. 52", "src": ["S30"], "ver": "secondary"}]}


def purpose(fields: str = "", id: str = "p", name: str = "Keep the books") -> str:
    """A purpose of activity ``a`` as a YAML list item, with extra ``fields`` (e.g. ``legal_basis: consent``)."""
    return f"- {{id: {id}, name: {name}, {fields + ', ' if fields else ''}{P}}}"


FISCAL = purpose("record_types: [nl_fiscal_administration]")
TWO_PURPOSES = f"{purpose()}\n{purpose(id='q', name='Serve')}"


def rules(*texts: str) -> str:
    """Retention rules of activity ``a`` as YAML list items, e.g. ``rules("until: contract_end")``."""
    return "\n".join(f"- {{{text}, {P}}}" for text in texts)


def declaration(stated: str, purposes: str, head: str, categories: bool) -> str:
    """The body of a declaration with one activity ``a`` ('Accounts'): these purposes and retention rules."""
    lines = [head, CATEGORIES if categories else "", "activities:", "  - id: a", "    name: Accounts", f"    {P}",
             "    categories: [contact, invoices]" if categories else "",
             "    purposes:", *(f"      {line}" for line in purposes.splitlines())]
    if stated:
        lines += ["    retention:", *(f"      {line}" for line in stated.splitlines())]
    return "\n".join(lines) + "\n"


Evaluate = Callable[..., list[Finding]]


@pytest.fixture
def evaluate(findings: Findings) -> Evaluate:
    """``evaluate(check, stated="", purposes=purpose(), head=NL, categories=False, as_of=AS_OF, overrides=None)``:
    what one check finds in the declaration."""

    def _evaluate(check, stated: str = "", purposes: str = purpose(), head: str = NL, categories: bool = False,
                  as_of: date = AS_OF, overrides: dict | None = None) -> list[Finding]:
        return findings(check, declaration(stated, purposes, head, categories), as_of, overrides)

    return _evaluate


# retention-stated

def test_purpose_without_retention_is_an_error(evaluate: Evaluate):
    (finding,) = evaluate(retention.retention_stated, rules("purposes: [q], until: contract_end"),
                          purposes=TWO_PURPOSES)
    assert finding.severity == "error" and finding.subject == "purposes/p"
    assert finding.message == "The notice states no retention period or criteria for 'Keep the books'."


def test_an_activity_without_any_retention_is_one_root_cause(evaluate: Evaluate):
    (finding,) = evaluate(retention.retention_stated, purposes=TWO_PURPOSES)
    assert finding.subjects == ("purposes/p", "purposes/q")
    assert finding.message == "The notice states no retention period or criteria for any data of 'Accounts'."


def test_rule_for_some_categories_leaves_the_others_unstated(evaluate: Evaluate):
    (finding,) = evaluate(retention.retention_stated, rules("categories: [contact], until: contract_end"),
                          categories=True)
    assert finding.message.endswith("for 'Keep the books' (Invoice data).")


@pytest.mark.parametrize("text", ["vague: niet langer dan nodig", "until: other", "period: P1Y, limit: at_least"])
def test_any_stated_rule_counts_as_stated(evaluate: Evaluate, text: str):
    assert evaluate(retention.retention_stated, rules(text)) == []


def test_rule_for_another_purpose_does_not_count(evaluate: Evaluate):
    (finding,) = evaluate(retention.retention_stated, rules("purposes: [q], until: contract_end"),
                          purposes=TWO_PURPOSES)
    assert finding.subject == "purposes/p"


def test_anonymised_use_needs_no_retention(evaluate: Evaluate):
    anonymised = purpose("deidentification: anonymised")
    assert evaluate(retention.retention_stated, purposes=anonymised) == []
    assert evaluate(retention.retention_not_vague, rules("vague: niet langer dan nodig"), purposes=anonymised) == []


# retention-not-vague

def test_vague_statement_alone_is_an_error_quoting_it(evaluate: Evaluate):
    (finding,) = evaluate(retention.retention_not_vague, rules("vague: niet langer dan nodig"))
    assert finding.severity == "error"
    assert finding.message == ("The notice says only 'niet langer dan nodig' about how long these data are kept: "
                               "neither a period nor criteria to determine it.")
    assert finding.location.line > 0 and finding.evidence[0].quote == "q"


def test_one_vague_statement_for_several_purposes_is_one_finding(evaluate: Evaluate):
    (finding,) = evaluate(retention.retention_not_vague, rules("vague: niet langer dan nodig"), purposes=TWO_PURPOSES)
    assert finding.subjects == ("purposes/p", "purposes/q")


@pytest.mark.parametrize("other", ["until: account_deletion", "period: P2Y, limit: at_most, after: collection"])
def test_vague_statement_beside_a_period_or_event_is_harmless(evaluate: Evaluate, other: str):
    assert evaluate(retention.retention_not_vague, rules("vague: niet langer dan nodig", other)) == []


def test_vague_statement_alone_for_one_category_is_reported(evaluate: Evaluate):
    stated = rules("vague: niet langer dan nodig", "categories: [invoices], period: P7Y, limit: exactly")
    (finding,) = evaluate(retention.retention_not_vague, stated, categories=True)
    assert finding.message.startswith("The notice says only 'niet langer dan nodig'")


def test_nothing_stated_is_not_a_vague_statement(evaluate: Evaluate):
    assert evaluate(retention.retention_not_vague) == []


# retention-meets-statutory-minimum (nl_fiscal_administration: P7Y, AWR art. 52)

@pytest.mark.parametrize("period, limit, severity", [
    ("P7Y", "exactly", None),            # equal to the minimum
    ("P84M", "exactly", None),           # the same length in months
    ("P7Y", "at_most", None),
    ("P8Y", "at_least", None),
    ("P6Y11M", "exactly", "error"),      # a month short
    ("P2556D", "at_most", "error"),      # short of seven (mean) years by less than a day
    ("P6Y", "at_least", "warning"),      # a shorter minimum promises too little but breaks nothing
])
def test_statutory_minimum_boundaries(evaluate: Evaluate, period: str, limit: str, severity: str | None):
    found = evaluate(retention.retention_meets_statutory_minimum,
                     rules(f"period: {period}, limit: {limit}, after: end_of_financial_year"), purposes=FISCAL)
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_shorter_period_message_quotes_rule_and_statute(evaluate: Evaluate):
    (finding,) = evaluate(retention.retention_meets_statutory_minimum,
                          rules("period: P5Y, limit: exactly, after: end_of_financial_year"), purposes=FISCAL)
    assert finding.message.startswith("'Keep the books' is kept P5Y after the end of the financial year: shorter "
                                      "than the P7Y minimum of AWR art. 52 for 'Fiscal administration")
    assert finding.articles == ("AWR art. 52",)


def test_shorter_minimum_is_fine_when_another_rule_keeps_the_data_long_enough(evaluate: Evaluate):
    stated = rules("period: P1Y, limit: at_least", "period: P7Y, limit: at_least")
    assert evaluate(retention.retention_meets_statutory_minimum, stated, purposes=FISCAL) == []


def test_shorter_maximum_is_an_error_even_beside_a_longer_rule(evaluate: Evaluate):
    stated = rules("period: P7Y, limit: at_least", "period: P2Y, limit: at_most")
    (finding,) = evaluate(retention.retention_meets_statutory_minimum, stated, purposes=FISCAL)
    assert finding.severity == "error" and "kept at most P2Y" in finding.message


def test_p12m_equals_a_one_year_minimum(evaluate: Evaluate):
    records = purpose("record_types: [test_one_year]")
    check = retention.retention_meets_statutory_minimum
    assert evaluate(check, rules("period: P12M, limit: at_most"), purposes=records, overrides=YEAR_ROW) == []
    assert evaluate(check, rules("period: P11M, limit: at_most"), purposes=records, overrides=YEAR_ROW) != []


@pytest.mark.parametrize("head, caveat", [
    (f"controller: {{country: DE, {P}}}", "the rule is for NL and the controller's country is DE"),
    ("", "the rule is for NL and the controller's country is not stated"),
])
def test_minimum_of_another_country_is_a_warning(evaluate: Evaluate, head: str, caveat: str):
    (finding,) = evaluate(retention.retention_meets_statutory_minimum, rules("period: P5Y, limit: exactly"),
                          purposes=FISCAL, head=head)
    assert finding.severity == "warning" and finding.message.endswith(f"({caveat}).")


def test_minimum_from_unverified_reference_data_is_a_warning(evaluate: Evaluate):
    """nl_employee_id_copy: P5Y, its statute marked unverified."""
    (finding,) = evaluate(retention.retention_meets_statutory_minimum, rules("period: P4Y, limit: exactly"),
                          purposes=purpose("record_types: [nl_employee_id_copy]"))
    assert finding.severity == "warning" and "unverified" in finding.message


@pytest.mark.parametrize("as_of, found", [(date(2019, 12, 31), False), (date(2020, 1, 1), True)])
def test_minimum_in_force_on_the_evaluation_date(evaluate: Evaluate, as_of: date, found: bool):
    """nl_medical_record, BW art. 7:454(3): 15 years before 2020, 20 years since."""
    findings = evaluate(retention.retention_meets_statutory_minimum,
                        rules("period: P16Y, limit: exactly, after: last_change"),
                        purposes=purpose("record_types: [nl_medical_record]"), as_of=as_of)
    assert bool(findings) is found


def test_purpose_without_record_type_has_no_minimum(evaluate: Evaluate):
    assert evaluate(retention.retention_meets_statutory_minimum, rules("period: P1M, limit: exactly")) == []


# statutory-retention-stated

def test_record_type_without_period_says_what_the_notice_states(evaluate: Evaluate):
    (finding,) = evaluate(retention.statutory_retention_stated, rules("until: contract_end"), purposes=FISCAL)
    assert finding.severity == "error" and "AWR art. 52" in finding.articles
    assert finding.message.startswith("'Keep the books' holds records that AWR art. 52 requires to be kept at least "
                                      "P7Y (Fiscal administration")
    assert finding.message.endswith("but the notice states no retention period for them; it says only: kept until "
                                    "the end of the contract.")


def test_record_type_without_any_rule(evaluate: Evaluate):
    (finding,) = evaluate(retention.statutory_retention_stated, purposes=FISCAL)
    assert finding.message.endswith("states no retention period for them.")


def test_record_type_with_a_period_is_stated(evaluate: Evaluate):
    assert evaluate(retention.statutory_retention_stated, rules("period: P1Y, limit: at_least"), purposes=FISCAL) == []


def test_guidance_maximum_is_no_statutory_minimum(evaluate: Evaluate):
    assert evaluate(retention.statutory_retention_stated, purposes=purpose("record_types: [nl_camera_footage]")) == []


# retention-within-guidance (nl_camera_footage: P4W; nl_job_applicants: P4W, P1Y with consent)

@pytest.mark.parametrize("period, limit, found", [
    ("P4W", "at_most", False), ("P28D", "exactly", False), ("P1W", "at_least", False),
    ("P29D", "at_most", True), ("P1M", "exactly", True), ("P5W", "at_least", True),
])
def test_camera_footage_guidance(evaluate: Evaluate, period: str, limit: str, found: bool):
    stated = rules(f"period: {period}, limit: {limit}, after: creation")
    camera = purpose("record_types: [nl_camera_footage]")
    findings = evaluate(retention.retention_within_guidance, stated, purposes=camera)
    assert [f.severity for f in findings] == (["warning"] if found else [])


@pytest.mark.parametrize("basis, period, found", [
    ("consent", "P1Y", False), ("consent", "P13M", True), ("legitimate_interests", "P1Y", True),
])
def test_applicant_guidance_is_longer_with_consent(evaluate: Evaluate, basis: str, period: str, found: bool):
    applicants = purpose(f"record_types: [nl_job_applicants], legal_basis: {basis}")
    findings = evaluate(retention.retention_within_guidance, rules(f"period: {period}, limit: at_most"),
                        purposes=applicants)
    assert bool(findings) is found


def test_guidance_message(evaluate: Evaluate):
    (finding,) = evaluate(retention.retention_within_guidance, rules("period: P2M, limit: at_most, after: creation"),
                          purposes=purpose("record_types: [nl_camera_footage]"))
    assert finding.message.startswith("'Keep the books' is kept at most P2M after creation: longer than the P4W that "
                                      "AP guidance")


# retention-bounded

@pytest.mark.parametrize("texts, found", [
    (("period: P7Y, limit: at_least",), True),
    (("until: account_deletion",), True),
    (("until: unsubscription", "until: other"), True),
    (("until: erasure_request",), True),
    (("period: P7Y, limit: at_least", "period: P10Y, limit: at_most"), False),
    (("until: account_deletion", "period: P2Y, limit: exactly, after: collection"), False),
    (("until: account_deletion", "until: contract_end"), False),
    (("until: contract_end",), False),
    (("period: P7Y, limit: exactly",), False),
])
def test_open_ended_retention(evaluate: Evaluate, texts: tuple[str, ...], found: bool):
    findings = evaluate(retention.retention_bounded, rules(*texts))
    assert [f.severity for f in findings] == (["warning"] if found else [])


def test_keeping_until_consent_ends_is_bounded_for_a_consent_based_purpose(evaluate: Evaluate):
    for end in ("unsubscription", "consent_withdrawal"):
        assert evaluate(retention.retention_bounded, rules(f"until: {end}"), purposes=purpose("legal_basis: consent")) == []
    (finding,) = evaluate(retention.retention_bounded, rules("until: unsubscription"),
                          purposes=purpose("legal_basis: legitimate_interests"))
    assert "until unsubscription" in finding.message


def test_a_statutory_minimum_is_bounded_by_its_statute(evaluate: Evaluate):
    assert evaluate(retention.retention_bounded, rules("period: P7Y, limit: at_least"), purposes=FISCAL) == []
    assert evaluate(retention.retention_bounded, rules("until: account_deletion"), purposes=FISCAL) != []


def test_a_statutory_period_runs_from_the_statutes_trigger(evaluate: Evaluate):
    assert evaluate(retention.retention_start_stated, rules("period: P7Y, limit: at_least"), purposes=FISCAL) == []
    assert evaluate(retention.retention_start_stated, rules("period: P7Y, limit: at_least")) != []


def test_a_missing_statutory_period_is_a_warning_on_another_countrys_statute(evaluate: Evaluate):
    (finding,) = evaluate(retention.statutory_retention_stated, rules("until: contract_end"), purposes=FISCAL,
                          head=f"controller: {{country: BE, {P}}}")
    assert finding.severity == "warning"


def test_open_ended_messages(evaluate: Evaluate):
    (minimum,) = evaluate(retention.retention_bounded, rules("period: P7Y, limit: at_least"))
    assert minimum.message == "The data of 'Accounts' are kept at least P7Y, and the notice sets no maximum."
    (event,) = evaluate(retention.retention_bounded, rules("until: account_deletion"))
    assert event.message == ("The data of 'Accounts' are kept until account deletion, which only the data subject "
                             "brings about, and the notice sets no maximum.")
    assert event.subject == "activities/a"


def test_open_ended_names_the_purposes_it_leaves_open(evaluate: Evaluate):
    stated = rules("until: account_deletion", "purposes: [q], period: P1Y, limit: at_most")
    (finding,) = evaluate(retention.retention_bounded, stated, purposes=TWO_PURPOSES)
    assert finding.message.startswith("The data of 'Accounts' for 'Keep the books' are kept until account deletion")


def test_open_ended_names_the_categories_it_covers(evaluate: Evaluate):
    stated = rules("categories: [invoices], period: P7Y, limit: at_least", "categories: [contact], until: contract_end")
    (finding,) = evaluate(retention.retention_bounded, stated, categories=True)
    assert finding.message == ("The data of 'Accounts' (Invoice data) are kept at least P7Y, and the notice sets no "
                               "maximum.")


# retention-ends-with-consent

@pytest.mark.parametrize("text, how", [
    ("period: P2Y, limit: exactly, after: contract_end", "which does not end when consent is withdrawn"),
    ("period: P1Y, limit: at_least, after: collection", "which does not end when consent is withdrawn"),
    ("until: account_deletion", "which does not end when consent is withdrawn"),
    ("until: other", None),  # an end described only in words is not judged
    ("period: P1M, limit: exactly, after: unsubscription", "which outlasts the withdrawal of consent"),
    ("period: P2Y, limit: at_most, after: collection", None),
    ("until: consent_withdrawal", None),
    ("until: unsubscription", None),
    ("vague: niet langer dan nodig", None),
])
def test_consent_retention(evaluate: Evaluate, text: str, how: str | None):
    findings = evaluate(retention.retention_ends_with_consent, rules(text), purposes=purpose("legal_basis: consent"))
    assert [f.message.rpartition(", ")[2] for f in findings] == ([f"{how}."] if how else [])


def test_consent_message_quotes_the_rule(evaluate: Evaluate):
    stated = rules("period: P2Y, limit: exactly, after: contract_end")
    (finding,) = evaluate(retention.retention_ends_with_consent, stated,
                          purposes=purpose("legal_basis: consent", name="Newsletter"))
    assert finding.message == ("'Newsletter' rests on consent, but its data are kept P2Y after the end of the "
                               "contract, which does not end when consent is withdrawn.")


def test_other_bases_may_keep_data_after_a_contract(evaluate: Evaluate):
    stated = rules("period: P2Y, limit: exactly, after: contract_end")
    assert evaluate(retention.retention_ends_with_consent, stated, purposes=purpose("legal_basis: contract")) == []


def test_rule_for_another_purpose_is_not_the_consents(evaluate: Evaluate):
    consent_and_other = f"{purpose('legal_basis: consent')}\n{purpose(id='q', name='Serve')}"
    stated = rules("purposes: [q], period: P2Y, limit: exactly, after: contract_end")
    assert evaluate(retention.retention_ends_with_consent, stated, purposes=consent_and_other) == []


# retention-periods-consistent

@pytest.mark.parametrize("first, second, found", [
    ("period: P2Y, limit: exactly", "period: P1Y, limit: exactly", True),
    ("period: P2Y, limit: exactly", "period: P1Y, limit: at_most", True),
    ("period: P7Y, limit: at_least", "period: P5Y, limit: exactly", True),
    ("period: P7Y, limit: at_least", "period: P5Y, limit: at_most", True),
    ("period: P12M, limit: exactly", "period: P1Y, limit: exactly", False),
    ("period: P1Y, limit: at_least", "period: P2Y, limit: at_most", False),
    ("period: P1Y, limit: at_most", "period: P2Y, limit: at_most", False),
    ("period: P1Y, limit: at_least", "period: P1Y, limit: at_most", False),
])
def test_incompatible_periods(evaluate: Evaluate, first: str, second: str, found: bool):
    stated = rules(f"{first}, after: contract_end", f"{second}, after: contract_end")
    assert bool(evaluate(retention.retention_periods_consistent, stated)) is found


def test_incompatible_periods_message_and_evidence(evaluate: Evaluate):
    stated = rules("period: P2Y, limit: exactly, after: contract_end",
                   "period: P1Y, limit: at_most, after: contract_end")
    (finding,) = evaluate(retention.retention_periods_consistent, stated)
    assert finding.message == ("'Accounts' states incompatible retention periods for the same data of 'Keep the "
                               "books': kept P2Y after the end of the contract, and kept at most P1Y after the end of "
                               "the contract.")
    assert len(finding.evidence) == 2


@pytest.mark.parametrize("first, second", [
    ("period: P2Y, limit: exactly, after: contract_end", "period: P1Y, limit: exactly, after: collection"),
    ("categories: [contact], period: P2Y, limit: exactly", "categories: [invoices], period: P1Y, limit: exactly"),
    ("purposes: [p], period: P2Y, limit: exactly", "purposes: [q], period: P1Y, limit: exactly"),
])
def test_periods_for_other_events_data_or_purposes_are_not_compared(evaluate: Evaluate, first: str, second: str):
    assert evaluate(retention.retention_periods_consistent, rules(first, second), purposes=TWO_PURPOSES,
                    categories=True) == []


# retention-start-stated

def test_period_without_start(evaluate: Evaluate):
    (finding,) = evaluate(retention.retention_start_stated, rules("period: P2M, limit: at_most"))
    assert finding.severity == "warning"
    assert finding.message == ("The notice says the data of 'Accounts' are kept at most P2M, without saying from which "
                               "event that period runs.")


@pytest.mark.parametrize("text", ["period: P2M, limit: at_most, after: creation", "until: contract_end",
                                  "period: P2M, limit: at_most, after: other, description: the last login"])
def test_start_stated_or_no_period(evaluate: Evaluate, text: str):
    assert evaluate(retention.retention_start_stated, rules(text)) == []


# how rules are quoted

@pytest.mark.parametrize("text, said", [
    ("period: P2M, limit: at_most, after: creation", "kept at most P2M after creation"),
    ("period: P7Y, limit: at_least", "kept at least P7Y"),
    ("period: P12M, limit: exactly, after: end_of_financial_year", "kept P12M after the end of the financial year"),
    ("until: consent_withdrawal", "kept until withdrawal of consent"),
    ("until: other, description: all left the chat", "kept until an event described as 'all left the chat'"),
    ("until: other", "kept until another event"),
    ("vague: niet langer dan nodig", "kept 'niet langer dan nodig'"),
])
def test_describe_quotes_the_rule_as_stated(load_one: Callable[[str], Organisation], text: str, said: str):
    organisation = load_one(declaration(rules(text), purpose(), "", False))
    (stated,) = organisation.iter_retention()
    assert stated.describe() == said
