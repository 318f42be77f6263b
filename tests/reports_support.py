"""Shared by the report tests: a small run built by hand, so that every report branch is reached and
every string a declaration controls carries :data:`HOSTILE`; the validators of findings.json and SARIF; the
characters no output may carry raw; and a strict HTML parser."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jsonschema import Draft4Validator, Draft202012Validator, FormatChecker

from pac.checking import Check, Finding, check
from pac.errors import Location
from pac.model import Provenance
from pac.results import OrganisationRecord, Outcome, Run
from pac.validation import schema
from pac.waivers import Waiver

HOSTILE = ("<script>alert('x')</script> \"quoted\" ]]> `tick` *star* _under_ [link](https://evil.test) | $x^2$ "
           "&amp; \x07bell\x1b[31m \u202eright-to-left\n# heading")
"""Markup of every output format, control and bidi characters, and a line break."""

AS_OF = date(2025, 3, 1)

UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls (tab and line feed aside) and bidi overrides: none of them may reach an output raw."""

# The official OASIS schema of SARIF 2.1.0 (Errata 01), as published at
# https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json
SARIF_SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif_errors(document: Any) -> list[str]:
    """Where and why a SARIF log breaks the SARIF 2.1.0 schema."""
    return [f"{list(e.absolute_path)}: {e.message}" for e in Draft4Validator(SARIF_SCHEMA).iter_errors(document)]


def _absolute(uri: str) -> bool:
    parts = urlsplit(uri)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def code_scanning_errors(log: dict) -> list[str]:
    """Where a SARIF log breaks the rules GitHub code scanning documents for uploads ("SARIF support for code
    scanning", docs.github.com): its limits (20 runs, 25,000 rules and results per run, 20 tags per rule, 1,000
    locations per result), a message and a location for every result, URIs relative to the checkout (under
    ``%SRCROOT%``) for the alert to link to the file, a numeric ``security-severity`` of 0.0 to 10.0 as a string,
    an absolute ``helpUri`` and a ``help`` in text and Markdown (shown with the alert)."""
    errors = []
    if len(log["runs"]) > 20:
        errors.append("more than 20 runs")
    for run in log["runs"]:
        rules = run["tool"]["driver"].get("rules", [])
        ids = {rule["id"] for rule in rules}
        if len(rules) > 25_000 or len(run["results"]) > 25_000:
            errors.append("more than 25,000 rules or results in a run")
        for rule in rules:
            properties = rule.get("properties", {})
            if len(properties.get("tags", [])) > 20:
                errors.append(f"rule {rule['id']}: more than 20 tags")
            severity = properties.get("security-severity")
            if not (isinstance(severity, str) and 0.0 <= float(severity) <= 10.0):
                errors.append(f"rule {rule['id']}: security-severity {severity!r} is no number from 0.0 to 10.0")
            if "helpUri" in rule and not _absolute(rule["helpUri"]):
                errors.append(f"rule {rule['id']}: helpUri {rule['helpUri']!r} is not an absolute http(s) URI")
            if not (rule.get("help", {}).get("text") and rule["help"].get("markdown")):
                errors.append(f"rule {rule['id']}: no help text and Markdown")
        for number, result in enumerate(run["results"]):
            if result["ruleId"] not in ids or not result["message"].get("text"):
                errors.append(f"result {number}: unknown rule or no message text")
            if not 1 <= len(result.get("locations", [])) <= 1000:
                errors.append(f"result {number}: no location, or more than 1,000")
            for location in result.get("locations", []):
                artifact = location["physicalLocation"]["artifactLocation"]
                if artifact.get("uriBaseId") != "%SRCROOT%" or artifact["uri"].startswith(("/", "file:")):
                    errors.append(f"result {number}: {artifact} is not relative to the checkout")
    return errors


def findings_errors(document: Any) -> list[str]:
    """Where and why a findings.json document breaks its published schema."""
    validator = Draft202012Validator(schema("findings"), format_checker=FormatChecker(["date"]))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def _check(id: str, severity: str, articles: list[str], subject: str = "purposes") -> Check:
    return check(id, title=f"The {id} rule", articles=articles, severity=severity, subject=subject,  # type: ignore[arg-type]
                 remedy=f"Do what {id} asks.", rationale=f"Why {id} holds.\n\nIts sources, in a second paragraph.",
                 topic="sample")(lambda subject, ctx: None)


