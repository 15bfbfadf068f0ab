from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from bot.config import Commitments, OpeningHours
from bot.handoff.business_time import (
    add_business_seconds, business_seconds, commitment_deadline, next_opening, reactivity_bucket,
)

PARIS = ZoneInfo("Europe/Paris")
WEEK = {day: ["08:30-12:30", "13:30-16:30"] for day in ("monday", "tuesday", "wednesday", "thursday", "friday")}
HOURS = OpeningHours(weekly=WEEK)
ALSACE_MOSELLE = OpeningHours(weekly=WEEK, holidays_subdivision="57")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def test_within_one_slot_counts_wall_clock():
    assert business_seconds(at(2026, 11, 24, 9, 0), at(2026, 11, 24, 10, 15), HOURS) == 75 * 60


def test_lunch_break_and_evening_do_not_count():
    # Tuesday 11:00 -> 17:30: 1h30 before lunch, 3h after, nothing after 16:30.
    assert business_seconds(at(2026, 11, 24, 11, 0), at(2026, 11, 24, 17, 30), HOURS) == int(4.5 * 3600)


def test_overnight_counts_only_opening_hours():
    # Tuesday 16:00 -> Wednesday 9:00: 30 min + 30 min.
    assert business_seconds(at(2026, 11, 24, 16, 0), at(2026, 11, 25, 9, 0), HOURS) == 3600


def test_weekend_does_not_count():
    # Friday 16:00 -> Monday 9:30: 30 min on Friday, 1 h on Monday.
    assert business_seconds(at(2026, 11, 27, 16, 0), at(2026, 11, 30, 9, 30), HOURS) == 90 * 60


def test_bank_holiday_does_not_count():
    # Wednesday 11 November 2026 (Armistice) is closed: Tuesday 16:00 -> Thursday 9:00 = 30 + 30 min.
    assert business_seconds(at(2026, 11, 10, 16, 0), at(2026, 11, 12, 9, 0), HOURS) == 3600


def test_alsace_moselle_good_friday_and_saint_stephen():
    # Good Friday 3 April 2026 is a holiday only in Alsace-Moselle.
    start, end = at(2026, 4, 2, 16, 0), at(2026, 4, 7, 9, 0)  # Easter Monday 6 April closed everywhere
    assert business_seconds(start, end, HOURS) == 30 * 60 + 7 * 3600 + 30 * 60
    assert business_seconds(start, end, ALSACE_MOSELLE) == 60 * 60
    # Saturday 26 December 2026 is no working day anyway; 2025's was a Friday.
    friday = (at(2025, 12, 26, 8, 30), at(2025, 12, 26, 16, 30))
    assert business_seconds(*friday, HOURS) == 7 * 3600
    assert business_seconds(*friday, ALSACE_MOSELLE) == 0


def test_utc_input_is_converted_to_the_caisse_time_zone():
    start = datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc)  # 9:00 in Paris
    assert business_seconds(start, start + timedelta(hours=1), HOURS) == 3600


def test_adding_business_time_jumps_closures():
    # Friday 16:00 + 2 business hours = 30 min Friday, then Monday 8:30 + 1h30 = 10:00.
    assert add_business_seconds(at(2026, 11, 27, 16, 0), 2 * 3600, HOURS) == at(2026, 11, 30, 10, 0)


def test_next_opening():
    assert next_opening(at(2026, 11, 24, 9, 0), HOURS) == at(2026, 11, 24, 9, 0)
    assert next_opening(at(2026, 11, 24, 12, 45), HOURS) == at(2026, 11, 24, 13, 30)
    assert next_opening(at(2026, 11, 28, 10, 0), HOURS) == at(2026, 11, 30, 8, 30)


def test_commitment_in_working_hours_or_wall_clock():
    requested = at(2026, 11, 27, 16, 0)  # Friday
    working = Commitments(response_time_hours=12, business_hours_only=True)
    # 12 business hours: 30 min on Friday, 7 h on Monday, 4 h on Tuesday morning, 30 min after lunch.
    assert commitment_deadline(requested, working, HOURS) == at(2026, 12, 1, 14, 0)
    wall = Commitments(response_time_hours=12, business_hours_only=False)
    assert commitment_deadline(requested, wall, HOURS) == at(2026, 11, 28, 4, 0)


def test_reactivity_buckets():
    commitments = Commitments()
    assert reactivity_bucket(30 * 60, commitments) == "hour"
    assert reactivity_bucket(3 * 3600, commitments) == "half_day"
    assert reactivity_bucket(6 * 3600, commitments) == "day"
    assert reactivity_bucket(9 * 3600, commitments) == "later"
