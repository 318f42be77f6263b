"""Chapter V of the GDPR on one recipient and one date: is there a transfer, and does a claimed tool carry it?

The controller's law decides (:func:`regime`): the GDPR, with the EEA as home, or a national law that replaces its
Chapter V for controllers of one country (the UK GDPR for a controller in the UK: the UK as home, UK adequacy
regulations, the UK's tools), as pac's reference data record it (national.yaml, topic ``transfers``).
Used by the transfer checks and by the data-flow graph, so both say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Literal

from .citations import cite
from .model import Organisation, Recipient, TransferClaim
from .phrases import Phrase, Term, say, word
from .reference import AdequacyDecision, NationalRule, Reference, TransferTool

Verdict = Literal["valid", "unverified", "invalid"]
TransferStatus = Literal["domestic", "unknown_country", "valid", "unverified", "invalid"]
"""``domestic``: the recipient is at home (in the EEA; in the UK for a controller under the UK GDPR), so there is no
transfer. ``unknown_country``: the
declaration does not say where the recipient is, so the transfer cannot be assessed. Otherwise the
best verdict of the tools claimed: ``valid``, ``unverified`` (valid only under a condition the
declaration does not establish) or ``invalid``."""

_RANK: dict[str, int] = {"valid": 0, "unverified": 1, "invalid": 2}
_TRANSITION = Term("Art. 4 of Decision (EU) 2021/914", "art. 4 van Uitvoeringsbesluit (EU) 2021/914")
_CLAUSES = {"en": "Standard contractual clauses", "nl": "Standaardbepalingen inzake gegevensbescherming"}
"""The 2021/914 clauses by the name of Art. 46(2)(c): in English as notices call them, in Dutch as the AVG does."""


_EEA = Term("the EEA", "de EER")


@dataclass(frozen=True, slots=True)
class Regime:
    """The law that decides Chapter V for a controller on a date: the GDPR (``rule`` None), with the EEA as home, or
    the national law of a ``transfers`` rule of pac's reference data (the UK GDPR), with its own home, adequacy
    regulations, tools and article numbers."""

    rule: NationalRule | None = None

    @property
    def jurisdiction(self) -> str | None:
        """The country whose law it is (``GB``); None for the GDPR."""
        return self.rule.country if self.rule else None

    @property
    def area(self) -> Term:
        """Home in words: 'the EEA', 'the UK'."""
        return Term(self.rule.area or "", self.rule.area_nl) if self.rule else _EEA

    def at_home(self, country: str, reference: Reference, on: date) -> bool:
        """Whether data going to ``country`` on ``on`` stay where this law applies (no transfer)."""
        return country in self.rule.home if self.rule else reference.in_eea(country, on)

    def article(self, article: str) -> str:
        """A citation of the GDPR as this law numbers it: ``GDPR Art. 44`` is ``UK GDPR Art. 44A`` from 2026-02-05,
        ``GDPR Art. 49(1)(a)`` ``UK GDPR Art. 49(1)(a)``; any other citation as written."""
        rule = self.rule
        if rule is None or not article.startswith("GDPR "):
            return article
        renumbered = {"GDPR Art. 44": rule.law, "GDPR Art. 45": rule.approval, "GDPR Art. 45(1)": rule.approval,
                      "GDPR Art. 45(3)": rule.approval, "GDPR Art. 46(1)": rule.safeguards}
        return renumbered.get(article) or f"{rule.statute} {article.removeprefix('GDPR ')}"

    def cites(self, articles: Iterable[str]) -> tuple[str, ...]:
        """``articles`` as this law numbers them (:meth:`article`), once each; under a national law without the EU
        bodies' guidelines (EDPB, WP29), which do not interpret it."""
        kept = (a for a in articles if self.rule is None or not a.startswith(("EDPB ", "WP")))
        return tuple(dict.fromkeys(map(self.article, kept)))

    def cited(self, article: str) -> Term:
        """A GDPR article as a finding's text cites it, in English and in Dutch (:func:`pac.citations.cite`): 'Art. 44'
        and 'art. 44 AVG' under the GDPR, 'UK GDPR Art. 44A' under the UK GDPR."""
        law = self.article(article)
        return Term(law if self.rule else law.removeprefix("GDPR "), cite(law, "nl"))

    def named(self) -> dict[str, Term]:
        """What a national phrase names of this law: ``statute`` ('UK GDPR') and its articles on adequacy regulations
        (``approval``), appropriate safeguards (``safeguards``) and derogations (``derogations``) and its general
        principle (``principle``); nothing under the GDPR, whose phrases cite its articles themselves."""
        if self.rule is None:
            return {}
        return {"statute": Term(self.rule.statute or ""), "principle": self.cited("GDPR Art. 44"),
                "approval": self.cited("GDPR Art. 45(1)"),
                "safeguards": self.cited("GDPR Art. 46(1)"), "derogations": self.cited("GDPR Art. 49")}

    def phrase(self, key: str) -> str:
        """The phrase book's key for ``key`` under this law: ``key`` under the GDPR, ``key-national`` under another."""
        return f"{key}-national" if self.rule else key


