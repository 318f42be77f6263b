"""Schema-valid documents -> the :mod:`pac.model`, checking ids and cross-references across files.

Two passes: the first collects every id of the organisation (from all of its files) and reports
duplicates; the second builds the elements and reports each reference to an unknown id at the
place it is made.
"""

from __future__ import annotations

import difflib
from datetime import date
from typing import Any, Callable, Collection, TypeVar

from . import model as m
from .duration import Duration
from .errors import InvalidInput, LocatedError, Location
from .yamlio import LocDict, LocList

T = TypeVar("T")

_TOP_COLLECTIONS = ("data_subjects", "data_categories", "activities", "recipients", "cookies")
_SINGLETONS = ("controller", "notice")
_NAMES = {"data_subjects": "data subject group", "data_categories": "data category", "activities": "activity",
          "purposes": "purpose", "recipients": "recipient", "cookies": "cookie"}


class _Ids:
    """Every id of one organisation, with where it was first declared."""

    def __init__(self) -> None:
        self.where: dict[str, dict[str, Location]] = {c: {} for c in (*_TOP_COLLECTIONS, "purposes")}
        self.compared = 0  # ids compared with unknown references so far, for did-you-mean hints


class _Document:
    """Builds the elements of one file."""

    def __init__(self, file: str, ids: _Ids, record_types: Collection[str], errors: list[LocatedError]):
        self.file, self.ids, self.record_types, self.errors = file, ids, record_types, errors

    # -- locations and small values ---------------------------------------------------------------
    def at(self, mapping: LocDict, key: str | None = None) -> Location:
        line, column = mapping.pos if key is None else mapping.value_pos(key)
        return Location(self.file, line, column)

    def fail(self, location: Location, message: str, hint: str = "", kind: str = "reference") -> None:
        self.errors.append(LocatedError(location, kind, message, hint))

    def date(self, mapping: LocDict, key: str) -> date | None:
        if key not in mapping:
            return None
        try:
            return date.fromisoformat(mapping[key])
        except ValueError:
            self.fail(self.at(mapping, key), f"{mapping[key]!r} is not a date in the calendar", "write it as YYYY-MM-DD", "schema")
            return None

    def duration(self, mapping: LocDict, key: str) -> Duration | None:
        return Duration.parse(mapping[key]) if key in mapping else None

    def provenance(self, mapping: LocDict, key: str = "provenance") -> tuple[m.Provenance, ...]:
        value = mapping.get(key)
        if value is None:
            return ()
        items = value if isinstance(value, LocList) else [value]
        return tuple(m.Provenance(**p, location=self.at(p)) for p in items)  # (the schema allows only its fields)

    def element(self, cls: Callable[..., T], mapping: LocDict, **fields: Any) -> T:
        return cls(location=self.at(mapping), provenance=self.provenance(mapping), note=mapping.get("note"), **fields)

    def optional(self, mapping: LocDict, key: str, build: Callable[[LocDict], T]) -> T | None:
        return build(mapping[key]) if key in mapping else None

    def refs(self, mapping: LocDict, key: str, collection: str, within: set[str] | None = None,
             owner: str = "") -> tuple[str, ...]:
        """The ids listed under ``key``, each checked against ``collection`` (or the ``within`` subset)."""
        values = mapping.get(key) or ()
        known = self.ids.where[collection]
        for index, ref in enumerate(values):
            if ref not in known:
                self.fail(Location(self.file, *values.locs[index]), f"unknown {_NAMES[collection]} {ref!r}",
                          _did_you_mean(ref, self.ids, collection))
            elif within is not None and ref not in within:
                self.fail(Location(self.file, *values.locs[index]), f"{_NAMES[collection]} {ref!r} is not part of "
                          f"{owner}", f"list it in {owner} first, or leave this list out to cover all of it")
        return tuple(values)

    def ref(self, mapping: LocDict, key: str, collection: str) -> str | None:
        value = mapping.get(key)
        if value is not None and value not in self.ids.where[collection]:
            self.fail(self.at(mapping, key), f"unknown {_NAMES[collection]} {value!r}",
                      _did_you_mean(value, self.ids, collection))
        return value

    # -- elements ---------------------------------------------------------------------------------
    def contacts(self, mapping: LocDict) -> tuple[m.Contact, ...]:
        return tuple(self.element(m.Contact, c, channel=c["channel"], value=c["value"]) for c in mapping.get("contacts", ()))

    def statement(self, mapping: LocDict) -> m.Statement:
        return self.element(m.Statement, mapping, description=mapping["description"])

    def time_statement(self, mapping: LocDict) -> m.TimeStatement:
        return self.element(m.TimeStatement, mapping, period=self.duration(mapping, "period"), limit=mapping.get("limit"),
                            extension=self.duration(mapping, "extension"), vague=mapping.get("vague"))

    def scale(self, owner: LocDict) -> m.Scale | None:
        return self.optional(owner, "scale", lambda s: self.element(m.Scale, s, extent=s["extent"]))

    def controller(self, c: LocDict) -> m.Controller:
        return self.element(
            m.Controller, c,
            legal_name=c.get("legal_name"), trade_names=tuple(c.get("trade_names", ())), scale=self.scale(c),
            registration=self.optional(c, "registration", lambda r: self.element(m.Registration, r, register=r["register"], number=r["number"])),
            vat_number=c.get("vat_number"),
            address=self.optional(c, "address", lambda a: self.element(m.Address, a, street=a.get("street"), postal_code=a.get("postal_code"),
                                                                        city=a.get("city"), country=a.get("country"))),
            country=c.get("country"), contacts=self.contacts(c),
            dpo=self.optional(c, "dpo", lambda d: self.element(m.Dpo, d, designated=d["designated"], name=d.get("name"), contacts=self.contacts(d))),
            processing_staff=self.optional(c, "processing_staff", lambda s: self.element(m.Count, s, count=s["count"])),
            eu_representative=self.optional(c, "eu_representative", lambda r: self.element(
                m.Representative, r, name=r["name"], country=r.get("country"), contacts=self.contacts(r))),
            supervisory_authority=self.optional(c, "supervisory_authority", lambda a: self.element(
                m.Authority, a, name=a["name"], country=a.get("country"), url=a.get("url"))),
            stated_roles=self.optional(c, "stated_roles", lambda r: self.element(m.StatedRoles, r, roles=tuple(r["roles"]))),
        )

    def notice(self, n: LocDict) -> m.Notice:
        return self.element(
            m.Notice, n,
            title=n.get("title"), source=n.get("source"), text_file=n.get("text_file"), language=n.get("language"),
            version=n.get("version"), last_updated=self.date(n, "last_updated"), draft=n.get("draft"),
            rights=tuple(self.element(m.Right, r, right=r["right"], route=r.get("route"), conditions=r.get("conditions"),
                                      activities=self.refs(r, "activities", "activities"),
                                      purposes=self.refs(r, "purposes", "purposes"),
                                      restrictions=self.each(r, "restrictions", m.RightCondition, "condition"))
                         for r in n.get("rights", ())),
            response_time=self.optional(n, "response_time", self.time_statement),
            automated_decision_making=self.optional(n, "automated_decision_making", lambda a: self.element(
                m.AutomatedDecisions, a, used=a["used"], profiling=a.get("profiling"), logic=a.get("logic"), consequences=a.get("consequences"),
                qualified=a.get("qualified"))),
            children=self.optional(n, "children", lambda c: self.element(
                m.Children, c, minimum_age=c["minimum_age"], parental_consent=c.get("parental_consent"), age_verified=c.get("age_verified"))),
            breach_procedure=self.optional(n, "breach_procedure", lambda b: self.element(
                m.BreachProcedure, b, notify_authority=b.get("notify_authority"), notify_data_subjects=b.get("notify_data_subjects"),
                deadline=self.duration(b, "deadline"))),
            provision_requirement=self.optional(n, "provision_requirement", lambda p: self.element(
                m.ProvisionRequirement, p, description=p["description"], requirement=tuple(p.get("requirement", ())),
                consequences=p.get("consequences"), partial=p.get("partial", False))),
            change_policy=self.optional(n, "change_policy", self.statement),
            claims=tuple(self.element(m.Claim, c, claim=c["claim"], area=c.get("area")) for c in n.get("claims", ())),
            cited_laws=self.each(n, "cited_laws", m.CitedLaw, "law"),
        )

    def each(self, owner: LocDict, key: str, cls: Callable[..., T], field: str) -> tuple[T, ...]:
        """The elements listed under ``key``, each an object with one keyed ``field`` and its provenance."""
        return tuple(self.element(cls, item, **{field: item[field]}) for item in owner.get(key, ()))

    def identified(self, cls: Callable[..., T], mapping: LocDict, **fields: Any) -> T:
        return self.element(cls, mapping, id=mapping["id"], name=mapping["name"], term=mapping.get("term"), **fields)

    def data_subject(self, s: LocDict) -> m.DataSubject:
        return self.identified(m.DataSubject, s, relationship=s.get("relationship"), children=s.get("children"))

    def data_category(self, c: LocDict) -> m.DataCategory:
        return self.identified(m.DataCategory, c, special=c.get("special"), criminal=c.get("criminal", False),
                               mandatory=c.get("mandatory"), source=c.get("source"),
                               origin=self.optional(c, "origin", self.statement))

    def keyed(self, owner: LocDict, key: str, field: str, cls: Callable[..., T]) -> T | None:
        """A value that is either a bare key (sourced by ``owner``'s provenance) or an object with its own."""
        if key not in owner:
            return None
        value = owner[key]
        if isinstance(value, LocDict):
            return self.element(cls, value, **{field: value[field]})
        return cls(location=self.at(owner, key), provenance=self.provenance(owner), **{field: value})

    def purpose(self, p: LocDict, activity: str, categories: tuple[str, ...]) -> m.Purpose:
        own = self.refs(p, "categories", "data_categories", set(categories), f"activity {activity!r}")
        for index, record in enumerate(p.get("record_types", ())):
            if record not in self.record_types:
                self.fail(Location(self.file, *p["record_types"].locs[index]), f"unknown statutory record type {record!r}",
                          "use the id of a retention row of pac's reference data: " + ", ".join(sorted(self.record_types)))
        return self.identified(
            m.Purpose, p, activity=activity, kind=p.get("kind"), categories=own or categories,
            legal_basis=self.keyed(p, "legal_basis", "basis", m.LegalBasis),
            art9_condition=self.keyed(p, "art9_condition", "condition", m.Art9Condition),
            legitimate_interest=self.optional(p, "legitimate_interest", self.statement),
            statute=p.get("statute"), record_types=tuple(p["record_types"]) if "record_types" in p else None,
            consent=self.optional(p, "consent", lambda c: self.element(m.Consent, c, withdrawal=c.get("withdrawal"),
                                                                       bundled_with_terms=c.get("bundled_with_terms"))),
            objection=self.optional(p, "objection", lambda o: self.element(m.Objection, o, route=o["route"])),
            channels=tuple(p.get("channels", ())), deidentification=p.get("deidentification"),
            automated_decision=self.optional(p, "automated_decision", lambda a: self.element(
                m.AutomatedDecision, a, kind=a["kind"], effect=a.get("effect"), human_review=a.get("human_review"))),
        )

    def retention(self, r: LocDict, activity: str, purposes: tuple[str, ...], categories: tuple[str, ...]) -> m.Retention:
        owner = f"activity {activity!r}"
        return self.element(
            m.Retention, r, activity=activity,
            purposes=self.refs(r, "purposes", "purposes", set(purposes), owner) or purposes,
            categories=self.refs(r, "categories", "data_categories", set(categories), owner) or categories,
            period=self.duration(r, "period"), limit=r.get("limit"), after=r.get("after"), until=r.get("until"),
            vague=r.get("vague"), reason=r.get("reason"), description=r.get("description"),
        )

    def activity(self, a: LocDict) -> m.Activity:
        categories = self.refs(a, "categories", "data_categories")
        purposes = tuple(self.purpose(p, a["id"], categories) for p in a.get("purposes", ()))
        purpose_ids = tuple(p.id for p in purposes)
        return self.identified(
            m.Activity, a, description=a.get("description"),
            data_subjects=self.refs(a, "data_subjects", "data_subjects"), categories=categories, purposes=purposes,
            collective_legal_bases=self.each(a, "collective_legal_bases", m.LegalBasis, "basis"),
            retention=tuple(self.retention(r, a["id"], purpose_ids, categories) for r in a.get("retention", ())),
            dpia=self.optional(a, "dpia", lambda d: self.element(m.Dpia, d, status=d["status"])),
            context_reveals=self.each(a, "context_reveals", m.RevealedCategory, "special"),
            risk_factors=self.each(a, "risk_factors", m.RiskFactor, "factor"), scale=self.scale(a),
        )

    def transfer_claim(self, t: LocDict) -> m.TransferClaim:
        return self.element(m.TransferClaim, t, tool=t["tool"], version=t.get("version"), module=t.get("module"),
                            concluded=self.date(t, "concluded"), processing_unchanged=t.get("processing_unchanged"),
                            reference=t.get("reference"))

    def recipient(self, r: LocDict) -> m.Recipient:
        country = r.get("country")
        if isinstance(country, LocDict):
            code, country_provenance = country["code"], self.provenance(country)
        else:
            code, country_provenance = country, self.provenance(r) if country else ()
        return self.identified(
            m.Recipient, r, named=r["named"], role=r["role"], parent=self.ref(r, "parent", "recipients"),
            country=code, country_provenance=country_provenance, services=tuple(r.get("services", ())),
            activities=self.refs(r, "activities", "activities"), categories=self.refs(r, "categories", "data_categories"),
            processor_agreement=self.optional(r, "processor_agreement", lambda a: self.element(m.ProcessorAgreement, a, in_place=a["in_place"])),
            transfer_tools=tuple(self.transfer_claim(t) for t in r.get("transfer_tools", ())),
            scope_conditions=tuple(self.element(m.ScopeCondition, s, condition=s["condition"], holds=s.get("holds", True),
                                                checked=self.date(s, "checked")) for s in r.get("scope_conditions", ())),
            locations=tuple(self.element(m.Place, place, country=place.get("country"), relation=place["relation"])
                            for place in r.get("locations", ())),
            integrations=self.each(r, "integrations", m.Integration, "integration"),
            joint_arrangement=self.optional(r, "joint_arrangement", lambda j: self.element(
                m.JointArrangement, j, description=j["description"], stages=tuple(j.get("stages", ())))),
            own_purposes=tuple(self.statement(s) for s in r.get("own_purposes", ())),
            processing_denied=self.optional(r, "processing_denied", self.statement),
            business=self.optional(r, "business", lambda b: self.element(m.Business, b, kinds=tuple(b["kinds"]))),
        )

    def cookie(self, c: LocDict) -> m.Cookie:
        duration = c.get("duration")
        return self.identified(
            m.Cookie, c, type=c["type"], category=c["category"], provider=self.ref(c, "provider", "recipients"),
            purpose=c.get("purpose"), consent=c.get("consent"),
            duration=Duration.parse(duration) if duration and duration != "session" else duration,
        )


