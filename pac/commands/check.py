"""``pac check PATH...``: run the check catalogue through pytest and report the findings."""

from __future__ import annotations

import argparse
import os
import shlex
from pathlib import Path
from typing import Generator

import pytest

from ..checking import SEVERITIES
from ..engine import notice_option
from ..plugin import GRANULARITIES
from ._common import add_as_of, add_input_arguments

EXIT_CODES = {pytest.ExitCode.OK: 0, pytest.ExitCode.TESTS_FAILED: 1}
"""pytest's exit codes -> pac's: 0 nothing at or above --fail-on, 1 findings, 2 anything else (invalid input, usage)."""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("check", help="run the GDPR check catalogue on declarations (through pytest)",
                                 description="Exit 0 when no finding is at or above --fail-on, 1 when one is, "
                                             "2 when the input is invalid.")
    add_input_arguments(parser)
    add_as_of(parser, "evaluate date-dependent rules on this date")
    parser.add_argument("--fail-on", choices=SEVERITIES, default="error",
                        help="the lowest severity that makes the run fail (default: error)")
    parser.add_argument("--report-dir", type=Path, metavar="DIR",
                        help="write findings.json and the other reports (and junit.xml) into DIR")
    parser.add_argument("--waivers", action="append", default=[], type=Path, metavar="FILE",
                        help="a waiver file besides the waivers.yaml files found next to the declarations")
    parser.add_argument("--notice", action="append", default=[], metavar="ORG=PATH", type=_notice,
                        help="a text copy of organisation ORG's privacy notice; every provenance quote is checked "
                             "against it (default: the declaration's notice.text_file)")
    parser.add_argument("--quiet", action="store_true",
                        help="print only the number of findings per organisation (the reports have them all)")
    parser.add_argument("--granularity", choices=GRANULARITIES,
                        help="one pytest item per check and subject (default), per check, or per organisation")
    parser.set_defaults(run=run)


def _notice(value: str) -> str:
    try:
        notice_option(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return value


def pytest_arguments(arguments: argparse.Namespace) -> list[str]:
    """The pytest command line that runs the catalogue on ``arguments.paths``."""
    paths = [str(Path(p).resolve()) for p in arguments.paths]
    # pytest reads '::' and '[' in a path as a node id, so it is given the nearest folder above each path
    # without them, and collects only the declarations below it (pac_only)
    collected = dict.fromkeys(str(_plain_ancestor(Path(p))) for p in paths)
    verbosity = ["-qq", "--tb=no", "-rN", "-o", "console_output_style=classic"] if arguments.quiet else ["--quiet"]
    args = [*collected, "-p", "no:cacheprovider", *verbosity, "--no-header", "--rootdir", os.getcwd(),
            "-o", "pac_paths=" + " ".join(shlex.quote(p) for p in paths), "-o", "pac_only=true",
            "--pac-fail-on", arguments.fail_on,
            "--pac-max-file-size", str(arguments.max_file_size)]
    if arguments.as_of:
        args += ["--pac-as-of", arguments.as_of.isoformat()]
    if arguments.report_dir:
        args += ["--pac-report-dir", str(arguments.report_dir), "--junitxml", str(arguments.report_dir / "junit.xml"),
                 "-o", "junit_family=xunit2", "-o", "junit_suite_name=pac"]
    for waiver in arguments.waivers:
        args += ["--pac-waivers", str(waiver)]
    for notice in arguments.notice:
        args += ["--pac-notice", notice]
    if arguments.granularity:
        args += ["--pac-granularity", arguments.granularity]
    return args


def _plain_ancestor(path: Path) -> Path:
    """``path``, or the nearest folder above it whose path pytest does not read as a node id."""
    while "::" in str(path) or "[" in str(path):
        path = path.parent
    return path


class Quiet:
    """For ``--quiet``: pytest reports no item, so that only the summary (the counts) is printed."""

    @pytest.hookimpl(wrapper=True)
    def pytest_report_teststatus(self) -> Generator[None, tuple, tuple]:
        category, _, _ = yield
        return category, "", ""


def run(arguments: argparse.Namespace) -> int:
    """Run pytest with pac's plugin; it writes the report folder (with junit.xml) as one unit."""
    return EXIT_CODES.get(pytest.main(pytest_arguments(arguments), plugins=[Quiet()] if arguments.quiet else []), 2)
