"""Likely high risk: the triggers of a DPIA beyond special-category data (GDPR Art. 35(1), 35(3)(a) and (c),
35(4); the Dutch supervisory authority's list; WP248 rev.01)."""

from __future__ import annotations

from pac import Context, Phrase, check, say
from pac.model import Activity, Organisation

AP_LIST = {
    "covert_investigation": (say("ap-list.covert_investigation"), None),
    "black_list": (say("ap-list.black_list"), "shared"),
    "fraud_detection": (say("ap-list.fraud_detection"), "large_scale"),
    "credit_scoring": (say("ap-list.credit_scoring"), "large_scale"),
}
"""Items of the Autoriteit Persoonsgegevens' list of processing that always needs a DPIA (Art. 35(4); Stcrt.
2019, 64418, 27 November 2019) as the NJB summarised them on publication (the decree's own text was not re-read),
each with the condition the summary gives: shared with third parties, or on a large scale."""
CRITERIA = {criterion: say(f"wp248.{criterion}") for criterion in (
    "evaluation", "decision", "monitoring", "sensitive", "large_scale", "vulnerable", "innovative", "blocks_service")}
"""The criteria of WP248 rev.01 (the Article 29 Working Party's DPIA guidelines, endorsed by the EDPB) that the
declaration can show; processing that meets two of them in most cases requires a DPIA."""
FACTOR_CRITERIA = {
    "profiling": "evaluation", "credit_scoring": "evaluation", "fraud_detection": "evaluation",
    "camera_surveillance": "monitoring", "employee_monitoring": "monitoring", "communication_monitoring": "monitoring",
    "location_tracking": "monitoring", "covert_investigation": "monitoring",
    "large_scale": "large_scale", "vulnerable_subjects": "vulnerable", "innovative_technology": "innovative",
    "blocks_service": "blocks_service", "black_list": "blocks_service",
}
"""The WP248 criterion each risk factor meets; a black list exists to keep the people on it out."""


def _shared_activities(organisation: Organisation) -> frozenset[str]:
    """The ids of the activities whose data a third party receives (not a processor, not a public authority)."""
    return frozenset(a for r in organisation.recipients if r.role in ("controller", "joint_controller", "recipient")
                     for a in r.activities)


def _declared_sensitive(activity: Activity, organisation: Organisation) -> bool:
    ids = activity.categories
    return bool(organisation.special_categories(ids) or organisation.criminal_categories(ids))


def _judged_on_scale(activity: Activity, organisation: Organisation) -> bool:
    """Whether special-category or criminal data of ``activity`` are judged by dpia-considered alone: on a large
    scale, as the notice says (it reports the missing DPIA), or processed by a single health professional or
    lawyer (Recital 91; WP248 rev.01 lists this as processing that needs no DPIA although two criteria are met)."""
    scale = organisation.scale(activity)
    return organisation.large_scale(activity) is True or (scale is not None and scale.extent == "individual_professional")


def _criteria(activity: Activity, ctx: Context) -> list[str]:
    met = {FACTOR_CRITERIA[f.factor] for f in activity.risk_factors}
    organisation = ctx.organisation
    if activity.context_reveals or _declared_sensitive(activity, organisation):
        met.add("sensitive")
    if any(p.solely_automated_decision for p in activity.purposes):
        met.add("decision")
    if any(organisation.data_subject(s).children for s in activity.data_subjects):
        met.add("vulnerable")
    return [key for key in CRITERIA if key in met]


def _ap_items(activity: Activity, ctx: Context) -> list[Phrase]:
    if ctx.organisation.country != "NL":
        return []
    shared = activity.id in ctx.once(_shared_activities)
    conditions = {None: True, "shared": shared, "large_scale": activity.has_factor("large_scale")}
    return [item for factor, (item, condition) in AP_LIST.items() if activity.has_factor(factor) and conditions[condition]]


@check("dpia-risk-considered", title="Processing on the DPIA list or meeting two high-risk criteria comes with a DPIA",
       articles=["GDPR Art. 35(1)", "GDPR Art. 35(3)", "GDPR Art. 35(4)", "AP DPIA list 2019", "WP248 rev.01"],
       severity="warning", subject="activities",
       remedy="Carry out a data protection impact assessment before this processing starts (Art. 35(1)), or record why "
              "it is not likely to result in a high risk.")
def dpia_risk_considered(activity: Activity, ctx: Context):
    """A controller must assess the impact of processing likely to result in a high risk before it starts
    (Art. 35(1)); in particular systematic and extensive evaluation based on automated processing on which
    decisions with legal or similarly significant effects are based (Art. 35(3)(a)), systematic monitoring of a
    publicly accessible area on a large scale (Art. 35(3)(c)), and the processing on the supervisory authority's
    list (Art. 35(4)); for a Dutch controller, the Autoriteit Persoonsgegevens' list of 2019 (covert
    investigation, black lists shared with third parties, large-scale fraud detection and credit scoring, among
    others). Outside these, the EDPB-endorsed guidelines (WP248 rev.01) hold that processing meeting two of
    their criteria (evaluation or scoring, automated decisions, systematic monitoring, sensitive data, large
    scale, vulnerable data subjects, innovative technology, barring people from a service) in most cases
    requires a DPIA.

    The check reads the features the notice states (``risk_factors``, purposes' automated decisions, special or
    criminal data, special categories the context reveals, children), and stays silent when the notice says a
    DPIA was conducted or is not required. An activity with special-category or criminal data is the subject
    of dpia-considered where the notice shows it is on a large scale (dpia-considered then asks for a DPIA) or the
    work of a single health professional or lawyer (Recital 91, which WP248 rev.01 gives as an example of
    processing that needs no DPIA), so only the list items and Art. 35(3)(a) and (c) are reported for it then;
    where the scale is not stated or the organisation is local, the criteria are counted here. A DPIA need not be mentioned in a notice, and the list items are summaries not re-read
    against the decree: a warning. A single criterion is reported as information."""
    if activity.dpia is not None and activity.dpia.status != "not_conducted":
        return
    triggers = [say("risk-ap-list", item=item) for item in _ap_items(activity, ctx)]
    if any(p.solely_automated_decision for p in activity.purposes):
        triggers.append(say("risk-art35-3-a"))
    if activity.has_factor("camera_surveillance") and activity.has_factor("large_scale"):
        triggers.append(say("risk-art35-3-c"))
    criteria = _criteria(activity, ctx)
    if _declared_sensitive(activity, ctx.organisation) and _judged_on_scale(activity, ctx.organisation):
        criteria = []
    said = say("dpia-not-conducted" if activity.dpia else "dpia-unmentioned")
    evidence = [p for f in activity.risk_factors for p in f.provenance] or list(activity.provenance)
    where = activity.dpia or activity
    if triggers:
        yield ctx.finding(say("risk-triggers", name=activity.name, triggers=tuple(triggers), said=said), at=where,
                          evidence=evidence)
    elif len(criteria) >= 2:
        met = tuple(CRITERIA[c] for c in criteria)
        yield ctx.finding(say("risk-criteria", name=activity.name, n=len(criteria), met=met, said=said), at=where,
                          evidence=evidence,
                          articles=["GDPR Art. 35(1)", "WP248 rev.01"])
    elif criteria and activity.risk_factors:
        yield ctx.finding(say("risk-criterion", name=activity.name, met=CRITERIA[criteria[0]], said=said), at=where,
                          evidence=evidence, severity="info",
                          articles=["GDPR Art. 35(1)", "WP248 rev.01"])
