"""``pac diff``: the change review between two versions, its formats, and git revisions as inputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from pac.cli import main
from pac.diff import compare, review
from pac.reports.review import render_json, render_markdown, render_text
from pac.engine import Engine
from pac.loader import load

AS_OF = date(2026, 1, 1)

OLD = """\
pac: 1
organisation: shop
data_subjects:
  - {id: customers, name: Customers, relationship: customer, provenance: {section: Klanten, quote: "klanten"}}
data_categories:
  - {id: email, name: E-mail address, provenance: {section: Gegevens, quote: "e-mail"}}
  - {id: allergies, name: Allergies, provenance: {section: Gegevens, quote: "allergie"}}
activities:
  - id: orders
    name: Orders
    data_subjects: [customers]
    categories: [email, allergies]
    purposes:
      - {id: deliver, name: Deliver orders, legal_basis: contract, provenance: {section: Doelen, quote: "leveren"}}
      - {id: survey, name: Customer survey, legal_basis: consent, provenance: {section: Doelen, quote: "enquête"}}
    retention:
      - {purposes: [deliver], period: P2Y, limit: exactly, after: contract_end, provenance: {section: Bewaren, quote: "2 jaar"}}
      - {purposes: [survey], period: P1Y, limit: at_most, after: collection, provenance: {section: Bewaren, quote: "1 jaar"}}
    provenance: {section: Bestellen, quote: "bestellen"}
recipients:
  - {id: host, name: Host, named: true, role: processor, country: DE, activities: [orders],
     processor_agreement: {in_place: true, provenance: {section: Ontvangers, quote: "overeenkomst"}},
     provenance: {section: Ontvangers, quote: "Host"}}
