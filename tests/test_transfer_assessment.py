"""Chapter V on one recipient and one date (pac/transfers.py): every tool kind, scope condition and date boundary."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from pac.errors import Location
from pac.model import Organisation, TransferClaim
from pac.reference import Reference
from pac.transfers import TransferAssessment, assess, describe, invalid_anywhere, place, regime

REF = Reference.packaged()
P = "provenance: {section: S, quote: q}"
Assess = Callable[..., TransferAssessment]


def _claim(tool: str) -> str:
    """A transfer claim in flow YAML: ``scc version=2010`` -> ``{tool: scc, version: "2010", provenance: ...}``."""
    key, *fields = tool.split()
    pairs = [f"tool: {key}"] + [f'{k}: "{v}"' if k == "version" else f"{k}: {v}"
                                for k, v in (f.split("=") for f in fields)]
    return "{" + ", ".join(pairs + [P]) + "}"


def _condition(condition: str) -> str:
    """A scope condition in flow YAML: ``dpf_certified checked=2025-12-01`` -> ``{condition: dpf_certified,
    checked: 2025-12-01, provenance: ...}``."""
    key, *fields = condition.split()
    return "{" + ", ".join([f"condition: {key}", *(f.replace("=", ": ") for f in fields), P]) + "}"


@pytest.fixture
def organisation(load_one: Callable[[str], Organisation]) -> Callable[..., Organisation]:
    """``organisation(country, *tools, general=(), scope=(), name="Acme")``: one recipient ``acme``."""

    def _organisation(country: str | None, *tools: str, general: tuple[str, ...] = (), scope: tuple[str, ...] = (),
                      name: str = "Acme") -> Organisation:
        lines = [f"transfer_tools: [{', '.join(map(_claim, general))}]" if general else "",
                 "recipients:", f"  - id: acme", f"    name: {name}", "    named: true", "    role: processor",
                 f"    country: {country}" if country else "",
                 f"    transfer_tools: [{', '.join(map(_claim, tools))}]" if tools else "",
                 f"    scope_conditions: [{', '.join(map(_condition, scope))}]" if scope else "",
                 f"    {P}"]
        return load_one("\n".join(line for line in lines if line) + "\n")

    return _organisation


@pytest.fixture
def assessed(organisation: Callable[..., Organisation]) -> Assess:
    """``assessed(country, *tools, on=date, general=(), scope=(), reference=REF)``: the assessment of ``acme``."""

    def _assessed(country: str | None, *tools: str, on: date, reference: Reference = REF,
                  **kwargs) -> TransferAssessment:
        org = organisation(country, *tools, **kwargs)
        return assess(org, org.recipient("acme"), reference, on)

    return _assessed


def test_no_transfer_inside_the_eea(assessed: Assess):
    result = assessed("DE", "processor_agreement", on=date(2026, 1, 1))
    assert (result.status, result.verdicts, result.decisive) == ("domestic", (), None)


def test_unknown_country_cannot_be_assessed(assessed: Assess):
    result = assessed(None, "privacy_shield", on=date(2026, 1, 1))
    assert result.status == "unknown_country" and result.verdicts == ()
    assert "does not say in which country" in result.reason


def test_no_tool_for_a_third_country_is_invalid(assessed: Assess):
    result = assessed("IN", on=date(2026, 1, 1))
    assert (result.status, result.verdicts) == ("invalid", ())
    assert "India (IN)" in result.reason and "no transfer tool" in result.reason


def test_general_claims_apply_only_to_recipients_without_their_own(organisation: Callable[..., Organisation]):
    with_own = organisation("US", "eu_us_dpf", general=("processor_agreement",))
    without = organisation("US", general=("processor_agreement",))
    own_result = assess(with_own, with_own.recipient("acme"), REF, date(2026, 1, 1))
    general_result = assess(without, without.recipient("acme"), REF, date(2026, 1, 1))
    assert [v.claim.tool for v in own_result.verdicts] == ["eu_us_dpf"] and not own_result.general
    assert [v.claim.tool for v in general_result.verdicts] == ["processor_agreement"] and general_result.general
    assert without.transfer_claims(without.recipient("acme")) == without.transfer_tools


def test_the_best_verdict_decides(assessed: Assess):
    result = assessed("US", "privacy_shield", "scc", "scc version=2021", on=date(2026, 1, 1))
    assert [v.verdict for v in result.verdicts] == ["invalid", "unverified", "valid"]
    assert result.status == "valid" and result.decisive is not None and result.decisive.claim.version == "2021"


@pytest.mark.parametrize(("tool", "country", "before", "on", "verdicts", "cited"), [
    ("privacy_shield", "US", date(2020, 7, 15), date(2020, 7, 16), ("valid", "invalid"), "CJEU C-311/18"),
    ("safe_harbor", "US", date(2015, 10, 5), date(2015, 10, 6), ("valid", "invalid"), "CJEU C-362/14"),
    ("eu_us_dpf", "US", date(2023, 7, 9), date(2023, 7, 10), ("invalid", "unverified"), "GDPR Art. 45(3)"),
    ("adequacy", "GB", date(2031, 12, 27), date(2031, 12, 28), ("valid", "invalid"), "GDPR Art. 45(3)"),
    ("scc version=2021", "IN", date(2021, 6, 26), date(2021, 6, 27), ("invalid", "valid"), "GDPR Art. 46(2)(c)"),
    ("scc module=2", "IN", date(2021, 6, 26), date(2021, 6, 27), ("invalid", "valid"), "GDPR Art. 46(2)(c)"),
    ("scc version=2010", "IN", date(2021, 9, 26), date(2021, 9, 27), ("valid", "unverified"), "GDPR Art. 46(2)(c)"),
    ("scc version=2010 concluded=2021-09-26", "IN", date(2022, 12, 27), date(2022, 12, 28), ("unverified", "invalid"),
     "GDPR Art. 46(2)(c)"),
    ("scc version=2001", "IN", date(2022, 12, 27), date(2022, 12, 28), ("unverified", "invalid"), "GDPR Art. 46(2)(c)"),
    ("scc", "IN", date(2021, 9, 26), date(2021, 9, 27), ("valid", "unverified"), "GDPR Art. 46(2)(c)"),
])
def test_date_boundaries(assessed: Assess, tool: str, country: str, before: date, on: date,
                         verdicts: tuple[str, str], cited: str):
    first, second = (assessed(country, tool, on=day, scope=("dpf_certified",)) for day in (before, on))
    assert (first.status, second.status) == verdicts
    changed = second if verdicts[1] != "valid" else first
    assert cited in changed.verdicts[0].articles


@pytest.mark.parametrize(("concluded", "verdict"), [("2021-09-26", "unverified"), ("2021-09-27", "invalid")])
def test_old_clauses_in_contracts_concluded_from_2021_09_27_are_invalid(assessed: Assess, concluded: str, verdict: str):
    result = assessed("IN", f"scc version=2010 concluded={concluded}", on=date(2022, 1, 3))
    assert result.status == verdict
    if verdict == "invalid":
        assert "concluded after 2021-09-26" in result.reason and concluded in result.reason


def test_old_clauses_in_the_transition_need_unchanged_processing(assessed: Assess):
    result = assessed("IN", "scc version=2010 concluded=2020-01-01", on=date(2022, 6, 1))
    assert result.status == "unverified"
    assert "processing is unchanged" in result.reason and "Art. 4 of Decision (EU) 2021/914" in result.reason


def test_old_clauses_after_2022_12_27_say_until_when(assessed: Assess):
    result = assessed("IN", "scc version=2004", on=date(2023, 1, 1))
    assert result.status == "invalid" and "until 2022-12-27" in result.reason


@pytest.mark.parametrize(("country", "condition"), [
    ("CA", "pipeda"), ("JP", "appi_business_operator"), ("KR", "pipa"), ("IL", "automated_processing"),
    ("US", "dpf_certified checked=2025-12-01"),
])
def test_adequacy_with_a_limited_scope_needs_its_condition(assessed: Assess, country: str, condition: str):
    unstated = assessed(country, "adequacy", on=date(2026, 1, 1))
    stated = assessed(country, "adequacy", on=date(2026, 1, 1), scope=(condition,))
    assert unstated.status == "unverified" and "the recipient" in unstated.reason  # the finding names it
    assert condition.split()[0] in unstated.reason or "not established" in unstated.reason
    assert stated.status == "valid"


def test_adequacy_for_a_whole_country(assessed: Assess):
    assert assessed("CH", "adequacy", on=date(2026, 1, 1)).status == "valid"
    no_decision = assessed("IN", "adequacy", on=date(2026, 1, 1))
    assert no_decision.status == "invalid" and "no adequacy decision covers India (IN)" in no_decision.reason


def test_adequacy_for_the_us_names_the_decision_that_applied_last(assessed: Assess):
    between = assessed("US", "adequacy", on=date(2021, 1, 1), scope=("dpf_certified",))
    assert between.status == "invalid" and "Privacy Shield" in between.reason and "2020-07-16" in between.reason
    assert "CJEU C-311/18" in between.verdicts[0].articles
    assert "invalidated" in assessed("US", "adequacy", on=date(2020, 7, 16), scope=("dpf_certified",)).reason
    dpf_before = assessed("US", "eu_us_dpf", on=date(2023, 7, 9))
    assert dpf_before.status == "invalid" and "applies from 2023-07-10" in dpf_before.reason


def test_adequacy_resting_on_an_unverified_date_is_unverified(assessed: Assess):
    """Brazil's in-force date is marked unverified in the reference data: the day before it is no clear 'invalid'."""
    assert REF.decision("BR").citation.unverified_fields == ("in_force",)
    before = assessed("BR", "adequacy", on=date(2026, 1, 25))
    assert before.status == "unverified" and "unverified" in before.reason
    assert assessed("BR", "adequacy", on=date(2026, 1, 26)).status == "valid"


