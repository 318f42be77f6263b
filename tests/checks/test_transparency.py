"""The transparency checks, branch by branch and at their date boundaries (checks/transparency.py)."""

from __future__ import annotations

from datetime import date
from typing import Callable

import pytest

from checks_support import AS_OF, P, Findings
from pac import Engine
from pac.model import Organisation
from pac.reference import Reference
from pac_checks import transparency as t

NL = f"controller: {{legal_name: Example B.V., country: NL, {P}}}\n"
HEALTH = f"data_categories: [{{id: h, name: Medical data, special: health, {P}}}]\n"
SERVICE_USES_HEALTH = (f"activities: [{{id: a, name: A, categories: [h],\n"
                       f"  purposes: [{{id: p, name: Care, kind: KIND, {P}}}], {P}}}]\n")
"""One activity that uses the medical data for one purpose of kind ``KIND`` (replace it)."""


def purposes(*items: str) -> str:
    """One activity ``a`` with the given purposes (YAML flow mappings without id, name and provenance)."""
    listed = ", ".join(f"{{id: p{n}, name: Purpose {n}, {item}, {P}}}" for n, item in enumerate(items))
    return f"activities:\n  - {{id: a, name: A, purposes: [{listed}], {P}}}\n"


# controller-identified

def test_a_missing_controller_is_found_on_the_declaration(findings: Findings):
    (found,) = findings(t.controller_identified, "notice: {title: T}\n")
    assert found.subject == "organisation" and "who the controller is" in found.message


def test_a_controller_without_name_or_contact_details(findings: Findings):
    found = findings(t.controller_identified, f"controller: {{{P}}}\n")
    assert [f.message for f in found] == ["The notice does not name the controller.",
                                          "The notice gives no contact details for 'demo'."]


@pytest.mark.parametrize("address, expected", [("{street: Dam 1, city: Amsterdam, ", 0), ("{city: Amsterdam, ", 1)])
def test_a_postal_address_is_a_contact_detail(findings: Findings, address: str, expected: int):
    body = f"controller: {{legal_name: Example B.V., address: {address}{P}}}, {P}}}\n"
    assert len(findings(t.controller_identified, body)) == expected


def test_a_controller_outside_the_eea_needs_a_representative(findings: Findings):
    contact = f"contacts: [{{channel: email, value: a@b.c, {P}}}]"
    (found,) = findings(t.controller_identified, f"controller: {{legal_name: X Inc., country: US, {contact}, {P}}}\n")
    assert found.severity == "warning" and "GDPR Art. 27(1)" in found.articles
    representative = f"eu_representative: {{name: Rep B.V., country: NL, {P}}}"
    body = f"controller: {{legal_name: X Inc., country: US, {contact}, {representative}, {P}}}\n"
    assert findings(t.controller_identified, body) == []


# dpo-contact-stated, dpo-designation-considered

def test_a_designated_dpo_needs_contact_details(findings: Findings):
    (found,) = findings(t.dpo_contact_stated, f"controller: {{dpo: {{designated: true, name: J. Jansen, {P}}}, {P}}}\n")
    assert "'J. Jansen'" in found.message
    assert findings(t.dpo_contact_stated, f"controller: {{dpo: {{designated: false, {P}}}, {P}}}\n") == []


def test_special_data_in_the_service_itself_suggest_a_dpo(findings: Findings):
    body = NL + HEALTH + SERVICE_USES_HEALTH.replace("KIND", "service_delivery")
    (found,) = findings(t.dpo_designation_considered, body)
    assert found.severity == "info" and found.articles == ("GDPR Art. 37(1)(c)", "WP243 rev.01")
    assert "'Medical data'" in found.message and "does not show whether this is on a large scale" in found.message


@pytest.mark.parametrize("extent", ["individual_professional", "local"])
def test_special_data_of_a_single_professional_or_local_club_need_no_dpo(findings: Findings, extent: str):
    """Recital 91 and WP243 rev.01 2.1.3: a single practice's patient records, a local club's members' data."""
    controller = f"controller: {{country: NL, scale: {{extent: {extent}, {P}}}, {P}}}\n"
    body = controller + HEALTH + SERVICE_USES_HEALTH.replace("KIND", "service_delivery")
    assert findings(t.dpo_designation_considered, body) == []
    notice = f"notice: {{automated_decision_making: {{used: false, profiling: true, {P}}}}}\n"
    assert findings(t.dpo_designation_considered, body + notice) == []


def test_special_data_outside_the_core_purposes_suggest_no_dpo(findings: Findings):
    assert findings(t.dpo_designation_considered, NL + HEALTH + SERVICE_USES_HEALTH.replace("KIND", "analytics")) == []


