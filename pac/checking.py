"""What a check is: a function on one kind of subject, with the law it enforces.

A check reads like the rule it enforces::

    @check("legal-basis-stated", title="Every purpose has a legal basis",
           articles=["GDPR Art. 6(1)", "GDPR Art. 13(1)(c)"], severity="error", subject="purposes",
           remedy="State the Art. 6(1) basis for this purpose in the notice.")
    def legal_basis_stated(purpose, ctx):
        "Processing is lawful only on one of the bases of Art. 6(1)."
        if purpose.legal_basis is None:
            yield ctx.finding(say("legal-basis-missing", name=purpose.name))

It yields findings through its :class:`Context`; a check that yields nothing passed. A message is a phrase of
pac's phrase book (:func:`pac.phrases.say`), so that a Dutch report says it in Dutch; a plain ``str`` is shown as
written.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Callable, Iterable, Literal, TypeVar

from .errors import Location
from .graph import Flow, inflows
from .model import SUBJECTS, DataCategory, Organisation, Provenance, Purpose, Recipient, TransferClaim
from .records import RecordType, record_index
from .phrases import Phrase, Term, say
from .transfers import (Regime, ToolVerdict, TransferAssessment, invalid_anywhere, outside_home, place,
                        regime, tool_name)

if TYPE_CHECKING:  # pragma: no cover
    import networkx

    from .reference import NationalRule, Reference
    from .waivers import Waiver

T = TypeVar("T")

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
"""Most severe first: ``error`` breaks a rule of law, ``warning`` is what a lawyer would raise
but could be justified, ``info`` is context."""

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def at_least(severity: str, threshold: str) -> bool:
    """Whether ``severity`` is ``threshold`` or more severe."""
    return SEVERITIES.index(severity) <= SEVERITIES.index(threshold)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class CheckText:
    """A check's title, remedy and rationale in one language (``lang``)."""

    title: str
    remedy: str
    rationale: str
    lang: str = "en"


@dataclass(frozen=True, slots=True)
class Check:
    """A check of the catalogue (or a user's): metadata and the function that runs it."""

    id: str
    title: str
    articles: tuple[str, ...]
    severity: Severity
    subject: str
    remedy: str
    rationale: str
    topic: str
    function: Callable[[Any, "Context"], Iterable["Finding"] | None] = field(repr=False, compare=False)
    national: tuple[str, ...] = ()
    """The national law the check applies (topics of ``Reference.jurisdictions``); empty: the GDPR only."""
    translations: Callable[[str, str], CheckText | None] | None = field(default=None, repr=False, compare=False)
    """The check's texts in other languages, by check id and language (:class:`pac.check_texts.Translations`)."""

    def text(self, lang: str = "en") -> CheckText:
        """The title, remedy and rationale in ``lang`` where the check's pack translates them, else in English."""
        translated = self.translations(self.id, lang) if self.translations and lang != "en" else None
        return translated or CheckText(self.title, self.remedy, self.rationale)

    def __call__(self, subject: Any, ctx: Context) -> Iterable[Finding]:
        return self.function(subject, ctx) or ()


