"""Benchmark pac on a synthetic organisation of one size, against floors measured in the same run.

    .venv/bin/python benchmarks/run.py --size large

Every measure is a whole command run as a subprocess, repeated in rounds (each round runs every
measure once, so that a busy machine slows all of them alike); the measures with an item per
subject, hundreds of thousands at the large size, run in the first rounds only. The table gives
medians of wall and CPU time, each as a ratio to the floor, and the peak resident memory. The
last line summarises the run for tooling:

    SUMMARY size=large check/floor=1.8 pytest_check/floor=2.2 item_overhead/bare=1.2 graph_s=4.0 peak_mb=600
    small_default/floor=2.1 pytest_default/floor=1.9 peak_default_mb=400 warm/floor=0.3 medium_to_large=10.1
    exponent_10k_100k=1.0

(one line). ``--scale`` adds the scale curve: default ``pac check`` on 1, 1,000, 10,000 and 100,000
activities, the time and peak memory of each step, and the growth exponent from 10,000 to 100,000.

benchmarks/README.md defines each figure and holds the results.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from time import perf_counter
from typing import Callable

from generate import AS_OF, SIZES, Size

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent
PYTHON = sys.executable
PYTEST = [PYTHON, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--no-header", "--tb=line"]
"""pytest as `pac check` runs it (quiet, no cache), with --tb=line: pac's items print the same report in
every traceback style, but the default style makes pytest 9 look up each failure's teardown sections
by scanning every report (_pytest/terminal.py:1196-1206), which is quadratic (see README.md)."""
BARE = [*PYTEST, "-p", "no:pac"]
"""pytest without pac's plugin, for the floor of plain pytest items."""
FLOOR = """\
import gc, sys, yaml
gc.disable()
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
"""
"""The floor: parse the same YAML with libyaml's CSafeLoader, garbage collector paused, nothing else."""
SEEDS_FLOOR = "import pac.pytest.plugin\n" + FLOOR
"""The floor of the five seeds: importing pac's pytest plugin (and so pytest), then parsing their YAML."""
SCALE = (1, 1_000, 10_000, 100_000)
"""The steps of the scale curve, in activities (a fifth as many recipients); the first is the fixed cost."""
ROUNDS = {"small": (5, 5), "medium": (5, 3), "large": (3, 1)}
"""Rounds of every measure, and of those with an item per subject (minutes each at the large size)."""
ITEMS_ONE_DOWN = ("large",)
"""The sizes whose item overhead is measured one size down, unless ``--per-subject``: an item per subject
of the large organisation is 330,000 items, some 6 minutes of pytest alone (and 20 on a busy machine);
the overhead is a cost per item, which the medium organisation's 34,000 items measure as well."""
SMALLER = {"large": "medium"}
"""The size one step down, against which a size's scaling is measured (at the smaller sizes the
size-dependent cost is too small beside the fixed cost to measure a ratio)."""
CLOCKS = ("wall", "cpu")
_COUNTS = re.compile(r"(\d+) (?:passed|failed|xfailed|xpassed|skipped)\b")


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_mb: float
    stdout: str


