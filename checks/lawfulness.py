"""Lawfulness: a legal basis for every purpose, and what each basis requires (GDPR Art. 6-8); e-mail marketing
under the law of the controller's country implementing art. 13 of the ePrivacy Directive 2002/58/EC."""

from __future__ import annotations

from pac import Context, Phrase, check, say, word
from pac.model import Purpose


def _collective(purpose: Purpose, ctx: Context) -> tuple[Phrase, ...]:
    bases = ctx.organisation.activity(purpose.activity).collective_legal_bases
    return tuple(word("basis", b) for b in sorted({b.basis for b in bases}, key=lambda b: b.replace("_", " ")))


@check("legal-basis-stated", title="Every purpose has a legal basis",
       articles=["GDPR Art. 6(1)", "GDPR Art. 13(1)(c)"], severity="error", subject="purposes",
       remedy="State for this purpose which basis of Art. 6(1) it rests on (consent, contract, legal obligation, "
              "vital interests, public task or legitimate interests).")
def legal_basis_stated(purpose: Purpose, ctx: Context):
    """Processing is lawful only on a basis of Art. 6(1), and Art. 13(1)(c) requires the notice to give
    the basis of each purpose; bases listed for the whole notice do not say which purpose rests on which
    (WP260 rev.01, Annex)."""
    if purpose.legal_basis is not None:
        return
    listed = _collective(purpose, ctx)
    if listed:  # one root cause: the collective statement, on every purpose it leaves unlinked
        activity = ctx.organisation.activity(purpose.activity)
        yield ctx.finding(say("legal-bases-collective", listed=listed),
                          at=activity, evidence=[p for b in activity.collective_legal_bases for p in b.provenance])
    else:
        yield ctx.finding(say("legal-basis-missing", name=purpose.name))


@check("legitimate-interest-named", title="Legitimate interests name the interest",
       articles=["GDPR Art. 6(1)(f)", "GDPR Art. 13(1)(d)"], severity="error", subject="purposes",
       remedy="Say which legitimate interest of the controller or a third party this processing pursues.")
def legitimate_interest_named(purpose: Purpose, ctx: Context):
    """Where processing rests on Art. 6(1)(f), Art. 13(1)(d) requires the notice to state the legitimate
    interests pursued."""
    if purpose.rests_on("legitimate_interests") and purpose.legitimate_interest is None:
        yield ctx.finding(say("legitimate-interest-unnamed", name=purpose.name),
                          at=purpose.legal_basis)


@check("objection-right-stated", title="Legitimate interests come with a stated right to object",
       articles=["GDPR Art. 21(1)", "GDPR Art. 21(4)", "GDPR Art. 13(2)(b)"], severity="error", subject="purposes",
       remedy="Tell data subjects, explicitly and apart from other information, that they may object to this "
              "processing and how.")
def objection_right_stated(purpose: Purpose, ctx: Context):
    """Processing on Art. 6(1)(f) may be objected to (Art. 21(1)); the right must be explicitly brought to the
    data subject's attention, clearly and separately (Art. 21(4)), and the notice must state it (Art. 13(2)(b))."""
    basis = purpose.legal_basis
    if basis is None or not purpose.rests_on("legitimate_interests", "public_task"):
        return
    if purpose.objection is None and not ctx.organisation.states_right("objection", purpose):
        yield ctx.finding(say("objection-unstated", basis=word("basis", basis.basis)))


@check("consent-withdrawal-route", title="Consent can be withdrawn, and the notice says how",
       articles=["GDPR Art. 7(3)", "GDPR Art. 13(2)(c)"], severity="error", subject="purposes",
       remedy="State that consent may be withdrawn at any time, as easily as it was given, and how.")