def regime(organisation: Organisation, reference: Reference, on: date) -> Regime:
    """The law that decides Chapter V for ``organisation`` on ``on`` (:class:`Regime`)."""
    return Regime(reference.national_rule(organisation.country, "transfers", on))


@dataclass(frozen=True, slots=True)
class ToolVerdict:
    """What one claimed tool is worth for this recipient on the evaluation date, and why."""

    claim: TransferClaim
    verdict: Verdict
    reason: Phrase
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
    reason: Phrase
    destination: str | None = None
    """Where the data go that the status is about (a country code; None for a third country the notice does not
    name, or when there is no transfer)."""
    where: Phrase | str = ""
    """That destination in words, with what happens there when it is a further place of processing ('United
    States (US), for storage'); empty when there is no transfer."""
    regime: Regime = Regime()
    """The law that judged it (:func:`regime`)."""

    @property
    def decisive(self) -> ToolVerdict | None:
        """The verdict that decides the status: the best one."""
        return min(self.verdicts, key=lambda v: _RANK[v.verdict], default=None)


def assess(organisation: Organisation, recipient: Recipient, reference: Reference, on: date) -> TransferAssessment:
    """Assess the transfer of personal data to ``recipient`` on ``on`` under the controller's law (:func:`regime`): to
    its country and to every further place of processing the declaration states (``locations``); the status is the
    worst of them, each judged by the best tool claimed, since every destination outside home needs its own valid
    tool."""
    law = regime(organisation, reference, on)
    places = [(p.country, p.relation) for p in recipient.locations]
    if recipient.country is None and not places:
        return TransferAssessment(recipient, on, "unknown_country", (), False,
                                  say("verdict.country-unknown"), regime=law)
    destinations = [(c, r) for c, r in ([(recipient.country, None)] if recipient.country else []) + places
                    if c is None or not law.at_home(c, reference, on)]
    if not destinations:
        at_home = (say("verdict.at-home", country=recipient.country, area=law.area, on=on) if law.rule else
                   say("verdict.in-eea", country=recipient.country, on=on))
        return TransferAssessment(recipient, on, "domestic", (), False, at_home, recipient.country, regime=law)
    assessments = [_assess_to(organisation, recipient, country, relation, law, reference, on)
                   for country, relation in destinations]
    return max(assessments, key=lambda a: _RANK[a.status])


