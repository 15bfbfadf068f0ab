"""Conversations kept no longer than their purpose needs (a conversation is personal data).

`purge()` deletes, in Rasa's tracker store, the conversations whose last message is older than
the transcripts' retention, the masked unanswered questions of that age, and takes the
conversation ids off the handoff records older than theirs; the indicators' facts are derived
first and kept, so the figures of every period stay the same. `delete_conversation()` does it
at once for one person who asks. Both leave an audit line without any content.
"""
from bot.retention.purge import (
    PurgeReport, RetentionAudit, delete_conversation, purge, purge_is_due, tracker_engine_from_environment,
)

__all__ = ["PurgeReport", "RetentionAudit", "delete_conversation", "purge", "purge_is_due",
           "tracker_engine_from_environment"]
