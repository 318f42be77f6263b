"""Fides (fideslang) manifests -> one pac declaration, so that users of Fides can run pac's checks in CI.

How Fides' resources become pac's (fideslang 2.x/3.x: ``ethyca/fideslang``, ``src/fideslang/models.py``):

- each *system* with privacy declarations becomes an activity, and each of its *privacy declarations*
  a purpose (its data use, data categories and data subjects, legal basis, Art. 9 basis, retention text);
- a system of another business (it has a ``vendor_id``, or a ``legal_name`` other than the
  organisation's) is also a recipient: of its own activity's data and of every system whose ``egress``
  names it; flows between the organisation's own systems, to datasets and to users disclose nothing;
- ``data_shared_with_third_parties``/``third_parties`` become an unnamed recipient category,
  ``joint_controller_info`` a joint controller, ``legal_basis_for_transfers`` transfer tools;
- a system of the organisation that ``does_international_transfers`` gets an unnamed recipient abroad;
- the *organization* resource becomes the controller (name, contacts, DPO, representative, security policy);
- each *dataset* gives its fields' data categories (special categories included) to the activities of the
  systems that use it (``dataset_references``, or a flow of type ``dataset``), and a dataset no system uses
  becomes an activity of its own, with no purpose, so that pac's checks ask why its data are held.

Every key pac cannot carry over is returned with its location (:attr:`Imported.dropped`) and
``pac import fides`` lists them on stderr; nothing is left out silently.

What Fides cannot express is left out, so that pac's checks report it: the privacy notice, the
controller's country, where each recipient is, whether it is a processor, which transfer tool covers
which recipient, legitimate interests, consent and objection routes. Every element carries the
provenance ``{fact: "imported from Fides manifest FILE: PATH"}``. Nothing is guessed: a value Fides'
vocabulary does not define is an error, never a default.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence


from .duration import Duration
from .errors import InvalidInput, LocatedError, Location, printable
from .loader import UNREADABLE, discover, read_documents
from .reference import Reference
from .yamlio import DEFAULT_LIMITS, Limits, LocDict, LocList, Pos, dump

# Fides' vocabulary -> pac's keys. Source of the Fides values: fideslang, https://github.com/ethyca/fideslang
# (also IABTechLab/fideslang): src/fideslang/models.py (LegalBasisForProcessingEnum, SpecialCategoryLegalBasisEnum,
# LegalBasisForTransfersEnum, System, PrivacyDeclaration, DataFlow, Organization) and src/fideslang/default_taxonomy/
# (data_uses.py, data_categories.py, data_subjects.py, fideslang 3.x; the 1.x data uses where noted).

LEGAL_BASES = {
    "consent": "consent",
    "contract": "contract",
    "legal obligations": "legal_obligation",
    "vital interests": "vital_interests",
    "public interest": "public_task",
    "legitimate interests": "legitimate_interests",
}
"""``legal_basis_for_processing`` (GDPR Art. 6(1)) -> pac legal basis key."""

ART9_CONDITIONS = {
    "explicit consent": "explicit_consent",
    "employment, social security and social protection": "employment_social_security",
    "vital interests": "vital_interests_incapable",
    "not-for-profit bodies": "not_for_profit_body",
    "made public by the data subject": "manifestly_made_public",
    "legal claims or judicial acts": "legal_claims_courts",
    "reasons of substantial public interest (with a basis in law)": "substantial_public_interest",
    "health or social care (with a basis in law)": "health_social_care",
    "public health (with a basis in law)": "public_health",
    "archiving, research and statistics (with a basis in law)": "archiving_research_statistics",
}
"""``special_category_legal_basis`` (GDPR Art. 9(2)) -> pac Art. 9(2) condition key."""

TRANSFER_TOOLS = {"adequacy decision": "adequacy", "sccs": "scc", "bcrs": "bcr"}

ROLES = {"controller": "controller", "processor": "processor", "sub-processor": "sub_processor"}
"""``responsibility`` (and the older ``data_responsibility_title``, fideslang DataResponsibilityTitle) -> pac role."""
"""``legal_basis_for_transfers`` -> pac transfer tool; "Supplementary Measures" and "Other" are none."""

DATA_USES: tuple[tuple[str, str, str | None], ...] = (
    ("essential.service.notifications.email", "communication", "email"),
    ("essential.service.notifications.sms", "communication", "sms"),
    ("essential.service.notifications", "communication", None),
    ("essential.service.operations.support", "support", None),
    ("essential.service.operations.improve", "service_improvement", None),
    ("essential.service.payment_processing", "billing", None),
    ("essential.service.security", "security", None),
    ("essential.fraud_detection", "fraud_prevention", None),
    ("essential.legal_obligation", "legal_compliance", None),
    ("essential", "service_delivery", None),
    ("provide", "service_delivery", None),  # fideslang 1.x
    ("improve", "service_improvement", None),  # fideslang 1.x
    ("functional.service.improve", "service_improvement", None),
    ("analytics", "analytics", None),
    ("marketing.advertising", "advertising", None),
    ("advertising", "advertising", None),  # fideslang 1.x
    ("marketing.communications.email", "direct_marketing", "email"),
    ("marketing.communications.sms", "direct_marketing", "sms"),
    ("marketing.communications", "direct_marketing", None),
    ("sales", "direct_marketing", None),
    ("employment.recruitment", "recruitment", None),
    ("employment", "employment", None),
    ("third_party_sharing.legal_obligation", "legal_compliance", None),
    ("train_ai_system", "ai_training", None),
)
"""Data use (and its sub-uses) -> pac purpose kind and channel, most specific first; other uses get no kind."""

SPECIAL_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("user.health.genetic", "genetic_data"),
    ("user.health_and_medical.genetic", "genetic_data"),
    ("user.health", "health"),
    ("user.health_and_medical", "health"),
    ("user.biometrics", "biometric_for_unique_identification"),
    ("user.biometric", "biometric_for_unique_identification"),
    ("user.authorization.biometrics", "biometric_for_unique_identification"),
    ("user.authorization.biometric", "biometric_for_unique_identification"),
    ("user.demographic.political_opinion", "political_opinions"),
    ("user.demographic.race_ethnicity", "racial_ethnic_origin"),
    ("user.demographic.religious_belief", "religious_philosophical_beliefs"),
    ("user.demographic.philosophical_belief", "religious_philosophical_beliefs"),
    ("user.demographic.sexual_orientation", "sex_life_sexual_orientation"),
    ("user.demographic.union_membership", "trade_union_membership"),
)
"""Data category (and its sub-categories) -> the GDPR Art. 9(1) special category it belongs to."""

CRIMINAL = ("user.criminal_history",)
"""Data categories on criminal convictions and offences (GDPR Art. 10)."""

RELATIONSHIPS = {"customer": "customer", "employee": "employee", "job_applicant": "applicant",
                 "prospect": "prospect", "visitor": "visitor", "consultant": "contractor"}
"""Default data subject -> pac relationship, where the two mean the same."""

_RESOURCES = ("system", "organization", "dataset", "data_category", "data_use", "data_subject", "policy", "registry")
_IMPORTED = ("system", "organization", "dataset", "data_category", "data_use", "data_subject")
CARRIED = {
    "system": {"fides_key", "name", "description", "privacy_declarations", "processes_personal_data", "egress", "ingress",
               "requires_data_protection_assessments", "exempt_from_privacy_regulations", "reason_for_exemption",
               "joint_controller_info", "vendor_id", "legal_name", "does_international_transfers",
               "legal_basis_for_transfers", "data_security_practices", "dataset_references", "responsibility",
               "third_country_transfers", "dpa_location", "legal_address"},
    "privacy_declaration": {"name", "data_use", "data_categories", "data_subjects", "legal_basis_for_processing",
                            "special_category_legal_basis", "retention_period", "data_shared_with_third_parties",
                            "third_parties", "shared_categories", "dataset_references", "data_responsibility_title"},
    "flow": {"fides_key", "type", "data_categories"},
    "organization": {"fides_key", "name", "controller", "data_protection_officer", "representative", "security_policy"},
    "contact": {"name", "email", "phone", "address"},
    "taxonomy": {"fides_key", "name"},
    "dataset": {"fides_key", "name", "collections", "data_categories"},
    "collection": {"name", "fields", "data_categories"},
    "field": {"name", "fields", "data_categories"},
}
"""The keys of each kind of Fides resource that pac carries over; any other key is reported as dropped."""
_BIOMETRIC_NOTE = ("Art. 9(1) covers biometric data only when processed to identify a person uniquely (Art. 4(14)); "
                   "Fides does not say so: remove 'special' if these data are not used that way.")
_RETENTION = re.compile(r"(?i)^\s*(?P<limit>up to|at most|maximum|max\.?|no more than|at least|minimum|min\.?)?\s*"
                        r"(?P<n>\d+)\s*(?P<unit>day|week|month|year)s?\s*$")
_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y"}


def _prefixed(key: str, prefix: str) -> bool:
    return key == prefix or key.startswith(prefix + ".")


def pac_id(key: str) -> str:
    """A Fides key as a readable pac id: lower case, each run of other characters one ``-``, no separator at
    either end, at most 100 characters (``Shop App (EU)`` -> ``shop-app-eu``)."""
    return re.sub(r"[^a-z0-9_.]+", "-", key.lower()).strip("_.-")[:100].rstrip("_.-") or "x"


def _label(key: str) -> str:
    """A readable name for a Fides key: ``user.contact.email`` -> ``User contact email``."""
    words = re.sub(r"[._]+", " ", key).strip()
    return (words[:1].upper() + words[1:])[:200] or key[:200]


# Reading and checking manifests

@dataclass
class _Source:
    """One place in a manifest: file, path (``system[0].privacy_declarations[1]``) and position."""

    file: str
    path: str
    pos: Pos

    def fact(self) -> dict[str, str]:
        return {"fact": f"imported from Fides manifest {self.file}: {self.path}"[:500]}

    def child(self, container: Any, key: str | int) -> _Source:
        pos = (container.value_pos(key) if isinstance(container, LocDict) and key in container else
               container.locs[key] if isinstance(container, LocList) else self.pos)
        return _Source(self.file, f"{self.path}[{key}]" if isinstance(key, int) else f"{self.path}.{key}".lstrip("."), pos)


_KINDS = {str: "a string", bool: "true or false", list: "a list", dict: "a mapping"}


class _Reader:
    """Typed access to manifest values that collects a located error for every problem."""

    def __init__(self) -> None:
        self.errors: list[LocatedError] = []
        self.dropped: list[LocatedError] = []

    def carry(self, mapping: LocDict, at: _Source, kind: str) -> None:
        """Note every key of ``mapping`` (a Fides resource of ``kind``, see :data:`CARRIED`) that pac does not carry."""
        for key in mapping:
            if key not in CARRIED[kind] and mapping[key] not in (None, [], {}, ""):
                where = at.child(mapping, key)
                self.dropped.append(LocatedError(Location(where.file, *mapping.key_pos(key)), "fides",
                                                 f"{where.path}: pac has no place for Fides' {key!r}; it is left out"))

    def error(self, at: _Source, message: str, hint: str = "") -> None:
        error = LocatedError(Location(at.file, *at.pos), "fides", f"{at.path}: {message}" if at.path else message, hint)
        if error not in self.errors:  # a value read twice is reported once
            self.errors.append(error)

    def get(self, mapping: LocDict, at: _Source, key: str, kind: type, required: bool = False) -> Any:
        """``mapping[key]`` if it is of ``kind``; None (with an error if required or mistyped) otherwise."""
        if mapping.get(key) is None:
            if required:
                self.error(at, f"missing required key {key!r}")
            return None
        value = mapping[key]
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            self.error(at.child(mapping, key), f"expected {_KINDS[kind]}")
            return None
        return value

    def strings(self, mapping: LocDict, at: _Source, key: str, required: bool = False) -> list[tuple[str, _Source]]:
        """The strings of the list ``mapping[key]``, each with where it is; any other item is an error."""
        values = self.get(mapping, at, key, list, required) or []
        listed = at.child(mapping, key)
        found = []
        for i, value in enumerate(values):
            if isinstance(value, str):
                found.append((value, listed.child(values, i)))
            else:
                self.error(listed.child(values, i), "expected a string (a Fides key)")
        return found

    def mappings(self, value: Any, at: _Source) -> list[tuple[LocDict, _Source]]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(at, "expected a list")
            return []
        found = []
        for i, item in enumerate(value):
            if isinstance(item, LocDict):
                found.append((item, at.child(value, i)))
            else:
                self.error(at.child(value, i), "expected a mapping")
        return found

    def choice(self, mapping: LocDict, at: _Source, key: str, table: dict[str, str]) -> str | None:
        """The pac key for a Fides enum value, matched case-insensitively; an unknown value is an error."""
        value = self.get(mapping, at, key, str)
        if value is None:
            return None
        found = table.get(value.strip().casefold())
        if found is None:
            self.error(at.child(mapping, key), f"{value!r} is not a value Fides defines for {key}",
                       "allowed: " + "; ".join(sorted(table)))
        return found


@dataclass
class _Manifests:
    """The resources of every manifest read, each with where it was found."""

    systems: list[tuple[LocDict, _Source]] = field(default_factory=list)
    organizations: list[tuple[LocDict, _Source]] = field(default_factory=list)
    datasets: list[tuple[LocDict, _Source]] = field(default_factory=list)
    names: dict[str, dict[str, str]] = field(default_factory=dict)  # data_category/data_use/data_subject -> key -> name
    files: list[str] = field(default_factory=list)


def read(paths: Sequence[str | os.PathLike[str]], reader: _Reader, limits: Limits = DEFAULT_LIMITS) -> _Manifests:
    """Read the Fides manifests found under ``paths`` (files, or folders of ``*.yml``/``*.yaml``)."""
    inputs = discover(paths)
    reader.errors += inputs.errors
    manifests = _Manifests()
    for name, _, data in read_documents(sorted({*inputs.declarations, *inputs.waivers}), limits, reader.errors):
        if data is UNREADABLE:
            continue
        root = _Source(name, "", getattr(data, "pos", (1, 1)))
        if not isinstance(data, LocDict) or not any(key in data for key in _RESOURCES):
            reader.error(root, "not a Fides manifest", f"a manifest is a mapping with {', '.join(_RESOURCES[:3])}, ...")
            continue
        manifests.files.append(name)
        for key in data:
            if key not in _IMPORTED and data[key] not in (None, []):
                where = root.child(data, key)
                reader.dropped.append(LocatedError(Location(name, *data.key_pos(key)), "fides",
                                                   f"{where.path}: pac does not import Fides {key} resources; left out"))
        manifests.systems += reader.mappings(data.get("system"), root.child(data, "system"))
        manifests.organizations += reader.mappings(data.get("organization"), root.child(data, "organization"))
        manifests.datasets += reader.mappings(data.get("dataset"), root.child(data, "dataset"))
        for kind in ("data_category", "data_use", "data_subject"):
            for item, at in reader.mappings(data.get(kind), root.child(data, kind)):
                reader.carry(item, at, "taxonomy")
                key, label = reader.get(item, at, "fides_key", str, True), reader.get(item, at, "name", str)
                if key and label:
                    manifests.names.setdefault(kind, {})[key] = label
    if not inputs.declarations and not inputs.waivers and not reader.errors:
        reader.error(_Source(", ".join(map(str, paths)), "", (0, 0)), "no manifest files found",
                     "Fides manifests are *.yml or *.yaml files")
    return manifests


# Building the declaration

class _Collection:
    """Elements of one pac collection by id, remembering which Fides key each id came from."""

    def __init__(self, reader: _Reader, what: str):
        self.reader, self.what = reader, what
        self.items: dict[str, dict[str, Any]] = {}
        self.keys: dict[str, str] = {}
        self.sources: dict[str, list[dict[str, str]]] = {}

    def add(self, key: str, at: _Source, element: dict[str, Any]) -> str | None:
        """Add the element for Fides key ``key``; a key added again adds its activities, categories and
        provenance to the first. Return the element's id (None when another key already has it)."""
        pid = element["id"]
        if self.keys.setdefault(pid, key) != key:
            self.reader.error(at, f"{self.what} {key!r} and {self.keys[pid]!r} would both get the pac id {pid!r}",
                              "rename one of them in Fides")
            return None
        first = self.items.setdefault(pid, element)
        for name in ("activities", "categories"):
            if name in element:
                first[name] = sorted({*first[name], *element[name]})
        facts = self.sources.setdefault(pid, [])
        if at.fact() not in facts:
            facts.append(at.fact())
        return pid

    def elements(self) -> list[dict[str, Any]]:
        out = []
        for pid, element in self.items.items():
            facts = self.sources[pid]
            out.append({**element, "provenance": facts[0] if len(facts) == 1 else facts})
        return out


