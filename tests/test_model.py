"""The model built from each construct of the language, and the cross-reference checks of the builder."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from pac import model as m
from pac.duration import Duration
from pac.errors import Location
from pac.loader import load
from pac.validation import schema

CONSTRUCTS = Path(__file__).parent / "fixtures" / "constructs"


@pytest.fixture(scope="module")
def orgs() -> dict[str, m.Organisation]:
    return {org.id: org for org in load([CONSTRUCTS])}


def test_controller(orgs):
    controller = orgs["controller"].controller
    assert controller.legal_name == "Voorbeeld Zorg B.V." and controller.trade_names == ("Voorbeeld", "VZ App")
    assert (controller.registration.register, controller.registration.number) == ("KvK", "12345678")
    assert controller.address.city == "Utrecht" and controller.country == "NL"
    assert [(c.channel, c.value) for c in controller.contacts] == [("email", "privacy@voorbeeld.example"), ("phone", "+31 30 123 4567")]
    assert controller.dpo.designated and controller.dpo.contacts[0].value == "fg@voorbeeld.example"
    assert controller.eu_representative.country == "IE"
    assert controller.supervisory_authority.name == "Autoriteit Persoonsgegevens"
    assert [p.quote for p in controller.provenance] == ["Voorbeeld Zorg B.V. is verantwoordelijk", "handelend onder de naam Voorbeeld"]
    assert orgs["controller"].name == "Voorbeeld Zorg B.V."
    assert controller.stated_roles.roles == ("controller",)


def test_notice(orgs):
    notice = orgs["notice"].notice
    assert notice.last_updated == date(2023, 8, 21) and notice.version == "3.0" and notice.language == "nl"
    assert [r.right for r in notice.rights] == ["access", "erasure", "complaint"] and notice.states_right("erasure")
    assert not notice.states_right("portability")
    assert notice.response_time.period == Duration.parse("P1M") and notice.response_time.limit == "at_most"
    assert notice.response_time.extension == Duration.parse("P2M")
    assert notice.automated_decision_making.used is False
    assert notice.children.minimum_age == 16 and notice.children.parental_consent is True
    assert notice.breach_procedure.deadline == Duration.parse("PT72H")
    assert notice.provision_requirement.description.startswith("Name and e-mail")
    requirement = notice.provision_requirement
    assert (requirement.requirement, requirement.consequences, requirement.partial) == (("contract_entry",), "no contract", True)
    assert notice.automated_decision_making.qualified == "adverse_effects"
    assert [(c.claim, c.area) for c in notice.claims] == [("data_stay_in", "NL"), ("no_tracking", None)]
    assert [c.law for c in notice.cited_laws] == ["directive_95_46"]
    complaint = notice.rights[-1]
    assert [r.condition for r in complaint.restrictions] == ["after_talks_with_controller"]
    assert complaint.restrictions[0].provenance[0].quote == "komen we er samen niet uit"
    assert notice.rights[0].restrictions == ()


def test_activities_and_purposes(orgs):
    org = orgs["activities"]
    service = org.activity("service")
    assert service.term == "Dienstverlening" and service.data_subjects == ("users", "kids")
    deliver, ai, tax = service.purposes
    # a purpose without categories uses all of its activity's
    assert deliver.categories == ("name", "email", "health", "payment")
    # a bare legal basis is sourced by the purpose's provenance; an object brings its own
    assert deliver.legal_basis.basis == "contract" and deliver.legal_basis.provenance == deliver.provenance
    assert ai.legal_basis.basis == "legitimate_interests"
    assert ai.legal_basis.provenance[0].quote == "trainen van AI-toepassingen (gerechtvaardigd belang)"
    assert ai.art9_condition.condition == "explicit_consent" and ai.deidentification == "pseudonymised"
    assert ai.legitimate_interest.description.startswith("Making the app") and ai.objection.route.startswith("e-mail")
    assert tax.statute == "AWR art. 52" and tax.record_types == ("nl_fiscal_administration",) and tax.kind == "legal_compliance"
    assert org.category("health").special == "health" and org.category("convictions").criminal
    assert org.category("name").criminal is False and org.category("payment").source == "third_party"
    assert service.collective_legal_bases[0].basis == "vital_interests" and service.dpia.status == "conducted"
    newsletter = org.purpose("send-newsletter")
    assert newsletter.activity == "newsletter" and newsletter.channels == ("email",)
    assert newsletter.consent.withdrawal.startswith("the unsubscribe link") and newsletter.consent.bundled_with_terms is False
    assert [p.id for p in org.purposes] == ["deliver", "ai-training", "tax", "send-newsletter"]
    assert deliver.subject == "purposes/deliver" and deliver.label("nl") == "Het leveren van de dienst"
    assert org.data_subject("kids").children is True
    assert org.category("payment").origin.description == "the payment provider" and org.category("name").origin is None
    assert deliver.automated_decision.kind == "matching" and not deliver.automated_decision.under_art22
    assert deliver.solely_automated_decision is None and ai.automated_decision is None
    assert [r.special for r in service.context_reveals] == ["health"]
    assert service.has_factor("large_scale") and not service.has_factor("black_list")


def test_retention_forms(orgs):
    rules = orgs["retention"].activity("contract").retention
    assert [r.form for r in rules] == ["period", "period", "period", "until", "vague", "until"]
    exact, minimum, maximum, until, vague, other = rules
    assert (exact.period, exact.limit, exact.after, exact.purposes) == (Duration.parse("P2Y"), "exactly", "contract_end", ("perform",))
    # a rule that names no categories covers all of the activity's
    assert exact.categories == ("contact", "invoices", "logs")
    assert (minimum.limit, minimum.after, minimum.categories) == ("at_least", None, ("invoices",))
    assert maximum.after == "creation" and maximum.period == Duration.parse("P1M")
    assert exact.reason == "reactivation" and maximum.reason is None
    assert until.until == "consent_withdrawal" and until.purposes == ("perform", "accounts", "debugging")
    assert vague.vague == "niet langer dan nodig" and vague.period is None
    assert other.until == "other" and other.description.startswith("until every chat participant")


def test_recipients(orgs):
    org = orgs["recipients"]
    mailchimp, mandrill, google = org.recipient("mailchimp"), org.recipient("mandrill"), org.recipient("google")
    assert mailchimp.named and mailchimp.role == "processor" and mailchimp.country == "US"
    assert mailchimp.country_provenance == mailchimp.provenance  # the bare code is sourced by the recipient's quote
    assert mailchimp.processor_agreement.in_place and [t.tool for t in mailchimp.transfer_tools] == ["privacy_shield"]
    assert mandrill.parent == "mailchimp" and mandrill.country == "US"
    assert mandrill.country_provenance[0].fact.startswith("Mandrill is a service of Mailchimp")
    (scc,) = mandrill.transfer_tools
    assert (scc.tool, scc.version, scc.module, scc.concluded) == ("scc", "2021", 3, date(2022, 3, 1))
    assert [c.condition for c in google.scope_conditions] == ["dpf_certified"]
    assert org.recipient("software-suppliers").named is False and org.recipient("software-suppliers").country is None
    assert [t.tool for t in org.transfer_tools] == ["adequacy", "scc"]
    assert [i.integration for i in mailchimp.integrations] == ["embedded_content"]
    assert mailchimp.joint_arrangement.stages == ("collection", "transmission")
    assert mailchimp.own_purposes[0].description == "its own product improvement"
    assert mailchimp.processing_denied.provenance[0].quote == "verwerkt deze data niet"
    assert mailchimp.business.kinds == ("marketing_automation",) and google.business is None


def test_cookies(orgs):
    session, analytics, pixel, embeds = orgs["cookies"].cookies
    assert session.duration == "session" and analytics.duration == Duration.parse("P2Y")
    assert pixel.provider == "meta" and pixel.consent == "browser_opt_out" and pixel.type == "pixel"
    assert embeds.consent == "not_asked" and analytics.consent == "asked"


def test_folder_organisation_is_merged_from_all_its_files(orgs):
    bigcorp = orgs["bigcorp"]
    assert [Path(f).name for f in bigcorp.files] == ["controller.yaml", "hr.yaml", "it.yaml"]
    assert bigcorp.controller.legal_name == "Big Corp N.V."
    assert bigcorp.activity("payroll").data_subjects == ("staff",)  # declared in another file
    assert bigcorp.recipient("payroll-bureau").activities == ("payroll",)
    assert bigcorp.recipient("payroll-bureau").location.file.endswith("it.yaml")


def test_elements_keep_their_location(orgs):
    tax = orgs["activities"].purpose("tax")
    assert tax.location == Location(tax.location.file, 40, 9) and tax.location.file.endswith("activities.yaml")
    assert tax.provenance[0].location.line == 48


def test_model_is_immutable(orgs):
    with pytest.raises(dataclasses.FrozenInstanceError):
        orgs["controller"].controller.legal_name = "Other"  # type: ignore[misc]


def test_subjects_follow_declaration_order(orgs):
    org = orgs["activities"]
    assert [s.id for s in org.subjects("data_categories")] == ["name", "email", "health", "convictions", "payment"]
    assert org.subjects("organisation") == (org,) and org.subjects("controller") == ()


SCHEMA_TO_MODEL = {"controller": m.Controller, "notice": m.Notice, "data_subject": m.DataSubject,
                   "data_category": m.DataCategory, "activity": m.Activity, "purpose": m.Purpose, "retention": m.Retention,
                   "recipient": m.Recipient, "cookie": m.Cookie, "transfer_tool": m.TransferClaim, "right": m.Right,
                   "time_statement": m.TimeStatement, "contact": m.Contact, "address": m.Address, "statement": m.Statement,
                   "provision_requirement": m.ProvisionRequirement, "claim": m.Claim, "cited_law": m.CitedLaw,
                   "right_condition": m.RightCondition, "revealed_category": m.RevealedCategory, "risk_factor": m.RiskFactor,
                   "integration": m.Integration}


@pytest.mark.parametrize("definition", sorted(SCHEMA_TO_MODEL))
def test_every_schema_field_has_a_model_field(definition: str):
    """The schema (the published contract) and the model must not drift apart."""
    properties = set(schema()["$defs"][definition]["properties"])
    fields = {f.name for f in dataclasses.fields(SCHEMA_TO_MODEL[definition])}
    assert properties - fields == set()


def test_top_level_schema_fields_are_organisation_fields():
    properties = set(schema()["properties"]) - {"pac", "organisation"}
    assert properties - {f.name for f in dataclasses.fields(m.Organisation)} == set()


def messages(errors) -> list[tuple[int, str]]:
    return [(e.location.line, e.message) for e in errors]


def test_unknown_references_are_located_where_they_are_made(errors_of):
    found = errors_of("""\
        data_subjects: [{id: users, name: Users, provenance: {section: A, quote: b}}]
        data_categories: [{id: email, name: E-mail, provenance: {section: A, quote: b}}]
        activities:
          - id: a
            name: A
            data_subjects: [users, visitors]
            categories: [emial]
            purposes: [{id: p, name: P, provenance: {section: A, quote: b}}]
            retention: [{purposes: [q], until: account_deletion, provenance: {section: A, quote: b}}]
            provenance: {section: A, quote: b}
        recipients:
          - {id: r, name: R, named: true, role: sub_processor, parent: nobody, activities: [b], provenance: {section: A, quote: b}}
        cookies:
          - {id: c, name: C, type: cookie, category: analytics, provider: gogle, provenance: {section: A, quote: b}}
        """)
    assert messages(found) == [(8, "unknown data subject group 'visitors'"), (9, "unknown data category 'emial'"),
                               (11, "unknown purpose 'q'"), (14, "unknown recipient 'nobody'"), (14, "unknown activity 'b'"),
                               (16, "unknown recipient 'gogle'")]
    assert found[1].hint == "did you mean 'email'?"


def test_references_must_stay_within_their_activity(errors_of):
    found = errors_of("""\
        data_categories:
          - {id: email, name: E-mail, provenance: {section: A, quote: b}}
          - {id: phone, name: Phone, provenance: {section: A, quote: b}}
        activities:
          - id: a
            name: A
            categories: [email]
            purposes: [{id: p, name: P, categories: [phone], provenance: {section: A, quote: b}}]
            provenance: {section: A, quote: b}
          - id: b
            name: B
            purposes: [{id: q, name: Q, provenance: {section: A, quote: b}}]
            retention: [{purposes: [p], until: account_deletion, provenance: {section: A, quote: b}}]
            provenance: {section: A, quote: b}
        """)
    assert messages(found) == [(10, "data category 'phone' is not part of activity 'a'"),
                               (15, "purpose 'p' is not part of activity 'b'")]


def test_duplicate_ids_are_reported_with_the_first_place(errors_of):
    found = errors_of("""\
        data_subjects:
          - {id: users, name: Users, provenance: {section: A, quote: b}}
          - {id: users, name: Again, provenance: {section: A, quote: b}}
        activities:
          - {id: a, name: A, purposes: [{id: p, name: P, provenance: {section: A, quote: b}}], provenance: {section: A, quote: b}}
          - {id: b, name: B, purposes: [{id: p, name: P, provenance: {section: A, quote: b}}], provenance: {section: A, quote: b}}
        """)
    assert [(e.kind, e.location.line) for e in found] == [("duplicate-id", 5), ("duplicate-id", 8)]
    assert found[0].message.endswith("(first at " + str(Location(found[0].location.file, 4, 10)) + ")")
    assert "purpose id 'p' is declared twice" in found[1].message


def test_unknown_record_type_is_refused(errors_of):
    (error,) = errors_of("""\
        activities:
          - id: a
            name: A
            purposes: [{id: p, name: P, record_types: [nl_fiscal], provenance: {section: A, quote: b}}]
            provenance: {section: A, quote: b}
        """)
    assert (error.location.line, error.message) == (6, "unknown statutory record type 'nl_fiscal'")
    assert "nl_fiscal_administration" in error.hint.split(": ", 1)[1].split(", ")  # the hint names the choices


def test_sub_processor_chains_must_end_at_a_processor(errors_of):
    found = errors_of("""\
        recipients:
          - {id: a, name: A, named: true, role: sub_processor, parent: b, provenance: {section: A, quote: b}}
          - {id: b, name: B, named: true, role: sub_processor, parent: a, provenance: {section: A, quote: b}}
          - {id: c, name: C, named: true, role: sub_processor, parent: c, provenance: {section: A, quote: b}}
          - {id: d, name: D, named: true, role: sub_processor, parent: e, provenance: {section: A, quote: b}}
          - {id: e, name: E, named: true, role: controller, provenance: {section: A, quote: b}}
        """)
    assert messages(found) == [(4, "the sub-processor chain a -> b -> a runs in a circle"),
                               (5, "the sub-processor chain b -> a -> b runs in a circle"),
                               (6, "recipient 'c' is its own parent"),
                               (7, "the parent of sub-processor 'd' is 'e', a controller")]
