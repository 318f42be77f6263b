"""Reports for auditors and CI, each a function of a :class:`~pac.results.Run` (``report.html`` also reads
the declarations again, to draw their diagrams).

:func:`renderers` maps each report's file name to its renderer; :func:`write_reports` writes them all.
pytest writes the fifth, ``junit.xml`` (``pac check --report-dir`` asks it to), with pac's item properties.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Callable, Iterable

from ..output import folder_lock, write_atomic
from ..reference import Reference
from ..results import Run
from . import findings, html, markdown, sarif


def renderers(reference: Reference, root: str | None = None) -> dict[str, Callable[[Run], str | bytes]]:
    """Each report's file name and its renderer; ``report.html`` draws its diagrams on ``reference``, the
    reference data the run was checked with; ``report.sarif`` gives files under ``root`` (the repository's
    root) relative to it."""
    return {
        "findings.json": findings.render,
        "report.html": partial(html.render, reference=reference),
        "report.md": markdown.render,
        "report.sarif": partial(sarif.render, root=root),
    }


def write_reports(run: Run, reference: Reference, folder: Path, inputs: Iterable[Path] = ()) -> list[Path]:
    """Write every report of ``run`` (checked with ``reference``) into ``folder`` (atomically, one run at a time)."""
    inputs = tuple(inputs)
    root = sarif.repository_root(f for o in run.organisations for f in o.files)
    with folder_lock(folder):
        return [write_atomic(folder / name, render(run), inputs) for name, render in renderers(reference, root).items()]
