"""``report.html``: the audit report, one self-contained page (inline CSS, SVG and script, no network).

The first page names the organisations, the evaluation date, pac's version, the digest of the reference data
and the digests of the input files, and counts the findings. Each organisation then gets a one-page summary;
its data-flow diagram (full width, with zoom and pan; each node links to its row of the flows table, which
lists the findings on it, and each finding links back to its node); the flows table, which says in words what
the diagram shows; and its findings grouped by check, each with the notice's words, the YAML location and the
remedy. Every check's rationale is given once, in the appendix the findings link to, which also shows how every
check ended on every organisation. Filters by severity, check and provision work with JavaScript; without it
the page is complete. Printed, the pages are numbered and the diagram is laid over landscape pages of its own,
at a size whose smallest text stays at least 8 pt. Anchors are stable: a finding's id is a digest of what it
is, not its position. Rendered by Jinja2 with autoescape on; every value is also put on one line
(:func:`pac.reports.text.line`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from typing import Any, Mapping

import jinja2
from markupsafe import Markup

from .. import diagram
from ..checking import Check, CheckText, Finding
from ..citations import cite
from ..flows import DataFlows, Flow, Name, Node
from ..messages import count, words
from ..phrases import said, sayable
from ..results import OrganisationRecord, Run
from . import text
from .tally import Tally, cited, draft_banner, most_severe_first, provision, provision_order, tallies

SCRIPT = resources.files("pac.reports").joinpath("templates", "report.js").read_text(encoding="utf-8")
"""Zoom and pan of the diagrams, and the filters: the page's only script, allowed by its digest."""
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       f"script-src 'sha256-{base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()}'")

PRINT_WIDTH_MM = 287
PRINT_HEIGHT_MM = 188
"""The part of a landscape A4 page (297 x 210 mm, 5 mm margins) a slice of a diagram fills, under its caption."""


@dataclass(frozen=True)
class Drawing:
    """An organisation's data-flow diagram as inline SVG with the slices it is printed in, or why there is none."""

    svg: Markup | None = None
    slices: tuple[str, ...] = ()
    """The ``viewBox`` of each printed page: the diagram cut across its height."""
    missing: str = ""


def _one_line(value: Any) -> Any:
    return text.line(value) if isinstance(value, str) and not isinstance(value, Markup) else value


_TEMPLATES = jinja2.Environment(loader=jinja2.PackageLoader("pac.reports", "templates"), autoescape=True,
                                undefined=jinja2.StrictUndefined, finalize=_one_line, trim_blocks=True,
                                lstrip_blocks=True, keep_trailing_newline=True)


def render(run: Run, lang: str = "en") -> str:
    """The report of ``run`` in ``lang`` (:data:`pac.messages.LANGUAGES`): pac's own words, the citations and the
    findings' messages in that language, the checks' titles, remedies and rationales too where their pack translates
    them (else in English, marked so)."""
    return page(run, drawings(run, lang), lang)


def page(run: Run, drawings: Mapping[str, Drawing], lang: str = "en") -> str:
    """The report of ``run`` in ``lang`` with the given diagrams (by organisation id)."""
    counted = tallies(run)
    checks = {c.id: c for c in run.checks}
    en = Markup(' lang="en"' if lang != "en" else "")
    return _TEMPLATES.get_template("report.html").render(
        run=run, as_of=run.as_of.isoformat(), tallies=counted, drawings=drawings, matrix=_matrix(counted),
        checks=checks, groups=lambda findings: by_check(findings, checks), anchor=anchor, node_link=node_link,
        flow_rows=flow_rows, on_subject=_on_subject, provisions=provisions, paragraphs=text.paragraphs,
        script=Markup(SCRIPT), csp=CSP, all_provisions=cited(run.findings), banner=draft_banner(run, lang),
        lang=lang, t=words(lang), en=en, role_of=diagram.role_of, css=_css, say=lambda value: said(value, lang),
        en_of=lambda value: Markup("") if sayable(value) else en,
        count=count, counted=lambda counts: {key: count(lang, key, n) for key, n in counts.items()},
        text_of=lambda check: check.text(lang), remedy_of=lambda remedy, check: remedy_of(remedy, check, lang),
        marked=lambda text: Markup(' lang="en"' if text.lang != lang else ""),
        cite=lambda citation: cite(citation, lang), cites=lambda citations: "; ".join(cite(c, lang) for c in citations))


def _css(value: str) -> Markup:
    """A catalogue string as a CSS string (the page's style sheet is a template too)."""
    return Markup(json.dumps(value, ensure_ascii=False))


def _matrix(counted: list[Tally]) -> list[tuple[str, list[int]]]:
    """For every provision cited by an open finding: how many open findings of each organisation cite it."""
    cites = [Counter(p for f in t.open for p in {provision(a) for a in f.articles}) for t in counted]
    return [(row, [c[row] for c in cites]) for row in cited(f for t in counted for f in t.open)]


def provisions(finding: Finding, lang: str = "en") -> str:
    """The provisions a finding cites, at article level, in ``lang``, as the filter reads them (``|`` between)."""
    return "|".join(dict.fromkeys(cite(provision(a), lang) for a in finding.articles))