"""


def change(text: str) -> str:
    """The new version: a recipient in the US without a tool, a changed basis, retention shortened and
    lengthened, a new special category, and the survey purpose gone."""
    for old, new in [
        ("{id: allergies, name: Allergies,", "{id: allergies, name: Allergies, special: health,"),
        ("legal_basis: contract", "legal_basis: legitimate_interests"),
        ("      - {id: survey, name: Customer survey, legal_basis: consent, provenance: {section: Doelen, quote: \"enquête\"}}\n", ""),
        ("{purposes: [survey], period: P1Y, limit: at_most, after: collection,", "{period: P6M, limit: at_most, after: collection,"),
        ("period: P2Y, limit: exactly", "period: P1Y, limit: exactly"),
        ("recipients:\n", "recipients:\n  - {id: tracker, name: \"Tracker\\e[31m Inc\", named: true, role: controller, country: US,"
                          " activities: [orders], provenance: {section: Ontvangers, quote: \"Tracker\"}}\n"),
    ]:
        assert old in text
        text = text.replace(old, new)
    return text


def evaluations(path: Path):
    engine = Engine.from_plugins()
    return [engine.evaluate(o, AS_OF) for o in load([path])]


@pytest.fixture
def result(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    (tmp_path / "old" / "shop.yaml").write_text(OLD, encoding="utf-8")
    (tmp_path / "new" / "shop.yaml").write_text(change(OLD), encoding="utf-8")
    return review(evaluations(tmp_path / "old"), evaluations(tmp_path / "new"), Engine.from_plugins().reference, AS_OF)


def test_the_review_names_every_change_a_lawyer_should_see(result):
    assert [(c.kind, c.subject, c.old, c.new) for c in result.changes] == [
        ("recipient-added", "recipients/tracker", None, None),
        ("third-country-added", "countries/US", None, None),
        ("legal-basis-changed", "purposes/deliver", "contract", "legitimate_interests"),
        ("purpose-removed", "purposes/survey", "consent", None),
        ("retention-shortened", "activities/orders", "kept P2Y after the end of the contract",
         "kept P1Y after the end of the contract"),
        ("retention-added", "activities/orders", None, "kept at most P6M after collection"),
        ("retention-removed", "activities/orders", "kept at most P1Y after collection", None),
        ("special-category-added", "data_categories/allergies", None, "Health data"),
    ]


def test_the_review_lists_new_and_resolved_findings(result):
    new = {(f.check, f.subject) for f in result.new_findings}
    assert {("transfer-tool-valid", "recipients/tracker"), ("special-category-condition-stated", "purposes/deliver"),
            ("legitimate-interest-named", "purposes/deliver")} <= new
    resolved = {(f.check, f.subject) for f in result.resolved_findings}
    assert ("consent-withdrawal-route", "purposes/survey") in resolved  # the purpose is gone
    assert result.adds_findings() and result.adds_findings("error")


def test_a_longer_period_is_lengthened(tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    (tmp_path / "a" / "shop.yaml").write_text(OLD, encoding="utf-8")
    (tmp_path / "b" / "shop.yaml").write_text(OLD.replace("period: P2Y", "period: P3Y"), encoding="utf-8")
    found = review(evaluations(tmp_path / "a"), evaluations(tmp_path / "b"), Engine.from_plugins().reference, AS_OF)
    assert [c.kind for c in found.changes] == ["retention-lengthened"]
    assert not found.adds_findings()


RENDER_ALL = ("import sys; from pac.cli import main\n"
              "for f in ('text', 'md', 'json'): main(['diff', *sys.argv[1:], '--format', f])")
"""A program that writes the review of two versions (its arguments) in the three formats."""


def test_the_three_formats_are_deterministic_and_escape_untrusted_text(result, tmp_path):
    text = render_text(result)
    assert "\x1b" not in text and "Tracker\\x1b[31m Inc" in text
    assert "  legal basis changed: purposes/deliver: Deliver orders: contract \u2192 legitimate_interests" in text
    markdown = render_markdown(result)
    assert "- **Retention shortened** activities/orders: Orders: kept P2Y after the end of the contract \u2192 kept P1Y" in markdown
    assert "\x1b" not in markdown
    data = json.loads(render_json(result))
    assert data["as_of"] == "2026-01-01" and data["changes"][0]["new"] is None
    assert data["new_findings"][0]["check"] == result.new_findings[0].check
    # Sets and dicts must not leak their order: two processes with other hash seeds write the same review.
    command = [sys.executable, "-c", RENDER_ALL, str(tmp_path / "old"), str(tmp_path / "new"), "--as-of", AS_OF.isoformat()]
    outputs = [subprocess.run(command, check=True, capture_output=True,
                              env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"}).stdout
               for seed in ("1", "2")]
    assert outputs[0] == outputs[1] == (text + markdown + render_json(result)).encode()


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=pac", "-c", "user.email=pac@example.com", "-c", "commit.gpgsign=false",
                    *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git repository whose HEAD~1 has the old declaration and HEAD the new one."""
    policies = tmp_path / "policies"
    policies.mkdir()
    git(tmp_path, "init", "-q")
    (policies / "shop.yaml").write_text(OLD, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "old")
    (policies / "shop.yaml").write_text(change(OLD), encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "new")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_pac_diff_across_git_revisions(repo, capsys):
    assert main(["diff", "HEAD~1:policies/shop.yaml", "HEAD:policies/shop.yaml", "--as-of", "2026-01-01"]) == 1
    out = capsys.readouterr().out
    assert "recipient added: recipients/tracker" in out and "+ new finding: error [transfer-tool-valid]" in out


