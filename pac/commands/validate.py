"""``pac validate PATH...``: check that declarations (and the waiver files beside them) are well-formed and consistent."""

from __future__ import annotations

import argparse

from ..engine import Engine
from ..errors import InvalidInput, LocatedError, printable
from ..loader import discover, load
from ..waivers import load_waivers
from ._common import add_input_arguments, limits, report_invalid


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("validate", help="validate declarations against the schema and their references",
                                 description="Exit 0 when every declaration and waiver file is valid, 2 when any is not.")
    add_input_arguments(parser)
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    errors: list[LocatedError] = []
    try:
        organisations = load(arguments.paths, limits=limits(arguments))
    except InvalidInput as error:
        organisations, errors = (), [*error.errors]
    waiver_files = discover(arguments.paths).waivers
    if waiver_files:
        try:  # the catalogue knows the check ids that waivers may name
            Engine.from_plugins().validate_waivers(load_waivers(waiver_files, limits(arguments)))
        except InvalidInput as error:
            errors += error.errors
    if errors:
        report_invalid(InvalidInput(errors))
        return 2
    for organisation in organisations:
        print(printable(f"{organisation.id}: valid ({', '.join(organisation.files)})"))
    return 0
