"""Accountability: processors and their contracts, consistent roles, a complete record, and DPIAs
(GDPR Art. 5(2), 28, 30, 35)."""

from __future__ import annotations

from pac import Context, check, name_key, say, word
from pac.model import Activity, DataCategory, DataSubject, Organisation, Recipient

AP_DPIA_LIST = {special: say(f"ap-dpia-list.{special}")
                for special in ("genetic_data", "health", "biometric_for_unique_identification")}
"""Items 6, 7 and 17 of the Dutch supervisory authority's list of processing that always needs a DPIA
(Art. 35(4); published 27 November 2019, Stcrt. 2019, 64418) that a special category brings into play. The
wording is pac's summary of the items as the NJB and law firms (NautaDutilh, KBS Advocaten) reported them on
publication; the decree's own text was not re-read."""

AP_BLACK_LISTS = say("ap-dpia-list.black_lists")
"""Item 2 of the same list (“zwarte lijsten”), as the NJB summarised it on publication."""


@check("processor-identified", title="Processors are named, or described by what they do",
       articles=["GDPR Art. 13(1)(e)", "GDPR Art. 14(1)(e)", "WP260 rev.01"], severity="warning",
       subject="recipients",
       remedy="Name the processor, or at least describe the category by the service it provides (for example "
              "\u201ce-mail marketing software\u201d), its sector and location.")
def processor_identified(recipient: Recipient, ctx: Context):
    """The notice must give the recipients or categories of recipients (Art. 13(1)(e), 14(1)(e)). A category
    helps the data subject only when it says what kind of party receives the data: the Article 29 Working
    Party's transparency guidelines (WP260 rev.01) ask that categories be as specific as possible, by the
    activities the recipients carry out, their sector and location. A processor the notice neither names nor
    describes by its service tells the data subject nothing beyond the word \u201cprocessor\u201d. The rule on
    how specific a category must be comes from guidance, not from the article's words: a warning."""
    if recipient.is_processor and not recipient.named and not recipient.services:
        yield ctx.finding(say("processor-unnamed", name=recipient.name))


@check("processor-agreement-in-place", title="Every processor works under an Art. 28(3) contract",
       articles=["GDPR Art. 28(3)", "GDPR Art. 28(4)"], severity="error", subject="recipients",
       remedy="Conclude a contract (or other legal act) with the processor that sets out the subject matter, "
              "duration, nature and purpose of the processing and the terms of Art. 28(3); bind sub-processors to "
              "the same obligations (Art. 28(4)).")
def processor_agreement_in_place(recipient: Recipient, ctx: Context):
    """Processing by a processor must be governed by a contract or other legal act under Union or Member State
    law with the content Art. 28(3) prescribes; a processor that engages a sub-processor must impose the same
    obligations on it (Art. 28(4)). A notice that says there is no such contract shows a breach: an error. A
    notice need not mention the contract at all, so silence is a warning: the contract must be confirmed."""
    if not recipient.is_processor:
        return
    agreement = recipient.processor_agreement
    if agreement is None:
        yield ctx.finding(say("processor-agreement-unstated", name=recipient.name), severity="warning")
    elif not agreement.in_place:
        yield ctx.finding(say("processor-agreement-absent", name=recipient.name), at=agreement)


def _recipients_by_name(organisation: Organisation) -> dict[str, tuple[Recipient, ...]]:
    """The recipients under each normalised name, in declaration order."""
    groups: dict[str, list[Recipient]] = {}
    for recipient in organisation.recipients:
        groups.setdefault(name_key(recipient.name), []).append(recipient)
    return {name: tuple(group) for name, group in groups.items()}


@check("recipient-roles-consistent", title="Each party has one role, and the controller is not its own processor",
       articles=["GDPR Art. 4(7)", "GDPR Art. 4(8)"], severity="warning", subject="recipients",
       remedy="Give each party the role it has for these data (processor, controller, joint controller) and explain "
              "in the notice where one party has different roles for different processing.")
def recipient_roles_consistent(recipient: Recipient, ctx: Context):
    """A controller determines the purposes and means of processing (Art. 4(7)); a processor processes personal
    data on the controller's behalf (Art. 4(8)). The same party may act in different roles for different
    processing, so a party declared twice with different roles is a warning, as is a controller that lists
    itself as a recipient (it cannot be its own processor). That a sub-processor works under a processor
    (Art. 28(4)) the loader already enforces."""
    organisation = ctx.organisation
    name = name_key(recipient.name)
    same_name = ctx.once(_recipients_by_name)[name]
    earlier = next((r for r in same_name[:same_name.index(recipient)] if r.role != recipient.role), None)
    if earlier is not None:
        yield ctx.finding(say("roles-differ", name=recipient.name, role=word("role", recipient.role),
                              earlier=word("role", earlier.role), at=str(earlier.location)))
    controller = organisation.controller
    own = {name_key(n) for n in (controller.legal_name, *controller.trade_names) if n} if controller else set()
    if name in own:
        yield ctx.finding(say("controller-own-recipient", name=recipient.name, role=word("role", recipient.role)))


def _processed_subjects(organisation: Organisation) -> frozenset[str]:
    """The ids of the data subjects some activity processes."""
    return frozenset(s for activity in organisation.activities for s in activity.data_subjects)


def _used_categories(organisation: Organisation) -> frozenset[str]:
    """The ids of the data categories some activity uses."""
    return frozenset(c for activity in organisation.activities for c in activity.categories)


