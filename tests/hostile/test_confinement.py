"""Nothing leaks: a notice text a declaration names is read only inside the declaration's repository (no
absolute path outside it, no ``..`` or symbolic-link escape, regular files only); a path given on the
command line (``--notice ORG=PATH``) is the user's choice."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pac.engine import notice_text
from pac.errors import InvalidInput
from pac.loader import load

HEAD = "pac: 1\norganisation: demo\n"
BODY = ("activities:\n  - id: service\n    name: Service\n    purposes: [{id: deliver, name: Deliver, "
        "provenance: {section: S, quote: SECRET_TOKEN}}]\n    provenance: {section: S, quote: SECRET_TOKEN}\n")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository (marked by pyproject.toml) with its declarations in policies/ and a secret beside it."""
    root = tmp_path / "repo"
    (root / "policies").mkdir(parents=True)
    (root / "pyproject.toml").write_text("")
    (root / "notices").mkdir()
    (root / "notices" / "demo.txt").write_text("Wij verwerken SECRET_TOKEN niet.")
    (tmp_path / "secret.txt").write_text("SECRET_TOKEN=hunter2")
    return root


def declare(repo: Path, text_file: str) -> Path:
    path = repo / "policies" / "demo.yaml"
    path.write_text(HEAD + f"notice: {{text_file: {json.dumps(text_file)}, language: nl}}\n" + BODY)
    return path


@pytest.mark.parametrize("text_file, problem", [
    ("/proc/self/environ", "is an absolute path"),
    ("../../secret.txt", "leads out of the repository"),
    ("../notices/../../secret.txt", "leads out of the repository"),
    ("link.txt", "leads out of the repository"),
    ("fifo.txt", "is not a regular file"),
    ("../notices", "is not a regular file"),
])
def test_a_declaration_may_name_only_regular_files_inside_its_repository(repo: Path, text_file: str, problem: str):
    (repo / "policies" / "link.txt").symlink_to(repo.parent / "secret.txt")
    os.mkfifo(repo / "policies" / "fifo.txt")
    with pytest.raises(InvalidInput) as raised:
        load([declare(repo, text_file)])
    (error,) = raised.value.errors
    assert error.location.line == 3 and problem in error.message and error.hint


def test_a_notice_text_inside_the_repository_is_read(repo: Path):
    (repo / "policies" / "inner.txt").symlink_to("../notices/demo.txt")  # a link that stays inside
    for text_file in ("../notices/demo.txt", "inner.txt"):
        (organisation,) = load([declare(repo, text_file)])
        assert notice_text(organisation) == "Wij verwerken SECRET_TOKEN niet."


def test_validate_and_check_refuse_the_escape_with_the_same_located_error(repo: Path, run_pac):
    declare(repo, "/proc/self/environ")
    validate = run_pac("validate", "policies", cwd=repo)
    check = run_pac("check", "policies", "--as-of", "2024-06-01", "--report-dir", "reports", cwd=repo)
    expected = "policies/demo.yaml:3:9: error: notice.text_file '/proc/self/environ' is an absolute path"
    assert validate.returncode == check.returncode == 2
    assert expected in validate.stderr and expected in check.stdout
    assert not (repo / "reports").exists() and "hunter2" not in check.stdout + validate.stderr


def test_a_notice_given_on_the_command_line_may_lie_anywhere(repo: Path, run_pac):
    """The user's own choice: the quote is found in the text outside the repository (no quote finding)."""
    path = repo / "policies" / "demo.yaml"
    path.write_text(HEAD + "notice: {language: nl}\n" + BODY)
    args = ("check", "policies", "--as-of", "2024-06-01", "--report-dir", "reports")
    found = run_pac(*args, f"--notice=demo={repo.parent / 'secret.txt'}", cwd=repo)
    missing = run_pac(*args, f"--notice=demo={repo / 'notices' / 'demo.txt'}x", cwd=repo)
    assert found.returncode == missing.returncode == 1
    assert "quotes-found-in-notice" not in found.stdout and "not available" in missing.stdout


def test_a_revisions_notice_text_is_read_from_the_working_tree_only_inside_it(repo: Path, tmp_path: Path):
    """``pac diff REV:PATH`` reads a revision's notice text from the working tree, confined as there."""
    from pac.commands.diff import Version, _notice

    written = tmp_path / "written" / "policies"
    written.mkdir(parents=True)
    (written.parent / ".git").mkdir()  # as pac diff marks the folder it writes a revision into
    declare(repo, "../notices/demo.txt")
    copy = written / "demo.yaml"
    copy.write_text((repo / "policies" / "demo.yaml").read_text())
    (revision,) = load([copy])
    version = Version(copy, written, repo / "policies")
    assert _notice(revision, version) == repo / "policies" / "../notices/demo.txt"
    (repo / "notices" / "demo.txt").unlink()
    (repo / "notices" / "demo.txt").symlink_to(tmp_path / "secret.txt")
    assert _notice(revision, version) is None
