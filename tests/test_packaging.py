"""pac as users get it: the sdist and wheel `python -m build` makes, installed outside this repository."""

from __future__ import annotations

import email.parser
import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from itertools import takewhile
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from pac import DISTRIBUTION, Engine

ROOT = Path(__file__).parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def clean_environment() -> dict[str, str]:
    """This process's environment without what pytest and xdist set for it."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_") and k != "PYTHONPATH"}


def not_sources(folder: str, names: list[str]) -> set[str]:
    """What a checkout holds besides its sources: virtualenvs, caches, build output, reports."""
    made = {n for n in names if n == "__pycache__" or n.endswith(".egg-info")}
    if Path(folder) == ROOT:
        made |= {n for n in names if n in {".git", "build", "dist", "reports", ".hypothesis"} or n.startswith((".venv", ".pytest"))}
    return made


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder with the sdist and the wheel built from it, by the locked build tools (no isolation), from a
    copy of this checkout: building writes build/ and *.egg-info/ into the source folder, and a stale egg-info
    there would stand for pac (its entry points) in every later run from it."""
    out, source = tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("source") / "pac"
    shutil.copytree(ROOT, source, ignore=not_sources)
    # run from ``out``: a build/ folder in the working folder would shadow the build package
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=300, cwd=out)
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    (found,) = dist.glob("*.whl")
    return found


def test_the_distribution_has_the_name_and_version_of_pyproject(dist: Path, wheel: Path):
    assert PROJECT["name"] == DISTRIBUTION
    stem = f"{DISTRIBUTION.replace('-', '_')}-{PROJECT['version']}"
    assert sorted(p.name for p in dist.iterdir()) == [f"{stem}-py3-none-any.whl", f"{stem}.tar.gz"]
    with zipfile.ZipFile(wheel) as archive:
        metadata = email.parser.Parser().parsestr(archive.read(f"{stem}.dist-info/METADATA").decode())
    assert (metadata["Name"], metadata["Version"]) == (DISTRIBUTION, PROJECT["version"])
    required = {str(Requirement(r)) for r in metadata.get_all("Requires-Dist") if "extra ==" not in r}
    assert required == {str(Requirement(r)) for r in PROJECT["dependencies"]}


def test_wheel_carries_the_catalogue_schemas_reference_data_and_scaffold(wheel: Path, tmp_path: Path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    names = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert {"pac/schema/declaration.schema.json", "pac/reference/data/adequacy.yaml", "pac/reports/templates/report.html",
            "pac/scaffold/conftest.py", "pac/scaffold/dot-github/workflows/pac.yml", "pac_checks/transfers.py",
            "pac/draft/data/services.yaml"} <= names
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    listed = subprocess.run([sys.executable, "-c", "import json, pac_checks, pac.cli; print(pac_checks.__file__); "
                             "pac.cli.main(['checks', '--json'])"], cwd=elsewhere, capture_output=True, text=True,
                            timeout=120, env={**clean_environment(), "PYTHONPATH": str(site)}, check=True).stdout
    location, catalogue = listed.split("\n", 1)
    assert Path(location).is_relative_to(site)  # the catalogue came from the wheel, not from this checkout
    assert {c["id"] for c in json.loads(catalogue)} == {c.id for c in Engine.from_plugins().checks}


def locked_versions() -> str:
    """requirements.lock as pip constraints: its pins without their hashes (pip checks hashes only when
    every requirement has one, which a freshly built wheel cannot)."""
    lines = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    return "".join(line.removesuffix("\\").strip() + "\n" for line in lines if line[:1].isalnum())


def test_the_wheel_installs_in_a_new_virtualenv_and_pac_init_runs_there(wheel: Path, tmp_path: Path):
    """A user's first steps: pip install the wheel, `pac init`, pytest; its CI workflow installs this very pac."""
    venv, repo = tmp_path / "venv", tmp_path / "compliance"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    (tmp_path / "constraints.txt").write_text(locked_versions(), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet",
                    str(wheel), "-c", str(tmp_path / "constraints.txt")], check=True, capture_output=True, timeout=600)

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(venv / "bin" / command[0]), *command[1:]], cwd=repo, capture_output=True, text=True,
                              timeout=300, env=clean_environment())

    repo.mkdir()
    assert run("pac", "init", ".").returncode == 0
    tested = run("python", "-m", "pytest", "-p", "no:cacheprovider")
    assert tested.returncode == 0 and "example: 0 errors" in tested.stdout, tested.stdout + tested.stderr
    checked = run("pac", "check", "policies")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    for output in (tested, checked):  # installed, not editable: pytest finds pac already imported
        assert "PytestAssertRewriteWarning" not in output.stdout + output.stderr
    where = run("python", "-c", "import pac; print(pac.__file__, pac.__version__)").stdout.split()
    assert Path(where[0]).is_relative_to(venv) and where[1] == PROJECT["version"]
    workflow = yaml.safe_load((repo / ".github" / "workflows" / "pac.yml").read_text(encoding="utf-8"))
    assert workflow["env"]["PAC"] == f"{DISTRIBUTION}=={PROJECT['version']}"


def test_every_dependency_has_a_tested_range_and_the_lock_pins_it_with_hashes():
    """pyproject.toml gives each dependency a lower and an upper bound; requirements.lock pins every package
    (of any platform) to one version in that range, with the hashes pip checks."""
    entries = (ROOT / "requirements.lock").read_text(encoding="utf-8").split("\n")
    pins: dict[str, list[tuple[Requirement, int]]] = {}
    for number, line in enumerate(entries):
        if line[:1].isalnum():
            pin = Requirement(line.removesuffix("\\"))
            hashes = len(list(takewhile(lambda following: following.strip().startswith("--hash=sha256:"), entries[number + 1:])))
            pins.setdefault(canonicalize_name(pin.name), []).append((pin, hashes))
    assert all(hashes and str(pin.specifier).startswith("==") for found in pins.values() for pin, hashes in found)
    for text in [*PROJECT["dependencies"], *(r for extra in PROJECT["optional-dependencies"].values() for r in extra)]:
        wanted = Requirement(text)
        operators = {spec.operator for spec in wanted.specifier}
        assert ">=" in operators and "<" in operators, text
        for pin, _ in pins[canonicalize_name(wanted.name)]:
            assert wanted.specifier.contains(str(pin.specifier).removeprefix("=="), prereleases=False), (text, str(pin))

