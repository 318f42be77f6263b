"""Roles: who is controller, joint controller or processor, judged on what each party does
(GDPR Art. 4(7)-(8), 26, 28(10); EDPB Guidelines 07/2020; CJEU C-210/16, C-40/17)."""

from __future__ import annotations

from pac import Context, check, say, word
from pac.model import Controller, Cookie, Organisation, Recipient

OWN_ENDS = ("controller", "joint_controller")
"""Roles of a party that uses the data for its own ends."""
PLUGIN_TYPES = ("pixel", "embed", "script", "sdk")
"""Techniques by which third-party code on the controller's site makes the visitor's browser send data to its provider."""
THIRD_PARTY_CATEGORIES = ("marketing", "tracking", "social_media")
"""Cookie categories whose data serve their provider's own advertising or profiling."""
INTEGRATIONS = {integration: say(f"integration.{integration}") for integration in (
    "social_login", "fan_page", "social_plugin", "embedded_content", "tracking_pixel")}


def _collecting_cookies(organisation: Organisation) -> dict[str, tuple[Cookie, ...]]:
    """For each provider id, the cookies through which its code on the site collects visitors' data for it."""
    found: dict[str, list[Cookie]] = {}
    for cookie in organisation.cookies:
        if cookie.provider and (cookie.type in PLUGIN_TYPES or cookie.category in THIRD_PARTY_CATEGORIES):
            found.setdefault(cookie.provider, []).append(cookie)
    return {provider: tuple(cookies) for provider, cookies in found.items()}


@check("joint-controller-arrangement", title="Joint controllers make the essence of their arrangement available",
       articles=["GDPR Art. 26(1)", "GDPR Art. 26(2)", "CJEU C-40/17", "CJEU C-210/16"], severity="warning",
       subject="recipients",
       remedy="Conclude an arrangement with this party that sets out who does what for the collection and transmission "
              "of the data (Art. 26(1)), and make its essence available in the notice (Art. 26(2)).")
def joint_controller_arrangement(recipient: Recipient, ctx: Context):
    """Where two or more controllers jointly determine the purposes and means of processing, they are joint
    controllers: they must set out their responsibilities in an arrangement, whose essence is to be made
    available to the data subject (Art. 26(1), (2)). The operator of a website that embeds a third party's plugin
    (a social button, a pixel, embedded content) which makes the visitor's browser transmit data to that third
    party, which uses them for its own ends, is a joint controller with it for the collection and transmission of
    those data (CJEU C-40/17 Fashion ID); so is the administrator of a fan page on a social network (CJEU C-210/16
    Wirtschaftsakademie), and, by the same reasoning, a site that offers log-in with a social network's account.

    The check applies to a party the declaration calls a controller or joint controller that collects data
    through the site this way (its marketing, tracking or social-media cookies, its pixels, embeds and scripts,
    or a declared integration), and to every declared joint controller. The arrangement need not be in the
    notice, only made available; hence a warning when the notice gives none of it."""
    if recipient.joint_arrangement is not None or recipient.role not in OWN_ENDS:
        return
    cookies = ctx.once(_collecting_cookies).get(recipient.id, ())
    ways = (*(repr(c.name) for c in cookies), *(INTEGRATIONS[i.integration] for i in recipient.integrations))
    if ways:
        yield ctx.finding(say("joint-collection", name=recipient.name, ways=ways), evidence=[*recipient.provenance, *(p for c in cookies for p in c.provenance),
                                                  *(p for i in recipient.integrations for p in i.provenance)])
    elif recipient.role == "joint_controller":
        yield ctx.finding(say("joint-arrangement-missing", name=recipient.name))


@check("processor-acts-as-controller", title="A processor does not use the data for its own purposes",
       articles=["GDPR Art. 4(8)", "GDPR Art. 28(10)", "EDPB Guidelines 07/2020"], severity="warning",
       subject="recipients",
       remedy="Either keep the processor to processing on the controller's instructions, or treat it as a controller "
              "(or joint controller) for its own uses, with its own legal basis, and tell data subjects so.")
def processor_acts_as_controller(recipient: Recipient, ctx: Context):
    """A processor processes personal data on behalf of the controller (Art. 4(8)); a processor that determines
    the purposes and means of processing infringes the GDPR and is a controller for that processing (Art. 28(10)).
    Roles follow from what a party does, not from what a contract or notice calls it (EDPB Guidelines 07/2020 on
    the concepts of controller and processor). A party the notice calls a processor but also says uses the data
    for its own ends (its own newsletter, its own website) is therefore at least in part a controller. Whether the
    use is really its own or done on the controller's instructions may be a matter of wording: a warning."""
    if not recipient.is_processor or not recipient.own_purposes:
        return
    uses = tuple(s.description for s in recipient.own_purposes)
    yield ctx.finding(say("processor-own-purposes", name=recipient.name, role=word("role", recipient.role), uses=uses),
                      evidence=[p for s in recipient.own_purposes for p in s.provenance])


@check("storage-is-processing", title="A party that stores the data processes them",
       articles=["GDPR Art. 4(2)", "GDPR Art. 12(1)"], severity="warning", subject="recipients",
       remedy="Say what the party does with the data (for a hosting provider: stores them on the controller's behalf, as "
              "its processor) instead of saying it does not process them.")
def storage_is_processing(recipient: Recipient, ctx: Context):
    """Processing is any operation on personal data, including storage (Art. 4(2)); a hosting provider that
    stores the data processes them, and is a processor when it does so on the controller's behalf. A notice that
    says a party receiving the data does not process them misstates the law and misleads the data subject about
    who handles the data, which Art. 12(1) (transparent, intelligible information) forbids. The declaration
    may call the party a processor all the same; hence a warning."""
    denial = recipient.processing_denied
    if denial is not None:
        yield ctx.finding(say("storage-denied", name=recipient.name, description=denial.description), at=denial)


@check("controller-role-clear", title="The notice does not call the controller its own processor",
       articles=["GDPR Art. 4(7)", "GDPR Art. 4(8)", "GDPR Art. 13(1)(a)", "EDPB Guidelines 07/2020"],
       severity="warning", subject="controller",
       remedy="Say plainly that the organisation is the controller of the processing the notice describes, and name its "
              "processors separately.")
def controller_role_clear(controller: Controller, ctx: Context):
    """The notice must tell data subjects who the controller is (Art. 13(1)(a)). A controller determines the
    purposes and means of processing (Art. 4(7)); a processor processes on another's behalf (Art. 4(8)), so one
    party cannot be the processor of its own processing (EDPB Guidelines 07/2020). A notice that calls the
    organisation a processor, alone or beside controller, for the processing it describes leaves unclear who is
    responsible. It may act as a processor for its clients elsewhere, hence a warning."""
    stated = controller.stated_roles
    if stated is None or "processor" not in stated.roles:
        return
    roles = tuple(word("role", r) for r in stated.roles)
    yield ctx.finding(say("controller-called-processor", name=ctx.organisation.name, roles=roles), at=stated)
