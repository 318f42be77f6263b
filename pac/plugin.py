"""pac's pytest plugin: declarations are test files, and each check on each subject is an item.

``policies/wehelpen.yaml::transfer-tool-valid[recipients/mailchimp]`` passes when the check finds
nothing there at or above ``--pac-fail-on``, fails with a lawyer-readable report when it does,
and is reported as xfailed ("waived") when every such finding is waived. The folders pytest
collects declarations from are the ``pac_paths`` ini option (paths, or lines added by a
``conftest.py``); ``pac check`` runs this same plugin.
"""

from __future__ import annotations

import dataclasses
import os
import re
from contextlib import ExitStack
from functools import cache
from datetime import date
from pathlib import Path
from types import FunctionType, ModuleType
from typing import Any, Iterator

import pytest

from . import __version__
from .checking import SEVERITIES, Check, Finding, at_least
from .engine import Engine, Evaluation, evaluation_date, notice_option, notice_path
from .errors import InvalidInput, LocatedError, printable
from .loader import YAML_SUFFIXES, discover, load_files
from .model import Organisation
from .output import OutputError, ReportFolder, terminate_interrupts
from .reports import write_reports
from .reports.junit import strip_volatile
from .reports.tally import tallies
from .results import OrganisationRecord, Outcome, Run, finding_from_dict, finding_to_dict
from .waivers import Waiver, load_waivers
from .yamlio import DEFAULT_LIMITS, Limits

GRANULARITIES = ("subject", "check", "organisation")
ALL_CHECKS = "all-checks"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("pac", "pac: GDPR checks on privacy declarations")
    group.addoption("--pac-as-of", metavar="YYYY-MM-DD",
                    help="evaluate every date-dependent rule on this date (default: today)")
    group.addoption("--pac-fail-on", choices=SEVERITIES, help="the lowest severity that fails an item (default: error)")
    group.addoption("--pac-report-dir", metavar="DIR", help="write findings.json and the other reports into DIR")
    group.addoption("--pac-waivers", action="append", default=[], metavar="FILE",
                    help="a waiver file to use besides the waivers.yaml files in the policy folders")
    group.addoption("--pac-notice", action="append", default=[], metavar="ORG=PATH",
                    help="a text copy of organisation ORG's privacy notice, to check its quotes against")
    group.addoption("--pac-max-file-size", type=int, default=DEFAULT_LIMITS.max_bytes, metavar="BYTES",
                    help=f"refuse YAML files larger than this (default {DEFAULT_LIMITS.max_bytes})")
    group.addoption("--pac-granularity", choices=GRANULARITIES,
                    help="one item per check and subject (default), per check, or per organisation")
    parser.addini("pac_paths", type="paths", default=[], help="folders or files of pac declarations")
    parser.addini("pac_only", type="bool", default=False,
                  help="collect the pac_paths and nothing else (pac check sets it, to collect declarations in a folder "
                       "whose name pytest would read as a node id, such as a::b or draft[1])")
    parser.addini("pac_granularity", default="subject", help="default for --pac-granularity")
    parser.addini("pac_fail_on", default="error", help="default for --pac-fail-on")


