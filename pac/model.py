"""The declaration model: immutable, typed, and located.

Every element keeps the :class:`~pac.errors.Location` it was read from and its provenance
(where the notice states it), so that findings and reports can point at both. What a notice
does not state is ``None`` or an empty tuple; a vague statement is a value of its own.
Cross-references are ids; :class:`Organisation` resolves them through its indexes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Iterable, Iterator

from .duration import Duration
from .errors import Location
from .phrases import Phrase, say, word

SUBJECTS = ("organisation", "controller", "notice", "data_subjects", "data_categories", "activities",
            "purposes", "recipients", "cookies")
"""What a check can take as its subject: the organisation, its controller or notice, or the
elements of a collection (named as in the YAML and in node ids, e.g. ``recipients``)."""
_COLLECTIONS = SUBJECTS[3:]

PROCESSOR_ROLES = ("processor", "sub_processor")
"""The recipient roles that process personal data on the controller's behalf (GDPR Art. 4(8), 28)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Provenance:
    """Where a fact comes from: a notice section and a short quote, or a public fact."""

    section: str | None = None
    quote: str | None = None
    fact: str | None = None
    note: str | None = None
    location: Location

    def __str__(self) -> str:
        if self.fact:
            return f"public fact: {self.fact}"
        return f"{self.section}: \u201c{self.quote}\u201d"


@dataclass(frozen=True, slots=True, kw_only=True)
class Element:
    """Something the notice states: where it was declared and where the notice says it."""

    location: Location
    provenance: tuple[Provenance, ...] = ()
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Identified(Element):
    """An element with an id, a name, and optionally the notice's own term for it."""

    collection: ClassVar[str]
    id: str
    name: str
    term: str | None = None

    @property
    def subject(self) -> str:
        """The element's path in node ids and findings, e.g. ``recipients/mailchimp``."""
        return f"{self.collection}/{self.id}"

    def label(self, lang: str = "en") -> str:
        """The name to show: the notice's own term with ``lang='nl'`` (when given), else the English name."""
        return self.term if lang != "en" and self.term else self.name


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact(Element):
    channel: str
    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Address(Element):
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Registration(Element):
    register: str
    number: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Dpo(Element):
    designated: bool
    name: str | None = None
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Count(Element):
    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Representative(Element):
    name: str
    country: str | None = None
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Authority(Element):
    name: str
    country: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class StatedRoles(Element):
    """The roles the notice gives the controller itself."""

    roles: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Scale(Element):
    """What the notice shows about the scale of processing that is not large: ``individual_professional``
    (Recital 91) or ``local`` (WP243 rev.01 2.1.3)."""

    extent: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Controller(Element):
    subject: ClassVar[str] = "controller"
    legal_name: str | None = None
    trade_names: tuple[str, ...] = ()
    scale: Scale | None = None
    registration: Registration | None = None
    vat_number: str | None = None
    address: Address | None = None
    country: str | None = None
    contacts: tuple[Contact, ...] = ()
    dpo: Dpo | None = None
    processing_staff: Count | None = None
    eu_representative: Representative | None = None
    supervisory_authority: Authority | None = None
    stated_roles: StatedRoles | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Statement(Element):
    description: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RightCondition(Element):
    condition: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Right(Element):
    """A right the notice states; for the whole notice, or only for the activities and purposes it names."""

    right: str
    route: str | None = None
    conditions: str | None = None
    restrictions: tuple[RightCondition, ...] = ()
    activities: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()

    def covers(self, purpose: Purpose) -> bool:
        """Whether the notice states this right for ``purpose``."""
        if not (self.activities or self.purposes):
            return True
        return purpose.activity in self.activities or purpose.id in self.purposes


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeStatement(Element):
    """A stated period (with its limit), or vague words that give none."""

    period: Duration | None = None
    limit: str | None = None
    extension: Duration | None = None
    vague: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AutomatedDecisions(Element):
    used: bool
    profiling: bool | None = None
    logic: str | None = None
    consequences: str | None = None
    qualified: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Children(Element):
    minimum_age: int
    parental_consent: bool | None = None
    age_verified: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BreachProcedure(Element):
    notify_authority: bool | None = None
    notify_data_subjects: bool | None = None
    deadline: Duration | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ProvisionRequirement(Statement):
    """Whether data must be provided (Art. 13(2)(e)): ``requirement`` and ``consequences`` when the notice says;
    ``partial`` when it says so for only some of the data."""

    requirement: tuple[str, ...] = ()
    consequences: str | None = None
    partial: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim(Element):
    """A general claim of the notice about its own processing; ``area`` for ``data_stay_in``."""

    claim: str
    area: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CitedLaw(Element):
    law: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice(Element):
    subject: ClassVar[str] = "notice"
    title: str | None = None
    source: str | None = None
    text_file: str | None = None
    language: str | None = None
    version: str | None = None
    last_updated: date | None = None
    rights: tuple[Right, ...] = ()
    response_time: TimeStatement | None = None
    automated_decision_making: AutomatedDecisions | None = None
    children: Children | None = None
    breach_procedure: BreachProcedure | None = None
    provision_requirement: ProvisionRequirement | None = None
    change_policy: Statement | None = None
    claims: tuple[Claim, ...] = ()
    cited_laws: tuple[CitedLaw, ...] = ()
    draft: str | None = None  # set by ``pac draft``: an unreviewed draft

    def states_right(self, right: str, purpose: Purpose | None = None) -> bool:
        """Whether the notice states ``right`` at all, or (given ``purpose``) for that purpose."""
        return any(r.right == right and (purpose is None or r.covers(purpose)) for r in self.rights)


