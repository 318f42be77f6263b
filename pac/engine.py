"""The check engine: the catalogue and reference data from pac's plugins, run on an organisation.

Both the pytest plugin and the command line use it; it knows nothing of pytest.
"""

from __future__ import annotations

import dataclasses
import traceback
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from functools import cache
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

import pluggy

from . import hookspecs
from .checking import SEVERITIES, Check, Context, Finding, Scope, by_root_cause
from .errors import InvalidInput, LocatedError
from .model import Organisation
from .notices import declared_text_file
from .phrases import Phrase, say
from .reference import Reference, ReferenceDataError
from .waivers import Waiver
from .yamlio import DEFAULT_LIMITS, read_regular

if TYPE_CHECKING:  # pragma: no cover
    import networkx

GDPR_APPLIES_FROM = date(2018, 5, 25)
"""GDPR Art. 99(2): the Regulation applies from 25 May 2018; pac evaluates no earlier date."""


def gdpr_applies(day: date) -> date:
    """``day``, when the GDPR applies on it; else ValueError saying from when it does."""
    if day < GDPR_APPLIES_FROM:
        raise ValueError(f"the GDPR applies from {GDPR_APPLIES_FROM} (Art. 99(2)); pac cannot evaluate {day}")
    return day


def evaluation_date(text: str) -> date:
    """The evaluation date ``text`` gives as YYYY-MM-DD (``--as-of``), one the GDPR applies on; else ValueError."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)") from None
    return gdpr_applies(day)


def notice_option(text: str) -> tuple[str, Path]:
    """The organisation id and the notice text file of an ``ORG=PATH`` option (``--notice``); else ValueError."""
    organisation, separator, path = text.partition("=")
    if not (organisation and separator and path):
        raise ValueError(f"{text!r} is not ORG=PATH")
    return organisation, Path(path)


def plugin_manager(plugins: Iterable[object] = ()) -> pluggy.PluginManager:
    """pac's plugin manager: the hookspecs, every installed ``pac`` entry point (pac's own
    catalogue among them) and ``plugins`` (e.g. conftest modules)."""
    manager = pluggy.PluginManager("pac")
    manager.add_hookspecs(hookspecs)
    manager.load_setuptools_entrypoints("pac")
    for plugin in plugins:
        if not manager.is_registered(plugin):
            manager.register(plugin)
    return manager


@dataclass(frozen=True)
class Evaluation:
    """The outcome of every check on one organisation on one date.

    ``findings`` maps (check id, subject) to what that check found there; a pair that is
    missing passed. ``crashes`` holds the traceback of checks that raised an exception."""

    organisation: Organisation
    as_of: date
    checks: tuple[Check, ...]
    findings: Mapping[tuple[str, str], tuple[Finding, ...]]
    crashes: Mapping[str, str]
    notes: tuple[str, ...]

    def all_findings(self) -> list[Finding]:
        """Every finding, one per root cause (:func:`pac.checking.by_root_cause`)."""
        return by_root_cause(f for found in self.findings.values() for f in found)


class Engine:
    """A catalogue of checks with its reference data and severity hook."""

    def __init__(self, checks: Sequence[Check], reference: Reference,
                 severity: Callable[..., str | None] | None = None):
        ids = [c.id for c in checks]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"two checks have the id {', '.join(duplicates)}; every check needs its own id")
        self.checks = tuple(sorted(checks, key=lambda c: c.id))
        self.reference = reference
        self._severity = severity

    @classmethod
    def from_plugins(cls, plugins: Iterable[object] = ()) -> Engine:
        """The engine of all installed pac plugins plus ``plugins``; their reference data overrides pac's."""
        hook = plugin_manager(plugins).hook
        checks = [c for provided in hook.pac_checks() for c in provided or ()]
        try:
            reference = Reference.packaged().with_overrides(*(d for d in hook.pac_reference_data() if d))
        except ReferenceDataError as error:
            raise ValueError(f"reference data from a pac plugin is malformed: {error}") from None
        severity = hook.pac_severity if hook.pac_severity.get_hookimpls() else None  # no hook call per finding
        return cls(checks, reference, severity)

    def check(self, id: str) -> Check:
        return next(c for c in self.checks if c.id == id)

    def validate_waivers(self, waivers: Iterable[Waiver]) -> None:
        """Refuse waivers of checks that do not exist (a typo would otherwise waive nothing, silently)."""
        known = {c.id for c in self.checks}
        errors = [LocatedError(w.location, "waiver", f"waiver for unknown check {w.check!r}",
                               "`pac checks` lists the check ids") for w in waivers if w.check not in known]
        if errors:
            raise InvalidInput(errors)

    def evaluate(self, organisation: Organisation, as_of: date, waivers: Iterable[Waiver] = (),
                 notice: Path | None = None) -> Evaluation:
        """Run every check on every subject of ``organisation`` as of ``as_of``; ``notice`` is a text copy
        of the privacy notice (default: the declaration's ``notice.text_file``, when it exists)."""
        gdpr_applies(as_of)
        own = [w for w in waivers if w.organisation == organisation.id]
        active = [w for w in own if w.active_on(as_of)]
        scope = Scope(organisation, as_of, self.reference, _graph_factory(organisation, self.reference, as_of),
                      cache(lambda: notice_text(organisation, notice)))
        found: dict[tuple[str, str], list[Finding]] = {}
        crashes: dict[str, str] = {}
        used: set[Waiver] = set()
        for check in self.checks:
            try:
                for subject in organisation.subjects(check.subject):
                    context = Context(check, subject, scope)
                    for finding in check(subject, context):
                        finding = self._tune(check, finding)
                        waiver = next((w for w in active if w.covers(check.id, organisation.id, finding.subject)), None)
                        if waiver is not None:
                            used.add(waiver)
                            finding = dataclasses.replace(finding, waiver=waiver)
                        found.setdefault((check.id, finding.subject), []).append(finding)
            except Exception:  # a broken check fails its own items, not the run
                crashes[check.id] = traceback.format_exc()
        notes = [say("note.waiver-expired", check=w.check, subject=_waived(w), expires=w.expires, location=str(w.location))
                 for w in own if not w.active_on(as_of)]
        wanted = notice or (organisation.notice and organisation.notice.text_file)
        if wanted and scope.notice_text is None:
            notes.append(say("note.notice-unavailable", path=str(wanted)))
        notes += [say("note.waiver-unused", check=w.check, subject=_waived(w), location=str(w.location))
                  for w in active if w not in used]
        return Evaluation(organisation, as_of, self.checks, {k: tuple(v) for k, v in found.items()}, crashes, tuple(notes))

    def _tune(self, check: Check, finding: Finding) -> Finding:
        if self._severity is None:
            return finding
        severity = self._severity(check=check, finding=finding)
        if severity is None or severity == finding.severity:
            return finding
        if severity not in SEVERITIES:
            raise ValueError(f"pac_severity returned {severity!r} for {check.id}; use one of {', '.join(SEVERITIES)}")
        return dataclasses.replace(finding, severity=severity)


