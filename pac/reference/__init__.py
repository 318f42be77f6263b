"""pac's legal reference data, packaged with citations, and the questions checks ask of it.

``Reference.packaged()`` reads ``pac/reference/data/*.yaml`` once; ``with_overrides`` gives a new
Reference with rows added or replaced (same shape as a packaged file). Every row carries a
:class:`Citation`; rows the research marks unverified say so in ``citation.unverified``.

    >>> from datetime import date
    >>> ref = Reference.packaged()
    >>> ref.in_eea("NO", date(2019, 1, 1))
    True
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, TypeVar

from .fields import ReferenceDataError
from .raw import Raw, merge
from .raw import packaged as read_packaged
from .rows import (AdequacyDecision, Art9ConditionRow, Citation, ConsentAge, ConsentAgeRule, Country, CriminalData,
                   EEAState, KnownRecipient, LegalBasisRow, NationalRule, NationalTool, Note, NoticeItem, NoticeRule,
                   Obligation, RetentionRule, SccModule, SccVersion, Source, SpecialCategory, TransferTool)
from .tables import Tables, build, name_key, organisation_key

__all__ = [
    "AdequacyDecision", "Art9ConditionRow", "Citation", "ConsentAge", "ConsentAgeRule", "Country", "CriminalData",
    "EEAState", "Event", "KnownRecipient", "LegalBasisRow", "NationalRule", "NationalTool", "Note", "NoticeItem",
    "NoticeRule", "Obligation", "Reference",
    "ReferenceDataError", "RetentionRule", "SccModule", "SccVersion", "Source", "SpecialCategory", "TransferTool",
    "UnknownReferenceKey", "name_key",
]

T = TypeVar("T")
_WORD = re.compile(r"[\w.&-]+")


class UnknownReferenceKey(KeyError):
    """A lookup of a key or id that the reference data does not have."""

    def __str__(self) -> str:
        return str(self.args[0])


def _lookup(table: Mapping[str, T], key: str, what: str) -> T:
    try:
        return table[key]
    except KeyError:
        known = ", ".join(sorted(table)) if len(table) <= 40 else f"{len(table)} entries"
        raise UnknownReferenceKey(f"no {what} {key!r} in pac's reference data (known: {known})") from None


@dataclass(frozen=True, slots=True, eq=False)
class Reference:
    """The reference data, typed; build it with :meth:`packaged` or :meth:`with_overrides`."""

    _raw: Raw = field(repr=False)
    _tables: Tables = field(repr=False)

    @classmethod
    def packaged(cls) -> Reference:
        """The packaged data, read once and shared."""
        return _packaged()

    def with_overrides(self, *data: Mapping[str, Any]) -> Reference:
        """A new Reference with each mapping merged in, in order (this one when there are none);
        raises :class:`ReferenceDataError`."""
        if not data:
            return self
        merged = self._raw
        for override in data:
            merged = merge(merged, override)
        return Reference(merged, build(merged))

    @property
    def digest(self) -> str:
        """The SHA-256 of this data (overrides merged in) as canonical JSON, in hex."""
        return _digest(self)

    @property
    def sources(self) -> Mapping[str, Source]:
        """The sources rows cite, by id."""
        return self._tables.sources

    def cited_source(self, citation: str) -> Source | None:
        """The source a check's citation is to (``GDPR Art. 13(1)(c)``: the GDPR), by the sources' ``cited_as``;
        None when no source is cited by that name."""
        return next((s for s in self._tables.sources.values()
                     if s.cited_as and (citation == s.cited_as or citation.startswith(s.cited_as + " "))), None)

    # Countries and the EEA

    def country(self, code: str) -> Country:
        """The ISO 3166-1 row for ``code``."""
        return _lookup(self._tables.countries, code, "ISO 3166-1 alpha-2 country code")

    def country_name(self, code: str, lang: str = "en") -> str | None:
        """The name of an ISO 3166-1 alpha-2 code in ``lang`` (``en``, or ``nl`` where the data has a Dutch
        name), or None for an unknown code."""
        row = self._tables.countries.get(code)
        if row is None:
            return None
        return row.name_nl if lang == "nl" and row.name_nl else row.name

    def alpha_2(self, alpha_3: str) -> str | None:
        """The alpha-2 code of an ISO 3166-1 alpha-3 code (``USA`` -> ``US``), or None for an unknown one."""
        return next((c.code for c in self._tables.countries.values() if c.alpha_3 == alpha_3), None)

    def is_country(self, code: str) -> bool:
        """Whether ``code`` is an ISO 3166-1 alpha-2 code."""
        return code in self._tables.countries

    def countries(self) -> tuple[str, ...]:
        """All country codes, sorted."""
        return tuple(sorted(self._tables.countries))

    def eea_state(self, code: str) -> EEAState | None:
        """The EEA row of ``code``, or None for a state outside the EEA."""
        return self._tables.eea.get(code)

    def eea_states(self) -> tuple[EEAState, ...]:
        """The EEA states, sorted by code."""
        return tuple(sorted(self._tables.eea.values(), key=lambda state: state.code))

    def in_eea(self, code: str, on: date) -> bool:
        """Whether the GDPR applied directly in ``code`` on ``on`` (a transfer there is no Chapter V transfer)."""
        state = self._tables.eea.get(code)
        return state is not None and on >= state.gdpr_applies_from

    def not_eea_reminder(self, code: str) -> Note | None:
        """Why a state often taken for an EEA state (GB, CH, FO) is not one, or None."""
        return self._tables.not_eea.get(code)

    # Transfers

    def adequacy_decisions(self, code: str, jurisdiction: str | None = None) -> tuple[AdequacyDecision, ...]:
        """Every adequacy decision for ``code`` (also invalidated and expired ones), by in-force date: the
        Commission's, or with ``jurisdiction`` (e.g. ``GB``) those of that country's law (UK adequacy regulations)."""
        if jurisdiction is None:
            return self._tables.adequacy_by_country.get(code, ())
        return self._tables.national_adequacy.get((jurisdiction, code), ())

    def decision(self, decision_id: str) -> AdequacyDecision:
        """An adequacy decision by id, e.g. ``"US-DPF"``."""
        return _lookup(self._tables.adequacy, decision_id, "adequacy decision")

    def adequacy_in_force(self, code: str, on: date, jurisdiction: str | None = None) -> tuple[AdequacyDecision, ...]:
        """The adequacy decisions for ``code`` in force on ``on`` (their scope conditions still apply), of the
        Commission or of ``jurisdiction``'s law (:meth:`adequacy_decisions`)."""
        return tuple(decision for decision in self.adequacy_decisions(code, jurisdiction) if decision.in_force_on(on))

    @property
    def dpf_certified(self) -> frozenset[str]:
        """Organisations known to be on the EU-US DPF List (empty unless an override supplies it)."""
        return self._tables.dpf_certified

    def is_dpf_certified(self, name: str) -> bool | None:
        """Whether ``name`` is on the DPF List (ignoring case, punctuation and legal-form words such as 'Inc.');
        None when no list was supplied."""
        if not self._tables.dpf_certified:
            return None
        return organisation_key(name) in self._tables.dpf_certified_keys

    def transfer_tool(self, key: str, jurisdiction: str | None = None) -> TransferTool:
        """A transfer tool a declaration may claim, e.g. ``"scc"``: as the GDPR has it, or as the law of
        ``jurisdiction`` has it where that law replaces Chapter V (:meth:`TransferTool.under`)."""
        return _lookup(self._tables.transfer_tools, key, "transfer tool").under(jurisdiction)

    def transfer_tools(self) -> tuple[TransferTool, ...]:
        """Every transfer tool key a declaration may claim."""
        return tuple(self._tables.transfer_tools.values())

    def scc_version(self, version: str) -> SccVersion:
        """A set of standard contractual clauses by year: ``"2001"``, ``"2004"``, ``"2010"`` or ``"2021"``."""
        return _lookup(self._tables.scc_versions, version, "SCC version")

    def scc_versions(self) -> tuple[SccVersion, ...]:
        """Every set of standard contractual clauses."""
        return tuple(self._tables.scc_versions.values())

    # Lawfulness

    def legal_basis(self, key: str) -> LegalBasisRow:
        """An Art. 6(1) basis, e.g. ``"legitimate_interests"``."""
        return _lookup(self._tables.legal_bases, key, "legal basis")

    def legal_bases(self) -> tuple[LegalBasisRow, ...]:
        """The six Art. 6(1) bases, in the article's order."""
        return tuple(self._tables.legal_bases.values())

    def legal_basis_for_term(self, term: str) -> str | None:
        """The legal basis key a Dutch term names (case- and whitespace-insensitive), or None."""
        return self._tables.nl_aliases.get(name_key(term))

    def art9_condition(self, key: str) -> Art9ConditionRow:
        """An Art. 9(2) condition, e.g. ``"explicit_consent"``."""
        return _lookup(self._tables.art9_conditions, key, "Art. 9(2) condition")

    def art9_conditions(self) -> tuple[Art9ConditionRow, ...]:
        """The ten Art. 9(2) conditions, in the article's order."""
        return tuple(self._tables.art9_conditions.values())

    def special_category(self, key: str) -> SpecialCategory:
        """A special category of Art. 9(1), e.g. ``"health"``."""
        return _lookup(self._tables.special_categories, key, "special category")

    def special_categories(self) -> tuple[SpecialCategory, ...]:
        """The eight special categories of Art. 9(1)."""
        return tuple(self._tables.special_categories.values())

    @property
    def criminal_data(self) -> CriminalData:
        """Criminal convictions and offences data (Art. 10)."""
        return self._tables.criminal_data

    def art9_national_note(self, code: str) -> Note | None:
        """What a Member State adds to Art. 9 and 10, where the data has a note for it."""
        return self._tables.art9_national_notes.get(code)

    # Transparency, retention, deadlines

    def notice_items(self) -> tuple[NoticeItem, ...]:
        """The items of Art. 13 and 14, in the order of the WP260 annex."""
        return tuple(self._tables.notice_items.values())

    def notice_rules(self) -> tuple[NoticeRule, ...]:
        """When notice is due under Art. 13 and 14, and the exemptions."""
        return tuple(self._tables.notice_rules.values())

    def known_recipient(self, name: str) -> KnownRecipient | None:
        """The well-known company a recipient's name names (a whole word of one of the row's names, in any
        case), e.g. ``"Google (Google Analytics)"`` -> the ``google`` row; None when none does."""
        words = " " + " ".join(_WORD.findall(name.casefold())) + " "
        return next((row for row in self._tables.recipients.values()
                     if any(f" {alias.casefold()} " in words for alias in row.names)), None)

    def retention_rule(self, rule_id: str) -> RetentionRule:
        """A national retention rule by id, e.g. ``"nl_fiscal_administration"``."""
        return _lookup(self._tables.retention, rule_id, "retention rule")

    def retention_rules(self, country: str | None = None) -> tuple[RetentionRule, ...]:
        """Every retention rule, or those of one country."""
        return tuple(rule for rule in self._tables.retention.values() if country is None or rule.country == country)

    @property
    def consent_age_rule(self) -> ConsentAgeRule:
        """The Art. 8(1) rule: default age and the lowest age a Member State may set."""
        return self._tables.consent_age_rule

    def consent_age(self, country: str) -> ConsentAge:
        """The age of digital consent in ``country``; the Art. 8(1) default where the data has no national row."""
        row = self._tables.consent_ages.get(country)
        if row is not None:
            return row
        rule = self._tables.consent_age_rule
        self.country(country)  # an unknown code is an error, not a country with the default age
        return ConsentAge(country, rule.default, rule.article, "no national age recorded: the GDPR default applies",
                          rule.citation)

    def obligation(self, key: str) -> Obligation:
        """A timed obligation by key, e.g. ``"breach_notify_sa"`` (check ``applies`` before using a proposal)."""
        return _lookup(self._tables.obligations, key, "obligation")

    def obligations(self, include_proposals: bool = False) -> tuple[Obligation, ...]:
        """The timed obligations in force, and with ``include_proposals`` also proposed changes."""
        return tuple(row for row in self._tables.obligations.values() if include_proposals or row.applies)


    # National law

    def national_rule(self, country: str | None, topic: str, on: date) -> NationalRule | None:
        """The rule of ``country``'s law on ``topic`` in force on ``on``, or None where pac has none (then a check
        says so rather than cite another country's law)."""
        if country is None:
            return None
        return next((rule for rule in self._tables.national_rules.values()
                     if rule.country == country and rule.topic == topic and rule.in_force_on(on)), None)

    def jurisdictions(self, topic: str) -> tuple[str, ...]:
        """The countries for which pac has law on ``topic``: a national rule topic, ``retention_min``,
        ``retention_max`` or ``consent_age``; sorted."""
        if topic == "consent_age":
            return tuple(sorted(self._tables.consent_ages))
        if topic in ("retention_min", "retention_max"):
            kind = "min" if topic == "retention_min" else "max_guidance"
            return tuple(sorted({r.country for r in self._tables.retention.values() if r.kind == kind}))
        return tuple(sorted({r.country for r in self._tables.national_rules.values() if r.topic == topic}))


@cache
def _packaged() -> Reference:
    raw = read_packaged()
    return Reference(raw, build(raw))


@cache
def _digest(reference: Reference) -> str:
    text = json.dumps(reference._raw, sort_keys=True, ensure_ascii=False, default=_plain)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    """A value of the raw data JSON has no type for: a read-only mapping as a dict, anything else (dates) as text."""
    return dict(value) if isinstance(value, Mapping) else str(value)
