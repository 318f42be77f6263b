"""``report.sarif``: the findings as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One rule per check of the catalogue, with a ``security-severity`` and tags per provision (which code
scanning sorts and filters by) and a ``help`` (text and Markdown, which code scanning shows with an alert):
what the check tests and why, the provisions it cites (linked to the official text where pac's reference
data names one, ``cited_as``) and the remedy. Its ``helpUri`` is the check's documentation when its
distribution names one (``Project-URL: Documentation``), else the official text of the first provision it
cites that has one, else there is none: pac has no documentation site of its own and invents no link.
one result per finding, at the YAML element it points at; a waived finding is a result with an external
suppression that carries the waiver's justification.

Files inside the git repository the inputs are in are given relative to its root, under the base
``%SRCROOT%`` (code scanning resolves it to the checkout), so that an alert links to its line wherever
pac ran; other files keep a relative path, or become ``file:`` URIs when absolute.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from importlib import metadata
from pathlib import Path, PurePath
from typing import Any, Iterable
from urllib.parse import quote, urlsplit

from ..checking import Check, Finding
from ..errors import Location
from ..reference import Reference, Source
from ..results import Run
from ..waivers import Waiver
from . import text
from .tally import provision

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"
SECURITY_SEVERITY = {"error": "8.0", "warning": "5.0", "info": "2.0"}
"""Code scanning's scale (0.1-3.9 low, 4.0-6.9 medium, 7.0-8.9 high): an error breaks a rule of law (high),
a warning could be justified (medium), info is context (low)."""
MAX_TAGS = 20
"""Code scanning reads at most 20 tags of a rule."""
FINGERPRINT = "pacFinding/v1"
"""The key of results' ``partialFingerprints``: a hash of the check, organisation, subject and message
(not the line), so that an alert survives edits that move its element."""


def document(run: Run, root: str | None = None, reference: Reference | None = None) -> dict[str, Any]:
    """The SARIF log of ``run``; files under ``root`` (the repository root, absolute) are given relative to it;
    citations link to the sources of ``reference`` (the data the run was checked with; default pac's own)."""
    reference = reference or Reference.packaged()
    index = {check.id: i for i, check in enumerate(run.checks)}
    files = sorted({(file, digest) for o in run.organisations for file, digest in zip(o.files, o.digests)})
    located = _Locator(root)
    log: dict[str, Any] = {
        "tool": {"driver": {"name": "pac", "version": run.version, "rules": [_rule(c, reference) for c in run.checks]}},
        "automationDetails": {"id": f"pac/{run.as_of.isoformat()}"},
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": located(file), "hashes": {"sha-256": digest}} for file, digest in files],
        "results": _results(run.findings, index, located),
        "properties": {"asOf": run.as_of.isoformat()},
    }
    if root is not None:
        log["originalUriBaseIds"] = {SRCROOT: {"description": {"text": "The root of the git repository checked."}}}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [log]}


def render(run: Run, root: str | None = None, reference: Reference | None = None) -> str:
    return json.dumps(document(run, root, reference), indent=2) + "\n"  # ASCII: no raw bidi or C1 character reaches a terminal


def repository_root(files: Iterable[str]) -> str | None:
    """The root of the git repository (a folder holding ``.git``, a folder or a worktree's file) that holds
    every one of ``files``, as an absolute path; None when they are in none, or not all in the same one."""
    roots = {_root_of(Path(os.path.abspath(f)).parent) for f in files}
    return roots.pop() if len(roots) == 1 else None


@cache
def _root_of(folder: Path) -> str | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return str(candidate)
    return None


def uri(file: str) -> str:
    """A file as a SARIF artifact URI: relative paths stay relative (with forward slashes), absolute ones
    become ``file:`` URIs; characters a URI may not hold are percent-encoded."""
    path = PurePath(file)
    return path.as_uri() if path.is_absolute() else quote(path.as_posix(), safe="/")


class _Locator:
    """Artifact locations of files: relative to ``%SRCROOT%`` under ``root``, else as :func:`uri` gives them."""

    def __init__(self, root: str | None):
        self.root = root

    def __call__(self, file: str) -> dict[str, str]:
        if self.root is not None:
            absolute = os.path.abspath(file)
            if os.path.commonpath([absolute, self.root]) == self.root:
                return {"uri": quote(Path(os.path.relpath(absolute, self.root)).as_posix(), safe="/"), "uriBaseId": SRCROOT}
        return {"uri": uri(file)}


