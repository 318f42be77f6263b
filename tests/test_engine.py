"""The engine without pytest, and ``pac check`` as a command: exit codes and the same findings as pytest."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from pac import Engine, Finding, check, load
from pac.engine import evaluation_date, notice_option, notice_text
from pac.waivers import Waiver
from pac.errors import Location

BODY = """\
pac: 1
organisation: demo
activities:
  - id: service
    name: Service
    purposes:
      - {id: deliver, name: Deliver, legal_basis: contract, provenance: {section: Doelen, quote: leveren}}
      - {id: improve, name: Improve, provenance: {section: Doelen, quote: verbeteren}}
    provenance: {section: Dienst, quote: dienst}
"""


@check("always-one", title="Finds one thing", articles=["GDPR Art. 5(2)"], severity="error", subject="purposes",
       remedy="Nothing.")
def always_one(purpose, ctx):
    """Finds one thing on every purpose."""
    yield ctx.finding(f"found on {purpose.id}")


@check("broken", title="Crashes", articles=["GDPR Art. 5(2)"], severity="error", subject="purposes", remedy="Fix it.")
def broken(purpose, ctx):
    """Raises."""
    raise RuntimeError("bug in a user check")


@pytest.fixture
def organisation(write):
    (org,) = load([write(BODY)])
    return org


def test_a_crashing_check_is_isolated(organisation):
    engine = Engine([always_one, broken], Engine.from_plugins().reference)
    evaluation = engine.evaluate(organisation, date(2026, 11, 22))
    assert "RuntimeError: bug in a user check" in evaluation.crashes["broken"]
    assert [f.message for f in evaluation.all_findings()] == ["found on deliver", "found on improve"]


def test_duplicate_check_ids_are_refused():
    with pytest.raises(ValueError, match="two checks have the id always-one"):
        Engine([always_one, always_one], Engine.from_plugins().reference)


def test_no_evaluation_before_the_gdpr_applies(organisation):
    engine = Engine([always_one], Engine.from_plugins().reference)
    with pytest.raises(ValueError, match="the GDPR applies from 2018-05-25"):
        engine.evaluate(organisation, date(2018, 5, 24))
    assert engine.evaluate(organisation, date(2018, 5, 25)).all_findings()


def test_severity_hook_is_applied_and_checked(organisation):
    reference = Engine.from_plugins().reference
    tuned = Engine([always_one], reference, lambda check, finding: "info")
    assert {f.severity for f in tuned.evaluate(organisation, date(2026, 11, 22)).all_findings()} == {"info"}
    wrong = Engine([always_one], reference, lambda check, finding: "fatal")
    evaluation = wrong.evaluate(organisation, date(2026, 11, 22))
    assert "pac_severity returned 'fatal'" in evaluation.crashes["always-one"]


def test_waivers_cover_a_subject_or_all_and_report_unused_ones(organisation):
    def waiver(subject: str | None, expires: date | None = None) -> Waiver:
        return Waiver("always-one", "demo", subject, "Accepted by legal.", "legal", expires, Location("w.yaml", 1, 1))

    engine = Engine([always_one], Engine.from_plugins().reference)
    one = engine.evaluate(organisation, date(2026, 11, 22), [waiver("purposes/improve")])
    assert [f.waived for f in one.all_findings()] == [False, True]
    everything = engine.evaluate(organisation, date(2026, 11, 22), [waiver(None)])
    assert all(f.waived for f in everything.all_findings())
    unused = engine.evaluate(organisation, date(2026, 11, 22), [waiver("purposes/nothing")])
    assert unused.notes == ("waiver of always-one (purposes/nothing) matched no finding (w.yaml:1:1)",)
    expired = engine.evaluate(organisation, date(2026, 11, 22), [waiver(None, date(2026, 11, 21))])
    assert not any(f.waived for f in expired.all_findings()) and "expired on 2026-11-21" in expired.notes[0]


def test_notice_text_comes_from_the_option_or_the_declaration(write, tmp_path: Path):
    (tmp_path / "notice.txt").write_text("De tekst.", encoding="utf-8")
    (org,) = load([write(BODY.replace("activities:", "notice: {text_file: notice.txt}\nactivities:", 1))])
    assert notice_text(org) == "De tekst."
    assert notice_text(org, tmp_path / "missing.txt") is None
    engine = Engine([always_one], Engine.from_plugins().reference)
    assert engine.evaluate(org, date(2026, 11, 22)).notes == ()
    (note,) = engine.evaluate(org, date(2026, 11, 22), notice=tmp_path / "missing.txt").notes
    assert note.startswith(f"the notice text {tmp_path / 'missing.txt'} is not available") and "not checked" in note


def test_pac_check_exit_codes_and_parity_with_pytest(write, run_pac, tmp_path: Path):
    write(BODY, "policies/demo.yaml")
    found = run_pac("check", "policies", "--as-of", "2026-11-22", "--report-dir", "cli", cwd=tmp_path)
    assert found.returncode == 1, found.stdout + found.stderr
    assert "The notice states no legal basis for 'Improve'." in found.stdout
    pytest_run = subprocess.run([sys.executable, "-m", "pytest", "policies", "-o", "pac_paths=policies", "-p",
                                 "no:cacheprovider", "--pac-as-of", "2026-11-22", "--pac-report-dir", "pt"],
                                cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert pytest_run.returncode == 1
    assert (tmp_path / "cli/findings.json").read_text() == (tmp_path / "pt/findings.json").read_text()
    assert (tmp_path / "cli/junit.xml").exists()
    # a conftest that lowers every severity: nothing at or above --fail-on, exit 0
    write("import pac\n\n@pac.hookimpl\ndef pac_severity(check, finding):\n    return 'info'\n", "conftest.py")
    assert run_pac("check", "policies", "--as-of", "2026-11-22", cwd=tmp_path).returncode == 0
    assert run_pac("check", "policies", "--as-of", "2026-11-22", "--fail-on", "info", cwd=tmp_path).returncode == 1


def test_pac_check_quiet_prints_the_counts_only(write, run_pac, tmp_path: Path):
    write(BODY, "policies/demo.yaml")
    write(BODY.replace("organisation: demo", "organisation: other"), "policies/other.yaml")
    quiet = run_pac("check", "policies", "--as-of", "2026-11-22", "--quiet", cwd=tmp_path)
    assert quiet.returncode == 1, quiet.stdout + quiet.stderr
    lines = quiet.stdout.split("\n")
    assert lines[0] == "" and lines[1].strip("= ") == "pac" and lines[2] == "as of 2026-11-22; items fail on error and above"
    assert [line.split(":")[0] for line in lines[3:]] == ["demo", "other", ""]  # no progress dots, no findings
    assert quiet.stderr == ""


@pytest.mark.parametrize("args", [("check", "policies/broken.yaml"), ("check", "policies", "--as-of", "22-11-2026"),
                                  ("check", "nowhere")])
def test_pac_check_exits_2_on_invalid_input_or_usage(write, run_pac, tmp_path: Path, args: tuple[str, ...]):
    write(BODY, "policies/demo.yaml")
    write("pac: 1\norganisation: broken\nx: [\n", "policies/broken.yaml")
    result = run_pac(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_pac_checks_lists_the_catalogue(run_pac, tmp_path: Path):
    listed = json.loads(run_pac("checks", "--json", cwd=tmp_path).stdout)
    ids = [c["id"] for c in listed]
    assert ids == sorted(ids) and "legal-basis-stated" in ids
    assert all(c["articles"] and c["severity"] in ("error", "warning", "info") for c in listed)


def test_once_computes_an_index_once_per_evaluation(organisation):
    calls: list[str] = []

    def index(org):
        calls.append(org.id)
        return {p.id: p.name for p in org.purposes}

    @check("uses-index", title="Uses an index", articles=["GDPR Art. 5(2)"], severity="info", subject="purposes",
           remedy="Nothing.")
    def uses_index(purpose, ctx):
        """Looks every purpose up in an index built once."""
        yield ctx.finding(ctx.once(index)[purpose.id])

    engine = Engine([uses_index], Engine.from_plugins().reference)
    assert [f.message for f in engine.evaluate(organisation, date(2026, 11, 22)).all_findings()] == ["Deliver", "Improve"]
    engine.evaluate(organisation, date(2026, 11, 22))
    assert calls == ["demo", "demo"]  # once for each of the two evaluations, not once per purpose


def test_findings_of_one_root_cause_are_reported_once_listing_every_subject():
    from pac.checking import by_root_cause
    from pac.errors import Location
    from pac.model import Provenance

    def finding(subject: str, message: str = "same words", line: int = 1) -> Finding:
        where = Location("d.yaml", line, 1)
        return Finding("c", "error", "o", subject, ("GDPR Art. 5(1)",), message, where,
                       (Provenance(section="S", quote=f"q{line}", location=where),), "r")

    merged, other = by_root_cause([finding("purposes/b", line=2), finding("purposes/a"), finding("purposes/c", "other")])
    assert merged.subjects == ("purposes/a", "purposes/b") and merged.location.line == 1
    assert [p.quote for p in merged.evidence] == ["q1", "q2"]
    assert other.subjects == ("purposes/c",)
    assert by_root_cause([finding("purposes/a"), finding("purposes/a")]) == [finding("purposes/a")]
    twice = by_root_cause([finding("purposes/a"), finding("purposes/a", line=2), finding("purposes/b", line=3)])
    assert [f.subjects for f in twice] == [("purposes/a", "purposes/b"), ("purposes/a",)]  # two places, two findings


def test_an_evaluation_date_and_a_notice_option_are_read_in_one_place():
    assert evaluation_date("2018-05-25") == date(2018, 5, 25)
    with pytest.raises(ValueError, match=r"the GDPR applies from 2018-05-25 \(Art. 99\(2\)\); pac cannot evaluate 2018-05-24"):
        evaluation_date("2018-05-24")
    with pytest.raises(ValueError, match="'25-05-2018' is not a date"):
        evaluation_date("25-05-2018")
    assert notice_option("shop=notices/shop.txt") == ("shop", Path("notices/shop.txt"))
    for wrong in ("shop", "=x.txt", "shop="):
        with pytest.raises(ValueError, match="is not ORG=PATH"):
            notice_option(wrong)


def test_the_engines_notes_are_said_in_the_reports_language_also_across_processes(organisation):
    from pac.phrases import said
    from pac.results import OrganisationRecord

    waiver = Waiver("always-one", "demo", None, "Accepted by legal.", "legal", date(2026, 11, 21), Location("w.yaml", 1, 1))
    (note,) = Engine([always_one], Engine.from_plugins().reference).evaluate(organisation, date(2026, 11, 22),
                                                                            [waiver]).notes
    dutch = "de ontheffing van always-one (alle onderwerpen) is op 2026-11-21 verlopen en geldt niet meer (w.yaml:1:1)"
    assert note == "waiver of always-one (all subjects) expired on 2026-11-21 and no longer applies (w.yaml:1:1)"
    assert said(note, "nl") == dutch
    record = OrganisationRecord.from_dict(json.loads(json.dumps(OrganisationRecord.of(organisation, (note,)).to_dict())))
    assert record.notes == (note,) and said(record.notes[0], "nl") == dutch
