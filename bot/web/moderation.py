"""The moderators' view: conversations flagged under the usage charter, their masked messages,
and the decision (keep, hide, block for a period), audited with who and when; and the deletion
of a person's conversation on request."""
from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any, Dict, List, Optional
from zoneinfo import ZoneInfo

from sanic import Blueprint, response
from sanic.request import Request

from bot.backoffice import Account
from bot.config import CaisseConfig
from bot.handoff.transcript import transcript
from bot.moderation.flags import decide, open_flags
from bot.retention import delete_conversation
from bot.storage.rasa_events import tracker_engine
from bot.storage import aware, get_engine
from bot.web.offload import off_loop
from bot.web.rasa_api import RasaApi, RasaUnavailable
from bot.web.security import requires_role

CATEGORY_LABELS = {"insult": "insulte", "threat": "menace", "hate": "propos haineux",
                   "defamation": "diffamation", "spam": "publicité", "self_harm": "détresse"}
# What each decision does to a suspension in progress (bot.moderation.flags.decide), said on the form.
DECISION_LABELS = {"keep": "Conserver (rien à retirer) : la suspension en cours, s'il y en a une, est levée",
                   "hide": "Masquer aux conseillers : la suspension en cours, s'il y en a une, continue",
                   "block": "Suspendre la personne pour la durée indiquée ci-dessous"}
AUTHORS = {"person": "Personne", "bot": "Assistant", "agent": "Conseiller", "system": "Message automatique"}


bp = Blueprint("moderation", url_prefix="/moderation")


def when(moment: Optional[datetime], config: CaisseConfig) -> str:
    """Local time of the caisse, as on every other page."""
    zone = ZoneInfo(config.opening_hours.timezone)
    return aware(moment).astimezone(zone).strftime("%d/%m/%Y à %H:%M") if moment else ""


async def last_lines(rasa: RasaApi, conversation_id: str, config: CaisseConfig) -> List[Dict[str, Any]]:
    """The conversation's last masked messages, as Rasa has them; none when Rasa does not answer."""
    try:
        events = await rasa.events(conversation_id)
    except RasaUnavailable:
        return []
    return [{"author": line.name or AUTHORS.get(line.author, line.author), "text": line.text,
             "at": when(datetime.fromisoformat(line.at), config), "person": line.author == "person"}
            for line in transcript(events)][-10:]


@bp.get("/")
@requires_role("moderator")
async def flagged(request: Request, account: Account):
    ctx = request.app.ctx
    flags = await off_loop(request, open_flags)
    # One call to Rasa per flag, all at once: the page waits for the slowest, not for their sum.
    transcripts = await asyncio.gather(*(last_lines(ctx.rasa, flag.conversation_id, ctx.config) for flag in flags))
    shown = [{"flag": flag, "lines": lines, "flagged_at": when(flag.flagged_at, ctx.config),
              "blocked_until": when(flag.blocked_until, ctx.config)} for flag, lines in zip(flags, transcripts)]
    return ctx.pages.render("backoffice/moderation.html", account=account, flags=shown,
                            categories=CATEGORY_LABELS, decisions=DECISION_LABELS, notice=request.args.get("fait", ""))


@bp.post("/<flag_id:int>/decision")
@requires_role("moderator")
async def decision(request: Request, account: Account, flag_id: int):
    choice = request.form.get("decision", "")
    try:
        minutes = int(request.form.get("minutes") or 0)
        await off_loop(request, decide, flag_id, choice, f"moderator:{account.username}",
                       block_minutes=max(0, minutes))
    except (ValueError, LookupError) as error:
        return response.text(f"Décision impossible : {error}", status=400)
    return response.redirect("/moderation?fait=decision")


@bp.post("/suppression")
@requires_role("moderator")
async def delete_on_request(request: Request, account: Account):
    conversation_id = (request.form.get("conversation_id") or "").strip()
    if not conversation_id:
        return response.text("Indiquez l'identifiant de la conversation.", status=400)
    await off_loop(request, delete_conversation, conversation_id, f"moderator:{account.username}",
                   request.form.get("reference") or "", get_engine(), tracker_engine(), request.app.ctx.config)
    return response.redirect("/moderation?fait=suppression")