@cache
def documentation(topic_module: str) -> str | None:
    """The documentation URL the distribution that provides ``topic_module`` names (its ``Project-URL``
    ``Documentation``), or None."""
    package = topic_module.split(".")[0]
    for distribution in metadata.packages_distributions().get(package, ()):
        for entry in metadata.metadata(distribution).get_all("Project-URL") or ():
            label, _, url = entry.partition(",")
            if label.strip().lower() == "documentation" and url.strip():
                return url.strip()
    return None


def _rule(check: Check, reference: Reference) -> dict[str, Any]:
    sources = official_texts(check, reference)
    rule: dict[str, Any] = {
        "id": check.id,
        "name": "".join(word.capitalize() for word in check.id.split("-")),
        "shortDescription": {"text": check.title},
        "fullDescription": {"text": "\n\n".join(text.paragraphs(check.rationale))},
        "help": _help(check, sources),
        "defaultConfiguration": {"level": LEVELS[check.severity]},
        "properties": {"tags": tags(check), "security-severity": SECURITY_SEVERITY[check.severity]},
    }
    base = documentation(check.function.__module__)
    if base is not None:
        rule["helpUri"] = f"{base}#{check.id}"
    elif sources:
        rule["helpUri"] = next(iter(sources.values())).url
    return rule


def official_texts(check: Check, reference: Reference) -> dict[str, Source]:
    """Each provision ``check`` cites whose source in ``reference`` is an official text at an absolute http(s)
    URL, and that source, in the check's order."""
    found = {}
    for article in check.articles:
        source = reference.cited_source(article)
        if source is not None and _absolute(source.url):
            found[article] = source
    return found


def _absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not set(url) & set(" <>()[]\"\\")


def _help(check: Check, sources: dict[str, Source]) -> dict[str, str]:
    """What code scanning shows with an alert: what the check tests and why, what it cites (with the official
    texts, linked in Markdown) and the remedy."""
    why = text.paragraphs(check.rationale)
    texts = "; ".join(f"{s.title}: {s.url}" for s in {s.id: s for s in sources.values()}.values())
    linked = "; ".join(f"[{text.markdown(a)}]({sources[a].url})" if a in sources else text.markdown(a)
                       for a in check.articles)
    return {
        "text": "\n\n".join([check.title, *why, f"Provisions: {'; '.join(check.articles)}",
                              *([f"Official text: {texts}"] if texts else []), f"Remedy: {check.remedy}"]),
        "markdown": "\n\n".join([f"**{text.markdown(check.title)}**", *map(text.markdown, why),
                                  f"**Provisions:** {linked}", f"**Remedy:** {text.markdown(check.remedy)}"]),
    }


def tags(check: Check) -> list[str]:
    """Code scanning's tags of a check: ``privacy`` and ``security`` (so that it is sorted by its
    security-severity), its topic and severity, and each provision it cites (``GDPR Art. 13``)."""
    provisions = dict.fromkeys(provision(article) for article in check.articles)
    return list(dict.fromkeys(["privacy", "security", check.topic, check.severity, *provisions]))[:MAX_TAGS]


def _results(findings: tuple[Finding, ...], index: dict[str, int], located: _Locator) -> list[dict[str, Any]]:
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
            "locations": [_location(finding.location, located)],
            "partialFingerprints": {FINGERPRINT: hashlib.sha256(f"{key}\x1f{seen[key]}".encode()).hexdigest()},
            "properties": {"organisation": finding.organisation, "subject": finding.subject,
                           "provisions": list(finding.articles), "remedy": finding.remedy},
        }
        if finding.also:  # one root cause on several subjects
            result["properties"]["also"] = list(finding.also)
        if finding.waiver is not None:
            result["suppressions"] = [_suppression(finding.waiver, located)]
        results.append(result)
    return results


def _suppression(waiver: Waiver, located: _Locator) -> dict[str, Any]:
    expires = waiver.expires.isoformat() if waiver.expires else None
    return {"kind": "external", "status": "accepted", "justification": text.line(waiver.justification),
            "location": _location(waiver.location, located),
            "properties": {"owner": text.line(waiver.owner), "expires": expires}}


def _location(location: Location, located: _Locator) -> dict[str, Any]:
    """A physical location; line 0 (the whole file) has no region, column 0 (the whole line) no column."""
    physical: dict[str, Any] = {"artifactLocation": located(location.file)}
    if location.line:
        region = physical["region"] = {"startLine": location.line}
        if location.column:
            region["startColumn"] = location.column
    return {"physicalLocation": physical}
