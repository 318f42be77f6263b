"""The record of processing activities of GDPR Art. 30(1), drawn from declarations (:mod:`pac.reports.ropa` writes
it as CSV, xlsx or Markdown).

One row per processing activity: the controller (a), purposes (b), categories of data subjects and
of personal data (c), recipients (d), third-country transfers with their safeguards (e), time limits
for erasure (f) and security measures (g). It states only what the declaration states: an empty
cell is a gap in the record. Transfers are assessed with :func:`pac.transfers.assess` on the as-of date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .model import Activity, Organisation, Recipient, Retention
from .reference import Reference
from .transfers import assess, place

COLUMNS: tuple[tuple[str, str], ...] = (
    ("organisation", "Organisation"),
    ("controller", "Controller and contact details (Art. 30(1)(a))"),
    ("dpo", "Data protection officer (Art. 30(1)(a))"),
    ("representative", "Representative in the Union (Art. 30(1)(a))"),
    ("activity", "Processing activity"),
    ("purposes", "Purposes (Art. 30(1)(b))"),
    ("legal_bases", "Legal basis per purpose (Art. 6(1))"),
    ("data_subjects", "Categories of data subjects (Art. 30(1)(c))"),
    ("data_categories", "Categories of personal data (Art. 30(1)(c))"),
    ("recipients", "Categories of recipients (Art. 30(1)(d))"),
    ("transfers", "Transfers to third countries and safeguards (Art. 30(1)(e))"),
    ("retention", "Time limits for erasure (Art. 30(1)(f))"),
    ("security", "Security measures (Art. 30(1)(g))"),
    ("source", "Declared in"),
)
"""The record's columns: field name and heading, in order."""

_UNLINKED = " (the declaration does not say which activities)"


@dataclass(frozen=True, slots=True)
class Record:
    """One processing activity in the record; every field holds the entries of one column."""

    organisation: str
    controller: tuple[str, ...]
    dpo: tuple[str, ...]
    representative: tuple[str, ...]
    activity: str
    purposes: tuple[str, ...]
    legal_bases: tuple[str, ...]
    data_subjects: tuple[str, ...]
    data_categories: tuple[str, ...]
    recipients: tuple[str, ...]
    transfers: tuple[str, ...]
    retention: tuple[str, ...]
    security: tuple[str, ...]
    source: str

    def cells(self) -> list[tuple[str, ...]]:
        """The entries of each column, in :data:`COLUMNS` order."""
        return [(v,) if isinstance(v := getattr(self, name), str) else v for name, _ in COLUMNS]


def records(organisation: Organisation, reference: Reference, as_of: date) -> list[Record]:
    """The organisation's record: one :class:`Record` per activity, in declaration order."""
    controller, dpo, representative = _controller(organisation)
    common = {"organisation": organisation.id, "controller": controller, "dpo": dpo, "representative": representative,
              "security": tuple(s.description for s in organisation.security_measures)}
    recipients = [_Entry(r, _recipient(r, reference), _transfer(organisation, r, reference, as_of))
                  for r in organisation.recipients]
    unlinked = [e for e in recipients if not e.recipient.activities]
    return [_record(organisation, activity, reference, common, recipients, unlinked) for activity in organisation.activities]


@dataclass(frozen=True, slots=True)
class _Entry:
    """A recipient with its entries in the record: the recipient and, if there is one, the transfer."""

    recipient: Recipient
    text: str
    transfer: str | None


def _record(organisation: Organisation, activity: Activity, reference: Reference, common: dict[str, Any],
            recipients: list[_Entry], unlinked: list[_Entry]) -> Record:
    """The activity's record; ``unlinked`` are the recipients the declaration links to no activity."""
    shown = [e for e in recipients if activity.id in e.recipient.activities] + unlinked
    bases = [f"{p.name}: {_basis(p.legal_basis.basis, reference) if p.legal_basis else 'not stated'}"
             for p in activity.purposes]
    bases += [f"listed for the whole activity: {_basis(b.basis, reference)}" for b in activity.collective_legal_bases]
    return Record(
        **common, activity=activity.name, purposes=tuple(p.name for p in activity.purposes), legal_bases=tuple(bases),
        data_subjects=tuple(organisation.data_subject(s).name for s in activity.data_subjects),
        data_categories=tuple(_category(organisation, c, reference) for c in activity.categories),
        recipients=tuple(e.text for e in shown), transfers=tuple(e.transfer for e in shown if e.transfer),
        retention=tuple(_retention(organisation, rule) for rule in activity.retention),
        source=str(activity.location))


