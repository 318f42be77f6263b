"""Storage limitation: how long personal data are kept, and whether the notice says so
(GDPR Art. 5(1)(e), 13(2)(a), 14(2)(a); national record-keeping statutes).

A retention rule covers the pairs (purpose, data category) it names; a purpose that names no
categories is one pair with ``None``. Periods are compared with :class:`pac.duration.Duration`,
so ``P12M`` equals ``P1Y``; starting events are not compared, only their absence is reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pac import Context, Duration, Phrase, RecordType, Severity, Term, check, say
from pac.model import Activity, Organisation, Purpose, Retention
from pac.reference import RetentionRule

SUBJECT_EVENTS = frozenset({"account_deletion", "consent_withdrawal", "unsubscription", "erasure_request"})
"""Events that come only if the data subject acts: if they never do, the data are kept for ever."""
CONSENT_ENDS = frozenset({"consent_withdrawal", "unsubscription"})
"""Events that end a consent."""
_REFERENCE_FIELDS = frozenset({"kind", "period", "period_before", "effective", "with_consent_max", "statute",
                               "authority"})
"""The fields of a reference row a finding rests on; marked unverified, they make the finding a warning."""


# What a rule says, and what it covers

def _pairs(purpose: Purpose) -> tuple[str | None, ...]:
    return purpose.categories or (None,)


Coverage = dict[str | None, tuple[Retention, ...]]
"""The rules that cover each of a purpose's categories, in declaration order."""


def _coverages(organisation: Organisation) -> dict[str, Coverage]:
    """The coverage of every purpose, by purpose id."""
    coverages: dict[str, Coverage] = {}
    for purpose in organisation.purposes:
        rules = organisation.activity(purpose.activity).retention
        coverages[purpose.id] = {c: tuple(r for r in rules if r.covers(purpose.id, c)) for c in _pairs(purpose)}
    return coverages


def _coverage(purpose: Purpose, ctx: Context) -> Coverage:
    """The rules that cover each of the purpose's categories (computed once per organisation)."""
    return ctx.once(_coverages)[purpose.id]


def _distinct(groups: Iterable[Iterable[Retention]]) -> list[Retention]:
    """The rules of ``groups``, each once, in order."""
    return list(dict.fromkeys(rule for group in groups for rule in group))


def _shorter(rules: tuple[Retention, ...], minimum: Duration) -> list[Retention]:
    """The rules for one purpose and category that let the data go before ``minimum``: a shorter exact or
    maximum period, or a shorter minimum that no other of the rules extends to ``minimum``."""
    kept = any(r.period is not None and r.limit != "at_most" and r.period >= minimum for r in rules)
    return [r for r in rules if r.period is not None and r.period < minimum and not (r.limit == "at_least" and kept)]


def _only(chosen: Iterable[str | None], every: Iterable[str], name: Callable[[str], str]) -> tuple[str, ...]:
    """The names of ``chosen`` when they are not all of ``every``; else none."""
    ids = [i for i in chosen if i is not None]
    return () if set(ids) == set(every) else tuple(name(i) for i in ids)


def _category(ctx: Context) -> Callable[[str], str]:
    return lambda id: ctx.organisation.category(id).name


def _part(purpose: Purpose, categories: Iterable[str | None], ctx: Context) -> Phrase | str:
    """`` (Name, E-mail)`` when ``categories`` are only some of the purpose's data, else nothing."""
    names = _only(categories, purpose.categories, _category(ctx))
    return say("only-data", names=names) if names else ""


def _scope(activity: Activity, purposes: Iterable[str], categories: Iterable[str], ctx: Context) -> Phrase | str:
    """`` for 'Marketing' (Name, E-mail)``: the purposes and categories of the activity a rule is limited to."""
    whose = _only(purposes, (p.id for p in activity.purposes), lambda id: ctx.organisation.purpose(id).name)
    what = _only(categories, activity.categories, _category(ctx))
    data = say("only-data", names=what) if what else ""
    return say("only-purposes", names=whose, data=data) if whose else data


def _bounded(rule: Retention) -> bool:
    """Whether the rule sets an end that comes: a maximum or exact period, or a named event that does not wait
    on the data subject (``other`` is not judged)."""
    if rule.period is not None:
        return rule.limit != "at_least"
    return rule.until is not None and rule.until not in SUBJECT_EVENTS and rule.until != "other"


