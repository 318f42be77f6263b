"""The one engine factory: pac's entry points plus the pac hooks of the plugins pytest loads for the paths
(``conftest.py`` files and the modules their ``pytest_plugins`` name), for the plugin and every command."""

from __future__ import annotations

import os
from pathlib import Path
from types import FunctionType, ModuleType
from typing import Iterable, Sequence

import pluggy
import pytest
from _pytest.config import _prepareconfig

from ..engine import Engine


class PluginError(Exception):
    """A plugin pac loads is broken: a conftest.py that fails to import, two checks with one id, bad reference data.
    ``message`` says which and why, ``hint`` what to do; ``str()`` gives both, on two lines."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message + (f"\n  hint: {hint}" if hint else ""))
        self.message, self.hint = message, hint


def base_arguments(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The pytest arguments every pac command starts from: the paths (absolute), the working folder as the
    rootdir, and no pytest cache (pac keeps its own)."""
    # pytest reads '::' and '[' in a path as a node id, so it is given the nearest folder above each path
    # without them (``pac check`` then collects only the declarations below it: ``pac_only``)
    folders = dict.fromkeys(str(_plain_ancestor(Path(p).resolve())) for p in paths)
    return [*folders, "--rootdir", os.getcwd(), "-p", "no:cacheprovider"]


def _plain_ancestor(path: Path) -> Path:
    """``path``, or the nearest folder above it whose path pytest does not read as a node id."""
    while "::" in str(path) or "[" in str(path):
        path = path.parent
    return path


def engine_of(plugins: pluggy.PluginManager) -> Engine:
    """The engine of pac's entry points and of the modules among pytest's ``plugins`` that implement pac hooks."""
    modules = [p for p in plugins.get_plugins() if isinstance(p, ModuleType) and _has_pac_hooks(p)]
    try:
        return Engine.from_plugins(modules)
    except ValueError as error:
        raise PluginError(str(error)) from None


def engine_for(paths: Sequence[str | os.PathLike[str]]) -> Engine:
    """The engine ``pac check paths`` (and so pytest) runs with: the plugins pytest loads for ``paths``, read
    with pytest's own configuration machinery (its rootdir, ini file, ``-p`` and ``conftest.py`` rules)."""
    try:
        config = _prepareconfig([*base_arguments(paths), "--capture=no"])
    except pytest.UsageError as error:
        raise PluginError(f"pytest cannot start: {error}") from None
    except Exception as error:  # a conftest.py that fails to import, pytest's ConftestImportFailure among them
        raise PluginError(f"cannot load the pytest plugins for {', '.join(map(str, paths))}: {error}",
                          "fix that file; `pytest` shows where it fails") from None
    try:
        return engine_of(config.pluginmanager)
    finally:
        config._ensure_unconfigure()


def _has_pac_hooks(module: ModuleType) -> bool:
    # pac.hookimpl marks the function itself; look only at functions (getattr on pytest.mark would make a marker)
    return any(isinstance(value, FunctionType) and "pac_impl" in vars(value) for value in vars(module).values())