@dataclass
class Measure:
    """One command, run as a subprocess in ``cwd``; ``exits`` are the exit statuses that mean it worked.
    A ``per_subject`` measure has an item per check and subject."""

    name: str
    what: str
    argv: list[str]
    cwd: Path
    exits: tuple[int, ...] = (0,)
    pac: bool = True  # a pac command: its memory counts for peak_mb
    per_subject: bool = False
    before: Callable[[], object] | None = None  # what to do before the first run
    runs: list[Run] = field(default_factory=list)

    def run(self, env: dict[str, str]) -> Run:
        """Run once: wall time, and the CPU time and peak resident memory of the process and its children
        (from wait4, as /usr/bin/time -v reports them)."""
        if self.before and not self.runs:
            self.before()
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = perf_counter()
            process = subprocess.Popen(self.argv, cwd=self.cwd, stdout=out, stderr=err, env=env)
            _, status, usage = os.wait4(process.pid, 0)
            wall = perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
        if process.returncode not in self.exits:
            raise SystemExit(f"{self.name}: `{' '.join(self.argv)}` in {self.cwd} exited with {process.returncode}\n"
                             f"{(stdout + stderr)[-3000:]}")
        peak = usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10)  # bytes on macOS, KiB elsewhere
        run = Run(wall, usage.ru_utime + usage.ru_stime, peak, stdout)
        self.runs.append(run)
        return run

    def median(self, clock: str) -> float:
        return statistics.median(getattr(r, clock) for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)

    @property
    def items(self) -> int | None:
        """The pytest items of the last run, from its summary line."""
        lines = [line for line in self.runs[-1].stdout.splitlines() if line.strip()]
        counts = _COUNTS.findall(lines[-1]) if lines else []
        return sum(map(int, counts)) if counts else None


def generate(out: Path, size: Size, seed: int, files: int = 1) -> Path:
    """Write a synthetic organisation with benchmarks/generate.py; its file or folder. A process of its own,
    so that this one stays small: a child's peak memory counts its parent's at the time it was started."""
    result = subprocess.run([PYTHON, str(HERE / "generate.py"), "--out", str(out), "--seed", str(seed), "--files",
                             str(files), "--activities", str(size.activities), "--recipients", str(size.recipients)],
                            check=True, capture_output=True, text=True)
    return Path(result.stdout.strip())


def project(work: Path, size: str, seed: int) -> Path:
    """The organisation of ``size`` in a pytest project of its own (``pac_paths`` names it); its file."""
    declaration = generate(work / size / "project", SIZES[size], seed)
    (declaration.parent / "pytest.ini").write_text(f"[pytest]\npac_paths = {declaration.name}\n", encoding="utf-8")
    return declaration


def trivial_project(folder: Path, items: int) -> Path:
    """A pytest project with ``items`` trivial items (none at all for 0)."""
    folder.mkdir(parents=True, exist_ok=True)
    test = f"import pytest\n\n\n@pytest.mark.parametrize('item', range({items}))\ndef test_trivial(item):\n    pass\n"
    (folder / "test_trivial.py").write_text(test if items else "", encoding="utf-8")
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    return folder


def pac(*arguments: str) -> list[str]:
    return [PYTHON, "-m", "pac", *arguments]


def pac_check(as_of: str, declaration: Path) -> list[str]:
    """`pac check` through the CLI path, not its printing; cold (no cache)."""
    return pac("check", "--as-of", as_of, "--granularity", "organisation", "--quiet", "--no-cache", str(declaration))


def pytest_pac(as_of: str, granularity: str, *more: str) -> list[str]:
    return [*PYTEST, "--pac-as-of", as_of, "--pac-granularity", granularity, *more]