def _open(rule: Retention) -> bool:
    """Whether the rule keeps data with no end: a bare minimum, or until the data subject acts."""
    return rule.limit == "at_least" or rule.until in SUBJECT_EVENTS


def _ended_by_law(rule: Retention, purpose: Purpose, ctx: Context) -> bool:
    """Whether an open rule for ``purpose`` is bounded by the law all the same: it keeps the data until the consent
    the purpose rests on is withdrawn, or it is a minimum for records a statute sets the period of."""
    if rule.until in CONSENT_ENDS:
        return purpose.rests_on_consent
    return rule.limit == "at_least" and bool(_rows(purpose, ctx, "min"))


def _bounds(rule: Retention) -> tuple[Duration | None, Duration | None]:
    """The shortest and longest retention a period rule allows (None: no bound)."""
    return (None if rule.limit == "at_most" else rule.period, None if rule.limit == "at_least" else rule.period)


def _compatible(a: Retention, b: Retention) -> bool:
    (low_a, high_a), (low_b, high_b) = _bounds(a), _bounds(b)
    return ((low_a is None or high_b is None or low_a <= high_b)
            and (low_b is None or high_a is None or low_b <= high_a))


# National retention rules from pac's reference data

def _rows(purpose: Purpose, ctx: Context, kind: str) -> list[RecordType]:
    """The purpose's record types (declared, or inferred from its words) whose rows are of ``kind``."""
    return [found for found in ctx.record_types(purpose) if found.row.kind == kind]


def _period_on(row: RetentionRule, ctx: Context) -> Duration:
    """The row's period on the evaluation date (its former period before a change took effect)."""
    if row.effective is not None and row.period_before is not None and ctx.as_of < row.effective:
        return row.period_before
    return row.period


def _record(row: RetentionRule) -> Term:
    """The kind of record a reference row is about, in English and, where the data give it, in Dutch."""
    return Term(row.record, row.record_nl)


def _authority(row: RetentionRule) -> Term:
    """The authority whose guidance a reference row gives, in English and, where the data give it, in Dutch."""
    return Term(str(row.authority), row.authority_nl)


def _caveats(row: RetentionRule, ctx: Context) -> list[Phrase]:
    """Why a finding on ``row`` is less than certain: unverified reference data, or another country's law."""
    caveats = []
    if row.citation.unverified or _REFERENCE_FIELDS & set(row.citation.unverified_fields):
        caveats.append(say("rule-unverified"))
    country = ctx.organisation.country
    if country != row.country:
        caveats.append(say("rule-other-country", country=row.country, home=country) if country else
                       say("rule-other-country-unstated", country=row.country))
    return caveats


def _with(message: Phrase, caveats: list[Phrase]) -> Phrase:
    return say("caveats", message=message, caveats=tuple(caveats)) if caveats else say("sentence", message=message)


# The checks

@check("retention-stated", title="The notice states how long each purpose keeps its data",
       articles=["GDPR Art. 13(2)(a)", "GDPR Art. 14(2)(a)"], severity="error", subject="purposes",
       remedy="State for these data how long they are kept, or the criteria that determine it (e.g. "
              "'two years after the end of the contract').")
def retention_stated(purpose: Purpose, ctx: Context):
    """The notice must give the period for which personal data are stored or, where that is not possible, the
    criteria used to determine it (Art. 13(2)(a), Art. 14(2)(a)), for the data of every purpose. Data that the
    notice says are anonymised before the use are not personal data (Recital 26) and are not asked about."""
    if purpose.deidentification == "anonymised":
        return
    missing = [c for c, rules in _coverage(purpose, ctx).items() if not rules]
    activity = ctx.organisation.activity(purpose.activity)
    if missing and not activity.retention:  # one root cause: the activity's data have no retention at all
        yield ctx.finding(say("retention-missing-activity", name=activity.name), at=activity)
    elif missing:
        yield ctx.finding(say("retention-missing", name=purpose.name, part=_part(purpose, missing, ctx)))


