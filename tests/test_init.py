"""``pac init``: a compliance repository that pytest checks at once; and pac's pre-commit hooks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pac.cli import main
from pac.commands import COMMANDS
from pac.commands.init import SCHEMA_FILE, scaffold
from pac.reports import renderers
from pac.validation import schema

ROOT = Path(__file__).resolve().parents[1]
COMMAND_NAMES = {module.__name__.rpartition(".")[2] for module in COMMANDS} - {"imports"} | {"import"}


def pytest_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run pytest in ``folder`` as a user would (a fresh process, the folder's own configuration)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args], cwd=folder,
                          capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    folder = tmp_path_factory.mktemp("compliance")
    assert main(["init", str(folder)]) == 0
    return folder


def test_init_writes_the_scaffold_with_hidden_names(repository):
    written = sorted(str(p.relative_to(repository)) for p in repository.rglob("*")
                     if p.is_file() and "__pycache__" not in p.parts)
    assert written == list(scaffold())
    assert {".github/workflows/pac.yml", ".pre-commit-config.yaml", ".gitignore", "conftest.py", "pytest.ini",
            "checks/house_rules.py", "policies/example.yaml", "policies/waivers.yaml", SCHEMA_FILE} <= set(written)


def test_pytest_runs_in_the_new_repository_at_once(repository):
    done = pytest_in(repository)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "example: 0 errors" in done.stdout


def test_the_house_check_is_loaded_and_can_fail(repository, tmp_path):
    copy = tmp_path / "repo"
    shutil.copytree(repository, copy)
    example = copy / "policies" / "example.yaml"
    example.write_text(example.read_text(encoding="utf-8") + """\
  - id: couriers
    name: Couriers
    named: false
    role: recipient
    country: NL
    activities: [orders]
    provenance: {section: Your orders, quote: "to deliver your order"}
""", encoding="utf-8")
    done = pytest_in(copy, "--pac-fail-on", "warning")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAILED policies/example.yaml::house-recipients-named[recipients/couriers]" in done.stdout


def test_the_example_declaration_names_the_schema_it_is_written_against(repository):
    example = repository / "policies" / "example.yaml"
    modeline = example.read_text(encoding="utf-8").splitlines()[0]
    assert modeline == "# yaml-language-server: $schema=../schema/declaration.schema.json"
    target = (example.parent / modeline.partition("$schema=")[2]).resolve()
    assert json.loads(target.read_text(encoding="utf-8")) == schema("declaration")


def test_init_never_replaces_a_file(tmp_path, capsys):
    (tmp_path / "conftest.py").write_text("# mine\n", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    assert "conftest.py" in capsys.readouterr().err
    assert (tmp_path / "conftest.py").read_text(encoding="utf-8") == "# mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["conftest.py"]


def test_the_workflow_runs_pytest_and_publishes_the_reports_pac_writes(repository):
    workflow = yaml.safe_load((repository / ".github" / "workflows" / "pac.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    assert "pytest --pac-report-dir reports" in runs
    assert "reports/report.md" in runs and "$GITHUB_STEP_SUMMARY" in runs
    sarif = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert sarif["with"]["sarif_file"] == "reports/report.sarif"
    assert {"report.md", "report.sarif"} <= set(renderers())  # the names the workflow relies on
    review = " ".join(step.get("run", "") for step in workflow["jobs"]["review"]["steps"])
    assert 'pac diff "$BASE:policies/" policies/ --format md' in review


def hooks(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, list) else [h for repo in data["repos"] for h in repo["hooks"]]


@pytest.mark.parametrize("path", [ROOT / ".pre-commit-hooks.yaml", "scaffold"])
def test_pre_commit_hooks_run_pac_commands_on_the_policy_folder(path, repository, monkeypatch, capsys):
    found = hooks(repository / ".pre-commit-config.yaml" if path == "scaffold" else path)
    assert [h["id"] for h in found] == ["pac-validate", "pac-check"]
    for hook in found:
        command = [*hook["entry"].split(), *hook.get("args", [])]
        assert command[0] == "pac" and command[1] in COMMAND_NAMES and command[2:] == ["policies"]
        assert hook["pass_filenames"] is False  # an organisation spans files; waivers sit beside them
    monkeypatch.chdir(repository)
    validate = [*found[0]["entry"].split(), *found[0].get("args", [])]
    assert main(validate[1:]) == 0
    assert "example: valid" in capsys.readouterr().out


def test_every_command_module_is_registered():
    folder = Path(COMMANDS[0].__file__).parent
    modules = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    assert {module.__name__.rpartition(".")[2] for module in COMMANDS} == modules
