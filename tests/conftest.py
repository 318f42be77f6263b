"""Shared fixtures: write declarations into a temporary folder and load them, and run ``python -m pac``."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, Callable

import pytest

from pac.errors import InvalidInput, LocatedError
from pac.loader import load
from pac.model import Organisation

@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """``write(text, name="demo.yaml")``: write dedented YAML below a temporary folder."""

    def _write(text: str, name: str = "demo.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def load_one(write: Callable[..., Path]) -> Callable[[str], Organisation]:
    """``load_one(body)``: load organisation ``demo`` from a declaration body (``pac``/``organisation`` added)."""

    def _load(body: str) -> Organisation:
        (organisation,) = load([write("pac: 1\norganisation: demo\n" + textwrap.dedent(body))])
        return organisation

    return _load


@pytest.fixture
def errors_of(write: Callable[..., Path]) -> Callable[[str], list[LocatedError]]:
    """``errors_of(body)``: the located errors of a declaration body that must not load."""

    def _errors(body: str) -> list[LocatedError]:
        path = write("pac: 1\norganisation: demo\n" + textwrap.dedent(body))
        with pytest.raises(InvalidInput) as raised:
            load([path])
        return list(raised.value.errors)

    return _errors


@pytest.fixture(scope="session")
def run_pac() -> Callable[..., subprocess.CompletedProcess]:
    """``run_pac(*args, cwd=folder, **options)``: ``python -m pac *args`` in a subprocess (in this process's working
    directory unless ``cwd`` is given), its output captured as text; ``options`` go to :func:`subprocess.run` and
    override these defaults (e.g. ``text=False``)."""

    def _run(*args: str, cwd: Path | None = None, **options: Any) -> subprocess.CompletedProcess:
        options = {"capture_output": True, "text": True, "timeout": 300, **options}
        return subprocess.run([sys.executable, "-m", "pac", *args], cwd=cwd, **options)

    return _run
