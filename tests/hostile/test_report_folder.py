"""Nothing is lost, round two: the report folder changes as one unit (an interrupted or killed run leaves the
previous set and no staging folder), ``-o`` writes through streams and devices and never replaces a folder
or an input, and no report replaces a waiver file or a notice text."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pac.output import OutputError, ReportFolder, write_output

DECLARATION = """\
pac: 1
organisation: {org}
activities:
  - id: service
    name: Service
    purposes: [{{id: deliver, name: Deliver the service, provenance: {{section: Doelen, quote: leveren}}}}]
    provenance: {{section: Dienst, quote: dienst}}
"""
ORGANISATIONS = ("org1", "org2", "org3", "org4")
CHECK = [sys.executable, "-m", "pac", "check", "policies", "--as-of", "2024-06-01", "--report-dir", "reports", "--quiet"]


@pytest.fixture
def work(tmp_path: Path) -> Path:
    policies = tmp_path / "policies"
    policies.mkdir()
    for org in ORGANISATIONS:
        (policies / f"{org}.yaml").write_text(DECLARATION.format(org=org), encoding="utf-8")
    return tmp_path


def tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def leftovers(work: Path) -> list[str]:
    return [p.name for p in work.iterdir() if ".pac-staging" in p.name]


def previous_set(work: Path) -> dict[str, bytes]:
    """A complete report set from an earlier run, to be kept whole."""
    assert subprocess.run(CHECK, cwd=work, capture_output=True, timeout=300).returncode == 1
    reports = tree(work / "reports")
    assert set(reports) == {"findings.json", "junit.xml", "report.html", "report.md", "report.sarif"}
    return reports


SIGNALLED = "signalled"
"""The file the conftest of :func:`signal_at_third_organisation` writes just before it sends the signal."""


def signal_at_third_organisation(work: Path, number: int) -> None:
    """A conftest that sends ``number`` to the run when its first item of org3 runs (about 60% through), and
    writes :data:`SIGNALLED` first. SIGINT is set to raise KeyboardInterrupt, as in a terminal's foreground: a
    process started with SIGINT ignored (the suite run as ``make test &`` from a script) ignores it, and the run
    would end as if it had never been sent."""
    (work / "conftest.py").write_text(
        "import os, pathlib, signal\n"
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "def pytest_runtest_logstart(nodeid, location):\n"
        "    if 'org3' in nodeid:\n"
        f"        pathlib.Path({SIGNALLED!r}).write_text(nodeid)\n"
        f"        os.kill(os.getpid(), {number})\n", encoding="utf-8")


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["SIGINT", "SIGTERM", "SIGKILL"])
def test_an_interrupted_run_leaves_the_previous_report_set_whole(work: Path, number: int):
    before = previous_set(work)
    signal_at_third_organisation(work, number)
    (work / "policies" / "org1.yaml").write_text(DECLARATION.format(org="org1").replace("Service", "Changed"))
    result = subprocess.run(CHECK, cwd=work, capture_output=True, text=True, timeout=300)
    signalled = work / SIGNALLED
    assert signalled.exists() and "org3.yaml::" in signalled.read_text(), "never signalled"  # in the middle of the run
    assert result.returncode == (-signal.SIGKILL if number == signal.SIGKILL else 2), f"not interrupted:\n{result.stdout}"
    assert "Traceback" not in result.stdout + result.stderr
    assert tree(work / "reports") == before
    if number != signal.SIGKILL:  # a killed process cleans up nothing: the next run removes what it left
        assert leftovers(work) == []
        return
    (work / "conftest.py").unlink()
    assert subprocess.run(CHECK, cwd=work, capture_output=True, timeout=300).returncode == 1
    assert leftovers(work) == [] and tree(work / "reports") != before


def test_files_kept_in_the_report_folder_survive_and_inputs_there_are_never_replaced(work: Path):
    previous_set(work)
    reports = work / "reports"
    (reports / ".gitignore").write_text("*\n")
    (reports / "waivers.yaml").write_text("pac: 1\nwaivers: []\n")
    result = subprocess.run([*CHECK, "--waivers", "reports/waivers.yaml"], cwd=work, capture_output=True, timeout=300)
    assert result.returncode == 1
    assert (reports / ".gitignore").read_text() == "*\n" and (reports / "waivers.yaml").exists()
    for option in (["--waivers", "reports/report.md"], ["--notice", "org1=reports/findings.json"]):
        name = option[1].rpartition("/")[2]
        (reports / name).write_text("pac: 1\nwaivers: []\n")
        before = tree(reports)
        result = subprocess.run([*CHECK, *option], cwd=work, capture_output=True, text=True, timeout=300)
        assert result.returncode == 2 and "Traceback" not in result.stdout + result.stderr, result.stdout
        assert f"refusing to write reports/{name}: it is one of the input files" in result.stdout
        assert tree(reports) == before and leftovers(work) == []


def test_a_linked_report_folder_stays_a_link(work: Path):
    (work / "real").mkdir()
    (work / "reports").symlink_to("real")
    assert subprocess.run(CHECK, cwd=work, capture_output=True, timeout=300).returncode == 1
    assert (work / "reports").is_symlink() and (work / "real" / "findings.json").exists()


@pytest.mark.parametrize("layout, problem", [
    ("nested", "the report folder reports holds the folder sub; pac replaces the report folder as a whole"),
    ("here", "the report folder . holds the working folder")])
def test_a_folder_that_is_not_a_report_folder_is_refused(work: Path, layout: str, problem: str):
    (work / "reports" / "sub").mkdir(parents=True)
    args = [*CHECK[:-2], "reports" if layout == "nested" else ".", "--quiet"]
    result = subprocess.run(args, cwd=work, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2 and problem in result.stderr and "Traceback" not in result.stderr


def test_a_report_folder_commit_without_the_atomic_exchange_still_ends_whole(tmp_path: Path, monkeypatch):
    import pac.output

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "findings.json").write_text("old")
    (folder / "keep.txt").write_text("mine")
    monkeypatch.setattr(pac.output.sys, "platform", "darwin")  # no renameat2: two renames
    report = ReportFolder(folder)
    (report.stage() / "findings.json").write_text("new")
    report.commit()
    assert tree(folder) == {"findings.json": b"new", "keep.txt": b"mine"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


def test_a_discarded_stage_leaves_nothing(tmp_path: Path):
    report = ReportFolder(tmp_path / "reports")
    (report.stage() / "findings.json").write_text("new")
    report.discard()
    assert list(tmp_path.iterdir()) == []


# -- -o -----------------------------------------------------------------------------------------------

def test_output_dash_is_standard_output(capfdbinary):
    write_output("-", "a record\n")
    assert capfdbinary.readouterr().out == b"a record\n"


def test_output_to_a_pipe_or_a_device_writes_through_and_never_unlinks(tmp_path: Path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    write_output(fifo, "through the pipe\n")
    assert reader.communicate(timeout=30)[0] == b"through the pipe\n"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    link = tmp_path / "null"
    link.symlink_to("/dev/null")
    write_output(link, "gone\n")
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_refuses_a_folder_and_every_name_of_an_input(tmp_path: Path):
    declaration = tmp_path / "demo.yaml"
    declaration.write_text("pac: 1\n")
    os.link(declaration, tmp_path / "hard.yaml")
    (tmp_path / "soft.yaml").symlink_to("demo.yaml")
    with pytest.raises(OutputError, match="is a folder"):
        write_output(tmp_path, "x")
    for name in ("demo.yaml", "hard.yaml", "soft.yaml"):
        with pytest.raises(OutputError, match="it is one of the input files"):
            write_output(tmp_path / name, "x", [declaration])
    assert declaration.read_text() == "pac: 1\n"


@pytest.mark.parametrize("command", [["ropa", "policies"], ["import", "fides", "manifest.yml"]])
def test_commands_with_output_files_refuse_folders_and_write_pipes(work: Path, run_pac, command: list[str]):
    (work / "manifest.yml").write_text("system:\n  - fides_key: app\n    name: App\n    system_type: Service\n"
                                       "    privacy_declarations: []\n")
    folder = run_pac(*command, "-o", "policies", cwd=work)
    assert folder.returncode == 2 and "is a folder" in folder.stderr and "Traceback" not in folder.stderr
    dash = run_pac(*command, "-o", "-", "--organisation" if "fides" in command else "--format", "app" if "fides"
                   in command else "csv", cwd=work)
    assert dash.returncode == 0 and dash.stdout and not (work / "-").exists()
    (work / "stdout").symlink_to("/proc/self/fd/1")
    linked = run_pac(*command, "-o", "stdout", *(["--organisation", "app"] if "fides" in command else []), cwd=work)
    assert linked.returncode == 0 and linked.stdout and (work / "stdout").is_symlink()
