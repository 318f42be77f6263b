"""Files and folders -> validated organisations, reporting every problem in every input at once.

An organisation lives in one file, ``<id>.yaml``, or in a folder ``<id>/`` whose YAML files
(at any depth) are merged. Files are grouped by the ``organisation`` id they declare, and that
id must match the file or folder name. ``waivers.yaml`` files hold waivers, not declarations.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from .builder import build
from .errors import InvalidInput, LocatedError, Location
from .model import Organisation
from .notices import declared_text_file
from .reference import Reference
from .validation import schema_errors
from .yamlio import DEFAULT_LIMITS, Limits, LocDict, gc_paused, read_file

if TYPE_CHECKING:  # pragma: no cover
    from .cache import ModelCache

YAML_SUFFIXES = (".yaml", ".yml")
WAIVER_FILE = "waivers.yaml"


@dataclass(frozen=True)
class Inputs:
    """What was found under the given paths: declaration and waiver files, and problems finding them."""

    declarations: tuple[Path, ...]
    waivers: tuple[Path, ...]
    errors: tuple[LocatedError, ...] = ()


def display(path: Path) -> str:
    """The path as findings show it: relative to the working directory when it lies below it."""
    try:
        return os.path.relpath(path) if not os.path.isabs(path) or path.is_relative_to(Path.cwd()) else str(path)
    except ValueError:  # another drive on Windows
        return str(path)


def _within(path: Path, root: Path) -> bool:
    # realpath, unlike Path.resolve, returns (instead of raising) on a symbolic link loop; reading it then fails
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))


def discover(paths: Sequence[str | os.PathLike[str]]) -> Inputs:
    """Every YAML file named by ``paths`` or found below them, in a stable order.

    Hidden entries are skipped; a symbolic link that leads out of the folder it was found in is
    an error, never followed."""
    declarations: dict[Path, None] = {}
    waivers: dict[Path, None] = {}
    errors: list[LocatedError] = []

    def add(file: Path) -> None:
        (waivers if file.name == WAIVER_FILE else declarations)[file] = None

    def unreadable(error: OSError) -> None:
        errors.append(LocatedError(Location(display(Path(error.filename))), "file",
                                   f"cannot read the folder: {error.strerror or error}", "check that you may read it"))

    for given in paths:
        root = Path(given)
        if root.is_dir():
            for directory, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                base = Path(directory)
                for entry in [*dirnames, *sorted(filenames)]:
                    path = base / entry
                    if path.is_symlink() and not _within(path, root):
                        errors.append(LocatedError(Location(display(path)), "file", f"symbolic link to {os.readlink(path)!r} "
                                                   "leads out of the folder", "copy the file into the folder instead of linking to it"))
                    elif entry in filenames and not entry.startswith(".") and path.suffix in YAML_SUFFIXES:
                        add(path)
        elif os.path.lexists(root):  # a file, or something that reading will refuse with a located error
            add(root)
        else:
            errors.append(LocatedError(Location(str(given)), "file", "no such file or folder",
                                       "give a declaration file (.yaml) or a folder of them"))
    return Inputs(tuple(declarations), tuple(waivers), tuple(errors))


@dataclass
class _Group:
    files: list[tuple[str, Path, LocDict]] = field(default_factory=list)


def _name_error(org_id: str, files: list[tuple[str, Path, LocDict]]) -> LocatedError | None:
    """The organisation id must be the file's name or the name of a folder holding all its files."""
    paths = [path for _, path, _ in files]
    if len(paths) == 1 and paths[0].stem == org_id:
        return None
    common = Path(os.path.commonpath([p.resolve().parent for p in paths]))
    if any(folder.name == org_id for folder in (common, *common.parents)):
        return None
    name, _, doc = files[0]
    expected = f"{org_id}.yaml" if len(paths) == 1 else f"a folder {org_id}/"
    return LocatedError(Location(name, *doc.value_pos("organisation")), "organisation",
                        f"organisation {org_id!r} is declared in {Path(name).name}, not in {expected}",
                        "name the file <id>.yaml, or keep all files of one organisation in a folder <id>/")


def _incomplete(org_id: str, files: list[tuple[str, Path, LocDict]],
                broken: list[tuple[str, Path, object]]) -> LocatedError | None:
    """An organisation is never checked without one of its files: a file with errors is part of it when it
    declares its id, or, when it declares none, when it could be (it is named after it or lies in its folder)."""
    for broken_name, path, declared in broken:
        could_be = org_id in (path.stem, *(folder.name for folder in path.absolute().parents))
        if declared == org_id or (not isinstance(declared, str) and could_be):
            name, _, doc = files[0]
            return LocatedError(Location(name, *doc.value_pos("organisation")), "organisation",
                                f"organisation {org_id!r} is not checked: {broken_name}, which may hold part of it, has errors",
                                "fix the errors in that file (or move it out of the organisation's folder)")
    return None


