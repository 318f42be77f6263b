"""``pac draft``: cookies and similar trackers (category, provider, consent) and the score's cookies kind."""

from __future__ import annotations

from pathlib import Path

from pac import load
from pac.draft.compare import facts, unmatched


def _declared(tmp_path: Path, name: str, cookies: str, recipients: str = "") -> object:
    path = tmp_path / f"{name}.yaml"
    path.write_text(f"pac: 1\norganisation: {name}\n{recipients}cookies:\n{cookies}", encoding="utf-8")
    (organisation,) = load([path])
    return facts(organisation)["cookies"]


def test_the_score_counts_a_cookie_as_its_category_and_provider(tmp_path: Path):
    ga = "recipients:\n  - {id: ga, name: Google Analytics LLC, named: true, role: recipient, provenance: {section: Cookies, quote: x}}\n"
    reviewed = _declared(tmp_path, "reviewed",
                         "  - {id: a, name: _ga, type: cookie, category: analytics, provider: ga, provenance: {section: Cookies, quote: x}}\n"
                         "  - {id: b, name: _gid, type: cookie, category: analytics, provider: ga, provenance: {section: Cookies, quote: x}}\n"
                         "  - {id: c, name: Session, type: cookie, category: strictly_necessary, provenance: {section: Cookies, quote: x}}\n", ga)
    assert sorted(reviewed, key=str) == [("analytics", "google analytics"), ("strictly_necessary", None)]
    ga_short = "recipients:\n  - {id: g, name: Google Analytics, named: true, role: recipient, provenance: {section: Cookies, quote: x}}\n"
    drafted = _declared(tmp_path, "drafted",
                        "  - {id: a, name: Analytics cookies, type: cookie, category: analytics, provider: g, provenance: {section: Cookies, quote: x}}\n"
                        "  - {id: c, name: Necessary cookies, type: cookie, category: strictly_necessary, provenance: {section: Cookies, quote: x}}\n",
                        ga_short)
    assert not unmatched(drafted, reviewed, "cookies") and not unmatched(reviewed, drafted, "cookies")
    unnamed = _declared(tmp_path, "unnamed", "  - {id: a, name: Analytics cookies, type: cookie, category: analytics, "
                                             "provenance: {section: Cookies, quote: x}}\n")
    assert unmatched(unnamed, reviewed, "cookies") == [("analytics", None)]  # the provider the notice names is missed