@check("retention-not-vague", title="Retention is a period or criteria, not only 'as long as necessary'",
       articles=["GDPR Art. 13(2)(a)", "GDPR Art. 14(2)(a)", "WP260 rev.01"], severity="error", subject="purposes",
       remedy="Replace the general statement by a period, or by criteria a data subject can apply to their own "
              "situation (e.g. 'until one year after your last order').")
def retention_not_vague(purpose: Purpose, ctx: Context):
    """Art. 13(2)(a) and 14(2)(a) ask for the storage period or the criteria that determine it. The transparency
    guidelines of the Article 29 Working Party (WP260 rev.01, endorsed by the EDPB; annex, Art. 13(2)(a)) add
    that the data subject must be able to work out the period for their own situation, and that a generic
    statement that data are kept as long as necessary does not meet the requirement. Such a statement is a
    finding where it is all the notice says for the data; next to a period or an end event it is harmless. One
    finding per statement lists every purpose it leaves vague.
    Data anonymised before the use are not personal data (Recital 26)."""
    if purpose.deidentification == "anonymised":
        return
    vague = {c: rules for c, rules in _coverage(purpose, ctx).items()
             if rules and all(r.form == "vague" for r in rules)}
    if not vague:
        return
    for statement in _distinct(vague.values()):  # one finding per statement, on every purpose it leaves vague
        yield ctx.finding(say("retention-vague", vague=statement.vague), at=statement)


@check("retention-meets-statutory-minimum", title="Records are kept at least as long as the law requires",
       articles=["GDPR Art. 5(1)(e)", "GDPR Art. 17(3)(b)"], severity="error", subject="purposes",
       national=["retention_min"],
       remedy="Keep these records for at least the statutory period (and say so), or correct the record type if "
              "the law does not apply to them (record_types).")
def retention_meets_statutory_minimum(purpose: Purpose, ctx: Context):
    """Where a purpose's data form records that a statute of the controller's country requires to be kept for a
    minimum period (e.g. the Dutch fiscal administration: seven years, AWR art. 52; German accounting vouchers:
    AO § 147 and HGB § 257, ten years until 2024-12-31 and eight from 2025-01-01), a retention rule for them with a
    shorter maximum or fixed period breaks that statute, and erasure is not due while the law requires keeping
    them (Art. 17(3)(b)). The record types are those the declaration names (``record_types``), or else those its
    words show (pac.records: a statute the notice names, or the purpose's kind with the names of its data, such as
    a billing purpose with invoices); the finding states such an inference. A rule that promises
    only a shorter minimum ('at least five years') does not itself break it but permits deletion too early: a
    warning, unless another rule for the same data keeps them long enough. Findings on a reference row marked
    unverified, or on a rule of another country than the controller's (it may not apply), are warnings too.
    The period in force on the evaluation date applies (e.g. the medical record period of BW art. 7:454(3):
    20 years from 2020, 15 years before)."""
    rows = _rows(purpose, ctx, "min")
    if not rows:
        return
    coverage = _coverage(purpose, ctx)
    for found in rows:
        row = found.row
        minimum = _period_on(row, ctx)
        caveats = _caveats(row, ctx)
        for rule in _distinct(_shorter(rules, minimum) for rules in coverage.values()):
            committed = rule.limit != "at_least"
            severity: Severity = "error" if committed and not caveats else "warning"
            yield ctx.finding(_with(say("retention-below-minimum" if committed else "retention-below-minimum-promised",
                                        name=purpose.name, rule=rule.describe(), minimum=minimum, statute=row.statute,
                                        record=_record(row), because=found.because()), caveats),
                              at=rule, severity=severity, articles=[row.statute])


@check("statutory-retention-stated", title="Records with a statutory minimum have a stated retention period",
       articles=["GDPR Art. 13(2)(a)", "WP260 rev.01"], severity="error", subject="purposes",
       national=["retention_min"],
       remedy="State the statutory retention period for these records (e.g. 'seven years, as tax law requires').")
