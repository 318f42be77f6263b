"""Cookies and similar trackers: prior consent unless an exemption applies, under the law of the controller's
country implementing art. 5(3) of the ePrivacy Directive 2002/58/EC (NL Tw art. 11.7a, DE TDDDG § 25, FR LIL
art. 82, BE art. 10/2 of the Law of 30 July 2018; CJEU C-673/17 Planet49)."""

from __future__ import annotations

from pac import Context, Phrase, Term, check, say, word
from pac.model import Cookie

TRACKING = ("marketing", "tracking", "social_media", "unclassified")
"""Categories no national exemption covers (they serve neither the transmission nor the service the user asked
for): they need prior consent."""
EPRIVACY = "Directive 2002/58/EC art. 5(3)"
TOPIC = say("topic-terminal-equipment")


def _tracker(cookie: Cookie, ctx: Context) -> Phrase:
    """The tracker as the notice names it: ``'Facebook pixel' (marketing pixel of 'Facebook')``."""
    provider = ctx.organisation.get("recipients", cookie.provider) if cookie.provider else None
    kind = {"name": cookie.name, "category": word("cookie-category", cookie.category),
            "type": word("cookie-type", cookie.type)}
    return say("tracker-of", **kind, provider=provider.name) if provider else say("tracker", **kind)


@check("tracking-cookie-consent", title="Tracking cookies and pixels are placed only with prior consent",
       articles=[EPRIVACY, "GDPR Art. 4(11)", "CJEU C-673/17"], severity="error",
       subject="cookies", national=["terminal_equipment"],
       remedy="Ask for consent before placing this tracker (e.g. a cookie banner with an equally easy refusal), place "
              "it only after an active 'yes', and say so in the notice.")
def tracking_cookie_consent(cookie: Cookie, ctx: Context):
    """Storing or reading information on a user's device is allowed only with the user's prior consent, after clear
    and complete information, unless it is needed for the transmission or for the service the user asked for
    (art. 5(3) of Directive 2002/58/EC, as the law of the controller's country implements it: in the Netherlands
    Tw art. 11.7a, in Germany TTDSG § 25 from 2021-12-01 and TDDDG § 25 from 2024-05-14, in France LIL art. 82, in
    Belgium art. 129 of the electronic communications act, since moved to art. 10/2 of the Law of 30 July 2018).
    Marketing, tracking and social-media trackers, and trackers the declaration does not classify, fall under no exemption.
    Consent has the GDPR meaning: an unambiguous, active indication (Art. 4(11)); silence, a pre-ticked box or
    carrying on browsing is no consent (CJEU C-673/17 Planet49), and neither is a browser set to accept cookies that
    the user may change: that is an opt-out. When the notice does not say whether consent is asked, the finding is a
    warning; where pac has no rule of the controller's country for the evaluation date, it says so (info) and cites
    no other country's law. One finding lists every tracker the notice treats the same way: the root cause is how
    the notice asks (or does not ask) consent."""
    if cookie.category not in TRACKING or cookie.consent == "asked":
        return
    rule = ctx.national_rule("terminal_equipment")
    if rule is None:
        yield ctx.no_national_rule(TOPIC, say("unchecked-trackers"))
        return
    articles = [rule.law, "GDPR Art. 4(11)", "CJEU C-673/17"]
    severity = "warning" if rule.unverified() else None
    note = rule.caveat()
    if cookie.consent == "not_asked":
        yield ctx.finding(say("trackers-no-consent", law=rule.law, caveat=note), articles=articles, severity=severity)
    elif cookie.consent == "browser_opt_out":
        yield ctx.finding(say("trackers-opt-out", law=rule.law, caveat=note), articles=articles, severity=severity)
    else:
        yield ctx.finding(say("trackers-consent-unstated", law=rule.law, caveat=note), severity="warning",
                          articles=articles)


@check("analytics-cookie-consent", title="Analytics cookies without consent meet the national exemption, if any",
       articles=[EPRIVACY, "GDPR Art. 4(11)"], severity="warning", subject="cookies",
       national=["terminal_equipment"],
       remedy="Ask consent for this analytics cookie, or, where the law of the controller's country exempts "
              "analytics, configure it to meet the exemption's condition (e.g. no sharing of the data with the "
              "provider for its own ends, shortened IP addresses, no profiling or cross-site tracking) and record "
              "that assessment.")
def analytics_cookie_consent(cookie: Cookie, ctx: Context):
    """Some Member States exempt analytics from the consent requirement of art. 5(3) of Directive 2002/58/EC under
    a condition: Dutch law where it measures the quality or effectiveness of the service with little or no effect
    on the user's privacy (Tw art. 11.7a(3)); French law, as the CNIL reads LIL art. 82, for audience measurement
    strictly within set limits. Analytics without consent is then lawful only under that condition, which the
    declaration cannot show: a lawyer must check the configuration, so this is a warning. Where the controller's
    law has no such exemption (German TDDDG § 25 exempts only what is strictly necessary for the service the user
    asked for; the Belgian authority holds that analytics need consent), analytics placed without consent breaks it:
    an error, unless the notice leaves open whether consent is asked. A browser opt-out is not consent (GDPR Art.
    4(11)). Where pac has no rule of the controller's country for the date, it says so (info)."""
    if cookie.category != "analytics" or cookie.consent == "asked":
        return
    rule = ctx.national_rule("terminal_equipment")
    tracker = _tracker(cookie, ctx)
    if rule is None:
        yield ctx.no_national_rule(TOPIC, say("unchecked-tracker", tracker=tracker))
        return
    articles = [rule.law, "GDPR Art. 4(11)"]
    if rule.analytics_exemption:
        condition = say("analytics-exemption", law=rule.law, exemption=Term(rule.analytics_exemption, rule.analytics_exemption_nl))
        severity = "warning"
    else:
        condition = say("analytics-no-exemption", law=rule.law, caveat=rule.caveat())
        severity = "warning" if rule.unverified() or cookie.consent is None else "error"
    if cookie.consent == "not_asked":
        yield ctx.finding(say("analytics-no-consent", tracker=tracker, condition=condition), articles=articles,
                          severity=severity)
    elif cookie.consent == "browser_opt_out":
        yield ctx.finding(say("analytics-opt-out", tracker=tracker, condition=condition), articles=articles,
                          severity=severity)
    else:
        yield ctx.finding(say("analytics-consent-unstated", tracker=tracker, condition=condition), articles=articles,
                          severity=severity)
