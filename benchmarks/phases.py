"""Where one in-process pac run spends its time: load, every check (each timed), and the graph.

    python benchmarks/phases.py PATH --as-of YYYY-MM-DD

prints one JSON object: ``load`` (parse, schema validation and model build), ``evaluate`` (every
check on every subject, the graph and the notice text built on first use as in ``pac check``) and
``graph`` (a fresh data-flow graph build), each as ``{"wall": s, "cpu": s}``; and ``checks``, the
CPU seconds of each check within that evaluation (the graph, the notice text and their imports
count for the first check that asks for them).
The checks run as in ``pac check`` except for the ``pac_severity`` hook of plugins, which
would only change severities.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import defaultdict
from datetime import date
from time import perf_counter, process_time
from typing import Any

from pac import Check, Engine, load
from pac.graph import build_graph


def timed(check: Check, spent: dict[str, float]) -> Check:
    """``check``, adding the CPU time it takes (its findings drawn in full) to ``spent[check.id]``."""
    function = check.function

    def run(subject: Any, ctx: Any) -> list:
        start = process_time()
        findings = list(function(subject, ctx) or ())
        spent[check.id] += process_time() - start
        return findings

    return dataclasses.replace(check, function=run)


def measure(path: str, as_of: date) -> dict[str, Any]:
    """Wall and CPU seconds of each phase, and CPU seconds per check."""
    engine = Engine.from_plugins()
    marks = [(perf_counter(), process_time())]
    (organisation,) = load([path], reference=engine.reference)
    marks.append((perf_counter(), process_time()))
    spent: dict[str, float] = defaultdict(float)
    Engine([timed(c, spent) for c in engine.checks], engine.reference).evaluate(organisation, as_of)
    marks.append((perf_counter(), process_time()))
    build_graph(organisation, engine.reference, as_of)
    marks.append((perf_counter(), process_time()))
    phases = {name: {"wall": end[0] - begin[0], "cpu": end[1] - begin[1]}
              for name, begin, end in zip(("load", "evaluate", "graph"), marks, marks[1:])}
    return {**phases, "checks": dict(sorted(spent.items()))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="the declaration file or folder of one organisation")
    parser.add_argument("--as-of", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    arguments = parser.parse_args(argv)
    print(json.dumps(measure(arguments.path, arguments.as_of)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
