"""No traceback from any entry point, right exit codes, and terminal-safe output (issue classes 3, 5 and 6):
numbers, durations and dates too big for Python, noncharacters, control characters and node-id syntax in
folder names, crashed checks, unused command-line names."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from pac.duration import Duration
from pac.errors import _CONTROL, printable
from pac.yamlio import parse

SOURCE = "provenance: {section: S, quote: q}"
HEAD = f"""\
pac: 1
organisation: demo
activities:
  - id: service
    name: Service
    purposes: [{{id: deliver, name: Deliver, {SOURCE}}}]
    {SOURCE}
"""
HUGE = {
    "hex": (f"controller: {{legal_name: 0x{'f' * 5000}, {SOURCE}}}", "a number of 5002 digits is too long to read"),
    "decimal": (f"controller: {{legal_name: {'9' * 5000}, {SOURCE}}}", "a number of 5000 digits is too long to read"),
    "duration": (f"notice: {{response_time: {{period: P{'9' * 5000}Y, limit: at_most, {SOURCE}}}}}",
                 "$.notice.response_time.period"),
}
FAR = {  # valid, and far in the future: every check still runs
    "last-updated": "notice: {last_updated: 9999-12-31}",
    "response-time": f"notice: {{last_updated: 9999-12-31, response_time: {{period: P99999Y, limit: at_most, {SOURCE}}}}}",
    "retention": f"    retention: [{{period: P999999999Y, limit: at_most, {SOURCE}}}]",
}
NONCHARACTERS = f"""\
controller: {{legal_name: "Ctl\\uFFFE\\u0007\\u200F", {SOURCE}}}
recipients:
  - {{id: r, name: "R\\uFFFF\\U0010FFFE", named: true, role: processor, country: US, activities: [service], {SOURCE}}}
