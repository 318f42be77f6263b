"""What a draft of a notice and a declaration say differently, per kind of fact (used by ``pac draft --against``
and by the score in ``benchmarks/draft_score.py``)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, NamedTuple

from ..model import Organisation
from .names import key as _name
from .names import same
from .text import GENERIC_HEADINGS

KINDS = ("rights", "controller", "retention", "recipients", "transfer_tools", "bases", "cookies")


def _sections(provenances: Any) -> set[str]:
    return {part.strip().casefold() for p in provenances if p.section for part in p.section.split(">")}


def _headings(provenances: Any) -> frozenset[str]:
    """The section headings that name an activity (not a generic sub-heading such as 'Doelen' or 'Legal basis')."""
    return frozenset(part for part in _sections(provenances) if not GENERIC_HEADINGS.match(part))


def _shared(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether both name one heading, one perhaps cited shorter ('Logbestanden' for 'Logbestanden (en alle ...)')."""
    return bool(mine & theirs) or any(a.startswith(b) and not a[len(b)].isalnum() for x, y in ((mine, theirs), (theirs, mine))
                                      for a in x for b in y if len(a) > len(b) >= 8)


def _quotes(provenances: Any) -> frozenset[str]:
    return frozenset(" ".join(p.quote.casefold().split()).strip(" .,;:") for p in provenances if p.quote)


def _overlap(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether a quote of one side lies within a quote of the other, or both share a run of five words: they
    point at the same statement (quotes of one long sentence may be cut at different places)."""
    return any(min(len(a), len(b)) >= 10 and (a in b or b in a) or _runs(a) & _runs(b) for a in mine for b in theirs)


def _runs(quote: str) -> set[tuple[str, ...]]:
    words = quote.split()
    return {tuple(words[i:i + 5]) for i in range(len(words) - 4)}


class Basis(NamedTuple):
    """A purpose's basis as the score compares it: the headings and quotes of the purpose and its basis, the
    purpose's own quotes, and whether the statement of the basis ties this purpose alone in its declaration."""

    headings: frozenset[str]
    basis: str
    quotes: frozenset[str]
    purpose: frozenset[str]
    alone: bool

    def __str__(self) -> str:
        return f"{self.basis} in {sorted(self.headings)} for {sorted(self.purpose)}"


def _bases(organisation: Organisation) -> Counter:
    """The purposes' bases; the statement of a basis is where its quotes are (section and quote), or the purpose's
    when it has none: it ties a purpose alone when no other purpose's statement overlaps it in the same section."""
    tied = [(p, p.legal_basis.provenance or p.provenance) for p in organisation.purposes if p.legal_basis]
    placed = {id(p): {(place.section or "", quote) for place in where for quote in _quotes((place,))} for p, where in tied}
    return Counter(Basis(_headings(p.provenance + (p.legal_basis.provenance or ())), p.legal_basis.basis,
                         _quotes(p.provenance) | _quotes(where), _quotes(p.provenance),
                         not any(a == b and _overlap({x}, {y}) for q, _ in tied if q is not p
                                 for a, x in placed[id(p)] for b, y in placed[id(q)]))
                   for p, where in tied)


def _rights(organisation: Organisation) -> set[str]:
    """The rights the notice states, each once. Withdrawal of consent is one right of the notice (Art. 7(3),
    13(2)(c)), whether the declaration records it in ``notice.rights`` or only as a consent's withdrawal route."""
    stated = {r.right for r in organisation.notice.rights} if organisation.notice else set()
    if any(p.consent and p.consent.withdrawal for p in organisation.purposes):
        stated.add("withdraw_consent")
    return stated


def _cookies(organisation: Organisation) -> set[tuple[str, str | None]]:
    """The notice's trackers, each as its category and its provider's name (None for one the notice names no
    provider of, such as its own 'functional cookies'): a table's several cookies of one provider and category
    are one fact, and a tracker's own name ('_ga', 'Analytics cookies') is not compared."""
    return {(c.category, _name(organisation.recipient(c.provider).name) if c.provider else None)
            for c in organisation.cookies}


def facts(organisation: Organisation) -> dict[str, Counter]:
    """The facts of one declaration, per kind."""
    c = organisation.controller
    controller = set()
    if c:
        controller |= {("name", _name(c.legal_name))} if c.legal_name else set()
        controller |= {("register", re.sub(r"\D", "", c.registration.number))} if c.registration else set()
        controller |= {(k.channel, k.value.casefold()) for k in c.contacts if k.channel in ("email", "phone")}
        controller |= {("authority", c.supervisory_authority.name.casefold())} if c.supervisory_authority else set()
    tools = {t.tool for r in organisation.recipients for t in r.transfer_tools} | {t.tool for t in organisation.transfer_tools}
    return {
        "rights": Counter(_rights(organisation)),
        "controller": Counter(controller),
        "retention": Counter((r.period.text, r.limit) for a in organisation.activities for r in a.retention if r.period),
        "recipients": Counter(_name(r.name) for r in organisation.recipients if r.named),
        "transfer_tools": Counter(tools),
        "bases": _bases(organisation),
        "cookies": Counter(_cookies(organisation)),
    }


def matches(kind: str, drafted, reviewed) -> bool:
    if kind == "recipients":
        return same(drafted, reviewed)
    if kind == "cookies":
        return drafted[0] == reviewed[0] and (drafted[1] == reviewed[1] or None not in (drafted[1], reviewed[1])
                                              and matches("recipients", drafted[1], reviewed[1]))
    if kind == "bases":  # one basis, one section, one statement, and one purpose: the same, or the one it ties alone
        return (drafted.basis == reviewed.basis and _shared(drafted.headings, reviewed.headings)
                and _overlap(drafted.quotes, reviewed.quotes)
                and (_overlap(drafted.purpose, reviewed.purpose) or drafted.alone and reviewed.alone))
    return drafted == reviewed


def unmatched(mine: Counter, theirs: Counter, kind: str) -> list[Any]:
    """The facts of ``mine`` that no fact of ``theirs`` matches, one to one."""
    left, missing = list(theirs.elements()), []
    for fact in mine.elements():
        match = next((i for i, other in enumerate(left) if matches(kind, fact, other)), None)
        if match is None:
            missing.append(fact)
        else:
            left.pop(match)
    return missing