@check("data-subjects-processed", title="Every group of data subjects belongs to some processing",
       articles=["GDPR Art. 13(1)(c)", "GDPR Art. 30(1)(c)", "GDPR Art. 5(2)"], severity="error",
       subject="data_subjects",
       remedy="Describe what is done with this group's data (purposes, legal bases, retention), or remove the group "
              "from the notice if its data are not processed.")
def data_subjects_processed(subject: DataSubject, ctx: Context):
    """The notice must give the purposes and legal basis of the processing (Art. 13(1)(c)), and the record of
    processing activities links categories of data subjects to processing (Art. 30(1)(c)). A group the notice
    says it covers but links to no processing leaves its members without that information: an error (a group
    informed by a separate notice, e.g. an employee privacy statement, is not named in this one)."""
    if subject.id not in ctx.once(_processed_subjects):
        yield ctx.finding(say("data-subjects-unprocessed", name=subject.name))


@check("data-categories-used", title="Every data category belongs to some processing",
       articles=["GDPR Art. 5(1)(c)", "GDPR Art. 13(1)(c)", "GDPR Art. 30(1)(c)"], severity="warning",
       subject="data_categories",
       remedy="Say for which processing these data are used, with its purpose, legal basis and retention, or stop "
              "collecting them.")
def data_categories_used(category: DataCategory, ctx: Context):
    """Personal data must be adequate, relevant and limited to what the purposes need (Art. 5(1)(c)); data the
    notice lists but uses for no stated purpose have no purpose, legal basis or retention the data subject can
    see (Art. 13(1)(c)), and cannot be placed in the record of processing (Art. 30(1)(c)). The declaration may
    simply not link them, so this is a warning."""
    if category.id not in ctx.once(_used_categories):
        yield ctx.finding(say("data-category-unused", name=category.name))


@check("dpia-considered", title="Likely high-risk processing comes with a DPIA",
       articles=["GDPR Art. 35(1)", "GDPR Art. 35(3)(b)", "GDPR Art. 35(4)", "AP DPIA list 2019", "WP243 rev.01",
                 "WP248 rev.01"], severity="warning", subject="activities",
       remedy="Record the scale of this processing (number of data subjects, volume, duration, geographic extent); where "
              "it is on a large scale or on the supervisory authority's list, carry out a data protection impact "
              "assessment before processing.")
def dpia_considered(activity: Activity, ctx: Context):
    """A controller must assess the impact of processing that is likely to result in a high risk before it
    starts (Art. 35(1)); this is so in particular for processing on a large scale of special categories of data
    or of data relating to criminal convictions and offences (Art. 35(3)(b)), and for the processing on the
    supervisory authority's list (Art. 35(4)). The Dutch Autoriteit Persoonsgegevens' list (Stcrt. 2019,
    64418), as reported on publication, includes large-scale processing of health data, of genetic data and of
    biometric data for identification, and \u201cblack lists\u201d: data on criminal offences that are shared
    with third parties.

    Whether processing is on a large scale turns on the number of data subjects, the volume of data, the
    duration and the geographic extent (WP243 rev.01 2.1.3, which WP248 rev.01 adopts); processing of patients'
    or clients' data by an individual physician, other health care professional or lawyer is not (Recital 91).
    So the check judges the scale the notice shows: where it says the processing is on a large scale (risk factor
    ``large_scale``), a missing DPIA is a warning (a notice need not mention one) and a DPIA the notice says was
    not conducted an error; where it shows the processing is not (``scale``: a single professional, a local
    organisation), it is silent; where it says nothing, a note (info) asks for the scale. A black list shared
    with third parties is on the Dutch list whatever its scale: a warning. A DPIA the notice says was conducted,
    or judged not required, draws no finding."""
    if activity.dpia is not None and activity.dpia.status != "not_conducted":
        return
    organisation = ctx.organisation
    special = organisation.special_categories(activity.categories)
    criminal = organisation.criminal_categories(activity.categories)
    if not (special or criminal):
        return
    large = organisation.large_scale(activity)
    dutch = organisation.country == "NL"
    listed = [AP_DPIA_LIST[c.special] for c in special if large and dutch and c.special in AP_DPIA_LIST]
    if dutch and criminal and _shared_with_third_parties(activity, criminal, ctx):
        listed.append(AP_BLACK_LISTS)
    if large is False and not listed:
        return
    uses = ((ctx.special_names(special),) if special else ()) + tuple(say("named-criminal", name=c.name)
                                                                     for c in criminal)
    articles = ["GDPR Art. 35(1)", "GDPR Art. 35(3)(b)"] + (["GDPR Art. 35(4)", "AP DPIA list 2019"] if listed else [])
    on_list = say("dpia-on-list", covered=tuple(dict.fromkeys(listed))) if listed else ""
    said = say("dpia-not-conducted" if activity.dpia else "dpia-unmentioned")
    if large:
        yield ctx.finding(say("dpia-large-scale", name=activity.name, uses=uses, said=said, on_list=on_list),
                          at=activity.dpia or activity, articles=articles, severity="error" if activity.dpia else None)
    elif listed:
        yield ctx.finding(say("dpia-listed", name=activity.name, uses=uses, said=said, on_list=on_list),
                          at=activity.dpia or activity, articles=articles)
    else:
        yield ctx.finding(say("dpia-scale-unknown", name=activity.name, uses=uses), at=activity, severity="info",
                          articles=articles + ["WP243 rev.01"])


def _shared_with_third_parties(activity: Activity, criminal: tuple[DataCategory, ...], ctx: Context) -> bool:
    """Whether a recipient other than a processor receives this activity's data or these criminal data."""
    ids = {c.id for c in criminal}
    return any(not r.is_processor and (activity.id in r.activities or ids & set(r.categories))
               for r in ctx.organisation.recipients)