SUGGESTION_BUDGET = 5_000
"""How many ids the did-you-mean hints of one organisation may compare references with, in all: each hint
compares its reference with every id of the collection, so a hint for each of thousands of unknown
references would take time growing with the square of the input. The first hints are given; once the
budget is spent, the hint only says where to declare the id."""


def _did_you_mean(ref: str, ids: _Ids, collection: str) -> str:
    known = ids.where[collection]
    ids.compared += len(known)
    affordable = isinstance(ref, str) and ids.compared <= SUGGESTION_BUDGET
    close = difflib.get_close_matches(ref, list(known), n=1) if affordable else []
    return f"did you mean {close[0]!r}?" if close else f"declare it under {collection} first"


def _collect_ids(documents: list[tuple[str, LocDict]], errors: list[LocatedError]) -> _Ids:
    ids = _Ids()
    singletons: dict[str, Location] = {}

    def declare(collection: str, element: LocDict, file: str) -> None:
        where = ids.where[collection]
        location = Location(file, *element.value_pos("id"))
        if element["id"] in where:
            first = where[element["id"]]
            errors.append(LocatedError(location, "duplicate-id", f"{_NAMES[collection]} id {element['id']!r} is declared twice "
                                       f"(first at {first})", "ids must be unique within an organisation, across all its files"))
        else:
            where[element["id"]] = location

    for file, doc in documents:
        for key in _SINGLETONS:
            if key in doc:
                location = Location(file, *doc.key_pos(key))
                if key in singletons:
                    errors.append(LocatedError(location, "conflict", f"{key!r} is declared twice (first at {singletons[key]})",
                                               f"declare the {key} in one file of the organisation only"))
                else:
                    singletons[key] = location
        for collection in _TOP_COLLECTIONS:
            for element in doc.get(collection, ()):
                declare(collection, element, file)
        for activity in doc.get("activities", ()):
            for purpose in activity.get("purposes", ()):
                declare("purposes", purpose, file)
    return ids


