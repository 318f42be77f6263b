"""Hostile inputs that are not plain text files, generated at test time: bytes that are not UTF-8, other
encodings and line ends, empty, binary and huge files, long values, symbolic links, named pipes and
unreadable files and folders. Each must end in a located error (or load, where the input is fine)."""

from __future__ import annotations

import errno
import os
import re
import tracemalloc
from pathlib import Path

import pytest

from pac.cli import main
from pac.errors import InvalidInput, LocatedError
from pac.loader import discover, display, load, load_files
from pac.validation import MAX_ERRORS
from pac.yamlio import DEFAULT_LIMITS, Limits, read_file, read_regular

CORPUS = Path(__file__).parent / "corpus"
HEAD = "pac: 1\norganisation: demo\n"
CONTROLLER = "controller: {{legal_name: {name}, provenance: {{section: Contact, quote: {name}}}}}\n"


def errors(*paths: Path, **options) -> list[tuple[str, int, int]]:
    with pytest.raises(InvalidInput) as raised:
        load(list(paths), **options)
    return [(e.kind, e.location.line, e.location.column) for e in raised.value.errors]


def only_error(*paths: Path) -> LocatedError:
    with pytest.raises(InvalidInput) as raised:
        load(list(paths))
    (error,) = raised.value.errors
    return error


