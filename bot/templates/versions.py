"""Versions of the answer templates made in the back office: propose, review, publish, go back.

The YAML files under data/templates/ are the seed committed to git; every change made in the
back office is a row here (who, when, what, why), never an edit of the files, so that the history
is complete and any older text can be published again. A version is `proposed` by an editor,
then `published` or `rejected` by a validator (the community manager: the single validated
source, grid item F7). Publishing sets an effective date: now, or later for rules and amounts
that change on a fixed date (a "scheduled" version is a published one whose date has not come);
whoever reads the templates asks for those effective *now*, so the switch needs no job.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

from sqlalchemy import Boolean, Column, DateTime, Integer, String, Text, func, inspect, select
from sqlalchemy.engine import Engine

from bot.storage import Base, aware, get_engine, session_scope, utcnow
from bot.templates._loader import DEFAULT_TEMPLATES_DIR, load_templates
from bot.templates._model import AnswerTemplate

PROPOSED, PUBLISHED, REJECTED = "proposed", "published", "rejected"
STATUS_LABELS = {PROPOSED: "proposée", PUBLISHED: "publiée", REJECTED: "refusée"}
# What an editor may change; branch and theme place a template and come from its file.
EDITABLE_FIELDS = ("title", "examples", "answer", "source", "modelled_on", "reviewed", "checked_by", "owner",
                   "needs_agent")






class TemplateVersion(Base):
    __tablename__ = "template_versions"

    id = Column(Integer, primary_key=True)
    template_id = Column(String(128), nullable=False, index=True)
    # The whole template (AnswerTemplate as JSON): a version stands alone, older ones can return.
    content = Column(Text, nullable=False)
    # The version this one was edited from; None when edited from the YAML file (or new).
    base_version_id = Column(Integer, nullable=True)
    is_new = Column(Boolean, nullable=False, default=False)
    examples_changed = Column(Boolean, nullable=False, default=False)
    note = Column(String(500), nullable=False, default="")
    status = Column(String(16), nullable=False, default=PROPOSED, index=True)
    proposed_by = Column(String(64), nullable=False)
    proposed_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    reviewed_by = Column(String(64), nullable=True)
    reviewed_at = Column(DateTime(timezone=True), nullable=True)
    review_comment = Column(String(500), nullable=False, default="")
    effective_at = Column(DateTime(timezone=True), nullable=True, index=True)

    def template(self) -> AnswerTemplate:
        return AnswerTemplate.parse_obj(json.loads(self.content))

    def is_scheduled(self, now: Optional[datetime] = None) -> bool:
        return self.status == PUBLISHED and aware(self.effective_at) > (now or utcnow())

    def status_label(self, now: Optional[datetime] = None) -> str:
        return "programmée" if self.is_scheduled(now) else STATUS_LABELS[self.status]


class WorkflowError(ValueError):
    """A change the workflow refuses (already reviewed, unknown version...); safe to show."""


def _serialise(template: AnswerTemplate) -> str:
    return json.dumps(template.dict(), ensure_ascii=False, default=str, sort_keys=True)


_migrated: Set[str] = set()  # URLs whose table was seen: it stays (asked on every answer otherwise)


def _has_table(engine: Engine) -> bool:
    """A database never created or migrated has no edits: training and `make validate` work
    on a fresh clone without one (and without creating an empty SQLite file)."""
    url = str(engine.url)
    if url in _migrated:
        return True
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:") \
            and not Path(engine.url.database).exists():
        return False
    if inspect(engine).has_table(TemplateVersion.__tablename__):
        _migrated.add(url)
        return True
    return False


def effective_versions(engine: Optional[Engine] = None, now: Optional[datetime] = None) -> Dict[str, TemplateVersion]:
    """Per template, the published version with the latest effective date not after `now`."""
    engine = engine or get_engine()
    if not _has_table(engine):
        return {}
    now = now or utcnow()
    with session_scope(engine) as session:
        rows = session.execute(
            select(TemplateVersion)
            .where(TemplateVersion.status == PUBLISHED, TemplateVersion.effective_at <= now)
            .order_by(TemplateVersion.effective_at, TemplateVersion.id)
        ).scalars()
        return {version.template_id: version for version in rows}


def publication_state(engine: Optional[Engine] = None, now: Optional[datetime] = None) -> Tuple:
    """A cheap fingerprint of what is effective now: changes when a version is published,
    republished, or when a scheduled one reaches its date. Readers cache on it."""
    engine = engine or get_engine()
    if not _has_table(engine):
        return ()
    with session_scope(engine) as session:
        return tuple(session.execute(
            select(func.count(), func.max(TemplateVersion.id), func.max(TemplateVersion.reviewed_at))
            .where(TemplateVersion.status == PUBLISHED, TemplateVersion.effective_at <= (now or utcnow()))
        ).one())


def merge_templates(seed: List[AnswerTemplate], versions: Dict[str, TemplateVersion]) -> List[AnswerTemplate]:
    """The files' templates with their effective versions over them, then the new templates."""
    merged = [versions[t.id].template() if t.id in versions else t for t in seed]
    seed_ids = {t.id for t in seed}
    merged += [v.template() for template_id, v in sorted(versions.items()) if template_id not in seed_ids]
    return merged


