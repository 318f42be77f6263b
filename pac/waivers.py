"""Waivers: findings an organisation accepts, with a justification, an owner and maybe an expiry date.

They live in ``waivers.yaml`` files next to the declarations. A waived finding is still reported,
as waived; an expired waiver no longer applies and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable

from .errors import InvalidInput, LocatedError, Location
from .loader import UNREADABLE, read_documents
from .validation import schema_errors
from .yamlio import DEFAULT_LIMITS, Limits, LocDict


@dataclass(frozen=True, slots=True)
class Waiver:
    """One waiver; ``subject`` None covers every subject of the check in the organisation."""

    check: str
    organisation: str
    subject: str | None
    justification: str
    owner: str
    expires: date | None
    location: Location

    def active_on(self, day: date) -> bool:
        """Whether the waiver applies on ``day`` (the expiry date is the last day it does)."""
        return self.expires is None or day <= self.expires

    def covers(self, check: str, organisation: str, subject: str) -> bool:
        return (self.check, self.organisation) == (check, organisation) and self.subject in (None, subject)

    def describe(self) -> str:
        until = f", until {self.expires}" if self.expires else ""
        return f"{self.justification} (owner: {self.owner}{until}; {self.location})"


def load_waivers(files: Iterable[Path], limits: Limits = DEFAULT_LIMITS) -> tuple[Waiver, ...]:
    """Read waiver files; raise :class:`InvalidInput` with every problem in them."""
    waivers: list[Waiver] = []
    errors: list[LocatedError] = []
    for name, _, data in read_documents(files, limits, errors):
        if data is UNREADABLE:
            continue
        found = schema_errors(data, name, "waivers") if isinstance(data, LocDict) else [
            LocatedError(Location(name, 1, 1), "schema", "a waiver file must be a mapping with 'pac: 1' and 'waivers:'")]
        if found:
            errors.extend(found)
            continue
        for entry in data["waivers"]:
            try:
                expires = date.fromisoformat(entry["expires"]) if "expires" in entry else None
            except ValueError:
                line, column = entry.value_pos("expires")
                errors.append(LocatedError(Location(name, line, column), "schema",
                                           f"{entry['expires']!r} is not a date in the calendar", "write it as YYYY-MM-DD"))
                continue
            waivers.append(Waiver(check=entry["check"], organisation=entry["organisation"], subject=entry.get("subject"),
                                  justification=entry["justification"], owner=entry["owner"], expires=expires,
                                  location=Location(name, *entry.pos)))
    if errors:
        raise InvalidInput(errors)
    return tuple(waivers)
