"""The benchmark: its synthetic organisation is valid and realistic, and a small run prints its SUMMARY line.

Correctness only: nothing here depends on how fast pac is.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from pac import Engine, load
from pac.model import Organisation

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"benchmarks_{name}", BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


generate = _script("generate")
phases = _script("phases")
SMALL = generate.SIZES["small"]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Organisation]:
    path = generate.write(tmp_path_factory.mktemp("small"), SMALL)
    (organisation,) = load([path])
    return path, organisation


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def test_small_organisation_is_valid_and_has_its_size(small):
    path, organisation = small
    assert path.name == "synthetic-100.yaml"
    assert (len(organisation.activities), len(organisation.recipients)) == (SMALL.activities, SMALL.recipients)


def test_every_quote_is_in_the_notice_text(small):
    path, organisation = small
    notice = _normalised(path.with_name("synthetic-100.notice.txt").read_text(encoding="utf-8"))
    quotes = [p.quote for e in (*organisation.activities, *organisation.purposes, *organisation.recipients,
                                *organisation.data_categories, *organisation.data_subjects) for p in e.provenance if p.quote]
    assert len(quotes) > SMALL.activities
    assert [q for q in quotes if _normalised(q) not in notice] == []


def test_the_mix_covers_what_checks_distinguish(small):
    _, organisation = small
    rules = [r for a in organisation.activities for r in a.retention]
    assert {r.limit for r in rules if r.form == "period"} == {"exactly", "at_most", "at_least"}
    assert {r.form for r in rules} == {"period", "until", "vague"}
    assert any(not a.retention for a in organisation.activities)  # a gap, as in real notices
    special = {c.id for c in organisation.data_categories if c.special}
    sensitive = [a for a in organisation.activities if special & set(a.categories)]
    assert len(sensitive) == SMALL.activities // 50  # 2%
    assert all(a.dpia for a in sensitive)
    assert {p.legal_basis.basis for p in organisation.purposes if p.legal_basis} >= {
        "consent", "contract", "legal_obligation", "legitimate_interests"}
    countries = {r.country for r in organisation.recipients}
    assert {"US"} <= countries and countries & set(generate.EEA) and countries & set(generate.ADEQUATE)
    assert any(claim.tool == "scc" for r in organisation.recipients for claim in r.transfer_tools)


def test_sub_processor_chains_reach_three_deep_and_no_deeper(small):
    _, organisation = small

    def depth(recipient) -> int:
        return 1 + depth(organisation.recipient(recipient.parent)) if recipient.parent else 1

    assert max(map(depth, organisation.recipients)) == 3


def test_the_same_seed_writes_the_same_bytes(tmp_path):
    first, second, other = (generate.write(tmp_path / name, SMALL, seed) for name, seed in (("a", 1), ("b", 1), ("c", 2)))
    notice = first.with_name("synthetic-100.notice.txt")
    assert first.read_bytes() == second.read_bytes()
    assert notice.read_bytes() == second.with_name(notice.name).read_bytes()
    assert first.read_bytes() != other.read_bytes()


def test_the_folder_form_is_the_same_organisation(tmp_path, small):
    _, single = small
    folder = generate.write(tmp_path, SMALL, files=4)
    assert sorted(p.name for p in folder.glob("*.yaml")) == [f"part-00{n}.yaml" for n in range(1, 5)]
    (split,) = load([folder])
    assert split.id == single.id
    assert [a.id for a in split.activities] == [a.id for a in single.activities]
    assert [r.id for r in split.recipients] == [r.id for r in single.recipients]
    assert len(split.files) == 4


def test_phases_times_every_check(small):
    path, _ = small
    found = phases.measure(str(path), date.fromisoformat(generate.AS_OF))
    assert set(found["checks"]) == {c.id for c in Engine.from_plugins().checks}
    assert all(found[phase]["wall"] > 0 for phase in ("load", "evaluate", "graph"))


def test_a_quick_small_run_ends_with_its_summary_line(tmp_path):
    result = subprocess.run([sys.executable, str(BENCHMARKS / "run.py"), "--size", "small", "--quick", "--work", str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    last = result.stdout.splitlines()[-1]
    number = r"-?\d+\.\d"
    assert re.fullmatch(rf"SUMMARY size=small check/floor={number} pytest_check/floor={number} "
                        rf"item_overhead/bare={number} graph_s=({number}|na) peak_mb=\d+ small_default/floor={number} "
                        rf"pytest_default/floor={number} peak_default_mb=\d+ warm/floor={number}", last), last
    assert "pac check --granularity organisation" in result.stdout


def test_the_growth_exponent_is_that_of_the_time_beyond_the_fixed_cost(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))  # run.py imports generate.py as its neighbour
    run = _script("run")

    def curve(seconds):
        return [run.Step(n, run.Run(wall=seconds(n), cpu=seconds(n), peak_mb=1.0, stdout="")) for n in run.SCALE]

    assert run.exponent(curve(lambda n: 2 + n / 1_000), "wall") == pytest.approx(1.0, abs=1e-3)  # linear, whatever the fixed cost
    assert run.exponent(curve(lambda n: 2 + (n / 1_000) ** 2), "cpu") == pytest.approx(2.0, abs=1e-3)
    assert "100,000 activities" in "\n".join(run.curve_lines(curve(lambda n: 1.0)))
