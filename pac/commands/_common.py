"""Arguments and output shared by several commands."""

from __future__ import annotations

import argparse
import sys

from ..errors import InvalidInput
from ..yamlio import DEFAULT_LIMITS, Limits


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1 byte")
    return value


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


def report_invalid(error: InvalidInput) -> None:
    """Print every input error to stderr, then a count."""
    for problem in error.errors:
        print(problem.format(), file=sys.stderr)
    files = len({problem.location.file for problem in error.errors})
    print(f"pac: {len(error.errors)} error{'s' * (len(error.errors) != 1)} in {files} file{'s' * (files != 1)}",
          file=sys.stderr)
