"""``pac import fides PATH...``: convert other tools' records into a pac declaration.

(The module is called ``imports`` because ``import`` is a Python keyword.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InvalidInput, printable
from ..fides import convert, pac_id
from ..output import STDOUT, OutputError, write_output
from ..pytest import options
from ._common import limits, report_invalid


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("import", help="convert other tools' records (Fides manifests) into a pac declaration")
    sources = parser.add_subparsers(title="sources", metavar="SOURCE", required=True)
    fides = sources.add_parser(
        "fides", help="Fides (fideslang) manifests: systems, privacy declarations, data flows, organization",
        description="Write one pac declaration from Fides manifests. What Fides cannot state (the notice, countries, "
                    "recipients' roles, transfer tools per recipient) is left out, so that `pac check` reports it. "
                    "Exit 0 when written, 2 when a manifest is invalid.")
    fides.add_argument("paths", nargs="+", metavar="PATH", help="Fides manifest files (.yml, .yaml) or folders of them")
    fides.add_argument("-o", "--output", metavar="FILE",
                       help="write the declaration to FILE, e.g. policies/acme.yaml (default: standard output)")
    fides.add_argument("--organisation", metavar="ID",
                       help="the organisation id (default: the name of --output FILE, else the Fides organization key)")
    options.add_to_argparse(fides, ("max-file-size",))
    fides.set_defaults(run=run_fides)


def run_fides(arguments: argparse.Namespace) -> int:
    to_stdout = arguments.output in (None, STDOUT)
    organisation = arguments.organisation or (None if to_stdout else Path(arguments.output).stem)
    if organisation is not None and organisation != pac_id(organisation):
        print(f"pac import: {organisation!r} is no organisation id (lower-case letters, digits, '-', '_', '.'); "
              "give one with --organisation", file=sys.stderr)
        return 2
    try:
        imported = convert(arguments.paths, organisation, limits(arguments))
    except InvalidInput as error:
        report_invalid(error)
        return 2
    for dropped in imported.dropped:
        print(printable(f"{dropped.location}: warning: {dropped.message}"), file=sys.stderr)
    if imported.dropped:
        print(f"pac import: {len(imported.dropped)} Fides key{'s' * (len(imported.dropped) != 1)} left out (listed above)",
              file=sys.stderr)
    try:
        write_output(arguments.output or STDOUT, imported.to_yaml(), [Path(f) for f in imported.files])
    except OutputError as error:
        print(error.format("pac import"), file=sys.stderr)
        return 2
    if not to_stdout:
        print(printable(f"{imported.organisation}: written to {arguments.output}; run `pac check {arguments.output}` "
                        "to see what it lacks"), file=sys.stderr)
    return 0