def _assess_to(organisation: Organisation, recipient: Recipient, country: str | None, relation: str | None,
               law: Regime, reference: Reference, on: date) -> TransferAssessment:
    """The transfer to ``recipient`` in ``country`` (None: a third country the notice does not name), outside home;
    ``relation`` says what happens there when it is a further place of processing."""
    general = not recipient.transfer_tools
    claims = organisation.transfer_claims(recipient)
    where = destination(country, relation, reference)
    if not claims:
        adequate = [d for d in reference.adequacy_in_force(country, on, law.jurisdiction) if not d.scope_conditions]
        if adequate:  # Art. 45(1): such a transfer needs no specific authorisation, and no claim
            decision = adequate[0]
            covers = dict(decision=cited(decision.instrument), where=place(country, reference), on=on,
                          **law.named())
            if "keeps" in decision.citation.unverified_fields:  # pac's data do not establish that the law keeps it
                return TransferAssessment(recipient, on, "unverified", (), general,
                                          say("verdict.adequate-unclaimed-unverified", **covers), country, where,
                                          regime=law)
            return TransferAssessment(recipient, on, "valid", (), general,
                                      say(law.phrase("verdict.adequate-unclaimed"), **covers), regime=law)
        return TransferAssessment(recipient, on, "invalid", (), general,
                                  say("verdict.no-tool", where=where, area=law.area),
                                  country, where, regime=law)
    verdicts = tuple(_judge(claim, recipient, country, law, reference, on) for claim in claims)
    best = min(verdicts, key=lambda v: _RANK[v.verdict])
    return TransferAssessment(recipient, on, best.verdict, verdicts, general, best.reason, country, where, regime=law)


def destination(country: str | None, relation: str | None, reference: Reference) -> Phrase:
    """A destination in words: 'United States (US)', 'United States (US), for storage', 'a third country the
    notice does not name'."""
    where = place(country, reference) if country else say("verdict.unnamed-country")
    return say("verdict.destination-for", where=where, relation=word("relation", relation)) if relation else \
        say("verdict.destination", where=where)


def outside_home(recipient: Recipient, law: Regime, reference: Reference, on: date) -> bool:
    """Whether ``recipient`` is known to be outside the home of ``law`` on ``on`` (False when its country is not
    stated)."""
    return recipient.country is not None and not law.at_home(recipient.country, reference, on)


def invalid_anywhere(claim: TransferClaim, reference: Reference, on: date,
                     law: Regime = Regime()) -> ToolVerdict | None:
    """The verdict on ``claim`` under ``law`` when it carries no transfer on ``on`` whatever country the data go to
    (no transfer tool at all, an invalidated decision, clauses no longer valid), else None."""
    tool = reference.transfer_tool(claim.tool, law.jurisdiction)
    in_force = tool.kind == "invalidated" and reference.decision(tool.decision or "").in_force_on(on)
    if tool.kind == "adequacy" or in_force:
        return None  # whether it carries the transfer depends on where the data go
    verdict = (_judge_invalidated(claim, tool, None, law, reference, on) if tool.kind == "invalidated"
               else _judge_instrument(claim, tool, law, reference, on))
    return verdict if verdict.verdict == "invalid" else None


def tool_name(claim: TransferClaim, reference: Reference, jurisdiction: str | None = None) -> Term:
    """The claimed tool in words, in English and in Dutch (:func:`describe`)."""
    return Term(describe(claim, reference, jurisdiction=jurisdiction),
                describe(claim, reference, "nl", jurisdiction))


def describe(claim: TransferClaim, reference: Reference, lang: str = "en", jurisdiction: str | None = None) -> str:
    """The claimed tool in words, in ``lang`` (``en`` or ``nl``), as the law of ``jurisdiction`` names it (None: the
    GDPR): 'Processor agreement', 'Standard contractual clauses 2021, module 2'; in Dutch 'Verwerkersovereenkomst',
    'Standaardbepalingen inzake gegevensbescherming 2021, module 2'."""
    tool = reference.transfer_tool(claim.tool, jurisdiction)
    if claim.tool != "scc":
        return ((tool.nl if lang == "nl" else None) or tool.label).split(" (")[0]
    version = _scc_version(claim)
    return _CLAUSES.get(lang, _CLAUSES["en"]) + (f" {version}" if version else "") + (
        f", module {claim.module}" if claim.module else "")


def place(country: str | None, reference: Reference) -> Term:
    """A country in words with its code: 'United States (US)', in Dutch with the article its name takes in a
    sentence ('de Verenigde Staten (US)', 'Duitsland (DE)'); 'country not stated' where there is none."""
    if not country:
        return Term("country not stated", "land niet vermeld")
    name = reference.country_name(country)
    if not name:
        return Term(country)
    dutch = reference.country_name(country, "nl") or name
    return Term(f"{name} ({country})", f"{_dutch_article(dutch)}{dutch} ({country})")


