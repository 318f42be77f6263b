"""ISO 8601 durations (``P7Y``, ``P2M``, ``P4W``, ``PT72H``) that can be compared and added to dates."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_PATTERN = re.compile(
    r"P(?!\Z)(?:(?P<years>\d{1,9})Y)?(?:(?P<months>\d{1,9})M)?(?:(?P<weeks>\d{1,9})W)?(?:(?P<days>\d{1,9})D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d{1,9})H)?(?:(?P<minutes>\d{1,9})M)?(?:(?P<seconds>\d{1,9})S)?)?\Z"
)
"""At most nine digits a part (as the schema's pattern): longer numbers state no period a rule could weigh."""
_DAYS_PER_MONTH = 365.2425 / 12  # the Gregorian mean, so that P12M == P1Y and P365D < P1Y


@dataclass(frozen=True, slots=True)
class Duration:
    """A duration kept as calendar months plus exact seconds; ordered by its mean length."""

    months: int
    seconds: int
    text: str

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Parse an ISO 8601 duration; raise ``ValueError`` for anything else."""
        match = _PATTERN.match(text)
        if not match:
            raise ValueError(f"{text!r} is not an ISO 8601 duration such as P7Y, P6M, P4W or PT72H")
        part = {k: int(v) if v else 0 for k, v in match.groupdict().items()}
        months = part["years"] * 12 + part["months"]
        days = part["weeks"] * 7 + part["days"]
        seconds = ((days * 24 + part["hours"]) * 60 + part["minutes"]) * 60 + part["seconds"]
        return cls(months, seconds, text)

    @property
    def days(self) -> float:
        """The mean length in days (a month is 1/12 of a Gregorian year)."""
        return self.months * _DAYS_PER_MONTH + self.seconds / 86400

    def after(self, start: date) -> date:
        """The date this long after ``start`` (calendar months first, then days; end of month clamps);
        ``date.max`` when that lies beyond the calendar (``P99999Y``, or a start of 9999-12-31)."""
        month_index = start.month - 1 + self.months
        year, month = start.year + month_index // 12, month_index % 12 + 1
        if year > date.max.year:
            return date.max
        day = min(start.day, calendar.monthrange(year, month)[1])
        try:
            return date(year, month, day) + timedelta(seconds=self.seconds)
        except OverflowError:
            return date.max

    def __lt__(self, other: Duration) -> bool:
        return self.days < other.days

    def __le__(self, other: Duration) -> bool:
        return self.days <= other.days

    def __gt__(self, other: Duration) -> bool:
        return self.days > other.days

    def __ge__(self, other: Duration) -> bool:
        return self.days >= other.days

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Duration) and (self.months, self.seconds) == (other.months, other.seconds)

    def __hash__(self) -> int:
        return hash((self.months, self.seconds))

    def __str__(self) -> str:
        return self.text