BASIS = _check("sample-basis", "error", ["GDPR Art. 6(1)", "GDPR Art. 13(1)(c)"])
NOTICE = _check("sample-notice", "warning", ["GDPR Art. 13(2)(a)"], subject="notice")
CONTEXT = _check("sample-context", "info", ["Tw art. 11.7", "GDPR Art. 6(1)(a)"], subject="organisation")
CLEAN = _check("sample-clean", "error", ["GDPR Art. 5(1)(e)"])
COOKIES = _check("sample-cookies", "error", ["GDPR Art. 4(11)"], subject="cookies")
BROKEN = _check("sample-broken", "error", ["GDPR Art. 30(1)"])
CHECKS = (BASIS, BROKEN, CLEAN, CONTEXT, COOKIES, NOTICE)

ACME_FILE = "policies/acme.yaml"
BRAVO_FILE = "/srv/policies with space/bravo.yaml"
WAIVER = Waiver(check="sample-basis", organisation="acme", subject="purposes/newsletter", justification=HOSTILE,
                owner=HOSTILE, expires=date(2026, 1, 31), location=Location("policies/waivers.yaml", 3, 5))


def finding(check: Check, organisation: str, subject: str, message: str, location: Location,
            evidence: tuple[Provenance, ...] = (), waiver: Waiver | None = None) -> Finding:
    return Finding(check=check.id, severity=check.severity, organisation=organisation, subject=subject,
                   articles=check.articles, message=message, location=location, evidence=evidence,
                   remedy=check.remedy, waiver=waiver)


FINDINGS = (
    finding(BASIS, "acme", "purposes/marketing", f"No legal basis is stated for {HOSTILE!r}.", Location(ACME_FILE, 12, 7),
            (Provenance(section=HOSTILE, quote=HOSTILE, location=Location("")),)),
    finding(BASIS, "acme", "purposes/newsletter", "No legal basis is stated for 'Newsletter'.", Location(ACME_FILE, 20, 7),
            (Provenance(section="Doeleinden", quote="nieuwsbrief", location=Location("")),), waiver=WAIVER),
    finding(NOTICE, "acme", "notice", "The notice gives no recipients.", Location(ACME_FILE, 0, 0),
            (Provenance(fact="KvK register, 2024", location=Location("")),)),
    finding(CONTEXT, "bravo", "organisation", "Bravo sends e-mail.", Location(BRAVO_FILE, 1, 1)),
)

OUTCOMES = (
    Outcome("acme", "sample-basis", "purposes/marketing", "failed"),
    Outcome("acme", "sample-basis", "purposes/newsletter", "waived"),
    Outcome("acme", "sample-broken", "purposes/marketing", "error"),
    Outcome("acme", "sample-clean", "purposes/marketing", "passed"),
    Outcome("acme", "sample-clean", "purposes/newsletter", "passed"),
    Outcome("acme", "sample-context", "organisation", "passed"),
    Outcome("acme", "sample-notice", "notice", "passed"),
    Outcome("bravo", "sample-context", "organisation", "passed"),
    Outcome("bravo", "sample-notice", "notice", "passed"),
)

ORGANISATIONS = (
    OrganisationRecord("acme", HOSTILE, (ACME_FILE,), ("a" * 64,), (f"waiver of sample-clean matched no finding ({HOSTILE})",)),
    OrganisationRecord("bravo", "Bravo B.V.", (BRAVO_FILE,), ("b" * 64,)),
)


def sample_run() -> Run:
    return Run(AS_OF, "1.2.3", CHECKS, ORGANISATIONS, FINDINGS, OUTCOMES)


VOID = {"meta", "img", "br", "hr", "link", "input", "source", "wbr"}


@dataclasses.dataclass
class Element:
    """An HTML element; ``iter("td", class_="n")`` yields the descendants with that tag and class."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = dataclasses.field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self, tag: str | None = None, **attrs: str):
        for child in self.children:
            if isinstance(child, Element):
                if (tag is None or child.tag == tag) and all(
                        value in child.attrs.get(name.rstrip("_"), "").split() for name, value in attrs.items()):
                    yield child
                yield from child.iter(tag, **attrs)

    def find(self, tag: str | None = None, **attrs: str) -> Element:
        return next(self.iter(tag, **attrs))


class TreeBuilder(HTMLParser):
    """A strict little parser: every element must be closed, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> tuple[Element, str]:
    """The document tree of ``page`` and its doctype."""
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], "unclosed elements"
    return builder.root, builder.doctype
