"""Public comments on the caisse's Facebook page (Page webhook, `feed` field), handled per the
usage charter (grid items F9 and F10).

Meta delivers them to Messenger's webhook (same callback, same signature): each entry's
`changes` come here, its `messaging` stays with Messenger (`bot.channels.messenger`). Per comment:
- the page's own comments, the assistant's replies included, are ignored (no loops);
- personal data found by the detector: the comment is hidden at once, its author gets a private
  reply saying what was hidden, why, and where to ask securely; only the masked text is stored;
- otherwise the trained model reads the masked text (`agent.parse_message`, the same pipeline
  as the conversations, AnswerGate and moderation verdict included): a general question with a
  validated template gets a short public reply (the template's answer, general wording); a
  question about the person's own file a private reply with the secure channels; abuse, threats,
  spam and self-harm are hidden and flagged for the moderators (threats and self-harm also go to
  the agents' queue, first); criticism stays visible and gets a polite public answer; anything
  else goes to the agents' queue as a comment thread;
- an edited comment is checked again (hidden when personal data appeared), a removed one marked.
Its text is cleaned first as at the channels' door (`bot.channels.masking.printable`).

A thread (a top-level comment and its replies) is one conversation for the queue and the
moderators: `facebook_comment:<id of the top-level comment>`, which names no person.

Comments on the Instagram account's media (Instagram webhook, `comments` field) are handled the
same way: only the delivery's shape, the Graph API's hide field and reply edge, the variable
holding the account's own id and the channel naming the thread differ (`Platform`).
Replies and hidings that could not be sent after the Graph API retries put the thread in the agents'
queue, with their own reason (`NOT_SENT`).
"""
from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, Iterable, Iterator, Optional, Tuple

from rasa.shared.core.domain import Domain

from actions.moderation import URGENT_PRIORITY
from bot.channels.graph_api import GraphApi
from bot.channels.masking import printable
from bot.config import CaisseConfig, get_config
from bot.dialogue.moderation import self_harm_message
from bot.dialogue.privacy import masked_data_notice
from bot.handoff.queue import request_handoff
from bot.handoff.reasons import NOT_SENT, handoff_reason
from bot.moderation import SEVERITIES, Severity
from bot.moderation.flags import flag_conversation
from bot.personal_data import mask
from bot.nlu.parse import selected_template
from bot.settings import get_settings
from bot.social import records
from bot.social.records import SocialComment
from bot.storage import utcnow
from bot.templates.responses import render_response
from bot.templates.nlg import DOMAIN_PATH, published_answer_text

logger = logging.getLogger(__name__)



@dataclass(frozen=True)
class Platform:
    """What differs between a Facebook page's comments and an Instagram account's."""

    name: str  # bot.social.records
    channel: str  # names the thread for the queue and the moderators
    own_id_setting: str  # the account whose own comments are ignored (bot.settings)
    hide_field: str  # POST /{comment-id}
    reply_edge: str  # POST /{comment-id}/{edge}: a public reply


FACEBOOK = Platform(records.FACEBOOK, "facebook_comment", "fb_page_id", "is_hidden", "comments")
INSTAGRAM = Platform(records.INSTAGRAM, "instagram_comment", "ig_account_id", "hide", "replies")
PLATFORMS = {platform.name: platform for platform in (FACEBOOK, INSTAGRAM)}
CHANNEL = FACEBOOK.channel
ADD, EDITED, REMOVE = "add", "edited", "remove"
# What the model's reading of a comment leads to.
PUBLIC, PRIVATE, HIDE, CRITICISM, QUEUE = "public", "private", "hide", "criticism", "queue"
HIDDEN_INTENTS = ("abuse", "threat", "self_harm", "spam")
OWN_FILE_INTENTS = ("personal_situation", "share_personal_data")


@dataclass(frozen=True)
class Comment:
    comment_id: str
    post_id: str
    parent_id: Optional[str]
    verb: str
    text: str
    author_id: Optional[str]
    page_id: str  # the page (or Instagram account) the delivery is for (the entry's id)
    platform: Platform = FACEBOOK

    @property
    def conversation_id(self) -> str:
        """The thread's: a reply's parent is the top-level comment (Facebook nests one level)."""
        root = self.parent_id if self.parent_id and self.parent_id != self.post_id else self.comment_id
        return f"{self.platform.channel}:{root}"

    @property
    def by_page(self) -> bool:
        own_ids = {getattr(get_settings(), self.platform.own_id_setting), self.page_id}
        return self.author_id is not None and self.author_id in own_ids


