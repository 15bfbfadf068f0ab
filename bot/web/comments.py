"""Comment threads for the agents: a public comment the assistant could not answer (or could not
hide or answer on the network) is a handoff of channel `facebook_comment` or `instagram_comment`,
with no chat transcript behind it. This page shows the thread as stored (`bot.social.records`:
masked texts only, what the assistant did, what could not be sent) and lets the agent answer
publicly under a comment or privately to its author, through the Graph API client.

An answer is masked like every agent's text (the agent's own name aside) and stored before it is
sent: when Meta does not take it after the client's retries, the page says so and keeps it for
another try. A public answer holding personal data is refused. Once Meta took it, the comment is
answered (the dashboard's delay) and the handoff closed as answered.

Routes are module-level; their dependencies (`pages`, `config`, `graph`) are on `request.app.ctx`.
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import List, Optional
from zoneinfo import ZoneInfo

from sanic import Blueprint, response
from sanic.request import Request

from bot.backoffice import Account
from bot.channels.page_comments import PLATFORMS, private_reply_sender
from bot.config import CaisseConfig
from bot.handoff.queue import HandoffError, close, get_handoff, open_queue, record_agent_reply, take
from bot.handoff.records import ACTIVE, CLOSED, OUTCOMES, WAITING, Handoff
from bot.handoff.service import MAX_REPLY_CHARACTERS, mask_agent_text
from bot.indicators import labels
from bot.social import records
from bot.social.records import SocialComment
from bot.storage import aware, utcnow
from bot.web.security import requires_role

PREFIX = "/conseiller/commentaires"
COMMENT_CHANNELS = {platform.channel: platform for platform in PLATFORMS.values()}
# Meta allows one private reply per comment, within 7 days of the comment.
PRIVATE_REPLY_WINDOW = timedelta(days=7)
ASSISTANT_DID = {
    records.HIDDEN_PERSONAL_DATA: "Masqué par l'assistant (données personnelles)",
    records.PUBLIC_REPLY: "Réponse publique de l'assistant",
    records.PRIVATE_REPLY: "Réponse privée de l'assistant à son auteur",
    records.HIDDEN_ABUSE: "Masqué par l'assistant et signalé aux modérateurs",
    records.QUEUED: "Laissé aux conseillers par l'assistant",
    records.IGNORED_OWN: "Commentaire de la page",
    records.DELETED: "Supprimé par son auteur",
}
MODES = {records.PUBLIC: "Répondre publiquement", records.PRIVATE: "Répondre en privé"}
PUBLIC_REFUSED = ("Réponse publique refusée : elle contient des données personnelles, masquées ci-dessous. "
                  "Retirez-les, ou répondez en privé.")

bp = Blueprint("comments", url_prefix=PREFIX)


@dataclass
class ThreadComment:
    """One line of the thread as the agent reads it."""

    row: SocialComment
    author: str
    did: str
    at: str
    failures: List[str] = field(default_factory=list)


@dataclass
class Form:
    """What the answer form shows: the agent's text (masked), and the error that kept it there."""

    text: str = ""
    mode: str = records.PUBLIC
    comment_id: Optional[str] = None
    unsent_id: Optional[int] = None
    error: Optional[str] = None


def _when(moment: Optional[datetime], config: CaisseConfig) -> str:
    """Local time of the caisse, as on the other back-office pages."""
    zone = ZoneInfo(config.opening_hours.timezone)
    return aware(moment).astimezone(zone).strftime("%d/%m/%Y à %H:%M") if moment else ""


def _kinds(row: SocialComment) -> str:
    return ", ".join(labels.label(labels.DATA_TYPES, kind).lower() for kind in (row.personal_data or "").split(",")
                     if kind)


def failures(row: SocialComment) -> List[str]:
    """What the assistant could not do on the network for this comment (the agents' to do)."""
    found = []
    if row.action in (records.HIDDEN_PERSONAL_DATA, records.HIDDEN_ABUSE) and row.hidden_at is None:
        found.append("Le masquage n'a pas pu être fait : le commentaire est encore visible sur la page.")
    if row.action == records.HIDDEN_PERSONAL_DATA and row.answered_at is None:
        found.append("La réponse privée de l'assistant à son auteur n'a pas pu être envoyée.")
    if row.action in (records.PUBLIC_REPLY, records.PRIVATE_REPLY) and row.answered_at is None:
        found.append("La réponse de l'assistant n'a pas pu être envoyée.")
    if row.by_agent and row.sent_at is None:
        found.append("Réponse non envoyée : le réseau social ne l'a pas acceptée. Elle est gardée ci-dessous "
                     "pour un nouvel essai.")
    return found


