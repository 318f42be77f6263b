"""``pac checks [PATH...]``: list the check catalogue: pac's own, that of installed pac plugins, and the
checks of the ``conftest.py`` files pytest loads for PATH (default: the working folder)."""

from __future__ import annotations

import argparse
import json

from ..checking import Check
from ..pytest.plugins import engine_for
from ..reference import Reference


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("checks", help="list the checks: id, title, articles, severity")
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="declaration files or folders whose conftest.py checks to list too (default: .)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(run=run)


def jurisdictions(check: Check, reference: Reference) -> list[str]:
    """The countries whose law the check applies: for a check of national law, those for which the reference data
    hold rules on every topic it applies; for a check of the GDPR alone, every EEA state."""
    if not check.national:
        return [state.code for state in reference.eea_states()]
    covered = [set(reference.jurisdictions(topic)) for topic in check.national]
    return sorted(set.intersection(*covered))


def run(arguments: argparse.Namespace) -> int:
    engine = engine_for(arguments.paths)
    checks = engine.checks
    if arguments.json:
        print(json.dumps([{"id": c.id, "title": c.title, "articles": list(c.articles), "severity": c.severity,
                           "subject": c.subject, "topic": c.topic, "rationale": c.rationale, "remedy": c.remedy,
                           "national_law": list(c.national), "jurisdictions": jurisdictions(c, engine.reference)}
                          for c in checks], indent=2, ensure_ascii=False))
        return 0
    width = max((len(c.id) for c in checks), default=0)
    for c in checks:
        print(f"{c.id:<{width}}  {c.severity:<7}  {c.title}  [{'; '.join(c.articles)}]")
    return 0
