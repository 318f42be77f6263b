"""Chapter V of the GDPR on one recipient and one date: is there a transfer, and does a claimed tool carry it?

Used by the transfer checks and by the data-flow graph, so both say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from .model import Organisation, Recipient, TransferClaim
from .reference import AdequacyDecision, Reference, TransferTool

Verdict = Literal["valid", "unverified", "invalid"]
TransferStatus = Literal["domestic", "unknown_country", "valid", "unverified", "invalid"]
"""``domestic``: the recipient is in the EEA, so there is no transfer. ``unknown_country``: the
declaration does not say where the recipient is, so the transfer cannot be assessed. Otherwise the
best verdict of the tools claimed: ``valid``, ``unverified`` (valid only under a condition the
declaration does not establish) or ``invalid``."""

_RANK: dict[str, int] = {"valid": 0, "unverified": 1, "invalid": 2}
_TRANSITION = "Art. 4 of Decision (EU) 2021/914"
_CLAUSES = {"en": "Standard contractual clauses", "nl": "Standaardbepalingen inzake gegevensbescherming"}
"""The 2021/914 clauses by the name of Art. 46(2)(c): in English as notices call them, in Dutch as the AVG does."""


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
    status: TransferStatus
    verdicts: tuple[ToolVerdict, ...]
    general: bool
    reason: str
    destination: str | None = None
    """Where the data go that the status is about (a country code; None for a third country the notice does not
    name, or when there is no transfer)."""
    where: str = ""
    """That destination in words, with what happens there when it is a further place of processing ('United
    States (US), for storage'); empty when there is no transfer."""

    @property
    def decisive(self) -> ToolVerdict | None:
        """The verdict that decides the status: the best one."""
        return min(self.verdicts, key=lambda v: _RANK[v.verdict], default=None)


def assess(organisation: Organisation, recipient: Recipient, reference: Reference, on: date) -> TransferAssessment:
    """Assess the transfer of personal data to ``recipient`` on ``on``: to its country and to every further place of
    processing the declaration states (``locations``); the status is the worst of them, each judged by the best tool
    claimed, since every destination outside the EEA needs its own valid tool."""
    places = [(p.country, p.relation) for p in recipient.locations]
    if recipient.country is None and not places:
        return TransferAssessment(recipient, on, "unknown_country", (), False,
                                  "the declaration does not say in which country the recipient processes the data")
    destinations = [(c, r) for c, r in ([(recipient.country, None)] if recipient.country else []) + places
                    if c is None or not reference.in_eea(c, on)]
    if not destinations:
        return TransferAssessment(recipient, on, "domestic", (), False, f"{recipient.country} is in the EEA on {on}",
                                  recipient.country)
    assessments = [_assess_to(organisation, recipient, country, relation, reference, on)
                   for country, relation in destinations]
    return max(assessments, key=lambda a: _RANK[a.status])


def _assess_to(organisation: Organisation, recipient: Recipient, country: str | None, relation: str | None,
               reference: Reference, on: date) -> TransferAssessment:
    """The transfer to ``recipient`` in ``country`` (None: a third country the notice does not name), outside the
    EEA; ``relation`` says what happens there when it is a further place of processing."""
    general = not recipient.transfer_tools
    claims = organisation.transfer_claims(recipient)
    where = destination(country, relation, reference)
    if not claims:
        adequate = [d for d in reference.adequacy_in_force(country, on) if not d.scope_conditions]
        if adequate:  # Art. 45(1): such a transfer needs no specific authorisation, and no claim
            return TransferAssessment(recipient, on, "valid", (), general,
                                      f"{short(adequate[0].instrument)} (adequacy) covers {place(country, reference)}"
                                      f" on {on}, without any claim (Art. 45(1))")
        return TransferAssessment(recipient, on, "invalid", (), general,
                                  f"personal data go to {where}, outside the EEA, and no transfer tool is stated",
                                  country, where)
    verdicts = tuple(_judge(claim, recipient, country, reference, on) for claim in claims)
    best = min(verdicts, key=lambda v: _RANK[v.verdict])
    return TransferAssessment(recipient, on, best.verdict, verdicts, general, best.reason, country, where)


def destination(country: str | None, relation: str | None, reference: Reference) -> str:
    """A destination in words: 'United States (US)', 'United States (US), for storage', 'a third country the
    notice does not name'."""
    where = place(country, reference) if country else "a third country the notice does not name"
    return where + (f", for {relation}" if relation else "")


def outside_eea(recipient: Recipient, reference: Reference, on: date) -> bool:
    """Whether ``recipient`` is known to be outside the EEA on ``on`` (False when its country is not stated)."""
    return recipient.country is not None and not reference.in_eea(recipient.country, on)


def invalid_anywhere(claim: TransferClaim, reference: Reference, on: date) -> ToolVerdict | None:
    """The verdict on ``claim`` when it carries no transfer on ``on`` whatever country the data go to
    (no transfer tool at all, an invalidated decision, clauses no longer valid), else None."""
    tool = reference.transfer_tool(claim.tool)
    in_force = tool.kind == "invalidated" and reference.decision(tool.decision or "").in_force_on(on)
    if tool.kind == "adequacy" or in_force:
        return None  # whether it carries the transfer depends on where the data go
    verdict = (_judge_invalidated(claim, tool, None, reference, on) if tool.kind == "invalidated"
               else _judge_instrument(claim, tool, reference, on))
    return verdict if verdict.verdict == "invalid" else None


def describe(claim: TransferClaim, reference: Reference, lang: str = "en") -> str:
    """The claimed tool in words, in ``lang`` (``en`` or ``nl``): 'Processor agreement', 'Standard contractual
    clauses 2021, module 2'; in Dutch 'Verwerkersovereenkomst', 'Standaardbepalingen inzake gegevensbescherming
    2021, module 2'."""
    tool = reference.transfer_tool(claim.tool)
    if claim.tool != "scc":
        return ((tool.nl if lang == "nl" else None) or tool.label).split(" (")[0]
    version = _scc_version(claim)
    return _CLAUSES.get(lang, _CLAUSES["en"]) + (f" {version}" if version else "") + (
        f", module {claim.module}" if claim.module else "")


def place(country: str, reference: Reference) -> str:
    """A country in words with its code: 'United States (US)'."""
    name = reference.country_name(country)
    return f"{name} ({country})" if name else country


def short(instrument: str) -> str:
    """A Commission decision cited short: 'Decision (EU) 2021/914', 'Decision 2010/87/EU (C2P)'."""
    match = re.search(r"Decision (\(EU\) )?\d{4}/\d+(/E[UC])?", instrument)
    if not match:
        return instrument
    rest = re.search(r"\(([^()]*[A-Za-z][^()]*)\)$", instrument)  # a trailing name such as (EU-US Privacy Shield)
    return match.group() + (f" ({rest.group(1)})" if rest and "OJ" not in rest.group(1) else "")


def _verdict(claim: TransferClaim, tool: TransferTool, value: Verdict, reason: str, *more: str) -> ToolVerdict:
    articles = tuple(a if a.startswith("GDPR ") else f"GDPR {a}" for a in tool.article.split(", "))  # "…, Art. 47"
    return ToolVerdict(claim, value, reason, articles + tuple(a for a in more if a not in articles))


def _judge(claim: TransferClaim, recipient: Recipient, country: str | None, reference: Reference,
           on: date) -> ToolVerdict:
    tool = reference.transfer_tool(claim.tool)
    if tool.kind == "adequacy":
        if country is None:
            return _verdict(claim, tool, "unverified", "the notice does not name the third country, so whether an "
                            "adequacy decision covers it cannot be established")
        return _judge_adequacy(claim, tool, recipient, country, reference, on)
    if tool.kind == "invalidated":
        return _judge_invalidated(claim, tool, country, reference, on)
    return _judge_instrument(claim, tool, reference, on)


def _judge_adequacy(claim: TransferClaim, tool: TransferTool, recipient: Recipient, country: str,
                    reference: Reference, on: date) -> ToolVerdict:
    where = place(country, reference)
    if tool.decision and reference.decision(tool.decision).country != country:
        decision = reference.decision(tool.decision)
        return _verdict(claim, tool, "invalid", f"{short(decision.instrument)} covers transfers to"
                        f" {place(decision.country or '', reference)} only, not to {where}")
    decisions = [d for d in reference.adequacy_decisions(country) if tool.decision in (None, d.id)]
    in_force = [d for d in decisions if d.in_force_on(on)]
    if not in_force:
        return _no_adequacy(claim, tool, where, decisions, on)
    decision = in_force[0]
    instrument = short(decision.instrument)
    denied = [c.condition for c in recipient.scope_conditions
              if not c.holds and (c.condition in decision.scope_conditions or c.condition == "adequacy_scope")]
    if denied:
        return _verdict(claim, tool, "invalid", f"the declaration says {recipient.name!r} is outside the scope of the"
                        f" adequacy decision for {where} ({instrument}: {decision.scope}; not met: {', '.join(denied)})")
    stated = {c.condition for c in recipient.scope_conditions if c.holds and c.condition != "dpf_certified"}
    if "dpf_certified" in decision.scope_conditions:
        listed = reference.is_dpf_certified(recipient.name)
        if listed is False:
            return _verdict(claim, tool, "invalid", f"{recipient.name!r} is not on the Data Privacy Framework List pac"
                            " was given, and the adequacy decision for the United States covers only organisations"
                            " on it")
        certified = listed or _certification_on_record(recipient, on)
        if certified is not True:
            status = "claimed, not verified" if claim.tool == "eu_us_dpf" else "not established"
            return _verdict(claim, tool, "unverified", f"the recipient's certification under the Data Privacy"
                            f" Framework is {status}: {certified}; {instrument} covers only organisations on the"
                            " Data Privacy Framework List")
        stated.add("dpf_certified")
    missing = [c for c in decision.scope_conditions if c not in stated]
    if missing:
        return _verdict(claim, tool, "unverified", f"the adequacy decision for {where} ({instrument})"
                        f" is limited in scope ({decision.scope}); the declaration does not establish that"
                        f" the recipient is within it ({', '.join(missing)})")
    return _verdict(claim, tool, "valid", f"{instrument} (adequacy) covers {where} on {on}")


DPF_RECERTIFICATION = timedelta(days=366)
"""An organisation must re-certify under the Data Privacy Framework every year or leave the List (reference
obligation dpf_recertification): an entry seen longer ago no longer shows certification."""


def _certification_on_record(recipient: Recipient, on: date) -> bool | str:
    """True when the declaration gives a dated statement, with its source, that the recipient was on the DPF List
    within the year before ``on``; else why not."""
    statements = [c for c in recipient.scope_conditions if c.condition == "dpf_certified" and c.holds]
    dated = [c for c in statements if c.checked is not None and c.checked <= on and c.provenance]
    if any(on - c.checked <= DPF_RECERTIFICATION for c in dated if c.checked):
        return True
    if dated:
        last = max(c.checked for c in dated if c.checked)
        return f"the List entry on record was seen on {last}, more than a year before {on}, and certification lapses" \
               " without annual re-certification"
    if any(c.checked is not None and c.checked > on for c in statements):
        return f"the List entry on record was seen only after {on}"
    if statements:
        return "the declaration states it without the date the List entry was seen"
    return "pac was given no Data Privacy Framework List and the declaration records no dated List entry"


def _no_adequacy(claim: TransferClaim, tool: TransferTool, where: str, decisions: list[AdequacyDecision],
                 on: date) -> ToolVerdict:
    """No adequacy decision covers the country on ``on``; unverified, not invalid, where that rests on a date
    pac's reference data mark unverified."""
    if not decisions:
        return _verdict(claim, tool, "invalid", f"no adequacy decision covers {where}")
    started = [d for d in decisions if d.in_force <= on]
    last = started[-1] if started else decisions[0]  # the one that applied last, or else the next to apply
    if last.invalidated and on >= last.invalidated:
        return _verdict(claim, tool, "invalid", f"no adequacy decision covers {where} on {on}: {_invalidated(last)}",
                        *_case(last.judgment))
    until = f" to {last.expires}" if last.expires else ""
    reason = (f"no adequacy decision covers {where} on {on}: {short(last.instrument)} applies from"
              f" {last.in_force}{until}")
    boundary = "in_force" if on < last.in_force else "expires"
    if boundary in last.citation.unverified_fields:
        return _verdict(claim, tool, "unverified", f"{reason}, a date pac's reference data mark unverified")
    return _verdict(claim, tool, "invalid", reason)


def _judge_invalidated(claim: TransferClaim, tool: TransferTool, country: str | None, reference: Reference,
                       on: date) -> ToolVerdict:
    decision = reference.decision(tool.decision or "")
    instrument = short(decision.instrument)
    if decision.invalidated and on >= decision.invalidated:
        return _verdict(claim, tool, "invalid", _invalidated(decision), *_case(decision.judgment))
    if not decision.in_force_on(on):
        return _verdict(claim, tool, "invalid", f"{instrument} applies from {decision.in_force}")
    if country != decision.country:
        return _verdict(claim, tool, "invalid", f"{instrument} covered transfers to"
                        f" {place(decision.country or '', reference)} only")
    return _verdict(claim, tool, "valid", f"{instrument} is in force on {on} (for the organisations certified"
                    " under it)")


def _judge_instrument(claim: TransferClaim, tool: TransferTool, reference: Reference, on: date) -> ToolVerdict:
    """A tool whose worth does not depend on where the data go: safeguards, derogations, and what is no tool."""
    if tool.kind == "not_a_tool":
        return _verdict(claim, tool, "invalid", f"{describe(claim, reference)} is no transfer tool; Chapter V needs an"
                        " adequacy decision (Art. 45), appropriate safeguards (Art. 46) or a derogation (Art. 49)",
                        "GDPR Art. 44")
    if claim.tool == "scc":
        return _judge_scc(claim, tool, reference, on)
    if tool.kind == "derogation":
        return _verdict(claim, tool, "unverified", f"{tool.article} is a derogation, to be read restrictively and used"
                        " for occasional transfers, not for systematic or repetitive ones (EDPB Guidelines 2/2018);"
                        " the declaration does not establish that these transfers are occasional",
                        "EDPB Guidelines 2/2018")
    if tool.needs_sa_authorisation:
        return _verdict(claim, tool, "unverified", f"{describe(claim, reference)} need the supervisory authority's"
                        " authorisation (Art. 46(3)); the declaration does not say it was given", "GDPR Art. 46(3)")
    return _verdict(claim, tool, "valid", f"{describe(claim, reference)} ({tool.article})")


def _scc_version(claim: TransferClaim) -> str | None:
    """The clauses' version; a module number implies the 2021 clauses, the only ones with modules."""
    return claim.version or ("2021" if claim.module else None)


def _judge_scc(claim: TransferClaim, tool: TransferTool, reference: Reference, on: date) -> ToolVerdict:
    version_id = _scc_version(claim)
    if version_id is None:
        cutoffs = [v.new_contracts_until for v in reference.scc_versions() if v.new_contracts_until]
        if all(on <= cutoff for cutoff in cutoffs):
            return _verdict(claim, tool, "valid", f"on {on} every set of standard contractual clauses in force could"
                            " be used")
        current = short(reference.scc_version("2021").instrument)
        return _verdict(claim, tool, "unverified", f"the notice does not say which standard contractual clauses are"
                        f" used; on {on} only those of {current} are valid in every contract")
    version = reference.scc_version(version_id)
    clauses = f"the standard contractual clauses of {short(version.instrument)}"
    if version.valid_on(on, claim.concluded):
        if version.new_contracts_until is None or on <= version.new_contracts_until:
            return _verdict(claim, tool, "valid", f"{clauses} are valid on {on}")
        if claim.concluded and claim.processing_unchanged:
            return _verdict(claim, tool, "valid", f"{clauses} remain valid until {version.valid_until} in this contract,"
                            f" concluded on {claim.concluded}, for processing the notice says is unchanged"
                            f" ({_TRANSITION})")
        if claim.processing_unchanged is False:
            return _verdict(claim, tool, "invalid", f"{clauses} remained valid after {version.new_contracts_until}"
                            f" only for unchanged processing operations ({_TRANSITION}), and the declaration says the"
                            " processing changed")
        missing = ("that the processing is unchanged" if claim.concluded else
                   f"that the contract was concluded by {version.new_contracts_until} and the processing is unchanged")
        return _verdict(claim, tool, "unverified", f"on {on} {clauses} are valid only in contracts concluded by"
                        f" {version.new_contracts_until}, until {version.valid_until}, and only while the processing"
                        f" operations stay unchanged ({_TRANSITION}); the declaration does not establish {missing}")
    if version.in_force and on < version.in_force:
        return _verdict(claim, tool, "invalid", f"{clauses} apply from {version.in_force}")
    if claim.concluded and version.new_contracts_until and claim.concluded > version.new_contracts_until:
        return _verdict(claim, tool, "invalid", f"{clauses} could not be used in contracts concluded after"
                        f" {version.new_contracts_until} ({_TRANSITION}); this one was concluded on {claim.concluded}")
    return _verdict(claim, tool, "invalid", f"{clauses} were repealed; contracts concluded by"
                    f" {version.new_contracts_until} could rely on them until {version.valid_until} ({_TRANSITION})")


def _invalidated(decision: AdequacyDecision) -> str:
    case = _case(decision.judgment)
    return (f"{short(decision.instrument)} was invalidated by the Court of Justice on {decision.invalidated}"
            f" ({', '.join(case) or decision.judgment})")


def _case(judgment: str | None) -> tuple[str, ...]:
    """The case number of a judgment, cited as ``CJEU C-311/18``."""
    match = re.match(r"CJEU C-\d+/\d+", judgment or "")
    return (match.group(),) if match else ()
