"""What one run produced, in a form every report is written from (and that crosses process boundaries).

pytest items may run in several processes (pytest-xdist); each report carries its findings as
plain data (:func:`finding_to_dict`, with each message's phrase, so that the controlling process can still say it
in Dutch), and the controlling process gathers them into a :class:`Run`.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Literal

from .checking import SEVERITIES, Check, Finding, by_root_cause
from .errors import Location
from .flows import DataFlows
from .model import Organisation, Provenance
from .phrases import Phrase, from_data, to_data
from .waivers import Waiver

ItemStatus = Literal["passed", "failed", "waived", "error"]
"""How one item ended: its check passed, found something, found only waived findings, or crashed."""


def digest(path: str | Path) -> str:
    """The SHA-256 digest of the file at ``path``, in hex."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """How many of ``findings`` are open at each severity (most severe first), then how many are waived."""
    counted = Counter("waived" if f.waived else f.severity for f in findings)
    return {key: counted[key] for key in (*SEVERITIES, "waived")}


@dataclass(frozen=True, slots=True)
class OrganisationRecord:
    """An organisation as reports name it, with the SHA-256 digests of its input files and, for the reports
    that draw it, its data flows on the run's date."""

    id: str
    name: str
    files: tuple[str, ...]
    digests: tuple[str, ...]
    notes: tuple[str, ...] = ()
    flows: DataFlows | None = None

    @classmethod
    def of(cls, organisation: Organisation, notes: tuple[str, ...] = (), flows: DataFlows | None = None) -> OrganisationRecord:
        digests = tuple(digest(f) for f in organisation.files)
        return cls(organisation.id, organisation.name, organisation.files, digests, notes, flows)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "files": list(self.files), "digests": list(self.digests),
                "notes": [to_data(note) for note in self.notes], "flows": self.flows.to_dict() if self.flows else None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OrganisationRecord:
        flows = DataFlows.from_dict(data["flows"]) if data.get("flows") else None
        return cls(data["id"], data["name"], tuple(data["files"]), tuple(data["digests"]),
                   tuple(from_data(note) for note in data["notes"]), flows)


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one item (a check on a subject, or a coarser unit) ended."""

    organisation: str
    check: str
    subject: str
    status: ItemStatus


@dataclass(frozen=True)
class Run:
    """Everything a report needs: the date, the catalogue, the organisations, the findings (one per root cause),
    the outcomes, and the SHA-256 digest of the reference data they were checked on (``reference_overridden``
    when hooks changed pac's packaged data); each held in canonical order (whatever order it is given in), so
    that reports need not sort them."""

    as_of: date
    version: str
    checks: tuple[Check, ...]
    organisations: tuple[OrganisationRecord, ...]
    findings: tuple[Finding, ...]
    outcomes: tuple[Outcome, ...]
    reference_digest: str = ""
    reference_overridden: bool = False

    def __post_init__(self) -> None:
        canonical = {
            "checks": sorted(self.checks, key=lambda c: c.id),
            "organisations": sorted(self.organisations, key=lambda o: o.id),
            "findings": by_root_cause(self.findings),
            "outcomes": sorted(self.outcomes, key=lambda o: (o.organisation, o.check, o.subject)),
        }
        for name, parts in canonical.items():
            object.__setattr__(self, name, tuple(parts))  # frozen: set once, here


def location_to_dict(location: Location) -> dict[str, Any]:
    return {"file": location.file, "line": location.line, "column": location.column}


def _provenance_to_dict(p: Provenance) -> dict[str, Any]:
    return {key: value for key, value in (("section", p.section), ("quote", p.quote), ("fact", p.fact)) if value}


def finding_to_dict(finding: Finding, phrase: bool = False) -> dict[str, Any]:
    """The finding as in ``findings.json``; with ``phrase``, also its message's phrase (``phrase``: key and values),
    which findings.json leaves out."""
    waiver = finding.waiver
    said = {"phrase": to_data(finding.message)} if phrase and isinstance(finding.message, Phrase) else {}
    return {
        "check": finding.check, "severity": finding.severity, "organisation": finding.organisation,
        "subject": finding.subject, "also": list(finding.also), "articles": list(finding.articles),
        "message": str(finding.message),
        "location": location_to_dict(finding.location), "evidence": [_provenance_to_dict(p) for p in finding.evidence],
        "remedy": finding.remedy, "waived": waiver is not None,
        "waiver": None if waiver is None else {
            "justification": waiver.justification, "owner": waiver.owner,
            "expires": waiver.expires.isoformat() if waiver.expires else None,
            "subject": waiver.subject, "location": location_to_dict(waiver.location)},
        **said,
    }


def finding_from_dict(data: dict[str, Any]) -> Finding:
    waiver = data["waiver"]
    return Finding(
        check=data["check"], severity=data["severity"], organisation=data["organisation"], subject=data["subject"],
        also=tuple(data.get("also", ())), articles=tuple(data["articles"]),
        message=from_data(data["phrase"]) if "phrase" in data else data["message"],
        location=Location(**data["location"]),
        evidence=tuple(Provenance(location=Location(""), **p) for p in data["evidence"]), remedy=data["remedy"],
        waiver=None if waiver is None else Waiver(
            check=data["check"], organisation=data["organisation"], subject=waiver["subject"],
            justification=waiver["justification"], owner=waiver["owner"],
            expires=date.fromisoformat(waiver["expires"]) if waiver["expires"] else None,
            location=Location(**waiver["location"])),
    )