def comments_in(entries: Iterable[Dict[str, Any]]) -> Iterator[Comment]:
    """The comments of a Page webhook delivery (`feed` changes on comments; posts, reactions
    and the rest are not ours to handle)."""
    for entry in entries:
        for change in entry.get("changes") or []:
            value = change.get("value") or {}
            if change.get("field") != "feed" or value.get("item") != "comment" or not value.get("comment_id"):
                continue
            yield Comment(comment_id=str(value["comment_id"]), post_id=str(value.get("post_id") or ""),
                          parent_id=str(value["parent_id"]) if value.get("parent_id") else None,
                          verb=value.get("verb") or ADD, text=value.get("message") or "",
                          author_id=str((value.get("from") or {}).get("id") or "") or None,
                          page_id=str(entry.get("id") or ""))


def instagram_comments_in(entries: Iterable[Dict[str, Any]]) -> Iterator[Comment]:
    """The comments of an Instagram webhook delivery (`comments` changes; Meta sends new comments
    only, neither edits nor removals)."""
    for entry in entries:
        for change in entry.get("changes") or []:
            value = change.get("value") or {}
            if change.get("field") != "comments" or not value.get("id"):
                continue
            yield Comment(comment_id=str(value["id"]), post_id=str((value.get("media") or {}).get("id") or ""),
                          parent_id=str(value["parent_id"]) if value.get("parent_id") else None, verb=ADD,
                          text=value.get("text") or "",
                          author_id=str((value.get("from") or {}).get("id") or "") or None,
                          page_id=str(entry.get("id") or ""), platform=INSTAGRAM)


def route(parse_data: Dict[str, Any]) -> Tuple[str, Optional[str]]:
    """What to do with a comment the model read, and its detail: the template id of a public
    answer, the moderation category of a hidden comment, the intent of a queued one."""
    intent = (parse_data.get("intent") or {}).get("name")
    if intent in HIDDEN_INTENTS:
        category = (parse_data.get("moderation") or {}).get("category")
        return HIDE, category if category in SEVERITIES and category != "none" else (
            "insult" if intent == "abuse" else intent)
    if intent == "criticism":
        return CRITICISM, None
    template, _ = selected_template(parse_data)
    if intent == "faq" and template:  # past the AnswerGate: validated and confident enough
        return PUBLIC, template
    if intent in OWN_FILE_INTENTS:
        return PRIVATE, None
    return QUEUE, intent


@lru_cache(maxsize=1)
def _domain_responses() -> Dict[str, Any]:
    return Domain.load(str(DOMAIN_PATH)).responses


def say(name: str, config: CaisseConfig) -> str:
    """A response of domain.yml, filled with the caisse's contacts."""
    return render_response(_domain_responses()[name][0], config.branch, config)["text"]


