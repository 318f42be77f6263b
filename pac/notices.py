"""Where an organisation's notice text is: ``--notice ORG=PATH`` (the user's choice), or the declaration's
``notice.text_file``, confined to the declaration's repository.

A declaration is input that may come from anyone (a pull request, a vendor); if it could name any file,
the quote check would tell which guessed quotes ``/proc/self/environ`` or a CI secret contains. So a
``text_file`` is relative, stays inside the repository (no ``..`` and no symbolic link leading out) and
is a regular file. The repository is the nearest folder above the declaration holding one of
:data:`REPOSITORY_MARKERS`, else the declaration's own folder.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath

from .errors import InvalidInput, LocatedError, Location
from .model import Organisation

REPOSITORY_MARKERS = (".git", "pyproject.toml", "pytest.ini", "tox.ini", "setup.cfg")
"""Files or folders that mark a repository's top folder (as pytest finds its rootdir)."""


def repository(declaration: Path) -> Path:
    """The top folder of the repository that holds the file ``declaration``."""
    folder = Path(os.path.realpath(declaration)).parent
    for candidate in (folder, *folder.parents):
        if any(os.path.lexists(candidate / marker) for marker in REPOSITORY_MARKERS):
            return candidate
    return folder


def _refused(location: Location, kind: str, message: str, hint: str) -> InvalidInput:
    return InvalidInput([LocatedError(location, kind, message, hint)])


def declared_text_file(organisation: Organisation) -> Path | None:
    """The file ``notice.text_file`` names (it may not exist: the run then notes that the quotes were not
    checked), or None when there is none; raises :class:`InvalidInput` when it lies outside the
    declaration's repository or is something other than a regular file."""
    notice = organisation.notice
    if notice is None or notice.text_file is None:
        return None
    hint = ("keep the notice text inside the repository, or give its path on the command line "
            f"(pac check --notice {organisation.id}=PATH)")
    if PurePath(notice.text_file).is_absolute():
        raise _refused(notice.location, "file", f"notice.text_file {notice.text_file!r} is an absolute path; "
                           "a declaration may name only files inside its repository", hint)
    declaration = Path(notice.location.file)
    root = repository(declaration)
    path = declaration.parent / notice.text_file
    real = Path(os.path.realpath(path))
    if not real.is_relative_to(root):
        raise _refused(notice.location, "file", f"notice.text_file {notice.text_file!r} leads out of the repository "
                           f"{root}; a declaration may name only files inside it", hint)
    if os.path.lexists(real) and not real.is_file():
        raise _refused(notice.location, "file", f"notice.text_file {notice.text_file!r} is not a regular file",
                           "give the path of the notice's text, relative to the declaration file")
    return real
