from datetime import datetime
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, ConfigError, load_config


def test_default_config_is_a_caf_with_its_secure_channels():
    config = load_config(environ={})
    assert config.branch == "caf"
    assert config.contacts.phone.replace(" ", "") == "3230"
    assert config.contacts.account_url.startswith("https://")


def test_cpam_example_loads():
    config = load_config(PROJECT_ROOT / "config" / "caisse.cpam.example.yml", environ={})
    assert config.branch == "cpam"
    assert config.contacts.phone.replace(" ", "") == "3646"


def test_environment_overrides_nested_values():
    config = load_config(environ={"CAISSE__CONTACTS__PHONE": "09 69 00 00 00", "CAISSE__COMMITMENTS__RESPONSE_TIME_HOURS": "12"})
    assert config.contacts.phone == "09 69 00 00 00"
    assert config.commitments.response_time_hours == 12


def test_config_file_chosen_by_environment():
    config = load_config(environ={"CAISSE_CONFIG": "config/caisse.cpam.example.yml"})
    assert config.name == "CPAM du Rhône"


def test_other_branches_use_national_contacts():
    config = load_config(environ={})
    assert config.contacts_for("caf") is config.contacts
    assert config.contacts_for("cpam").phone.replace(" ", "") == "3646"
    assert config.contacts_for("retraite").phone.replace(" ", "") == "3960"


def test_branches_the_caisse_answers_for_use_its_own_contacts(tmp_path: Path):
    msa = tmp_path / "caisse.yml"
    msa.write_text((PROJECT_ROOT / "config" / "caisse.yml").read_text()
                   .replace("branch: caf", "branch: msa").replace("branches_covered: [caf]", "branches_covered: [msa, caf]"))
    config = load_config(msa, environ={})
    assert config.contacts_for("caf") is config.contacts  # its members' family benefits
    assert config.contacts_for("cpam").phone.replace(" ", "") == "3646"


def test_invalid_config_says_what_is_wrong(tmp_path: Path):
    bad = tmp_path / "caisse.yml"
    bad.write_text((PROJECT_ROOT / "config" / "caisse.yml").read_text().replace("branch: caf", "branch: banque"))
    with pytest.raises(ConfigError, match="banque"):
        load_config(bad, environ={})


def test_opening_hours_follow_week_and_public_holidays():
    hours = load_config(environ={}).opening_hours
    assert hours.is_open(datetime(2026, 11, 24, 10, 0))  # Tuesday morning
    assert not hours.is_open(datetime(2026, 11, 24, 18, 0))  # Tuesday evening
    assert not hours.is_open(datetime(2026, 11, 28, 10, 0))  # Saturday
    assert not hours.is_open(datetime(2026, 11, 11, 10, 0))  # Armistice, a Wednesday
