"""``pac diff``'s change review (a :class:`~pac.diff.Review`) as text for a terminal, Markdown for a pull request,
or JSON for tools."""

from __future__ import annotations

import json
from typing import Iterator

from ..checking import Finding
from ..diff import KINDS, Change, Review
from ..errors import printable
from ..results import finding_to_dict
from .text import markdown as markdown_escape

def _finding_line(finding: Finding) -> str:
    waived = " (waived)" if finding.waived else ""
    return (f"{finding.severity} [{finding.check}] {finding.subject}: {finding.message}{waived} "
            f"({', '.join(finding.articles)}; {finding.location})")


def _per_organisation(result: Review) -> Iterator[tuple[str, list[Change], list[Finding], list[Finding]]]:
    """For each organisation with something to say: its changes, new findings and resolved findings."""
    for org_id in result.organisations:
        changes = [c for c in result.changes if c.organisation == org_id]
        new = [f for f in result.new_findings if f.organisation == org_id]
        resolved = [f for f in result.resolved_findings if f.organisation == org_id]
        if changes or new or resolved:
            yield org_id, changes, new, resolved


def render_text(result: Review) -> str:
    """The review for a terminal: per organisation, its changes, new findings and resolved findings."""
    lines = [f"pac diff as of {result.as_of}: {len(result.changes)} changes, {len(result.new_findings)} new findings, "
             f"{len(result.resolved_findings)} resolved findings"]
    for org_id, changes, new, resolved in _per_organisation(result):
        lines += ["", f"{org_id}:"]
        lines += [f"  {KINDS[c.kind].lower()}: {c.subject}: {c.description}" for c in changes]
        lines += [f"  + new finding: {_finding_line(f)}" for f in new]
        lines += [f"  - resolved finding: {_finding_line(f)}" for f in resolved]
    return "\n".join(printable(line) for line in lines) + "\n"


def render_markdown(result: Review) -> str:
    """The review as Markdown, e.g. for a pull-request comment or a CI job summary."""
    lines = ["## pac diff: change review for legal", "",
             f"As of {result.as_of}: {len(result.changes)} changes, **{len(result.new_findings)} new findings**, "
             f"{len(result.resolved_findings)} resolved findings.", ""]
    for org_id, changes, new, resolved in _per_organisation(result):
        lines += [f"### {markdown_escape(org_id)}", ""]
        lines += [f"- **{KINDS[c.kind]}** {markdown_escape(c.subject)}: {markdown_escape(c.description)}" for c in changes]
        if changes:
            lines.append("")
        for title, found in (("New findings", new), ("Resolved findings", resolved)):
            if found:
                lines += [f"{title}:", ""] + [f"- {markdown_escape(_finding_line(f))}" for f in found] + [""]
    return "\n".join(lines)


def render_json(result: Review) -> str:
    """The review as JSON: the date, the changes and the findings (as in ``findings.json``)."""
    return json.dumps({"as_of": result.as_of.isoformat(), "organisations": list(result.organisations),
                       "changes": [c.to_dict() for c in result.changes],
                       "new_findings": [finding_to_dict(f) for f in result.new_findings],
                       "resolved_findings": [finding_to_dict(f) for f in result.resolved_findings]},
                      indent=2, ensure_ascii=False) + "\n"


RENDERERS = {"text": render_text, "md": render_markdown, "json": render_json}
