"""Nothing is lost: pac never writes into its input files, a report is replaced whole or not at all (a
crash mid-write leaves the previous one), and concurrent runs into one report folder do not corrupt it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pac.output import OutputError, write_atomic

DECLARATION = """\
pac: 1
organisation: demo
activities:
  - id: service
    name: Service
    purposes: [{id: deliver, name: Deliver the service, provenance: {section: Doelen, quote: leveren}}]
    provenance: {section: Dienst, quote: dienst}
"""


@pytest.fixture
def policies(tmp_path: Path) -> Path:
    folder = tmp_path / "policies"
    folder.mkdir()
    (folder / "demo.yaml").write_text(DECLARATION, encoding="utf-8")
    (folder / "waivers.yaml").write_text("pac: 1\nwaivers: []\n", encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_a_crash_before_the_rename_leaves_the_previous_report(tmp_path: Path):
    """The writing process is killed (SIGKILL: no clean-up runs) after writing the new content, before the rename."""
    report = tmp_path / "findings.json"
    report.write_text('{"previous": true}\n', encoding="utf-8")
    crash = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from pac.output import write_atomic
        os.replace = lambda *args: os.kill(os.getpid(), signal.SIGKILL)
        write_atomic(Path({str(report)!r}), "x" * 10_000_000)
    """)
    result = subprocess.run([sys.executable, "-c", crash], capture_output=True, timeout=120)
    assert result.returncode == -9
    assert report.read_text(encoding="utf-8") == '{"previous": true}\n'


def test_a_failed_write_leaves_the_previous_report_and_no_temporary_file(tmp_path: Path, monkeypatch):
    report = tmp_path / "report.md"
    report.write_text("previous\n", encoding="utf-8")

    def full_disk(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OutputError, match="No space left") as raised:  # a clean error, with what to do
        write_atomic(report, "new\n")
    assert raised.value.hint == "the disk is full: free some space, or give a path on another disk"
    assert report.read_text(encoding="utf-8") == "previous\n" and [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_an_input_file_is_never_replaced_not_even_through_a_link(policies: Path, tmp_path: Path):
    declaration = policies / "demo.yaml"
    with pytest.raises(OutputError, match="it is one of the input files"):
        write_atomic(declaration, "overwritten", inputs=[declaration])
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "report.md").symlink_to(declaration)
    with pytest.raises(OutputError):
        write_atomic(tmp_path / "reports" / "report.md", "overwritten", inputs=[declaration])
    assert declaration.read_text(encoding="utf-8") == DECLARATION


def test_check_and_validate_leave_the_policy_folder_as_it_was(policies: Path, run_pac, tmp_path: Path):
    before = snapshot(policies)
    assert run_pac("validate", "policies", cwd=tmp_path).returncode == 0
    assert run_pac("check", "policies", "--as-of", "2024-06-01", "--report-dir", "reports", cwd=tmp_path).returncode == 1
    assert snapshot(policies) == before


def test_reports_written_into_the_policy_folder_leave_the_declarations_alone(policies: Path, run_pac, tmp_path: Path):
    before = snapshot(policies)
    assert run_pac("check", "policies", "--as-of", "2024-06-01", "--report-dir", "policies", cwd=tmp_path).returncode == 1
    after = snapshot(policies)
    assert {name: after[name] for name in before} == before
    assert {"findings.json", "junit.xml", "report.html"} <= set(after)


@pytest.mark.parametrize("folder, problem", [
    ("policies/demo.yaml", "the report folder policies/demo.yaml is a file; give a folder"),
    ("/proc/no/such", "cannot write the report folder /proc/no/such: No such file or directory")])
def test_a_report_folder_that_cannot_be_made_is_a_usage_error(policies: Path, run_pac, tmp_path: Path, folder: str,
                                                              problem: str):
    before = snapshot(policies)
    result = run_pac("check", "policies", "--as-of", "2024-06-01", "--report-dir", folder, cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stdout + result.stderr
    assert f"--pac-report-dir: {problem}" in result.stderr
    assert snapshot(policies) == before


def test_concurrent_runs_into_one_report_folder_leave_whole_reports(policies: Path, tmp_path: Path):
    command = [sys.executable, "-m", "pac", "check", "policies", "--as-of", "2024-06-01", "--report-dir", "reports"]
    runs = [subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(3)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [1, 1, 1], outputs
    reports = tmp_path / "reports"
    findings = json.loads((reports / "findings.json").read_text(encoding="utf-8"))
    assert findings["organisations"][0]["id"] == "demo"
    json.loads((reports / "report.sarif").read_text(encoding="utf-8"))
    ET.parse(reports / "junit.xml")
    assert (reports / "report.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert not [p.name for p in reports.iterdir() if p.name.endswith(".tmp")]
