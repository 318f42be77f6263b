"""Overrides add and replace rows in a new Reference; malformed ones are refused with a clear message."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from pac.duration import Duration
from pac.errors import Location
from pac.model import TransferClaim
from pac.reference import Reference, ReferenceDataError
from pac.transfers import describe

REF = Reference.packaged()

NEW_RULE = {"id": "de_x", "country": "DE", "record": "Test records", "kind": "min", "period": "P3Y",
            "statute": "AO §147(3)", "src": ["S36"], "ver": "secondary"}
DECISION = {"id": "US-X", "country": "US", "name": "X", "status": "in_force", "scope": "full", "instrument": "X",
            "adopted": "2020-01-01", "in_force": "2020-01-01", "src": ["S05"], "ver": "primary"}


def test_override_adds_a_row_and_leaves_the_packaged_data_alone():
    ref = REF.with_overrides({"retention": [NEW_RULE]})
    assert ref is not REF
    assert ref.retention_rule("de_x").period == Duration.parse("P3Y")
    assert "de_x" in {rule.id for rule in ref.retention_rules("DE")}
    assert ref.retention_rule("nl_fiscal_administration") == REF.retention_rule("nl_fiscal_administration")
    with pytest.raises(KeyError):
        REF.retention_rule("de_x")


def test_no_overrides_give_the_same_reference_without_rebuilding():
    assert REF.with_overrides() is REF
    assert Reference.packaged().with_overrides() is Reference.packaged()


def test_override_replaces_a_row_with_the_same_id():
    replacement = {**NEW_RULE, "id": "nl_fiscal_administration", "country": "NL", "period": "P10Y"}
    ref = REF.with_overrides({"retention": [replacement]})
    assert ref.retention_rule("nl_fiscal_administration").period == Duration.parse("P10Y")
    assert len(ref.retention_rules()) == len(REF.retention_rules())
    assert REF.retention_rule("nl_fiscal_administration").period == Duration.parse("P7Y")


def test_overrides_apply_in_order_and_can_be_chained():
    second = {**NEW_RULE, "period": "P4Y"}
    ref = REF.with_overrides({"retention": [NEW_RULE]}, {"retention": [second]})
    assert ref.retention_rule("de_x").period == Duration.parse("P4Y")
    chained = ref.with_overrides({"dpf_certified": ["Example Inc."]})
    assert chained.retention_rule("de_x").period == Duration.parse("P4Y")
    assert chained.is_dpf_certified("example inc.")


def test_dpf_list_override_makes_certification_known():
    ref = REF.with_overrides({"dpf_certified": ["Mailchimp", "Example  Corp"]})
    assert ref.dpf_certified == frozenset({"Mailchimp", "Example  Corp"})
    assert ref.is_dpf_certified("MAILCHIMP") is True
    assert ref.is_dpf_certified("example corp") is True
    assert ref.is_dpf_certified("Other LLC") is False
    assert REF.is_dpf_certified("Mailchimp") is None


def test_override_adds_a_dutch_alias_and_a_source():
    ref = REF.with_overrides({
        "nl_aliases": {"Uitvoering van de overeenkomst": "contract"},
        "sources": [{"id": "X01", "title": "Our lawyer's memo", "url": "https://example.org/memo"}],
    }, {"src": ["X01"], "ver": "secondary", "consent_ages": [{"id": "US", "age": 13}]})
    assert ref.legal_basis_for_term("uitvoering van de  overeenkomst") == "contract"
    assert ref.consent_age("US").age == 13
    assert ref.consent_age("US").citation.sources == ("X01",)


def test_override_dates_may_be_date_objects():
    row = {**NEW_RULE, "effective": date(2026, 1, 1)}
    assert REF.with_overrides({"retention": [row]}).retention_rule("de_x").effective == date(2026, 1, 1)


MALFORMED: list[tuple[Any, list[str]]] = [
    ({"retention": [{**NEW_RULE, "period": "7 years"}]},
     ["'retention'", "'de_x'", "'period'", "ISO 8601 duration", "'7 years'"]),
    ({"retention": [{**NEW_RULE, "perod": "P7Y"}]}, ["'de_x'", "'perod'", "unknown field", "period"]),
    ({"retention": [{key: value for key, value in NEW_RULE.items() if key != "record"}]},
     ["'de_x'", "'record'", "missing"]),
    ({"retention": [{**NEW_RULE, "src": ["S99"]}]}, ["'de_x'", "'src'", "S99"]),
    ({"retention": [{**NEW_RULE, "country": "XX"}]}, ["'country'", "ISO 3166-1", "'XX'"]),
    ({"retention": [{**NEW_RULE, "kind": "max_guidance"}]}, ["'authority'", "missing"]),
    ({"retention": [{key: value for key, value in NEW_RULE.items() if key != "id"}]}, ["'retention'", "[0].id"]),
    ({"retention": [{**NEW_RULE}, {**NEW_RULE}]}, ["'de_x'", "twice"]),
    ({"retention": NEW_RULE}, ["'retention'", "expected a list of rows"]),
    ({"retention": ["de_x"]}, ["'retention'", "[0]", "mapping"]),
    ({"retension": []}, ["'retension'", "unknown section", "retention"]),
    (["retention"], ["expected a mapping of section names"]),
    ({"adequacy": [{**DECISION, "in_force": "2023-13-01"}]}, ["'adequacy'", "'US-X'", "'in_force'", "ISO 8601 date"]),
    ({"adequacy": [{**DECISION, "scope_conditions": ["gdpr"]}]},
     ["'US-X'", "'scope_conditions'", "scope condition key (adequacy_scope, appi_business_operator, automated_processing, "
      "dpf_certified, pipa, pipeda, privacy_shield_certified, uk_extension)", "['gdpr']"]),
    ({"transfer_tools": [{"id": "x", "kind": "safeguard", "article": "Art 46", "label": "X", "src": ["S01"],
                          "ver": "primary"}]}, ["'transfer_tools'", "'x'", "'article'", "GDPR Art. 46(2)(c)"]),
    ({"transfer_tools": [{"id": "x", "kind": "tool", "article": "GDPR Art. 46(1)", "label": "X", "src": ["S01"],
                          "ver": "primary"}]}, ["'kind'", "safeguard", "'tool'"]),
    ({"transfer_tools": [{"id": "x", "kind": "adequacy", "decision": "US-XX", "article": "GDPR Art. 45(3)",
                          "label": "X", "src": ["S01"], "ver": "primary"}]}, ["'decision'", "'US-XX'", "adequacy"]),
    ({"nl_aliases": {"toestemming": "consented"}}, ["'nl_aliases'", "'toestemming'", "legal basis", "'consented'"]),
    ({"consent_ages": [{"id": "NL", "age": 12, "src": ["S39"], "ver": "secondary"}]},
     ["'consent_ages'", "'NL'", "'age'", "13 to 16"]),
    ({"consent_ages": [{"id": "NL", "age": "16", "src": ["S39"], "ver": "secondary"}]}, ["'age'", "integer"]),
    ({"consent_ages": [{"id": "NL", "age": 16, "src": [], "ver": "secondary"}]}, ["'src'", "unverified"]),
    ({"consent_ages": [{"id": "NL", "age": 16, "unverified_fields": ["law"], "src": ["S39"], "ver": "secondary"}]},
     ["'unverified_fields'", "'law'"]),
    ({"dpf_certified": "Mailchimp"}, ["'dpf_certified'", "list of names"]),
    ({"dpf_certified": [None]}, ["'dpf_certified'", "non-empty name"]),
    ({"scc_versions": [{"id": 2025, "instrument": "X"}]}, ["'scc_versions'", "quote ids"]),
]


@pytest.mark.parametrize(("override", "expected"), MALFORMED)
def test_malformed_override_is_refused_with_a_helpful_message(override: Any, expected: list[str]):
    with pytest.raises(ReferenceDataError) as raised:
        REF.with_overrides(override)
    assert isinstance(raised.value, ValueError)
    message = str(raised.value)
    assert message.startswith("reference data section")
    for part in expected:
        assert part in message, f"{part!r} not in {message!r}"


def test_error_names_the_nested_field_of_an_event():
    row = {**DECISION, "history": [{"date": "2020-01-01", "event": "adopted"}]}
    with pytest.raises(ReferenceDataError) as raised:
        REF.with_overrides({"adequacy": [row]})
    assert (raised.value.section, raised.value.row, raised.value.field) == ("adequacy", "US-X", "history[0].src")


@pytest.mark.parametrize("field, value", [("eli", 7), ("adopted", "last year"), ("dpv", ["a", "b"])])
def test_what_documents_a_row_is_checked_but_not_kept(field: str, value: Any):
    """A decision's ELI, adoption date and DPV concept are for the data's readers: pac refuses them malformed,
    and no row carries them, since no check reads them."""
    with pytest.raises(ReferenceDataError) as raised:
        REF.with_overrides({"adequacy": [{**DECISION, field: value}]})
    assert (raised.value.row, raised.value.field) == ("US-X", field)
    decision = REF.with_overrides({"adequacy": [{**DECISION, "eli": "http://data.europa.eu/eli/x", "dpv": "y"}]})
    assert not any(hasattr(decision.decision("US-X"), name) for name in ("eli", "adopted", "dpv", "history"))


def test_invalidated_decision_needs_date_and_judgment():
    row = {**DECISION, "status": "invalidated"}
    with pytest.raises(ReferenceDataError, match="invalidated"):
        REF.with_overrides({"adequacy": [row]})
    ref = REF.with_overrides({"adequacy": [{**row, "invalidated": "2021-01-01", "judgment": "C-1/20"}]})
    assert ref.decision("US-X").in_force_on(date(2020, 12, 31))
    assert not ref.decision("US-X").in_force_on(date(2021, 1, 1))


def test_an_added_transfer_tool_without_a_dutch_label_is_named_by_its_label_in_dutch():
    tool = {"id": "house_clauses", "kind": "safeguard", "article": "GDPR Art. 46(2)(c)", "label": "House clauses (v2)",
            "src": ["S01"], "ver": "primary"}
    ref = REF.with_overrides({"transfer_tools": [tool]})
    assert ref.transfer_tool("house_clauses").nl is None
    claim = TransferClaim(tool="house_clauses", location=Location("x.yaml"))
    assert describe(claim, ref, "nl") == describe(claim, ref) == "House clauses"