def remedy_of(remedy: str, check: Check | None, lang: str) -> CheckText:
    """A finding's remedy in ``lang`` where it is its check's own and the check has it in ``lang``; a remedy the
    check wrote for the finding is shown as written (in English)."""
    own = check.text(lang) if check is not None and remedy == check.remedy else None
    return own or CheckText("", remedy, "")


def anchor(finding: Finding) -> str:
    """A finding's stable anchor: a digest of its organisation, check, subject and message (not its position)."""
    key = "\x1f".join((finding.organisation, finding.check, finding.subject, finding.message))
    return "finding-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def node_link(organisation: str, subject: str) -> str:
    """The id of a subject's node in its organisation's diagram."""
    return f"node-{organisation}/{subject}"


def by_check(findings: tuple[Finding, ...], checks: Mapping[str, Check]) -> list[tuple[Check | None, str, list[Finding]]]:
    """Findings grouped by the check that made them: the check, the remedy its findings share (or "" when
    they differ) and the findings; most severe groups first, then by provision, then by check id."""
    groups: dict[str, list[Finding]] = {}
    for finding in sorted(findings, key=most_severe_first):
        groups.setdefault(finding.check, []).append(finding)
    ordered = sorted(groups.items(), key=lambda item: (most_severe_first(item[1][0])[0],
                                                       provision_order(provision(item[1][0].articles[0])), item[0]))
    result = []
    for check_id, found in ordered:
        remedies = {f.remedy for f in found}
        result.append((checks.get(check_id), remedies.pop() if len(remedies) == 1 else "", found))
    return result


@dataclass(frozen=True)
class FlowRow:
    """One node of the diagram in words: who, where, which data reach them and on which tool."""

    node: Node
    flow: Flow | None
    """The flow that brings the node its data (for data subjects: the one that collects from them)."""
    source: Name | None
    """Whom the data come from (its names), or None."""


def flow_rows(flows: DataFlows) -> list[FlowRow]:
    """The flows table: the controller, then the data subjects (what is collected from them), then every
    recipient in the order of the diagram's nodes (what reaches them, from whom, on which tool)."""
    into = {f.target: f for f in flows.flows if f.kind != "collection"}
    out_of = {f.source: f for f in flows.flows if f.kind == "collection"}
    order = {"controller": 0, "data_subject": 1, "recipient": 2}
    rows = []
    for node in sorted(flows.nodes, key=lambda n: (order[n.kind], n.id)):
        flow = out_of.get(node.id) if node.kind == "data_subject" else into.get(node.id)
        source = flows.node(flow.source).name if flow is not None and node.kind == "recipient" else None
        rows.append(FlowRow(node, flow, source))
    return rows


def _on_subject(tally: Tally, subject: str) -> list[Finding]:
    """The findings on ``subject``, also those on it that another subject's finding stands for (one root cause)."""
    return [f for f in tally.findings if subject in f.subjects]


def drawings(run: Run, lang: str = "en") -> dict[str, Drawing]:
    """Every organisation's data-flow diagram, drawn from the data flows the run carries."""
    return {record.id: _drawing(record, run, lang) for record in run.organisations}


def _drawing(record: OrganisationRecord, run: Run, lang: str) -> Drawing:
    if record.flows is None:
        return Drawing(missing=words(lang)["no_flows"])
    own = [f for f in run.findings if f.organisation == record.id]
    svg = diagram.render(diagram.draw(record.flows, record.name, findings=own, lang=lang, links=True), "svg")
    if svg is None:
        return Drawing(missing=words(lang)["no_graphviz"].format(install=diagram.INSTALL_GRAPHVIZ))
    return inline(svg.decode("utf-8"), record.id)


_VIEWBOX = re.compile(r'viewBox="([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)"')
_ID = re.compile(r'\bid="(?!node(?:-|&#45;))([^"]+)"')  # Graphviz writes "-" as "&#45;"
_REFERENCE = re.compile(r'url\(#([^)]+)\)')


def inline(svg: str, organisation: str) -> Drawing:
    """Graphviz's SVG made fit to sit in the page: no XML prologue or comments, sized by the page (its
    ``viewBox`` kept), Graphviz's own ids made unique to the organisation; and the slices it prints in."""
    svg = re.sub(r"<!--.*?-->\n?", "", svg[svg.index("<svg"):], flags=re.DOTALL)
    svg = re.sub(r'<svg width="[\d.]+pt" height="[\d.]+pt"', '<svg class="drawing" role="img"', svg, count=1)
    svg = _REFERENCE.sub(lambda m: f"url(#{organisation}-{m[1]})", _ID.sub(lambda m: f'id="{organisation}-{m[1]}"', svg))
    x, y, width, height = (float(v) for v in _VIEWBOX.search(svg).groups())  # type: ignore[union-attr]
    step = width * PRINT_HEIGHT_MM / PRINT_WIDTH_MM
    pieces = max(1, math.ceil(height / step - 0.02))
    slices = tuple(f"{x:.2f} {y + i * step:.2f} {width:.2f} {min(step, height - i * step):.2f}" for i in range(pieces))
    return Drawing(svg=Markup(svg), slices=slices)
