"""The record of processing activities of GDPR Art. 30(1), drawn from declarations, as CSV, xlsx or Markdown.

One row per processing activity: the controller (a), purposes (b), categories of data subjects and
of personal data (c), recipients (d), third-country transfers with their safeguards (e), time limits
for erasure (f) and security measures (g). It states only what the declaration states: an empty
cell is a gap in the record. Transfers are assessed with :func:`pac.transfers.assess` on the as-of date.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Iterable

from .errors import printable
from .model import Activity, Organisation, Recipient, Retention
from .reference import Reference
from .reports.text import markdown as markdown_escape
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

FORMATS = ("csv", "xlsx", "md")
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
    """The transfer to ``recipient`` and its safeguards, or None when its data stay in the EEA."""
    assessment = assess(organisation, recipient, reference, on)
    if assessment.status == "domestic":
        return None
    if assessment.status == "unknown_country":
        return f"{recipient.name}: the declaration does not say in which country; the transfer cannot be assessed"
    tools = "; ".join(f"{reference.transfer_tool(v.claim.tool).label} ({v.verdict}: {v.reason})"
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


# Output formats

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """Neutralise a cell that a spreadsheet would run as a formula (OWASP, "CSV Injection"): prefix a quote."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell(entries: Iterable[str]) -> str:
    return spreadsheet_safe("\n".join(printable(e) for e in entries))


def render_csv(rows: list[Record]) -> str:
    """The record as CSV (RFC 4180): a heading row, then one row per activity; entries one per line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([heading for _, heading in COLUMNS])
    writer.writerows([_cell(entries) for entries in row.cells()] for row in rows)
    return out.getvalue()


def render_markdown(rows: list[Record], as_of: date) -> str:
    """The record as Markdown: per organisation its controller, then per activity a two-column table."""
    lines = ["# Record of processing activities (GDPR Art. 30(1))", "",
             f"As stated in the declarations, as of {as_of.isoformat()}. An empty entry is a gap in the record.", ""]
    headings = dict(COLUMNS)
    shared = ("controller", "dpo", "representative", "security")
    organisation = None
    for row in rows:
        if row.organisation != organisation:
            organisation = row.organisation
            lines += [f"## {markdown_escape(row.organisation)}", ""]
            lines += [f"- **{markdown_escape(headings[name])}**: {_md_cell(getattr(row, name))}" for name in shared]
            lines.append("")
        lines += [f"### {markdown_escape(row.activity)}", "", "| Entry | Record |", "|---|---|"]
        lines += [f"| {markdown_escape(headings[name])} | {_md_cell(getattr(row, name))} |"
                  for name, _ in COLUMNS if name not in (*shared, "organisation", "activity")]
        lines.append("")
    if not rows:
        lines += ["No processing activities are declared.", ""]
    return "\n".join(lines)


def _md_cell(value: str | tuple[str, ...]) -> str:
    entries = (value,) if isinstance(value, str) else value
    return "<br>".join(markdown_escape(e) for e in entries) or "\u2014"


def render_xlsx(rows: list[Record], as_of: date) -> bytes:
    """The record as an Excel workbook; byte-identical for the same rows and date (needs ``pac-gdpr[xlsx]``)."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
        from openpyxl.writer.excel import ExcelWriter
    except ImportError:
        raise RuntimeError("the xlsx format needs openpyxl: pip install 'pac-gdpr[xlsx]'") from None
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Art. 30 record"
    sheet.append([heading for _, heading in COLUMNS])
    for row in rows:
        sheet.append([_cell(entries) for entries in row.cells()])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in sheet.iter_cols(min_row=1):
        for cell in column:
            cell.data_type = "s"  # never a formula, whatever the text
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[column[0].column_letter].width = 40
    sheet.freeze_panes = "A2"
    stamp = datetime(as_of.year, as_of.month, as_of.day)
    workbook.properties.created = workbook.properties.modified = stamp
    workbook.properties.creator = "pac"
    buffer = io.BytesIO()
    with _FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return buffer.getvalue()


class _FixedTimeZip(zipfile.ZipFile):
    """A zip archive whose members all carry the same timestamp, so that equal content gives equal bytes."""

    def writestr(self, name, data, compress_type=None, compresslevel=None):  # type: ignore[override]
        if isinstance(name, str):
            name = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            name.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(name, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):  # type: ignore[override]
        with open(filename, "rb") as handle:
            self.writestr(arcname or os.path.basename(filename), handle.read())


def render(rows: list[Record], format: str, as_of: date) -> str | bytes:
    """The record in one of :data:`FORMATS`."""
    if format == "csv":
        return render_csv(rows)
    if format == "md":
        return render_markdown(rows, as_of)
    if format == "xlsx":
        return render_xlsx(rows, as_of)
    raise ValueError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