def check(id: str, *, title: str, articles: Iterable[str], severity: Severity, subject: str, remedy: str,
          rationale: str | None = None, topic: str | None = None,
          national: Iterable[str] = ()) -> Callable[[Callable], Check]:
    """Declare a check. ``subject`` is one of :data:`pac.model.SUBJECTS`; ``rationale`` defaults to the
    function's docstring and ``topic`` to its module's name (e.g. ``transfers``); ``national`` names the
    national law it applies for the controller's jurisdiction (e.g. ``terminal_equipment``)."""
    if not _ID.match(id):
        raise ValueError(f"check id {id!r} must be lower-case words joined by '-'")
    if severity not in SEVERITIES:
        raise ValueError(f"check {id!r}: severity must be one of {', '.join(SEVERITIES)}, not {severity!r}")
    if subject not in SUBJECTS:
        raise ValueError(f"check {id!r}: subject must be one of {', '.join(SUBJECTS)}, not {subject!r}")
    articles = tuple(articles)
    if not articles:
        raise ValueError(f"check {id!r} must cite the article or statute it enforces")

    def decorate(function: Callable) -> Check:
        doc = inspect.getdoc(function)
        if not (rationale or doc):
            raise ValueError(f"check {id!r} needs a rationale (or a docstring)")
        return Check(id=id, title=title, articles=articles, severity=severity, subject=subject, remedy=remedy,
                     rationale=rationale or doc or "", topic=topic or function.__module__.rpartition(".")[2],
                     function=function, national=tuple(national))

    return decorate


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a check found: what, where in the YAML, where in the notice, and what to do."""

    check: str
    severity: Severity
    organisation: str
    subject: str
    articles: tuple[str, ...]
    message: str
    """What was found, in English; a :class:`~pac.phrases.Phrase` can also be said in Dutch."""
    location: Location
    evidence: tuple[Provenance, ...]
    remedy: str
    waiver: Waiver | None = None
    also: tuple[str, ...] = ()
    """The other subjects the same root cause affects (see :func:`by_root_cause`)."""

    @property
    def waived(self) -> bool:
        return self.waiver is not None

    @property
    def subjects(self) -> tuple[str, ...]:
        """Every subject the finding is about: its own first."""
        return (self.subject, *self.also)

    def sort_key(self) -> tuple:
        return (self.organisation, self.check, self.subject, self.location, self.message)


def by_root_cause(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per root cause, listing every subject it affects, in canonical order.

    A check says that findings on several subjects share one cause by giving them the same words
    (e.g. one vague retention sentence that covers twenty purposes); those of one organisation and
    severity (and waiver) become one, on the first subject, with the others in ``also`` and the evidence
    of all. The same words twice on one subject, at two places, are two findings; at one place, one.
    pytest items stay per subject; reports show root causes."""
    # a cluster is one root cause: its findings, and where each of its subjects was found (to tell the very same
    # finding again from the same words at another place)
    groups: dict[tuple, list[tuple[dict[str, set[Location]], list[Finding]]]] = {}
    for finding in sorted(findings, key=Finding.sort_key):
        clusters = groups.setdefault(
            (finding.organisation, finding.check, finding.severity, finding.message, finding.waiver), [])
        if any(finding.location in where.get(finding.subject, ()) for where, _ in clusters):
            continue
        where, members = next((c for c in clusters if finding.subject not in c[0]), None) or ({}, [])
        if not members:
            clusters.append((where, members))
        where.setdefault(finding.subject, set()).add(finding.location)
        members.append(finding)
    merged = []
    for first, *rest in (members for clusters in groups.values() for _, members in clusters):
        if rest:
            subjects = dict.fromkeys(s for f in (first, *rest) for s in f.subjects)
            evidence = dict.fromkeys(p for f in (first, *rest) for p in f.evidence)
            first = replace(first, also=tuple(s for s in subjects if s != first.subject), evidence=tuple(evidence))
        merged.append(first)
    return sorted(merged, key=Finding.sort_key)


class Scope:
    """What every check on one organisation and date shares: the reference data, and the data-flow graph
    and the notice's text, each built once on first use."""

    __slots__ = ("organisation", "as_of", "reference", "_graph", "_notice_text", "_memo")

    def __init__(self, organisation: Organisation, as_of: date, reference: Reference,
                 graph: Callable[[], networkx.DiGraph], notice_text: Callable[[], str | None]):
        self.organisation, self.as_of, self.reference = organisation, as_of, reference
        self._graph, self._notice_text = graph, notice_text
        self._memo: dict[Callable[[Organisation], Any], Any] = {}

    def once(self, compute: Callable[[Organisation], T]) -> T:
        """``compute(organisation)``, computed on first use and kept for this evaluation."""
        if compute not in self._memo:
            self._memo[compute] = compute(self.organisation)
        return self._memo[compute]

    @property
    def graph(self) -> networkx.DiGraph:
        return self._graph()

    def inflow(self, node: str) -> dict:
        """The attributes of the graph's edge into recipient ``node`` (:func:`pac.graph.inflow`), computed once for
        every recipient without building the graph (:func:`pac.graph.inflows`)."""
        if inflows not in self._memo:
            self._memo[inflows] = inflows(self.organisation, self.reference, self.as_of)
        return self._memo[inflows][node]

    @property
    def notice_text(self) -> str | None:
        return self._notice_text()


