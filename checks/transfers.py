"""Transfers outside the EEA: a valid Chapter V tool for every recipient, and what the notice must say about it
(GDPR Art. 13(1)(f), 44-49)."""

from __future__ import annotations

from itertools import islice
from typing import Iterator

from pac import Context, Finding, Phrase, ToolVerdict, TransferAssessment, check, say, word
from pac.model import Organisation, Recipient, TransferClaim

_MODULES = {"processor": 2, "sub_processor": 3, "controller": 1, "joint_controller": 1, "public_authority": 1}
"""The module of the 2021 clauses (Decision (EU) 2021/914) for a transfer to a recipient in each role; the exporter
of a transfer to a sub-processor is its processor. A plain 'recipient' has no known role."""


_ROUTE_ENDS = 3
"""How many recipients a long route names at its end (besides its head): a route thousands deep is no longer
than a short one."""


def _route(organisation: Organisation, recipient: Recipient) -> list[str]:
    """The names of the recipients data pass to reach ``recipient``: all of them, or for a long chain its head,
    how many follow, and the last :data:`_ROUTE_ENDS`."""
    depth = organisation.depth(recipient)
    if depth <= _ROUTE_ENDS + 2:
        return [r.name for r in organisation.chain(recipient)]
    last = [r.name for r in islice(organisation.upstream(recipient), _ROUTE_ENDS)][::-1]
    return [organisation.head(recipient).name, say("route-more", n=depth - 1 - _ROUTE_ENDS), *last]


def _articles(ctx: Context, verdict: ToolVerdict | None = None, *more: str) -> tuple[str, ...]:
    """The check's articles (or ``more``), then the verdict's, as the controller's law cites them."""
    return ctx.regime.cites((*(more or ctx.check.articles), *(verdict.articles if verdict else ())))


def _tool_findings(ctx: Context, assessment: TransferAssessment, where: str) -> Iterator[Finding]:
    """The findings on a transfer ``assessment`` does not find valid, each beginning with ``where``: that no tool is
    stated, or every claimed tool that fails (an error when none carries the transfer, a warning when the best holds
    only under a condition the declaration does not establish, or where adequacy regulations pac's data do not
    establish would carry it without a claim)."""
    recipient = assessment.recipient
    if not assessment.verdicts:
        unverified = assessment.status == "unverified"
        yield ctx.finding(say("transfer-adequacy-unverified" if unverified else "transfer-no-tool", where=where,
                              reason=assessment.reason),
                          evidence=recipient.country_provenance + recipient.provenance, articles=_articles(ctx),
                          severity="warning" if unverified else None)
    severity = "error" if assessment.status == "invalid" else "warning"
    general = "-general" if assessment.general else ""
    for verdict in (v for v in assessment.verdicts if v.verdict != "valid"):
        yield ctx.finding(say(f"transfer-tool-{verdict.verdict}{general}", where=where,
                              tool=ctx.tool_name(verdict.claim), reason=verdict.reason),
                          at=verdict.claim, articles=_articles(ctx, verdict), severity=severity)


@check("transfer-tool-valid", title="Every recipient outside the EEA has a valid transfer tool",
       articles=["GDPR Art. 44", "GDPR Art. 45(1)", "GDPR Art. 46(1)", "GDPR Art. 49(1)"], severity="error",
       subject="recipients",
       remedy="Name a transfer tool that covers this recipient on this date: an adequacy decision whose scope it is in "
              "(e.g. DPF certification), the 2021 standard contractual clauses, binding corporate rules, or for "
              "occasional transfers only an Art. 49 derogation; or keep the data in the EEA.")