def load(paths: Sequence[str | os.PathLike[str]], *, limits: Limits = DEFAULT_LIMITS,
         reference: Reference | None = None, cache: ModelCache | None = None) -> tuple[Organisation, ...]:
    """Load every organisation found under ``paths``, sorted by id, or raise :class:`InvalidInput` with all problems."""
    return load_found(paths, discover(paths), limits=limits, reference=reference, cache=cache)


def load_found(paths: Sequence[str | os.PathLike[str]], inputs: Inputs, *, limits: Limits = DEFAULT_LIMITS,
               reference: Reference | None = None, cache: ModelCache | None = None) -> tuple[Organisation, ...]:
    """:func:`load` for the ``inputs`` that ``discover(paths)`` found (to use its waiver files too); with a
    ``cache``, validated declarations are read from it when their files have not changed."""
    reader = load_files if cache is None else cache.load_files
    organisations, errors = reader(inputs.declarations, unread=inputs.errors, limits=limits,
                                   reference=reference or Reference.packaged())
    errors = [*inputs.errors, *errors]
    if not inputs.declarations and not errors:
        errors.append(LocatedError(Location(", ".join(map(str, paths))), "file", "no declaration files found",
                                   "pac reads *.yaml and *.yml files; check the path"))
    if errors:
        raise InvalidInput(errors)
    return organisations


def load_files(files: Iterable[Path], *, unread: Iterable[LocatedError] = (), limits: Limits = DEFAULT_LIMITS,
               reference: Reference | None = None) -> tuple[tuple[Organisation, ...], list[LocatedError]]:
    """Load declaration files; return the organisations that are valid and every problem found.

    ``unread`` are the problems met finding the files (:attr:`Inputs.errors`): an organisation that a
    file or folder named there may hold part of is not returned, as for a file with errors. The
    reference data (default: pac's packaged data) maps the notice's own terms to keys in error hints
    and holds the statutory record types that ``record_types`` may name."""
    reference = reference or Reference.packaged()
    with gc_paused():
        return _load_files(files, unread, limits, reference)


UNREADABLE = object()
"""Stands for the data of a file that could not be read (its errors are reported)."""


def read_documents(files: Iterable[Path], limits: Limits, errors: list[LocatedError]) -> Iterator[tuple[str, Path, Any]]:
    """Each file's display name, path and parsed YAML; a file that cannot be read or parsed adds its errors to
    ``errors`` and comes with ``UNREADABLE`` instead of data."""
    for path in files:
        name = display(path)
        try:
            yield name, path, read_file(path, name, limits)
        except InvalidInput as exc:
            errors.extend(exc.errors)
            yield name, path, UNREADABLE


def _load_files(files: Iterable[Path], unread: Iterable[LocatedError], limits: Limits,
                reference: Reference) -> tuple[tuple[Organisation, ...], list[LocatedError]]:
    terms = reference.legal_basis_for_term
    record_types = frozenset(rule.id for rule in reference.retention_rules())
    errors: list[LocatedError] = []
    groups: dict[str, _Group] = {}
    # files (or folders) with errors, and the organisation they declare if they do
    broken: list[tuple[str, Path, object]] = [(e.location.file, Path(e.location.file), None) for e in unread]
    for name, path, data in read_documents(files, limits, errors):
        if data is UNREADABLE:
            broken.append((name, path, None))
            continue
        if not isinstance(data, LocDict):
            errors.append(LocatedError(Location(name, *getattr(data, "pos", (1, 1))), "schema",
                                       "the file is empty" if data is None else "the top level of a declaration must be a mapping",
                                       "start the file with 'pac: 1' and 'organisation: <id>'"))
            broken.append((name, path, None))
            continue
        found = schema_errors(data, name, terms=terms)
        if found:
            errors.extend(found)
            broken.append((name, path, data.get("organisation")))
            continue
        groups.setdefault(data["organisation"], _Group()).files.append((name, path, data))
    organisations = []
    for org_id in sorted(groups):
        group = groups[org_id].files
        problem = _name_error(org_id, group) or _incomplete(org_id, group, broken)
        if problem:
            errors.append(problem)
            continue
        try:
            organisation = build(org_id, [(name, doc) for name, _, doc in group], record_types)
            declared_text_file(organisation)
            organisations.append(organisation)
        except InvalidInput as exc:
            errors.extend(exc.errors)
    return tuple(organisations), errors
