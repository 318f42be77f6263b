"""Reports for auditors and CI, each a function of a :class:`~pac.results.Run` and nothing else: no renderer
reads an input file (``report.html`` draws its diagrams from the data flows the run carries).

:func:`renderers` maps each report's file name to its renderer; :func:`write_reports` writes them all.
pytest writes the fifth, ``junit.xml`` (``pac check --report-dir`` asks it to), with pac's item properties.
"""

from __future__ import annotations

import dataclasses
from functools import partial
from pathlib import Path
from typing import Callable

from ..output import write_atomic
from ..reference import Reference
from ..results import Run
from . import findings, markdown, sarif


def renderers(root: str | None = None, lang: str = "en",
              reference: Reference | None = None) -> dict[str, Callable[[Run], str | bytes]]:
    """Each report's file name and its renderer; ``report.sarif`` gives files under ``root`` (the repository's
    root) relative to it and links citations to the sources of ``reference``; ``report.html`` and ``report.md``
    are written in ``lang``. The HTML renderer is imported on first use: a run that writes no reports (``pac check``
    without ``--report-dir``) needs neither Jinja nor Graphviz's bindings."""
    from . import html

    return {
        "findings.json": findings.render,
        "report.html": partial(html.render, lang=lang),
        "report.md": partial(markdown.render, lang=lang),
        "report.sarif": partial(sarif.render, root=root, reference=reference),
    }


def stamped(run: Run, reference: Reference) -> Run:
    """``run`` with the digest of the reference data it was checked with, and whether hooks changed pac's."""
    digest = reference.digest
    return dataclasses.replace(run, reference_digest=digest, reference_overridden=digest != Reference.packaged().digest)


def write_reports(run: Run, reference: Reference, folder: Path, lang: str = "en") -> list[Path]:
    """Write every report of ``run`` (checked with ``reference``) into ``folder``, the staging folder of a
    :class:`~pac.output.ReportFolder` (which puts the whole set in place at once); the ones for people in ``lang``."""
    run = stamped(run, reference)
    root = sarif.repository_root(f for o in run.organisations for f in o.files)
    return [write_atomic(folder / name, render(run)) for name, render in renderers(root, lang, reference).items()]
