"""Special categories that the context of the processing reveals, although no declared data are one
(GDPR Art. 9(1)-(2); CJEU C-184/20, C-252/21)."""

from __future__ import annotations

from pac import Context, check, say
from pac.model import Activity


@check("context-special-categories", title="Data whose context reveals a special category rest on an Art. 9(2) condition",
       articles=["GDPR Art. 9(1)", "GDPR Art. 9(2)", "CJEU C-184/20", "CJEU C-252/21"], severity="warning",
       subject="activities",
       remedy="Treat these data as special-category data and state the condition of Art. 9(2) (for example explicit "
              "consent) for each purpose, or explain in the notice why they reveal nothing of the kind.")
def context_special_categories(activity: Activity, ctx: Context):
    """Art. 9(1) covers not only data that are sensitive by nature but also data that reveal a special category
    indirectly, after an intellectual operation of deduction or cross-referencing (CJEU C-184/20, OT, 1 August
    2022); data about a person's visits to or sign-ups on websites or apps can do so (CJEU C-252/21, Meta
    Platforms v Bundeskartellamt, 4 July 2023). The name on a newsletter of a patient community, or a help request
    on a care platform, can therefore reveal a health condition although the notice lists only a name and an
    e-mail address. Such processing needs a condition of Art. 9(2) for each purpose.

    The check applies where the declaration records that the context reveals a special category
    (``context_reveals``) that none of the activity's data categories is declared as, and some purpose of the
    activity states no Art. 9(2) condition. Whether the context really reveals it is a judgement the controller
    may argue otherwise, hence a warning; it says so when the notice denies processing special categories."""
    declared = {ctx.organisation.category(c).special for c in activity.categories}
    without = [p for p in activity.purposes if p.art9_condition is None]
    notice = ctx.organisation.notice
    denied = next((c for c in notice.claims if c.claim == "no_special_categories"), None) if notice else None
    for revealed in activity.context_reveals:
        if revealed.special in declared or not without:
            continue
        yield ctx.finding(say("context-reveals" + ("-denied" if denied else ""), name=activity.name,
                              label=ctx.special_label(revealed.special), purposes=tuple(p.name for p in without)),
                          at=revealed,
                          evidence=[*revealed.provenance, *(denied.provenance if denied else ())])
