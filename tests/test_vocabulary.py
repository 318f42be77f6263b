"""The check vocabulary: what the model and a check's context answer, so that a check reads like its rule."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path
from typing import Callable

import pytest

import pac
from pac import Check, Context, Engine, Flow, TransferAssessment, check
from pac.checking import Scope
from pac.graph import build_graph
from pac.model import Organisation
from pac.reference import Reference

P = "provenance: {section: S, quote: q}"
CHECKS = Path(__file__).parent.parent / "checks"
PUBLIC = {"pac", "pac.model", "pac.reference"}
"""What a check module may import from pac: the package itself, the model and the reference data."""

DECLARATION = f"""\
controller: {{legal_name: Shop BV, country: NL, {P}}}
notice: {{rights: [{{right: objection, {P}}}], {P}}}
data_subjects: [{{id: c, name: Customers, {P}}}]
data_categories:
  - {{id: email, name: E-mail, {P}}}
  - {{id: health, name: Allergies, special: health, {P}}}
  - {{id: record, name: Conviction, criminal: true, {P}}}
activities:
  - id: a
    name: Orders
    data_subjects: [c]
    categories: [email, health, record]
    purposes:
      - {{id: deliver, name: Deliver, legal_basis: contract, {P}}}
      - {{id: news, name: News, legal_basis: consent, categories: [email], {P}}}
    retention:
      - {{purposes: [news], categories: [email], period: P2Y, limit: at_most, after: contract_end, {P}}}
      - {{until: other, description: the chat ends, {P}}}
    {P}
transfer_tools: [{{tool: processor_agreement, {P}}}]
recipients:
  - {{id: host, name: Host, named: true, role: processor, country: DE, activities: [a], {P}}}
  - {{id: mail, name: Mailer, named: true, role: sub_processor, parent: host, country: US, categories: [health],
      transfer_tools: [{{tool: scc, version: "2021", module: 3, {P}}}], {P}}}
  - {{id: tax, name: Tax office, named: false, role: public_authority, country: NL, {P}}}
