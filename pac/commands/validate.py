"""``pac validate PATH...``: check that declarations (and the waiver files beside them) are well-formed and consistent."""

from __future__ import annotations

import argparse

from ..errors import InvalidInput, printable
from ..pytest import options
from ..pytest.plugins import engine_for
from ._common import add_input_arguments, load_checked, report_invalid


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("validate", help="validate declarations against the schema and their references",
                                 description="Exit 0 when every declaration and waiver file is valid, 2 when any is not.")
    add_input_arguments(parser)
    options.add_to_argparse(parser, ("waivers",))  # as `pac check` takes it, so that both judge the same files
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    try:
        organisations = load_checked(arguments.paths, engine_for(arguments.paths), arguments).organisations
    except InvalidInput as error:
        report_invalid(error)
        return 2
    for organisation in organisations:
        print(printable(f"{organisation.id}: valid ({', '.join(organisation.files)})"))
    return 0
