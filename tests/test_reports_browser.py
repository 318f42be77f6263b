"""report.html of the five encoded notices in a real browser (headless Chromium): the diagram is page-wide on
screen and in print, its smallest text prints at 8 pt or more on A4, its nodes link to their findings and the
findings back, the script works and logs no error, and the printed report is at most a third of what it was;
in English and in Dutch.

`make test` installs Debian's chromium for these; without one they are skipped and say so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import browser as chromium
from test_reports_end_to_end import POLICIES, pac_check

PAGES_BEFORE = 269
"""The printed report of the five notices before the print layout (issue #18): 269 A4 pages, measured as this
test measures (Chromium's print to PDF)."""
MM = 96 / 25.4
"""CSS pixels per millimetre."""
LANDSCAPE_WIDTH_MM = 287
"""The width of a landscape A4 page inside its margins (report.css: ``@page diagram``)."""

pytestmark = pytest.mark.skipif(chromium.find() is None, reason=(
    "Chromium is not installed, so report.html cannot be opened in a browser: `make test` installs it "
    "(Debian: apt-get install chromium)"))


@pytest.fixture(scope="module", params=["en", "nl"])
def seeds(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, run_pac) -> Path:
    """The reports of the five notices, in English and (``--lang nl``) in Dutch: every test runs on both."""
    return pac_check(run_pac, POLICIES.parent, ["policies"], str(tmp_path_factory.mktemp("browser") / "out"),
                     "--granularity", "organisation", "--lang", request.param)


@pytest.fixture(scope="module")
def page(seeds: Path):
    with chromium.Browser.start() as browser:
        browser.open(seeds / "report.html", width=1280, height=900)
        yield browser


def test_the_page_logs_no_error(page):
    assert page.console_errors() == []
    assert page.evaluate("document.querySelectorAll('figure.diagram svg.drawing').length") == 5


def test_every_diagram_is_as_wide_as_the_window(page):
    widths = page.evaluate("[...document.querySelectorAll('svg.drawing')].map(s => s.getBoundingClientRect().width)")
    window = page.evaluate("document.documentElement.clientWidth")
    assert widths and all(width >= window - 40 for width in widths), (widths, window)


def test_nodes_link_to_their_findings_and_the_findings_back(page):
    broken = page.evaluate("""(() => {
        const missing = [];
        const target = (href) => document.getElementById(decodeURIComponent(href.slice(1)));
        let reached = 0;
        for (const link of document.querySelectorAll('svg.drawing a')) {
            const href = link.getAttribute('xlink:href') || link.getAttribute('href');
            if (!href) continue;
            const row = target(href);
            if (!row) { missing.push(href); continue; }
            for (const finding of row.querySelectorAll('a.to-finding')) {
                const card = target(finding.getAttribute('href'));
                if (!card || !card.matches('article.finding')) { missing.push(finding.getAttribute('href')); continue; }
                reached += 1;
                const back = card.querySelector('.where a');
                if (!back || !target(back.getAttribute('href'))) missing.push('back from ' + card.id);
            }
        }
        return {missing, reached};
    })()""")
    assert broken["missing"] == [] and broken["reached"] > 100


def test_zoom_and_filters_work(page):
    result = page.evaluate("""(() => {
        const figure = document.querySelector('figure.diagram');
        const svg = figure.querySelector('svg.drawing');
        const before = svg.getAttribute('viewBox');
        figure.querySelector('[data-zoom=in]').click();
        const zoomed = svg.getAttribute('viewBox');
        figure.querySelector('[data-zoom=reset]').click();
        const form = document.querySelector('form.filters');
        form.elements.severity.value = 'error';
        form.dispatchEvent(new Event('change'));
        const shown = [...document.querySelectorAll('article.finding')].filter(f => !f.hidden);
        const result = {controls: !figure.querySelector('.zoom').hidden, before, zoomed,
                        reset: svg.getAttribute('viewBox'), form: !form.hidden,
                        shown: shown.length, severities: [...new Set(shown.map(f => f.dataset.severity))]};
        form.elements.severity.value = '';
        form.dispatchEvent(new Event('change'));
        return result;
    })()""")
    assert result["controls"] and result["form"]
    assert result["zoomed"] != result["before"] and result["reset"] == result["before"]
    assert result["shown"] > 50 and result["severities"] == ["error"]
    assert page.console_errors() == []


def test_printed_the_diagram_fills_landscape_pages_and_its_text_stays_at_least_8_pt(page):
    page.call("Emulation.setDeviceMetricsOverride", width=round(LANDSCAPE_WIDTH_MM * MM), height=800,
              deviceScaleFactor=1, mobile=False)
    page.media("print")
    try:
        slices = page.evaluate("""[...document.querySelectorAll('figure.diagram')].map(figure => {
            const sizes = [...figure.querySelectorAll('svg.drawing text')].map(t => parseFloat(t.getAttribute('font-size')));
            return {id: figure.id, smallest: Math.min(...sizes), slices: [...figure.querySelectorAll('.slice svg')].map(s => {
                const box = s.getBoundingClientRect();
                return {width: box.width, height: box.height, units: s.viewBox.baseVal.width};
            })};
        })""")
        content = page.evaluate("document.documentElement.clientWidth")
    finally:
        page.media("")
        page.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
    assert len(slices) == 5
    for figure in slices:
        assert figure["slices"], figure["id"]
        for piece in figure["slices"]:
            assert piece["width"] >= content - 1  # page-wide
            assert piece["height"] <= 190 * MM  # one landscape page each
            printed = figure["smallest"] * piece["width"] / piece["units"] * 0.75  # Graphviz's unit is the point
            assert printed >= 8, (figure["id"], printed)


def test_the_printed_report_is_a_third_of_what_it_was_with_nothing_lost(page, seeds: Path):
    pages = chromium.pages(page.pdf())
    assert pages <= PAGES_BEFORE // 3, pages
    findings = json.loads((seeds / "findings.json").read_text(encoding="utf-8"))["findings"]
    page.media("print")
    try:
        printed = page.evaluate("""({
            findings: [...document.querySelectorAll('article.finding')].filter(f => f.getBoundingClientRect().height > 0).length,
            checks: [...document.querySelectorAll('#catalogue .check')].filter(c => c.getBoundingClientRect().height > 0).length,
            rows: [...document.querySelectorAll('table.flows tbody tr')].filter(r => r.getBoundingClientRect().height > 0).length,
        })""")
    finally:
        page.media("")
    assert printed["findings"] == len(findings)  # every finding is printed, each once
    assert printed["checks"] == page.evaluate("document.querySelectorAll('#checks-run tbody tr').length") > 40
    assert printed["rows"] == page.evaluate("document.querySelectorAll('svg.drawing g.node a').length")
