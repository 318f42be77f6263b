"""Provenance: the declaration is true to the notice it encodes (GDPR Art. 5(2), Art. 12(1))."""

from __future__ import annotations

from pac import Context, check, missing_quotes, say
from pac.model import Notice, Organisation


@check("quotes-found-in-notice", title="Every quote is found in the notice",
       articles=["GDPR Art. 5(2)", "GDPR Art. 12(1)"], severity="error", subject="organisation",
       remedy="Copy the quote verbatim from the notice (a few words), or correct the element it supports; "
              "case and white space may differ.")
def quotes_found_in_notice(organisation: Organisation, ctx: Context):
    """A declaration is evidence of what the controller tells data subjects (Art. 12(1)); the controller must be
    able to demonstrate it (Art. 5(2)). Each element quotes the notice; a quote that the notice does not contain
    means the element is not what the notice says, and every finding resting on it is unfounded. Runs when pac
    has the notice's text (``--notice ORG=PATH`` or ``notice.text_file``)."""
    text = ctx.notice_text
    if text is None:
        return
    for provenance in missing_quotes(organisation, text):
        yield ctx.finding(say("quote-not-found", quote=provenance.quote, section=provenance.section),
                          at=provenance, evidence=(provenance,))


@check("declaration-reviewed", title="The declaration has been reviewed by a person",
       articles=["GDPR Art. 5(2)"], severity="info", subject="notice",
       remedy="Review every element against the notice (first those whose provenance note starts with 'Review:'), "
              "correct what the drafter got wrong, then remove notice.draft.")
def declaration_reviewed(notice: Notice, ctx: Context):
    """The controller must be able to demonstrate what it tells data subjects (Art. 5(2)). A declaration that
    ``pac draft`` wrote from the notice text (``notice.draft``) is a program's reading of it, not yet anyone's
    encoding: findings on it may rest on a missed or misread statement, so every report on it says so."""
    if notice.draft:
        yield ctx.finding(say("unreviewed-draft", draft=notice.draft))