"""


@pytest.fixture
def shop(load_one: Callable[[str], Organisation]) -> Organisation:
    return load_one(DECLARATION)


def context(organisation: Organisation, subject, as_of: date = date(2026, 11, 22)) -> Context:
    """The context a check on ``subject`` gets on ``as_of``."""
    reference = Reference.packaged()
    scope = Scope(organisation, as_of, reference, lambda: build_graph(organisation, reference, as_of), lambda: None)
    probe = check("probe", title="t", articles=["GDPR Art. 5(2)"], severity="info", subject="recipients",
                  remedy="r", rationale="r")(lambda subject, ctx: ())
    return Context(probe, subject, scope)


def test_a_purpose_says_what_it_rests_on(shop: Organisation):
    deliver, news = shop.purposes
    assert (deliver.basis, news.basis) == ("contract", "consent")
    assert news.rests_on_consent and not deliver.rests_on_consent
    assert deliver.rests_on("legitimate_interests", "contract") and not deliver.rests_on("consent")


def test_a_recipient_knows_whether_it_is_a_processor_and_its_chain(shop: Organisation):
    host, mail, tax = shop.recipients
    assert host.is_processor and mail.is_processor and not tax.is_processor
    assert shop.chain(mail) == (host, mail) and shop.chain(tax) == (tax,)
    assert list(shop.upstream(mail)) == [mail, host] and shop.head(mail) is host and shop.head(tax) is tax
    assert (shop.depth(mail), shop.depth(host), shop.depth(tax)) == (2, 1, 1)
    assert shop.transfer_claims(mail) == mail.transfer_tools and shop.transfer_claims(host) == shop.transfer_tools


def test_the_organisation_answers_for_its_notice_and_controller(shop: Organisation):
    assert shop.country == "NL"
    assert shop.states_right("objection") and not shop.states_right("portability")
    ids = ("email", "health", "record")
    assert [c.id for c in shop.special_categories(ids)] == ["health"]
    assert [c.id for c in shop.criminal_categories(ids)] == ["record"]


@pytest.mark.parametrize(("decision", "art22"), [
    ("kind: decision, effect: legal", True), ("kind: scoring, effect: similarly_significant", True),
    ("kind: decision, effect: legal, human_review: true", False), ("kind: decision, effect: none", False),
    ("kind: decision", False), ("kind: matching, effect: legal", False), ("kind: ranking", False)])
def test_a_purpose_says_whether_article_22_concerns_its_automated_decision(load_one: Callable[[str], Organisation],
                                                                     decision: str, art22: bool):
    organisation = load_one(f"activities: [{{id: a, name: A, purposes: [{{id: p, name: P, "
                            f"automated_decision: {{{decision}, {P}}}, {P}}}], risk_factors: [{{factor: large_scale, {P}}}], {P}}}]")
    (purpose,) = organisation.purposes
    assert purpose.automated_decision.under_art22 is art22
    assert purpose.solely_automated_decision is (purpose.automated_decision if art22 else None)
    activity = organisation.activity("a")
    assert activity.has_factor("large_scale") and not activity.has_factor("black_list")


def test_an_organisation_without_controller_or_notice_has_no_country_and_states_no_right(
        load_one: Callable[[str], Organisation]):
    bare = load_one(f"activities: [{{id: a, name: A, purposes: [{{id: p, name: P, {P}}}], {P}}}]")
    assert bare.country is None and not bare.states_right("access")
    (purpose,) = bare.purposes
    assert purpose.basis is None and not purpose.rests_on_consent and not purpose.rests_on("contract")


def test_an_organisation_says_what_its_notice_shows_about_scale(load_one: Callable[[str], Organisation]):
    """Large with the risk factor; not large with the activity's or else the controller's ``scale``; else unknown."""
    large, own, plain = (f"risk_factors: [{{factor: large_scale, {P}}}], ", f"scale: {{extent: local, {P}}}, ", "")
    body = "activities: [" + ", ".join(f"{{id: {i}, name: {i}, {extra}{P}}}" for i, extra in
                                       (("large", large), ("own", own), ("plain", plain))) + "]\n"
    unstated = load_one(body)
    assert [unstated.large_scale(a) for a in unstated.activities] == [True, False, None]
    practice = load_one(f"controller: {{scale: {{extent: individual_professional, {P}}}, {P}}}\n" + body)
    assert [practice.large_scale(a) for a in practice.activities] == [True, False, False]
    assert practice.controller.scale.extent == "individual_professional"


def test_a_retention_rule_covers_its_purposes_and_categories_and_says_itself_in_words(shop: Organisation):
    limited, other = shop.activity("a").retention
    assert limited.covers("news") and limited.covers("news", "email") and not limited.covers("news", "health")
    assert not limited.covers("deliver")
    assert limited.describe() == "kept at most P2Y after the end of the contract"
    assert other.describe() == other.describe(detail=True) == "kept until an event described as 'the chat ends'"


def test_the_context_gives_the_typed_transfer_and_flow_of_a_recipient(shop: Organisation):
    host, mail, tax = shop.recipients
    ctx = context(shop, mail)
    assessment = ctx.transfer(mail)
    assert isinstance(assessment, TransferAssessment) and assessment.recipient == mail
    assert ctx.transfer(host).status == "domestic"
    assert ctx.flow(mail) == Flow(activities=(), purposes=("deliver",), categories=("health",), special=("health",),
                                  criminal=(), stated_by="categories")
    assert ctx.flow(tax).stated_by is None


def test_the_context_tells_where_data_go_and_names_tools_and_categories(shop: Organisation):
    host, mail, tax = shop.recipients
    ctx = context(shop, mail)
    assert ctx.outside_home(mail) and not ctx.outside_home(host)
    assert ctx.transferred_onward(mail) and not ctx.transferred_onward(host)
    assert ctx.place("US") == "United States (US)" and ctx.place(None) == "country not stated"
    (claim,) = mail.transfer_tools
    assert ctx.tool_name(claim) == "Standard contractual clauses 2021, module 3"
    assert ctx.failing_anywhere(claim) is None
    assert ctx.failing_anywhere(shop.transfer_tools[0]).verdict == "invalid"
    assert ctx.special_names(shop.data_categories) == "'Allergies' (health data)"


def test_check_modules_import_only_the_public_api_and_never_each_other():
    """A check module imports the standard library and ``pac``, ``pac.model`` or ``pac.reference``: never
    another check module (no relative import, no ``pac_checks``) and never one of pac's other modules."""
    for path in sorted(CHECKS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] if node.level == 0 else ["." * node.level + (node.module or "")]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                ours = name.startswith(".") or name.partition(".")[0] in ("pac", "pac_checks")
                assert name in PUBLIC or not ours, f"checks/{path.name}:{node.lineno} imports {name}"


def test_the_public_api_lists_what_a_check_needs():
    assert {"Check", "Context", "Duration", "Finding", "Flow", "Severity", "ToolVerdict", "TransferAssessment",
            "check", "hookimpl", "missing_quotes", "name_key"} <= set(pac.__all__)
    assert all(hasattr(pac, name) for name in pac.__all__)
    assert isinstance(Engine.from_plugins().checks[0], Check)
