"""The ``pac`` command line: a thin front end; each command lives in :mod:`pac.commands`."""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from . import __version__
from .commands import COMMANDS

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="pac", description="Privacy policy as code: check GDPR declarations.")
    main.add_argument("--version", action="version", version=f"pac {__version__}")
    commands = main.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(commands)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``pac``; return its exit status (0 ok, 1 findings, 2 invalid input or usage)."""
    arguments = parser().parse_args(argv)
    try:
        return arguments.run(arguments)
    except BrokenPipeError:  # `pac ... | head`
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
