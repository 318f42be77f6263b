"""Collection: the folders and files named by ``pac_paths`` become nodes of the type of what they hold.

A policy folder is a :class:`PolicyFolder` (a ``pytest.Directory``) and a declaration file named on its
own a :class:`PolicyFile` (a ``pytest.File``); below them each organisation is an
:class:`OrganisationFile` or an :class:`OrganisationFolder`, whose children are its check items, and
each file whose errors keep it from being checked is an :class:`Invalid` file that fails collection.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from ..checking import Finding
from ..engine import Evaluation
from ..errors import InvalidInput, LocatedError, printable
from ..loader import YAML_SUFFIXES, discover, load_files
from ..model import Organisation
from ..waivers import load_waivers
from .items import CheckItem, items
from .session import kept, real, roots, state


def ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """With ``pac_only``, skip whatever is neither a policy folder, inside one, nor on the way to one."""
    if not config.getini("pac_only"):
        return None
    path = real(collection_path)
    if any(path.is_relative_to(root) or root.is_relative_to(path) for root in roots(config)):
        return None
    return True


def collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if real(path) in roots(parent.config):
        return PolicyFolder.from_parent(parent, path=path)
    return None


def collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix in YAML_SUFFIXES and real(file_path) in roots(parent.config):
        return PolicyFile.from_parent(parent, path=file_path)
    return None


class InvalidDeclaration(Exception):
    """The input of a collector has located errors."""

    def __init__(self, errors: tuple[LocatedError, ...]):
        self.errors = errors
        super().__init__("\n".join(e.format() for e in errors))


def _policy(collector: pytest.Collector) -> Iterator[pytest.Collector]:
    """The nodes of the policy folder or file ``collector`` stands for: its organisations, loaded as ``pac
    validate`` does, and a failing node for each file with errors."""
    session = state(collector.config)
    engine = session.engine
    inputs = discover([collector.path])
    limits = session.settings.limits
    cache = session.model_cache
    with kept():
        organisations, errors = (load_files if cache is None else cache.load_files)(
            inputs.declarations, unread=inputs.errors, limits=limits, reference=engine.reference)
    errors = [*inputs.errors, *errors]
    try:
        waivers = load_waivers([*inputs.waivers, *session.unread_waiver_files()], limits)
        engine.validate_waivers(waivers)
        session.waivers += waivers
    except InvalidInput as invalid:
        errors += invalid.errors
    broken: dict[Path, list[LocatedError]] = {}
    for error in errors:
        broken.setdefault(Path(error.location.file or collector.path).absolute(), []).append(error)
    session.invalid = session.invalid or bool(broken)
    session.collected.update(organisation.id for organisation in organisations)
    for file, found in sorted(broken.items()):
        yield Invalid.from_parent(collector, path=file, name=printable(file.name),
                                  nodeid=_nodeid(collector.config, file), errors=tuple(found))
    for organisation in organisations:
        home = _home(organisation)
        node = OrganisationFile if home.is_file() else OrganisationFolder
        yield node.from_parent(collector, path=home, name=printable(home.name), nodeid=_nodeid(collector.config, home),
                               organisation=organisation)


def _nodeid(config: pytest.Config, path: Path) -> str:
    """``path``'s node id: pytest prints node ids as they are (in PASSED and FAILED lines too), and a folder or
    file name may carry terminal escapes or line breaks."""
    root = config.rootpath
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    return printable(shown)


class PolicyFolder(pytest.Directory):
    """A policy folder from ``pac_paths``."""

    def collect(self) -> Iterator[pytest.Collector]:
        return _policy(self)


class PolicyFile(pytest.File):
    """A declaration file named in ``pac_paths`` on its own."""

    def collect(self) -> Iterator[pytest.Collector]:
        return _policy(self)


def _home(organisation: Organisation) -> Path:
    """The file of a one-file organisation, or its folder (the one named after it)."""
    files = [Path(f).resolve() for f in organisation.files]
    if len(files) == 1 and files[0].stem == organisation.id:
        return files[0]
    return next(p for p in files[0].parents if p.name == organisation.id)


class Invalid(pytest.File):
    """A file whose errors keep it (and its organisation) from being checked."""

    def __init__(self, *, errors: tuple[LocatedError, ...], **kwargs: Any):
        super().__init__(**kwargs)
        self.errors = errors

    def collect(self) -> Iterator[pytest.Item]:
        raise InvalidDeclaration(self.errors)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException]) -> str:  # type: ignore[override]
        if isinstance(excinfo.value, InvalidDeclaration):
            return str(excinfo.value) + f"\n{len(self.errors)} error(s); `pac validate` shows the same."
        return str(super().repr_failure(excinfo))


class OrganisationNode(pytest.Collector):
    """One organisation; its items are its checks (per subject, per check or all at once)."""

    def __init__(self, *, organisation: Organisation, **kwargs: Any):
        super().__init__(**kwargs)
        self.organisation = organisation
        self._evaluation: Evaluation | None = None
        self._by_check: dict[str, dict[str, tuple[Finding, ...]]] | None = None

    def evaluation(self) -> Evaluation:
        """Every check on this organisation, run once per process on first use."""
        if self._evaluation is None:
            session = state(self.config)
            settings = session.settings
            with kept():
                self._evaluation = session.engine.evaluate(self.organisation, settings.as_of, session.waivers,
                                                           settings.notices.get(self.organisation.id))
        return self._evaluation

    def findings_of(self, check: str) -> dict[str, tuple[Finding, ...]]:
        """What ``check`` found on this organisation, by subject."""
        if self._by_check is None:
            self._by_check = {}
            for (check_id, subject), found in self.evaluation().findings.items():
                self._by_check.setdefault(check_id, {})[subject] = found
        return self._by_check.get(check, {})

    def collect(self) -> Iterator[CheckItem]:
        return items(self)


class OrganisationFile(OrganisationNode, pytest.File):
    """An organisation declared in one file, ``<id>.yaml``."""


class OrganisationFolder(OrganisationNode, pytest.Directory):
    """An organisation declared in the files of a folder ``<id>/``."""