def test_a_notice_that_denies_a_dpo_is_pointed_at(findings: Findings):
    controller = f"controller: {{legal_name: Example B.V., dpo: {{designated: false, {P}}}, {P}}}\n"
    body = controller + HEALTH + SERVICE_USES_HEALTH.replace("KIND", "service_delivery")
    (found,) = findings(t.dpo_designation_considered, body)
    assert found.location.line == 3 and found.evidence


LARGE = f"risk_factors: [{{factor: large_scale, {P}}}], "


def test_special_data_in_the_service_on_a_large_scale_need_a_dpo(findings: Findings):
    body = NL + HEALTH + SERVICE_USES_HEALTH.replace("KIND", "service_delivery").replace("categories: [h],",
                                                                                         "categories: [h], " + LARGE)
    (found,) = findings(t.dpo_designation_considered, body)
    assert found.severity == "error" and "on a large scale, as the notice says" in found.message
    dpo = f"controller: {{country: NL, dpo: {{designated: true, {P}}}, {P}}}\n"
    assert findings(t.dpo_designation_considered, dpo + body[len(NL):]) == []


@pytest.mark.parametrize(("factors", "kind", "expected"), [
    ("[large_scale, communication_monitoring]", "service_delivery", ["error"]),
    ("[large_scale, profiling]", "account_management", ["error"]),
    ("[communication_monitoring]", "service_delivery", []),             # scale not stated
    ("[large_scale, communication_monitoring]", "analytics", []),      # not a core activity
    ("[large_scale, black_list]", "service_delivery", []),             # no monitoring
])
def test_large_scale_monitoring_in_the_core_activity_needs_a_dpo(findings: Findings, factors: str, kind: str,
                                                                 expected: list[str]):
    listed = ", ".join(f"{{factor: {f.strip()}, {P}}}" for f in factors.strip("[]").split(","))
    body = NL + (f"activities: [{{id: a, name: Messages, risk_factors: [{listed}], "
                 f"purposes: [{{id: p, name: Deliver, kind: {kind}, {P}}}], {P}}}]\n")
    found = findings(t.dpo_designation_considered, body)
    assert [f.severity for f in found] == expected
    assert all(f.articles == ("GDPR Art. 37(1)(b)", "WP243 rev.01") and "'Messages' monitors" in f.message for f in found)


def test_stated_profiling_suggests_a_dpo_unless_one_is_designated(findings: Findings):
    notice = f"notice: {{automated_decision_making: {{used: false, profiling: true, {P}}}}}\n"
    (found,) = findings(t.dpo_designation_considered, NL + notice)
    assert found.articles == ("GDPR Art. 37(1)(b)", "WP243 rev.01") and found.severity == "info"
    dpo = f"controller: {{dpo: {{designated: true, contacts: [{{channel: email, value: d@e.f, {P}}}], {P}}}, {P}}}\n"
    assert findings(t.dpo_designation_considered, dpo + notice) == []


# data-subject-rights-stated, complaint-right-stated

def rights(*names: str) -> str:
    return "notice:\n  rights: [" + ", ".join(f"{{right: {n}, {P}}}" for n in names) + "]\n"


def test_the_missing_rights_are_one_finding_citing_their_articles(findings: Findings):
    body = rights("access", "erasure", "objection") + purposes("legal_basis: contract")
    (found,) = findings(t.data_subject_rights_stated, body)
    assert found.articles[:3] == ("GDPR Art. 16", "GDPR Art. 18", "GDPR Art. 20")
    assert found.severity == "error" and "GDPR Art. 13(2)(b)" in found.articles
    assert found.message == ("The notice does not state the right to rectification, the right to restriction of "
                             "processing or the right to data portability.")


def test_a_right_that_cannot_arise_is_only_context(findings: Findings):
    body = rights("access", "rectification", "erasure", "restriction") + purposes("legal_basis: legal_obligation")
    found = findings(t.data_subject_rights_stated, body)
    assert {(f.articles[0], f.severity) for f in found} == {("GDPR Art. 20", "info"), ("GDPR Art. 21", "info")}


@pytest.mark.parametrize("purpose", ["legal_basis: legitimate_interests",
                                     "legal_basis: contract, kind: direct_marketing", "kind: analytics"])
def test_the_right_to_object_may_arise(findings: Findings, purpose: str):
    (found,) = findings(t.data_subject_rights_stated, rights("access", "rectification", "erasure", "restriction",
                                                             "portability") + purposes(purpose))
    assert found.articles[0] == "GDPR Art. 21" and found.severity == "error"


def test_without_a_notice_every_right_is_missing(findings: Findings):
    (found,) = findings(t.data_subject_rights_stated, NL)
    assert len(found.articles) == 6 + 2


