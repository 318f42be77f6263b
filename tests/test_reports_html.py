"""report.html: a self-contained, well-formed audit report whose every part an auditor needs is there."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import shutil
from datetime import date

import pytest

from pac.errors import printable
from pac.flows import flows
from pac.reference import Reference
from pac.reports import html
from pac.results import OrganisationRecord, Run
from reports_support import CHECKS, FINDINGS, HOSTILE, Element, parse, sample_run

SVG = ('<svg width="100pt" height="400pt" viewBox="0.00 0.00 100.00 400.00" xmlns="http://www.w3.org/2000/svg">'
       '<g id="graph0"><text>Acme</text></g></svg>')
DRAWINGS = {"acme": html.inline(SVG, "acme"),
            "bravo": html.Drawing(missing="The diagram needs Graphviz: apt-get install graphviz")}


@pytest.fixture
def page() -> str:
    return html.page(sample_run(), DRAWINGS)


@pytest.fixture
def document(page: str) -> Element:
    return parse(page)[0]


def test_a_well_formed_self_contained_page(page: str, document: Element):
    assert parse(page)[1] == "DOCTYPE html"
    policy = next(m for m in document.iter("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy")
    assert policy.attrs["content"].startswith("default-src 'none'")
    digest = base64.b64encode(hashlib.sha256(html.SCRIPT.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy.attrs["content"]  # only pac's own script may run
    (script,) = document.iter("script")
    assert script.text() == html.SCRIPT and list(document.iter("link")) == []
    assert document.find("style").text().strip()  # the stylesheet is inline
    assert "@media print" in page and "break-before: page" in page and "counter(pages)" in page
    sources = [e.attrs["src"] for e in document.iter("img")] + [e.attrs["href"] for e in document.iter("a")]
    assert sources and all(s.startswith(("#", "data:")) for s in sources)


def test_the_first_page_names_organisations_date_tool_reference_data_and_input_digests(document: Element):
    run = dataclasses.replace(sample_run(), reference_digest="c" * 64)
    cover = parse(html.page(run, DRAWINGS))[0].find("header", class_="cover")
    text = cover.text()
    assert "2025-03-01" in text and "pac 1.2.3" in text and "Bravo B.V." in text
    assert "pac 1.2.3's packaged data; SHA-256 " + "c" * 64 in text
    overridden = dataclasses.replace(run, reference_overridden=True)
    assert "with overrides" in parse(html.page(overridden, DRAWINGS))[0].find("header", class_="cover").text()
    rows = [[cell.text() for cell in row.iter("td")] for row in cover.find("table").iter("tr") if list(row.iter("td"))]
    assert rows == [["acme", "policies/acme.yaml", "a" * 64], ["bravo", "/srv/policies with space/bravo.yaml", "b" * 64]]


def test_the_summary_counts_per_organisation(document: Element):
    summary = document.find("section", id="summary")
    rows = [[cell.text() for cell in row.iter("td")] for row in summary.find("table").iter("tr")][1:]
    # errors, warnings, info, waived, passed of applicable, not applicable, crashed
    assert [row[1:] for row in rows] == [["1", "1", "0", "1", "2 of 5", "1", "1"],
                                         ["0", "0", "1", "0", "1 of 2", "4", "0"]]
    provisions = document.find("section", id="provisions")
    matrix = [[cell.text() for cell in row.iter("td")] for row in provisions.find("table").iter("tr")][1:]
    assert matrix == [["GDPR Art. 6", "1", "1"], ["GDPR Art. 13", "2", "0"], ["Tw art. 11.7", "0", "1"]]


def test_one_section_per_organisation(document: Element):
    sections = list(document.iter("section", class_="organisation"))
    assert [s.attrs["id"] for s in sections] == ["org-acme", "org-bravo"]


def test_each_organisation_starts_with_a_one_page_summary_of_its_checks_with_findings(document: Element):
    summary = document.find("section", id="org-acme").find("div", class_="org-summary")
    rows = [[c.text() for c in row.iter("td")] for row in summary.find("table").iter("tr")][1:]
    assert rows == [["error", "The sample-basis rule", "GDPR Art. 6(1); GDPR Art. 13(1)(c)", "1"],
                    ["warning", "The sample-notice rule", "GDPR Art. 13(2)(a)", "1"]]
    assert [a.attrs["href"] for a in summary.iter("a")] == ["#acme-open-sample-basis", "#acme-open-sample-notice"]


def test_findings_are_grouped_by_check_with_everything_an_auditor_needs(document: Element):
    acme = document.find("section", id="org-acme")
    groups = list(acme.iter("div", class_="group"))
    assert [g.attrs["id"] for g in groups] == ["acme-open-sample-basis", "acme-open-sample-notice", "acme-waived-sample-basis"]
    basis = groups[0]
    assert "The sample-basis rule" in basis.find("h4").text()
    rule = basis.find("p", class_="rule").text()
    assert "GDPR Art. 6(1); GDPR Art. 13(1)(c)" in rule and "Remedy: Do what sample-basis asks." in rule
    assert basis.find("p", class_="rule").find("a").attrs["href"] == "#check-sample-basis"  # the rationale, once
    (marketing,) = basis.iter("article", class_="finding")
    assert marketing.attrs["id"] == html.anchor(FINDINGS[0]) and marketing.attrs["data-check"] == "sample-basis"
    assert marketing.attrs["data-provisions"] == "GDPR Art. 6|GDPR Art. 13" and marketing.attrs["data-severity"] == "error"
    where = marketing.find("span", class_="where").text()
    assert "purposes/marketing" in where and "policies/acme.yaml:12:7" in where
    evidence = marketing.find("p", class_="evidence")
    assert evidence.find("q").text() == printable(HOSTILE.replace("\n", " "))
    assert "Why sample-basis holds" not in acme.text()  # the rationale is in the appendix only
    notice = groups[1].find("article", class_="finding")
    assert "Public fact: KvK register, 2024" in notice.text()
    assert document.text().count("Why sample-basis holds") == 1


def test_anchors_are_stable_digests_not_positions():
    first = html.anchor(FINDINGS[0])
    assert first == html.anchor(dataclasses.replace(FINDINGS[0], location=dataclasses.replace(FINDINGS[0].location, line=99)))
    assert first != html.anchor(dataclasses.replace(FINDINGS[0], message="Another."))
    fewer = dataclasses.replace(sample_run(), findings=FINDINGS[1:])
    assert f'id="{html.anchor(FINDINGS[2])}"' in html.page(fewer, DRAWINGS)


def test_waived_findings_show_the_waiver(document: Element):
    acme = document.find("section", id="org-acme")
    (waived,) = acme.iter("article", class_="waived")
    waiver = waived.find("dl", class_="waiver")
    labels = [dt.text() for dt in waiver.iter("dt")]
    values = dict(zip(labels, (dd.text() for dd in waiver.iter("dd"))))
    assert values["Expires"] == "2026-01-31" and values["Waiver at"] == "policies/waivers.yaml:3:5"
    assert values["Justification"] == values["Owner"] == printable(HOSTILE.replace("\n", " "))


def test_every_check_and_how_it_ended_on_every_organisation(document: Element):
    table = document.find("section", id="checks-run").find("table")
    rows = {row.find("code").text(): [c.text() for c in row.iter("td")][2:]
            for row in table.iter("tr") if list(row.iter("td"))}
    assert rows == {"sample-basis": ["findings", "not applicable"], "sample-broken": ["crashed", "not applicable"],
                    "sample-clean": ["passed", "not applicable"], "sample-context": ["passed", "findings"],
                    "sample-cookies": ["not applicable", "not applicable"], "sample-notice": ["findings", "passed"]}
    catalogue = document.find("section", id="catalogue")
    assert [c.attrs["id"] for c in catalogue.iter("div", class_="check")] == [f"check-{c.id}" for c in sorted(CHECKS, key=lambda c: c.id)]


def test_the_diagram_is_inline_with_its_print_slices_or_its_absence_explained(document: Element):
    figure = document.find("section", id="org-acme").find("figure", class_="diagram")
    drawing = figure.find("div", class_="screen").find("svg")
    assert drawing.attrs["class"] == "drawing" and "width" not in drawing.attrs  # sized by the page
    assert drawing.find("g").attrs["id"] == "acme-graph0"  # Graphviz's ids made the organisation's own
    slices = [s.find("svg") for s in figure.iter("div", class_="slice")]
    assert [s.attrs["viewbox"] for s in slices] == list(DRAWINGS["acme"].slices)
    assert all(s.find("use").attrs["href"] == "#acme-graph0" for s in slices)
    assert figure.find("div", class_="zoom").attrs.get("hidden") is not None  # shown by the script only
    bravo = document.find("section", id="org-bravo")
    assert list(bravo.iter("figure")) == []
    assert bravo.find("p", class_="missing").text() == "The diagram needs Graphviz: apt-get install graphviz"


def test_a_tall_diagram_is_printed_in_slices_as_wide_as_a_landscape_page():
    (one,) = html.inline(SVG.replace("400.00", "60.00"), "acme").slices
    assert one == "0.00 0.00 100.00 60.00"
    tall = html.inline(SVG, "acme").slices  # 400 high: a page holds 100 * 188 / 287 = 65.5 of it
    assert len(tall) == 7 and tall[1] == "0.00 65.51 100.00 65.51" and tall[-1].endswith(" 6.97")


def test_the_filters_are_there_for_the_script_and_hidden_without_it(document: Element):
    form = document.find("form", class_="filters")
    assert form.attrs.get("hidden") is not None
    names = [select.attrs["name"] for select in form.iter("select")]
    assert names == ["severity", "check", "provision"]
    provisions = [o.text() for o in list(form.iter("select"))[2].iter("option")]
    assert provisions == ["all", "GDPR Art. 6", "GDPR Art. 13", "Tw art. 11.7"]


def test_hostile_text_stays_text(page: str, document: Element):
    assert page.count("<script>") == 1 and "]]>" not in page.replace("]]&gt;", "")
    assert "\x07" not in page and "\x1b" not in page and "\u202e" not in page
    shown = printable(HOSTILE.replace("\n", " "))
    heading = document.find("section", id="org-acme").find("h2")
    assert heading.text().startswith(shown)
    assert document.find("title").text().endswith(f"{shown}, Bravo B.V.")


def test_the_same_run_in_any_order_gives_the_same_page(page: str):
    run = sample_run()
    shuffled = dataclasses.replace(run, checks=run.checks[::-1], findings=run.findings[::-1],
                                   organisations=run.organisations[::-1], outcomes=run.outcomes[::-1])
    assert html.page(shuffled, DRAWINGS) == page


@pytest.fixture
def demo_run(load_one) -> Run:
    """A run on a small declaration, with its data flows and a finding on its recipient."""
    organisation = load_one("""\
        controller: {legal_name: Demo B.V., country: NL, provenance: {section: Contact, quote: Demo B.V.}}
        data_subjects: [{id: users, name: Users, provenance: {section: S, quote: q}}]
        data_categories: [{id: email, name: E-mail address, term: e-mailadres, provenance: {section: S, quote: q}}]
        activities:
          - {id: mail, name: Mailing, data_subjects: [users], categories: [email], provenance: {section: S, quote: q},
             purposes: [{id: news, name: News, legal_basis: consent, provenance: {section: S, quote: q}}]}
        recipients:
          - {id: mailer, name: Mailer Inc., named: true, role: processor, country: US, activities: [mail],
             provenance: {section: Delen, quote: Mailer}}
        """)
    drawn = flows(organisation, Reference.packaged(), date(2025, 3, 1))
    found = dataclasses.replace(FINDINGS[2], organisation="demo", subject="recipients/mailer")
    return Run(date(2025, 3, 1), "1.2.3", CHECKS, (OrganisationRecord.of(organisation, (), drawn),), (found,), ())


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_the_diagram_is_drawn_from_the_runs_data_flows_and_linked_to_the_flows_table(demo_run: Run, tmp_path):
    document = parse(html.render(demo_run))[0]
    section = document.find("section", id="org-demo")
    svg = section.find("div", class_="screen").find("svg")
    assert "Mailer Inc." in svg.text()
    links = {a.attrs.get("xlink:href") for a in svg.iter("a")} - {None}
    assert "#flow-demo/recipients/mailer" in links and "#flow-demo/controller" in links
    row = next(r for r in section.iter("tr") if r.attrs.get("id") == "flow-demo/recipients/mailer")
    cells = [c.text() for c in row.iter("td")]
    assert cells[0].startswith("Mailer Inc.") and "processor" in cells[0]
    assert cells[1] == "United States (US)adequacy decision in force (Art. 45)"
    assert cells[2] == "E-mail address" and cells[3] == "none stated"
    assert cells[4] == "no valid transfer toolpersonal data go to United States (US), outside the EEA, and no transfer tool is stated"
    (to_finding,) = [a for a in row.iter("a") if "to-finding" in a.attrs.get("class", "")]
    card = next(a for a in section.iter("article") if a.attrs["id"] == to_finding.attrs["href"][1:])
    back = card.find("span", class_="where").find("a").attrs["href"]
    assert back == "#node-demo/recipients/mailer"
    assert sorted(g.attrs["id"] for g in svg.iter("g") if g.attrs.get("id", "").startswith("node-")) == [
        "node-demo/controller", "node-demo/data_subjects/users", "node-demo/recipients/mailer"]
    collected = next(r for r in section.iter("tr") if r.attrs.get("id") == "flow-demo/data_subjects/users")
    assert "E-mail address" in collected.text()


def test_the_data_flows_cross_processes_as_plain_data(demo_run: Run):
    (record,) = demo_run.organisations
    assert OrganisationRecord.from_dict(json.loads(json.dumps(record.to_dict()))) == record


def test_without_graphviz_the_report_says_how_to_install_it(demo_run: Run, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PATH", "")
    (drawing,) = html.drawings(demo_run).values()
    assert drawing.svg is None and "Graphviz" in drawing.missing and "apt-get install graphviz" in drawing.missing


def test_a_run_without_data_flows_has_no_diagram_and_reads_no_file(demo_run: Run, monkeypatch: pytest.MonkeyPatch):
    bare = dataclasses.replace(demo_run, organisations=(dataclasses.replace(demo_run.organisations[0], flows=None),))
    monkeypatch.setattr("builtins.open", None)  # a renderer that reached for an input file would fail here
    (drawing,) = html.drawings(bare).values()
    assert drawing.svg is None and "did not record the data flows" in drawing.missing


def test_a_finding_for_several_subjects_of_one_root_cause_names_them_all_and_is_listed_on_each(demo_run: Run):
    (found,) = demo_run.findings
    moved = dataclasses.replace(found, subject="controller", also=("recipients/mailer",))
    document = parse(html.render(dataclasses.replace(demo_run, findings=(moved,))))[0]
    card = document.find("article", class_="finding")
    assert [a.attrs["href"] for a in card.find("span", class_="where").iter("a")] == [
        "#node-demo/controller", "#node-demo/recipients/mailer"]
    rows = {r.attrs["id"]: r for r in document.iter("tr") if r.attrs.get("id", "").startswith("flow-")}
    for subject in ("controller", "recipients/mailer"):
        (link,) = [a for a in rows[f"flow-demo/{subject}"].iter("a") if "to-finding" in a.attrs.get("class", "")]
        assert link.attrs["href"] == f"#{card.attrs['id']}"
