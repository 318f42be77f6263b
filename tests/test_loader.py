"""Finding declaration files and folders, grouping them by organisation, and the ``pac validate`` command."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pac.cli import main
from pac.errors import InvalidInput
from pac.loader import discover, load

MINIMAL = "pac: 1\norganisation: {id}\n"


def test_discovery_is_sorted_skips_hidden_and_non_yaml_and_separates_waivers(write, tmp_path: Path):
    for name in ("b.yaml", "a.yml", "c/x.yaml", ".hidden.yaml", ".git/d.yaml", "FINDINGS.md", "image.png", "waivers.yaml"):
        write("x: 1\n", name)
    found = discover([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found.declarations] == ["a.yml", "b.yaml", "c/x.yaml"]
    assert [p.name for p in found.waivers] == ["waivers.yaml"] and found.errors == ()


def test_symlink_out_of_the_folder_is_an_error_and_is_not_followed(write, tmp_path: Path):
    outside = write(MINIMAL.format(id="secret"), "outside/secret.yaml")
    (tmp_path / "policies").mkdir()
    os.symlink(outside, tmp_path / "policies" / "secret.yaml")
    os.symlink(outside.parent, tmp_path / "policies" / "linked-folder")
    found = discover([tmp_path / "policies"])
    assert found.declarations == ()
    assert sorted(e.message.split(" leads")[0] for e in found.errors) == [
        f"symbolic link to {str(outside.parent)!r}", f"symbolic link to {str(outside)!r}"]


def test_symlink_inside_the_folder_is_read(write, tmp_path: Path):
    real = write(MINIMAL.format(id="demo"), "policies/real/demo.yaml")
    os.symlink(real, tmp_path / "policies" / "demo.yaml")
    assert [p.name for p in discover([tmp_path / "policies"]).declarations] == ["demo.yaml", "demo.yaml"]


def test_missing_path_is_reported():
    with pytest.raises(InvalidInput) as raised:
        load(["no/such/folder"])
    assert raised.value.errors[0].message == "no such file or folder"


def test_no_declarations_at_all_is_an_error(tmp_path: Path):
    with pytest.raises(InvalidInput) as raised:
        load([tmp_path])
    assert raised.value.errors[0].message == "no declaration files found"


def test_organisation_id_must_match_the_file_name(write):
    with pytest.raises(InvalidInput) as raised:
        load([write(MINIMAL.format(id="other"), "demo.yaml")])
    (error,) = raised.value.errors
    assert error.kind == "organisation" and (error.location.line, error.location.column) == (2, 15)
    assert error.message == "organisation 'other' is declared in demo.yaml, not in other.yaml"


def test_folder_organisation_needs_a_folder_named_after_it(write, tmp_path: Path):
    write(MINIMAL.format(id="corp"), "corp/a.yaml")
    write(MINIMAL.format(id="corp"), "corp/deep/b.yaml")
    write(MINIMAL.format(id="stray"), "elsewhere/one.yaml")
    write(MINIMAL.format(id="stray"), "elsewhere/two.yaml")
    with pytest.raises(InvalidInput) as raised:
        load([tmp_path])
    (error,) = raised.value.errors
    assert error.message == "organisation 'stray' is declared in one.yaml, not in a folder stray/"


def test_folder_can_be_given_directly_or_through_its_parent(write, tmp_path: Path):
    write(MINIMAL.format(id="corp"), "policies/corp/a.yaml")
    write(MINIMAL.format(id="corp"), "policies/corp/b.yaml")
    write(MINIMAL.format(id="solo"), "policies/solo.yaml")
    assert [o.id for o in load([tmp_path / "policies"])] == ["corp", "solo"]
    assert [len(o.files) for o in load([tmp_path / "policies" / "corp"])] == [2]


def test_controller_declared_in_two_files_of_a_folder_conflicts(write, tmp_path: Path):
    body = MINIMAL.format(id="corp") + "controller: {legal_name: C, provenance: {section: A, quote: b}}\n"
    write(body, "corp/a.yaml")
    write(body, "corp/b.yaml")
    with pytest.raises(InvalidInput) as raised:
        load([tmp_path / "corp"])
    (error,) = raised.value.errors
    assert error.kind == "conflict" and error.location.file.endswith("b.yaml") and "(first at " in error.message


def test_errors_of_all_files_are_reported_together(write, tmp_path: Path):
    write("pac: 1\norganisation: a\nx: 1\n", "a.yaml")
    write("pac: 1\norganisation: b\ny: [\n", "b.yaml")
    write(MINIMAL.format(id="c"), "c.yaml")
    with pytest.raises(InvalidInput) as raised:
        load([tmp_path])
    assert [(Path(e.location.file).name, e.kind) for e in raised.value.errors] == [("a.yaml", "schema"), ("b.yaml", "yaml")]


def test_validate_command_exit_codes_and_output(write, tmp_path: Path, capsys):
    good = write(MINIMAL.format(id="good"), "good.yaml")
    assert main(["validate", str(good)]) == 0
    assert capsys.readouterr().out.startswith("good: valid")
    bad = write("pac: 1\norganisation: bad\ncountry: NO\n", "bad.yaml")
    assert main(["validate", str(good), str(bad)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{bad}:3:1: error: $.country: unknown key 'country'"
    assert err[-1] == "pac: 1 error in 1 file"


def test_validate_refuses_files_over_the_size_limit(write, capsys):
    path = write(MINIMAL.format(id="demo"))
    assert main(["validate", "--max-file-size", "10", str(path)]) == 2
    assert "more than the limit of 10" in capsys.readouterr().err


def test_untrusted_text_cannot_forge_output_lines(write, capsys):
    path = write('pac: 1\norganisation: demo\n"x\\nfake.yaml:1:1: ok\\u001b[2J": 1\n')
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[2J" in err and "\\x0afake.yaml" in err


def test_version_and_schema_commands(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0 and capsys.readouterr().out.startswith("pac ")
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "pac declaration"


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["validate"])
    assert exited.value.code == 2


def test_loading_leaves_the_garbage_collector_alone(write):
    """Process-level tuning belongs to the entry points (pac's console script, the pytest plugin), not to a
    library function."""
    import gc

    from pac.loader import load_files

    gc.unfreeze()  # (the plugin of this very session froze what it had collected)
    enabled = gc.isenabled()
    load_files([write("pac: 1\norganisation: demo\n")])
    assert (gc.get_freeze_count(), gc.isenabled()) == (0, enabled)