def _waived(waiver: Waiver) -> str | Phrase:
    """What a waiver covers, for a note: its subject, or all subjects."""
    return waiver.subject or say("note.all-subjects")


def notice_path(organisation: Organisation, path: Path | None = None) -> Path | None:
    """The notice text pac reads for ``organisation``: ``path`` (given by the user), or the declaration's
    ``notice.text_file`` when it lies inside the declaration's repository (the loader reports one that
    does not); None when there is neither."""
    if path is not None:
        return path
    try:
        return declared_text_file(organisation)
    except InvalidInput:
        return None


def notice_text(organisation: Organisation, path: Path | None = None) -> str | None:
    """The text of the organisation's privacy notice (:func:`notice_path`); None when there is none, or it
    is not a regular file within the default size limit (a device or a pipe could make pac read for ever)."""
    found = notice_path(organisation, path)
    if found is None:
        return None
    try:
        return read_regular(found, DEFAULT_LIMITS.max_bytes).decode("utf-8", errors="replace")
    except OSError:
        return None


def _graph_factory(organisation: Organisation, reference: Reference, as_of: date) -> Callable[[], networkx.DiGraph]:
    @cache
    def graph() -> networkx.DiGraph:
        from .graph import build_graph  # the graph is built only when a check asks for it

        return build_graph(organisation, reference, as_of)

    return graph
