"""Super-linear time: a hostile shape must not make any step of loading and checking grow with the square of
the input (a 3,000-deep sub-processor chain took 36 s; 3,000 unknown references 200 s). The benchmark's
``benchmarks/shapes.py`` measures each step on larger sizes; this is its small version."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import pytest
import yaml

from pac import load
from pac.builder import SUGGESTION_BUDGET
from pac.errors import InvalidInput

spec = importlib.util.spec_from_file_location("benchmarks_shapes", Path(__file__).parents[2] / "benchmarks" / "shapes.py")
assert spec and spec.loader
shapes = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = shapes
spec.loader.exec_module(shapes)


def test_each_step_grows_near_linearly_on_every_hostile_shape():
    """Four times the input must take clearly less than the sixteen times a quadratic step would (growth 4).
    Processor seconds, the least of three, without the garbage collector: other work on a shared machine
    and the collector's scans of a larger heap do not count, so the bound can be tight (linear steps grow
    0.7-1.1; the diagram's quadratic badges on a deep chain grew 4.3, the cubic chain check 16)."""
    result = shapes.run([1000, 4000], sorted(shapes.SHAPES), repeats=3)
    for shape, steps in result["growth"].items():
        for step, growth in steps.items():
            assert growth < 2, (shape, step, result["seconds"][shape][step])


def test_memory_grows_linearly_with_the_depth_of_a_chain():
    """Each recipient's chain was kept whole (about 400 MB at 10,000 deep): three times the depth must hold
    clearly less than the nine times memory a quadratic step would (growth 3; the old chains grew 2.2-fold)."""
    result = shapes.run([1000, 3000], ["chain"], repeats=1, gauge=shapes.peak_bytes, steps=("evaluate", "graph"))
    assert all(growth < 1.5 for growth in result["growth"]["chain"].values()), result


def timed_load(path: Path) -> tuple[float, InvalidInput | None]:
    start = time.perf_counter()
    try:
        load([path])
    except InvalidInput as invalid:
        return time.perf_counter() - start, invalid
    return time.perf_counter() - start, None


def test_a_3000_deep_chain_and_3000_unknown_references_load_in_seconds(tmp_path: Path):
    chain, unknown = tmp_path / "shape-3000.yaml", tmp_path / "unknown" / "shape-3000.yaml"
    unknown.parent.mkdir()
    chain.write_text(yaml.safe_dump(shapes.chain(3000)), encoding="utf-8")
    unknown.write_text(yaml.safe_dump(shapes.unknown(3000)), encoding="utf-8")
    seconds, invalid = timed_load(chain)
    assert invalid is None and seconds < 15
    seconds, invalid = timed_load(unknown)
    assert invalid is not None and len(invalid.errors) == 3000 and seconds < 15
    hinted = [e for e in invalid.errors if "did you mean" in e.hint]
    assert 0 < len(hinted) <= SUGGESTION_BUDGET // 3000 + 1
    assert all("declare it under recipients first" in e.hint for e in invalid.errors if e not in hinted)


def test_a_long_circle_is_reported_at_each_member_in_a_short_message(errors_of):
    size = 2000
    recipients = "".join(f"  - {{id: r{i}, name: R, named: true, role: sub_processor, parent: r{(i + 1) % size}, "
                         "provenance: {section: A, quote: b}}\n" for i in range(size))
    errors = errors_of("recipients:\n" + recipients)
    assert len(errors) == size and all(len(e.message) < 120 for e in errors)
    assert errors[0].message == "the sub-processor chain r0 -> r1 -> r2 -> ... (1997 more) -> r0 runs in a circle"


@pytest.mark.parametrize("size", [3])
def test_a_short_circle_is_shown_whole(errors_of, size: int):
    recipients = "".join(f"  - {{id: r{i}, name: R, named: true, role: sub_processor, parent: r{(i + 1) % size}, "
                         "provenance: {section: A, quote: b}}\n" for i in range(size))
    messages = [e.message for e in errors_of("recipients:\n" + recipients)]
    assert messages[1] == "the sub-processor chain r1 -> r2 -> r0 -> r1 runs in a circle"