def test_dpf_covers_the_united_states_only(assessed: Assess):
    result = assessed("CA", "eu_us_dpf", on=date(2026, 1, 1))
    assert result.status == "invalid" and "United States (US) only" in result.reason


def test_a_dpf_claim_is_claimed_not_verified_unless_the_list_or_a_dated_entry_establishes_it(assessed: Assess):
    claimed = assessed("US", "eu_us_dpf", on=date(2026, 1, 1))
    assert claimed.status == "unverified" and "claimed, not verified" in claimed.reason
    seen = assessed("US", "eu_us_dpf", on=date(2026, 1, 1), scope=("dpf_certified checked=2025-06-01",))
    assert seen.status == "valid"
    stale = assessed("US", "eu_us_dpf", on=date(2026, 7, 1), scope=("dpf_certified checked=2025-06-01",))
    assert stale.status == "unverified" and "more than a year" in stale.reason
    listed = REF.with_overrides({"dpf_certified": ["Acme"]})
    assert assessed("US", "eu_us_dpf", on=date(2026, 1, 1), reference=listed, name="ACME").status == "valid"
    off_list = assessed("US", "eu_us_dpf", on=date(2026, 1, 1), reference=listed, name="Other Corp")
    assert off_list.status == "invalid" and "Data Privacy Framework List" in off_list.reason
    stated = assessed("US", "adequacy", on=date(2026, 1, 1), reference=listed, name="Other Corp",
                      scope=("dpf_certified",))
    assert stated.status == "invalid"