def transfer_tool_valid(recipient: Recipient, ctx: Context):
    """Personal data may go to a third country only under Chapter V (Art. 44): an adequacy decision in force whose
    scope covers the recipient (Art. 45: Canada PIPEDA organisations, Japan APPI operators, Korea PIPA, Israel
    automated transfers, the United States only organisations certified under the Data Privacy Framework), appropriate
    safeguards (Art. 46: the standard contractual clauses of Decision (EU) 2021/914 from 2021-06-27; those of 2001,
    2004 and 2010 only in contracts concluded by 2021-09-26, and from then on only until 2022-12-27 for unchanged
    processing, Art. 4 of that Decision; binding corporate rules, Art. 47), or a derogation (Art. 49), for occasional
    transfers only (EDPB Guidelines 2/2018). A processor agreement (Art. 28) or unspecified 'appropriate measures' is
    no transfer tool; Safe Harbour fell on 2015-10-06 (CJEU C-362/14) and the Privacy Shield on 2020-07-16 (CJEU
    C-311/18). A country whose adequacy decision has no scope condition needs no claim: the transfer is lawful
    (Art. 45(1)), and only the notice's silence about the decision is reported (Art. 13(1)(f), a warning). Every
    claimed tool that fails is reported: as an error when no claimed tool carries the transfer, as a
    warning when the best of them holds only under a condition the declaration does not establish. Where the
    recipient's country is unknown, only its own claims that fail wherever the data go are judged (see
    recipient-country-known); a sub-processor outside the EEA under a processor that is not is judged by
    onward-transfer-tool, which names the route. A controller established in the UK is judged under the UK GDPR
    instead: data that stay in the UK are no transfer, the EEA and the other countries of UK adequacy regulations
    (DPA 2018 Sch. 21 para. 5, SI 2022/1213, SI 2023/1028) need no tool, the IDTA and the UK Addendum (DPA 2018
    s.119A) are its clauses, and the findings cite its articles."""
    if ctx.transferred_onward(recipient):
        return
    assessment = ctx.transfer(recipient)
    if assessment.status == "unknown_country":
        for claim in recipient.transfer_tools:
            verdict = ctx.failing_anywhere(claim)
            if verdict is not None:
                yield ctx.finding(say("transfer-tool-nowhere", name=recipient.name, tool=ctx.tool_name(claim),
                                      reason=verdict.reason), at=claim, articles=_articles(ctx, verdict))
        return
    country, law = ctx.place(recipient.country), assessment.regime
    if assessment.status == "valid" and not assessment.verdicts:
        yield ctx.finding(say(law.phrase("transfer-adequacy-unmentioned"), name=recipient.name, country=country,
                              reason=assessment.reason, area=law.area), severity="warning",
                          articles=_articles(ctx, None, "GDPR Art. 13(1)(f)", "GDPR Art. 45(1)"))
    if assessment.status in ("domestic", "valid"):
        return
    # a tool claimed for transfers in general fails alike for every recipient it is to carry: one root cause
    where = assessment.where or country
    yield from _tool_findings(ctx, assessment, say("transfer-to-recipients", where=where, area=law.area)
                              if assessment.general and assessment.verdicts else
                              say("transfer-to", name=recipient.name, where=where, area=law.area))


