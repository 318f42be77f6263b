"""The contributor documentation names only what exists: ARCHITECTURE.md, the README's Development section and
checks/README.md point at real files, and the vocabulary table of checks/README.md at real helpers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pac import checking, model

ROOT = Path(__file__).parents[1]
PATH = re.compile(r"`((?:[a-z_]+/)*[a-z_<>.-]+(?:\.py|\.yaml|\.md|/))`")
"""A path in back quotes: ``pac/checking.py``, ``reports/``, ``retention.yaml``."""
WHERE = ("", "pac/", "pac/reference/data/", "tests/")
EXAMPLES = {"pass.yaml", "fail.yaml"}
"""The names of every check's two examples, in ``tests/fixtures/checks/<check-id>/``."""


def exists(path: str) -> bool:
    """Whether ``path`` is a file or folder of the repository: from the root or a usual base (``pac/``), or,
    for a bare file name such as ``plugin.py``, anywhere in ``pac/``."""
    if any((ROOT / base / path).exists() for base in WHERE):
        return True
    return "/" not in path and any((ROOT / "pac").rglob(path))


def development_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Development"):]
    return section.split("\n## ", 1)[0]


@pytest.mark.parametrize("name, text", [
    ("ARCHITECTURE.md", (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")),
    ("README.md Development", development_section()),
    ("checks/README.md", (ROOT / "checks" / "README.md").read_text(encoding="utf-8")),
])
def test_every_path_named_exists(name: str, text: str):
    named = {m for m in PATH.findall(text) if "<" not in m and m not in EXAMPLES}
    assert named, name
    missing = [p for p in sorted(named) if not exists(p)]
    assert missing == [], f"{name} names {missing}"


def test_every_helper_in_the_vocabulary_table_exists():
    text = (ROOT / "checks" / "README.md").read_text(encoding="utf-8")
    table = text[text.index("## The vocabulary a check uses"):].split("\n## ", 1)[0]
    owners = {"purpose": model.Purpose, "recipient": model.Recipient, "organisation": model.Organisation,
              "rule": model.Retention, "ctx": checking.Context}
    used = re.findall(r"`(purpose|recipient|organisation|rule|ctx)\.([a-z_]+)", table)
    assert len(used) > 15
    assert [f"{o}.{a}" for o, a in used if not hasattr(owners[o], a)] == []
