"""Special categories the context reveals (checks/sensitive_context.py)."""

from __future__ import annotations

import pytest

from checks_support import P, Findings
from pac_checks.sensitive_context import context_special_categories


def _activity(categories: str = "[email]", purposes: str = f"[{{id: p, name: News, legal_basis: consent, {P}}}]",
              claims: str = "") -> str:
    notice = f"notice: {{claims: [{{claim: no_special_categories, {P}}}], {P}}}\n" if claims else ""
    return notice + f"""\
data_categories:
  - {{id: email, name: E-mail, {P}}}
  - {{id: condition, name: Condition, special: health, {P}}}
activities:
  - {{id: a, name: Patients' newsletter, categories: {categories}, context_reveals: [{{special: health, {P}}}],
     purposes: {purposes}, {P}}}
"""


def test_the_context_reveals_health(findings: Findings):
    (found,) = findings(context_special_categories, _activity())
    assert found.message == ("The context of \"Patients' newsletter\" can reveal health data, yet the notice states no "
                             "condition of Art. 9(2) for 'News'.")
    (denied,) = findings(context_special_categories, _activity(claims="yes"))
    assert denied.message.endswith("The notice says it processes no special categories.")


@pytest.mark.parametrize("body", [
    _activity(categories="[email, condition]"),  # declared as health data: special-category-condition-stated judges it
    _activity(purposes=f"[{{id: p, name: News, legal_basis: consent, art9_condition: explicit_consent, {P}}}]"),
])
def test_silent_when_declared_or_conditioned(findings: Findings, body: str):
    assert findings(context_special_categories, body) == []
