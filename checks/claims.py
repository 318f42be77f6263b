"""The notice against itself: general claims it makes, compared with the facts it states
(GDPR Art. 5(1)(a), 12(1)); and cookies it calls essential although their provider's business says otherwise."""

from __future__ import annotations

from typing import Any, Callable, Iterable

from pac import Context, Phrase, check, say, word
from pac.model import Claim, Cookie, DataCategory, Notice, Provenance

NOT_FUNCTIONAL = ("analytics", "marketing", "tracking", "social_media", "unclassified")
TRACKING = ("marketing", "tracking", "social_media")
NOT_PROVIDED = ("observed", "derived", "third_party", "public")
"""Sources of data the data subject does not provide (``not-provided.SOURCE`` in the phrase book)."""


Contradiction = tuple[Phrase | str, tuple[Provenance, ...]]
"""A declared fact that contradicts a claim: in words, and where the notice states it."""


def _named(elements: Iterable[Cookie | DataCategory],
           words: Callable[[Any], Phrase] | None = None) -> list[Contradiction]:
    return [(say("named-source", name=e.name, source=words(e)) if words else repr(e.name), e.provenance)
            for e in elements]


def _contradictions(claim: Claim, ctx: Context) -> list[Contradiction]:
    """The declared facts that contradict ``claim``."""
    organisation = ctx.organisation
    cookies, categories = organisation.cookies, organisation.data_categories
    if claim.claim == "only_functional_cookies":
        return _named(c for c in cookies if c.category in NOT_FUNCTIONAL)
    if claim.claim == "no_tracking":
        return _named(c for c in cookies if c.category in TRACKING or c.type == "pixel")
    if claim.claim == "no_special_categories":
        return _named(c for c in categories if c.special)
    if claim.claim == "only_provided_data":
        return _named((c for c in categories if c.source in NOT_PROVIDED), lambda c: word("not-provided", c.source))
    area = claim.area or "EEA"

    def outside(country: str) -> bool:
        return not ctx.reference.in_eea(country, ctx.as_of) if area == "EEA" else country != area

    stated = [(r, r.country_provenance or r.provenance) for r in organisation.recipients if r.country]
    return [(say("named-country", name=r.name, country=ctx.country_name(r.country)), where) for r, where in stated
            if outside(str(r.country)) and any(p.quote for p in where)]


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
    stay, recipients the notice itself places outside the claimed country (or outside the EEA; a country known
    only from a public fact is not the notice's word); for special
    categories, declared special-category data; for provided data, data the notice says are observed, derived or
    obtained from others."""
    for claim in notice.claims:
        found = _contradictions(claim, ctx)
        if found:
            area = say("the-eea") if claim.area in (None, "EEA") else ctx.place(claim.area)
            said = say(f"claim.{claim.claim}", area=area) if claim.claim == "data_stay_in" else word("claim", claim.claim)
            yield ctx.finding(say("claim-contradicted", said=said, found=tuple(words for words, _ in found)),
                              at=claim, evidence=[*claim.provenance, *(p for _, where in found for p in where)])


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
        kinds = tuple(word("business", k) for k in business.kinds)
        yield ctx.finding(say("essential-cookie-business", name=cookie.name, provider=provider.name, kinds=kinds),
                          evidence=[*cookie.provenance, *business.provenance])
