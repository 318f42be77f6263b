"""``pac ropa PATH...``: write the record of processing activities (GDPR Art. 30(1)) as CSV, xlsx or Markdown."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..errors import InvalidInput, printable
from ..loader import load
from ..output import STDOUT, OutputError, write_output
from ..pytest import options
from ..pytest.plugins import engine_for
from ..reports.ropa import FORMATS, render
from ..ropa import records
from ._common import add_as_of, add_input_arguments, limits, report_invalid


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "ropa", help="write the Art. 30(1) record of processing activities (CSV, xlsx or Markdown)",
        description="One row per processing activity, with what the declarations state for each item of "
                    "GDPR Art. 30(1); an empty entry is a gap. Exit 0 when written, 2 when the input is invalid.")
    add_input_arguments(parser)
    parser.add_argument("--format", choices=FORMATS, default="csv", help="the output format (default: csv)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write the record to FILE, a file, pipe or device ('-' or default: standard output)")
    add_as_of(parser, "assess third-country transfers on this date")
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    if arguments.format == "xlsx" and arguments.output is None:
        print("pac ropa: the xlsx format is written to a file: add --output FILE.xlsx ('-o -' for standard output)",
              file=sys.stderr)
        return 2
    reference = engine_for(arguments.paths).reference
    try:
        organisations = load(arguments.paths, limits=limits(arguments), reference=reference,
                             cache=options.model_cache(arguments))
    except InvalidInput as error:
        report_invalid(error)
        return 2
    as_of = arguments.as_of or date.today()
    rows = [row for organisation in organisations for row in records(organisation, reference, as_of)]
    try:
        content = render(rows, arguments.format, as_of)
        inputs = [Path(f) for organisation in organisations for f in organisation.files]
        write_output(arguments.output or STDOUT, content, inputs)
        if arguments.output not in (None, STDOUT):
            print(printable(f"record of processing activities written to {arguments.output}"), file=sys.stderr)
    except OutputError as error:
        print(error.format("pac ropa"), file=sys.stderr)
        return 2
    except RuntimeError as error:
        print(printable(f"pac ropa: {error}"), file=sys.stderr)
        return 2
    return 0
