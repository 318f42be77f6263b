"""The controller's jurisdiction decides the law: national rules by country and date, no other country's law in a
finding, and `pac checks --json` saying per check which jurisdictions it covers."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from evaluation.suite import HERE, discover
from pac import Engine, load
from pac.reference import Reference, ReferenceDataError

REF = Reference.packaged()
DUTCH_LAW = re.compile(r"\b(Tw|UAVG|AWR|BW|Wwft|Archiefwet) art\.|Telecommunicatiewet|Uitvoeringswet|Autoriteit "
                       r"Persoonsgegevens|AP DPIA list|WGBO")
"""How a finding would cite Dutch national law."""


@pytest.mark.parametrize(("country", "topic", "on", "law"), [
    ("NL", "terminal_equipment", date(2026, 1, 1), "Tw art. 11.7a"),
    ("DE", "terminal_equipment", date(2021, 12, 1), "TTDSG § 25"),
    ("DE", "terminal_equipment", date(2024, 5, 13), "TTDSG § 25"),
    ("DE", "terminal_equipment", date(2024, 5, 14), "TDDDG § 25"),
    ("DE", "terminal_equipment", date(2021, 11, 30), None),
    ("FR", "terminal_equipment", date(2026, 1, 1), "LIL art. 82"),
    ("BE", "terminal_equipment", date(2021, 12, 31), "LCE art. 129"),
    ("BE", "terminal_equipment", date(2022, 1, 1), "Law of 30 July 2018 art. 10/2"),
    ("SE", "terminal_equipment", date(2026, 1, 1), None),
    ("DE", "email_marketing", date(2026, 1, 1), "UWG § 7"),
    ("FR", "email_marketing", date(2026, 1, 1), "CPCE art. L34-5"),
    ("BE", "email_marketing", date(2026, 1, 1), "CDE art. XII.13"),
    ("NL", "email_marketing", date(2026, 1, 1), "Tw art. 11.7"),
    ("DE", "dpo_threshold", date(2019, 11, 25), "BDSG § 38(1)"),
    ("GB", "transfers", date(2020, 12, 31), None),  # the GDPR applied until the end of the transition period
    ("GB", "transfers", date(2021, 1, 1), "UK GDPR Art. 44"),
    ("GB", "transfers", date(2026, 2, 4), "UK GDPR Art. 44"),
    ("GB", "transfers", date(2026, 2, 5), "UK GDPR Art. 44A"),  # Data (Use and Access) Act 2025 Sch. 7
    (None, "email_marketing", date(2026, 1, 1), None),
])
def test_the_rule_in_force_for_the_country_on_the_date(country: str | None, topic: str, on: date, law: str | None):
    rule = REF.national_rule(country, topic, on)
    assert (rule.law if rule else None) == law
    assert rule is None or rule.country == country


def test_the_german_dpo_threshold_rose_from_ten_to_twenty_on_2019_11_26():
    assert [REF.national_rule("DE", "dpo_threshold", d).threshold for d in (date(2019, 11, 25), date(2019, 11, 26))] \
        == [10, 20]


def test_every_national_rule_is_cited_and_unverified_rows_say_so():
    rules = [REF.national_rule(c, t, date(2026, 1, 1)) for c in ("NL", "DE", "BE", "FR")
             for t in ("terminal_equipment", "email_marketing", "dpo_threshold", "supervisory_authority")]
    assert all(rules), "NL, DE, BE and FR each have a rule on every topic"
    assert all(set(r.citation.sources) <= set(REF.sources) for r in rules)
    assert REF.national_rule("NL", "dpo_threshold", date(2026, 1, 1)).unverified()
    assert not REF.national_rule("DE", "terminal_equipment", date(2026, 1, 1)).unverified()
    french = REF.national_rule("FR", "terminal_equipment", date(2026, 1, 1))
    assert not french.unverified() and french.unverified("analytics_exemption")


def test_uk_adequacy_keeps_the_commission_s_decisions_of_2020_with_their_scope_and_adds_its_own():
    on = date(2026, 12, 2)
    assert [d.id for d in REF.adequacy_in_force("FR", on, "GB")] == ["UK-EEA"]
    assert [d.scope_conditions for d in REF.adequacy_in_force("CA", on, "GB")] == [("pipeda",)]
    assert [d.id for d in REF.adequacy_in_force("US", on, "GB")] == ["UK-US"]
    assert REF.adequacy_in_force("US", date(2023, 10, 11), "GB") == ()  # SI 2023/1028 from 2023-10-12
    assert REF.adequacy_in_force("BR", on, "GB") == () and REF.adequacy_in_force("BR", on)  # the EU's of 2026 only
    assert REF.adequacy_in_force("GB", on, "GB") == ()
    assert all(set(d.citation.sources) <= set(REF.sources) for code in REF.countries()
               for d in REF.adequacy_decisions(code, "GB"))
    assert "keeps" in REF.decision("UK-FO").citation.unverified_fields


def test_a_tool_under_uk_law_names_its_own_instrument():
    assert REF.transfer_tool("eu_us_dpf", "GB").decision == "UK-US"
    idta = REF.transfer_tool("scc_supervisory_authority", "GB")
    assert idta.article == "UK GDPR Art. 46(2)(d), DPA 2018 s.119A" and idta.in_force == date(2022, 3, 21)
    assert REF.transfer_tool("scc_supervisory_authority").article == "GDPR Art. 46(2)(d)"  # the GDPR's, unchanged
    assert REF.transfer_tool("bcr", "GB").citation.unverified


def test_a_transfers_rule_must_say_what_home_is():
    base = {"id": "xx", "country": "CH", "topic": "transfers", "law": "L", "title": "T", "rule": "R",
            "src": ["S01"], "ver": "primary", "area": "Switzerland", "statute": "FADP", "approval": "FADP art. 16",
            "safeguards": "FADP art. 16(2)"}
    with pytest.raises(ReferenceDataError) as error:
        REF.with_overrides({"national_rules": [base]})
    assert "'home'" in str(error.value)


def test_a_plugin_adds_another_jurisdiction_through_reference_data():
    swedish = REF.with_overrides({"src": ["S01"], "ver": "unverified", "national_rules": [
        {"id": "se_terminal_equipment", "country": "SE", "topic": "terminal_equipment", "law": "LEK 9 kap. 28 §",
         "title": "Lag om elektronisk kommunikation", "rule": "consent for cookies", "from": "2022-04-22"}]})
    assert swedish.national_rule("SE", "terminal_equipment", date(2023, 1, 1)).law == "LEK 9 kap. 28 §"
    assert swedish.national_rule("SE", "terminal_equipment", date(2022, 4, 21)) is None
    assert "SE" in swedish.jurisdictions("terminal_equipment")


@pytest.mark.parametrize(("row", "words"), [
    ({"topic": "cookies"}, ["'topic'", "national rule topic"]),
    ({"from": "2024-05-14", "until": "2021-12-01"}, ["'until'", "on or after 'from'"]),
    ({"threshold": "twenty"}, ["'threshold'", "an integer"]),
])
def test_a_malformed_national_rule_is_refused_with_its_field(row: dict, words: list[str]):
    base = {"id": "xx", "country": "DE", "topic": "dpo_threshold", "law": "L", "title": "T", "rule": "R",
            "src": ["S01"], "ver": "primary"}
    with pytest.raises(ReferenceDataError) as error:
        REF.with_overrides({"national_rules": [{**base, **row}]})
    assert all(w in str(error.value) for w in words)


NON_DUTCH = [o for o in discover(HERE) if o.declaration.exists() and o.id != "canal-desk"
             and load([o.declaration])[0].controller.country != "NL"]


@pytest.mark.parametrize("organisation", NON_DUTCH, ids=lambda o: o.name)
def test_no_finding_of_a_non_dutch_controller_cites_dutch_law(organisation):
    (model,) = load([organisation.declaration])
    findings = Engine.from_plugins().evaluate(model, organisation.as_of).all_findings()
    cited = [f for f in findings if DUTCH_LAW.search(" ".join((*f.articles, f.message, f.remedy)))]
    assert findings and cited == []


def test_the_evaluation_suite_has_a_german_a_belgian_and_a_dutch_organisation_on_two_dates():
    countries: dict[str, set[date]] = {}
    for organisation in discover(HERE):
        (model,) = load([organisation.declaration])
        countries.setdefault(model.controller.country, set()).add(organisation.as_of)
    assert all(len(countries.get(c, ())) >= 2 for c in ("DE", "BE", "NL"))


def test_pac_checks_lists_the_jurisdictions_each_check_covers(run_pac, tmp_path: Path):
    listed = {c["id"]: c for c in json.loads(run_pac("checks", "--json", cwd=tmp_path).stdout)}
    eea = [state.code for state in REF.eea_states()]
    assert listed["legal-basis-stated"]["jurisdictions"] == eea and listed["legal-basis-stated"]["national_law"] == []
    for check in ("tracking-cookie-consent", "analytics-cookie-consent", "email-marketing-consent",
                  "national-dpo-threshold", "retention-meets-statutory-minimum"):
        assert listed[check]["jurisdictions"] == ["BE", "DE", "FR", "NL"], check
    assert listed["tracking-cookie-consent"]["national_law"] == ["terminal_equipment"]
