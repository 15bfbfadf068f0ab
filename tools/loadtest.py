"""`make load-test`: the production profile under load, with faults, on loopback.

200 simulated people hold conversations at a person's pace for a few minutes
(LOAD_TEST_SECONDS, 240 by default). In the middle, one Rasa server is killed (SIGKILL, as in a
crash) and started again; later PostgreSQL is restarted. At the end, both action servers are
stopped and one more message is sent. Then the test checks what a person would notice:

- every message got an answer, or a clear error message (never silence, never a hang): `lost`
  counts messages with no HTTP answer, or an empty answer outside a handoff;
- each answered message is in its conversation's history exactly once, in the order sent, and no
  history holds a message that was never sent (`duplicated`, `corrupted`);
- every handoff the person was told about has its record in the `handoffs` table
  (`handoffs_lost`);
- one conversation in five gives a (synthetic) e-mail address: it never reaches PostgreSQL in
  clear (`personal_values_in_clear`), and the person is told it was masked (`masked_notices`);
- with the action servers down, the person is told the service is unavailable and which number
  to call.

Counts are written to var/load/report.json; the exit code is 1 when anything is lost.
"""
from __future__ import annotations

import asyncio
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import asdict
from typing import Dict, List

import aiohttp
from sqlalchemy import create_engine, text

from bot import texts
from bot.config import PROJECT_ROOT, get_config
from bot.dialogue import masked_data_notice
from bot.personal_data import mask
from tools.production import ProductionPorts, ProductionStack, unavailable_texts
from tools.run import StartError
from tools.traffic import CONVERSATION, ONE_ADDRESS, Outcome, open_conversation, send

OUT = PROJECT_ROOT / "var" / "load"
PEOPLE = 200
HANDOFF_REQUEST = "je veux parler à un conseiller"
PERSONAL_VALUE = "camille.test@example.org"
PERSONAL_MESSAGE = f"comment je declare mes revenus pour la prime d'activité, mon mail c'est {PERSONAL_VALUE}"
# A person reads the answer and types the next message: 10 to 25 s (about 11 messages a second in all).
THINK_SECONDS = (10.0, 25.0)


def error_texts() -> List[str]:
    """Beginnings of the clear error messages a person may get."""
    sentences = [*unavailable_texts().values(),
                 *(texts.text(key) for key in ("door.technical_error", "door.too_many_messages", "door.too_late"))]
    return [t[:60] for t in sentences]


def classify(outcome: Outcome, errors: List[str], handed_off: bool) -> str:
    said = " ".join(outcome.answers)
    if outcome.status == 0:
        return "lost"
    if any(e in said for e in errors):
        return "error"
    if outcome.status == 200 and (outcome.answers or handed_off):
        return "answered"
    return "lost"


async def person(session: aiohttp.ClientSession, url: str, deadline: float, rng: random.Random,
                 log: List[Outcome], handoffs: Dict[str, bool]) -> None:
    """Conversations one after the other until the deadline; one in ten asks for an agent, one
    in five of the others writes an e-mail address with a question."""
    while time.monotonic() < deadline:
        wants_agent = rng.random() < 0.1
        messages = [*CONVERSATION[:2], HANDOFF_REQUEST] if wants_agent else list(CONVERSATION)
        if not wants_agent and rng.random() < 0.2:
            messages[3] = PERSONAL_MESSAGE
        try:
            conversation = await open_conversation(session, url)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:  # the person gets no conversation: lost
            log.append(Outcome("", messages[0], 0, [], 0.0, f"{type(error).__name__}: {error}"))
            await asyncio.sleep(rng.uniform(*THINK_SECONDS))
            continue
        for text_ in messages:
            outcome = await send(session, url, conversation, text_)
            log.append(outcome)
            if text_ == HANDOFF_REQUEST:  # "je transmets votre demande à un conseiller"
                handoffs[conversation.id] = outcome.status == 200 and any("transmet" in a for a in outcome.answers)
            await asyncio.sleep(rng.uniform(*THINK_SECONDS))
            if time.monotonic() > deadline:
                break