def _line(row: SocialComment, config: CaisseConfig) -> ThreadComment:
    if row.by_agent:
        did = "Réponse publique d'un conseiller" if row.reply_mode == records.PUBLIC else \
            "Réponse privée d'un conseiller à l'auteur du commentaire"
        return ThreadComment(row, "Conseiller (page)", did, _when(row.received_at, config), failures(row))
    did = ASSISTANT_DID.get(row.action, row.action)
    if row.action == records.HIDDEN_PERSONAL_DATA and row.personal_data:
        did = f"{did} : {_kinds(row)}"
    if row.action == records.HIDDEN_PERSONAL_DATA and row.answered_at is not None:
        did += " ; réponse privée envoyée à son auteur"
    if row.edited_at is not None:
        did += f" ; modifié le {_when(row.edited_at, config)}"
    if row.deleted_at is not None and row.action != records.DELETED:
        did += f" ; supprimé par son auteur le {_when(row.deleted_at, config)}"
    author = "La page (assistant)" if row.action == records.IGNORED_OWN else "Personne"
    return ThreadComment(row, author, did, _when(row.received_at, config), failures(row))


def answerable(rows: List[SocialComment]) -> List[SocialComment]:
    """The comments an agent may answer: a person's, still on the page."""
    return [row for row in rows if row.action != records.IGNORED_OWN and row.deleted_at is None]


def private_reply_refusal(comment: SocialComment, rows: List[SocialComment], now: datetime) -> Optional[str]:
    """Why Meta would refuse a private reply to this comment, in French, or None."""
    if now - aware(comment.received_at) > PRIVATE_REPLY_WINDOW:
        return "Réponse privée impossible : Meta ne l'autorise que dans les 7 jours qui suivent le commentaire."
    by_assistant = comment.action in (records.HIDDEN_PERSONAL_DATA, records.PRIVATE_REPLY, records.HIDDEN_ABUSE) \
        and comment.answered_at is not None
    by_agent = any(row.reply_mode == records.PRIVATE and row.sent_at is not None
                   and row.parent_id == comment.comment_id for row in rows)
    if by_assistant or by_agent:
        return ("Réponse privée impossible : son auteur en a déjà reçu une, et Meta n'en permet qu'une par "
                "commentaire. Répondez publiquement, sans donnée personnelle.")
    return None


def _comment_handoff(handoff_id: int) -> Optional[Handoff]:
    handoff = get_handoff(handoff_id)
    return handoff if handoff is not None and handoff.channel in COMMENT_CHANNELS else None


def _post_link(platform: str, post_id: str) -> Optional[str]:
    """A Facebook post's address follows from its id; an Instagram one needs its permalink from the
    Graph API, which we do not store."""
    return f"https://www.facebook.com/{post_id}" if platform == records.FACEBOOK and post_id else None


def _render(request: Request, account: Account, handoff: Handoff, form: Optional[Form] = None,
            status: int = 200) -> response.HTTPResponse:
    ctx = request.app.ctx
    rows = records.thread(handoff.conversation_id)
    lines = [_line(row, ctx.config) for row in rows]
    people = answerable(rows)
    if form is None:
        unsent = next((row for row in reversed(rows) if row.by_agent and row.sent_at is None), None)
        form = Form(unsent.masked_text, unsent.reply_mode, unsent.parent_id, unsent.id) if unsent else Form()
    if form.comment_id is None and people:
        form.comment_id = people[-1].comment_id
    platform = COMMENT_CHANNELS[handoff.channel]
    top = rows[0] if rows else None
    return ctx.pages.render(
        "backoffice/comment_thread.html", status=status, account=account, handoff=handoff, lines=lines,
        answerable=people, form=form, modes=MODES, outcomes=labels.OUTCOMES,
        platform_label=labels.label(labels.PLATFORMS, platform.name),
        post_id=top.post_id if top else None, post_link=_post_link(platform.name, top.post_id) if top else None,
        reason_label=labels.label(labels.REASONS, handoff.reason),
        status_label=labels.label(labels.STATUSES, handoff.status),
        held_by_other=handoff.status == ACTIVE and handoff.agent_id != account.id,
        requested_at=_when(handoff.requested_at, ctx.config), closed=handoff.status == CLOSED,
        max_characters=MAX_REPLY_CHARACTERS)


def _actor(account: Account) -> str:
    return f"agent:{account.username}"


@bp.get("/")
@requires_role("agent")
async def threads(request: Request, account: Account):
    """The comment threads waiting for an agent or held by one."""
    ctx = request.app.ctx

    def gather():
        found = []
        for entry in open_queue(ctx.config):
            handoff = entry.handoff
            if handoff.channel not in COMMENT_CHANNELS:
                continue
            rows = records.thread(handoff.conversation_id)
            found.append({"handoff": handoff, "position": entry.position, "first": rows[0] if rows else None,
                          "comments": len(answerable(rows)), "failures": sum(len(failures(row)) for row in rows),
                          "channel_label": labels.label(labels.CHANNELS, handoff.channel),
                          "reason_label": labels.label(labels.REASONS, handoff.reason),
                          "status_label": labels.label(labels.STATUSES, handoff.status),
                          "requested_at": _when(handoff.requested_at, ctx.config)})
        return found

    return ctx.pages.render("backoffice/comments.html", account=account, threads=await asyncio.to_thread(gather))


@bp.get("/<handoff_id:int>")
@requires_role("agent")
async def thread_page(request: Request, account: Account, handoff_id: int):
    handoff = await asyncio.to_thread(_comment_handoff, handoff_id)
    if handoff is None:
        return response.text("Fil de commentaires introuvable.", status=404)
    return await asyncio.to_thread(_render, request, account, handoff)


