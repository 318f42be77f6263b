"""A change review for legal: what a change to declarations alters, and which findings it adds or resolves.

:func:`review` compares the organisations of two versions (matched by id) and their evaluations on one
date: recipients added or removed, third countries data newly go to (or no longer go to), purposes
added or removed and changed legal bases, retention shortened, lengthened or otherwise changed,
special-category (and Art. 10) data added or removed, waivers added, widened, changed or removed,
and the findings that are new or resolved. :mod:`pac.reports.review` renders it as text, Markdown or JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Iterator, Mapping, TypeVar

from .checking import Finding, at_least
from .engine import Evaluation
from .model import Organisation, Purpose, Retention
from .reference import Reference
from .ropa import retention_scope
from .transfers import outside_home, place, regime
from .waivers import Waiver

KINDS = {
    "organisation-added": "Organisation added",
    "organisation-removed": "Organisation removed",
    "recipient-added": "Recipient added",
    "recipient-removed": "Recipient removed",
    "recipient-country-changed": "Recipient's country changed",
    "third-country-added": "New third country",
    "third-country-removed": "Third country no longer used",
    "purpose-added": "Purpose added",
    "purpose-removed": "Purpose removed",
    "legal-basis-changed": "Legal basis changed",
    "retention-shortened": "Retention shortened",
    "retention-lengthened": "Retention lengthened",
    "retention-changed": "Retention changed",
    "retention-added": "Retention rule added",
    "retention-removed": "Retention rule removed",
    "special-category-added": "Special-category data added",
    "special-category-removed": "Special-category data removed",
    "waiver-added": "Waiver added",
    "waiver-widened": "Waiver widened",
    "waiver-changed": "Waiver changed",
    "waiver-removed": "Waiver removed",
}
"""Every kind of change, with its heading."""

ACCEPTS_MORE = frozenset({"waiver-added", "waiver-widened"})
"""Waiver changes that accept findings no waiver accepted before: like a new finding, they need review."""


@dataclass(frozen=True, slots=True)
class Change:
    """One change a lawyer should see: its kind, the element it concerns and what it was and is."""

    organisation: str
    kind: str
    subject: str
    description: str
    old: str | None = None
    new: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"organisation": self.organisation, "kind": self.kind, "subject": self.subject,
                "description": self.description, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class Review:
    """The whole change review: the date, the changes, and the findings the change adds and resolves."""

    as_of: date
    organisations: tuple[str, ...]
    changes: tuple[Change, ...]
    new_findings: tuple[Finding, ...]
    resolved_findings: tuple[Finding, ...]

    def adds_findings(self, threshold: str = "info") -> bool:
        """Whether the change adds a finding at or above ``threshold`` that no waiver covers."""
        return any(not f.waived and at_least(f.severity, threshold) for f in self.new_findings)

    def widens_waivers(self) -> bool:
        """Whether the change adds a waiver or makes one accept more (another subject, a later expiry)."""
        return any(c.kind in ACCEPTS_MORE for c in self.changes)


def review(old: Iterable[Evaluation], new: Iterable[Evaluation], reference: Reference, as_of: date,
           waivers: tuple[Iterable[Waiver], Iterable[Waiver]] = ((), ())) -> Review:
    """Compare two versions, each given as the evaluations of its organisations on ``as_of`` and, in
    ``waivers``, the waivers of the old and of the new version."""
    before = {e.organisation.id: e for e in old}
    after = {e.organisation.id: e for e in new}
    old_waivers, new_waivers = (_waivers_by_organisation(w) for w in waivers)
    organisations = sorted(before.keys() | after.keys() | old_waivers.keys() | new_waivers.keys())
    changes: list[Change] = []
    added: list[Finding] = []
    resolved: list[Finding] = []
    for org_id in organisations:
        o, n = before.get(org_id), after.get(org_id)
        if (o is None) != (n is None):
            kind = "organisation-added" if o is None else "organisation-removed"
            changes.append(Change(org_id, kind, "organisation", f"{_either(o, n).organisation.name} ({org_id})"))
        changes += compare(org_id, o and o.organisation, n and n.organisation, reference, as_of)
        changes += _waivers(org_id, old_waivers.get(org_id, {}), new_waivers.get(org_id, {}))
        old_found = {_identity(f): f for f in (o.all_findings() if o else ())}
        new_found = {_identity(f): f for f in (n.all_findings() if n else ())}
        added += [f for key, f in new_found.items() if key not in old_found]
        resolved += [f for key, f in old_found.items() if key not in new_found]
    return Review(as_of, tuple(organisations), tuple(changes),
                  tuple(sorted(added, key=Finding.sort_key)), tuple(sorted(resolved, key=Finding.sort_key)))


K = TypeVar("K")
V = TypeVar("V")


def _pairs(before: Mapping[K, V], after: Mapping[K, V]) -> Iterator[tuple[K, V | None, V | None]]:
    """Every key of either mapping, sorted, with its value before and after (None: absent there)."""
    for key in sorted(before.keys() | after.keys()):  # type: ignore[type-var]
        yield key, before.get(key), after.get(key)


def _either(old: V | None, new: V | None) -> V:
    """The version that exists (the new one when both do)."""
    value = new if new is not None else old
    assert value is not None
    return value


def _identity(finding: Finding) -> tuple[str, str, str, str]:
    """What makes two findings the same across versions (not their line numbers, which edits shift)."""
    return finding.organisation, finding.check, finding.subject, finding.message


def compare(org_id: str, old: Organisation | None, new: Organisation | None, reference: Reference,
            as_of: date) -> list[Change]:
    """The changes between two versions of one organisation (None: it does not exist in that version)."""
    return [*_recipients(org_id, old, new, reference), *_third_countries(org_id, old, new, reference, as_of),
            *_purposes(org_id, old, new), *_retention(org_id, old, new), *_special(org_id, old, new, reference)]


def _recipients(org_id: str, old: Organisation | None, new: Organisation | None, reference: Reference) -> Iterator[Change]:
    for _, o, n in _pairs({r.id: r for r in old.recipients} if old else {}, {r.id: r for r in new.recipients} if new else {}):
        r = _either(o, n)
        if o is None or n is None:
            yield Change(org_id, "recipient-added" if o is None else "recipient-removed", r.subject,
                         f"{r.name} ({r.role.replace('_', ' ')}; {place(r.country, reference)})")
        elif o.country != n.country:
            yield Change(org_id, "recipient-country-changed", r.subject,
                         f"{r.name}: {place(o.country, reference)} \u2192 {place(n.country, reference)}", o.country, n.country)


def _countries(organisation: Organisation | None, reference: Reference, as_of: date) -> dict[str, list[str]]:
    """Each country outside home on ``as_of`` (the EEA; the UK for a controller under the UK GDPR) that recipients
    are in, with those recipients' names."""
    found: dict[str, list[str]] = {}
    if organisation is None:
        return found
    law = regime(organisation, reference, as_of)
    for r in organisation.recipients:
        if outside_home(r, law, reference, as_of):
            found.setdefault(r.country, []).append(r.name)  # type: ignore[arg-type]
    return found