def consent_withdrawal_route(purpose: Purpose, ctx: Context):
    """Consent may be withdrawn at any time, as easily as it was given (Art. 7(3)); the notice must say so
    (Art. 13(2)(c)) for every consent the processing rests on: a withdrawal stated only for some activities
    (e.g. cookies) does not inform about the others."""
    if not purpose.rests_on_consent:
        return
    if not (purpose.consent and purpose.consent.withdrawal) and not ctx.organisation.states_right(
            "withdraw_consent", purpose):
        yield ctx.finding(say("consent-withdrawal-missing"))


@check("consent-not-bundled", title="Consent is not bundled with accepting terms",
       articles=["GDPR Art. 4(11)", "GDPR Art. 7(2)", "GDPR Art. 7(4)"], severity="error", subject="purposes",
       remedy="Ask for consent separately from the terms and conditions, for this purpose alone, and do not make "
              "the service depend on it.")
def consent_not_bundled(purpose: Purpose, ctx: Context):
    """Consent must be freely given, specific and unambiguous (Art. 4(11)); a request for consent must be clearly
    distinguishable from other matters (Art. 7(2)), and consent tied to a contract is presumed not free (Art. 7(4);
    EDPB Guidelines 05/2020 on consent)."""
    if purpose.consent is not None and purpose.consent.bundled_with_terms:
        yield ctx.finding(say("consent-bundled", name=purpose.name), at=purpose.consent)


@check("email-marketing-consent", title="E-mail marketing needs prior consent, or the customer exception",
       articles=["Directive 2002/58/EC art. 13", "GDPR Art. 6(1)(a)"], severity="error", subject="purposes",
       national=["email_marketing"],
       remedy="Ask for prior consent before sending marketing e-mail (or SMS), or limit it to existing customers "
              "for the controller's own similar products with an opt-out at collection and in every message, as "
              "the customer exception of the controller's national law requires.")
def email_marketing_consent(purpose: Purpose, ctx: Context):
    """Unsolicited electronic communications for direct marketing to natural persons need their prior consent
    (art. 13(1) of Directive 2002/58/EC, as the law of the controller's country implements it: in the Netherlands
    Tw art. 11.7(1), in Germany UWG § 7(2), in France CPCE art. L34-5, in Belgium CDE art. XII.13). People who
    signed up for the mailing themselves, or whose consent the notice describes, asked for it. The exception
    (art. 13(2) of the Directive: NL Tw art. 11.7(3), DE UWG § 7(3), FR CPCE art. L34-5, BE Royal Decree of
    2003-04-04 art. 1) is for existing customers whose contact details were obtained in a sale, for the sender's
    own similar products, with an opt-out offered at collection and in every message: relying on it without a
    stated opt-out is a warning. Where pac has no rule of the controller's country for the date, it says so
    (info) and cites no other country's law."""
    if purpose.kind != "direct_marketing" or not {"email", "sms"} & set(purpose.channels):
        return
    if purpose.rests_on_consent or purpose.consent is not None:
        return
    rule = ctx.national_rule("email_marketing")
    if rule is None:
        yield ctx.no_national_rule(say("topic-email-marketing"), say("unchecked-email-marketing", name=purpose.name))
        return
    organisation = ctx.organisation
    subjects = [organisation.data_subject(s) for s in organisation.activity(purpose.activity).data_subjects]
    others = tuple(s.name for s in subjects if s.relationship not in ("customer", "subscriber"))
    articles = [rule.law, "GDPR Art. 6(1)(a)"]
    if others or not subjects:
        whom = others or say("unidentified-customers")
        yield ctx.finding(say("email-marketing-no-consent", name=purpose.name, whom=whom, law=rule.law,
                              caveat=rule.caveat()), articles=articles,
                          severity="warning" if rule.unverified() else None)
    elif any(s.relationship == "customer" for s in subjects) and purpose.objection is None and not \
            organisation.states_right("objection", purpose):
        exception = rule.customer_exception or rule.law
        yield ctx.finding(say("email-marketing-no-opt-out", name=purpose.name, law=exception, caveat=rule.caveat()),
                          severity="warning", articles=[exception, "GDPR Art. 6(1)(a)"])