class PacSession:
    """The plugin's state and reporting for one pytest session, registered as a plugin of its own."""

    def __init__(self, config: pytest.Config, as_of: date, fail_on: str, granularity: str, report_dir: Path | None,
                 waiver_files: list[Path], notices: dict[str, Path]):
        self.config, self.as_of, self.fail_on, self.granularity = config, as_of, fail_on, granularity
        self.report_dir, self.waiver_files, self.notices = report_dir, waiver_files, notices
        self.given_waiver_files = tuple(waiver_files)
        self.report_folder: ReportFolder | None = None  # the controller's staged report set
        self.inputs: set[Path] = set()  # the notice texts read, to keep reports from replacing them
        self.collected: set[str] = set()  # organisations this process collected; None of them invalid
        self.invalid = False  # whether a collected declaration had errors
        self.engine: Engine | None = None
        self.waivers: tuple[Waiver, ...] = ()
        self.sent: set[str] = set()  # organisations whose record this process has reported
        self.organisations: dict[str, OrganisationRecord] = {}
        self.findings: list[Finding] = []
        self.outcomes: list[Outcome] = []

    def unread_waiver_files(self) -> list[Path]:
        """The ``--pac-waivers`` files the first time they are asked for: every policy folder shares them."""
        files, self.waiver_files = self.waiver_files, []
        return files

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        """Refuse a ``--pac-notice`` for an organisation that is not in the run (a typo would check nothing)."""
        unused = sorted(set(self.notices) - self.collected)
        if unused and self.collected and not self.invalid:
            raise pytest.UsageError(f"a notice text is given for {unused[0]!r} (--notice {unused[0]}=...), but no "
                                    "organisation of that id is in this run; it has " + ", ".join(sorted(self.collected)))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        record = getattr(report, "pac", None)
        if record is None:
            return
        if "record" in record:
            data = record["record"]
            self.organisations.setdefault(data["id"], OrganisationRecord(
                data["id"], data["name"], tuple(data["files"]), tuple(data["digests"]), tuple(data["notes"])))
        self.inputs.update(Path(p) for p in record.get("inputs", ()))
        self.findings += [f if isinstance(f, Finding) else finding_from_dict(f) for f in record["findings"]]
        self.outcomes += [Outcome(record["organisation"], check, record["subject"], record["status"])
                          for check in record["checks"]]

    def run(self) -> Run:
        return Run(self.as_of, __version__, _engine(self.config).checks,
                   tuple(self.organisations.values()), tuple(self.findings), tuple(self.outcomes))

    @pytest.hookimpl(trylast=True)  # after pytest's junitxml has written junit.xml into the staging folder
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if any(outcome.status == "error" for outcome in self.outcomes):
            session.exitstatus = pytest.ExitCode.INTERNAL_ERROR  # a crashed check: not a verdict on the input
        folder = self.report_folder
        if folder is None:
            return
        if exitstatus not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED) or not self.outcomes:
            folder.discard()  # an interrupted or broken run leaves the previous report set as it was
            return
        discovered = discover(_roots(self.config))
        folder.inputs = (*(Path(f) for o in self.organisations.values() for f in o.files), *discovered.declarations,
                         *discovered.waivers, *self.given_waiver_files, *self.notices.values(), *self.inputs)
        staging = folder.staging
        assert staging is not None
        try:
            if (staging / "junit.xml").exists():
                strip_volatile(staging / "junit.xml")
            write_reports(self.run(), _engine(self.config).reference, staging)
            folder.commit()
        except OutputError as error:
            folder.discard()
            self.config.pluginmanager.get_plugin("terminalreporter").write_line(f"pac: error: {printable(str(error))}")
            session.exitstatus = pytest.ExitCode.USAGE_ERROR

    def pytest_unconfigure(self) -> None:
        if self.report_folder is not None:
            self.report_folder.discard()

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not self.outcomes:
            return
        write = terminalreporter.write_line
        terminalreporter.section("pac")
        write(f"as of {self.as_of}; items fail on {self.fail_on} and above")
        run = self.run()
        for tally in tallies(run):
            counts = tally.counts
            write(f"{tally.organisation.id}: {_count(counts['error'], 'error')}, "
                  f"{_count(counts['warning'], 'warning')}, {counts['info']} info, {counts['waived']} waived")
            for note in tally.organisation.notes:
                write(printable(f"  note: {note}"))
        for crashed in sorted({(o.organisation, o.check) for o in self.outcomes if o.status == "error"}):
            write(printable("error: check {1} crashed on {0}, so its findings are missing".format(*crashed)))
        brief = self.config.get_verbosity() <= -2  # -qq: the counts only
        below = [] if brief else [f for f in run.findings if not f.waived and not at_least(f.severity, self.fail_on)]
        for finding in below:
            write(printable(f"{finding.severity}: {finding.organisation} {finding.check} [{finding.subject}] "
                            f"{finding.message}"))
        if self.report_dir is not None and not hasattr(self.config, "workerinput"):
            write(f"reports written to {self.report_dir}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


STATE = pytest.StashKey[PacSession]()


@pytest.hookimpl(tryfirst=True)  # before pytest's junitxml reads --junitxml
def pytest_configure(config: pytest.Config) -> None:
    as_of_text = config.getoption("pac_as_of")
    try:
        as_of = evaluation_date(as_of_text) if as_of_text else date.today()
    except ValueError as error:
        raise pytest.UsageError(f"--pac-as-of: {error}") from None
    fail_on = config.getoption("pac_fail_on") or config.getini("pac_fail_on")
    granularity = config.getoption("pac_granularity") or config.getini("pac_granularity")
    for name, value, allowed in (("pac_fail_on", fail_on, SEVERITIES), ("pac_granularity", granularity, GRANULARITIES)):
        if value not in allowed:
            raise pytest.UsageError(f"{name}: {value!r} is not one of {', '.join(allowed)}")
    if config.getoption("pac_max_file_size") < 1:
        raise pytest.UsageError("--pac-max-file-size: must be at least 1 byte")
    notices: dict[str, Path] = {}
    for pair in config.getoption("pac_notice"):
        try:
            org, path = notice_option(pair)
        except ValueError as error:
            raise pytest.UsageError(f"--pac-notice: {error}") from None
        notices[org] = path
    report_dir = config.getoption("pac_report_dir")
    session = PacSession(config, as_of, fail_on, granularity, Path(report_dir) if report_dir else None,
                         [Path(p) for p in config.getoption("pac_waivers")], notices)
    if report_dir and not hasattr(config, "workerinput"):
        session.report_folder = _stage(config, Path(report_dir))
    config.stash[STATE] = session
    config.pluginmanager.register(session, "pac-session")
    config.addinivalue_line("markers", "pac: a pac check on a declaration")


def _stage(config: pytest.Config, report_dir: Path) -> ReportFolder:
    """Stage the new report set beside ``report_dir`` (checked now, before the run); a ``--junitxml`` file
    inside it is written into the staging folder too, so that it changes with the other reports."""
    folder = ReportFolder(report_dir)
    try:
        staging = folder.stage()
    except OutputError as error:
        raise pytest.UsageError(f"--pac-report-dir: {error}") from None
    # `kill` ends the run as Ctrl-C does, so that the staging folder is removed
    interrupts = ExitStack()
    interrupts.enter_context(terminate_interrupts())
    config.add_cleanup(interrupts.close)
    xmlpath = config.option.xmlpath
    if xmlpath and Path(os.path.realpath(Path(xmlpath).parent)) == folder.folder:
        config.option.xmlpath = str(staging / Path(xmlpath).name)
    return folder


def _state(config: pytest.Config) -> PacSession:
    return config.stash[STATE]


def _engine(config: pytest.Config) -> Engine:
    """The engine with pac's catalogue, installed pac plugins, and the pac hooks of pytest's plugins
    (``conftest.py`` files and modules named in ``pytest_plugins``)."""
    state = _state(config)
    if state.engine is None:
        hooks = [p for p in config.pluginmanager.get_plugins() if isinstance(p, ModuleType) and _has_pac_hooks(p)]
        try:
            state.engine = Engine.from_plugins(hooks)
        except ValueError as error:
            raise pytest.UsageError(str(error)) from None
        for check in state.engine.checks:
            for marker in _markers(check):
                config.addinivalue_line("markers", f"{marker}: pac checks ({marker.replace('_', ' ')})")
    return state.engine


def _has_pac_hooks(module: ModuleType) -> bool:
    # pac.hookimpl marks the function itself; look only at functions (getattr on pytest.mark would make a marker)
    return any(isinstance(value, FunctionType) and "pac_impl" in vars(value) for value in vars(module).values())


def _real(path: Path) -> Path:
    """The path with symbolic links resolved (never raising, not even on a link loop)."""
    return Path(os.path.realpath(path))


def _roots(config: pytest.Config) -> set[Path]:
    return {_real(p if Path(p).is_absolute() else config.rootpath / p) for p in config.getini("pac_paths")}


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """With ``pac_only``, skip whatever is neither a policy folder, inside one, nor on the way to one."""
    if not config.getini("pac_only"):
        return None
    path = _real(collection_path)
    if any(path.is_relative_to(root) or root.is_relative_to(path) for root in _roots(config)):
        return None
    return True


def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if _real(path) in _roots(parent.config):
        return PolicyFolder.from_parent(parent, path=path)
    return None


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix in YAML_SUFFIXES and _real(file_path) in _roots(parent.config):
        return PolicyFolder.from_parent(parent, path=file_path)
    return None


class InvalidDeclaration(Exception):
    """The input of a collector has located errors."""

    def __init__(self, errors: tuple[LocatedError, ...]):
        self.errors = errors
        super().__init__("\n".join(e.format() for e in errors))


class PolicyFolder(pytest.Directory):
    """A policy folder (or file) from ``pac_paths``: its organisations, loaded as ``pac validate`` does."""

    def collect(self) -> Iterator[pytest.Collector]:
        engine = _engine(self.config)
        state = _state(self.config)
        inputs = discover([self.path])
        limits = Limits(max_bytes=self.config.getoption("pac_max_file_size"))
        organisations, errors = load_files(inputs.declarations, unread=inputs.errors, limits=limits,
                                           reference=engine.reference)
        errors = [*inputs.errors, *errors]
        try:
            waivers = load_waivers([*inputs.waivers, *state.unread_waiver_files()], limits)
            engine.validate_waivers(waivers)
            state.waivers += waivers
        except InvalidInput as invalid:
            errors += invalid.errors
        broken: dict[Path, list[LocatedError]] = {}
        for error in errors:
            broken.setdefault(Path(error.location.file or self.path).absolute(), []).append(error)
        state.invalid = state.invalid or bool(broken)
        state.collected.update(organisation.id for organisation in organisations)
        for file, found in sorted(broken.items()):
            yield Invalid.from_parent(self, path=file, name=printable(file.name), nodeid=_nodeid(self.config, file),
                                      errors=tuple(found))
        for organisation in organisations:
            home = _home(organisation)
            yield Declaration.from_parent(self, path=home, name=printable(home.name), nodeid=_nodeid(self.config, home),
                                          organisation=organisation)


def _nodeid(config: pytest.Config, path: Path) -> str:
    """``path``'s node id: pytest prints node ids as they are (in PASSED and FAILED lines too), and a folder or
    file name may carry terminal escapes or line breaks."""
    root = config.rootpath
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    return printable(shown)


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


class Declaration(pytest.File):
    """One organisation; its items are its checks (per subject, per check or all at once)."""

    def __init__(self, *, organisation: Organisation, **kwargs: Any):
        super().__init__(**kwargs)
        self.organisation = organisation
        self._evaluation: Evaluation | None = None

    def evaluation(self) -> Evaluation:
        """Every check on this organisation, run once per process on first use."""
        if self._evaluation is None:
            state = _state(self.config)
            self._evaluation = _engine(self.config).evaluate(self.organisation, state.as_of, state.waivers,
                                                             state.notices.get(self.organisation.id))
        return self._evaluation

    def collect(self) -> Iterator[pytest.Item]:
        engine = _engine(self.config)
        granularity = _state(self.config).granularity
        if granularity == "organisation":
            yield CheckItem.from_parent(self, name=ALL_CHECKS, checks=engine.checks, subject=None)
            return
        for check in engine.checks:
            if granularity == "check":
                yield CheckItem.from_parent(self, name=check.id, checks=(check,), subject=None)
                continue
            for subject in self.organisation.subjects(check.subject):
                name = f"{check.id}[{subject.subject}]"  # a parametrised id, as pytest's own (so --lf matches it)
                yield CheckItem.from_parent(self, name=name, nodeid=f"{self.nodeid}::{name}", checks=(check,),
                                            subject=subject)


class Findings(Exception):
    """An item's findings at or above --pac-fail-on that no waiver covers."""

    def __init__(self, findings: list[Finding], notes: tuple[str, ...]):
        super().__init__(f"{len(findings)} finding(s)")
        self.findings, self.notes = findings, notes


class CheckCrashed(Exception):
    """A check raised an exception; the traceback is the check's, not pac's."""


class CheckItem(pytest.Item):
    """One or more checks on one subject (or on all subjects)."""

    parent: Declaration

    def __init__(self, *, checks: tuple[Check, ...], subject: Any, **kwargs: Any):
        super().__init__(**kwargs)
        self.checks, self.subject = checks, subject
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
                found += [f for (c, _), fs in evaluation.findings.items() if c == check.id for f in fs]
        return sorted(found, key=Finding.sort_key)

    def runtest(self) -> None:
        state = _state(self.config)
        self.pac_findings = self.findings()
        failing = [f for f in self.pac_findings if at_least(f.severity, state.fail_on)]
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
        state = _state(self.config)
        organisation = self.parent.organisation
        record: dict[str, Any] = {
            "organisation": organisation.id, "checks": [c.id for c in self.checks], "subject": self.subject_path,
            "status": status, "findings": getattr(self, "pac_findings", [])}
        if hasattr(self.config, "workerinput"):  # an xdist worker: the report crosses to the controller as plain data
            record["findings"] = [finding_to_dict(f) for f in record["findings"]]
        if organisation.id not in state.sent:
            state.sent.add(organisation.id)
            notes = self.parent.evaluation().notes
            record["record"] = dataclasses.asdict(OrganisationRecord.of(organisation, notes))
            notice = notice_path(organisation, state.notices.get(organisation.id))
            record["inputs"] = [str(notice)] if notice else []
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
def _markers(check: Check) -> list[str]:
    """Markers for ``-m``: the topic, the severity and each GDPR article cited."""
    articles = {f"gdpr_art{m.group(1)}" for a in check.articles if (m := re.match(r"GDPR Art\. (\d+)", a))}
    return [f"pac_{check.topic}", f"pac_{check.severity}", *sorted(articles)]


@cache
def _item_marks(check: Check) -> tuple[pytest.MarkDecorator, ...]:
    """The marks of every item of ``check``, made once and shared by its items."""
    return tuple(getattr(pytest.mark, name) for name in ("pac", *_markers(check)))


@cache
def _item_properties(check: Check) -> tuple[tuple[str, str], ...]:
    return (("pac_check", check.id), ("pac_articles", "; ".join(check.articles)), ("pac_severity", check.severity))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    if isinstance(item, CheckItem) and call.when == "call":
        status = ("waived" if report.skipped else "error" if call.excinfo and call.excinfo.errisinstance(CheckCrashed)
                  else "failed" if report.failed else "passed")
        report.pac = item.record(status)
    return report
