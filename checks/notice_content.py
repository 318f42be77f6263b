"""What the notice's information says, not only whether it is there: the controller's address and
registration, the law it cites, the Art. 13(2)(e) statement, and the source of data obtained from others
(GDPR Art. 13, 14, 94(1))."""

from __future__ import annotations

from pac import Context, check, say, word
from pac.model import Controller, DataCategory, Notice

@check("controller-address-stated", title="The notice gives the controller's postal address",
       articles=["GDPR Art. 13(1)(a)", "GDPR Art. 14(1)(a)", "WP260 rev.01"], severity="warning", subject="controller",
       remedy="State the address at which the controller is established (street, postcode and town).")
def controller_address_stated(controller: Controller, ctx: Context):
    """The notice must give the identity and contact details of the controller (Art. 13(1)(a), 14(1)(a)). An
    e-mail address alone neither identifies the legal person behind it nor lets a data subject reach it by
    other means; the transparency guidelines (WP260 rev.01) ask for contact details that allow different forms
    of communication, such as a phone number, e-mail and postal address. A notice that gives a way to reach the
    controller but no address (a street and town, or a postal contact) is a warning; no contact details at all
    is the subject of controller-identified."""
    address = controller.address
    postal = any(c.channel == "postal" for c in controller.contacts)
    if controller.contacts and not postal and not (address and address.street and address.city):
        channels = tuple(word("channel", c) for c in sorted({c.channel for c in controller.contacts},
                                                             key=lambda c: c.replace("_", " ")))
        yield ctx.finding(say("postal-address-missing", name=ctx.organisation.name, channels=channels))


@check("controller-registration-stated", title="The notice gives the controller's trade-register number",
       articles=["GDPR Art. 13(1)(a)"], severity="info", subject="controller",
       remedy="State the controller's registration number (in the Netherlands, its KvK number).")
def controller_registration_stated(controller: Controller, ctx: Context):
    """The identity of the controller (Art. 13(1)(a)) is established beyond doubt by its entry in a trade
    register; a name without a registration number may match several legal persons. The GDPR does not require
    the number, so this is information only."""
    if controller.registration is None:
        yield ctx.finding(say("registration-missing", name=ctx.organisation.name), evidence=())


@check("repealed-law-cited", title="The notice does not rely on repealed data-protection law",
       articles=["GDPR Art. 94(1)", "GDPR Art. 12(1)"], severity="warning", subject="notice",
       remedy="Refer to the GDPR and the national implementing act (in the Netherlands, the Uitvoeringswet AVG) instead.")
def repealed_law_cited(notice: Notice, ctx: Context):
    """Directive 95/46/EC was repealed with effect from 25 May 2018 (GDPR Art. 94(1)), and with it the Dutch Wet
    bescherming persoonsgegevens, which the Uitvoeringswet AVG replaced. A notice that cites them as applying to
    its processing, for example to keep their exceptions in force, tells the data subject about rules that no
    longer apply (Art. 12(1): the information must be accurate and intelligible). pac evaluates no date before
    25 May 2018, so the laws are always repealed on the evaluation date."""
    # Repealed on the day the GDPR became applicable, 25 May 2018 (GDPR Art. 94(1), 99(2); for the Wbp, the
    # Uitvoeringswet AVG, Stb. 2018, 144, as the Autoriteit Persoonsgegevens states: since 25 May 2018 the Wbp no
    # longer applies); the phrase book names them (repealed.LAW).
    for cited in notice.cited_laws:
        yield ctx.finding(say("repealed-law-cited", law=word("repealed", cited.law)), at=cited)


@check("provision-requirement-complete", title="The Art. 13(2)(e) statement says whether data must be provided and why",
       articles=["GDPR Art. 13(2)(e)", "WP260 rev.01"], severity="warning", subject="notice",
       remedy="Say, for the data collected from the data subject, whether providing them is a statutory or contractual "
              "requirement or needed to enter into a contract, whether the data subject must provide them, and what "
              "happens if they do not.")
def provision_requirement_complete(notice: Notice, ctx: Context):
    """Art. 13(2)(e) asks for three things: whether providing the data is a statutory or contractual requirement
    or a requirement necessary to enter into a contract, whether the data subject is obliged to provide them,
    and the possible consequences of failing to do so. WP260 rev.01 adds that the notice should say which data
    are required and what follows if they are not provided. A statement that leaves out the requirement or the
    consequences, or covers only some of the data (only cookies, say), does not give this information; a
    missing statement is the subject of provision-requirement-stated. The notice may give the rest elsewhere
    (a form), hence a warning."""
    stated = notice.provision_requirement
    if stated is None:
        return
    missing = [say(what) for what, given in (("provision-requirement", stated.requirement),
                                             ("provision-consequences", stated.consequences)) if not given]
    if stated.partial:
        missing.append(say("provision-other-data"))
    if missing:
        yield ctx.finding(say("provision-statement-incomplete", missing=tuple(missing)), at=stated)


@check("indirect-source-stated", title="For data obtained from others, the notice names the source",
       articles=["GDPR Art. 14(1)(d)", "GDPR Art. 14(2)(f)"], severity="warning", subject="data_categories",
       remedy="Say from which source these data come (the party or kind of party), and whether it is publicly "
              "accessible.")
def indirect_source_stated(category: DataCategory, ctx: Context):
    """Where personal data are not obtained from the data subject, the notice must state the categories of data
    concerned (Art. 14(1)(d)) and from which source they originate, and if applicable whether it is publicly
    accessible (Art. 14(2)(f)). A category the declaration says comes from others or from public sources, with no
    source the notice names (``origin``), lacks that information. Where the source cannot be named, WP260
    rev.01 accepts general information on it, and Art. 14(5) exempts some cases: a warning."""
    if category.source in ("third_party", "public") and category.origin is None:
        yield ctx.finding(say(f"source-unnamed-{category.source}", name=category.name))