@check("onward-transfer-tool", title="Data a processor passes on to a third country travel on a valid transfer tool",
       articles=["GDPR Art. 44", "GDPR Art. 46(1)", "GDPR Art. 28(4)", "EDPB Guidelines 05/2021"], severity="error",
       subject="recipients",
       topic="flows",
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
    if not ctx.transferred_onward(recipient):
        return
    organisation = ctx.organisation
    parent = organisation.recipient(recipient.parent)
    assessment = ctx.transfer(recipient)
    if assessment.status == "valid":
        return
    yield from _tool_findings(ctx, assessment, say(
        "onward-transfer", name=recipient.name, country=ctx.place(recipient.country),
        route=(organisation.name, *_route(organisation, recipient)), parent=parent.name,
        parent_country=ctx.place(parent.country)))


@check("recipient-country-known", title="It is known where each recipient processes the data",
       articles=["GDPR Art. 13(1)(f)", "GDPR Art. 44"], severity="warning", subject="recipients",
       remedy="Encode the country where this recipient processes the data, from the notice or as a public fact with "
              "its source; if it is outside the EEA, the notice must say so and name the transfer tool.")
def recipient_country_known(recipient: Recipient, ctx: Context):
    """Whether personal data leave the EEA depends on where the recipient processes them. If they do, the notice must
    say so and name the adequacy decision or safeguard relied on (Art. 13(1)(f), 14(1)(f)), and the transfer needs a
    Chapter V tool (Art. 44). A declaration that does not state the recipient's country leaves both unchecked: this is
    a warning, not an error, because the notice need not name the country of a recipient inside the EEA; unnamed
    suppliers and categories of recipients are no exception (their country and safeguard cannot be assessed
    either). Public authorities receive data under the law that entitles them, as a rule the controller's own:
    for them it is context (info). One finding lists every recipient concerned: the root cause is the notice's
    silence on where data go. A named company whose EU entity and seat public sources give (pac's reference data
    on well-known recipients) gets its own finding: there the country can be encoded as a public fact. Where the
    notice says only that the data go outside the EEA (a further place of processing without a country), the
    transfer is judged (transfer-tool-valid), but which adequacy decision could apply, and whether the notice had to
    name one, stays open: a warning of its own."""
    if recipient.country is not None:
        return
    law = ctx.regime
    named = dict(area=law.area, **law.named()) if law.rule else {}
    if any(p.country is None for p in recipient.locations):
        yield ctx.finding(say(law.phrase("recipient-country-outside-eea"), **named), articles=_articles(ctx))
        return
    known = ctx.reference.known_recipient(recipient.name) if recipient.named and law.rule is None else None
    if known is not None:  # pac's data give the entity that serves users in the EU, not in the UK
        yield ctx.finding(say("recipient-country-known-entity"))
    else:
        yield ctx.finding(say(law.phrase("recipient-country-unknown"), **named), articles=_articles(ctx),
                          severity="info" if recipient.role == "public_authority" else None)


@check("general-transfer-tools-valid", title="The safeguards the notice names for transfers are transfer tools",
       articles=["GDPR Art. 44", "GDPR Art. 46(1)", "GDPR Art. 13(1)(f)"], severity="error", subject="organisation",
       remedy="Name the Chapter V tool actually relied on (adequacy decision, 2021 standard contractual clauses, "
              "binding corporate rules) instead of this one, and put it in place.")
def general_transfer_tools_valid(organisation: Organisation, ctx: Context):
    """Where a notice says that personal data go outside the EEA and names, for those transfers in general, something
    that carries no transfer whatever the destination - a processor agreement (Art. 28(3)), unspecified 'appropriate
    measures', Safe Harbour after 2015-10-06 (CJEU C-362/14), the Privacy Shield after 2020-07-16 (CJEU C-311/18), or
    standard contractual clauses no longer valid - the transfers it announces have no Chapter V tool (Art. 44, 46(1))
    and the notice gives no valid safeguard (Art. 13(1)(f)). Tools whose worth depends on the destination are judged
    per recipient (transfer-tool-valid)."""
    for claim in organisation.transfer_tools:
        verdict = ctx.failing_anywhere(claim)
        if verdict is not None:
            yield ctx.finding(say("general-transfer-tool-invalid", tool=ctx.tool_name(claim), reason=verdict.reason,
                                  area=ctx.regime.area), at=claim, articles=_articles(ctx, verdict))


_ART_49_1_SECOND = "derogation_compelling_legitimate_interests"
"""The one derogation whose safeguards Art. 13(1)(f) asks the notice to refer to."""


def _copy_needed(claim: TransferClaim, ctx: Context) -> bool:
    tool = ctx.reference.transfer_tool(claim.tool, ctx.regime.jurisdiction)
    return claim.reference is None and (tool.kind == "safeguard" or claim.tool == _ART_49_1_SECOND)


def _claims_with_transfers(organisation: Organisation, ctx: Context) -> Iterator[tuple[TransferClaim, Phrase]]:
    """The notice's claims, each with whom it is claimed for; a recipient's own claims only where it is (or may
    be) outside home (the EEA; the UK under the UK GDPR)."""
    for claim in organisation.transfer_tools:
        yield claim, say("scope-transfers", area=ctx.regime.area)
    for recipient in organisation.recipients:
        if ctx.transfer(recipient).status != "domestic":
            for claim in recipient.transfer_tools:
                yield claim, say("scope-transfers-to", name=recipient.name)


@check("safeguard-copy-available", title="The notice says how to obtain a copy of the transfer safeguards",
       articles=["GDPR Art. 13(1)(f)", "GDPR Art. 14(1)(f)", "WP260 rev.01"], severity="warning",
       subject="organisation",
       remedy="Say where the safeguards can be read or how a copy can be obtained (e.g. a link to the clauses, or a "
              "contact address to request them).")
def safeguard_copy_available(organisation: Organisation, ctx: Context):
    """For transfers under appropriate safeguards (Art. 46), binding corporate rules (Art. 47) or the compelling
    legitimate interests derogation (Art. 49(1) second subparagraph), the notice must refer to the safeguards and say
    how to obtain a copy of them or where they are available (Art. 13(1)(f), 14(1)(f)); WP260 rev.01 (Annex) gives a
    link to the mechanism as an example. A warning: the route may be given elsewhere in the notice in words the
    declaration does not record."""
    for claim, scope in _claims_with_transfers(organisation, ctx):
        if _copy_needed(claim, ctx):
            yield ctx.finding(say("safeguard-copy-missing", scope=scope, tool=ctx.tool_name(claim)), at=claim,
                              articles=_articles(ctx))


@check("scc-module-matches-role", title="The module of the standard contractual clauses fits the recipient's role",
       articles=["GDPR Art. 46(2)(c)"], severity="warning", subject="recipients",
       remedy="Use the module that matches the parties' roles: module 1 to a controller, module 2 to a processor, "
              "module 3 between a processor and its sub-processor; or correct the recipient's role.")
def scc_module_matches_role(recipient: Recipient, ctx: Context):
    """The 2021 standard contractual clauses (Decision (EU) 2021/914, adopted under Art. 46(2)(c)) come in modules
    for the roles of exporter and importer: module 1 controller to controller, module 2 controller to processor,
    module 3 processor to processor, module 4 processor to controller. Clauses of a module that does not fit the
    parties' roles may not give the safeguards that transfer needs. A warning: who signs as exporter (e.g. the
    controller itself with a sub-processor) may justify another module."""
    expected = _MODULES.get(recipient.role)
    if expected is None or ctx.transfer(recipient).status == "domestic":
        return
    role = word("role", recipient.role)
    clauses = ctx.reference.transfer_tool("scc", ctx.regime.jurisdiction).article  # with the UK Addendum in the UK
    for claim in ctx.organisation.transfer_claims(recipient):
        if claim.tool == "scc" and claim.module is not None and claim.module != expected:
            yield ctx.finding(say("scc-module-mismatch", module=claim.module, label=word("scc-module", str(claim.module)),
                                  name=recipient.name, role=role, expected=expected, expected_label=word("scc-module", str(expected))),
                              at=claim, articles=_articles(ctx, None, *clauses.split(", ")))