_current_cache: Dict[Tuple, List[AnswerTemplate]] = {}


def current_templates(engine: Optional[Engine] = None, now: Optional[datetime] = None,
                      directory: Optional[Path] = None) -> List[AnswerTemplate]:
    """What the assistant says now: files merged with the versions effective now.

    Kept while neither the files (their times) nor the publication state change: the NLG server
    and the editor call this on every request. The same list is returned until then (callers
    compare it by identity and must not change it)."""
    engine = engine or get_engine()
    folder = Path(directory or DEFAULT_TEMPLATES_DIR)
    files = tuple(sorted((str(p), p.stat().st_mtime_ns) for p in folder.rglob("*.yml")))
    key = (str(engine.url), folder, files, publication_state(engine, now), now)
    if key not in _current_cache:
        _current_cache.clear()
        _current_cache[key] = merge_templates(load_templates(folder), effective_versions(engine, now))
    return _current_cache[key]


def published_template(template_id: str, engine: Optional[Engine] = None,
                       now: Optional[datetime] = None) -> Optional[AnswerTemplate]:
    """The currently published content of one template (file or version), None if unknown."""
    return next((t for t in current_templates(engine, now) if t.id == template_id), None)


def propose(template: AnswerTemplate, author: str, note: str = "", base_version_id: Optional[int] = None,
            engine: Optional[Engine] = None, directory: Optional[Path] = None) -> TemplateVersion:
    """Records an editor's change as a proposal; nothing the assistant says changes yet."""
    current = {t.id: t for t in current_templates(engine, directory=directory)}
    before = current.get(template.id)
    version = TemplateVersion(
        template_id=template.id, content=_serialise(template), base_version_id=base_version_id,
        is_new=before is None, examples_changed=before is None or before.examples != template.examples,
        note=note.strip()[:500], status=PROPOSED, proposed_by=author, proposed_at=utcnow(),
    )
    with session_scope(engine) as session:
        session.add(version)
    return version


def _review(version_id: int, reviewer: str, status: str, comment: str, effective_at: Optional[datetime],
            engine: Optional[Engine], rollback: bool = False) -> TemplateVersion:
    with session_scope(engine) as session:
        version = session.get(TemplateVersion, version_id)
        if version is None:
            raise WorkflowError("Version introuvable.")
        if version.status != PROPOSED:
            raise WorkflowError(f"Cette version est déjà {STATUS_LABELS[version.status]}.")
        if version.proposed_by == reviewer and not rollback:  # four eyes: no one validates their own text
            raise WorkflowError("Une autre personne doit relire votre proposition : "
                                "vous ne pouvez pas la publier ou la refuser vous-même.")
        version.status = status
        version.reviewed_by = reviewer
        version.reviewed_at = utcnow()
        version.review_comment = comment.strip()[:500]
        version.effective_at = effective_at
    return version


