"""Outputs pac may not write: a report folder or a ``-o``/``--out`` path in a folder the user cannot write to.
Each command exits 2 with one clean error line and a hint, prints no traceback, and changes nothing.

Root may write anywhere: when the suite runs as root, each command runs without the capabilities that let
root ignore a folder's permissions (``CAP_DAC_OVERRIDE``, ``CAP_DAC_READ_SEARCH``, ``CAP_FOWNER``), so that
the read-only folder ``ro`` is read-only for it too."""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

from pac.output import OutputError, ReportFolder, write_output

PR_CAPBSET_DROP = 24
"""prctl(2): drop a capability from the bounding set, and so from every program the process runs."""
OVERRIDES = (1, 2, 3)
"""CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER (linux/capability.h)."""
DECLARATION = """\
pac: 1
organisation: org1
activities:
  - id: service
    name: Service
    purposes: [{id: deliver, name: Deliver the service, provenance: {section: Doelen, quote: leveren}}]
    provenance: {section: Dienst, quote: dienst}
"""
FIDES = Path(__file__).parents[1] / "fixtures" / "fides" / "systems.yml"
REPORTS = ("findings.json", "junit.xml", "report.html", "report.md", "report.sarif")


@pytest.fixture
def work() -> Iterator[Path]:
    """A work folder with a declaration, a notice, and the read-only folder ``ro``
    holding an old report set and an old record."""
    work = Path(tempfile.mkdtemp(prefix="pac-unwritable-"))
    try:
        (work / "policies").mkdir()
        (work / "policies" / "org1.yaml").write_text(DECLARATION, encoding="utf-8")
        (work / "notice.txt").write_text("Wij bewaren je e-mailadres om je te helpen.\n", encoding="utf-8")
        shutil.copy(FIDES, work / "systems.yml")
        (work / "ro" / "reports").mkdir(parents=True)
        for name in REPORTS:
            (work / "ro" / "reports" / name).write_text(f"old {name}", encoding="utf-8")
        (work / "ro" / "record.md").write_text("old record", encoding="utf-8")
        for path in (work / "ro", work / "ro" / "reports"):
            path.chmod(0o555)
        yield work
    finally:
        for path in (work / "ro", work / "ro" / "reports"):
            path.chmod(0o755)
        shutil.rmtree(work)


def snapshot(work: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``work`` but pac's cache of validated declarations."""
    return {str(p.relative_to(work)): None if p.is_dir() else p.read_bytes() for p in sorted(work.rglob("*"))
            if ".pac_cache" not in p.relative_to(work).parts}


def without_overrides() -> None:
    """In the child, before it runs pac: give up what lets root write to a read-only folder."""
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    for capability in OVERRIDES:
        if prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run(work: Path, *args: str) -> subprocess.CompletedProcess:
    """``pac ARGS`` in ``work``, unable to write to ``ro`` even when the suite runs as root."""
    return subprocess.run([sys.executable, "-m", "pac", *args], cwd=work, capture_output=True, text=True, timeout=300,
                          preexec_fn=without_overrides if os.geteuid() == 0 else None)


@pytest.mark.parametrize("args", [
    ("check", "policies", "--as-of", "2024-06-01", "--report-dir", "ro/reports", "--quiet"),
    ("check", "policies", "--as-of", "2024-06-01", "--report-dir", "ro/new", "--quiet"),
    ("check", "policies", "--as-of", "2024-06-01", "--report-dir", "ro/reports/deeper", "--quiet"),
    ("ropa", "policies", "--as-of", "2024-06-01", "--format", "md", "-o", "ro/record.md"),
    ("ropa", "policies", "--as-of", "2024-06-01", "-o", "ro/record.csv"),
    ("graph", "policies", "--as-of", "2024-06-01", "--out", "ro/graphs", "--format", "dot"),
    ("graph", "policies", "--as-of", "2024-06-01", "--out", "ro/reports", "--format", "dot"),
    ("draft", "notice.txt", "-o", "ro/org2.yaml"),
    ("draft", "notice.txt", "-o", "ro/deeper/org2.yaml"),
    ("draft", "notice.txt", "--org", "org2", "--check", "--report-dir", "ro/reports"),
    ("import", "fides", "systems.yml", "-o", "ro/imported.yaml"),
    ("init", "ro/repository"),
], ids=lambda args: " ".join(args[:1] + args[-2:]))
def test_an_output_in_a_folder_the_user_cannot_write_is_a_clean_error_and_changes_nothing(work: Path, args):
    before = snapshot(work)
    result = run(work, *args)
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output and "cannot write" in output, output
    error = next(line for line in result.stderr.splitlines() if "cannot write" in line)
    hint = result.stderr.splitlines()[result.stderr.splitlines().index(error) + 1]
    assert hint.startswith("  hint: ") and "write" in hint, output
    assert snapshot(work) == before


def test_a_read_only_file_system_gets_its_own_hint(monkeypatch, tmp_path: Path):
    def read_only(*_, **__):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(OutputError) as raised:
        write_output(tmp_path / "x.csv", "new")
    assert raised.value.hint == "the file system is read-only: give a path on a writable one"
    monkeypatch.setattr(tempfile, "mkdtemp", read_only)
    with pytest.raises(OutputError) as raised:
        ReportFolder(tmp_path / "reports").stage()
    assert "cannot write the report folder" in raised.value.message and "read-only" in raised.value.hint


def test_names_in_an_output_error_cannot_drive_the_terminal():
    error = OutputError("cannot write a\x1b[2Jb/x: Permission denied", "give a path\u202e elsewhere")
    assert error.format() == ("pac: error: cannot write a\\x1b[2Jb/x: Permission denied\n"
                              "  hint: give a path\\u202e elsewhere")
