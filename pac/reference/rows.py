"""The typed rows of pac's legal reference data: immutable, each with the citation it came with.

A row holds what pac reads. The data files say more for their human readers (DPV concepts, a decision's
ELI, history and litigation, adoption dates); pac checks those fields when it reads the files
(:mod:`pac.reference.tables`) but does not keep them.

Vocabulary rows (transfer tools, legal bases, Art. 9 conditions, notice items, obligations) are
named by ``key``; registry rows (sources, decisions, SCC versions, retention rules) by ``id``;
rows about a country by its ISO 3166-1 alpha-2 ``code`` or ``country``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..duration import Duration
from ..phrases import Phrase, say


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a row comes from: source ids (see ``Reference.sources``) and how well it was verified.

    ``verification`` is the research note's ``ver`` string as written, e.g. ``"primary"`` or
    ``"primary (number, status); unverified (date)"``; ``unverified_fields`` names the fields of
    the row that the note marks unverified even where the row as a whole is not.
    """

    sources: tuple[str, ...]
    verification: str
    unverified_fields: tuple[str, ...] = ()

    @property
    def unverified(self) -> bool:
        """True when the verification string says that (part of) the row is unverified."""
        return says_unverified(self.verification)


def says_unverified(verification: str) -> bool:
    """Whether a ``ver`` string says that (part of) its row is unverified."""
    return "unverified" in verification


@dataclass(frozen=True, slots=True)
class Note:
    """A remark with its own citation."""

    text: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class Source:
    """A source that rows cite by ``id``."""

    id: str
    title: str
    url: str
    note: str | None = None
    cited_as: str | None = None
    """The name checks cite it by (``GDPR`` for the GDPR): a citation ``GDPR Art. 13(1)`` is to this source."""


@dataclass(frozen=True, slots=True)
class KnownRecipient:
    """A company notices often name: the entity that serves EU users, its country, and its parent."""

    id: str
    names: tuple[str, ...]
    eu_entity: str
    eu_country: str
    parent: str | None
    parent_country: str | None
    citation: Citation


@dataclass(frozen=True, slots=True)
class Country:
    """An ISO 3166-1 alpha-2 code, its English name, its Dutch name and its alpha-3 code."""

    code: str
    name: str
    citation: Citation
    name_nl: str | None = None
    alpha_3: str | None = None


@dataclass(frozen=True, slots=True)
class EEAState:
    """A state where the GDPR applies directly (EU member or EEA-EFTA state), and since when."""

    code: str
    name: str
    group: str
    gdpr_applies_from: date
    note: str | None
    citation: Citation


@dataclass(frozen=True, slots=True)
class AdequacyDecision:
    """A Commission adequacy decision (GDPR Art. 45), including invalidated ones."""

    id: str
    country: str | None
    name: str
    instrument: str
    in_force: date
    expires: date | None
    status: str
    invalidated: date | None
    judgment: str | None
    scope: str
    scope_conditions: tuple[str, ...]
    note: str | None
    citation: Citation
    jurisdiction: str | None = None
    """The country whose law makes this decision for its controllers (``GB``: UK adequacy regulations); None: the
    Commission's decision under GDPR Art. 45."""
    area: str | None = None
    """``EEA`` for a national decision on every EEA state; its rows by country have it as their ``country``."""
    keeps: tuple[str, ...] = ()
    """The Commission decisions a national decision keeps in force for its own law, each with its scope."""

    def in_force_on(self, on: date) -> bool:
        """Whether the decision is a valid basis for transfers on ``on`` (scope conditions aside)."""
        if on < self.in_force or (self.expires is not None and on > self.expires):
            return False
        return not (self.status == "invalidated" and self.invalidated is not None and on >= self.invalidated)


