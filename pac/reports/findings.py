"""``findings.json``: the machine-readable findings of a run."""

from __future__ import annotations

import json

from ..results import Run, finding_to_dict


def document(run: Run) -> dict:
    return {
        "as_of": run.as_of.isoformat(),
        "tool": {"name": "pac", "version": run.version},
        "organisations": [{"id": o.id, "name": o.name, "files": list(o.files), "sha256": list(o.digests),
                           "notes": list(o.notes)} for o in run.organisations],
        "findings": [finding_to_dict(f) for f in run.findings],
    }


def render(run: Run) -> str:
    return json.dumps(document(run), indent=2) + "\n"  # ASCII: no raw bidi or C1 character reaches a terminal
