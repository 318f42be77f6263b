"""A house rule: a check of this organisation's own, written like the checks of pac's catalogue.

`pac checks` lists the catalogue; a check here needs an id that no check there has.
"""

import pac
from pac.model import Recipient


@pac.check("house-recipients-named", title="The notice names every recipient",
           articles=["GDPR Art. 13(1)(e)", "WP260 rev.01"], severity="warning", subject="recipients",
           remedy="Name the recipient in the notice, or record why only its category is given.")
def recipients_named(recipient: Recipient, ctx: pac.Context):
    """Art. 13(1)(e) allows a notice to give recipients or categories of recipients; the guidelines on
    transparency (WP260 rev.01) say that by default the actual recipients should be named. Our house rule
    follows that default: a category alone needs a recorded reason (a waiver in policies/waivers.yaml)."""
    if not recipient.named:
        yield ctx.finding(f"The notice gives only a category of recipient, {recipient.name!r}.")


@pac.hookimpl
def pac_checks():
    return [recipients_named]
