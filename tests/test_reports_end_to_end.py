"""`pac check --report-dir` writes all five reports: valid, deterministic, and with hostile names made inert.

These run pac in a subprocess, as a user or CI does: once on a hostile declaration with a waiver
(twice, to compare the outputs) and once on the five encoded privacy notices in policies/.
"""

from __future__ import annotations

import re

import json
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pac.reports import html
from reports_support import code_scanning_errors, findings_errors, parse, sarif_errors

REPORTS = ("findings.json", "junit.xml", "report.html", "report.md", "report.sarif")
POLICIES = Path(__file__).parent.parent / "policies"
PROPERTIES = {"pac_check", "pac_articles", "pac_severity", "pac_organisation", "pac_subject"}

HOSTILE_DECLARATION = r"""
pac: 1
organisation: hostile
controller:
  legal_name: "<script>alert('x')</script> \"quoted\" ]]> `tick` *star* [link](https://evil.test) | $x$ \a\e[31m \u202eevil"
  country: NL
  provenance: {section: "</style><script>alert(1)</script>", quote: "]]> \u202e \x07 <!--"}
activities:
  - id: marketing
    name: "<img src=x onerror=alert(1)>"
    purposes:
      - {id: newsletter, name: "]]><!-- \"' & \a", provenance: {section: "S ]]>", quote: "q </textarea>"}}
      - {id: tracking, name: "{{ 7*7 }} {% raw %}", legal_basis: consent, provenance: {section: S, quote: q}}
    provenance: {section: S, quote: q}
"""
HOSTILE_WAIVERS = r"""
pac: 1
waivers:
  - check: legal-basis-stated
    organisation: hostile
    subject: purposes/newsletter
    justification: "<b>bold</b> ]]> \a accepted: the newsletter stops next month"
    owner: "DPO <dpo@example.test> \u202e"
    expires: "2030-01-01"
"""


def pac_check(run_pac, cwd: Path, paths: list[str], out: str, *options: str) -> Path:
    done = run_pac("check", *paths, "--as-of", "2025-03-01", "--report-dir", out, *options, cwd=cwd)
    assert done.returncode == 1, done.stdout + done.stderr  # 1: there are findings
    return cwd / out


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, run_pac) -> tuple[Path, Path]:
    """Two report folders from two runs on the same hostile input."""
    root = tmp_path_factory.mktemp("hostile")
    (root / "policies").mkdir()
    (root / "policies" / "hostile.yaml").write_text(textwrap.dedent(HOSTILE_DECLARATION), encoding="utf-8")
    (root / "policies" / "waivers.yaml").write_text(textwrap.dedent(HOSTILE_WAIVERS), encoding="utf-8")
    return pac_check(run_pac, root, ["policies"], "first"), pac_check(run_pac, root, ["policies"], "second")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory, run_pac) -> Path:
    """The reports on the five encoded privacy notices (one pytest item per organisation, which is quicker)."""
    return pac_check(run_pac, POLICIES.parent, ["policies"], str(tmp_path_factory.mktemp("seeds") / "out"),
                     "--granularity", "organisation")


def test_all_five_reports_are_written(hostile: tuple[Path, Path]):
    assert sorted(p.name for p in hostile[0].iterdir() if not p.name.startswith(".")) == list(REPORTS)


def test_reports_are_byte_identical_for_the_same_input_and_date(hostile: tuple[Path, Path]):
    first, second = hostile
    for name in REPORTS:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


@pytest.mark.parametrize("name", REPORTS)
def test_hostile_strings_never_reach_any_report_raw(hostile: tuple[Path, Path], name: str):
    text = (hostile[0] / name).read_text(encoding="utf-8")
    assert "hostile" in text
    assert not {"\x07", "\x1b", "\u202e"} & set(text)
    if not name.endswith((".json", ".sarif")):  # JSON holds markup as plain strings; elsewhere it must be escaped
        # (Markdown escapes markup with a backslash, which GitHub renders as the literal character)
        assert len(re.findall(r"(?<!\\)<script", text)) == (name == "report.html")  # pac's own script only
        assert not re.search(r"(?<!\\)<img src=x", text)


