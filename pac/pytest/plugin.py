"""pac's pytest plugin (the ``pytest11`` entry point): the hooks pytest calls, each delegating to the
module of its concept.

Declarations are test files, and each check on each subject is an item:
``policies/wehelpen.yaml::transfer-tool-valid[recipients/mailchimp]`` passes when the check finds
nothing there at or above ``--pac-fail-on``, fails with a lawyer-readable report when it does, and is
reported as xfailed ("waived") when every such finding is waived. The folders pytest collects
declarations from are the ``pac_paths`` ini option (paths, or lines added by a ``conftest.py``);
``pac check`` runs this same plugin.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from . import collection, items, options, session


def pytest_addoption(parser: pytest.Parser) -> None:
    options.add_to_pytest(parser)


@pytest.hookimpl(tryfirst=True)  # before pytest's junitxml reads --junitxml (the session may redirect it)
def pytest_configure(config: pytest.Config) -> None:
    session.configure(config)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    return collection.ignore_collect(collection_path, config)


def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    return collection.collect_directory(path, parent)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    return collection.collect_file(file_path, parent)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    items.make_report(item, call, report)
    return report


@pytest.hookimpl(wrapper=True, tryfirst=True)  # around pytest's terminal summary, so before it
def pytest_terminal_summary(terminalreporter: Any) -> Iterator[None]:
    items.drop_empty_phases(terminalreporter)
    return (yield)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> bool | None:
    return items.protocol(item)
