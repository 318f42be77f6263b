"""The cookie checks, for every category and consent statement (checks/cookies.py)."""

from __future__ import annotations

import pytest

from checks_support import P, Findings
from pac.checking import Check, Finding
from pac_checks.cookies import analytics_cookie_consent, tracking_cookie_consent

CATEGORIES = ("strictly_necessary", "functional", "analytics", "marketing", "tracking", "social_media", "unclassified")
CONSENTS = ("asked", "not_asked", "browser_opt_out", None)


@pytest.fixture
def findings(findings: Findings) -> Findings:
    """``findings(check, cookie)``: what one check finds on one cookie (a YAML flow mapping's fields)."""

    def _findings(check: Check, cookie: str) -> list[Finding]:
        return findings(check, "recipients: [{id: meta, name: Meta, named: true, role: controller, " + P + "}]\n"
                               "cookies: [{id: c, name: Tracker, " + cookie + ", " + P + "}]\n")

    return _findings


def _cookie(category: str, consent: str | None, type: str = "cookie") -> str:
    return f"type: {type}, category: {category}" + (f", consent: {consent}" if consent else "")


def _expected_tracking(category: str, consent: str | None) -> list[str]:
    if category not in ("marketing", "tracking", "social_media", "unclassified") or consent == "asked":
        return []
    return ["warning"] if consent is None else ["error"]


def _expected_analytics(category: str, consent: str | None) -> list[str]:
    return ["warning"] if category == "analytics" and consent != "asked" else []


@pytest.mark.parametrize("consent", CONSENTS)
@pytest.mark.parametrize("category", CATEGORIES)
def test_tracking_cookies_need_prior_consent(findings: Findings, category: str, consent: str | None):
    found = findings(tracking_cookie_consent, _cookie(category, consent))
    assert [f.severity for f in found] == _expected_tracking(category, consent)


@pytest.mark.parametrize("consent", CONSENTS)
@pytest.mark.parametrize("category", CATEGORIES)
def test_analytics_without_consent_must_be_privacy_friendly(findings: Findings, category: str, consent: str | None):
    found = findings(analytics_cookie_consent, _cookie(category, consent))
    assert [f.severity for f in found] == _expected_analytics(category, consent)
    assert all("little or no effect" in f.message and "Tw art. 11.7a(3)" in f.message for f in found)


def test_trackers_treated_alike_are_one_root_cause(findings: Findings):
    (found,) = findings(tracking_cookie_consent, _cookie("marketing", "browser_opt_out", "pixel") + ", provider: meta")
    assert found.subject.startswith("cookies/")
    assert "browser opt-out is not consent" in found.message and "CJEU C-673/17" in found.articles


@pytest.mark.parametrize(("consent", "words"), [
    ("not_asked", "without asking"), ("browser_opt_out", "opt-out is not consent"), (None, "does not say whether")])
def test_messages_say_what_the_notice_states_about_consent(findings: Findings, consent: str | None, words: str):
    (found,) = findings(tracking_cookie_consent, _cookie("social_media", consent, "embed"))
    assert words in found.message


@pytest.mark.parametrize(("consent", "words"), [
    ("not_asked", "placed without consent"), ("browser_opt_out", "which is not consent"),
    (None, "does not say whether")])
def test_analytics_messages_say_what_the_notice_states(findings: Findings, consent: str | None, words: str):
    (found,) = findings(analytics_cookie_consent, _cookie("analytics", consent))
    assert words in found.message and "'Tracker' (analytics cookie)" in found.message