def _dutch_article(name: str) -> str:
    """'de ' or 'het ' for the Dutch country names that take an article ('de Verenigde Staten', 'het Verenigd
    Koninkrijk', 'de Filipijnen', 'de Kaaimaneilanden'), else nothing."""
    if name.startswith("Verenigd Koninkrijk"):
        return "het "
    plural = ("Verenigde ", "Filipijnen", "Bahama's", "Comoren", "Maldiven", "Seychellen", "Noordelijke Marianen",
              "Centraal-Afrikaanse Republiek", "Dominicaanse Republiek")
    return "de " if name.startswith(plural) or name.split(" (")[0].endswith("eilanden") else ""


def short(instrument: str) -> str:
    """A Commission decision cited short: 'Decision (EU) 2021/914', 'Decision 2010/87/EU (C2P)'."""
    match = re.search(r"Decision (\(EU\) )?\d{4}/\d+(/E[UC])?", instrument)
    if not match:
        return instrument
    rest = re.search(r"\(([^()]*[A-Za-z][^()]*)\)$", instrument)  # a trailing name such as (EU-US Privacy Shield)
    return match.group() + (f" ({rest.group(1)})" if rest and "OJ" not in rest.group(1) else "")


def cited(instrument: str) -> Term:
    """A Commission decision cited short (:func:`short`), in English and in Dutch ('Uitvoeringsbesluit (EU)
    2021/914', 'Besluit 2010/87/EU (C2P)'; the Privacy Shield by its Dutch name, as transfer_tools.yaml has it)."""
    cited = short(instrument)
    dutch = cited.replace("Decision", "Uitvoeringsbesluit" if "Implementing Decision" in instrument else "Besluit", 1)
    return Term(cited, dutch.replace("(EU-US Privacy Shield)", "(EU-VS-privacyschild)"))


def _verdict(claim: TransferClaim, tool: TransferTool, law: Regime, value: Verdict, reason: Phrase,
             *more: str) -> ToolVerdict:
    articles = tuple(law.article(a) for a in _articles(tool.article))
    return ToolVerdict(claim, value, reason, articles + tuple(a for a in map(law.article, more) if a not in articles))


def _articles(article: str) -> list[str]:
    """A reference row's citations one by one, an article after the first under the same statute: 'GDPR Art.
    46(2)(b), Art. 47' is 'GDPR Art. 46(2)(b)' and 'GDPR Art. 47'."""
    parts = article.split(", ")
    statute = parts[0].split(" Art. ")[0]
    return [f"{statute} {part}" if part.startswith("Art. ") else part for part in parts]


def _judge(claim: TransferClaim, recipient: Recipient, country: str | None, law: Regime, reference: Reference,
           on: date) -> ToolVerdict:
    tool = reference.transfer_tool(claim.tool, law.jurisdiction)
    if tool.kind == "adequacy":
        if country is None:
            return _verdict(claim, tool, law, "unverified", say("verdict.adequacy-unnamed-country"))
        return _judge_adequacy(claim, tool, recipient, country, law, reference, on)
    if tool.kind == "invalidated":
        return _judge_invalidated(claim, tool, country, law, reference, on)
    return _judge_instrument(claim, tool, law, reference, on)