def _third_countries(org_id: str, old: Organisation | None, new: Organisation | None, reference: Reference,
                     as_of: date) -> Iterator[Change]:
    latest = new or old
    area = regime(latest, reference, as_of).area if latest else "the EEA"
    for code, o, n in _pairs(_countries(old, reference, as_of), _countries(new, reference, as_of)):
        if o is None or n is None:
            yield Change(org_id, "third-country-added" if o is None else "third-country-removed", f"countries/{code}",
                         f"{place(code, reference)}, outside {area}: {', '.join(sorted(_either(o, n)))}")


def _basis(purpose: Purpose | None) -> str | None:
    if purpose is None:
        return None
    return purpose.legal_basis.basis if purpose.legal_basis else "not stated"


def _purposes(org_id: str, old: Organisation | None, new: Organisation | None) -> Iterator[Change]:
    for _, o, n in _pairs({p.id: p for p in old.purposes} if old else {}, {p.id: p for p in new.purposes} if new else {}):
        p = _either(o, n)
        if o is None or n is None:
            yield Change(org_id, "purpose-added" if o is None else "purpose-removed", p.subject,
                         f"{p.name} (legal basis: {_basis(p)})", _basis(o), _basis(n))
        elif _basis(o) != _basis(n):
            yield Change(org_id, "legal-basis-changed", p.subject, f"{p.name}: {_basis(o)} \u2192 {_basis(n)}",
                         _basis(o), _basis(n))


def _rules(organisation: Organisation | None) -> dict[tuple, tuple[Organisation, Retention]]:
    """Retention rules keyed by activity, scope and position among the rules of that scope."""
    rules: dict[tuple, tuple[Organisation, Retention]] = {}
    seen: dict[tuple, int] = {}
    for rule in organisation.iter_retention() if organisation else ():
        scope = (rule.activity, rule.purposes, rule.categories)
        seen[scope] = seen.get(scope, -1) + 1
        rules[(*scope, seen[scope])] = (organisation, rule)  # type: ignore[assignment]
    return rules