def publish(version_id: int, reviewer: str, effective_at: Optional[datetime] = None, comment: str = "",
            engine: Optional[Engine] = None) -> TemplateVersion:
    """Publishes a proposal now, or from `effective_at` (a scheduled change)."""
    now = utcnow()
    when = aware(effective_at) if effective_at else now
    return _review(version_id, reviewer, PUBLISHED, comment, max(when, now), engine)


def reject(version_id: int, reviewer: str, comment: str, engine: Optional[Engine] = None) -> TemplateVersion:
    if not comment.strip():
        raise WorkflowError("Dites à l'auteur pourquoi la proposition est refusée.")
    return _review(version_id, reviewer, REJECTED, comment, None, engine)


def republish(template: AnswerTemplate, reviewer: str, note: str, engine: Optional[Engine] = None,
              directory: Optional[Path] = None) -> TemplateVersion:
    """The way back: an older text (a version or the file's) becomes a new version, published
    now by a validator. History only grows; nothing is deleted."""
    version = propose(template, reviewer, note, engine=engine, directory=directory)
    # A text validated before comes back: the validator alone may restore it.
    return _review(version.id, reviewer, PUBLISHED, note, utcnow(), engine, rollback=True)


def get_version(version_id: int, engine: Optional[Engine] = None) -> Optional[TemplateVersion]:
    with session_scope(engine) as session:
        return session.get(TemplateVersion, version_id)


def history(template_id: str, engine: Optional[Engine] = None) -> List[TemplateVersion]:
    """Every version of a template, newest first."""
    with session_scope(engine) as session:
        return list(session.execute(
            select(TemplateVersion).where(TemplateVersion.template_id == template_id)
            .order_by(TemplateVersion.id.desc())
        ).scalars())


DECISIONS_SHOWN_FOR = timedelta(days=30)


def decisions_for(author: str, engine: Optional[Engine] = None,
                  now: Optional[datetime] = None) -> List[TemplateVersion]:
    """The author's proposals published or refused in the last 30 days, newest first: how the
    author is told what became of their text (with the validator's comment)."""
    since = (now or utcnow()) - DECISIONS_SHOWN_FOR
    with session_scope(engine) as session:
        return list(session.execute(
            select(TemplateVersion).where(TemplateVersion.proposed_by == author,
                                          TemplateVersion.status.in_((PUBLISHED, REJECTED)),
                                          TemplateVersion.reviewed_at >= since)
            .order_by(TemplateVersion.reviewed_at.desc())
        ).scalars())


def pending(engine: Optional[Engine] = None) -> List[TemplateVersion]:
    """Proposals waiting for a validator, oldest first, and published versions not yet effective."""
    now = utcnow()
    with session_scope(engine) as session:
        return list(session.execute(
            select(TemplateVersion).where(
                (TemplateVersion.status == PROPOSED)
                | ((TemplateVersion.status == PUBLISHED) & (TemplateVersion.effective_at > now))
            ).order_by(TemplateVersion.id)
        ).scalars())


@dataclass(frozen=True)
class ExamplesChange:
    template_id: str
    effective_at: datetime
    is_new: bool


def example_changes_since(moment: datetime, engine: Optional[Engine] = None,
                          now: Optional[datetime] = None) -> List[ExamplesChange]:
    """Published changes of examples (or new templates) that took effect after `moment`:
    a model trained before them does not know them yet."""
    engine = engine or get_engine()
    if not _has_table(engine):
        return []
    with session_scope(engine) as session:
        rows = session.execute(
            select(TemplateVersion).where(
                TemplateVersion.status == PUBLISHED, TemplateVersion.examples_changed.is_(True),
                TemplateVersion.effective_at > moment, TemplateVersion.effective_at <= (now or utcnow()),
            ).order_by(TemplateVersion.effective_at)
        ).scalars()
        return [ExamplesChange(v.template_id, aware(v.effective_at), v.is_new) for v in rows]
