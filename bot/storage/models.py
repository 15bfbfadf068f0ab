"""Every table of ours, imported in one place so that Alembic's autogenerate sees them all."""
from bot.backoffice.accounts import BackofficeSession, LoginAttempt, User  # noqa: F401
from bot.handoff.records import Handoff, HandoffEvent  # noqa: F401
from bot.indicators.facts import ConversationFact, MaskedDataFact, UnansweredQuestion  # noqa: F401
from bot.moderation.flags import ModerationEvent, ModerationFlag  # noqa: F401
from bot.retention.purge import RetentionAudit  # noqa: F401
from bot.social.records import SocialComment  # noqa: F401
from bot.storage._database import Base
from bot.storage.feedback import AnswerFeedback  # noqa: F401
from bot.templates.versions import TemplateVersion  # noqa: F401

__all__ = ["Base"]