def test_naming_the_authority_states_the_right_to_complain(findings: Findings):
    authority = f"controller: {{supervisory_authority: {{name: Autoriteit Persoonsgegevens, {P}}}, {P}}}\n"
    assert findings(t.complaint_right_stated, authority) == []
    assert findings(t.complaint_right_stated, rights("complaint")) == []
    (found,) = findings(t.complaint_right_stated, rights("access"))
    assert found.location.line == 4  # the notice's mapping, below ``notice:``


# automated-decisions-stated

def test_silence_on_automated_decisions_is_context(findings: Findings):
    """Art. 13(2)(f) asks about automated decisions only where they are taken, which silence does not show."""
    (found,) = findings(t.automated_decisions_stated, "notice: {title: T}\n")
    assert found.severity == "info"


def test_silence_on_a_stated_automated_decision_is_left_to_automated_decision_lawful(findings: Findings):
    body = "notice: {title: T}\n" + purposes(f"automated_decision: {{kind: decision, effect: legal, {P}}}")
    assert findings(t.automated_decisions_stated, body) == []


def test_automated_decisions_need_logic_and_consequences(findings: Findings):
    (found,) = findings(t.automated_decisions_stated, f"notice: {{automated_decision_making: {{used: true, {P}}}}}\n")
    assert found.severity == "error"
    assert "the logic involved or their significance and envisaged consequences" in found.message
    full = f"notice: {{automated_decision_making: {{used: true, logic: L, consequences: C, {P}}}}}\n"
    assert findings(t.automated_decisions_stated, full) == []


# provision-requirement-stated

def test_data_obtained_elsewhere_need_no_provision_statement(findings: Findings):
    body = f"notice: {{title: T}}\ndata_categories: [{{id: c, name: Credit score, source: third_party, {P}}}]\n"
    assert findings(t.provision_requirement_stated, body) == []
    (found,) = findings(t.provision_requirement_stated, body.replace("third_party", "data_subject"))
    assert "marks" not in found.message


def test_mandatory_data_are_named_when_the_statement_is_missing(findings: Findings):
    body = f"data_categories: [{{id: e, name: E-mail address, mandatory: true, {P}}}]\n"
    (found,) = findings(t.provision_requirement_stated, body)
    assert "It marks 'E-mail address' as data that must be provided." in found.message


# children-consent-age

def children(age: int, parental: str = "", controller: str = NL) -> str:
    return (controller + f"notice: {{children: {{minimum_age: {age}, {parental}{P}}}}}\n"
            + purposes("kind: direct_marketing, legal_basis: consent"))


@pytest.mark.parametrize("age, expected", [(15, 1), (16, 0), (17, 0)])
def test_the_minimum_age_against_the_dutch_age_of_consent(findings: Findings, age: int, expected: int):
    found = findings(t.children_consent_age, children(age))
    assert len(found) == expected
    assert all(f.severity == "error" and "in Netherlands is 16" in f.message for f in found)


def test_parental_consent_below_the_minimum_does_not_cover_older_children(findings: Findings):
    assert findings(t.children_consent_age, children(13, "parental_consent: true, "))


def test_a_national_age_the_data_marks_unverified_gives_a_warning(findings: Findings):
    controller = f"controller: {{legal_name: X, country: LI, {P}}}\n"  # LI: 16, 'assumed GDPR default', unverified
    (found,) = findings(t.children_consent_age, children(14, controller=controller))
    assert found.severity == "warning"


@pytest.mark.parametrize("age, expected", [(12, 1), (13, 0)])
def test_a_uk_controller_has_the_uk_age_of_consent(findings: Findings, age: int, expected: int):
    controller = f"controller: {{legal_name: X, country: GB, {P}}}\n"  # UK GDPR Art. 8(1), DPA 2018 s.9: 13
    found = findings(t.children_consent_age, children(age, controller=controller))
    assert len(found) == expected
    assert all(f.severity == "error" and "United Kingdom is 13 (UK GDPR Art. 8(1)" in f.message for f in found)


def test_without_a_country_the_gdpr_default_applies(findings: Findings):
    (found,) = findings(t.children_consent_age, children(13, controller=""))
    assert "not stated" in found.message and "16" in found.message


def test_children_in_the_declaration_but_not_in_the_notice(findings: Findings):
    kids = f"data_subjects: [{{id: k, name: Pupils, children: true, {P}}}]\n"
    (found,) = findings(t.children_consent_age, NL + kids + purposes("legal_basis: consent"))
    assert found.severity == "warning" and "'Pupils'" in found.message


def test_no_consent_no_age_of_consent(findings: Findings):
    body = NL + f"notice: {{children: {{minimum_age: 12, {P}}}}}\n" + purposes("legal_basis: contract")
    assert findings(t.children_consent_age, body) == []


