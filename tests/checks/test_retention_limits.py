"""Copies of cancelled accounts kept for reactivation (checks/retention_limits.py)."""

from __future__ import annotations

import pytest

from checks_support import P, Findings
from pac_checks.retention_limits import retention_after_cancellation


def _rule(rule: str) -> str:
    return f"activities: [{{id: a, name: Accounts, retention: [{{{rule}, {P}}}], {P}}}]\n"


@pytest.mark.parametrize(("rule", "kept"), [
    ("period: P5Y, limit: exactly, reason: reactivation", "for P5Y"),
    ("period: P4M, limit: at_most, after: account_deletion, reason: reactivation", "for P4M"),
    ("period: P1M, limit: at_least, reason: reactivation", "with no end"),
    ("until: other, description: the user asks, reason: reactivation", "with no end"),
])
def test_a_copy_kept_past_the_grace_period(findings: Findings, rule: str, kept: str):
    (found,) = findings(retention_after_cancellation, _rule(rule))
    assert found.message == (f"A copy of the data of 'Accounts' is kept {kept} in case the data subject wants the "
                             "cancelled account back; pac accepts a grace period of up to P3M.")


@pytest.mark.parametrize("rule", ["period: P3M, limit: at_most, reason: reactivation",
                                  "period: P30D, limit: exactly, reason: reactivation",
                                  "period: P5Y, limit: exactly, after: contract_end"])
def test_a_grace_period_or_another_reason_draws_nothing(findings: Findings, rule: str):
    assert findings(retention_after_cancellation, _rule(rule)) == []
