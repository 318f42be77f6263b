"""The ``pac`` command line: a thin front end; each command lives in :mod:`pac.commands`."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import Sequence

from . import __version__
from .commands import modules
from .errors import problem
from .output import terminate_interrupts
from .pytest.plugins import PluginError


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """pac's argument parser; with ``command`` (the first argument), that command's alone when it is one."""
    main = argparse.ArgumentParser(prog="pac", description="Privacy policy as code: check GDPR declarations.")
    main.add_argument("--version", action="version", version=f"pac {__version__}")
    commands = main.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for module in modules(command):
        module.register(commands)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``pac``; return its exit status (0 ok, 1 findings, 2 invalid input or usage)."""
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a character shows its escape
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    argv = sys.argv[1:] if argv is None else list(argv)
    arguments = parser(argv[0] if argv else None).parse_args(argv)
    try:
        os.getcwd()
    except FileNotFoundError:
        print("pac: error: the working folder no longer exists; cd into a folder and run pac again", file=sys.stderr)
        return 2
    try:
        with terminate_interrupts():
            return arguments.run(arguments)
    except PluginError as error:
        print(problem(error.message, error.hint), file=sys.stderr)
        return 2
    except BrokenPipeError:  # `pac ... | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


def entry() -> None:
    """The ``pac`` console script: :func:`main`, then a hard exit.

    On a large organisation, tearing down the interpreter (freeing every object of the model one by one)
    takes longer than some commands; nothing is left to do by then, so the streams are flushed and the
    process ends at once (as mypy does for the same reason). For the same one-shot process the cyclic
    garbage collector is off: the model is acyclic and freed by reference counting, and the collector
    would only scan its hundreds of thousands of objects again and again."""
    gc.disable()
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`pac ... | head`) or stream
            pass
    os._exit(code)


if __name__ == "__main__":
    entry()
