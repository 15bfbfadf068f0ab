"""Time counted within the caisse's opening hours, public holidays excluded.

Commitments are made in working hours (grid item F1: "24 h ouvrées"); an evening, a weekend or
a bank holiday (Alsace-Moselle's extra days included, through the `holidays` library's
subdivisions) does not count against the caisse.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Iterator, Optional, Tuple
from zoneinfo import ZoneInfo

from bot.config import Commitments, OpeningHours

MAX_DAYS_AHEAD = 400  # a year of closures is a configuration error, not a wait


def _local(moment: datetime, hours: OpeningHours) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("aware datetime expected")
    return moment.astimezone(ZoneInfo(hours.timezone))


def _open_intervals(first_day: date, hours: OpeningHours) -> Iterator[Tuple[datetime, datetime]]:
    """Opening intervals (local, aware) from `first_day` on, in order."""
    zone = ZoneInfo(hours.timezone)
    for offset in range(MAX_DAYS_AHEAD):
        day = first_day + timedelta(days=offset)
        for start, end in hours.slots(day):
            yield datetime.combine(day, start, zone), datetime.combine(day, end, zone)


def business_seconds(start: datetime, end: datetime, hours: OpeningHours) -> int:
    """Seconds between two instants that fall within opening hours."""
    start, end = _local(start, hours), _local(end, hours)
    total = 0.0
    for open_at, close_at in _open_intervals(start.date(), hours):
        if open_at >= end:
            break
        overlap = (min(close_at, end) - max(open_at, start)).total_seconds()
        total += max(0.0, overlap)
    return int(total)


def add_business_seconds(start: datetime, seconds: float, hours: OpeningHours) -> Optional[datetime]:
    """The instant when `seconds` of opening time have passed since `start` (None: never opens)."""
    start = _local(start, hours)
    left = seconds
    for open_at, close_at in _open_intervals(start.date(), hours):
        if close_at <= start:
            continue
        begin = max(open_at, start)
        available = (close_at - begin).total_seconds()
        if left <= available:
            return begin + timedelta(seconds=left)
        left -= available
    return None


def next_opening(moment: datetime, hours: OpeningHours) -> Optional[datetime]:
    """`moment` itself when open, else the start of the next opening slot."""
    local = _local(moment, hours)
    for open_at, close_at in _open_intervals(local.date(), hours):
        if close_at > local:
            return max(open_at, local)
    return None


def commitment_deadline(requested_at: datetime, commitments: Commitments, hours: OpeningHours) -> Optional[datetime]:
    """When the answer promised to the person (F1) is due."""
    promised = commitments.response_time_hours * 3600
    if commitments.business_hours_only:
        return add_business_seconds(requested_at, promised, hours)
    return requested_at + timedelta(seconds=promised)


def reactivity_bucket(business_delay_seconds: float, commitments: Commitments) -> str:
    """The F2 bucket a delay falls in: hour, half_day, day or later."""
    for bucket, limit_hours in sorted(commitments.reactivity_buckets_hours.items(), key=lambda item: item[1]):
        if business_delay_seconds <= limit_hours * 3600:
            return bucket
    return "later"
