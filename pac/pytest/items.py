"""A pac item: one or more checks on one subject (or on all), passing, failing with a lawyer-readable
report, or xfailed ("waived") when a waiver covers every finding at or above ``--pac-fail-on``."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import pytest

from ..checking import Check, Finding, at_least
from ..engine import notice_path
from ..errors import printable
from ..results import finding_to_dict
from .session import markers, state

if TYPE_CHECKING:  # pragma: no cover
    from .collection import OrganisationNode

ALL_CHECKS = "all-checks"


class Findings(Exception):
    """An item's findings at or above --pac-fail-on that no waiver covers."""

    def __init__(self, findings: list[Finding], notes: tuple[str, ...]):
        super().__init__(f"{len(findings)} finding(s)")
        self.findings, self.notes = findings, notes


class CheckCrashed(Exception):
    """A check raised an exception; the traceback is the check's, not pac's."""


class CheckItem(pytest.Item):
    """One or more checks on one subject, or on all subjects but the ``excluded`` ones (those with items of
    their own); with ``folds``, ``-k`` matches the subjects the item covers."""

    parent: OrganisationNode

    def __init__(self, *, checks: tuple[Check, ...], subject: Any, excluded: frozenset[str] = frozenset(),
                 folds: bool = False, **kwargs: Any):
        super().__init__(**kwargs)
        self.checks, self.subject, self.excluded, self.folds = checks, subject, excluded, folds
        organisation = self.parent.organisation
        self.subject_path = subject.subject if subject is not None else ("organisation" if len(checks) > 1 else "*")
        if len(checks) == 1:
            (check,) = checks
            for mark in _item_marks(check):
                self.add_marker(mark)
            self.user_properties += _item_properties(check)
        else:
            self.add_marker("pac")
        self.user_properties += [("pac_organisation", organisation.id), ("pac_subject", self.subject_path)]

    def listextrakeywords(self) -> set[str]:
        """pytest's extra keywords (which only ``-k`` reads) and, for a folding item, the subjects it covers: made
        when asked, not for every item of every run."""
        keywords = super().listextrakeywords()
        if self.folds:
            (check,) = self.checks
            keywords.update(s.subject for s in self.parent.organisation.subjects(check.subject)
                            if s.subject not in self.excluded)
        return keywords

    def findings(self) -> list[Finding]:
        evaluation = self.parent.evaluation()
        found: list[Finding] = []
        for check in self.checks:
            if check.id in evaluation.crashes:
                lines = evaluation.crashes[check.id].splitlines()
                shown = lines if self.config.get_verbosity() > 0 else lines[-1:]  # the traceback with -v
                trace = "\n".join(printable(line) for line in shown)
                raise CheckCrashed(f"check {check.id} crashed (a fault in the check, not in the declaration; -v shows "
                                   f"the traceback):\n{trace}")
            if self.subject is not None:
                found += evaluation.findings.get((check.id, self.subject.subject), ())
            else:
                found += [f for subject, fs in self.parent.findings_of(check.id).items() if subject not in self.excluded
                          for f in fs]
        return sorted(found, key=Finding.sort_key)

    def runtest(self) -> None:
        fail_on = state(self.config).settings.fail_on
        self.pac_findings = self.findings()
        failing = [f for f in self.pac_findings if at_least(f.severity, fail_on)]
        open_ = [f for f in failing if not f.waived]
        if open_:
            raise Findings(open_, self.parent.evaluation().notes)
        if failing:
            pytest.xfail(printable("waived: " + "; ".join(sorted({f.waiver.describe() for f in failing if f.waiver}))))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:  # type: ignore[override]
        if isinstance(excinfo.value, Findings):
            return "\n\n".join(describe(f) for f in excinfo.value.findings)
        if isinstance(excinfo.value, CheckCrashed):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        location = (self.subject or self.parent.organisation).location
        return self.path, max(location.line - 1, 0), f"{self.name} ({self.parent.organisation.id})"

    def record(self, status: str) -> dict[str, Any]:
        """What the controlling process needs from this item to write the reports."""
        session = state(self.config)
        organisation = self.parent.organisation
        findings = getattr(self, "pac_findings", [])
        record: dict[str, Any] = {
            "organisation": organisation.id, "checks": [c.id for c in self.checks], "subject": self.subject_path,
            "status": status,
            # an xdist worker's report crosses to the controller as plain data
            "findings": [finding_to_dict(f, phrase=True) for f in findings] if session.worker else findings}
        organisation_record = session.organisation_record(organisation, self.parent.evaluation().notes)
        if organisation_record is not None:
            record["record"] = organisation_record
            notice = notice_path(organisation, session.settings.notices.get(organisation.id))
            record["inputs"] = [str(notice)] if notice else []  # a report must not replace it
        return record


