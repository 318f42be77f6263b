"""Chapter V of the GDPR on one recipient and one date: is there a transfer, and does a claimed tool carry it?

Used by the transfer checks and by the data-flow graph, so both say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable, Literal

from .model import Organisation, Recipient, TransferClaim
from .reference import Reference

Verdict = Literal["valid", "unverified", "invalid"]
Status = Literal["domestic", "unknown_country", "valid", "unverified", "invalid"]
"""``domestic``: the recipient is in the EEA, so there is no transfer. ``unknown_country``: the
declaration does not say where the recipient is, so the transfer cannot be assessed. Otherwise the
best verdict of the tools claimed: ``valid``, ``unverified`` (valid only under a condition the
declaration does not establish) or ``invalid``."""

_RANK: dict[str, int] = {"valid": 0, "unverified": 1, "invalid": 2}


@dataclass(frozen=True, slots=True)
class ToolVerdict:
    """What one claimed tool is worth for this recipient on the evaluation date, and why."""

    claim: TransferClaim
    verdict: Verdict
    reason: str
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TransferAssessment:
    """The transfer to one recipient on one date; ``general`` when the claims are the organisation's
    general ones (the recipient has none of its own)."""

    recipient: Recipient
    on: date
    status: Status
    verdicts: tuple[ToolVerdict, ...]
    general: bool
    reason: str

    @property
    def decisive(self) -> ToolVerdict | None:
        """The verdict that decides the status: the best one."""
        return min(self.verdicts, key=lambda v: _RANK[v.verdict], default=None)


def assess(organisation: Organisation, recipient: Recipient, reference: Reference, on: date) -> TransferAssessment:
    """Assess the transfer of personal data to ``recipient`` on ``on``."""
    country = recipient.country
    if country is None:
        return TransferAssessment(recipient, on, "unknown_country", (), False,
                                  "the declaration does not say in which country the recipient processes the data")
    if reference.in_eea(country, on):
        return TransferAssessment(recipient, on, "domestic", (), False, f"{country} is in the EEA on {on}")
    general = not recipient.transfer_tools
    claims = recipient.transfer_tools or organisation.transfer_tools
    place = reference.country_name(country) or country
    if not claims:
        return TransferAssessment(recipient, on, "invalid", (), general,
                                  f"personal data go to {place}, outside the EEA, and no transfer tool is stated")
    verdicts = tuple(_judge(claim, recipient, reference, on) for claim in claims)
    best = min(verdicts, key=lambda v: _RANK[v.verdict])
    return TransferAssessment(recipient, on, best.verdict, verdicts, general, best.reason)


def _judge(claim: TransferClaim, recipient: Recipient, reference: Reference, on: date) -> ToolVerdict:
    tool = reference.transfer_tool(claim.tool)
    articles = (tool.article,)
    country = recipient.country or ""
    place = reference.country_name(country) or country

    def verdict(value: Verdict, reason: str, *more: str) -> ToolVerdict:
        return ToolVerdict(claim, value, reason, articles + more)

    if tool.kind == "adequacy":
        if claim.tool == "eu_us_dpf" and country != "US":
            return verdict("invalid", f"the EU-US Data Privacy Framework covers transfers to the United States only, not to {place}")
        decisions = [d for d in reference.adequacy_decisions(country) if claim.tool != "eu_us_dpf" or d.id == tool.decision]
        in_force = [d for d in decisions if d.in_force_on(on)]
        if not in_force:
            if decisions:
                last = decisions[-1]
                until = (f" until it was invalidated on {last.invalidated}" if last.invalidated else
                         f" to {last.expires}" if last.expires else "")
                return verdict("invalid", f"no adequacy decision covers {place} on {on}: {short(last.instrument)}"
                               f" applies from {last.in_force}{until}", *_case(last.judgment))
            return verdict("invalid", f"no adequacy decision covers {place} on {on}")
        decision = in_force[0]
        stated = {c.condition for c in recipient.scope_conditions}
        if claim.tool == "eu_us_dpf":
            stated.add("dpf_certified")  # claiming the DPF is claiming the recipient's certification
            if reference.is_dpf_certified(recipient.name) is False:
                return verdict("invalid", f"{recipient.name} is not on the Data Privacy Framework List pac was given")
        missing = [c for c in decision.scope_conditions if c not in stated]
        if missing:
            return verdict("unverified", f"the adequacy decision for {place} ({short(decision.instrument)}) covers only"
                           f" {decision.scope}; the declaration does not establish that {recipient.name} is covered"
                           f" ({', '.join(missing)})")
        return verdict("valid", f"{short(decision.instrument)} (adequacy) covers {place} on {on}")
    if tool.kind == "invalidated":
        decision = reference.decision(tool.decision)
        if decision.in_force_on(on):
            return verdict("valid", f"{short(decision.instrument)} is in force on {on}")
        return verdict("invalid", f"{short(decision.instrument)} was invalidated by the Court of Justice on"
                       f" {decision.invalidated} ({', '.join(_case(decision.judgment)) or decision.judgment})",
                       *_case(decision.judgment))
    if tool.kind == "not_a_tool":
        return verdict("invalid", f"{tool.label} is not a transfer tool: Chapter V needs an adequacy decision (Art. 45),"
                       " appropriate safeguards (Art. 46) or a derogation (Art. 49)", "GDPR Art. 44")
    if claim.tool == "scc":
        return _judge_scc(claim, reference, on, verdict)
    if tool.kind == "derogation":
        return verdict("unverified", f"{tool.label} is a derogation for occasional, non-repetitive transfers only"
                       " (EDPB Guidelines 2/2018); it cannot carry a recipient's ongoing service")
    if tool.needs_sa_authorisation:
        return verdict("unverified", f"{tool.label} need the supervisory authority's authorisation (Art. 46(3));"
                       " the declaration does not say it was given")
    return verdict("valid", f"{tool.label} ({tool.article})")


def short(instrument: str) -> str:
    """A Commission decision cited short: 'Decision (EU) 2021/914', 'Decision 2010/87/EU (C2P)'."""
    match = re.search(r"Decision (\(EU\) )?\d{4}/\d+(/E[UC])?", instrument)
    if not match:
        return instrument
    rest = re.search(r"\(([^()]*[A-Za-z][^()]*)\)$", instrument)  # a trailing name such as (EU-US Privacy Shield)
    return match.group() + (f" ({rest.group(1)})" if rest and "OJ" not in rest.group(1) else "")


def _case(judgment: str | None) -> tuple[str, ...]:
    """The case number of a judgment, cited as ``CJEU C-311/18``."""
    match = re.match(r"CJEU C-\d+/\d+", judgment or "")
    return (match.group(),) if match else ()


def _judge_scc(claim: TransferClaim, reference: Reference, on: date, verdict: Callable[..., ToolVerdict]) -> ToolVerdict:
    current = reference.scc_version("2021")
    if claim.version is None:
        if on < current.in_force:
            return verdict("valid", "standard contractual clauses (only the pre-2021 clauses existed then)")
        old = reference.scc_version("2010")
        return verdict("unverified", f"the notice does not say which standard contractual clauses are used; on {on}"
                       f" only those of {short(current.instrument)} are valid"
                       + ("" if old.valid_until is None or on > old.valid_until
                          else f" in new contracts (older clauses in older contracts until {old.valid_until})"))
    version = reference.scc_version(claim.version)
    clauses = f"the standard contractual clauses of {short(version.instrument)}"
    if version.valid_on(on, claim.concluded):
        return verdict("valid", clauses)
    if claim.concluded is not None and version.new_contracts_until and claim.concluded > version.new_contracts_until:
        return verdict("invalid", f"{clauses} could not be used in contracts concluded after"
                       f" {version.new_contracts_until}; this one was concluded on {claim.concluded}")
    if version.in_force and on < version.in_force:
        return verdict("invalid", f"{clauses} apply from {version.in_force}")
    return verdict("invalid", f"{clauses} were repealed; contracts concluded earlier could rely on them until"
                   f" {version.valid_until}")