class _Builder:
    def __init__(self, manifests: _Manifests, reader: _Reader):
        self.m, self.r = manifests, reader
        self.subjects = _Collection(reader, "data subject")
        self.categories = _Collection(reader, "data category")
        self.recipients = _Collection(reader, "recipient")
        self.activities: list[dict[str, Any]] = []
        self.purpose_ids: set[str] = set()
        self.sources: dict[str, set[str]] = {}  # category id -> where its data come from
        organizations = manifests.organizations
        for _, at in organizations[1:]:
            reader.error(at, "a second organization: pac imports one organisation at a time",
                         "import the manifests of each organisation separately")
        self.organization = organizations[0] if organizations else None
        self.legal_name: str | None = None  # the controller's name, as the organization resource gives it
        self.datasets: dict[str, tuple[list[str], _Source, str]] = {}
        if self.organization is not None:
            org, at = self.organization
            reader.carry(org, at, "organization")
            for key in ("controller", "data_protection_officer", "representative"):
                if isinstance(org.get(key), LocDict):
                    reader.carry(org[key], at.child(org, key), "contact")
            contact = self.r.get(org, at, "controller", dict) or {}
            self.legal_name = self.r.get(contact, at.child(org, "controller"), "name", str) or self.r.get(org, at, "name", str)

    def name(self, kind: str, key: str) -> str:
        return self.m.names.get(kind, {}).get(key, _label(key))[:200]

    def controller(self) -> dict[str, Any] | None:
        if self.organization is None:
            return None
        org, at = self.organization
        contact = self.r.get(org, at, "controller", dict) or {}
        c_at = at.child(org, "controller")
        controller: dict[str, Any] = {"legal_name": self.legal_name} if self.legal_name else {}
        address = self.r.get(contact, c_at, "address", str)
        if address:
            controller["address"] = {"street": address, "provenance": {
                **c_at.child(contact, "address").fact(), "note": "Fides gives the address as one line; it is kept whole."}}
        contacts = self._contacts(contact, c_at)
        if contacts:
            controller["contacts"] = contacts
        dpo = self.r.get(org, at, "data_protection_officer", dict)
        if dpo:
            d_at = at.child(org, "data_protection_officer")
            controller["dpo"] = {"designated": True, **({"name": dpo["name"]} if self.r.get(dpo, d_at, "name", str) else {}),
                                 **({"contacts": c} if (c := self._contacts(dpo, d_at)) else {}), "provenance": d_at.fact()}
        rep = self.r.get(org, at, "representative", dict)
        if rep and self.r.get(rep, at.child(org, "representative"), "name", str):
            r_at = at.child(org, "representative")
            controller["eu_representative"] = {"name": rep["name"], **({"contacts": c} if (c := self._contacts(rep, r_at)) else {}),
                                               "provenance": r_at.fact()}
        controller["provenance"] = at.fact()
        return controller

    def _contacts(self, details: LocDict, at: _Source) -> list[dict[str, Any]]:
        return [{"channel": channel, "value": value, "provenance": at.child(details, key).fact()}
                for key, channel in (("email", "email"), ("phone", "phone"))
                if (value := self.r.get(details, at, key, str))]

    def build(self, organisation_id: str) -> dict[str, Any]:
        self.datasets = self.read_datasets()
        systems: dict[str, tuple[LocDict, _Source]] = {}
        for system, at in self.m.systems:
            self.r.carry(system, at, "system")
            key = self.r.get(system, at, "fides_key", str, required=True)
            if key is None:
                continue
            if key in systems:
                self.r.error(at.child(system, "fides_key"), f"system {key!r} is declared twice",
                             f"it is also declared at {systems[key][1].file}:{systems[key][1].pos[0]}")
                continue
            systems[key] = (system, at)
        if not systems and not self.datasets and not self.r.errors:
            self.r.error(_Source(", ".join(self.m.files), "", (0, 0)), "the manifests declare no system and no dataset",
                         "pac imports Fides systems with their privacy declarations, and datasets")
        own = (self.legal_name or "").casefold()
        external = {key for key, (s, at) in systems.items()
                    if self.r.get(s, at, "vendor_id", str) or
                    ((name := self.r.get(s, at, "legal_name", str)) and name.casefold() != own)}
        receives: dict[str, list[str]] = {key: [] for key in external}  # third party's system -> activities
        for key, (system, at) in systems.items():
            activity = self.activity(key, system, at)
            if activity:
                self.ingress(system, at, external)
            for target in self.egress(system, at, systems):
                if target in external and activity:
                    receives[target].append(activity)
            if activity and key in external:
                receives[key].append(activity)  # a third party's system receives the data of its own activity
            elif activity:
                self.abroad(key, system, at, activity)
        for key in sorted(external):
            system, at = systems[key]
            self.vendor(key, system, at, sorted(set(receives[key])))
        used = {ref for _, (system, at) in systems.items() for ref in self.dataset_references(system, at)}
        for key, (categories, at, name) in self.datasets.items():
            if key not in used:
                self.held(key, categories, at, name)
        doc: dict[str, Any] = {"pac": 1, "organisation": organisation_id}
        controller = self.controller()
        if controller:
            doc["controller"] = controller
        for name, collection in (("data_subjects", self.subjects), ("data_categories", self.categories)):
            if collection.items:
                doc[name] = collection.elements()
        for category in doc.get("data_categories", ()):
            found = self.sources.get(category["id"], set())
            if len(found) == 1:
                category["source"] = next(iter(found))
        if self.activities:
            doc["activities"] = self.activities
        if self.recipients.items:
            doc["recipients"] = self.recipients.elements()
        security = self.security(systems)
        if security:
            doc["security_measures"] = security
        return doc

    def activity(self, key: str, system: LocDict, at: _Source) -> str | None:
        """The activity of a system with privacy declarations; its id, or None."""
        declarations = self.r.mappings(system.get("privacy_declarations"), at.child(system, "privacy_declarations"))
        if "privacy_declarations" not in system:
            self.r.error(at, "missing required key 'privacy_declarations'")
        if not declarations or self.r.get(system, at, "processes_personal_data", bool) is False:
            return None
        aid = pac_id(key)
        subjects: list[str] = []
        categories: list[str] = []
        purposes: list[dict[str, Any]] = []
        retention: list[dict[str, Any]] = []
        for declaration, d_at in declarations:
            self.r.carry(declaration, d_at, "privacy_declaration")
            purpose = self.purpose(aid, declaration, d_at, subjects, categories, retention)
            if purpose:
                purposes.append(purpose)
            self.third_parties(aid, declaration, d_at)
        activity: dict[str, Any] = {"id": aid, "name": (self.r.get(system, at, "name", str) or key)[:200]}
        description = self.r.get(system, at, "description", str)
        if description:
            activity["description"] = description
        held = [c for ref in self.dataset_references(system, at) if ref in self.datasets
                for c in self.datasets[ref][0] if c not in categories]
        categories += list(dict.fromkeys(held))
        activity.update({"data_subjects": subjects, "categories": categories, "purposes": purposes})
        if retention:
            activity["retention"] = retention
        if self.r.get(system, at, "requires_data_protection_assessments", bool) is False:
            activity["dpia"] = {"status": "not_required", "provenance": at.child(system, "requires_data_protection_assessments").fact()}
        notes = []
        if "processor" in self.roles(system, at) or "sub_processor" in self.roles(system, at):
            notes.append("Fides says the organisation processes these data as a processor (for another controller).")
        for name in ("legal_address", "dpa_location"):
            if value := self.r.get(system, at, name, str):
                notes.append(f"Fides {name.replace('_', ' ')}: {value}.")
        if self.r.get(system, at, "exempt_from_privacy_regulations", bool):
            reason = self.r.get(system, at, "reason_for_exemption", str)
            notes.append("Fides marks this system exempt from privacy regulation" + (f": {reason}" if reason else "."))
        joint = self.r.get(system, at, "joint_controller_info", str)
        if joint:
            self.recipients.add(f"joint:{joint}", at.child(system, "joint_controller_info"), {
                "id": pac_id(f"joint-{joint}"), "name": joint[:200], "named": True, "role": "joint_controller",
                "activities": [aid]})
        if held:
            notes.append("Some categories are those of the Fides datasets this system uses, which no privacy declaration "
                         "names: no purpose is stated for them.")
        if notes:
            activity["note"] = " ".join(notes)
        activity["provenance"] = at.fact()
        self.activities.append(activity)
        return aid

    def read_datasets(self) -> dict[str, tuple[list[str], _Source, str]]:
        """Every dataset by Fides key: the pac ids of its data categories (at any level of its collections and
        fields), where it is declared, and its name."""
        found: dict[str, tuple[list[str], _Source, str]] = {}
        for dataset, at in self.m.datasets:
            self.r.carry(dataset, at, "dataset")
            key = self.r.get(dataset, at, "fides_key", str, required=True)
            if key is None:
                continue
            categories: list[str] = []
            self._held(dataset, at, "collection", categories)
            found[key] = (categories, at, (self.r.get(dataset, at, "name", str) or key)[:200])
        return found

    def _held(self, item: LocDict, at: _Source, kind: str, categories: list[str]) -> None:
        """The data categories of a dataset, collection or field and of what it contains, into ``categories``."""
        for key, c_at in self.r.strings(item, at, "data_categories"):
            cid = self.category(key, c_at)
            if cid and cid not in categories:
                categories.append(cid)
        children = "collections" if kind == "collection" else "fields"
        for child, c_at in self.r.mappings(item.get(children), at.child(item, children)):
            self.r.carry(child, c_at, kind)
            self._held(child, c_at, "field", categories)

    def dataset_references(self, system: LocDict, at: _Source) -> list[str]:
        """The datasets a system uses: its and its privacy declarations' ``dataset_references``, and its flows to
        or from a dataset."""
        refs = [key for key, _ in self.r.strings(system, at, "dataset_references")]
        for declaration, d_at in self.r.mappings(system.get("privacy_declarations"), at.child(system, "privacy_declarations")):
            refs += [key for key, _ in self.r.strings(declaration, d_at, "dataset_references")]
        for direction in ("egress", "ingress"):
            for flow, f_at in self.r.mappings(system.get(direction), at.child(system, direction)):
                if self.r.get(flow, f_at, "type", str) == "dataset" and (key := self.r.get(flow, f_at, "fides_key", str)):
                    refs.append(key)
        return list(dict.fromkeys(refs))

    def held(self, key: str, categories: list[str], at: _Source, name: str) -> None:
        """A dataset no system uses: an activity of its own, holding its categories for no stated purpose."""
        aid = pac_id(key)
        if any(a["id"] == aid for a in self.activities):
            aid = pac_id(f"dataset-{key}")
        self.activities.append({"id": aid, "name": f"Data held in {name}", "categories": categories, "purposes": [],
                                "note": "Fides describes this dataset, but no system that uses it: why these data are "
                                        "held, and on which legal basis, is not stated.", "provenance": at.fact()})

    def purpose(self, aid: str, declaration: LocDict, at: _Source, subjects: list[str], categories: list[str],
                retention: list[dict[str, Any]]) -> dict[str, Any] | None:
        use = self.r.get(declaration, at, "data_use", str, required=True)
        own = []
        for key, c_at in self.r.strings(declaration, at, "data_categories", required=True):
            cid = self.category(key, c_at)
            if cid and cid not in own:
                own.append(cid)
        for key, s_at in self.r.strings(declaration, at, "data_subjects"):
            sid = self.subjects.add(key, s_at, {"id": pac_id(key), "name": self.name("data_subject", key), "term": key[:200],
                                                **({"relationship": RELATIONSHIPS[key]} if key in RELATIONSHIPS else {})})
            if sid and sid not in subjects:
                subjects.append(sid)
        basis = self.r.choice(declaration, at, "legal_basis_for_processing", LEGAL_BASES)
        condition = self.r.choice(declaration, at, "special_category_legal_basis", ART9_CONDITIONS)
        if use is None:
            return None
        categories += [c for c in own if c not in categories]
        pid = base = f"{aid}.{pac_id(use)}"[:100]
        n = 1
        while pid in self.purpose_ids:
            n += 1
            pid = f"{base[:95]}-{n}"
        self.purpose_ids.add(pid)
        purpose: dict[str, Any] = {"id": pid, "name": (self.r.get(declaration, at, "name", str) or self.name("data_use", use))[:200],
                                   "term": use[:200]}
        kind = next(((k, ch) for prefix, k, ch in DATA_USES if _prefixed(use, prefix)), None)
        if kind:
            purpose["kind"] = kind[0]
            if kind[1]:
                purpose["channels"] = [kind[1]]
        if own:
            purpose["categories"] = own
        if basis:
            purpose["legal_basis"] = basis
        if condition:
            purpose["art9_condition"] = condition
        purpose["provenance"] = at.fact()
        text = self.r.get(declaration, at, "retention_period", str)
        if text:
            retention.append({"purposes": [pid], **_retention(text), "provenance": at.child(declaration, "retention_period").fact()})
        return purpose

    def category(self, key: str, at: _Source) -> str | None:
        element: dict[str, Any] = {"id": pac_id(key), "name": self.name("data_category", key), "term": key[:200]}
        special = next((s for prefix, s in SPECIAL_CATEGORIES if _prefixed(key, prefix)), None)
        if special:
            element["special"] = special
            if special == "biometric_for_unique_identification":
                element["note"] = _BIOMETRIC_NOTE
        if any(_prefixed(key, prefix) for prefix in CRIMINAL):
            element["criminal"] = True
        return self.categories.add(key, at, element)

    def third_parties(self, aid: str, declaration: LocDict, at: _Source) -> None:
        if not self.r.get(declaration, at, "data_shared_with_third_parties", bool):
            return
        who = self.r.get(declaration, at, "third_parties", str)
        shared = [c for key, c_at in self.r.strings(declaration, at, "shared_categories") if (c := self.category(key, c_at))]
        self.recipients.add(f"third:{who}", at, {"id": pac_id(f"third-parties-{who}" if who else "third-parties"),
                                                 "name": (who or "Third parties (Fides names none)")[:200],
                                                 "named": False, "role": "recipient", "activities": [aid], "categories": shared})

    def egress(self, system: LocDict, at: _Source, systems: dict[str, Any]) -> Iterable[str]:
        """The systems ``system`` sends data to; a system in none of the manifests is an error."""
        flows = self.r.mappings(system.get("egress"), at.child(system, "egress"))
        for flow, f_at in flows:
            self.r.carry(flow, f_at, "flow")
            key, kind = self.r.get(flow, f_at, "fides_key", str, True), self.r.get(flow, f_at, "type", str, True)
            if kind not in (None, "system", "dataset", "user"):
                self.r.error(f_at.child(flow, "type"), f"{kind!r} is not a Fides flow type", "allowed: system, dataset, user")
            elif kind == "system" and key:
                if key not in systems:
                    self.r.error(f_at, f"egress to system {key!r}, which none of the imported manifests declares",
                                 f"import every manifest together, so that pac can tell whether {key!r} is your own "
                                 "system or a third party's")
                else:
                    yield key

    def ingress(self, system: LocDict, at: _Source, external: set[str]) -> None:
        """Where the categories of ingress flows come from: the data subject (``user``) or a third party's system."""
        for flow, f_at in self.r.mappings(system.get("ingress"), at.child(system, "ingress")):
            self.r.carry(flow, f_at, "flow")
            kind, key = self.r.get(flow, f_at, "type", str), self.r.get(flow, f_at, "fides_key", str)
            origin = "data_subject" if kind == "user" else "third_party" if kind == "system" and key in external else None
            for category, _ in self.r.strings(flow, f_at, "data_categories"):
                if origin:
                    self.sources.setdefault(pac_id(category), set()).add(origin)

    def vendor(self, key: str, system: LocDict, at: _Source, activities: list[str]) -> None:
        """A third party's system as a recipient: its role, country, processor agreement, address and the transfer
        tools Fides claims for it."""
        recipient: dict[str, Any] = {
            "id": pac_id(key), "name": (self.r.get(system, at, "legal_name", str) or self.r.get(system, at, "name", str) or key)[:200],
            "named": True, "role": "recipient", "activities": activities}
        notes = []
        roles = self.roles(system, at)
        if len(roles) == 1 and roles[0] != "sub_processor":
            recipient["role"] = roles[0]
        elif roles:
            notes.append(f"Fides gives it the responsibilities {', '.join(roles)}: say which role it has here"
                         + (", and for a sub-processor which processor it works for (parent)." if "sub_processor" in roles else "."))
        else:
            notes.append("Fides does not say whether this party is a processor or a controller.")
        countries = self.countries(system, at)
        if len(countries) == 1:
            recipient["country"] = {"code": countries[0], "provenance": at.child(system, "third_country_transfers").fact()}
        elif countries:
            notes.append(f"Fides lists the third countries {', '.join(countries)}; pac gives a recipient one country: "
                         "split it into one recipient per country.")
        else:
            notes.append("Fides does not say where it processes the data.")
        dpa = self.r.get(system, at, "dpa_location", str)
        if dpa:
            recipient["processor_agreement"] = {"in_place": True, "provenance": {
                **at.child(system, "dpa_location").fact(), "note": f"Fides keeps its data processing agreement at {dpa}"[:500]}}
        address = self.r.get(system, at, "legal_address", str)
        if address:
            notes.append(f"Legal address (Fides): {address}")
        recipient["note"] = " ".join(notes)
        tools, other = self.transfer_tools(system, at)
        if tools:
            recipient["transfer_tools"] = tools
        if other:
            recipient["note"] += " " + other
        self.recipients.add(f"system:{key}", at, recipient)

    def roles(self, system: LocDict, at: _Source) -> list[str]:
        """The roles Fides gives a system (``responsibility``, else its declarations' ``data_responsibility_title``)."""
        values = [value for value, _ in self.r.strings(system, at, "responsibility")]
        for declaration, d_at in self.r.mappings(system.get("privacy_declarations"), at.child(system, "privacy_declarations")):
            if not values and (title := self.r.get(declaration, d_at, "data_responsibility_title", str)):
                values.append(title)
        roles = []
        for value in values:
            role = ROLES.get(value.strip().casefold())
            if role is None:
                self.r.error(at.child(system, "responsibility"), f"{value!r} is not a responsibility Fides defines",
                             "allowed: Controller, Processor, Sub-Processor")
            elif role not in roles:
                roles.append(role)
        return roles

    def countries(self, system: LocDict, at: _Source) -> list[str]:
        """The third countries of ``third_country_transfers`` (ISO 3166-1 alpha-3, as Fides requires), as alpha-2."""
        found = []
        for value, v_at in self.r.strings(system, at, "third_country_transfers"):
            code = Reference.packaged().alpha_2(value.strip().upper())
            if code is None:
                self.r.error(v_at, f"{value!r} is not an ISO 3166-1 alpha-3 country code",
                             "Fides gives third countries as alpha-3 codes, such as USA")
            elif code not in found:
                found.append(code)
        return found

    def abroad(self, key: str, system: LocDict, at: _Source, activity: str) -> None:
        """The organisation's own system transfers data abroad: an unnamed recipient there."""
        if not self.r.get(system, at, "does_international_transfers", bool):
            return
        tools, other = self.transfer_tools(system, at)
        countries = self.countries(system, at)
        named = f"names the countries ({', '.join(countries)}), not the recipients." if countries else \
            "names neither the recipients nor the countries."
        self.recipients.add(f"abroad:{key}", at.child(system, "does_international_transfers"), {
            "id": pac_id(f"{key}-abroad"), "name": f"Recipients abroad of {self.r.get(system, at, 'name', str) or key}"[:200],
            "named": False, "role": "recipient", "activities": [activity], **({"transfer_tools": tools} if tools else {}),
            **({"country": {"code": countries[0], "provenance": at.child(system, "third_country_transfers").fact()}}
               if len(countries) == 1 else {}),
            "note": "Fides says this system transfers personal data to other countries, but " + named
                    + (f" {other}" if other else "")})

    def transfer_tools(self, system: LocDict, at: _Source) -> tuple[list[dict[str, Any]], str]:
        if not self.r.get(system, at, "does_international_transfers", bool):
            return [], ""
        tools: list[dict[str, Any]] = []
        others: list[str] = []
        for value, v_at in self.r.strings(system, at, "legal_basis_for_transfers"):
            tool = TRANSFER_TOOLS.get(value.strip().casefold())
            if tool:
                tools.append({"tool": tool, "provenance": v_at.fact()})
            else:
                others.append(value)
        return tools, (f"Fides also lists {', '.join(map(repr, others))} as a basis for transfers; that is no transfer "
                       "tool of GDPR Chapter V." if others else "")

    def security(self, systems: dict[str, tuple[LocDict, _Source]]) -> list[dict[str, Any]]:
        measures = []
        if self.organization is not None:
            org, at = self.organization
            policy = self.r.get(org, at, "security_policy", str)
            if policy:
                measures.append({"description": f"Security policy: {policy}", "provenance": at.child(org, "security_policy").fact()})
        for key, (system, at) in systems.items():
            practices = self.r.get(system, at, "data_security_practices", str)
            if practices:
                measures.append({"description": f"{self.r.get(system, at, 'name', str) or key}: {practices}",
                                 "provenance": at.child(system, "data_security_practices").fact()})
        return measures


