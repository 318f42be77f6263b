"""What the summary reports count: per organisation, its findings and how each check ended on it;
and the provisions (articles) findings are grouped by."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Literal, Mapping

from ..checking import SEVERITIES, Finding
from ..messages import words
from ..results import OrganisationRecord, Run, severity_counts

CheckStatus = Literal["crashed", "findings", "waived", "passed", "not applicable"]
"""How a check ended on one organisation: it raised an exception; it found something not waived; everything
it found is waived; it ran and found nothing; or it had nothing to run on (no subject of its kind). With one
pytest item per check or per organisation (``--granularity``), a check with nothing to run on counts as passed."""


@dataclass(frozen=True)
class Tally:
    """One organisation's findings (sorted) and the status of every check of the run on it."""

    organisation: OrganisationRecord
    findings: tuple[Finding, ...]
    statuses: Mapping[str, CheckStatus]

    @cached_property
    def open(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.waived)

    @cached_property
    def waived(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.waived)

    @cached_property
    def counts(self) -> Mapping[str, int]:
        """Open findings per severity, most severe first, then waived ones (as :func:`severity_counts`)."""
        return severity_counts(self.findings)

    def checks(self, status: CheckStatus) -> tuple[str, ...]:
        """The ids of the checks that ended with ``status``."""
        return tuple(check for check, s in self.statuses.items() if s == status)

    @property
    def applicable(self) -> int:
        """The checks that had something to run on."""
        return sum(1 for s in self.statuses.values() if s != "not applicable")


def tallies(run: Run) -> list[Tally]:
    """A tally per organisation of ``run``, in the run's order (by organisation id)."""
    findings: dict[tuple[str, str], list[Finding]] = {}
    for finding in run.findings:
        findings.setdefault((finding.organisation, finding.check), []).append(finding)
    outcomes: dict[tuple[str, str], set[str]] = {}
    for outcome in run.outcomes:
        outcomes.setdefault((outcome.organisation, outcome.check), set()).add(outcome.status)
    result = []
    for record in run.organisations:
        statuses = {c.id: _status(outcomes.get((record.id, c.id), set()), findings.get((record.id, c.id), []))
                    for c in run.checks}
        own = tuple(f for c in statuses for f in findings.get((record.id, c), ()))  # still in sort_key order
        result.append(Tally(record, own, statuses))
    return result


def _status(outcomes: set[str], findings: list[Finding]) -> CheckStatus:
    if "error" in outcomes:
        return "crashed"
    if any(not f.waived for f in findings):
        return "findings"
    if findings:
        return "waived"
    return "passed" if outcomes else "not applicable"


_ARTICLE = re.compile(r"^(?P<statute>.+?) (?P<art>[Aa]rt\.) (?P<number>\d+(?:[.:]\d+)*[a-z]?)")


def provision(article: str) -> str:
    """The provision a citation belongs to, at article level: ``GDPR Art. 13(2)(c)`` -> ``GDPR Art. 13``,
    ``Tw art. 11.7`` -> itself; a citation that is no article (a judgment, guidelines) is its own provision."""
    match = _ARTICLE.match(article)
    return f"{match['statute']} {match['art']} {match['number']}" if match else article


def provision_order(name: str) -> tuple:
    """Sorts the GDPR first, then other statutes and sources by name; articles by number, not as text."""
    match = _ARTICLE.match(name)
    if not match:
        return (2, name, ())
    number = tuple(int(part) for part in re.findall(r"\d+", match["number"]))
    return (0 if match["statute"] == "GDPR" else 1, match["statute"], number, name)


def most_severe_first(finding: Finding) -> tuple:
    """Sorts findings by severity, most severe first, then by :meth:`~pac.checking.Finding.sort_key`."""
    return (SEVERITIES.index(finding.severity), finding.sort_key())


def by_provision(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by the provision of the first article each cites (the rule it rests on first),
    provisions in :func:`provision_order`, findings most severe first."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(provision(finding.articles[0]), []).append(finding)
    return [(name, sorted(groups[name], key=most_severe_first))
            for name in sorted(groups, key=provision_order)]


def cited(findings: Iterable[Finding]) -> list[str]:
    """Every provision that ``findings`` cite, in :func:`provision_order`."""
    return sorted({provision(a) for f in findings for a in f.articles}, key=provision_order)


DRAFT_CHECK = "declaration-reviewed"
"""The check that reports an unreviewed draft (``notice.draft``); every report shows a banner for it."""


def drafts(run: Run) -> list[str]:
    """The ids of the organisations whose declaration is an unreviewed draft, in run order."""
    marked = {f.organisation for f in run.findings if f.check == DRAFT_CHECK}
    return [record.id for record in run.organisations if record.id in marked]


def draft_banner(run: Run, lang: str = "en") -> str | None:
    """The banner every report carries (in ``lang``) when it covers an unreviewed draft, or None."""
    marked = drafts(run)
    return words(lang)["draft_banner"].format(ids=", ".join(marked)) if marked else None