@pytest.fixture
def demo(tmp_path: Path):
    """``demo(data, name="demo.yaml")``: write ``data`` (bytes) to a file below a temporary folder."""

    def _write(data: bytes, name: str = "demo.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    return _write


# -- encodings and line ends -----------------------------------------------------------------------

def test_invalid_utf8_is_located_in_characters_not_bytes(demo):
    path = demo(HEAD.encode() + 'notice: {title: "Privé '.encode() + b'\xff"}\n')
    error = only_error(path)
    assert (error.kind, error.location.line, error.location.column) == ("encoding", 3, 24)  # the é is one column
    assert error.message == "not readable text: invalid leading UTF-8 octet (byte 0xff)"


@pytest.mark.parametrize("encoding, bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_byte_order_marks_are_read(demo, encoding: str, bom: bytes):
    (organisation,) = load([demo(bom + (HEAD + CONTROLLER.format(name="Coöperatie U.A.")).encode(encoding))])
    assert organisation.controller.legal_name == "Coöperatie U.A."


def test_errors_in_utf16_are_located_in_characters(demo):
    path = demo(b"\xff\xfe" + (HEAD + "notice: {title: \x01}\n").encode("utf-16-le"))
    assert errors(path) == [("encoding", 3, 17)]


def test_utf16_without_a_byte_order_mark_is_refused(demo):
    error = only_error(demo(HEAD.encode("utf-16-le")))
    assert (error.kind, error.location.line, error.location.column) == ("encoding", 1, 2)
    assert error.message == "not readable text: control characters are not allowed (U+0000)"


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_windows_and_old_mac_line_ends_are_read_and_located(demo, newline: str):
    (organisation,) = load([demo((HEAD + CONTROLLER.format(name="A")).replace("\n", newline).encode())])
    assert organisation.controller.legal_name == "A"
    broken = demo((HEAD + "controller:\n  legal_name: A\n  legal_name: B\n").replace("\n", newline).encode())
    assert errors(broken) == [("duplicate-key", 5, 3)]
    undecodable = demo((HEAD + CONTROLLER.format(name="A")).replace("\n", newline).encode() + b"x: \xff\n")
    assert errors(undecodable) == [("encoding", 4, 4)]


# -- empty, binary, huge --------------------------------------------------------------------------

def test_empty_file(demo):
    error = only_error(demo(b""))
    assert (error.kind, error.location.line, error.location.column, error.message) == ("schema", 1, 1, "the file is empty")


def test_binary_file_in_a_policy_folder_is_refused_and_other_files_are_still_read(tmp_path: Path, demo, capsys):
    demo(HEAD.encode())
    demo(bytes(range(256)) * 4, "logo.yaml")
    demo(b"\x89PNG\r\n\x1a\n\x00\x00", "logo.png")  # not a YAML name: never read
    assert main(["validate", str(tmp_path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{display(tmp_path / 'logo.yaml')}:1:1: error: not readable text: control characters are not allowed (U+0000)"
    assert err[-1] == "pac: 1 error in 1 file"


def test_file_of_tens_of_megabytes_is_refused_without_reading_it(tmp_path: Path):
    huge = tmp_path / "demo.yaml"
    with huge.open("wb") as handle:
        handle.truncate(40 * 1024 * 1024)  # sparse: no disk space, no time; reading it would take both
    error = only_error(huge)
    assert (error.kind, error.location.line, error.location.column) == ("size", 0, 0)
    assert error.message == f"the file is {40 * 1024 * 1024} bytes, more than the limit of {DEFAULT_LIMITS.max_bytes}"
    assert "--max-file-size" in error.hint


def test_the_size_limit_is_configurable_for_validate_and_check(demo, run_pac, tmp_path: Path, capsys):
    path = demo(HEAD.encode())
    size = path.stat().st_size
    assert main(["validate", "--max-file-size", str(size), str(path)]) == 0
    assert main(["validate", "--max-file-size", str(size - 1), str(path)]) == 2
    assert f"more than the limit of {size - 1}" in capsys.readouterr().err
    waivers = demo(b"pac: 1\nwaivers: []\n", "waivers.yaml")
    assert main(["validate", "--max-file-size", str(waivers.stat().st_size - 1), str(waivers)]) == 2
    assert f"{display(waivers)}:0:0: error: the file is" in capsys.readouterr().err
    result = run_pac("check", "--as-of", "2024-01-01", "--max-file-size", str(size - 1), str(path), cwd=tmp_path,
                     timeout=120)
    assert result.returncode == 2
    assert f"demo.yaml:0:0: error: the file is {size} bytes, more than the limit of {size - 1}" in result.stdout


def test_very_long_value(demo):
    path = demo(HEAD.encode() + b"notice: {title: " + b"x" * (DEFAULT_LIMITS.max_scalar_chars + 1) + b"}\n")
    error = only_error(path)
    assert (error.kind, error.location.line, error.location.column) == ("size", 3, 17)


def test_very_long_number(demo):
    error = only_error(demo(HEAD.encode() + b"notice: {title: " + b"9" * 5000 + b"}\n"))
    assert (error.kind, error.location.line, error.location.column) == ("size", 3, 17)
    assert error.message == "a number of 5000 digits is too long to read"


def test_many_small_values_are_refused_before_they_fill_the_memory(demo):
    """Bytes alone do not bound memory: ``[1,1,...]`` costs some 100 bytes per 2 bytes of file. The 101st value
    (after the mapping, two keys and values, the key x and the list: the 94th item) is one too many."""
    path = demo(HEAD.encode() + b"x: [" + b"1," * 200 + b"1]\n")
    assert errors(path, limits=Limits(max_nodes=100)) == [("size", 3, 5 + 2 * 93)]
    assert only_error(path).kind == "schema"  # within the default limit


def test_very_deep_nesting_ends_in_an_error_not_a_crash(demo):
    [(kind, line, column)] = errors(demo(HEAD.encode() + b"notice: " + b"[" * 100_000 + b"]" * 100_000 + b"\n"))
    assert (kind, line) == ("depth", 3) and column >= 72  # pac's limit or libyaml's look-ahead limit, whichever trips first


def test_a_file_wrong_throughout_reports_a_bounded_number_of_errors(demo, capsys):
    path = demo(HEAD.encode() + "".join(f"unknown{i}: 1\n" for i in range(20_000)).encode())
    assert main(["validate", str(path)]) == 2
    lines = [line for line in capsys.readouterr().err.splitlines() if ": error: " in line]
    assert len(lines) == MAX_ERRORS + 1
    assert lines[0] == f"{display(path)}:3:1: error: $.unknown0: unknown key 'unknown0'"
    assert lines[MAX_ERRORS - 1] == f"{display(path)}:{MAX_ERRORS + 2}:1: error: $.unknown99: unknown key 'unknown99'"
    assert lines[-1].endswith(f"more schema errors follow; pac reports {MAX_ERRORS} per file")


# -- links, pipes, unreadable files and folders ----------------------------------------------------

def test_symbolic_link_out_of_the_folder_is_an_error_and_never_read(tmp_path: Path, demo):
    secret = demo(b"pac: 1\norganisation: secret\n", "elsewhere/secret.yaml")
    policies = tmp_path / "policies"
    policies.mkdir()
    (policies / "secret.yaml").symlink_to(secret)
    error = only_error(policies)
    assert (error.kind, error.location.file, error.location.line) == ("file", display(policies / "secret.yaml"), 0)
    assert error.message == f"symbolic link to {str(secret)!r} leads out of the folder"


@pytest.mark.parametrize("target, message", [("loop.yaml", "cannot read the file: Too many levels of symbolic links"),
                                             ("missing.yaml", "cannot read the file: No such file or directory")])
def test_looping_and_dangling_links(tmp_path: Path, target: str, message: str):
    (tmp_path / "loop.yaml").symlink_to(target)
    error = only_error(tmp_path)
    assert (error.kind, error.location.file, error.location.line, error.message) == (
        "file", display(tmp_path / "loop.yaml"), 0, message)


def test_named_pipe_is_refused_without_waiting_for_a_writer(run_pac, tmp_path: Path):
    """Opening a named pipe blocks until someone writes to it; pac must not hang (a subprocess, so that a
    regression fails instead of hanging the test run)."""
    (tmp_path / "demo.yaml").write_text(HEAD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.yaml")
    result = run_pac("validate", str(tmp_path), str(tmp_path / "pipe.yaml"), timeout=120)
    assert result.returncode == 2
    pipe = display(tmp_path / "pipe.yaml")
    assert result.stderr.splitlines()[0] == f"{pipe}:0:0: error: not a regular file but a named pipe, device or socket"


def test_folder_given_as_a_file(tmp_path: Path):
    (tmp_path / "x.yaml").mkdir()
    with pytest.raises(InvalidInput) as raised:
        read_file(tmp_path / "x.yaml")
    assert [(e.kind, e.message) for e in raised.value.errors] == [("file", "cannot read the file: Is a directory")]


def test_unreadable_file(tmp_path: Path, demo, monkeypatch):
    """Root reads files whatever their mode, so the refusal is simulated where pac opens the file."""
    path = demo(HEAD.encode())
    real_open = os.open

    def refuse(file, *args, **kwargs):
        if Path(file) == path:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    error = only_error(path)
    assert (error.kind, error.location.line, error.message) == ("file", 0, "cannot read the file: Permission denied")


def test_unreadable_folder_is_reported_not_skipped(tmp_path: Path, demo, monkeypatch):
    demo(HEAD.encode())
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def refuse(folder):
        if Path(folder) == locked:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))
        return real_scandir(folder)

    monkeypatch.setattr(os, "scandir", refuse)
    found = discover([tmp_path])
    assert [(e.kind, e.location.file, e.message) for e in found.errors] == [
        ("file", display(locked), "cannot read the folder: Permission denied")]


# -- organisations with a broken file ---------------------------------------------------------------

def test_an_organisation_with_a_broken_file_is_never_checked_in_part(tmp_path: Path, demo, capsys):
    demo(b"pac: 1\norganisation: corp\n" + CONTROLLER.format(name="Corp B.V.").encode(), "corp/controller.yaml")
    demo(b"pac: 1\norganisation: corp\nactivities: [\n", "corp/activities.yaml")  # a syntax error: whose is it?
    demo(b"pac: 1\norganisation: solo\n", "solo.yaml")
    organisations, found = load_files(discover([tmp_path]).declarations)
    assert [o.id for o in organisations] == ["solo"]
    assert [(e.kind, Path(e.location.file).name, e.location.line) for e in found] == [
        ("yaml", "activities.yaml", 4), ("organisation", "controller.yaml", 2)]
    assert found[1].message == (f"organisation 'corp' is not checked: {display(tmp_path / 'corp' / 'activities.yaml')}, "
                                "which may hold part of it, has errors")


def test_an_organisation_with_a_file_that_could_not_be_read_is_not_checked_in_part(tmp_path: Path, demo):
    demo(b"pac: 1\norganisation: corp\n" + CONTROLLER.format(name="Corp B.V.").encode(), "corp/controller.yaml")
    (tmp_path / "corp" / "activities.yaml").symlink_to("/etc/hostname")  # refused, never read
    inputs = discover([tmp_path])
    organisations, found = load_files(inputs.declarations, unread=inputs.errors)
    assert organisations == () and [(e.kind, Path(e.location.file).name) for e in found] == [
        ("organisation", "controller.yaml")]


def test_a_broken_file_that_names_another_organisation_leaves_this_one_alone(tmp_path: Path, demo):
    demo(b"pac: 1\norganisation: corp\n", "corp/a.yaml")
    demo(b"pac: 1\norganisation: other\nunknown: 1\n", "corp/b.yaml")
    organisations, found = load_files(discover([tmp_path]).declarations)
    assert [o.id for o in organisations] == ["corp"] and [e.kind for e in found] == ["schema"]


@pytest.mark.parametrize("waivers, error", [
    (b"pac: 1\nwaivers:\n  - {check: no-such-check, organisation: demo, justification: Accepted for now., owner: DPO}\n",
     "3:5: error: waiver for unknown check 'no-such-check'"),
    (b"pac: 1\nwaivers:\n  - &w {check: legal-basis-stated, organisation: demo}\n  - {<<: *w}\n",
     "4:6: error: YAML merge keys (<<) are not supported")])
def test_validate_reads_the_waiver_files_too(tmp_path: Path, demo, capsys, waivers: bytes, error: str):
    """``pac check`` refuses a broken waiver file, so ``pac validate`` must not call the folder valid."""
    demo(HEAD.encode())
    demo(waivers, "waivers.yaml")
    assert main(["validate", str(tmp_path)]) == 2
    assert capsys.readouterr().err.splitlines()[0] == f"{display(tmp_path / 'waivers.yaml')}:{error}"


def test_check_on_a_folder_of_hostile_files_exits_2_and_runs_no_check(run_pac, tmp_path: Path):
    policies = tmp_path / "policies"
    policies.mkdir()
    (policies / "good.yaml").write_text("pac: 1\norganisation: good\n", encoding="utf-8")
    (policies / "binary.yaml").write_bytes(bytes(range(256)))
    (policies / "bomb.yaml").write_text((CORPUS / "alias-bomb.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (policies / "outside.yaml").symlink_to("/etc/hostname")
    os.mkfifo(policies / "pipe.yaml")
    result = run_pac("check", "policies", "--as-of", "2024-06-01", cwd=tmp_path)
    assert result.returncode == 2
    errors = [line for line in result.stdout.splitlines() if re.match(r"policies/[a-z]+\.yaml:\d+:\d+: error: ", line)]
    assert errors == ["policies/binary.yaml:1:1: error: not readable text: control characters are not allowed (U+0000)",
                      "policies/bomb.yaml:10:14: error: YAML aliases expand to more than 100000 nodes",
                      "policies/outside.yaml:0:0: error: symbolic link to '/etc/hostname' leads out of the folder",
                      "policies/pipe.yaml:0:0: error: not a regular file but a named pipe, device or socket"]
    assert result.stdout.splitlines()[-1].startswith("4 errors in ") and "Traceback" not in result.stdout



def test_reading_a_small_file_takes_memory_for_the_file_not_for_the_limit(tmp_path: Path):
    small = tmp_path / "small.yaml"
    small.write_bytes(b"id: x\n")
    tracemalloc.start()
    try:
        assert read_regular(small, 64 * 1024 * 1024) == b"id: x\n"
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024