def measures(declaration: Path, as_of: str, work: Path, folder: Path | None, items: Path | None = None) -> list[Measure]:
    """The measures of one organisation, the floor first; ``folder`` is the same split over several files
    (None: leave out the measures the SUMMARY line does not use). ``items`` is the organisation whose run with
    an item per subject measures the item overhead (default: this one): it is measured against pytest per
    organisation on the same file. The floors of plain pytest run in projects below ``work``, with as many
    items as pac's run per subject has."""
    home = declaration.parent
    one_down = items is not None and items != declaration
    items_home = items.parent if one_down else home
    suffix = f", {items.stem}" if one_down else ""
    subject = Measure("pytest_subject", f"pytest --pac-granularity subject{suffix}", pytest_pac(as_of, "subject"),
                      items_home, (0, 1), per_subject=True)
    found = [Measure("floor", "floor: CSafeLoader parse", [PYTHON, "-c", FLOOR, str(declaration)], home, pac=False),
             Measure("validate", "pac validate", pac("validate", "--no-cache", str(declaration)), home),
             Measure("warm", "pac validate, its cache filled", pac("validate", "--cache-dir", str(work / "cache"),
                                                                  str(declaration)), home,
                     before=lambda: subprocess.run(pac("validate", "--cache-dir", str(work / "cache"), str(declaration)),
                                                   cwd=home, check=True, capture_output=True))]
    if folder:
        found.append(Measure("validate_folder", f"pac validate, the same in {len(list(folder.glob('*.yaml')))} files",
                             pac("validate", "--no-cache", str(folder)), home))
    found += [Measure("check", "pac check --granularity organisation --quiet", pac_check(as_of, declaration), home, (0, 1)),
              subject,
              Measure("pytest_check", "pytest --pac-granularity check", pytest_pac(as_of, "check"), home, (0, 1)),
              Measure("pytest_default", "pytest (default items)", [*PYTEST, "--pac-as-of", as_of], home, (0, 1)),
              Measure("pytest_organisation", "pytest --pac-granularity organisation", pytest_pac(as_of, "organisation"),
                      home, (0, 1))]
    if one_down:
        found.append(Measure("items_base", f"pytest --pac-granularity organisation{suffix}",
                             pytest_pac(as_of, "organisation"), items_home, (0, 1)))
    if folder:
        found.append(Measure("pytest_check_n2", "pytest --pac-granularity check -n 2", pytest_pac(as_of, "check", "-n", "2"),
                             home, (0, 1)))
    bare, empty = work / "bare", work / "empty"
    return found + [Measure("bare", "pytest, as many trivial items", BARE, bare, pac=False, per_subject=True,
                            before=lambda: trivial_project(bare, subject.items or 0)),
                    Measure("empty", "pytest, no items", BARE, empty, (5,), pac=False,
                            before=lambda: trivial_project(empty, 0))]


def seeds_measures(as_of: str, work: Path) -> list[Measure]:
    """The five seeds of policies/ as users run them: `pac check --quiet` (its cache below ``work``) and
    `pytest policies/` (pytest's cache on), each with its default items; and their floor."""
    seeds = sorted(str(p) for p in (REPOSITORY / "policies").glob("*.yaml"))
    return [Measure("seeds_floor", "seeds floor: import pac's plugin + CSafeLoader parse",
                    [PYTHON, "-c", SEEDS_FLOOR, *seeds], REPOSITORY, pac=False),
            Measure("seeds_check", "seeds: pac check --quiet", pac("check", "policies", "--quiet", "--as-of", as_of,
                                                                   "--cache-dir", str(work / "seeds-cache")),
                    REPOSITORY, (0, 1), pac=False),
            Measure("seeds_pytest", "seeds: pytest policies/", [PYTHON, "-m", "pytest", "policies", "-q", "--no-header",
                                                               "--pac-as-of", as_of, "-o", f"cache_dir={work / 'seeds-pytest-cache'}"],
                    REPOSITORY, (0, 1), pac=False)]


def scaling_measures(size: str, smaller: Path, tiny: Path, as_of: str) -> list[Measure]:
    """`pac check` on ``smaller`` (the organisation of ``size``), and on one activity (its fixed cost)."""
    return [Measure("check_smaller", f"pac check --granularity organisation --quiet, {size}", pac_check(as_of, smaller),
                    smaller.parent, (0, 1)),
            Measure("fixed", "pac check --granularity organisation --quiet, 1 activity", pac_check(as_of, tiny), tiny.parent, (0, 1))]


def graph_measure(declaration: Path, as_of: str, out: Path) -> tuple[Measure | None, str]:
    """`pac graph` rendering SVG, or None and the reason it cannot be measured."""
    if shutil.which("dot") is None:
        return None, "Graphviz's dot is missing (apt-get install graphviz, or brew install graphviz)"
    return Measure("graph_svg", "pac graph --format svg", pac("graph", str(declaration), "--as-of", as_of, "--format",
                                                                "svg", "--out", str(out)), declaration.parent), ""


