"""Conversation ids issued by the server and their proofs of possession."""
import pytest

from bot.channels import ownership
from bot.settings import get_settings


def test_an_issued_id_has_the_fixed_format_and_its_proof_checks():
    first, second = ownership.new_conversation(), ownership.new_conversation()
    assert first.id != second.id and ownership.is_conversation_id(first.id)
    assert ownership.is_proved(first.id, first.proof)
    assert not ownership.is_proved(first.id, second.proof), "a proof is worth for its id only"
    assert not ownership.is_proved(first.id, None) and not ownership.is_proved(first.id, "")


@pytest.mark.parametrize("value", [None, "", "default", "camille.test@example.org", "06 48 27 19 53",
                                   "a\x00" * 16, "a" * 100_000, "é" * 32, 12])
def test_values_not_issued_by_the_server_are_not_conversation_ids(value):
    assert not ownership.is_conversation_id(value)
    assert not ownership.is_proved(value, "0" * 64)


def test_a_proof_from_another_secret_is_refused(monkeypatch):
    conversation = ownership.new_conversation()
    monkeypatch.setenv(ownership.SECRET_VARIABLE, "another-synthetic-secret")
    get_settings.cache_clear()
    assert not ownership.is_proved(conversation.id, conversation.proof)
    assert not ownership.is_proved(conversation.id, "é" * 64), "non-ASCII proofs are refused, not an error"


def test_without_secret_the_server_does_not_start(monkeypatch):
    monkeypatch.delenv(ownership.SECRET_VARIABLE)
    with pytest.raises(RuntimeError, match="CONVERSATION_SECRET"):
        ownership.new_conversation()
