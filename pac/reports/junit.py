"""``junit.xml``: pytest's own JUnit report of a ``pac check`` run, made deterministic.

pytest writes when and where the run happened and how long each item took; pac's reports are a
function of the input and the as-of date only, so ``pac check`` removes the time stamp and the host
name and sets every ``time`` to 0 (Jenkins and GitLab need the attribute, and a check takes no time
worth reporting). The pac properties of each item (check, articles, severity, organisation, subject) stay.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..output import write_atomic

VOLATILE = ("timestamp", "hostname")
TIMED = ("testsuite", "testcase")
"""The elements that carry a ``time`` (in seconds) in the JUnit schema JUnit consumers read."""


def strip_volatile(path: Path) -> None:
    """Rewrite the JUnit file at ``path`` without its volatile attributes and with every time 0 (atomically)."""
    root = ET.parse(path).getroot()
    for element in root.iter():
        for name in VOLATILE:
            element.attrib.pop(name, None)
        if element.tag in TIMED:
            element.set("time", "0.000")
    write_atomic(path, ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n")