def describe(finding: Finding) -> str:
    """A finding as a lawyer reads it: what, which law, where in the YAML, what the notice says, what to do."""
    lines = [f"{finding.severity} [{finding.check}] {', '.join(finding.articles)}",
             f"  {finding.message}",
             f"  where: {finding.location} ({finding.subject})"]
    lines += [f"  notice: {p}" for p in finding.evidence] or ["  notice: (the notice says nothing about this)"]
    lines.append(f"  remedy: {finding.remedy}")
    return "\n".join(printable(line) for line in lines)


@cache
def _item_marks(check: Check) -> tuple[pytest.MarkDecorator, ...]:
    """The marks of every item of ``check``, made once and shared by its items."""
    return tuple(getattr(pytest.mark, name) for name in ("pac", *markers(check)))


@cache
def _item_properties(check: Check) -> tuple[tuple[str, str], ...]:
    return (("pac_check", check.id), ("pac_articles", "; ".join(check.articles)), ("pac_severity", check.severity))


def make_report(item: pytest.Item, call: pytest.CallInfo[None], report: pytest.TestReport) -> None:
    """Attach a pac item's record to the report of its call, and mark the reports of its setup and teardown."""
    if not isinstance(item, CheckItem):
        return
    if call.when == "call":
        status = ("waived" if report.skipped else "error" if call.excinfo and call.excinfo.errisinstance(CheckCrashed)
                  else "failed" if report.failed else "passed")
        report.pac = item.record(status)  # type: ignore[attr-defined]
    else:
        report.pac_phase = True  # type: ignore[attr-defined]


def drop_empty_phases(terminalreporter: Any) -> None:
    """Drop the passed setup and teardown reports of pac's items, which hold nothing to show, from the terminal's
    statistics before it writes its summary: for each failure it scans all of them for teardown output
    (``_get_teardown_reports``), which takes minutes with thousands of failures among thousands of items."""
    phases = terminalreporter.stats.get("")
    if phases:
        terminalreporter.stats[""] = [r for r in phases if not (getattr(r, "pac_phase", False) and r.passed
                                                                  and not r.sections)]


def items(parent: OrganisationNode) -> Iterator[CheckItem]:
    """The items of an organisation at the session's granularity."""
    engine, granularity = state(parent.config).engine, state(parent.config).settings.granularity
    if granularity == "organisation":
        yield CheckItem.from_parent(parent, name=ALL_CHECKS, checks=engine.checks, subject=None)
        return
    fail_on = state(parent.config).settings.fail_on
    for check in engine.checks:
        if granularity == "check":
            yield CheckItem.from_parent(parent, name=check.id, checks=(check,), subject=None)
            continue
        subjects = all_subjects = parent.organisation.subjects(check.subject)
        if granularity == "failures":
            failing = _failing(parent, check, fail_on)
            subjects = [s for s in all_subjects if s.subject in failing] if failing else []
        for subject in subjects:
            name = f"{check.id}[{subject.subject}]"  # a parametrised id, as pytest's own (so --lf matches it)
            yield CheckItem.from_parent(parent, name=name, nodeid=f"{parent.nodeid}::{name}", checks=(check,),
                                        subject=subject)
        if granularity == "failures" and len(subjects) < len(all_subjects):
            yield CheckItem.from_parent(parent, name=check.id, checks=(check,), subject=None,
                                        excluded=frozenset(s.subject for s in subjects), folds=True)


def _failing(parent: OrganisationNode, check: Check, fail_on: str) -> set[str]:
    """The subjects on which ``check`` fails an item: a finding at or above ``fail_on`` (waived or not); all of
    them when the check crashed (its one item then reports the crash)."""
    if check.id in parent.evaluation().crashes:
        return set()
    return {subject for subject, found in parent.findings_of(check.id).items()
            if any(at_least(f.severity, fail_on) for f in found)}


def protocol(item: pytest.Item) -> bool | None:
    """pytest's runtest protocol for a pac item, without the hooks of each phase: a pac item was evaluated during
    collection, so it has no fixtures to set up, output or logs to capture, or code to run. Its setup, call and
    teardown reports still come from ``pytest_runtest_makereport`` and go to ``pytest_runtest_logreport``, so the
    terminal, JUnit, ``--lf``, ``-x`` and xdist get them as always. An item with a skip or xfail mark, and every
    item under ``--pdb``, ``--trace`` or ``--setup-*``, takes pytest's own protocol (None)."""
    if not isinstance(item, CheckItem) or not state(item.config).own_protocol or any(
            mark.name in PROTOCOL_MARKS for mark in item.iter_markers()):
        return None
    ihook = item.ihook
    ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
    for when, run in (("setup", _nothing), ("call", item.runtest), ("teardown", _nothing)):
        call = pytest.CallInfo.from_call(run, when, reraise=(pytest.exit.Exception, KeyboardInterrupt))  # type: ignore[arg-type]
        ihook.pytest_runtest_logreport(report=ihook.pytest_runtest_makereport(item=item, call=call))
    ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
    return True


PROTOCOL_MARKS = frozenset({"skip", "skipif", "xfail"})
"""Marks that pytest's own protocol evaluates (during setup)."""


def _nothing() -> None:
    """A pac item's setup and teardown."""
