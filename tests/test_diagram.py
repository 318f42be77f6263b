"""The Graphviz diagrams: what they show, that hostile names cannot break them, that they are deterministic,
that large organisations stay small pictures, and ``pac graph``."""

from __future__ import annotations

import functools
import os
import random
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from pac import Engine, load
from pac.cli import main
from pac.diagram import MAX_RECIPIENTS, diagram, render
from pac.reference import Reference

AS_OF = date(2026, 11, 22)
REFERENCE = Reference.packaged()
ENGINE = Engine.from_plugins()
P = "provenance: {section: S, quote: q}"
HAS_DOT = shutil.which("dot") is not None
needs_dot = pytest.mark.skipif(not HAS_DOT, reason="Graphviz's dot is not installed")

FLOWS = f"""
controller: {{legal_name: Voorbeeld B.V., country: NL, {P}}}
data_subjects: [{{id: users, name: Users, term: gebruikers, {P}}}]
data_categories:
  - {{id: email, name: E-mail address, term: e-mailadres, {P}}}
  - {{id: health, name: Health data, term: medische gegevens, special: health, {P}}}
activities:
  - {{id: care, name: Care, data_subjects: [users], categories: [email, health], {P},
     purposes: [{{id: treat, name: Treatment, legal_basis: contract, {P}}}]}}
recipients:
  - {{id: hosting, name: Hosting, term: hostingbedrijf, named: true, role: processor, country: DE, activities: [care],
     processor_agreement: {{in_place: true, {P}}}, {P}}}
  - {{id: mailer, name: Mailer, named: true, role: sub_processor, parent: hosting, country: US, categories: [email], {P}}}
  - {{id: cloud, name: Cloud, named: true, role: processor, country: IN, categories: [health],
     transfer_tools: [{{tool: scc, version: "2021", module: 2, reference: https://x.example, {P}}}], {P}}}
  - {{id: insurer, name: Insurer, named: true, role: controller, country: CH, categories: [email],
     transfer_tools: [{{tool: adequacy, {P}}}], {P}}}
  - {{id: tax, name: Tax office, named: true, role: public_authority, country: NL, activities: [care], {P}}}
  - {{id: partners, name: Partners, named: false, role: recipient, {P}}}
  - {{id: analytics, name: Analytics, named: true, role: joint_controller, country: US, categories: [email],
     transfer_tools: [{{tool: adequacy, {P}}}], {P}}}
"""

HOSTILE = '\\"quoted\\" back\\\\slash <b>bold</b> ]]> {record|field} & \\x1b[31mred\\nnext line \\u202e'
"""A name (as written inside a double-quoted YAML string) with every character that could break DOT, HTML-like
labels, SVG or a terminal."""
HOSTILE_TEXT = '"quoted" back\\slash <b>bold</b> ]]> {record|field} & '
"""The part of it that must come out as plain text."""


def hostile_declaration() -> str:
    evil = f'"{HOSTILE}"'
    return f"""
controller: {{legal_name: {evil}, country: NL, {P}}}
data_subjects: [{{id: users, name: {evil}, term: {evil}, {P}}}]
data_categories:
  - {{id: evil, name: {evil}, term: {evil}, special: health, {P}}}
activities:
  - {{id: act, name: {evil}, data_subjects: [users], categories: [evil], {P},
     purposes: [{{id: p, name: {evil}, legal_basis: consent, {P}}}]}}
recipients:
  - {{id: r, name: {evil}, term: {evil}, named: true, role: processor, country: US, activities: [act],
     provenance: {{section: {evil}, quote: {evil}}}}}
"""