@dataclass(frozen=True, slots=True)
class TransferTool:
    """A transfer tool a declaration may claim, and what kind of tool the GDPR makes of it.

    ``kind`` is one of adequacy, safeguard, derogation, invalidated or not_a_tool; ``decision``
    names the adequacy decision the tool rests on, if it rests on one.
    """

    key: str
    article: str
    label: str
    nl: str | None
    """The label in Dutch, in the terms of the Dutch text of the GDPR (the AVG); None: Dutch outputs use ``label``."""
    kind: str
    decision: str | None
    needs_sa_authorisation: bool
    public_authorities_allowed: bool
    notes: tuple[Note, ...]
    citation: Citation
    national: tuple[NationalTool, ...] = ()
    """What the tool is under another law that replaces GDPR Chapter V (the UK GDPR), by country."""
    in_force: date | None = None
    """The first day the tool can carry a transfer (None: no such limit in pac's data)."""
    superseded_until: date | None = None
    """For clauses another law replaced: the last day contracts on the older clauses still carried a transfer."""
    superseded_concluded_by: date | None = None
    """... and the last day such a contract could have been concluded."""

    def under(self, jurisdiction: str | None) -> TransferTool:
        """The tool as the law of ``jurisdiction`` has it (its label, articles and decision; this tool where that law
        keeps it unchanged or ``jurisdiction`` is None)."""
        variant = next((v for v in self.national if v.country == jurisdiction), None)
        if variant is None:
            return self
        return replace(self, label=variant.label or self.label, nl=variant.nl or self.nl,
                       article=variant.article or self.article, decision=variant.decision or self.decision,
                       in_force=variant.in_force, superseded_until=variant.superseded_until,
                       superseded_concluded_by=variant.superseded_concluded_by,
                       citation=variant.citation, national=())


@dataclass(frozen=True, slots=True)
class NationalTool:
    """A transfer tool as another law that replaces GDPR Chapter V has it: ``country`` names that law; a field left
    None keeps the GDPR's."""

    country: str
    label: str | None
    nl: str | None
    article: str | None
    decision: str | None
    in_force: date | None
    superseded_until: date | None
    superseded_concluded_by: date | None
    citation: Citation


@dataclass(frozen=True, slots=True)
class SccModule:
    """A module of the 2021 standard contractual clauses."""

    number: int
    key: str
    label: str


@dataclass(frozen=True, slots=True)
class SccVersion:
    """One set of standard contractual clauses and the dates that bound its use.

    ``new_contracts_until`` is the last day a new contract could use these clauses and
    ``valid_until`` the last day contracts concluded before then stay valid.
    """

    id: str
    instrument: str
    in_force: date | None
    new_contracts_until: date | None
    valid_until: date | None
    legal_basis: str | None
    modules: tuple[SccModule, ...]
    citation: Citation

    def valid_on(self, on: date, concluded: date | None = None) -> bool:
        """Whether a contract on these clauses, concluded on ``concluded`` (if known), is valid on ``on``."""
        if self.in_force is not None and on < self.in_force:
            return False
        if concluded is not None and self.new_contracts_until is not None and concluded > self.new_contracts_until:
            return False
        return self.valid_until is None or on <= self.valid_until


@dataclass(frozen=True, slots=True)
class LegalBasisRow:
    """A lawful basis of GDPR Art. 6(1), with its Dutch name."""

    key: str
    article: str
    label: str
    nl: str
    requires: str | None
    constraints: tuple[str, ...]
    note: str | None
    citation: Citation


@dataclass(frozen=True, slots=True)
class Art9ConditionRow:
    """A condition of GDPR Art. 9(2) under which special-category data may be processed."""

    key: str
    article: str
    label: str
    nl: str
    requires_law: bool
    requires_law_or_contract: bool
    member_state_may_exclude: bool
    citation: Citation


@dataclass(frozen=True, slots=True)
class SpecialCategory:
    """A special category of personal data (GDPR Art. 9(1))."""

    key: str
    article: str
    label: str
    nl: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class CriminalData:
    """Personal data relating to criminal convictions and offences (GDPR Art. 10)."""

    key: str
    article: str
    label: str
    nl: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class NoticeItem:
    """An item a privacy notice must give under GDPR Art. 13 (collected from the data subject)
    and/or Art. 14 (obtained otherwise); ``None`` where the article does not ask for it."""

    key: str
    art13: str | None
    art14: str | None
    condition: str | None
    note: str | None
    subkeys: tuple[str, ...]
    citation: Citation


