"""report.sarif: valid SARIF 2.1.0 with one rule per check, located results, stable fingerprints, suppressions."""

from __future__ import annotations

import dataclasses
import json

import pytest

from pac import Engine
from pac.errors import Location
from pac.reference import Reference
from pac.reports import sarif, text
from reports_support import BASIS, CHECKS, CONTEXT, FINDINGS, HOSTILE, SARIF_SCHEMA, code_scanning_errors, sample_run, sarif_errors

GDPR_TEXT = "http://data.europa.eu/eli/reg/2016/679/oj"
"""The official text of the GDPR (its ELI), source S01 of pac's reference data."""


@pytest.fixture
def log() -> dict:
    return json.loads(sarif.render(sample_run()))


def test_the_log_is_valid_sarif_2_1_0(log: dict):
    assert log["version"] == "2.1.0" and log["$schema"] == SARIF_SCHEMA["id"]
    assert sarif_errors(log) == []


def test_the_schema_refuses_what_pac_must_not_write(log: dict):
    """The validation above has teeth: a result without a message, or an unknown level, is refused."""
    result = log["runs"][0]["results"][0]
    del result["message"]
    result["level"] = "fatal"
    assert len(sarif_errors(log)) == 2


def test_one_rule_per_check_with_descriptions_help_and_tags(log: dict):
    driver = log["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("pac", "1.2.3")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted(c.id for c in CHECKS)
    basis = next(r for r in rules if r["id"] == "sample-basis")
    assert basis["name"] == "SampleBasis"
    assert basis["shortDescription"]["text"] == BASIS.title
    assert basis["fullDescription"]["text"] == "Why sample-basis holds.\n\nIts sources, in a second paragraph."
    assert basis["help"]["text"] == (
        "The sample-basis rule\n\nWhy sample-basis holds.\n\nIts sources, in a second paragraph.\n\n"
        "Provisions: GDPR Art. 6(1); GDPR Art. 13(1)(c)\n\n"
        f"Official text: Regulation (EU) 2016/679 (GDPR): {GDPR_TEXT}\n\nRemedy: {BASIS.remedy}")
    assert basis["help"]["markdown"] == (
        "**The sample-basis rule**\n\nWhy sample-basis holds.\n\nIts sources, in a second paragraph.\n\n"
        f"**Provisions:** [GDPR Art. 6(1)]({GDPR_TEXT}); [GDPR Art. 13(1)(c)]({GDPR_TEXT})\n\n**Remedy:** {BASIS.remedy}")
    assert basis["properties"]["tags"] == ["privacy", "security", "sample", "error", "GDPR Art. 6", "GDPR Art. 13"]
    assert {r["id"]: r["properties"]["security-severity"] for r in rules}["sample-notice"] == "5.0"
    # the checks' module is in no distribution that names its documentation: the rule links to the law it cites
    assert basis["helpUri"] == GDPR_TEXT
    assert {r["id"]: r["defaultConfiguration"]["level"] for r in rules}["sample-context"] == "note"


def test_results_are_located_levelled_and_indexed(log: dict):
    run = log["runs"][0]
    results = run["results"]
    assert len(results) == len(FINDINGS)
    rules = run["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    marketing, newsletter, notice, bravo = results  # sorted as findings are
    assert marketing["level"] == "error" and notice["level"] == "warning" and bravo["level"] == "note"
    assert marketing["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "policies/acme.yaml"}, "region": {"startLine": 12, "startColumn": 7}}
    assert "region" not in notice["locations"][0]["physicalLocation"]  # line 0: the whole file
    assert bravo["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "file:///srv/policies%20with%20space/bravo.yaml"
    assert marketing["properties"] == {"organisation": "acme", "subject": "purposes/marketing",
                                       "provisions": ["GDPR Art. 6(1)", "GDPR Art. 13(1)(c)"], "remedy": BASIS.remedy}
    assert run["automationDetails"]["id"] == "pac/2025-03-01"
    assert run["artifacts"][1] == {"location": {"uri": "policies/acme.yaml"}, "hashes": {"sha-256": "a" * 64}}


def test_a_waived_finding_is_suppressed_with_its_justification(log: dict):
    results = log["runs"][0]["results"]
    (waived,) = [r for r in results if "suppressions" in r]
    (suppression,) = waived["suppressions"]
    assert suppression["kind"] == "external" and suppression["status"] == "accepted"
    assert suppression["justification"].startswith("<script>alert('x')</script>")
    assert suppression["properties"]["expires"] == "2026-01-31"
    assert suppression["location"]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 5}


def fingerprint(finding) -> str:
    run = dataclasses.replace(sample_run(), findings=(finding,))
    return sarif.document(run)["runs"][0]["results"][0]["partialFingerprints"][sarif.FINGERPRINT]


def test_fingerprints_ignore_the_line_but_not_what_was_found():
    first = FINDINGS[0]
    moved = dataclasses.replace(first, location=Location(first.location.file, 99, 3))
    assert fingerprint(moved) == fingerprint(first)
    assert fingerprint(dataclasses.replace(first, message="Another message.")) != fingerprint(first)
    assert fingerprint(dataclasses.replace(first, subject="purposes/other")) != fingerprint(first)


def test_the_same_message_twice_is_one_root_cause_with_one_fingerprint():
    first = FINDINGS[0]
    twice = (first, dataclasses.replace(first, location=Location(first.location.file, 40, 7), subject="purposes/other"))
    (result,) = sarif.document(dataclasses.replace(sample_run(), findings=twice))["runs"][0]["results"]
    assert result["properties"]["also"] == ["purposes/other"]


def test_hostile_text_is_inert(log: dict):
    text = sarif.render(sample_run())
    assert "\x07" not in text and "\x1b" not in text and "\u202e" not in text
    message = log["runs"][0]["results"][0]["message"]["text"]
    assert "\\[link\\](https://evil.test)" in message  # no embedded link (SARIF 2.1.0 §3.11.6)
    assert "\\x07bell\\x1b" in message and "\\u202e" in message and "\n" not in message


def test_the_log_does_not_depend_on_input_order():
    run = sample_run()
    shuffled = dataclasses.replace(run, checks=run.checks[::-1], findings=run.findings[::-1],
                                   organisations=run.organisations[::-1])
    assert sarif.render(shuffled) == sarif.render(run)


@pytest.mark.parametrize("file, expected", [
    ("policies/acme.yaml", "policies/acme.yaml"),
    ("policies/a b#c%.yaml", "policies/a%20b%23c%25.yaml"),
    ("/abs/ü.yaml", "file:///abs/%C3%BC.yaml"),
])
def test_artifact_uris(file: str, expected: str):
    assert sarif.uri(file) == expected


def test_files_in_a_repository_are_relative_to_its_root_for_code_scanning(tmp_path, monkeypatch):
    """pac run in a subfolder of a monorepo, on absolute paths: the URIs still start at the repository root."""
    (tmp_path / ".git").write_text("gitdir: elsewhere\n")  # a worktree's .git is a file
    policies = tmp_path / "services" / "privacy" / "policies"
    policies.mkdir(parents=True)
    monkeypatch.chdir(policies.parent)
    files = [str(policies / "acme.yaml"), "policies/waivers.yaml"]
    root = sarif.repository_root(files)
    assert root == str(tmp_path)
    run = sample_run()
    run = dataclasses.replace(run, findings=tuple(dataclasses.replace(f, location=Location(files[0], 3, 1))
                                                  for f in run.findings if f.organisation == "acme"))
    log = sarif.document(run, root)
    results = log["runs"][0]["results"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {
        "services/privacy/policies/acme.yaml"}
    waiver = next(r for r in results if "suppressions" in r)["suppressions"][0]["location"]
    assert waiver["physicalLocation"]["artifactLocation"] == {"uri": "services/privacy/policies/waivers.yaml",
                                                              "uriBaseId": "%SRCROOT%"}
    assert "%SRCROOT%" in log["runs"][0]["originalUriBaseIds"]
    assert sarif_errors(log) == []


def test_files_outside_any_repository_have_no_base(tmp_path):
    assert sarif.repository_root([str(tmp_path / "a.yaml")]) is None
    log = sarif.document(sample_run(), None)
    assert "originalUriBaseIds" not in log["runs"][0]
    assert all("uriBaseId" not in r["locations"][0]["physicalLocation"]["artifactLocation"]
               for r in log["runs"][0]["results"])


def test_help_links_only_official_texts_the_reference_data_cites(log: dict):
    """The GDPR's text is the source ``cited_as: GDPR`` (S01, its ELI); the Telecommunicatiewet has no official
    text in pac's reference data, so a citation of it stays unlinked, and a rule citing no linked provision first
    links to the first one that is."""
    assert Reference.packaged().cited_source("GDPR Art. 13(1)(c)").url == GDPR_TEXT
    assert Reference.packaged().cited_source("Tw art. 11.7") is None
    assert Reference.packaged().cited_source("GDPRX Art. 1") is None
    context = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}["sample-context"]
    assert context["help"]["markdown"].count("](") == 1 and f"[GDPR Art. 6(1)(a)]({GDPR_TEXT})" in context["help"]["markdown"]
    assert "**Provisions:** Tw art. 11.7; " in context["help"]["markdown"] and context["helpUri"] == GDPR_TEXT
    only_tw = dataclasses.replace(sample_run(), checks=(dataclasses.replace(CONTEXT, articles=("Tw art. 11.7",)),),
                                  findings=(), outcomes=())
    (rule,) = sarif.document(only_tw)["runs"][0]["tool"]["driver"]["rules"]
    assert "helpUri" not in rule and "Official text" not in rule["help"]["text"]


def test_every_rule_of_the_catalogue_has_help_and_only_absolute_links():
    checks = tuple(sorted(Engine.from_plugins().checks, key=lambda c: c.id))
    run = dataclasses.replace(sample_run(), checks=checks, findings=(), outcomes=())
    log = sarif.document(run)
    assert len(checks) > 40 and code_scanning_errors(log) == [] and sarif_errors(log) == []
    for rule, check in zip(log["runs"][0]["tool"]["driver"]["rules"], checks):
        assert rule["help"]["markdown"].startswith("**") and "**Remedy:**" in rule["help"]["markdown"]
        assert text.paragraphs(check.rationale)[0] in rule["help"]["text"] and f"Remedy: {check.remedy}" in rule["help"]["text"]
        if any(a.startswith("GDPR ") for a in check.articles):
            assert rule["helpUri"] == GDPR_TEXT, rule["id"]
        else:
            assert "helpUri" not in rule, rule["id"]


def test_a_check_links_to_the_documentation_its_distribution_names(monkeypatch):
    monkeypatch.setattr(sarif, "documentation", lambda module: "https://docs.example/pac/checks")
    rules = sarif.document(sample_run())["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"]: r["helpUri"] for r in rules}["sample-basis"] == "https://docs.example/pac/checks#sample-basis"


def test_the_rules_meet_code_scannings_documented_limits(log: dict):
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(len(r["properties"]["tags"]) <= 20 for r in rules)
    errors = code_scanning_errors(log)
    assert errors and all("not relative to the checkout" in e for e in errors)  # sample_run is in no repository
