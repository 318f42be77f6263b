"""pac: privacy policy as code.

Declarations (YAML) -> validated model -> checks and data-flow graph -> reports. The public API:
:func:`load` reads declarations, :func:`check` declares a check, :data:`hookimpl` implements a pac
hook, :class:`Engine` runs the catalogue, :func:`translated` gives a pack's checks their texts in other
languages. A check sees its subject (a :mod:`pac.model` element) and a
:class:`Context` (the organisation, the date, :mod:`pac.reference`, the transfers and flows); these three
modules, ``pac``, ``pac.model`` and ``pac.reference``, are all a check module imports from pac.

PYTEST_DONT_REWRITE: pac holds no assertions for pytest to rewrite, and ``pac check`` imports pac
before it starts pytest, which would otherwise warn that it cannot rewrite it.
"""

from importlib.metadata import PackageNotFoundError, version

from .check_texts import Translations, translated
from .checking import Check, Context, Finding, Severity, check
from .duration import Duration
from .engine import Engine
from .graph import Flow, build_graph
from .hookspecs import hookimpl
from .loader import load
from .phrases import Phrase, Term, say, word
from .provenance import missing_quotes
from .records import RecordType
from .reference import name_key
from .transfers import ToolVerdict, TransferAssessment

DISTRIBUTION = "pac-gdpr"
"""pac's name on PyPI (``pip install pac-gdpr``); the import package is ``pac``."""

try:
    __version__ = version(DISTRIBUTION)
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = ["DISTRIBUTION", "Check", "Context", "Duration", "Engine", "Finding", "Flow", "Phrase", "RecordType",
           "Severity", "Term", "ToolVerdict", "TransferAssessment", "Translations", "__version__", "build_graph", "check",
           "hookimpl", "load", "missing_quotes", "name_key", "say", "translated", "word"]