def large_declaration(recipients: int) -> str:
    """An organisation with ``recipients`` recipients in every role, zone and transfer state (seeded, so the same
    every time), one in ten a sub-processor."""
    rng = random.Random(2000)
    countries = ["NL", "DE", "FR", "US", "JP", "CN", "IN", None]
    roles = ["processor", "recipient", "controller", "joint_controller", "public_authority"]
    tools = [None, "scc", "privacy_shield", "adequacy", "bcr"]
    lines = [f"controller: {{legal_name: Big B.V., country: NL, {P}}}",
             f"data_subjects: [{{id: users, name: Users, {P}}}]", "data_categories:"]
    lines += [f"  - {{id: c{i}, name: Category {i}{', special: health' if i == 0 else ''}, {P}}}" for i in range(6)]
    lines.append("activities:")
    lines += [f"  - {{id: a{i}, name: Activity {i}, data_subjects: [users], categories: [c{i}, c{i + 1}], {P}, "
              f"purposes: [{{id: p{i}, name: Purpose {i}, legal_basis: contract, {P}}}]}}" for i in range(5)]
    lines.append("recipients:")
    for index in range(recipients):
        country, tool = "NL" if index == 0 else rng.choice(countries), rng.choice(tools)
        fields = [f"id: r{index}", f"name: Recipient {index}", "named: true", f"activities: [a{index % 5}]", P]
        fields.append("role: sub_processor, parent: r0" if index % 10 == 9 else
                      "role: processor" if index == 0 else f"role: {rng.choice(roles)}")
        if country:
            fields.append(f"country: {country}")
        if tool:
            fields.append(f"transfer_tools: [{{tool: {tool}, {P}}}]")
        lines.append("  - {" + ", ".join(fields) + "}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def flows(load_one):
    return load_one(FLOWS)


def statement(source: str, *nodes: str) -> str:
    """The DOT statement that declares a node, or an edge between two nodes."""
    quoted = [f'"{n}"' if "/" in n else n for n in nodes]
    head = " -> ".join(quoted) + " ["
    (line,) = [line for line in source.splitlines() if line.lstrip("\t").startswith(head)]
    return line.replace("<BR/>", " ")  # labels wrap long lines


def findings_of(organisation):
    return ENGINE.evaluate(organisation, AS_OF).all_findings()


# -- what the picture shows -------------------------------------------------------------------------------------------

def test_clusters_for_the_controllers_country_the_eea_adequate_and_third_countries(flows):
    source = diagram(flows, REFERENCE, AS_OF).source
    clusters = re.findall(r"subgraph (cluster_\w+)", source)
    assert clusters == ["cluster_home", "cluster_eea", "cluster_eea_DE", "cluster_adequate", "cluster_adequate_CH",
                        "cluster_adequate_US", "cluster_third_country", "cluster_third_country_IN", "cluster_unknown",
                        "cluster_legend"]
    assert "Controller&#x27;s country: Netherlands" in statement(source, "controller")  # not on its cluster
    assert "Netherlands" in statement(source, "recipients/tax") and "label=\"\"" in source
    source = source.replace("<BR/>", " ")
    assert "Country not stated" in source
    assert "United States (US) <FONT" in source and "adequacy decision covers only some recipients" in source
    home = source[source.index("subgraph cluster_home"):source.index("subgraph cluster_eea")]
    assert '"recipients/tax"' in home and "\tcontroller [" in home


def test_node_shapes_follow_roles(flows):
    source = diagram(flows, REFERENCE, AS_OF).source
    shapes = {node: re.search(r"shape=(\w+)", statement(source, node)).group(1) for node in (
        "data_subjects/users", "controller", "recipients/hosting", "recipients/mailer", "recipients/analytics",
        "recipients/insurer", "recipients/tax", "recipients/partners")}
    assert shapes == {"data_subjects/users": "box", "controller": "box", "recipients/hosting": "box",
                      "recipients/mailer": "component", "recipients/analytics": "hexagon",
                      "recipients/insurer": "octagon", "recipients/tax": "house", "recipients/partners": "box"}
    assert "dashed" in statement(source, "recipients/partners") and "dashed" not in statement(source, "recipients/hosting")
    assert "diagonals" in statement(source, "data_subjects/users") and "rounded" in statement(source, "recipients/hosting")
    assert "peripheries=2" in statement(source, "controller")  # a double outline, like no other node


def test_edges_carry_categories_and_the_transfer_tool_with_its_verdict(flows):
    source = diagram(flows, REFERENCE, AS_OF).source
    failing = statement(source, "recipients/hosting", "recipients/mailer")
    assert 'color="#c00000"' in failing and "style=bold" in failing and "penwidth=2.5" in failing
    assert "E-mail address" in failing and "no transfer tool stated" in failing
    unknown = statement(source, "controller", "recipients/analytics")  # the DPF covers certified organisations only
    assert 'color="#e07000"' in unknown and "style=dashed" in unknown
    assert "Commission adequacy decision: not established" in unknown
    valid = statement(source, "controller", "recipients/insurer")
    assert 'color="#2e7d32"' in valid and "Commission adequacy decision: valid" in valid
    assert "decorate=true" in valid
    domestic = statement(source, "controller", "recipients/tax")
    assert 'color="#555555' in domestic and "decorate" not in domestic and ": valid" not in domestic
    assert "data not stated" in statement(source, "controller", "recipients/partners")


def test_special_category_flows_are_marked(flows):
    source = diagram(flows, REFERENCE, AS_OF).source
    special = statement(source, "controller", "recipients/cloud")
    assert 'color="#2e7d32:invis:#2e7d32"' in special and "<B>Art. 9: Health data</B>" in special
    assert "Standard contractual clauses 2021, module 2: valid" in special
    assert ":invis:" in statement(source, "data_subjects/users", "controller")
    assert ":invis:" not in statement(source, "controller", "recipients/insurer")


def test_title_gives_organisation_date_and_finding_counts(flows):
    found = findings_of(flows)
    source = diagram(flows, REFERENCE, AS_OF, findings=found).source
    errors = sum(1 for f in found if f.severity == "error")
    title = source.splitlines()[1]  # the graph's attributes
    assert f"Voorbeeld B.V.: flows of personal data on {AS_OF}" in title
    assert f"findings: {errors} errors · " in title and "0 waived" in title
    bare = diagram(flows, REFERENCE, AS_OF).source
    assert "findings: 0 errors · 0 warnings · 0 info · 0 waived" in bare


def test_elements_with_findings_are_marked(flows):
    found = findings_of(flows)
    on_mailer = [f for f in found if f.subject == "recipients/mailer" and not f.waived]
    errors = sum(1 for f in on_mailer if f.severity == "error")
    assert errors  # onward-transfer-tool, at least
    node = statement(diagram(flows, REFERENCE, AS_OF, findings=found).source, "recipients/mailer")
    assert f"{errors} error" in node and 'color="#c00000"' in node and "penwidth=2" in node


def test_legend_explains_shapes_and_lines(flows):
    source = diagram(flows, REFERENCE, AS_OF).source
    legend = source[source.index("subgraph cluster_legend"):].replace("<BR/>", " ")
    for words in ("sub-processor", "public authority", "recipient (role not stated)", "transfer without a valid tool",
                  "transfer that cannot be judged", "special-category (Art. 9) or criminal (Art. 10) data"):
        assert words in legend


@needs_dot
@pytest.mark.parametrize("subjects", [True, False], ids=["with-data-subjects", "without"])
def test_the_legend_sits_in_the_data_subjects_column_left_of_the_controller(load_one, subjects):
    """Where the data subjects are, or would be: so none of the controller's edges runs beside it."""
    declaration = FLOWS if subjects else FLOWS.replace("data_subjects: [users], ", "").replace(
        "data_subjects: [{id: users, name: Users, term: gebruikers, provenance: {section: S, quote: q}}]\n", "")
    root = ET.fromstring(render(diagram(load_one(declaration), REFERENCE, AS_OF), "svg"))
    nodes = {title: outline(node) for title, node in groups(root, "node").items()}
    legend = outline(groups(root, "cluster")["cluster_legend"])
    assert legend[2] < nodes["controller"][0]
    assert ("data_subjects/users" in nodes) == subjects
    if subjects:
        assert legend[0] < nodes["data_subjects/users"][0] < nodes["data_subjects/users"][2] < legend[2]


def test_dutch_labels_use_the_notices_terms(flows):
    source = diagram(flows, REFERENCE, AS_OF, lang="nl").source.replace("<BR/>", " ")
    assert "Verenigde Staten (US)" in source and "Zwitserland (CH)" in source  # country names in Dutch too
    assert "geen doorgifte-instrument vermeld" in source.replace("- ", "-")  # wrapped after the hyphen
    assert "hostingbedrijf" in source and "gebruikers" in source and "art. 9: medische gegevens" in source
    assert "verwerker" in source and "Rest van de EER" in source and "Legenda" in source
    assert "stromen van persoonsgegevens op 2026-11-22" in source
    assert "Mailer" in source  # no term: the English name
    with pytest.raises(ValueError, match="lang must be one of en, nl"):
        diagram(flows, REFERENCE, AS_OF, lang="de")


def test_dutch_labels_name_transfer_tools_in_the_avgs_terms(flows):
    source = diagram(flows, REFERENCE, AS_OF, lang="nl").source.replace("<BR/>", " ")
    assert "Adequaatheidsbesluit van de Commissie: niet vast te stellen" in source  # GDPR Art. 45: AVG's term
    assert "Standaardbepalingen inzake gegevensbescherming 2021, module 2: geldig" in source  # Art. 46(2)(c)
    assert "Commission adequacy decision" not in source and "Standard contractual clauses" not in source
    english = diagram(flows, REFERENCE, AS_OF).source.replace("<BR/>", " ")
    assert "Standard contractual clauses 2021, module 2: valid" in english and "Standaardbepalingen" not in english


# -- hostile names ------------------------------------------------------------------------------------------------------

def test_hostile_names_are_escaped_in_the_dot_source(load_one):
    organisation = load_one(hostile_declaration())
    for lang in ("en", "nl"):
        source = diagram(organisation, REFERENCE, AS_OF, findings=findings_of(organisation), lang=lang).source
        tooltip = re.search(r'tooltip="((?:[^"\\]|\\.)*)"', statement(source, "recipients/r")).group(1)
        assert "back\\\\slash" in tooltip and '\\"quoted\\"' in tooltip  # a quoted string: quotes escaped
        source = source.replace(tooltip, "")
        assert "<b>" not in source and "]]>" not in source and "\x1b" not in source and "\u202e" not in source
        assert "&lt;b&gt;bold&lt;/b&gt; ]]&gt; {record|field} &amp;" in source
        assert "\\x1b[31m" in source and "\\x0anext" in source  # control characters shown, not obeyed
        assert all(line.startswith(("\t", "digraph", "}")) for line in source.splitlines())  # no forged lines


@needs_dot
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_hostile_names_come_out_as_text_in_svg(load_one, lang):
    organisation = load_one(hostile_declaration())
    svg = render(diagram(organisation, REFERENCE, AS_OF, lang=lang), "svg")
    root = ET.fromstring(svg)  # well-formed XML: nothing broke out of a label
    text = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "<b>bold</b>" in text and "]]>" in text and "{record|field}" in text and "back\\slash" in text
    assert not [e for e in root.iter() if e.tag.endswith("}b") or e.tag == "b"]  # no markup injected
    titles = [a.get("{http://www.w3.org/1999/xlink}title") for a in root.iter("{http://www.w3.org/2000/svg}a")]
    assert any(t and HOSTILE_TEXT in t for t in titles)  # the provenance tooltip, unharmed


# -- determinism --------------------------------------------------------------------------------------------------------

def test_same_input_same_dot(flows):
    found = findings_of(flows)
    first = diagram(flows, REFERENCE, AS_OF, findings=found).source
    assert diagram(flows, REFERENCE, AS_OF, findings=list(reversed(found))).source == first


def dot_per_hash_seed(run_pac, declaration: Path, out: Path) -> list[bytes]:
    """The DOT that ``pac graph`` writes for ``declaration`` in two processes with other hash seeds."""
    outputs = []
    for seed in ("1", "2"):
        run_pac("graph", str(declaration), "--out", str(out / seed), "--format", "dot", "--as-of", AS_OF.isoformat(),
                check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        (written,) = (out / seed).iterdir()
        outputs.append(written.read_bytes())
    return outputs


def test_dot_does_not_depend_on_hash_seeds(declaration, run_pac, tmp_path):
    """Sets and dicts must not leak their order: two processes with other hash seeds write the same bytes."""
    outputs = dot_per_hash_seed(run_pac, declaration, tmp_path / "out")
    assert outputs[0] == outputs[1] and b"digraph demo" in outputs[0]


# -- large organisations ------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def large_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("large") / "big.yaml"
    path.write_text("pac: 1\norganisation: big\n" + large_declaration(2000), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def large(large_file):
    (organisation,) = load([large_file])
    return organisation


def test_large_organisations_are_drawn_in_groups(large):
    source = diagram(large, REFERENCE, AS_OF).source
    nodes = re.findall(r'^\t+"?([\w/.-]+)"? \[', source, re.MULTILINE)
    groups = [n for n in nodes if n.startswith("group/")]
    assert len(nodes) < 100 < len(large.recipients) > MAX_RECIPIENTS
    assert sum(int(n) for n in re.findall(r"<B>(\d+) × ", source)) == 2000  # every recipient in one group
    assert "group/third_country/processor/invalid/1" in groups and "group/unknown/recipient/unknown_country/1" in groups
    assert "group/data_subjects" in groups
    failing = statement(source, "controller", "group/third_country/processor/invalid/1")
    assert 'color="#c00000:invis:#c00000"' in failing  # red, and special-category data among them
    assert statement(source, "group/home/processor/domestic/1", "group/third_country/sub_processor/invalid/2")


def test_large_organisations_give_the_same_dot(large, large_file, run_pac, tmp_path):
    """Every time, and their groups (sets of recipients) whatever the hash seed."""
    assert diagram(large, REFERENCE, AS_OF).source == diagram(large, REFERENCE, AS_OF).source
    outputs = dot_per_hash_seed(run_pac, large_file, tmp_path)
    assert outputs[0] == outputs[1] and b"digraph big" in outputs[0]


@needs_dot
def test_large_organisations_render(large):
    assert render(diagram(large, REFERENCE, AS_OF), "svg").startswith(b"<?xml")


# -- render -------------------------------------------------------------------------------------------------------------

def test_render_dot_needs_no_graphviz(flows, monkeypatch, tmp_path):
    picture = diagram(flows, REFERENCE, AS_OF)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert render(picture, "dot") == picture.source.encode("utf-8")
    assert render(picture, "svg") is None
    with pytest.raises(ValueError, match="format must be one of svg, png, pdf, dot"):
        render(picture, "gif")


@needs_dot
@pytest.mark.parametrize("fmt, magic", [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_render_formats(flows, fmt, magic):
    assert render(diagram(flows, REFERENCE, AS_OF), fmt).startswith(magic)


# -- pac graph ----------------------------------------------------------------------------------------------------------

@pytest.fixture
def declaration(write) -> Path:
    return write("pac: 1\norganisation: demo\n" + FLOWS, "in/demo.yaml")


@needs_dot
def test_pac_graph_writes_one_file_per_organisation_and_format(declaration, tmp_path, capsys):
    out = tmp_path / "graphs"
    assert main(["graph", str(declaration), "--out", str(out), "--format", "svg,dot", "--as-of", "2026-11-22"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["demo.dot", "demo.svg"]
    assert capsys.readouterr().out.splitlines() == [str(out / "demo.svg"), str(out / "demo.dot")]
    assert (out / "demo.dot").read_text(encoding="utf-8") == diagram(
        load([declaration])[0], REFERENCE, AS_OF, findings=findings_of(load([declaration])[0])).source


def test_pac_graph_without_graphviz_writes_dot_and_says_how_to_install_it(declaration, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    out = tmp_path / "graphs"
    assert main(["graph", str(declaration), "--out", str(out), "--format", "svg,png", "--lang", "nl",
                 "--as-of", "2026-11-22"]) == 0
    assert [p.name for p in out.iterdir()] == ["demo.dot"]
    assert "verwerker" in (out / "demo.dot").read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert "Graphviz's `dot` is not installed" in err and "apt-get install graphviz" in err


def test_pac_graph_reports_invalid_input(write, tmp_path, capsys):
    broken = write("pac: 1\norganisation: demo\nrecipients: [{id: r}]\n")
    assert main(["graph", str(broken), "--out", str(tmp_path / "out"), "--format", "dot"]) == 2
    assert "demo.yaml:3:" in capsys.readouterr().err and not (tmp_path / "out").exists()


@pytest.mark.parametrize("arguments, message", [
    (["--format", "svg,gif"], "choose from svg, png, pdf, dot"),
    (["--as-of", "2018-05-24"], "the GDPR applies from 2018-05-25"),
    (["--as-of", "yesterday"], "is not a date"),
    (["--lang", "de"], "invalid choice"),
])
def test_pac_graph_refuses_bad_options(declaration, tmp_path, capsys, arguments, message):
    with pytest.raises(SystemExit) as exited:
        main(["graph", str(declaration), "--out", str(tmp_path / "out"), *arguments])
    assert exited.value.code == 2 and message in capsys.readouterr().err


def test_pac_graph_reports_an_unwritable_output(declaration, tmp_path, capsys):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert main(["graph", str(declaration), "--out", str(blocked), "--format", "dot", "--as-of", "2026-11-22"]) == 2
    assert "pac: error:" in capsys.readouterr().err


# -- the geometry of the five notices' diagrams ---------------------------------------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"
SEEDS = sorted((Path(__file__).parent.parent / "policies").glob("*.yaml"))
LANDSCAPE_WIDTH_PT = 287 / 25.4 * 72
"""The width a diagram is printed at in report.html: a landscape A4 page inside its 5 mm margins."""


def text_boxes(root: ET.Element) -> list[tuple[str, str, tuple[float, float, float, float], str, float]]:
    """Every text of the nodes, edges and clusters: its kind, its element's title, its box (a generous estimate
    of Helvetica's extent: half the font size per character, from the ascender to below the baseline), its text
    and its size."""
    found = []
    for group in root.iter(f"{SVG}g"):
        kind = group.get("class")
        if kind not in ("node", "edge", "cluster"):
            continue
        title = group.find(f"{SVG}title").text
        for text in group.iter(f"{SVG}text"):
            size, x, y = float(text.get("font-size")), float(text.get("x")), float(text.get("y"))
            width = len(text.text or "") * size * 0.5
            left = {"middle": x - width / 2, "end": x - width}.get(text.get("text-anchor"), x)
            found.append((kind, title, (left, y - 0.75 * size, left + width, y + 0.15 * size), text.text or "", size))
    return found


def path_points(d: str) -> list[tuple[float, float]]:
    """Points along an SVG path of cubic Bézier segments (as Graphviz writes edges), 20 per segment."""
    numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", d)]
    points = list(zip(numbers[0::2], numbers[1::2]))
    along = [points[0]]
    for i in range(1, len(points) - 2, 3):
        p0, p1, p2, p3 = points[i - 1:i + 3]
        for k in range(1, 21):
            t = k / 20
            along.append(tuple((1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t * t * c + t ** 3 * e
                               for a, b, c, e in zip(p0, p1, p2, p3)))
    return along


def inside(point: tuple[float, float], box: tuple[float, float, float, float]) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def outline(group: ET.Element) -> tuple[float, float, float, float] | None:
    """The box around the shapes (not the texts) of a node or cluster; None for a node drawn as text only."""
    points = [tuple(map(float, point.split(","))) for polygon in group.iter(f"{SVG}polygon")
              for point in polygon.get("points").split()]
    points += [point for path in group.iter(f"{SVG}path") for point in path_points(path.get("d"))]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return (min(xs), min(ys), max(xs), max(ys)) if points else None


def groups(root: ET.Element, kind: str) -> dict[str, ET.Element]:
    """The nodes, edges or clusters of a diagram, by their title."""
    return {g.find(f"{SVG}title").text: g for g in root.iter(f"{SVG}g") if g.get("class") == kind}


@functools.cache
def drawn(seed: Path, lang: str = "en") -> ET.Element:
    """The SVG of a seed's diagram, with its findings."""
    (organisation,) = load([seed], reference=REFERENCE)
    picture = diagram(organisation, REFERENCE, AS_OF, findings=findings_of(organisation), lang=lang)
    return ET.fromstring(render(picture, "svg"))


@needs_dot
@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_seed_diagrams_are_legible_at_print_size_with_no_edge_through_a_label(seed: Path):
    root = drawn(seed)
    width = float(root.get("width").removesuffix("pt"))
    texts = text_boxes(root)
    smallest = min(size for *_, size in texts)
    assert smallest >= 9 and smallest * LANDSCAPE_WIDTH_PT / width >= 8  # 8 pt or more across a landscape page
    labels = [t for t in texts if t[0] != "edge"]  # cluster and node texts
    crossings = []
    titles = []
    for edge in root.iter(f"{SVG}g"):
        if edge.get("class") != "edge":
            continue
        titles.append(edge.find(f"{SVG}title").text)
        for path in edge.iter(f"{SVG}path"):
            points = path_points(path.get("d"))
            crossings += [(titles[-1], label) for *_, box, label, _ in labels if any(inside(p, box) for p in points)]
    assert crossings == []
    overlapping = [(a[3], b[3]) for i, a in enumerate(texts) for b in texts[i + 1:] if a[1] != b[1] and overlap(a[2], b[2])]
    assert overlapping == []
    flows = [t for t in titles if not t.startswith("legend/")]
    assert len(flows) == len(set(flows))  # every pair of boxes has one edge, which carries all their categories


LEGEND_CLEARANCE_PT = 8
"""How far every edge keeps from the legend's box."""


@needs_dot
@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_no_edge_runs_through_or_along_the_legend(seed: Path, lang: str):
    root = drawn(seed, lang)
    legend = outline(groups(root, "cluster")["cluster_legend"])
    left, top, right, bottom = legend
    near = (left - LEGEND_CLEARANCE_PT, top - LEGEND_CLEARANCE_PT, right + LEGEND_CLEARANCE_PT,
            bottom + LEGEND_CLEARANCE_PT)
    along = [title for title, edge in groups(root, "edge").items() if not title.startswith("legend/")
             for path in edge.iter(f"{SVG}path") if any(inside(p, near) for p in path_points(path.get("d")))]
    assert along == []
    labels = [(title, text) for kind, title, box, text, _ in text_boxes(root) if kind == "edge" and overlap(box, legend)]
    assert labels == []


MAX_NODE_WIDTH_PT = 180
"""The widest a node may be drawn: a box of 18-character lines is about 145 pt wide; the rest leaves room for a
name with one longer word (a word is never broken)."""


@needs_dot
@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_no_node_is_drawn_wider_than_a_box_of_wrapped_lines(seed: Path):
    """Houses, octagons and hexagons are drawn around an ellipse around their text: their lines are shorter."""
    boxes = {title: outline(node) for title, node in groups(drawn(seed), "node").items()}
    widths = {title: round(box[2] - box[0]) for title, box in boxes.items() if box}
    assert len(widths) > 10 and {title: width for title, width in widths.items() if width > MAX_NODE_WIDTH_PT} == {}
