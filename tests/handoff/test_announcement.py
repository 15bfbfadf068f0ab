from datetime import datetime
from zoneinfo import ZoneInfo

from bot import texts
from bot.config import load_config
from bot.handoff.announcement import estimate_wait, handoff_announcement, wait_status

PARIS = ZoneInfo("Europe/Paris")
CONFIG = load_config(environ={})


def test_open_with_agents_states_the_expected_time_of_day():
    now = datetime(2026, 11, 24, 10, 0, tzinfo=PARIS)
    estimate = estimate_wait(position=3, agents_present=2, config=CONFIG, now=now)
    assert estimate.open_now and estimate.minutes == 2 * CONFIG.handoff.average_handling_minutes
    assert wait_status(estimate, CONFIG, now) == " ".join([
        texts.text("queue.position", CONFIG, position=3),
        texts.text("queue.expected", CONFIG, moment="aujourd'hui à 10 h 20")])
    assert "minutes" not in wait_status(estimate, CONFIG, now)


def test_a_wait_past_the_closing_time_goes_on_at_the_next_opening():
    tuesday_late = datetime(2026, 11, 24, 16, 20, tzinfo=PARIS)  # closes at 16 h 30
    estimate = estimate_wait(position=3, agents_present=1, config=CONFIG, now=tuesday_late)
    assert estimate.minutes == 3 * CONFIG.handoff.average_handling_minutes
    expected = texts.text("queue.expected", CONFIG, moment="demain à 8 h 50")
    assert expected in wait_status(estimate, CONFIG, tuesday_late)


def test_open_without_agents_gives_the_commitment_as_a_time_of_day():
    now = datetime(2026, 11, 24, 10, 0, tzinfo=PARIS)
    estimate = estimate_wait(position=1, agents_present=0, config=CONFIG, now=now)
    assert estimate.minutes is None
    assert wait_status(estimate, CONFIG, now) == " ".join([
        texts.text("queue.first", CONFIG), texts.text("queue.no_agent", CONFIG, moment="vendredi 27 novembre à 10 h")])


def test_closed_says_when_agents_are_back():
    friday_evening = datetime(2026, 11, 27, 18, 0, tzinfo=PARIS)
    estimate = estimate_wait(position=1, agents_present=1, config=CONFIG, now=friday_evening)
    assert not estimate.open_now
    assert texts.text("queue.closed", CONFIG, moment="lundi 30 novembre à 8 h 30") in wait_status(
        estimate, CONFIG, friday_evening)
    evening = datetime(2026, 11, 24, 18, 0, tzinfo=PARIS)
    assert "demain à 8 h 30" in wait_status(estimate_wait(1, 1, CONFIG, evening), CONFIG, evening)


def test_announcement_gives_secure_channels_and_the_privacy_reminder():
    now = datetime(2026, 11, 24, 10, 0, tzinfo=PARIS)
    text = handoff_announcement("complaint", estimate_wait(1, 1, CONFIG, now), CONFIG, now)
    assert text.startswith(texts.text("handoff.opening_complaint", CONFIG))
    assert text.endswith(texts.text("handoff.after", CONFIG))
    assert CONFIG.contacts.account_url in text and CONFIG.contacts.phone in text
    assert "numéro de sécurité sociale" in text
