"""Untrusted strings from the YAML (names, quotes, sections, URLs, waiver texts) in every output pac writes:
the terminal, findings.json, report.sarif, report.html, report.md, junit.xml, and the DOT and SVG diagrams.
One ``pac check`` run and one ``pac graph`` run on a declaration full of markup, control and bidi
characters and forged lines; each output must stay well-formed and show the strings as inert text."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pac.cli import main
from pac.reports.html import SCRIPT
from reports_support import UNPRINTABLE, parse

HOSTILE = ("<script>alert(1)</script> \"q\" 'a' \\ ]]> <!-- {x|y} <b>b</b> [l](javascript:alert(1)) `t` *s* | # "
           "&amp; $x$ \x1b[2J\x1b]0;t\x07 \r\u202e\u2028\x00\x7f\x9b\nfake.yaml:1:1: error: forged")
"""Markup of every format (HTML, XML, DOT records and HTML-like labels, Markdown, SARIF links), terminal
escapes, bidi and line-separator characters, NUL, and a line break followed by a forged error line."""

FORGED = "fake.yaml:1:1"


def declaration() -> str:
    text = json.dumps(HOSTILE)  # a JSON string is a YAML double-quoted scalar
    provenance = f"{{section: {text}, quote: {text}}}"
    return f"""\
pac: 1
organisation: hostile
controller:
  legal_name: {text}
  supervisory_authority: {{name: {text}, url: {text}, provenance: {provenance}}}
  provenance: {provenance}
data_categories:
  - {{id: email, name: {text}, provenance: {provenance}}}
activities:
  - id: newsletter
    name: {text}
    categories: [email]
    purposes:
      - {{id: send, name: {text}, provenance: {provenance}}}
    provenance: {provenance}
recipients:
  - id: evil
    name: {text}
    named: true
    role: processor
    country: US
    categories: [email]
    activities: [newsletter]
    transfer_tools:
      - {{tool: scc, version: "2010", reference: {text}, provenance: {provenance}}}
    provenance: {provenance}
"""


def waivers() -> str:
    text = json.dumps(HOSTILE)
    return f"""\
pac: 1
waivers:
  - {{check: legal-basis-stated, organisation: hostile, subject: purposes/send, justification: {text}, owner: {text}}}
