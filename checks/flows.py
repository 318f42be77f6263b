"""Data flows: where personal data go through chains of recipients, and whether every flow has a purpose
(GDPR Art. 5(1)(b), Art. 9, Art. 28, Chapter V), judged on the data-flow graph (``ctx.graph``)."""

from __future__ import annotations

from pac import Context, check, say
from pac.model import Organisation, Recipient


@check("special-category-transfer-safeguarded", title="Special-category data sent outside the EEA are safeguarded",
       articles=["GDPR Art. 9(1)", "GDPR Art. 44", "GDPR Art. 46(1)", "CJEU C-311/18"], severity="warning",
       subject="recipients",
       remedy="Confirm that a condition of Art. 9(2) covers disclosing these data to this recipient, and that the "
              "transfer tool (and, for safeguards, the transfer impact assessment) accounts for their sensitivity; "
              "or keep these data in the EEA.")
def special_category_transfer_safeguarded(recipient: Recipient, ctx: Context):
    """Special categories of personal data (Art. 9(1)) may be processed only under a condition of Art. 9(2),
    which must also cover their disclosure to a recipient; sending them outside the EEA further needs a Chapter V
    tool (Art. 44). Safeguards under Art. 46 must in practice give the data a level of protection essentially
    equivalent to that in the EU (CJEU C-311/18, Schrems II), which the exporter has to assess with the data's
    sensitivity in mind. The GDPR does not forbid these transfers, so this is a warning a lawyer would raise;
    where an adequacy decision covers the recipient it is only information. Whether the tool itself is valid
    is the subject of the transfer checks."""
    if not ctx.outside_home(recipient):
        return
    flow = ctx.flow(recipient)
    if not flow.special:
        return
    categories = tuple(ctx.organisation.category(c).name for c in flow.special)
    assessment = ctx.transfer(recipient)
    decisive = assessment.decisive
    adequate = assessment.status == "valid" and decisive is not None and \
        ctx.reference.transfer_tool(decisive.claim.tool).kind == "adequacy"
    yield ctx.finding(say(f"special-transfer-{assessment.status}", categories=categories, name=recipient.name,
                          country=ctx.place(recipient.country), area=assessment.regime.area),
                      severity="info" if adequate else None, articles=ctx.regime.cites(ctx.check.articles))


@check("sub-processor-parent-contract", title="A sub-processor works under a processor bound by an Art. 28 contract",
       articles=["GDPR Art. 28(3)", "GDPR Art. 28(4)"], severity="error", subject="recipients",
       remedy="Bind the processor by a contract under Art. 28(3) that also governs its sub-processors (Art. 28(2) "
              "and (4)), and state in the notice that it is in place.")
def sub_processor_parent_contract(recipient: Recipient, ctx: Context):
    """Processing by a processor must be governed by a contract or other legal act (Art. 28(3)); a processor may
    engage another processor only with the controller's authorisation and must impose the same data-protection
    obligations on it by contract (Art. 28(2), (4)). A sub-processor under a processor that works without such a
    contract therefore processes the data outside the chain of obligations Art. 28 requires. When the notice says
    there is no agreement this is an error; when it says nothing about one, a warning (the agreement may exist
    without the notice mentioning it)."""
    if recipient.parent is None:
        return
    parent = ctx.organisation.recipient(recipient.parent)
    agreement = parent.processor_agreement
    if agreement is not None and agreement.in_place:
        return
    if agreement is None:
        yield ctx.finding(say("sub-processor-agreement-unstated", name=recipient.name, parent=parent.name),
                          severity="warning")
    else:
        yield ctx.finding(say("sub-processor-agreement-absent", name=recipient.name, parent=parent.name), at=agreement)


@check("recipient-categories-have-purpose", title="Every data category a recipient receives serves a stated purpose",
       articles=["GDPR Art. 5(1)(b)", "GDPR Art. 5(1)(c)", "GDPR Art. 13(1)(c)"], severity="warning",
       subject="recipients",
       remedy="State the purpose for which these data are disclosed to this recipient (a purpose of one of its "
              "activities that uses them), or stop disclosing them.")
def recipient_categories_have_purpose(recipient: Recipient, ctx: Context):
    """Disclosure is processing (Art. 4(2)): it needs a specified purpose (Art. 5(1)(b)), must be limited to what
    that purpose needs (Art. 5(1)(c)), and the notice must give the purposes (Art. 13(1)(c)). A recipient that is
    declared to receive a data category that no purpose of its activities (of any activity, when it names none)
    uses receives data for no stated purpose. The declaration may just be incomplete, hence a warning."""
    flow = ctx.flow(recipient)
    if flow.stated_by != "categories":
        return
    organisation = ctx.organisation
    used = {c for p in flow.purposes for c in organisation.purpose(p).categories}
    unused = tuple(organisation.category(c).name for c in flow.categories if c not in used)
    if unused:
        scope = "activities" if recipient.activities else "notice"
        yield ctx.finding(say(f"recipient-data-unused-{scope}", name=recipient.name, unused=unused))


@check("recipient-data-stated", title="Every recipient is linked to the data it receives",
       articles=["GDPR Art. 13(1)(e)", "GDPR Art. 30(1)(d)"], severity="info", subject="recipients",
       remedy="List the activities (or the data categories) whose personal data this recipient receives.")
def recipient_data_stated(recipient: Recipient, ctx: Context):
    """The notice must name the recipients or categories of recipients (Art. 13(1)(e)), and the record of
    processing activities must say to which recipients each processing discloses data (Art. 30(1)(d)). A
    recipient that the declaration links to no activity and no data category, and that works under no processor
    so linked, is an orphan in the data-flow graph: pac cannot tell which personal data it receives, so the
    checks on special categories, onward transfers and purposes cannot judge it. The notice need not say this,
    so this is information."""
    if recipient.id not in ctx.once(_linked):
        yield ctx.finding(say("recipient-data-unlinked"))


def _linked(organisation: Organisation) -> set[str]:
    """The ids of the recipients the declaration links to an activity or a data category, or that work under a
    processor so linked (a processor's own link is known before its sub-processors', which are deeper)."""
    linked: set[str] = set()
    for recipient in sorted(organisation.recipients, key=organisation.depth):
        if recipient.activities or recipient.categories or recipient.parent in linked:
            linked.add(recipient.id)
    return linked
