"""Reports for auditors and CI, each a function of a :class:`~pac.results.Run` (``report.html`` also reads
the declarations again, to draw their diagrams).

:func:`renderers` maps each report's file name to its renderer; :func:`write_reports` writes them all.
pytest writes the fifth, ``junit.xml`` (``pac check --report-dir`` asks it to), with pac's item properties.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Callable

from ..output import write_atomic
from ..reference import Reference
from ..results import Run
from . import findings, html, markdown, sarif


def renderers(reference: Reference) -> dict[str, Callable[[Run], str | bytes]]:
    """Each report's file name and its renderer; ``report.html`` draws its diagrams on ``reference``, the
    reference data the run was checked with."""
    return {
        "findings.json": findings.render,
        "report.html": partial(html.render, reference=reference),
        "report.md": markdown.render,
        "report.sarif": sarif.render,
    }


def write_reports(run: Run, reference: Reference, folder: Path) -> list[Path]:
    """Write every report of ``run`` (checked with ``reference``) into ``folder``, the staging folder of a
    :class:`~pac.output.ReportFolder` (which puts the whole set in place at once)."""
    return [write_atomic(folder / name, render(run)) for name, render in renderers(reference).items()]
