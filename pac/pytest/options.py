"""One table of pac's run options: it feeds pytest's ``addoption`` (``--pac-as-of``) and the argparse
parser of ``pac check`` (``--as-of``), and turns ``pac check``'s arguments into pytest's."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cache import ModelCache
from ..checking import SEVERITIES
from ..engine import evaluation_date, notice_option
from ..messages import LANGUAGES
from ..yamlio import DEFAULT_LIMITS

if TYPE_CHECKING:  # pragma: no cover
    import pytest

GRANULARITIES = ("failures", "subject", "check", "organisation")
"""Items: one per failing subject of a check and one for the rest of its subjects (default), one per check
and subject, one per check, or one per organisation."""


def as_of(value: str) -> date:
    """An evaluation date: ISO, and one the GDPR covers."""
    try:
        return evaluation_date(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def positive(text: str) -> int:
    """A size limit in bytes: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1 byte")
    return value


def notice(value: str) -> str:
    """ORG=PATH, kept as given (the session reads it with :func:`pac.engine.notice_option`)."""
    try:
        notice_option(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return value


@dataclass(frozen=True)
class Option:
    """One option: ``--pac-NAME`` for pytest, ``--NAME`` for pac (``dest`` is the same on both sides)."""

    name: str
    help: str
    settings: dict[str, Any] = field(default_factory=dict)  # argparse keyword arguments other than help
    pac_default: Any = None  # pac's default, where it differs from pytest's

    @property
    def dest(self) -> str:
        return "pac_" + self.name.replace("-", "_")

    def arguments(self, value: Any) -> list[str]:
        """``value`` (as parsed by pac) as pytest arguments."""
        flag = f"--pac-{self.name}"
        if self.settings.get("action") == "store_true":
            return [flag] if value else []
        values = value if self.settings.get("action") == "append" else [value]
        return [part for v in values if v is not None
                for part in (flag, v.isoformat() if isinstance(v, date) else str(v))]


OPTIONS = (
    Option("as-of", "evaluate every date-dependent rule on this date (default: today)",
           {"type": as_of, "metavar": "YYYY-MM-DD"}),
    Option("fail-on", "the lowest severity that fails an item (default: error, or the pac_fail_on ini value)",
           {"choices": SEVERITIES}),
    Option("report-dir", "write findings.json and the other reports into DIR", {"type": Path, "metavar": "DIR"}),
    Option("lang", "the language of report.html and report.md: en (default), or nl for Dutch headings, labels, "
           "verdicts, country names, citations and the checks' titles, rationales and remedies (the findings' "
           "messages stay English)", {"choices": LANGUAGES}),
    Option("waivers", "a waiver file to use besides the waivers.yaml files in the policy folders",
           {"action": "append", "default": [], "type": Path, "metavar": "FILE"}),
    Option("notice", "a text copy of organisation ORG's privacy notice; every provenance quote is checked against "
           "it (default: the declaration's notice.text_file)",
           {"action": "append", "default": [], "type": notice, "metavar": "ORG=PATH"}),
    Option("max-file-size", f"refuse YAML files larger than this (default {DEFAULT_LIMITS.max_bytes})",
           {"type": positive, "default": DEFAULT_LIMITS.max_bytes, "metavar": "BYTES"}),
    Option("granularity", "pytest items: one per failing subject of a check and one for the rest of its subjects "
           "(failures, the default); one per check and subject; one per check; or one per organisation",
           {"choices": GRANULARITIES}),
    Option("cache-dir", "keep validated declarations in DIR, keyed by their content, so that a run on the same "
           "files skips parsing them (default: pytest's cache folder; for pac, .pac_cache)",
           {"type": Path, "metavar": "DIR"}, pac_default=Path(".pac_cache")),
    Option("no-cache", "neither read nor write the cache of validated declarations", {"action": "store_true"}),
)
BY_NAME = {option.name: option for option in OPTIONS}
INPUT_OPTIONS = ("max-file-size", "cache-dir", "no-cache")
"""The options of every pac command that reads declarations."""


def add_to_pytest(parser: pytest.Parser) -> None:
    """pac's options and ini values, on pytest's command line."""
    group = parser.getgroup("pac", "pac: GDPR checks on privacy declarations")
    for option in OPTIONS:
        group.addoption(f"--pac-{option.name}", dest=option.dest, help=option.help, **option.settings)
    parser.addini("pac_paths", type="paths", default=[], help="folders or files of pac declarations")
    parser.addini("pac_only", type="bool", default=False,
                  help="collect the pac_paths and nothing else (pac check sets it, to collect declarations in a folder "
                       "whose name pytest would read as a node id, such as a::b or draft[1])")
    parser.addini("pac_granularity", default=GRANULARITIES[0], help="default for --pac-granularity")
    parser.addini("pac_fail_on", default="error", help="default for --pac-fail-on")


def add_to_argparse(parser: argparse.ArgumentParser, names: tuple[str, ...] = tuple(BY_NAME)) -> None:
    """The options ``names`` of the table, as ``--NAME`` on a pac command's parser."""
    for name in names:
        option = BY_NAME[name]
        settings = dict(option.settings)
        if option.pac_default is not None:
            settings["default"] = option.pac_default
        parser.add_argument(f"--{name}", dest=option.dest, help=option.help, **settings)


def pytest_arguments(arguments: argparse.Namespace) -> list[str]:
    """The table's options that ``arguments`` (parsed by :func:`add_to_argparse`) holds, for pytest."""
    return [part for option in OPTIONS if hasattr(arguments, option.dest)
            for part in option.arguments(getattr(arguments, option.dest))]


def model_cache(arguments: argparse.Namespace) -> ModelCache | None:
    """The cache of validated declarations a pac command uses: None with ``--no-cache``."""
    return None if arguments.pac_no_cache else ModelCache(arguments.pac_cache_dir)
