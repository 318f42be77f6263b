"""Every command sees the same engine: a house check and a reference row added by a ``conftest.py`` reach
``pac validate``, ``check``, ``checks``, ``graph``, ``diff`` and ``ropa`` alike (they once reached only
the pytest path, so that ``pac validate`` rejected what ``pac check`` accepted)."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "parity"
AS_OF = ("--as-of", "2026-11-22")
HOUSE = ("house-bookkeeping", "organisation", "warning")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """policies/demo.yaml (which names the record type only the conftest.py adds), before/demo.yaml (the
    same without it, in the Netherlands) and the conftest.py."""
    folder = tmp_path_factory.mktemp("parity")
    shutil.copytree(FIXTURE, folder, dirs_exist_ok=True)
    (folder / "project_conftest.py").rename(folder / "conftest.py")
    return folder


@pytest.fixture(scope="module")
def checked(project: Path, run_pac) -> list[tuple[str, str, str]]:
    """(check, subject, severity) of each finding in the findings.json of ``pac check policies``."""
    done = run_pac("check", "policies", *AS_OF, "--report-dir", "out", cwd=project)
    assert done.returncode == 1, done.stderr
    return [(f["check"], f["subject"], f["severity"]) for f in
            json.loads((project / "out" / "findings.json").read_text(encoding="utf-8"))["findings"]]


def test_check_runs_the_house_check_on_the_overridden_reference_data(checked):
    assert HOUSE in checked
    assert ("statutory-retention-stated", "purposes/deliver", "error") in checked  # reads the added row


def test_validate_accepts_the_record_type_the_conftest_adds(project, run_pac):
    done = run_pac("validate", "policies", cwd=project)
    assert done.returncode == 0, done.stderr
    assert "demo: valid" in done.stdout


def test_checks_lists_the_house_check(project, run_pac):
    listed = json.loads(run_pac("checks", "policies", "--json", cwd=project).stdout)
    assert "house-bookkeeping" in {c["id"] for c in listed}
    assert "house-bookkeeping" not in run_pac("checks", cwd=project.parent).stdout  # no conftest.py there


def test_graph_counts_the_findings_check_reports(project, run_pac, checked):
    done = run_pac("graph", "policies", *AS_OF, "--out", "graphs", "--format", "dot", cwd=project)
    assert done.returncode == 0, done.stderr
    counts = Counter(severity for _, _, severity in checked)
    dot = (project / "graphs" / "demo.dot").read_text(encoding="utf-8")
    def count(severity: str) -> str:
        return f"{counts[severity]} {severity}{'' if counts[severity] == 1 else 's'}"

    assert f"findings: {count('error')} · {count('warning')} · {counts['info']} info" in dot


def test_diff_finds_what_check_finds(project, run_pac, checked):
    done = run_pac("diff", "before/demo.yaml", "policies/demo.yaml", *AS_OF, "--format", "json", cwd=project)
    assert done.returncode == 1, done.stderr
    new = [(f["check"], f["subject"], f["severity"]) for f in json.loads(done.stdout)["new_findings"]]
    assert HOUSE in new and set(new) <= set(checked)


def test_ropa_accepts_the_record_type_the_conftest_adds(project, run_pac):
    done = run_pac("ropa", "policies", *AS_OF, cwd=project)
    assert done.returncode == 0, done.stderr
    assert "Deliver the service" in done.stdout


def test_a_broken_conftest_is_a_clear_error(tmp_path, run_pac):
    shutil.copytree(FIXTURE / "policies", tmp_path / "policies")
    (tmp_path / "conftest.py").write_text("raise RuntimeError('broken house rules')\n", encoding="utf-8")
    done = run_pac("validate", "policies", cwd=tmp_path)
    assert done.returncode == 2
    assert "pac: error:" in done.stderr and "broken house rules" in done.stderr and "Traceback" not in done.stderr


WAIVER = ("pac: 1\nwaivers:\n  - {{check: {check}, organisation: demo, justification: An auditor reads this reason,\n"
          "     owner: Privacy officer}}\n")


@pytest.mark.parametrize("waived", ["house-bookkeeping", "house-bookeeping"])
@pytest.mark.parametrize("where", ["policies/waivers.yaml", "extra.yaml"])
def test_validate_and_check_judge_a_waiver_of_a_house_check_alike(tmp_path, run_pac, waived: str, where: str):
    """A waiver may name a check only a conftest.py defines; a typo in it is the same located error for both
    commands, in a waiver file beside the declarations or given with --waivers (which validate once lacked)."""
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    (tmp_path / "project_conftest.py").rename(tmp_path / "conftest.py")
    (tmp_path / where).write_text(WAIVER.format(check=waived), encoding="utf-8")
    option = ("--waivers", where) if where == "extra.yaml" else ()
    validated = run_pac("validate", "policies", *option, cwd=tmp_path)
    checked = run_pac("check", "policies", *AS_OF, "--quiet", *option, cwd=tmp_path)
    if waived == "house-bookkeeping":
        assert (validated.returncode, checked.returncode) == (0, 1), validated.stderr + checked.stdout
        assert "1 waived" in checked.stdout
        return
    error = f"{where}:3:5: error: waiver for unknown check 'house-bookeeping'"
    assert (validated.returncode, checked.returncode) == (2, 2)
    assert error in validated.stderr and error in checked.stdout + checked.stderr


def test_a_dutch_report_gives_the_catalogues_texts_in_dutch_and_the_house_checks_in_english(project, run_pac):
    done = run_pac("check", "policies", *AS_OF, "--report-dir", "out-nl", "--lang", "nl", cwd=project)
    assert done.returncode == 1, done.stderr
    page = (project / "out-nl" / "report.html").read_text(encoding="utf-8")
    assert "<h3><code>legal-basis-stated</code> <span>Elk doeleinde heeft een rechtsgrond</span>" in page
    assert f"<h3><code>{HOUSE[0]}</code> <span lang=\"en\">" in page  # a check that brings no Dutch: marked English
