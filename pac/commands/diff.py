"""``pac diff OLD NEW``: a change review for legal, between two files, folders or git revisions.

OLD and NEW are paths, or ``REV:PATH`` as ``git show`` takes them (``main:policies/x.yaml``,
``HEAD~1:policies/``): a path in the repository at a revision, read with git into a temporary folder.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from ..checking import SEVERITIES, Finding
from ..diff import review
from ..engine import Engine, Evaluation
from ..errors import InvalidInput
from ..model import Organisation
from ..notices import repository
from ..pytest.plugins import engine_for
from ..reports.review import RENDERERS
from ..waivers import Waiver
from ._common import add_as_of, add_input_options, load_checked, report_invalid


class RevisionError(Exception):
    """A ``REV:PATH`` that git cannot give."""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "diff", help="review a change for legal: recipients, countries, legal bases, retention, waivers, findings",
        description="Exit 0 when the change adds no finding at or above --fail-on and no waiver accepts more "
                    "than before, 1 when it does (so CI can require a legal review), 2 when the input is invalid.")
    for name in ("old", "new"):
        parser.add_argument(name, metavar=name.upper(),
                            help=f"the {name} version: a declaration file or folder, or REV:PATH from git "
                                 "(e.g. main:policies/)")
    parser.add_argument("--format", choices=sorted(RENDERERS), default="text", help="output format (default: text)")
    add_as_of(parser, "evaluate both versions on this date")
    parser.add_argument("--fail-on", choices=SEVERITIES, default="info",
                        help="the lowest severity of a new finding that makes the exit status 1 (default: info)")
    add_input_options(parser)
    parser.set_defaults(run=run)


@dataclass(frozen=True)
class Version:
    """OLD or NEW: the path to load, and for a git revision where it was written and what that stands for."""

    path: Path
    written: Path | None = None  # the temporary folder the revision's files were written to
    working: Path | None = None  # the working-tree folder that folder stands for (where notice texts are)
    label: str = ""  # how reports name the files of that folder: ``REV:folder/``

    def name(self, file: str) -> str:
        """``file`` as reports show it: a file of a revision as ``REV:path``, any other as it is."""
        if self.written is None:
            return file
        try:
            return self.label + Path(file).resolve().relative_to(self.written.resolve()).as_posix()
        except ValueError:
            return file

    def relabel(self, finding: Finding) -> Finding:
        return dataclasses.replace(finding, location=dataclasses.replace(finding.location, file=self.name(finding.location.file)),
                                   waiver=finding.waiver and self.relabel_waiver(finding.waiver))

    def relabel_waiver(self, waiver: Waiver) -> Waiver:
        return dataclasses.replace(waiver, location=dataclasses.replace(waiver.location, file=self.name(waiver.location.file)))


def run(arguments: argparse.Namespace) -> int:
    as_of = arguments.as_of or date.today()
    with tempfile.TemporaryDirectory(prefix="pac-diff-") as work:
        try:
            versions = tuple(materialise(spec, Path(work) / name, arguments.pac_max_file_size)
                             for spec, name in ((arguments.old, "old"), (arguments.new, "new")))
        except RevisionError as error:
            print(f"pac diff: {error}", file=sys.stderr)
            return 2
        # a revision is checked with the plugins (conftest.py files) of the working tree it stands for
        engine = engine_for([v.working or v.path for v in versions])
        try:
            (old, old_waivers), (new, new_waivers) = (_evaluate(engine, version, as_of, arguments) for version in versions)
        except InvalidInput as error:
            report_invalid(InvalidInput(dataclasses.replace(e, location=dataclasses.replace(
                e.location, file=versions[0].name(versions[1].name(e.location.file)))) for e in error.errors))
            return 2
        result = review(old, new, engine.reference, as_of, (old_waivers, new_waivers))
        result = dataclasses.replace(result, new_findings=tuple(versions[1].relabel(f) for f in result.new_findings),
                                     resolved_findings=tuple(versions[0].relabel(f) for f in result.resolved_findings))
    sys.stdout.write(RENDERERS[arguments.format](result))
    return 1 if result.adds_findings(arguments.fail_on) or result.widens_waivers() else 0


def _evaluate(engine: Engine, version: Version, as_of: date,
              arguments: argparse.Namespace) -> tuple[list[Evaluation], list[Waiver]]:
    """Every organisation of ``version`` evaluated on ``as_of`` with its waivers, and those waivers as
    reports name them. The notice text of a git revision is read where its declaration names it, or else
    from the working tree."""
    organisations, waivers, _ = load_checked([version.path], engine, arguments)
    return ([engine.evaluate(organisation, as_of, waivers, notice=_notice(organisation, version))
             for organisation in organisations], [version.relabel_waiver(w) for w in waivers])


def _notice(organisation: Organisation, version: Version) -> Path | None:
    """The working-tree copy of a revision's notice text, when the revision itself does not hold it."""
    text_file = organisation.notice.text_file if organisation.notice else None
    if version.written is None or version.working is None or organisation.notice is None or text_file is None:
        return None
    declared = Path(organisation.notice.location.file).parent
    if (declared / text_file).exists():
        return None
    folder = version.working / declared.resolve().relative_to(version.written.resolve())
    path = folder / text_file  # confined as the working tree's own declaration would be (pac.notices)
    return path if Path(os.path.realpath(path)).is_relative_to(repository(folder / "declaration")) else None