@dataclass(frozen=True, slots=True)
class NoticeRule:
    """When notice is due, or when it is not (timing and exemptions of Art. 13 and 14)."""

    key: str
    article: str
    rule: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class RetentionRule:
    """A national retention period: a statutory minimum (``kind="min"``) or a regulator's
    recommended maximum (``kind="max_guidance"``)."""

    id: str
    country: str
    record: str
    kind: str
    period: Duration
    start: str | None
    statute: str | None
    statute_text: str | None
    authority: str | None
    effective: date | None
    period_before: Duration | None
    changed_by: str | None
    transition: str | None
    with_consent_max: Duration | None
    exception: str | None
    note: str | None
    citation: Citation
    infer: Inference | None = None
    record_nl: str | None = None
    """``record`` in Dutch, and ``authority_nl`` ``authority``, for Dutch reports (None: shown as written)."""
    authority_nl: str | None = None


@dataclass(frozen=True, slots=True)
class Inference:
    """When a purpose forms records of a retention row without saying so: a statute the notice names
    (``statutes``), or a purpose kind (``kinds``) with a word the declaration uses (``words``, each the start of a
    word) and, if given, a special category of its data (``special``)."""

    statutes: tuple[str, ...]
    kinds: tuple[str, ...]
    words: tuple[str, ...]
    special: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ConsentAgeRule:
    """GDPR Art. 8(1): the age from which a child may consent alone to an information society service."""

    article: str
    rule: str
    default: int
    floor: int
    as_of: str
    citation: Citation


@dataclass(frozen=True, slots=True)
class ConsentAge:
    """The Art. 8 age of digital consent in one country."""

    country: str
    age: int
    law: str | None
    note: str | None
    citation: Citation


@dataclass(frozen=True, slots=True)
class Obligation:
    """A timed obligation (deadline), or a proposed change to one (``status="proposal"``, never to apply)."""

    key: str
    article: str | None
    deadline: Duration | None
    deadline_text: str | None
    extension: Duration | None
    max_total: Duration | None
    start: str | None
    rule: str | None
    condition: str | None
    status: str
    amends: str | None
    note: str | None
    citation: Citation

    @property
    def applies(self) -> bool:
        """False for a proposal that is not law; a policy default (pac's own setting, not law) applies."""
        return self.status != "proposal"


@dataclass(frozen=True, slots=True)
class NationalRule:
    """A rule of one Member State's law on a ``topic`` (see ``national.yaml``), in force from ``start`` to
    ``until`` (inclusive; None: open); ``law`` is the short form findings cite."""

    id: str
    country: str
    topic: str
    law: str
    title: str
    rule: str
    start: date | None
    until: date | None
    analytics_exemption: str | None
    analytics_exemption_nl: str | None
    """The same condition in Dutch, for Dutch reports (None: shown as written)."""
    customer_exception: str | None
    threshold: int | None
    authority: str | None
    url: str | None
    note: str | None
    citation: Citation
    home: tuple[str, ...] = ()
    """For a ``transfers`` rule: the countries where that law applies (no transfer between them); ``area`` them in
    words (``area_nl`` in Dutch); ``statute`` the law whose articles keep the GDPR's numbers (``UK GDPR``);
    ``approval`` and ``safeguards`` its articles on adequacy regulations and appropriate safeguards."""
    area: str | None = None
    area_nl: str | None = None
    statute: str | None = None
    approval: str | None = None
    safeguards: str | None = None

    def in_force_on(self, on: date) -> bool:
        """Whether the rule applies on ``on``."""
        return (self.start is None or self.start <= on) and (self.until is None or on <= self.until)

    def unverified(self, *fields: str) -> bool:
        """Whether pac's data mark the row unverified as a whole, or its ``law``, ``rule`` or one of ``fields``."""
        marked = self.citation.unverified_fields
        if self.citation.unverified and not marked:
            return True
        return bool({"law", "rule", *fields} & set(marked))

    def caveat(self, *fields: str) -> Phrase | str:
        """`` (pac's reference data mark this rule unverified)`` where :meth:`unverified` says so, else nothing."""
        return say("caveat-unverified") if self.unverified(*fields) else ""