# response-time-within-a-month

def answer(statement: str) -> str:
    return f"notice: {{response_time: {{{statement}, {P}}}}}\n"


@pytest.mark.parametrize("statement, severity", [
    ("period: P1M, limit: at_most", None),
    ("period: P4W, limit: at_most", None),
    ("period: P30D, limit: exactly", "warning"),  # longer than February
    ("period: P5W, limit: at_most", "error"),
    ("period: P2M, limit: at_most", "error"),
    ("period: P2W, limit: at_least", "warning"),
    ("vague: tijdig", None),  # Art. 12(3) binds the conduct, not the notice's words
    ("period: P1M, limit: at_most, extension: P2M", None),
    ("period: P1M, limit: at_most, extension: P3M", "error"),
])
def test_response_times(findings: Findings, statement: str, severity: str | None):
    found = findings(t.response_time_within_a_month, answer(statement))
    assert [f.severity for f in found] == ([severity] if severity else [])


# notice-reviewed-recently

@pytest.mark.parametrize("as_of, stale", [(date(2026, 11, 21), False), (date(2026, 11, 22), False),
                                          (date(2026, 11, 23), True)])
def test_a_notice_is_current_up_to_the_last_day_of_the_review_period(findings: Findings, as_of: date, stale: bool):
    found = findings(t.notice_reviewed_recently, "notice: {last_updated: 2025-11-22}\n", as_of=as_of)
    assert bool(found) is stale
    assert all("review was due by 2026-11-22" in f.message for f in found)


def test_the_review_period_clamps_at_the_end_of_february(findings: Findings):
    body = "notice: {last_updated: 2024-02-29}\n"
    assert findings(t.notice_reviewed_recently, body, as_of=date(2025, 2, 28)) == []
    assert findings(t.notice_reviewed_recently, body, as_of=date(2025, 3, 1))


def test_an_undated_notice_is_a_warning(findings: Findings):
    (found,) = findings(t.notice_reviewed_recently, "notice: {title: T}\n")
    assert found.severity == "warning" and "undated" in found.message


def test_the_review_period_is_a_policy_default_users_override(findings: Findings):
    six_months = {"obligations": [{"id": "notice_review_period", "deadline": "P6M", "src": [],
                                   "ver": "unverified: our own policy"}]}
    body = "notice: {last_updated: 2026-01-01}\n"
    assert findings(t.notice_reviewed_recently, body) == []
    (found,) = findings(t.notice_reviewed_recently, body, overrides=six_months)
    assert "(review period P6M)" in found.message


def test_an_override_without_a_review_period_is_refused_by_name(load_one: Callable[[str], Organisation]):
    no_period = {"obligations": [{"id": "notice_review_period", "deadline_text": "now and then", "src": [],
                                  "ver": "unverified: our own policy"}]}
    reference = Reference.packaged().with_overrides(no_period)
    evaluation = Engine([t.notice_reviewed_recently], reference).evaluate(
        load_one("notice: {last_updated: 2026-01-01}\n"), AS_OF)
    crash = evaluation.crashes["notice-reviewed-recently"]
    assert "reference obligation 'notice_review_period' has no deadline" in crash


def _german(count: int | None) -> str:
    staff = f"  processing_staff: {{count: {count}, {P}}}\n" if count is not None else ""
    return (f"controller:\n  legal_name: Beispiel GmbH\n  country: DE\n  dpo: {{designated: false, {P}}}\n{staff}"
            f"  {P}\n")


@pytest.mark.parametrize(("count", "as_of", "expected"), [
    (15, date(2019, 11, 25), ["error"]), (15, date(2019, 11, 26), []), (20, date(2019, 11, 26), ["error"]),
    (None, date(2025, 1, 1), ["info"])])
def test_the_german_dpo_threshold_is_the_one_in_force_on_the_date(findings: Findings, count: int | None, as_of: date,
                                                                   expected: list[str]):
    found = findings(t.national_dpo_threshold, _german(count), as_of=as_of)
    assert [f.severity for f in found] == expected
    assert all("BDSG § 38(1)" in f.articles for f in found)


@pytest.mark.parametrize(("country", "expected"), [("NL", []), ("FR", []), ("BE", []), ("SE", ["info"])])
def test_other_countries_add_no_threshold_or_pac_says_it_has_no_rule(findings: Findings, country: str,
                                                                     expected: list[str]):
    body = f"controller: {{legal_name: X, country: {country}, processing_staff: {{count: 500, {P}}}, {P}}}\n"
    found = findings(t.national_dpo_threshold, body)
    assert [f.severity for f in found] == expected and all("BDSG" not in " ".join(f.articles) for f in found)