def ratio(part: float, whole: float) -> float:
    return part / whole if whole > 0 else float("nan")


@dataclass(frozen=True)
class Figures:
    """The figures of the SUMMARY line; None where they cannot be measured."""

    check_floor: float
    pytest_check_floor: float
    item_overhead_bare: float
    graph_s: float | None
    peak_mb: float
    scaling: float | None
    small_default_floor: float
    pytest_default_floor: float
    peak_default_mb: float
    warm_floor: float
    exponent: float | None


def figures(by: dict[str, Measure], clock: str, curve: list[Step] | None = None) -> Figures:
    """README.md defines each figure. The item overhead is the time an item per subject adds to pac's run,
    over the time as many trivial items add to an empty pytest run (per item, on both sides)."""
    t: Callable[[str], float] = lambda name: by[name].median(clock)  # noqa: E731
    floor = t("floor")
    base = "items_base" if "items_base" in by else "pytest_organisation"  # pytest per organisation on the same file
    pac_items, bare_items = t("pytest_subject") - t(base), t("bare") - t("empty")
    scaling = ratio(t("check") - t("fixed"), t("check_smaller") - t("fixed")) if "fixed" in by else None
    seeds = max(t("seeds_check"), t("seeds_pytest"))
    return Figures(ratio(t("check"), floor), ratio(t("pytest_check"), floor), ratio(pac_items, bare_items),
                   t("graph_svg") if "graph_svg" in by else None,
                   max(m.peak_mb for m in by.values() if m.pac and m.runs), scaling,
                   ratio(seeds, t("seeds_floor")), ratio(t("pytest_default"), floor), by["pytest_default"].peak_mb,
                   ratio(t("warm"), floor), exponent(curve, clock) if curve else None)


def summary(size: str, f: Figures) -> str:
    graph = f"{f.graph_s:.1f}" if f.graph_s is not None else "na"
    line = (f"SUMMARY size={size} check/floor={f.check_floor:.1f} pytest_check/floor={f.pytest_check_floor:.1f} "
            f"item_overhead/bare={f.item_overhead_bare:.1f} graph_s={graph} peak_mb={f.peak_mb:.0f} "
            f"small_default/floor={f.small_default_floor:.1f} pytest_default/floor={f.pytest_default_floor:.1f} "
            f"peak_default_mb={f.peak_default_mb:.0f} warm/floor={f.warm_floor:.1f}")
    line += f" {SMALLER[size]}_to_{size}={f.scaling:.1f}" if f.scaling is not None else ""
    return line + (f" exponent_10k_100k={f.exponent:.2f}" if f.exponent is not None else "")


@dataclass(frozen=True)
class Step:
    """One step of the scale curve: default `pac check` (no cache) on this many activities, run once."""

    activities: int
    run: Run


