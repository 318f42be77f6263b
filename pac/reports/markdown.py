"""``report.md``: a short summary for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

A table of counts per organisation, then the open errors and warnings (the first
:data:`LISTED`); the evidence, rationale and remedy of each are in ``report.html``.
"""

from __future__ import annotations

from ..checking import Finding
from ..results import Run
from .tally import most_severe_first, tallies
from .text import markdown

LISTED = 25
"""How many open errors and warnings the summary lists; the rest are counted."""


def render(run: Run) -> str:
    counted = tallies(run)
    lines = [f"## pac: GDPR checks as of {run.as_of.isoformat()}", "",
             "| Organisation | Errors | Warnings | Info | Waived | Checks passed |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for tally in counted:
        org = tally.organisation
        lines.append(f"| {markdown(org.name)} (`{org.id}`) | " + " | ".join(map(str, tally.counts.values()))
                     + f" | {len(tally.checks('passed'))} of {tally.applicable} |")
    crashed = [f"`{check}` on `{t.organisation.id}`" for t in counted for check in t.checks("crashed")]
    if crashed:
        lines += ["", f"**Checks that crashed** (they fail their items; nothing was checked): {', '.join(crashed)}"]
    shown = sorted((f for t in counted for f in t.open if f.severity != "info"), key=most_severe_first)
    if shown:
        lines += ["", f"<details><summary>Open errors and warnings ({len(shown)})</summary>", ""]
        lines += [_item(f) for f in shown[:LISTED]]
        if len(shown) > LISTED:
            lines.append(f"- and {len(shown) - LISTED} more")
        lines += ["", "</details>"]
    lines += ["", f"pac {markdown(run.version)}, {len(run.checks)} checks. `report.html` gives the notice's words, "
                  "the rationale and the remedy of every finding; `findings.json` and `report.sarif` are for tools."]
    return "\n".join(lines) + "\n"


def _item(finding: Finding) -> str:
    location = finding.location
    subjects = "` `".join(finding.subjects)
    return (f"- **{finding.severity}** `{finding.organisation}` `{finding.check}` `{subjects}`: "
            f"{markdown(finding.message)} ({markdown(str(location))})")