def test_privacy_shield_before_it_applied(assessed: Assess):
    result = assessed("US", "privacy_shield", on=date(2016, 7, 11))
    assert result.status == "invalid" and "applies from 2016-07-12" in result.reason


def test_privacy_shield_covered_the_united_states_only(assessed: Assess):
    result = assessed("JP", "privacy_shield", on=date(2019, 1, 1))
    assert result.status == "invalid" and "United States (US) only" in result.reason


@pytest.mark.parametrize("tool", ["processor_agreement", "appropriate_measures"])
def test_what_is_no_transfer_tool(assessed: Assess, tool: str):
    result = assessed("US", tool, on=date(2026, 1, 1))
    assert result.status == "invalid" and "no transfer tool" in result.reason
    assert "GDPR Art. 44" in result.verdicts[0].articles


def test_derogations_hold_for_occasional_transfers_only(assessed: Assess):
    result = assessed("IN", "derogation_explicit_consent", on=date(2026, 1, 1))
    assert result.status == "unverified" and "occasional" in result.reason
    assert result.verdicts[0].articles == ("GDPR Art. 49(1)(a)", "EDPB Guidelines 2/2018")


def test_ad_hoc_clauses_need_authorisation(assessed: Assess):
    result = assessed("IN", "ad_hoc_clauses", on=date(2026, 1, 1))
    assert result.status == "unverified" and "authorisation" in result.reason


def test_binding_corporate_rules_cite_both_articles(assessed: Assess):
    result = assessed("IN", "bcr", on=date(2026, 1, 1))
    assert result.status == "valid" and result.verdicts[0].articles == ("GDPR Art. 46(2)(b)", "GDPR Art. 47")


def _claim_of(tool: str, **fields) -> TransferClaim:
    return TransferClaim(tool=tool, location=Location("claims.yaml", 1, 1), **fields)


