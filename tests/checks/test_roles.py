"""Roles judged on conduct: joint controllers, processors with purposes of their own, storage denied as
processing, a controller calling itself processor (checks/roles.py)."""

from __future__ import annotations

import pytest

from checks_support import P, Findings
from pac_checks.roles import (controller_role_clear, joint_controller_arrangement, processor_acts_as_controller,
                              storage_is_processing)


def _site(role: str, cookie: str, extra: str = "") -> str:
    return (f"recipients: [{{id: x, name: X, named: true, role: {role}, {extra}{P}}}]\n"
            f"cookies: [{{id: c, name: X plugin, {cookie}, provider: x, {P}}}]\n")


@pytest.mark.parametrize("cookie", ["type: pixel, category: marketing", "type: embed, category: functional",
                                    "type: script, category: social_media", "type: cookie, category: tracking"])
def test_a_third_party_collecting_through_the_site_is_a_joint_controller(findings: Findings, cookie: str):
    (found,) = findings(joint_controller_arrangement, _site("controller", cookie))
    assert found.severity == "warning" and found.subject == "recipients/x"
    assert found.message == ("'X' collects visitors' data through 'X plugin' on the controller's site for its own ends; "
                             "for that collection and transmission the controller and 'X' are joint controllers, and "
                             "the notice makes no arrangement between them available.")
    assert "CJEU C-40/17" in found.articles


@pytest.mark.parametrize(("role", "cookie", "extra"), [
    ("processor", "type: embed, category: social_media", ""),          # works on the controller's behalf
    ("recipient", "type: pixel, category: marketing", ""),             # role not stated: not presumed
    ("controller", "type: cookie, category: analytics", ""),           # first-party-style analytics cookie
    ("controller", "type: cookie, category: functional", ""),
    ("controller", "type: pixel, category: marketing",
     f"joint_arrangement: {{description: each answers for its own stage, {P}}}, "),
])
def test_silent_without_own_ends_or_with_an_arrangement(findings: Findings, role: str, cookie: str, extra: str):
    assert findings(joint_controller_arrangement, _site(role, cookie, extra)) == []


def test_social_login_and_declared_joint_controllers(findings: Findings):
    body = (f"recipients:\n  - {{id: fb, name: FB, named: true, role: controller, "
            f"integrations: [{{integration: social_login, {P}}}, {{integration: fan_page, {P}}}], {P}}}\n"
            f"  - {{id: j, name: J, named: true, role: joint_controller, {P}}}\n")
    messages = {f.subject: f.message for f in findings(joint_controller_arrangement, body)}
    assert "log-in with its account, the controller's page on its network" in messages["recipients/fb"]
    assert messages["recipients/j"] == "The notice calls 'J' a joint controller, but makes no arrangement between them available."


def test_a_processor_with_purposes_of_its_own(findings: Findings):
    body = (f"recipients: [{{id: m, name: M, named: true, role: processor, "
            f"own_purposes: [{{description: its own newsletter, {P}}}], {P}}}]\n")
    (found,) = findings(processor_acts_as_controller, body)
    assert found.message == ("The notice calls 'M' a processor, yet says it uses the data for its own purposes (its own "
                             "newsletter); for those uses it acts as a controller.")
    assert findings(processor_acts_as_controller, body.replace("role: processor", "role: controller")) == []
    assert findings(processor_acts_as_controller, f"recipients: [{{id: m, name: M, named: true, role: processor, {P}}}]") == []


def test_storage_denied_as_processing(findings: Findings):
    body = (f"recipients: [{{id: h, name: Host, named: false, role: processor, "
            f"processing_denied: {{description: does not process the data, {P}}}, {P}}}]\n")
    (found,) = findings(storage_is_processing, body)
    assert "storing personal data is processing" in found.message and found.articles[0] == "GDPR Art. 4(2)"
    assert findings(storage_is_processing, f"recipients: [{{id: h, name: Host, named: false, role: processor, {P}}}]") == []


@pytest.mark.parametrize(("roles", "expected"), [
    ("[processor, controller]", ["processor and controller"]), ("[processor]", ["processor"]),
    ("[controller]", []), ("[controller, joint_controller]", [])])
def test_a_controller_calling_itself_processor(findings: Findings, roles: str, expected: list[str]):
    found = findings(controller_role_clear, f"controller: {{legal_name: C, stated_roles: {{roles: {roles}, {P}}}, {P}}}\n")
    assert [f.message.split("'C' ")[1].split(" of the")[0] for f in found] == [f"{e}" for e in expected]
    assert findings(controller_role_clear, f"controller: {{legal_name: C, {P}}}\n") == []