"""


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory, run_pac) -> dict[str, Path | str]:
    """``pac check --report-dir`` and ``pac graph`` on the hostile declaration: the terminal output and the files."""
    root = tmp_path_factory.mktemp("hostile")
    policies = root / "policies"
    policies.mkdir()
    (policies / "hostile.yaml").write_text(declaration(), encoding="utf-8")
    (policies / "waivers.yaml").write_text(waivers(), encoding="utf-8")
    check = run_pac("check", "policies", "--as-of", "2024-06-01", "--report-dir", "reports", cwd=root, text=False)
    assert check.returncode == 1, check.stderr.decode("utf-8", "replace")
    formats = "svg,dot" if shutil.which("dot") else "dot"
    graph = run_pac("graph", "policies", "--as-of", "2024-06-01", "--out", "graphs", "--format", formats, cwd=root,
                    text=False)
    assert graph.returncode == 0, graph.stderr.decode("utf-8", "replace")
    return {"terminal": (check.stdout + check.stderr).decode("utf-8"), "reports": root / "reports",
            "graphs": root / "graphs"}


def test_the_declaration_is_valid_and_reaches_the_outputs(run):
    assert "hostile" in run["terminal"] and (run["reports"] / "findings.json").exists()


def test_terminal_output_has_no_control_characters_and_no_forged_lines(run):
    terminal = run["terminal"]
    assert "Personal data go to " in terminal  # a finding that names the recipient was printed
    assert not UNPRINTABLE.search(terminal)
    assert not [line for line in terminal.splitlines() if line.startswith((FORGED, "forged"))]


def test_findings_json_keeps_the_strings_exactly(run):
    raw = (run["reports"] / "findings.json").read_text(encoding="utf-8")
    assert not UNPRINTABLE.search(raw)
    document = json.loads(raw)
    assert document["organisations"][0]["name"] == HOSTILE
    quotes = {p.get("quote") for f in document["findings"] for p in f["evidence"]}
    assert HOSTILE in quotes
    waived = [f["waiver"] for f in document["findings"] if f["waived"]]
    assert waived and waived[0]["justification"] == HOSTILE == waived[0]["owner"]


def test_sarif_messages_are_one_line_without_links_or_controls(run):
    document = json.loads((run["reports"] / "report.sarif").read_text(encoding="utf-8"))
    results = document["runs"][0]["results"]
    messages = [r["message"]["text"] for r in results if "javascript" in r["message"]["text"]]
    justifications = [s["justification"] for r in results for s in r.get("suppressions", ())]
    assert messages and HOSTILE.split(" ")[0] in justifications[0]
    for text in messages + justifications:
        assert "\n" not in text and not UNPRINTABLE.search(text)
    for text in messages:  # a message's [text](target) is a link (SARIF 2.1.0 §3.11.6); a justification is plain
        assert not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", text), f"an embedded link: {text}"


def test_html_report_shows_markup_as_text_and_runs_nothing(run):
    html = (run["reports"] / "report.html").read_text(encoding="utf-8")
    assert not UNPRINTABLE.search(html)
    document, _ = parse(html)
    elements = list(document.iter())
    assert not {e.tag for e in elements} & {"iframe", "object", "embed", "b", "base", "foreignobject"}
    assert [s.text() for s in document.iter("script")] == [SCRIPT]  # pac's own, allowed by its digest alone
    assert [f.attrs["class"] for f in document.iter("form")] == ["filters"]
    for element in elements:
        assert not [a for a in element.attrs if a.startswith("on")], element.tag
        for name in ("href", "xlink:href", "src", "action"):
            assert not element.attrs.get(name, "").strip().lower().startswith("javascript:"), (element.tag, element.attrs)
    assert "<script>alert(1)</script>" in document.text()  # shown, as text


def test_markdown_summary_has_no_markup_from_the_declaration(run):
    markdown = (run["reports"] / "report.md").read_text(encoding="utf-8")
    assert not UNPRINTABLE.search(markdown)
    assert "javascript" in markdown  # the strings are there ...
    raw_tags = set(re.findall(r"(?<!\\)</?([a-zA-Z!][\w-]*)", markdown))
    assert raw_tags <= {"details", "summary"}  # ... but every < from them is escaped
    assert not re.search(r"(?<!\\)\[[^\]\n]*(?<!\\)\]\(", markdown)  # no link
    table = [line for line in markdown.splitlines() if line.startswith("|")]
    cells = {len(re.findall(r"(?<!\\)\|", line)) for line in table}
    assert len(cells) == 1  # no row gained a cell
    assert not [line for line in markdown.splitlines() if line.startswith(("#", FORGED, "forged")) and not line.startswith("## pac")]


def test_junit_xml_is_well_formed_and_carries_the_properties(run):
    root = ET.parse(run["reports"] / "junit.xml").getroot()
    assert not {e.tag for e in root.iter()} - {"testsuites", "testsuite", "testcase", "properties", "property",
                                                "failure", "skipped", "system-out", "system-err", "error"}
    properties = {(p.get("name"), p.get("value")) for p in root.iter("property")}
    assert ("pac_subject", "recipients/evil") in properties
    failures = " ".join(f.get("message", "") + (f.text or "") for f in root.iter("failure"))
    assert "javascript" in failures and not UNPRINTABLE.search(failures)


def test_dot_source_keeps_every_label_closed(run):
    dot = (run["graphs"] / "hostile.dot").read_text(encoding="utf-8")
    assert not UNPRINTABLE.search(dot)
    assert "&lt;script&gt;" in dot  # HTML-like labels carry escaped markup
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed: the DOT source is not parsed")
    canon = subprocess.run(["dot", "-Tcanon"], input=dot, capture_output=True, text=True, timeout=120)
    assert canon.returncode == 0 and "Warning" not in canon.stderr and "Error" not in canon.stderr, canon.stderr


def test_svg_diagram_is_well_formed_and_inert(run):
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed: pac writes no SVG")
    svg = (run["graphs"] / "hostile.svg").read_text(encoding="utf-8")
    root = ET.fromstring(svg)
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert not tags & {"script", "foreignObject", "iframe", "use"}
    for element in root.iter():
        assert not [a for a in element.attrib if a.rsplit("}", 1)[-1].startswith("on")]
        for name, value in element.attrib.items():
            if name.endswith("href"):
                assert not value.strip().lower().startswith("javascript:")
    text = "".join(root.itertext())
    assert "<script>alert(1)</script>" in text and not UNPRINTABLE.search(text)


def test_a_hostile_file_name_cannot_drive_the_terminal(pytester: pytest.Pytester):
    """pytest prints node ids as they are; the node of a broken file must not carry its name's escapes."""
    policies = pytester.mkdir("policies")
    (policies / f"evil\x1b[2J\n{FORGED}: ok.yaml").write_text("pac: 1\norganisation: evil\n", encoding="utf-8")
    result = pytester.runpytest("-o", "pac_paths=policies", "--pac-as-of", "2024-06-01", "-p", "no:randomly")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    assert not UNPRINTABLE.search(result.stdout.str())
    assert not [line for line in result.outlines if line.startswith(FORGED)]


def test_validate_prints_hostile_file_names_escaped(tmp_path: Path, capsys):
    """A file of a folder organisation may have any name; ``pac validate`` lists it when the folder is valid."""
    (tmp_path / "corp").mkdir()
    (tmp_path / "corp" / f"evil\x1b[2J\n{FORGED}: ok.yaml").write_text("pac: 1\norganisation: corp\n", encoding="utf-8")
    assert main(["validate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("corp: valid (") and out.count("\n") == 1 and not UNPRINTABLE.search(out)