async def faults(stack: ProductionStack, seconds: float, events: List[str]) -> None:
    """Kill one Rasa server at a third and start it again at once (it takes minutes to load
    its model, while the other server carries the traffic); restart PostgreSQL at two thirds.
    Blocking calls run in threads, so that the simulated people keep talking."""
    start = time.monotonic()

    def note(what: str) -> None:
        events.append(f"{time.monotonic() - start:.0f} s : {what}")

    rasa = stack.rasa_servers[0]
    await asyncio.sleep(seconds / 3)
    rasa.kill()
    note("rasa-1 tué (SIGKILL), relancé")
    rasa.start(stack.env)
    back = asyncio.create_task(asyncio.to_thread(stack.wait_ready, [rasa]))
    await asyncio.sleep(max(0.0, start + 2 * seconds / 3 - time.monotonic()))
    note("PostgreSQL arrêté")
    await asyncio.to_thread(stack.restart, stack.postgres)
    note("PostgreSQL de nouveau prêt")
    await back
    note("rasa-1 de nouveau prêt")


async def drive(stack: ProductionStack, seconds: float) -> tuple:
    url = stack.urls["rest"]
    log: List[Outcome] = []
    handoffs: Dict[str, bool] = {}
    events: List[str] = []
    rng = random.Random(8)
    deadline = time.monotonic() + seconds
    timeout = aiohttp.ClientTimeout(total=90)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=PEOPLE), timeout=timeout) as session:
        await asyncio.gather(faults(stack, seconds, events),
                             *(person(session, url, deadline, random.Random(rng.random()), log, handoffs)
                               for _ in range(PEOPLE)))
    return log, handoffs, events


def check_histories(stack: ProductionStack, log: List[Outcome], kinds: List[str]) -> Dict[str, int]:
    """Reads the tracker store (PostgreSQL) directly: one query for all conversations."""
    engine = create_engine(stack.env["TRACKER_DB_URL"])
    stored: Dict[str, List[str]] = defaultdict(list)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT sender_id, data FROM events WHERE type_name = 'user' ORDER BY id"))
        for sender, data in rows:
            stored[sender].append(json.loads(data).get("text"))
        in_clear = connection.execute(text("SELECT count(*) FROM events WHERE data LIKE :value"),
                                      {"value": f"%{PERSONAL_VALUE}%"}).scalar()
    engine.dispose()
    sent: Dict[str, List[tuple]] = defaultdict(list)
    for outcome, kind in zip(log, kinds):
        if not outcome.sender:  # no conversation could be opened
            continue
        sent[outcome.sender].append((mask(outcome.text).text, kind))  # as the door stored it
    duplicated = corrupted = missing = 0
    examples: List[dict] = []
    for sender, messages in sent.items():
        history = stored.get(sender, [])
        counts = Counter(history)
        expected = Counter(t for t, _ in messages)
        for text_, kind in messages:
            if kind == "answered" and counts[text_] < 1:
                missing += 1
                examples.append({"missing": text_, "sent": messages, "history": history})
        if any(counts[t] > expected[t] for t in counts):
            duplicated += 1
        allowed = [t for t, _ in messages]
        position = 0
        for text_ in history:  # the history must follow the order in which messages were sent
            while position < len(allowed) and allowed[position] != text_:
                position += 1
            if position == len(allowed):
                corrupted += 1
                examples.append({"sent": messages, "history": history})
                break
            position += 1
    return {"conversations": len(sent), "answered_but_missing_from_history": missing,
            "conversations_with_duplicates": duplicated, "conversations_corrupted": corrupted,
            "personal_values_in_clear": in_clear, "examples": examples[:10]}


