"""pac's hooks: how a ``conftest.py`` or an installed package extends pac without touching it.

Implement them with :data:`pac.hookimpl` in a ``conftest.py`` (pytest and ``pac check`` both
read it) or in a module an installed package names in its ``pac`` entry points::

    [project.entry-points.pac]
    my-checks = "my_package.checks"

pac's own catalogue is registered the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping

import pluggy

if TYPE_CHECKING:  # pragma: no cover
    from .checking import Check, Finding, Severity

hookspec = pluggy.HookspecMarker("pac")
hookimpl = pluggy.HookimplMarker("pac")


@hookspec
def pac_checks() -> Iterable[Check]:
    """Return checks to add to the catalogue; each needs an id no other check has."""


@hookspec
def pac_reference_data() -> Mapping[str, Any] | None:
    """Return reference data to add or override, shaped like pac's packaged files; rows with
    a known id replace that row. For example another jurisdiction's retention minimums::

        {"src": ["MY-SOURCE"], "ver": "primary",
         "sources": [{"id": "MY-SOURCE", "title": "...", "url": "..."}],
         "retention": [{"id": "se_bookkeeping", "country": "SE", "kind": "min", "period": "P7Y", ...}]}

    another jurisdiction's national rules (``{"national_rules": [{"id": "se_terminal_equipment", "country": "SE",
    "topic": "terminal_equipment", "law": "...", "from": "2022-04-22", ...}]}``, the topics are listed in
    ``pac/reference/data/national.yaml``), or the organisations on the EU-US Data Privacy Framework List:
    ``{"dpf_certified": ["Mailchimp"]}`` (matched ignoring case, punctuation and legal-form words).
    """


@hookspec(firstresult=True)
def pac_severity(check: Check, finding: Finding) -> Severity | None:
    """Return the severity ``finding`` should have instead of its check's, or None to keep it."""
