"""What the summaries count, and the provisions findings are grouped by."""

from __future__ import annotations

import dataclasses

import pytest

from pac.checking import Finding
from pac.reports.tally import by_provision, cited, most_severe_first, provision, provision_order, tallies
from reports_support import FINDINGS, sample_run


@pytest.mark.parametrize("article, expected", [
    ("GDPR Art. 13(2)(c)", "GDPR Art. 13"),
    ("GDPR Art. 49(1) second subparagraph", "GDPR Art. 49"),
    ("GDPR Art. 6", "GDPR Art. 6"),
    ("Tw art. 11.7a(1)", "Tw art. 11.7a"),
    ("BW art. 2:10", "BW art. 2:10"),
    ("CJEU C-311/18", "CJEU C-311/18"),
    ("EDPB Guidelines 05/2020", "EDPB Guidelines 05/2020"),
])
def test_provision_is_the_article(article: str, expected: str):
    assert provision(article) == expected


def test_provisions_sort_gdpr_first_and_by_number():
    names = ["WP260 rev.01", "Tw art. 11.7", "GDPR Art. 13", "AWR art. 52", "GDPR Art. 5", "GDPR Art. 44"]
    assert sorted(names, key=provision_order) == [
        "GDPR Art. 5", "GDPR Art. 13", "GDPR Art. 44", "AWR art. 52", "Tw art. 11.7", "WP260 rev.01"]


def test_findings_are_grouped_under_their_first_provision():
    groups = by_provision(FINDINGS)
    assert [(name, [f.subject for f in found]) for name, found in groups] == [
        ("GDPR Art. 6", ["purposes/marketing", "purposes/newsletter"]),
        ("GDPR Art. 13", ["notice"]),
        ("Tw art. 11.7", ["organisation"]),
    ]
    assert cited(FINDINGS) == ["GDPR Art. 6", "GDPR Art. 13", "Tw art. 11.7"]


def test_most_severe_first_orders_by_severity_then_sort_key():
    assert [f.severity for f in sorted(FINDINGS[::-1], key=most_severe_first)] == ["error", "error", "warning", "info"]
    assert sorted(FINDINGS[::-1], key=most_severe_first)[:2] == sorted(FINDINGS[:2], key=Finding.sort_key)


def test_a_run_holds_its_parts_in_canonical_order():
    run = sample_run()
    shuffled = dataclasses.replace(run, checks=run.checks[::-1], organisations=run.organisations[::-1],
                                   findings=run.findings[::-1], outcomes=run.outcomes[::-1])
    assert shuffled == run
    assert [c.id for c in run.checks] == sorted(c.id for c in run.checks)
    assert [o.id for o in run.organisations] == ["acme", "bravo"]
    assert list(run.findings) == sorted(FINDINGS, key=Finding.sort_key)


def test_tallies_count_open_findings_and_check_statuses():
    acme, bravo = tallies(sample_run())
    assert (acme.counts["error"], acme.counts["warning"], len(acme.waived)) == (1, 1, 1)
    assert list(acme.counts.items()) == [("error", 1), ("warning", 1), ("info", 0), ("waived", 1)]
    assert bravo.counts == {"error": 0, "warning": 0, "info": 1, "waived": 0}
    assert acme.checks("passed") == ("sample-clean", "sample-context") and acme.checks("crashed") == ("sample-broken",)
    assert acme.checks("not applicable") == ("sample-cookies",) and acme.applicable == 5
    assert bravo.statuses == {"sample-basis": "not applicable", "sample-broken": "not applicable",
                              "sample-clean": "not applicable", "sample-context": "findings",
                              "sample-cookies": "not applicable", "sample-notice": "passed"}


def test_a_check_whose_findings_are_all_waived_is_waived():
    run = sample_run()
    only_waived = tuple(f for f in run.findings if f.waived or f.check != "sample-basis")
    (acme, _) = tallies(dataclasses.replace(run, findings=only_waived))
    assert acme.statuses["sample-basis"] == "waived"