def count_notices(log: List[Outcome], kinds: List[str]) -> Dict[str, int]:
    """Answered messages with the e-mail address, and how many of them came with the notice
    (a notice can be missing while PostgreSQL restarts: the answer went, the data was masked)."""
    masked = [o for o, k in zip(log, kinds) if o.text == PERSONAL_MESSAGE and k == "answered"]
    notice = masked_data_notice(mask(PERSONAL_MESSAGE).types, get_config().contacts)
    return {"masked_messages_answered": len(masked), "masked_notices": sum(notice in o.answers for o in masked)}


def check_handoffs(stack: ProductionStack, handoffs: Dict[str, bool]) -> Dict[str, int]:
    told = [sender for sender, ok in handoffs.items() if ok]
    engine = create_engine(stack.env["DATABASE_URL"])
    with engine.connect() as connection:
        recorded = {row[0] for row in connection.execute(text("SELECT DISTINCT conversation_id FROM handoffs"))}
    engine.dispose()
    return {"handoffs_announced": len(told), "handoffs_recorded": len(recorded & set(told)),
            "handoffs_lost": len(set(told) - recorded)}


async def _actions_down_answer(url: str) -> Outcome:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        return await send(session, url, await open_conversation(session, url), HANDOFF_REQUEST)


def check_actions_down(stack: ProductionStack) -> Dict[str, object]:
    for server in stack.action_servers:
        server.stop()
    outcome = asyncio.run(_actions_down_answer(stack.urls["rest"]))
    said = " ".join(outcome.answers)
    expected = unavailable_texts()["actions"]
    # The clear message, once, and nothing else (no "je n'ai pas compris" after it).
    return {"status": outcome.status, "answer": said, "clear_message": outcome.answers == [expected]}


def main() -> int:
    seconds = float(os.environ.get("LOAD_TEST_SECONDS", 240))
    stack = ProductionStack(var_dir=OUT / "var", ports=ProductionPorts.shifted(300), extra_env=ONE_ADDRESS)
    print(f"Démarrage du profil de production ({OUT / 'var'})…", flush=True)
    stack.start()
    try:
        print(f"{PEOPLE} conversations simultanées pendant {seconds:.0f} s, avec pannes…", flush=True)
        log, handoffs, events = asyncio.run(drive(stack, seconds))
        errors = error_texts()
        handed_off = {s for s, ok in handoffs.items() if ok}
        kinds = [classify(o, errors, o.sender in handed_off and o.text != HANDOFF_REQUEST) for o in log]
        counts = Counter(kinds)
        report = {
            "seconds": seconds, "people": PEOPLE, "faults": events,
            "sent": len(log), "answered": counts["answered"], "errors": counts["error"], "lost": counts["lost"],
            **check_histories(stack, log, kinds), **check_handoffs(stack, handoffs), **count_notices(log, kinds),
            "actions_down": check_actions_down(stack),
            "lost_examples": [asdict(o) for o, k in zip(log, kinds) if k == "lost"][:20],
        }
    finally:
        stack.stop()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    for key in ("sent", "answered", "errors", "lost", "conversations", "answered_but_missing_from_history",
                "conversations_with_duplicates", "conversations_corrupted", "personal_values_in_clear",
                "masked_messages_answered", "masked_notices", "handoffs_announced", "handoffs_recorded",
                "handoffs_lost"):
        print(f"  {key:36} {report[key]}")
    print("  pannes : " + " ; ".join(events))
    print(f"  serveurs d'actions arrêtés : {report['actions_down']['answer']!r}")
    failed = (report["lost"] or report["answered_but_missing_from_history"] or report["conversations_with_duplicates"]
              or report["conversations_corrupted"] or report["personal_values_in_clear"] or report["handoffs_lost"]
              or not report["actions_down"]["clear_message"])
    print("ÉCHEC" if failed else "RÉUSSI", f"(détails : {OUT / 'report.json'})")
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except StartError as error:
        print(f"\nERREUR : {error}", file=sys.stderr)
        sys.exit(1)
