"""Periodic work of the running assistant, in the web server: hand back to the assistant the
conversations whose moderation block has ended, and purge what is older than the retention
periods once a day. State lives in the database, so a restart only delays the work by one round."""
from __future__ import annotations

import asyncio
import logging

from bot.config import CaisseConfig
from bot.handoff.service import HandoffService
from bot.retention import purge, purge_is_due
from bot.storage.rasa_events import tracker_engine
from bot.storage import get_engine

logger = logging.getLogger(__name__)
ROUND_SECONDS = 30


def purge_when_due(config: CaisseConfig) -> None:
    engine = get_engine()
    if not purge_is_due(engine):
        return
    logger.info("Purge quotidienne : %s", purge(config, engine, tracker_engine()).detail())


async def run_forever(handoffs: HandoffService, config: CaisseConfig) -> None:
    loop = asyncio.get_running_loop()
    while True:
        try:
            await handoffs.end_suspensions()
            await loop.run_in_executor(None, purge_when_due, config)
        except Exception:  # a bad round must not stop the next ones
            logger.exception("Tâche périodique en échec")
        await asyncio.sleep(ROUND_SECONDS)
