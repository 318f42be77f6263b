"""Arguments and output shared by several commands."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import NamedTuple, Sequence

from ..engine import Engine, notice_path
from ..errors import InvalidInput, LocatedError
from ..loader import discover, load_found
from ..model import Organisation
from ..waivers import Waiver, load_waivers
from ..pytest import options
from ..yamlio import Limits


def add_as_of(parser: argparse.ArgumentParser, purpose: str) -> None:
    """--as-of, the evaluation date (default: today), for ``purpose`` ("evaluate ... on this date")."""
    parser.add_argument("--as-of", type=options.as_of, metavar="YYYY-MM-DD", help=f"{purpose} (default: today)")


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """The input options every command that reads YAML offers (--max-file-size), from the option table."""
    options.add_to_argparse(parser, options.INPUT_OPTIONS)


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """PATH... and the input options."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="declaration files or folders of them")
    add_input_options(parser)


def limits(arguments: argparse.Namespace) -> Limits:
    return Limits(max_bytes=arguments.pac_max_file_size)


class Loaded(NamedTuple):
    """The organisations under the given paths, the waivers beside them, and the files read (declarations,
    waiver files and notice texts: no output may replace one)."""

    organisations: tuple[Organisation, ...]
    waivers: tuple[Waiver, ...]
    inputs: tuple[Path, ...]


def load_checked(paths: Sequence[str | os.PathLike[str]], engine: Engine, arguments: argparse.Namespace) -> Loaded:
    """Load the declarations under ``paths`` on ``engine``'s reference data (with the input options of
    ``arguments``), and their waiver files (with those of ``--waivers``, for a command that has it) checked
    against its catalogue; or raise :class:`InvalidInput` with every problem in both."""
    inputs = discover(paths)
    waiver_files = (*inputs.waivers, *getattr(arguments, "pac_waivers", ()))
    errors: list[LocatedError] = []
    try:
        organisations = load_found(paths, inputs, limits=limits(arguments), reference=engine.reference,
                                   cache=options.model_cache(arguments))
    except InvalidInput as invalid:
        organisations, errors = (), [*invalid.errors]
    try:
        waivers = load_waivers(waiver_files, limits(arguments))
        engine.validate_waivers(waivers)
    except InvalidInput as invalid:
        waivers, errors = (), [*errors, *invalid.errors]
    if errors:
        raise InvalidInput(errors)
    notices = (notice_path(organisation) for organisation in organisations)
    return Loaded(organisations, waivers, (*inputs.declarations, *waiver_files, *filter(None, notices)))


def report_invalid(error: InvalidInput) -> None:
    """Print every input error to stderr, then a count."""
    for problem in error.errors:
        print(problem.format(), file=sys.stderr)
    files = len({problem.location.file for problem in error.errors})
    print(f"pac: {len(error.errors)} error{'s' * (len(error.errors) != 1)} in {files} file{'s' * (files != 1)}",
          file=sys.stderr)
