"""Every command against generated hostile input (hypothesis): declarations with huge numbers, far dates,
escaping notice texts and hostile names; waiver files good and bad; folder names pytest would misread;
odd option values and outputs. Whatever is generated:

- the exit status is 0, 1 or 2 and no traceback is printed;
- no file outside the report folder, the command's own output and pac's cache changes (no input is replaced);
- the report folder holds the old report set or a whole new one, and nothing is left beside it.

Deterministic (``derandomize``) and bounded (``max_examples``); each example runs the command in this process.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
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
SIZE = st.sampled_from([[], [], [], [], ["--max-file-size", "10"], ["--max-file-size", "0"], ["--max-file-size", "x"]])


@st.composite
def runs(draw: st.DrawFn) -> dict[str, Any]:
    folder = draw(FOLDERS)
    command = draw(st.sampled_from(["validate", "check", "check", "check", "graph", "ropa", "diff", "import", "init",
                                    "schema", "checks"]))
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
    if command == "diff":
        args = ["diff", *draw(st.permutations([folder, f"{folder}/demo.yaml"])), *draw(AS_OF)]
    if command == "import":
        args = ["import", "fides", draw(st.sampled_from([folder, "notice.txt"])),
                *draw(st.sampled_from([[], ["-o", "imported.yaml"], ["-o", f"{folder}/demo.yaml"], ["-o", "-"]]))]
    if command == "init":
        args = ["init", draw(st.sampled_from(["fresh", folder, "notice.txt"]))]
    if command in ("schema", "checks"):
        args = [command]
    return {"folder": folder, "args": args, "name": draw(NAMES), "fragment": draw(FRAGMENTS), "waivers": draw(WAIVERS)}


def write_case(work: Path, case: dict[str, Any]) -> None:
    policies = work / case["folder"]
    policies.mkdir()
    name = case["name"].replace("\\", "\\\\").replace('"', '\\"')
    (policies / "demo.yaml").write_text(
        f'pac: 1\norganisation: demo\nactivities:\n  - id: service\n    name: "{name}"\n'
        f"    purposes: [{{id: deliver, name: Deliver, {SOURCE}}}]\n    {SOURCE}\n{case['fragment']}\n", encoding="utf-8")
    if case["waivers"] is not None:
        (policies / "waivers.yaml").write_text(case["waivers"], encoding="utf-8")
    (policies / "notice.txt").write_text("q", encoding="utf-8")
    (work / "notice.txt").write_text("q", encoding="utf-8")
    (work / "null").symlink_to("/dev/null")
    reports = work / "reports"
    reports.mkdir()
    for report in REPORTS:
        (reports / report).write_text(f"old {report}", encoding="utf-8")


def snapshot(work: Path, skip: set[Path]) -> dict[str, bytes]:
    files = {}
    for path in sorted(work.rglob("*")):
        if any(path == s or s in path.parents for s in skip) or path.is_dir():
            continue
        files[str(path.relative_to(work))] = os.readlink(path).encode() if path.is_symlink() else path.read_bytes()
    return files


def outputs(work: Path, args: list[str]) -> set[Path]:
    """What the command may write: its report folder, -o file, --out folder, init folder."""
    named = {args[i + 1] for i, a in enumerate(args[:-1]) if a in ("--report-dir", "-o", "--out")}
    if args[0] == "init":
        named.add(args[1])
    return {work / n for n in named if n not in ("-", "null")}


def run(work: Path, args: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(work)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(args)
            except SystemExit as exit:  # argparse's usage errors
                code = exit.code
    finally:
        os.chdir(previous)
    return code, out.getvalue() + err.getvalue()


@settings(derandomize=True, database=None, deadline=None, max_examples=30,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(runs())
def test_every_command_survives_hostile_input_and_loses_nothing(case: dict[str, Any]):
    with tempfile.TemporaryDirectory(prefix="pac-property-") as folder:
        work = Path(folder)
        write_case(work, case)
        args = case["args"]
        written = outputs(work, args) | {work / ".pac_cache"}  # pac's cache of validated declarations
        report_dir = work / args[args.index("--report-dir") + 1] if "--report-dir" in args else None
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