def _controller(organisation: Organisation) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    c = organisation.controller
    joint = tuple(f"joint controller: {r.name}" for r in organisation.recipients if r.role == "joint_controller")
    if c is None:
        return joint, (), ()
    address = c.address
    lines = [organisation.name, *(f"trading as {t}" for t in c.trade_names if t != organisation.name)]
    if c.registration is not None:
        lines.append(f"{c.registration.register} {c.registration.number}")
    if c.vat_number:
        lines.append(f"VAT {c.vat_number}")
    if address is not None:
        lines.append(", ".join(p for p in (address.street, address.postal_code, address.city, address.country) if p))
    lines += [f"{contact.channel}: {contact.value}" for contact in c.contacts]
    dpo = ()
    if c.dpo is not None:
        dpo = ((c.dpo.name or "designated") if c.dpo.designated else "not designated",
               *(f"{x.channel}: {x.value}" for x in c.dpo.contacts))
    rep = c.eu_representative
    representative = () if rep is None else (
        rep.name + (f" ({rep.country})" if rep.country else ""), *(f"{x.channel}: {x.value}" for x in rep.contacts))
    return (*lines, *joint), dpo, representative


def _basis(key: str, reference: Reference) -> str:
    basis = reference.legal_basis(key)
    return f"{basis.label} ({basis.article})"


def _category(organisation: Organisation, category_id: str, reference: Reference) -> str:
    category = organisation.category(category_id)
    marks = [f"special category: {reference.special_category(category.special).label}"] if category.special else []
    if category.criminal:
        marks.append(f"criminal convictions and offences ({reference.criminal_data.article})")
    return category.name + (f" [{'; '.join(marks)}]" if marks else "")


def _recipient(recipient: Recipient, reference: Reference) -> str:
    """The recipient in words; one the declaration links to no activity says so."""
    facts = [recipient.role.replace("_", " ")]
    if not recipient.named:
        facts.insert(0, "category")
    if recipient.country:
        facts.append(reference.country_name(recipient.country) or recipient.country)
    return f"{recipient.name} ({', '.join(facts)})" + ("" if recipient.activities else _UNLINKED)


def _transfer(organisation: Organisation, recipient: Recipient, reference: Reference, on: date) -> str | None:
    """The transfer to ``recipient`` and its safeguards, or None when its data stay home (in the EEA; in the UK for a
    controller under the UK GDPR)."""
    assessment = assess(organisation, recipient, reference, on)
    if assessment.status == "domestic":
        return None
    if assessment.status == "unknown_country":
        return f"{recipient.name}: the declaration does not say in which country; the transfer cannot be assessed"
    law = assessment.regime.jurisdiction
    tools = "; ".join(f"{reference.transfer_tool(v.claim.tool, law).label} ({v.verdict}: {v.reason})"
                      for v in assessment.verdicts) or "no transfer tool stated"
    general = " (the notice's general transfer tools)" if assessment.general and assessment.verdicts else ""
    return f"{recipient.name} \u2192 {place(recipient.country or '', reference)}: {tools}{general}"


def retention_scope(organisation: Organisation, rule: Retention) -> list[str]:
    """The names of the purposes and categories a retention rule is limited to (none: the whole activity)."""
    activity = organisation.activity(rule.activity)
    purposes = rule.purposes if set(rule.purposes) != {p.id for p in activity.purposes} else ()
    categories = rule.categories if set(rule.categories) != set(activity.categories) else ()
    return [organisation.purpose(p).name for p in purposes] + [organisation.category(c).name for c in categories]


def _retention(organisation: Organisation, rule: Retention) -> str:
    scope = retention_scope(organisation, rule)
    return rule.describe(detail=True) + (f" [{', '.join(scope)}]" if scope else "")
