"""report.html: a self-contained, well-formed audit report whose every part an auditor needs is there."""

from __future__ import annotations

import base64
import dataclasses
import shutil
from datetime import date
from pathlib import Path

import pytest

from pac import load
from pac.errors import printable
from pac.reference import Reference
from pac.reports import html
from pac.results import OrganisationRecord, Run
from reports_support import CHECKS, HOSTILE, Element, parse, sample_run

DRAWINGS = {"acme": html.Drawing(uri="data:image/svg+xml;base64,PHN2Zy8+"),
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
    assert list(document.iter("script")) == [] and list(document.iter("link")) == []
    assert document.find("style").text().strip()  # the stylesheet is inline
    assert "@media print" in page and "break-before: page" in page
    sources = [e.attrs["src"] for e in document.iter("img")] + [e.attrs["href"] for e in document.iter("a")]
    assert sources and all(s.startswith(("#", "data:")) for s in sources)


def test_the_cover_names_the_organisations_date_tool_and_input_digests(document: Element):
    cover = document.find("header", class_="cover")
    text = cover.text()
    assert "2025-03-01" in text and "pac 1.2.3" in text and "Bravo B.V." in text
    rows = [[cell.text() for cell in row.iter("td")] for row in cover.find("table").iter("tr") if list(row.iter("td"))]
    assert rows == [["acme", "policies/acme.yaml", "a" * 64], ["bravo", "/srv/policies with space/bravo.yaml", "b" * 64]]


def test_the_summary_counts_per_organisation(document: Element):
    summary = document.find("section", id="summary")
    rows = [[cell.text() for cell in row.iter("td")] for row in summary.find("table").iter("tr")][1:]
    # errors, warnings, info, waived, passed of applicable, not applicable, crashed
    assert [row[1:] for row in rows] == [["1", "1", "0", "1", "2 of 5", "1", "1"],
                                         ["0", "0", "1", "0", "1 of 2", "4", "0"]]
    matrix = [[cell.text() for cell in row.iter("td")] for row in list(summary.iter("table"))[1].iter("tr")][1:]
    assert matrix == [["GDPR Art. 6", "1", "1"], ["GDPR Art. 13", "2", "0"], ["Tw art. 11.7", "0", "1"]]


def test_one_section_per_organisation(document: Element):
    sections = list(document.iter("section", class_="organisation"))
    assert [s.attrs["id"] for s in sections] == ["org-acme", "org-bravo"]


def test_findings_are_grouped_by_provision_with_everything_an_auditor_needs(document: Element):
    acme = document.find("section", id="org-acme")
    assert [h.text() for h in acme.iter("h4")] == ["GDPR Art. 6", "GDPR Art. 13"]
    cards = list(acme.iter("article", class_="finding"))
    assert len(cards) == 3  # two open, one waived
    marketing = cards[0]
    labels = [dt.text() for dt in marketing.iter("dt")]
    assert labels == ["Provisions", "Notice says", "Declared at", "Rationale", "Remedy"]
    values = {dt: dd.text() for dt, dd in zip(labels, marketing.iter("dd"))}
    assert values["Provisions"] == "GDPR Art. 6(1); GDPR Art. 13(1)(c)"
    assert values["Declared at"] == "policies/acme.yaml:12:7"
    assert values["Rationale"] == "Why sample-basis holds.Its sources, in a second paragraph."
    assert values["Remedy"] == "Do what sample-basis asks."
    assert marketing.find("code").text() == "sample-basis" and "purposes/marketing" in marketing.text()
    quote = marketing.find("blockquote")
    assert quote.find("footer").text() == printable(HOSTILE.replace("\n", " "))  # the section
    assert "Public fact: KvK register, 2024" in cards[1].text()


def test_waived_findings_show_the_waiver(document: Element):
    acme = document.find("section", id="org-acme")
    (waived,) = acme.iter("article", class_="waived")
    waiver = waived.find("dl", class_="waiver")
    labels = [dt.text() for dt in waiver.iter("dt")]
    values = dict(zip(labels, (dd.text() for dd in waiver.iter("dd"))))
    assert values["Expires"] == "2026-01-31" and values["Waiver at"] == "policies/waivers.yaml:3:5"
    assert values["Justification"] == values["Owner"] == printable(HOSTILE.replace("\n", " "))


def test_every_check_and_how_it_ended(document: Element):
    acme = document.find("section", id="org-acme")
    rows = {row.find("code").text(): [c.text() for c in row.iter("td")][-1]
            for row in acme.find("table", class_="checks").iter("tr") if list(row.iter("td"))}
    assert rows == {"sample-basis": "findings", "sample-broken": "crashed", "sample-clean": "passed",
                    "sample-context": "passed", "sample-cookies": "not applicable", "sample-notice": "findings"}
    catalogue = document.find("section", id="catalogue")
    assert [c.attrs["id"] for c in catalogue.iter("div", class_="check")] == [f"check-{c.id}" for c in sorted(CHECKS, key=lambda c: c.id)]


def test_the_diagram_is_embedded_or_its_absence_explained(document: Element):
    (image,) = document.find("section", id="org-acme").iter("img")
    assert image.attrs["src"] == DRAWINGS["acme"].uri
    bravo = document.find("section", id="org-bravo")
    assert list(bravo.iter("img")) == []
    assert bravo.find("p", class_="missing").text() == "The diagram needs Graphviz: apt-get install graphviz"


def test_hostile_text_stays_text(page: str, document: Element):
    assert "<script>" not in page and "]]>" not in page.replace("]]&gt;", "")
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
def demo_run(write) -> Run:
    """A run on a small declaration on disk, with no findings."""
    path = write("""\
        pac: 1
        organisation: demo
        controller: {legal_name: Demo B.V., country: NL, provenance: {section: Contact, quote: Demo B.V.}}
        recipients:
          - {id: mailer, name: Mailer Inc., named: true, role: processor, country: US, provenance: {section: Delen, quote: Mailer}}
        """)
    (organisation,) = load([path])
    return Run(date(2025, 3, 1), "1.2.3", (), (OrganisationRecord.of(organisation),), (), ())


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_the_diagram_is_drawn_from_the_declaration_as_svg(demo_run: Run):
    (drawing,) = html.drawings(demo_run, Reference.packaged()).values()
    prefix = "data:image/svg+xml;base64,"
    assert drawing.uri and drawing.uri.startswith(prefix)
    svg = base64.b64decode(drawing.uri[len(prefix):])
    assert b"<svg" in svg and b"Mailer Inc." in svg


def test_without_graphviz_the_report_says_how_to_install_it(demo_run: Run, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PATH", "")
    (drawing,) = html.drawings(demo_run, Reference.packaged()).values()
    assert drawing.uri is None and "Graphviz" in drawing.missing and "apt-get install graphviz" in drawing.missing


def test_no_diagram_is_drawn_from_a_declaration_changed_since_the_run(demo_run: Run):
    path = Path(demo_run.organisations[0].files[0])
    path.write_text(path.read_text(encoding="utf-8").replace("Mailer Inc.", "Other Inc."), encoding="utf-8")
    (drawing,) = html.drawings(demo_run, Reference.packaged()).values()
    assert drawing.uri is None and "changed" in drawing.missing