class Context:
    """What a check sees besides its subject: the organisation, the evaluation date, the reference
    data, the data-flow graph and the notice's text; and :meth:`finding` to report what it found."""

    __slots__ = ("check", "subject", "scope", "organisation", "as_of", "reference")

    def __init__(self, check: Check, subject: Any, scope: Scope):
        self.check, self.subject, self.scope = check, subject, scope
        self.organisation, self.as_of, self.reference = scope.organisation, scope.as_of, scope.reference

    @property
    def graph(self) -> networkx.DiGraph:
        """The organisation's data-flow graph on the evaluation date (built once, on first use)."""
        return self.scope.graph

    @property
    def notice_text(self) -> str | None:
        """The text of the privacy notice, when pac has it (``--notice`` or ``notice.text_file``), else None."""
        return self.scope.notice_text

    def transfer(self, recipient: Recipient) -> TransferAssessment:
        """The transfer of personal data to ``recipient`` on the evaluation date under GDPR Chapter V: whether there
        is one, and what each claimed tool is worth (the assessment the data-flow graph carries)."""
        return self.scope.inflow(recipient.subject)["assessment"]

    def flow(self, recipient: Recipient) -> Flow:
        """What the data-flow graph says reaches ``recipient``: activities, purposes, categories (special, criminal),
        and what in the declaration says so."""
        return Flow.of(self.scope.inflow(recipient.subject))

    @property
    def regime(self) -> Regime:
        """The law that decides the controller's transfers on the evaluation date: the GDPR, with the EEA as home, or
        the UK GDPR for a controller in the UK (:func:`pac.transfers.regime`)."""
        return regime(self.organisation, self.reference, self.as_of)

    def outside_home(self, recipient: Recipient) -> bool:
        """Whether ``recipient`` is known to be outside the home of the controller's law (the EEA; the UK under the
        UK GDPR) on the evaluation date (False when its country is not stated)."""
        return outside_home(recipient, self.regime, self.reference, self.as_of)

    def transferred_onward(self, recipient: Recipient) -> bool:
        """Whether the data leave home (:meth:`outside_home`) when a processor not known to be outside it passes them
        on to ``recipient``, its sub-processor: then the transfer (GDPR Art. 44) is the processor's, not the
        controller's."""
        if recipient.parent is None or not self.outside_home(recipient):
            return False
        return not self.outside_home(self.organisation.recipient(recipient.parent))

    def failing_anywhere(self, claim: TransferClaim) -> ToolVerdict | None:
        """The verdict on ``claim`` when it carries no transfer on the evaluation date whatever country the data go
        to (no transfer tool at all, an invalidated decision, clauses no longer valid), else None."""
        return invalid_anywhere(claim, self.reference, self.as_of, self.regime)

    def tool_name(self, claim: TransferClaim) -> Term:
        """The claimed transfer tool in words: 'Processor agreement', 'Standard contractual clauses 2021, module 2'."""
        return tool_name(claim, self.reference, self.regime.jurisdiction)

    def place(self, country: str | None) -> Term:
        """A country in words with its code, 'United States (US)'; 'country not stated' for None."""
        return place(country, self.reference)

    def country_name(self, code: str | None) -> Term:
        """A country's name in English and in Dutch ('United States', 'Verenigde Staten'), without its code."""
        return Term(str(self.reference.country_name(code)), self.reference.country_name(code, "nl"))

    def special_label(self, special: str) -> Term:
        """A special category of GDPR Art. 9(1) in words: 'health data'."""
        row = self.reference.special_category(special)
        return Term(row.label.lower(), row.nl)

    def special_names(self, categories: Iterable[DataCategory]) -> Phrase:
        """``'Medical data' (health data), ...``: the special-category data among ``categories``, each by name with
        its category of GDPR Art. 9(1)."""
        return say("list", items=tuple(say("named-special", name=c.name, label=self.special_label(c.special))
                                       for c in categories if c.special))

    # The controller's jurisdiction: the national law a check applies

    def national_rule(self, topic: str) -> NationalRule | None:
        """The rule on ``topic`` (e.g. ``terminal_equipment``) of the controller's country in force on the
        evaluation date; None where pac has none, and then a check says so (:meth:`no_national_rule`) instead of
        citing another country's law."""
        return self.reference.national_rule(self.organisation.country, topic, self.as_of)

    def no_national_rule(self, what: str, unchecked: str, *, at: Any = None,
                         articles: Iterable[str] | None = None) -> Finding:
        """The info finding that pac has no rule of the controller's country on ``what`` for the evaluation date, so
        that ``unchecked`` (e.g. 'whether this tracker needs consent') was not checked against national law."""
        country = self.organisation.country
        where = self.place(country) if country else say("unstated-controller-country")
        return self.finding(say("no-national-rule", where=where, what=what, on=self.as_of, unchecked=unchecked),
                            at=at, evidence=(), severity="info", articles=articles)

    def record_types(self, purpose: Purpose) -> tuple[RecordType, ...]:
        """The statutory record types ``purpose``'s data form: those the declaration names, or else those its words
        show for the controller's country (each saying why, :meth:`RecordType.because`)."""
        memo = self.scope._memo
        if record_index not in memo:  # once per evaluation, like once(), but it needs the reference data too
            memo[record_index] = record_index(self.organisation, self.reference)
        return memo[record_index].get(purpose.id, ())

    def once(self, compute: Callable[[Organisation], T]) -> T:
        """``compute(organisation)``, computed once per evaluation: for indexes a check needs on every subject
        (``compute`` must be a module-level function, so that it is the same object each time)."""
        return self.scope.once(compute)

    def finding(self, message: str, *, at: Any = None, evidence: Iterable[Provenance] | None = None,
                remedy: str | None = None, severity: Severity | None = None,
                articles: Iterable[str] | None = None) -> Finding:
        """A finding on the current subject; ``at`` is the element to point at (default: the subject),
        ``evidence`` defaults to that element's provenance, the rest to the check's own."""
        element = self.subject if at is None else at
        return Finding(
            check=self.check.id, severity=severity or self.check.severity, organisation=self.organisation.id,
            subject=self.subject.subject, articles=tuple(articles) if articles is not None else self.check.articles,
            message=message, location=element.location,
            evidence=tuple(evidence) if evidence is not None else getattr(element, "provenance", ()),
            remedy=remedy or self.check.remedy,
        )