def _judge_adequacy(claim: TransferClaim, tool: TransferTool, recipient: Recipient, country: str, law: Regime,
                    reference: Reference, on: date) -> ToolVerdict:
    where = place(country, reference)
    if tool.decision and reference.decision(tool.decision).country != country:
        decision = reference.decision(tool.decision)
        return _verdict(claim, tool, law, "invalid", say("verdict.adequacy-other-country",
                                                         decision=cited(decision.instrument),
                                                         country=place(decision.country or "", reference), where=where))
    decisions = [d for d in reference.adequacy_decisions(country, law.jurisdiction) if tool.decision in (None, d.id)]
    in_force = [d for d in decisions if d.in_force_on(on)]
    if not in_force:
        return _no_adequacy(claim, tool, law, where, decisions, on)
    decision = in_force[0]
    instrument = cited(decision.instrument)
    denied = [c.condition for c in recipient.scope_conditions
              if not c.holds and (c.condition in decision.scope_conditions or c.condition == "adequacy_scope")]
    if denied:
        return _verdict(claim, tool, law, "invalid", say("verdict.adequacy-scope-denied", name=recipient.name,
                                                         where=where, decision=instrument, scope=decision.scope,
                                                         denied=tuple(denied)))
    listing = next((c for c in _LISTINGS if c in decision.scope_conditions), None)
    stated = {c.condition for c in recipient.scope_conditions if c.holds and c.condition != listing}
    if listing:
        listed = reference.is_dpf_certified(recipient.name)
        if listed is False:
            return _verdict(claim, tool, law, "invalid", say(law.phrase("verdict.dpf-not-listed"), name=recipient.name,
                                                             decision=instrument))
        # the List pac is given shows certification, not participation in the UK Extension (its own entry)
        certified = (listed if listing == "dpf_certified" else None) or _certification_on_record(recipient, on, listing)
        if certified is not True:
            status = "claimed" if claim.tool == "eu_us_dpf" else "not-established"
            return _verdict(claim, tool, law, "unverified", say(law.phrase(f"verdict.dpf-{status}"), why=certified,
                                                                decision=instrument))
        stated.add(listing)
    missing = [c for c in decision.scope_conditions if c not in stated]
    if missing:
        return _verdict(claim, tool, law, "unverified", say("verdict.adequacy-limited", where=where,
                                                            decision=instrument, scope=decision.scope,
                                                            missing=tuple(missing)))
    return _verdict(claim, tool, law, "valid", say("verdict.adequacy-covers", decision=instrument, where=where, on=on))


DPF_RECERTIFICATION = timedelta(days=366)
"""An organisation must re-certify under the Data Privacy Framework every year or leave the List (reference
obligation dpf_recertification): an entry seen longer ago no longer shows certification."""


_LISTINGS = ("dpf_certified", "uk_extension")
"""The scope conditions an entry on the Data Privacy Framework List establishes: certification under the EU-US
framework, or participation in its UK Extension (a mark of its own on the List)."""


def _certification_on_record(recipient: Recipient, on: date, listing: str) -> bool | Phrase:
    """True when the declaration gives a dated statement, with its source, that the recipient's entry on the DPF List
    showed ``listing`` within the year before ``on``; else why not."""
    statements = [c for c in recipient.scope_conditions if c.condition == listing and c.holds]
    dated = [c for c in statements if c.checked is not None and c.checked <= on and c.provenance]
    if any(on - c.checked <= DPF_RECERTIFICATION for c in dated if c.checked):
        return True
    if dated:
        last = max(c.checked for c in dated if c.checked)
        return say("verdict.dpf-lapsed", seen=last, on=on)
    if any(c.checked is not None and c.checked > on for c in statements):
        return say("verdict.dpf-seen-later", on=on)
    if statements:
        return say("verdict.dpf-undated")
    return say("verdict.dpf-no-list")


def _no_adequacy(claim: TransferClaim, tool: TransferTool, law: Regime, where: Term,
                 decisions: list[AdequacyDecision], on: date) -> ToolVerdict:
    """No adequacy decision covers the country on ``on``; unverified, not invalid, where that rests on a date
    pac's reference data mark unverified."""
    if not decisions:
        return _verdict(claim, tool, law, "invalid", say(law.phrase("verdict.no-adequacy"), where=where,
                                                         **law.named()))
    started = [d for d in decisions if d.in_force <= on]
    last = started[-1] if started else decisions[0]  # the one that applied last, or else the next to apply
    if last.invalidated and on >= last.invalidated:
        return _verdict(claim, tool, law, "invalid", say("verdict.no-adequacy-invalidated", where=where, on=on,
                                                         why=_invalidated(last)), *_case(last.judgment))
    applies = (say("verdict.applies-from-to", decision=cited(last.instrument), start=last.in_force, end=last.expires)
               if last.expires else say("verdict.applies-from", decision=cited(last.instrument), start=last.in_force))
    boundary = "in_force" if on < last.in_force else "expires"
    unverified = boundary in last.citation.unverified_fields
    reason = say("verdict.no-adequacy-on" + ("-unverified" if unverified else ""), where=where, on=on, applies=applies)
    return _verdict(claim, tool, law, "unverified" if unverified else "invalid", reason)


