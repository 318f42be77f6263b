"""Automated individual decisions, per purpose: whether Art. 22 applies, on what exception, and whether the
notice says so (GDPR Art. 13(2)(f), 22; CJEU C-634/21; WP251 rev.01)."""

from __future__ import annotations

from pac import Context, check, say, word
from pac.model import Notice, Purpose

EXCEPTIONS = ("contract", "legal_obligation", "consent")
"""Bases that can carry one of the exceptions of Art. 22(2): a contract (a), a law (b), consent (c, if explicit)."""


def _explicit(purpose: Purpose) -> bool:
    """Whether the notice says the consent is explicit (an Art. 9(2)(a) explicit consent)."""
    return purpose.art9_condition is not None and purpose.art9_condition.condition == "explicit_consent"


@check("automated-decision-lawful",
       title="An automated decision rests on an exception of Art. 22(2), and the notice says so",
       articles=["GDPR Art. 22(1)", "GDPR Art. 22(2)", "GDPR Art. 13(2)(f)", "CJEU C-634/21", "WP251 rev.01"],
       severity="error", subject="purposes",
       remedy="Base the decision on a contract, a law or the data subject's explicit consent (Art. 22(2)), give the "
              "safeguards of Art. 22(3) (human intervention, contesting the decision), and describe the logic and "
              "consequences in the notice; or have a person take the decision.")
def automated_decision_lawful(purpose: Purpose, ctx: Context):
    """A data subject has the right not to be subject to a decision based solely on automated processing,
    including profiling, which produces legal effects or similarly significantly affects them (Art. 22(1)),
    unless it is necessary for a contract with them, authorised by law, or based on their explicit consent
    (Art. 22(2)); the notice must state such decisions with meaningful information about their logic and
    consequences (Art. 13(2)(f)). A score that a decision decisively rests on is itself such a decision (CJEU
    C-634/21 SCHUFA). Fraud scoring that rejects orders, credit decisions and automated eligibility checks are
    examples (WP251 rev.01, the Article 29 Working Party's guidelines, endorsed by the EDPB); matching, ranking and
    recommendations are not decisions and are not reported, nor is an outcome a person reviews before it takes
    effect.

    An Art. 22 decision on a basis that can carry no exception of Art. 22(2) (legitimate interests, or no basis)
    is an error, as is a notice that denies automated decisions or does not mention them. Consent carries the
    exception only if it is explicit, which the declaration may not show: a warning."""
    decision = purpose.solely_automated_decision
    if decision is None:
        return
    what = say("automated-decision", kind=word("decision", decision.kind), effect=word("effect", str(decision.effect)))
    basis = purpose.basis
    if not purpose.rests_on(*EXCEPTIONS):
        rests = say("rests-on", basis=word("basis", basis)) if basis else say("rests-on-nothing")
        yield ctx.finding(say("decision-no-exception", name=purpose.name, what=what, rests=rests), at=decision,
                          articles=["GDPR Art. 22(1)", "GDPR Art. 22(2)"])
    elif purpose.rests_on_consent and not _explicit(purpose):
        yield ctx.finding(say("decision-consent-not-explicit", name=purpose.name), at=decision, severity="warning",
                          articles=["GDPR Art. 22(2)"])
    notice = ctx.organisation.notice
    stated = notice.automated_decision_making if notice else None
    if stated is None or not stated.used:
        said = say("decisions-denied" if stated else "decisions-unmentioned")
        yield ctx.finding(say("decision-unstated", name=purpose.name, what=what, said=said), at=decision,
                          articles=["GDPR Art. 13(2)(f)", "GDPR Art. 22(1)"])


@check("automated-denial-complete", title="A denial of automated decisions covers every decision Art. 22 concerns",
       articles=["GDPR Art. 13(2)(f)", "GDPR Art. 22(1)", "WP251 rev.01"], severity="warning", subject="notice",
       remedy="Say whether decisions with legal or similarly significant effects, favourable or not, are taken solely by "
              "automated means, including profiling.")
def automated_denial_complete(notice: Notice, ctx: Context):
    """Art. 22(1) and 13(2)(f) concern every decision based solely on automated processing that produces legal
    effects or similarly significantly affects the data subject, not only adverse ones: granting a benefit is a
    legal effect too (WP251 rev.01). A notice that denies only automated decisions \u201cwith adverse effects\u201d
    leaves open whether others are taken, and so does not give the information Art. 13(2)(f) asks for. It may
    mean all of them, hence a warning."""
    stated = notice.automated_decision_making
    if stated is not None and not stated.used and stated.qualified == "adverse_effects":
        yield ctx.finding(say("decisions-denied-adverse-only"), at=stated)
