"""Typing the raw reference data: one builder per section, cross-checked against the others."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any, Iterable, TypeVar

from ..validation import schema
from .fields import (ARTICLE, DATE, DURATION, INTEGER, TEXT, Fields, Kind, ReferenceDataError, member, members,
                     shown)
from .raw import Raw
from .rows import (AdequacyDecision, Art9ConditionRow, ConsentAge, ConsentAgeRule, Country, CriminalData, EEAState,
                   Inference, KnownRecipient, LegalBasisRow, NationalRule, NationalTool, Note, NoticeItem, NoticeRule,
                   Obligation, RetentionRule, SccModule, SccVersion, Source, SpecialCategory, TransferTool)

T = TypeVar("T")

TOOL_KINDS = frozenset({"adequacy", "safeguard", "derogation", "invalidated", "not_a_tool"})
_COUNTRY_CODE = re.compile(r"[A-Z]{2}\Z")


def _scope_conditions() -> frozenset[str]:
    """The scope condition keys a declaration may state (the declaration schema's enum); decisions use the same."""
    recipient = schema("declaration")["$defs"]["recipient"]["properties"]
    return frozenset(recipient["scope_conditions"]["items"]["properties"]["condition"]["enum"])


def name_key(text: str) -> str:
    """Case- and whitespace-insensitive form of a term or name."""
    return " ".join(text.split()).casefold()


LEGAL_FORMS = frozenset({
    "inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company", "plc", "lp", "llp",
    "pbc", "gmbh", "ag", "kg", "bv", "nv", "sa", "sas", "sarl", "srl", "spa", "ab", "as", "oy", "se"})
"""Legal-form words that may end an organisation's name ('Acme Inc.', 'ACME, Inc.', 'Acme B.V.')."""


def organisation_key(name: str) -> str:
    """The form of an organisation's name two spellings of it share: case, punctuation and trailing legal-form words
    ignored ('ACME, Inc.' and 'Acme Inc' are both 'acme'); the name itself when it is nothing but such words."""
    words = re.sub(r"[^\w\s&]", " ", name.replace(".", "").casefold()).split()
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Tables:
    """Every section of the reference data, typed and keyed by id."""

    sources: Mapping[str, Source]
    countries: Mapping[str, Country]
    eea: Mapping[str, EEAState]
    not_eea: Mapping[str, Note]
    adequacy: Mapping[str, AdequacyDecision]
    adequacy_by_country: Mapping[str, tuple[AdequacyDecision, ...]]
    national_adequacy: Mapping[tuple[str, str], tuple[AdequacyDecision, ...]]
    """A national law's adequacy decisions (UK adequacy regulations) by (jurisdiction, country)."""
    dpf_certified: frozenset[str]
    dpf_certified_keys: frozenset[str]
    transfer_tools: Mapping[str, TransferTool]
    scc_versions: Mapping[str, SccVersion]
    legal_bases: Mapping[str, LegalBasisRow]
    nl_aliases: Mapping[str, str]
    art9_conditions: Mapping[str, Art9ConditionRow]
    special_categories: Mapping[str, SpecialCategory]
    criminal_data: CriminalData
    art9_national_notes: Mapping[str, Note]
    notice_items: Mapping[str, NoticeItem]
    notice_rules: Mapping[str, NoticeRule]
    retention: Mapping[str, RetentionRule]
    consent_age_rule: ConsentAgeRule
    consent_ages: Mapping[str, ConsentAge]
    obligations: Mapping[str, Obligation]
    national_rules: Mapping[str, NationalRule]
    recipients: Mapping[str, KnownRecipient]


class _Builder:
    """Types the sections of one raw data set; later sections check their references against earlier ones."""

    def __init__(self, raw: Raw):
        self.raw = raw
        self.sources: Collection[str] = ()

    def table(self, section: str, build: Callable[[Fields], T]) -> Mapping[str, T]:
        return MappingProxyType({row_id: Fields(section, row, self.sources, row_id).read(build)
                                 for row_id, row in self.raw[section].items()})

    def record(self, section: str, build: Callable[[Fields], T]) -> T:
        return Fields(section, self.raw[section], self.sources, None).read(build)

    def build(self) -> Tables:
        sources = self.table("sources", _source)
        self.sources = sources.keys()
        countries = self.table("countries", _country)
        country = member(countries.keys(), "an ISO 3166-1 alpha-2 country code")
        scope = members(_scope_conditions(), "a scope condition key")
        adequacy = self.table("adequacy", lambda f: _adequacy(f, country, scope))
        eea = self.table("eea", lambda f: _eea_state(f, countries.keys()))
        legal_bases = self.table("legal_bases", _legal_basis)
        rule = self.record("consent_age_rule", _consent_age_rule)
        obligation_keys = frozenset(self.raw["obligations"])
        dpf = frozenset(self.raw["dpf_certified"])
        return Tables(
            sources=sources,
            countries=countries,
            eea=eea,
            not_eea=self.table("not_eea", lambda f: _country_note(f, countries.keys())),
            adequacy=adequacy,
            adequacy_by_country=_by_country(d for d in adequacy.values() if d.jurisdiction is None),
            national_adequacy=_national_adequacy(adequacy, eea.keys()),
            dpf_certified=dpf,
            dpf_certified_keys=frozenset(organisation_key(name) for name in dpf),
            transfer_tools=self.table("transfer_tools", lambda f: _transfer_tool(f, adequacy.keys())),
            scc_versions=self.table("scc_versions", _scc_version),
            legal_bases=legal_bases,
            nl_aliases=_aliases(self.raw["nl_aliases"], legal_bases.keys()),
            art9_conditions=self.table("art9_conditions", _art9_condition),
            special_categories=self.table("special_categories", _special_category),
            criminal_data=self.record("criminal_data", _criminal_data),
            art9_national_notes=self.table("art9_national_notes", lambda f: _country_note(f, countries.keys())),
            notice_items=self.table("notice_items", _notice_item),
            notice_rules=self.table("notice_rules", _notice_rule),
            retention=self.table("retention", lambda f: _retention(f, country)),
            consent_age_rule=rule,
            consent_ages=self.table("consent_ages", lambda f: _consent_age(f, rule, countries.keys())),
            obligations=self.table("obligations", lambda f: _obligation(f, obligation_keys)),
            national_rules=self.table("national_rules", lambda f: _national_rule(f, country, countries.keys())),
            recipients=self.table("recipients", lambda f: _known_recipient(f, country)),
        )


def build(raw: Raw) -> Tables:
    """Type and cross-check raw reference data; raise :class:`ReferenceDataError` where it is malformed."""
    return _Builder(raw).build()


def _by_country(decisions: Iterable[AdequacyDecision]) -> Mapping[str, tuple[AdequacyDecision, ...]]:
    grouped: dict[str, list[AdequacyDecision]] = {}
    for decision in decisions:
        if decision.country is not None:
            grouped.setdefault(decision.country, []).append(decision)
    return MappingProxyType({code: tuple(sorted(rows, key=lambda d: (d.in_force, d.id)))
                             for code, rows in grouped.items()})


def _national_adequacy(decisions: Mapping[str, AdequacyDecision],
                       eea: Collection[str]) -> Mapping[tuple[str, str], tuple[AdequacyDecision, ...]]:
    """A national law's decisions by (jurisdiction, country): a decision on the EEA once for every EEA state, one that
    keeps Commission decisions once for each of their countries, with that decision's scope."""
    by_law: dict[str, list[AdequacyDecision]] = {}
    for decision in decisions.values():
        if decision.jurisdiction is not None:
            by_law.setdefault(decision.jurisdiction, []).extend(_per_country(decision, decisions, eea))
    return MappingProxyType({(law, code): rows for law, rows in by_law.items()
                             for code, rows in _by_country(rows).items()})


def _per_country(decision: AdequacyDecision, decisions: Mapping[str, AdequacyDecision],
                 eea: Collection[str]) -> Iterator[AdequacyDecision]:
    if decision.area == "EEA":
        yield from (replace(decision, country=code) for code in sorted(eea))
    for kept in (decisions[key] for key in decision.keeps):
        yield replace(decision, country=kept.country, scope=kept.scope, scope_conditions=kept.scope_conditions)
    if decision.country is not None:
        yield decision


def _aliases(raw: Mapping[str, Any], bases: Collection[str]) -> Mapping[str, str]:
    aliases: dict[str, str] = {}
    for term, key in raw.items():
        if not isinstance(term, str) or not term.strip():
            raise ReferenceDataError("nl_aliases", str(term), None, "expected a non-empty Dutch term as the key")
        if key not in bases:
            raise ReferenceDataError("nl_aliases", term, None,
                                     f"expected a legal basis key ({', '.join(sorted(bases))}), got {shown(key)}")
        aliases[name_key(term)] = key
    return MappingProxyType(aliases)


def _source(f: Fields) -> Source:
    return Source(f.id, f.required("title", TEXT), f.required("url", TEXT), f.optional("note", TEXT),
                  f.optional("cited_as", TEXT))


def _known_recipient(f: Fields, country: Kind[str]) -> KnownRecipient:
    names = f.texts("names")
    if not names:
        raise f.error("names", "expected at least one name by which notices name the company")
    return KnownRecipient(f.id, names, f.required("eu_entity", TEXT), f.required("eu_country", country),
                          f.optional("parent", TEXT), f.optional("parent_country", country), f.citation())


def _country(f: Fields) -> Country:
    code = f.id
    if not _COUNTRY_CODE.match(code):
        raise f.error("id", f"expected an ISO 3166-1 alpha-2 code (two capital letters), got {shown(code)}")
    return Country(code, f.required("name", TEXT), f.citation(), f.optional("name_nl", TEXT), f.optional("alpha_3", TEXT))


def _eea_state(f: Fields, countries: Collection[str]) -> EEAState:
    return EEAState(
        code=f.id_in(countries, "an ISO 3166-1 alpha-2 country code"),
        name=f.required("name", TEXT),
        group=f.required("group", member({"EU", "EEA-EFTA"}, "a group")),
        gdpr_applies_from=f.required("gdpr_applies_from", DATE),
        note=f.optional("note", TEXT),
        citation=f.citation(),
    )


def _country_note(f: Fields, countries: Collection[str]) -> Note:
    f.id_in(countries, "an ISO 3166-1 alpha-2 country code")
    return _note(f, "note")


def _note(f: Fields, name: str = "text") -> Note:
    return Note(f.required(name, TEXT), f.citation())


def _event(f: Fields) -> None:
    """A dated step in the life of a decision (adoption, extension, litigation): checked, not kept."""
    f.required("date", DATE)
    f.required("event", TEXT)
    f.citation()


def _documentation(f: Fields, *texts: str, dates: tuple[str, ...] = (), lists: tuple[str, ...] = (),
                   events: tuple[str, ...] = (), cited: tuple[str, ...] = ()) -> None:
    """Check the fields of a row that document it for its readers (DPV concepts, an ELI, a decision's history)
    and that no check reads, so that the row does not keep them: ``texts`` are optional texts, ``dates``
    required dates, ``lists`` optional lists of texts, ``events`` lists of dated events, ``cited`` mappings
    that hold only a citation."""
    for name in cited:
        f.one(name, Fields.citation)
    for name in texts:
        f.optional(name, TEXT)
    for name in dates:
        f.required(name, DATE)
    for name in lists:
        f.texts(name)
    for name in events:
        f.each(name, _event)


def _adequacy(f: Fields, country: Kind[str], scope: Kind[tuple[str, ...]]) -> AdequacyDecision:
    jurisdiction, keeps = f.optional("jurisdiction", country), f.texts("keeps")
    if jurisdiction is None and (keeps or f.optional("area", TEXT)):
        raise f.error("keeps" if keeps else "area", "only a national decision (with a jurisdiction) keeps Commission "
                      "decisions or covers the EEA")
    status = f.required("status", member({"in_force", "invalidated"}, "a decision status"))
    invalidated = f.optional("invalidated", DATE)
    judgment = f.optional("judgment", TEXT)
    if (status == "invalidated") != (invalidated is not None and judgment is not None):
        raise f.error("invalidated", "expected an invalidation date and a judgment exactly when status is invalidated")
    _documentation(f, "eli", "dpv", dates=("adopted",), lists=("reviews",),
                   events=("history", "litigation", "led_decisions"))
    return AdequacyDecision(
        id=f.id,
        country=f.optional("country", country),
        name=f.required("name", TEXT),
        instrument=f.required("instrument", TEXT),
        in_force=f.required("in_force", DATE),
        expires=f.optional("expires", DATE),
        status=status,
        invalidated=invalidated,
        judgment=judgment,
        scope=f.required("scope", TEXT),
        scope_conditions=f.optional("scope_conditions", scope) or (),
        note=f.optional("note", TEXT),
        citation=f.citation(),
        jurisdiction=jurisdiction,
        area=f.optional("area", member({"EEA"}, "an area")),
        keeps=keeps,
    )


def _transfer_tool(f: Fields, decisions: Collection[str]) -> TransferTool:
    _documentation(f, "dpv")
    return TransferTool(
        key=f.id,
        article=f.required("article", ARTICLE),
        label=f.required("label", TEXT),
        kind=f.required("kind", member(TOOL_KINDS, "a transfer tool kind")),
        decision=f.optional("decision", member(decisions, "an id of the 'adequacy' section")),
        nl=f.optional("nl", TEXT),
        needs_sa_authorisation=f.flag("needs_sa_authorisation"),
        public_authorities_allowed=f.flag("public_authorities_allowed", default=True),
        notes=f.each("notes", _note),
        citation=f.citation(),
        national=f.each("national", lambda n: _national_tool(n, decisions)),
    )


def _national_tool(f: Fields, decisions: Collection[str]) -> NationalTool:
    return NationalTool(
        country=f.required("country", TEXT),
        label=f.optional("label", TEXT),
        nl=f.optional("nl", TEXT),
        article=f.optional("article", TEXT),
        decision=f.optional("decision", member(decisions, "an id of the 'adequacy' section")),
        in_force=f.optional("in_force", DATE),
        superseded_until=f.optional("superseded_until", DATE),
        superseded_concluded_by=f.optional("superseded_concluded_by", DATE),
        citation=f.citation(),
    )


def _scc_module(f: Fields) -> SccModule:
    return SccModule(f.required("number", INTEGER), f.required("key", TEXT), f.required("label", TEXT))


def _scc_version(f: Fields) -> SccVersion:
    _documentation(f, dates=("adopted",), cited=("transition",))
    return SccVersion(
        id=f.id,
        instrument=f.required("instrument", TEXT),
        in_force=f.optional("in_force", DATE),
        new_contracts_until=f.optional("new_contracts_until", DATE),
        valid_until=f.optional("valid_until", DATE),
        legal_basis=f.optional("legal_basis", TEXT),
        modules=f.each("modules", _scc_module),
        citation=f.citation(),
    )


def _legal_basis(f: Fields) -> LegalBasisRow:
    _documentation(f, "dpv_gdpr", "dpv_v1", lists=("dpv", "dpv_narrower"))
    return LegalBasisRow(
        key=f.id,
        article=f.required("article", ARTICLE),
        label=f.required("label", TEXT),
        nl=f.optional("nl", TEXT),
        requires=f.optional("requires", TEXT),
        constraints=f.texts("constraints"),
        note=f.optional("note", TEXT),
        citation=f.citation(),
    )


def _art9_condition(f: Fields) -> Art9ConditionRow:
    _documentation(f, "dpv")
    return Art9ConditionRow(
        key=f.id,
        article=f.required("article", ARTICLE),
        label=f.required("label", TEXT),
        nl=f.optional("nl", TEXT),
        requires_law=f.flag("requires_law"),
        requires_law_or_contract=f.flag("requires_law_or_contract"),
        member_state_may_exclude=f.flag("member_state_may_exclude"),
        citation=f.citation(),
    )


def _special_category(f: Fields) -> SpecialCategory:
    _documentation(f, lists=("dpv",))
    return SpecialCategory(f.id, f.required("article", ARTICLE), f.required("label", TEXT),
                           f.required("nl", TEXT), f.citation())


def _criminal_data(f: Fields) -> CriminalData:
    return CriminalData(f.required("id", TEXT), f.required("article", ARTICLE), f.required("label", TEXT),
                        f.required("nl", TEXT), f.citation())


def _notice_item(f: Fields) -> NoticeItem:
    art13, art14 = f.optional("art13", ARTICLE), f.optional("art14", ARTICLE)
    if art13 is None and art14 is None:
        raise f.error("art13", "expected a citation in art13, art14 or both")
    return NoticeItem(f.id, art13, art14, f.optional("condition", TEXT), f.optional("note", TEXT),
                      f.texts("subkeys"), f.citation())


def _notice_rule(f: Fields) -> NoticeRule:
    return NoticeRule(f.id, f.required("article", ARTICLE), f.required("rule", TEXT), f.citation())


def _retention(f: Fields, country: Kind[str]) -> RetentionRule:
    kind = f.required("kind", member({"min", "max_guidance"}, "a retention kind"))
    statute, authority = f.optional("statute", TEXT), f.optional("authority", TEXT)
    if (statute if kind == "min" else authority) is None:
        raise f.error("statute" if kind == "min" else "authority",
                      "is missing; a statutory minimum names its statute, a guidance maximum its authority")
    return RetentionRule(
        id=f.id,
        country=f.required("country", country),
        record=f.required("record", TEXT),
        kind=kind,
        period=f.required("period", DURATION),
        start=f.optional("start", TEXT),
        statute=statute,
        statute_text=f.optional("statute_text", TEXT),
        authority=authority,
        effective=f.optional("effective", DATE),
        period_before=f.optional("period_before", DURATION),
        changed_by=f.optional("changed_by", TEXT),
        transition=f.optional("transition", TEXT),
        with_consent_max=f.optional("with_consent_max", DURATION),
        exception=f.optional("exception", TEXT),
        note=f.optional("note", TEXT),
        citation=f.citation(),
        infer=f.one("infer", _inference),
        record_nl=f.optional("record_nl", TEXT),
        authority_nl=f.optional("authority_nl", TEXT),
    )


def _purpose_kinds() -> frozenset[str]:
    """The purpose kinds a declaration may state (the declaration schema's enum)."""
    return frozenset(schema("declaration")["$defs"]["purpose"]["properties"]["kind"]["enum"])


def _inference(f: Fields) -> Inference:
    inference = Inference(
        statutes=f.texts("statutes"),
        kinds=f.optional("kinds", members(_purpose_kinds(), "a purpose kind")) or (),
        words=f.texts("words"),
        special=f.optional("special", members(_special_keys(), "a special category key")) or (),
    )
    if not inference.statutes and not (inference.kinds and inference.words):
        raise f.error("statutes", "expected statutes, or kinds together with words: pac infers a record type only "
                                  "from words in the declaration")
    return inference


def _special_keys() -> frozenset[str]:
    """The special category keys a data category may state (the declaration schema's enum)."""
    return frozenset(schema("declaration")["$defs"]["special_category"]["enum"])


def _consent_age_rule(f: Fields) -> ConsentAgeRule:
    return ConsentAgeRule(f.required("article", ARTICLE), f.required("rule", TEXT), f.required("default", INTEGER),
                          f.required("floor", INTEGER), f.required("as_of", TEXT), f.citation())


def _consent_age(f: Fields, rule: ConsentAgeRule, countries: Collection[str]) -> ConsentAge:
    age = f.required("age", INTEGER)
    if not rule.floor <= age <= rule.default:
        raise f.error("age", f"expected an age from {rule.floor} to {rule.default} ({rule.article}), got {age}")
    return ConsentAge(f.id_in(countries, "an ISO 3166-1 alpha-2 country code"), age, f.optional("law", TEXT),
                      f.optional("note", TEXT), f.citation())


def _obligation(f: Fields, keys: Collection[str]) -> Obligation:
    return Obligation(
        key=f.id,
        article=f.optional("article", ARTICLE),
        deadline=f.optional("deadline", DURATION),
        deadline_text=f.optional("deadline_text", TEXT),
        extension=f.optional("extension", DURATION),
        max_total=f.optional("max_total", DURATION),
        start=f.optional("start", TEXT),
        rule=f.optional("rule", TEXT),
        condition=f.optional("condition", TEXT),
        status=f.optional("status", member({"in_force", "proposal", "policy_default"}, "an obligation status")) or "in_force",
        amends=f.optional("amends", member(keys, "a key of the 'obligations' section")),
        note=f.optional("note", TEXT),
        citation=f.citation(),
    )


NATIONAL_TOPICS = frozenset({"terminal_equipment", "email_marketing", "dpo_threshold", "supervisory_authority",
                             "criminal_data", "national_id_number", "transfers"})
"""What a national rule may be about (``national.yaml`` explains each)."""


def _national_rule(f: Fields, country: Kind[str], countries: Collection[str]) -> NationalRule:
    start, until = f.optional("from", DATE), f.optional("until", DATE)
    if start is not None and until is not None and until < start:
        raise f.error("until", f"expected a date on or after 'from' ({start}), got {until}")
    rule = NationalRule(
        id=f.id,
        country=f.required("country", country),
        topic=f.required("topic", member(NATIONAL_TOPICS, "a national rule topic")),
        law=f.required("law", TEXT),
        title=f.required("title", TEXT),
        rule=f.required("rule", TEXT),
        start=start,
        until=until,
        analytics_exemption=f.optional("analytics_exemption", TEXT),
        analytics_exemption_nl=f.optional("analytics_exemption_nl", TEXT),
        customer_exception=f.optional("customer_exception", TEXT),
        threshold=f.optional("threshold", INTEGER),
        authority=f.optional("authority", TEXT),
        url=f.optional("url", TEXT),
        note=f.optional("note", TEXT),
        citation=f.citation(),
        home=f.optional("home", members(countries, "an ISO 3166-1 alpha-2 country code")) or (),
        area=f.optional("area", TEXT),
        area_nl=f.optional("area_nl", TEXT),
        statute=f.optional("statute", TEXT),
        approval=f.optional("approval", TEXT),
        safeguards=f.optional("safeguards", TEXT),
    )
    missing = [name for name in _TRANSFER_FIELDS if getattr(rule, name) in (None, ())]
    if rule.topic == "transfers" and missing:
        raise f.error(missing[0], "is missing; a transfers rule states home, area, statute, approval and safeguards")
    return rule


_TRANSFER_FIELDS = ("home", "area", "statute", "approval", "safeguards")
