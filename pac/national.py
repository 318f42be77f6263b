"""The controller's jurisdiction: which country's law a check applies, and what it says when pac has none.

A check of national law asks :func:`rule_for` for the rule of the controller's country on the evaluation
date. Where there is none (no country stated, or no row for that country and date) it reports
:func:`no_rule` - an info finding naming what is missing - and never falls back on another country's law.
"""

from __future__ import annotations

from .checks import Context, Finding
from .reference import NationalRule


def jurisdiction(ctx: Context) -> str | None:
    """The country of the controller's establishment, as the declaration states it."""
    controller = ctx.organisation.controller
    return controller.country if controller else None


def rule_for(ctx: Context, topic: str) -> NationalRule | None:
    """The rule on ``topic`` of the controller's country in force on the evaluation date, or None."""
    return ctx.reference.national_rule(jurisdiction(ctx), topic, ctx.as_of)


def place(ctx: Context) -> str:
    """The controller's country in words: 'Germany (DE)', or a phrase saying it is not stated."""
    country = jurisdiction(ctx)
    if country is None:
        return "the controller's country, which the declaration does not state"
    name = ctx.reference.country_name(country)
    return f"{name} ({country})" if name else country


def no_rule(ctx: Context, what: str, consequence: str, *, at: object = None, articles: tuple[str, ...] = ()) -> Finding:
    """The info finding that pac has no rule of the controller's country on ``what`` for the evaluation date, so
    that ``consequence`` (e.g. 'whether this tracker needs consent') was not checked against national law."""
    return ctx.finding(f"pac has no rule of the law of {place(ctx)} on {what} in force on {ctx.as_of}, so "
                       f"{consequence} was not checked against national law.", at=at, severity="info",
                       articles=articles or None, evidence=())


def caveat(rule: NationalRule, *fields: str) -> str:
    """`` (pac's reference data mark this rule unverified)`` where they do, else nothing."""
    return " (pac's reference data mark this rule unverified)" if rule.unverified(*fields) else ""
