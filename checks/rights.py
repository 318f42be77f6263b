"""Conditions on the data subject's rights that the GDPR does not allow (GDPR Art. 12(2), 12(5), 15, 17, 77)."""

from __future__ import annotations

from pac import Context, check, say, word
from pac.model import Notice

ANY = "*"
CONDITIONS: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {
    ("complaint", "after_talks_with_controller"): ("complaint-after-talks", ("GDPR Art. 77(1)", "GDPR Art. 13(2)(d)")),
    ("erasure", "after_contract_end"): ("erasure-after-contract", ("GDPR Art. 17(1)", "GDPR Art. 12(2)")),
    ("erasure", "limited_grounds"): ("erasure-limited-grounds", ("GDPR Art. 17(1)", "GDPR Art. 12(2)")),
    ("access", "must_specify_data"): ("access-must-specify",
                                      ("GDPR Art. 15(1)", "GDPR Art. 12(2)", "EDPB Guidelines 01/2022")),
    (ANY, "after_contract_end"): ("after-contract", ("GDPR Art. 12(2)",)),
    (ANY, "in_writing"): ("in-writing", ("GDPR Art. 12(2)", "EDPB Guidelines 01/2022")),
    (ANY, "fee"): ("fee", ("GDPR Art. 12(5)", "GDPR Art. 15(3)")),
}
"""For each (right, condition) the notice attaches, the phrase (``right-condition.KEY``) that says why the GDPR does
not allow it, and where it says so; ``*`` matches any right. Conditions not listed (verifying the requester's
identity, Art. 12(6)) draw nothing."""


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
            yield ctx.finding(say(f"right-condition.{why}", right=word("right", right.right)), at=restriction,
                              articles=articles)