@dataclass(frozen=True, slots=True, kw_only=True)
class DataSubject(Identified):
    collection: ClassVar[str] = "data_subjects"
    relationship: str | None = None
    children: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DataCategory(Identified):
    collection: ClassVar[str] = "data_categories"
    special: str | None = None
    criminal: bool = False
    mandatory: bool | None = None
    source: str | None = None
    origin: Statement | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LegalBasis(Element):
    """The basis of GDPR Art. 6(1) a purpose rests on, as a key such as ``consent`` or ``legitimate_interests``."""

    basis: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Art9Condition(Element):
    condition: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Consent(Element):
    withdrawal: str | None = None
    bundled_with_terms: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Objection(Element):
    route: str


@dataclass(frozen=True, slots=True, kw_only=True)
class AutomatedDecision(Element):
    """What is decided or computed by automated means for a purpose; ``kind`` ``decision`` or ``scoring`` may
    fall under Art. 22, matching, ranking and recommendation do not decide."""

    kind: str
    effect: str | None = None
    human_review: bool | None = None

    @property
    def under_art22(self) -> bool:
        """Whether it is a decision (or a score a decision rests on, CJEU C-634/21) based solely on automated
        processing with legal or similarly significant effects (GDPR Art. 22(1)), as the declaration states it."""
        return (self.kind in ("decision", "scoring") and self.effect in ("legal", "similarly_significant")
                and not self.human_review)


