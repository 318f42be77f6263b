"""The cookie checks, for every category and consent statement (checks/cookies.py)."""

from __future__ import annotations

from datetime import date

import pytest

from checks_support import AS_OF, P, Findings
from pac.checking import Check, Finding
from pac_checks.cookies import analytics_cookie_consent, tracking_cookie_consent

CATEGORIES = ("strictly_necessary", "functional", "analytics", "marketing", "tracking", "social_media", "unclassified")
CONSENTS = ("asked", "not_asked", "browser_opt_out", None)


@pytest.fixture
def findings(findings: Findings) -> Findings:
    """``findings(check, cookie)``: what one check finds on one cookie (a YAML flow mapping's fields)."""

    def _findings(check: Check, cookie: str, country: str | None = "NL", as_of: date = AS_OF) -> list[Finding]:
        controller = f"controller: {{legal_name: Shop, country: {country}, {P}}}\n" if country else ""
        return findings(check, controller + "recipients: [{id: meta, name: Meta, named: true, role: controller, " + P
                        + "}]\ncookies: [{id: c, name: Tracker, " + cookie + ", " + P + "}]\n", as_of=as_of)

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


@pytest.mark.parametrize(("country", "as_of", "law"), [
    ("NL", AS_OF, "Tw art. 11.7a"), ("DE", date(2024, 5, 13), "TTDSG § 25"), ("DE", date(2024, 5, 14), "TDDDG § 25"),
    ("FR", AS_OF, "LIL art. 82"), ("BE", date(2021, 6, 1), "LCE art. 129"),
    ("BE", AS_OF, "Law of 30 July 2018 art. 10/2")])
def test_tracking_findings_cite_the_law_of_the_controllers_country_on_the_date(
        findings: Findings, country: str, as_of: date, law: str):
    (found,) = findings(tracking_cookie_consent, _cookie("marketing", "not_asked"), country, as_of)
    assert found.severity == "error" and law in found.articles and law in found.message
    assert not any(other in found.message + " ".join(found.articles) for other in
                   {"Tw art. 11.7a", "TTDSG § 25", "TDDDG § 25", "LIL art. 82", "LCE art. 129",
                    "Law of 30 July 2018 art. 10/2"} - {law})


@pytest.mark.parametrize(("country", "as_of"), [(None, AS_OF), ("SE", AS_OF), ("DE", date(2021, 11, 30))])
def test_without_a_national_rule_pac_says_so_and_cites_no_other_countrys_law(
        findings: Findings, country: str | None, as_of: date):
    for check in (tracking_cookie_consent, analytics_cookie_consent):
        category = "analytics" if check is analytics_cookie_consent else "marketing"
        (found,) = findings(check, _cookie(category, "not_asked"), country, as_of)
        assert found.severity == "info" and "pac has no rule of the law of" in found.message
        assert "Tw" not in " ".join(found.articles) + found.message and "Directive 2002/58/EC art. 5(3)" in found.articles


@pytest.mark.parametrize(("country", "severity"), [("NL", "warning"), ("FR", "warning"), ("DE", "error"),
                                                   ("BE", "error")])
def test_analytics_without_consent_is_an_error_where_the_law_exempts_no_analytics(
        findings: Findings, country: str, severity: str):
    (found,) = findings(analytics_cookie_consent, _cookie("analytics", "not_asked"), country)
    assert found.severity == severity
