"""Transparency: what the notice must tell (GDPR Art. 12-14), when it must answer, and how current it is."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from pac import Context, Duration, Phrase, check, say, word
from pac.model import Controller, Notice, Organisation

RIGHTS = (
    ("access", "GDPR Art. 15"),
    ("rectification", "GDPR Art. 16"),
    ("erasure", "GDPR Art. 17"),
    ("restriction", "GDPR Art. 18"),
    ("portability", "GDPR Art. 20"),
    ("objection", "GDPR Art. 21"),
)
"""The rights of Art. 13(2)(b) and 14(2)(c): the model's key (its name is ``the-right.KEY`` in the phrase book), and
the article that grants it."""

CORE_KINDS = ("service_delivery", "account_management")
"""Purpose kinds that are the service itself, so that processing for them is a core activity (Art. 37(1))."""
MONITORING = ("profiling", "communication_monitoring", "location_tracking", "employee_monitoring", "camera_surveillance")
"""Risk factors that are regular and systematic monitoring of data subjects (Art. 37(1)(b); WP243 rev.01)."""

_FOUR_YEARS = tuple(date(2024, 1, 1) + timedelta(days=n) for n in range(366 + 3 * 365))
"""Every day of one leap-year cycle: the start days on which a stated period is compared with a legal one."""


def _container(ctx: Context) -> Any:
    """Where a finding about something the notice leaves out points: the notice, or else the declaration."""
    return ctx.organisation.notice or ctx.organisation


def _bases(organisation: Organisation) -> set[str] | None:
    """The Art. 6(1) bases the notice gives for any purpose (also those listed only for an activity as a
    whole), or None when some purpose has none, so that the bases in use are not known."""
    bases: set[str] = set()
    for activity in organisation.activities:
        collective = {b.basis for b in activity.collective_legal_bases}
        for purpose in activity.purposes:
            if purpose.legal_basis is None and not collective:
                return None
            bases |= {purpose.basis} if purpose.basis else collective
    return bases if organisation.purposes else None


def _why_rights_may_not_arise(organisation: Organisation) -> dict[str, Phrase]:
    """For each right that cannot arise for any purpose the notice states, why not."""
    bases = _bases(organisation)
    if bases is None:
        return {}
    reasons: dict[str, Phrase] = {}
    if not bases & {"consent", "contract"}:
        reasons["portability"] = say("portability-cannot-arise")
    marketing = any(p.kind == "direct_marketing" for p in organisation.purposes)
    if not bases & {"public_task", "legitimate_interests"} and not marketing:
        reasons["objection"] = say("objection-cannot-arise")
    return reasons


def _deadline(ctx: Context, key: str) -> Duration:
    """The deadline of the reference obligation ``key`` (an override may not take it away)."""
    deadline = ctx.reference.obligation(key).deadline
    if deadline is None:
        raise ValueError(f"pac's reference obligation {key!r} has no deadline; reference data that override it must "
                         "give one, an ISO 8601 duration such as P12M")
    return deadline


def _exceeds(period: Duration, limit: Duration) -> str | None:
    """``"always"`` when ``period`` ends after ``limit`` whatever day it starts, ``"sometimes"`` when it does
    for some start days (months differ in length), None when it never does."""
    later = [period.after(day) > limit.after(day) for day in _FOUR_YEARS]
    return "always" if all(later) else "sometimes" if any(later) else None


@check("controller-identified", title="The notice says who the controller is and how to reach it",
       articles=["GDPR Art. 13(1)(a)", "GDPR Art. 14(1)(a)", "GDPR Art. 27(1)"], severity="error",
       subject="organisation",
       remedy="State the controller's name and contact details (a postal address, e-mail address or phone number), "
              "and, for a controller established outside the EEA, its representative in the Union.")
def controller_identified(organisation: Organisation, ctx: Context):
    """The notice must give the identity and the contact details of the controller and, where applicable, of
    its representative (Art. 13(1)(a), 14(1)(a)). A controller established outside the Union that offers goods
    or services to, or monitors, people in the Union must designate a representative there (Art. 27(1)),
    unless an exemption of Art. 27(2) applies, which the declaration cannot show: a missing representative is
    therefore a warning. A controller under a law of its own that replaces the GDPR (the UK GDPR for one in the
    UK) is subject to the GDPR only where Art. 3(2) brings it there, which a declaration judged under its own law
    does not show: for it the missing representative is information, not a breach."""
    controller = organisation.controller
    if controller is None:
        yield ctx.finding(say("controller-unstated"), at=_container(ctx), evidence=())
        return
    if not (controller.legal_name or controller.trade_names):
        yield ctx.finding(say("controller-unnamed"), at=controller, evidence=())
    address = controller.address
    if not (controller.contacts or (address and address.street and address.city)):
        yield ctx.finding(say("controller-contact-missing", name=organisation.name), at=controller, evidence=())
    country = organisation.country
    if country and not ctx.reference.in_eea(country, ctx.as_of) and controller.eu_representative is None:
        name, law = ctx.country_name(country), ctx.regime
        if law.rule is None:
            yield ctx.finding(say("representative-missing", name=organisation.name, country=name), at=controller,
                              evidence=(), severity="warning", articles=["GDPR Art. 27(1)", "GDPR Art. 13(1)(a)"])
        else:
            yield ctx.finding(say("representative-if-targeting-union", name=organisation.name, country=name,
                                  **law.named()), at=controller, evidence=(), severity="info",
                              articles=["GDPR Art. 3(2)", "GDPR Art. 27(1)"])


@check("dpo-contact-stated", title="A designated DPO can be reached",
       articles=["GDPR Art. 13(1)(b)", "GDPR Art. 14(1)(b)", "GDPR Art. 37(7)"], severity="error",
       subject="controller",
       remedy="Publish the contact details (an e-mail address, phone number or postal address) of the data "
              "protection officer.")
def dpo_contact_stated(controller: Controller, ctx: Context):
    """Where a data protection officer is designated, the notice must give the DPO's contact details
    (Art. 13(1)(b), 14(1)(b)), which the controller must also publish (Art. 37(7))."""
    dpo = controller.dpo
    if dpo is not None and dpo.designated and not dpo.contacts:
        yield ctx.finding(say("dpo-contact-missing-named", name=dpo.name) if dpo.name else say("dpo-contact-missing"),
                          at=dpo)


@check("dpo-designation-considered", title="A DPO where the processing may require one",
       articles=["GDPR Art. 37(1)(b)", "GDPR Art. 37(1)(c)", "WP243 rev.01"], severity="warning",
       subject="organisation",
       remedy="Record the scale of the core activities (number of data subjects, volume, duration, geographic "
              "extent); where they involve large-scale processing of special-category or criminal data, or regular "
              "and systematic monitoring on a large scale, designate a data protection officer and publish the "
              "contact details.")
def dpo_designation_considered(organisation: Organisation, ctx: Context):
    """A controller must designate a data protection officer where its core activities consist of processing
    on a large scale of special categories of data or of data relating to criminal convictions and offences
    (Art. 37(1)(c)), or of processing operations that require regular and systematic monitoring of data
    subjects on a large scale (Art. 37(1)(b)). Core activities are the key operations needed to achieve the
    controller's goals, and the \u201cand\u201d between special-category and criminal data in Art. 37(1)(c) is
    read as \u201cor\u201d (WP243 rev.01, the Article 29 Working Party's guidelines on DPOs, endorsed by the EDPB).

    Whether processing is on a large scale turns on the number of data subjects, the volume of data, the duration
    and the geographic extent (WP243 rev.01 2.1.3); an individual physician, other health care professional or
    lawyer processing patients' or clients' data does not process on a large scale (Recital 91). Special-category
    or criminal data used for the service itself (purposes of kind service_delivery or account_management), or
    regular and systematic monitoring (profiling, monitoring of communications, locations, employees or a public
    area), are judged on the scale the notice shows for their activity: where it says the processing is on a large
    scale (risk factor ``large_scale``) the duty is plain, and a missing DPO is an error (were one designated, the
    notice would have to give the contact details, Art. 13(1)(b)); where it shows it is not (``scale``: a single
    professional, a local organisation) there is no finding; where it says nothing, a note (info) asks for the
    scale. Profiling the notice states without naming the activity is judged on the scale of all activities."""
    dpo = organisation.controller.dpo if organisation.controller else None
    if dpo is not None and dpo.designated:
        return
    scale = {a.id: organisation.large_scale(a) for a in organisation.activities}
    core = [p for p in organisation.purposes if p.kind in CORE_KINDS]
    sensitive = {c.id: (c, scale[p.activity]) for p in core for c in (*organisation.special_categories(p.categories),
                                                                    *organisation.criminal_categories(p.categories))}
    where: dict[str, Any] = {"at": dpo} if dpo is not None else {"at": _container(ctx), "evidence": ()}
    if sensitive:
        names = tuple(c.name for c, _ in sensitive.values())
        if any(large for _, large in sensitive.values()):
            yield ctx.finding(say("dpo-sensitive-large", names=names),
                              severity="error", articles=["GDPR Art. 37(1)(c)", "WP243 rev.01"], **where)
        elif any(large is None for _, large in sensitive.values()):
            yield ctx.finding(say("dpo-sensitive-scale-unknown", names=names),
                              severity="info", articles=["GDPR Art. 37(1)(c)", "WP243 rev.01"], **where)
    monitored = [a for a in organisation.activities if scale[a.id] and any(p.kind in CORE_KINDS for p in a.purposes)
                 and any(a.has_factor(f) for f in MONITORING)]
    adm = organisation.notice.automated_decision_making if organisation.notice else None
    if monitored:
        yield ctx.finding(say("dpo-monitoring-large", names=tuple(a.name for a in monitored)), severity="error", articles=["GDPR Art. 37(1)(b)", "WP243 rev.01"], **where)
    elif adm is not None and adm.profiling and not (scale and all(large is False for large in scale.values())):
        yield ctx.finding(say("dpo-profiling-scale-unknown"), severity="info",
                          articles=["GDPR Art. 37(1)(b)", "WP243 rev.01"], **where)


@check("national-dpo-threshold", title="A DPO where the controller's national law requires one",
       articles=["GDPR Art. 37(4)", "BDSG § 38"], severity="error", subject="organisation",
       national=["dpo_threshold"],
       remedy="Designate a data protection officer and publish the contact details, or record why the national "
              "threshold is not reached.")
def national_dpo_threshold(organisation: Organisation, ctx: Context):
    """Union or Member State law may require a data protection officer in other cases than Art. 37(1)
    (Art. 37(4)). German law does: a controller that as a rule constantly engages at least 20 persons in the
    automated processing of personal data must designate one (BDSG § 38(1); ten persons until 2019-11-25, raised to
    20 from 2019-11-26). Where the notice states that headcount and no DPO is designated, the law of the controller's
    country on the evaluation date decides: at or above the threshold it is an error. Where the headcount is not
    stated, only a note (info): the notice need not state it. pac's data record that Dutch, Belgian and French law
    add no such threshold; for other countries pac says it has no rule."""
    dpo = organisation.controller.dpo if organisation.controller else None
    if dpo is not None and dpo.designated:
        return
    rule = ctx.national_rule("dpo_threshold")
    if rule is None:
        yield ctx.no_national_rule(say("topic-dpo"), say("unchecked-dpo"), at=_container(ctx),
                      articles=("GDPR Art. 37(4)",))
        return
    if rule.threshold is None:
        return
    staff = organisation.controller.processing_staff if organisation.controller else None
    articles = [rule.law, "GDPR Art. 37(4)"]
    if staff is None:
        yield ctx.finding(say("dpo-headcount-unstated", law=rule.law, threshold=rule.threshold,
                              caveat=rule.caveat("threshold")), at=dpo or _container(ctx),
                          evidence=() if dpo is None else None, severity="info", articles=articles)
    elif staff.count >= rule.threshold:
        yield ctx.finding(say("dpo-headcount-reached", count=staff.count, law=rule.law, threshold=rule.threshold,
                              on=ctx.as_of, caveat=rule.caveat("threshold")), at=staff, articles=articles,
                          severity="warning" if rule.unverified("threshold") else None)


@check("data-subject-rights-stated", title="The notice states every right of the data subject",
       articles=["GDPR Art. 13(2)(b)", "GDPR Art. 14(2)(c)", *(article for _, article in RIGHTS)],
       severity="error", subject="organisation",
       remedy="State each right (access, rectification, erasure, restriction, portability, objection), what it "
              "involves and how to exercise it.")
def data_subject_rights_stated(organisation: Organisation, ctx: Context):
    """The notice must tell data subjects that they may request access to their data (Art. 15), rectification
    (Art. 16), erasure (Art. 17) or restriction of processing (Art. 18), object to processing (Art. 21) and
    receive their data (data portability, Art. 20) (Art. 13(2)(b), 14(2)(c)).

    Portability arises only for processing based on consent or a contract (Art. 20(1)(a)), and the right to
    object only for processing based on public task or legitimate interests, or for direct marketing
    (Art. 21(1), (2)). When every purpose states its basis and none brings one of these rights into being, a
    missing statement of that right is context (info), not an error. The rights the notice leaves out are one
    root cause (its statement of rights is incomplete): one finding names them all."""
    reasons = _why_rights_may_not_arise(organisation)
    missing = []
    for right, article in RIGHTS:
        if organisation.states_right(right):
            continue
        reason = reasons.get(right)
        if reason:
            yield ctx.finding(say("right-may-not-arise", right=word("the-right", right), reason=reason),
                              at=_container(ctx), evidence=(), severity="info",
                              articles=[article, "GDPR Art. 13(2)(b)", "GDPR Art. 14(2)(c)"])
        else:
            missing.append((right, article))
    if missing:
        listed = tuple(word("the-right", right) for right, _ in missing)
        yield ctx.finding(say("rights-unstated", rights=listed), at=_container(ctx), evidence=(),
                          articles=[*(article for _, article in missing), "GDPR Art. 13(2)(b)", "GDPR Art. 14(2)(c)"])


@check("complaint-right-stated", title="The notice states the right to complain to a supervisory authority",
       articles=["GDPR Art. 13(2)(d)", "GDPR Art. 14(2)(e)", "GDPR Art. 77(1)"], severity="error",
       subject="organisation",
       national=["supervisory_authority"],
       remedy="Tell data subjects that they may lodge a complaint with a supervisory authority, in particular the "
              "one of their habitual residence, place of work or of the alleged infringement (Art. 77(1)).")
def complaint_right_stated(organisation: Organisation, ctx: Context):
    """Every data subject may lodge a complaint with a supervisory authority (Art. 77(1)), and the notice must
    say so (Art. 13(2)(d), 14(2)(e)). Naming the authority to complain to states the right."""
    controller = organisation.controller
    if organisation.states_right("complaint"):
        return
    if controller is not None and controller.supervisory_authority is not None:
        return
    authority = ctx.national_rule("supervisory_authority")
    competent = (f" The authority competent for the controller's establishment is {authority.authority}"
                 f"{authority.caveat()}." if authority and authority.authority else "")
    yield ctx.finding(say("complaint-right-unstated"),
                      at=_container(ctx), evidence=(), remedy=ctx.check.remedy + competent)


@check("automated-decisions-stated", title="The notice says whether decisions are automated, and if so how",
       articles=["GDPR Art. 13(2)(f)", "GDPR Art. 14(2)(g)", "GDPR Art. 22(1)"], severity="error",
       subject="organisation",
       remedy="Say whether decisions with legal or similarly significant effects are taken solely by automated "
              "means, including profiling; where they are, explain the logic involved and the significance and "
              "envisaged consequences for the data subject.")
def automated_decisions_stated(organisation: Organisation, ctx: Context):
    """The notice must state the existence of automated decision-making, including profiling, referred to in
    Art. 22(1) and (4), and at least in those cases meaningful information about the logic involved and the
    significance and envisaged consequences (Art. 13(2)(f), 14(2)(g)).

    Severity: where the notice says such decisions are taken but leaves out the logic or the consequences,
    it breaks Art. 13(2)(f): an error. Where it says nothing at all, the law is broken only if such decisions
    are in fact taken, which the declaration cannot show (matching users, or personalising a service, is not by
    itself a decision with legal or similarly significant effects): context (info), not a warning. Where a
    purpose takes such a decision and the notice says nothing, automated-decision-lawful reports it."""
    notice = organisation.notice
    adm = notice.automated_decision_making if notice else None
    if adm is None:
        if any(p.solely_automated_decision for p in organisation.purposes):
            return
        yield ctx.finding(say("automated-decisions-unstated"), at=_container(ctx), evidence=(), severity="info")
        return
    missing = [say(what) for what, given in (("decision-logic", adm.logic), ("decision-consequences", adm.consequences))
               if not given]
    if adm.used and missing:
        yield ctx.finding(say("automated-decisions-unexplained", missing=tuple(missing)), at=adm)


@check("provision-requirement-stated", title="The notice says whether data must be provided, and what follows if not",
       articles=["GDPR Art. 13(2)(e)"], severity="error", subject="organisation",
       remedy="Say whether providing the data is a statutory or contractual requirement or needed to enter into a "
              "contract, whether the data subject must provide them, and what happens if they do not.")
def provision_requirement_stated(organisation: Organisation, ctx: Context):
    """Where data are collected from the data subject, the notice must say whether providing them is a statutory
    or contractual requirement, or a requirement necessary to enter into a contract, whether the data subject
    is obliged to provide them, and the possible consequences of failure to provide them (Art. 13(2)(e)).
    Art. 14 asks no such statement for data obtained otherwise, so a declaration whose every data category
    comes from elsewhere draws no finding."""
    categories = organisation.data_categories
    if categories and all(c.source not in (None, "data_subject") for c in categories):
        return
    notice = organisation.notice
    if notice is not None and notice.provision_requirement is not None:
        return
    mandatory = tuple(c.name for c in categories if c.mandatory)
    yield ctx.finding(say("provision-unstated-marked", names=mandatory) if mandatory else say("provision-unstated"),
                      at=_container(ctx), evidence=())


@check("children-consent-age", title="Children below the age of digital consent need a parent's consent",
       articles=["GDPR Art. 8(1)", "GDPR Art. 8(2)"], severity="error", subject="organisation",
       remedy="Accept a child's own consent only from the age of digital consent of the controller's Member State; "
              "below it, obtain and verify the consent of a holder of parental responsibility, and say so.")
def children_consent_age(organisation: Organisation, ctx: Context):
    """Where processing rests on consent and an information society service is offered directly to a child,
    the child may consent alone only from 16, or from the lower age (not below 13) a Member State sets; below
    that age a holder of parental responsibility must consent or authorise (Art. 8(1)), and the controller must
    make reasonable efforts to verify this (Art. 8(2)). In the Netherlands the age is 16 (UAVG art. 5, per
    pac's reference data). The age is taken from pac's reference data for the controller's country; a finding
    that rests on a national age the data marks unverified is a warning.

    The check applies when some purpose rests on consent and the declaration shows that children may use the
    service (a group of data subjects that includes children, or a statement about children in the notice).
    Whether the service is an information society service offered directly to children the declaration does
    not show; a notice that says nothing about children then draws a warning. The minimum age a notice states
    is the age from which it processes a child's data without a parent's consent: below the age of digital
    consent, that is an error."""
    consent = [p.name for p in organisation.purposes if p.rests_on_consent]
    notice = organisation.notice
    stated = notice.children if notice else None
    groups = [s.name for s in organisation.data_subjects if s.children]
    if not consent or not (groups or stated):
        return
    country = organisation.country
    if country:
        row = ctx.reference.consent_age(country)
        age, unverified = row.age, row.citation.unverified
        name = ctx.country_name(country)
        context = (say("consent-age-law", country=name, age=age, law=row.law) if row.law else
                   say("consent-age", country=name, age=age))
    else:
        age, unverified = ctx.reference.consent_age_rule.default, False
        context = say("consent-age-default", age=age)
    purposes = tuple(consent)
    if stated is None:
        yield ctx.finding(say("children-age-unstated", purposes=purposes, groups=tuple(groups), context=context),
                          at=_container(ctx), evidence=(), severity="warning")
    elif stated.minimum_age < age:
        yield ctx.finding(say("children-age-low", age=stated.minimum_age, purposes=purposes, context=context),
                          at=stated, severity="warning" if unverified else "error")


@check("response-time-within-a-month", title="Requests are answered within one month",
       articles=["GDPR Art. 12(3)"], severity="error", subject="notice",
       remedy="Promise an answer without undue delay and within one month of receiving a request, extendable by "
              "two further months only where necessary, with the reasons given within the first month.")
def response_time_within_a_month(notice: Notice, ctx: Context):
    """The controller must act on a request without undue delay and in any event within one month of receipt;
    where necessary, given the complexity and number of requests, it may extend this by two further months,
    telling the data subject within the first month and giving reasons (Art. 12(3)). The periods come from
    pac's reference data (obligation dsr_response).

    A stated period longer than the limit is an error when it runs past the limit whatever day a request
    arrives, and a warning when it does so only for some days (30 days run past one month in February).
    Words that give no period (\u201ctijdig\u201d, \u201cas soon as possible\u201d) are not reported: Art. 12(3)
    binds the controller's conduct, not the notice's words, and Art. 13 does not ask the notice for a response
    period. A minimum without a maximum is a warning: it suggests a wait the rule may not allow."""
    stated = notice.response_time
    if stated is None or stated.vague:
        return
    if stated.limit == "at_least":
        yield ctx.finding(say("response-minimum-only", period=stated.period), at=stated, severity="warning")
        return
    extension = ctx.reference.obligation("dsr_response").extension
    for period, limit, what in ((stated.period, _deadline(ctx, "dsr_response"), "answer"),
                                (stated.extension, extension, "extend")):
        how = _exceeds(period, limit) if period is not None and limit is not None else None
        if how == "always":
            yield ctx.finding(say(f"response-too-long-{what}", period=period, limit=limit), at=stated)
        elif how == "sometimes":
            yield ctx.finding(say(f"response-sometimes-too-long-{what}", period=period, limit=limit), at=stated,
                              severity="warning")


@check("notice-reviewed-recently", title="The notice is dated and reviewed within pac's review period",
       articles=["GDPR Art. 24(1)", "GDPR Art. 5(2)", "GDPR Art. 12(1)"], severity="warning", subject="notice",
       remedy="Review the notice against the current processing, update it where needed, and state the date of "
              "the last change.")
def notice_reviewed_recently(notice: Notice, ctx: Context):
    """The controller must review and update its measures where necessary (Art. 24(1)) and be able to
    demonstrate compliance (Art. 5(2)); the information must be transparent and intelligible (Art. 12(1)),
    which a notice that no longer describes the processing is not. The GDPR sets no review period: pac's
    default of twelve months is a policy default, not law (reference data obligation notice_review_period),
    which users change through the pac_reference_data hook. An undated notice cannot show that it is
    current. Both are warnings.

    The notice is out of date when the evaluation date falls after the end of the review period that starts
    on its last update; on the last day of that period it is still current."""
    if notice.last_updated is None:
        yield ctx.finding(say("notice-undated"), evidence=())
        return
    review = _deadline(ctx, "notice_review_period")
    due = review.after(notice.last_updated)
    if ctx.as_of > due:
        yield ctx.finding(say("notice-review-due", updated=notice.last_updated, due=due, review=review))
