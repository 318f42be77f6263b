"""Every command (validate, check, graph, ropa, diff between paths and git revisions, import fides, init,
schema, checks, draft, and pytest with pac's plugin) against generated hostile input (hypothesis):
declarations with huge numbers, far dates, escaping notice texts and hostile names; notice texts hostile
or huge; waiver files good and bad; folder names pytest would misread; odd option values and outputs.
Whatever is generated:

- the exit status is 0, 1 or 2 and no traceback is printed;
- no file outside the report folder, the command's own output and pac's cache changes (no input is replaced);
- the report folder holds the old report set or a whole new one, and nothing is left beside it.

Deterministic (``derandomize``) and bounded (``max_examples`` per command); each example runs the command in
this process.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pac.cli import main

REPORTS = ("findings.json", "junit.xml", "report.html", "report.md", "report.sarif")
SOURCE = "provenance: {section: S, quote: q}"
NAMES = st.sampled_from(["Service", "Zoë \u202e<b>x</b>", "a\x1b[2Jb", "R\ufffe\u200f", "new\\nline", "'\"&<>"])
FRAGMENTS = st.sampled_from([
    "", "", "", "", f"controller: {{legal_name: 0x{'f' * 1200}, {SOURCE}}}", f"controller: {{legal_name: {'9' * 5000}, {SOURCE}}}",
    "notice: {last_updated: 9999-12-31, text_file: /proc/self/environ}", "notice: {text_file: ../../outside.txt}",
    "notice: {text_file: notice.txt, last_updated: 2018-05-25}",
    f"notice: {{response_time: {{period: P99999Y, limit: at_most, {SOURCE}}}}}",
    f"notice: {{response_time: {{period: P{'9' * 300}Y, limit: at_most, {SOURCE}}}}}",
    f"recipients: [{{id: r, name: R, named: true, role: sub_processor, parent: r, {SOURCE}}}]",
    f"recipients: [{{id: r, name: R, named: true, role: processor, country: US, activities: [nope], {SOURCE}}}]",
    "{[unclosed", "- a list\n- at the top",
])
WAIVERS = st.sampled_from([
    None, None, None, "pac: 1\nwaivers: []\n", "pac: 1\nwaivers:\n  - {check: no-such-check, organisation: demo, justification: j, owner: o}\n",
    "pac: 1\nwaivers:\n  - {check: legal-basis-stated, organisation: demo, justification: j, owner: o, expires: 9999-12-31}\n",
    "pac: 1\nwaivers:\n  - {check: legal-basis-stated, organisation: demo, justification: j, owner: o, expires: 2024-02-30}\n",
    "\x00binary",
])
FOLDERS = st.sampled_from(["policies", "a::b", "draft[1]", "esc\x1b[31m", "line\nbreak", "non\ufffechar", "sp ace"])
AS_OF = st.sampled_from([[], ["--as-of", "2024-06-01"], ["--as-of", "2024-06-01"], ["--as-of", "9999-12-31"], ["--as-of", "2018-05-24"],
                         ["--as-of", "soon"]])
NOTICES = st.sampled_from(["q", "Wij bewaren je e-mailadres 7 jaar.\n", "\u202eWij delen je gegevens met Google.\x1b[2J",
                          "\ufeff" + "Wij verwerken je naam. " * 2000, "\x00\xff"])
SIZE = st.sampled_from([[], [], [], [], ["--max-file-size", "10"], ["--max-file-size", "0"], ["--max-file-size", "x"]])


COMMANDS = ("validate", "check", "graph", "ropa", "diff", "import", "init", "schema", "checks", "draft", "pytest")


@st.composite
def runs(draw: st.DrawFn, command: str) -> dict[str, Any]:
    folder = draw(FOLDERS)
    args: list[str] = []
    if command in ("validate", "check", "graph", "ropa"):
        args = [command, folder, *draw(SIZE)]
    if command in ("check", "graph", "ropa"):
        args += draw(AS_OF)
    if command == "check":
        args += draw(st.sampled_from([["--report-dir", "reports"], ["--report-dir", "reports"], ["--report-dir", folder],
                                      ["--report-dir", "notice.txt"], []]))
        args += draw(st.sampled_from([[], ["--notice", "demo=notice.txt"], ["--notice", "typo=notice.txt"],
                                      ["--notice", "demo=reports/report.md"], ["--waivers", "reports/findings.json"]]))
        args += draw(st.sampled_from([[], ["--quiet"], ["--granularity", "organisation"], ["--fail-on", "info"]]))
    if command == "graph":
        args += ["--out", draw(st.sampled_from(["graphs", f"{folder}/demo.yaml", "notice.txt"]))]
    if command == "ropa":
        args += draw(st.sampled_from([[], ["-o", "-"], ["-o", "record.csv"], ["-o", f"{folder}/demo.yaml"],
                                      ["-o", "."], ["-o", "null"], ["--format", "md", "-o", "notice.txt"]]))
    if command == "diff":  # between files and folders, or git revisions of them
        old = draw(st.sampled_from([folder, f"{folder}/demo.yaml", f"HEAD:{folder}/", f"HEAD:{folder}/demo.yaml",
                                    "HEAD:nowhere/", "no-such-rev:x.yaml", f"HEAD:{folder}/notice.txt"]))
        args = ["diff", *draw(st.permutations([old, f"{folder}/demo.yaml"])), *draw(AS_OF)]
    if command == "draft":
        args = ["draft", draw(st.sampled_from(["notice.txt", f"{folder}/notice.txt", "missing.txt", folder])),
                *draw(st.sampled_from([["-o", f"{folder}/drafted.yaml"], ["-o", f"{folder}/demo.yaml"], ["-o", "notice.txt"],
                                       ["-o", "null"], ["-o", "."], ["--org", "x", "-o", "drafted.yaml"],
                                       ["--org", "demo", "--check", "--report-dir", "reports"],
                                       ["--against", f"{folder}/demo.yaml"], []])),
                *draw(st.sampled_from([[], ["--lang", "en"]]))]
    if command == "pytest":  # the plugin itself, as pytest loads it
        args = ["pytest", folder, "-p", "no:cacheprovider", "-q", *draw(st.sampled_from(
            [[], ["--pac-report-dir", "reports"], ["--pac-as-of", "9999-12-31"], ["--pac-granularity", "check"],
             ["--pac-waivers", "notice.txt"], ["--pac-notice", "demo=notice.txt"]]))]
    if command == "import":
        args = ["import", "fides", draw(st.sampled_from([folder, "notice.txt"])),
                *draw(st.sampled_from([[], ["-o", "imported.yaml"], ["-o", f"{folder}/demo.yaml"], ["-o", "-"]]))]
    if command == "init":
        args = ["init", draw(st.sampled_from(["fresh", folder, "notice.txt"]))]
    if command in ("schema", "checks"):
        args = [command]
    return {"folder": folder, "args": args, "name": draw(NAMES), "fragment": draw(FRAGMENTS), "waivers": draw(WAIVERS),
            "notice": draw(NOTICES)}


def write_case(work: Path, case: dict[str, Any]) -> None:
    policies = work / case["folder"]
    policies.mkdir()
    name = case["name"].replace("\\", "\\\\").replace('"', '\\"')
    (policies / "demo.yaml").write_text(
        f'pac: 1\norganisation: demo\nactivities:\n  - id: service\n    name: "{name}"\n'
        f"    purposes: [{{id: deliver, name: Deliver, {SOURCE}}}]\n    {SOURCE}\n{case['fragment']}\n", encoding="utf-8")
    if case["waivers"] is not None:
        (policies / "waivers.yaml").write_text(case["waivers"], encoding="utf-8")
    (policies / "notice.txt").write_text(case["notice"], encoding="utf-8")
    (work / "notice.txt").write_text(case["notice"], encoding="utf-8")
    (work / "null").symlink_to("/dev/null")
    reports = work / "reports"
    reports.mkdir()
    for report in REPORTS:
        (reports / report).write_text(f"old {report}", encoding="utf-8")
    if any(a.startswith(("HEAD:", "no-such-rev:")) for a in case["args"]):  # a repository with the case committed
        for git in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "case"]):
            subprocess.run(["git", *git], cwd=work, check=True, capture_output=True)


def snapshot(work: Path, skip: set[Path]) -> dict[str, bytes]:
    files = {}
    for path in sorted(work.rglob("*")):
        if any(path == s or s in path.parents for s in skip) or path.is_dir():
            continue
        files[str(path.relative_to(work))] = os.readlink(path).encode() if path.is_symlink() else path.read_bytes()
    return files


def outputs(work: Path, args: list[str]) -> set[Path]:
    """What the command may write: its report folder, -o file, --out folder, init folder."""
    named = {args[i + 1] for i, a in enumerate(args[:-1]) if a in ("--report-dir", "--pac-report-dir", "-o", "--out")}
    if args[0] == "init":
        named.add(args[1])
    return {work / n for n in named if n not in ("-", "null")}


PYTEST_CODES = {pytest.ExitCode.OK: 0, pytest.ExitCode.TESTS_FAILED: 1, pytest.ExitCode.INTERRUPTED: 2,
                pytest.ExitCode.USAGE_ERROR: 2, pytest.ExitCode.NO_TESTS_COLLECTED: 0}
"""pytest's exit codes as pac's (an internal error, 3, has none: it is a crash)."""


def run(work: Path, args: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(work)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                if args[0] == "pytest":
                    done = pytest.main([*args[1:], "-o", f"pac_paths={args[1]}"])
                    code = PYTEST_CODES.get(done, done)
                else:
                    code = main(args)
            except SystemExit as exit:  # argparse's usage errors
                code = exit.code
    finally:
        os.chdir(previous)
    return code, out.getvalue() + err.getvalue()


@pytest.mark.parametrize("command", COMMANDS)
@settings(derandomize=True, database=None, deadline=None, max_examples=20,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_every_command_survives_hostile_input_and_loses_nothing(command: str, data: st.DataObject):
    case = data.draw(runs(command))
    with tempfile.TemporaryDirectory(prefix="pac-property-") as folder:
        work = Path(folder)
        write_case(work, case)
        args = case["args"]
        event(" ".join(args[:1] + args[2:4]))  # --hypothesis-show-statistics: what ran
        written = outputs(work, args) | {work / ".pac_cache"}  # pac's cache of validated declarations
        option = next((o for o in ("--report-dir", "--pac-report-dir") if o in args), None)
        report_dir = work / args[args.index(option) + 1] if option else None
        old_set = {r: (work / "reports" / r).read_bytes() for r in REPORTS}
        before = snapshot(work, written | {work / "reports"})
        code, output = run(work, args)
        assert code in (0, 1, 2), (args, code, output[-2000:])
        assert "Traceback" not in output, (args, output[-4000:])
        if report_dir is None or report_dir != work / case["folder"]:
            assert snapshot(work, written | {work / "reports"}) == before, args
        reports = {r: (work / "reports" / r).read_bytes() if (work / "reports" / r).exists() else None for r in REPORTS}
        assert reports == old_set or all(reports[r] not in (None, old_set[r]) for r in REPORTS), (args, reports)
        assert not [p.name for p in work.iterdir() if ".pac-staging" in p.name]
