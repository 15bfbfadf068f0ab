"""Shared fixtures: one classifier on the shared lexicon, without any caisse's extra terms."""

from __future__ import annotations

import pytest

from bot.moderation import Classifier


@pytest.fixture(scope="session")
def classifier() -> Classifier:
    return Classifier()