def _judge_invalidated(claim: TransferClaim, tool: TransferTool, country: str | None, law: Regime,
                       reference: Reference, on: date) -> ToolVerdict:
    decision = reference.decision(tool.decision or "")
    instrument = cited(decision.instrument)
    if decision.invalidated and on >= decision.invalidated:
        return _verdict(claim, tool, law, "invalid", _invalidated(decision), *_case(decision.judgment))
    if not decision.in_force_on(on):
        return _verdict(claim, tool, law, "invalid", say("verdict.applies-from", decision=instrument,
                                                         start=decision.in_force))
    if country != decision.country:
        return _verdict(claim, tool, law, "invalid", say("verdict.covered-other-country", decision=instrument,
                                                         country=place(decision.country or "", reference)))
    return _verdict(claim, tool, law, "valid", say("verdict.invalidated-in-force", decision=instrument, on=on))


def _judge_instrument(claim: TransferClaim, tool: TransferTool, law: Regime, reference: Reference,
                      on: date) -> ToolVerdict:
    """A tool whose worth does not depend on where the data go: safeguards, derogations, and what is no tool."""
    name = tool_name(claim, reference, law.jurisdiction)
    if tool.kind == "not_a_tool":
        return _verdict(claim, tool, law, "invalid", say(law.phrase("verdict.not-a-tool"), tool=name, **law.named()),
                        "GDPR Art. 44")
    if claim.tool == "scc":
        return _judge_scc(claim, tool, law, reference, on) if law.rule is None else \
            _judge_scc_national(claim, tool, law, reference, on)
    if tool.kind == "derogation":
        article = _article(law.article(tool.article))
        if law.rule:
            return _verdict(claim, tool, law, "unverified", say("verdict.derogation-national", article=article))
        return _verdict(claim, tool, law, "unverified", say("verdict.derogation", article=article),
                        "EDPB Guidelines 2/2018")
    if tool.needs_sa_authorisation:
        return _verdict(claim, tool, law, "unverified", say(law.phrase("verdict.needs-authorisation"), tool=name,
                                                            **law.named()), "GDPR Art. 46(3)")
    if tool.in_force and on < tool.in_force:
        return _verdict(claim, tool, law, "invalid", say("verdict.tool-not-yet", tool=name, start=tool.in_force))
    return _verdict(claim, tool, law, "valid", say("verdict.instrument", tool=name,
                                                   article=_article(law.article(tool.article))))


def _article(article: str) -> Term:
    """A reference row's articles ('GDPR Art. 49(1)(a)'), and in Dutch ('art. 49 lid 1 sub a AVG')."""
    return Term(article, cite(article, "nl"))


def _scc_version(claim: TransferClaim) -> str | None:
    """The clauses' version; a module number implies the 2021 clauses, the only ones with modules."""
    return claim.version or ("2021" if claim.module else None)