def scale_curve(work: Path, seed: int, as_of: str, env: dict[str, str]) -> list[Step]:
    """Default `pac check --quiet --no-cache` on each size of :data:`SCALE` (a folder of files of 1,000
    activities each, so that no file nears the size limit), once each."""
    steps = []
    for activities in SCALE:
        say(f"scale: generating {activities:,} activities")
        folder = generate(work / "scale" / str(activities), Size(activities, max(1, activities // 5)), seed,
                          max(1, activities // 1_000))
        measure = Measure(f"scale_{activities}", f"pac check, {activities:,} activities",
                          pac("check", "--as-of", as_of, "--quiet", "--no-cache", str(folder)), folder.parent, (0, 1))
        steps.append(Step(activities, measure.run(env)))
        say(f"scale: {activities:,} activities: {steps[-1].run.wall:.1f} s, {steps[-1].run.peak_mb:.0f} MB")
        shutil.rmtree(folder.parent, ignore_errors=True)
    return steps


def exponent(curve: list[Step], clock: str) -> float:
    """The growth exponent from 10,000 to 100,000 activities of the time beyond the fixed cost (1 activity):
    1.0 is linear."""
    t = {step.activities: getattr(step.run, clock) for step in curve}
    return math.log(ratio(t[100_000] - t[1], t[10_000] - t[1]), 10)


def curve_lines(curve: list[Step]) -> list[str]:
    return ["scale curve (default pac check --quiet --no-cache, one run each):",
            *(f"  {s.activities:>7,} activities: {s.run.wall:8.1f} s wall, {s.run.cpu:8.1f} s CPU, {s.run.peak_mb:6.0f} MB peak"
              for s in curve)]


def say(text: str) -> None:
    """Progress, on stderr."""
    print(text, file=sys.stderr, flush=True)


def table(done: list[Measure], floor: Measure) -> list[str]:
    lines = [f"{'measure':<50} {'runs':>4} {'wall s':>8} {'/floor':>6} {'cpu s':>8} {'/floor':>6} {'peak MB':>8} {'items':>8}"]
    for m in done:
        wall, cpu, items = m.median("wall"), m.median("cpu"), m.items
        lines.append(f"{m.what:<50} {len(m.runs):>4} {wall:>8.2f} {ratio(wall, floor.median('wall')):>6.2f} {cpu:>8.2f} "
                     f"{ratio(cpu, floor.median('cpu')):>6.2f} {m.peak_mb:>8.0f} {items if items is not None else '':>8}")
    return lines


def phases(declaration: Path, as_of: str, env: dict[str, str]) -> list[str]:
    """One in-process run of benchmarks/phases.py, summarised."""
    found = json.loads(Measure("phases", "in-process phases", [PYTHON, str(HERE / "phases.py"), str(declaration),
                                                               "--as-of", as_of], declaration.parent).run(env).stdout)
    slowest = sorted(found["checks"].items(), key=lambda kv: -kv[1])[:8]
    return ["in-process phases (one run, wall/CPU s): " + ", ".join(
                f"{k} {found[k]['wall']:.2f}/{found[k]['cpu']:.2f}" for k in ("load", "evaluate", "graph")),
            "slowest checks (CPU s, within evaluate): " + ", ".join(f"{name} {spent:.2f}" for name, spent in slowest)]


def benchmark(arguments: argparse.Namespace, work: Path, env: dict[str, str], started: float) -> list[str]:
    size, as_of, clock, quick = arguments.size, arguments.as_of, arguments.clock, arguments.quick
    rounds, subject_rounds = (1, 1) if quick else ROUNDS[size]
    rounds = arguments.runs or rounds
    load_before = os.getloadavg()[0]
    say(f"generating the {size} organisation in {work}")
    spec = SIZES[size]
    declaration = project(work, size, arguments.seed)
    folder = None if quick else generate(work / size / "folder", spec, arguments.seed, max(2, spec.activities // 100))
    smaller = project(work, SMALLER[size], arguments.seed) if size in SMALLER else None
    one_down = smaller if size in ITEMS_ONE_DOWN and not arguments.per_subject else None
    if one_down:
        subject_rounds = rounds
    repeated = measures(declaration, as_of, work, folder, one_down) + seeds_measures(as_of, work)
    if smaller:
        repeated += scaling_measures(SMALLER[size], smaller, generate(work / "tiny", Size(1, 1), arguments.seed), as_of)
    graph, graph_note = graph_measure(declaration, as_of, work / "graphs")
    repeated += [graph] if graph else []
    notes = [] if graph else [f"graph: not measured: {graph_note}"]
    for number in range(1, rounds + 1):
        todo = [m for m in repeated if number <= subject_rounds or not m.per_subject]
        if number > 1 and perf_counter() - started + sum(m.runs[-1].wall for m in todo) > arguments.budget:
            say(f"stopping after {number - 1} round(s): another would end after the {arguments.budget:.0f} s budget")
            break
        for measure in todo:
            say(f"round {number}/{rounds}: {measure.name} {measure.run(env).wall:.2f} s")
        if number == 1 and not quick:
            notes += phases(declaration, as_of, env)  # a diagnostic, run once
    by = {m.name: m for m in repeated}
    curve = scale_curve(work, arguments.seed, as_of, env) if arguments.scale else None
    notes += curve_lines(curve) if curve else []
    result = figures(by, clock, curve)
    notice = declaration.with_name(f"{declaration.stem}.notice.txt")
    notes.append(f"the pytest floor: pytest per subject / as many trivial items, {clock}: "
                 f"{ratio(by['pytest_subject'].median(clock), by['bare'].median(clock)):.2f}")
    if not quick:
        n2 = ratio(by["pytest_check_n2"].median("wall"), by["pytest_check"].median("wall"))
        notes.append(f"pytest -n 2 / pytest, per check, wall: {n2:.2f}")
    return [f"pac benchmark: size={size} ({spec.activities:,} activities, {spec.recipients:,} recipients), seed "
            f"{arguments.seed}, as of {as_of}, {os.cpu_count()} CPUs, load average {load_before:.2f} before and "
            f"{os.getloadavg()[0]:.2f} after",
            f"input: {declaration.stat().st_size / 2**20:.2f} MB of YAML, {notice.stat().st_size / 2**20:.2f} MB of "
            f"notice text; {by['pytest_subject'].items:,} items per subject"
            f"{f' (of the {SMALLER[size]} organisation, which measures the item overhead)' if one_down else ''}, "
            f"{by['pytest_check'].items} per check", "",
            *table(repeated, by["floor"]), "", *notes,
            f"figures from {clock} time: check/floor {result.check_floor:.2f}, pytest_check/floor "
            f"{result.pytest_check_floor:.2f}, item_overhead/bare {result.item_overhead_bare:.2f}; "
            f"{perf_counter() - started:.0f} s in all",
            summary(size, result)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=SIZES, default="large")
    parser.add_argument("--runs", type=int, help="rounds (default: 5 small and medium, 3 large; the per-subject measures run in the "
                        "first 5, 3 and 1 of them)")
    parser.add_argument("--budget", type=float, default=540, metavar="SECONDS",
                        help="start no round that would end after this (default 540, so that a run fits in 10 minutes)")
    parser.add_argument("--clock", choices=CLOCKS, default="wall",
                        help="the time the SUMMARY figures use: wall (default) or cpu, steadier on a busy machine")
    parser.add_argument("--quick", action="store_true",
                        help="one round, without the measures the SUMMARY line does not use (-n 2, the folder, the phases)")
    parser.add_argument("--scale", action="store_true",
                        help="add the scale curve (1 to 100,000 activities, once each: several minutes, a few GB)")
    parser.add_argument("--per-subject", action="store_true",
                        help="at the large size, run pytest with an item per subject on the large organisation itself "
                             "(330,000 items: 6 minutes or more) instead of measuring the item overhead on the medium one")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--as-of", default=AS_OF, type=lambda text: date.fromisoformat(text).isoformat(), metavar="YYYY-MM-DD")
    parser.add_argument("--work", type=Path, help="keep the generated files and outputs here (default: a temporary folder)")
    arguments = parser.parse_args(argv)
    started = perf_counter()
    # pac as installed: bytecode cached (a sandbox may switch that off), no pytest options from the environment,
    # and no hypothesis (a test dependency of pac's own suite, whose pytest plugin would start in every pytest run)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_") and k != "PYTHONDONTWRITEBYTECODE"}
    if importlib.util.find_spec("hypothesis"):
        env["PYTEST_ADDOPTS"] = "-p no:hypothesispytest"
    work = arguments.work or Path(tempfile.mkdtemp(prefix="pac-bench-"))
    try:
        print("\n".join(benchmark(arguments, work, env, started)))
    finally:
        if arguments.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
