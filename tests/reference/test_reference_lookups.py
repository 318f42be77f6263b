"""The packaged reference data answers the legal questions checks ask, with the dates of the sources."""

from __future__ import annotations

from datetime import date

import pytest

from pac.duration import Duration
from pac.reference import Reference, UnknownReferenceKey

REF = Reference.packaged()


def test_packaged_data_is_read_once():
    assert Reference.packaged() is Reference.packaged() is REF


@pytest.mark.parametrize(("decision", "last_day"), [
    ("US-PRIVACY-SHIELD", date(2020, 7, 15)),  # invalidated by Schrems II on 2020-07-16
    ("US-SAFE-HARBOR", date(2015, 10, 5)),  # invalidated by Schrems I on 2015-10-06
    ("GB", date(2031, 12, 27)),  # expiry set by the 2025 renewal
])
def test_decision_ends_after_its_last_day(decision: str, last_day: date):
    assert REF.decision(decision).in_force_on(last_day)
    assert not REF.decision(decision).in_force_on(date.fromordinal(last_day.toordinal() + 1))


def test_eu_us_dpf_starts_on_2023_07_10_and_covers_only_certified_organisations():
    dpf = REF.decision("US-DPF")
    assert not dpf.in_force_on(date(2023, 7, 9))
    assert dpf.in_force_on(date(2023, 7, 10))
    assert dpf.scope_conditions == ("dpf_certified",)


def test_scope_conditions_of_partial_decisions():
    conditions = {d: REF.decision(d).scope_conditions for d in ("CA", "JP", "KR", "IL", "FO", "CH")}
    assert conditions == {"CA": ("pipeda",), "JP": ("appi_business_operator",), "KR": ("pipa",),
                          "IL": ("automated_processing",), "FO": (), "CH": ()}
    assert "Faroese Act" in REF.decision("FO").scope


def test_us_decisions_in_order_and_in_force_by_date():
    assert [d.id for d in REF.adequacy_decisions("US")] == ["US-SAFE-HARBOR", "US-PRIVACY-SHIELD", "US-DPF"]
    assert REF.adequacy_in_force("US", date(2021, 1, 1)) == ()
    assert [d.id for d in REF.adequacy_in_force("US", date(2018, 1, 1))] == ["US-PRIVACY-SHIELD"]
    assert [d.id for d in REF.adequacy_in_force("US", date(2024, 1, 1))] == ["US-DPF"]
    assert REF.adequacy_decisions("CN") == ()


def test_the_international_organisation():
    assert REF.decision("INT-EPO").country is None
    assert REF.decision("INT-EPO").in_force == date(2025, 7, 18)


@pytest.mark.parametrize(("code", "first_day"), [("NO", date(2018, 7, 20)), ("IS", date(2018, 7, 20)),
                                                 ("LI", date(2018, 7, 20)), ("NL", date(2018, 5, 25))])
def test_gdpr_applies_in_the_eea_from_its_date(code: str, first_day: date):
    assert REF.in_eea(code, first_day)
    assert not REF.in_eea(code, date.fromordinal(first_day.toordinal() - 1))


def test_eea_has_30_states_and_excludes_switzerland_and_the_uk():
    assert len(REF.eea_states()) == 30
    assert REF.eea_state("NO").group == "EEA-EFTA"
    for code in ("CH", "GB", "FO", "US"):
        assert not REF.in_eea(code, date(2025, 1, 1))
        assert REF.eea_state(code) is None
    assert "EFTA" in REF.not_eea_reminder("CH").text
    assert REF.not_eea_reminder("US") is None


def test_countries_are_the_249_iso_codes_and_no_is_norway():
    assert len(REF.countries()) == 249
    assert REF.countries() == tuple(sorted(REF.countries()))
    assert REF.country_name("NO") == "Norway"
    assert REF.is_country("NO") and not REF.is_country("EL")
    assert REF.country_name("XX") is None
    assert REF.country("NL").citation.sources == ("ISO3166",)


@pytest.mark.parametrize("version", ["2001", "2004", "2010"])
def test_old_sccs_end_on_2022_12_27_and_never_cover_contracts_from_2021_09_27(version: str):
    old = REF.scc_version(version)
    assert old.valid_on(date(2022, 12, 27))
    assert old.valid_on(date(2022, 12, 27), concluded=date(2021, 9, 26))
    assert not old.valid_on(date(2022, 12, 28))
    assert not old.valid_on(date(2021, 10, 1), concluded=date(2021, 9, 27))
    assert not old.valid_on(date(2021, 12, 1), concluded=date(2021, 11, 1))


def test_2021_sccs_apply_from_2021_06_27_with_four_modules():
    new = REF.scc_version("2021")
    assert not new.valid_on(date(2021, 6, 26))
    assert new.valid_on(date(2021, 6, 27))
    assert new.valid_on(date(2040, 1, 1), concluded=date(2030, 1, 1))
    assert [(m.number, m.key) for m in new.modules] == [(1, "C2C"), (2, "C2P"), (3, "P2P"), (4, "P2C")]