def _retention(text: str) -> dict[str, Any]:
    """A retention rule from Fides' free-text ``retention_period``: a period when the text gives one
    unambiguously (``P2Y``, ``30 days``, ``up to 2 years``), else the words as vague."""
    note = f"Fides retention_period {text!r}; Fides states no event the period runs from."
    try:
        return {"period": Duration.parse(text.strip()).text, "limit": "exactly", "description": note}
    except ValueError:
        pass
    match = _RETENTION.match(text)
    if match is None:
        return {"vague": text}
    qualifier = (match["limit"] or "").lower()
    limit = "at_least" if qualifier.startswith(("at least", "min")) else "at_most" if qualifier else "exactly"
    return {"period": f"P{int(match['n'])}{_UNITS[match['unit'].lower()]}", "limit": limit, "description": note}


@dataclass(frozen=True)
class Imported:
    """The declaration made from Fides manifests, the manifest files it was made from, and every Fides key pac
    could not carry over (located, so that the user can see what is missing)."""

    organisation: str
    declaration: dict[str, Any]
    files: tuple[str, ...]
    dropped: tuple[LocatedError, ...] = ()

    def to_yaml(self) -> str:
        """The declaration as YAML, with a header saying where it comes from and what it lacks."""
        header = [
            "# Imported from Fides manifests by `pac import fides`: " + printable(", ".join(self.files)),
            "# Fides cannot state the privacy notice, the controller's country, where recipients process the data,",
            "# their roles or which transfer tool covers which recipient: pac's checks report these gaps until the",
            "# declaration states them (add them here, with a provenance that says where they come from).",
        ]
        body = dump(self.declaration)
        return "\n".join(header) + "\n" + body


def convert(paths: Sequence[str | os.PathLike[str]], organisation_id: str | None = None,
            limits: Limits = DEFAULT_LIMITS) -> Imported:
    """Read Fides manifests into a pac declaration; raise :class:`InvalidInput` with every problem found.
    The organisation id defaults to the Fides organization's key."""
    reader = _Reader()
    manifests = read(paths, reader, limits)
    builder = _Builder(manifests, reader)
    if organisation_id is None:
        org_key = builder.organization and reader.get(*builder.organization, "fides_key", str)
        organisation_id = pac_id(org_key or "default_organization")
    doc = builder.build(organisation_id)
    if reader.errors:
        raise InvalidInput(reader.errors)
    dropped = tuple(sorted(set(reader.dropped), key=lambda e: (e.location, e.message)))
    return Imported(organisation_id, doc, tuple(manifests.files), dropped)

