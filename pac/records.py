"""Which statutory record types a purpose's data form, and why pac thinks so.

A purpose's ``record_types`` decide when the declaration gives them (an empty list says: none). Otherwise
pac infers them from the declaration's own words, for the controller's country only: a statute the notice
names for the purpose (its ``statute``, the notice's term, or the quotes of the purpose and of its retention
rules), or the purpose's kind together with a word in the names of the purpose and its data (e.g. a billing
purpose whose data include invoices: the fiscal records of the controller's country). Every inference says
what it rests on, so that a finding can state it and an encoder can override it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .model import Activity, Organisation, Purpose
from .phrases import Phrase, say, word
from .reference import Reference, RetentionRule


@dataclass(frozen=True, slots=True)
class RecordType:
    """A retention row that applies to a purpose's data; ``reason`` is None when the declaration names it."""

    row: RetentionRule
    reason: Phrase | None

    def because(self) -> Phrase | str:
        """`` (treated as such records because ...)`` for an inferred record type, else nothing."""
        if self.reason is None:
            return ""
        return say("records-because", reason=self.reason)


def record_types(purpose: Purpose, organisation: Organisation, reference: Reference,
                 retention: str | None = None) -> tuple[RecordType, ...]:
    """The record types of ``purpose``: the declared ones, or else those its words show; ``retention`` is what the
    notice says about the retention of its data (:func:`_retention_text`), when already at hand."""
    if purpose.record_types is not None:
        return tuple(RecordType(reference.retention_rule(record), None) for record in purpose.record_types)
    country = organisation.country
    if country is None:
        return ()
    rules, any_statute = _inferable(reference, country)
    if not rules:
        return ()
    if retention is None and any_statute:
        retention = _retention_text(organisation.activity(purpose.activity)).get(purpose.id, "")
    statutes = _statute_text(purpose, retention or "") if any_statute else ""
    if statutes and not any_statute.search(statutes):  # type: ignore[union-attr]
        statutes = ""  # one search rules out every row's statutes, as for most purposes
    candidates = [r for r in rules if statutes and r.statutes or purpose.kind in r.kinds]
    if not candidates:
        return ()
    names = _names(purpose, organisation) if any(purpose.kind in r.kinds for r in candidates) else ""
    special = {organisation.category(c).special for c in _categories(purpose, organisation)}
    found = []
    for rule in candidates:
        reason = rule.reason(purpose, statutes, names, special)
        if reason:
            found.append(RecordType(rule.row, reason))
    return tuple(found)


def record_index(organisation: Organisation, reference: Reference) -> dict[str, tuple[RecordType, ...]]:
    """The record types of every purpose of ``organisation`` that has any, by purpose id."""
    index = {}
    for activity in organisation.activities:
        retention = _retention_text(activity)
        for purpose in activity.purposes:
            types = record_types(purpose, organisation, reference, retention.get(purpose.id, ""))
            if types:
                index[purpose.id] = types
    return index


@dataclass(frozen=True, slots=True)
class _Inferable:
    """A retention row's inference, compiled: its statutes as one pattern, its words as another."""

    row: RetentionRule
    statutes: re.Pattern[str] | None
    kinds: frozenset[str]
    words: re.Pattern[str] | None
    special: frozenset[str]

    def reason(self, purpose: Purpose, statutes: str, names: str, special: set[str | None]) -> Phrase | None:
        named = self.statutes.search(statutes) if self.statutes else None
        if named:
            return say("records-statute-named", statute=named.group(), name=purpose.name)
        if purpose.kind not in self.kinds or (self.special and not special & self.special):
            return None
        found = self.words.search(names) if self.words else None
        if found is None:
            return None
        return say("records-kind-words", name=purpose.name, kind=word("kind", str(purpose.kind)), words=found.group())


@lru_cache(maxsize=64)
def _inferable(reference: Reference, country: str) -> tuple[tuple[_Inferable, ...], re.Pattern[str] | None]:
    """The retention rows of ``country`` that pac can infer, compiled once per reference data and country, and one
    pattern for all their statutes."""
    compiled = []
    for row in reference.retention_rules(country):
        if row.infer is None:
            continue
        infer = row.infer
        compiled.append(_Inferable(row, _pattern(infer.statutes, r"(?!\w)"), frozenset(infer.kinds),
                                   _pattern(infer.words, r"\w*"), frozenset(infer.special)))
    every = tuple(term for rule in compiled for term in (rule.row.infer.statutes if rule.row.infer else ()))
    return tuple(compiled), _pattern(every, r"(?!\w)")


def _pattern(terms: tuple[str, ...], end: str) -> re.Pattern[str] | None:
    """One case-insensitive pattern for ``terms``, each starting a word and followed by ``end``."""
    if not terms:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, terms))}){end}", re.IGNORECASE)


def _categories(purpose: Purpose, organisation: Organisation) -> tuple[str, ...]:
    return purpose.categories or organisation.activity(purpose.activity).categories


def _names(purpose: Purpose, organisation: Organisation) -> str:
    """The names and notice terms of the purpose and of its data categories, one per line."""
    parts = [purpose.name, purpose.term or ""]
    for category in (organisation.category(c) for c in _categories(purpose, organisation)):
        parts += [category.name, category.term or ""]
    return "\n".join(parts)


def _statute_text(purpose: Purpose, retention: str) -> str:
    """What the notice says about the purpose's law and retention: its statute, term and quotes, and ``retention``."""
    return "\n".join([purpose.statute or "", purpose.term or "", *(p.quote or "" for p in purpose.provenance),
                      retention])


def _retention_text(activity: Activity) -> dict[str, str]:
    """The quotes and descriptions of the activity's retention rules, by the purpose they cover."""
    parts: dict[str, list[str]] = {}
    for rule in activity.retention:
        said = [rule.description or "", *(p.quote or "" for p in rule.provenance)]
        for purpose in rule.purposes:
            parts.setdefault(purpose, []).extend(said)
    return {purpose: "\n".join(texts) for purpose, texts in parts.items()}