def _checked_answer(request: Request, account: Account, handoff: Handoff) -> tuple:
    """The agent's answer, masked, and the comment it answers; or the form to show again with
    its error and HTTP status."""
    text = (request.form.get("text") or "").strip()
    mode = request.form.get("mode") or ""
    unsent = request.form.get("unsent") or ""
    form = Form(mode=mode if mode in MODES else records.PUBLIC, comment_id=request.form.get("comment"),
                unsent_id=int(unsent) if unsent.isdigit() else None)
    if handoff.status == CLOSED:
        return None, None, Form(error="Ce fil est déjà traité : la demande est fermée."), 409
    if handoff.status == ACTIVE and handoff.agent_id != account.id:
        form.error = "Un autre conseiller tient ce fil de commentaires."
        return None, None, form, 409
    if mode not in MODES:
        form.error = "Choisissez « Répondre publiquement » ou « Répondre en privé »."
        return None, None, form, 400
    if not text:
        form.error = "La réponse est vide."
        return None, None, form, 400
    masked = mask_agent_text(text, account)
    form.text = masked  # never the agent's text in clear, even shown back
    if len(text) > MAX_REPLY_CHARACTERS:
        form.error = f"Réponse trop longue ({MAX_REPLY_CHARACTERS} caractères au plus)."
        return None, None, form, 400
    rows = records.thread(handoff.conversation_id)
    comment = next((row for row in answerable(rows) if row.comment_id == form.comment_id), None)
    if comment is None:
        form.error = "Choisissez le commentaire auquel vous répondez."
        return None, None, form, 400
    if mode == records.PUBLIC and masked != text:
        form.error = PUBLIC_REFUSED
        return None, None, form, 400
    refusal = private_reply_refusal(comment, rows, utcnow()) if mode == records.PRIVATE else None
    if refusal:
        form.error = refusal
        return None, None, form, 400
    return masked, comment, form, 200


@bp.post("/<handoff_id:int>/reponse")
@requires_role("agent")
async def answer(request: Request, account: Account, handoff_id: int):
    """Stored (masked) first, then sent; the handoff is taken before sending, so that two agents
    never answer the same thread, and closed once Meta took the answer."""
    ctx = request.app.ctx
    handoff = await asyncio.to_thread(_comment_handoff, handoff_id)
    if handoff is None:
        return response.text("Fil de commentaires introuvable.", status=404)
    masked, comment, form, status = await asyncio.to_thread(_checked_answer, request, account, handoff)
    if comment is None:
        return await asyncio.to_thread(_render, request, account, handoff, form, status)
    if handoff.status == WAITING:
        try:
            handoff = await asyncio.to_thread(take, handoff.id, account.id, _actor(account), config=ctx.config)
        except HandoffError as refused:
            form.error = str(refused)
            return await asyncio.to_thread(_render, request, account, handoff, form, 409)
    reply = await asyncio.to_thread(records.save_agent_reply, comment, form.mode, masked, None, utcnow(),
                                    form.unsent_id)
    platform = PLATFORMS[comment.platform]
    posted_id = None
    if form.mode == records.PUBLIC:
        posted_id = await ctx.graph.reply_publicly(comment.comment_id, masked, platform.reply_edge)
        sent = posted_id is not None
    else:
        sent = await ctx.graph.reply_privately(private_reply_sender(platform), comment.comment_id, masked)
    if not sent:
        form.unsent_id, form.error = reply.id, (
            "Réponse non envoyée : le réseau social ne répond pas, même après plusieurs essais. "
            "Votre texte est gardé : réessayez dans un moment.")
        return await asyncio.to_thread(_render, request, account, handoff, form, 502)

    def done() -> None:
        now = utcnow()
        records.agent_reply_sent(reply.id, comment.comment_id, now, posted_id)
        record_agent_reply(handoff.id, account.id, _actor(account), ctx.config, now)
        close(handoff.id, account.id, _actor(account), "answered", ctx.config, now)

    await asyncio.to_thread(done)
    return response.redirect(f"{PREFIX}/{handoff.id}", status=303)


@bp.post("/<handoff_id:int>/fermeture")
@requires_role("agent")
async def close_thread(request: Request, account: Account, handoff_id: int):
    """A thread needing no answer from the page (removed by its author, answered elsewhere)."""
    ctx = request.app.ctx
    handoff = await asyncio.to_thread(_comment_handoff, handoff_id)
    if handoff is None:
        return response.text("Fil de commentaires introuvable.", status=404)
    outcome = request.form.get("outcome") or ""
    if outcome not in OUTCOMES:
        return await asyncio.to_thread(_render, request, account, handoff,
                                       Form(error="Choisissez l'issue de la demande."), 400)
    try:
        await asyncio.to_thread(close, handoff.id, account.id, _actor(account), outcome, ctx.config)
    except HandoffError as refused:
        return await asyncio.to_thread(_render, request, account, handoff, Form(error=str(refused)), 409)
    return response.redirect(f"{PREFIX}/{handoff.id}", status=303)
