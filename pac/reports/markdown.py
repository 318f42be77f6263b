"""``report.md``: a short summary for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

A table of counts per organisation, then the open errors and warnings (the first
:data:`LISTED`); the evidence, rationale and remedy of each are in ``report.html``.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..checking import Finding
from ..messages import words
from ..phrases import said
from ..results import Run
from .tally import draft_banner, most_severe_first, tallies
from .text import markdown

LISTED = 25
"""How many open errors and warnings the summary lists; the rest are counted."""


def render(run: Run, lang: str = "en") -> str:
    """The summary of ``run`` in ``lang``: pac's words and the findings' messages in that language."""
    t = words(lang)
    counted = tallies(run)
    lines = [f"## {t['md_heading'].format(date=run.as_of.isoformat())}", ""]
    banner = draft_banner(run, lang)
    if banner:
        lines += [f"> **{markdown(banner)}**", ""]
    headings = (t["organisation"], t["errors"], t["warnings"], t["infos"], t["waived_column"], t["checks_passed"])
    lines += ["| " + " | ".join(headings) + " |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for tally in counted:
        org = tally.organisation
        passed = t["of"].format(n=len(tally.checks("passed")), total=tally.applicable)
        lines.append(f"| {markdown(org.name)} (`{org.id}`) | " + " | ".join(map(str, tally.counts.values()))
                     + f" | {passed} |")
    crashed = [t["md_on"].format(check=f"`{check}`", organisation=f"`{tally.organisation.id}`")
               for tally in counted for check in tally.checks("crashed")]
    if crashed:
        lines += ["", f"**{t['md_crashed']}** ({t['md_crashed_note']}): {', '.join(crashed)}"]
    shown = sorted((f for c in counted for f in c.open if f.severity != "info"), key=most_severe_first)
    if shown:
        lines += ["", f"<details><summary>{t['md_open'].format(n=len(shown))}</summary>", ""]
        lines += [_item(f, t, lang) for f in shown[:LISTED]]
        if len(shown) > LISTED:
            lines.append(f"- {t['md_more'].format(n=len(shown) - LISTED)}")
        lines += ["", "</details>"]
    lines += ["", t["md_footer"].format(version=markdown(run.version), n=len(run.checks))]
    return "\n".join(lines) + "\n"


def _item(finding: Finding, t: Mapping[str, Any], lang: str) -> str:
    location = finding.location
    subjects = "` `".join(finding.subjects)
    return (f"- **{t['severity'][finding.severity]}** `{finding.organisation}` `{finding.check}` `{subjects}`: "
            f"{markdown(said(finding.message, lang))} ({markdown(str(location))})")
