"""``report.html``: the audit report, one self-contained page (inline CSS, no script, no network).

A cover with the organisations, the evaluation date, the tool and the digests of the input files;
a summary; then one section per organisation with its data-flow diagram, its findings grouped by
provision (each with the notice's words, the YAML location, the rationale and the remedy), its
waived findings and the result of every check; and the catalogue of checks. Rendered by Jinja2 with
autoescape on; every value is also put on one line (:func:`pac.reports.text.line`).
"""

from __future__ import annotations

import base64
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import jinja2
from markupsafe import Markup

from .. import diagram
from ..errors import InvalidInput
from ..loader import load
from ..reference import Reference
from ..results import OrganisationRecord, Run, digest
from . import text
from .tally import Tally, by_provision, cited, draft_banner, provision, tallies


@dataclass(frozen=True)
class Drawing:
    """An organisation's data-flow diagram as a ``data:`` URI, or why there is none."""

    uri: str | None = None
    missing: str = ""


def _one_line(value: Any) -> Any:
    return text.line(value) if isinstance(value, str) and not isinstance(value, Markup) else value


_TEMPLATES = jinja2.Environment(loader=jinja2.PackageLoader("pac.reports", "templates"), autoescape=True,
                                undefined=jinja2.StrictUndefined, finalize=_one_line, trim_blocks=True,
                                lstrip_blocks=True, keep_trailing_newline=True)


def page(run: Run, drawings: Mapping[str, Drawing]) -> str:
    """The report of ``run`` with the given diagrams (by organisation id)."""
    counted = tallies(run)
    return _TEMPLATES.get_template("report.html").render(
        run=run, as_of=run.as_of.isoformat(), tallies=counted, drawings=drawings, matrix=_matrix(counted),
        checks={c.id: c for c in run.checks}, by_provision=by_provision, banner=draft_banner(run),
        paragraphs=text.paragraphs)


def _matrix(counted: list[Tally]) -> list[tuple[str, list[int]]]:
    """For every provision cited by an open finding: how many open findings of each organisation cite it."""
    cites = [Counter(p for f in t.open for p in {provision(a) for a in f.articles}) for t in counted]
    return [(row, [c[row] for c in cites]) for row in cited(f for t in counted for f in t.open)]


def render(run: Run, reference: Reference) -> str:
    return page(run, drawings(run, reference))


def drawings(run: Run, reference: Reference) -> dict[str, Drawing]:
    """Every organisation's data-flow diagram as SVG, drawn from its declaration files as they were checked
    and on the reference data they were checked with."""
    return {record.id: _drawing(record, run, reference) for record in run.organisations}


def _drawing(record: OrganisationRecord, run: Run, reference: Reference) -> Drawing:
    files = [Path(f) for f in record.files]
    if any(not f.is_file() or digest(f) != d for f, d in zip(files, record.digests)):
        return Drawing(missing="No diagram: the declaration files changed (or went) after they were checked.")
    try:
        (organisation,) = load(files, reference=reference)
    except InvalidInput as invalid:
        return Drawing(missing=f"No diagram: the declaration could not be read again ({invalid.errors[0]}).")
    own = [f for f in run.findings if f.organisation == record.id]
    svg = diagram.render(diagram.diagram(organisation, reference, run.as_of, findings=own), "svg")
    if svg is None:
        return Drawing(missing=f"No diagram: Graphviz's dot program is not installed; {diagram.INSTALL_GRAPHVIZ}.")
    return Drawing(uri="data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii"))
