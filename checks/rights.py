"""Conditions on the data subject's rights that the GDPR does not allow (GDPR Art. 12(2), 12(5), 15, 17, 77)."""

from __future__ import annotations

from pac import Context, check
from pac.model import Notice

ANY = "*"
CONDITIONS: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    ("complaint", "after_talks_with_controller"): (
        "presents the right to complain to the supervisory authority as available only after talks with the "
        "controller have failed; Art. 77(1) gives every data subject that right without that condition",
        ("GDPR Art. 77(1)", "GDPR Art. 13(2)(d)")),
    ("erasure", "after_contract_end"): (
        "allows erasure only once the contract has ended; the grounds of Art. 17(1), such as withdrawn consent, an "
        "objection or unlawful processing, can arise while it lasts",
        ("GDPR Art. 17(1)", "GDPR Art. 12(2)")),
    ("erasure", "limited_grounds"): (
        "allows erasure only on some of the grounds of Art. 17(1); the right arises on each of them, including "
        "withdrawn consent, an objection and unlawful processing",
        ("GDPR Art. 17(1)", "GDPR Art. 12(2)")),
    ("access", "must_specify_data"): (
        "requires an access request to say which data it concerns; the right covers all of the requester's data "
        "(Art. 15(1)), and a controller may ask to specify only where it processes a large quantity of them "
        "(Recital 63), never as a condition",
        ("GDPR Art. 15(1)", "GDPR Art. 12(2)", "EDPB Guidelines 01/2022")),
    (ANY, "after_contract_end"): (
        "allows the {right} only once the contract has ended; the GDPR attaches no such condition to it",
        ("GDPR Art. 12(2)",)),
    (ANY, "in_writing"): (
        "accepts only a written request for the {right}; the controller must facilitate the exercise of rights "
        "(Art. 12(2)) and a request needs no particular form",
        ("GDPR Art. 12(2)", "EDPB Guidelines 01/2022")),
    (ANY, "fee"): (
        "charges a fee for the {right}; requests are free of charge unless manifestly unfounded or excessive "
        "(Art. 12(5)), and "
        "only further copies may be charged for (Art. 15(3))",
        ("GDPR Art. 12(5)", "GDPR Art. 15(3)")),
}
"""For each (right, condition) the notice attaches, why the GDPR does not allow it and where it says so; ``*``
matches any right. Conditions not listed (verifying the requester's identity, Art. 12(6)) draw nothing."""
NAMES = {"access": "right of access", "rectification": "right to rectification", "erasure": "right to erasure",
         "restriction": "right to restriction", "portability": "right to data portability",
         "objection": "right to object", "no_automated_decision": "right not to be subject to an automated decision",
         "withdraw_consent": "right to withdraw consent", "complaint": "right to lodge a complaint"}


@check("right-conditions-allowed", title="The notice attaches no condition to a right that the GDPR does not allow",
       articles=["GDPR Art. 12(2)", "GDPR Art. 12(5)", "GDPR Art. 15(1)", "GDPR Art. 17(1)", "GDPR Art. 77(1)"],
       severity="warning", subject="notice",
       remedy="Remove the condition: state the right as the GDPR grants it, exercisable by any means, free of charge, "
              "without prior steps.")
def right_conditions_allowed(notice: Notice, ctx: Context):
    """The controller must facilitate the exercise of the data subject's rights (Art. 12(2)) and act on requests
    free of charge, unless they are manifestly unfounded or excessive (Art. 12(5)). The rights themselves come
    with the conditions the GDPR sets and no others: access extends to all of the data subject's data (Art.
    15(1); a controller holding much may ask to specify, Recital 63, but not make that a condition: EDPB
    Guidelines 01/2022 on the right of access, which also say a request needs no particular form); erasure
    arises on each ground of Art. 17(1), whether or not a contract still runs; and every data subject may lodge
    a complaint with a supervisory authority without prejudice to any other remedy (Art. 77(1)), so not only
    after talks with the controller. A notice that adds such a condition discourages the data subject from
    exercising the right; whether the controller applies it in practice the notice does not show, hence a
    warning. Verifying the requester's identity where there is reasonable doubt is allowed (Art. 12(6))."""
    for right in notice.rights:
        for restriction in right.restrictions:
            rule = CONDITIONS.get((right.right, restriction.condition)) or CONDITIONS.get((ANY, restriction.condition))
            if rule is None:
                continue
            why, articles = rule
            yield ctx.finding(f"The notice {why.format(right=NAMES[right.right])}.", at=restriction, articles=articles)