class PageComments:
    """Handles the comments of one delivery with the Rasa agent of this server."""

    def __init__(self, agent: Any, graph: Optional[GraphApi] = None, config: Optional[CaisseConfig] = None,
                 engine: Any = None) -> None:
        self.agent, self.graph = agent, graph or GraphApi()
        self.config, self.engine = config or get_config(), engine

    async def _db(self, function, *args, **kwargs):
        """Our tables are written in a thread: the server's loop keeps serving other comments."""
        return await asyncio.to_thread(function, *args, engine=self.engine, **kwargs)

    async def handle(self, comment: Comment) -> Optional[str]:
        """The action taken (`bot.social.records.ACTIONS`), None when nothing changed."""
        received = utcnow()
        if comment.verb == REMOVE:
            return await self._removed(comment, received)
        masked = mask(printable(comment.text))  # cleaned as on the conversation channels
        existing = await self._db(records.find_comment, comment.comment_id)
        if existing is not None:
            if comment.verb != EDITED:
                return None  # Meta delivered it again
            return await self._edited(comment, existing, masked, received)
        row = SocialComment(platform=comment.platform.name, comment_id=comment.comment_id, post_id=comment.post_id,
                            parent_id=comment.parent_id, conversation_id=comment.conversation_id,
                            masked_text=masked.text, personal_data=records.kinds(masked.types),
                            received_at=received, edited_at=received if comment.verb == EDITED else None)
        if comment.by_page:
            row.action = records.IGNORED_OWN
        elif masked.types:
            for name, value in (await self._hide_personal_data(comment, masked.types)).items():
                setattr(row, name, value)
        else:
            await self._answer(comment, row)
        await self._db(records.add_comment, row)
        logger.info("Commentaire %s : %s.", comment.comment_id, row.action)
        return row.action

    async def _hide_personal_data(self, comment: Comment, types) -> Dict[str, Any]:
        """Hidden first (what the F9 delay measures), then the private reply; the stored values."""
        hidden = await self.graph.hide_comment(comment.comment_id, comment.platform.hide_field)
        hidden_at = utcnow() if hidden else None
        text = (f"{say('utter_comment_personal_data_hidden', self.config)}\n\n"
                f"{masked_data_notice(types, self.config.contacts)}")
        answered_at = utcnow() if await self._reply_privately(comment, text) else None
        if hidden_at is None or answered_at is None:
            await self._queue(comment, NOT_SENT)
        return {"action": records.HIDDEN_PERSONAL_DATA, "hidden_at": hidden_at, "answered_at": answered_at}

    async def _answer(self, comment: Comment, row: SocialComment) -> None:
        parse_data = await self.agent.parse_message(row.masked_text)
        kind, detail = route(parse_data)
        reply: Optional[bool] = None
        if kind == PUBLIC:
            answer = await asyncio.to_thread(published_answer_text, detail, self.config, self.engine)
            row.action = records.PUBLIC_REPLY
            reply = await self._reply_publicly(
                comment, f"{answer}\n\n{say('utter_comment_public_answer_end', self.config)}")
        elif kind == CRITICISM:
            row.action = records.PUBLIC_REPLY
            reply = await self._reply_publicly(comment, say("utter_comment_criticism", self.config))
        elif kind == PRIVATE:
            row.action = records.PRIVATE_REPLY
            reply = await self._reply_privately(comment, say("utter_comment_own_file", self.config))
        elif kind == HIDE:
            row.action = records.HIDDEN_ABUSE
            await self._hide_abuse(comment, row, detail)
        else:
            row.action = records.QUEUED
            await self._queue(comment, handoff_reason(detail, None))
        if reply:
            row.answered_at = utcnow()
        elif reply is False:
            await self._queue(comment, NOT_SENT)

    async def _hide_abuse(self, comment: Comment, row: SocialComment, category: str) -> None:
        if await self.graph.hide_comment(comment.comment_id, comment.platform.hide_field):
            row.hidden_at = utcnow()
        severity = SEVERITIES.get(category, Severity.HIGH)
        await self._db(flag_conversation, comment.conversation_id, category, str(severity), comment.platform.channel)
        if category in URGENT_PRIORITY:
            await self._db(request_handoff, comment.conversation_id, comment.platform.channel, "urgent",
                           priority=URGENT_PRIORITY[category])
        elif row.hidden_at is None:  # still in view: an agent hides it from the page
            await self._queue(comment, NOT_SENT)
        if category == "self_harm" and await self._reply_privately(comment, self_harm_message(self.config)):
            row.answered_at = utcnow()

    async def _edited(self, comment: Comment, existing: SocialComment, masked, received) -> Optional[str]:
        values: Dict[str, Any] = {"masked_text": masked.text, "edited_at": received}
        if masked.types:
            values["personal_data"] = records.kinds(masked.types)
        if masked.types and existing.hidden_at is None and not comment.by_page:
            hidden = await self._hide_personal_data(comment, masked.types)
            values.update(hidden, answered_at=existing.answered_at or hidden["answered_at"])
        await self._db(records.update_comment, comment.comment_id, **values)
        return values.get("action")

    async def _removed(self, comment: Comment, received) -> Optional[str]:
        """Marked, not deleted: the delays stay counted. A comment waiting for an agent needs
        no answer any more."""
        existing = await self._db(records.find_comment, comment.comment_id)
        if existing is None:
            return None
        values: Dict[str, Any] = {"deleted_at": received}
        if existing.action == records.QUEUED:
            values["action"] = records.DELETED
        await self._db(records.update_comment, comment.comment_id, **values)
        return records.DELETED

    async def _reply_publicly(self, comment: Comment, text: str) -> bool:
        return await self.graph.reply_publicly(comment.comment_id, text, comment.platform.reply_edge) is not None

    async def _reply_privately(self, comment: Comment, text: str) -> bool:
        return await self.graph.reply_privately(private_reply_sender(comment.platform, comment.page_id),
                                                comment.comment_id, text)

    async def _queue(self, comment: Comment, reason: str) -> None:
        await self._db(request_handoff, comment.conversation_id, comment.platform.channel, reason)


def private_reply_sender(platform: Platform, page_id: Optional[str] = None) -> str:
    """The page sending a private reply (Instagram's go through the linked page): FB_PAGE_ID, else
    the page a Facebook delivery was for, else the token's own page (`me`)."""
    return get_settings().fb_page_id or (page_id if platform is FACEBOOK and page_id else "me")


async def handle_changes(entries: Iterable[Dict[str, Any]], agent: Any, graph: Optional[GraphApi] = None,
                         config: Optional[CaisseConfig] = None, engine: Any = None) -> None:
    """Every comment of a delivery, at the same time: a delivery may carry many, and hiding
    personal data must not wait for the others' answers. A comment that fails is logged (its
    id, never its text) and does not stop the others."""
    handler = PageComments(agent, graph, config, engine)
    comments = [*comments_in(entries), *instagram_comments_in(entries)]

    async def one(comment: Comment) -> None:
        try:
            await handler.handle(comment)
        except Exception as error:
            logger.error("Commentaire %s non traité : %s.", comment.comment_id, type(error).__name__)

    await asyncio.gather(*(one(comment) for comment in comments))
