"""Conversations kept no longer than their purpose needs (a conversation is personal data).

`purge()` deletes, in Rasa's tracker store, the conversations whose last message is older than
the transcripts' retention, the masked unanswered questions of that age, and takes the
conversation ids off the handoff records older than theirs; the indicators' facts are derived
first and kept, so the figures of every period stay the same. `delete_conversation()` does it
at once for one person who asks. `remask_stores()` masks again, with the current detector,
what an earlier one let through (the purge runs it when the detector has changed). Each leaves
an audit line without any content.
"""
from bot.retention.purge import PurgeReport, RetentionAudit, delete_conversation, purge, purge_is_due
from bot.retention.remask import RemaskReport, broker_engine_from_environment, remask_stores

__all__ = ["PurgeReport", "RemaskReport", "RetentionAudit", "broker_engine_from_environment",
           "delete_conversation", "purge", "purge_is_due", "remask_stores"]
