"""``pac init [DIR]``: start a compliance repository that ``pytest`` checks at once.

It holds an example declaration with the notice it encodes, a house check, ``conftest.py``, a waiver
file, a GitHub Actions workflow, a pre-commit configuration and the declaration schema for editors.
The files come from ``pac/scaffold/``; a name there starting with ``dot-`` is written starting with
``.`` (package data leaves hidden files out). The workflow installs the pac that wrote it
(``pac-gdpr==VERSION``), or what ``--pac-requirement`` names.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from .. import DISTRIBUTION, __version__
from ..errors import printable
from ..output import OutputError, write_atomic

SCHEMA_FILE = "schema/declaration.schema.json"
"""Where the declaration schema goes, for the ``yaml-language-server`` modeline of the example."""

WORKFLOW = ".github/workflows/pac.yml"
REQUIREMENT = b"@PAC_REQUIREMENT@"
"""Where the workflow names what it installs."""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "init", help="start a compliance repository: example declaration, house check, CI and pre-commit",
        description="Write a compliance repository into DIR that `pytest` checks at once. Exit 0 when written, "
                    "2 when a file it would write exists already (nothing is replaced).")
    parser.add_argument("directory", nargs="?", default=Path("."), type=Path, metavar="DIR",
                        help="where to write it (default: the current folder)")
    parser.add_argument("--pac-requirement", type=requirement, default=f"{DISTRIBUTION}=={__version__}", metavar="SPEC",
                        help="what the CI workflow installs with pip: a version, a wheel or a git URL "
                             f"(default: {DISTRIBUTION}=={__version__}, this pac)")
    parser.set_defaults(run=run)


def requirement(spec: str) -> str:
    """``spec`` when it is one line of printable text that GitHub Actions takes literally."""
    if not spec.strip() or not spec.isprintable() or "${{" in spec:
        raise argparse.ArgumentTypeError(f"{spec!r} is not a pip requirement: give one line, e.g. "
                                         f"'{DISTRIBUTION}=={__version__}' or 'git+https://host/pac.git@v{__version__}'")
    return spec.strip()


def scaffold(pac_requirement: str = f"{DISTRIBUTION}=={__version__}") -> dict[str, bytes]:
    """Every file ``pac init`` writes, by its path in the new repository, sorted; the workflow installs
    ``pac_requirement``."""
    found: dict[str, bytes] = {}

    def walk(folder: Traversable, prefix: str) -> None:
        for entry in folder.iterdir():
            name = "." + entry.name[len("dot-"):] if entry.name.startswith("dot-") else entry.name
            if entry.is_dir() and entry.name != "__pycache__":
                walk(entry, f"{prefix}{name}/")
            elif entry.is_file() and not entry.name.endswith(".pyc"):
                found[prefix + name] = entry.read_bytes()

    walk(files("pac") / "scaffold", "")
    found[SCHEMA_FILE] = (files("pac") / "schema" / "declaration.schema.json").read_bytes()
    found[WORKFLOW] = found[WORKFLOW].replace(REQUIREMENT, json.dumps(pac_requirement).encode())  # JSON is YAML
    return dict(sorted(found.items()))


def run(arguments: argparse.Namespace) -> int:
    target: Path = arguments.directory
    content = scaffold(arguments.pac_requirement)
    existing = [name for name in content if os.path.lexists(target / name)]
    if existing:
        print(f"pac init: {target} already has {', '.join(existing)}; nothing was written", file=sys.stderr)
        return 2
    try:
        for name, data in content.items():
            write_atomic(target / name, data)
    except OutputError as error:
        print(error.format("pac init"), file=sys.stderr)
        return 2
    print(f"pac init: a compliance repository in {target}\n"
          "  policies/example.yaml   an example declaration of notices/example.txt: replace both with your own\n"
          "  checks/house_rules.py   a check of your own, loaded by conftest.py\n"
          "  policies/waivers.yaml   findings you accept, with a reason and an owner\n"
          "  .github/workflows/pac.yml, .pre-commit-config.yaml   CI and pre-commit\n"
          f"next: cd {target} && pytest")
    return 0