def _check_parents(recipients: tuple[m.Recipient, ...], errors: list[LocatedError]) -> None:
    """A sub-processor works under a processor (or another sub-processor), never under itself or in a circle.

    Each recipient is walked once: a walk stops at a recipient already settled, so a chain thousands deep
    costs no more than its length."""
    by_id = {r.id: r for r in recipients}
    settled: set[str] = set()  # recipients whose chain of parents is known to end (or to be reported)
    for recipient in recipients:
        if recipient.parent not in by_id:
            continue
        if recipient.parent == recipient.id:
            errors.append(LocatedError(recipient.location, "reference", f"recipient {recipient.id!r} is its own parent",
                                       "a sub-processor's parent is the processor it works for"))
            continue
        parent = by_id[recipient.parent]
        if parent.role not in ("processor", "sub_processor"):
            errors.append(LocatedError(recipient.location, "reference", f"the parent of sub-processor {recipient.id!r} is "
                                       f"{parent.id!r}, a {parent.role.replace('_', ' ')}",
                                       "a sub-processor works under a processor or another sub-processor"))
    for recipient in recipients:
        walk: dict[str, None] = {}  # this walk's recipients, in order
        current: m.Recipient | None = recipient
        while current is not None and current.id not in settled and current.id not in walk:
            walk[current.id] = None
            current = by_id.get(current.parent) if current.parent not in (None, current.id) else None
        settled.update(walk)
        if current is not None and current.id in walk:  # the walk came back to itself: a circle
            ids = list(walk)
            circle = ids[ids.index(current.id):]
            for index, member in enumerate(circle):  # each member is told, at its own place
                errors.append(LocatedError(by_id[member].location, "reference",
                                           f"the sub-processor chain {_circle(circle, index)} runs in a circle",
                                           "every chain of parents must end at a processor"))


