"""One pytest session of pac: its settings, engine and waivers, the records items send (across xdist
workers as plain data), the terminal summary, and the reports written at the end."""

from __future__ import annotations

import gc
import os
import re
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Iterator

import pytest

from .. import __version__
from ..cache import ModelCache
from ..checking import SEVERITIES, Check, Finding, at_least
from ..engine import Engine, notice_option
from ..errors import printable
from ..flows import flows
from ..loader import discover
from ..model import Organisation
from ..output import OutputError, ReportFolder, terminate_interrupts
from ..reports import write_reports
from ..reports.junit import strip_volatile
from ..reports.tally import tallies
from ..results import OrganisationRecord, Outcome, Run, finding_from_dict
from ..waivers import Waiver
from ..yamlio import Limits, gc_paused
from .options import GRANULARITIES
from .plugins import PluginError, engine_of


@dataclass(frozen=True)
class Settings:
    """pac's options of this session, checked."""

    as_of: date
    fail_on: str
    granularity: str
    report_dir: Path | None
    waiver_files: tuple[Path, ...]
    notices: dict[str, Path]
    limits: Limits
    cache_dir: Path | None  # None: pytest's cache folder, when pytest has one
    no_cache: bool
    lang: str = "en"
    """The language of report.html and report.md."""

    @classmethod
    def of(cls, config: pytest.Config) -> Settings:
        """The settings on pytest's command line and ini files, or a :class:`pytest.UsageError`."""
        fail_on = config.getoption("pac_fail_on") or config.getini("pac_fail_on")
        granularity = config.getoption("pac_granularity") or config.getini("pac_granularity")
        for name, value, allowed in (("pac_fail_on", fail_on, SEVERITIES), ("pac_granularity", granularity, GRANULARITIES)):
            if value not in allowed:
                raise pytest.UsageError(f"{name}: {value!r} is not one of {', '.join(allowed)}")
        notices = dict(notice_option(pair) for pair in config.getoption("pac_notice"))
        report_dir = config.getoption("pac_report_dir")
        return cls(config.getoption("pac_as_of") or date.today(), fail_on, granularity, report_dir,
                   tuple(config.getoption("pac_waivers")), notices,
                   Limits(max_bytes=config.getoption("pac_max_file_size")), config.getoption("pac_cache_dir"),
                   config.getoption("pac_no_cache"), config.getoption("pac_lang") or "en")


class PacSession:
    """The plugin's state and reporting for one pytest session, registered as a plugin of its own."""

    def __init__(self, config: pytest.Config, settings: Settings):
        self.config, self.settings = config, settings
        self._engine: Engine | None = None
        self._waiver_files = list(settings.waiver_files)
        self.waivers: tuple[Waiver, ...] = ()
        self.sent: set[str] = set()  # organisations whose record this process has reported
        self.organisations: dict[str, OrganisationRecord] = {}
        self.findings: list[Finding] = []
        self.outcomes: list[Outcome] = []
        self.report_folder: ReportFolder | None = None  # the controller's staged report set
        self.inputs: set[Path] = set()  # the notice texts read, which no report may replace
        self.collected: set[str] = set()  # the organisations this process collected
        self.invalid = False  # whether a declaration this process collected had errors
        # whether pac's items may take their own runtest protocol (pytest's runs the debugger and shows fixtures)
        self.own_protocol = not any(config.getoption(name, False) for name in ("usepdb", "trace", "setuponly",
                                                                               "setupshow", "setupplan"))

    @property
    def engine(self) -> Engine:
        """The engine of pac's plugins and of the pac hooks in pytest's (``conftest.py``, ``pytest_plugins``)."""
        if self._engine is None:
            try:
                self._engine = engine_of(self.config.pluginmanager)
            except PluginError as error:
                raise pytest.UsageError(str(error)) from None
            for check in self._engine.checks:
                for marker in markers(check):
                    self.config.addinivalue_line("markers", f"{marker}: pac checks ({marker.replace('_', ' ')})")
        return self._engine

    @property
    def model_cache(self) -> ModelCache | None:
        """The cache of validated declarations: ``--pac-cache-dir``, else pytest's cache folder (none with
        ``-p no:cacheprovider``), and none at all with ``--pac-no-cache``."""
        if self.settings.no_cache:
            return None
        if self.settings.cache_dir is not None:
            return ModelCache(self.settings.cache_dir)
        pytest_cache = getattr(self.config, "cache", None)
        return None if pytest_cache is None else ModelCache(pytest_cache.mkdir("pac"))

    def unread_waiver_files(self) -> list[Path]:
        """The ``--pac-waivers`` files the first time they are asked for: every policy folder shares them."""
        files, self._waiver_files = self._waiver_files, []
        return files

    @property
    def worker(self) -> bool:
        """Whether this process is an xdist worker (whose reports travel to the controller)."""
        return hasattr(self.config, "workerinput")

    def pytest_collection_finish(self) -> None:
        # The model is immutable, acyclic and kept for the whole run: the cyclic garbage collector need not scan
        # its hundreds of thousands of objects again and again while the checks run (refcounting still frees it).
        gc.freeze()
        unused = sorted(set(self.settings.notices) - self.collected)  # a typo would check no quote, silently
        if unused and self.collected and not self.invalid:
            raise pytest.UsageError(f"a notice text is given for {unused[0]!r} (--notice {unused[0]}=...), but no "
                                    "organisation of that id is in this run; it has " + ", ".join(sorted(self.collected)))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        record = getattr(report, "pac", None)
        if record is None:
            return
        if "record" in record:
            data = record["record"]
            self.organisations.setdefault(data["id"], OrganisationRecord.from_dict(data))
        self.inputs.update(Path(p) for p in record.get("inputs", ()))
        self.findings += [f if isinstance(f, Finding) else finding_from_dict(f) for f in record["findings"]]
        self.outcomes += [Outcome(record["organisation"], check, record["subject"], record["status"])
                          for check in record["checks"]]

    def organisation_record(self, organisation: Organisation, notes: tuple[str, ...]) -> dict[str, Any] | None:
        """The record of ``organisation`` the first time this process reports on it, as plain data; with its data
        flows (drawn on the reference data it is checked with) when reports are written."""
        if organisation.id in self.sent:
            return None
        self.sent.add(organisation.id)
        drawn = flows(organisation, self.engine.reference, self.settings.as_of) if self.settings.report_dir else None
        return OrganisationRecord.of(organisation, notes, drawn).to_dict()

    def run(self) -> Run:
        return Run(self.settings.as_of, __version__, self.engine.checks, tuple(self.organisations.values()),
                   tuple(self.findings), tuple(self.outcomes))

    @pytest.hookimpl(trylast=True)  # after pytest's junitxml has written junit.xml into the staging folder
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if any(outcome.status == "error" for outcome in self.outcomes):
            session.exitstatus = pytest.ExitCode.INTERNAL_ERROR  # a crashed check: no verdict on the input
        folder = self.report_folder
        if folder is None:
            return
        if exitstatus not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED) or not self.outcomes:
            folder.discard()  # an interrupted or broken run leaves the previous report set as it was
            return
        found = discover(roots(self.config))
        folder.inputs = (*(Path(f) for o in self.organisations.values() for f in o.files), *found.declarations,
                         *found.waivers, *self.settings.waiver_files, *self.settings.notices.values(), *self.inputs)
        staging = folder.staging
        assert staging is not None
        try:
            if (staging / "junit.xml").exists():
                strip_volatile(staging / "junit.xml")
            write_reports(self.run(), self.engine.reference, staging, self.settings.lang)
            folder.commit()
        except OutputError as error:
            folder.discard()
            self.config.pluginmanager.get_plugin("terminalreporter").write_line(error.format())
            session.exitstatus = pytest.ExitCode.USAGE_ERROR

    def pytest_unconfigure(self) -> None:
        if self.report_folder is not None:
            self.report_folder.discard()

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not self.outcomes:
            return
        write = terminalreporter.write_line
        terminalreporter.section("pac")
        write(f"as of {self.settings.as_of}; items fail on {self.settings.fail_on} and above")
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
        below = [] if brief else [f for f in run.findings
                                  if not f.waived and not at_least(f.severity, self.settings.fail_on)]
        for finding in below:
            subjects = ", ".join(finding.subjects)
            write(printable(f"{finding.severity}: {finding.organisation} {finding.check} [{subjects}] {finding.message}"))
        if self.settings.report_dir is not None and not self.worker:
            write(f"reports written to {self.settings.report_dir}")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