@pytest.mark.parametrize(("claim", "on", "fails"), [
    (_claim_of("processor_agreement"), date(2026, 1, 1), True),
    (_claim_of("appropriate_measures"), date(2026, 1, 1), True),
    (_claim_of("privacy_shield"), date(2020, 7, 15), False),
    (_claim_of("privacy_shield"), date(2020, 7, 16), True),
    (_claim_of("scc", version="2010"), date(2022, 12, 28), True),
    (_claim_of("scc", version="2021"), date(2026, 1, 1), False),
    (_claim_of("scc"), date(2026, 1, 1), False),
    (_claim_of("adequacy"), date(2026, 1, 1), False),
    (_claim_of("eu_us_dpf"), date(2026, 1, 1), False),
    (_claim_of("derogation_explicit_consent"), date(2026, 1, 1), False),
])
def test_claims_that_fail_wherever_the_data_go(claim: TransferClaim, on: date, fails: bool):
    verdict = invalid_anywhere(claim, REF, on)
    assert (verdict is not None) == fails
    if verdict is not None:
        assert verdict.verdict == "invalid" and verdict.claim is claim


@pytest.mark.parametrize(("claim", "words"), [
    (_claim_of("scc"), "Standard contractual clauses"),
    (_claim_of("scc", version="2021", module=3), "Standard contractual clauses 2021, module 3"),
    (_claim_of("scc", module=2), "Standard contractual clauses 2021, module 2"),
    (_claim_of("processor_agreement"), "Processor agreement"),
    (_claim_of("eu_us_dpf"), "EU-US Data Privacy Framework"),
])
def test_describe(claim: TransferClaim, words: str):
    assert describe(claim, REF) == words


def test_place():
    assert place("US", REF) == "United States (US)"
    assert place(None, REF).said("nl") == "land niet vermeld" and place("", REF) == "country not stated"


def test_privacy_shield_after_schrems_ii_cites_the_judgment_in_the_reports_language(assessed: Assess):
    reason = assessed("US", "privacy_shield", on=date(2021, 1, 1)).reason
    assert "invalidated by the Court of Justice on 2020-07-16 (CJEU C-311/18)" in reason
    assert "door het Hof van Justitie: HvJ EU 16 juli 2020, C-311/18 (Schrems II)" in reason.said("nl")


def test_plain_adequacy_for_the_us_under_privacy_shield_needed_certification():
    """Before 2020-07-16 the US adequacy decision (Privacy Shield) covered only self-certified organisations."""
    from pac.loader import load

    (org,) = load([Path(__file__).parent / "fixtures/constructs/recipients.yaml"])
    google = org.recipient("google")  # claims (generally) adequacy or SCCs; certified for the DPF only
    adequacy_only = dataclasses.replace(org, transfer_tools=org.transfer_tools[:1])
    verdict = assess(adequacy_only, google, REF, date(2019, 1, 1))
    assert verdict.status == "unverified" and "privacy_shield_certified" in verdict.reason
    undated = assess(adequacy_only, google, REF, date(2023, 7, 10))
    assert undated.status == "unverified" and "without the date the List entry was seen" in undated.reason


def test_a_uk_controller_s_transfers_are_judged_under_the_uk_gdpr(load_one: Callable[[str], Organisation]):
    """pac.transfers.regime: the UK GDPR's home is the UK; its articles keep the GDPR's numbers except those the
    Data (Use and Access) Act 2025 replaced from 2026-02-05."""
    org = load_one(f"controller: {{legal_name: Acme Ltd, country: GB, {P}}}\nrecipients:\n"
                   f"  - {{id: acme, name: Acme, named: true, role: processor, country: GB, {P}}}\n")
    at_home = assess(org, org.recipient("acme"), REF, date(2026, 12, 2))
    assert at_home.status == "domestic" and at_home.reason == "GB is in the UK on 2026-12-02"
    law = regime(org, REF, date(2026, 12, 2))
    assert law.jurisdiction == "GB" and law.area.said("nl") == "het VK"
    assert [law.article(a) for a in ("GDPR Art. 44", "GDPR Art. 45(1)", "GDPR Art. 49(1)(a)", "CJEU C-311/18")] == [
        "UK GDPR Art. 44A", "UK GDPR Art. 45A", "UK GDPR Art. 49(1)(a)", "CJEU C-311/18"]
    assert regime(org, REF, date(2026, 2, 4)).article("GDPR Art. 45(1)") == "UK GDPR Art. 45(1)"
    assert regime(org, REF, date(2020, 12, 31)).rule is None  # before the end of the transition period: the GDPR
    assert law.cites(["GDPR Art. 44", "EDPB Guidelines 05/2021", "WP260 rev.01"]) == ("UK GDPR Art. 44A",)


def test_a_claimed_tool_is_named_as_the_uk_names_it():
    claim = _claim_of("scc_supervisory_authority")
    assert describe(claim, REF, jurisdiction="GB") == "IDTA or UK Addendum"
    assert describe(claim, REF) == "SA-adopted clauses approved by the Commission"
