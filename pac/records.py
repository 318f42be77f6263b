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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .model import Organisation, Purpose
from .reference import Reference, RetentionRule


@dataclass(frozen=True, slots=True)
class RecordType:
    """A retention row that applies to a purpose's data; ``reason`` is None when the declaration names it."""

    row: RetentionRule
    reason: str | None

    def because(self) -> str:
        """`` (treated as such records because ...)`` for an inferred record type, else nothing."""
        if self.reason is None:
            return ""
        return f" (treated as such records because {self.reason}; set record_types to override)"


def record_types(purpose: Purpose, organisation: Organisation, reference: Reference) -> tuple[RecordType, ...]:
    """The record types of ``purpose``: the declared ones, or else those its words show."""
    if purpose.record_types is not None:
        return tuple(RecordType(reference.retention_rule(record), None) for record in purpose.record_types)
    country = organisation.country
    if country is None:
        return ()
    statutes = _statute_text(purpose, organisation)
    names = _names(purpose, organisation)
    special = {organisation.category(c).special for c in _categories(purpose, organisation)}
    found = []
    for row in reference.retention_rules(country):
        if row.infer is None:
            continue
        reason = _reason(row, purpose, statutes, names, special)
        if reason:
            found.append(RecordType(row, reason))
    return tuple(found)


def _reason(row: RetentionRule, purpose: Purpose, statutes: str, names: str, special: set[str | None]) -> str | None:
    infer = row.infer
    assert infer is not None
    statute = _first(infer.statutes, statutes, whole=True)
    if statute:
        return f"the notice names {statute!r} for {purpose.name!r}"
    if purpose.kind not in infer.kinds or (infer.special and not special & set(infer.special)):
        return None
    word = _first(infer.words, names, whole=False)
    if word is None:
        return None
    return f"{purpose.name!r} is a {purpose.kind.replace('_', ' ')} purpose and its declaration says {word!r}"


def _first(terms: Iterable[str], text: str, *, whole: bool) -> str | None:
    """The first of ``terms`` found in ``text``, as the text writes it: a whole term, or the start of a word."""
    for term in terms:
        match = _pattern(term, whole).search(text)
        if match:
            return match.group()
    return None


@lru_cache(maxsize=512)
def _pattern(term: str, whole: bool) -> re.Pattern[str]:
    end = r"(?!\w)" if whole else r"\w*"
    return re.compile(rf"(?<!\w){re.escape(term)}{end}", re.IGNORECASE)


def _categories(purpose: Purpose, organisation: Organisation) -> tuple[str, ...]:
    return purpose.categories or organisation.activity(purpose.activity).categories


def _names(purpose: Purpose, organisation: Organisation) -> str:
    """The names and notice terms of the purpose and of its data categories, one per line."""
    parts = [purpose.name, purpose.term or ""]
    for category in (organisation.category(c) for c in _categories(purpose, organisation)):
        parts += [category.name, category.term or ""]
    return "\n".join(parts)


def _statute_text(purpose: Purpose, organisation: Organisation) -> str:
    """What the notice says about the purpose's law and retention: its statute, term and quotes, and the quotes
    and descriptions of the retention rules that cover it."""
    parts = [purpose.statute or "", purpose.term or "", *(p.quote or "" for p in purpose.provenance)]
    for rule in organisation.activity(purpose.activity).retention:
        if purpose.id in rule.purposes:
            parts += [rule.description or "", *(p.quote or "" for p in rule.provenance)]
    return "\n".join(parts)
