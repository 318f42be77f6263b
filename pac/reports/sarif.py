"""``report.sarif``: the findings as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One rule per check of the catalogue; one result per finding, at the YAML element it points at;
a waived finding is a result with an external suppression that carries the waiver's justification.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from ..checking import Check, Finding
from ..errors import Location
from ..results import Run
from ..waivers import Waiver
from . import text

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "pacFinding/v1"
"""The key of results' ``partialFingerprints``: a hash of the check, organisation, subject and message
(not the line), so that an alert survives edits that move its element."""


def document(run: Run) -> dict[str, Any]:
    index = {check.id: i for i, check in enumerate(run.checks)}
    files = sorted({(file, digest) for o in run.organisations for file, digest in zip(o.files, o.digests)})
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "pac", "version": run.version, "rules": [_rule(c) for c in run.checks]}},
            "automationDetails": {"id": f"pac/{run.as_of.isoformat()}"},
            "columnKind": "unicodeCodePoints",
            "artifacts": [{"location": {"uri": uri(file)}, "hashes": {"sha-256": digest}} for file, digest in files],
            "results": _results(run.findings, index),
            "properties": {"asOf": run.as_of.isoformat()},
        }],
    }


def render(run: Run) -> str:
    return json.dumps(document(run), indent=2) + "\n"  # ASCII: no raw bidi or C1 character reaches a terminal


def uri(file: str) -> str:
    """A file as a SARIF artifact URI: relative paths stay relative (with forward slashes), absolute ones
    become ``file:`` URIs; characters a URI may not hold are percent-encoded."""
    path = PurePath(file)
    return path.as_uri() if path.is_absolute() else quote(path.as_posix(), safe="/")


def _rule(check: Check) -> dict[str, Any]:
    articles = ", ".join(check.articles)
    return {
        "id": check.id,
        "name": "".join(word.capitalize() for word in check.id.split("-")),
        "shortDescription": {"text": check.title},
        "fullDescription": {"text": "\n\n".join(text.paragraphs(check.rationale))},
        "help": {"text": f"{check.title}\n\nProvisions: {articles}\n\nRemedy: {check.remedy}",
                 "markdown": f"**{text.markdown(check.title)}**\n\n**Provisions:** {text.markdown(articles)}\n\n"
                             f"**Remedy:** {text.markdown(check.remedy)}"},
        "defaultConfiguration": {"level": LEVELS[check.severity]},
        "properties": {"tags": list(dict.fromkeys([check.topic, check.severity, *check.articles]))},
    }


def _results(findings: tuple[Finding, ...], index: dict[str, int]) -> list[dict[str, Any]]:
    results = []
    seen: dict[str, int] = {}
    for finding in findings:
        key = "\x1f".join((finding.check, finding.organisation, finding.subject, finding.message))
        seen[key] = seen.get(key, -1) + 1  # the same message twice on one subject: count, do not collide
        result: dict[str, Any] = {
            "ruleId": finding.check,
            "ruleIndex": index[finding.check],
            "level": LEVELS[finding.severity],
            "message": {"text": text.sarif(finding.message)},
            "locations": [_location(finding.location)],
            "partialFingerprints": {FINGERPRINT: hashlib.sha256(f"{key}\x1f{seen[key]}".encode()).hexdigest()},
            "properties": {"organisation": finding.organisation, "subject": finding.subject,
                           "provisions": list(finding.articles), "remedy": finding.remedy},
        }
        if finding.also:  # one root cause on several subjects
            result["properties"]["also"] = list(finding.also)
        if finding.waiver is not None:
            result["suppressions"] = [_suppression(finding.waiver)]
        results.append(result)
    return results


def _suppression(waiver: Waiver) -> dict[str, Any]:
    expires = waiver.expires.isoformat() if waiver.expires else None
    return {"kind": "external", "status": "accepted", "justification": text.line(waiver.justification),
            "location": _location(waiver.location),
            "properties": {"owner": text.line(waiver.owner), "expires": expires}}


def _location(location: Location) -> dict[str, Any]:
    """A physical location; line 0 (the whole file) has no region, column 0 (the whole line) no column."""
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri(location.file)}}
    if location.line:
        region = physical["region"] = {"startLine": location.line}
        if location.column:
            region["startColumn"] = location.column
    return {"physicalLocation": physical}