STATE = pytest.StashKey[PacSession]()


def configure(config: pytest.Config) -> None:
    """Check pac's options and register the session's state and reporting."""
    session = PacSession(config, Settings.of(config))
    if session.settings.report_dir is not None and not session.worker:
        session.report_folder = _stage(config, session.settings.report_dir)
    config.stash[STATE] = session
    config.pluginmanager.register(session, "pac-session")
    config.addinivalue_line("markers", "pac: a pac check on a declaration")


@contextmanager
def kept() -> Iterator[None]:
    """Make objects kept for the whole run (the model, its evaluation) with the cyclic garbage collector paused,
    then freeze them: they are immutable and acyclic, and the collector would only scan their millions of objects
    again and again (reference counting still frees them)."""
    with gc_paused():
        yield
        gc.freeze()  # before the collector resumes, or its first young generation would hold all of them


def real(path: Path) -> Path:
    """The path with symbolic links resolved (never raising, not even on a link loop)."""
    return Path(os.path.realpath(path))


def roots(config: pytest.Config) -> set[Path]:
    """The folders and files of ``pac_paths``, resolved."""
    return {real(p if Path(p).is_absolute() else config.rootpath / p) for p in config.getini("pac_paths")}


def _stage(config: pytest.Config, report_dir: Path) -> ReportFolder:
    """Stage the new report set beside ``report_dir`` (checked now, before the run); a ``--junitxml`` file
    inside it is written into the staging folder too, so that it changes with the other reports."""
    folder = ReportFolder(report_dir)
    try:
        staging = folder.stage()
    except OutputError as error:
        raise pytest.UsageError(error.format("--pac-report-dir")) from None
    interrupts = ExitStack()  # `kill` ends the run as Ctrl-C does, so that the staging folder is removed
    interrupts.enter_context(terminate_interrupts())
    config.add_cleanup(interrupts.close)
    xmlpath = config.option.xmlpath
    if xmlpath and real(Path(xmlpath).parent) == folder.folder:
        config.option.xmlpath = str(staging / Path(xmlpath).name)
    return folder


def state(config: pytest.Config) -> PacSession:
    return config.stash[STATE]


@cache
def markers(check: Check) -> list[str]:
    """Markers for ``-m``: the topic, the severity and each GDPR article cited."""
    articles = {f"gdpr_art{m.group(1)}" for a in check.articles if (m := re.match(r"GDPR Art\. (\d+)", a))}
    return [f"pac_{check.topic}", f"pac_{check.severity}", *sorted(articles)]
