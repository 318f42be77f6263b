"""Reports for auditors and CI, each a function of a :class:`~pac.results.Run` (``report.html`` also reads
the declarations again, to draw their diagrams).

``FORMATS`` maps each report's file name to its renderer; :func:`write_reports` writes them all. pytest
writes the fifth, ``junit.xml`` (``pac check --report-dir`` asks it to), with pac's item properties.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from ..output import folder_lock, write_atomic
from ..results import Run
from . import findings, html, markdown, sarif

FORMATS: dict[str, Callable[[Run], str | bytes]] = {
    "findings.json": findings.render,
    "report.html": html.render,
    "report.md": markdown.render,
    "report.sarif": sarif.render,
}


def write_reports(run: Run, folder: Path, inputs: Iterable[Path] = ()) -> list[Path]:
    """Write every report of ``run`` into ``folder`` (atomically, one run at a time)."""
    inputs = tuple(inputs)
    with folder_lock(folder):
        return [write_atomic(folder / name, render(run), inputs) for name, render in FORMATS.items()]
