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