def _git(*args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", *args], capture_output=True, input=stdin, check=False)
    except FileNotFoundError:
        raise RevisionError("git is not installed; it is needed to read REV:PATH") from None
    if done.returncode != 0:
        raise RevisionError(f"git {' '.join(args)}: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


def _size_checked(name: str, size: int, max_bytes: int) -> None:
    """Refuse a blob larger than the input limit before git is asked for its content."""
    if size > max_bytes:
        raise RevisionError(f"{name}: error: the file is {size} bytes, more than the limit of {max_bytes}\n"
                            "  hint: raise the limit with --max-file-size")


def materialise(spec: str, folder: Path, max_bytes: int) -> Version:
    """The version ``spec`` names: a path that exists is used as it is; ``REV:PATH`` is read from git into
    ``folder``, keeping the last name of PATH (a declaration file must keep its name, a folder of one
    organisation too). No blob larger than ``max_bytes`` is read."""
    if Path(spec).exists() or ":" not in spec:
        return Version(Path(spec))
    rev, _, inner = spec.partition(":")
    kind = _git("cat-file", "-t", spec).decode().strip()
    folder.mkdir(parents=True)
    (folder / ".git").mkdir()  # the revision's repository, to which its notice.text_file is confined (pac.notices)
    root = Path(_git("rev-parse", "--show-toplevel").decode().strip())
    working = (Path.cwd() if inner.startswith(("./", "../")) else root) / inner
    target = folder / (PurePosixPath(inner).name or root.name)
    if kind == "blob":
        _size_checked(spec, int(_git("cat-file", "-s", spec)), max_bytes)
        target.write_bytes(_git("show", spec))
        parent = PurePosixPath(inner).parent.as_posix()
        return Version(target, folder, working.parent, f"{rev}:{'' if parent == '.' else parent + '/'}")
    if kind == "tree":
        _write_tree(spec, target, max_bytes)
        return Version(target, target, working, f"{rev}:{inner.rstrip('/') + '/' if inner else ''}")
    raise RevisionError(f"{spec} is a git {kind}, not a file or folder")


def _write_tree(spec: str, target: Path, max_bytes: int) -> None:
    """Write the files of the git tree ``spec`` below ``target`` (two git calls, whatever the number of files)."""
    entries = []
    for line in filter(None, _git("ls-tree", "-r", "-l", "-z", spec).decode(errors="surrogateescape").split("\0")):
        meta, _, name = line.partition("\t")
        mode, kind, sha, size = meta.split()
        path = PurePosixPath(name)
        if kind == "blob" and mode != "120000" and ".." not in path.parts and not path.is_absolute():
            _size_checked(f"{spec.rstrip('/')}/{name}", int(size), max_bytes)
            entries.append((path, sha))
    target.mkdir(parents=True)
    contents = _git("cat-file", "--batch", stdin="".join(f"{sha}\n" for _, sha in entries).encode())
    offset = 0
    for path, _ in entries:  # each answer is "<sha> blob <size>\n<content>\n"
        start = contents.index(b"\n", offset) + 1
        size = int(contents[offset:start].split()[2])
        file = target.joinpath(*path.parts)
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(contents[start:start + size])
        offset = start + size + 1