def statutory_retention_stated(purpose: Purpose, ctx: Context):
    """Where a statute sets how long records must be kept, that period is the storage period the notice must give
    (Art. 13(2)(a)); WP260 rev.01 names statutory requirements as what may dictate it. A purpose whose data form
    such records (declared in ``record_types``, or inferred from the declaration's words as the finding states) but
    for which the notice states no period leaves the data subject unable to tell how long they are kept, and may
    lead to deletion before the statute allows. Where the statute is the controller's own law and pac's reference
    row is not marked unverified this is an error; otherwise a warning."""
    rows = _rows(purpose, ctx, "min")
    if not rows:
        return
    without = {c: rules for c, rules in _coverage(purpose, ctx).items() if not any(r.period is not None for r in rules)}
    if not without:
        return
    said = _distinct(without.values())
    stated = say("says-only", rules=tuple(r.describe() for r in said)) if said else ""
    for found in rows:
        row = found.row
        caveats = _caveats(row, ctx)
        yield ctx.finding(_with(say("statutory-retention-missing", name=purpose.name, part=_part(purpose, without, ctx),
                                    statute=row.statute, minimum=_period_on(row, ctx), record=_record(row),
                                    stated=stated, because=found.because()), caveats),
                          at=said[0] if said else None, articles=[*ctx.check.articles, row.statute],
                          severity="warning" if caveats else "error")


@check("retention-within-guidance", title="Retention stays within the regulator's recommended maximum",
       articles=["GDPR Art. 5(1)(e)"], severity="warning", subject="purposes", national=["retention_max"],
       remedy="Shorten the retention to the recommended maximum, or record why these data are needed for longer.")
def retention_within_guidance(purpose: Purpose, ctx: Context):
    """Personal data may be kept no longer than necessary for the purposes (Art. 5(1)(e)). Where a supervisory
    authority recommends a maximum for a kind of record (e.g. the Autoriteit Persoonsgegevens: four weeks for
    camera footage and for rejected applicants' data, one year with the applicant's consent), a longer period is
    what a lawyer would raise; the guidance is not law, so this is a warning. The record types are declared or
    inferred as for statutory minimums (e.g. a recruitment purpose about applicants, a security purpose with camera
    images), and the finding states an inference."""
    rows = _rows(purpose, ctx, "max_guidance")
    if not rows:
        return
    consent = purpose.rests_on_consent
    rules = _distinct(_coverage(purpose, ctx).values())
    for found in rows:
        row = found.row
        with_consent = consent and row.with_consent_max is not None
        maximum = row.with_consent_max if with_consent else _period_on(row, ctx)
        key = "retention-above-guidance" + ("-consent" if with_consent else "")
        for rule in rules:
            if rule.period is not None and rule.period > maximum:
                yield ctx.finding(_with(say(key, name=purpose.name, rule=rule.describe(), maximum=maximum,
                                            authority=_authority(row), record=_record(row), because=found.because()),
                                        _caveats(row, ctx)), at=rule)


@check("retention-bounded", title="Retention has an end that comes",
       articles=["GDPR Art. 5(1)(e)"], severity="warning", subject="activities",
       remedy="Add a maximum period, or an end the controller applies itself (e.g. deletion after two years of "
              "inactivity).")
def retention_bounded(activity: Activity, ctx: Context):
    """Personal data may be kept no longer than necessary (Art. 5(1)(e)). A rule that sets only a minimum ('at
    least seven years'), or that keeps data until the data subject acts (deletes the account, withdraws consent,
    unsubscribes), keeps them for ever when no other rule for the same data sets a maximum or an end that comes:
    dormant accounts and forgotten subscriptions are never deleted. It can be justified where the data remain
    necessary as long as the relationship lasts, hence a warning. Two open rules are bounded all the same: one that
    ends with the withdrawal of the consent the purpose rests on (withdrawal ends the purpose, Art. 7(3), 17(1)(b)),
    and a minimum for records whose retention a statute sets (``record_types``): the statute fixes the period and
    its start, and ends the legal obligation that justifies the keeping."""
    for rule in activity.retention:
        if not _open(rule):
            continue
        unbounded = [p for p in rule.purposes if not _ended_by_law(rule, ctx.organisation.purpose(p), ctx) and any(
            not any(_bounded(other) for other in activity.retention if other.covers(p, c))
            for c in rule.categories or (None,))]
        if not unbounded:
            continue
        yield ctx.finding(say("retention-unbounded-subject" if rule.until else "retention-unbounded", name=activity.name,
                              scope=_scope(activity, unbounded, rule.categories, ctx), rule=rule.describe()), at=rule)


