"""Scale tests of hostile shapes: does every step of loading and checking stay near-linear in the input?

    python benchmarks/shapes.py                 # sizes 1000, 2000, 4000, the best of 3 each
    python benchmarks/shapes.py --sizes 500 1000 --repeats 1
    python benchmarks/shapes.py --memory --shapes chain --sizes 2500 5000 10000 --repeats 1

Each shape is an organisation that grows along one axis a careless or hostile author can push:

- ``chain``: a sub-processor chain N deep (each recipient the parent of the next);
- ``unknown``: N recipients, each naming a parent nobody declared (a located error each, with a did-you-mean
  hint among the N ids);
- ``fanout``: one activity with N purposes and N recipients of it (wide lists, long finding lists).

For each shape and size it measures the processor seconds, in this process, of ``load`` (parse, schema, build; for ``unknown`` up to
the located errors), ``evaluate`` (every check, as ``pac check`` runs them) and ``graph`` (the data-flow
graph and its DOT source). It prints one JSON object: seconds per shape, step and size, and per shape and
step the *growth*: the time of the largest size over the next largest, divided by their ratio of sizes
(1.0 is linear; a quadratic step doubles it with every doubling of N). With ``--memory`` it gives instead the
peak of memory each step holds (bytes, measured with :mod:`tracemalloc`, which slows the steps) and its
growth. ``tests/hostile/test_scale.py`` runs it on small sizes and fails on a growth above a bound.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import tracemalloc
from datetime import date
from pathlib import Path
from time import process_time
from typing import Any, Callable

import yaml

from pac import Engine, load
from pac.diagram import diagram
from pac.errors import InvalidInput
from pac.model import Organisation

AS_OF = date(2025, 6, 30)
SOURCE = {"section": "Verwerkers", "quote": "wij werken met verwerkers"}


def _activity(purposes: int = 1) -> dict[str, Any]:
    return {"id": "service", "name": "Service", "provenance": SOURCE, "categories": ["contact"],
            "purposes": [{"id": f"p{i}", "name": f"Purpose {i}", "legal_basis": "contract", "provenance": SOURCE}
                         for i in range(purposes)]}


def _organisation(n: int, activities: list[dict[str, Any]], recipients: list[dict[str, Any]]) -> dict[str, Any]:
    return {"pac": 1, "organisation": f"shape-{n}",
            "data_categories": [{"id": "contact", "name": "Contact details", "provenance": SOURCE}],
            "activities": activities, "recipients": recipients}


def chain(n: int) -> dict[str, Any]:
    recipients = [{"id": f"r{i}", "name": f"Processor {i}", "named": True, "country": "NL",
                   "role": "processor" if i == 0 else "sub_processor", "activities": ["service"], "provenance": SOURCE,
                   **({"parent": f"r{i - 1}"} if i else {})} for i in range(n)]
    return _organisation(n, [_activity()], recipients)


def unknown(n: int) -> dict[str, Any]:
    recipients = [{"id": f"recipient-{i}", "name": f"Recipient {i}", "named": True, "country": "NL",
                   "role": "sub_processor", "parent": f"no-such-recipient-{i}", "activities": ["service"],
                   "provenance": SOURCE} for i in range(n)]
    return _organisation(n, [_activity()], recipients)


def fanout(n: int) -> dict[str, Any]:
    recipients = [{"id": f"r{i}", "name": f"Recipient {i}", "named": True, "country": "US", "role": "processor",
                   "activities": ["service"], "provenance": SOURCE} for i in range(n)]
    return _organisation(n, [_activity(n)], recipients)


SHAPES: dict[str, Callable[[int], dict[str, Any]]] = {"chain": chain, "unknown": unknown, "fanout": fanout}


Gauge = Callable[[Callable[[], Any]], tuple[Any, float]]
"""Runs one step and gives its result and a figure: :func:`seconds` or :func:`peak_bytes`."""


def seconds(step: Callable[[], Any]) -> tuple[Any, float]:
    """The step's result and the processor seconds it took: this process's own, so that other work on a shared
    machine does not count, and with the cyclic garbage collector off, as the ``pac`` command runs
    (:func:`pac.cli.entry`; its collections would scan the whole model, more often the larger it is)."""
    collecting = gc.isenabled()
    gc.collect()
    gc.disable()
    start = process_time()
    try:
        result = step()
        return result, process_time() - start
    finally:
        if collecting:
            gc.enable()


def peak_bytes(step: Callable[[], Any]) -> tuple[Any, float]:
    """The step's result and the most memory it held at once (bytes allocated during the step and alive)."""
    tracemalloc.start()
    try:
        result = step()
        return result, float(tracemalloc.get_traced_memory()[1])
    finally:
        tracemalloc.stop()