def test_junit_items_carry_pac_properties(hostile: tuple[Path, Path]):
    cases = ET.parse(hostile[0] / "junit.xml").getroot().findall(".//testcase")
    assert cases
    for case in cases:
        properties = {p.get("name"): p.get("value") for p in case.iter("property")}
        assert PROPERTIES <= set(properties), case.get("name")
        assert properties["pac_organisation"] == "hostile"
        subject = properties["pac_subject"]  # "*": the item of the subjects the check passes on
        assert case.get("name") == (properties["pac_check"] if subject == "*" else f"{properties['pac_check']}[{subject}]")
        assert properties["pac_severity"] in ("error", "warning", "info") and properties["pac_articles"]
    suite = ET.parse(hostile[0] / "junit.xml").getroot().find("testsuite")
    assert suite.get("time") == "0.000" and suite.get("timestamp") is None and suite.get("hostname") is None
    assert {case.get("time") for case in cases} == {"0.000"}  # Jenkins and GitLab need it; pac's is always 0
    waived = [c for c in cases if c.get("name") == "legal-basis-stated[purposes/newsletter]"]
    assert waived and waived[0].find("skipped") is not None  # pytest's xfail: the finding is waived


def test_the_hostile_report_html_is_well_formed(hostile: tuple[Path, Path]):
    document, _ = parse((hostile[0] / "report.html").read_text(encoding="utf-8"))
    assert [s.text() for s in document.iter("script")] == [html.SCRIPT]
    (waiver,) = document.iter("dl", class_="waiver")
    assert "<b>bold</b> ]]>" in waiver.text()


def test_seed_sarif_is_valid_for_code_scanning(seeds: Path):
    log = json.loads((seeds / "report.sarif").read_text(encoding="utf-8"))
    assert sarif_errors(log) == [] and code_scanning_errors(log) == []
    results = log["runs"][0]["results"]
    assert results and all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("policies/")
                           and r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)


def test_seed_findings_json_matches_its_schema(seeds: Path):
    document = json.loads((seeds / "findings.json").read_text(encoding="utf-8"))
    assert len(document["organisations"]) == 5 and document["findings"]
    assert findings_errors(document) == []


def test_seed_report_html_has_a_section_and_diagram_per_organisation(seeds: Path):
    document, _ = parse((seeds / "report.html").read_text(encoding="utf-8"))
    sections = list(document.iter("section", class_="organisation"))
    assert [s.attrs["id"] for s in sections] == [f"org-{p.stem}" for p in sorted(POLICIES.glob("*.yaml"))]
    for section in sections:
        figure = section.find("figure", class_="diagram")
        assert figure.find("svg", class_="drawing") and list(figure.iter("use")), section.attrs["id"]
        assert section.find("table", class_="recipients") and list(section.iter("article", class_="finding"))


@pytest.mark.parametrize("organisations", ["seeds", "synthetic"])
def test_the_default_items_give_the_reports_of_an_item_per_subject(tmp_path, run_pac, organisations: str):
    """The default folds the subjects that pass into one item per check; the reports are those of a run with
    an item per check and subject, byte for byte (junit.xml, which lists the items, aside)."""
    if organisations == "seeds":
        cwd, paths = POLICIES.parent, ["policies"]
    else:  # benchmarks/generate.py's small organisation (100 activities), its notice text beside it
        generated = subprocess.run([sys.executable, str(POLICIES.parent / "benchmarks" / "generate.py"), "--out",
                                    str(tmp_path / "synthetic"), "--size", "small"], capture_output=True, text=True,
                                   check=True).stdout.strip()
        cwd, paths = tmp_path, [generated]
    default = pac_check(run_pac, cwd, paths, str(tmp_path / "default"))
    per_subject = pac_check(run_pac, cwd, paths, str(tmp_path / "subject"), "--granularity", "subject")
    for name in REPORTS:
        if name != "junit.xml":
            assert (default / name).read_bytes() == (per_subject / name).read_bytes(), name
