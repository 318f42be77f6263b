"""Storage limitation after the purpose has ended: copies kept once the data subject has left
(GDPR Art. 5(1)(e), 17(1)(a))."""

from __future__ import annotations

from pac import Context, Duration, check, say
from pac.model import Activity

GRACE = Duration.parse("P3M")
"""How long pac accepts that a cancelled account is kept in case the data subject changes their mind: a policy
default of pac, not a rule of law (no supervisory authority's guidance on it is in pac's reference data)."""


@check("retention-after-cancellation", title="A cancelled account is not kept for years in case it is reactivated",
       articles=["GDPR Art. 5(1)(e)", "GDPR Art. 17(1)(a)"], severity="warning", subject="activities",
       remedy="Delete the account data when the account is cancelled, or keep them only for a short grace period, "
              "or only with the data subject's consent to keeping them.")
def retention_after_cancellation(activity: Activity, ctx: Context):
    """Personal data may be kept no longer than necessary for the purposes for which they are processed (Art.
    5(1)(e)); once they are no longer necessary, the data subject may have them erased (Art. 17(1)(a)). A data
    subject who cancels an account ends the purpose the account data served. Keeping a copy in case they want the
    account back, or cancelled by mistake, can justify a short grace period; pac accepts up to three months (its
    policy default, not law: no guidance fixes the period). A copy kept longer for reactivation, or with no end,
    serves a wish the data subject has not expressed, hence a warning."""
    for rule in activity.retention:
        if rule.reason != "reactivation":
            continue
        if rule.period is None or rule.limit == "at_least" or rule.period > GRACE:
            kept = say("kept-for", period=rule.period) if rule.period is not None and rule.limit != "at_least" else \
                say("kept-forever")
            yield ctx.finding(say("reactivation-copy", name=activity.name, kept=kept, grace=GRACE),
                              at=rule)