def _load(path: Path, engine: Engine) -> Organisation | InvalidInput:
    try:
        (organisation,) = load([path], reference=engine.reference)
    except InvalidInput as invalid:
        return invalid
    return organisation


STEPS = ("load", "evaluate", "graph")


def measure(shape: str, n: int, folder: Path, engine: Engine, gauge: Gauge = seconds,
            steps: tuple[str, ...] = STEPS) -> dict[str, float]:
    """The ``gauge`` of each of ``steps`` (the others run ungauged) on the shape of size ``n``."""
    path = folder / f"shape-{n}.yaml"
    path.write_text(yaml.safe_dump(SHAPES[shape](n), sort_keys=False), encoding="utf-8")
    figures: dict[str, float] = {}

    def step(name: str, work: Callable[[], Any]) -> Any:
        if name not in steps:
            return work()
        result, figures[name] = gauge(work)
        return result

    organisation = step("load", lambda: _load(path, engine))
    if isinstance(organisation, InvalidInput):
        assert len(organisation.errors) >= n, organisation
        return figures
    evaluation = step("evaluate", lambda: engine.evaluate(organisation, AS_OF))
    assert not evaluation.crashes, evaluation.crashes
    step("graph", lambda: diagram(organisation, engine.reference, AS_OF, findings=evaluation.all_findings()).source)
    return figures


def growth(figures: dict[int, float]) -> float:
    """The figure of the largest size over the next largest, per unit of size ratio (1.0: linear; the smaller
    sizes are dominated by fixed costs)."""
    small, large = sorted(figures)[-2:]
    return (figures[large] / max(figures[small], 1e-3)) / (large / small)


def best(shape: str, n: int, folder: Path, engine: Engine, repeats: int, gauge: Gauge = seconds,
         steps: tuple[str, ...] = STEPS) -> dict[str, float]:
    """The least of ``repeats`` measures of each step (the least disturbed by other work on the machine)."""
    runs = [measure(shape, n, folder, engine, gauge, steps) for _ in range(repeats)]
    return {step: min(r[step] for r in runs) for step in runs[0]}


def run(sizes: list[int], shapes: list[str], repeats: int = 3, gauge: Gauge = seconds,
        steps: tuple[str, ...] = STEPS) -> dict[str, Any]:
    """The figures of ``steps`` per shape and size (the least of ``repeats``; under ``"seconds"`` or, with
    :func:`peak_bytes`, ``"bytes"``), and each step's growth."""
    engine = Engine.from_plugins()
    unit = "bytes" if gauge is peak_bytes else "seconds"
    result: dict[str, Any] = {"sizes": sizes, unit: {}, "growth": {}}
    with tempfile.TemporaryDirectory(prefix="pac-shapes-") as work:
        for shape in shapes:
            measure(shape, sizes[0], Path(work), engine)  # warm up: imports, caches
            per_size = {n: best(shape, n, Path(work), engine, repeats, gauge, steps) for n in sizes}
            steps = per_size[sizes[0]].keys()
            result[unit][shape] = {step: {n: round(per_size[n][step], 3) for n in sizes} for step in steps}
            result["growth"][shape] = {step: round(growth({n: per_size[n][step] for n in sizes}), 2) for step in steps}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000])
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=sorted(SHAPES))
    parser.add_argument("--repeats", type=int, default=3, help="measures per size; the least counts (default 3)")
    parser.add_argument("--memory", action="store_true",
                        help="measure the peak memory of each step (bytes, with tracemalloc) instead of its time")
    arguments = parser.parse_args(argv)
    gauge = peak_bytes if arguments.memory else seconds
    json.dump(run(sorted(arguments.sizes), arguments.shapes, arguments.repeats, gauge), sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
