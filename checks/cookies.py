"""Cookies and similar trackers: prior consent unless an exemption applies (Tw art. 11.7a, implementing
art. 5(3) of the ePrivacy Directive 2002/58/EC; CJEU C-673/17 Planet49)."""

from __future__ import annotations

from pac import Context, check
from pac.model import Cookie

TRACKING = ("marketing", "tracking", "social_media", "unclassified")
"""Categories no exemption of Tw art. 11.7a(3) covers: they need prior consent."""


def _tracker(cookie: Cookie, ctx: Context) -> str:
    """The tracker as the notice names it: ``'Facebook pixel' (marketing pixel of Facebook)``."""
    provider = ctx.organisation.get("recipients", cookie.provider) if cookie.provider else None
    kind = f"{cookie.category.replace('_', ' ')} {cookie.type.replace('_', ' ')}"
    return f"{cookie.name!r} ({kind}" + (f" of {provider.name!r})" if provider else ")")


@check("tracking-cookie-consent", title="Tracking cookies and pixels are placed only with prior consent",
       articles=["Tw art. 11.7a", "GDPR Art. 4(11)", "CJEU C-673/17"], severity="error",
       subject="cookies",
       remedy="Ask for consent before placing this tracker (e.g. a cookie banner with an equally easy refusal), place "
              "it only after an active 'yes', and say so in the notice.")
def tracking_cookie_consent(cookie: Cookie, ctx: Context):
    """Storing or reading information on a user's device is allowed only with the user's prior consent, after clear
    and complete information (Tw art. 11.7a(1), implementing art. 5(3) of Directive 2002/58/EC), unless it is needed
    for the transmission or for the service the user asked for, or is analytics with little or no effect on privacy
    (Tw art. 11.7a(3)). Marketing and social-media trackers, and trackers the declaration does not classify, fall
    under no exemption. Consent has the GDPR meaning: an unambiguous, active indication (Art. 4(11)); silence, a
    pre-ticked box or carrying on browsing is no consent (CJEU C-673/17 Planet49), and neither is a browser set to
    accept cookies that the user may change: that is an opt-out. When the notice does not say whether consent is asked,
    the finding is a warning. One finding lists every tracker the notice treats the same way: the root cause is
    how the notice asks (or does not ask) consent."""
    if cookie.category not in TRACKING or cookie.consent == "asked":
        return
    if cookie.consent == "not_asked":
        yield ctx.finding("These trackers (marketing, social-media or unclassified) are placed without asking the "
                          "visitor's consent.")
    elif cookie.consent == "browser_opt_out":
        yield ctx.finding("These trackers (marketing, social-media or unclassified) are placed unless the visitor "
                          "refuses them in the browser settings; a browser opt-out is not consent.")
    else:
        yield ctx.finding("The notice does not say whether consent is asked before these trackers (marketing, "
                          "social-media or unclassified) are placed.", severity="warning")


@check("analytics-cookie-consent", title="Analytics cookies without consent must have little or no effect on privacy",
       articles=["Tw art. 11.7a", "GDPR Art. 4(11)"], severity="warning", subject="cookies",
       remedy="Either ask consent for this analytics cookie, or configure it so that it has little or no effect on "
              "privacy (no sharing of the data with the provider for its own ends, shortened IP addresses, no "
              "profiling or cross-site tracking) and record that assessment.")
def analytics_cookie_consent(cookie: Cookie, ctx: Context):
    """Dutch law exempts from consent the storage or reading of information that serves to measure the quality or
    effectiveness of the service provided, provided it has little or no effect on the user's privacy (Tw art.
    11.7a(3)). Analytics without consent is therefore lawful only under that condition, which the declaration cannot
    show: a lawyer must check the configuration, so this is a warning. A browser opt-out is not consent (GDPR
    Art. 4(11)); analytics that does not meet the condition needs consent like any tracker."""
    if cookie.category != "analytics" or cookie.consent == "asked":
        return
    tracker = _tracker(cookie, ctx)
    condition = "that is lawful only if it has little or no effect on the visitor's privacy (Tw art. 11.7a(3))"
    if cookie.consent == "not_asked":
        yield ctx.finding(f"{tracker} is placed without consent; {condition}.")
    elif cookie.consent == "browser_opt_out":
        yield ctx.finding(f"{tracker} is placed unless the visitor refuses it in the browser settings, which is not "
                          f"consent; {condition}.")
    else:
        yield ctx.finding(f"The notice does not say whether consent is asked before {tracker} is placed; without "
                          f"consent, {condition}.")