TOOL_KINDS = {
    "adequacy": "adequacy", "eu_us_dpf": "adequacy",
    "scc": "safeguard", "scc_supervisory_authority": "safeguard", "bcr": "safeguard",
    "code_of_conduct": "safeguard", "certification": "safeguard", "public_authority_instrument": "safeguard",
    "ad_hoc_clauses": "safeguard", "administrative_arrangement": "safeguard",
    "derogation_explicit_consent": "derogation", "derogation_contract_with_ds": "derogation",
    "derogation_contract_in_ds_interest": "derogation", "derogation_public_interest": "derogation",
    "derogation_legal_claims": "derogation", "derogation_vital_interests": "derogation",
    "derogation_public_register": "derogation", "derogation_compelling_legitimate_interests": "derogation",
    "privacy_shield": "invalidated", "safe_harbor": "invalidated",
    "processor_agreement": "not_a_tool", "appropriate_measures": "not_a_tool",
}


def test_every_transfer_tool_key_exists_with_its_kind():
    assert {tool.key: tool.kind for tool in REF.transfer_tools()} == TOOL_KINDS


def test_transfer_tool_details():
    assert REF.transfer_tool("scc").article == "GDPR Art. 46(2)(c)"
    assert REF.transfer_tool("bcr").article == "GDPR Art. 46(2)(b), Art. 47"
    assert REF.transfer_tool("derogation_compelling_legitimate_interests").article == \
        "GDPR Art. 49(1) second subparagraph"
    assert REF.transfer_tool("eu_us_dpf").decision == "US-DPF"
    assert REF.transfer_tool("privacy_shield").decision == "US-PRIVACY-SHIELD"
    assert REF.transfer_tool("safe_harbor").decision == "US-SAFE-HARBOR"
    needing_authorisation = {tool.key for tool in REF.transfer_tools() if tool.needs_sa_authorisation}
    assert needing_authorisation == {"ad_hoc_clauses", "administrative_arrangement"}
    assert not REF.transfer_tool("derogation_explicit_consent").public_authorities_allowed
    assert REF.transfer_tool("derogation_legal_claims").public_authorities_allowed
    assert "2021/915" in REF.transfer_tool("processor_agreement").notes[0].text
    assert "S23" in REF.transfer_tool("processor_agreement").notes[0].citation.sources


def test_every_transfer_tool_has_a_dutch_label_marked_unverified():
    for tool in REF.transfer_tools():
        assert tool.nl.strip() and tool.nl != tool.label, tool.key
        assert tool.citation.unverified_fields == ("nl",) and tool.citation.sources, tool.key
    assert REF.transfer_tool("adequacy").nl == "Adequaatheidsbesluit van de Commissie"
    assert REF.transfer_tool("scc").nl.startswith("Standaardbepalingen inzake gegevensbescherming")
    assert REF.transfer_tool("bcr").nl.startswith("Bindende bedrijfsvoorschriften")
    assert REF.transfer_tool("processor_agreement").nl.startswith("Verwerkersovereenkomst")
    assert REF.transfer_tool("privacy_shield").nl.startswith("EU-VS-privacyschild")
    assert REF.transfer_tool("eu_us_dpf").nl.startswith("EU-US Data Privacy Framework")  # a proper name, kept


def test_checker_notes_sit_on_the_tools_they_concern():
    restrictive = {t.key for t in REF.transfer_tools() if any("restrictively" in n.text for n in t.notes)}
    assessment = {t.key for t in REF.transfer_tools() if any("impact assessment" in n.text for n in t.notes)}
    assert restrictive == {key for key, kind in TOOL_KINDS.items() if kind == "derogation"}
    assert assessment == {key for key, kind in TOOL_KINDS.items() if kind == "safeguard"}


def test_legal_bases_and_dutch_terms():
    assert [basis.key for basis in REF.legal_bases()] == [
        "consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests"]
    assert REF.legal_basis("consent").article == "GDPR Art. 6(1)(a)"
    assert REF.legal_basis_for_term("Gerechtvaardigd  belang") == "legitimate_interests"
    assert REF.legal_basis_for_term(" WETTELIJKE\tverplichting ") == "legal_obligation"
    assert REF.legal_basis_for_term("marketing") is None


def test_special_categories_art9_conditions_and_criminal_data():
    assert len(REF.art9_conditions()) == 10
    assert REF.art9_condition("archiving_research_statistics").article == "GDPR Art. 9(2)(j)"
    assert REF.art9_condition("explicit_consent").member_state_may_exclude
    assert len(REF.special_categories()) == 8
    assert REF.special_category("health").label == "Health data"
    assert REF.criminal_data.article == "GDPR Art. 10"