@dataclass(frozen=True, slots=True, kw_only=True)
class Purpose(Identified):
    """A purpose; ``categories`` are the ones it names, or else all of its activity's."""

    collection: ClassVar[str] = "purposes"
    activity: str
    kind: str | None = None
    categories: tuple[str, ...] = ()
    legal_basis: LegalBasis | None = None
    art9_condition: Art9Condition | None = None
    legitimate_interest: Statement | None = None
    statute: str | None = None
    record_types: tuple[str, ...] | None = None
    """The statutory record types the declaration names (empty: none); None: pac infers them (pac.records)."""
    consent: Consent | None = None
    objection: Objection | None = None
    channels: tuple[str, ...] = ()
    deidentification: str | None = None
    automated_decision: AutomatedDecision | None = None

    @property
    def basis(self) -> str | None:
        """The key of the Art. 6(1) basis the notice states for this purpose (``contract``), or None."""
        return self.legal_basis.basis if self.legal_basis is not None else None

    def rests_on(self, *bases: str) -> bool:
        """Whether the notice states one of ``bases`` (keys such as ``legitimate_interests``) for this purpose."""
        return self.basis in bases

    @property
    def rests_on_consent(self) -> bool:
        """Whether the notice states consent (GDPR Art. 6(1)(a)) as this purpose's basis."""
        return self.rests_on("consent")

    @property
    def solely_automated_decision(self) -> AutomatedDecision | None:
        """The purpose's automated decision when GDPR Art. 22(1) concerns it, else None."""
        decision = self.automated_decision
        return decision if decision is not None and decision.under_art22 else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Retention(Element):
    """A retention rule in one of three forms: a ``period`` with its ``limit`` (and ``after``
    trigger, when stated); ``until`` an event; or ``vague`` words. ``purposes`` and
    ``categories`` are the ones it names, or else all of its activity's."""

    activity: str
    purposes: tuple[str, ...]
    categories: tuple[str, ...]
    period: Duration | None = None
    limit: str | None = None
    after: str | None = None
    until: str | None = None
    vague: str | None = None
    reason: str | None = None
    description: str | None = None

    @property
    def form(self) -> str:
        """``period``, ``until`` or ``vague``."""
        return "period" if self.period is not None else "until" if self.until else "vague"

    def covers(self, purpose: str, category: str | None = None) -> bool:
        """Whether the rule applies to the data of ``purpose`` (of ``category``, when given)."""
        return purpose in self.purposes and (category is None or category in self.categories)

    def describe(self, detail: bool = False) -> Phrase:
        """The rule in words, e.g. ``kept at most P2M after the end of the contract``, ``kept until withdrawal of
        consent``, ``kept 'as long as necessary'`` (a phrase, also said in Dutch); with ``detail``, followed by the
        rule's description."""
        if self.period is not None:
            limit, period = word("limit", str(self.limit)), self.period
            words = say("kept-after", limit=limit, period=period, event=self._event(self.after)) if self.after else \
                say("kept", limit=limit, period=period)
        elif self.until:
            words = say("kept-until", event=self._event(self.until))
        else:
            words = say("kept-vague", vague=repr(self.vague))
        described = "other" in (self.after, self.until)  # the event's words are the description
        return say("kept-described", rule=words, description=self.description) if (
            detail and self.description and not described) else words

    def _event(self, event: str) -> Phrase:
        if event == "other":
            return say("event-described", description=self.description) if self.description else say("event-other")
        return word("event", event)


@dataclass(frozen=True, slots=True, kw_only=True)
class Dpia(Element):
    status: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RevealedCategory(Element):
    special: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RiskFactor(Element):
    factor: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Activity(Identified):
    collection: ClassVar[str] = "activities"
    description: str | None = None
    data_subjects: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    purposes: tuple[Purpose, ...] = ()
    collective_legal_bases: tuple[LegalBasis, ...] = ()
    retention: tuple[Retention, ...] = ()
    dpia: Dpia | None = None
    context_reveals: tuple[RevealedCategory, ...] = ()
    risk_factors: tuple[RiskFactor, ...] = ()
    scale: Scale | None = None

    def has_factor(self, factor: str) -> bool:
        return any(f.factor == factor for f in self.risk_factors)


@dataclass(frozen=True, slots=True, kw_only=True)
class TransferClaim(Element):
    """A transfer tool the notice claims, whether or not it is valid."""

    tool: str
    version: str | None = None
    module: int | None = None
    concluded: date | None = None
    processing_unchanged: bool | None = None
    reference: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ScopeCondition(Element):
    """A fact about a recipient and an adequacy decision's scope; ``holds`` False denies it, ``checked`` dates a
    DPF List entry."""

    condition: str
    holds: bool = True
    checked: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Place(Element):
    """A further place where a recipient processes the data; ``country`` None: a third country the notice does not
    name."""

    country: str | None
    relation: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ProcessorAgreement(Element):
    in_place: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Integration(Element):
    integration: str