def _circle(circle: list[str], start: int) -> str:
    """The circle of ids from ``circle[start]`` round to itself; a long one shortened (its length told)."""
    size = len(circle)
    if size <= 6:
        shown = [circle[(start + i) % size] for i in range(size)]
    else:
        shown = [circle[(start + i) % size] for i in range(3)] + [f"... ({size - 3} more)"]
    return " -> ".join([*shown, circle[start]])


def build(org_id: str, documents: list[tuple[str, LocDict]], record_types: Collection[str]) -> m.Organisation:
    """Build one organisation from its schema-valid documents (file name, data), or raise :class:`InvalidInput`.

    ``record_types`` are the statutory record types a purpose may name (ids of reference retention rows)."""
    errors: list[LocatedError] = []
    ids = _collect_ids(documents, errors)
    parts: dict[str, list[Any]] = {key: [] for key in (*_TOP_COLLECTIONS, "transfer_tools", "security_measures")}
    singletons: dict[str, Any] = {}
    for file, doc in documents:
        builder = _Document(file, ids, record_types, errors)
        if "controller" in doc and "controller" not in singletons:
            singletons["controller"] = builder.controller(doc["controller"])
        if "notice" in doc and "notice" not in singletons:
            singletons["notice"] = builder.notice(doc["notice"])
        parts["data_subjects"] += [builder.data_subject(s) for s in doc.get("data_subjects", ())]
        parts["data_categories"] += [builder.data_category(c) for c in doc.get("data_categories", ())]
        parts["activities"] += [builder.activity(a) for a in doc.get("activities", ())]
        parts["recipients"] += [builder.recipient(r) for r in doc.get("recipients", ())]
        parts["cookies"] += [builder.cookie(c) for c in doc.get("cookies", ())]
        parts["transfer_tools"] += [builder.transfer_claim(t) for t in doc.get("transfer_tools", ())]
        parts["security_measures"] += [builder.statement(s) for s in doc.get("security_measures", ())]
    recipients = tuple(parts["recipients"])
    _check_parents(recipients, errors)
    if errors:
        raise InvalidInput(errors)
    first_file, first_doc = documents[0]
    return m.Organisation(
        id=org_id, files=tuple(file for file, _ in documents), location=Location(first_file, *first_doc.pos),
        controller=singletons.get("controller"), notice=singletons.get("notice"),
        **{key: tuple(values) for key, values in parts.items()},
    )
