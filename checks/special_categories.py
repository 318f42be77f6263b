"""Special categories and criminal-offence data: the ban of GDPR Art. 9(1) and what lifts it; Art. 10."""

from __future__ import annotations

from pac import Context, check, say
from pac.model import Purpose


@check("special-category-condition-stated", title="Special-category data rest on a condition of Art. 9(2)",
       articles=["GDPR Art. 9(1)", "GDPR Art. 9(2)", "GDPR Art. 4(5)", "WP216"], severity="error",
       subject="purposes",
       remedy="State which condition of Art. 9(2) (for example explicit consent) allows these data to be used for "
              "this purpose, or stop using them for it.")
def special_category_condition_stated(purpose: Purpose, ctx: Context):
    """Processing data that reveal racial or ethnic origin, political opinions, religious or philosophical
    beliefs or trade union membership, genetic data, biometric data that identify a person, and data
    concerning health, sex life or sexual orientation is prohibited (Art. 9(1)) unless one of the
    conditions of Art. 9(2) applies, in addition to a basis of Art. 6(1).

    Pseudonymised data are still personal data (Recital 26; Art. 4(5)), so analytics or AI training on
    pseudonymised special-category data needs a condition as much as any other use. Data that are truly
    anonymous fall outside the GDPR (Recital 26), but anonymising (or aggregating) personal data is itself
    processing of them (WP216, the Article 29 Working Party's opinion on anonymisation techniques), and
    whether the result is anonymous depends on facts the declaration does not show; a purpose the notice
    says works on anonymised or aggregated data therefore draws a warning rather than an error."""
    special = ctx.organisation.special_categories(purpose.categories)
    if not special or purpose.art9_condition is not None:
        return
    # one root cause per set of data, on every purpose that uses them (pseudonymised data are still personal
    # data, Recital 26 and Art. 4(5), so those purposes share it)
    names = ctx.special_names(special)
    if purpose.deidentification in ("anonymised", "aggregated"):
        yield ctx.finding(say(f"special-condition-missing-{purpose.deidentification}", names=names),
                          severity="warning", articles=["GDPR Art. 9(1)", "GDPR Art. 9(2)", "WP216"])
    else:
        yield ctx.finding(say("special-condition-missing", names=names), articles=["GDPR Art. 9(1)", "GDPR Art. 9(2)"])


@check("criminal-data-authorised", title="Data on criminal offences rest on a law that authorises them",
       articles=["GDPR Art. 10"], severity="warning", subject="purposes",
       national=["criminal_data"],
       remedy="Name the provision of Union or Member State law that authorises processing these data for this "
              "purpose, or stop processing them.")
def criminal_data_authorised(purpose: Purpose, ctx: Context):
    """Personal data relating to criminal convictions and offences are not a special category of Art. 9(1):
    they may be processed only under the control of official authority or when Union or Member State law
    authorises the processing with appropriate safeguards for the data subjects (Art. 10).

    In the Netherlands those authorisations are in the Uitvoeringswet AVG (articles 31 to 33 according to
    secondary sources; pac's reference data marks these article numbers unverified, so this check does not
    cite them). Some of them let a private controller process such data for its own purposes, and a notice
    need not name the provision it relies on. A purpose that uses these data without naming a law is
    therefore a warning: the authorisation must be confirmed, but its absence from the notice does not prove
    that the processing is unlawful."""
    criminal = ctx.organisation.criminal_categories(purpose.categories)
    if criminal and purpose.statute is None:
        names = tuple(c.name for c in criminal)
        rule = ctx.national_rule("criminal_data")
        where = f" For the controller's country pac's reference data note: {rule.rule}{rule.caveat()}." if rule else ""
        yield ctx.finding(say("criminal-law-missing", name=purpose.name, names=names), remedy=ctx.check.remedy + where)
