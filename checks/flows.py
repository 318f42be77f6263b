"""Data flows: where personal data go through chains of recipients, and whether every flow has a purpose
(GDPR Art. 5(1)(b), Art. 9, Art. 28, Chapter V), judged on the data-flow graph (``ctx.graph``)."""

from __future__ import annotations

from pac import Context, check
from pac.graph import chain, inflow
from pac.model import Recipient
from pac.transfers import crosses_onward, outside_eea, place

from .transfers import assessment_of, tool_findings


def _place(recipient: Recipient, ctx: Context) -> str:
    return place(recipient.country, ctx.reference) if recipient.country else "country not stated"


def _names(ctx: Context, nodes: tuple[str, ...]) -> str:
    return " -> ".join(ctx.graph.nodes[n]["name"] for n in nodes)


@check("onward-transfer-tool", title="Data a processor passes on to a third country travel on a valid transfer tool",
       articles=["GDPR Art. 44", "GDPR Art. 46(1)", "GDPR Art. 28(4)", "EDPB Guidelines 05/2021"], severity="error",
       subject="recipients",
       remedy="Put a transfer tool valid on this date in place for the onward transfer (for a processor passing "
              "data to a sub-processor, e.g. module 3 of the 2021 standard contractual clauses), and state it in "
              "the notice; or keep the data in the EEA.")
def onward_transfer_tool(recipient: Recipient, ctx: Context):
    """Chapter V applies to every transfer, onward transfers included (Art. 44): also when a processor, not the
    controller, sends the data out of the EEA to its sub-processor (EDPB Guidelines 05/2021 on the interplay
    between Art. 3 and Chapter V: the exporter may be a processor). The sub-processor must be bound by the same
    obligations as the processor (Art. 28(4)), and the transfer needs an adequacy decision or appropriate
    safeguards (Art. 45, Art. 46(1)). This check follows each chain controller -> processor -> sub-processor to
    the place where the data leave the EEA, that is a sub-processor outside the EEA under a processor that is not
    known to be outside it, and reports every claimed tool that fails there, as transfer-tool-valid does for
    direct recipients: as an error when no claimed tool carries the transfer, as a warning when the best of them
    holds only under a condition the declaration does not establish. A chain that left the EEA earlier is
    reported where it did."""
    if not crosses_onward(ctx.organisation, recipient, ctx.reference, ctx.as_of):
        return
    parent = ctx.organisation.recipient(recipient.parent)
    assessment = assessment_of(recipient, ctx)
    if assessment.status == "valid":
        return
    yield from tool_findings(ctx, assessment, (
        f"Personal data reach {recipient.name!r} in {_place(recipient, ctx)} through "
        f"{_names(ctx, chain(ctx.graph, recipient.subject))}, passed on by {parent.name!r} ({_place(parent, ctx)})"))


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
    if not outside_eea(recipient, ctx.reference, ctx.as_of):
        return
    flow = inflow(ctx.graph, recipient.subject)
    if not flow["special"]:
        return
    categories = ", ".join(ctx.organisation.category(c).name for c in flow["special"])
    assessment = flow["assessment"]
    decisive = assessment.decisive
    adequate = assessment.status == "valid" and decisive is not None and \
        ctx.reference.transfer_tool(decisive.claim.tool).kind == "adequacy"
    verdict = {"valid": "on a transfer tool pac finds valid", "unverified": "on a transfer tool valid only under a "
               "condition the declaration does not establish", "invalid": "without a valid transfer tool"}
    yield ctx.finding(
        f"Special-category data ({categories}) go to {recipient.name!r} in {_place(recipient, ctx)}, outside the "
        f"EEA, {verdict[assessment.status]}.", severity="info" if adequate else None)


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
        yield ctx.finding(f"{recipient.name!r} works as a sub-processor under {parent.name!r}, and the notice does not "
                          f"say that {parent.name!r} is bound by a processor agreement whose obligations it must pass "
                          f"on to {recipient.name!r}.", severity="warning")
    else:
        yield ctx.finding(f"{recipient.name!r} works as a sub-processor under {parent.name!r}, which the notice says "
                          f"has no processor agreement: there are no Art. 28(3) obligations to pass on to "
                          f"{recipient.name!r}.", at=agreement)


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
    flow = inflow(ctx.graph, recipient.subject)
    if flow["stated_by"] != "categories":
        return
    organisation = ctx.organisation
    used = {c for p in flow["purposes"] for c in organisation.purpose(p).categories}
    unused = [organisation.category(c).name for c in flow["categories"] if c not in used]
    if unused:
        scope = "of its activities" if recipient.activities else "of the notice"
        yield ctx.finding(f"{recipient.name!r} receives {', '.join(unused)}, which no purpose {scope} uses.")


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
    graph = ctx.graph
    route = chain(graph, recipient.subject)
    if all(graph.edges[a, b]["stated_by"] is None for a, b in zip(route, route[1:])):
        yield ctx.finding("The declaration does not say which personal data these recipients receive: it links them "
                          "to no activity and no data category.")
