"""The commands that read a policy folder (validate, graph, diff) read its declarations and its waiver
files under the same limits, and report the problems of both at once; the commands that evaluate on a
date take it the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from pac.cli import main

DECLARATION = """\
pac: 1
organisation: demo
controller: {legal_name: Demo B.V., country: NL, provenance: {section: Contact, quote: Demo B.V.}}
"""

WAIVER = """\
  - {check: legal-basis-stated, organisation: demo, justification: Accepted until the rewrite of the notice., owner: legal}
"""


def command(name: str, folder: Path, tmp_path: Path) -> list[str]:
    return {"validate": ["validate", str(folder)],
            "graph": ["graph", str(folder), "--out", str(tmp_path / "out"), "--format", "dot"],
            "diff": ["diff", str(folder), str(folder)]}[name]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    policies = tmp_path / "policies"
    policies.mkdir()
    (policies / "demo.yaml").write_text(DECLARATION, encoding="utf-8")
    (policies / "waivers.yaml").write_text("pac: 1\nwaivers:\n" + WAIVER * 20, encoding="utf-8")
    return policies


@pytest.mark.parametrize("name", ["validate", "graph", "diff"])
def test_the_size_limit_applies_to_waiver_files_too(name: str, folder: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]):
    limit = str(len(DECLARATION) + 10)  # the declaration fits, the waiver file does not
    assert main(command(name, folder, tmp_path)) in (0, 1)
    assert main([*command(name, folder, tmp_path), "--max-file-size", limit]) == 2
    assert "waivers.yaml" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["validate", "graph", "diff"])
def test_declaration_and_waiver_errors_are_reported_together(name: str, folder: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]):
    (folder / "demo.yaml").write_text(DECLARATION + "colour: red\n", encoding="utf-8")
    (folder / "waivers.yaml").write_text("pac: 1\nwaivers:\n" + WAIVER.replace("legal-basis-stated", "no-such-check"),
                                         encoding="utf-8")
    assert main(command(name, folder, tmp_path)) == 2
    err = capsys.readouterr().err
    assert "demo.yaml:4:1" in err and "colour" in err
    assert "waivers.yaml:3:" in err and "unknown check 'no-such-check'" in err


@pytest.mark.parametrize("name", ["check", "graph", "diff", "ropa"])
@pytest.mark.parametrize("as_of, message", [("2018-05-24", "the GDPR applies from 2018-05-25 (Art. 99(2))"),
                                            ("24-05-2026", "'24-05-2026' is not a date (YYYY-MM-DD)")])
def test_every_command_refuses_an_evaluation_date_the_gdpr_does_not_cover(name: str, as_of: str, message: str,
                                                                         folder: Path, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]):
    arguments = {"check": ["check", str(folder)], "ropa": ["ropa", str(folder)]}.get(name) or command(name, folder, tmp_path)
    with pytest.raises(SystemExit) as exit:
        main([*arguments, "--as-of", as_of])
    assert exit.value.code == 2 and f"--as-of: {message}" in capsys.readouterr().err


def test_pac_check_leaves_out_pytest_plugins_that_cannot_act_on_declarations():
    from pac.cli import parser
    from pac.commands.check import pytest_arguments

    arguments = pytest_arguments(parser().parse_args(["check", "policies", "--as-of", "2026-01-01"]))
    assert any(arguments[i:i + 2] == ["-p", "no:hypothesispytest"] for i in range(len(arguments)))