"""
COMMANDS = {"validate": [], "check": ["--as-of", "2024-06-01", "--report-dir", "reports"],
            "graph": ["--as-of", "2024-06-01", "--out", "graphs"], "ropa": ["--as-of", "2024-06-01"]}


def declare(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "demo.yaml").write_text(HEAD + body + "\n", encoding="utf-8")
    return folder


def no_traceback(result: subprocess.CompletedProcess) -> str:
    output = result.stdout + result.stderr
    assert "Traceback" not in output and result.returncode in (0, 1, 2), output[-3000:]
    return output


@pytest.mark.parametrize("case", sorted(HUGE))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_numbers_and_durations_too_big_for_python_are_located_errors(tmp_path, run_pac, case: str, command: str):
    body, message = HUGE[case]
    declare(tmp_path / "policies", body)
    result = run_pac(command, "policies", *COMMANDS[command], cwd=tmp_path)
    assert result.returncode == 2 and message in no_traceback(result)
    assert "policies/demo.yaml:8:" in result.stdout + result.stderr


@pytest.mark.parametrize("case", sorted(FAR))
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_dates_and_periods_at_the_end_of_the_calendar_are_checked(tmp_path, run_pac, case: str, command: str):
    declare(tmp_path / "policies", FAR[case])
    output = no_traceback(run_pac(command, "policies", *COMMANDS[command], cwd=tmp_path))
    assert "crashed" not in output


def test_a_duration_saturates_at_the_end_of_the_calendar():
    assert Duration.parse("P99999Y").after(date(2024, 1, 1)) == date.max
    assert Duration.parse("P1D").after(date.max) == date.max
    assert Duration.parse("P1Y").after(date(2024, 2, 29)) == date(2025, 2, 28)
    with pytest.raises(ValueError):
        Duration.parse("P" + "9" * 10 + "Y")


def test_an_integer_python_could_not_print_is_refused_in_every_base():
    for text in ("0x" + "f" * 1000, "0o" + "7" * 1000, "9" * 1001):
        with pytest.raises(Exception, match="too long to read"):
            parse(f"n: {text}\n".encode(), "x.yaml")
    assert parse(b"n: 0xff\n", "x.yaml")["n"] == 255


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_noncharacters_and_controls_in_names_reach_no_tool_raw(tmp_path, run_pac, command: str):
    declare(tmp_path / "policies", NONCHARACTERS)
    result = run_pac(command, "policies", *COMMANDS[command], "--format", "svg" if command == "graph" else "csv",
                     cwd=tmp_path) if command in ("graph", "ropa") else run_pac(command, "policies", *COMMANDS[command],
                                                                                   cwd=tmp_path)
    output = no_traceback(result)
    if command != "ropa":  # the CSV record keeps names as written; terminals are never shown them raw
        assert "\ufffe" not in output and "\u200f" not in output and "\x07" not in output
    if command == "graph":
        assert result.returncode == 0 and (tmp_path / "graphs" / "demo.svg").exists()


FOLDERS = ["a::b", "draft[1]", "ctl\x1b[31mred\x07", "line\nbreak", "non\ufffechar", "tab\tand space"]


@pytest.mark.parametrize("name", FOLDERS, ids=["colons", "brackets", "escape", "newline", "nonchar", "blank"])
def test_a_valid_declaration_in_any_folder_is_checked(tmp_path, name: str):
    declare(tmp_path / name / "demo", "")
    command = [sys.executable, "-m", "pac", "check", name, "--as-of", "2024-06-01", "--report-dir", "reports"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    output = no_traceback(result)
    assert result.returncode == 1, output
    failed = [line for line in result.stdout.splitlines() if line.startswith("FAILED ")]
    assert failed and all(printable(line) == line for line in failed)
    assert "\x1b" not in output and "\x07" not in output
    suite = ET.parse(tmp_path / "reports" / "junit.xml").getroot()
    assert len(list(suite.iter("testcase"))) > 10
    validate = subprocess.run([sys.executable, "-m", "pac", "validate", name], cwd=tmp_path, capture_output=True,
                              text=True, timeout=300)
    assert validate.returncode == 0  # pac validate and pac check agree


def test_a_crashed_check_is_exit_2_with_a_one_line_error_not_a_traceback(tmp_path, run_pac):
    declare(tmp_path / "policies", "")
    (tmp_path / "conftest.py").write_text(
        "import pac\n\n"
        "@pac.check('broken', title='Crashes', articles=['GDPR Art. 5(2)'], severity='error', subject='organisation',"
        " remedy='Fix it.')\n"
        "def broken(organisation, ctx):\n"
        "    'Always crashes.'\n"
        "    raise OverflowError('date value out of range')\n\n"
        "@pac.hookimpl\n"
        "def pac_checks():\n"
        "    return [broken]\n", encoding="utf-8")
    result = run_pac("check", "policies", "--as-of", "2024-06-01", cwd=tmp_path)
    output = no_traceback(result)
    assert result.returncode == 2
    assert "error: check broken crashed on demo" in output and "OverflowError: date value out of range" in output


def test_a_notice_for_an_organisation_not_in_the_run_is_an_error(tmp_path, run_pac):
    declare(tmp_path / "policies", "")
    (tmp_path / "notice.txt").write_text("q")
    typo = run_pac("check", "policies", "--as-of", "2024-06-01", "--notice", "demmo=notice.txt", cwd=tmp_path)
    assert typo.returncode == 2 and "no organisation of that id is in this run" in no_traceback(typo)
    right = run_pac("check", "policies", "--as-of", "2024-06-01", "--notice", "demo=notice.txt", cwd=tmp_path)
    assert right.returncode == 1


@pytest.mark.parametrize("args, problem", [
    (["graph", "policies", "--out", "policies/demo.yaml"], "cannot write"),
    (["ropa", "policies", "-o", "."], "is a folder"),
    (["check", "policies", "--report-dir", "policies/demo.yaml"], "is a file"),
    (["check", "policies", "--max-file-size", "0x10"], "is not a whole number"),
    (["diff", "HEAD:nothing", "policies"], ""),
    (["import", "fides", "policies", "-o", "policies"], ""),
    (["init", "policies/demo.yaml"], ""),
])
def test_odd_option_values_are_clean_errors(tmp_path, run_pac, args: list[str], problem: str):
    declare(tmp_path / "policies", "")
    result = run_pac(*args, cwd=tmp_path)
    assert result.returncode == 2 and problem in no_traceback(result)


def test_a_working_folder_that_is_gone_or_an_ascii_terminal_breaks_nothing(tmp_path, run_pac):
    declare(tmp_path / "policies", NONCHARACTERS.replace("Ctl", "Zoë"))
    ascii_only = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    for args, code in ((["validate"], 0), (["ropa", "--format", "md"], 0), (["check", "--as-of", "2024-06-01"], 1)):
        result = run_pac(args[0], "policies", *args[1:], cwd=tmp_path, env=ascii_only)
        assert result.returncode == code and no_traceback(result)
    gone = tmp_path / "gone"
    gone.mkdir()
    script = ("import os, sys; os.rmdir(os.getcwd()); from pac.cli import main; "
              f"sys.exit(main(['validate', {str(tmp_path / 'policies')!r}]))")
    result = subprocess.run([sys.executable, "-c", script], cwd=gone, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "the working folder no longer exists" in no_traceback(result)


def test_printable_escapes_every_control_format_separator_surrogate_and_noncharacter():
    """Terminal safety: bidi controls (U+200F, U+061C), zero-width characters, noncharacters and the rest."""
    for code in range(0x110000):
        char = chr(code)
        unsafe = unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs") or 0xFDD0 <= code <= 0xFDEF \
            or code & 0xFFFE == 0xFFFE
        escaped = bool(_CONTROL.fullmatch(char))
        # escaped and not unsafe: only code points this Python's Unicode has not assigned yet (newer Cf ones)
        assert escaped == unsafe or (escaped and unicodedata.category(char) == "Cn"), hex(code)
        assert not (escaped and char.isprintable()), hex(code)  # printable() returns printable text as it is
    assert printable("a\u200fb\u061cc\u200bd\u2060e\ufeff") == "a\\u200fb\\u061cc\\u200bd\\u2060e\\ufeff"
    assert printable("Zoë \U0001F600") == "Zoë \U0001F600"


def test_a_draft_compared_with_a_declaration_that_has_no_notice_section(tmp_path, run_pac):
    """``pac draft --against`` read the declaration's notice rights without asking whether it has a notice."""
    (tmp_path / "demo.yaml").write_text(HEAD, encoding="utf-8")
    (tmp_path / "notice.txt").write_text("Je hebt het recht op inzage in je gegevens.\n", encoding="utf-8")
    done = run_pac("draft", "notice.txt", "--against", "demo.yaml", cwd=tmp_path)
    assert done.returncode in (0, 1) and "Traceback" not in done.stdout + done.stderr, done.stderr
    assert "between notice.txt and demo.yaml" in done.stdout