def test_notice_items_cite_art13_and_art14():
    items = {item.key: item for item in REF.notice_items()}
    assert len(items) == 14
    assert items["controller_identity_contact"].art13 == "GDPR Art. 13(1)(a)"
    assert items["source_of_data"].art13 is None
    assert items["legitimate_interests"].art14 == "GDPR Art. 14(2)(b)"
    assert any(rule.article == "GDPR Art. 14(5)(a)-(d)" for rule in REF.notice_rules())


def test_retention_rules():
    fiscal = REF.retention_rule("nl_fiscal_administration")
    assert fiscal.period == Duration.parse("P7Y")
    assert fiscal.statute == "AWR art. 52"
    assert fiscal.kind == "min"
    assert REF.retention_rule("nl_medical_record").statute == "BW art. 7:454(3)"
    assert REF.retention_rule("nl_wwft_cdd").statute == "Wwft art. 33(3)"
    vouchers = REF.retention_rule("de_buchungsbelege")
    assert (vouchers.period, vouchers.period_before, vouchers.effective) == (
        Duration.parse("P8Y"), Duration.parse("P10Y"), date(2025, 1, 1))
    assert REF.retention_rule("nl_job_applicants").with_consent_max == Duration.parse("P1Y")
    assert {rule.country for rule in REF.retention_rules()} == {"NL", "DE", "BE", "FR"}
    assert all(rule.country == "BE" for rule in REF.retention_rules("BE"))
    assert len(REF.retention_rules("NL")) == 11


def test_consent_age_by_country_with_the_gdpr_default_elsewhere():
    assert REF.consent_age("NL").age == 16
    assert REF.consent_age("NO").age == 13
    fallback = REF.consent_age("US")
    assert (fallback.country, fallback.age) == ("US", 16)
    assert fallback.citation == REF.consent_age_rule.citation
    assert REF.consent_age_rule.floor == 13
    with pytest.raises(KeyError, match="XX"):
        REF.consent_age("XX")


def test_obligations_keep_proposals_apart():
    breach = REF.obligation("breach_notify_sa")
    assert breach.deadline == Duration.parse("PT72H") and breach.applies
    response = REF.obligation("dsr_response")
    assert (response.deadline, response.extension, response.max_total) == (
        Duration.parse("P1M"), Duration.parse("P2M"), Duration.parse("P3M"))
    proposal = REF.obligation("pending_change_breach_96h")
    assert proposal.status == "proposal" and not proposal.applies
    assert proposal.amends == "breach_notify_sa"
    assert proposal not in REF.obligations()
    assert proposal in REF.obligations(include_proposals=True)


def test_dpf_list_is_unknown_until_supplied():
    assert REF.dpf_certified == frozenset()
    assert REF.is_dpf_certified("Mailchimp") is None


@pytest.mark.parametrize(("lookup", "key"), [
    (REF.decision, "US-SAFE-HARBOUR"), (REF.transfer_tool, "standard_clauses"), (REF.scc_version, "2016"),
    (REF.legal_basis, "consent_explicit"), (REF.art9_condition, "health"), (REF.special_category, "criminal"),
    (REF.retention_rule, "nl_unknown"), (REF.obligation, "breach"), (REF.country, "EL"),
])
def test_unknown_keys_raise_key_error_naming_the_key(lookup, key: str):
    with pytest.raises(UnknownReferenceKey) as raised:
        lookup(key)
    assert isinstance(raised.value, KeyError)
    assert repr(key) in str(raised.value)


def test_well_known_recipients_are_matched_by_whole_words_and_cited():
    from pac.reference import Reference

    reference = Reference.packaged()
    google = reference.known_recipient("Google (Google Analytics)")
    assert (google.id, google.eu_entity, google.eu_country, google.parent_country) == (
        "google", "Google Ireland Limited", "IE", "US")
    assert reference.known_recipient("YouTube videos").id == "google"
    assert reference.known_recipient("Googled Ltd") is None and reference.known_recipient("X-ray lab") is None
    assert reference.known_recipient("Facebook").citation.unverified  # not re-read: checks resting on it warn
    assert all(set(row.citation.sources) <= set(reference.sources) for row in map(reference.known_recipient,
                                                                                  ("Hotjar", "Mailchimp", "Zapier")))


def test_common_processors_are_well_known_recipients_and_unverified_until_re_read():
    from pac.reference import Reference

    reference = Reference.packaged()
    found = {name: reference.known_recipient(name) for name in ("Microsoft Azure", "Stripe", "Mollie", "HubSpot", "AFAS")}
    assert {name: (row.id, row.eu_country) for name, row in found.items()} == {
        "Microsoft Azure": ("microsoft", "IE"), "Stripe": ("stripe", "IE"), "Mollie": ("mollie", "NL"),
        "HubSpot": ("hubspot", "IE"), "AFAS": ("afas", "NL")}
    assert all(row.citation.unverified for row in found.values())
    assert reference.known_recipient("the exact period") is None  # 'Exact' alone is a word, not the company