def _judge_scc_national(claim: TransferClaim, tool: TransferTool, law: Regime, reference: Reference,
                        on: date) -> ToolVerdict:
    """The Commission's clauses under a law that replaced them (the UK GDPR): the clauses of 2001-2010 only in a
    contract concluded by ``tool.superseded_concluded_by``, for unchanged processing, and until
    ``tool.superseded_until``; the 2021 clauses
    only with the Information Commissioner's Addendum (from ``tool.in_force``), which the claim does not name."""
    version = _scc_version(claim)
    if version is not None and version != "2021" and tool.superseded_until:
        clauses = say("verdict.scc-clauses", decision=cited(reference.scc_version(version).instrument))
        dates = dict(clauses=clauses, until=tool.superseded_until, cutoff=tool.superseded_concluded_by, **law.named())
        late = claim.concluded and tool.superseded_concluded_by and claim.concluded > tool.superseded_concluded_by
        if on > tool.superseded_until or late or claim.processing_unchanged is False:
            return _verdict(claim, tool, law, "invalid", say("verdict.scc-superseded-national", **dates))
        if claim.concluded is None or claim.processing_unchanged is None:
            return _verdict(claim, tool, law, "unverified", say("verdict.scc-kept-unestablished-national", **dates))
        return _verdict(claim, tool, law, "valid", say("verdict.scc-kept-national", **dates))
    if tool.in_force and on < tool.in_force:
        return _verdict(claim, tool, law, "invalid", say("verdict.scc-addendum-not-yet", start=tool.in_force,
                                                         **law.named()))
    return _verdict(claim, tool, law, "unverified", say("verdict.scc-addendum", **law.named()))


def _judge_scc(claim: TransferClaim, tool: TransferTool, law: Regime, reference: Reference, on: date) -> ToolVerdict:
    version_id = _scc_version(claim)
    if version_id is None:
        cutoffs = [v.new_contracts_until for v in reference.scc_versions() if v.new_contracts_until]
        if all(on <= cutoff for cutoff in cutoffs):
            return _verdict(claim, tool, law, "valid", say("verdict.scc-any", on=on))
        current = cited(reference.scc_version("2021").instrument)
        return _verdict(claim, tool, law, "unverified", say("verdict.scc-unnamed", on=on, decision=current))
    version = reference.scc_version(version_id)
    clauses = say("verdict.scc-clauses", decision=cited(version.instrument))
    cutoff, until, concluded = version.new_contracts_until, version.valid_until, claim.concluded
    if version.valid_on(on, claim.concluded):
        if cutoff is None or on <= cutoff:
            return _verdict(claim, tool, law, "valid", say("verdict.scc-valid", clauses=clauses, on=on))
        if claim.concluded and claim.processing_unchanged:
            return _verdict(claim, tool, law, "valid", say("verdict.scc-transition", clauses=clauses, until=until,
                                                           concluded=concluded, article=_TRANSITION))
        if claim.processing_unchanged is False:
            return _verdict(claim, tool, law, "invalid", say("verdict.scc-changed", clauses=clauses, cutoff=cutoff,
                                                             article=_TRANSITION))
        missing = (say("verdict.scc-missing-unchanged") if claim.concluded else
                   say("verdict.scc-missing-concluded", cutoff=cutoff))
        return _verdict(claim, tool, law, "unverified", say("verdict.scc-old", on=on, clauses=clauses, cutoff=cutoff,
                                                            until=until, article=_TRANSITION, missing=missing))
    if version.in_force and on < version.in_force:
        return _verdict(claim, tool, law, "invalid", say("verdict.scc-not-yet", clauses=clauses,
                                                         start=version.in_force))
    if claim.concluded and cutoff and claim.concluded > cutoff:
        return _verdict(claim, tool, law, "invalid", say("verdict.scc-too-late", clauses=clauses, cutoff=cutoff,
                                                         article=_TRANSITION, concluded=concluded))
    return _verdict(claim, tool, law, "invalid", say("verdict.scc-repealed", clauses=clauses, cutoff=cutoff,
                                                     until=until, article=_TRANSITION))


def _invalidated(decision: AdequacyDecision) -> Phrase:
    case = _case(decision.judgment)
    judgment = Term(case[0], cite(case[0], "nl")) if case else decision.judgment or ""
    return say("verdict.invalidated", decision=cited(decision.instrument), on=decision.invalidated, judgment=judgment)


def _case(judgment: str | None) -> tuple[str, ...]:
    """The case number of a judgment, cited as ``CJEU C-311/18``."""
    match = re.match(r"CJEU C-\d+/\d+", judgment or "")
    return (match.group(),) if match else ()
