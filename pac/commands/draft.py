"""``pac draft NOTICE``: a first declaration from the notice text itself, every fact quoted, nothing invented."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


from .. import load
from ..draft import draft
from ..draft.compare import KINDS, facts, unmatched
from ..errors import InvalidInput, printable, problem
from ..notices import repository
from ..output import OutputError, write_atomic
from ..yamlio import dump
from ._common import report_invalid

HEADER = ("# yaml-language-server: $schema={schema}\n"
          "# UNREVIEWED DRAFT written by `pac draft` from {notice}: every fact quotes the notice, but a person must\n"
          "# review each element (first those whose provenance note starts with 'Review:') and then remove notice.draft.\n")


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("draft", help="draft a declaration from a notice's text (to be reviewed)",
                                 description="Write a declaration drafted from a plain-text privacy notice. Exit 0 "
                                             "when written, 2 on bad input; with --check, as `pac check`.")
    parser.add_argument("notice", metavar="NOTICE", help="the notice as plain text (UTF-8)")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl", help="the notice's language (default: nl)")
    parser.add_argument("--org", metavar="ID", help="the organisation id (default: the output file's name)")
    parser.add_argument("-o", "--output", metavar="FILE", help="where to write the draft (policies/ID.yaml); "
                                                              "an existing file is never replaced")
    parser.add_argument("--check", action="store_true", help="run the check catalogue on the draft and write its "
                                                             "reports (with --report-dir), instead of keeping a file")
    parser.add_argument("--report-dir", metavar="DIR", help="with --check: where the reports go")
    parser.add_argument("--against", metavar="DECLARATION", help="compare the draft with this declaration: what "
                                                                 "the notice says that it does not, and the reverse")
    parser.set_defaults(run=run)


def _fail(message: str, hint: str = "") -> int:
    print(problem(message, hint), file=sys.stderr)
    return 2


def run(arguments: argparse.Namespace) -> int:
    notice = Path(arguments.notice)
    try:
        text = notice.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return _fail(f"{notice}: cannot read the notice ({error.__class__.__name__}: {error})",
                     "give a plain-text file in UTF-8")
    output = Path(arguments.output) if arguments.output else None
    organisation = arguments.org or (output.stem if output else None) or (
        Path(arguments.against).stem if arguments.against else None)
    if not organisation:
        return _fail("no organisation id", "give --org ID or -o policies/ID.yaml")
    if arguments.against:
        return _against(text, notice, Path(arguments.against), arguments.lang)
    if arguments.check:
        return _check(text, notice, organisation, arguments)
    if output is None:
        return _fail("no output file", "give -o policies/ID.yaml (or --check for a report)")
    if os.path.lexists(output):
        return _fail(f"{output}: exists; a draft never replaces a file", "choose another name, or remove it first")
    try:
        _write(text, notice, organisation, arguments.lang, output)
    except OutputError as error:
        print(error.format(), file=sys.stderr)
        return 2
    print(f"{output}: unreviewed draft of {notice} written; review it, then run `pac validate {output}`")
    if not _nameable(notice, output):
        print(f"  the notice lies outside {output}'s repository, so the draft does not name it: "
              f"check its quotes with `pac check {output} --notice {organisation}={notice}`")
    return 0


def _nameable(notice: Path, output: Path) -> bool:
    """Whether the declaration at ``output`` may name ``notice``: only a file inside its own repository
    (:mod:`pac.notices`); any other the user gives to ``pac check`` with ``--notice``."""
    return Path(os.path.realpath(notice)).is_relative_to(repository(output))


def render(text: str, notice: Path, organisation: str, language: str, output: Path) -> str:
    """The YAML of the draft of ``notice`` as it will stand at ``output``."""
    here = output.resolve().parent
    text_file = Path(os.path.relpath(notice.resolve(), here)).as_posix() if _nameable(notice, output) else None
    schema = Path(os.path.relpath(Path(__file__).resolve().parent.parent / "schema" / "declaration.schema.json", here)).as_posix()
    body = dump(draft(text, organisation, language, text_file))
    return HEADER.format(schema=schema, notice=notice.name) + body


def _write(text: str, notice: Path, organisation: str, language: str, output: Path) -> None:
    """Write the draft whole or not at all (a temporary file renamed into place)."""
    write_atomic(output, render(text, notice, organisation, language, output))


def _check(text: str, notice: Path, organisation: str, arguments: argparse.Namespace) -> int:
    """Draft into a temporary folder and run ``pac check`` on it."""
    from ..cli import main

    with tempfile.TemporaryDirectory(prefix="pac-draft-") as folder:
        output = Path(folder) / f"{organisation}.yaml"
        _write(text, notice, organisation, arguments.lang, output)
        extra = ["--report-dir", arguments.report_dir] if arguments.report_dir else []
        return main(["check", str(output), "--notice", f"{organisation}={notice}", *extra])


def _against(text: str, notice: Path, declaration: Path, language: str) -> int:
    """Print the facts the notice's draft and ``declaration`` do not share, per kind; 1 when there are any."""
    try:
        (declared,) = load([declaration])
    except InvalidInput as error:
        report_invalid(error)
        return 2
    with tempfile.TemporaryDirectory(prefix="pac-draft-") as folder:
        output = Path(folder) / f"{declared.id}.yaml"
        _write(text, notice, declared.id, language, output)
        (drafted,) = load([output])
    mine, theirs = facts(drafted), facts(declared)
    differences = 0
    for kind in KINDS:
        for label, extra in (("the notice says, the declaration does not", unmatched(mine[kind], theirs[kind], kind)),
                             ("the declaration says, the notice's draft does not", unmatched(theirs[kind], mine[kind], kind))):
            for fact in extra:
                differences += 1
                print(printable(f"{kind}: {label}: {_shown(fact)}"))
    print(f"{differences} difference{'s' * (differences != 1)} between {notice} and {declaration} (a draft's reading; review each)")
    return 1 if differences else 0


def _shown(fact: object) -> str:
    if isinstance(fact, tuple):
        return " ".join(", ".join(sorted(part)) if isinstance(part, frozenset) else str(part) for part in fact
                        if not isinstance(part, bool))
    return str(fact)
