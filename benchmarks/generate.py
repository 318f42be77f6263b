"""A synthetic organisation for benchmarks: N activities, M recipients, deterministic for a seed.

The organisation looks like a large group's record of processing: activities drawn from
templates of common processing (payroll, webshop orders, CCTV, ...) with their purposes, legal
bases and every form of retention rule; about 2% special-category data; recipients in the EEA,
in adequate countries and in third countries, with transfer tools (some of them invalid) and
sub-processor chains up to three deep. Every element carries provenance, and the generator
writes the notice text those quotes come from, so that the quote check has real work to do.
A realistic share of gaps (no legal basis, vague retention, outdated transfer tools) makes
some checks fail, as they do on real declarations.

    python benchmarks/generate.py --size large --out /tmp/bench            # one file
    python benchmarks/generate.py --size large --out /tmp/bench --files 100  # a folder of 100 files
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml's emitter when PyYAML was built with it; the same YAML either way
    from yaml import CSafeDumper as Dumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as Dumper  # type: ignore[assignment]


@dataclass(frozen=True)
class Size:
    activities: int
    recipients: int


SIZES = {"small": Size(100, 30), "medium": Size(1_000, 300), "large": Size(10_000, 2_000)}
AS_OF = "2025-06-30"
"""The evaluation date the benchmark uses (inside the EU-US Data Privacy Framework's term)."""

# -- the world the organisation lives in ------------------------------------------------------------

EEA = ("NL", "DE", "BE", "FR", "IE", "LU", "DK", "SE", "FI", "ES", "IT", "PL", "AT", "NO", "PT", "CZ")
ADEQUATE = ("CH", "GB", "JP", "CA", "KR", "IL", "NZ", "UY", "AR", "JE")
THIRD = ("IN", "CN", "BR", "PH", "ZA", "SG", "AU", "TR", "MX", "UA", "RS", "MA")

RELATIONSHIPS = ("customer", "user", "prospect", "visitor", "subscriber", "employee", "applicant", "contractor",
                 "business_contact", "member", "volunteer", "donor", "intern", "other")
PEOPLE = ("customers", "app users", "prospects", "website visitors", "newsletter subscribers", "employees",
          "job applicants", "contractors", "business contacts", "members", "volunteers", "donors", "interns",
          "neighbours of our sites")
CATEGORIES = ("name", "e-mail address", "phone number", "postal address", "date of birth", "customer number",
              "order history", "payment details", "IBAN", "IP address", "device identifiers", "location data",
              "login details", "support tickets", "call recordings", "camera images", "salary data",
              "performance reviews", "CV and motivation letter", "usage statistics", "preferences",
              "contract details", "invoices", "social media handle", "vehicle data", "access badge logs")
SPECIAL_NAMES = {"health": "health data", "racial_ethnic_origin": "ethnic origin",
                 "trade_union_membership": "trade union membership"}
SOURCES = ("data_subject", "data_subject", "data_subject", "third_party", "observed", "derived", "public")
UNITS = ("Benelux", "DACH", "Nordics", "Iberia", "France", "Italy", "Poland", "Head office", "R&D", "Zoë's team",
         "Café chain", "Logistics", "Retail", "B2B \"Key accounts\"", "Müller Werke", "Service <Desk>")

# (activity name, ((purpose name, kind, legal basis), ...), typical retention)
TEMPLATES: tuple[tuple[str, tuple[tuple[str, str, str], ...], str], ...] = (
    ("Webshop orders", (("Deliver orders", "service_delivery", "contract"), ("Send invoices", "billing", "contract"),
                        ("Keep the accounts", "legal_compliance", "legal_obligation")), "short"),
    ("Customer accounts", (("Manage the account", "account_management", "contract"),
                           ("Secure logins", "security", "legitimate_interests")), "long"),
    ("Customer service", (("Answer questions", "support", "contract"),
                          ("Train support staff on calls", "service_improvement", "consent")), "long"),
    ("Newsletter", (("Send the newsletter", "direct_marketing", "consent"),), "long"),
    ("Loyalty programme", (("Run the programme", "service_delivery", "contract"),
                           ("Personalised offers", "direct_marketing", "consent"),
                           ("Segment customers", "analytics", "legitimate_interests")), "long"),
    ("Website analytics", (("Measure website use", "analytics", "consent"),
                           ("Improve the website", "service_improvement", "legitimate_interests")), "short"),
    ("Payroll", (("Pay salaries", "employment", "contract"), ("Report wage tax", "legal_compliance", "legal_obligation")), "long"),
    ("Recruitment", (("Select candidates", "recruitment", "contract"),
                     ("Keep a talent pool", "recruitment", "consent")), "short"),
    ("CCTV at our sites", (("Protect people and property", "security", "legitimate_interests"),), "short"),
    ("Fraud prevention", (("Detect payment fraud", "fraud_prevention", "legitimate_interests"),
                          ("Customer due diligence", "legal_compliance", "legal_obligation")), "long"),
    ("Supplier management", (("Manage supplier contracts", "service_delivery", "contract"),), "long"),
    ("Events", (("Organise events", "service_delivery", "contract"), ("Publish event photos", "publication", "consent")), "short"),
    ("Product research", (("Customer surveys", "research", "consent"),
                          ("Train recommendation models", "ai_training", "legitimate_interests")), "long"),
)
# Activities with special-category data (GDPR Art. 9(1)): template, the special category, its Art. 9(2) condition
SENSITIVE: tuple[tuple[tuple[str, tuple[tuple[str, str, str], ...], str], str, str], ...] = (
    (("Occupational health", (("Manage sick leave and reintegration", "employment", "legal_obligation"),), "long"),
     "health", "employment_social_security"),
    (("Health coaching app", (("Coach users towards their health goals", "service_delivery", "consent"),), "long"),
     "health", "explicit_consent"),
    (("Diversity monitoring", (("Monitor workforce diversity", "research", "consent"),), "short"),
     "racial_ethnic_origin", "explicit_consent"),
    (("Union dues", (("Deduct trade union dues from salaries", "employment", "contract"),), "long"),
     "trade_union_membership", "explicit_consent"),
)
LEGAL_DUTIES = {"Keep the accounts": ("AWR art. 52", "nl_fiscal_administration"),
                "Report wage tax": ("AWR art. 52", "nl_payroll_fiscal"),
                "Customer due diligence": ("Wwft art. 3", "nl_wwft_cdd"),
                "Manage sick leave and reintegration": ("BW art. 7:658a", None)}
"""The statute each legal obligation rests on (GDPR Art. 6(3)), and the statutory record type it forms."""
RECORD_STARTS = {"nl_fiscal_administration": "end_of_financial_year", "nl_payroll_fiscal": "end_of_employment",
                 "nl_wwft_cdd": "contract_end"}
"""The event from which the notice says each record type's statutory minimum runs (the period is pac's)."""
EVENTS = ("collection", "contract_end", "account_deletion", "end_of_financial_year", "end_of_employment",
          "request_closed", "last_change")
AUTHORITIES = ("Tax authority", "Police", "Labour inspectorate", "Social security agency", "Courts")
PROCESSOR_SERVICES = ("hosting", "e-mail delivery", "payment processing", "customer support software", "payroll software",
                      "analytics", "backups", "identity verification", "printing and mailing", "call centre",
                      "translation", "recruitment software")


class Notice:
    """The notice text, built as elements quote it: each quote is a few words of a sentence in a section."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.sections: dict[str, list[str]] = {}

    def says(self, section: str, sentence: str) -> dict[str, str]:
        """Add ``sentence`` to ``section`` and return a provenance quoting a few of its words."""
        self.sections.setdefault(section, []).append(sentence)
        words = sentence.rstrip(".").split()
        length = min(len(words), self.rng.randint(4, 8))
        start = self.rng.randint(0, len(words) - length)
        return {"section": section, "quote": " ".join(words[start:start + length])}

    def text(self, title: str) -> str:
        parts = [title, ""]
        for number, (section, sentences) in enumerate(self.sections.items(), 1):
            parts += [f"{number}. {section}", " ".join(sentences), ""]
        return "\n".join(parts)


class Generator:
    """Builds one organisation's declaration (as plain data) and its notice text."""

    def __init__(self, org_id: str, size: Size, seed: int):
        from pac.reference import Reference  # here, not above: run.py imports this module and must stay small

        self.id, self.size = org_id, size
        self.rng = random.Random(seed)
        self.notice = Notice(self.rng)
        self.reference = Reference.packaged()
        # the condition an adequacy decision that covers only some recipients sets them (CA, IL, JP, KR)
        on = date.fromisoformat(AS_OF)
        self.scope_conditions = {country: decision.scope_conditions[0] for country in ADEQUATE
                                 for decision in self.reference.adequacy_in_force(country, on) if decision.scope_conditions}

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, items: tuple | list, k: int) -> list:
        """``k`` distinct items in a random order."""
        return self.rng.sample(list(items), min(k, len(items)))

    def provenance(self, section: str, sentence: str) -> dict[str, str] | list[dict[str, str]]:
        """Mostly one quote; sometimes a second place in the notice says it too."""
        first = self.notice.says(section, sentence)
        if self.chance(0.05):
            return [first, self.notice.says("Summary", f"In short: {sentence[0].lower()}{sentence[1:]}")]
        return first

    # -- the organisation -----------------------------------------------------------------------------
    def organisation(self, text_file: str) -> dict[str, Any]:
        subjects = self.data_subjects()
        categories, special = self.data_categories()
        ordinary = [c["id"] for c in categories if "special" not in c]
        activities = [self.activity(i, subjects, ordinary, special) for i in range(1, self.size.activities + 1)]
        recipients = self.recipients(activities)
        return {
            "pac": 1, "organisation": self.id, "controller": self.controller(), "notice": self.notice_element(text_file),
            "data_subjects": subjects, "data_categories": categories, "activities": activities,
            "recipients": recipients,
            "transfer_tools": [{"tool": "scc", "version": "2021", "module": 2,
                                "provenance": self.notice.says("Transfers", "Outside the EEA we use the standard "
                                                               "contractual clauses of the European Commission.")}],
            "cookies": self.cookies(recipients),
            "security_measures": [{"description": measure, "provenance": self.notice.says(
                "Security", f"We protect your data with {measure.lower()}.")}
                for measure in ("Encryption in transit and at rest", "Role-based access control", "Annual penetration tests")],
        }

    def controller(self) -> dict[str, Any]:
        say = self.notice.says
        return {
            "legal_name": "Synthetic Group N.V.", "trade_names": ["Synthetic", "SynthCo"],
            "registration": {"register": "KvK", "number": "90000001", "provenance": say("Who we are", "Synthetic Group N.V. "
                             "is registered with the Chamber of Commerce under number 90000001.")},
            "address": {"street": "Stationsplein 1", "postal_code": "3511 ED", "city": "Utrecht", "country": "NL",
                        "provenance": say("Who we are", "Our address is Stationsplein 1, 3511 ED Utrecht.")},
            "country": "NL",
            "contacts": [{"channel": "email", "value": "privacy@synthetic.example",
                          "provenance": say("Contact", "Write to privacy@synthetic.example with any question.")}],
            "dpo": {"designated": True, "name": "A. de Vries", "contacts": [
                {"channel": "email", "value": "dpo@synthetic.example", "provenance": say(
                    "Contact", "Our data protection officer is reachable at dpo@synthetic.example.")}],
                "provenance": say("Contact", "We have appointed a data protection officer for the whole group.")},
            "supervisory_authority": {"name": "Autoriteit Persoonsgegevens", "country": "NL",
                                      "url": "https://autoriteitpersoonsgegevens.nl", "provenance": say(
                                          "Complaints", "You may complain to the Autoriteit Persoonsgegevens.")},
            "provenance": say("Who we are", "Synthetic Group N.V. is the controller for the processing in this notice."),
        }

    def notice_element(self, text_file: str) -> dict[str, Any]:
        say = self.notice.says
        rights = ("access", "rectification", "erasure", "restriction", "portability", "objection",
                  "no_automated_decision", "withdraw_consent", "complaint")
        return {
            "title": "Privacy notice of Synthetic Group", "source": "https://synthetic.example/privacy",
            "text_file": text_file, "language": "en", "version": "7.2", "last_updated": "2025-01-15",
            "rights": [{"right": right, "route": "privacy@synthetic.example", "provenance": say(
                "Your rights", f"You have the right of {right.replace('_', ' ')}; write to privacy@synthetic.example.")}
                for right in rights],
            "response_time": {"period": "P1M", "limit": "at_most", "extension": "P2M", "provenance": say(
                "Your rights", "We answer within one month, or within three months for complex requests.")},
            "automated_decision_making": {"used": False, "profiling": False, "provenance": say(
                "Your rights", "We take no decisions about you by automated means alone.")},
            "children": {"minimum_age": 16, "parental_consent": True, "provenance": say(
                "Children", "Children under 16 need the consent of a parent to use our services.")},
            "breach_procedure": {"notify_authority": True, "notify_data_subjects": True, "deadline": "PT72H",
                                 "provenance": say("Security", "We report a data breach to the authority within 72 hours.")},
            "provision_requirement": {"description": "Contract data are needed to conclude the contract.", "provenance": say(
                "Your data", "Without your contract data we cannot conclude the contract.")},
            "change_policy": {"description": "Changes are announced on the website.", "provenance": say(
                "Changes", "We announce changes to this notice on our website.")},
            "provenance": say("About this notice", "This notice was last changed on 15 January 2025."),
        }

    def data_subjects(self) -> list[dict[str, Any]]:
        groups = []
        for i in range(max(len(PEOPLE), self.size.activities // 100)):
            kind = i % len(PEOPLE)
            name = PEOPLE[kind].capitalize() + (f" (group {i // len(PEOPLE)})" if i >= len(PEOPLE) else "")
            group: dict[str, Any] = {"id": f"subjects-{i:04d}", "name": name, "relationship": RELATIONSHIPS[kind]}
            if self.chance(0.02):
                group["children"] = True
            group["provenance"] = self.provenance("Whose data", f"We process data of {name.lower()}.")
            groups.append(group)
        return groups

    def data_categories(self) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
        """The categories, about 2% of them special, and the ids of the special ones by their kind."""
        total = max(50, self.size.activities // 10)
        kinds = sorted(SPECIAL_NAMES)
        per_kind = max(1, round(total * 0.02 / len(kinds)))
        categories, special = [], {}
        for i in range(total - per_kind * len(kinds)):
            name = CATEGORIES[i % len(CATEGORIES)] + (f" ({i // len(CATEGORIES)})" if i >= len(CATEGORIES) else "")
            category: dict[str, Any] = {"id": f"data-{i:05d}", "name": name.capitalize(),
                                        "source": SOURCES[self.rng.randrange(len(SOURCES))]}
            if self.chance(0.3):
                category["mandatory"] = True
            category["provenance"] = self.provenance("Your data", f"We use your {name}.")
            categories.append(category)
        for kind in kinds:
            for i in range(per_kind):
                name = f"{SPECIAL_NAMES[kind]} ({i})"
                categories.append({"id": f"special-{kind.replace('_', '-')}-{i:03d}", "name": name.capitalize(),
                                   "special": kind, "provenance": self.provenance(
                                       "Sensitive data", f"For some services we process {name}.")})
                special.setdefault(kind, []).append(categories[-1]["id"])
        return categories, special

    def activity(self, number: int, subjects: list[dict], categories: list[str],
                 special: dict[str, list[str]]) -> dict[str, Any]:
        """An activity from a template; every 50th handles special-category data."""
        condition = None
        if number % 50 == 0:
            (template, purposes, retention), kind, condition = SENSITIVE[number // 50 % len(SENSITIVE)]
            used = self.pick(categories, self.rng.randint(1, 4)) + [self.rng.choice(special[kind])]
        else:
            template, purposes, retention = TEMPLATES[self.rng.randrange(len(TEMPLATES))]
            used = self.pick(categories, self.rng.randint(2, 7))
        name = f"{template} - {self.rng.choice(UNITS)} {number:05d}"
        section = f"What we do > {name}"
        activity: dict[str, Any] = {
            "id": f"activity-{number:05d}", "name": name,
            "description": f"{template} for the {name.split(' - ')[1]} business.",
            "data_subjects": [s["id"] for s in self.pick(subjects, self.rng.randint(1, 3))], "categories": used,
        }
        activity["purposes"] = [self.purpose(number, index, purpose, section, used, condition)
                                for index, purpose in enumerate(purposes)]
        if self.chance(0.03):
            activity["collective_legal_bases"] = [{"basis": "legitimate_interests", "provenance": self.notice.says(
                section, "We may also rely on our legitimate interests for this activity.")}]
        activity["retention"] = self.retention(activity, retention, section)
        if condition:
            activity["dpia"] = {"status": "conducted", "provenance": self.notice.says(
                section, f"We carried out a DPIA before starting {name}.")}
        activity["provenance"] = self.provenance(section, f"In {name} we process personal data for the purposes below.")
        return activity

    def purpose(self, number: int, index: int, spec: tuple[str, str, str], section: str, categories: list[str],
                condition: str | None) -> dict[str, Any]:
        """A purpose with its legal basis and what that basis requires; ``condition`` is the Art. 9(2) condition
        of an activity with special-category data (it uses all of the activity's categories)."""
        name, kind, basis = spec
        purpose: dict[str, Any] = {"id": f"purpose-{number:05d}-{index}", "name": name, "kind": kind}
        if condition is None and len(categories) > 2 and self.chance(0.3):
            purpose["categories"] = self.pick(categories, self.rng.randint(1, len(categories) - 1))
        if self.chance(0.02):
            basis = None  # a gap: the notice gives no basis for this purpose
        elif self.chance(0.3):
            purpose["legal_basis"] = {"basis": basis, "provenance": self.notice.says(
                section, f"For {name.lower()} we rely on {basis.replace('_', ' ')}.")}
        else:
            purpose["legal_basis"] = basis
        if condition and self.chance(0.9):  # else a gap: no Art. 9(2) condition stated
            purpose["art9_condition"] = {"condition": condition, "provenance": self.notice.says(
                section, f"For the sensitive data we rely on {condition.replace('_', ' ')}.")}
        if basis == "legitimate_interests":
            if self.chance(0.95):
                purpose["legitimate_interest"] = {"description": f"Our interest in {name.lower()}.", "provenance":
                                                  self.notice.says(section, f"Our legitimate interest is {name.lower()}.")}
            if self.chance(0.8):
                purpose["objection"] = {"route": "privacy@synthetic.example", "provenance": self.notice.says(
                    section, "You may object to this at any time at privacy@synthetic.example.")}
        elif basis == "consent":
            purpose["consent"] = {"withdrawal": "the link in every message or your account settings",
                                  "bundled_with_terms": self.chance(0.02), "provenance": self.notice.says(
                                      section, "You can withdraw your consent at any time in your account settings.")}
        if name in LEGAL_DUTIES:  # the statute stays stated when the basis is a gap
            statute, record = LEGAL_DUTIES[name]
            purpose["statute"] = statute
            if record:
                purpose["record_types"] = [record]
        if kind == "direct_marketing":
            purpose["channels"] = ["email"]
        if kind == "ai_training":
            purpose["deidentification"] = "pseudonymised"
        purpose["provenance"] = self.provenance(section, f"We use your data to {name[0].lower()}{name[1:]}.")
        return purpose

    def retention(self, activity: dict[str, Any], typical: str, section: str) -> list[dict[str, Any]]:
        """Every form of rule: a period (exactly, at most, at least), until an event, vague, or none at all.
        Statutory records get their minimum; the other purposes a rule of their own."""
        say = self.notice.says
        rules: list[dict[str, Any]] = []
        if self.chance(0.04):
            return rules  # a gap: the notice says nothing about how long
        records = [p for p in activity["purposes"] if "record_types" in p]
        for purpose in records:
            record = purpose["record_types"][0]
            period, after = self.reference.retention_rule(record).period.text, RECORD_STARTS[record]
            rules.append({"purposes": [purpose["id"]], "period": period, "limit": "at_least", "after": after,
                          "provenance": say(section, f"We keep these records at least {period[1:-1]} years, as the law requires.")})
        others = [p["id"] for p in activity["purposes"] if "record_types" not in p]
        if not others:
            return rules
        scope = {"purposes": others} if records else {}
        form = self.rng.random()
        if form < 0.45:
            years = self.rng.choice((1, 2, 3, 5))
            rules.append({**scope, "period": f"P{years}Y", "limit": self.rng.choice(("exactly", "at_most")),
                          "after": self.rng.choice(EVENTS), "provenance": say(
                              section, f"We delete the data {years} years after the end of {activity['name']}.")})
        elif form < 0.6 and typical == "short":
            weeks = self.rng.choice((2, 4, 6))
            rules.append({**scope, "period": f"P{weeks}W", "limit": "at_most", "after": "creation", "provenance": say(
                section, f"We keep these data at most {weeks} weeks.")})
        elif form < 0.8:
            rules.append({**scope, "until": self.rng.choice(("account_deletion", "consent_withdrawal", "contract_end",
                                                             "unsubscription")),
                          "provenance": say(section, "We keep the data for as long as you have an account with us.")})
        elif form < 0.9:
            rules.append({**scope, "until": "other", "description": "until the last open claim is settled",
                          "provenance": say(section, "We keep the data until every open claim has been settled.")})
        else:
            rules.append({**scope, "vague": "no longer than necessary", "provenance": say(
                section, "We do not keep your data longer than necessary for this purpose.")})
        if len(activity["categories"]) > 3 and self.chance(0.2):
            rules.append({**scope, "categories": activity["categories"][-1:], "period": "P6M",
                          "limit": "at_most", "after": "collection",
                          "provenance": say(section, "Some technical data are deleted after six months.")})
        return rules

    # -- recipients -----------------------------------------------------------------------------------
    def recipients(self, activities: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Processors first, then their sub-processors (chains up to three deep), then the other roles."""
        total = self.size.recipients
        roles = (["processor"] * round(total * 0.5) + ["sub_processor"] * round(total * 0.3)
                 + ["controller"] * round(total * 0.08) + ["joint_controller"] * round(total * 0.04)
                 + ["public_authority"] * round(total * 0.04))
        roles += ["recipient"] * (total - len(roles))
        recipients: list[dict[str, Any]] = []
        parents: list[tuple[str, int]] = []  # processors and sub-processors that may take one more level, with depth
        for number, role in enumerate(roles, 1):
            recipient = self.recipient(number, role, activities)
            depth = 1
            if role == "sub_processor":
                recipient["parent"], above = self.rng.choice(parents[-200:])  # recent ones, so chains grow deep
                depth = above + 1
            if role in ("processor", "sub_processor") and depth < 3:
                parents.append((recipient["id"], depth))
            recipients.append(self.finish_recipient(recipient))
        return recipients

    def recipient(self, number: int, role: str, activities: list[dict[str, Any]]) -> dict[str, Any]:
        """Who it is and which activities' data it receives; processors also what they do."""
        service = self.rng.choice(PROCESSOR_SERVICES) if role in ("processor", "sub_processor") else None
        if role == "public_authority":
            named, name = self.chance(0.3), f"{self.rng.choice(AUTHORITIES)} ({number})"
        else:
            named = self.chance(0.9)
            kind = service or "partner"
            name = f"Vendor {number:04d} {kind.title()}" if named else f"Suppliers of {kind} services ({number})"
        served = self.pick(activities, 1 + int(self.rng.expovariate(0.4)))
        recipient: dict[str, Any] = {"id": f"recipient-{number:04d}", "name": name, "named": named, "role": role}
        if service:
            recipient["services"] = [service]
        recipient["activities"] = [a["id"] for a in served]
        recipient["categories"] = list(dict.fromkeys(c for a in served for c in a["categories"][:2]))
        return recipient

    def finish_recipient(self, recipient: dict[str, Any]) -> dict[str, Any]:
        """Country, transfer tools, processor agreement and provenance, by where the recipient is."""
        name = recipient["name"]
        section = f"Who receives your data > {name}"
        where = self.rng.random()
        country = (self.rng.choice(EEA) if where < 0.6 or recipient["role"] == "public_authority" else
                   self.rng.choice(ADEQUATE) if where < 0.72 else "US" if where < 0.88 else
                   self.rng.choice(THIRD) if where < 0.98 else None)
        if country and self.chance(0.2):
            recipient["country"] = {"code": country, "provenance": {"fact": f"{name} processes data in {country} "
                                                                            "(its published sub-processor list)."}}
        elif country:
            recipient["country"] = country
        if recipient["role"] in ("processor", "sub_processor") and self.chance(0.85):
            recipient["processor_agreement"] = {"in_place": True, "provenance": self.notice.says(
                section, f"We have a processor agreement with {name}.")}
        tools = self.transfer_tools(country, section) if country else []
        if tools:
            recipient["transfer_tools"] = tools
        if (country in self.scope_conditions and self.chance(0.5)) or (country == "US" and tools and tools[0]["tool"] == "eu_us_dpf"):
            condition = self.scope_conditions.get(country, "dpf_certified")
            recipient["scope_conditions"] = [{"condition": condition, "provenance": {
                "fact": f"{name} meets the condition {condition} (public register)."}}]
        located = f" in {country}" if country else ""
        purpose = f" for {recipient['services'][0]}" if "services" in recipient else ""
        recipient["provenance"] = self.provenance(section, f"We share data with {name}{located}{purpose}.")
        return recipient

    def transfer_tools(self, country: str, section: str) -> list[dict[str, Any]]:
        if country in EEA:
            return []
        roll = self.rng.random()
        if country in ADEQUATE:
            tool = {"tool": "adequacy"} if roll < 0.7 else None
        elif country == "US":
            tool = ({"tool": "eu_us_dpf"} if roll < 0.5 else
                    {"tool": "scc", "version": "2021", "module": self.rng.choice((2, 3)),
                     "concluded": f"202{self.rng.randint(2, 4)}-0{self.rng.randint(1, 9)}-15"} if roll < 0.8 else
                    {"tool": "bcr"} if roll < 0.9 else {"tool": "privacy_shield"})
        else:
            tool = ({"tool": "scc", "version": "2021", "module": 2} if roll < 0.7 else {"tool": "bcr"} if roll < 0.85 else
                    {"tool": "derogation_explicit_consent"} if roll < 0.9 else
                    {"tool": "appropriate_measures"} if roll < 0.95 else None)
        if tool is None:
            return []  # the organisation's general tools apply
        tool["provenance"] = self.notice.says(section, f"For this transfer we rely on {tool['tool'].replace('_', ' ')}.")
        return [tool]

    def cookies(self, recipients: list[dict[str, Any]]) -> list[dict[str, Any]]:
        providers = [r["id"] for r in recipients if r["role"] in ("processor", "controller")]
        cookies = []
        for i in range(max(5, self.size.activities // 200)):
            category = ("strictly_necessary", "functional", "analytics", "marketing", "social_media")[i % 5]
            cookie: dict[str, Any] = {"id": f"cookie-{i:03d}", "name": f"{category.replace('_', ' ').capitalize()} cookie {i}",
                                      "type": "pixel" if category == "marketing" else "cookie", "category": category}
            if category != "strictly_necessary":
                if providers:
                    cookie["provider"] = self.rng.choice(providers)
                cookie["consent"] = "asked" if self.chance(0.9) else "browser_opt_out"
            cookie["duration"] = "session" if category == "strictly_necessary" else f"P{self.rng.randint(1, 24)}M"
            cookie["provenance"] = self.notice.says("Cookies", f"The {cookie['name']} is placed for {category.replace('_', ' ')}.")
            cookies.append(cookie)
        return cookies


def generate(org_id: str, size: Size, seed: int = 0, text_file: str = "notice.txt") -> tuple[dict[str, Any], str]:
    """The declaration (as plain data) and its notice text."""
    generator = Generator(org_id, size, seed)
    declaration = generator.organisation(text_file)
    return declaration, generator.notice.text("Privacy notice of Synthetic Group N.V.")


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, default_flow_style=None, width=140)


def split(declaration: dict[str, Any], files: int) -> list[dict[str, Any]]:
    """The declaration over ``files`` documents of one organisation: the first holds the organisation-wide
    elements, and activities and recipients are shared out in consecutive runs."""
    shared = ("activities", "recipients")
    parts = [{"pac": 1, "organisation": declaration["organisation"]} for _ in range(files)]
    parts[0].update({k: v for k, v in declaration.items() if k not in ("pac", "organisation", *shared)})
    for key in shared:
        items = declaration[key]
        step = -(-len(items) // files)
        for index, part in enumerate(parts):
            if items[index * step:(index + 1) * step]:
                part[key] = items[index * step:(index + 1) * step]
    return parts


def write(out: Path, size: Size, seed: int = 0, files: int = 1, org_id: str | None = None) -> Path:
    """Write the organisation below ``out``: ``<id>.yaml`` (one file) or ``<id>/part-NNN.yaml`` (a folder),
    each beside the notice text it quotes. Returns the file or folder to give to pac."""
    org_id = org_id or f"synthetic-{size.activities}"
    if files == 1:
        target, notice = out / f"{org_id}.yaml", f"{org_id}.notice.txt"
        declaration, text = generate(org_id, size, seed, notice)
        out.mkdir(parents=True, exist_ok=True)
        target.write_text(_dump(declaration), encoding="utf-8")
        (out / notice).write_text(text, encoding="utf-8")
        return target
    target = out / org_id
    declaration, text = generate(org_id, size, seed)
    target.mkdir(parents=True, exist_ok=True)
    for number, part in enumerate(split(declaration, files), 1):
        (target / f"part-{number:03d}.yaml").write_text(_dump(part), encoding="utf-8")
    (target / "notice.txt").write_text(text, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=SIZES, default="small", help="activities/recipients: small 100/30, "
                        "medium 1,000/300, large 10,000/2,000")
    parser.add_argument("--activities", type=int, help="override the number of activities")
    parser.add_argument("--recipients", type=int, help="override the number of recipients")
    parser.add_argument("--seed", type=int, default=0, help="the same seed gives the same files (default 0)")
    parser.add_argument("--files", type=int, default=1, help="split over a folder of this many files (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="the folder to write into")
    arguments = parser.parse_args(argv)
    base = SIZES[arguments.size]
    size = Size(arguments.activities or base.activities, arguments.recipients or base.recipients)
    if size.activities < 1 or size.recipients < 1 or arguments.files < 1:
        parser.error("--activities, --recipients and --files must be at least 1")
    print(write(arguments.out, size, arguments.seed, arguments.files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
