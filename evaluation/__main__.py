"""``python -m evaluation [ORG ...]``: score pac's findings against the lawyer's expectations.

Prints recall (expected findings caught, by severity), precision (reported errors and warnings
that are expected or triaged legitimate) and every finding to look at. Exits 1 when something
is missed, forbidden, repeated or untriaged (entries marked ``known`` excepted), 2 on a bad
expectations file or declaration.
"""

from __future__ import annotations

import argparse
import sys

from pac import Engine
from pac.commands._common import report_invalid
from pac.errors import InvalidInput

from .suite import HERE, FormatError, discover, evaluate, render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__.split("\n\n")[0])
    parser.add_argument("organisations", nargs="*", metavar="ORG", help="organisation folders to score (default: all)")
    args = parser.parse_args(argv)
    try:
        organisations = discover(HERE)
    except FormatError as error:
        print(error, file=sys.stderr)
        return 2
    wanted = set(args.organisations)
    unknown = wanted - {o.folder.name for o in organisations}
    if unknown:
        parser.error(f"no organisation folder {', '.join(sorted(unknown))} in {HERE}")
    engine = Engine.from_plugins()
    try:
        scores = [evaluate(o, engine) for o in organisations if not wanted or o.folder.name in wanted]
    except InvalidInput as error:  # a declaration of the suite that pac rejects: located errors, no traceback
        report_invalid(error)
        return 2
    sys.stdout.write(render(scores))
    return 1 if any(s.problems(known=False) for s in scores) else 0


if __name__ == "__main__":
    sys.exit(main())