def _retention(org_id: str, old: Organisation | None, new: Organisation | None) -> Iterator[Change]:
    for key, o, n in _pairs(_rules(old), _rules(new)):
        organisation, rule = _either(o, n)
        was, now = (x[1].describe() if x else None for x in (o, n))
        scope = retention_scope(organisation, rule)
        where = organisation.activity(rule.activity).name + (f" ({', '.join(scope)})" if scope else "")
        if o is None or n is None:
            yield Change(org_id, "retention-added" if o is None else "retention-removed", f"activities/{key[0]}",
                         f"{where}: {was or now}", was, now)
        elif was != now:
            periods = o[1].period, n[1].period
            kind = ("retention-changed" if None in periods or periods[0] == periods[1] else
                    "retention-shortened" if periods[1] < periods[0] else "retention-lengthened")  # type: ignore[operator]
            yield Change(org_id, kind, f"activities/{key[0]}", f"{where}: {was} \u2192 {now}", was, now)


def _special_data(organisation: Organisation | None, reference: Reference) -> dict[str, tuple[str, str]]:
    """Each category of special (Art. 9) or criminal (Art. 10) data: its name and what makes it so."""
    found: dict[str, tuple[str, str]] = {}
    for c in organisation.data_categories if organisation else ():
        kinds = ([reference.special_category(c.special).label] if c.special else []) + (
            [reference.criminal_data.label] if c.criminal else [])
        if kinds:
            found[c.id] = (c.name, "; ".join(kinds))
    return found


def _special(org_id: str, old: Organisation | None, new: Organisation | None, reference: Reference) -> Iterator[Change]:
    for cid, o, n in _pairs(_special_data(old, reference), _special_data(new, reference)):
        if o is not None and n is not None and o[1] == n[1]:
            continue
        if n is not None:
            yield Change(org_id, "special-category-added", f"data_categories/{cid}", f"{n[0]}: {n[1]}", o and o[1], n[1])
        if o is not None:
            yield Change(org_id, "special-category-removed", f"data_categories/{cid}", f"{o[0]}: {o[1]}", o[1], n and n[1])


WaiverKey = tuple[str, str]
"""A waiver's check and subject ("" for every subject of the check)."""


def _until(waiver: Waiver) -> date:
    return waiver.expires or date.max


def _waivers_by_organisation(waivers: Iterable[Waiver]) -> dict[str, dict[WaiverKey, Waiver]]:
    """Per organisation, its waivers by check and subject; of two for the same, the one lasting longer."""
    found: dict[str, dict[WaiverKey, Waiver]] = {}
    for waiver in waivers:
        own = found.setdefault(waiver.organisation, {})
        key = (waiver.check, waiver.subject or "")
        if key not in own or _until(waiver) > _until(own[key]):
            own[key] = waiver
    return found


def _scope(waiver: Waiver) -> str:
    until = f"until {waiver.expires}" if waiver.expires else "no expiry"
    return f"{waiver.check} on {waiver.subject or 'every subject'}, {until}"


def _waivers(org_id: str, old: Mapping[WaiverKey, Waiver], new: Mapping[WaiverKey, Waiver]) -> Iterator[Change]:
    """Waivers added, widened (another subject or every subject of a check, a later expiry or none),
    changed without accepting more (an earlier expiry, another reason or owner) or removed."""
    for (check, subject), o, n in _pairs(old, new):
        w = _either(o, n)
        element = w.subject or "every subject"
        if n is None:
            yield Change(org_id, "waiver-removed", element, f"{w.check}: {w.describe()}", _scope(w), None)
            continue
        covering = [c for (c_check, c_subject), c in old.items()
                    if c_check == check and c_subject in ("", subject) and _until(c) >= _until(n)]
        same_check = [c for (c_check, _), c in old.items() if c_check == check]
        if o is not None and (o.justification, o.owner, o.expires) == (n.justification, n.owner, n.expires):
            continue
        kind = ("waiver-changed" if covering else "waiver-widened" if same_check else "waiver-added")
        was = "; ".join(_scope(c) for c in same_check) or None
        yield Change(org_id, kind, element, f"{w.check}: {n.describe()}", was, _scope(n))
