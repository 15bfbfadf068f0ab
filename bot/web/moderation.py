"""The moderators' view: conversations flagged under the usage charter, their masked messages,
and the decision (keep, hide, block for a period), audited with who and when; and the deletion
of a person's conversation on request."""
from __future__ import annotations

from datetime import datetime
from typing import Optional
from zoneinfo import ZoneInfo

from sanic import Blueprint, response
from sanic.request import Request

from bot.backoffice import Account
from bot.config import CaisseConfig
from bot.handoff.transcript import transcript
from bot.moderation.flags import decide, open_flags
from bot.retention import delete_conversation
from bot.storage.rasa_events import tracker_engine
from bot.storage import get_engine
from bot.storage._database import aware
from bot.web.pages import Pages
from bot.web.rasa_api import RasaApi, RasaUnavailable
from bot.web.security import requires_role

CATEGORY_LABELS = {"insult": "insulte", "threat": "menace", "hate": "propos haineux",
                   "defamation": "diffamation", "spam": "publicité", "self_harm": "détresse"}
# What each decision does to a suspension in progress (bot.moderation.flags.decide), said on the form.
DECISION_LABELS = {"keep": "Conserver (rien à retirer) : la suspension en cours, s'il y en a une, est levée",
                   "hide": "Masquer aux conseillers : la suspension en cours, s'il y en a une, continue",
                   "block": "Suspendre la personne pour la durée indiquée ci-dessous"}
AUTHORS = {"person": "Personne", "bot": "Assistant", "agent": "Conseiller", "system": "Message automatique"}


def moderation_blueprint(pages: Pages, config: CaisseConfig, rasa: RasaApi) -> Blueprint:
    bp = Blueprint("moderation", url_prefix="/moderation")
    zone = ZoneInfo(config.opening_hours.timezone)

    def when(moment: Optional[datetime]) -> str:
        """Local time of the caisse, as on every other page."""
        return aware(moment).astimezone(zone).strftime("%d/%m/%Y à %H:%M") if moment else ""

    @bp.get("/")
    @requires_role("moderator")
    async def flagged(request: Request, account: Account):
        flags = []
        for flag in open_flags():
            try:
                lines = [{"author": line.name or AUTHORS.get(line.author, line.author), "text": line.text,
                          "at": when(datetime.fromisoformat(line.at)), "person": line.author == "person"}
                         for line in transcript(await rasa.events(flag.conversation_id))]
            except RasaUnavailable:
                lines = []
            flags.append({"flag": flag, "lines": lines[-10:], "flagged_at": when(flag.flagged_at),
                          "blocked_until": when(flag.blocked_until)})
        return pages.render("backoffice/moderation.html", account=account, flags=flags,
                            categories=CATEGORY_LABELS, decisions=DECISION_LABELS, notice=request.args.get("fait", ""))

    @bp.post("/<flag_id:int>/decision")
    @requires_role("moderator")
    async def decision(request: Request, account: Account, flag_id: int):
        choice = request.form.get("decision", "")
        try:
            minutes = int(request.form.get("minutes") or 0)
            decide(flag_id, choice, f"moderator:{account.username}", block_minutes=max(0, minutes))
        except (ValueError, LookupError) as error:
            return response.text(f"Décision impossible : {error}", status=400)
        return response.redirect("/moderation?fait=decision")

    @bp.post("/suppression")
    @requires_role("moderator")
    async def delete_on_request(request: Request, account: Account):
        conversation_id = (request.form.get("conversation_id") or "").strip()
        if not conversation_id:
            return response.text("Indiquez l'identifiant de la conversation.", status=400)
        delete_conversation(conversation_id, f"moderator:{account.username}",
                            request.form.get("reference") or "", get_engine(), tracker_engine(), config)
        return response.redirect("/moderation?fait=suppression")

    return bp
