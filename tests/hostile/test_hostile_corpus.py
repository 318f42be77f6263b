"""The hostile-input corpus: each file in ``corpus/`` is one malformed or hostile declaration, and says in
``# expect:`` lines which located errors (kind, line and column) pac must report for it, or that it is valid.

Every case is run three ways: through the loader, through ``pac validate``, and through pytest collection
(as ``pac check`` and a plain ``pytest`` run see it). Inputs that cannot be committed as text files
(bytes, encodings, links, pipes, huge files) are generated in ``test_hostile_files.py``.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from pac.reference import Reference
from pac.cli import main
from pac.errors import InvalidInput
from pac.loader import display, load
from pac.transfers import assess

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(CORPUS.glob("*.yaml"))
_EXPECT = re.compile(r"# expect: (?:(?P<valid>valid)|(?P<kind>[a-z-]+) (?P<line>\d+):(?P<column>\d+))")
ERROR_LINE = re.compile(r"(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): error: \S")


def expected(path: Path) -> list[tuple[str, int, int]] | None:
    """The (kind, line, column) of each error the case expects, or None for a case that must load."""
    found = [m for m in map(_EXPECT.match, path.read_text(encoding="utf-8").splitlines()) if m]
    assert found, f"{path.name} has no '# expect:' line"
    if found[0]["valid"]:
        return None
    return [(m["kind"], int(m["line"]), int(m["column"])) for m in found]


INVALID = [case for case in CASES if expected(case) is not None]


def test_the_corpus_has_a_case_for_every_hostile_construct():
    names = {case.stem for case in CASES}
    assert {"alias-bomb", "deep-nesting", "python-tag", "unknown-tag", "duplicate-key-deep", "merge-key",
            "tab-indentation", "multi-document", "root-list", "root-scalar", "number-for-string",
            "boolean-for-string", "norway", "date-not-in-calendar", "sub-processor-circle", "own-parent"} <= names


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.stem)
def test_loader_reports_the_expected_errors_at_their_place(case: Path):
    with pytest.raises(InvalidInput) as raised:
        load([case])
    errors = raised.value.errors
    assert [(e.kind, e.location.line, e.location.column) for e in errors] == expected(case)
    assert {e.location.file for e in errors} == {display(case)}


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.stem)
def test_validate_prints_located_errors_and_exits_2(case: Path, capsys):
    assert main(["validate", str(case)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    errors = [ERROR_LINE.match(line) for line in lines if not line.startswith(("  hint: ", "pac: "))]
    assert all(errors), lines
    assert [(int(m["line"]), int(m["column"])) for m in errors] == [(line, column) for _, line, column in expected(case)]
    assert {m["file"] for m in errors} == {display(case)}
    assert lines[-1].startswith(f"pac: {len(errors)} error")
    assert not any(ord(c) < 0x20 and c != "\n" for c in captured.err), "a control character reached the terminal"


def test_norway_is_a_country_code_not_false():
    (organisation,) = load([CORPUS / "norway.yaml"])
    (recipient,) = organisation.recipients
    assert recipient.country == "NO"
    on = date(2024, 1, 1)
    assessment = assess(organisation, recipient, Reference.packaged(), on)
    assert assessment.status == "domestic" and assessment.reason == f"NO is in the EEA on {on}"


def test_pytest_collection_reports_every_case_and_runs_no_check(pytester: pytest.Pytester):
    """A plain pytest run on the corpus (plus one valid organisation): each broken file is a collection error
    with its located errors; pytest then stops (its rule for collection errors) and no check runs at all."""
    policies = pytester.mkdir("policies")
    for case in CASES:
        shutil.copy(case, policies / case.name)
    result = pytester.runpytest("-o", "pac_paths=policies", "--pac-as-of", "2024-01-01", "-p", "no:randomly")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.assert_outcomes(errors=len(INVALID))
    output = result.stdout.str()
    for case in INVALID:
        for kind, line, column in expected(case):
            assert f"policies/{case.name}:{line}:{column}: error: " in output, (case.name, kind)
    assert "Traceback" not in output and "\x1b" not in output


def test_pytest_can_go_on_past_broken_files_and_checks_only_the_valid_organisation(pytester: pytest.Pytester):
    policies = pytester.mkdir("policies")
    for case in CASES:
        shutil.copy(case, policies / case.name)
    result = pytester.runpytest("-o", "pac_paths=policies", "--pac-as-of", "2024-01-01", "-p", "no:randomly",
                                "--continue-on-collection-errors", "-rA")
    checked = {line.split("::")[0].split()[-1] for line in result.outlines if "::" in line}
    assert checked == {"policies/norway.yaml"}
    outcomes = result.parseoutcomes()
    assert outcomes["errors"] == len(INVALID) and outcomes.get("passed", 0) + outcomes.get("failed", 0) > 0
