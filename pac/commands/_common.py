"""Arguments and output shared by several commands."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import NamedTuple, Sequence

from ..engine import Engine, evaluation_date, notice_path
from ..errors import InvalidInput, LocatedError
from ..loader import discover, load_found
from ..model import Organisation
from ..waivers import Waiver, load_waivers
from ..yamlio import DEFAULT_LIMITS, Limits


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1 byte")
    return value


def _as_of(value: str) -> date:
    try:
        return evaluation_date(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_as_of(parser: argparse.ArgumentParser, purpose: str) -> None:
    """--as-of, the evaluation date (default: today), for ``purpose`` ("evaluate ... on this date")."""
    parser.add_argument("--as-of", type=_as_of, metavar="YYYY-MM-DD", help=f"{purpose} (default: today)")


def add_size_limit(parser: argparse.ArgumentParser) -> None:
    """--max-file-size, the input limit every command that reads YAML offers."""
    parser.add_argument("--max-file-size", type=_positive, default=DEFAULT_LIMITS.max_bytes, metavar="BYTES",
                        help=f"refuse YAML files larger than this (default {DEFAULT_LIMITS.max_bytes})")


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """PATH... and the input limits."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="declaration files or folders of them")
    add_size_limit(parser)


def limits(arguments: argparse.Namespace) -> Limits:
    return Limits(max_bytes=arguments.max_file_size)


class Loaded(NamedTuple):
    """The organisations under the given paths, the waivers beside them, and the files read (declarations,
    waiver files and notice texts: no output may replace one)."""

    organisations: tuple[Organisation, ...]
    waivers: tuple[Waiver, ...]
    inputs: tuple[Path, ...]


def load_checked(paths: Sequence[str | os.PathLike[str]], engine: Engine, limits: Limits) -> Loaded:
    """Load the declarations under ``paths`` on ``engine``'s reference data, and their waiver files checked
    against its catalogue; or raise :class:`InvalidInput` with every problem in both."""
    inputs = discover(paths)
    errors: list[LocatedError] = []
    try:
        organisations = load_found(paths, inputs, limits=limits, reference=engine.reference)
    except InvalidInput as invalid:
        organisations, errors = (), [*invalid.errors]
    try:
        waivers = load_waivers(inputs.waivers, limits)
        engine.validate_waivers(waivers)
    except InvalidInput as invalid:
        waivers, errors = (), [*errors, *invalid.errors]
    if errors:
        raise InvalidInput(errors)
    notices = (notice_path(organisation) for organisation in organisations)
    return Loaded(organisations, waivers, (*inputs.declarations, *inputs.waivers, *filter(None, notices)))


def report_invalid(error: InvalidInput) -> None:
    """Print every input error to stderr, then a count."""
    for problem in error.errors:
        print(problem.format(), file=sys.stderr)
    files = len({problem.location.file for problem in error.errors})
    print(f"pac: {len(error.errors)} error{'s' * (len(error.errors) != 1)} in {files} file{'s' * (files != 1)}",
          file=sys.stderr)