@dataclass(frozen=True, slots=True, kw_only=True)
class JointArrangement(Element):
    """The essence of a joint-controller arrangement (Art. 26(2)), as the notice makes it available."""

    description: str
    stages: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Business(Element):
    kinds: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Recipient(Identified):
    """A recipient; ``country`` is None when neither the notice nor a public fact establishes it."""

    collection: ClassVar[str] = "recipients"
    named: bool
    role: str
    parent: str | None = None
    country: str | None = None
    country_provenance: tuple[Provenance, ...] = ()
    services: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    processor_agreement: ProcessorAgreement | None = None
    transfer_tools: tuple[TransferClaim, ...] = ()
    scope_conditions: tuple[ScopeCondition, ...] = ()
    locations: tuple[Place, ...] = ()
    integrations: tuple[Integration, ...] = ()
    joint_arrangement: JointArrangement | None = None
    own_purposes: tuple[Statement, ...] = ()
    processing_denied: Statement | None = None
    business: Business | None = None

    @property
    def is_processor(self) -> bool:
        """Whether the recipient processes the data on the controller's behalf (a processor or sub-processor)."""
        return self.role in PROCESSOR_ROLES


@dataclass(frozen=True, slots=True, kw_only=True)
class Cookie(Identified):
    collection: ClassVar[str] = "cookies"
    type: str
    category: str
    provider: str | None = None
    purpose: str | None = None
    consent: str | None = None
    duration: Duration | str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Organisation:
    """One organisation's declaration, merged from its file or folder, with id indexes."""

    subject: ClassVar[str] = "organisation"
    id: str
    files: tuple[str, ...]
    location: Location
    controller: Controller | None = None
    notice: Notice | None = None
    data_subjects: tuple[DataSubject, ...] = ()
    data_categories: tuple[DataCategory, ...] = ()
    activities: tuple[Activity, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    transfer_tools: tuple[TransferClaim, ...] = ()
    cookies: tuple[Cookie, ...] = ()
    security_measures: tuple[Statement, ...] = ()
    purposes: tuple[Purpose, ...] = field(init=False)
    _index: dict[str, dict[str, Identified]] = field(init=False, repr=False, compare=False)
    _heads: dict[str, tuple[Recipient, int]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        purposes = tuple(p for activity in self.activities for p in activity.purposes)
        index: dict[str, dict[str, Identified]] = {collection: {} for collection in _COLLECTIONS}
        for group in (self.data_subjects, self.data_categories, self.activities, purposes, self.recipients, self.cookies):
            for element in group:
                index[element.collection][element.id] = element
        object.__setattr__(self, "purposes", purposes)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_heads", {})

    @property
    def name(self) -> str:
        """The controller's name as the notice gives it, or the organisation id."""
        controller = self.controller
        if controller and controller.legal_name:
            return controller.legal_name
        if controller and controller.trade_names:
            return controller.trade_names[0]
        return self.id

    @property
    def country(self) -> str | None:
        """The controller's country (ISO code), whose law applies to it: the country stated for it, else that of its
        address; None when the declaration states neither."""
        controller = self.controller
        if controller is None:
            return None
        return controller.country or (controller.address.country if controller.address else None)

    def states_right(self, right: str, purpose: Purpose | None = None) -> bool:
        """Whether the notice states ``right`` (a key such as ``objection``) among the data subject's rights:
        at all, or (given ``purpose``) for that purpose (a right may be stated for some activities only)."""
        return self.notice is not None and self.notice.states_right(right, purpose)

    def large_scale(self, activity: Activity) -> bool | None:
        """Whether the notice shows ``activity`` is processing on a large scale (GDPR Art. 35(3), 37(1)): True
        with the risk factor ``large_scale``, False where the activity's or else the controller's ``scale``
        shows it is not (Recital 91, WP243 rev.01 2.1.3), None where the notice does not say."""
        if activity.has_factor("large_scale"):
            return True
        return False if self.scale(activity) is not None else None

    def scale(self, activity: Activity) -> Scale | None:
        """The statement that ``activity`` is not on a large scale: its own ``scale``, else the controller's."""
        return activity.scale or (self.controller.scale if self.controller else None)

    def special_categories(self, ids: Iterable[str]) -> tuple[DataCategory, ...]:
        """The data categories among ``ids`` of a special category of GDPR Art. 9(1), in the order given."""
        return tuple(c for c in map(self.category, ids) if c.special)

    def criminal_categories(self, ids: Iterable[str]) -> tuple[DataCategory, ...]:
        """The data categories among ``ids`` relating to criminal convictions and offences (GDPR Art. 10)."""
        return tuple(c for c in map(self.category, ids) if c.criminal)

    def transfer_claims(self, recipient: Recipient) -> tuple[TransferClaim, ...]:
        """The transfer tools claimed for ``recipient``: its own, or else the notice's general ones."""
        return recipient.transfer_tools or self.transfer_tools

    def chain(self, recipient: Recipient) -> tuple[Recipient, ...]:
        """The recipients personal data pass to reach ``recipient``, from the one the controller discloses them
        to down to ``recipient`` itself (a sub-processor's processor comes first); built on each call."""
        return tuple(reversed(tuple(self.upstream(recipient))))

    def upstream(self, recipient: Recipient) -> Iterator[Recipient]:
        """``recipient``, the processor it works under, that one's processor, ... up to :meth:`head`."""
        while True:
            yield recipient
            if recipient.parent is None:
                return
            recipient = self.recipient(recipient.parent)

    def head(self, recipient: Recipient) -> Recipient:
        """The recipient the controller discloses the data to that reach ``recipient`` (itself, or the processor
        its chain of sub-processors starts from)."""
        return self._head(recipient)[0]

    def depth(self, recipient: Recipient) -> int:
        """How many recipients the data pass to reach ``recipient``, itself included (1 for the controller's own)."""
        return self._head(recipient)[1]

    def _head(self, recipient: Recipient) -> tuple[Recipient, int]:
        heads = self._heads  # each recipient's head and depth follow from its parent's: a chain costs its length once
        if recipient.id not in heads:
            walk = [recipient]
            while walk[-1].parent is not None and walk[-1].parent not in heads:
                walk.append(self.recipient(walk[-1].parent))
            head, depth = heads[walk[-1].parent] if walk[-1].parent is not None else (walk[-1], 0)
            for member in reversed(walk):
                depth += 1
                heads[member.id] = (head, depth)
        return heads[recipient.id]

    def iter_retention(self) -> Iterator[Retention]:
        for activity in self.activities:
            yield from activity.retention

    def get(self, collection: str, id: str) -> Identified | None:
        """The element of ``collection`` (e.g. ``recipients``) with ``id``, or None."""
        return self._index[collection].get(id)

    def data_subject(self, id: str) -> DataSubject:
        return self._index["data_subjects"][id]  # type: ignore[return-value]

    def category(self, id: str) -> DataCategory:
        return self._index["data_categories"][id]  # type: ignore[return-value]

    def activity(self, id: str) -> Activity:
        return self._index["activities"][id]  # type: ignore[return-value]

    def purpose(self, id: str) -> Purpose:
        return self._index["purposes"][id]  # type: ignore[return-value]

    def recipient(self, id: str) -> Recipient:
        return self._index["recipients"][id]  # type: ignore[return-value]

    def subjects(self, subject: str) -> tuple:
        """The elements a check on ``subject`` (one of :data:`SUBJECTS`) runs on, in declaration order."""
        if subject == "organisation":
            return (self,)
        if subject in ("controller", "notice"):
            element = getattr(self, subject)
            return (element,) if element is not None else ()
        return tuple(self._index[subject].values())
