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
from ..output import folder_lock
from ..plugin import GRANULARITIES
from ..reports.junit import strip_volatile
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
    verbosity = ["-qq", "--tb=no", "-rN", "-o", "console_output_style=classic"] if arguments.quiet else ["--quiet"]
    args = [*paths, "-p", "no:cacheprovider", *verbosity, "--no-header", "--rootdir", os.getcwd(),
            "-o", "pac_paths=" + " ".join(shlex.quote(p) for p in paths), "--pac-fail-on", arguments.fail_on,
            "--pac-max-file-size", str(arguments.max_file_size)]
    if arguments.as_of:
        args += ["--pac-as-of", arguments.as_of.isoformat()]
    if arguments.report_dir:
        args += ["--pac-report-dir", str(arguments.report_dir), "--junitxml", str(_private_junit(arguments.report_dir)),
                 "-o", "junit_family=xunit2", "-o", "junit_suite_name=pac"]
    for waiver in arguments.waivers:
        args += ["--pac-waivers", str(waiver)]
    for notice in arguments.notice:
        args += ["--pac-notice", notice]
    if arguments.granularity:
        args += ["--pac-granularity", arguments.granularity]
    return args


def _private_junit(report_dir: Path) -> Path:
    """Where pytest writes this run's junit.xml: pytest writes in place and unlocked, so a concurrent run
    into the same folder could interleave with it; the whole file then replaces junit.xml under the lock."""
    return report_dir / f".junit.{os.getpid()}.xml"


class Quiet:
    """For ``--quiet``: pytest reports no item, so that only the summary (the counts) is printed."""

    @pytest.hookimpl(wrapper=True)
    def pytest_report_teststatus(self) -> Generator[None, tuple, tuple]:
        category, _, _ = yield
        return category, "", ""


def run(arguments: argparse.Namespace) -> int:
    code = pytest.main(pytest_arguments(arguments), plugins=[Quiet()] if arguments.quiet else [])
    junit = _private_junit(arguments.report_dir) if arguments.report_dir else None
    if junit is not None and junit.exists():
        strip_volatile(junit)
        with folder_lock(arguments.report_dir):
            os.replace(junit, arguments.report_dir / "junit.xml")
    return EXIT_CODES.get(code, 2)
