"""The notice against itself: general claims it makes, compared with the facts it states
(GDPR Art. 5(1)(a), 12(1)); and cookies it calls essential although their provider's business says otherwise."""

from __future__ import annotations

from typing import Callable, Iterable

from pac import Context, check
from pac.model import Claim, Cookie, Notice, Organisation

NOT_FUNCTIONAL = ("analytics", "marketing", "tracking", "social_media", "unclassified")
TRACKING = ("marketing", "tracking", "social_media")
NOT_PROVIDED = {"observed": "observed", "derived": "derived", "third_party": "obtained from others",
                "public": "obtained from public sources"}
CLAIMS = {
    "only_functional_cookies": "it uses only functional cookies",
    "data_stay_in": "the data stay in {area}",
    "no_special_categories": "it processes no special categories of personal data",
    "no_tracking": "it does not track visitors",
    "only_provided_data": "it processes only the data the data subject provides",
}


def _names(items: Iterable) -> str:
    return ", ".join(repr(item.name) for item in items)


def _outside(claim: Claim, ctx: Context) -> str:
    """The recipients the notice places outside the claimed area."""
    area = claim.area or "EEA"

    def outside(country: str) -> bool:
        return not ctx.reference.in_eea(country, ctx.as_of) if area == "EEA" else country != area

    found = [r for r in ctx.organisation.recipients if r.country and outside(r.country)]
    return ", ".join(f"{r.name!r} ({ctx.reference.country_name(r.country)})" for r in found)


def _facts(organisation: Organisation) -> dict[str, Callable[[Claim, Context], str]]:
    cookies, categories = organisation.cookies, organisation.data_categories
    return {
        "only_functional_cookies": lambda c, ctx: _names(k for k in cookies if k.category in NOT_FUNCTIONAL),
        "data_stay_in": _outside,
        "no_special_categories": lambda c, ctx: _names(k for k in categories if k.special),
        "no_tracking": lambda c, ctx: _names(k for k in cookies if k.category in TRACKING or k.type == "pixel"),
        "only_provided_data": lambda c, ctx: ", ".join(f"{k.name!r} ({NOT_PROVIDED[k.source]})" for k in categories
                                                       if k.source in NOT_PROVIDED),
    }


@check("notice-claims-consistent", title="The notice's general claims agree with what it says it does",
       articles=["GDPR Art. 5(1)(a)", "GDPR Art. 12(1)"], severity="warning", subject="notice",
       remedy="Correct the general claim, or the processing it contradicts, so that the notice says one thing.")
def notice_claims_consistent(notice: Notice, ctx: Context):
    """Personal data must be processed lawfully, fairly and in a transparent manner (Art. 5(1)(a)), and the
    information given must be concise, transparent and intelligible (Art. 12(1)). A notice that makes a general
    claim ("we only use functional cookies", "your data stay on servers in the Netherlands", "we process no
    special categories", "we do not track you", "we only use what you give us") and elsewhere states processing
    that contradicts it misleads the reader, whichever statement is true. The claim may be meant more narrowly
    than it reads, hence a warning.

    Contradicting facts: for cookies, every cookie that is not functional (analytics, marketing, tracking, social
    media, unclassified); for tracking, marketing, tracking and social-media cookies and pixels; for where data
    stay, recipients the declaration places outside the claimed country (or outside the EEA); for special
    categories, declared special-category data; for provided data, data the notice says are observed, derived or
    obtained from others."""
    facts = ctx.once(_facts)
    for claim in notice.claims:
        found = facts[claim.claim](claim, ctx)
        if found:
            area = "the EEA" if claim.area in (None, "EEA") else ctx.place(claim.area)
            said = CLAIMS[claim.claim].format(area=area)
            yield ctx.finding(f"The notice says {said}, yet it also states: {found}.", at=claim)


@check("essential-cookies-necessary", title="Cookies called essential do not serve advertising or analytics",
       articles=["Tw art. 11.7a", "WP194"], severity="warning", subject="cookies",
       remedy="Classify the cookie by what it does; if it serves advertising or analytics, place it only after consent.")
def essential_cookies_necessary(cookie: Cookie, ctx: Context):
    """Only storage or access strictly necessary for the transmission of a communication or for the service the
    user explicitly asked for is exempt from consent (Tw art. 11.7a(3), implementing art. 5(3) of Directive
    2002/58/EC). The Article 29 Working Party's opinion on the cookie consent exemption (WP194) excludes
    advertising and third-party analytics cookies from that exemption. A cookie the notice calls essential (or
    strictly necessary) whose provider's business is advertising, analytics or marketing automation is most
    likely not exempt; the provider may offer a strictly necessary function too, hence a warning."""
    if cookie.category != "strictly_necessary" or not cookie.provider:
        return
    provider = ctx.organisation.recipient(cookie.provider)
    business = provider.business
    if business is not None:
        kinds = " and ".join(k.replace("_", " ") for k in business.kinds)
        yield ctx.finding(f"The notice calls {cookie.name!r} essential, but its provider {provider.name!r} is in the "
                          f"business of {kinds}, which no consent exemption covers.",
                          evidence=[*cookie.provenance, *business.provenance])