@check("retention-ends-with-consent", title="Data kept for a consent-based purpose do not outlast the consent",
       articles=["GDPR Art. 7(3)", "GDPR Art. 17(1)(b)", "GDPR Art. 5(1)(e)"], severity="warning",
       subject="purposes",
       remedy="End the retention for this purpose when consent is withdrawn, and keep data on after that only for "
              "another stated purpose with its own legal basis.")
def retention_ends_with_consent(purpose: Purpose, ctx: Context):
    """Consent may be withdrawn at any time (Art. 7(3)); once it is, the data are to be erased without undue delay
    where no other legal ground applies (Art. 17(1)(b)), and no data may be kept longer than the purpose needs
    (Art. 5(1)(e)). A rule for a consent-based purpose that keeps the data a fixed or minimum period (e.g. two
    years after the end of the contract) or until an event other than withdrawal does not end with the consent.
    A maximum period permits deletion on withdrawal and is not reported, nor is an end the declaration can
    only describe in words (``until: other``, e.g. a period per cookie in the cookie settings). Another legal
    ground may justify keeping the data, hence a warning."""
    if not purpose.rests_on_consent:
        return
    for rule in ctx.organisation.activity(purpose.activity).retention:
        if not any(rule.covers(purpose.id, c) for c in _pairs(purpose)):
            continue
        fixed = rule.period is not None and rule.limit != "at_most"
        if fixed and rule.after in CONSENT_ENDS:
            how = "outlasts"
        elif fixed or rule.until not in (None, "other", *CONSENT_ENDS):  # an end described in words is not judged
            how = "not-ended"
        else:
            continue
        yield ctx.finding(say(f"consent-retention-{how}", name=purpose.name, rule=rule.describe()), at=rule)


@check("retention-periods-consistent", title="The notice does not give incompatible periods for the same data",
       articles=["GDPR Art. 12(1)", "GDPR Art. 13(2)(a)"], severity="warning", subject="activities",
       remedy="Give one period for these data and purposes, or say which rule applies when.")
def retention_periods_consistent(activity: Activity, ctx: Context):
    """Information must be concise, transparent and intelligible (Art. 12(1)), and the storage period must be given
    (Art. 13(2)(a)). Two periods from the same event for the same data and purpose that no single retention can
    meet (e.g. exactly two years and at most one year; at least seven years and exactly five) leave the period
    unknown. Periods from different events cannot be compared and are not reported."""
    rules = [r for r in activity.retention if r.period is not None]
    for index, second in enumerate(rules):
        for first in rules[:index]:
            purposes = [p for p in first.purposes if p in second.purposes]
            if first.after != second.after or not purposes or _compatible(first, second):
                continue
            if first.categories and not set(first.categories) & set(second.categories):
                continue
            names = tuple(ctx.organisation.purpose(p).name for p in purposes)
            yield ctx.finding(say("retention-incompatible", name=activity.name, names=names, first=first.describe(),
                                  second=second.describe()),
                              at=second, evidence=[*first.provenance, *second.provenance])


@check("retention-start-stated", title="A retention period says when it starts",
       articles=["GDPR Art. 13(2)(a)", "GDPR Art. 14(2)(a)", "WP260 rev.01"], severity="warning",
       subject="activities",
       remedy="Say from which event the period runs (e.g. 'two years after the end of the contract').")
def retention_start_stated(activity: Activity, ctx: Context):
    """A period tells the data subject how long data are kept only together with the moment it starts; WP260
    rev.01 asks that the data subject can work out the period for their own situation. 'Seven years' may run from
    collection, the end of the contract or the end of the financial year. The period may be plain from context,
    hence a warning. A period for data that include records whose retention a statute sets (``record_types``)
    runs from the statute's own trigger (e.g. the end of the financial year, AWR art. 52) and is not asked about."""
    for rule in activity.retention:
        statutory = any(_rows(ctx.organisation.purpose(p), ctx, "min") for p in rule.purposes)
        if rule.period is not None and rule.after is None and not statutory:
            yield ctx.finding(say("retention-start-missing", name=activity.name,
                                  scope=_scope(activity, rule.purposes, rule.categories, ctx), rule=rule.describe()),
                              at=rule)
