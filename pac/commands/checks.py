"""``pac checks [PATH...]``: list the check catalogue: pac's own, that of installed pac plugins, and the
checks of the ``conftest.py`` files pytest loads for PATH (default: the working folder)."""

from __future__ import annotations

import argparse
import json

from ..pytest.plugins import engine_for


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("checks", help="list the checks: id, title, articles, severity")
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="declaration files or folders whose conftest.py checks to list too (default: .)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    checks = engine_for(arguments.paths).checks
    if arguments.json:
        print(json.dumps([{"id": c.id, "title": c.title, "articles": list(c.articles), "severity": c.severity,
                           "subject": c.subject, "topic": c.topic, "rationale": c.rationale, "remedy": c.remedy}
                          for c in checks], indent=2, ensure_ascii=False))
        return 0
    width = max((len(c.id) for c in checks), default=0)
    for c in checks:
        print(f"{c.id:<{width}}  {c.severity:<7}  {c.title}  [{'; '.join(c.articles)}]")
    return 0
