"""``pac check PATH...``: run the check catalogue through pytest and report the findings."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path
from typing import Generator

import pytest

from ..pytest import options
from ..pytest.plugins import base_arguments

UNUSED_PLUGINS = ("hypothesispytest",)
"""pytest plugins that cannot act in ``pac check``, which collects declarations only (``pac_only``): where
hypothesis is installed, its plugin imports it (some 0.15 s of every run) for property tests that never run."""
EXIT_CODES = {pytest.ExitCode.OK: 0, pytest.ExitCode.TESTS_FAILED: 1}
"""pytest's exit codes -> pac's: 0 nothing at or above --fail-on, 1 findings, 2 anything else (invalid input, usage)."""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("check", help="run the GDPR check catalogue on declarations (through pytest)",
                                 description="Exit 0 when no finding is at or above --fail-on, 1 when one is, "
                                             "2 when the input is invalid.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="declaration files or folders of them")
    options.add_to_argparse(parser)  # the options of pac's pytest plugin, without their --pac- prefix
    parser.add_argument("--quiet", action="store_true",
                        help="print only the number of findings per organisation (the reports have them all)")
    parser.set_defaults(run=run)


def pytest_arguments(arguments: argparse.Namespace) -> list[str]:
    """The pytest command line that runs the catalogue on ``arguments.paths``."""
    paths = [str(Path(p).resolve()) for p in arguments.paths]
    verbosity = ["-qq", "--tb=no", "-rN", "-o", "console_output_style=classic"] if arguments.quiet else ["--quiet"]
    unused = [argument for name in UNUSED_PLUGINS for argument in ("-p", f"no:{name}")]
    args = [*base_arguments(paths), *unused, *verbosity, "--no-header",
            "-o", "pac_paths=" + " ".join(shlex.quote(p) for p in paths), "-o", "pac_only=true",
            *options.pytest_arguments(arguments)]
    if arguments.pac_report_dir:  # written into the report folder's staging folder, with the other reports
        args += ["--junitxml", str(arguments.pac_report_dir / "junit.xml"),
                 "-o", "junit_family=xunit2", "-o", "junit_suite_name=pac"]
    return args


class Quiet:
    """For ``--quiet``: pytest reports no item, so that only the summary (the counts) is printed; but every
    input error is (``--tb=no`` would leave only pytest's count of them)."""

    def pytest_configure(self, config: pytest.Config) -> None:
        self.config = config

    @pytest.hookimpl(wrapper=True)
    def pytest_report_teststatus(self) -> Generator[None, tuple, tuple]:
        category, _, _ = yield
        return category, "", ""

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.config.pluginmanager.get_plugin("terminalreporter").write_line(report.longreprtext)


def run(arguments: argparse.Namespace) -> int:
    """Run pytest with pac's plugin; it writes the report folder (with junit.xml) as one unit."""
    return EXIT_CODES.get(pytest.main(pytest_arguments(arguments), plugins=[Quiet()] if arguments.quiet else []), 2)