def test_pac_diff_between_a_revision_folder_and_the_working_tree(repo, capsys):
    assert main(["diff", "HEAD~1:policies/", "policies", "--as-of", "2026-01-01", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["changes"][0]["kind"] == "recipient-added"
    assert main(["diff", "HEAD:policies/", "policies/", "--as-of", "2026-01-01"]) == 0
    assert "0 changes, 0 new findings, 0 resolved findings" in capsys.readouterr().out


def test_pac_diff_fail_on_sets_the_threshold(repo):
    (repo / "policies" / "shop.yaml").write_text(OLD.replace("limit: exactly, after: contract_end,", "limit: exactly,"),
                                                 encoding="utf-8")
    args = ["diff", "HEAD~1:policies/shop.yaml", "policies/shop.yaml", "--as-of", "2026-01-01"]
    assert main(args) == 1  # a period that does not say when it starts: a new warning
    assert main([*args, "--fail-on", "error"]) == 0


def test_pac_diff_reports_a_revision_git_cannot_give(repo, capsys):
    assert main(["diff", "nosuchrev:policies/shop.yaml", "policies/shop.yaml"]) == 2
    assert "pac diff: git cat-file -t nosuchrev:policies/shop.yaml:" in capsys.readouterr().err


def test_pac_diff_reports_invalid_input(repo, capsys):
    (repo / "policies" / "shop.yaml").write_text("pac: 1\norganisation: shop\nrecipients: {}\n", encoding="utf-8")
    assert main(["diff", "HEAD:policies/", "policies/"]) == 2
    assert "shop.yaml:3:13: error" in capsys.readouterr().err


def test_a_revision_reads_the_notice_text_of_the_working_tree(repo, capsys):
    """A notice text outside the revision's folder is read from the working tree, so that both versions are
    held to the same notice (and the quote check does not come and go with the folder it was read into)."""
    (repo / "notice.txt").write_text("leveren klanten e-mail bestellen 2 jaar Host overeenkomst", encoding="utf-8")
    text = textwrap.dedent(OLD).replace("organisation: shop\n", "organisation: shop\nnotice:\n  text_file: ../notice.txt\n"
                                        "  provenance: {section: Privacy, quote: \"klanten\"}\n")
    (repo / "policies" / "shop.yaml").write_text(text, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "with notice")
    assert main(["diff", "HEAD:policies/", "policies/", "--as-of", "2026-01-01", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["new_findings"] == []
    engine = Engine.from_plugins()
    (shop,) = load(["policies"])
    quotes = [f for f in engine.evaluate(shop, AS_OF).all_findings() if f.check == "quotes-found-in-notice"]
    assert quotes  # the notice lacks some quotes: had the revision not read it, these would be "resolved"


def test_compare_reports_what_changed_not_what_was_renamed(load_one):
    body = """\
        data_categories:
          - {id: dna, name: DNA test, special: health, provenance: {section: Gegevens, quote: "dna"}}
        recipients:
          - {id: lab, name: Lab, named: true, role: processor, provenance: {section: Ontvangers, quote: "lab"}}
        """
    old = load_one(body)
    renamed = load_one(body.replace("name: DNA test", "name: Genetic test").replace("name: Lab", "name: The lab"))
    moved = load_one(body.replace("special: health", "special: genetic_data").replace("role: processor", "role: processor, country: CH"))
    reference = Engine.from_plugins().reference
    assert compare("demo", old, renamed, reference, AS_OF) == []
    assert [(c.kind, c.old, c.new) for c in compare("demo", old, moved, reference, AS_OF)] == [
        ("recipient-country-changed", None, "CH"),
        ("third-country-added", None, None),
        ("special-category-added", "Health data", "Genetic data"),
        ("special-category-removed", "Health data", "Genetic data"),
    ]


def test_findings_of_a_revision_are_named_by_it_and_the_output_is_deterministic(repo, capsys):
    args = ["diff", "HEAD:policies/", "HEAD~1:policies/shop.yaml", "--as-of", "2026-01-01", "--format", "json"]
    assert main(args) == 1
    first = capsys.readouterr().out
    assert main(args) == 1
    assert capsys.readouterr().out == first  # no temporary folder names in the output
    data = json.loads(first)
    assert {f["location"]["file"] for f in data["resolved_findings"]} == {"HEAD:policies/shop.yaml"}
    assert {f["location"]["file"] for f in data["new_findings"]} == {"HEAD~1:policies/shop.yaml"}


US_RECIPIENT = ("recipients:\n", "recipients:\n  - {id: tracker, name: Tracker Inc, named: true, role: processor, country: US,"
                                 " activities: [orders], provenance: {section: Ontvangers, quote: \"Tracker\"}}\n")


def waiver_file(*entries: str) -> str:
    listed = "".join(f"\n  - {{{entry}, justification: SCCs are being signed., owner: legal}}" for entry in entries)
    return f"pac: 1\nwaivers:{listed or ' []'}\n"


TRACKER = "check: transfer-tool-valid, organisation: shop, subject: recipients/tracker"


def test_a_recipient_added_with_its_waiver_across_git_revisions_needs_review(repo, capsys):
    """The pull request that adds a US recipient and waives its finding in the same change: the finding is
    waived, but the waiver is new, so the review lists it and exits 1 like a new finding."""
    policies = repo / "policies"
    (policies / "shop.yaml").write_text(OLD, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "back to the old version")
    (policies / "shop.yaml").write_text(OLD.replace(*US_RECIPIENT), encoding="utf-8")
    (policies / "waivers.yaml").write_text(waiver_file(f"{TRACKER}, expires: 2026-06-30"), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "a US recipient and its waiver")
    args = ["diff", "HEAD~1:policies/", "HEAD:policies/", "--as-of", "2026-01-01"]
    assert main([*args, "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    (waiver,) = [c for c in data["changes"] if c["kind"].startswith("waiver-")]
    assert waiver == {"organisation": "shop", "kind": "waiver-added", "subject": "recipients/tracker",
                      "description": "transfer-tool-valid: SCCs are being signed. (owner: legal, until 2026-06-30; "
                                     "HEAD:policies/waivers.yaml:3:5)",
                      "old": None, "new": "transfer-tool-valid on recipients/tracker, until 2026-06-30"}
    assert all(f["waived"] for f in data["new_findings"] if f["check"] == "transfer-tool-valid")
    assert main([*args, "--format", "md"]) == 1
    assert "- **Waiver added** recipients/tracker: transfer-tool-valid: SCCs are being signed." in capsys.readouterr().out
    assert main(["diff", "HEAD:policies/", "HEAD:policies/", "--as-of", "2026-01-01"]) == 0  # no change, nothing to review


@pytest.mark.parametrize("old, new, kinds, exit_code", [
    ([f"{TRACKER}, expires: 2026-06-30"], [f"{TRACKER}, expires: 2026-12-31"], ["waiver-widened"], 1),
    ([f"{TRACKER}, expires: 2026-06-30"], [TRACKER], ["waiver-widened"], 1),  # no expiry: later than any
    ([TRACKER], ["check: transfer-tool-valid, organisation: shop"], ["waiver-widened", "waiver-removed"], 1),  # every subject
    ([TRACKER], ["check: transfer-tool-valid, organisation: shop, subject: recipients/host"],
     ["waiver-widened", "waiver-removed"], 1),  # another subject
    ([TRACKER], [f"{TRACKER}, expires: 2026-06-30"], ["waiver-changed"], 0),  # an earlier expiry accepts less
    (["check: transfer-tool-valid, organisation: shop"], ["check: transfer-tool-valid, organisation: shop", TRACKER],
     ["waiver-changed"], 0),  # already covered by the waiver of every subject
    ([TRACKER], [], ["waiver-removed"], 0),
])
def test_waiver_changes_are_listed_and_those_accepting_more_need_review(tmp_path, capsys, old, new, kinds, exit_code):
    for name, entries in (("old", old), ("new", new)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "shop.yaml").write_text(OLD.replace(*US_RECIPIENT), encoding="utf-8")
        (tmp_path / name / "waivers.yaml").write_text(waiver_file(*entries), encoding="utf-8")
    assert main(["diff", str(tmp_path / "old"), str(tmp_path / "new"), "--as-of", "2026-01-01", "--format", "json"]) == exit_code
    assert [c["kind"] for c in json.loads(capsys.readouterr().out)["changes"]] == kinds


@pytest.mark.parametrize("spec", ["HEAD:policies/shop.yaml", "HEAD:policies/"])
def test_a_git_blob_over_the_size_limit_is_refused_before_it_is_read(repo, capsys, monkeypatch, spec: str):
    """The blob's size comes from git's object header; its content is never asked for."""
    from pac.commands import diff as command

    asked: list[tuple[str, ...]] = []
    real = command._git
    monkeypatch.setattr(command, "_git", lambda *args, **kw: asked.append(args) or real(*args, **kw))
    assert main(["diff", spec, "policies/", "--max-file-size", "100"]) == 2
    assert "more than the limit of 100" in capsys.readouterr().err
    assert not [args for args in asked if args[0] == "show" or "--batch" in args]
